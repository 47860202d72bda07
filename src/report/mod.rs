//! What people look at: files written by `run` and `compare`.
//!
//! Everything here is a function of computed summaries ([`RunSummary`],
//! [`Comparison`]), never of raw trials, as in criterion.rs.

pub mod backtest;
pub mod breakdown_html;
pub mod chart_data;
pub mod chart_list;
pub mod html;
pub mod input_label;

use std::path::{Path, PathBuf};

use crate::comparison::Comparison;
use crate::error::Error;
use crate::export::csv::CsvLocale;
use crate::export::{self, write_atomic};
use crate::summary::RunSummary;

/// Every file name `run` or `compare` may write into an output directory.
/// Files of these names that a run did not write are from an earlier run
/// and are not kept, so the directory always describes one run
/// ([`crate::export::outdir`]).
pub const OUTPUT_FILES: &[&str] = &[
    "summary.json",
    "years.csv",
    "goals.csv",
    "sensitivity.csv",
    "breakdown.csv",
    "monthly.csv",
    "monthly.json",
    "comparison.json",
    "comparison.csv",
    "comparison-breakdown.csv",
    "comparison.xlsx",
    "backtest.json",
    "backtest.csv",
    "report.html",
];

/// Writes summary.json and the CSV files of a run (in `csv`'s layout).
/// The charts are [`chart_data::run_charts`].
pub fn write_run_files(
    summary: &RunSummary,
    dir: &Path,
    csv: CsvLocale,
) -> Result<Vec<PathBuf>, Error> {
    let mut written = export::export_all(summary, dir, &export::default_exporters(csv))?;
    if let Some(sens) = &summary.sensitivity {
        let path = dir.join("sensitivity.csv");
        write_atomic(&path, &export::csv::sensitivity_csv(sens, csv)?)
            .map_err(anyhow::Error::from)?;
        written.push(path);
    }
    if let Some(m) = &summary.monthly {
        for (name, bytes) in [
            ("monthly.csv", export::monthly_files::monthly_csv(m, csv)?),
            ("monthly.json", export::monthly_files::monthly_json(m)?),
        ] {
            let path = dir.join(name);
            write_atomic(&path, &bytes).map_err(anyhow::Error::from)?;
            written.push(path);
        }
    }
    if let Some(b) = &summary.breakdown {
        let path = dir.join("breakdown.csv");
        write_atomic(
            &path,
            &export::breakdown_csv::breakdown_csv(b, &summary.years, csv)?,
        )
        .map_err(anyhow::Error::from)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes comparison.json and comparison.csv (in `csv`'s layout); with
/// `--breakdown` also comparison-breakdown.csv and each option's
/// `breakdown-<id>.csv`, with `--monthly` each option's `monthly-<id>.csv`
/// and `.json` (`summaries` in the comparison's order). The charts are
/// [`chart_data::comparison_charts`].
pub fn write_comparison_files(
    c: &Comparison,
    summaries: &[RunSummary],
    dir: &Path,
    csv: CsvLocale,
) -> Result<Vec<PathBuf>, Error> {
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| -> Result<(), Error> {
        let p = dir.join(name);
        write_atomic(&p, bytes).map_err(anyhow::Error::from)?;
        written.push(p);
        Ok(())
    };
    write(
        "comparison.json",
        &serde_json::to_vec_pretty(c).map_err(anyhow::Error::from)?,
    )?;
    write("comparison.csv", &export::csv::comparison_csv(c, csv)?)?;
    if c.options.iter().any(|o| o.breakdown.is_some()) {
        write(
            "comparison-breakdown.csv",
            &export::breakdown_csv::comparison_breakdown_csv(c, csv)?,
        )?;
    }
    for (o, s) in c.options.iter().zip(summaries) {
        for name in &o.files {
            let bytes = if name.starts_with("breakdown-") {
                let b = o.breakdown.as_ref().expect("breakdown of the option");
                export::breakdown_csv::breakdown_csv(b, &c.years, csv)?
            } else {
                let m = s.monthly.as_ref().expect("monthly results of the option");
                if name.ends_with(".json") {
                    export::monthly_files::monthly_json(m)?
                } else {
                    export::monthly_files::monthly_csv(m, csv)?
                }
            };
            write(name, &bytes)?;
        }
    }
    Ok(written)
}
