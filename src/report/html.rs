//! The HTML report: one self-contained file a councillor can read on screen
//! or print on A4, and a finance officer can check against the assumptions.
//!
//! Everything is a function of computed summaries ([`RunSummary`],
//! [`Comparison`]). The file has no scripts, no external fonts, images or
//! style sheets: the charts are the same charts `run` writes, embedded as
//! inline SVG. Every text that comes from a scenario file (names,
//! descriptions, comments, goal and event names, input keys) is HTML-escaped.
//!
//! Sections:
//! 1. Summary in plain words (savings with 90 % interval, cumulative net
//!    savings, payback, each goal's probability, displaced contacts, opening
//!    hours, and the options when a comparison is given).
//! 2. Assumptions: every uncertain input with its distribution and source.
//! 3. Charts.
//! 4. Tables per year.
//! 5. How the numbers are made (the model in brief).

use std::fmt::Write as _;
use std::path::Path;

use crate::charts::data::*;
use crate::charts::{self, ChartError, ChartText};
use crate::comparison::Comparison;
use crate::domain::Channel;
use crate::export::write_atomic;
use crate::i18n::{
    format_kr, format_money, format_money_pair, format_money_range, format_number, format_pct,
    format_probability, labels, weekday_short, Lang, MoneyUnit,
};
use crate::report::chart_data;
use crate::stats::Summary;
use crate::summary::{GoalSummary, RunSummary, Sensitivity};

/// Renders the report of a run (and, with `comparison`, of the options
/// compared; `summaries_of_options` are the options' run summaries in the
/// comparison's order, used for the options' S-curves).
pub fn render_html(
    summary: &RunSummary,
    comparison: Option<&Comparison>,
    summaries_of_options: &[RunSummary],
    lang: Lang,
) -> anyhow::Result<String> {
    let r = Report {
        s: summary,
        c: comparison,
        options: summaries_of_options,
        lang,
    };
    r.render()
}

/// Renders the report and writes it to `path` atomically (temporary file and
/// rename).
pub fn write_html(
    summary: &RunSummary,
    comparison: Option<&Comparison>,
    summaries_of_options: &[RunSummary],
    lang: Lang,
    path: &Path,
) -> anyhow::Result<()> {
    let html = render_html(summary, comparison, summaries_of_options, lang)?;
    Ok(write_atomic(path, html.as_bytes())?)
}

// ---------------------------------------------------------------------------
// Small helpers, public because the Excel export and tests share them.
// ---------------------------------------------------------------------------

/// Escapes text for HTML element content and attribute values.
/// Control characters are replaced first
/// ([`crate::export::sanitize::clean_text`]).
pub fn escape(text: &str) -> String {
    let text = crate::export::sanitize::clean_text(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Units that must stay on the line of the number before them, longest
/// first: "14,4 mio. kr.", "643.035 kr.".
const KEPT_UNITS: [&str; 3] = [" mio. kr.", " m kr.", " kr."];

/// Keeps every amount of the report's text on one line: each number
/// followed by a unit of [`KEPT_UNITS`] ("1,91 mio. kr.", "643.035 kr.",
/// "2-8 kr.") is wrapped in `<span class="nw">` (white-space: nowrap), so
/// "kr." never starts a line of its own. (Percentages in tables sit in
/// cells that do not wrap.) Works on finished
/// HTML: only text between tags is touched, never markup, attribute
/// values, the style sheet, the title or the inline SVG charts.
pub fn keep_units_with_numbers(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    // Elements whose content is left exactly as it is.
    const RAW: [(&str, &str); 3] = [
        ("<style", "</style>"),
        ("<svg", "</svg>"),
        ("<title", "</title>"),
    ];
    while let Some(lt) = rest.find('<') {
        out.push_str(&wrap_text_units(&rest[..lt]));
        rest = &rest[lt..];
        if let Some((_, close)) = RAW.iter().find(|(open, _)| rest.starts_with(open)) {
            let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(&wrap_text_units(rest));
    out
}

/// [`keep_units_with_numbers`] on one run of (escaped) text.
fn wrap_text_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        // A number starts at a digit (or a sign before one) that does not
        // follow a letter or digit.
        let c = text[i..].chars().next().expect("in bounds");
        let at_digit = c.is_ascii_digit()
            || ((c == '-' || c == '+') && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()));
        let after_word = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric());
        if at_digit && !after_word {
            let start = i;
            let mut j = i + 1;
            while j < text.len() {
                let b = bytes[j];
                let continues = b.is_ascii_digit()
                    || ((b == b'.' || b == b',')
                        && bytes.get(j + 1).is_some_and(|n| n.is_ascii_digit()));
                if !continues {
                    break;
                }
                j += 1;
            }
            if let Some(unit) = KEPT_UNITS.iter().find(|u| text[j..].starts_with(*u)) {
                let end = j + unit.len();
                // "< 1 %" and "> 99 %" keep their sign, and an interval
                // "68–72 %" its lower end.
                let sign = ["&lt; ", "&gt; "].into_iter().find(|p| out.ends_with(p));
                let lower = if sign.is_none() {
                    interval_start(&out)
                } else {
                    None
                };
                let kept = match (sign, lower) {
                    (Some(sign), _) => sign.len(),
                    (None, Some(at)) => out.len() - at,
                    (None, None) => 0,
                };
                let prefix = out.split_off(out.len() - kept);
                out.push_str("<span class=\"nw\">");
                out.push_str(&prefix);
                out.push_str(&text[start..end]);
                out.push_str("</span>");
                i = end;
            } else {
                out.push_str(&text[start..j]);
                i = j;
            }
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Where `text` ends in the lower end of an interval, a number and a dash
/// ("68–", "2-"), the byte offset of that number.
fn interval_start(text: &str) -> Option<usize> {
    let head = text
        .strip_suffix('–')
        .or_else(|| text.strip_suffix('-'))
        .filter(|h| h.ends_with(|c: char| c.is_ascii_digit()))?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let number = &head[start..];
    let before = head[..start].chars().next_back();
    (number.chars().any(|c| c.is_ascii_digit()) && !before.is_some_and(|c| c.is_alphanumeric()))
        .then_some(start)
}

fn t<'a>(lang: Lang, da: &'a str, en: &'a str) -> &'a str {
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

/// "status quo" / "scenario" for a path key.
fn path_label(path: &str, lang: Lang) -> String {
    match (path, lang) {
        ("status_quo", _) => "status quo".into(),
        ("scenario", Lang::Da) => "scenarie".into(),
        ("scenario", Lang::En) => "scenario".into(),
        (other, _) => other.into(),
    }
}

/// The label of a metric key of summary.json in the chosen language, e.g.
/// `savings_kr` -> "Besparelse"; unknown keys are returned as they are.
pub fn metric_label(key: &str, lang: Lang) -> String {
    use crate::model::layout::SavingsSource;
    if let Some(src) = SavingsSource::ALL.iter().find(|src| src.key() == key) {
        let label = src.label(lang).to_lowercase();
        return match lang {
            Lang::Da => format!("Besparelse: {label}"),
            Lang::En => format!("Savings: {label}"),
        };
    }
    let fixed = match key {
        "cost_status_quo_kr" => Some(t(lang, "Omkostning, status quo", "Cost, status quo")),
        "cost_scenario_kr" => Some(t(lang, "Omkostning, scenarie", "Cost, scenario")),
        "savings_kr" => Some(t(lang, "Besparelse", "Savings")),
        "cumulative_net_savings_kr" => Some(t(
            lang,
            "Akkumuleret nettobesparelse",
            "Cumulative net savings",
        )),
        "npv_kr" => Some(t(lang, "Nettonutidsværdi", "Net present value")),
        "payback_year" => Some(t(lang, "Tilbagebetalingsår", "Payback year")),
        "digital_share_scenario" => Some(t(
            lang,
            "Digital andel, scenarie",
            "Digital share, scenario",
        )),
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
    };
    if let Some(f) = fixed {
        return f.to_string();
    }
    let pairs: [(&str, &str, &str); 6] = [
        ("handling_cost_", "Ekspeditionsomkostning", "Handling cost"),
        ("opening_cost_", "Åbningsomkostning", "Opening cost"),
        ("campaign_cost_", "Kampagneomkostning", "Campaign cost"),
        ("outbound_mail_cost_", "Udgående post", "Outbound mail cost"),
        ("contacts_", "Henvendelser i alt", "Contacts, total"),
        ("paper_letters_", "Papirbreve", "Paper letters"),
    ];
    for (prefix, da, en) in pairs {
        if let Some(rest) = key.strip_prefix(prefix) {
            let path = rest.trim_end_matches("_kr");
            return format!("{}, {}", t(lang, da, en), path_label(path, lang));
        }
    }
    if let Some(rest) = key.strip_prefix("volume_") {
        if let Some((path, ch)) = rest.split_once('.') {
            let ch = Channel::from_key(ch)
                .map(|c| match lang {
                    Lang::Da => c.label_da(),
                    Lang::En => c.label_en(),
                })
                .unwrap_or(ch);
            return format!(
                "{}: {ch}, {}",
                t(lang, "Henvendelser", "Contacts"),
                path_label(path, lang)
            );
        }
    }
    if let Some(rest) = key.strip_prefix("staffing.") {
        // staffing.<department>.<channel>.<path>.<what>
        let parts: Vec<&str> = rest.split('.').collect();
        if parts.len() == 4 {
            let what = match parts[3] {
                "agents_per_open_hour" => {
                    t(lang, "medarbejdere pr. åben time", "agents per open hour")
                }
                "service_level" => t(lang, "serviceniveau", "service level"),
                "asa_seconds" => t(lang, "gns. ventetid (sek.)", "average wait (s)"),
                other => other,
            };
            return format!(
                "{} {} {}, {}: {what}",
                t(lang, "Bemanding", "Staffing"),
                parts[0],
                chart_data::opening_channel_label(parts[1], lang).to_lowercase(),
                path_label(parts[2], lang),
            );
        }
    }
    key.to_string()
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
fn schedule_html(text: &str, lang: Lang) -> String {
    schedule_label(text, lang)
        .split("; ")
        .map(|part| format!("<span class=\"nowrap\">{}</span>", escape(part)))
        .collect::<Vec<_>>()
        .join("; ")
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
fn join_interval(lo: &str, hi: &str, lang: Lang) -> String {
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
fn between(lo: f64, hi: f64, lang: Lang) -> String {
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
fn goal_condition(g: &GoalSummary, target: f64, lang: Lang) -> String {
    let what = crate::goal_text::metric_words(g.metric, lang);
    let op = if g.op == "<=" {
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

fn likelihood_class(p: f64) -> &'static str {
    if p >= 0.9 {
        "p-high"
    } else if p > 0.33 {
        "p-mid"
    } else {
        "p-low"
    }
}

// ---------------------------------------------------------------------------
// Charts as inline SVG
// ---------------------------------------------------------------------------

/// The report's charts: as wide as the files' ([`charts::SIZE`], so text is
/// as large on paper) but lower, so that three fit on an A4 page.
const REPORT_CHART_SIZE: (u32, u32) = (1200, 540);

/// Runs a chart function into an SVG string in memory and returns the SVG
/// element (without an XML declaration, ready to inline).
fn chart_svg<F>(draw: F) -> Result<String, ChartError>
where
    F: FnOnce(charts::Sink<'_>) -> Result<(), ChartError>,
{
    let mut svg = String::new();
    draw(charts::Sink::SvgOfSize(&mut svg, REPORT_CHART_SIZE))?;
    match svg.find("<svg") {
        Some(i) => Ok(svg[i..].to_string()),
        None => Err(ChartError::Draw("the chart wrote no <svg> element".into())),
    }
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

/// Inputs section 2 shows when a sensitivity analysis ranks them; the
/// rest go to appendix A.
const KEY_INPUTS: usize = 10;

/// The most characters of amounts one row of the savings-sources table may
/// hold in whole kroner and still fit A4 beside its label (5 years of
/// "2.304.810 kr." fit; 7 of "613.268.790 kr." do not).
const SOURCES_ROW_CHARS: usize = 75;

struct Report<'a> {
    s: &'a RunSummary,
    c: Option<&'a Comparison>,
    options: &'a [RunSummary],
    lang: Lang,
}

const CSS: &str = r#"
:root { --ink:#1a1a1a; --muted:#555; --rule:#c8c8c8; --band:#f3f5f7; --accent:#0b5d9e; --good:#1a7f43; --mid:#9a6a00; --bad:#b42318; }
* { box-sizing: border-box; }
html { background:#e9ecef; }
body { margin:0 auto; max-width:980px; background:#fff; color:var(--ink);
  font-family:"DejaVu Sans","Segoe UI",Arial,Helvetica,sans-serif; font-size:11pt; line-height:1.45;
  padding:44px 56px 64px; }
h1 { font-size:24pt; line-height:1.15; margin:0 0 2mm; }
h2 { font-size:16pt; margin:10mm 0 3mm; padding-bottom:1.5mm; border-bottom:2px solid var(--accent); color:var(--accent); }
h3 { font-size:12.5pt; margin:6mm 0 2mm; }
p { margin:0 0 2.5mm; }
.kicker { text-transform:uppercase; letter-spacing:.06em; font-size:9pt; color:var(--muted); margin:0 0 1mm; }
.proposal { font-size:14pt; font-weight:bold; margin:0 0 2mm; }
.lead { font-size:12pt; color:var(--muted); margin-bottom:3mm; }
.meta { font-size:9pt; color:var(--muted); }
.keyfigures { display:grid; grid-template-columns:1fr 1fr; gap:3mm; margin:4mm 0 3mm; }
.kf { background:var(--band); border-left:4px solid var(--accent); padding:2.5mm 3.5mm; }
.kf .label { font-size:10pt; color:var(--muted); line-height:1.3; }
.kf .value { font-size:21pt; font-weight:bold; line-height:1.2; margin:.5mm 0 .5mm; }
.kf .range { font-size:9.5pt; color:var(--muted); line-height:1.3; }
p.reading { margin:0 0 4mm; }
ul.plain { margin:0 0 3mm; padding-left:5mm; }
ul.plain li { margin-bottom:1.5mm; }
.goal-list { list-style:none; padding:0; margin:0 0 3mm; }
.goal-list li { display:flex; gap:3mm; align-items:baseline; margin-bottom:2mm; }
.badge { display:inline-block; min-width:17mm; text-align:center; font-weight:bold; padding:.5mm 1.5mm; border-radius:2px; color:#fff; white-space:nowrap; }
.p-high { background:var(--good); } .p-mid { background:var(--mid); } .p-low { background:var(--bad); }
table { border-collapse:collapse; width:100%; margin:2mm 0 6mm; font-size:9.5pt; }
caption { text-align:left; font-weight:bold; font-size:10.5pt; padding-bottom:1.5mm; }
th, td { padding:1.2mm 2mm; border-bottom:1px solid var(--rule); vertical-align:top; }
th { text-align:left; background:var(--band); font-weight:bold; vertical-align:bottom; }
td.num { text-align:right; font-variant-numeric:tabular-nums; overflow-wrap:normal; }
th.num { text-align:right; }
td.small, span.small { font-size:8.5pt; color:var(--muted); }
td.small { overflow-wrap:anywhere; }
span.nowrap, .nw { white-space:nowrap; }
span.loc { font-size:8pt; color:var(--muted); white-space:nowrap; }
ul.inputs { list-style:none; padding:0; margin:0 0 3mm; columns:2; column-gap:8mm; font-size:9pt; }
ul.inputs li { margin-bottom:1.2mm; break-inside:avoid; page-break-inside:avoid; }
ul.inputs span.loc { font-size:inherit; }
table.options td:first-child { min-width:28mm; }
table.assumptions { table-layout:fixed; font-size:9pt; }
table.assumptions th, table.assumptions td { padding:1mm 1.2mm; }
table.assumptions td { overflow-wrap:anywhere; }
.note { font-size:9pt; color:var(--muted); margin-top:-4mm; margin-bottom:6mm; }
.detail-note { font-size:9pt; color:var(--muted); margin:1mm 0 4mm 0; }
tr.total td { font-weight:600; border-top:1px solid var(--muted); }
table.breakdown td.num { white-space:nowrap; }
figure.chart { margin:4mm 0 8mm; }
figure.chart svg { display:block; width:100%; height:auto; }
.chart-error { color:var(--bad); font-style:italic; }
@media screen and (max-width: 720px) { .keyfigures { grid-template-columns:1fr; } body { padding:6mm; } }
@page { size: A4; margin: 12mm 13mm 12mm; }
@media print {
  html, body { background:#fff; }
  body { max-width:none; padding:0; font-size:9.5pt; line-height:1.35; }
  /* The charts start a page; the other sections follow on. */
  section#charts { break-before: page; page-break-before: always; }
  section.major:not(.first) > h2 { margin-top:6mm; }
  section#charts > h2 { margin-top:0; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  figure.chart, .kf, tr, .goal-list li, p.note, p.detail-note { break-inside: avoid; page-break-inside: avoid; }
  /* A table's caption, header and first two rows stay together; tables of
     up to five rows are never split; a note stays with its table. */
  table:not(:has(tbody > tr:nth-child(6))) { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; page-break-before: avoid; }
  p.note { break-before: avoid; page-break-before: avoid; }
  thead { display: table-header-group; }
  figure.chart { margin:0 0 3mm; }
  figure.chart svg { max-height:84mm; }
  h2 { font-size:14pt; margin-bottom:2mm; }
  h3 { margin:3mm 0 1mm; }
  h1 { font-size:19pt; }
  .lead { font-size:10pt; margin-bottom:1mm; }
  p.reading { font-size:8pt; margin-bottom:2mm; }
  .keyfigures { grid-template-columns:repeat(4, 1fr); gap:2.5mm; margin:3mm 0 2mm; }
  .kf { padding:2mm 2.5mm; }
  .kf .label, .kf .range { font-size:8pt; }
  .kf .value { font-size:15pt; white-space:nowrap; }
  section.first { font-size:9.5pt; }
  ul.plain li, .goal-list li { margin-bottom:1mm; }
  table { font-size:8.5pt; margin:1mm 0 4mm; }
  th, td { padding:.5mm 1.5mm; }
  caption { font-size:9.5pt; padding-bottom:1mm; }
  .note { margin-top:-3mm; margin-bottom:4mm; font-size:8pt; }
  table.assumptions { font-size:8pt; }
  table.assumptions th, table.assumptions td { padding:.5mm 1.2mm; }
  ul.inputs { columns:2; column-gap:6mm; font-size:7.5pt; line-height:1.25; }
  ul.inputs li { margin-bottom:.8mm; }
  section.appendix > p.detail-note { break-after: avoid; page-break-after: avoid; }
  table.hours-brief td, table.hours-brief th { padding:.4mm 2mm; }
  table.sensitivity th:first-child { width:30%; }
  section.first h2 { margin-top:2mm; }
  section.first h3 { margin:2mm 0 .5mm; }
  section.first ul.plain li { margin-bottom:.5mm; }
  section.first table { margin-bottom:2mm; }
  section.first .keyfigures { margin:2mm 0 1mm; }
  section.first p.description { font-size:9pt; margin-bottom:1.5mm; }
  section.first .goal-list li { margin-bottom:.6mm; }
  section.first ul.plain { margin-bottom:2mm; }
  div.method-body { columns:2; column-gap:7mm; font-size:8pt; }
  div.method-body h3 { font-size:9.5pt; margin:2mm 0 .5mm; }
  div.method-body h3:first-child { margin-top:0; }
}
"#;

impl<'a> Report<'a> {
    fn t(&self, da: &'a str, en: &'a str) -> &'a str {
        t(self.lang, da, en)
    }

    fn metric(&self, key: &str) -> &'a [Summary] {
        self.s.metric(key)
    }

    fn end_index(&self) -> usize {
        self.s.years.len().saturating_sub(1)
    }

    /// "forslaget" / "the proposal" when the hours are all the scenario
    /// changes; "planen" / "the plan" when initiatives come with them (the
    /// savings are not the hours' alone: the attribution splits them), else
    /// the scenario.
    fn subject(&self) -> &'a str {
        match (self.s.proposal.is_some(), self.s.policy_events.is_empty()) {
            (true, true) => self.t("forslaget", "the proposal"),
            (true, false) => self.t(
                "planen (åbningstider og tiltag)",
                "the plan (opening hours and initiatives)",
            ),
            (false, _) => self.t("scenariet", "the scenario"),
        }
    }

    fn render(&self) -> anyhow::Result<String> {
        let lang = self.lang;
        let mut h = String::with_capacity(256 * 1024);
        let title = match &self.s.proposal {
            Some(p) => format!("{} – {}", self.s.scenario, p),
            None => self.s.scenario.clone(),
        };
        // A proposal name that is already part of the scenario name is not repeated.
        let title = match &self.s.proposal {
            Some(p) if self.s.scenario.contains(p.as_str()) => self.s.scenario.clone(),
            _ => title,
        };
        writeln!(h, "<!DOCTYPE html>")?;
        writeln!(h, "<html lang=\"{}\">", lang.code())?;
        writeln!(h, "<head>\n<meta charset=\"utf-8\">")?;
        writeln!(
            h,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )?;
        writeln!(
            h,
            "<meta name=\"generator\" content=\"channelshift {}\">",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(
            h,
            "<title>{} – {}</title>",
            escape(&title),
            escape(self.t("Prognose for kanalomlægning", "Channel-shift forecast"))
        )?;
        writeln!(h, "<style>{CSS}</style>\n</head>\n<body>")?;
        self.summary_section(&mut h)?;
        self.assumptions_section(&mut h)?;
        self.charts_section(&mut h)?;
        self.tables_section(&mut h)?;
        self.method_section(&mut h)?;
        self.appendix_section(&mut h)?;
        writeln!(h, "</body>\n</html>")?;
        Ok(keep_units_with_numbers(&h))
    }

    // ----------------------------------------------------------- section 1

    /// Opens a per-year goal table: its attributes, caption, the leading
    /// column headings, one column per year and an optional last column.
    fn goal_table_head(
        &self,
        h: &mut String,
        attrs: &str,
        caption: &str,
        leading: &[&str],
        last: Option<&str>,
    ) -> anyhow::Result<()> {
        writeln!(h, "<table {attrs}>")?;
        writeln!(h, "<caption>{caption}</caption>")?;
        write!(h, "<thead><tr>")?;
        for head in leading {
            write!(h, "<th>{head}</th>")?;
        }
        for y in &self.s.years {
            write!(h, "<th class=\"num\">{y}</th>")?;
        }
        if let Some(last) = last {
            write!(h, "<th class=\"num\">{last}</th>")?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        Ok(())
    }

    /// " – Forslag 1" in section headings of a comparison report, whose
    /// detailed sections describe the first option only.
    fn detail_suffix(&self) -> String {
        match self.c {
            Some(_) => format!(
                " – {}",
                escape(self.s.proposal.as_deref().unwrap_or(&self.s.scenario))
            ),
            None => String::new(),
        }
    }

    fn summary_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        writeln!(h, "<section class=\"major first\" id=\"summary\">")?;
        writeln!(
            h,
            "<p class=\"kicker\">{} {}–{}</p>",
            self.t("Prognose for kanalomlægning", "Channel-shift forecast"),
            s.base_year,
            end
        )?;
        let compared: Vec<&str> = self
            .c
            .map(|c| c.options.iter().map(|o| o.name.as_str()).collect())
            .unwrap_or_default();
        if compared.len() >= 2 {
            let names: Vec<String> = compared.iter().map(|n| escape(n)).collect();
            let (last, rest) = names.split_last().expect("two names");
            writeln!(
                h,
                "<h1>{} {} {} {}</h1>",
                rest.join(", "),
                self.t("og", "and"),
                last,
                self.t("sammenlignet", "compared")
            )?;
        } else {
            writeln!(h, "<h1>{}</h1>", escape(&s.scenario))?;
        }
        for text in [&s.description, &s.proposal_description]
            .into_iter()
            .flatten()
        {
            if compared.len() < 2 {
                writeln!(h, "<p class=\"description\">{}</p>", escape(text))?;
            }
        }
        if let Some(p) = &s.proposal {
            if !s.scenario.contains(p.as_str()) && compared.len() < 2 {
                writeln!(
                    h,
                    "<p class=\"proposal\">{}: {}</p>",
                    escape(labels(lang).option),
                    escape(p)
                )?;
            }
        }
        let lead = if self.projection() {
            self.t(
                "Status quo-fremskrivning: scenariet har intet forslag og ingen tiltag, så der er intet at spare i forhold til status quo. Rapporten viser omkostninger, henvendelser og mål, som de udvikler sig med dagens åbningstider og de eksterne begivenheder (fx love). Alle beløb er i kr.",
                "Status-quo projection: the scenario has no proposal and no initiatives, so there is nothing to save against the status quo. The report shows costs, contacts and goals as they develop with today's opening hours and the external events (such as laws). All amounts are in kr.",
            )
        } else {
            self.t(
                "Alle beløb er i kr. og sammenlignet med status quo (uændrede åbningstider, kun eksterne begivenheder som love).",
                "All amounts are in kr. and against the status quo (today's opening hours, external events such as laws only).",
            )
        };
        writeln!(
            h,
            "<p class=\"lead\">{} {}</p>",
            escape(&l.based_on_trials(s.trials as u64)),
            escape(lead)
        )?;
        writeln!(
            h,
            "<p class=\"meta\">{}: {} · {} {} · {} 5.</p>",
            self.t("Scenariefil", "Scenario file"),
            escape(&s.scenario_file),
            self.t("startværdi (--seed)", "seed"),
            s.seed,
            self.t(
                "Sådan er tallene beregnet: se afsnit",
                "How the numbers are made: see section"
            ),
        )?;
        writeln!(h, "<h2>1. {}</h2>", self.t("Sammenfatning", "Summary"))?;
        if let Some(c) = self.c {
            self.comparison_brief(h, c)?;
            writeln!(
                h,
                "<h3>{}: {}</h3>",
                escape(s.proposal.as_deref().unwrap_or(&s.scenario)),
                self.t("nøgletal", "key figures")
            )?;
            let name = escape(s.proposal.as_deref().unwrap_or(&s.scenario));
            if c.options.len() >= 2 {
                writeln!(
                h,
                "<p class=\"detail-note\">{}</p>",
                match self.lang {
                    Lang::Da => format!("Resten af rapporten (mål, figurer og tabeller ud over sammenligningen) viser detaljerne for <strong>{name}</strong>. Kør <code>channelshift run --report</code> på de andre forslag for deres detaljer."),
                    Lang::En => format!("The rest of this report (goals, charts and tables beyond the comparison) shows the details of <strong>{name}</strong>. Run <code>channelshift run --report</code> on the other options for theirs."),
                }
            )?;
            }
        }

        if self.projection() {
            self.projection_brief(h)?;
        } else {
            self.savings_brief(h)?;
        }

        // Goals.
        if !s.goals.is_empty() {
            writeln!(h, "<h3>{}</h3>", self.t("Målene", "The goals"))?;
            writeln!(h, "<ul class=\"goal-list\">")?;
            for g in &s.goals {
                let Some((y, target, p)) = last_evaluated(g, &s.years) else {
                    continue;
                };
                let mut sentence = match lang {
                    Lang::Da => format!(
                        "Målet »{}« ({}) nås i {y} med sandsynlighed {} – {}.",
                        g.name,
                        goal_condition(g, target, lang),
                        format_probability(p, lang),
                        likelihood_words(p, lang)
                    ),
                    Lang::En => format!(
                        "The goal “{}” ({}) is met in {y} with probability {} – {}.",
                        g.name,
                        goal_condition(g, target, lang),
                        format_probability(p, lang),
                        likelihood_words(p, lang)
                    ),
                };
                if let Some(more) = self.goal_path_sentence(g) {
                    sentence.push(' ');
                    sentence.push_str(&more);
                }
                writeln!(
                    h,
                    "<li><span class=\"badge {}\">{}</span><span>{}</span></li>",
                    likelihood_class(p),
                    escape(&format_probability(p, lang)),
                    escape(&sentence)
                )?;
            }
            writeln!(h, "</ul>")?;
        }

        // Opening hours in brief.
        if s.hours.iter().any(|r| r.proposal_hours_per_week.is_some()) {
            writeln!(
                h,
                "<h3>{}</h3>",
                self.t("Åbningstider pr. uge", "Opening hours per week")
            )?;
            writeln!(h, "<table class=\"hours-brief\">")?;
            writeln!(
                h,
                "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                self.t("Afdeling", "Department"),
                self.t("Kanal", "Channel"),
                self.t("I dag (timer)", "Today (hours)"),
                self.t("Forslag (timer)", "Proposal (hours)"),
                self.t("Ændring", "Change"),
            )?;
            for r in &s.hours {
                let Some(p) = r.proposal_hours_per_week else {
                    continue;
                };
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&r.department),
                    escape(&chart_data::opening_channel_label(&r.channel, lang)),
                    format_sig(r.today_hours_per_week, 4, lang),
                    format_sig(p, 4, lang),
                    signed(p - r.today_hours_per_week, lang),
                )?;
            }
            writeln!(h, "</tbody></table>")?;
        }

        writeln!(h, "</section>")?;
        Ok(())
    }

    /// True for a single run that proposes nothing: the status quo
    /// projected forward ([`RunSummary::is_status_quo_projection`]).
    fn projection(&self) -> bool {
        self.c.is_none() && self.s.is_status_quo_projection()
    }

    /// Key figures and sentences of a status-quo projection: cost, contacts
    /// and digital share, end year against base year; no savings or payback,
    /// which are zero by construction.
    fn projection_brief(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let (base, end) = (s.base_year, s.end_year);
        let e = self.end_index();
        let at = |k: &str, i: usize| self.metric(k).get(i).copied();
        let count = |x: f64| format_number(round_sig(x, 3), 0, lang);
        let share = |x: f64| format_pct(x, 0, lang);
        let median = labels(lang).median.to_lowercase();
        writeln!(h, "<div class=\"keyfigures\">")?;
        for (i, year) in [(e, end), (0, base)] {
            if let Some(q) = at("cost_scenario_kr", i) {
                self.key_figure(
                    h,
                    &l.cost_in_year(year),
                    &format_money(q.p50, lang),
                    Some(&q),
                )?;
            }
        }
        if let Some(q) = at("contacts_scenario", e) {
            let range = if q.p5 == q.p95 {
                self.constant_note().to_string()
            } else {
                format!(
                    "{}: {} {} {}",
                    self.t("90 % sandsynlighed", "90 % probability"),
                    count(q.p5),
                    self.t("til", "to"),
                    count(q.p95)
                )
            };
            self.key_figure_text(
                h,
                &format!(
                    "{} {end} ({median})",
                    self.t("Henvendelser i", "Contacts in")
                ),
                &count(q.p50),
                &range,
            )?;
        }
        if let Some(q) = at("digital_share_scenario", e) {
            let range = if q.p5 == q.p95 {
                self.constant_note().to_string()
            } else {
                format!(
                    "{}: {}",
                    self.t("90 % sandsynlighed", "90 % probability"),
                    join_interval(&share(q.p5), &share(q.p95), lang)
                )
            };
            self.key_figure_text(
                h,
                &format!(
                    "{} {end} ({median})",
                    self.t(
                        "Digital andel af henvendelserne i",
                        "Digital share of contacts in"
                    )
                ),
                &share(q.p50),
                &range,
            )?;
        }
        writeln!(h, "</div>")?;
        writeln!(h, "<h3>{}</h3>", self.t("Kort fortalt", "In brief"))?;
        writeln!(h, "<ul class=\"plain\">")?;
        let interval = |q: &Summary, f: &dyn Fn(f64, f64) -> String| {
            if q.p5 == q.p95 {
                format!(" ({})", self.constant_note())
            } else {
                format!(
                    " ({median}; {}: {})",
                    self.t("90 % sandsynlighed", "90 % probability"),
                    f(q.p5, q.p95)
                )
            }
        };
        if let (Some(q), Some(q0)) = (at("cost_scenario_kr", e), at("cost_scenario_kr", 0)) {
            let range = interval(&q, &|a, b| format_money_range(a, b, lang));
            let sentence = match lang {
                Lang::Da => format!(
                    "Omkostningen er {} i {end}{range} mod {} i {base}.",
                    format_money(q.p50, lang),
                    format_money(q0.p50, lang)
                ),
                Lang::En => format!(
                    "The cost is {} in {end}{range} against {} in {base}.",
                    format_money(q.p50, lang),
                    format_money(q0.p50, lang)
                ),
            };
            writeln!(h, "<li>{}</li>", escape(&fix_stops(&sentence)))?;
        }
        if let (Some(q), Some(q0)) = (at("contacts_scenario", e), at("contacts_scenario", 0)) {
            let range = interval(&q, &|a, b| join_interval(&count(a), &count(b), lang));
            let sentence = match lang {
                Lang::Da => format!(
                    "Der kommer ca. {} henvendelser i {end}{range} mod ca. {} i {base}.",
                    count(q.p50),
                    count(q0.p50)
                ),
                Lang::En => format!(
                    "About {} contacts come in {end}{range} against about {} in {base}.",
                    count(q.p50),
                    count(q0.p50)
                ),
            };
            writeln!(h, "<li>{}</li>", escape(&sentence))?;
        }
        if let (Some(q), Some(q0)) = (
            at("digital_share_scenario", e),
            at("digital_share_scenario", 0),
        ) {
            let sentence = match lang {
                Lang::Da => format!(
                    "{} af henvendelserne er digitale i {end} ({median}) mod {} i {base}.",
                    share(q.p50),
                    share(q0.p50)
                ),
                Lang::En => format!(
                    "{} of the contacts are digital in {end} ({median}) against {} in {base}.",
                    share(q.p50),
                    share(q0.p50)
                ),
            };
            writeln!(h, "<li>{}</li>", escape(&sentence))?;
        }
        writeln!(
            h,
            "<li>{}</li>",
            self.t(
                "Der er ingen besparelse, nutidsværdi eller tilbagebetaling at beregne: scenariet ændrer intet i forhold til status quo. Læg et forslag eller et tiltag ind i scenariet for at se, hvad det sparer.",
                "There are no savings, present value or payback to compute: the scenario changes nothing against the status quo. Add a proposal or an initiative to the scenario to see what it saves."
            )
        )?;
        writeln!(h, "</ul>")?;
        Ok(())
    }

    /// Key figures and sentences of a run that proposes something: savings,
    /// cumulative net savings, payback, net present value, displaced contacts.
    fn savings_brief(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        let e = self.end_index();
        // Key figures.
        let savings = self.metric("savings_kr").get(e).copied();
        let cumulative = self.metric("cumulative_net_savings_kr").get(e).copied();
        let npv = self.metric("npv_kr").get(e).copied();
        writeln!(h, "<div class=\"keyfigures\">")?;
        if let Some(q) = savings {
            self.key_figure(
                h,
                &l.savings_in_year(end),
                &format_money(q.p50, lang),
                Some(&q),
            )?;
        }
        if let Some(q) = cumulative {
            let label = format!("{} {}–{}", l.cumulative_net_savings, s.base_year, end);
            self.key_figure(h, &label, &format_money(q.p50, lang), Some(&q))?;
        }
        let (payback_value, payback_note) = self.payback_key();
        self.key_figure_text(
            h,
            self.t("Tjent hjem (tilbagebetaling)", "Pays for itself (payback)"),
            &payback_value,
            &payback_note,
        )?;
        if let Some(sh) = s.shape("cumulative_net_savings_kr") {
            self.key_figure_text(
                h,
                &format!(
                    "{} {}",
                    self.t(
                        "Sandsynlighed for samlet besparelse til og med",
                        "Probability of a net saving through"
                    ),
                    end
                ),
                &format_probability(sh.prob_positive, lang),
                likelihood_words(sh.prob_positive, lang),
            )?;
        }
        writeln!(h, "</div>")?;
        writeln!(
            h,
            "<p class=\"note reading\">{}</p>",
            self.t(
                "Sådan læses tallene: medianen er det midterste udfald – der er lige stor chance for et større og et mindre tal. »90 % sandsynlighed« betyder, at tallet i 9 ud af 10 simuleringer ligger i intervallet.",
                "How to read the figures: the median is the middle outcome – a larger and a smaller figure are equally likely. “90 % probability” means that in 9 out of 10 simulations the figure lies in the interval."
            )
        )?;

        // In plain words.
        writeln!(h, "<h3>{}</h3>", self.t("Kort fortalt", "In brief"))?;
        writeln!(h, "<ul class=\"plain\">")?;
        if let Some(q) = savings {
            writeln!(
                h,
                "<li>{}</li>",
                escape(&fix_stops(&self.savings_sentence(&q, end)))
            )?;
        }
        if let Some(q) = cumulative {
            writeln!(
                h,
                "<li>{}</li>",
                escape(&fix_stops(&self.cumulative_sentence(&q, end)))
            )?;
        }
        if let Some(q) = npv {
            writeln!(h, "<li>{}</li>", escape(&fix_stops(&self.npv_sentence(&q))))?;
        }
        writeln!(h, "<li>{}</li>", escape(&self.payback_sentence()))?;
        if let Some(d) = self.displaced_sentence() {
            writeln!(h, "<li>{}</li>", escape(&d))?;
        }
        writeln!(h, "</ul>")?;

        Ok(())
    }

    /// For a goal evaluated over several years: the probability in its first
    /// year and the first year it is more likely than not.
    fn goal_path_sentence(&self, g: &GoalSummary) -> Option<String> {
        let lang = self.lang;
        let evaluated: Vec<(i32, f64)> = g
            .probability
            .iter()
            .zip(&self.s.years)
            .filter_map(|(p, y)| p.map(|p| (*y, p)))
            .collect();
        let (&(first_year, first_p), &(_, last_p)) = (evaluated.first()?, evaluated.last()?);
        if evaluated.len() < 2 || (first_p - last_p).abs() < 0.01 {
            return None;
        }
        let likely_from = evaluated
            .iter()
            .position(|(_, p)| *p > 0.5)
            .filter(|&i| evaluated[i..].iter().all(|(_, p)| *p > 0.5))
            .map(|i| evaluated[i].0);
        let p = format_probability(first_p, lang);
        Some(match (lang, likely_from) {
            (Lang::Da, Some(from)) if from != first_year => {
                format!("I {first_year} (første år) er sandsynligheden {p}, fra {from} over 50 %.")
            }
            (Lang::Da, _) => format!("I {first_year} (første år) er sandsynligheden {p}."),
            (Lang::En, Some(from)) if from != first_year => format!(
                "In {first_year} (the first year) the probability is {p}, from {from} above 50 %."
            ),
            (Lang::En, _) => format!("In {first_year} (the first year) the probability is {p}."),
        })
    }

    /// Why a figure is the same in every simulation: no input is
    /// uncertain, or (with uncertain inputs) nothing in the figure depends
    /// on them, e.g. savings of a scenario that proposes nothing.
    fn constant_note(&self) -> &'static str {
        if self.s.inputs.is_empty() {
            t(
                self.lang,
                "ingen usikkerhed i input",
                "no uncertainty in the inputs",
            )
        } else {
            t(
                self.lang,
                "ens i alle simuleringer",
                "the same in every simulation",
            )
        }
    }

    fn key_figure(
        &self,
        h: &mut String,
        label: &str,
        value: &str,
        q: Option<&Summary>,
    ) -> anyhow::Result<()> {
        let range = q
            .map(|q| {
                if q.p5 == q.p95 {
                    self.constant_note().to_string()
                } else {
                    format!(
                        "{}: {}",
                        self.t("90 % sandsynlighed", "90 % probability"),
                        format_money_range(q.p5, q.p95, self.lang)
                    )
                }
            })
            .unwrap_or_default();
        writeln!(
            h,
            "<div class=\"kf\"><div class=\"label\">{} ({})</div><div class=\"value\">{}</div><div class=\"range\">{}</div></div>",
            escape(label),
            escape(&labels(self.lang).median.to_lowercase()),
            escape(value),
            escape(&range)
        )?;
        Ok(())
    }

    fn key_figure_text(
        &self,
        h: &mut String,
        label: &str,
        value: &str,
        note: &str,
    ) -> anyhow::Result<()> {
        writeln!(
            h,
            "<div class=\"kf\"><div class=\"label\">{}</div><div class=\"value\">{}</div><div class=\"range\">{}</div></div>",
            escape(label),
            escape(value),
            escape(note)
        )?;
        Ok(())
    }

    /// "With 90 % probability the proposal saves between X and Y in 2015."
    fn savings_sentence(&self, q: &Summary, year: i32) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let subj = self.subject();
        let subj_cap = capitalise(subj);
        if q.p5 == q.p95 {
            return if q.p50 >= 0.0 {
                match lang {
                    Lang::Da => format!(
                        "{subj_cap} sparer {} i {year} ({}).",
                        m(q.p50),
                        self.constant_note()
                    ),
                    Lang::En => format!(
                        "{subj_cap} saves {} in {year} ({}).",
                        m(q.p50),
                        self.constant_note()
                    ),
                }
            } else {
                match lang {
                    Lang::Da => format!(
                        "{subj_cap} koster {} mere end status quo i {year}.",
                        m(-q.p50)
                    ),
                    Lang::En => format!(
                        "{subj_cap} costs {} more than the status quo in {year}.",
                        m(-q.p50)
                    ),
                }
            };
        }
        let between = |a: f64, b: f64| between(a, b, lang);
        let body = if q.p5 >= 0.0 {
            match lang {
                Lang::Da => format!("sparer {subj} mellem {} i {year}", between(q.p5, q.p95)),
                Lang::En => format!("{subj} saves between {} in {year}", between(q.p5, q.p95)),
            }
        } else if q.p95 <= 0.0 {
            match lang {
                Lang::Da => format!(
                    "koster {subj} mellem {} mere end status quo i {year}",
                    between(-q.p95, -q.p5)
                ),
                Lang::En => format!(
                    "{subj} costs between {} more than the status quo in {year}",
                    between(-q.p95, -q.p5)
                ),
            }
        } else {
            let (loss, saving) = format_money_pair(-q.p5, q.p95, lang);
            match lang {
                Lang::Da => format!(
                    "ligger resultatet i {year} mellem et tab på {loss} og en besparelse på {saving}"
                ),
                Lang::En => format!(
                    "the result in {year} lies between a loss of {loss} and a saving of {saving}"
                ),
            }
        };
        match lang {
            Lang::Da => format!("Med 90 % sandsynlighed {body}; medianen er {}.", m(q.p50)),
            Lang::En => format!("With 90 % probability {body}; the median is {}.", m(q.p50)),
        }
    }

    fn npv_sentence(&self, q: &Summary) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let (base, end) = (self.s.base_year, self.s.end_year);
        let interval = if q.p5 == q.p95 {
            String::new()
        } else {
            let range = format_money_range(q.p5, q.p95, lang);
            match lang {
                Lang::Da => format!("; 90 % sandsynlighed: {range}"),
                Lang::En => format!("; 90 % probability: {range}"),
            }
        };
        match lang {
            Lang::Da => format!(
                "Nettonutidsværdien af besparelserne {base}–{end} er {} (median{interval}).",
                m(q.p50)
            ),
            Lang::En => format!(
                "The net present value of the savings {base}–{end} is {} (median{interval}).",
                m(q.p50)
            ),
        }
    }

    fn cumulative_sentence(&self, q: &Summary, end: i32) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let base = self.s.base_year;
        let interval = if q.p5 == q.p95 {
            String::new()
        } else {
            match lang {
                Lang::Da => format!(
                    "; med 90 % sandsynlighed mellem {}",
                    between(q.p5, q.p95, lang)
                ),
                Lang::En => format!(
                    "; with 90 % probability between {}",
                    between(q.p5, q.p95, lang)
                ),
            }
        };
        match lang {
            Lang::Da => format!(
                "Den akkumulerede nettobesparelse {base}–{end} (efter omkostningerne ved {}) er {} (median){interval}.",
                self.subject(),
                m(q.p50)
            ),
            Lang::En => format!(
                "Cumulative net savings {base}–{end} (after the costs of {}) are {} (median){interval}.",
                self.subject(),
                m(q.p50)
            ),
        }
    }

    /// Payback: the most likely year and the probability of payback by the end year.
    fn payback_stats(&self) -> (f64, Option<(i32, f64)>, Option<i32>) {
        let mut by_end = 0.0;
        let mut mode: Option<(i32, f64)> = None;
        let mut years: Vec<(i32, f64)> = self
            .s
            .payback
            .iter()
            .filter_map(|(k, v)| k.parse::<i32>().ok().map(|y| (y, *v)))
            .collect();
        years.sort_by_key(|(y, _)| *y);
        let mut median = None;
        for &(y, p) in &years {
            by_end += p;
            if mode.is_none_or(|(_, mp)| p > mp) {
                mode = Some((y, p));
            }
            if median.is_none() && by_end >= 0.5 {
                median = Some(y);
            }
        }
        (by_end, mode, median)
    }

    fn payback_key(&self) -> (String, String) {
        let lang = self.lang;
        let (by_end, mode, median) = self.payback_stats();
        match (mode, median) {
            (Some((y, p)), Some(_)) if p >= 0.995 => (
                y.to_string(),
                match lang {
                    Lang::Da => format!("sandsynlighed {}", format_probability(p, lang)),
                    Lang::En => format!("probability {}", format_probability(p, lang)),
                },
            ),
            (_, Some(med)) => (
                med.to_string(),
                match lang {
                    Lang::Da => format!(
                        "med 50 % sandsynlighed senest i {med}; inden udgangen af {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                    Lang::En => format!(
                        "with 50 % probability by {med}; by the end of {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                },
            ),
            _ => (
                format!("{} {}", self.t("Ikke inden", "Not by"), self.s.end_year),
                match lang {
                    Lang::Da => format!(
                        "sandsynlighed for tilbagebetaling senest {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                    Lang::En => format!(
                        "probability of payback by {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                },
            ),
        }
    }

    fn payback_sentence(&self) -> String {
        let lang = self.lang;
        let end = self.s.end_year;
        let (by_end, mode, median) = self.payback_stats();
        let subj_cap = capitalise(self.subject());
        match (mode, median) {
            (Some((y, p)), Some(_)) if p >= 0.995 => match lang {
                Lang::Da => format!(
                    "{subj_cap} er tjent hjem allerede i {y} (sandsynlighed {}): fra {y} er den akkumulerede nettobesparelse positiv og forbliver det.",
                    format_probability(p, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} pays for itself in {y} already (probability {}): from {y} cumulative net savings are positive and stay so.",
                    format_probability(p, lang)
                ),
            },
            (Some((y, p)), Some(med)) => match lang {
                Lang::Da => format!(
                    "{subj_cap} er tjent hjem (den akkumulerede nettobesparelse bliver positiv og forbliver det) inden udgangen af {end} med sandsynlighed {}; det mest sandsynlige år er {y} ({}), og med 50 % sandsynlighed senest {med}.",
                    format_probability(by_end, lang),
                    format_probability(p, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} pays for itself (cumulative net savings turn positive and stay so) by the end of {end} with probability {}; the most likely year is {y} ({}), and with 50 % probability by {med}.",
                    format_probability(by_end, lang),
                    format_probability(p, lang)
                ),
            },
            _ => match lang {
                Lang::Da => format!(
                    "{subj_cap} er ikke tjent hjem inden udgangen af {end} (sandsynlighed for tilbagebetaling senest {end}: {}).",
                    format_probability(by_end, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} does not pay for itself by the end of {end} (probability of payback by {end}: {}).",
                    format_probability(by_end, lang)
                ),
            },
        }
    }

    /// Contacts displaced by shorter opening hours in the end year (medians).
    fn displaced_sentence(&self) -> Option<String> {
        let lang = self.lang;
        let e = self.end_index();
        let get = |k: &str| self.metric(k).get(e).map(|q| q.p50).unwrap_or(0.0);
        let retimed = get("displaced_retimed");
        let digital = get("displaced_to_digital");
        let phone = get("displaced_to_phone");
        let avoided = get("displaced_avoided");
        let total = retimed + digital + phone + avoided;
        if total.is_nan() || total <= 0.5 {
            return None;
        }
        let n = |x: f64| format_number(round_sig(x, 3), 0, lang);
        let year = self.s.end_year;
        Some(match lang {
            Lang::Da => format!(
                "De kortere åbningstider flytter ca. {} henvendelser i {year} (medianer): {} kommer igen på et andet tidspunkt, {} går til selvbetjening eller hjemmesiden, {} går fra skranken til telefonen, og {} bliver væk (borgeren finder svaret andetsteds eller opgiver).",
                n(total), n(retimed), n(digital), n(phone), n(avoided)
            ),
            Lang::En => format!(
                "The shorter opening hours displace about {} contacts in {year} (medians): {} come back at another time, {} go to self-service or the website, {} move from the counter to the phone, and {} are avoided (the citizen finds the answer elsewhere or gives up).",
                n(total), n(retimed), n(digital), n(phone), n(avoided)
            ),
        })
    }

    fn comparison_brief(&self, h: &mut String, c: &Comparison) -> anyhow::Result<()> {
        let lang = self.lang;
        let Some(&end) = c.years.last() else {
            return Ok(());
        };
        writeln!(
            h,
            "<h3>{}</h3>",
            self.t("Forslagene sammenlignet", "The proposals compared")
        )?;
        let today_hours: f64 = c
            .options
            .first()
            .map(|o| o.hours.iter().map(|r| r.today_hours_per_week).sum())
            .unwrap_or(0.0);
        let show_hours = today_hours > 0.0;
        writeln!(h, "<table class=\"options\">")?;
        write!(h, "<thead><tr><th>{}</th>", self.t("Forslag", "Proposal"))?;
        if show_hours {
            write!(
                h,
                "<th class=\"num\">{} ({} {})</th>",
                self.t(
                    "Åbningstimer pr. uge i alt",
                    "Opening hours per week in all"
                ),
                self.t("i dag", "today"),
                format_sig(today_hours, 4, lang)
            )?;
        }
        writeln!(
            h,
            "<th class=\"num\">{}</th><th class=\"num\">{} {end}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            escape(&labels(lang).savings_in_year(end)),
            self.t("Akkumuleret nettobesparelse til og med", "Cumulative net savings through"),
            self.t("90 % sandsynlighed (akkumuleret)", "90 % probability (cumulative)"),
        )?;
        for o in &c.options {
            let Some(y) = o.years.last() else {
                continue;
            };
            write!(h, "<tr><td>{}</td>", escape(&o.name))?;
            if show_hours {
                let hours: f64 = o
                    .hours
                    .iter()
                    .map(|r| r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week))
                    .sum();
                write!(h, "<td class=\"num\">{}</td>", format_sig(hours, 4, lang))?;
            }
            writeln!(
                h,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                format_money(y.savings_kr.p50, lang),
                format_money(y.cumulative_net_savings_kr.p50, lang),
                format_money_range(
                    y.cumulative_net_savings_kr.p5,
                    y.cumulative_net_savings_kr.p95,
                    lang
                ),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        writeln!(h, "<ul class=\"plain\">")?;
        for p in &c.pairwise {
            let Some(y) = p.years.last() else { continue };
            // One sentence per pair, told from the side of the option that
            // more often saves more (the first-listed one on a tie).
            let (ia, ib) = (order(&p.a), order(&p.b));
            let reverse = c
                .pairwise
                .iter()
                .find(|q| q.a == p.b && q.b == p.a)
                .and_then(|q| q.years.last())
                .map(|q| q.prob_a_cumulative_more)
                .unwrap_or(0.0);
            let leads = y.prob_a_cumulative_more > reverse
                || (y.prob_a_cumulative_more == reverse && ia < ib);
            if !leads {
                continue;
            }
            let sentence = match lang {
                Lang::Da => format!(
                    "»{}« giver en større akkumuleret nettobesparelse end »{}« til og med {end} i {} af simuleringerne; forskellen er {} (median; 90 % sandsynlighed: {}).",
                    p.a,
                    p.b,
                    format_probability(y.prob_a_cumulative_more, lang),
                    format_money(y.cumulative_difference_kr.p50, lang),
                    format_money_range(
                        y.cumulative_difference_kr.p5,
                        y.cumulative_difference_kr.p95,
                        lang
                    ),
                ),
                Lang::En => format!(
                    "“{}” gives larger cumulative net savings than “{}” through {end} in {} of the simulations; the difference is {} (median; 90 % probability: {}).",
                    p.a,
                    p.b,
                    format_probability(y.prob_a_cumulative_more, lang),
                    format_money(y.cumulative_difference_kr.p50, lang),
                    format_money_range(
                        y.cumulative_difference_kr.p5,
                        y.cumulative_difference_kr.p95,
                        lang
                    ),
                ),
            };
            writeln!(h, "<li>{}</li>", escape(&fix_stops(&sentence)))?;
        }
        writeln!(h, "</ul>")?;
        Ok(())
    }

    // ----------------------------------------------------------- section 2

    /// The inputs section 2 shows and the inputs left for appendix A: with
    /// a sensitivity analysis and more than [`KEY_INPUTS`] inputs, the ten
    /// that matter most (the sensitivity table's and the tornado chart's
    /// ten, in their order) and the rest in the scenario file's order;
    /// otherwise every input in section 2.
    fn split_inputs(&self) -> (Vec<usize>, Vec<usize>) {
        let all: Vec<usize> = (0..self.s.inputs.len()).collect();
        let Some(sens) = &self.s.sensitivity else {
            return (all, Vec::new());
        };
        if all.len() <= KEY_INPUTS + 5 {
            return (all, Vec::new());
        }
        let key: Vec<usize> = sens
            .rows
            .iter()
            .take(KEY_INPUTS)
            .filter_map(|r| self.s.inputs.iter().position(|i| i.key == r.input))
            .collect();
        let rest = all.into_iter().filter(|i| !key.contains(i)).collect();
        (key, rest)
    }

    /// The readable labels of every input, in the summary's order.
    fn input_labels(&self) -> Vec<String> {
        let keys: Vec<&str> = self.s.inputs.iter().map(|i| i.key.as_str()).collect();
        chart_data::summary_input_labels(self.s, &keys, self.lang)
    }

    /// A table of inputs: the label with the unit under it, the
    /// distribution with its mean under it, and the source (the scenario
    /// file's comment) with file:line.
    fn inputs_table(&self, h: &mut String, rows: &[usize], id: &str) -> anyhow::Result<()> {
        let lang = self.lang;
        let labels = self.input_labels();
        writeln!(h, "<table class=\"assumptions\" id=\"{id}\">")?;
        writeln!(
            h,
            "<colgroup><col style=\"width:28%\"><col style=\"width:25%\"><col style=\"width:47%\"></colgroup>"
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            self.t("Antagelse (enhed)", "Input (unit)"),
            self.t("Fordeling (gennemsnit)", "Distribution (mean)"),
            self.t(
                "Kilde og begrundelse (fil:linje)",
                "Source and reasoning (file:line)"
            ),
        )?;
        for &k in rows {
            let i = &self.s.inputs[k];
            writeln!(
                h,
                "<tr><td>{}<br><span class=\"small\">{}</span></td><td>{}<br><span class=\"small\">{} {}</span></td><td>{} <span class=\"loc\">{}</span></td></tr>",
                escape(&labels[k]),
                escape(&unit_label(&i.unit, lang)),
                escape(&distribution_label(&i.distribution, lang)),
                self.t("gennemsnit", "mean"),
                escape(&format_sig(i.mean, 4, lang)),
                escape(i.comment.as_deref().unwrap_or("–")),
                escape(&short_location(&i.location)).replace(':', ":<wbr>"),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// What the distributions' numbers mean.
    fn distributions_note(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Fordelinger: trekantfordeling (min.; typisk; maks.), PERT (min.; typisk; maks.), ligefordeling (min.; maks.), lognormal (median; 90 % i [fra; til]), normalfordeling (middel; sd = standardafvigelse).",
                "Distributions: triangular(min, mode, max), PERT(min, mode, max), uniform(min, max), log-normal(median, 90 % in [from, to]), normal(mean, sd = standard deviation)."
            )
        )?;
        Ok(())
    }

    fn assumptions_section(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(h, "<section class=\"major\" id=\"assumptions\">")?;
        writeln!(h, "<h2>2. {}</h2>", self.t("Antagelser", "Assumptions"))?;
        if self.s.inputs.is_empty() {
            writeln!(
                h,
                "<p>{}</p>",
                self.t(
                    "Scenariet har ingen usikre antagelser: alle tal er faste, så alle simuleringer giver det samme resultat.",
                    "The scenario has no uncertain inputs: every number is fixed, so every simulation gives the same result."
                )
            )?;
            writeln!(h, "</section>")?;
            return Ok(());
        }
        let (key, rest) = self.split_inputs();
        let intro = self.t(
            "Hvert usikkert tal i scenariet er en sandsynlighedsfordeling, som trækkes én gang pr. simulering. Kilden er kommentaren i scenariefilen; fil:linje viser, hvor tallet står.",
            "Every uncertain number in the scenario is a probability distribution, drawn once per simulation. The source is the comment in the scenario file; file:line shows where the number is written.",
        );
        if rest.is_empty() {
            writeln!(h, "<p>{intro}</p>")?;
        } else {
            let (n_key, n_all) = (key.len(), self.s.inputs.len());
            writeln!(
                h,
                "<p>{intro} {}</p>",
                escape(&match self.lang {
                    Lang::Da => format!("Her står de {n_key} af scenariets {n_all} antagelser, der betyder mest for resultatet (samme rækkefølge som følsomhedstabellen i afsnit 4); de øvrige {} står i bilag A.", n_all - n_key),
                    Lang::En => format!("Shown here are the {n_key} of the scenario's {n_all} inputs that matter most for the result (in the order of the sensitivity table in section 4); the other {} are in appendix A.", n_all - n_key),
                })
            )?;
        }
        self.inputs_table(h, &key, "table-assumptions")?;
        self.distributions_note(h)?;
        writeln!(h, "</section>")?;
        Ok(())
    }

    /// Appendix A: the inputs section 2 leaves out, when it shows only the
    /// ten that matter most.
    fn appendix_section(&self, h: &mut String) -> anyhow::Result<()> {
        let (_, rest) = self.split_inputs();
        if rest.is_empty() {
            return Ok(());
        }
        writeln!(h, "<section class=\"major appendix\" id=\"appendix\">")?;
        writeln!(
            h,
            "<h2>{}</h2>",
            self.t("Bilag A. Øvrige antagelser", "Appendix A. Other inputs")
        )?;
        writeln!(
            h,
            "<p class=\"detail-note\">{}</p>",
            escape(&match self.lang {
                Lang::Da => format!("De {} antagelser, der ikke står i afsnit 2, i scenariefilens rækkefølge. Arbejdsbogen (run --xlsx) har dem alle i arket »Antagelser«.", rest.len()),
                Lang::En => format!("The {} inputs not shown in section 2, in the scenario file's order. The workbook (run --xlsx) has all of them on its sheet “Inputs”.", rest.len()),
            })
        )?;
        self.inputs_list(h, &rest)?;
        writeln!(h, "</section>")?;
        Ok(())
    }

    /// Inputs as a compact list in two columns (appendix A): "label (unit):
    /// distribution, mean. Source (file:line)", one entry each, every field
    /// of the assumptions table in a third of its space.
    fn inputs_list(&self, h: &mut String, rows: &[usize]) -> anyhow::Result<()> {
        let lang = self.lang;
        let labels = self.input_labels();
        writeln!(h, "<ul class=\"inputs\" id=\"list-assumptions\">")?;
        let mut previous: Option<&str> = None;
        for &k in rows {
            let i = &self.s.inputs[k];
            // A source the entry before gives too is not repeated.
            let comment = i.comment.as_deref().unwrap_or("–");
            let source = if previous == Some(comment) && comment.chars().count() > 20 {
                self.t("(kilde som ovenfor)", "(source as above)")
                    .to_string()
            } else {
                escape(comment)
            };
            previous = Some(comment);
            writeln!(
                h,
                "<li><strong>{}</strong> ({}): {}; {} {}. {} <span class=\"loc\">{}</span></li>",
                escape(&labels[k]),
                escape(&unit_label(&i.unit, lang)),
                escape(&distribution_label(&i.distribution, lang)),
                self.t("gennemsnit", "mean"),
                escape(&format_sig(i.mean, 4, lang)),
                source,
                escape(&short_location(&i.location)).replace(':', ":<wbr>"),
            )?;
        }
        writeln!(h, "</ul>")?;
        Ok(())
    }

    // ----------------------------------------------------------- section 3

    fn figure(
        &self,
        h: &mut String,
        label: &str,
        result: Result<String, ChartError>,
    ) -> anyhow::Result<()> {
        match result {
            Ok(svg) => writeln!(
                h,
                "<figure class=\"chart\" role=\"img\" aria-label=\"{}\">\n{svg}\n</figure>",
                escape(label)
            )?,
            Err(e) => writeln!(
                h,
                "<p class=\"chart-error\">{}: {}</p>",
                escape(label),
                escape(&format!(
                    "{} ({e})",
                    self.t("figuren kunne ikke tegnes", "the chart could not be drawn")
                ))
            )?,
        }
        Ok(())
    }

    fn charts_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        let text = ChartText::subtitle(s.scenario.clone());
        writeln!(h, "<section class=\"major\" id=\"charts\">")?;
        writeln!(
            h,
            "<h2>3. {}{}</h2>",
            self.t("Figurer", "Charts"),
            self.detail_suffix()
        )?;

        let fan = chart_data::cost_fan(s, lang);
        let fan_text = chart_data::cost_fan_text(s, text.clone(), lang);
        self.figure(
            h,
            fan_text.title.as_deref().unwrap_or(l.title_fan_cost),
            chart_svg(|p| charts::fan_chart(&fan, &fan_text, lang, p)),
        )?;
        if !chart_data::savings_vary(s) {
            if let Some(hist) = chart_data::cost_histogram(s) {
                self.figure(
                    h,
                    &l.outcomes_title(&hist.measure.label(lang)),
                    chart_svg(|p| charts::histogram(&hist, &text, lang, p)),
                )?;
            }
        } else if let Some(shape) = s.shape("cumulative_net_savings_kr") {
            let measure = Measure::CumulativeNetSavings { through: end };
            let hist = chart_data::histogram_data(s, shape, measure);
            self.figure(
                h,
                &l.outcomes_title(&measure.label(lang)),
                chart_svg(|p| charts::histogram(&hist, &text, lang, p)),
            )?;
            let label = s.proposal.clone().unwrap_or_else(|| s.scenario.clone());
            let ex = ExceedanceData {
                measure,
                curves: vec![chart_data::exceedance_curve(&label, shape)],
                trials: Some(s.trials as u64),
            };
            self.figure(
                h,
                l.title_exceedance,
                chart_svg(|p| charts::exceedance(&ex, &text, lang, p)),
            )?;
        }
        if !s.goals.is_empty() {
            let g = chart_data::goal_data(s, lang);
            self.figure(
                h,
                l.title_goals,
                chart_svg(|p| charts::goal_probability(&g, &text, lang, p)),
            )?;
        }
        if let Some(c) = chart_data::citizens_data(s, lang) {
            self.figure(
                h,
                l.title_citizens,
                chart_svg(|p| charts::citizens(&c, &text, lang, p)),
            )?;
        }
        // Shown while the figures are still settling; once settled, the
        // method section states the precision in words.
        if let Some(c) =
            chart_data::convergence_to_show(s).filter(|c| !chart_data::figures_settled(c))
        {
            let what = chart_data::convergence_what(c, lang);
            self.figure(
                h,
                self.t("Hvor stabile er tallene?", "How settled are the figures?"),
                chart_svg(|p| charts::convergence(c, &what, &text, lang, p)),
            )?;
        }
        let mix = chart_data::channel_mix_data(s, lang);
        if !mix.channels.is_empty() {
            self.figure(
                h,
                l.title_channel_mix,
                chart_svg(|p| charts::channel_mix(&mix, &text, lang, p)),
            )?;
        }
        if let Some(data) = chart_data::tornado_data(s, lang) {
            self.figure(
                h,
                l.title_tornado,
                chart_svg(|p| charts::tornado(&data, &text, lang, p)),
            )?;
        }
        if let Some(data) = chart_data::attribution_data(s, lang) {
            self.figure(
                h,
                l.title_attribution,
                chart_svg(|p| charts::attribution(&data, &text, lang, p)),
            )?;
        }
        if let Some(c) = self.c {
            if let Some(&cend) = c.years.last() {
                let data = chart_data::option_comparison(c, lang);
                let ctext = ChartText::new();
                self.figure(
                    h,
                    &l.title_option_savings(cend),
                    chart_svg(|p| charts::option_savings(&data, cend, &ctext, lang, p)),
                )?;
                self.figure(
                    h,
                    l.title_option_cumulative,
                    chart_svg(|p| charts::option_cumulative(&data, &ctext, lang, p)),
                )?;
                if !data.current_hours.is_empty() {
                    self.figure(
                        h,
                        l.title_option_hours,
                        chart_svg(|p| charts::option_hours(&data, &ctext, lang, p)),
                    )?;
                }
                let curves: Vec<ExceedanceCurve> = c
                    .options
                    .iter()
                    .zip(self.options)
                    .filter_map(|(o, s)| {
                        s.shape("cumulative_net_savings_kr")
                            .map(|sh| chart_data::exceedance_curve(&o.name, sh))
                    })
                    .collect();
                if !curves.is_empty() {
                    let ex = ExceedanceData {
                        measure: Measure::CumulativeNetSavings { through: cend },
                        curves,
                        trials: Some(c.trials as u64),
                    };
                    self.figure(
                        h,
                        l.title_exceedance,
                        chart_svg(|p| charts::exceedance(&ex, &ctext, lang, p)),
                    )?;
                }
            }
        }
        writeln!(h, "</section>")?;
        Ok(())
    }

    // ----------------------------------------------------------- section 4

    fn tables_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        writeln!(h, "<section class=\"major\" id=\"tables\">")?;
        writeln!(
            h,
            "<h2>4. {}{}</h2>",
            self.t("Tabeller", "Tables"),
            self.detail_suffix()
        )?;

        if self.projection() {
            self.projection_years_table(h)?;
        } else {
            // Overview of medians.
            let keys = [
                "cost_status_quo_kr",
                "cost_scenario_kr",
                "savings_kr",
                "cumulative_net_savings_kr",
                "npv_kr",
            ];
            writeln!(h, "<table class=\"years\" id=\"table-years\">")?;
            writeln!(
                h,
                "<caption>{} ({})</caption>",
                self.t(
                    "Omkostninger og besparelser pr. år",
                    "Costs and savings per year"
                ),
                self.t("median, kr.", "median, kr.")
            )?;
            write!(h, "<thead><tr><th>{}</th>", l.year)?;
            for k in keys {
                write!(
                    h,
                    "<th class=\"num\">{}</th>",
                    escape(&metric_label(k, lang))
                )?;
            }
            writeln!(h, "</tr></thead><tbody>")?;
            for (y, year) in s.years.iter().enumerate() {
                write!(h, "<tr><td>{year}</td>")?;
                for k in keys {
                    let v = self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN);
                    write!(h, "<td class=\"num\">{}</td>", format_kr(v, lang))?;
                }
                writeln!(h, "</tr>")?;
            }
            writeln!(h, "</tbody></table>")?;
            self.medians_note(h)?;
            self.intervals_table(h, &keys)?;
        }
        self.savings_sources_table(h)?;

        // Cost components.
        let components = [
            (
                "handling_cost",
                self.t("Ekspedition af henvendelser", "Handling contacts"),
            ),
            (
                "opening_cost",
                self.t(
                    "Åbningstid (bemanding, lokaler)",
                    "Opening hours (staff, premises)",
                ),
            ),
            (
                "campaign_cost",
                self.t("Kampagner og tiltag", "Campaigns and measures"),
            ),
            (
                "outbound_mail_cost",
                self.t("Udgående post", "Outbound mail"),
            ),
        ];
        let present: Vec<_> = components
            .iter()
            .filter(|(k, _)| {
                let sq = self.metric(&format!("{k}_status_quo_kr"));
                let sc = self.metric(&format!("{k}_scenario_kr"));
                sq.iter().chain(sc).any(|q| q.p50 != 0.0 || q.mean != 0.0)
            })
            .collect();
        if !present.is_empty() {
            writeln!(h, "<table class=\"components\">")?;
            writeln!(
                h,
                "<caption>{} {} ({})</caption>",
                self.t("Omkostningernes sammensætning i", "Cost components in"),
                s.end_year,
                self.t("median, kr.", "median, kr.")
            )?;
            let projection = self.projection();
            if projection {
                // One path: the status quo and the scenario are the same.
                writeln!(
                    h,
                    "<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                    self.t("Post", "Item"),
                    self.t("Omkostning", "Cost"),
                )?;
            } else {
                writeln!(
                    h,
                    "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                    self.t("Post", "Item"),
                    l.status_quo,
                    l.scenario,
                    self.t("Forskel", "Difference")
                )?;
            }
            let e = self.end_index();
            for (k, name) in present {
                let sq = self
                    .metric(&format!("{k}_status_quo_kr"))
                    .get(e)
                    .map(|q| q.p50)
                    .unwrap_or(0.0);
                let sc = self
                    .metric(&format!("{k}_scenario_kr"))
                    .get(e)
                    .map(|q| q.p50)
                    .unwrap_or(0.0);
                if projection {
                    writeln!(
                        h,
                        "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                        escape(name),
                        format_kr(sc, lang),
                    )?;
                    continue;
                }
                writeln!(
                    h,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(name),
                    format_kr(sq, lang),
                    format_kr(sc, lang),
                    format_kr(sc - sq, lang)
                )?;
            }
            writeln!(h, "</tbody></table>")?;
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                self.t(
                    "Medianer af hver post for sig; de summerer ikke nødvendigvis til medianen af den samlede omkostning.",
                    "Medians of each item on its own; they need not add up to the median of the total cost."
                )
            )?;
        }

        super::breakdown_html::breakdown_tables(s, lang, h)?;
        self.hours_table(h)?;
        self.displaced_table(h)?;
        self.staffing_table(h)?;
        self.goals_tables(h)?;
        self.citizens_table(h)?;
        if let Some(sens) = &s.sensitivity {
            self.sensitivity_table(h, sens)?;
        }
        self.attribution_table(h)?;
        if let Some(c) = self.c {
            self.comparison_tables(h, c)?;
        }
        writeln!(h, "</section>")?;
        Ok(())
    }

    fn hours_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        if self.s.hours.is_empty() {
            return Ok(());
        }
        let has_proposal = self.s.hours.iter().any(|r| r.proposal.is_some());
        writeln!(h, "<table class=\"hours\" id=\"table-hours\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t("Åbningstider", "Opening hours")
        )?;
        // Room for a week's schedule on one line.
        if has_proposal {
            writeln!(
                h,
                "<colgroup><col style=\"width:12%\"><col style=\"width:8%\"><col style=\"width:31%\"><col style=\"width:6%\"><col style=\"width:31%\"><col style=\"width:6%\"><col style=\"width:6%\"></colgroup>"
            )?;
        }
        write!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th>",
            self.t("Afdeling", "Department"),
            self.t("Kanal", "Channel"),
            self.t("I dag", "Today"),
            self.t("Timer pr. uge", "Hours per week"),
        )?;
        if has_proposal {
            write!(
                h,
                "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
                self.t("Forslag", "Proposal"),
                self.t("Timer pr. uge", "Hours per week"),
                self.t("Fortrængt andel ρ", "Displaced share ρ"),
            )?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        for r in &self.s.hours {
            write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>",
                escape(&r.department),
                escape(&chart_data::opening_channel_label(&r.channel, lang)),
                schedule_html(&r.today, lang),
                format_sig(r.today_hours_per_week, 4, lang),
            )?;
            if has_proposal {
                let hours = r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week);
                // The engine's own rho: demand-weighted hours, not clock hours.
                let rho = r.displaced_share.unwrap_or(0.0);
                write!(
                    h,
                    "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                    schedule_html(r.proposal.as_deref().unwrap_or(&r.today), lang),
                    format_sig(hours, 4, lang),
                    format_pct(rho, 1, lang),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        if has_proposal {
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                self.t(
                    "ρ = 1 − timer i forslaget / timer i dag: den andel af kanalens henvendelser, der ikke længere kan komme på det vante tidspunkt (jævn efterspørgsel over de åbne timer, medmindre scenariet angiver en ugeprofil).",
                    "ρ = 1 − proposal hours / today's hours: the share of the channel's contacts that can no longer come at the usual time (demand spread evenly over the open hours unless the scenario gives a weekly profile)."
                )
            )?;
        }
        Ok(())
    }

    fn displaced_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let keys = [
            "displaced_retimed",
            "displaced_to_digital",
            "displaced_to_phone",
            "displaced_avoided",
        ];
        let any = keys
            .iter()
            .any(|k| self.metric(k).iter().any(|q| q.p50 > 0.0 || q.mean > 0.0));
        if !any {
            return Ok(());
        }
        writeln!(h, "<table class=\"displaced\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Henvendelser fortrængt af kortere åbningstid (median pr. år)",
                "Contacts displaced by shorter opening hours (median per year)"
            )
        )?;
        write!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
            labels(lang).year,
            self.t("Andet tidspunkt", "Retimed"),
            self.t("Til digital kanal", "To digital"),
            self.t("Skranke → telefon", "Counter → phone"),
            self.t("Bliver væk", "Avoided"),
        )?;
        writeln!(h, "</tr></thead><tbody>")?;
        for (y, year) in self.s.years.iter().enumerate() {
            write!(h, "<tr><td>{year}</td>")?;
            for k in keys {
                let v = self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN);
                write!(h, "<td class=\"num\">{}</td>", format_number(v, 0, lang))?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    fn staffing_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        // staffing.<dep>.<channel>.<path>.<what>
        let mut bases: Vec<String> = Vec::new();
        for k in self.s.metrics.keys() {
            if let Some(rest) = k.strip_prefix("staffing.") {
                if let Some(idx) = rest.find(".status_quo.") {
                    let base = format!("staffing.{}", &rest[..idx]);
                    if !bases.contains(&base) {
                        bases.push(base);
                    }
                }
            }
        }
        if bases.is_empty() {
            return Ok(());
        }
        writeln!(h, "<table class=\"staffing\">")?;
        writeln!(
            h,
            "<colgroup><col style=\"width:28%\"><col style=\"width:8%\"><col><col><col></colgroup>"
        )?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Bemandet kanal (Erlang C): status quo → scenarie (medianer)",
                "Staffed channel (Erlang C): status quo → scenario (medians)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Kanal", "Channel"),
            labels(lang).year,
            self.t("Medarbejdere pr. åben time", "Agents per open hour"),
            self.t("Serviceniveau", "Service level"),
            self.t("Gns. ventetid (sek.)", "Average wait (s)"),
        )?;
        for base in &bases {
            let parts: Vec<&str> = base.split('.').collect();
            let name = if parts.len() == 3 {
                format!(
                    "{} {}",
                    self.s.department_label(parts[1]),
                    chart_data::opening_channel_label(parts[2], lang).to_lowercase()
                )
            } else {
                base.clone()
            };
            for (y, year) in self.s.years.iter().enumerate() {
                let g = |path: &str, what: &str| {
                    self.metric(&format!("{base}.{path}.{what}"))
                        .get(y)
                        .map(|q| q.p50)
                        .unwrap_or(f64::NAN)
                };
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{year}</td><td class=\"num\">{} → {}</td><td class=\"num\">{} → {}</td><td class=\"num\">{} → {}</td></tr>",
                    escape(&name),
                    format_number(g("status_quo", "agents_per_open_hour"), 1, lang),
                    format_number(g("scenario", "agents_per_open_hour"), 1, lang),
                    format_pct(g("status_quo", "service_level"), 0, lang),
                    format_pct(g("scenario", "service_level"), 0, lang),
                    format_number(g("status_quo", "asa_seconds"), 0, lang),
                    format_number(g("scenario", "asa_seconds"), 0, lang),
                )?;
            }
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    fn goals_tables(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        if s.goals.is_empty() {
            return Ok(());
        }
        self.goal_table_head(
            h,
            "class=\"goals\" id=\"table-goals\"",
            self.t(
                "Sandsynlighed for at nå målene pr. år",
                "Probability of meeting the goals per year",
            ),
            &[l.goal, self.t("Målværdi", "Target")],
            None,
        )?;
        for g in &s.goals {
            let target = last_evaluated(g, &s.years)
                .map(|(_, t, _)| goal_condition(g, t, lang))
                .unwrap_or_else(|| "–".into());
            write!(
                h,
                "<tr><td>{}</td><td>{}</td>",
                escape(&g.name),
                escape(&target)
            )?;
            for (y, p) in g.probability.iter().enumerate() {
                match p {
                    Some(p) => write!(
                        h,
                        "<td class=\"num nw\">{}</td>",
                        escape(&format_probability(*p, lang))
                    )?,
                    None if g.not_evaluable_in(y) => write!(
                        h,
                        "<td class=\"num\">{}</td>",
                        escape(labels(lang).not_evaluable)
                    )?,
                    None => write!(h, "<td class=\"num\">–</td>")?,
                }
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;

        // The goal metric's value.
        self.goal_table_head(
            h,
            "class=\"goal-values\"",
            self.t(
                "Målenes tal pr. år (median; 90 %-interval under)",
                "The goals' figures per year (median; 90 % interval below)",
            ),
            &[l.goal],
            None,
        )?;
        for g in &s.goals {
            // The unit goes in the row label, not in every cell, so the
            // table fits the page.
            let unit = crate::goal_text::count_unit(g.metric, lang);
            write!(h, "<tr><td>{}{}</td>", escape(&g.name), unit)?;
            let cell = |v: f64| match crate::goal_text::kind(g.metric) {
                crate::goal_text::Kind::Count => format_number(v, 0, lang),
                _ => crate::goal_text::value(g.metric, v, lang),
            };
            let range = |lo: f64, hi: f64| match crate::goal_text::kind(g.metric) {
                crate::goal_text::Kind::Money => {
                    let (a, b) = format_money_pair(lo, hi, lang);
                    join_interval(&a, &b, lang)
                }
                _ => join_interval(&cell(lo), &cell(hi), lang),
            };
            for q in &g.value {
                write!(
                    h,
                    "<td class=\"num\">{}<br><span class=\"small\">{}</span></td>",
                    escape(&cell(q.p50)),
                    escape(&range(q.p5, q.p95)),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;

        // First year met.
        self.goal_table_head(
            h,
            "class=\"goal-first\"",
            self.t(
                "Første år målet nås (andel af simuleringerne)",
                "First year the goal is met (share of simulations)",
            ),
            &[l.goal],
            Some(self.t("Ikke nået", "Not met")),
        )?;
        for g in &s.goals {
            write!(h, "<tr><td>{}</td>", escape(&g.name))?;
            for y in &s.years {
                let p = g.first_year_met.get(&y.to_string()).copied().unwrap_or(0.0);
                write!(
                    h,
                    "<td class=\"num nw\">{}</td>",
                    escape(&format_probability(p, lang))
                )?;
            }
            let p = g.first_year_met.get("not_met").copied().unwrap_or(0.0);
            writeln!(
                h,
                "<td class=\"num nw\">{}</td></tr>",
                escape(&format_probability(p, lang))
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// Citizens' capabilities, started self-service and live solutions per
    /// year (median; 90 % interval below), when the scenario models them.
    fn citizens_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let pct = |v: f64| crate::goal_text::format_share(v, lang);
        let count = |v: f64| format_number(v, 0, lang);
        type Row<'a> = (
            String,
            &'a [crate::stats::Summary],
            &'a dyn Fn(f64) -> String,
        );
        let mut rows: Vec<Row> = Vec::new();
        for c in crate::scenario::Capability::ALL {
            let m = s.metric(&c.metric_key());
            if !m.is_empty() {
                rows.push((c.label(lang).to_string(), m, &pct));
            }
        }
        let keyed: [(&str, &str, &str, bool); 5] = [
            (
                "self_service_attempts",
                "Påbegyndt selvbetjening (forsøg)",
                "Self-service started (attempts)",
                false,
            ),
            (
                "self_service_completed",
                "Heraf gennemført",
                "Of which completed",
                false,
            ),
            (
                "fallback_contacts",
                "Opgivet og henvendt i anden kanal",
                "Given up and back through another channel",
                false,
            ),
            (
                "completion_rate",
                "Gennemførselsgrad",
                "Completion rate",
                true,
            ),
            (
                "solutions_live",
                "Selvbetjeningsløsninger i drift ved årets udgang",
                "Self-service solutions live at the end of the year",
                false,
            ),
        ];
        for (key, da, en, share) in keyed {
            let m = s.metric(key);
            if !m.is_empty() {
                rows.push((
                    self.t(da, en).to_string(),
                    m,
                    if share { &pct } else { &count },
                ));
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        self.goal_table_head(
            h,
            "class=\"citizens\"",
            self.t(
                "Borgere, løsninger og gennemførsel pr. år (median; 90 %-interval under)",
                "Citizens, solutions and completion per year (median; 90 % interval below)",
            ),
            &[self.t("Størrelse", "Quantity")],
            None,
        )?;
        for (label, m, f) in rows {
            write!(h, "<tr><td>{}</td>", escape(&label))?;
            for q in m {
                write!(
                    h,
                    "<td class=\"num\">{}<br><span class=\"small\">{}</span></td>",
                    escape(&f(q.p50)),
                    escape(&join_interval(&f(q.p5), &f(q.p95), lang)),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Borgernes andele er gennemsnit over årets måneder af andelen af de voksne borgere. Et forsøg er en påbegyndt selvbetjening; de opgivne forsøg, der kommer igen, er henvendelser i borgerservice, telefon eller brev ud over dem, der aldrig prøvede selv.",
                "Citizens' shares are the mean over the year's months of the share of adult citizens. An attempt is a started self-service form; the abandoned attempts that come back are contacts at the counter, by phone or by letter on top of those who never tried online."
            )
        )?;
        Ok(())
    }

    fn sensitivity_table(&self, h: &mut String, sens: &Sensitivity) -> anyhow::Result<()> {
        let lang = self.lang;
        let measure = measure_of(&sens.metric, sens.year)
            .map(|m| m.label(lang))
            .unwrap_or_else(|| format!("{} {}", metric_label(&sens.metric, lang), sens.year));
        writeln!(h, "<table class=\"sensitivity\" id=\"table-sensitivity\">")?;
        writeln!(
            h,
            "<caption>{}: {} ({})</caption>",
            self.t(
                "Følsomhed, de ti vigtigste antagelser",
                "Sensitivity, the ten most important inputs"
            ),
            escape(&measure),
            escape(&match lang {
                Lang::Da => format!(
                    "median {}, {} simuleringer",
                    format_money(sens.output_median, lang),
                    format_number(sens.trials_used as f64, 0, lang)
                ),
                Lang::En => format!(
                    "median {}, {} simulations",
                    format_money(sens.output_median, lang),
                    format_number(sens.trials_used as f64, 0, lang)
                ),
            })
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Antagelse", "Input"),
            self.t("Rangkorrelation", "Rank correlation"),
            self.t("Bidrag til variansen", "Contribution to variance"),
            self.t(
                "Median når antagelsen er lav (laveste 10 %)",
                "Median with the input low (lowest 10 %)"
            ),
            self.t(
                "Median når antagelsen er høj (højeste 10 %)",
                "Median with the input high (highest 10 %)"
            ),
            self.t("Udsving", "Swing"),
        )?;
        let top: Vec<&str> = sens
            .rows
            .iter()
            .take(10)
            .map(|r| r.input.as_str())
            .collect();
        let names = chart_data::summary_input_labels(self.s, &top, lang);
        for (r, name) in sens.rows.iter().zip(&names) {
            writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(name),
                format_number(r.spearman, 2, lang),
                format_pct(r.contribution_to_variance, 1, lang),
                format_kr(r.median_when_low, lang),
                format_kr(r.median_when_high, lang),
                format_kr(r.swing, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Rangkorrelation (Spearman) mellem antagelsen og resultatet over simuleringerne; bidraget til variansen er korrelationen i anden potens delt med summen over alle antagelser (med korrelationens fortegn). Udsving: forskellen mellem medianen, når antagelsen ligger blandt sine laveste 10 %, og når den ligger blandt sine højeste 10 %.",
                "Rank (Spearman) correlation between the input and the result across the simulations; the contribution to variance is the squared correlation over the sum over all inputs (signed like the correlation). Swing: the difference between the median with the input in its lowest 10 % and with it in its highest 10 %."
            )
        )?;
        if !sens.correlations.is_empty() {
            writeln!(h, "<table class=\"correlations\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Angivne og opnåede rangkorrelationer",
                    "Declared and achieved rank correlations"
                )
            )?;
            writeln!(
                h,
                "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                self.t("Antagelse A", "Input A"),
                self.t("Antagelse B", "Input B"),
                self.t("Angivet", "Declared"),
                self.t("Opnået", "Achieved"),
            )?;
            for c in &sens.correlations {
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&chart_data::summary_input_label(self.s, &c.a, lang)),
                    escape(&chart_data::summary_input_label(self.s, &c.b, lang)),
                    format_number(c.declared, 2, lang),
                    format_number(c.achieved, 2, lang)
                )?;
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }

    fn attribution_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let Some(rows) = &s.attribution else {
            return Ok(());
        };
        if rows.is_empty() {
            return Ok(());
        }
        writeln!(h, "<table class=\"attribution\" id=\"table-attribution\">")?;
        writeln!(
            h,
            "<caption>{} {}–{} (kr.)</caption>",
            self.t(
                "Hvad hvert tiltag bidrager med",
                "What each measure contributes"
            ),
            s.base_year,
            s.end_year
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">5 %</th><th class=\"num\">95 %</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Tiltag", "Measure"),
            self.t("Ekstra nettobesparelse (median)", "Extra net savings (median)"),
            self.t("Tiltagets omkostning (median)", "The measure's cost (median)"),
            self.t("Besparelse før omkostning (median)", "Savings before cost (median)"),
        )?;
        for r in rows {
            writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&r.label(lang)),
                format_kr(r.marginal_net_savings_kr.p50, lang),
                format_kr(r.marginal_net_savings_kr.p5, lang),
                format_kr(r.marginal_net_savings_kr.p95, lang),
                format_kr(r.cost_kr.p50, lang),
                format_kr(r.gross_savings_kr.p50, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Hvert tiltag er målt for sig: scenariet regnet uden netop det tiltag, med de samme tilfældige tal. Tiltag, der flytter de samme henvendelser, overlapper, så tallene summerer ikke nødvendigvis til den samlede besparelse.",
                "Each measure is measured alone: the scenario computed without just that measure, on the same random numbers. Measures that move the same contacts overlap, so the figures need not add up to the total savings."
            )
        )?;
        // Change in goal probabilities, in each goal's last evaluated year.
        let goal_cols: Vec<(usize, &GoalSummary, usize, i32)> = s
            .goals
            .iter()
            .enumerate()
            .filter_map(|(gi, g)| {
                let yi = g.probability.iter().rposition(|p| p.is_some())?;
                Some((gi, g, yi, s.years[yi]))
            })
            .collect();
        if !goal_cols.is_empty() && rows.iter().any(|r| !r.goal_probability_change.is_empty()) {
            writeln!(h, "<table class=\"attribution-goals\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Tiltagenes virkning på sandsynligheden for at nå målene (procentpoint)",
                    "The measures' effect on the probability of meeting the goals (percentage points)"
                )
            )?;
            write!(h, "<thead><tr><th>{}</th>", self.t("Tiltag", "Measure"))?;
            for (_, g, _, y) in &goal_cols {
                write!(h, "<th class=\"num\">{} ({y})</th>", escape(&g.name))?;
            }
            writeln!(h, "</tr></thead><tbody>")?;
            for r in rows {
                write!(h, "<tr><td>{}</td>", escape(&r.label(lang)))?;
                for (gi, _, yi, _) in &goal_cols {
                    let v = r
                        .goal_probability_change
                        .get(*gi)
                        .and_then(|v| v.get(*yi).copied().flatten());
                    match v {
                        Some(v) => write!(
                            h,
                            "<td class=\"num\">{}</td>",
                            signed_number(v * 100.0, 0, lang)
                        )?,
                        None => write!(h, "<td class=\"num\">–</td>")?,
                    }
                }
                writeln!(h, "</tr>")?;
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }

    /// Where the savings come from: means per year, which add up to the mean
    /// savings; avoided contacts named apart, since they are valued at full
    /// unit cost.
    fn savings_sources_table(&self, h: &mut String) -> anyhow::Result<()> {
        use crate::model::layout::SavingsSource;
        let s = self.s;
        let lang = self.lang;
        let mean = |k: &str| -> Vec<f64> { self.metric(k).iter().map(|q| q.mean).collect() };
        let savings = mean("savings_kr");
        if savings.iter().all(|&x| x == 0.0) || self.metric(SavingsSource::ALL[0].key()).is_empty()
        {
            return Ok(());
        }
        // Whole kroner when a row of them fits the page; else millions, the
        // unit said once in the caption (seven years of "613.268.790 kr."
        // would not fit A4, and a cell that wrapped would strand its "kr.").
        let all: Vec<f64> = SavingsSource::ALL
            .iter()
            .flat_map(|src| mean(src.key()))
            .chain(savings.iter().copied())
            .collect();
        let widest = all
            .iter()
            .map(|v| format_kr(*v, lang).chars().count())
            .max()
            .unwrap_or(0);
        let unit = if widest * s.years.len() <= SOURCES_ROW_CHARS {
            MoneyUnit::of([0.0])
        } else {
            MoneyUnit::of(all.iter().copied())
        };
        writeln!(h, "<table class=\"years\" id=\"table-sources\">")?;
        writeln!(
            h,
            "<caption>{} ({}, {}; {})</caption>",
            self.t("Hvor besparelsen kommer fra", "Where the savings come from"),
            self.t("gennemsnit", "mean"),
            unit.unit(lang),
            self.t(
                "delene summerer til besparelsen",
                "the parts add up to the savings"
            )
        )?;
        write!(h, "<thead><tr><th>{}</th>", self.t("Kilde", "Source"))?;
        for y in &s.years {
            write!(h, "<th class=\"num\">{y}</th>")?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        let mut row = |label: &str, values: &[f64]| -> anyhow::Result<()> {
            write!(h, "<tr><td>{}</td>", escape(label))?;
            for v in values {
                let cell = if unit.is_kroner() {
                    format_kr(*v, lang)
                } else {
                    unit.number(*v, lang)
                };
                write!(h, "<td class=\"num\">{cell}</td>")?;
            }
            writeln!(h, "</tr>")?;
            Ok(())
        };
        for src in SavingsSource::ALL {
            let values = mean(src.key());
            if values.iter().any(|&x| x != 0.0) {
                row(src.label(lang), &values)?;
            }
        }
        row(&metric_label("savings_kr", lang), &savings)?;
        writeln!(h, "</tbody></table>")?;
        let avoided: f64 = mean(SavingsSource::AvoidedContacts.key()).iter().sum();
        let total: f64 = savings.iter().sum();
        if avoided != 0.0 && total != 0.0 {
            let share = format_pct(avoided / total, 0, lang);
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                escape(&match lang {
                    Lang::Da => format!("Henvendelser der bliver væk, er regnet til den fulde enhedspris i den kanal, borgeren forlod: {share} af besparelsen frem til {}. Det er en besparelse kun hvis borgeren faktisk fik sit svar et andet sted.", s.end_year),
                    Lang::En => format!("Contacts avoided are valued at the full unit price of the channel the citizen left: {share} of the savings through {}. That is a saving only if the citizen really got the answer elsewhere.", s.end_year),
                })
            )?;
        }
        Ok(())
    }

    /// The per-year table of a status-quo projection: the cost (median and
    /// 90 % interval), the contacts and the digital share; no savings.
    fn projection_years_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let cost = self.metric("cost_scenario_kr");
        let contacts = self.metric("contacts_scenario");
        let digital = self.metric("digital_share_scenario");
        let unit = MoneyUnit::of(cost.iter().flat_map(|q| [q.p5, q.p95]));
        writeln!(h, "<table class=\"years\" id=\"table-years\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Omkostninger og henvendelser pr. år (status quo-fremskrivning; median og 90 %-interval)",
                "Costs and contacts per year (status-quo projection; median and 90 % interval)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{} ({})</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            labels(lang).year,
            self.t("Omkostning (median)", "Cost (median)"),
            self.t("Omkostning, 90 %-interval", "Cost, 90 % interval"),
            unit.unit(lang),
            self.t("Henvendelser i alt (median)", "Contacts, total (median)"),
            self.t("Digital andel (median)", "Digital share (median)"),
        )?;
        for (y, year) in s.years.iter().enumerate() {
            let range = cost
                .get(y)
                .map(|q| {
                    if q.p5 == q.p95 {
                        unit.number(q.p50, lang)
                    } else {
                        join_interval(&unit.number(q.p5, lang), &unit.number(q.p95, lang), lang)
                    }
                })
                .unwrap_or_else(|| "–".into());
            let p50 = |m: &[Summary]| m.get(y).map_or(f64::NAN, |q| q.p50);
            writeln!(
                h,
                "<tr><td>{year}</td><td class=\"num\">{}</td><td class=\"num nw\">{range}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                format_kr(p50(cost), lang),
                format_number(p50(contacts), 0, lang),
                format_pct(p50(digital), 1, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// The 90 % interval of each amount of the per-year table, in one unit
    /// for the whole table (the unit of its largest amount): "14,8–20,1".
    fn intervals_table(&self, h: &mut String, keys: &[&str]) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let present: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| self.metric(k).iter().any(|q| q.p5 != q.p95))
            .collect();
        if present.is_empty() {
            return Ok(());
        }
        let unit = MoneyUnit::of(
            present
                .iter()
                .flat_map(|k| self.metric(k).iter().flat_map(|q| [q.p5, q.p95])),
        );
        writeln!(h, "<table class=\"years\" id=\"table-intervals\">")?;
        writeln!(
            h,
            "<caption>{} ({})</caption>",
            self.t(
                "90 %-interval pr. år: 5 %- til 95 %-fraktil",
                "90 % interval per year: 5th to 95th percentile"
            ),
            unit.unit(lang)
        )?;
        write!(h, "<thead><tr><th>{}</th>", labels(lang).year)?;
        for k in &present {
            write!(
                h,
                "<th class=\"num\">{}</th>",
                escape(&metric_label(k, lang))
            )?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        for (y, year) in s.years.iter().enumerate() {
            write!(h, "<tr><td>{year}</td>")?;
            for k in &present {
                let cell = match self.metric(k).get(y) {
                    Some(q) if q.p5 == q.p95 => unit.number(q.p50, lang),
                    // "-0,6 til 14,4": a dash after a minus sign would misread.
                    Some(q) if q.p5 < 0.0 => format!(
                        "{} {} {}",
                        unit.number(q.p5, lang),
                        self.t("til", "to"),
                        unit.number(q.p95, lang)
                    ),
                    Some(q) => format!("{}–{}", unit.number(q.p5, lang), unit.number(q.p95, lang)),
                    None => "–".into(),
                };
                write!(h, "<td class=\"num nw\">{cell}</td>")?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// Said under every table of per-year medians.
    fn medians_note(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Hver kolonne er medianen af sine egne simuleringer: median for status quo minus median for scenariet er ikke medianen af besparelsen, og medianer kan ikke lægges sammen over år.",
                "Each column is the median of its own simulations: the status quo's median minus the scenario's median is not the median saving, and medians do not add up over years."
            )
        )?;
        Ok(())
    }

    fn comparison_tables(&self, h: &mut String, c: &Comparison) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        writeln!(h, "<table class=\"options-years\" id=\"table-options\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Forslagene pr. år (median; 90 %-interval under)",
                "The proposals per year (median; 90 % interval below)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            l.option,
            l.year,
            escape(&metric_label("cost_scenario_kr", lang)),
            l.savings,
            l.cumulative_net_savings,
            self.t("Fortrængte henvendelser", "Displaced contacts"),
        )?;
        for o in &c.options {
            for y in &o.years {
                let displaced = y.displaced_retimed.p50
                    + y.displaced_to_digital.p50
                    + y.displaced_to_phone.p50
                    + y.displaced_avoided.p50;
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}<br><span class=\"small\">{} – {}</span></td><td class=\"num\">{}<br><span class=\"small\">{} – {}</span></td><td class=\"num\">{}</td></tr>",
                    escape(&o.name),
                    y.year,
                    format_kr(y.cost_kr.p50, lang),
                    format_kr(y.savings_kr.p50, lang),
                    format_kr(y.savings_kr.p5, lang),
                    format_kr(y.savings_kr.p95, lang),
                    format_kr(y.cumulative_net_savings_kr.p50, lang),
                    format_kr(y.cumulative_net_savings_kr.p5, lang),
                    format_kr(y.cumulative_net_savings_kr.p95, lang),
                    format_number(displaced, 0, lang),
                )?;
            }
        }
        writeln!(h, "</tbody></table>")?;
        self.medians_note(h)?;
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        let pairs: Vec<_> = c
            .pairwise
            .iter()
            .filter(|p| order(&p.a) < order(&p.b))
            .collect();
        if !pairs.is_empty() {
            writeln!(h, "<table class=\"pairwise\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Forslag mod forslag, simulering for simulering (samme tilfældige tal)",
                    "Proposal against proposal, simulation by simulation (same random numbers)"
                )
            )?;
            writeln!(
                h,
                "<thead><tr><th>A – B</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                l.year,
                self.t("P(A sparer mere det år)", "P(A saves more that year)"),
                self.t("Forskel i besparelse (median)", "Difference in savings (median)"),
                self.t("P(A har størst akkumuleret besparelse)", "P(A's cumulative savings larger)"),
                self.t("Forskel, akkumuleret (median)", "Difference, cumulative (median)"),
            )?;
            for p in pairs {
                for y in &p.years {
                    writeln!(
                        h,
                        "<tr><td>{} – {}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                        escape(&p.a),
                        escape(&p.b),
                        y.year,
                        escape(&format_probability(y.prob_a_saves_more, lang)),
                        format_kr(y.savings_difference_kr.p50, lang),
                        escape(&format_probability(y.prob_a_cumulative_more, lang)),
                        format_kr(y.cumulative_difference_kr.p50, lang),
                    )?;
                }
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }

    // ----------------------------------------------------------- section 5

    fn method_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let n = format_number(s.trials as f64, 0, lang);
        writeln!(h, "<section class=\"major method\" id=\"method\">")?;
        writeln!(
            h,
            "<h2>5. {}</h2>",
            self.t("Sådan er tallene beregnet", "How the numbers are made")
        )?;
        // The headline figure: cumulative net savings, or the cost when
        // nothing is proposed.
        let headline = if self.projection() {
            "cost_scenario_kr"
        } else {
            "cumulative_net_savings_kr"
        };
        let se = self.metric(headline).get(self.end_index()).map(|q| q.se);
        let mean_of = match (lang, self.projection()) {
            (Lang::Da, true) => "Gennemsnittet af omkostningen",
            (Lang::Da, false) => "Gennemsnittet af den akkumulerede nettobesparelse",
            (Lang::En, true) => "The mean cost",
            (Lang::En, false) => "The mean cumulative net savings",
        };
        let paragraphs: Vec<(String, String)> = match lang {
            Lang::Da => vec![
                ("Simulering".into(), format!(
                    "Prognosen er en Monte Carlo-simulering: hele forløbet {}–{} er regnet igennem måned for måned {n} gange. I hver simulering trækkes hvert usikkert tal (afsnit 2) én gang fra sin fordeling; det er usikker viden, ikke tilfældig støj fra måned til måned. Samme scenariefil, startværdi for de tilfældige tal (--seed {}) og antal simuleringer giver præcis de samme tal.",
                    s.base_year, s.end_year, s.seed)),
                ("Henvendelser".into(),
                    "Antallet af henvendelser i hvert område følger befolkningen, P(m) = P0 · (1 + g)^(m/12), og fordeles på henvendelsestyper (ansøgninger og anmeldelser, generel information, information om en sag) og på kanaler efter den nuværende kanalfordeling.".into()),
                ("Overgang til digitale kanaler (Bass-modellen)".into(),
                    "For hvert område og hver henvendelsestype er den digitale andel s = c · F(t), hvor c er loftet (den andel, der nogensinde går digitalt), og F følger Bass-modellen dF/dt = (p + q·F)(1 − F) med innovation p og imitation q (t i år). Modellen løses eksakt i lukket form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), fra måned til måned, så resultatet ikke afhænger af en skridtlængde. Kampagner og love kan hæve p, q og loftet, sætte en lovpligtig minimumsandel (bølgerne af obligatorisk selvbetjening) eller lukke en kanal.".into()),
                ("Kortere åbningstid".into(),
                    "Den ikke-digitale del af henvendelserne fordeles på de øvrige kanaler i forhold til deres nuværende andele. Når en kanals åbne timer falder fra H0 til H1 om ugen, fortrænges andelen ρ = 1 − H1/H0 af kanalens henvendelser. De fortrængte henvendelser kommer igen på et andet tidspunkt i samme kanal, går til den digitale kanal, går fra skranken til telefonen, eller bliver væk (borgeren fandt svaret andetsteds eller opgav). De fire andele er usikre antagelser.".into()),
                ("Omkostninger".into(),
                    "Hver måned: antal henvendelser pr. kanal gange kanalprisen, plus omkostningen ved at holde åbent (timer pr. uge · 52/12 · pris pr. åben time, eller for en bemandet kanal de medarbejdere, Erlang C-formlen kræver for at nå serviceniveauet), plus kampagneomkostninger og udgående post. Priserne kan stige med et årligt indeks.".into()),
                ("Besparelse".into(),
                    format!("Hver simulering regner to forløb med de samme trukne tal: scenariet og status quo (dagens åbningstider og kun eksterne begivenheder som love). Besparelse = omkostning i status quo − omkostning i scenariet. Forslagets egne omkostninger er med i scenariets omkostning, så besparelsen er netto. Nettonutidsværdien tilbagediskonterer år y med (1 + r)^(y − basisår) ved scenariets diskonteringsrente r = {}. Tilbagebetalingsåret er det første år, hvor den akkumulerede nettobesparelse er positiv og forbliver positiv til og med slutåret.", discount_rate_label(&s.discount_rate, lang))),
                ("Mål".into(),
                    "Et mål er nået i en simulering, når målets tal det år (fx selvbetjeningsandelen, beregnet af årets samlede henvendelser) opfylder målet. Sandsynligheden er andelen af simuleringerne, hvor det sker. Ordene ved sandsynlighederne: næsten sikkert ≥ 99 %, meget sandsynligt ≥ 90 %, sandsynligt ≥ 66 %, lige så sandsynligt som ikke 33–66 %, usandsynligt ≤ 33 %, meget usandsynligt ≤ 10 %, næsten udelukket ≤ 1 %.".into()),
                ("Statistik".into(), format!(
                    "Medianen er det midterste udfald: halvdelen af simuleringerne giver mere, halvdelen mindre. 90 %-intervallet går fra 5 %- til 95 %-fraktilen: i 90 % af simuleringerne ligger tallet mellem de to. Fraktiler beregnes med lineær interpolation mellem de sorterede værdier (Hyndman–Fan type 7, som i R, NumPy og Excels FRAKTIL.MEDTAG). Standardafvigelsen bruger n − 1.{}",
                    se.map(|se| format!(" {mean_of} i {} er bestemt med en Monte Carlo-standardfejl på {}.", s.end_year, format_kr(se, lang))).unwrap_or_default()) + &self.percentile_precision_sentence() + &self.settled_sentence()),
            ],
            Lang::En => vec![
                ("Simulation".into(), format!(
                    "The forecast is a Monte Carlo simulation: the whole period {}–{} is computed month by month {n} times. In each simulation every uncertain number (section 2) is drawn once from its distribution; it is uncertain knowledge, not month-to-month noise. The same scenario file, seed ({}) and number of simulations give exactly the same figures.",
                    s.base_year, s.end_year, s.seed)),
                ("Contacts".into(),
                    "The number of contacts in each service area follows the population, P(m) = P0 · (1 + g)^(m/12), and is split by contact type (applications and notifications, general information, information about a case) and by channel according to today's channel mix.".into()),
                ("Adoption of digital channels (the Bass model)".into(),
                    "For each area and contact type the digital share is s = c · F(t), where c is the ceiling (the share that will ever go digital) and F follows the Bass model dF/dt = (p + q·F)(1 − F) with innovation p and imitation q (t in years). The model is solved exactly in closed form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), month by month, so the result does not depend on a step size. Campaigns and laws can raise p, q and the ceiling, set a mandatory minimum share (the waves of mandatory self-service) or close a channel.".into()),
                ("Shorter opening hours".into(),
                    "The non-digital part of the contacts is spread over the other channels in proportion to their shares today. When a channel's open hours fall from H0 to H1 a week, the share ρ = 1 − H1/H0 of its contacts is displaced. Displaced contacts come back at another time in the same channel, go to the digital channel, move from the counter to the phone, or are avoided (the citizen found the answer elsewhere or gave up). The four fractions are uncertain inputs.".into()),
                ("Costs".into(),
                    "Each month: contacts per channel times the channel's unit price, plus the cost of being open (hours per week · 52/12 · price per open hour, or for a staffed channel the agents the Erlang C formula needs to reach the service level), plus campaign costs and outbound mail. Prices may rise by an annual index.".into()),
                ("Savings".into(),
                    format!("Every simulation computes two paths with the same drawn numbers: the scenario and the status quo (today's opening hours, external events such as laws only). Savings = status quo cost − scenario cost. The proposal's own costs are part of the scenario's cost, so savings are net. The net present value discounts year y by (1 + r)^(y − base year) at the scenario's discount rate r = {}. The payback year is the first year in which cumulative net savings are positive and stay positive through the end year.", discount_rate_label(&s.discount_rate, lang))),
                ("Goals".into(),
                    "A goal is met in a simulation when the goal's figure that year (e.g. the self-service share, computed from the year's total contacts) meets the target. The probability is the share of simulations in which that happens. Words used with probabilities: virtually certain ≥ 99 %, very likely ≥ 90 %, likely ≥ 66 %, about as likely as not 33–66 %, unlikely ≤ 33 %, very unlikely ≤ 10 %, exceptionally unlikely ≤ 1 %.".into()),
                ("Statistics".into(), format!(
                    "The median is the middle outcome: half of the simulations give more, half less. The 90 % interval runs from the 5th to the 95th percentile: in 90 % of the simulations the figure lies between the two. Percentiles interpolate linearly between the sorted values (Hyndman–Fan type 7, as in R, NumPy and Excel's PERCENTILE.INC). The standard deviation uses n − 1.{}",
                    se.map(|se| format!(" {mean_of} in {} is known to a Monte Carlo standard error of {}.", s.end_year, format_kr(se, lang))).unwrap_or_default()) + &self.percentile_precision_sentence() + &self.settled_sentence()),
            ],
        };
        // A projection saves nothing: say what it is instead of how savings
        // are computed.
        let paragraphs: Vec<(String, String)> = if self.projection() {
            paragraphs
                .into_iter()
                .map(|(title, body)| {
                    if title == "Besparelse" || title == "Savings" {
                        (
                            self.t("Status quo-fremskrivning", "Status-quo projection").into(),
                            self.t(
                                "Hver simulering regner to forløb med de samme trukne tal: scenariet og status quo (dagens åbningstider og kun eksterne begivenheder som love). Her har scenariet hverken forslag eller tiltag, så de to forløb er de samme, og besparelsen er 0 i hver simulering. Rapporten viser derfor omkostningerne, henvendelserne og målene for det ene forløb.",
                                "Every simulation computes two paths with the same drawn numbers: the scenario and the status quo (today's opening hours, external events such as laws only). Here the scenario has neither a proposal nor initiatives, so the two paths are the same and savings are 0 in every simulation. The report therefore shows the costs, contacts and goals of the one path.",
                            )
                            .into(),
                        )
                    } else {
                        (title, body)
                    }
                })
                .collect()
        } else {
            paragraphs
        };
        let mut paragraphs = paragraphs;
        if let Some(info) = &s.streamed {
            // A run beyond `--stream-above` (src/stream.rs) says how its
            // percentiles were estimated.
            let up_to = format_number(info.exact_up_to_trials as f64, 0, lang);
            let kept = format_number(info.per_trial_outputs_trials as f64, 0, lang);
            paragraphs.push(match lang {
                Lang::Da => ("Mange simuleringer".into(), format!(
                    "Over {up_to} simuleringer gemmes de enkelte simuleringer ikke: fraktiler og deres konfidensintervaller kommer fra en kvantilskitse (DDSketch), der rammer hver fraktil inden for 0,1 %; middelværdier, standardafvigelser og sandsynligheder er eksakte. Følsomhedsanalyse, attribution og regnearkets simuleringsark bruger de første {kept} simuleringer.")),
                Lang::En => ("Many trials".into(), format!(
                    "Above {up_to} trials the individual trials are not kept: percentiles and their confidence intervals come from a quantile sketch (DDSketch) that places every percentile within 0.1 %; means, standard deviations and probabilities are exact. The sensitivity analysis, attribution and the workbook's per-trial sheet use the first {kept} trials.")),
            });
        }
        // Two columns in print: the heading stays outside them, so that it
        // is kept with the text it introduces.
        writeln!(h, "<div class=\"method-body\">")?;
        for (title, body) in paragraphs {
            writeln!(
                h,
                "<h3>{}</h3>\n<p>{}</p>",
                escape(&title),
                escape(&fix_stops(&body))
            )?;
        }
        writeln!(h, "</div>")?;
        writeln!(h, "</section>")?;
        Ok(())
    }
}

impl Report<'_> {
    /// " The figures have settled: ..." when the convergence chart is left
    /// out because more trials would not move the headline figures.
    fn settled_sentence(&self) -> String {
        let settled =
            chart_data::convergence_to_show(self.s).is_some_and(chart_data::figures_settled);
        if !settled {
            return String::new();
        }
        let share = format_pct(chart_data::SETTLED_SHARE, 0, self.lang);
        match self.lang {
            Lang::Da => format!(" Tallene har stabiliseret sig: hvert af disse konfidensintervaller er smallere end {share} af 90 %-intervallet, så flere simuleringer ville ikke flytte dem synligt (forløbet efter antal simuleringer står i convergence.png)."),
            Lang::En => format!(" The figures have settled: each of these confidence intervals is narrower than {share} of the 90 % interval, so more simulations would not visibly move them (their course by number of simulations is in convergence.png)."),
        }
    }

    /// How precisely the simulation pins down the headline percentiles:
    /// " The 95th percentile ... is 12.3 M kr., 95 % CI 12.1–12.5 ...", with
    /// the sampling method; empty when the output does not vary.
    fn percentile_precision_sentence(&self) -> String {
        let lang = self.lang;
        let end = self.end_index();
        let pick = |key: &str| self.metric(key).get(end).filter(|q| q.p5 != q.p95);
        let (q, what) = match (pick("cumulative_net_savings_kr"), pick("cost_scenario_kr")) {
            (Some(q), _) => (
                q,
                self.t("den akkumulerede nettobesparelse", "cumulative net savings"),
            ),
            (None, Some(q)) => (q, self.t("scenariets omkostning", "the scenario's cost")),
            _ => return String::new(),
        };
        // Enough decimals (in millions) that the interval's width shows
        // with two significant digits: "10.43 m kr., 95 % CI 10.40–10.46".
        let decimals = |c: [f64; 2]| {
            crate::stats::ci::interval_decimals((c[1] - c[0]) / 1e6, 2, 1, 6).unwrap_or(2)
        };
        let with_ci = |x: f64, c: [f64; 2]| {
            let d = decimals(c);
            let n = |v: f64| crate::i18n::format_number(v / 1e6, d, lang);
            let unit = crate::i18n::mkr_unit(lang);
            if c.iter().all(|v| v.is_finite()) {
                let ci = self.t("95 % konfidensinterval", "95 % CI");
                format!("{} {unit}, {ci} {}–{}", n(x), n(c[0]), n(c[1]))
            } else {
                format!("{} {unit}", n(x))
            }
        };
        let method = match (self.s.sampling, lang) {
            (crate::sampling::Method::Random, Lang::Da) => "uafhængige tilfældige tal",
            (crate::sampling::Method::Random, Lang::En) => "independent random numbers",
            (crate::sampling::Method::Lhs, Lang::Da) => {
                "latinsk hyperkube (stratificeret) udvælgelse"
            }
            (crate::sampling::Method::Lhs, Lang::En) => "Latin hypercube (stratified) sampling",
            (crate::sampling::Method::Sobol, Lang::Da) => "scramblede Sobol'-punkter",
            (crate::sampling::Method::Sobol, Lang::En) => "scrambled Sobol' points",
        };
        let year = self.s.end_year;
        match lang {
            Lang::Da => format!(
                " Fraktilerne er også kun bestemt med en vis præcision: for {what} i {year} er medianen {}, og 95 %-fraktilen er {} (fordelingsfrie intervaller fra ordensstatistikker: hvor fraktilen ville ligge med uendeligt mange simuleringer). De usikre tal er trukket med {method}.",
                with_ci(q.p50, q.ci95.p50), with_ci(q.p95, q.ci95.p95)
            ),
            Lang::En => format!(
                " The percentiles, too, are known only to some precision: for {what} in {year} the median is {}, and the 95th percentile is {} (distribution-free intervals from order statistics: where the percentile would lie with endlessly many simulations). The uncertain numbers were drawn with {method}.",
                with_ci(q.p50, q.ci95.p50), with_ci(q.p95, q.ci95.p95)
            ),
        }
    }
}

/// The last year a goal is evaluated: (year, target, probability).
fn last_evaluated(g: &GoalSummary, years: &[i32]) -> Option<(i32, f64, f64)> {
    let i = g.probability.iter().rposition(|p| p.is_some())?;
    let p = g.probability[i]?;
    let target = g.targets.get(i).copied().flatten()?;
    Some((*years.get(i)?, target, p))
}

/// Rounds to `sig` significant digits, for counts in running text
/// ("ca. 27.800 henvendelser"); numbers below 10^sig are rounded to whole units.
fn round_sig(x: f64, sig: i32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let digits = x.abs().log10().floor() as i32 + 1;
    let step = 10f64.powi((digits - sig).max(0));
    (x / step).round() * step
}

/// A sentence ending in an abbreviation ("kr.") takes no second full stop.
fn fix_stops(s: &str) -> String {
    s.replace("kr..", "kr.")
}

/// "scenarios/solrod-2011.toml:43" -> "solrod-2011.toml:43".
fn short_location(location: &str) -> String {
    match location.rsplit_once(['/', '\\']) {
        Some((_, tail)) => tail.to_string(),
        None => location.to_string(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "+4,5" / "-13,5" / "0".
fn signed(x: f64, lang: Lang) -> String {
    let s = format_sig(x, 4, lang);
    if x > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

fn signed_number(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format_number(x, decimals, lang);
    if x > 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{s}")
    } else {
        s
    }
}

/// The chart measure of a metric key and year.
fn measure_of(metric: &str, year: i32) -> Option<Measure> {
    match metric {
        "cumulative_net_savings_kr" => Some(Measure::CumulativeNetSavings { through: year }),
        "savings_kr" => Some(Measure::AnnualSavings { year }),
        "npv_kr" => Some(Measure::NetPresentValue { through: year }),
        "cost_scenario_kr" => Some(Measure::AnnualCost { year }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn units_stay_with_their_numbers() {
        assert_eq!(
            keep_units_with_numbers("<p>mellem 1,51 og 2,55 mio. kr. i 2015</p>"),
            "<p>mellem 1,51 og <span class=\"nw\">2,55 mio. kr.</span> i 2015</p>"
        );
        assert_eq!(
            keep_units_with_numbers("<td>-643.035 kr.</td><td>&lt; 100 kr.</td><td>68–72 kr.</td><td>90 %</td>"),
            "<td><span class=\"nw\">-643.035 kr.</span></td><td><span class=\"nw\">&lt; 100 kr.</span></td><td><span class=\"nw\">68–72 kr.</span></td><td>90 %</td>"
        );
        assert_eq!(
            keep_units_with_numbers("<p>2-8 kr. og til -5 kr.</p>"),
            "<p><span class=\"nw\">2-8 kr.</span> og til <span class=\"nw\">-5 kr.</span></p>"
        );
        // Markup, the style sheet, the title and charts are left alone; a
        // number inside a word is not an amount.
        let untouched = "<title>5 kr.</title><style>a{b:5 %}</style><svg><text>5 kr.</text></svg><a title=\"5 kr.\">B2 kr.</a>";
        assert_eq!(keep_units_with_numbers(untouched), untouched);
    }

    #[test]
    fn distributions_in_danish() {
        assert_eq!(
            distribution_label("triangular(90, 120, 150)", Lang::Da),
            "trekantfordeling (90; 120; 150)"
        );
        assert_eq!(
            distribution_label("triangular(0, 0.005, 0.012)", Lang::Da),
            "trekantfordeling (0; 0,005; 0,012)"
        );
        assert_eq!(
            distribution_label("log-normal(median 102, 90 % in [80, 130])", Lang::Da),
            "lognormal (median 102; 90 % i [80; 130])"
        );
        assert_eq!(
            distribution_label("normal(mean 1500, sd -2.5, min 0)", Lang::En),
            "normal(mean 1,500, sd -2.5, min 0)"
        );
        assert_eq!(
            distribution_label("discrete(1: 30 %, 2: 70 %)", Lang::Da),
            "diskret (1: 30 %; 2: 70 %)"
        );
        assert_eq!(distribution_label("2.50e20", Lang::Da), "2,50e20");
    }

    #[test]
    fn schedules_in_danish() {
        assert_eq!(
            schedule_label("Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13", Lang::Da),
            "man-tir 10-14; ons lukket; tor 10-17; fre 10-13"
        );
        assert_eq!(schedule_label("Thu 9-18.30", Lang::En), "Thu 9-18.30");
    }

    #[test]
    fn units_and_numbers() {
        assert_eq!(
            unit_label("kr. per contact", Lang::Da),
            "kr. pr. henvendelse"
        );
        assert_eq!(
            unit_label("contacts per year per 1,000 citizens", Lang::Da),
            "henvendelser pr. år pr. 1.000 borgere"
        );
        assert_eq!(
            unit_label("kr. per open hour", Lang::Da),
            "kr. pr. åben time"
        );
        assert_eq!(format_sig(0.005666, 3, Lang::Da), "0,00567");
        assert_eq!(format_sig(120.0, 4, Lang::Da), "120");
        assert_eq!(format_sig(31.5, 4, Lang::Da), "31,5");
        assert_eq!(format_sig(1234567.0, 4, Lang::En), "1,234,567");
        assert_eq!(
            metric_label("volume_scenario.phone", Lang::Da),
            "Henvendelser: Telefon, scenarie"
        );
        assert_eq!(
            metric_label("opening_cost_status_quo_kr", Lang::En),
            "Opening cost, status quo"
        );
    }
}
