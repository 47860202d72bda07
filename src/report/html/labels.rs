//! Labels, numbers and words in the report's language, shared with the
//! terminal, the Excel export and `check`.

use super::*;

pub(super) fn t<'a>(lang: Lang, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

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
        RunPath::StatusQuo => "status quo",
        RunPath::Scenario => t(lang, "scenarie", "scenario"),
    }
}

/// The label of a metric named by a series key, e.g. "Henvendelser:
/// telefon, scenarie" or "Bemanding BSA telefon, status quo: serviceniveau".
pub fn series_label(key: &SeriesKey, lang: Lang) -> String {
    match key {
        SeriesKey::Cost { part, path } => {
            let what = match part {
                CostPart::Handling => t(lang, "Ekspeditionsomkostning", "Handling cost"),
                CostPart::Opening => t(lang, "Åbningsomkostning", "Opening cost"),
                CostPart::Campaign => t(lang, "Kampagneomkostning", "Campaign cost"),
                CostPart::OutboundMail => t(lang, "Udgående post", "Outbound mail cost"),
            };
            format!("{what}, {}", path_label(*path, lang))
        }
        SeriesKey::PaperLetters(path) => format!(
            "{}, {}",
            t(lang, "Papirbreve", "Paper letters"),
            path_label(*path, lang)
        ),
        SeriesKey::Volume { path, channel } => {
            let ch = match lang {
                Lang::Da => channel.label_da(),
                Lang::En => channel.label_en(),
            };
            format!(
                "{}: {ch}, {}",
                t(lang, "Henvendelser", "Contacts"),
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
                StaffingMeasure::AgentsPerOpenHour => t(
                    lang,
                    "nødvendige medarbejdere pr. åben time",
                    "agents needed per open hour",
                ),
                StaffingMeasure::ServiceLevel => t(lang, "serviceniveau", "service level"),
                StaffingMeasure::AsaSeconds => t(lang, "gns. ventetid (sek.)", "average wait (s)"),
            };
            format!(
                "{} {department} {}, {}: {what}",
                t(lang, "Bemanding", "Staffing"),
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
        let label = src.label(lang).to_lowercase();
        return match lang {
            Lang::Da => format!("Besparelse: {label}"),
            Lang::En => format!("Savings: {label}"),
        };
    }
    let typed = name.key().and_then(|k| match k {
        MetricKey::CostStatusQuo => Some(t(lang, "Omkostning, status quo", "Cost, status quo")),
        MetricKey::CostScenario => Some(t(lang, "Omkostning, scenarie", "Cost, scenario")),
        MetricKey::Savings => Some(t(lang, "Besparelse", "Savings")),
        MetricKey::CumulativeNetSavings => Some(t(
            lang,
            "Akkumuleret nettobesparelse",
            "Cumulative net savings",
        )),
        MetricKey::Npv => Some(t(lang, "Nettonutidsværdi", "Net present value")),
        MetricKey::PaybackYear => Some(t(lang, "Tilbagebetalingsår", "Payback year")),
        MetricKey::DigitalShareScenario => Some(t(
            lang,
            "Digital andel, scenarie",
            "Digital share, scenario",
        )),
        MetricKey::ContactsStatusQuo | MetricKey::ContactsScenario => None,
        MetricKey::CompletionRate => None,
    });
    let contacts = |path| {
        let what = t(lang, "Henvendelser i alt", "Contacts, total");
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
        "displaced_retimed" => Some(t(
            lang,
            "Fortrængte henvendelser: andet tidspunkt",
            "Displaced contacts: retimed",
        )),
        "displaced_to_digital" => Some(t(
            lang,
            "Fortrængte henvendelser: til digital kanal",
            "Displaced contacts: to digital",
        )),
        "displaced_to_phone" => Some(t(
            lang,
            "Fortrængte henvendelser: fra skranke til telefon",
            "Displaced contacts: counter to phone",
        )),
        "displaced_avoided" => Some(t(
            lang,
            "Fortrængte henvendelser: bliver væk",
            "Displaced contacts: avoided",
        )),
        "closure_avoided" => Some(t(
            lang,
            "Henvendelser undgået ved lukket kanal",
            "Contacts avoided by channel closure",
        )),
        "shift_avoided" => Some(t(
            lang,
            "Henvendelser undgået ved delvis kanalflytning",
            "Contacts avoided by partial channel shifts",
        )),
        "digital_post_letters_scenario" => Some(t(
            lang,
            "Breve via Digital Post, scenarie",
            "Digital Post letters, scenario",
        )),
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
    if lang == Lang::En {
        return unit.to_string();
    }
    let known = match unit {
        "kr." => Some("kr."),
        "share" => Some("andel"),
        "share per year" => Some("andel pr. år"),
        "per year" => Some("pr. år"),
        "seconds" => Some("sekunder"),
        "contacts" => Some("henvendelser"),
        "letters" => Some("breve"),
        "agents" => Some("medarbejdere"),
        "year" => Some("år"),
        "months" => Some("måneder"),
        _ => None,
    };
    if let Some(k) = known {
        return k.to_string();
    }
    // Word by word: "kr. per open hour" -> "kr. pr. åben time".
    let mut s = format!(" {unit} ");
    for (en, da) in [
        (" per 1,000 ", " pr. 1.000 "),
        (" per ", " pr. "),
        (" open hour ", " åben time "),
        (" contacts ", " henvendelser "),
        (" contact ", " henvendelse "),
        (" attempts ", " forsøg "),
        (" attempt ", " forsøg "),
        (" letters ", " breve "),
        (" letter ", " brev "),
        (" citizens ", " borgere "),
        (" year ", " år "),
        (" month ", " måned "),
        (" hour ", " time "),
        (" share ", " andel "),
        (" seconds ", " sekunder "),
    ] {
        while s.contains(en) {
            s = s.replace(en, da);
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
        } else if word == "closed" && lang == Lang::Da {
            out.push_str("lukket");
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
            let translated = match (lang, word.as_str()) {
                (Lang::Da, "uniform") => "ligefordeling",
                (Lang::Da, "triangular") => "trekantfordeling",
                (Lang::Da, "pert") => "PERT",
                (Lang::En, "pert") => "PERT",
                (Lang::Da, "normal") => "normalfordeling",
                (Lang::Da, "log-normal") => "lognormal",
                (Lang::Da, "beta") => "betafordeling",
                (Lang::Da, "discrete") => "diskret",
                (Lang::Da, "mean") => "middel",
                (Lang::Da, "sd") => "sd",
                (Lang::Da, "max") => "maks.",
                (Lang::Da, "in") => "i",
                (Lang::Da, "on") => "på",
                (Lang::Da, "values") => "værdier",
                _ => word.as_str(),
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
        format!("{lo} {} {hi}", lang.pick("til", "to"))
    } else {
        format!("{lo}–{hi}")
    }
}

/// Two ends of an interval joined by "og" / "and" with the unit once:
/// "1,51 og 2,55 mio. kr." (both ends in one unit, [`MoneyUnit`]).
pub(super) fn between(lo: f64, hi: f64, lang: Lang) -> String {
    let u = MoneyUnit::of([lo, hi]);
    format!(
        "{} {} {} {}",
        u.number(lo, lang),
        lang.pick("og", "and"),
        u.number(hi, lang),
        u.unit(lang)
    )
}

/// The discount rate as summary.json writes it ("0.05", or a distribution)
/// in the language's number format: "0,05", "trekantfordeling (0,03; ...)".
pub fn discount_rate_label(text: &str, lang: Lang) -> String {
    match text.trim().parse::<f64>() {
        Ok(x) => format_sig(x, 6, lang),
        Err(_) => distribution_label(text, lang),
    }
}

/// "andel mindst 40 %" / "share at least 40 %".
pub(super) fn goal_condition(g: &GoalSummary, target: f64, lang: Lang) -> String {
    let what = crate::goal_text::metric_words(g.metric, lang);
    let op = if g.op == GoalOp::AtMost {
        t(lang, "højst", "at most")
    } else {
        t(lang, "mindst", "at least")
    };
    let value = crate::goal_text::value(g.metric, target, lang);
    if what.is_empty() {
        format!("{op} {value}")
    } else {
        format!("{what} {op} {value}")
    }
}

/// A probability in words (the IPCC's likelihood scale).
pub fn likelihood_words(p: f64, lang: Lang) -> &'static str {
    if p >= 0.99 {
        t(lang, "næsten sikkert", "virtually certain")
    } else if p >= 0.9 {
        t(lang, "meget sandsynligt", "very likely")
    } else if p >= 0.66 {
        t(lang, "sandsynligt", "likely")
    } else if p > 0.33 {
        t(
            lang,
            "lige så sandsynligt som ikke",
            "about as likely as not",
        )
    } else if p > 0.1 {
        t(lang, "usandsynligt", "unlikely")
    } else if p > 0.01 {
        t(lang, "meget usandsynligt", "very unlikely")
    } else {
        t(lang, "næsten udelukket", "exceptionally unlikely")
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
