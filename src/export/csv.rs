//! CSV files for spreadsheets: `years.csv`, `goals.csv`, `sensitivity.csv`,
//! `comparison.csv` and `backtest.csv`, all written the same way.
//!
//! Each file is a header line and one row per record, the rows serialized
//! from the row structs below. Text fields go through [`csv_text`] (no
//! control characters, no formula start). Numbers are written in full
//! precision; a missing value (NaN: a goal that cannot be evaluated, a
//! median over no trials) is an empty field in every file.
//!
//! Two layouts ([`CsvLocale`]): `en` (the default) separates fields with
//! commas and writes a decimal point, `1234.5`; `da` is what Excel with
//! Danish settings opens as numbers: semicolons, a decimal comma, `1234,5`,
//! and a UTF-8 byte order mark so that æ, ø and å read right. Neither
//! writes thousands separators.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::sanitize::csv_text;
use super::{Exporter, Results};
use crate::comparison::Comparison;
use crate::summary::Sensitivity;

/// How numbers and fields are written: for English or Danish spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvLocale {
    /// Comma between fields, decimal point.
    #[default]
    En,
    /// Semicolon between fields, decimal comma, UTF-8 byte order mark.
    Da,
}

impl CsvLocale {
    /// The field separator.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvLocale::En => b',',
            CsvLocale::Da => b';',
        }
    }

    /// A number in full precision with this locale's decimal mark; empty
    /// for NaN.
    pub fn num(self, x: f64) -> String {
        if x.is_nan() {
            return String::new();
        }
        let s = format!("{x}");
        match self {
            CsvLocale::En => s,
            CsvLocale::Da => s.replace('.', ","),
        }
    }

    /// What goes before the header line: the UTF-8 byte order mark for `da`.
    fn preamble(self) -> &'static [u8] {
        match self {
            CsvLocale::En => b"",
            CsvLocale::Da => "\u{feff}".as_bytes(),
        }
    }
}

impl fmt::Display for CsvLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CsvLocale::En => "en",
            CsvLocale::Da => "da",
        })
    }
}

impl FromStr for CsvLocale {
    type Err = String;

    /// "en" or "da", any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(CsvLocale::En),
            "da" => Ok(CsvLocale::Da),
            _ => Err(format!(
                "unknown CSV layout \"{s}\": expected \"en\" (comma, decimal point) or \"da\" \
                 (semicolon, decimal comma)"
            )),
        }
    }
}

/// A CSV file of `header` and `rows`, in `locale`'s layout.
pub fn to_bytes<R: Serialize>(
    locale: CsvLocale,
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(locale.delimiter())
        .has_headers(false)
        .from_writer(locale.preamble().to_vec());
    w.write_record(header)?;
    for r in rows {
        w.serialize(r)?;
    }
    Ok(w.into_inner()?)
}

/// `years.csv`: metric, year, mean, sd, se and percentiles.
pub struct YearsCsv(pub CsvLocale);

/// `goals.csv`: goal, year, target, probability.
pub struct GoalsCsv(pub CsvLocale);

/// `sensitivity.csv`: the inputs ranked by their influence on one output.
pub struct SensitivityCsv(pub CsvLocale);

/// `comparison.csv`: the options side by side per year.
pub struct ComparisonCsv(pub CsvLocale);

/// `backtest.csv`: one row per observation ([`crate::backtest::to_csv`]).
pub struct BacktestCsv(pub CsvLocale);

/// Columns of `years.csv`, in the order of [`YearsRow`]'s fields.
pub const YEARS_HEADER: [&str; 11] = [
    "metric", "unit", "year", "mean", "sd", "se", "p5", "p25", "p50", "p75", "p95",
];

/// One row of `years.csv`: a metric in a year ("all" for a metric that is
/// not per year). Numbers are already written in the file's locale.
#[derive(Serialize)]
pub struct YearsRow {
    pub metric: String,
    pub unit: String,
    pub year: String,
    pub mean: String,
    pub sd: String,
    pub se: String,
    pub p5: String,
    pub p25: String,
    pub p50: String,
    pub p75: String,
    pub p95: String,
}

impl Exporter for YearsCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let s = results.summary(None)?;
        let n = |x: f64| self.0.num(x);
        let rows = s.metrics.iter().flat_map(|(key, m)| {
            m.values.iter().enumerate().map(move |(i, v)| YearsRow {
                metric: csv_text(key),
                unit: csv_text(&m.unit),
                year: if m.values.len() == s.years.len() {
                    s.years[i].to_string()
                } else {
                    "all".into()
                },
                mean: n(v.mean),
                sd: n(v.sd),
                se: n(v.se),
                p5: n(v.p5),
                p25: n(v.p25),
                p50: n(v.p50),
                p75: n(v.p75),
                p95: n(v.p95),
            })
        });
        to_bytes(self.0, &YEARS_HEADER, rows)
    }
}

/// Columns of `goals.csv`, in the order of [`GoalsRow`]'s fields.
pub const GOALS_HEADER: [&str; 8] = [
    "goal",
    "metric",
    "op",
    "year",
    "target",
    "probability",
    "median_value",
    "status",
];

/// One row of `goals.csv`: a goal in a year with a target.
#[derive(Serialize)]
pub struct GoalsRow {
    pub goal: String,
    pub metric: String,
    pub op: String,
    pub year: i32,
    pub target: String,
    /// Empty when the goal cannot be evaluated that year.
    pub probability: String,
    pub median_value: String,
    /// "evaluated" or "not evaluable".
    pub status: &'static str,
}

impl Exporter for GoalsCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let s = results.summary(None)?;
        let n = |x: f64| self.0.num(x);
        let mut rows = Vec::new();
        for g in &s.goals {
            for (i, year) in s.years.iter().enumerate() {
                let Some(t) = g.targets[i] else { continue };
                // A year in which no trial can evaluate the goal (0/0) gets
                // a row of its own with empty probability, never "met".
                let (probability, status) = match g.probability[i] {
                    Some(p) => (n(p), "evaluated"),
                    None if g.not_evaluable_in(i) => (String::new(), "not evaluable"),
                    None => continue,
                };
                rows.push(GoalsRow {
                    goal: csv_text(&g.name),
                    metric: csv_text(&match g.metric {
                        crate::scenario::GoalMetric::Citizens(c) => c.metric_key(),
                        other => other.key().to_string(),
                    }),
                    op: csv_text(g.op.symbol()),
                    year: *year,
                    target: n(t),
                    probability,
                    median_value: n(g.value[i].p50),
                    status,
                });
            }
        }
        to_bytes(self.0, &GOALS_HEADER, rows)
    }
}

/// Columns of `sensitivity.csv`, in the order of [`SensitivityCsvRow`]'s fields.
pub const SENSITIVITY_HEADER: [&str; 10] = [
    "metric",
    "year",
    "rank",
    "input",
    "unit",
    "spearman",
    "contribution_to_variance",
    "median_when_low",
    "median_when_high",
    "swing",
];

/// One row of `sensitivity.csv`: an input, most influential first.
#[derive(Serialize)]
pub struct SensitivityCsvRow {
    pub metric: String,
    pub year: i32,
    pub rank: usize,
    pub input: String,
    pub unit: String,
    pub spearman: String,
    pub contribution_to_variance: String,
    pub median_when_low: String,
    pub median_when_high: String,
    pub swing: String,
}

/// `sensitivity.csv`: one row per input, most influential first.
pub fn sensitivity_csv(s: &Sensitivity, locale: CsvLocale) -> anyhow::Result<Vec<u8>> {
    let n = |x: f64| locale.num(x);
    let rows = s.rows.iter().enumerate().map(|(i, r)| SensitivityCsvRow {
        metric: csv_text(s.metric.as_str()),
        year: s.year,
        rank: i + 1,
        input: csv_text(&r.input.to_string()),
        unit: csv_text(&r.unit),
        spearman: n(r.spearman),
        contribution_to_variance: n(r.contribution_to_variance),
        median_when_low: n(r.median_when_low),
        median_when_high: n(r.median_when_high),
        swing: n(r.swing),
    });
    to_bytes(locale, &SENSITIVITY_HEADER, rows)
}

/// Columns of `comparison.csv`, in the order of [`ComparisonRow`]'s fields.
pub const COMPARISON_HEADER: [&str; 13] = [
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
];

/// One row of `comparison.csv`: an option in a year, headline numbers.
#[derive(Serialize)]
pub struct ComparisonRow {
    pub option: String,
    pub year: i32,
    pub cost_kr_p50: String,
    pub savings_kr_p5: String,
    pub savings_kr_p50: String,
    pub savings_kr_p95: String,
    pub cumulative_net_savings_kr_p5: String,
    pub cumulative_net_savings_kr_p50: String,
    pub cumulative_net_savings_kr_p95: String,
    pub displaced_retimed_p50: String,
    pub displaced_to_digital_p50: String,
    pub displaced_to_phone_p50: String,
    pub displaced_avoided_p50: String,
}

/// `comparison.csv`: one row per option and year.
pub fn comparison_csv(c: &Comparison, locale: CsvLocale) -> anyhow::Result<Vec<u8>> {
    let n = |x: f64| locale.num(x);
    let rows = c.options.iter().flat_map(|o| {
        o.years.iter().map(move |y| ComparisonRow {
            option: csv_text(&o.name),
            year: y.year,
            cost_kr_p50: n(y.cost_kr.p50),
            savings_kr_p5: n(y.savings_kr.p5),
            savings_kr_p50: n(y.savings_kr.p50),
            savings_kr_p95: n(y.savings_kr.p95),
            cumulative_net_savings_kr_p5: n(y.cumulative_net_savings_kr.p5),
            cumulative_net_savings_kr_p50: n(y.cumulative_net_savings_kr.p50),
            cumulative_net_savings_kr_p95: n(y.cumulative_net_savings_kr.p95),
            displaced_retimed_p50: n(y.displaced_retimed.p50),
            displaced_to_digital_p50: n(y.displaced_to_digital.p50),
            displaced_to_phone_p50: n(y.displaced_to_phone.p50),
            displaced_avoided_p50: n(y.displaced_avoided.p50),
        })
    });
    to_bytes(locale, &COMPARISON_HEADER, rows)
}

impl Exporter for SensitivityCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let s = results.summary(None)?;
        let sens = s
            .sensitivity
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("the run has no sensitivity analysis"))?;
        sensitivity_csv(sens, self.0)
    }
}

impl Exporter for ComparisonCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        comparison_csv(results.comparison()?.0, self.0)
    }
}

impl Exporter for BacktestCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        crate::backtest::to_csv(results.backtest()?, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header a row struct serializes to, for checking the constants.
    fn serialized_header<R: Serialize>(row: R) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(row).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().to_string()
    }

    fn s() -> String {
        String::new()
    }

    #[test]
    fn headers_match_the_row_structs() {
        let years = YearsRow {
            metric: s(),
            unit: s(),
            year: s(),
            mean: s(),
            sd: s(),
            se: s(),
            p5: s(),
            p25: s(),
            p50: s(),
            p75: s(),
            p95: s(),
        };
        assert_eq!(serialized_header(years), YEARS_HEADER.join(","));
        let goals = GoalsRow {
            goal: s(),
            metric: s(),
            op: s(),
            year: 0,
            target: s(),
            probability: s(),
            median_value: s(),
            status: "",
        };
        assert_eq!(serialized_header(goals), GOALS_HEADER.join(","));
        let sens = SensitivityCsvRow {
            metric: s(),
            year: 0,
            rank: 0,
            input: s(),
            unit: s(),
            spearman: s(),
            contribution_to_variance: s(),
            median_when_low: s(),
            median_when_high: s(),
            swing: s(),
        };
        assert_eq!(serialized_header(sens), SENSITIVITY_HEADER.join(","));
        let cmp = ComparisonRow {
            option: s(),
            year: 0,
            cost_kr_p50: s(),
            savings_kr_p5: s(),
            savings_kr_p50: s(),
            savings_kr_p95: s(),
            cumulative_net_savings_kr_p5: s(),
            cumulative_net_savings_kr_p50: s(),
            cumulative_net_savings_kr_p95: s(),
            displaced_retimed_p50: s(),
            displaced_to_digital_p50: s(),
            displaced_to_phone_p50: s(),
            displaced_avoided_p50: s(),
        };
        assert_eq!(serialized_header(cmp), COMPARISON_HEADER.join(","));
    }

    #[test]
    fn numbers_in_both_locales_and_nan_as_empty() {
        assert_eq!(CsvLocale::En.num(74571.42857142857), "74571.42857142857");
        assert_eq!(CsvLocale::Da.num(74571.42857142857), "74571,42857142857");
        assert_eq!(CsvLocale::Da.num(-0.5), "-0,5");
        assert_eq!(CsvLocale::Da.num(610000.0), "610000");
        assert_eq!(CsvLocale::En.num(f64::NAN), "");
        assert_eq!(CsvLocale::Da.num(f64::NAN), "");
        assert_eq!("DA".parse::<CsvLocale>(), Ok(CsvLocale::Da));
        assert!("de".parse::<CsvLocale>().unwrap_err().contains("\"de\""));
    }

    #[test]
    fn danish_files_have_a_bom_semicolons_and_quote_semicolons_in_text() {
        #[derive(Serialize)]
        struct Row {
            name: String,
            value: String,
        }
        let rows = [Row {
            name: "Pas; kørekort".into(),
            value: CsvLocale::Da.num(1.5),
        }];
        let bytes = to_bytes(CsvLocale::Da, &["name", "value"], rows).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{feff}name;value\n\"Pas; kørekort\";1,5\n");
    }
}
