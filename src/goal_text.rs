//! How a goal's metric reads in tables, the report, charts and the
//! workbook: one place, matched on the typed metric, so a new metric is a
//! compile error here rather than a silent fallback elsewhere.

use crate::i18n::TextCommon;
use crate::i18n::{format_money, format_number, format_pct, Lang};
use crate::scenario::GoalMetric;

/// What the metric measures, in words ("andel", "cumulative net savings").
/// Empty for counts whose unit follows the number instead ("højst 0
/// papirbreve").
pub fn metric_words(m: GoalMetric, lang: Lang) -> String {
    match m {
        GoalMetric::Share => TextCommon::Share.get(lang).to_string(),
        GoalMetric::Volume | GoalMetric::PaperLetters | GoalMetric::Solutions => String::new(),
        GoalMetric::Cost => TextCommon::Cost.get(lang).to_string(),
        GoalMetric::Savings => TextCommon::Savings.get(lang).to_string(),
        GoalMetric::CumulativeNetSavings => TextCommon::CumulativeNetSavings.get(lang).to_string(),
        GoalMetric::Npv => TextCommon::NetPresentValue.get(lang).to_string(),
        GoalMetric::Citizens(c) => crate::i18n::in_sentence(c.label(lang)),
        GoalMetric::CompletionRate => TextCommon::CompletionRateOfStartedSelf
            .get(lang)
            .to_string(),
    }
}

/// The metric's name for a column or a label ("contacts", "share").
pub fn metric_label(m: GoalMetric, lang: Lang) -> String {
    match m {
        GoalMetric::Volume => TextCommon::Contacts.get(lang).to_string(),
        GoalMetric::PaperLetters => TextCommon::PaperLetters.get(lang).to_string(),
        GoalMetric::Solutions => TextCommon::SelfServiceSolutionsLive.get(lang).to_string(),
        other => metric_words(other, lang),
    }
}

/// The unit of a count metric, for a row label (" (henvendelser)"); empty
/// for shares and money, whose values carry their unit.
pub fn count_unit(m: GoalMetric, lang: Lang) -> &'static str {
    match m {
        GoalMetric::Volume => TextCommon::ContactsInParens.get(lang),
        GoalMetric::PaperLetters => TextCommon::PaperLettersInParens.get(lang),
        GoalMetric::Solutions => TextCommon::SolutionsInParens.get(lang),
        _ => "",
    }
}

/// The kind of number a metric is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Share,
    Money,
    Count,
}

/// The kind of number of a metric.
pub fn kind(m: GoalMetric) -> Kind {
    match m {
        GoalMetric::Share | GoalMetric::Citizens(_) | GoalMetric::CompletionRate => Kind::Share,
        GoalMetric::Cost
        | GoalMetric::Savings
        | GoalMetric::CumulativeNetSavings
        | GoalMetric::Npv => Kind::Money,
        GoalMetric::Volume | GoalMetric::PaperLetters | GoalMetric::Solutions => Kind::Count,
    }
}

/// A target or value with its unit ("40 %", "1,2 mio. kr.", "0 papirbreve").
pub fn value(m: GoalMetric, v: f64, lang: Lang) -> String {
    match kind(m) {
        Kind::Share => format_share(v, lang),
        Kind::Money => format_money(v, lang),
        Kind::Count => format!(
            "{}{}",
            format_number(v, 0, lang),
            count_unit(m, lang).replace(['(', ')'], "")
        ),
    }
}

/// A share as a percentage with one decimal where it has one.
pub fn format_share(v: f64, lang: Lang) -> String {
    let pct = v * 100.0;
    let decimals = if (pct - pct.round()).abs() < 1e-9 {
        0
    } else {
        1
    };
    format_pct(v, decimals, lang)
}
