//! The terminal view of a sensitivity analysis: which inputs drive the
//! output, by their readable labels, in the run's language.

use crate::i18n::{format_number, more_input, more_inputs, Lang, TextTerm};
use std::fmt::Write;

use crate::input_key::InputKey;
use crate::report::chart_data::{input_label, summary_input_label, summary_input_labels};
use crate::summary::RunSummary;
use crate::summary::{Sensitivity, SensitivityRow};

use super::table::Scale;

fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format_number(x, decimals, lang);
    if s.starts_with('-') || s.chars().all(|c| c == '0' || c == '.' || c == ',') {
        s
    } else {
        format!("+{s}")
    }
}

/// Plain-text view of the `n` most influential inputs, for the terminal,
/// in `lang`: a heading, the table, and what a minus sign means.
/// `summary` names departments by their labels, as the report and charts
/// do; without it inputs are labelled from their keys alone.
pub fn top_table(summary: Option<&RunSummary>, s: &Sensitivity, n: usize, lang: Lang) -> String {
    let mut o = String::new();
    let metric = crate::cli::table::metric_name(s.metric, lang);
    let scale = Scale::for_values(s.rows.iter().take(n).flat_map(|r| {
        [
            r.median_when_low,
            r.median_when_high,
            r.swing,
            s.output_median,
        ]
    }));
    let _ = writeln!(
        o,
        "\n{} {metric} {} ({} {} {} {}; {} {}, median {} {})",
        TextTerm::WhatDrives.get(lang),
        s.year,
        TextTerm::The.get(lang),
        s.rows.len().min(n),
        TextTerm::MostInfluentialOf.get(lang),
        crate::i18n::uncertain_inputs(lang, s.rows.len()),
        format_number(s.trials_used as f64, 0, lang),
        TextTerm::Trials.get(lang),
        scale.fmt(s.output_median, lang),
        scale.unit(lang)
    );
    if s.rows.is_empty() {
        let _ = writeln!(o, "{}", TextTerm::NoUncertainInputsTheOutput.get(lang));
    } else {
        o.push_str(&input_rows_table(summary, s, n, scale, lang));
    }
    o.push_str(&correlations_table(summary, s, lang));
    o
}

/// The ranked inputs, the decile medians and what a minus sign means.
fn input_rows_table(
    summary: Option<&RunSummary>,
    s: &Sensitivity,
    n: usize,
    scale: Scale,
    lang: Lang,
) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} ({}): {}\n",
        TextTerm::WhenLowHigh.get(lang),
        scale.unit(lang),
        TextTerm::TheOutputsMedianInTrials.get(lang)
    );
    let header: Vec<String> = [
        TextTerm::Rank.get(lang),
        "input",
        "Spearman",
        TextTerm::ContributionToVariance.get(lang),
        TextTerm::WhenLow.get(lang),
        TextTerm::WhenHigh.get(lang),
        TextTerm::Swing.get(lang),
    ]
    .map(String::from)
    .to_vec();
    let shown: Vec<&SensitivityRow> = s.rows.iter().take(n).collect();
    let keys: Vec<&InputKey> = shown.iter().map(|r| &r.input).collect();
    // The names the report and charts give them (departments by label).
    let labels = match summary {
        Some(summary) => summary_input_labels(summary, &keys, lang),
        None => keys.iter().map(|k| input_label(k, lang)).collect(),
    };
    let rows: Vec<Vec<String>> = shown
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (r, label))| {
            vec![
                (i + 1).to_string(),
                label,
                signed(r.spearman, 3, lang),
                format!("{} %", signed(100.0 * r.contribution_to_variance, 1, lang)),
                scale.fmt(r.median_when_low, lang),
                scale.fmt(r.median_when_high, lang),
                scale.fmt(r.swing, lang),
            ]
        })
        .collect();
    o.push_str(&crate::text_table::render(
        &header,
        &rows,
        &[false, true, false, false, false, false, false],
    ));
    if s.rows.len() > n {
        let _ = writeln!(
            o,
            "{}",
            match s.rows.len() - n {
                1 => more_input(lang, 1),
                k => more_inputs(lang, k),
            }
        );
    }
    if shown.iter().any(|r| r.contribution_to_variance < 0.0) {
        let _ = writeln!(o, "{}", negative_share_note(lang));
    }
    o
}

/// One line under the table on what a negative contribution means here:
/// the contribution is rho² / sum of rho², signed like the rank correlation
/// rho, so a minus sign gives the direction, not a negative share.
pub fn negative_share_note(lang: Lang) -> &'static str {
    TextTerm::MinusTheOutputFallsAs.get(lang)
}

/// Declared rank correlations between inputs and the ones achieved.
fn correlations_table(summary: Option<&RunSummary>, s: &Sensitivity, lang: Lang) -> String {
    let mut o = String::new();
    if s.correlations.is_empty() {
        return o;
    }
    let _ = writeln!(o, "\n{}", TextTerm::RankCorrelationsBetweenInputs.get(lang));
    let header: Vec<String> = [
        "input",
        TextTerm::Declared.get(lang),
        TextTerm::Achieved.get(lang),
    ]
    .map(String::from)
    .to_vec();
    let label = |key: &InputKey| match summary {
        Some(summary) => summary_input_label(summary, key, lang),
        None => input_label(key, lang),
    };
    let rows: Vec<Vec<String>> = s
        .correlations
        .iter()
        .map(|c| {
            vec![
                format!("{} ~ {}", label(&c.a), label(&c.b)),
                signed(c.declared, 3, lang),
                signed(c.achieved, 3, lang),
            ]
        })
        .collect();
    o.push_str(&crate::text_table::render(
        &header,
        &rows,
        &[true, false, false],
    ));
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_shown() {
        assert_eq!(signed(0.5, 3, Lang::En), "+0.500");
        assert_eq!(signed(-0.5, 3, Lang::En), "-0.500");
        assert_eq!(signed(0.0, 3, Lang::En), "0.000");
        assert_eq!(signed(0.5, 3, Lang::Da), "+0,500");
        assert_eq!(signed(0.0, 1, Lang::Da), "0,0");
    }

    /// The terminal names inputs as the report and charts do: departments
    /// by their label ("Øvrige afdelinger", not "Øvrige"); equal labels
    /// keep their keys.
    #[test]
    fn inputs_read_as_labels_and_equal_labels_keep_their_keys() {
        let sc = crate::scenario::Scenario::from_file(std::path::Path::new(
            "scenarios/solrod-2011-proposal-1.toml",
        ))
        .unwrap();
        let engine = crate::engine::Engine::new(&sc, 1);
        let trials = engine.run(20);
        let summary = RunSummary::new(&sc, &engine.layout, &trials, 1, None);
        let key = |name: &str| InputKey::parse(name).unwrap();
        let l = summary_input_labels(
            &summary,
            &[&key("prices.personal"), &key("population.growth")],
            Lang::En,
        );
        assert_eq!(l, vec!["Price: personal attendance", "Population growth"]);
        let k = key("departments.Øvrige.open_hour_cost_kr.phone");
        let l = summary_input_labels(&summary, &[&k], Lang::Da);
        assert_eq!(l, vec!["Pris pr. åben time · Øvrige afdelinger telefon"]);
        let l = summary_input_labels(
            &summary,
            &[&key("areas.X.volume"), &key("areas.X.volume_per_1000")],
            Lang::Da,
        );
        assert_ne!(l[0], l[1]);
        assert!(l[1].ends_with("(areas.X.volume_per_1000)"), "{l:?}");
    }
}
