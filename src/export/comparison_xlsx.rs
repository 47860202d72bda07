//! The Excel workbook of `compare --xlsx`: `comparison.xlsx`.
//!
//! Sheets (names and headers in the chosen language):
//!
//! - the options side by side: one row per option and year with the numbers
//!   of comparison.csv and comparison.json (cost, savings and cumulative net
//!   savings with their 5 % and 95 % points, net present value, opening
//!   cost, displaced contacts);
//! - pairwise: per ordered pair of options and year, the share of trials in
//!   which the first saves more (that year, and cumulatively) and the
//!   trial-by-trial differences;
//! - payback: per option the share of trials by payback year;
//! - weekly open hours today and under each option (when there are any);
//! - per option its own per-year sheet and goals sheet, as `run --xlsx`
//!   writes them ([`super::xlsx`]), named "Pr. år · <option>", "Mål ·
//!   <option>" (cut to Excel's 31 characters and numbered where two would
//!   read the same).
//!
//! Like the run's workbook: header rows frozen, filters on every table,
//! texts through [`clean_text`](super::sanitize::clean_text), the creation
//! date 1 January of the base year (the same run gives the same bytes), and
//! the file written by the [`ExportManager`](super::ExportManager).

use crate::i18n::{options_sheet_note, Lang, TextChart, TextCommon, TextSheet};
use crate::metric_key::{MetricKey, MetricName};
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::xlsx::{
    creation_date, goals_sheet_name, goals_table, headers, num, unique_sheet_names, widths,
    years_sheet_name, years_table, Formats, WriteText,
};
use crate::comparison::{Comparison, OptionResult, OptionYear};
use crate::report::chart_data::opening_channel_label;
use crate::report::html::metric_label;
use crate::stats::Summary;
use crate::summary::{Payback, RunSummary};

/// The workbook's file name in `--out`.
pub const FILE_NAME: &str = "comparison.xlsx";

/// `comparison.xlsx` (`compare --xlsx`) in a language.
pub struct ComparisonXlsx(pub Lang);

impl super::Exporter for ComparisonXlsx {
    fn render(&self, results: &super::Results<'_>) -> anyhow::Result<Vec<u8>> {
        let (c, summaries) = results.comparison()?;
        render_comparison_xlsx(c, summaries, self.0)
    }
}

/// The workbook's bytes: the options side by side, the pairwise
/// probabilities, payback, and each option's per-year and goals sheets;
/// `summaries` are the options' run summaries in the comparison's order.
pub fn render_comparison_xlsx(
    c: &Comparison,
    summaries: &[RunSummary],
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    if let Some(first) = summaries.first() {
        wb.set_properties(&DocProperties::new().set_creation_datetime(&creation_date(first)?));
    }
    let names = unique_sheet_names(&sheet_names(c, summaries, lang));
    let mut names = names.iter();
    let mut next = || names.next().expect("one name per sheet");
    options_sheet(add_sheet(&mut wb, next())?, c, lang, &f)?;
    if c.options.len() > 1 {
        pairwise_sheet(add_sheet(&mut wb, next())?, c, lang, &f)?;
    }
    payback_sheet(add_sheet(&mut wb, next())?, c, lang, &f)?;
    if has_hours(c) {
        hours_sheet(add_sheet(&mut wb, next())?, c, lang, &f)?;
    }
    for s in summaries {
        years_table(add_sheet(&mut wb, next())?, s, lang, &f)?;
        if !s.goals.is_empty() {
            goals_table(add_sheet(&mut wb, next())?, s, lang, &f)?;
        }
    }
    wb.save_to_buffer()
        .map_err(|e| anyhow::anyhow!("cannot build the Excel workbook: {e}"))
}

/// A new sheet named `name`.
fn add_sheet<'w>(wb: &'w mut Workbook, name: &str) -> Result<&'w mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    Ok(ws)
}

/// Whether any option has opening hours.
fn has_hours(c: &Comparison) -> bool {
    c.options.iter().any(|o| !o.hours.is_empty())
}

/// The wanted name of every sheet, in the order they are added.
fn sheet_names(c: &Comparison, summaries: &[RunSummary], lang: Lang) -> Vec<String> {
    let mut names = vec![TextSheet::Comparison.get(lang).to_string()];
    if c.options.len() > 1 {
        names.push(TextSheet::Pairwise.get(lang).into());
    }
    names.push(TextSheet::Payback.get(lang).into());
    if has_hours(c) {
        names.push(TextCommon::OpeningHours.get(lang).into());
    }
    for (o, s) in c.options.iter().zip(summaries) {
        names.push(format!("{} · {}", years_sheet_name(lang), o.name));
        if !s.goals.is_empty() {
            names.push(format!("{} · {}", goals_sheet_name(lang), o.name));
        }
    }
    names
}

/// "Savings P5", "Savings P50", "Savings P95".
fn p5_p50_p95(what: &str) -> [String; 3] {
    ["P5", "P50", "P95"].map(|p| format!("{what} {p}"))
}

/// The options side by side, one row per option and year.
fn options_sheet(
    ws: &mut Worksheet,
    c: &Comparison,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_text_with_format(0, 0, TextSheet::TheOptionsSideBySide.get(lang), &f.title)?;
    let note = options_sheet_note(lang, c.trials, c.seed);
    ws.write_text_with_format(1, 0, note, &f.note)?;
    let head = options_head(lang);
    let hr = 3;
    headers(ws, hr, &head, f)?;
    let mut row = hr + 1;
    for o in &c.options {
        for y in &o.years {
            option_year_row(ws, row, o, y, f)?;
            row += 1;
        }
    }
    ws.set_freeze_panes(hr + 1, 2)?;
    ws.autofilter(hr, 0, (row - 1).max(hr), head.len() as u16 - 1)?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 7)?;
    for col in 2..head.len() as u16 {
        ws.set_column_width(col, 16)?;
    }
    ws.set_row_height(hr, 45)?;
    Ok(())
}

/// The headers of the options sheet.
fn options_head(lang: Lang) -> Vec<String> {
    let median = TextCommon::Median.get(lang);
    let mut head: Vec<String> = vec![
        TextSheet::Option.get(lang).into(),
        TextChart::Year.get(lang).into(),
        format!("{}, {median}", metric_label(MetricKey::CostStatusQuo, lang)),
        format!("{}, {median}", TextSheet::CostOption.get(lang)),
    ];
    head.extend(p5_p50_p95(&metric_label(MetricKey::Savings, lang)));
    head.extend(p5_p50_p95(&metric_label(
        MetricKey::CumulativeNetSavings,
        lang,
    )));
    head.extend(p5_p50_p95(&metric_label(MetricKey::Npv, lang)));
    head.push(format!(
        "{}, {median}",
        TextSheet::OpeningCostOption.get(lang)
    ));
    for key in [
        "displaced_retimed",
        "displaced_to_digital",
        "displaced_to_phone",
        "displaced_avoided",
    ] {
        head.push(format!(
            "{}, {median}",
            metric_label(MetricName::Other(key), lang)
        ));
    }
    head
}

/// One option's year: the cells under [`options_head`].
fn option_year_row(
    ws: &mut Worksheet,
    row: u32,
    o: &OptionResult,
    y: &OptionYear,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_text(row, 0, &o.name)?;
    ws.write_number(row, 1, y.year)?;
    num(ws, row, 2, y.cost_status_quo_kr.p50, &f.kr)?;
    num(ws, row, 3, y.cost_kr.p50, &f.kr)?;
    let mut col = 4;
    for q in [&y.savings_kr, &y.cumulative_net_savings_kr, &y.npv_kr] {
        col = p5_p50_p95_cells(ws, row, col, q, f)?;
    }
    num(ws, row, col, y.opening_cost_kr.p50, &f.kr)?;
    for (i, q) in [
        &y.displaced_retimed,
        &y.displaced_to_digital,
        &y.displaced_to_phone,
        &y.displaced_avoided,
    ]
    .into_iter()
    .enumerate()
    {
        num(ws, row, col + 1 + i as u16, q.p50, &f.count)?;
    }
    Ok(())
}

/// P5, P50 and P95 of `q` in kroner from column `col`; returns the next column.
fn p5_p50_p95_cells(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    q: &Summary,
    f: &Formats,
) -> Result<u16, XlsxError> {
    for (i, x) in [q.p5, q.p50, q.p95].into_iter().enumerate() {
        num(ws, row, col + i as u16, x, &f.kr)?;
    }
    Ok(col + 3)
}

/// Every ordered pair of options per year, trial by trial.
fn pairwise_sheet(
    ws: &mut Worksheet,
    c: &Comparison,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut head: Vec<String> = vec![
        TextSheet::OptionA.get(lang).into(),
        TextSheet::OptionB.get(lang).into(),
        TextChart::Year.get(lang).into(),
        TextSheet::ProbabilityThatASavesMore.get(lang).into(),
    ];
    head.extend(p5_p50_p95(TextSheet::SavingsAB.get(lang)));
    head.push(TextSheet::ProbabilityThatAsCumulativeNet.get(lang).into());
    head.extend(p5_p50_p95(TextSheet::CumulativeNetSavingsAB.get(lang)));
    headers(ws, 0, &head, f)?;
    let mut row = 1;
    for p in &c.pairwise {
        for y in &p.years {
            ws.write_text(row, 0, &p.a)?;
            ws.write_text(row, 1, &p.b)?;
            ws.write_number(row, 2, y.year)?;
            num(ws, row, 3, y.prob_a_saves_more, &f.share)?;
            let col = p5_p50_p95_cells(ws, row, 4, &y.savings_difference_kr, f)?;
            num(ws, row, col, y.prob_a_cumulative_more, &f.share)?;
            p5_p50_p95_cells(ws, row, col + 1, &y.cumulative_difference_kr, f)?;
            row += 1;
        }
    }
    ws.write_text_with_format(
        row + 1,
        0,
        TextSheet::TheDifferencesAreTakenTrial.get(lang),
        &f.note,
    )?;
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, (row - 1).max(1), head.len() as u16 - 1)?;
    widths(ws, &[28.0, 28.0, 7.0, 18.0])?;
    for col in 4..head.len() as u16 {
        ws.set_column_width(col, 16)?;
    }
    ws.set_row_height(0, 60)?;
    Ok(())
}

/// Share of trials by payback year, per option.
fn payback_sheet(
    ws: &mut Worksheet,
    c: &Comparison,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    headers(
        ws,
        0,
        &[
            TextSheet::Option.get(lang).into(),
            TextCommon::PaybackYear.get(lang).into(),
            TextSheet::ShareOfSimulations.get(lang).into(),
        ],
        f,
    )?;
    let end = c.years.last().copied().unwrap_or_default();
    let mut row = 1;
    for o in &c.options {
        // Years in order, "not by" last (the keys' order).
        for (k, share) in &o.payback {
            ws.write_text(row, 0, &o.name)?;
            match *k {
                Payback::Year(year) => ws.write_number(row, 1, year)?,
                Payback::NotBy(_) => ws.write_text(
                    row,
                    1,
                    format!("{} {end}", TextSheet::NotByTheEndOf.get(lang)),
                )?,
            };
            num(ws, row, 2, *share, &f.share)?;
            row += 1;
        }
    }
    super::xlsx::payback_note(ws, row + 1, lang, f)?;
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, (row - 1).max(1), 2)?;
    widths(ws, &[28.0, 24.0, 22.0])?;
    Ok(())
}

/// Weekly open hours per department and channel: today and each option.
fn hours_sheet(
    ws: &mut Worksheet,
    c: &Comparison,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut head: Vec<String> = vec![
        TextCommon::Department.get(lang).into(),
        TextCommon::Channel.get(lang).into(),
        TextSheet::HoursPerWeekToday.get(lang).into(),
    ];
    head.extend(
        c.options
            .iter()
            .map(|o| format!("{}: {}", TextCommon::HoursPerWeek.get(lang), o.name)),
    );
    headers(ws, 0, &head, f)?;
    for (i, h) in c.hours_channels().into_iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_text(row, 0, &h.department)?;
        ws.write_text(row, 1, opening_channel_label(h.channel, lang))?;
        num(ws, row, 2, h.today_hours_per_week, &f.decimal)?;
        for (j, o) in c.options.iter().enumerate() {
            if let Some(hours) = o.weekly_hours(&h.department, h.channel) {
                num(ws, row, 3 + j as u16, hours, &f.decimal)?;
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    widths(ws, &[24.0, 12.0, 14.0])?;
    for col in 3..head.len() as u16 {
        ws.set_column_width(col, 18)?;
    }
    ws.set_row_height(0, 45)?;
    Ok(())
}
