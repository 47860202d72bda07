//! What people look at: files written by `run` and `compare`.
//!
//! Everything here is a function of computed summaries ([`RunSummary`],
//! [`Comparison`]), never of raw trials, as in criterion.rs.

pub mod chart_data;
pub mod html;

use std::path::{Path, PathBuf};

use crate::comparison::Comparison;
use crate::error::Error;
use crate::export::{self, write_atomic};
use crate::i18n::Lang;
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
    "comparison.json",
    "comparison.csv",
    "report.html",
];

/// Chart stems (each written as .png and .svg).
pub const CHART_STEMS: &[&str] = &[
    "cost-fan",
    "savings-histogram",
    "savings-s-curve",
    "cost-histogram",
    "goals",
    "channel-mix",
    "tornado",
    "attribution",
    "options-savings",
    "options-cumulative",
    "options-hours",
    "options-s-curve",
];

/// Writes summary.json, the CSV files and (optionally) the charts of a run.
pub fn write_run_outputs(
    summary: &RunSummary,
    dir: &Path,
    lang: Lang,
    charts: bool,
) -> Result<Vec<PathBuf>, Error> {
    let mut written = export::export_all(summary, dir, &export::default_exporters())?;
    if let Some(sens) = &summary.sensitivity {
        let path = dir.join("sensitivity.csv");
        write_atomic(&path, &crate::sensitivity::to_csv(sens)).map_err(anyhow::Error::from)?;
        written.push(path);
    }
    if charts {
        written.extend(chart_data::run_charts(summary, dir, lang)?);
    }
    Ok(written)
}

/// Writes comparison.json, comparison.csv and the comparison charts.
pub fn write_comparison_outputs(
    c: &Comparison,
    summaries: &[RunSummary],
    dir: &Path,
    lang: Lang,
    charts: bool,
) -> Result<Vec<PathBuf>, Error> {
    let mut written = Vec::new();
    let json = serde_json::to_vec_pretty(c).map_err(anyhow::Error::from)?;
    let csv = comparison_csv(c)?;
    let p = dir.join("comparison.json");
    write_atomic(&p, &json).map_err(anyhow::Error::from)?;
    written.push(p);
    let p = dir.join("comparison.csv");
    write_atomic(&p, &csv).map_err(anyhow::Error::from)?;
    written.push(p);
    if charts {
        written.extend(chart_data::comparison_charts(c, summaries, dir, lang)?);
    }
    Ok(written)
}

/// One row per option and year with the headline numbers.
pub fn comparison_csv(c: &Comparison) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "option",
        "year",
        "cost_kr_p50",
        "savings_kr_p5",
        "savings_kr_p50",
        "savings_kr_p95",
        "cumulative_net_savings_kr_p5",
        "cumulative_net_savings_kr_p50",
        "cumulative_net_savings_kr_p95",
        "displaced_retimed_p50",
        "displaced_to_digital_p50",
        "displaced_to_phone_p50",
        "displaced_avoided_p50",
    ])?;
    for o in &c.options {
        for y in &o.years {
            w.write_record([
                crate::export::sanitize::csv_text(&o.name),
                y.year.to_string(),
                y.cost_kr.p50.to_string(),
                y.savings_kr.p5.to_string(),
                y.savings_kr.p50.to_string(),
                y.savings_kr.p95.to_string(),
                y.cumulative_net_savings_kr.p5.to_string(),
                y.cumulative_net_savings_kr.p50.to_string(),
                y.cumulative_net_savings_kr.p95.to_string(),
                y.displaced_retimed.p50.to_string(),
                y.displaced_to_digital.p50.to_string(),
                y.displaced_to_phone.p50.to_string(),
                y.displaced_avoided.p50.to_string(),
            ])?;
        }
    }
    Ok(w.into_inner()?)
}
