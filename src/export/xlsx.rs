//! The Excel workbook for finance departments.
//!
//! Sheets (names and column headers in the chosen language):
//!
//! - per-year summary: one row per metric and year with mean, standard
//!   deviation, standard error, 5/25/50/75/95th percentiles, min and max;
//!   amounts formatted `#,##0 "kr."`, shares `0.0%`;
//! - payback: share of trials by payback year;
//! - goals: probability per year and the distribution of the first year met;
//! - inputs: every uncertain input with its distribution, mean, unit, source
//!   comment and file:line;
//! - opening hours (when the scenario has any), sensitivity and attribution
//!   (when present);
//! - a per-trial sample in long form, one row per trial and year (the first
//!   `max_trial_rows` trials): trial, year, costs, savings, cumulative net
//!   savings, NPV, payback year, each goal's value, the cost components
//!   (handling, opening, campaigns, outbound mail; status quo and scenario)
//!   and the savings by source, then the trial's draw of every uncertain
//!   input (the same on each of the trial's year rows), so finance can build
//!   pivot tables, re-derive any percentile and see which draws gave which
//!   outcome.
//!
//! Header rows are frozen, columns have widths, and the file is written to a
//! temporary path and renamed into place. Every text cell passes through
//! [`clean_text`] (no control characters); texts are written as strings, never
//! as formulas. The document's creation date is 1 January of the scenario's
//! base year, not the time of the run, so the same run gives the same bytes.

use crate::i18n::{
    format_kr, format_number, summary_sheet_note, Lang, TextChart, TextCommon, TextSheet,
};
use crate::metric_key::{MetricKey, MetricName};
use crate::model::layout::SavingsSource;
use crate::series_key::{CostPart, RunPath, SeriesKey, StaffingMeasure};
use std::path::Path;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use rayon::prelude::*;

use crate::engine::{Engine, Trials};
use crate::error::InputError;
use crate::export::sanitize::clean_text;
use crate::export::write_atomic;
use crate::model::layout::Layout;
use crate::report::chart_data::{opening_channel_label, summary_input_label};
use crate::report::html::{distribution_label, metric_label, schedule_label, unit_label};
use crate::scenario::{GoalOp, Scenario};
use crate::sensitivity::{variance_share, variance_share_note};
use crate::stats::Summary;
use crate::summary::{FirstMet, MetricSummary, Payback, RunSummary};

/// Default number of trials in the per-trial sheet (`--xlsx-trials`): the
/// first 2,000, one row per year, so 10,000 rows for a five-year horizon and
/// a workbook of a few MB that Excel opens quickly (10,000 trials made
/// 50,000 rows and 26-35 MB). summary.json and the CSV files summarise
/// every trial whatever this is.
pub const DEFAULT_WORKBOOK_TRIALS: usize = 2_000;

/// Excel's last row index (1,048,576 rows, one of them the header).
pub const EXCEL_MAX_DATA_ROWS: usize = 1_048_575;

/// Columns of an Excel sheet (A to XFD).
pub const EXCEL_MAX_COLUMNS: usize = 16_384;

/// Number format of amounts in kroner.
pub const KR_FORMAT: &str = "#,##0 \"kr.\"";
/// Number format of shares and probabilities.
pub const SHARE_FORMAT: &str = "0.0%";

/// Text cells, always through [`clean_text`].
pub(super) trait WriteText {
    fn write_text(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<&mut Self, XlsxError>;
    fn write_text_with_format(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<&mut Self, XlsxError>;
}

impl WriteText for Worksheet {
    fn write_text(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<&mut Self, XlsxError> {
        self.write_string(row, col, clean_text(text.as_ref()))
    }

    fn write_text_with_format(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<&mut Self, XlsxError> {
        self.write_string_with_format(row, col, clean_text(text.as_ref()), format)
    }
}

/// The workbook's creation date: 1 January of the base year, a function of
/// the inputs, so that two identical runs write identical bytes.
pub(super) fn creation_date(summary: &RunSummary) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(summary.base_year.clamp(1900, 9999) as u16, 1, 1)
}

/// The formats of the workbook.
pub(super) struct Formats {
    pub(super) header: Format,
    pub(super) title: Format,
    pub(super) note: Format,
    pub(super) kr: Format,
    pub(super) share: Format,
    pub(super) count: Format,
    pub(super) decimal: Format,
    pub(super) int: Format,
    pub(super) text_wrap: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE6EE))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555)),
            kr: Format::new().set_num_format(KR_FORMAT),
            share: Format::new().set_num_format(SHARE_FORMAT),
            count: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.00"),
            int: Format::new().set_num_format("0"),
            text_wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    /// The number format for a unit of summary.json.
    fn for_unit(&self, unit: &str) -> &Format {
        match unit {
            "kr." => &self.kr,
            "share" => &self.share,
            "contacts" | "letters" => &self.count,
            "year" | "seconds" => &self.int,
            _ => &self.decimal,
        }
    }

    /// The number format of a goal's metric.
    fn for_goal(&self, metric: crate::scenario::GoalMetric) -> &Format {
        match crate::goal_text::kind(metric) {
            crate::goal_text::Kind::Share => &self.share,
            crate::goal_text::Kind::Money => &self.kr,
            crate::goal_text::Kind::Count => &self.count,
        }
    }
}

/// Writes a number, leaving the cell empty for NaN (Excel has no NaN).
pub(super) fn num(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    x: f64,
    f: &Format,
) -> Result<(), XlsxError> {
    if x.is_finite() {
        ws.write_number_with_format(row, col, x, f)?;
    }
    Ok(())
}

pub(super) fn headers(
    ws: &mut Worksheet,
    row: u32,
    names: &[String],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        ws.write_text_with_format(row, c as u16, name, &f.header)?;
    }
    Ok(())
}

pub(super) fn widths(ws: &mut Worksheet, w: &[f64]) -> Result<(), XlsxError> {
    for (c, w) in w.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// Excel's longest sheet name, in UTF-16 code units.
pub const SHEET_NAME_MAX_UNITS: usize = 31;

/// A sheet name Excel accepts: no control characters, `[]:*?/\` replaced
/// by `-`, at most 31 UTF-16 code units, no apostrophe at either end.
pub(super) fn sheet_name(name: &str) -> String {
    let mut units = 0;
    let cut: String = clean_text(name)
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take_while(|c| {
            units += c.len_utf16();
            units <= SHEET_NAME_MAX_UNITS
        })
        .collect();
    let name = cut.trim_matches('\'').trim();
    if name.is_empty() {
        "-".to_string()
    } else {
        name.to_string()
    }
}

/// Sheet names for `wanted` ([`sheet_name`] each), unique regardless of
/// case as Excel requires: a name that repeats an earlier one is cut
/// shorter and numbered, "Mål · Forslag (2)".
pub(super) fn unique_sheet_names(wanted: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(wanted.len());
    let taken =
        |names: &[String], n: &str| names.iter().any(|x| x.to_lowercase() == n.to_lowercase());
    for w in wanted {
        let mut name = sheet_name(w);
        let mut k = 1;
        while taken(&names, &name) {
            k += 1;
            let suffix = format!(" ({k})");
            let room = SHEET_NAME_MAX_UNITS - suffix.len();
            let mut units = 0;
            let stem: String = sheet_name(w)
                .chars()
                .take_while(|c| {
                    units += c.len_utf16();
                    units <= room
                })
                .collect();
            name = format!("{}{suffix}", stem.trim_end());
        }
        names.push(name);
    }
    names
}

/// Writes the workbook of a run to `path` (atomically). `max_trial_rows`
/// limits the trials in the per-trial sheet (each trial gives one row per
/// year); the limit is lowered further if Excel's row limit requires it.
pub fn write_xlsx(
    summary: &RunSummary,
    engine: &Engine,
    trials: &Trials,
    path: &Path,
    lang: Lang,
    max_trial_rows: usize,
) -> anyhow::Result<()> {
    let bytes = render_xlsx(summary, engine, trials, lang, max_trial_rows)?;
    Ok(write_atomic(path, &bytes)?)
}

/// The run's workbook (`run --xlsx FILE`): `max_trial_rows` as in
/// [`write_xlsx`].
pub struct WorkbookXlsx {
    pub lang: Lang,
    pub max_trial_rows: usize,
}

impl super::Exporter for WorkbookXlsx {
    fn render(&self, results: &super::Results<'_>) -> anyhow::Result<Vec<u8>> {
        let summary = results.summary(None)?;
        let (engine, trials) = results.trials()?;
        render_xlsx(summary, engine, trials, self.lang, self.max_trial_rows)
    }
}

/// The workbook's bytes (see [`write_xlsx`]).
pub fn render_xlsx(
    summary: &RunSummary,
    engine: &Engine,
    trials: &Trials,
    lang: Lang,
    max_trial_rows: usize,
) -> anyhow::Result<Vec<u8>> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&creation_date(summary)?));
    years_sheet(wb.add_worksheet(), summary, lang, &f)?;
    payback_sheet(wb.add_worksheet(), summary, lang, &f)?;
    if !summary.goals.is_empty() {
        goals_sheet(wb.add_worksheet(), summary, lang, &f)?;
    }
    inputs_sheet(wb.add_worksheet(), summary, lang, &f)?;
    if !summary.hours.is_empty() {
        hours_sheet(wb.add_worksheet(), summary, lang, &f)?;
    }
    if summary.sensitivity.is_some() {
        sensitivity_sheet(wb.add_worksheet(), summary, lang, &f)?;
    }
    if summary.attribution.as_ref().is_some_and(|a| !a.is_empty()) {
        attribution_sheet(wb.add_worksheet(), summary, lang, &f)?;
    }
    if summary.breakdown.is_some() {
        breakdown_sheet(wb.add_worksheet(), summary, lang, &f)?;
    }
    // Streamed row by row: the sheet that can hold a million rows.
    trials_sheet(
        wb.add_worksheet_with_constant_memory()?,
        summary,
        engine,
        trials,
        lang,
        max_trial_rows,
        &f,
    )?;
    wb.save_to_buffer()
        .map_err(|e| anyhow::anyhow!("cannot build the Excel workbook: {e}"))
}

/// Metric keys in report order: the headline figures first, then the rest
/// as summary.json lists them.
fn metric_order(summary: &RunSummary) -> Vec<(&str, &MetricSummary)> {
    const FIRST: [MetricKey; 5] = [
        MetricKey::CostStatusQuo,
        MetricKey::CostScenario,
        MetricKey::Savings,
        MetricKey::CumulativeNetSavings,
        MetricKey::Npv,
    ];
    let mut keys: Vec<(&str, &MetricSummary)> = FIRST
        .iter()
        .filter_map(|k| summary.metrics.get_key_value(k.as_str()))
        .map(|(k, m)| (k.as_str(), m))
        .collect();
    for (k, m) in &summary.metrics {
        let first_or_payback = m
            .name
            .key()
            .is_some_and(|k| FIRST.contains(&k) || k == MetricKey::PaybackYear);
        if !first_or_payback {
            keys.push((k, m));
        }
    }
    keys
}

fn years_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(years_sheet_name(lang)))?;
    years_table(ws, s, lang, f)
}

/// The name of a run's per-year sheet.
pub(super) fn years_sheet_name(lang: Lang) -> &'static str {
    TextSheet::ByYear.get(lang)
}

/// The per-year summary of every metric (a run's, or one option's).
pub(super) fn years_table(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let title = match &s.proposal {
        Some(p) if !s.scenario.contains(p.as_str()) => format!("{} – {p}", s.scenario),
        _ => s.scenario.clone(),
    };
    ws.write_text_with_format(0, 0, title, &f.title)?;
    let note = summary_sheet_note(lang, s.trials, s.seed, &s.scenario_file);
    ws.write_text_with_format(1, 0, note, &f.note)?;
    let head: Vec<String> = vec![
        TextSheet::Metric.get(lang).into(),
        TextSheet::Key.get(lang).into(),
        TextSheet::Unit.get(lang).into(),
        TextChart::Year.get(lang).into(),
        TextChart::Mean.get(lang).into(),
        TextSheet::StandardDeviation.get(lang).into(),
        TextSheet::StandardError.get(lang).into(),
        "P5".into(),
        "P25".into(),
        TextSheet::P50Median.get(lang).into(),
        "P75".into(),
        "P95".into(),
        "Min".into(),
        TextSheet::Max.get(lang).into(),
    ]
    .into_iter()
    .chain(ci_headers(lang))
    .collect();
    let hr = 3;
    headers(ws, hr, &head, f)?;
    let mut row = hr + 1;
    for (key, m) in metric_order(s) {
        let fmt = f.for_unit(&m.unit);
        for (y, q) in m.values.iter().enumerate() {
            ws.write_text(row, 0, metric_label(&m.name, lang))?;
            ws.write_text(row, 1, key)?;
            ws.write_text(row, 2, unit_label(&m.unit, lang))?;
            if let Some(year) = s.years.get(y) {
                ws.write_number(row, 3, *year)?;
            }
            summary_cells(ws, row, 4, q, fmt, f)?;
            ci_cells(ws, row, 14, q, fmt)?;
            row += 1;
        }
    }
    // What the staffed channels' agents per open hour are, and why they
    // rise with a saving beside them.
    let staffed = s.metrics.values().any(|m| {
        matches!(
            m.name,
            MetricName::Series(SeriesKey::Staffing {
                measure: StaffingMeasure::AgentsPerOpenHour,
                ..
            })
        )
    });
    if staffed {
        ws.write_text_with_format(
            row + 1,
            0,
            TextCommon::AgentsPerOpenHourNote.get(lang),
            &f.note,
        )?;
    }
    ws.set_freeze_panes(hr + 1, 1)?;
    ws.autofilter(hr, 0, row.saturating_sub(1).max(hr), head.len() as u16 - 1)?;
    widths(
        ws,
        &[
            44.0, 30.0, 12.0, 7.0, 15.0, 15.0, 13.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0,
            15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0,
        ],
    )?;
    ws.set_landscape();
    Ok(())
}

/// mean, sd, se, p5, p25, p50, p75, p95, min, max from column `col`.
fn summary_cells(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    q: &Summary,
    fmt: &Format,
    f: &Formats,
) -> Result<(), XlsxError> {
    let se_fmt = if std::ptr::eq(fmt, &f.int) {
        &f.decimal
    } else {
        fmt
    };
    for (i, (x, fm)) in [
        (q.mean, fmt),
        (q.sd, fmt),
        (q.se, se_fmt),
        (q.p5, fmt),
        (q.p25, fmt),
        (q.p50, fmt),
        (q.p75, fmt),
        (q.p95, fmt),
        (q.min, fmt),
        (q.max, fmt),
    ]
    .into_iter()
    .enumerate()
    {
        num(ws, row, col + i as u16, x, fm)?;
    }
    Ok(())
}

/// Headers of the percentiles' 95 % confidence limits: "P5 95 % CI low", ...
fn ci_headers(lang: Lang) -> Vec<String> {
    ["P5", "P25", "P50", "P75", "P95"]
        .iter()
        .flat_map(|p| {
            [
                format!("{p} {}", TextSheet::N95PctCiLow.get(lang)),
                format!("{p} {}", TextSheet::N95PctCiHigh.get(lang)),
            ]
        })
        .collect()
}

/// "Value, median 95 % CI low", "... high": the headers of one statistic's
/// 95 % confidence limits.
fn ci_pair(what: &str, lang: Lang) -> [String; 2] {
    [
        format!("{what} {}", TextSheet::N95PctCiLow.get(lang)),
        format!("{what} {}", TextSheet::N95PctCiHigh.get(lang)),
    ]
}

/// The 95 % confidence limits of p5 .. p95 (order statistics) from column `col`.
fn ci_cells(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    q: &Summary,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let c = &q.ci95;
    for (i, x) in [c.p5, c.p25, c.p50, c.p75, c.p95]
        .iter()
        .flatten()
        .enumerate()
    {
        num(ws, row, col + i as u16, *x, fmt)?;
    }
    Ok(())
}

/// The note under a payback table: what the payback year is.
pub(super) fn payback_note(
    ws: &mut Worksheet,
    row: u32,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_text_with_format(
        row,
        0,
        TextSheet::PaybackYearTheFirstYear.get(lang),
        &f.note,
    )?;
    Ok(())
}

fn payback_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(TextSheet::Payback.get(lang)))?;
    headers(
        ws,
        0,
        &[
            TextCommon::PaybackYear.get(lang).to_string(),
            TextSheet::ShareOfSimulations.get(lang).to_string(),
        ],
        f,
    )?;
    let mut row = 1;
    // Years first in order, "not by" last (the keys' order).
    for (k, share) in &s.payback {
        match *k {
            Payback::Year(y) => {
                ws.write_number(row, 0, y)?;
            }
            Payback::NotBy(_) => {
                ws.write_text(
                    row,
                    0,
                    format!("{} {}", TextSheet::NotByTheEndOf.get(lang), s.end_year),
                )?;
            }
        }
        ws.write_number_with_format(row, 1, *share, &f.share)?;
        row += 1;
    }
    payback_note(ws, row + 1, lang, f)?;
    ws.set_freeze_panes(1, 0)?;
    widths(ws, &[28.0, 22.0])?;
    Ok(())
}

fn goals_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(goals_sheet_name(lang)))?;
    goals_table(ws, s, lang, f)
}

/// The name of a run's goals sheet.
pub(super) fn goals_sheet_name(lang: Lang) -> &'static str {
    TextSheet::Goals.get(lang)
}

/// Each goal's probability per year and first year met (a run's, or one
/// option's).
pub(super) fn goals_table(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let head: Vec<String> = vec![
        TextChart::Goal.get(lang).into(),
        TextSheet::Metric.get(lang).into(),
        TextSheet::Comparison.get(lang).into(),
        TextChart::Year.get(lang).into(),
        TextCommon::Target.get(lang).into(),
        TextSheet::ProbabilityOfMeetingTheGoal.get(lang).into(),
        TextSheet::Probability95PctCiLow.get(lang).into(),
        TextSheet::Probability95PctCiHigh.get(lang).into(),
        TextSheet::ValueMedian.get(lang).into(),
        TextSheet::ValueP5.get(lang).into(),
        TextSheet::ValueP95.get(lang).into(),
        TextSheet::ValueMean.get(lang).into(),
    ]
    .into_iter()
    .chain(
        [
            TextSheet::ValueMedian.get(lang),
            TextSheet::ValueP5.get(lang),
            TextSheet::ValueP95.get(lang),
        ]
        .iter()
        .flat_map(|v| ci_pair(v, lang)),
    )
    .collect();
    headers(ws, 0, &head, f)?;
    let mut row = 1;
    for g in &s.goals {
        let vf = f.for_goal(g.metric);
        for (y, year) in s.years.iter().enumerate() {
            ws.write_text(row, 0, &g.name)?;
            ws.write_text(row, 1, crate::goal_text::metric_label(g.metric, lang))?;
            ws.write_text(
                row,
                2,
                match g.op {
                    GoalOp::AtLeast => "≥",
                    GoalOp::AtMost => "≤",
                },
            )?;
            ws.write_number(row, 3, *year)?;
            if let Some(Some(target)) = g.targets.get(y) {
                num(ws, row, 4, *target, vf)?;
            }
            if let Some(Some(p)) = g.probability.get(y) {
                num(ws, row, 5, *p, &f.share)?;
                // The same Wilson interval as --precision goalN@YEAR=…pp.
                let [low, high] = crate::stats::ci::wilson(*p, s.trials as f64);
                num(ws, row, 6, low, &f.share)?;
                num(ws, row, 7, high, &f.share)?;
            } else if g.not_evaluable_in(y) {
                ws.write_string(row, 5, TextChart::NotEvaluable.get(lang))?;
            }
            if let Some(q) = g.value.get(y) {
                num(ws, row, 8, q.p50, vf)?;
                num(ws, row, 9, q.p5, vf)?;
                num(ws, row, 10, q.p95, vf)?;
                num(ws, row, 11, q.mean, vf)?;
                let c = &q.ci95;
                for (i, x) in [c.p50, c.p5, c.p95].iter().flatten().enumerate() {
                    num(ws, row, 12 + i as u16, *x, vf)?;
                }
            }
            row += 1;
        }
    }
    // First year met, then the probability of meeting the goal in its last
    // year (a trial may meet a goal early and miss it later), and a note.
    row += 1;
    ws.write_text_with_format(row, 0, TextCommon::FirstYearTheGoalIs.get(lang), &f.title)?;
    row += 1;
    let mut head2: Vec<String> = vec![TextChart::Goal.get(lang).into()];
    head2.extend(s.years.iter().map(|y| y.to_string()));
    head2.push(TextCommon::NotMet.get(lang).into());
    head2.push(TextSheet::TheGoalsLastYear.get(lang).into());
    head2.push(TextCommon::MetInItsLastYear.get(lang).into());
    headers(ws, row, &head2, f)?;
    row += 1;
    for g in &s.goals {
        ws.write_text(row, 0, &g.name)?;
        for (i, y) in s.years.iter().enumerate() {
            let p = g
                .first_year_met
                .get(&FirstMet::Year(*y))
                .copied()
                .unwrap_or(0.0);
            ws.write_number_with_format(row, 1 + i as u16, p, &f.share)?;
        }
        let p = g
            .first_year_met
            .get(&FirstMet::NotMet)
            .copied()
            .unwrap_or(0.0);
        let after = 1 + s.years.len() as u16;
        ws.write_number_with_format(row, after, p, &f.share)?;
        if let Some((year, p)) = g.met_in_last_year(&s.years) {
            ws.write_number(row, after + 1, year)?;
            ws.write_number_with_format(row, after + 2, p, &f.share)?;
        }
        row += 1;
    }
    ws.write_text(row, 0, TextCommon::FirstYearMetNote.get(lang))?;
    ws.set_freeze_panes(1, 1)?;
    widths(
        ws,
        &[
            40.0, 24.0, 13.0, 8.0, 14.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0,
            16.0, 16.0, 16.0, 16.0,
        ],
    )?;
    Ok(())
}

fn inputs_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(TextSheet::Inputs.get(lang)))?;
    let head: Vec<String> = vec![
        TextCommon::Input.get(lang).into(),
        TextSheet::Distribution.get(lang).into(),
        TextChart::Mean.get(lang).into(),
        TextSheet::Unit.get(lang).into(),
        TextSheet::SourceAndReasoning.get(lang).into(),
        TextSheet::FileLine.get(lang).into(),
    ];
    headers(ws, 0, &head, f)?;
    for (i, inp) in s.inputs.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_text(row, 0, inp.key.to_string())?;
        ws.write_text(row, 1, distribution_label(&inp.distribution, lang))?;
        if inp.mean.is_finite() {
            ws.write_number(row, 2, inp.mean)?;
        }
        ws.write_text(row, 3, unit_label(&inp.unit, lang))?;
        ws.write_text_with_format(row, 4, inp.comment.as_deref().unwrap_or(""), &f.text_wrap)?;
        ws.write_text(row, 5, &inp.location)?;
    }
    if s.inputs.is_empty() {
        ws.write_text_with_format(
            1,
            0,
            TextSheet::TheScenarioHasNoUncertain.get(lang),
            &f.note,
        )?;
    }
    ws.set_freeze_panes(1, 1)?;
    widths(ws, &[40.0, 38.0, 14.0, 26.0, 70.0, 34.0])?;
    Ok(())
}

fn hours_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(TextCommon::OpeningHours.get(lang)))?;
    let head: Vec<String> = vec![
        TextCommon::Department.get(lang).into(),
        TextCommon::Channel.get(lang).into(),
        TextCommon::Today.get(lang).into(),
        TextSheet::HoursPerWeekToday.get(lang).into(),
        TextCommon::Proposal.get(lang).into(),
        TextSheet::HoursPerWeekProposal.get(lang).into(),
    ];
    headers(ws, 0, &head, f)?;
    for (i, r) in s.hours.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_text(row, 0, &r.department)?;
        ws.write_text(row, 1, opening_channel_label(r.channel, lang))?;
        ws.write_text(row, 2, schedule_label(&r.today, lang))?;
        num(ws, row, 3, r.today_hours_per_week, &f.decimal)?;
        if let Some(p) = &r.proposal {
            ws.write_text(row, 4, schedule_label(p, lang))?;
        }
        if let Some(h) = r.proposal_hours_per_week {
            num(ws, row, 5, h, &f.decimal)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    widths(ws, &[24.0, 12.0, 40.0, 14.0, 40.0, 14.0])?;
    Ok(())
}

/// `run --breakdown`: one row per group, quantity and year, as breakdown.csv.
fn breakdown_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(b) = &s.breakdown else {
        return Ok(());
    };
    ws.set_name(sheet_name(TextSheet::Breakdown.get(lang)))?;
    let head: Vec<String> = vec![
        TextSheet::By.get(lang).into(),
        TextSheet::Name.get(lang).into(),
        TextCommon::Quantity.get(lang).into(),
        TextSheet::Unit.get(lang).into(),
        TextChart::Year.get(lang).into(),
        TextChart::Mean.get(lang).into(),
        "5 %".into(),
        TextChart::Median.get(lang).into(),
        "95 %".into(),
    ];
    headers(ws, 0, &head, f)?;
    let mut row = 1u32;
    for kind in crate::model::breakdown::KindOf::ALL {
        for g in b.groups(kind) {
            for (quantity, unit, values) in super::breakdown_csv::quantities(g) {
                let fmt = if unit == "kr." { &f.kr } else { &f.count };
                for (v, year) in values.iter().zip(&s.years) {
                    ws.write_text(row, 0, kind.key())?;
                    ws.write_text(row, 1, &g.name)?;
                    ws.write_text(row, 2, quantity)?;
                    ws.write_text(row, 3, unit)?;
                    num(ws, row, 4, f64::from(*year), &f.int)?;
                    num(ws, row, 5, v.mean, fmt)?;
                    num(ws, row, 6, v.p5, fmt)?;
                    num(ws, row, 7, v.p50, fmt)?;
                    num(ws, row, 8, v.p95, fmt)?;
                    row += 1;
                }
            }
        }
    }
    ws.write_text_with_format(row + 1, 0, TextSheet::BreakdownCovers.get(lang), &f.note)?;
    ws.set_freeze_panes(1, 0)?;
    widths(ws, &[16.0, 28.0, 28.0, 10.0, 8.0, 14.0, 14.0, 14.0, 14.0])?;
    Ok(())
}

fn sensitivity_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(sens) = &s.sensitivity else {
        return Ok(());
    };
    ws.set_name(sheet_name(TextSheet::Sensitivity.get(lang)))?;
    let title = format!(
        "{} {}: {} {}, {} {}",
        metric_label(sens.metric, lang),
        sens.year,
        TextCommon::Median.get(lang),
        format_kr(sens.output_median, lang),
        format_number(sens.trials_used as f64, 0, lang),
        TextCommon::Simulations.get(lang),
    );
    ws.write_text_with_format(0, 0, title, &f.title)?;
    ws.write_text(1, 0, variance_share_note(lang))?;
    let head: Vec<String> = vec![
        TextCommon::Input.get(lang).into(),
        TextSheet::Unit.get(lang).into(),
        TextSheet::RankCorrelationSpearman.get(lang).into(),
        TextCommon::ShareOfVariance.get(lang).into(),
        TextCommon::MedianWithTheInputLow.get(lang).into(),
        TextCommon::MedianWithTheInputHigh.get(lang).into(),
        TextCommon::Swing.get(lang).into(),
    ];
    let hr = 2;
    headers(ws, hr, &head, f)?;
    let mut row = hr + 1;
    for r in &sens.rows {
        ws.write_text(row, 0, r.input.to_string())?;
        ws.write_text(row, 1, unit_label(&r.unit, lang))?;
        num(ws, row, 2, r.spearman, &f.decimal)?;
        num(ws, row, 3, variance_share(r), &f.share)?;
        num(ws, row, 4, r.median_when_low, &f.kr)?;
        num(ws, row, 5, r.median_when_high, &f.kr)?;
        num(ws, row, 6, r.swing, &f.kr)?;
        row += 1;
    }
    if !sens.correlations.is_empty() {
        row += 1;
        headers(
            ws,
            row,
            &[
                TextCommon::InputA.get(lang).into(),
                TextCommon::InputB.get(lang).into(),
                TextSheet::DeclaredRankCorrelation.get(lang).into(),
                TextSheet::AchievedRankCorrelation.get(lang).into(),
            ],
            f,
        )?;
        row += 1;
        for c in &sens.correlations {
            ws.write_text(row, 0, c.a.to_string())?;
            ws.write_text(row, 1, c.b.to_string())?;
            num(ws, row, 2, c.declared, &f.decimal)?;
            num(ws, row, 3, c.achieved, &f.decimal)?;
            row += 1;
        }
    }
    ws.set_freeze_panes(hr + 1, 1)?;
    widths(ws, &[40.0, 20.0, 16.0, 16.0, 22.0, 22.0, 16.0])?;
    Ok(())
}

fn attribution_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(rows) = &s.attribution else {
        return Ok(());
    };
    ws.set_name(sheet_name(TextSheet::Measures.get(lang)))?;
    let mut head: Vec<String> = vec![TextCommon::Measure.get(lang).into()];
    for what in [
        TextSheet::ExtraNetSavings,
        TextSheet::Cost,
        TextSheet::SavingsBeforeCost,
    ] {
        let what = what.get(lang);
        for stat in ["P50", "P5", "P95"] {
            head.push(format!("{what} {stat}"));
        }
        for stat in ["P50", "P5", "P95"] {
            head.extend(ci_pair(&format!("{what} {stat}"), lang));
        }
    }
    headers(ws, 0, &head, f)?;
    for (i, r) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_text(row, 0, r.label(lang))?;
        for (j, q) in [&r.marginal_net_savings_kr, &r.cost_kr, &r.gross_savings_kr]
            .into_iter()
            .enumerate()
        {
            // P50, P5, P95, then their 95 % confidence limits (order statistics).
            let c = 1 + 9 * j as u16;
            num(ws, row, c, q.p50, &f.kr)?;
            num(ws, row, c + 1, q.p5, &f.kr)?;
            num(ws, row, c + 2, q.p95, &f.kr)?;
            let ci = &q.ci95;
            for (k, x) in [ci.p50, ci.p5, ci.p95].iter().flatten().enumerate() {
                num(ws, row, c + 3 + k as u16, *x, &f.kr)?;
            }
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.set_column_width(0, 40)?;
    for c in 1..head.len() as u16 {
        ws.set_column_width(c, 16)?;
    }
    Ok(())
}

/// Number of trials the per-trial sheet holds.
pub fn trial_sample_size(n_trials: usize, n_years: usize, max_trial_rows: usize) -> usize {
    let fit = EXCEL_MAX_DATA_ROWS / n_years.max(1);
    n_trials.min(max_trial_rows).min(fit)
}

/// The per-year cost components and savings sources every trial row holds,
/// written beside each trial's outcomes: the four parts of the cost on both
/// paths, then the savings by source, which add up to the savings.
pub const TRIAL_COMPONENTS: [MetricName; 13] = [
    cost_part(CostPart::Handling, RunPath::StatusQuo),
    cost_part(CostPart::Handling, RunPath::Scenario),
    cost_part(CostPart::Opening, RunPath::StatusQuo),
    cost_part(CostPart::Opening, RunPath::Scenario),
    cost_part(CostPart::Campaign, RunPath::StatusQuo),
    cost_part(CostPart::Campaign, RunPath::Scenario),
    cost_part(CostPart::OutboundMail, RunPath::StatusQuo),
    cost_part(CostPart::OutboundMail, RunPath::Scenario),
    MetricName::Source(SavingsSource::OpeningHours),
    MetricName::Source(SavingsSource::ChannelShift),
    MetricName::Source(SavingsSource::AvoidedContacts),
    MetricName::Source(SavingsSource::Initiatives),
    MetricName::Source(SavingsSource::OutboundMail),
];

/// A part of a path's cost as a metric.
const fn cost_part(part: CostPart, path: RunPath) -> MetricName {
    MetricName::Series(SeriesKey::Cost { part, path })
}

/// Columns of the per-trial sheet before the goals: trial, year, the five
/// amounts and the payback year.
const TRIAL_OUTCOME_COLUMNS: usize = 8;

/// Columns of the per-trial sheet of a scenario with `n_goals` goals and
/// `n_inputs` uncertain inputs: the outcomes, one per goal, the cost
/// components and savings sources, one per input.
pub fn trials_sheet_columns(n_goals: usize, n_inputs: usize) -> usize {
    TRIAL_OUTCOME_COLUMNS + n_goals + TRIAL_COMPONENTS.len() + n_inputs
}

/// Refuses, before anything is simulated, a per-trial sheet Excel cannot
/// hold: `--xlsx-trials` trials of one row per year beyond its 1,048,575
/// data rows, or more columns (one per goal and per uncertain input of
/// `scenario`) than its 16,384.
pub fn check_trials_sheet(scenario: &Scenario, xlsx_trials: usize) -> Result<(), InputError> {
    let years = scenario.years().max(1);
    let max_trials = EXCEL_MAX_DATA_ROWS / years;
    if xlsx_trials > max_trials {
        return Err(InputError::new(format!(
            "--xlsx-trials {xlsx_trials} is more than an Excel sheet holds: {max_trials} trials of {years} years each"
        ))
        .with_help(format!(
            "use --xlsx-trials {max_trials} or fewer; summary.json and the CSV files summarise every trial"
        )));
    }
    let columns = trials_sheet_columns(scenario.goals.len(), scenario.inputs.len());
    if columns > EXCEL_MAX_COLUMNS {
        return Err(InputError::in_file(
            &scenario.path,
            format!(
                "the workbook's per-trial sheet would need {columns} columns (one per goal and per \
                 uncertain input: {} goals, {} inputs), more than the {EXCEL_MAX_COLUMNS} an Excel sheet holds",
                scenario.goals.len(),
                scenario.inputs.len()
            ),
        )
        .with_help(
            "leave out --xlsx (summary.json and the CSV files hold every result), \
             or declare fewer goals or uncertain inputs",
        ));
    }
    Ok(())
}

/// The headers of the per-trial sheet.
fn trials_head(
    s: &RunSummary,
    n_goals: usize,
    components: &[MetricName],
    lang: Lang,
) -> Vec<String> {
    let mut head: Vec<String> = vec![
        TextSheet::TrialNo.get(lang).into(),
        TextChart::Year.get(lang).into(),
        metric_label(MetricKey::CostStatusQuo, lang),
        metric_label(MetricKey::CostScenario, lang),
        metric_label(MetricKey::Savings, lang),
        metric_label(MetricKey::CumulativeNetSavings, lang),
        metric_label(MetricKey::Npv, lang),
        metric_label(MetricKey::PaybackYear, lang),
    ];
    for g in s.goals.iter().take(n_goals) {
        head.push(format!("{}: {}", TextChart::Goal.get(lang), g.name));
    }
    head.extend(components.iter().map(|k| metric_label(k, lang)));
    head.extend(s.inputs.iter().map(|i| {
        format!(
            "{}: {} ({})",
            TextCommon::Input.get(lang),
            summary_input_label(s, &i.key, lang),
            i.key
        )
    }));
    head
}

/// Trials whose input draws are regenerated at a time while the per-trial
/// sheet is written (bounded memory at any --xlsx-trials).
const DRAW_CHUNK_TRIALS: usize = 4096;

/// The input values of trials `start..start + n`, trial-major (`n x
/// inputs`): the draws the run made, regenerated from the seed
/// ([`Engine::input_values`]).
fn input_draws(engine: &Engine, start: usize, n: usize) -> Vec<f64> {
    let k = engine.scenario.inputs.len();
    let mut rows = vec![0.0f64; n * k];
    if k == 0 {
        return rows;
    }
    rows.par_chunks_mut(k).enumerate().for_each(|(j, values)| {
        let mut uniforms = vec![0.0; k];
        engine.input_values((start + j) as u64, &mut uniforms, values);
    });
    rows
}

/// The slots of the per-trial sheet's cost components and savings sources
/// in the detail store, in [`TRIAL_COMPONENTS`] order.
fn component_slots(layout: &Layout) -> Vec<usize> {
    TRIAL_COMPONENTS
        .iter()
        .filter_map(|k| layout.metric_named(k).map(|m| m.offset))
        .collect()
}

/// Column widths and header height of the per-trial sheet, set before any
/// row is written (the sheet is streamed: rows written are gone).
fn trials_layout(ws: &mut Worksheet, columns: usize) -> Result<(), XlsxError> {
    ws.set_column_width(0, 11)?;
    ws.set_column_width(1, 7)?;
    for c in 2..8u16 {
        ws.set_column_width(c, 17)?;
    }
    for c in 8..columns as u16 {
        ws.set_column_width(c, 22)?;
    }
    ws.set_row_height(0, 45)?;
    ws.set_freeze_panes(1, 2)?;
    Ok(())
}

fn trials_sheet(
    ws: &mut Worksheet,
    s: &RunSummary,
    engine: &Engine,
    trials: &Trials,
    lang: Lang,
    max_trial_rows: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let layout = &engine.layout;
    ws.set_name(sheet_name(TextSheet::Trials.get(lang)))?;
    let n_goals = s.goals.len().min(layout.slots.goals.len());
    let components = component_slots(layout);
    let keys = &TRIAL_COMPONENTS[..components.len()];
    let head = trials_head(s, n_goals, keys, lang);
    trials_layout(ws, head.len())?;
    headers(ws, 0, &head, f)?;
    let n = trial_sample_size(trials.n, layout.n_years, max_trial_rows);
    let first_component = (TRIAL_OUTCOME_COLUMNS + n_goals) as u16;
    let first_input = first_component + components.len() as u16;
    let n_inputs = engine.scenario.inputs.len();
    let mut row: u32 = 1;
    for start in (0..n).step_by(DRAW_CHUNK_TRIALS) {
        let count = DRAW_CHUNK_TRIALS.min(n - start);
        let draws = input_draws(engine, start, count);
        for k in 0..count {
            let inputs = &draws[k * n_inputs..(k + 1) * n_inputs];
            let cells = TrialCells {
                trial: start + k,
                n_goals,
                components: &components,
                first_component,
                first_input,
                inputs,
            };
            row = trial_rows(ws, row, s, engine, trials, &cells, f)?;
        }
    }
    if row > 1 {
        ws.autofilter(0, 0, row - 1, head.len() as u16 - 1)?;
    }
    Ok(())
}

/// What one trial's rows hold beyond its outcomes.
struct TrialCells<'a> {
    trial: usize,
    n_goals: usize,
    components: &'a [usize],
    first_component: u16,
    first_input: u16,
    inputs: &'a [f64],
}

/// Writes one trial's rows (one per year) from `row`; returns the next row.
fn trial_rows(
    ws: &mut Worksheet,
    mut row: u32,
    s: &RunSummary,
    engine: &Engine,
    trials: &Trials,
    c: &TrialCells,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let layout = &engine.layout;
    let (cl, dl, i) = (layout.core_len, layout.detail_len, c.trial);
    let core = &trials.core[i * cl..(i + 1) * cl];
    let detail = &trials.detail[i * dl..(i + 1) * dl];
    let slots = &layout.slots;
    let money = [
        slots.cost_status_quo,
        slots.cost_scenario,
        slots.savings,
        slots.cumulative,
        slots.npv,
    ];
    for y in 0..layout.n_years {
        ws.write_number(row, 0, i as f64)?;
        if let Some(year) = s.years.get(y) {
            ws.write_number(row, 1, *year)?;
        }
        for (col, slot) in money.iter().enumerate() {
            num(ws, row, 2 + col as u16, core[slot + y], &f.kr)?;
        }
        num(ws, row, 7, core[slots.payback], &f.int)?;
        for (g, goal) in s.goals.iter().take(c.n_goals).enumerate() {
            let fmt = f.for_goal(goal.metric);
            num(ws, row, 8 + g as u16, core[slots.goals[g] + y], fmt)?;
        }
        for (col, slot) in c.components.iter().enumerate() {
            let x = f64::from(detail[slot + y]);
            num(ws, row, c.first_component + col as u16, x, &f.kr)?;
        }
        for (j, x) in c.inputs.iter().enumerate() {
            ws.write_number(row, c.first_input + j as u16, *x)?;
        }
        row += 1;
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("Mål: 2015 [a/b]?"), "Mål- 2015 -a-b--");
        assert_eq!(sheet_name("'Forslag'"), "Forslag");
        assert_eq!(sheet_name("a\u{1b}b"), "a\u{fffd}b");
        assert_eq!(sheet_name("''"), "-");
        // 31 UTF-16 units: an emoji takes two.
        let long = "x".repeat(30) + "😀";
        assert_eq!(sheet_name(&long), "x".repeat(30));
        assert_eq!(sheet_name(&"æ".repeat(40)), "æ".repeat(31));
    }

    #[test]
    fn sheet_names_are_unique_regardless_of_case() {
        let long = "Pr. år · solrod-2011-proposal-1: Forslag".to_string();
        let names =
            unique_sheet_names(&[long.clone(), long.clone(), "Mål".into(), "MÅL".into(), long]);
        assert_eq!(
            names,
            [
                "Pr. år · solrod-2011-proposal-1",
                "Pr. år · solrod-2011-propos (2)",
                "Mål",
                "MÅL (2)",
                "Pr. år · solrod-2011-propos (3)",
            ]
        );
        assert!(names.iter().all(|n| n.encode_utf16().count() <= 31));
    }

    #[test]
    fn the_per_trial_sheet_has_a_column_per_goal_and_input() {
        // Trial, year, 5 amounts, payback; 13 cost components and savings
        // sources; then one per goal and one per input.
        assert_eq!(trials_sheet_columns(0, 0), 21);
        assert_eq!(trials_sheet_columns(6, 53), 21 + 6 + 53);
        assert_eq!(trials_sheet_columns(16_363, 0), EXCEL_MAX_COLUMNS);
        // Every layout records every component, so the count is exact.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/model-worked-example.toml");
        let layout = crate::model::layout::Layout::new(&Scenario::from_file(&path).unwrap());
        for key in TRIAL_COMPONENTS {
            let m = layout.metric_named(&key).unwrap_or_else(|| panic!("{key}"));
            assert!(m.per_year && m.store == crate::model::layout::Store::Detail);
        }
    }
}
