//! Checks over the whole text table.

use std::collections::BTreeSet;

/// Every text of every table file: (name, [Danish, English]).
fn all_texts() -> Vec<(&'static str, [&'static str; 2])> {
    [
        super::charts::all_texts(),
        super::common::all_texts(),
        super::names::all_texts(),
        super::report::all_texts(),
        super::terminal::all_texts(),
        super::workbook::all_texts(),
    ]
    .concat()
}

/// Every template of every table file.
fn all_templates() -> Vec<(&'static str, [&'static str; 2])> {
    [
        super::charts::all_templates(),
        super::names::all_templates(),
        super::report::all_templates(),
        super::terminal::all_templates(),
        super::workbook::all_templates(),
    ]
    .concat()
}

/// Texts that read the same in Danish and English on purpose: names,
/// symbols and loanwords Danish uses as they are.
const SAME_IN_BOTH: &[&str] = &[
    "kr.",
    "Median",
    "median",
    "median, kr.",
    "P50 (median)",
    "Status quo",
    "status quo",
    "Innovation p",
    "Imitation q",
    "E-mail",
    "Chat",
    "SMS",
    "PERT",
    "sd",
    "information",
    "observation",
    "PIT",
    "CRPS",
];

/// What a text must not be: a stand-in for a text still to be written.
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || ["TODO", "FIXME", "XXX", "TBD", "???"]
            .iter()
            .any(|p| t.contains(p))
}

#[test]
fn every_text_is_written_in_both_languages() {
    let texts = all_texts();
    assert!(texts.len() > 400, "only {} texts", texts.len());
    for (name, both) in texts.iter().chain(all_templates().iter()) {
        for (lang, text) in ["da", "en"].iter().zip(both) {
            assert!(!is_placeholder(text), "{name} ({lang}) is {text:?}");
        }
    }
}

#[test]
fn danish_texts_are_not_english_by_mistake() {
    let same: Vec<String> = all_texts()
        .iter()
        .chain(all_templates().iter())
        .filter(|(_, [da, en])| da == en && !SAME_IN_BOTH.contains(&da.trim()))
        .map(|(name, [da, _])| format!("{name}: {da:?}"))
        .collect();
    assert!(
        same.is_empty(),
        "Danish text equal to its English (add to SAME_IN_BOTH if meant):\n{}",
        same.join("\n")
    );
    // Every exception is still in use.
    let used: BTreeSet<&str> = all_texts()
        .iter()
        .filter(|(_, [da, en])| da == en)
        .map(|(_, [da, _])| da.trim())
        .collect();
    for s in SAME_IN_BOTH {
        assert!(
            used.contains(s),
            "{s:?} is in SAME_IN_BOTH but no text uses it"
        );
    }
}

/// A template's placeholders: the names between braces, `{year}` or
/// `{n:>5}` (escaped `{{` skipped).
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').expect("unclosed brace") + start;
        let name = rest[start + 1..end].split(':').next().unwrap_or("");
        out.insert(name.to_string());
        rest = rest[end + 1..].to_string();
    }
    out
}

#[test]
fn templates_fill_the_same_placeholders_in_both_languages() {
    for (name, [da, en]) in all_templates() {
        assert_eq!(placeholders(da), placeholders(en), "{name}");
    }
}

#[test]
fn templates_fill_in_their_arguments() {
    use crate::i18n::*;
    assert_eq!(TextChart::Year.get(Lang::Da), "År");
    assert_eq!(TextChart::Year.get(Lang::En), "Year");
    assert_eq!(
        based_on_trials(Lang::Da, "10.000"),
        "Baseret på 10.000 simuleringer."
    );
    assert_eq!(
        based_on_trials(Lang::En, "10,000"),
        "Based on 10,000 simulations."
    );
    assert_eq!(
        cumulative_net_savings_through(Lang::Da, 2015),
        "Akkumuleret nettobesparelse til og med 2015"
    );
    assert_eq!(
        mean_value(Lang::Da, "3,4 mio. kr.", ""),
        "Gennemsnit: 3,4 mio. kr."
    );
    assert_eq!(mean_value(Lang::En, "12 %", "."), "Mean: 12 %.");
}

#[test]
fn placeholders_are_the_names_between_braces() {
    let names: Vec<String> = placeholders("{year}: {n:>5} {{literal}}")
        .into_iter()
        .collect();
    assert_eq!(names, ["n", "year"]);
}

#[test]
fn the_workbook_says_in_english_what_summary_json_says() {
    use crate::i18n::{Lang, TextSheet};
    assert_eq!(
        TextSheet::BreakdownCovers.get(Lang::En),
        crate::breakdown::COVERS
    );
}
