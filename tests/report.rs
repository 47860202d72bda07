//! The HTML report and the Excel workbook, on engine runs made in-process.
//!
//! Golden files: tests/data/report-worked-example.{da,en}.golden hold the
//! report's outline (headings, captions, list items and table rows, charts
//! left out) for the MODEL.md worked example with shorter counter hours.
//! After an intended change to the report, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --release --test report` and review the diff.

mod common;
use common::{cell_f64, cell_str};

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use channelshift::comparison::{Comparison, OptionRun};
use channelshift::domain::Channel;
use channelshift::engine::{Engine, Trials};
use channelshift::export::xlsx::write_xlsx;
use channelshift::i18n::Lang;
use channelshift::input_key::InputKey;
use channelshift::model::layout::Layout;
use channelshift::report::html::{render_comparison_html, render_html, write_html, ComparedBase};
use channelshift::scenario::Scenario;
use channelshift::stats::Summary;
use channelshift::summary::{
    AttributionRow, CorrelationCheck, FirstMet, RunSummary, Sensitivity, SensitivityRow,
};

const SEED: u64 = 1;

fn scenario_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

struct Run {
    scenario: Scenario,
    layout: Layout,
    trials: Trials,
    summary: RunSummary,
}

fn run_scenario(s: Scenario, n: usize) -> Run {
    let (layout, trials) = {
        let engine = Engine::new(&s, SEED);
        (engine.layout.clone(), engine.run(n))
    };
    let summary = RunSummary::new(&s, &layout, &trials, SEED, None);
    Run {
        scenario: s,
        layout,
        trials,
        summary,
    }
}

fn run_file(name: &str, n: usize) -> Run {
    let s = Scenario::from_file(&scenario_path(name)).expect("scenario loads");
    run_scenario(s, n)
}

// ---------------------------------------------------------------------------
// A small reader of the report's outline (no HTML parser among the
// dependencies; the report's markup is regular enough for this).
// ---------------------------------------------------------------------------

/// The report without its inline SVG charts.
fn without_svg(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        out.push_str(&rest[..i]);
        match rest[i..].find("</svg>") {
            Some(j) => rest = &rest[i + j + "</svg>".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headings, captions, list items and table rows, one per line:
/// `h2: 4. Tabeller`, `tr: 2011 | 610.000 kr. | ...`.
fn outline(html: &str) -> Vec<String> {
    let html = without_svg(html);
    let mut lines = Vec::new();
    let mut capture: Option<(String, String)> = None; // (tag, text)
    let mut cell: Option<String> = None;
    let mut row: Option<Vec<String>> = None;
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let end = html[i..]
                .find('>')
                .map(|j| i + j)
                .unwrap_or(bytes.len() - 1);
            let tag = &html[i + 1..end];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            match (name.as_str(), closing) {
                ("h1" | "h2" | "h3" | "caption" | "li", false) => {
                    capture = Some((name.clone(), String::new()))
                }
                ("h1" | "h2" | "h3" | "caption" | "li", true) => {
                    if let Some((tag, text)) = capture.take() {
                        lines.push(format!("{tag}: {}", squash(&unescape(&text))));
                    }
                }
                ("tr", false) => row = Some(Vec::new()),
                ("tr", true) => {
                    if let Some(r) = row.take() {
                        lines.push(format!("tr: {}", r.join(" | ")));
                    }
                }
                ("td" | "th", false) => cell = Some(String::new()),
                ("td" | "th", true) => {
                    if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                        r.push(squash(&unescape(&c)));
                    }
                }
                ("br", _) => {
                    if let Some(c) = cell.as_mut() {
                        c.push(' ');
                    }
                    if let Some((_, t)) = capture.as_mut() {
                        t.push(' ');
                    }
                }
                _ => {}
            }
            i = end + 1;
        } else {
            let next = html[i..].find('<').map(|j| i + j).unwrap_or(bytes.len());
            let text = &html[i..next];
            if let Some(c) = cell.as_mut() {
                c.push_str(text);
            } else if let Some((_, t)) = capture.as_mut() {
                t.push_str(text);
            }
            i = next;
        }
    }
    lines
}

/// The rows of the table with `id`.
fn table_rows(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table with id {id}"));
    let end = start + html[start..].find("</table>").expect("table ends");
    outline(&html[start..end])
        .into_iter()
        .filter_map(|l| l.strip_prefix("tr: ").map(str::to_string))
        .collect()
}

fn check_golden(name: &str, actual: &[String]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let text = actual.join("\n") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; create it with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != text {
        let exp: Vec<&str> = expected.lines().collect();
        let act: Vec<&str> = text.lines().collect();
        let first = (0..exp.len().max(act.len()))
            .find(|&i| exp.get(i) != act.get(i))
            .unwrap_or(0);
        panic!(
            "{} differs from the report at line {}:\n  expected: {:?}\n  actual:   {:?}\n(regenerate with UPDATE_GOLDEN=1 after an intended change)",
            path.display(),
            first + 1,
            exp.get(first),
            act.get(first)
        );
    }
}

// ---------------------------------------------------------------------------
// The worked example
// ---------------------------------------------------------------------------

#[test]
fn worked_example_report_in_danish_matches_golden_outline() {
    let run = run_file("model-worked-example-hours.toml", 200);
    let html = render_html(&run.summary, None, &[], Lang::Da).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"da\">"));
    assert!(html.contains("<p class=\"proposal\">Forslag: 18 hours a week</p>"));
    let lines = outline(&html);
    for heading in [
        "h2: 1. Sammenfatning",
        "h2: 2. Antagelser",
        "h2: 3. Figurer",
        "h2: 4. Tabeller",
        "h2: 5. Sådan er tallene beregnet",
        "h3: Kort fortalt",
        "h3: Åbningstider pr. uge",
    ] {
        assert!(lines.iter().any(|l| l == heading), "missing {heading:?}");
    }
    // Per-year table: 610,000 kr. status quo, 535,428.57 kr. scenario,
    // savings 74,571.43 kr. a year, cumulative 5 x that in 2015.
    let years = table_rows(&html, "table-years");
    assert_eq!(years.len(), 6, "{years:#?}");
    assert!(years[0].starts_with("År | Omkostning, status quo | Omkostning, scenarie | Besparelse"));
    assert_eq!(
        years[1],
        "2011 | 610.000 kr. | 535.429 kr. | 74.571 kr. | 74.571 kr. | 74.571 kr."
    );
    assert!(years[5].starts_with("2015 | 610.000 kr. | 535.429 kr. | 74.571 kr. | 372.857 kr. | "));
    // Opening hours 31.5 -> 18 a week (18,0 beside 31,5: one precision per
    // table), rho = 42.9 %.
    let hours = table_rows(&html, "table-hours");
    assert_eq!(
        hours[1],
        "Counter | Skranke | man-ons 9-15; tor 9-18.30; fre 9-13 | 31,5 | man-tir 10-14; ons lukket; tor 10-17; fre 10-13 | 18,0 | 42,9 %"
    );
    // The summary in plain words.
    assert!(lines
        .iter()
        .any(|l| l == "li: Forslaget sparer 74.571 kr. i 2015 (ingen usikkerhed i input)."));
    assert!(lines.iter().any(|l| l.starts_with(
        "li: Den akkumulerede nettobesparelse 2011–2015 (efter omkostningerne ved forslaget) er 372.857 kr. (median)"
    )));
    assert!(lines
        .iter()
        .any(|l| l == "li: Forslaget er tjent hjem allerede i 2011 (sandsynlighed 100 %): fra 2011 er den akkumulerede nettobesparelse positiv og forbliver det."));
    // Fan and channel mix; no goals in this scenario, and no histogram or
    // S-curve: every trial saves the same, which the summary says in words.
    assert_eq!(html.matches("<svg").count(), 2);
    assert!(!html.contains("<script"));
    check_golden("report-worked-example.da.golden", &lines);
}

#[test]
fn worked_example_report_in_english_matches_golden_outline() {
    let run = run_file("model-worked-example-hours.toml", 200);
    let html = render_html(&run.summary, None, &[], Lang::En).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    let lines = outline(&html);
    for heading in [
        "h2: 1. Summary",
        "h2: 2. Assumptions",
        "h2: 3. Charts",
        "h2: 4. Tables",
        "h2: 5. How the numbers are made",
    ] {
        assert!(lines.iter().any(|l| l == heading), "missing {heading:?}");
    }
    let years = table_rows(&html, "table-years");
    assert_eq!(
        years[1],
        "2011 | 610,000 kr. | 535,429 kr. | 74,571 kr. | 74,571 kr. | 74,571 kr."
    );
    let hours = table_rows(&html, "table-hours");
    assert_eq!(
        hours[1],
        "Counter | Counter | Mon-Wed 9-15; Thu 9-18.30; Fri 9-13 | 31.5 | Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13 | 18.0 | 42.9 %"
    );
    assert!(lines
        .iter()
        .any(|l| l == "li: The proposal saves 74,571 kr. in 2015 (no uncertainty in the inputs)."));
    check_golden("report-worked-example.en.golden", &lines);
}

#[test]
fn write_html_writes_the_file_atomically() {
    let run = run_file("model-worked-example-hours.toml", 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    write_html(&run.summary, None, &[], Lang::Da, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("535.429 kr."));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["report.html".to_string()],
        "no temporary file left"
    );
}

// ---------------------------------------------------------------------------
// Escaping and self-containment
// ---------------------------------------------------------------------------

#[test]
fn text_from_scenario_files_is_escaped() {
    let mut s = Scenario::from_file(&scenario_path("solrod-2011-proposal-1.toml")).unwrap();
    s.name = "<b>x</b> <script>alert(1)</script>".into();
    if let Some(p) = s.proposal.as_mut() {
        p.name = "Forslag <i>1</i> & \"2\"".into();
    }
    s.goals[0].name = "<script>goal()</script>".into();
    s.inputs[0].key = InputKey::AreaVolume {
        area: "<img src=x onerror=alert(1)>".into(),
        per_1000: false,
    };
    s.inputs[0].comment = Some("</td><script>comment()</script>".into());
    s.departments[0].label = "<u>BSA</u>".into();
    let run = run_scenario(s, 300);
    let mut summary = run.summary.clone();
    summary.inputs[1].location = "dir/<b>file&.toml:1".into();
    summary.attribution = Some(vec![attribution_row("<script>event()</script>")]);
    for lang in Lang::ALL {
        let html = render_html(&summary, None, &[], lang).unwrap();
        assert!(
            html.contains("&lt;b&gt;x&lt;/b&gt;"),
            "scenario name escaped"
        );
        assert!(!html.contains("<b>x</b>"));
        assert!(!html.contains("<script"), "no raw <script> ({lang})");
        assert!(!html.to_lowercase().contains("<img"));
        assert!(!html.contains("<u>BSA</u>") && html.contains("&lt;u&gt;BSA&lt;/u&gt;"));
        assert!(html.contains("Forslag &lt;i&gt;1&lt;/i&gt; &amp; &quot;2&quot;"));
        assert!(html.contains("&lt;/td&gt;&lt;script&gt;comment()&lt;/script&gt;"));
        assert!(html.contains("&lt;script&gt;event()&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;file&amp;.toml:<wbr>1"));
        // The title and the charts' subtitles carry the name escaped too.
        assert!(html.contains("<title>&lt;b&gt;x&lt;/b&gt;"));
    }
}

#[test]
fn report_is_self_contained() {
    let run = run_file("solrod-2011-proposal-1.toml", 300);
    let html = render_html(&run.summary, None, &[], Lang::Da).unwrap();
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "@font-face",
        "url(",
        "http://",
        "https://",
    ] {
        // The SVG namespace declaration is the only URL-like text allowed.
        let count = lower.matches(forbidden).count();
        let allowed = if forbidden == "http://" {
            lower
                .matches("xmlns=\"http://www.w3.org/2000/svg\"")
                .count()
                + lower
                    .matches("xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                    .count()
        } else {
            0
        };
        assert_eq!(count, allowed, "{forbidden} in the report");
    }
    assert!(html.contains("@page"), "print style sheet");
    assert!(html.contains("size: A4"));
    assert!(html.contains("break-before: page"));
}

// ---------------------------------------------------------------------------
// Number formats
// ---------------------------------------------------------------------------

/// Amounts written before " kr." in the text outside the charts.
fn amounts(html: &str) -> Vec<String> {
    let text = without_svg(html);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find(" kr.") {
        let before = &rest[..i];
        let start = before
            .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
            .map(|j| j + 1)
            .unwrap_or(0);
        let number = &before[start..];
        // Ranges such as "2-8 kr." in the scenario's comments are not amounts.
        if number.chars().any(|c| c.is_ascii_digit()) && !number[1..].contains('-') {
            out.push(number.to_string());
        }
        rest = &rest[i + 4..];
    }
    out
}

fn is_grouped(number: &str, group: char, decimal: char) -> bool {
    let n = number.trim_start_matches('-');
    let (int, frac) = match n.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (n, None),
    };
    let groups: Vec<&str> = int.split(group).collect();
    let ok_int = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    let ok_frac = frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    ok_int && ok_frac
}

#[test]
fn numbers_follow_the_language() {
    let run = run_file("solrod-2011-proposal-1.toml", 500);
    let da = render_html(&run.summary, None, &[], Lang::Da).unwrap();
    let en = render_html(&run.summary, None, &[], Lang::En).unwrap();
    let da_amounts = amounts(&da);
    let en_amounts = amounts(&en);
    assert!(da_amounts.len() > 50, "{}", da_amounts.len());
    for a in &da_amounts {
        assert!(is_grouped(a, '.', ','), "Danish amount {a:?}");
    }
    for a in &en_amounts {
        assert!(is_grouped(a, ',', '.'), "English amount {a:?}");
    }
    // Millions in running text: "10,6 mio. kr." / "10.6 m kr.".
    assert!(da.contains(" mio. kr."));
    assert!(en.contains(" m kr."));
    // The annual savings' median in the per-year table, in both formats.
    let median = run.summary.metric("savings_kr")[0].p50;
    let da_kr = channelshift::i18n::format_kr(median, Lang::Da);
    let en_kr = channelshift::i18n::format_kr(median, Lang::En);
    assert!(table_rows(&da, "table-years")[1].contains(&da_kr));
    assert!(table_rows(&en, "table-years")[1].contains(&en_kr));
    // Percentages: decimal comma in Danish, a space before %.
    let hours_da = table_rows(&da, "table-hours");
    let hours_en = table_rows(&en, "table-hours");
    // Borgerservice counter 31.5 -> 23 hours (written 23,0 beside 31,5: one
    // precision per table), Thursday 16-18.30 weighted 1.5
    // (the engine's demand-weighted rho, not clock hours): H0 = 31.5 + 2.5 x 0.5
    // = 32.75, H1 = 23 + 2 x 0.5 = 24, rho = 1 - 24 / 32.75 = 26.7 %.
    assert!(
        hours_da[1].ends_with("| 31,5 | man-ons 10-14; tor 10-18; fre 10-13 | 23,0 | 26,7 %"),
        "{}",
        hours_da[1]
    );
    assert!(
        hours_en[1].ends_with("| 31.5 | Mon-Wed 10-14; Thu 10-18; Fri 10-13 | 23.0 | 26.7 %"),
        "{}",
        hours_en[1]
    );
    // Danish day names and distributions.
    assert!(
        da.contains("trekantfordeling (90; 120; 150)"),
        "Danish distribution"
    );
    assert!(da.contains("tor 9-18.30"));
    assert!(!da.contains("triangular("));
    assert!(en.contains("triangular("));
    // Goal probabilities appear in the goals table in both languages.
    let goals_da = table_rows(&da, "table-goals");
    assert_eq!(goals_da.len(), 1 + run.summary.goals.len());
    assert!(goals_da[1].contains("andel mindst 40 %"), "{}", goals_da[1]);
    let goals_en = table_rows(&en, "table-goals");
    assert!(
        goals_en[1].contains("share at least 40 %"),
        "{}",
        goals_en[1]
    );
    // The summary states the goals in words, with the end year (and, for a
    // goal judged on December's figure, "i december", as the terminal).
    let lines = outline(&da);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("li: ") && l.contains("»Selvbetjening 40 %: sygesikring« (andel mindst 40 % i december) nås i 2015 med sandsynlighed")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("li: Med 90 % sandsynlighed sparer forslaget mellem ")));
    // Assumptions: every input has a row.
    let n_inputs = run.summary.inputs.len();
    let rows = da.matches("<tr><td>").count();
    assert!(rows >= n_inputs);
}

// ---------------------------------------------------------------------------
// Optional sections: comparison, sensitivity, attribution
// ---------------------------------------------------------------------------

fn summary_of(x: f64, spread: f64) -> Summary {
    Summary {
        mean: x,
        sd: spread / 3.3,
        se: spread / 100.0,
        p5: x - spread,
        p25: x - spread / 2.0,
        p50: x,
        p75: x + spread / 2.0,
        p95: x + spread,
        min: x - 2.0 * spread,
        max: x + 2.0 * spread,
        ci95: channelshift::stats::PercentileCis::NAN,
    }
}

fn attribution_row(event: &str) -> AttributionRow {
    AttributionRow {
        event: event.to_string(),
        item: channelshift::summary::AttributionItem::Event,
        marginal_net_savings_kr: summary_of(1_250_000.0, 400_000.0),
        cost_kr: summary_of(300_000.0, 50_000.0),
        gross_savings_kr: summary_of(1_550_000.0, 420_000.0),
        goal_probability_change: vec![vec![None, Some(0.0), Some(0.25), Some(0.5), Some(0.125)]; 4],
    }
}

/// A run's report shows the sensitivity analysis and the attribution.
#[test]
fn sensitivity_and_attribution_are_reported() {
    let p1 = run_file("solrod-2011-proposal-1.toml", 400);
    let mut summary = p1.summary.clone();
    let rows: Vec<SensitivityRow> = summary
        .inputs
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, inp)| SensitivityRow {
            input: inp.key.clone(),
            unit: inp.unit.clone(),
            spearman: 0.6 - 0.05 * i as f64,
            contribution_to_variance: 0.3 - 0.02 * i as f64,
            median_when_low: 9_000_000.0 + 50_000.0 * i as f64,
            median_when_high: 12_000_000.0 - 50_000.0 * i as f64,
            swing: 3_000_000.0 - 100_000.0 * i as f64,
        })
        .collect();
    summary.sensitivity = Some(Sensitivity {
        metric: channelshift::metric_key::MetricKey::CumulativeNetSavings,
        year: 2015,
        output_median: 10_600_000.0,
        trials_used: 400,
        rows,
        correlations: vec![CorrelationCheck {
            a: InputKey::Price(Channel::Phone),
            b: InputKey::Price(Channel::Personal),
            declared: 0.5,
            achieved: 0.48,
        }],
    });
    summary.attribution = Some(vec![
        attribution_row("Kampagne: selvbetjening"),
        attribution_row("Digitale ambassadører"),
    ]);
    let html = render_html(&summary, None, &[], Lang::Da).unwrap();
    // Cost fan, histogram, S-curve, goals, citizens (Solrød tracks Digital
    // Post and completion), convergence, channel mix, tornado, attribution.
    assert_eq!(html.matches("<svg").count(), 9);
    for label in [
        "aria-label=\"Hvilke usikkerheder betyder mest?\"",
        "aria-label=\"Hvad bidrager hvert tiltag med?\"",
    ] {
        assert!(html.contains(label), "missing chart {label}");
    }
    if let Some(i) = html.find("class=\"chart-error\"") {
        panic!(
            "a chart failed to draw: {}",
            &html[i..(i + 300).min(html.len())]
        );
    }
    // Sensitivity: the ten most important inputs only.
    let sens = table_rows(&html, "table-sensitivity");
    assert_eq!(sens.len(), 11, "header + top ten");
    assert!(
        sens[1].contains("0,60 | 30,0 % | 9.000.000 kr. | 12.000.000 kr. | 3.000.000 kr."),
        "{}",
        sens[1]
    );
    let attr = table_rows(&html, "table-attribution");
    assert_eq!(attr.len(), 3);
    assert_eq!(
        attr[1],
        "Kampagne: selvbetjening | 1.250.000 kr. | 850.000 kr. | 1.650.000 kr. | 300.000 kr. | 1.550.000 kr."
    );
    assert!(
        html.contains("+13"),
        "goal probability change in percentage points"
    );
}

/// The bar labels of the report's chart titled `title`, top to bottom (by
/// the y of their `<text>`; a two-line label is its first line).
fn chart_labels_top_down(html: &str, title: &str, candidates: &[String]) -> Vec<String> {
    let start = html
        .find(&format!("aria-label=\"{title}\""))
        .unwrap_or_else(|| panic!("no chart {title}"));
    let svg = &html[start..start + html[start..].find("</svg>").expect("svg ends")];
    let mut found: Vec<(f64, String)> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        let tag_end = i + rest[i..].find('>').expect("tag ends");
        let tag = &rest[i..tag_end];
        let body_end = tag_end + rest[tag_end..].find("</text>").expect("text ends");
        let body = unescape(rest[tag_end + 1..body_end].trim());
        if let Some(name) = candidates.iter().find(|c| unescape(c) == body) {
            let y = tag.split(" y=\"").nth(1).and_then(|t| t.split('"').next());
            let y: f64 = y.expect("a y").parse().expect("a number");
            found.push((y, name.clone()));
        }
        rest = &rest[body_end..];
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, n)| n).collect()
}

/// The tornado chart and the sensitivity table beside it rank the inputs
/// alike: the table's order (largest share of variance first) is the
/// chart's order from the top, even where a lower input has the larger
/// swing, and the note under the table says which order both use.
#[test]
fn tornado_chart_and_sensitivity_table_share_one_order() {
    let p1 = run_file("solrod-2011-proposal-1.toml", 400);
    let mut summary = p1.summary.clone();
    // Share of variance falls down the rows; the swing does not: row 1 has
    // the smallest swing, row 4 the largest.
    let swings = [
        300_000.0,
        900_000.0,
        700_000.0,
        1_500_000.0,
        400_000.0,
        1_100_000.0,
    ];
    let rows: Vec<SensitivityRow> = summary
        .inputs
        .iter()
        .take(swings.len())
        .zip(swings)
        .enumerate()
        .map(|(i, (inp, swing))| SensitivityRow {
            input: inp.key.clone(),
            unit: inp.unit.clone(),
            spearman: 0.6 - 0.05 * i as f64,
            contribution_to_variance: 0.3 - 0.04 * i as f64,
            median_when_low: 10_000_000.0 - swing / 2.0,
            median_when_high: 10_000_000.0 + swing / 2.0,
            swing,
        })
        .collect();
    summary.sensitivity = Some(Sensitivity {
        metric: channelshift::metric_key::MetricKey::CumulativeNetSavings,
        year: 2015,
        output_median: 10_000_000.0,
        trials_used: 400,
        rows,
        correlations: vec![],
    });
    for (lang, title, order) in [
        (
            Lang::Da,
            "Hvilke usikkerheder betyder mest?",
            "Rækkefølge: størst andel af variansen først, som i figuren »Hvilke usikkerheder betyder mest?«.",
        ),
        (
            Lang::En,
            "Which uncertainties matter most?",
            "Order: largest share of variance first, as in the chart “Which uncertainties matter most?”.",
        ),
    ] {
        let html = render_html(&summary, None, &[], lang).unwrap();
        let table: Vec<String> = table_rows(&html, "table-sensitivity")
            .iter()
            .skip(1)
            .map(|r| r.split(" | ").next().unwrap().to_string())
            .collect();
        assert_eq!(table.len(), swings.len());
        let chart = chart_labels_top_down(&html, title, &table);
        assert_eq!(chart, table, "{lang:?}: the tornado's order from the top");
        assert!(squash(&unescape(&html)).contains(order), "{lang:?}: the order is stated");
    }
}

/// The runs of Solrød's two proposals and their comparison.
fn solrod_comparison(n: usize) -> (Run, Run, Comparison) {
    let p1 = run_file("solrod-2011-proposal-1.toml", n);
    let p2 = run_file("solrod-2011-proposal-2.toml", n);
    let comparison = {
        let runs = [&p1, &p2].map(|r| OptionRun {
            scenario: &r.scenario,
            layout: &r.layout,
            trials: &r.trials,
            summary: &r.summary,
        });
        Comparison::new(&runs, SEED)
    };
    (p1, p2, comparison)
}

/// A comparison's report is about the comparison, not its first option:
/// the title names it and its base, every option has its own section (its
/// name, its own key figures and goals, its hours), and the charts are the
/// options' four.
#[test]
fn comparison_report_has_a_section_for_every_option() {
    let (p1, p2, comparison) = solrod_comparison(400);
    let summaries = [p1.summary.clone(), p2.summary.clone()];
    let base = ComparedBase {
        name: "Solrød 2011: dagens åbningstider".into(),
        file: "solrod-2011.toml".into(),
        is_option: false,
    };
    for lang in Lang::ALL {
        let html = render_comparison_html(&comparison, &summaries, &base, lang).unwrap();
        let lines = outline(&html);
        let (title, h1, sections, figures, tables, method) = match lang {
            Lang::Da => (
                "<title>Sammenligning af 2 forslag – Solrød 2011: dagens åbningstider – Prognose for kanalomlægning</title>",
                "h1: Sammenligning af 2 forslag",
                ["h2: 1. Sammenfatning", "h2: 3. Antagelser", "h2: 4. Figurer", "h2: 5. Tabeller", "h2: 6. Sådan er tallene beregnet"],
                "Besparelse i",
                "Sandsynlighed for at nå målene pr. forslag og år",
                "h3: Sammenligning",
            ),
            Lang::En => (
                "<title>Comparison of 2 proposals – Solrød 2011: dagens åbningstider – Channel-shift forecast</title>",
                "h1: Comparison of 2 proposals",
                ["h2: 1. Summary", "h2: 3. Assumptions", "h2: 4. Charts", "h2: 5. Tables", "h2: 6. How the numbers are made"],
                "Savings in",
                "Probability of meeting the goals per proposal and year",
                "h3: Comparison",
            ),
        };
        assert!(
            html.contains(title),
            "{lang}: {}",
            &html[..html.find("</title>").unwrap()]
        );
        assert!(lines.iter().any(|l| l == h1), "{lang}");
        assert!(
            !lines.iter().any(|l| l.starts_with("h1: Solrød")),
            "{lang}: titled after an option"
        );
        assert!(
            html.contains("solrod-2011.toml"),
            "{lang}: the base file is named"
        );
        for h in sections {
            assert!(lines.iter().any(|l| l == h), "{lang}: no {h}");
        }
        assert!(lines.iter().any(|l| l == method), "{lang}: {method}");
        assert!(lines.iter().any(|l| l.contains(tables)), "{lang}");
        assert!(
            html.contains(&format!("aria-label=\"{figures} 2015 ")),
            "{lang}: the options' savings chart"
        );
        // One section per option, in order, each with the option's own
        // figures: its savings in the end year (median) in a key figure,
        // its goals, its weekly hours.
        let mut at = 0;
        for (i, (o, s)) in comparison.options.iter().zip(&summaries).enumerate() {
            let id = format!("<section class=\"major option\" id=\"option-{}\">", i + 1);
            let start = html[at..]
                .find(&id)
                .map(|j| at + j)
                .unwrap_or_else(|| panic!("{lang}: {id}"));
            let end = start + html[start..].find("</section>").unwrap();
            at = end;
            let section = &html[start..end];
            let heading = format!("<h2>2.{} {}</h2>", i + 1, o.name);
            assert!(section.contains(&heading), "{lang}: {heading}");
            let savings =
                channelshift::i18n::format_money(o.years.last().unwrap().savings_kr.p50, lang);
            // (The amount is kept on one line with its unit: a nowrap span.)
            let figure = format!("<div class=\"value\"><span class=\"nw\">{savings}</span></div>");
            assert!(section.contains(&figure), "{lang} {}: {figure}", o.name);
            assert_eq!(
                section.matches("<span class=\"badge ").count(),
                s.goals.len(),
                "{lang} {}",
                o.name
            );
            for g in &s.goals {
                let p = g.probability.last().unwrap().unwrap();
                let badge = channelshift::i18n::format_probability(p, lang).replace('<', "&lt;");
                let goal = format!("{badge}</span><span>{} (", g.name);
                assert!(section.contains(&goal), "{lang} {}: {goal}", o.name);
            }
            for r in o
                .hours
                .iter()
                .filter(|r| r.proposal_hours_per_week.is_some())
            {
                assert!(
                    section.contains(&format!("<td>{}</td>", r.department)),
                    "{lang}"
                );
            }
            // Where the option's displaced contacts go, with the share of
            // its savings that the avoided ones are, valued at full price.
            let share = channelshift::i18n::format_pct(s.avoided_savings_share().unwrap(), 0, lang);
            let avoided = match lang {
                Lang::Da => format!(
                    "(svar andetsteds eller opgivet; til fuld pris {share} af besparelsen)."
                ),
                Lang::En => format!(
                    "(answer found elsewhere or given up; at full price {share} of the savings)."
                ),
            };
            assert!(section.contains(&avoided), "{lang} {}: {avoided}", o.name);
            // The staffing rows say the agents are an average, and the
            // note says why they rise beside a saving.
            let (erlang, why) = match lang {
                Lang::Da => (
                    "<td>Gns. medarbejdere pr. åben time</td>",
                    "ingen modstrid med besparelsen: lønnen følger medarbejdere gange timer",
                ),
                Lang::En => (
                    "<td>Average agents per open hour</td>",
                    "no contradiction with the saving: the wage follows agents times hours",
                ),
            };
            assert!(section.contains(erlang), "{lang} {}", o.name);
            assert!(section.contains(why), "{lang} {}", o.name);
            // No other option's name in its heading.
            for other in comparison.options.iter().filter(|x| x.name != o.name) {
                assert!(!section.contains(&format!("<h2>2.{} {}</h2>", i + 1, other.name)));
            }
        }
        // The options' charts only: savings, cumulative, hours, S-curve.
        assert_eq!(html.matches("<svg").count(), 4, "{lang}");
        assert!(!html.contains("class=\"chart-error\""), "{lang}");
        // The options side by side and the pair in words.
        let options = table_rows(&html, "table-options");
        assert_eq!(options.len(), 1 + 2 * p1.summary.years.len());
        assert!(options[1].starts_with("Forslag 1 | 2011 | "));
        let hours = table_rows(&html, "table-options-hours");
        assert!(
            hours[0].ends_with("| Forslag 1 | Forslag 2"),
            "{}",
            hours[0]
        );
    }
    // One sentence for the pair, from the side of the option that saves more.
    let html = render_comparison_html(&comparison, &summaries, &base, Lang::Da).unwrap();
    let lines = outline(&html);
    let pair: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("giver en større akkumuleret nettobesparelse end"))
        .collect();
    assert_eq!(pair.len(), 1, "{pair:#?}");
    let p12 = comparison.pairwise[0].years[4].prob_a_cumulative_more;
    let expected = if p12 >= 0.5 {
        "li: »Forslag 1« giver en større akkumuleret nettobesparelse end »Forslag 2« til og med 2015 i "
    } else {
        "li: »Forslag 2« giver en større akkumuleret nettobesparelse end »Forslag 1« til og med 2015 i "
    };
    assert!(pair[0].starts_with(expected), "{}", pair[0]);
}

/// `compare --breakdown --report`: the report's per-option breakdown has
/// one column per option, and each cell is that option's mean savings in
/// the end year for the group, as comparison.json has it; the total row
/// adds the groups up. Each option has its own section with its name.
#[test]
fn compare_report_breaks_savings_down_per_option_as_comparison_json() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["da", "en"] {
        let out = dir.path().join(lang);
        let run = common::bin()
            .arg("compare")
            .arg(scenario_path("solrod-2011.toml"))
            .arg(scenario_path("solrod-2011-proposal-1.toml"))
            .arg(scenario_path("solrod-2011-proposal-2.toml"))
            .args([
                "--trials",
                "300",
                "--breakdown",
                "--report",
                "--no-charts",
                "--quiet",
            ])
            .args(["--lang", lang, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("comparison.json")).unwrap()).unwrap();
        let options = json["options"].as_array().unwrap();
        assert_eq!(options.len(), 2);
        let lang_ = if lang == "da" { Lang::Da } else { Lang::En };
        for (i, o) in options.iter().enumerate() {
            let name = o["name"].as_str().unwrap();
            let n = i + 1;
            let section = format!(
                "<section class=\"major option\" id=\"option-{n}\">\n<h2>2.{n} {name}</h2>"
            );
            assert!(html.contains(&section), "{lang}: section of {name}");
        }
        for (id, kind) in [
            ("table-options-by-department", "by_department"),
            ("table-options-by-type", "by_contact_type"),
        ] {
            let rows = table_rows(&html, id);
            let head: Vec<&str> = rows[0].split(" | ").collect();
            assert_eq!(head.len(), 1 + options.len(), "{lang} {id}: {}", rows[0]);
            for (o, h) in options.iter().zip(&head[1..]) {
                assert_eq!(o["name"].as_str().unwrap(), *h);
            }
            let groups = options[0]["breakdown"][kind].as_array().unwrap();
            assert!(groups.len() >= 3, "{kind}");
            assert_eq!(
                rows.len(),
                1 + groups.len() + 1,
                "{lang} {id}: header, groups, total"
            );
            for (g, row) in groups.iter().zip(&rows[1..]) {
                let cells: Vec<&str> = row.split(" | ").collect();
                assert_eq!(cells.len(), 1 + options.len(), "{row}");
                for (k, o) in options.iter().enumerate() {
                    let group = o["breakdown"][kind]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|x| x["name"] == g["name"])
                        .unwrap();
                    let savings = group["savings_kr"].as_array().unwrap().last().unwrap()["mean"]
                        .as_f64()
                        .unwrap();
                    assert_eq!(
                        cells[1 + k],
                        channelshift::i18n::format_kr(savings, lang_),
                        "{lang} {id} {row}"
                    );
                }
            }
            let total: Vec<&str> = rows.last().unwrap().split(" | ").collect();
            for (k, o) in options.iter().enumerate() {
                let sum: f64 = o["breakdown"][kind]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|g| {
                        g["savings_kr"].as_array().unwrap().last().unwrap()["mean"]
                            .as_f64()
                            .unwrap()
                    })
                    .sum();
                assert_eq!(
                    total[1 + k],
                    channelshift::i18n::format_kr(sum, lang_),
                    "{lang} {id}"
                );
                assert!(sum > 0.0);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The Excel workbook
// ---------------------------------------------------------------------------

#[test]
fn workbook_opens_and_holds_the_worked_example() {
    let run = run_file("model-worked-example-hours.toml", 30);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("result.xlsx");
    let engine = Engine::new(&run.scenario, SEED);
    write_xlsx(&run.summary, &engine, &run.trials, &path, Lang::Da, 10_000).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left");

    let mut wb: Xlsx<_> = open_workbook(&path).expect("the workbook opens");
    let names = wb.sheet_names();
    assert_eq!(
        names,
        vec![
            "Pr. år",
            "Tilbagebetaling",
            "Antagelser",
            "Åbningstider",
            "Simuleringer"
        ]
    );

    // Per-year summary: header in row 4, then one row per metric and year.
    let years = wb.worksheet_range("Pr. år").unwrap();
    let header: Vec<String> = years.rows().nth(3).unwrap().iter().map(cell_str).collect();
    assert_eq!(
        &header[..5],
        ["Størrelse", "Nøgle", "Enhed", "År", "Gennemsnit"]
    );
    assert!(header.contains(&"P50 (median)".to_string()));
    let find = |key: &str, year: f64| -> Vec<Data> {
        years
            .rows()
            .find(|r| cell_str(&r[1]) == key && cell_f64(&r[3]) == Some(year))
            .unwrap_or_else(|| panic!("no row {key} {year}"))
            .to_vec()
    };
    let p50 = header.iter().position(|h| h == "P50 (median)").unwrap();
    let sq = find("cost_status_quo_kr", 2011.0);
    assert_eq!(cell_str(&sq[0]), "Omkostning, status quo");
    assert_eq!(cell_f64(&sq[4]), Some(610_000.0));
    assert_eq!(cell_f64(&sq[p50]), Some(610_000.0));
    let sc = find("cost_scenario_kr", 2015.0);
    assert!((cell_f64(&sc[p50]).unwrap() - 535_428.57).abs() < 0.005);
    let sv = find("savings_kr", 2013.0);
    assert!((cell_f64(&sv[4]).unwrap() - 74_571.43).abs() < 0.005);
    let cum = find("cumulative_net_savings_kr", 2015.0);
    assert!((cell_f64(&cum[p50]).unwrap() - 372_857.14).abs() < 0.01);

    // Number formats: kr. for amounts.
    let styles = wb.worksheet_style("Pr. år").unwrap();
    let row_sc = years
        .rows()
        .position(|r| cell_str(&r[1]) == "cost_scenario_kr")
        .unwrap() as u32;
    let (r0, c0) = years.start().unwrap();
    let style = styles
        .get((r0 + row_sc, c0 + 4))
        .expect("style of the mean");
    assert_eq!(
        style.number_format.as_ref().map(|f| f.format_code.as_str()),
        Some("#,##0 \"kr.\"")
    );

    // Per-trial sample: one row per trial and year.
    let t = wb.worksheet_range("Simuleringer").unwrap();
    assert_eq!(t.height(), 1 + 30 * 5);
    let head: Vec<String> = t.rows().next().unwrap().iter().map(cell_str).collect();
    assert_eq!(
        &head[..7],
        [
            "Simulering nr.",
            "År",
            "Omkostning, status quo",
            "Omkostning, scenarie",
            "Besparelse",
            "Akkumuleret nettobesparelse",
            "Nettonutidsværdi"
        ]
    );
    let last = t.rows().next_back().unwrap();
    assert_eq!(cell_f64(&last[0]), Some(29.0));
    assert_eq!(cell_f64(&last[1]), Some(2015.0));
    assert_eq!(cell_f64(&last[2]), Some(610_000.0));
    assert!((cell_f64(&last[3]).unwrap() - 535_428.57).abs() < 0.005);
    assert_eq!(cell_f64(&last[7]), Some(2011.0), "payback year");
    // Beside the outcomes, the cost components and the savings by source
    // (MODEL.md section 12): 4,000 counter contacts lose 13.5 of 31.5 hours,
    // 1,714.29 displaced; 0.1 of them avoided at 100 kr. = 17,142.86 kr.,
    // 0.3 to self-service (95 kr. cheaper) and 0.1 to the phone (50 kr.
    // cheaper) = 57,428.57 kr.; together the savings, 74,571.43 kr.
    let col = |name: &str| {
        head.iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {head:?}"))
    };
    assert_eq!(
        cell_f64(&last[col("Ekspeditionsomkostning, status quo")]),
        Some(610_000.0)
    );
    let scenario_handling = cell_f64(&last[col("Ekspeditionsomkostning, scenarie")]).unwrap();
    assert!(
        (scenario_handling - 535_428.57).abs() < 0.01,
        "{scenario_handling}"
    );
    assert_eq!(
        cell_f64(&last[col("Åbningsomkostning, scenarie")]),
        Some(0.0)
    );
    let avoided = cell_f64(&last[col("Besparelse: henvendelser der bliver væk")]).unwrap();
    assert!((avoided - 17_142.857).abs() < 0.01, "{avoided}");
    let shifted = cell_f64(&last[col("Besparelse: henvendelser i billigere kanaler")]).unwrap();
    assert!((shifted - 57_428.571).abs() < 0.01, "{shifted}");
    assert!((avoided + shifted - cell_f64(&last[4]).unwrap()).abs() < 0.01);
    // No uncertain inputs, so no input columns: the 8 outcomes and 13 parts.
    assert_eq!(head.len(), 8 + 13);

    // Opening hours in Danish.
    let h = wb.worksheet_range("Åbningstider").unwrap();
    let row: Vec<String> = h.rows().nth(1).unwrap().iter().map(cell_str).collect();
    assert_eq!(row[2], "man-ons 9-15; tor 9-18.30; fre 9-13");
    assert_eq!(row[3], "31.5");
    assert_eq!(row[5], "18");
}

#[test]
fn workbook_in_english_with_goals_inputs_and_a_trial_limit() {
    let run = run_file("solrod-2011-proposal-1.toml", 300);
    let mut summary = run.summary.clone();
    summary.sensitivity = Some(Sensitivity {
        metric: channelshift::metric_key::MetricKey::CumulativeNetSavings,
        year: 2015,
        output_median: 1.0,
        trials_used: 300,
        rows: vec![SensitivityRow {
            input: InputKey::Price(Channel::Phone),
            unit: "kr. per contact".into(),
            spearman: 0.7,
            contribution_to_variance: 0.5,
            median_when_low: 1.0,
            median_when_high: 2.0,
            swing: 1.0,
        }],
        correlations: vec![],
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("result.xlsx");
    let engine = Engine::new(&run.scenario, SEED);
    write_xlsx(&summary, &engine, &run.trials, &path, Lang::En, 7).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec![
            "By year",
            "Payback",
            "Goals",
            "Inputs",
            "Opening hours",
            "Sensitivity",
            "Trials"
        ]
    );
    // The staffed phone's agents per open hour are labelled as an average,
    // and a note under the table says why they rise beside a saving.
    let by_year = wb.worksheet_range("By year").unwrap();
    let cells: Vec<String> = by_year.rows().map(|r| cell_str(&r[0])).collect();
    assert!(
        cells.contains(&"Staffing BSA phone, scenario: average agents per open hour".into()),
        "{cells:?}"
    );
    assert_eq!(
        cells.iter().rev().find(|c| !c.is_empty()).unwrap(),
        "Average agents per open hour: agent-hours ÷ open hours, how many must answer at once, not the number of employees. It rises when the same calls come in fewer hours (Erlang C); no contradiction with the saving: the wage follows agents times hours."
    );
    let t = wb.worksheet_range("Trials").unwrap();
    assert_eq!(t.height(), 1 + 7 * 5, "7 trials x 5 years");
    let head: Vec<String> = t.rows().next().unwrap().iter().map(cell_str).collect();
    assert_eq!(head[0], "Trial no.");
    let (n_goals, n_inputs) = (summary.goals.len(), summary.inputs.len());
    assert_eq!(head.len(), 8 + n_goals + 13 + n_inputs);
    assert_eq!(head[8], format!("Goal: {}", summary.goals[0].name));
    assert_eq!(head[8 + n_goals], "Handling cost, status quo");
    assert_eq!(
        head[8 + n_goals + 12],
        "Savings: outbound mail (Digital Post)"
    );
    let first_input = 8 + n_goals + 13;
    assert_eq!(
        head[first_input],
        "Input: Population growth (population.growth)"
    );
    assert_eq!(
        head.last().unwrap(),
        &format!(
            "Input: {} ({})",
            channelshift::report::chart_data::summary_input_label(
                &summary,
                &summary.inputs[n_inputs - 1].key,
                Lang::En
            ),
            summary.inputs[n_inputs - 1].key
        )
    );
    // The trial rows are the engine's rows.
    let l = &run.layout;
    let row3 = t.rows().nth(1 + 3 * 5 + 4).unwrap();
    assert_eq!(cell_f64(&row3[0]), Some(3.0));
    assert_eq!(cell_f64(&row3[1]), Some(2015.0));
    assert_eq!(
        cell_f64(&row3[4]),
        Some(run.trials.core[3 * l.core_len + l.slots.savings + 4])
    );
    assert_eq!(
        cell_f64(&row3[8]),
        Some(run.trials.core[3 * l.core_len + l.slots.goals[0] + 4])
    );
    // The cost components are the trial's own (f32 slots, widened).
    let detail = |slot: usize| f64::from(run.trials.detail[3 * l.detail_len + slot + 4]);
    assert_eq!(
        cell_f64(&row3[8 + n_goals]),
        Some(detail(l.slots.handling[0]))
    );
    assert_eq!(
        cell_f64(&row3[8 + n_goals + 7]),
        Some(detail(l.slots.outbound[1]))
    );
    // The input columns are the draws the engine made in trial 3, on each of
    // its year rows; the savings they gave are the trial's savings.
    let mut uniforms = vec![0.0; n_inputs];
    let mut draws = vec![0.0; n_inputs];
    engine.input_values(3, &mut uniforms, &mut draws);
    for (j, x) in draws.iter().enumerate() {
        for y in 0..5 {
            let r = t.rows().nth(1 + 3 * 5 + y).unwrap();
            assert_eq!(
                cell_f64(&r[first_input + j]),
                Some(*x),
                "input {j}, year {y}"
            );
        }
    }
    // Trial 3's population growth is not trial 4's: each row has its own draws.
    let row4 = t.rows().nth(1 + 4 * 5).unwrap();
    assert_ne!(cell_f64(&row4[first_input]), cell_f64(&row3[first_input]));

    let g = wb.worksheet_range("Goals").unwrap();
    let row: Vec<Data> = g
        .rows()
        .find(|r| cell_str(&r[0]) == summary.goals[0].name && cell_f64(&r[3]) == Some(2015.0))
        .unwrap()
        .to_vec();
    assert_eq!(cell_f64(&row[4]), Some(0.4));
    assert_eq!(cell_f64(&row[5]), summary.goals[0].probability[4]);
    // The first-year table: the shares by first year, those never met, and
    // the goal's last year with the probability of meeting it then (a
    // trial may meet a goal early and miss it later), then a note.
    let title = g
        .rows()
        .position(|r| {
            cell_str(&r[0]) == "First year a simulation meets the goal (share of simulations)"
        })
        .unwrap();
    let head: Vec<String> = g
        .rows()
        .nth(title + 1)
        .unwrap()
        .iter()
        .map(cell_str)
        .collect();
    assert_eq!(
        &head[..9],
        [
            "Goal",
            "2011",
            "2012",
            "2013",
            "2014",
            "2015",
            "Never met",
            "The goal's last year",
            "Met in the goal's last year"
        ]
    );
    for (k, goal) in summary.goals.iter().enumerate() {
        let r: Vec<Data> = g.rows().nth(title + 2 + k).unwrap().to_vec();
        assert_eq!(cell_str(&r[0]), goal.name);
        assert_eq!(
            cell_f64(&r[6]),
            goal.first_year_met
                .get(&FirstMet::NotMet)
                .copied()
                .or(Some(0.0))
        );
        assert_eq!(cell_f64(&r[7]), Some(2015.0));
        assert_eq!(cell_f64(&r[8]), goal.probability[4]);
    }
    let note = cell_str(&g.rows().nth(title + 2 + summary.goals.len()).unwrap()[0]);
    assert!(
        note.starts_with("A simulation that meets a goal may miss it again"),
        "{note}"
    );

    let inputs = wb.worksheet_range("Inputs").unwrap();
    assert_eq!(inputs.height(), 1 + summary.inputs.len());
    let first: Vec<String> = inputs.rows().nth(1).unwrap().iter().map(cell_str).collect();
    assert_eq!(first[0], summary.inputs[0].key.to_string());
    assert_eq!(first[1], summary.inputs[0].distribution);
    assert_eq!(first[5], summary.inputs[0].location);

    let years = wb.worksheet_range("By year").unwrap();
    let header: Vec<String> = years.rows().nth(3).unwrap().iter().map(cell_str).collect();
    assert_eq!(&header[..5], ["Metric", "Key", "Unit", "Year", "Mean"]);
    let share_row = years
        .rows()
        .position(|r| cell_str(&r[1]) == "digital_share_scenario")
        .unwrap() as u32;
    let styles = wb.worksheet_style("By year").unwrap();
    let (r0, c0) = years.start().unwrap();
    assert_eq!(
        styles
            .get((r0 + share_row, c0 + 4))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.as_str()),
        Some("0.0%")
    );
}

/// A text full of markup characters for field `tag` of a scenario file, as
/// a TOML string.
fn marked(tag: &str) -> String {
    format!("\"<b>{tag}</b> & \\\"{tag}\\\" '{tag}'\"")
}

/// Where every place a report shows text from a scenario file, the text
/// comes out escaped: the scenario's and the proposal's name and
/// description, department labels, area, goal and event names, in a run's
/// report and a comparison's, in both languages. Built from the Solrød
/// files with their names replaced (a proposal file and the file it
/// extends, in a temporary directory).
#[test]
fn markup_in_scenario_texts_is_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let read = |name: &str| std::fs::read_to_string(scenario_path(name)).unwrap();
    let base = read("solrod-2011.toml")
        .replace("\"Borgerservice\"", &marked("DEPT"))
        .replace("\"Pas og kørekort\"", &marked("AREA"))
        .replace("\"Flytning\"", &marked("MOVE"))
        .replace("\"Selvbetjening 40 %: flytning\"", &marked("GOAL"))
        .replace("\"Strategiens tiltag 2011\"", &marked("EVENT"));
    std::fs::write(dir.path().join("solrod-2011.toml"), &base).unwrap();
    let option = |file: &str, tag: &str| {
        let text = read(file)
            .replacen(
                "name = \"Solrød 2011: Forslag",
                &format!("name = {}#", marked(tag)),
                1,
            )
            .replacen(
                "\nname = \"Forslag",
                &format!("\nname = {}#", marked(&format!("{tag}OPTION"))),
                1,
            )
            .replacen(
                "\ndescription = \"",
                &format!("\ndescription = {}#", marked(&format!("{tag}TEXT"))),
                2,
            );
        let path = dir.path().join(file);
        std::fs::write(&path, &text).unwrap();
        let s = Scenario::from_text(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        run_scenario(s, 300)
    };
    let p1 = option("solrod-2011-proposal-1.toml", "P1");
    let p2 = option("solrod-2011-proposal-2.toml", "P2");
    let runs = [&p1, &p2].map(|r| OptionRun {
        scenario: &r.scenario,
        layout: &r.layout,
        trials: &r.trials,
        summary: &r.summary,
    });
    let comparison = Comparison::new(&runs, SEED);
    let summaries = [p1.summary.clone(), p2.summary.clone()];
    let tags = [
        "DEPT", "AREA", "MOVE", "GOAL", "EVENT", "P1", "P1OPTION", "P1TEXT", "P2OPTION",
    ];
    for lang in Lang::ALL {
        for (html, compared) in [
            (render_html(&p1.summary, None, &[], lang).unwrap(), false),
            (
                render_html(&p1.summary, Some(&comparison), &summaries, lang).unwrap(),
                true,
            ),
        ] {
            // No markup from the scenario files, and no quote that ends an
            // attribute early.
            assert!(!html.contains("<b>") && !html.contains("</b>"), "{lang}");
            for tag in tags {
                // A comparison's heading names the options instead of the
                // scenario; a run's report names no other option; events
                // are named only with attribution.
                let shown = match tag {
                    "P1" | "P1TEXT" => !compared,
                    "P2OPTION" => compared,
                    "EVENT" => false,
                    _ => true,
                };
                let escaped = format!("&lt;b&gt;{tag}&lt;/b&gt; &amp; &quot;{tag}&quot; '{tag}'");
                assert!(
                    !shown || html.contains(&escaped),
                    "{tag} not shown escaped ({lang})"
                );
                // Every occurrence is part of the escaped text.
                for (i, _) in html.match_indices(tag) {
                    let before = &html[..i];
                    assert!(
                        before.ends_with("&lt;b&gt;")
                            || before.ends_with("&quot;")
                            || before.ends_with('\'')
                            || before.ends_with("&apos;") // the SVG charts' escape
                            || before.ends_with("&lt;/b&gt;")
                            || html[i + tag.len()..].starts_with("OPTION")
                            || html[i + tag.len()..].starts_with("TEXT"),
                        "{tag} unescaped ({lang}): …{}…",
                        &html[i.saturating_sub(80)..(i + 40).min(html.len())]
                    );
                }
            }
        }
    }
}

/// The options' hours chart shows today's hours of every department any
/// option has, not only the first option's: Teknik, which only the second
/// option adds (30 hours today, 15 under it), gets its "today" bar.
#[test]
fn the_option_hours_chart_has_every_options_departments() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p1-teknik.toml");
    std::fs::write(
        &file,
        format!(
            "extends = {:?}\n\n[[departments]]\nname = \"Teknik\"\nlabel = \"Teknik og miljø\"\n\
             hours.counter = \"Mon-Fri 9-15\"\n\n[[areas]]\nname = \"Byggesag\"\n\
             department = \"Teknik\"\nvolume_per_1000 = 150\n\
             mix.transaction = {{ personal = 0.5, phone = 0.5 }}\n\n\
             [proposal.hours.Teknik]\ncounter = \"Mon-Fri 10-13\"\n",
            scenario_path("solrod-2011-proposal-1.toml")
                .display()
                .to_string()
        ),
    )
    .unwrap();
    let p2 = run_file("solrod-2011-proposal-2.toml", 20);
    let teknik = run_scenario(Scenario::from_file(&file).unwrap(), 20);
    let runs = [&p2, &teknik].map(|r| OptionRun {
        scenario: &r.scenario,
        layout: &r.layout,
        trials: &r.trials,
        summary: &r.summary,
    });
    let comparison = Comparison::new(&runs, SEED);
    let data = channelshift::report::chart_data::option_comparison(&comparison, Lang::En);
    let today: Vec<(&str, f64)> = data
        .current_hours
        .iter()
        .map(|h| (h.department.as_str(), h.hours_per_week))
        .collect();
    assert_eq!(today.len(), 7, "{today:?}");
    assert_eq!(today[6], ("Teknik og miljø", 30.0));
    assert!(data.options[0]
        .hours
        .iter()
        .all(|h| h.department != "Teknik og miljø"));
    let under_option = data.options[1]
        .hours
        .iter()
        .find(|h| h.department == "Teknik og miljø")
        .unwrap();
    assert_eq!(under_option.hours_per_week, 15.0);
}

/// A comparison report gives every option's goal probabilities per year,
/// not only the first option's: one row per option and goal, each with the
/// option's own probability in the end year.
#[test]
fn comparison_report_has_every_options_goals() {
    let p1 = run_file("solrod-2011-proposal-1.toml", 200);
    let p2 = run_file("solrod-2011-proposal-2.toml", 200);
    let runs = [&p1, &p2].map(|r| OptionRun {
        scenario: &r.scenario,
        layout: &r.layout,
        trials: &r.trials,
        summary: &r.summary,
    });
    let comparison = Comparison::new(&runs, SEED);
    let summaries = [p1.summary.clone(), p2.summary.clone()];
    for lang in Lang::ALL {
        let html = render_html(&p1.summary, Some(&comparison), &summaries, lang).unwrap();
        let at = html
            .find("id=\"table-options-goals\"")
            .expect("the options' goal table");
        let table = &html[at..at + html[at..].find("</table>").unwrap()];
        let mut rows = 0;
        for o in &comparison.options {
            assert!(!o.goals.is_empty(), "{}", o.name);
            for g in &o.goals {
                let head = format!("<tr><td>{}</td><td>{}</td>", o.name, g.name);
                let start = table.find(&head).unwrap_or_else(|| panic!("{head}"));
                let row = &table[start..start + table[start..].find("</tr>").unwrap()];
                let last = g.probability.last().unwrap().unwrap();
                let cell = format!(
                    "<td class=\"num nw\">{}</td></tr",
                    channelshift::i18n::format_probability(last, lang).replace('<', "&lt;")
                );
                assert!(format!("{row}</tr").ends_with(&cell), "{row} vs {cell}");
                rows += 1;
            }
        }
        assert_eq!(table.matches("<tr><td>").count(), rows, "{lang}");
        assert!(rows >= 12, "{rows}");
    }
}

/// The report's first-year table (Solrød Proposal 1, whose completion-rate
/// goal is met in 2011 in about a third of the trials and in 2015 in
/// fewer): after the shares by first year and "never met", the
/// probability of meeting each goal in its last year, and a note that an
/// early first year is no success in itself; in Danish and English.
#[test]
fn first_year_table_ends_with_the_probability_in_the_goals_last_year() {
    use channelshift::i18n::format_probability;
    let run = run_file("solrod-2011-proposal-1.toml", 2000);
    let s = &run.summary;
    let completion = s
        .goals
        .iter()
        .find(|g| g.name == "50 % gennemfører selvbetjeningen digitalt")
        .unwrap();
    let (p2011, p2015) = (
        completion.probability[0].unwrap(),
        completion.probability[4].unwrap(),
    );
    assert!(p2011 > p2015 && p2011 > 0.2, "{p2011} {p2015}");
    for (lang, caption, never, last, note) in [
        (
            Lang::En,
            "First year a simulation meets the goal (share of simulations)",
            "Never met",
            "Met in the goal's last year",
            "A simulation that meets a goal may miss it again in a later year, so an early first year is no success in itself",
        ),
        (
            Lang::Da,
            "Første år målet nås i en simulering (andel af simuleringerne)",
            "Aldrig nået",
            "Nået i målets sidste år",
            "En simulering, der når et mål, kan miste det igen et senere år, så et tidligt første år er ikke i sig selv en succes",
        ),
    ] {
        let html = render_html(s, None, &[], lang).unwrap();
        let lines = outline(&html);
        assert!(lines.contains(&format!("caption: {caption}")), "{lang:?}");
        let rows = table_rows(&html, "table-goals-first");
        assert!(
            rows[0].ends_with(&format!("2015 | {never} | {last}")),
            "{lang:?}: {}",
            rows[0]
        );
        for g in &s.goals {
            let row = rows
                .iter()
                .find(|r| r.starts_with(&format!("{} |", g.name)))
                .unwrap();
            let share = |k: FirstMet| {
                format_probability(g.first_year_met.get(&k).copied().unwrap_or(0.0), lang)
            };
            let expected = format!(
                "{} | {} | 2015: {}",
                share(FirstMet::Year(2015)),
                share(FirstMet::NotMet),
                format_probability(g.probability[4].unwrap(), lang)
            );
            assert!(row.ends_with(&squash(&expected)), "{lang:?}: {row} vs {expected}");
        }
        assert!(squash(&unescape(&html)).contains(note), "{lang:?}");
    }
}

/// A goal judged on December's figure (`at = "year_end"`) says so in the
/// report as on the terminal and in the goal chart: the goal table's
/// condition, the goal's sentence in the summary and the label of its
/// figures (December's) all carry "i december" / "in December"; a goal
/// judged on the whole year does not. Solrød Proposal 1's "Selvbetjening
/// 40 %: sygesikring" is judged in December, as its terminal label
/// "(≥ 40 % in December)" says.
#[test]
fn year_end_goals_say_in_december_in_the_report_as_on_the_terminal() {
    use channelshift::report::chart_data::goal_row_label;
    let run = run_file("solrod-2011-proposal-1.toml", 200);
    let s = &run.summary;
    let goal = "Selvbetjening 40 %: sygesikring";
    let g = s.goals.iter().find(|g| g.name == goal).unwrap();
    assert!(g.year_end);
    for (lang, terminal, condition, sentence, values, method) in [
        (
            Lang::Da,
            "Selvbetjening 40 %: sygesikring (≥ 40 % i december)",
            "andel mindst 40 % i december",
            "Målet »Selvbetjening 40 %: sygesikring« (andel mindst 40 % i december) nås i 2015",
            "Selvbetjening 40 %: sygesikring (i december)",
            "et mål »i december« bedømmes alene på decembers tal",
        ),
        (
            Lang::En,
            "Selvbetjening 40 %: sygesikring (≥ 40 % in December)",
            "share at least 40 % in December",
            "The goal “Selvbetjening 40 %: sygesikring” (share at least 40 % in December) is met in 2015",
            "Selvbetjening 40 %: sygesikring (in December)",
            "a goal \"in December\" is judged on December's figure alone",
        ),
    ] {
        // The terminal's (and the goal chart's) label, which the report follows.
        assert_eq!(goal_row_label(g, lang), terminal, "{lang:?}");
        let html = render_html(s, None, &[], lang).unwrap();
        let rows = table_rows(&html, "table-goals");
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("{goal} |")))
            .unwrap_or_else(|| panic!("{lang:?}: {rows:?}"));
        assert!(
            row.starts_with(&format!("{goal} | {condition} |")),
            "{lang:?}: {row}"
        );
        let text = squash(&unescape(&without_svg(&html))).replace('\u{a0}', " ");
        assert!(text.contains(sentence), "{lang:?}: {sentence}");
        // The method section says how such a goal is judged.
        assert!(text.contains(method), "{lang:?}: {method}");
        let lines = outline(&html);
        assert!(
            lines
                .iter()
                .any(|l| l.replace('\u{a0}', " ").starts_with(&format!("tr: {values} | "))),
            "{lang:?}: {values}"
        );
    }
    // A goal over the whole year keeps its plain condition.
    let year = run_file("copenhagen-2009.toml", 200);
    let g = year.summary.goals.iter().find(|g| !g.year_end).unwrap();
    for lang in Lang::ALL {
        let html = render_html(&year.summary, None, &[], lang).unwrap();
        let rows = table_rows(&html, "table-goals");
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("{} |", g.name)))
            .unwrap_or_else(|| panic!("{lang:?}: {rows:?}"));
        assert!(!row.to_lowercase().contains("december"), "{lang:?}: {row}");
    }
}

/// Lyngby-Taarbæk's savings on outbound mail fall in 2015 because the
/// external "Digital Post obligatorisk for borgere" (November 2014) lifts
/// the status quo's Digital Post registration to the same floor as the
/// scenario's: the report says so under the table that shows the fall, with
/// the table's own numbers, in Danish and English. Without the law the
/// savings keep rising and the note is gone.
#[test]
fn the_fall_in_outbound_mail_savings_is_explained_by_the_digital_post_law() {
    use channelshift::i18n::format_kr;
    let run = run_file("lyngby-taarbaek-2015.toml", 500);
    let s = &run.summary;
    let outbound: Vec<f64> = s
        .metric("savings_outbound_mail_kr")
        .iter()
        .map(|q| q.mean)
        .collect();
    assert_eq!(s.years, [2011, 2012, 2013, 2014, 2015]);
    // The fall itself: the 2015 savings are a small fraction of 2014's.
    assert!(
        outbound[3] > 300_000.0 && outbound[4] < outbound[3] / 10.0,
        "{outbound:?}"
    );
    for (lang, note) in [
        (
            Lang::Da,
            format!(
                "Besparelsen på udgående post falder fra {} i 2014 til {} i 2015, fordi »Digital Post obligatorisk for borgere« (ekstern begivenhed fra november 2014) også gælder i status quo",
                format_kr(outbound[3], Lang::Da),
                format_kr(outbound[4], Lang::Da)
            ),
        ),
        (
            Lang::En,
            format!(
                "The savings on outbound mail fall from {} in 2014 to {} in 2015 because “Digital Post obligatorisk for borgere” (an external event from November 2014) applies to the status quo too",
                format_kr(outbound[3], Lang::En),
                format_kr(outbound[4], Lang::En)
            ),
        ),
    ] {
        let html = render_html(s, None, &[], lang).unwrap();
        let at = html.find("id=\"note-outbound-law\"").expect("the note");
        // Right under the table of where the savings come from.
        let table = html.find("id=\"table-sources\"").expect("the sources table");
        assert!(table < at && !html[table..at].contains("<table"), "{lang:?}");
        let shown = &html[at..at + html[at..].find("</p>").unwrap()];
        // The note's words without its markup (amounts sit in no-break spans).
        let mut words = String::new();
        let mut in_tag = false;
        for c in shown[shown.find('>').unwrap() + 1..].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => words.push(c),
                _ => {}
            }
        }
        let text = squash(&unescape(&words));
        assert!(text.contains(&squash(&note)), "{lang:?}: {text}\nvs {note}");
    }
    // The same scenario without the law: the savings do not fall, no note.
    let text = std::fs::read_to_string(scenario_path("lyngby-taarbaek-2015.toml")).unwrap();
    let start = text
        .find("[[events]]\nname = \"Digital Post obligatorisk for borgere\"")
        .unwrap();
    let end = start + text[start..].find("# ---").unwrap();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let s2 = Scenario::from_text(&scenario_path("lyngby-taarbaek-2015.toml"), &without).unwrap();
    let run2 = run_scenario(s2, 500);
    let outbound2: Vec<f64> = run2
        .summary
        .metric("savings_outbound_mail_kr")
        .iter()
        .map(|q| q.mean)
        .collect();
    assert!(outbound2[4] > outbound2[3], "{outbound2:?}");
    assert!(run2.summary.outbound_mail_drop().is_none());
    for lang in Lang::ALL {
        let html = render_html(&run2.summary, None, &[], lang).unwrap();
        assert!(!html.contains("note-outbound-law"), "{lang:?}");
    }
}

/// The texts of the report's chart titled `title`, in document order.
fn chart_texts(html: &str, title: &str) -> Vec<String> {
    let start = html
        .find(&format!("aria-label=\"{title}\""))
        .unwrap_or_else(|| panic!("no chart {title}"));
    let svg = &html[start..start + html[start..].find("</svg>").expect("svg ends")];
    let mut texts = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        let tag_end = i + rest[i..].find('>').expect("tag ends");
        let body_end = tag_end + rest[tag_end..].find("</text>").expect("text ends");
        texts.push(unescape(rest[tag_end + 1..body_end].trim()));
        rest = &rest[body_end..];
    }
    texts
}

/// The staffing table of a run's report labels its agents as an average
/// over the year's open hours (hence "4,6"), shows the medians of
/// summary.json, and its note says why the figure rises beside a saving
/// (the same calls in fewer hours; the wage follows agents times hours).
#[test]
fn staffing_table_calls_the_agents_an_average_and_explains_the_rise() {
    let run = run_file("solrod-2011-proposal-1.toml", 400);
    let s = &run.summary;
    let agents =
        |path: &str| s.metric(format!("staffing.BSA.phone.{path}.agents_per_open_hour"))[0].p50;
    let (today, option) = (agents("status_quo"), agents("scenario"));
    assert!(option > today, "shorter hours need more agents at once");
    for (lang, head, note) in [
        (
            Lang::Da,
            "Kanal | År | Gns. medarbejdere pr. åben time | Serviceniveau | Gns. ventetid (sek.)",
            "Gns. medarbejdere pr. åben time: medarbejdertimer ÷ åbne timer, så mange skal svare samtidig, ikke antal ansatte. Stiger, når de samme opkald samles på færre timer (Erlang C); ingen modstrid med besparelsen: lønnen følger medarbejdere gange timer.",
        ),
        (
            Lang::En,
            "Channel | Year | Average agents per open hour | Service level | Average wait (s)",
            "Average agents per open hour: agent-hours ÷ open hours, how many must answer at once, not the number of employees. It rises when the same calls come in fewer hours (Erlang C); no contradiction with the saving: the wage follows agents times hours.",
        ),
    ] {
        let html = render_html(s, None, &[], lang).unwrap();
        let start = html.find("<table class=\"staffing\"").expect("a staffing table");
        let end = start + html[start..].find("</p>").expect("its note");
        let lines = outline(&html[start..end + 4]);
        let rows: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("tr: ")).collect();
        assert_eq!(rows[0], head, "{lang:?}");
        let first = format!(
            "{} | 2011 | {} → {} |",
            match lang {
                Lang::Da => "Borgerservice telefon",
                Lang::En => "Borgerservice phone",
            },
            channelshift::i18n::format_number(today, 1, lang),
            channelshift::i18n::format_number(option, 1, lang),
        );
        assert!(rows[1].starts_with(&first), "{lang:?}: {}", rows[1]);
        let text = squash(&unescape(&without_svg(&html[start..end])));
        assert!(text.contains(note), "{lang:?}: {text}");
    }
}

/// The report's cost fan carries the note the chart file has: each cost
/// band on its own, the savings paired within each simulation (the same
/// simulation's status quo minus scenario).
#[test]
fn the_reports_cost_fan_says_the_savings_are_paired() {
    let run = run_file("solrod-2011-proposal-1.toml", 400);
    for (lang, title, note) in [
        (
            Lang::Da,
            "Årlig omkostning: scenarie og status quo",
            "Båndene viser hver omkostning for sig; besparelsen regnes parvis i hver simulering (samme simulerings status quo minus scenarie) og er langt mere sikker (se besparelsesfigurerne).",
        ),
        (
            Lang::En,
            "Annual cost: scenario and status quo",
            "Bands show each cost on its own; savings are paired within each simulation (the same simulation's status quo minus scenario) and far more certain (see the savings charts).",
        ),
    ] {
        let html = render_html(&run.summary, None, &[], lang).unwrap();
        let text = squash(&chart_texts(&html, title).join(" "));
        assert!(text.contains(note), "{lang:?}: {text}");
    }
    // A status-quo projection saves nothing, so there is nothing to pair.
    let base = run_file("model-worked-example.toml", 50);
    let html = render_html(&base.summary, None, &[], Lang::En).unwrap();
    assert!(!html.contains("savings are paired"));
}

/// Goals on citizens' capabilities name NemID and Digital Post as the
/// proper names they are, in both languages (the goal's condition lowers
/// only the first letter of "Borgere med NemID").
#[test]
fn citizen_goals_keep_nemid_and_digital_post_capitalised() {
    let run = run_file("lyngby-taarbaek-2015.toml", 100);
    for (lang, nemid, post) in [
        (
            Lang::Da,
            "borgere med NemID mindst 80 %",
            "borgere tilmeldt Digital Post mindst 80 % i december",
        ),
        (
            Lang::En,
            "citizens with NemID at least 80 %",
            "citizens on Digital Post at least 80 % in December",
        ),
    ] {
        let html = unescape(&without_svg(
            &render_html(&run.summary, None, &[], lang).unwrap(),
        ));
        assert!(html.contains(nemid), "{lang:?}: {nemid}");
        assert!(html.contains(post), "{lang:?}: {post}");
        let lower = html.replace("NemID", "").replace("Digital Post", "");
        for wrong in ["nemid", "digital post "] {
            assert!(
                !lower.contains(wrong),
                "{lang:?}: {wrong:?} in {}",
                &lower[lower.find(wrong).unwrap().saturating_sub(80)..][..160]
            );
        }
    }
}
