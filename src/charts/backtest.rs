//! Backtest: where each realised value fell in its forecast. One row per
//! observation on a common scale of the forecast's own percentiles (so
//! shares, contacts and kroner fit one chart): the 90 % band (5th to 95th
//! percentile) light, the 50 % band (25th to 75th) darker, the median as a
//! line, the realised value as a dot, with the realised value and the
//! forecast's median written beside the row in their own units.

use crate::i18n::TextChart;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::Lang;

const BAND90: RGBColor = RGBColor(0xc6, 0xdb, 0xef);
const BAND50: RGBColor = RGBColor(0x6b, 0xae, 0xd6);
const REALISED: RGBColor = RGBColor(0xd5, 0x5e, 0x00);

/// One observation's row.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestRow {
    /// Name and year, e.g. "Selvbetjening, flytning 2015".
    pub label: String,
    /// Where the realised value fell: the share of trials below it (0..1).
    pub pit: f64,
    /// "faktisk 62,0 % · median 55,1 %".
    pub values: String,
}

/// What the chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestData {
    pub rows: Vec<BacktestRow>,
    pub trials: Option<u64>,
}

/// Draws the chart into `out` (a .png or .svg file, or an SVG string).
pub fn backtest<'a>(
    data: &BacktestData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.rows.is_empty() {
        return Err(invalid("backtest chart: no observations"));
    }
    if data.rows.iter().any(|r| !(0.0..=1.0).contains(&r.pit)) {
        return Err(invalid("backtest chart: a PIT outside 0..1"));
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &BacktestData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let (title, explain) = (
        TextChart::TitleBacktest.get(lang),
        TextChart::ExplainBacktest.get(lang),
    );
    let legend = vec![
        LegendItem::new(TextChart::N90PctBand.get(lang), Swatch::Fill(BAND90)),
        LegendItem::new(TextChart::N50PctBand.get(lang), Swatch::Fill(BAND50)),
        LegendItem::new(
            TextChart::ForecastMedian.get(lang),
            Swatch::Line(SCENARIO, 3),
        ),
        LegendItem::new(
            TextChart::RealisedValue.get(lang),
            Swatch::Line(REALISED, 8),
        ),
    ];
    let frame = Frame::new(title, text, explain, data.trials, lang).legend(legend);
    let plot = draw_frame(root, &frame)?;
    let ((ax0, ax1), (ay0, ay1)) = {
        let (x, y) = plot.get_pixel_range();
        ((x.start, x.end), (y.start, y.end))
    };
    let left = ax0 + MARGIN_X;
    let right = ax1 - MARGIN_X;
    let name_size = ANNOTATION_SIZE + 1.0;
    let longest = data
        .rows
        .iter()
        .map(|r| text_width(&r.label, name_size, false))
        .max()
        .unwrap_or(0);
    let name_w = (longest + 20).clamp(140, (right - left) * 30 / 100);
    let values_w = data
        .rows
        .iter()
        .map(|r| text_width(&r.values, ANNOTATION_SIZE, false))
        .max()
        .unwrap_or(0)
        .clamp(120, (right - left) * 30 / 100)
        + 16;
    // Room for a dot at 0 % or 100 % beside the names and the values.
    let x0 = left + name_w + 14;
    let x1 = right - values_w - 4;
    let scale = |p: f64| x0 + ((x1 - x0) as f64 * p).round() as i32;
    let header_h = 40;
    let avail = ay1 - ay0 - header_h - 10;
    let row_h = (avail / data.rows.len() as i32).clamp(22, 70);
    let top0 = ay0 + header_h;
    // Percentile axis on top.
    let axis_label = TextChart::PercentileOfTheForecast.get(lang);
    put_text(
        root,
        axis_label,
        CAPTION_SIZE,
        false,
        TEXT_SOFT,
        (x0, ay0 + 2),
        HPos::Left,
        VPos::Top,
    )?;
    for p in [0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0] {
        let x = scale(p);
        root.draw(&PathElement::new(
            vec![(x, top0 - 4), (x, top0 + row_h * data.rows.len() as i32)],
            GRID.stroke_width(1),
        ))?;
        if p == 0.05 || p == 0.95 {
            continue; // gridline only: the label would touch 0 % / 100 %
        }
        put_text(
            root,
            &format!("{} %", (p * 100.0).round()),
            TICK_SIZE - 2.0,
            false,
            TEXT_SOFT,
            (x, top0 - 6),
            HPos::Center,
            VPos::Bottom,
        )?;
    }
    for (i, r) in data.rows.iter().enumerate() {
        let top = top0 + i as i32 * row_h;
        let mid = top + row_h / 2;
        let bar = (row_h * 2 / 5).clamp(8, 22);
        let lines = wrap_lines(
            &r.label,
            name_size,
            false,
            name_w - 14,
            if row_h >= 40 { 2 } else { 1 },
        );
        let line_h = (row_h / 2 - 1).min(20);
        let first = mid - (lines.len() as i32 - 1) * line_h / 2;
        for (k, line) in lines.iter().enumerate() {
            put_text(
                root,
                line,
                name_size,
                false,
                TEXT,
                (x0 - 24, first + k as i32 * line_h),
                HPos::Right,
                VPos::Center,
            )?;
        }
        root.draw(&Rectangle::new(
            [(scale(0.05), mid - bar / 2), (scale(0.95), mid + bar / 2)],
            BAND90.filled(),
        ))?;
        root.draw(&Rectangle::new(
            [(scale(0.25), mid - bar / 2), (scale(0.75), mid + bar / 2)],
            BAND50.filled(),
        ))?;
        root.draw(&PathElement::new(
            vec![
                (scale(0.5), mid - bar / 2 - 3),
                (scale(0.5), mid + bar / 2 + 3),
            ],
            SCENARIO.stroke_width(3),
        ))?;
        let radius = (bar / 2 + 2).clamp(5, 10);
        root.draw(&Circle::new((scale(r.pit), mid), radius, REALISED.filled()))?;
        root.draw(&Circle::new(
            (scale(r.pit), mid),
            radius,
            WHITE.stroke_width(1),
        ))?;
        put_text(
            root,
            &r.values,
            ANNOTATION_SIZE,
            false,
            TEXT,
            (x1 + 16, mid),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}
