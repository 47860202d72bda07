//! `monthly.csv` and `monthly.json` (`run --monthly`, and each compared
//! option's `monthly-<id>.csv` and `.json`): per month and series, mean and
//! the 5 / 25 / 50 / 75 / 95 % points over the trials.

use serde::Serialize;

use super::csv::{to_bytes, CsvLocale};
use super::sanitize::csv_text;
use super::{Exporter, Results};
use crate::monthly::Monthly;

/// Columns of `monthly.csv`, in the order of [`MonthlyRow`]'s fields.
pub const MONTHLY_HEADER: [&str; 11] = [
    "series", "path", "goal", "unit", "month", "mean", "p5", "p25", "p50", "p75", "p95",
];

/// One row: a series in a month.
#[derive(Serialize)]
pub struct MonthlyRow {
    pub series: String,
    pub path: &'static str,
    /// The goal's name for goal series, else empty.
    pub goal: String,
    pub unit: &'static str,
    pub month: String,
    pub mean: String,
    pub p5: String,
    pub p25: String,
    pub p50: String,
    pub p75: String,
    pub p95: String,
}

/// `monthly.csv`.
pub fn monthly_csv(m: &Monthly, locale: CsvLocale) -> anyhow::Result<Vec<u8>> {
    let n = |x: f64| locale.num(x);
    let rows = m.series.iter().flat_map(|s| {
        s.values
            .iter()
            .zip(&m.months)
            .map(move |(v, month)| MonthlyRow {
                series: csv_text(&s.key.to_string()),
                path: s.path.key(),
                goal: s.goal.as_deref().map(csv_text).unwrap_or_default(),
                unit: s.unit,
                month: month.clone(),
                mean: n(v.mean),
                p5: n(v.p5),
                p25: n(v.p25),
                p50: n(v.p50),
                p75: n(v.p75),
                p95: n(v.p95),
            })
    });
    to_bytes(locale, &MONTHLY_HEADER, rows)
}

/// `monthly.json`.
pub fn monthly_json(m: &Monthly) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(m)?)
}

/// The monthly results of the run (`option` None) or of a compared option.
fn monthly_of<'a>(results: &Results<'a>, option: Option<usize>) -> anyhow::Result<&'a Monthly> {
    results
        .summary(option)?
        .monthly
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("no monthly results were computed"))
}

/// `monthly.csv` of the run (`option` None) or `monthly-<id>.csv` of a
/// compared option.
pub struct MonthlyCsv {
    pub locale: CsvLocale,
    pub option: Option<usize>,
}

impl Exporter for MonthlyCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        monthly_csv(monthly_of(results, self.option)?, self.locale)
    }
}

/// `monthly.json` of the run (`option` None) or `monthly-<id>.json` of a
/// compared option.
pub struct MonthlyJson {
    pub option: Option<usize>,
}

impl Exporter for MonthlyJson {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        monthly_json(monthly_of(results, self.option)?)
    }
}
