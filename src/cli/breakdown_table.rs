//! The terminal's view of `--breakdown` and `--monthly`: a compact table
//! of the end year's cost and savings by department and by contact type,
//! and a line that points to the monthly files with the costliest month.
//! Full figures (every area, every year, means and bands) are in
//! summary.json / comparison.json, breakdown.csv and monthly.csv.

use crate::i18n::{format_number, Lang, PathName, TextCommon, TextTerm};
use std::fmt::Write;

use crate::breakdown::{Breakdown, GroupSummary};
use crate::comparison::Comparison;
use crate::model::breakdown::{KindOf, NO_DEPARTMENT};
use crate::monthly::{Monthly, SeriesOf};
use crate::series_key::RunPath;
use crate::stats::Summary;
use crate::summary::RunSummary;

use super::table::{fitting_scale, Scale};

/// The kinds shown in the terminal: departments (unless the only one is
/// "no department", which would repeat the total) and contact types.
fn shown_kinds(b: &Breakdown) -> Vec<KindOf> {
    let departments = b.groups(KindOf::Department);
    let only_none = departments.len() == 1 && departments[0].name == NO_DEPARTMENT;
    let mut kinds = Vec::new();
    if !departments.is_empty() && !only_none {
        kinds.push(KindOf::Department);
    }
    if !b.groups(KindOf::ContactType).is_empty() {
        kinds.push(KindOf::ContactType);
    }
    kinds
}

/// The groups of `kind` that any of `breakdowns` has, each once (by name),
/// in the order the breakdowns first have them.
fn groups_of_all<'a>(breakdowns: &[&'a Breakdown], kind: KindOf) -> Vec<&'a GroupSummary> {
    let mut out: Vec<&GroupSummary> = Vec::new();
    for b in breakdowns {
        for g in b.groups(kind) {
            if !out.iter().any(|x| x.name == g.name) {
                out.push(g);
            }
        }
    }
    out
}

/// "department" / "afdeling", "contact type" / "henvendelsestype".
fn kind_heading(kind: KindOf, lang: Lang) -> &'static str {
    match kind {
        KindOf::Area => TextCommon::Area.get(lang),
        KindOf::Department => TextCommon::DepartmentLower.get(lang),
        KindOf::ContactType => TextCommon::ContactType.get(lang),
    }
}

/// "by department and by contact type" (or the one kind shown).
fn by_kinds(kinds: &[KindOf], lang: Lang) -> &'static str {
    match (kinds, lang) {
        ([KindOf::Department], _) => TextTerm::ByDepartment.get(lang),
        ([KindOf::ContactType], _) => TextTerm::ByContactType.get(lang),
        _ => TextTerm::ByDepartmentAndByContact.get(lang),
    }
}

/// A group's cost in a path (0 status quo, 1 scenario) and year: handling
/// plus opening for departments (per trial), handling for the others.
fn cost(g: &GroupSummary, path: usize, y: usize) -> &Summary {
    let (total, handling) = if path == 0 {
        (&g.cost_status_quo_kr, &g.handling_cost_status_quo_kr)
    } else {
        (&g.cost_scenario_kr, &g.handling_cost_scenario_kr)
    };
    total.as_ref().map_or(&handling[y], |t| &t[y])
}

/// `run --breakdown`: the end year's median cost (status quo, scenario),
/// savings and contacts by department and by contact type.
pub fn breakdown_table(s: &RunSummary, lang: Lang) -> String {
    let Some(b) = &s.breakdown else {
        return String::new();
    };
    let kinds = shown_kinds(b);
    if kinds.is_empty() {
        return String::new();
    }
    let y = s.years.len() - 1;
    let head: Vec<String> = vec![
        String::new(),
        String::new(),
        PathName::StatusQuo.get(lang).into(),
        PathName::Scenario.get(lang).into(),
        TextCommon::Savings.get(lang).into(),
        TextCommon::Contacts.get(lang).into(),
    ];
    let groups = || kinds.iter().flat_map(|&k| b.groups(k).iter());
    let first = Scale::for_values(groups().map(|g| cost(g, 0, y).p50));
    let (scale, rows) = fitting_scale(&head, first, |scale| {
        let d =
            Scale::decimals_for(groups().flat_map(|g| [cost(g, 0, y).p50, g.savings_kr[y].p50]));
        let money = |q: &Summary| scale.fmt_with(q.p50, d, lang);
        let mut rows = Vec::new();
        for &kind in &kinds {
            for (i, g) in b.groups(kind).iter().enumerate() {
                rows.push(vec![
                    section(kind, i, lang),
                    crate::report::breakdown_html::group_label(g, kind, lang),
                    money(cost(g, 0, y)),
                    money(cost(g, 1, y)),
                    money(&g.savings_kr[y]),
                    format_number(g.contacts_scenario[y].p50, 0, lang),
                ]);
            }
        }
        rows
    });
    let mut o = String::new();
    let _ = writeln!(
        o,
        "\n{} {} {} ({}, median)",
        TextTerm::CostStatusQuoScenarioSavings.get(lang),
        by_kinds(&kinds, lang),
        s.years[y],
        scale.unit(lang),
    );
    let _ = writeln!(o, "{}", TextTerm::CostHandlingContactsXUnit.get(lang));
    o.push_str(&render_grouped(&head, &rows));
    o
}

/// The kind of group on the first row of its section, else empty.
fn section(kind: KindOf, i: usize, lang: Lang) -> String {
    if i == 0 {
        kind_heading(kind, lang).to_string()
    } else {
        String::new()
    }
}

/// A table whose first two columns (section, group) are left-aligned.
fn render_grouped(head: &[String], rows: &[Vec<String>]) -> String {
    let left: Vec<bool> = (0..head.len()).map(|i| i < 2).collect();
    crate::text_table::render(head, rows, &left)
}

/// The month with the highest median of a cost series (the first of
/// equal ones), and that median.
fn costliest(m: &Monthly, path: RunPath) -> Option<(String, f64)> {
    let series = m
        .series
        .iter()
        .find(|x| x.key == SeriesOf::Cost && x.path == path)?;
    let mut best: Option<(usize, f64)> = None;
    for (i, q) in series.values.iter().enumerate() {
        if q.p50.is_finite() && best.is_none_or(|(_, b)| q.p50 > b) {
            best = Some((i, q.p50));
        }
    }
    let (i, x) = best?;
    Some((m.months.get(i)?.clone(), x))
}

/// `--monthly`: where the monthly results are and the month with the
/// highest median cost (scenario, and the status quo's where it differs).
/// `files` are the two files' names.
pub fn monthly_line(m: &Monthly, files: [&str; 2], lang: Lang) -> String {
    let kr = |x: f64| crate::i18n::format_kr(x, lang);
    let (first, last) = (
        m.months.first().cloned().unwrap_or_default(),
        m.months.last().cloned().unwrap_or_default(),
    );
    let mut o = format!(
        "{} {} {} {} ({} {}, {first} .. {last})",
        TextTerm::MonthlyResultsIn.get(lang),
        files[0],
        TextCommon::And.get(lang),
        files[1],
        m.months.len(),
        TextTerm::Months.get(lang),
    );
    let scenario = costliest(m, RunPath::Scenario);
    let status_quo = costliest(m, RunPath::StatusQuo);
    if let Some((month, x)) = &scenario {
        let _ = write!(
            o,
            "; {}: {} {} {} {month}",
            TextTerm::HighestMedianMonthlyCost.get(lang),
            TextTerm::Scenario.get(lang),
            kr(*x),
            TextTerm::In.get(lang),
        );
        if let Some((sq_month, sq)) = status_quo.filter(|sq| sq != &(month.clone(), *x)) {
            let _ = write!(
                o,
                ", status quo {} {} {sq_month}",
                kr(sq),
                TextTerm::In.get(lang),
            );
        }
    }
    o.push('\n');
    o
}

/// `compare --breakdown`: per department and contact type, each option's
/// median savings against the status quo in the end year (the options run
/// on common random numbers; comparison.json has the paired differences).
pub fn comparison_breakdown_table(c: &Comparison, lang: Lang) -> String {
    let breakdowns: Vec<&Breakdown> = c
        .options
        .iter()
        .filter_map(|o| o.breakdown.as_ref())
        .collect();
    // The kinds any option shows, in their fixed order.
    let kinds: Vec<KindOf> = [KindOf::Department, KindOf::ContactType]
        .into_iter()
        .filter(|k| breakdowns.iter().any(|b| shown_kinds(b).contains(k)))
        .collect();
    if kinds.is_empty() {
        return String::new();
    }
    let y = c.years.len() - 1;
    let mut head = vec![String::new(), String::new()];
    head.extend(c.options.iter().map(|o| o.name.clone()));
    // Every option's groups, by (kind, name) in the order the options
    // first have them; an option without the group shows "-".
    let groups = |kind: KindOf| groups_of_all(&breakdowns, kind);
    let savings = |o: &crate::comparison::OptionResult, kind: KindOf, name: &str| {
        o.breakdown
            .as_ref()
            .and_then(|b| b.groups(kind).iter().find(|g| g.name == name))
            .map(|g| g.savings_kr[y].p50)
    };
    let all: Vec<f64> = kinds
        .iter()
        .flat_map(|&k| groups(k).into_iter().map(move |g| (k, g)))
        .flat_map(|(k, g)| c.options.iter().filter_map(move |o| savings(o, k, &g.name)))
        .collect();
    let scale0 = Scale::for_values(all.iter().copied());
    let (scale, rows) = fitting_scale(&head, scale0, |scale| {
        let d = Scale::decimals_for(all.iter().copied());
        let mut rows = Vec::new();
        for &kind in &kinds {
            for (i, g) in groups(kind).into_iter().enumerate() {
                let mut r = vec![
                    section(kind, i, lang),
                    crate::report::breakdown_html::group_label(g, kind, lang),
                ];
                r.extend(c.options.iter().map(|o| {
                    savings(o, kind, &g.name)
                        .map(|x| scale.fmt_with(x, d, lang))
                        .unwrap_or_else(|| "-".into())
                }));
                rows.push(r);
            }
        }
        rows
    });
    let mut o = String::new();
    let _ = writeln!(
        o,
        "\n{} {} {} ({}, median; {})",
        TextTerm::SavingsVsStatusQuo.get(lang),
        by_kinds(&kinds, lang),
        c.years[y],
        scale.unit(lang),
        TextTerm::HandlingForDepartmentsPlusOpen.get(lang),
    );
    o.push_str(&render_grouped(&head, &rows));
    o
}
