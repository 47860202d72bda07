//! CSV files for spreadsheets: one row per metric and year.
//!
//! Text fields go through [`csv_text`] (no control characters, no formula
//! start); numbers are written as they are.

use super::sanitize::csv_text;
use super::Exporter;
use crate::summary::RunSummary;

/// `years.csv`: metric, year, mean, sd, se and percentiles.
pub struct YearsCsvExporter;

/// `goals.csv`: goal, year, target, probability.
pub struct GoalsCsvExporter;

impl Exporter for YearsCsvExporter {
    fn file_name(&self) -> &'static str {
        "years.csv"
    }

    fn render(&self, s: &RunSummary) -> anyhow::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "metric", "unit", "year", "mean", "sd", "se", "p5", "p25", "p50", "p75", "p95",
        ])?;
        for (key, m) in &s.metrics {
            for (i, v) in m.values.iter().enumerate() {
                let year = if m.values.len() == s.years.len() {
                    s.years[i].to_string()
                } else {
                    "all".into()
                };
                let nums = [v.mean, v.sd, v.se, v.p5, v.p25, v.p50, v.p75, v.p95].map(num);
                let mut rec = vec![csv_text(key), csv_text(&m.unit), year];
                rec.extend(nums);
                w.write_record(&rec)?;
            }
        }
        Ok(w.into_inner()?)
    }
}

impl Exporter for GoalsCsvExporter {
    fn file_name(&self) -> &'static str {
        "goals.csv"
    }

    fn render(&self, s: &RunSummary) -> anyhow::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "goal",
            "metric",
            "op",
            "year",
            "target",
            "probability",
            "median_value",
            "status",
        ])?;
        for g in &s.goals {
            for (i, year) in s.years.iter().enumerate() {
                let Some(t) = g.targets[i] else { continue };
                // A year in which no trial can evaluate the goal (0/0) gets
                // a row of its own with empty probability, never "met".
                let (p, status) = match g.probability[i] {
                    Some(p) => (num(p), "evaluated"),
                    None if g.not_evaluable_in(i) => (String::new(), "not evaluable"),
                    None => continue,
                };
                w.write_record([
                    csv_text(&g.name),
                    csv_text(&g.metric),
                    csv_text(&g.op),
                    year.to_string(),
                    num(t),
                    p,
                    num(g.value[i].p50),
                    status.to_string(),
                ])?;
            }
        }
        Ok(w.into_inner()?)
    }
}

/// Full precision, plain decimal point, empty for NaN.
fn num(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else {
        format!("{x}")
    }
}
