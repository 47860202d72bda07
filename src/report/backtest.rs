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

/// The summary sentence: coverage and skill in plain words. Coverage is
/// said as counts ("1 of the 8 realised figures") beside the counts a
/// well-calibrated forecast would have (half in the 50 % band, 9 in 10 in
/// the 90 % band), and what falling short or going over means.
pub fn verdict(b: &Backtest, lang: Lang) -> String {
    let pct = |x: f64| format_pct(x, 0, lang);
    let skill = match b.skill {
        Some(s) if s > 0.0 => backtest_better(lang, &pct(s)),
        Some(s) => backtest_no_better(lang, &pct(-s)),
        None => String::new(),
    };
    format!("{} {skill}", coverage_sentence(b, lang))
        .trim_end()
        .to_string()
}

/// How many realised figures fall in the forecast's 50 % and 90 % bands,
/// against how many a well-calibrated forecast would catch.
fn coverage_sentence(b: &Backtest, lang: Lang) -> String {
    let n = b.scored;
    if n == 0 {
        return TextReport::BacktestNothingScored.get(lang).to_string();
    }
    let count = |share: f64| (share * n as f64).round() as usize;
    let (in50, in90) = (count(b.coverage_50), count(b.coverage_90));
    let expect = |share: f64| format_number(share * n as f64, 0, lang);
    let low = (in50 as f64) < 0.5 * n as f64 && (in90 as f64) < 0.9 * n as f64;
    let high = (in50 as f64) > 0.5 * n as f64 && in90 == n && n >= 2;
    let means = if low {
        TextReport::BacktestFewerThanExpected.get(lang)
    } else if high {
        TextReport::BacktestMoreThanExpected.get(lang)
    } else {
        ""
    };
    backtest_coverage(lang, n, in50, in90, &expect(0.5), &expect(0.9), means)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn backtest(scored: usize, in50: usize, in90: usize, skill: Option<f64>) -> Backtest {
        Backtest {
            scenario: "x".into(),
            scenario_file: "x.toml".into(),
            observation_file: "obs.toml".into(),
            seed: 1,
            trials: 100,
            sampling: crate::sampling::Method::Random,
            base_year: 2011,
            observations: Vec::new(),
            scored,
            coverage_50: in50 as f64 / scored as f64,
            coverage_90: in90 as f64 / scored as f64,
            mean_crps: 1.0,
            naive_mean_crps: 2.0,
            skill,
        }
    }

    /// "13 % of 8 realised values" said as counts against what a
    /// well-calibrated forecast would catch, and what falling short means.
    #[test]
    fn coverage_is_said_in_counts_against_the_expected_counts() {
        let b = backtest(8, 1, 3, Some(0.83));
        assert_eq!(
            verdict(&b, Lang::En),
            "Of the 8 realised figures, the forecast's 50 % band holds 1 and its 90 % band 3; a \
             well-calibrated forecast holds about half (4) in its 50 % band and 9 in 10 (7) in its \
             90 % band. Fewer than expected: the forecast's bands are too narrow, it was too sure of \
             itself. The forecast does better than holding today's figures constant: its mean CRPS \
             is 83 % lower (a mean over the observations in their own units, so the largest \
             numbers weigh most; the table shows each observation on its own)."
        );
        assert_eq!(
            verdict(&b, Lang::Da),
            "Af de 8 faktiske tal ligger 1 i prognosens 50 %-bånd og 3 i dens 90 %-bånd; en \
             velkalibreret prognose rammer omkring halvdelen (4) med 50 %-båndet og 9 ud af 10 (7) \
             med 90 %-båndet. Færre end ventet: prognosens bånd er for smalle, den var for sikker på \
             sig selv. Prognosen rammer bedre end at holde dagens tal konstante: dens \
             gennemsnitlige CRPS er 83 % lavere (et gennemsnit over observationerne i deres egne \
             enheder, så de største tal vejer tungest; tabellen viser hver observation for sig)."
        );
        // As expected: no judgement; too wide: said.
        let ok = verdict(&backtest(10, 5, 9, None), Lang::En);
        assert_eq!(
            ok,
            "Of the 10 realised figures, the forecast's 50 % band holds 5 and its 90 % band 9; a \
             well-calibrated forecast holds about half (5) in its 50 % band and 9 in 10 (9) in its \
             90 % band."
        );
        assert!(
            verdict(&backtest(4, 4, 4, None), Lang::En).ends_with("wider than they need to be.")
        );
        assert_eq!(
            verdict(&backtest(0, 0, 0, None), Lang::En),
            "No realised figure could be compared with the forecast."
        );
    }
}
