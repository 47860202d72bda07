//! The backtest in words and tables: the terminal table, the chart's data,
//! and the report section `backtest --report` adds to the forecast's report
//! (a section of the report's builder, [`crate::report::html`]).

use crate::i18n::{
    backtest_better, backtest_coverage, backtest_no_better, backtest_trials, format_number,
    format_pct, Lang, TextChart, TextCommon, TextReport,
};
use std::fmt::Write;

use crate::backtest::{Backtest, ObservationScore};
use crate::charts::{BacktestData, BacktestRow, ChartText};
use crate::export::sanitize::clean_text;
use maud::{html, Markup, PreEscaped};

/// A value of an observation in its unit: "62.0 %", "12.3 m kr.", "41,250".
pub fn value_text(r: &ObservationScore, x: f64, lang: Lang) -> String {
    match r.unit.as_str() {
        "share" => format_pct(x, 1, lang),
        "kr" => crate::i18n::format_money(x, lang),
        _ => format_number(x, 0, lang),
    }
}

/// A band as "16.4–16.9 %", "44,974–60,715" or "1.2–1.5 m kr.".
fn band(r: &ObservationScore, b: [f64; 2], lang: Lang) -> String {
    match r.unit.as_str() {
        "share" => format!(
            "{}–{} %",
            format_number(b[0] * 100.0, 1, lang),
            format_number(b[1] * 100.0, 1, lang)
        ),
        "kr" if b[0].abs().max(b[1].abs()) >= 1e6 => format!(
            "{}–{} {}",
            format_number(b[0] / 1e6, 2, lang),
            format_number(b[1] / 1e6, 2, lang),
            crate::i18n::mkr_unit(lang)
        ),
        _ => format!(
            "{}–{}",
            format_number(b[0], 0, lang),
            format_number(b[1], 0, lang)
        ),
    }
}

/// The summary sentence: coverage and skill in plain words.
pub fn verdict(b: &Backtest, lang: Lang) -> String {
    let pct = |x: f64| format_pct(x, 0, lang);
    let skill = match b.skill {
        Some(s) if s > 0.0 => backtest_better(lang, &pct(s)),
        Some(s) => backtest_no_better(lang, &pct(-s)),
        None => String::new(),
    };
    backtest_coverage(
        lang,
        &pct(b.coverage_50),
        b.scored,
        &pct(b.coverage_90),
        &skill,
    )
}

/// Rows of the table: name, year, realised, median, 50 % band, 90 % band,
/// PIT, CRPS, naive CRPS.
pub fn rows(b: &Backtest, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        TextReport::BtObservation.get(lang),
        TextCommon::Year.get(lang),
        TextReport::BtRealised.get(lang),
        TextCommon::Median.get(lang),
        TextChart::N50PctBand.get(lang),
        TextChart::N90PctBand.get(lang),
        TextReport::BtPit.get(lang),
        TextReport::BtCrps.get(lang),
        TextReport::BtNaiveCrps.get(lang),
    ];
    let body = b
        .observations
        .iter()
        .map(|r| {
            let mut row = vec![
                r.name.clone(),
                r.year.to_string(),
                value_text(r, r.value, lang),
            ];
            match &r.forecast {
                Some(f) => row.extend([
                    value_text(r, f.median, lang),
                    band(r, f.band50, lang),
                    band(r, f.band90, lang),
                    format_number(f.pit, 2, lang),
                    crps_text(r, f.crps, lang),
                ]),
                None => row.extend(std::iter::repeat_n(
                    TextReport::NotEvaluable.get(lang).to_string(),
                    5,
                )),
            }
            row.push(
                r.naive
                    .as_ref()
                    .map(|n| crps_text(r, n.crps, lang))
                    .unwrap_or_default(),
            );
            row
        })
        .collect();
    (head.iter().map(|h| h.to_string()).collect(), body)
}

fn crps_text(r: &ObservationScore, x: f64, lang: Lang) -> String {
    match r.unit.as_str() {
        // Shares in percentage points.
        "share" => format!(
            "{} {}",
            format_number(x * 100.0, 2, lang),
            TextReport::Pp.get(lang)
        ),
        "kr" => crate::i18n::format_money(x, lang),
        _ => format_number(x, 0, lang),
    }
}

/// The terminal output of `backtest`.
pub fn terminal(b: &Backtest, lang: Lang) -> String {
    let (head, body) = rows(b, lang);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}: {} {} {}, seed {}\n",
        b.scenario,
        TextReport::BacktestAgainst.get(lang),
        b.observation_file,
        backtest_trials(lang, &format_number(b.trials as f64, 0, lang)),
        b.seed
    );
    let left: Vec<bool> = (0..head.len()).map(|c| c == 0).collect();
    o.push_str(&crate::text_table::render_within(
        &head,
        &body,
        &left,
        crate::text_table::TERMINAL_WIDTH,
    ));
    let _ = writeln!(o, "\n{}", verdict(b, lang));
    let _ = writeln!(o, "{}", TextReport::BacktestTerminalNote.get(lang));
    o
}

/// The report's backtest section (before its method section), with the
/// chart as inline SVG when it could be drawn.
pub fn section(b: &Backtest, chart_svg: Option<&str>, lang: Lang) -> Markup {
    let (head, body) = rows(b, lang);
    html! {
        section class="major backtest" id="backtest" { "\n"
            h2 {
                (TextReport::TheForecastAgainstWhatHappened.get(lang))
            } "\n"
            p { (verdict(b, lang)) } "\n"
            @if let Some(svg) = chart_svg {
                // Trusted markup: the chart code's SVG.
                figure.chart { (PreEscaped(svg)) } "\n"
            }
            table.data { "\n"
                thead { tr { "\n" @for c in &head { th { (c) } } } } "\n"
                tbody { "\n"
                    @for (r, cells) in b.observations.iter().zip(&body) {
                        tr {
                            @for (i, c) in cells.iter().enumerate() {
                                td class=[(i > 0).then_some("num")] { (clean_text(c)) }
                            }
                        } "\n"
                        @if let Some(src) = &r.source {
                            tr.source {
                                td colspan=(cells.len()) {
                                    (TextReport::Source.get(lang)) ": " (clean_text(src))
                                }
                            } "\n"
                        }
                    }
                }
            } "\n"
            p.note {
                (TextReport::BacktestReportNote.get(lang))
            } "\n"
        } "\n"
    }
}

/// The chart's rows: one per observation the forecast could evaluate.
pub fn chart_data(b: &Backtest, lang: Lang) -> BacktestData {
    let rows = b
        .observations
        .iter()
        .filter_map(|r| {
            let f = r.forecast.as_ref()?;
            let v = |x| value_text(r, x, lang);
            Some(BacktestRow {
                label: format!("{} ({})", r.name, r.year),
                pit: f.pit,
                values: format!(
                    "{} {} · {} {}",
                    TextReport::Realised.get(lang),
                    v(r.value),
                    TextCommon::Median.get(lang),
                    v(f.median)
                ),
            })
        })
        .collect();
    BacktestData {
        rows,
        trials: Some(b.trials as u64),
    }
}

/// The chart's text: the scenario's name as subtitle.
pub fn chart_text(b: &Backtest) -> ChartText {
    ChartText::subtitle(b.scenario.clone())
}

/// The chart as SVG text for the report (none if it cannot be drawn).
pub fn chart_svg(b: &Backtest, lang: Lang) -> Option<String> {
    let mut svg = String::new();
    crate::charts::backtest(&chart_data(b, lang), &chart_text(b), lang, &mut svg).ok()?;
    Some(svg)
}
