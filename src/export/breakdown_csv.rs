//! `breakdown.csv` (`run --breakdown`, and each compared option's
//! `breakdown-<id>.csv`) and `comparison-breakdown.csv` (`compare
//! --breakdown`): one row per group, quantity and year, with mean and
//! percentiles; written like the other CSV files ([`super::csv`]). Both come
//! from one writer: the comparison's file has the option's name first.

use crate::metric_key::MetricKey;
use serde::Serialize;

use super::csv::{to_bytes, CsvLocale};
use super::sanitize::csv_text;
use super::{Exporter, Results};
use crate::breakdown::{Breakdown, GroupSummary};
use crate::model::breakdown::KindOf;
use crate::stats::Summary;

/// Columns of `breakdown.csv`, in the order of [`BreakdownRow`]'s fields
/// after `option`.
pub const BREAKDOWN_HEADER: [&str; 12] = [
    "group", "name", "quantity", "unit", "year", "mean", "sd", "p5", "p25", "p50", "p75", "p95",
];

/// The first column of `comparison-breakdown.csv`, before those of
/// `breakdown.csv`.
pub const OPTION_COLUMN: &str = "option";

/// One row: a group's quantity in a year (of an option, in
/// `comparison-breakdown.csv`).
#[derive(Serialize)]
pub struct BreakdownRow {
    /// The option's name in `comparison-breakdown.csv`; no column in
    /// `breakdown.csv`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// `by_area`, `by_department` or `by_contact_type`.
    pub group: &'static str,
    pub name: String,
    /// e.g. `handling_cost_scenario_kr`.
    pub quantity: &'static str,
    pub unit: &'static str,
    pub year: i32,
    pub mean: String,
    pub sd: String,
    pub p5: String,
    pub p25: String,
    pub p50: String,
    pub p75: String,
    pub p95: String,
}

/// The quantities of a group with their keys and units, in column order.
pub fn quantities(g: &GroupSummary) -> Vec<(&'static str, &'static str, &[Summary])> {
    let mut q: Vec<(&'static str, &'static str, &[Summary])> = vec![
        (
            "handling_cost_status_quo_kr",
            "kr.",
            &g.handling_cost_status_quo_kr,
        ),
        (
            "handling_cost_scenario_kr",
            "kr.",
            &g.handling_cost_scenario_kr,
        ),
    ];
    if let (Some(sq), Some(sc)) = (&g.opening_cost_status_quo_kr, &g.opening_cost_scenario_kr) {
        q.push(("opening_cost_status_quo_kr", "kr.", sq));
        q.push(("opening_cost_scenario_kr", "kr.", sc));
    }
    if let (Some(sq), Some(sc)) = (&g.cost_status_quo_kr, &g.cost_scenario_kr) {
        q.push((MetricKey::CostStatusQuo.as_str(), "kr.", sq));
        q.push((MetricKey::CostScenario.as_str(), "kr.", sc));
    }
    q.push((MetricKey::Savings.as_str(), "kr.", &g.savings_kr));
    q.push((
        MetricKey::ContactsStatusQuo.as_str(),
        "contacts",
        &g.contacts_status_quo,
    ));
    q.push((
        MetricKey::ContactsScenario.as_str(),
        "contacts",
        &g.contacts_scenario,
    ));
    q
}

/// The rows of one breakdown (of the option named `option`), in file order.
fn rows(
    b: &Breakdown,
    years: &[i32],
    option: Option<&str>,
    locale: CsvLocale,
) -> Vec<BreakdownRow> {
    let n = |x: f64| locale.num(x);
    let option = option.map(csv_text);
    let mut rows = Vec::new();
    for kind in KindOf::ALL {
        for g in b.groups(kind) {
            for (quantity, unit, values) in quantities(g) {
                for (v, year) in values.iter().zip(years) {
                    rows.push(BreakdownRow {
                        option: option.clone(),
                        group: kind.key(),
                        name: csv_text(&g.name),
                        quantity,
                        unit,
                        year: *year,
                        mean: n(v.mean),
                        sd: n(v.sd),
                        p5: n(v.p5),
                        p25: n(v.p25),
                        p50: n(v.p50),
                        p75: n(v.p75),
                        p95: n(v.p95),
                    });
                }
            }
        }
    }
    rows
}

/// A breakdown CSV file: of one breakdown (`option_column` false, parts
/// named by `None`), or of several options' with their names first.
fn breakdown_file<'b>(
    option_column: bool,
    parts: impl IntoIterator<Item = (Option<&'b str>, &'b Breakdown)>,
    years: &[i32],
    locale: CsvLocale,
) -> anyhow::Result<Vec<u8>> {
    let header: Vec<&str> = option_column
        .then_some(OPTION_COLUMN)
        .into_iter()
        .chain(BREAKDOWN_HEADER)
        .collect();
    let rows = parts
        .into_iter()
        .flat_map(|(option, b)| rows(b, years, option, locale));
    to_bytes(locale, &header, rows)
}

/// `breakdown.csv` of a run's breakdown (and `breakdown-<id>.csv` of a
/// compared option).
pub fn breakdown_csv(b: &Breakdown, years: &[i32], locale: CsvLocale) -> anyhow::Result<Vec<u8>> {
    breakdown_file(false, [(None, b)], years, locale)
}

/// `comparison-breakdown.csv` (`compare --breakdown`): every option's
/// breakdown in one file, the option's name first, options in the
/// comparison's order.
pub fn comparison_breakdown_csv(
    c: &crate::comparison::Comparison,
    locale: CsvLocale,
) -> anyhow::Result<Vec<u8>> {
    let parts = c
        .options
        .iter()
        .filter_map(|o| Some((Some(o.name.as_str()), o.breakdown.as_ref()?)));
    breakdown_file(true, parts, &c.years, locale)
}

/// `breakdown.csv` of the run (`option` None) or `breakdown-<id>.csv` of
/// a compared option.
pub struct BreakdownCsv {
    pub locale: CsvLocale,
    pub option: Option<usize>,
}

impl Exporter for BreakdownCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let s = results.summary(self.option)?;
        let b = s
            .breakdown
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("no breakdown was computed"))?;
        breakdown_csv(b, &s.years, self.locale)
    }
}

/// `comparison-breakdown.csv`.
pub struct ComparisonBreakdownCsv(pub CsvLocale);

impl Exporter for ComparisonBreakdownCsv {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        comparison_breakdown_csv(results.comparison()?.0, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_matches_the_row_struct_with_and_without_the_option() {
        let row = |option: Option<String>| BreakdownRow {
            option,
            group: "",
            name: String::new(),
            quantity: "",
            unit: "",
            year: 0,
            mean: String::new(),
            sd: String::new(),
            p5: String::new(),
            p25: String::new(),
            p50: String::new(),
            p75: String::new(),
            p95: String::new(),
        };
        let header = |r: BreakdownRow| {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.serialize(r).unwrap();
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            text.lines().next().unwrap().to_string()
        };
        assert_eq!(header(row(None)), BREAKDOWN_HEADER.join(","));
        assert_eq!(
            header(row(Some("x".into()))),
            format!("{OPTION_COLUMN},{}", BREAKDOWN_HEADER.join(","))
        );
    }
}
