//! Plain-text tables for the terminal: what finance reads first.

use std::fmt::Write;

use crate::export::sanitize::clean_text;
use crate::i18n::{format_number, format_probability, Lang};
use crate::stats::Summary;
use crate::summary::RunSummary;

/// "610,000 (5-95 %: 590,000 to 640,000)" style cell: median and range.
pub fn range_cell(s: &Summary) -> String {
    if s.p5 == s.p95 {
        kr(s.p50)
    } else {
        format!("{} [{} .. {}]", kr(s.p50), kr(s.p5), kr(s.p95))
    }
}

fn kr(x: f64) -> String {
    format_number(x, 0, Lang::En)
}

/// The money unit of one terminal table: whole kroner, or millions with two
/// decimals once amounts reach ten million (keeps Copenhagen-size tables
/// readable; full precision is in summary.json and the CSV files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Kr,
    MillionKr,
}

impl Scale {
    /// The scale for a table whose amounts include `values`.
    pub fn for_values(values: impl IntoIterator<Item = f64>) -> Scale {
        let max = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        if max >= 10_000_000.0 {
            Scale::MillionKr
        } else {
            Scale::Kr
        }
    }

    /// "kr." or "million kr.".
    pub fn unit(self) -> &'static str {
        match self {
            Scale::Kr => "kr.",
            Scale::MillionKr => "million kr.",
        }
    }

    /// An amount in this unit.
    pub fn fmt(self, x: f64) -> String {
        match self {
            Scale::Kr => kr(x),
            Scale::MillionKr => format_number(x / 1e6, 2, Lang::En),
        }
    }

    /// Median and 5-95 % range in this unit.
    pub fn range(self, s: &Summary) -> String {
        if s.p5 == s.p95 {
            self.fmt(s.p50)
        } else {
            format!(
                "{} [{} .. {}]",
                self.fmt(s.p50),
                self.fmt(s.p5),
                self.fmt(s.p95)
            )
        }
    }
}

/// Renders rows as a left-aligned first column and right-aligned others.
pub fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let left: Vec<bool> = (0..header.len()).map(|i| i == 0).collect();
    crate::text_table::render(header, rows, &left)
}

/// The per-year table of `run`.
pub fn run_table(s: &RunSummary) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}: {} trials, seed {}",
        clean_text(&s.scenario),
        s.trials,
        s.seed
    );
    if let Some(p) = &s.proposal {
        let _ = writeln!(o, "proposal: {}", clean_text(p));
    }
    let scale = Scale::for_values(
        [
            "cost_status_quo_kr",
            "cost_scenario_kr",
            "cumulative_net_savings_kr",
        ]
        .iter()
        .flat_map(|k| s.metric(k).iter().map(|q| q.p50)),
    );
    let _ = writeln!(
        o,
        "{} per year: median [5 % .. 95 %]; savings = status quo cost - scenario cost\n{MEDIANS_DO_NOT_ADD}\n",
        scale.unit()
    );
    let header: Vec<String> = [
        "year",
        "cost, status quo",
        "cost, scenario",
        "savings",
        "cumulative net savings",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = s
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            vec![
                y.to_string(),
                scale.range(&s.metric("cost_status_quo_kr")[i]),
                scale.range(&s.metric("cost_scenario_kr")[i]),
                scale.range(&s.metric("savings_kr")[i]),
                scale.range(&s.metric("cumulative_net_savings_kr")[i]),
            ]
        })
        .collect();
    o.push_str(&render(&header, &rows));
    o.push_str(&savings_by_source_table(s));
    let end = s.years.len() - 1;
    let cum = &s.metric("cumulative_net_savings_kr")[end];
    let npv = &s.metric("npv_kr")[end];
    let _ = writeln!(
        o,
        "\nmean cumulative net savings {}: {} ± {} (95 % CI of the mean)",
        s.end_year,
        kr(cum.mean),
        kr(1.96 * cum.se)
    );
    let _ = writeln!(
        o,
        "net present value {}: median {}",
        s.end_year,
        range_cell(npv)
    );
    let payback: Vec<String> = s
        .payback
        .iter()
        .map(|(k, v)| {
            let when = k
                .strip_prefix("not_by_")
                .map(|y| format!("not by {y}"))
                .unwrap_or_else(|| k.clone());
            format!("{when} in {} of trials", format_probability(*v, Lang::En))
        })
        .collect();
    let _ = writeln!(
        o,
        "payback (first year from which cumulative net savings stay above 0): {}",
        payback.join(", ")
    );
    if let Some(p) = &s.precision {
        let _ = writeln!(
            o,
            "precision: 95 % half-width {:.2} % of the mean of {} {} ({}; target {})",
            p.achieved_relative * 100.0,
            p.metric,
            p.year,
            if p.reached {
                "reached"
            } else {
                "not reached within --max-trials"
            },
            p.target_relative
                .map(|t| format!("{:.2} %", t * 100.0))
                .unwrap_or_default()
        );
    }
    if !s.goals.is_empty() {
        let _ = writeln!(o, "\nprobability that each goal is met");
        let mut header = vec!["goal".to_string()];
        header.extend(s.years.iter().map(|y| y.to_string()));
        let rows: Vec<Vec<String>> = s
            .goals
            .iter()
            .map(|g| {
                let targets: Vec<f64> = g.targets.iter().flatten().copied().collect();
                let target = match (targets.first(), targets.last()) {
                    (Some(a), Some(b)) if a != b => {
                        format!("{} {} .. {} by year", g.op, short(*a), short(*b))
                    }
                    (Some(a), _) => format!("{} {}", g.op, short(*a)),
                    _ => String::new(),
                };
                let mut r = vec![format!("{} ({target})", g.name)];
                r.extend(g.probability.iter().enumerate().map(|(y, p)| {
                    if g.not_evaluable_in(y) {
                        return "n/e".into();
                    }
                    p.map(|p| format_probability(p, Lang::En))
                        .unwrap_or_else(|| "-".into())
                }));
                r
            })
            .collect();
        o.push_str(&render(&header, &rows));
        if (0..s.years.len()).any(|y| s.goals.iter().any(|g| g.not_evaluable_in(y))) {
            let _ = writeln!(
                o,
                "n/e: not evaluable, the goal's share is taken over cells with no contacts that year"
            );
        }
        let _ = writeln!(o, "\nfirst year each goal is met (share of trials)");
        for g in &s.goals {
            let mut parts: Vec<String> = s
                .years
                .iter()
                .filter_map(|y| {
                    g.first_year_met
                        .get(&y.to_string())
                        .map(|p| format!("{y} {}", format_probability(*p, Lang::En)))
                })
                .collect();
            if let Some(p) = g.first_year_met.get("not_met") {
                parts.push(format!("not met {}", format_probability(*p, Lang::En)));
            }
            let _ = writeln!(o, "  {}: {}", clean_text(&g.name), parts.join(", "));
        }
    }
    o
}

/// Where the savings come from, per year: means, which add up to the mean
/// savings (medians would not). Empty when the run saves nothing anywhere.
pub fn savings_by_source_table(s: &RunSummary) -> String {
    use crate::model::layout::SavingsSource;
    let mut o = String::new();
    let means = |k: &str| -> Vec<f64> { s.metric(k).iter().map(|q| q.mean).collect() };
    let savings = means("savings_kr");
    if savings.iter().all(|&x| x == 0.0) || !s.metrics.contains_key(SavingsSource::ALL[0].key()) {
        return o;
    }
    let scale = Scale::for_values(savings.iter().copied());
    let _ = writeln!(
        o,
        "\nwhere the savings come from ({} per year, mean of the trials: the parts add up to the mean savings)",
        scale.unit()
    );
    let mut header = vec!["source".to_string()];
    header.extend(s.years.iter().map(|y| y.to_string()));
    let mut rows: Vec<Vec<String>> = SavingsSource::ALL
        .iter()
        .filter(|src| means(src.key()).iter().any(|&x| x != 0.0))
        .map(|src| {
            let mut r = vec![src.label(Lang::En).to_string()];
            r.extend(means(src.key()).iter().map(|&x| scale.fmt(x)));
            r
        })
        .collect();
    let mut total = vec!["savings".to_string()];
    total.extend(savings.iter().map(|&x| scale.fmt(x)));
    rows.push(total);
    o.push_str(&render(&header, &rows));
    let avoided = means(SavingsSource::AvoidedContacts.key());
    let (a, t): (f64, f64) = (avoided.iter().sum(), savings.iter().sum());
    if a != 0.0 && t != 0.0 {
        let _ = writeln!(
            o,
            "contacts avoided are valued at the full unit price of the channel they left: {} of the savings through {}",
            crate::i18n::format_pct(a / t, 0, Lang::En),
            s.end_year
        );
    }
    o
}

/// Said next to every table of per-year medians: each column is summarised
/// on its own, so medians of a difference are not differences of medians.
pub const MEDIANS_DO_NOT_ADD: &str = "each column is the median of its own trials: median status quo - median scenario is not the median savings, and medians do not add up over years";

fn short(x: f64) -> String {
    if x.abs() >= 1000.0 {
        format_number(x, 0, Lang::En)
    } else {
        format!("{x}")
    }
}

/// What the proposal's hours and each policy event buy (`run --attribution`).
pub fn attribution_table(s: &RunSummary, rows: &[crate::summary::AttributionRow]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "\nwhat the proposal's hours and each policy event buy through {} (each rerun without it on the same random numbers; kr.: median [5 % .. 95 %])", s.end_year);
    let header: Vec<String> = [
        "event",
        "marginal net savings",
        "its cost",
        "gross savings",
        "largest goal change",
    ]
    .map(String::from)
    .to_vec();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut best: Option<(usize, usize, f64)> = None;
            for (g, years) in r.goal_probability_change.iter().enumerate() {
                for (y, d) in years.iter().enumerate() {
                    if let Some(d) = d {
                        if best.map(|b| d.abs() > b.2.abs()).unwrap_or(*d != 0.0) {
                            best = Some((g, y, *d));
                        }
                    }
                }
            }
            let goal = best
                .map(|(g, y, d)| {
                    format!(
                        "{} {}: {:+.0} percentage points",
                        s.goals[g].name,
                        s.years[y],
                        d * 100.0
                    )
                })
                .unwrap_or_else(|| "-".into());
            vec![
                r.label(Lang::En),
                range_cell(&r.marginal_net_savings_kr),
                range_cell(&r.cost_kr),
                range_cell(&r.gross_savings_kr),
                goal,
            ]
        })
        .collect();
    o.push_str(&render(&header, &body));
    let sum: f64 = rows.iter().map(|r| r.marginal_net_savings_kr.mean).sum();
    let total = s
        .metric("cumulative_net_savings_kr")
        .last()
        .map(|q| q.mean)
        .unwrap_or(0.0);
    let _ = writeln!(
        o,
        "the items' mean effects add up to {} of the scenario's mean {}: items that move the same contacts overlap, so each is measured alone, not as a share of the total",
        kr(sum),
        kr(total)
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_amounts_switch_the_table_to_millions() {
        assert_eq!(Scale::for_values([610_000.0, 9_999_999.0]), Scale::Kr);
        assert_eq!(Scale::for_values([-12_000_000.0]), Scale::MillionKr);
        assert_eq!(Scale::MillionKr.fmt(17_129_115.0), "17.13");
        assert_eq!(Scale::Kr.fmt(535_428.57), "535,429");
        let s = Summary {
            mean: 2.0e6,
            sd: 1.0,
            se: 0.1,
            p5: 1.82e6,
            p25: 2.0e6,
            p50: 2.34e6,
            p75: 2.5e6,
            p95: 2.88e6,
            min: 1.0e6,
            max: 3.0e6,
        };
        assert_eq!(Scale::MillionKr.range(&s), "2.34 [1.82 .. 2.88]");
    }
}
