//! The HTML report: one self-contained file a councillor can read on screen
//! or print on A4, and a finance officer can check against the assumptions.
//!
//! Everything is a function of computed summaries ([`RunSummary`],
//! [`Comparison`]). The file has no scripts, no external fonts, images or
//! style sheets: the charts are the same charts `run` writes, embedded as
//! inline SVG.
//!
//! The markup is maud's `html!`: every text it inserts is escaped because it
//! is text, so no name, description, comment, goal, event or input key from
//! a scenario file can become markup. Only trusted markup is inserted as
//! `PreEscaped`: the style sheet and the SVG the chart code writes. Text from
//! a scenario file also goes through [`clean_text`] (control characters
//! replaced, line breaks made spaces), as in every other output.
//! [`keep_units_with_numbers`] then works on the finished page.
//!
//! Sections, one file each (section 4 in several):
//! 1. Summary in plain words (`summary.rs`, `brief.rs`, `sentences.rs`):
//!    savings with 90 % interval, cumulative net savings, payback, each
//!    goal's probability, displaced contacts, opening hours, and the options
//!    when a comparison is given (`comparison.rs`).
//! 2. Assumptions: every uncertain input with its distribution and source
//!    (`inputs.rs`, which also writes appendix A).
//! 3. Charts (`figures.rs`).
//! 4. Tables per year (`tables.rs`, `hours.rs`, `goals.rs`, `analysis.rs`,
//!    `comparison.rs`, and [`crate::report::breakdown_html`]).
//! 5. With `backtest --report`: the forecast against what happened
//!    ([`crate::report::backtest::section`]).
//! 6. How the numbers are made, the model in brief (`method.rs`).
//!
//! Labels and numbers in the report's language are `labels.rs`, shared
//! with the terminal, `check` and the Excel export; the style sheet is
//! `style.css`.

use crate::i18n::{
    format_kr, format_money, format_money_pair, format_money_with_range, format_number, format_pct,
    format_probability, weekday_short, Lang, MoneyUnit, TextReport,
};
use crate::input_key::InputKey;
use crate::metric_key::{MetricKey, MetricName};
use crate::series_key::{CostPart, RunPath, SeriesKey, StaffingMeasure};
use std::path::Path;

use crate::backtest::Backtest;
use crate::charts::data::*;
use crate::charts::{self, ChartError};
use crate::comparison::Comparison;
use crate::domain::OpeningChannel;
use crate::export::sanitize::clean_text;
use crate::export::{write_atomic, Exporter, Results};
use crate::report::chart_data;
use crate::scenario::GoalOp;
use crate::stats::Summary;
use crate::summary::{FirstMet, GoalSummary, Payback, RunSummary, Sensitivity};
use maud::{html, Markup, PreEscaped, DOCTYPE};

mod analysis;
mod brief;
mod comparison;
mod figures;
mod goals;
mod hours;
mod inputs;
mod labels;
mod method;
mod options;
mod sentences;
mod summary;
mod tables;
#[cfg(test)]
mod tests;
mod units;

// The labels other modules share (the terminal, `check`, the Excel export).
use labels::*;
pub use labels::{
    discount_rate_label, distribution_label, format_sig, hours_decimals, likelihood_words,
    metric_label, schedule_label, unit_label,
};
pub use units::keep_units_with_numbers;

/// The first file of a comparison: what its options are measured against.
#[derive(Debug, Clone)]
pub struct ComparedBase {
    /// The scenario's name.
    pub name: String,
    /// The file's name ("solrod-2011.toml").
    pub file: String,
    /// True when the base has a proposal or initiatives of its own, so it
    /// is the first option; else it is today's situation and no option.
    pub is_option: bool,
}

/// Renders the report of a run (and, with `comparison`, of the options
/// compared; `summaries_of_options` are the options' run summaries in the
/// comparison's order: each option's section is made from its summary,
/// and `summary` gives what the options share, such as the inputs, years
/// and seed).
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
        backtest: None,
        base: None,
        lang,
    };
    Ok(r.render())
}

/// Renders the report of a backtest: the forecast's report (`forecast`,
/// the run summary of the scenario scored) with the backtest's section
/// before the method section.
pub fn render_backtest_html(
    forecast: &RunSummary,
    backtest: &Backtest,
    lang: Lang,
) -> anyhow::Result<String> {
    let r = Report {
        s: forecast,
        c: None,
        options: &[],
        backtest: Some(backtest),
        base: None,
        lang,
    };
    Ok(r.render())
}

/// Renders the report of a comparison: `summaries` are the options' run
/// summaries in the comparison's order (at least one), `base` the first
/// file, which the heading names.
pub fn render_comparison_html(
    c: &Comparison,
    summaries: &[RunSummary],
    base: &ComparedBase,
    lang: Lang,
) -> anyhow::Result<String> {
    let Some(first) = summaries.first() else {
        anyhow::bail!("a comparison report needs the options' summaries");
    };
    let r = Report {
        s: first,
        c: Some(c),
        options: summaries,
        base: Some(base),
        backtest: None,
        lang,
    };
    Ok(r.render())
}

/// `report.html` (`--report`) in a language: of a run, of a comparison
/// (the base option's summary with the options), or of a backtest (the
/// forecast's report, whose goals are the observations and so left out,
/// with the backtest's section).
pub struct HtmlReport(pub Lang);

impl Exporter for HtmlReport {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let lang = self.0;
        let html = match *results {
            Results::Run { summary, .. } => render_html(summary, None, &[], lang)?,
            Results::Compare {
                comparison,
                report_summaries,
                base,
                ..
            } => render_comparison_html(comparison, report_summaries, base, lang)?,
            Results::Backtest {
                backtest,
                engine,
                trials,
            } => {
                let mut forecast =
                    RunSummary::new(engine.scenario, &engine.layout, trials, backtest.seed, None);
                forecast.sampling = engine.design.method;
                forecast.goals.clear();
                render_backtest_html(&forecast, backtest, lang)?
            }
        };
        Ok(html.into_bytes())
    }
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
    /// `backtest --report`: the backtest of the forecast `s`.
    backtest: Option<&'a Backtest>,
    /// The first file of a comparison, when known.
    base: Option<&'a ComparedBase>,
    lang: Lang,
}

/// The style sheet: the report is one file, so it is inline.
const CSS: &str = include_str!("style.css");

impl<'a> Report<'a> {
    fn metric(&self, key: impl AsRef<str>) -> &'a [Summary] {
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
            (true, true) => TextReport::TheProposal.get(self.lang),
            (true, false) => TextReport::ThePlanOpeningHoursAnd.get(self.lang),
            (false, _) => TextReport::TheScenario.get(self.lang),
        }
    }

    /// A section's number: in a comparison the options are section 2, so
    /// the sections after it move one on.
    fn section(&self, n: u8) -> u8 {
        if self.c.is_some() && n >= 2 {
            n + 1
        } else {
            n
        }
    }

    fn render(&self) -> String {
        let lang = self.lang;
        let title = match &self.s.proposal {
            Some(p) => format!("{} – {}", self.s.scenario, p),
            None => self.s.scenario.clone(),
        };
        // A proposal name that is already part of the scenario name is not repeated.
        let title = match &self.s.proposal {
            Some(p) if self.s.scenario.contains(p.as_str()) => self.s.scenario.clone(),
            _ => title,
        };
        // A comparison is named as one, after its base when known.
        let title = match (self.c, self.base) {
            (Some(c), Some(b)) => format!("{} – {}", self.comparison_title(c), b.name),
            (Some(c), None) => self.comparison_title(c),
            (None, _) => title,
        };
        let page = html! {
            (DOCTYPE) "\n"
            html lang=(lang.code()) { "\n"
                head { "\n"
                    meta charset="utf-8"; "\n"
                    meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                    meta name="generator" content={ "channelshift " (env!("CARGO_PKG_VERSION")) }; "\n"
                    title {
                        (clean_text(&title)) " – "
                        (TextReport::ChannelShiftForecast.get(self.lang))
                    } "\n"
                    // Trusted markup: the style sheet is part of the program.
                    style { (PreEscaped(CSS)) } "\n"
                } "\n"
                body { "\n"
                    (self.summary_section())
                    @if let Some(c) = self.c { (self.option_sections(c)) }
                    (self.assumptions_section())
                    (self.charts_section())
                    (self.tables_section())
                    (self.backtest_section())
                    (self.method_section())
                    (self.appendix_section())
                } "\n"
            } "\n"
        };
        keep_units_with_numbers(&page.into_string())
    }
}

impl Report<'_> {
    /// The backtest's section, with its chart (nothing without a backtest).
    fn backtest_section(&self) -> Markup {
        match self.backtest {
            Some(b) => {
                let svg = crate::report::backtest::chart_svg(b, self.lang);
                crate::report::backtest::section(b, svg.as_deref(), self.lang)
            }
            None => html! {},
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

fn signed_number(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format_number(x, decimals, lang);
    if x > 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{s}")
    } else {
        s
    }
}

/// The chart measure of a metric key and year.
fn measure_of(metric: MetricKey, year: i32) -> Option<Measure> {
    match metric {
        MetricKey::CumulativeNetSavings => Some(Measure::CumulativeNetSavings { through: year }),
        MetricKey::Savings => Some(Measure::AnnualSavings { year }),
        MetricKey::Npv => Some(Measure::NetPresentValue { through: year }),
        MetricKey::CostScenario => Some(Measure::AnnualCost { year }),
        _ => None,
    }
}
