//! The report's breakdown tables (`run --breakdown --report`): cost,
//! savings and contacts by area, by department and by contact type, as
//! means (which add up over the groups, unlike medians).

use crate::breakdown::{Breakdown, GroupSummary};
use crate::export::sanitize::clean_text;
use crate::i18n::{
    format_kr, format_number, format_pct, ContactTypeName, Lang, TextChart, TextCommon, TextReport,
};
use crate::model::breakdown::KindOf;
use crate::summary::RunSummary;

use maud::{html, Markup};

/// The three tables, or nothing without a breakdown.
pub fn breakdown_tables(s: &RunSummary, lang: Lang) -> Markup {
    html! {
        @if let Some(b) = &s.breakdown {
            @for kind in KindOf::ALL { (table(s, b, kind, lang)) }
        }
    }
}

/// A group's name as the report and the terminal show it: the
/// department's label, the contact type in words, the area's name.
pub fn group_label(g: &GroupSummary, kind: KindOf, lang: Lang) -> String {
    match kind {
        KindOf::Department if g.name == crate::model::breakdown::NO_DEPARTMENT => {
            TextReport::NoDepartment.get(lang).to_string()
        }
        KindOf::Department => g.label.clone().unwrap_or_else(|| g.name.clone()),
        KindOf::ContactType => match g.name.as_str() {
            "transaction" => ContactTypeName::Transaction.get(lang).into(),
            "information" => ContactTypeName::Information.get(lang).into(),
            "case_information" => ContactTypeName::CaseInformation.get(lang).into(),
            other => other.to_string(),
        },
        KindOf::Area => g.name.clone(),
    }
}

fn table(s: &RunSummary, b: &Breakdown, kind: KindOf, lang: Lang) -> Markup {
    let groups = b.groups(kind);
    if groups.is_empty() {
        return html! {};
    }
    let (first, last) = (0, s.years.len() - 1);
    let (base, end) = (s.years[first], s.years[last]);
    let total =
        |path: usize, y: usize| -> f64 { groups.iter().map(|g| g.mean_cost(path, y)).sum() };
    let (total_sq, total_sc) = (total(0, first), total(1, last));
    let mut order: Vec<&GroupSummary> = groups.iter().collect();
    if kind == KindOf::Area {
        // Largest first: the areas a budget is about.
        order.sort_by(|a, b| b.mean_cost(0, first).total_cmp(&a.mean_cost(0, first)));
    }
    let (what, id) = match kind {
        KindOf::Area => (TextCommon::Area.get(lang), "table-by-area"),
        KindOf::Department => (TextCommon::DepartmentLower.get(lang), "table-by-department"),
        KindOf::ContactType => (TextCommon::ContactType.get(lang), "table-by-type"),
    };
    let covers = match kind {
        KindOf::Department => TextReport::CoversDepartment,
        _ => TextReport::CoversHandling,
    }
    .get(lang);
    let share = |x: f64, of: f64| {
        if of > 0.0 {
            format_pct(x / of, 0, lang)
        } else {
            String::new()
        }
    };
    let savings: f64 = groups.iter().map(|g| g.savings_kr[last].mean).sum();
    let contacts: f64 = groups.iter().map(|g| g.contacts_scenario[last].mean).sum();
    html! {
        table class="years breakdown" id=(id) { "\n"
            caption {
                (TextReport::CostBy.get(lang)) " " (what)
                " (" (covers) "; " (TextReport::MeanKr.get(lang)) ")"
            } "\n"
            thead { tr {
                th { (capitalise(what)) }
                th.num { (TextChart::StatusQuo.get(lang)) " " (base) }
                th.num { (TextCommon::Share.get(lang)) }
                th.num { (TextChart::Scenario.get(lang)) " " (end) }
                th.num { (TextCommon::Share.get(lang)) }
                th.num { (TextChart::Savings.get(lang)) " " (end) }
                th.num { (TextReport::ContactsScenario.get(lang)) " " (end) }
            } }
            tbody { "\n"
                @for g in order {
                    @let (sq, sc) = (g.mean_cost(0, first), g.mean_cost(1, last));
                    tr {
                        td { (clean_text(&group_label(g, kind, lang))) }
                        td.num { (format_kr(sq, lang)) }
                        td.num { (share(sq, total_sq)) }
                        td.num { (format_kr(sc, lang)) }
                        td.num { (share(sc, total_sc)) }
                        td.num { (format_kr(g.savings_kr[last].mean, lang)) }
                        td.num { (format_number(g.contacts_scenario[last].mean, 0, lang)) }
                    } "\n"
                }
                tr.total {
                    td { (TextChart::Total.get(lang)) }
                    td.num { (format_kr(total_sq, lang)) }
                    td.num { "100 %" }
                    td.num { (format_kr(total_sc, lang)) }
                    td.num { "100 %" }
                    td.num { (format_kr(savings, lang)) }
                    td.num { (format_number(contacts, 0, lang)) }
                } "\n"
            }
        } "\n"
        @if kind == KindOf::ContactType {
            p.note {
                (TextReport::TheBreakdownsCoverTheHandling.get(lang))
            } "\n"
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
