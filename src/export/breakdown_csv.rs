//! `breakdown.csv` (`run --breakdown`): one row per group, quantity and
//! year, with mean and percentiles; written like the other CSV files
//! ([`super::csv`]).

use crate::metric_key::MetricKey;
use serde::Serialize;

use super::csv::{to_bytes, CsvLocale};
use super::sanitize::csv_text;
use crate::breakdown::{Breakdown, GroupSummary};
use crate::model::breakdown::KindOf;
use crate::stats::Summary;

/// Columns of `breakdown.csv`, in the order of [`BreakdownRow`]'s fields.
pub const BREAKDOWN_HEADER: [&str; 12] = [
    "group", "name", "quantity", "unit", "year", "mean", "sd", "p5", "p25", "p50", "p75", "p95",
];

/// One row: a group's quantity in a year.
#[derive(Serialize)]
pub struct BreakdownRow {
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

/// The rows of one breakdown, in file order.
fn rows(b: &Breakdown, years: &[i32], locale: CsvLocale) -> Vec<BreakdownRow> {
    let n = |x: f64| locale.num(x);
    let mut rows = Vec::new();
    for kind in KindOf::ALL {
        for g in b.groups(kind) {
            for (quantity, unit, values) in quantities(g) {
                for (v, year) in values.iter().zip(years) {
                    rows.push(BreakdownRow {
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

/// `breakdown.csv` of a run's breakdown (and `breakdown-<id>.csv` of a
/// compared option).
pub fn breakdown_csv(b: &Breakdown, years: &[i32], locale: CsvLocale) -> anyhow::Result<Vec<u8>> {
    to_bytes(locale, &BREAKDOWN_HEADER, rows(b, years, locale))
}

/// Columns of `comparison-breakdown.csv`: the option, then those of
/// `breakdown.csv`.
pub const COMPARISON_BREAKDOWN_HEADER: [&str; 13] = [
    "option", "group", "name", "quantity", "unit", "year", "mean", "sd", "p5", "p25", "p50", "p75",
    "p95",
];

/// One row of `comparison-breakdown.csv`.
#[derive(Serialize)]
pub struct ComparisonBreakdownRow {
    pub option: String,
    pub group: &'static str,
    pub name: String,
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

/// `comparison-breakdown.csv` (`compare --breakdown`): every option's
/// breakdown in one file, the option's name first, options in the
/// comparison's order.
pub fn comparison_breakdown_csv(
    c: &crate::comparison::Comparison,
    locale: CsvLocale,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    for o in &c.options {
        let Some(b) = &o.breakdown else {
            continue;
        };
        for r in rows(b, &c.years, locale) {
            out.push(ComparisonBreakdownRow {
                option: csv_text(&o.name),
                group: r.group,
                name: r.name,
                quantity: r.quantity,
                unit: r.unit,
                year: r.year,
                mean: r.mean,
                sd: r.sd,
                p5: r.p5,
                p25: r.p25,
                p50: r.p50,
                p75: r.p75,
                p95: r.p95,
            });
        }
    }
    to_bytes(locale, &COMPARISON_BREAKDOWN_HEADER, out)
}
