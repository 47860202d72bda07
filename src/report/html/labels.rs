//! Labels, numbers and words in the report's language, shared with the
//! terminal, the Excel export and `check`.

use super::*;
use crate::i18n::{
    savings_from, DistributionWord, PathName, ScheduleWord, TextChart, TextCommon, TextReport,
    UnitName, UnitWord,
};

/// A number with about `sig` significant digits (trailing zeros after the
/// decimal separator dropped), in the language's format.
pub fn format_sig(x: f64, sig: usize, lang: Lang) -> String {
    if !x.is_finite() || x == 0.0 {
        return format_number(x, 0, lang);
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (sig as i32 - 1 - magnitude).clamp(0, 9) as usize;
    let s = format_number(x, decimals, lang);
    if decimals > 0 {
        let sep = lang.decimal_separator();
        let trimmed = s.trim_end_matches('0');
        trimmed.trim_end_matches(sep).to_string()
    } else {
        s
    }
}

/// "status quo" / "scenarie" for a path.
pub(super) fn path_label(path: RunPath, lang: Lang) -> &'static str {
    match path {
        RunPath::StatusQuo => PathName::StatusQuo,
        RunPath::Scenario => PathName::Scenario,
    }
    .get(lang)
}

/// The label of a metric named by a series key, e.g. "Henvendelser:
/// telefon, scenarie" or "Bemanding BSA telefon, status quo: serviceniveau".
pub fn series_label(key: &SeriesKey, lang: Lang) -> String {
    match key {
        SeriesKey::Cost { part, path } => {
            let what = match part {
                CostPart::Handling => TextReport::HandlingCost.get(lang),
                CostPart::Opening => TextReport::OpeningCost.get(lang),
                CostPart::Campaign => TextReport::CampaignCost.get(lang),
                CostPart::OutboundMail => TextReport::OutboundMailCost.get(lang),
            };
            format!("{what}, {}", path_label(*path, lang))
        }
        SeriesKey::PaperLetters(path) => format!(
            "{}, {}",
            TextReport::PaperLetters.get(lang),
            path_label(*path, lang)
        ),
        SeriesKey::Volume { path, channel } => {
            let ch = channel.label(lang);
            format!(
                "{}: {ch}, {}",
                TextChart::Contacts.get(lang),
                path_label(*path, lang)
            )
        }
        SeriesKey::Staffing {
            department,
            channel,
            path,
            measure,
        } => {
            let what = match measure {
                StaffingMeasure::AgentsPerOpenHour => TextCommon::AgentsNeededPerOpenHour.get(lang),
                StaffingMeasure::ServiceLevel => TextCommon::ServiceLevel.get(lang),
                StaffingMeasure::AsaSeconds => TextReport::AverageWaitSLower.get(lang),
            };
            format!(
                "{} {department} {}, {}: {what}",
                TextReport::Staffing.get(lang),
                chart_data::opening_channel_label(*channel, lang).to_lowercase(),
                path_label(*path, lang),
            )
        }
        // Labelled by its name, as before keys were typed (the capability's
        // label reads as the citizens, not their share).
        SeriesKey::Citizens(_) => key.to_string(),
    }
}

/// The label of a metric in the chosen language, e.g. `savings_kr` ->
/// "Besparelse"; a name without a label is returned as summary.json spells it.
pub fn metric_label(name: impl Into<MetricName>, lang: Lang) -> String {
    let name = name.into();
    if let MetricName::Source(src) = name {
        let label = crate::i18n::in_sentence(src.label(lang));
        return savings_from(lang, &label);
    }
    let typed = name.key().and_then(|k| match k {
        MetricKey::CostStatusQuo => Some(TextReport::CostStatusQuo.get(lang)),
        MetricKey::CostScenario => Some(TextReport::CostScenario.get(lang)),
        MetricKey::Savings => Some(TextChart::Savings.get(lang)),
        MetricKey::CumulativeNetSavings => Some(TextChart::CumulativeNetSavings.get(lang)),
        MetricKey::Npv => Some(TextReport::NetPresentValue.get(lang)),
        MetricKey::PaybackYear => Some(TextCommon::PaybackYear.get(lang)),
        MetricKey::DigitalShareScenario => Some(TextReport::DigitalShareScenario.get(lang)),
        MetricKey::ContactsStatusQuo | MetricKey::ContactsScenario => None,
        MetricKey::CompletionRate => None,
    });
    let contacts = |path| {
        let what = TextReport::ContactsTotal.get(lang);
        format!("{what}, {}", path_label(path, lang))
    };
    match name.key() {
        Some(MetricKey::ContactsStatusQuo) => return contacts(RunPath::StatusQuo),
        Some(MetricKey::ContactsScenario) => return contacts(RunPath::Scenario),
        _ => {}
    }
    let other = match name {
        MetricName::Other(other) => other,
        _ => "",
    };
    let fixed = typed.or(match other {
        "displaced_retimed" => Some(TextReport::DisplacedContactsRetimed.get(lang)),
        "displaced_to_digital" => Some(TextReport::DisplacedContactsToDigital.get(lang)),
        "displaced_to_phone" => Some(TextReport::DisplacedContactsCounterToPhone.get(lang)),
        "displaced_avoided" => Some(TextReport::DisplacedContactsAvoided.get(lang)),
        "closure_avoided" => Some(TextReport::ContactsAvoidedByChannelClosure.get(lang)),
        "shift_avoided" => Some(TextReport::ContactsAvoidedByPartialChannel.get(lang)),
        "digital_post_letters_scenario" => Some(TextReport::DigitalPostLettersScenario.get(lang)),
        _ => None,
    });
    if let Some(f) = fixed {
        return f.to_string();
    }
    if let MetricName::Series(series) = &name {
        return series_label(series, lang);
    }
    name.to_string()
}

/// The unit of an input in the chosen language ("kr. per contact" ->
/// "kr. pr. henvendelse").
pub fn unit_label(unit: &str, lang: Lang) -> String {
    if let Some(u) = UnitName::ALL.iter().find(|u| u.get(Lang::En) == unit) {
        return u.get(lang).to_string();
    }
    // The scenario file writes units in English.
    if lang == Lang::En {
        return unit.to_string();
    }
    // Word by word: "kr. per open hour" -> "kr. pr. åben time".
    let mut s = format!(" {unit} ");
    for word in UnitWord::ALL {
        let [da, en] = word.both();
        let (en, da) = (format!(" {en} "), format!(" {da} "));
        while s.contains(&en) {
            s = s.replace(&en, &da);
        }
    }
    s.trim().to_string()
}

/// A weekly schedule as summary.json writes it ("Mon-Wed 9-15; Thu
/// 9-18.30; Wed closed") with Danish day names where asked ("man-ons 9-15").
pub fn schedule_label(text: &str, lang: Lang) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if let Some(i) = DAYS.iter().position(|d| d == word) {
            out.push_str(weekday_short(i, lang));
        } else if word == "closed" {
            out.push_str(ScheduleWord::Closed.get(lang));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A schedule for a table cell: the groups of days separated by "; ", each
/// kept whole on its line ("man-ons 9-15; tor 9-18.30").
pub(super) fn schedule_html(text: &str, lang: Lang) -> Markup {
    let label = schedule_label(text, lang);
    html! {
        @for (n, part) in label.split("; ").enumerate() {
            @if n > 0 { "; " }
            span class="nowrap" { (clean_text(part)) }
        }
    }
}

/// A distribution as `Distribution::describe` writes it
/// ("triangular(90, 120, 150)") in the chosen language, numbers in its
/// format: Danish "trekantfordeling (90; 120; 150)", "normalfordeling (middel 0,5; sd 0,1)";
/// English keeps the text and formats its numbers ("normal(mean 1,500, sd 10)").
pub fn distribution_label(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_alnum = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '.');
        let starts_number = c.is_ascii_digit()
            || (c == '-' && !prev_alnum && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()));
        if starts_number && !prev_alnum {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let mut decimals = 0;
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                    decimals += 1;
                }
            }
            let mantissa: String = chars[start..i].iter().collect();
            let mut exponent = String::new();
            if i + 1 < chars.len()
                && chars[i] == 'e'
                && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '-')
            {
                let e0 = i;
                i += 2;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                exponent = chars[e0..i].iter().collect();
            }
            match mantissa.parse::<f64>() {
                Ok(x) => {
                    out.push_str(&format_number(x, decimals, lang));
                    out.push_str(&exponent);
                }
                Err(_) => {
                    out.push_str(&mantissa);
                    out.push_str(&exponent);
                }
            }
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (chars[i] == '-' && chars.get(i + 1).is_some_and(|d| d.is_alphabetic())))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let translated = match distribution_word(&word) {
                Some(w) => w.get(lang),
                None => word.as_str(),
            };
            out.push_str(translated);
            // "trekantfordeling (90; 120; 150)": a line may break before the numbers.
            if lang == Lang::Da && chars.get(i) == Some(&'(') {
                out.push(' ');
            }
            continue;
        }
        if c == ',' && lang == Lang::Da {
            // The decimal comma takes the comma's place; lists use ";".
            out.push(';');
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// A word of `Distribution::describe` ("triangular", "mean") as the table
/// names it.
fn distribution_word(word: &str) -> Option<DistributionWord> {
    use DistributionWord as W;
    Some(match word {
        "uniform" => W::Uniform,
        "triangular" => W::Triangular,
        "pert" => W::Pert,
        "normal" => W::Normal,
        "log-normal" => W::LogNormal,
        "beta" => W::Beta,
        "discrete" => W::Discrete,
        "mean" => W::Mean,
        "sd" => W::Sd,
        "max" => W::Max,
        "in" => W::In,
        "on" => W::On,
        "values" => W::Values,
        _ => return None,
    })
}

/// An interval of two formatted values with their unit once: "16,8–23,1 %",
/// "1,2–3,4 mio. kr.", "7.084–11.602"; "-0,6 til 1,2 mio. kr." when the
/// lower end is negative (a dash after a minus sign would misread). The
/// two values must be in one unit ([`format_money_pair`] for amounts).
pub(super) fn join_interval(lo: &str, hi: &str, lang: Lang) -> String {
    let lo = [" %", " mio. kr.", " m kr.", " kr."]
        .iter()
        .find_map(|u| {
            (lo.ends_with(u) && hi.ends_with(u)).then(|| lo.strip_suffix(u).unwrap_or(lo))
        })
        .unwrap_or(lo);
    // "%" stays on the line of its number (a no-break space); the interval
    // may break after its dash.
    let hi = match hi.strip_suffix(" %") {
        Some(n) => format!("{n}\u{a0}%"),
        None => hi.to_string(),
    };
    if lo.starts_with('-') {
        format!("{lo} {} {hi}", TextCommon::To.get(lang))
    } else {
        format!("{lo}–{hi}")
    }
}

/// The discount rate as summary.json writes it ("0.05", or a distribution)
/// in the language's number format: "0,05", "trekantfordeling (0,03; ...)".
pub fn discount_rate_label(text: &str, lang: Lang) -> String {
    match text.trim().parse::<f64>() {
        Ok(x) => format_sig(x, 6, lang),
        Err(_) => distribution_label(text, lang),
    }
}

/// The decimals that write every weekly-hours figure of one table
/// exactly (none, one or at most two), so that one table never mixes
/// "31,5" and "23": with a half hour anywhere, "31,5" and "23,0".
pub fn hours_decimals(hours: impl IntoIterator<Item = f64>) -> usize {
    hours
        .into_iter()
        .filter(|h| h.is_finite())
        .map(|h| {
            (0..2)
                .find(|&d| {
                    let scaled = h * 10f64.powi(d as i32);
                    (scaled - scaled.round()).abs() < 1e-6
                })
                .unwrap_or(2)
        })
        .max()
        .unwrap_or(0)
}

/// "andel mindst 40 %" / "share at least 40 %"; a goal judged on
/// December's figure says so, as the terminal and the goal chart do:
/// "andel mindst 40 % i december" / "share at least 40 % in December".
pub(super) fn goal_condition(g: &GoalSummary, target: f64, lang: Lang) -> String {
    let what = crate::goal_text::metric_words(g.metric, lang);
    let op = if g.op == GoalOp::AtMost {
        TextReport::AtMost.get(lang)
    } else {
        TextReport::AtLeast.get(lang)
    };
    let value = crate::goal_text::value(g.metric, target, lang);
    let when = goal_when(g, lang);
    if what.is_empty() {
        format!("{op} {value}{when}")
    } else {
        format!("{what} {op} {value}{when}")
    }
}

/// " i december" / " in December" for a goal judged on December's figure
/// (`at = "year_end"`), else empty.
pub(super) fn goal_when(g: &GoalSummary, lang: Lang) -> &'static str {
    if g.year_end {
        TextReport::InDecember.get(lang)
    } else {
        ""
    }
}

/// A probability in words (the IPCC's likelihood scale).
pub fn likelihood_words(p: f64, lang: Lang) -> &'static str {
    if p >= 0.99 {
        TextReport::VirtuallyCertain.get(lang)
    } else if p >= 0.9 {
        TextReport::VeryLikely.get(lang)
    } else if p >= 0.66 {
        TextReport::Likely.get(lang)
    } else if p > 0.33 {
        TextReport::AboutAsLikelyAsNot.get(lang)
    } else if p > 0.1 {
        TextReport::Unlikely.get(lang)
    } else if p > 0.01 {
        TextReport::VeryUnlikely.get(lang)
    } else {
        TextReport::ExceptionallyUnlikely.get(lang)
    }
}

pub(super) fn likelihood_class(p: f64) -> &'static str {
    if p >= 0.9 {
        "p-high"
    } else if p > 0.33 {
        "p-mid"
    } else {
        "p-low"
    }
}
