//! The report's breakdown tables (`run --breakdown --report`): cost,
//! savings and contacts by area, by department and by contact type, as
//! means (which add up over the groups, unlike medians).

use crate::breakdown::{Breakdown, GroupSummary};
use crate::export::sanitize::clean_text;
use crate::i18n::{format_kr, format_number, format_pct, Lang};
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

fn t(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    lang.pick(da, en)
}

/// A group's name as the report and the terminal show it: the
/// department's label, the contact type in words, the area's name.
pub fn group_label(g: &GroupSummary, kind: KindOf, lang: Lang) -> String {
    match kind {
        KindOf::Department if g.name == crate::model::breakdown::NO_DEPARTMENT => {
            t(lang, "Ingen afdeling", "No department").to_string()
        }
        KindOf::Department => g.label.clone().unwrap_or_else(|| g.name.clone()),
        KindOf::ContactType => match (g.name.as_str(), lang) {
            ("transaction", Lang::Da) => "Transaktion (sagsoprettelse)".into(),
            ("transaction", Lang::En) => "Transaction".into(),
            ("information", Lang::Da) => "Generel information".into(),
            ("information", Lang::En) => "Information".into(),
            ("case_information", Lang::Da) => "Sagsinformation".into(),
            ("case_information", Lang::En) => "Case information".into(),
            (other, _) => other.to_string(),
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
        KindOf::Area => (t(lang, "område", "area"), "table-by-area"),
        KindOf::Department => (t(lang, "afdeling", "department"), "table-by-department"),
        KindOf::ContactType => (t(lang, "henvendelsestype", "contact type"), "table-by-type"),
    };
    let covers = match (kind, lang) {
        (KindOf::Department, Lang::Da) => {
            "ekspeditionsomkostning og åbningstids- eller bemandingsomkostning"
        }
        (KindOf::Department, Lang::En) => "handling cost and opening-hour or staffing cost",
        (_, Lang::Da) => "ekspeditionsomkostning",
        (_, Lang::En) => "handling cost",
    };
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
                (t(lang, "Omkostninger fordelt på", "Cost by")) " " (what)
                " (" (covers) "; " (t(lang, "gennemsnit, kr.", "mean, kr.")) ")"
            } "\n"
            thead { tr {
                th { (capitalise(what)) }
                th.num { (t(lang, "Status quo", "Status quo")) " " (base) }
                th.num { (t(lang, "andel", "share")) }
                th.num { (t(lang, "Scenarie", "Scenario")) " " (end) }
                th.num { (t(lang, "andel", "share")) }
                th.num { (t(lang, "Besparelse", "Savings")) " " (end) }
                th.num { (t(lang, "Henvendelser, scenarie", "Contacts, scenario")) " " (end) }
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
                    td { (t(lang, "I alt", "Total")) }
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
                (t(
                    lang,
                    "Fordelingerne dækker ekspeditionsomkostningen (antal henvendelser gange enhedspris) og, for afdelingerne, omkostningen til åbne timer eller bemanding. Kampagners og tiltags udgifter og udgående post hører ikke til noget område og er ikke med. Gennemsnit summerer over grupperne; besparelse = status quo minus scenarie af det, gruppen dækker.",
                    "The breakdowns cover the handling cost (contacts times unit price) and, for departments, the cost of open hours or staff. Campaign and initiative costs and outbound mail belong to no area and are left out. Means add up over the groups; savings = status quo minus scenario of what the group covers."
                ))
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
