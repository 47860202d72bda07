//! Attribution: the marginal savings of each policy event.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{AttributionBar, AttributionData};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{Lang, TextChart};

const MAX_NAME_W: i32 = 330;

/// Horizontal bars per policy event, largest median contribution on top:
/// bar from 0 kr. to the median (green for a saving, red for a loss), a
/// line with end caps for the 5-95 % interval, the median written after the
/// interval.
pub fn attribution<'a>(
    data: &AttributionData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.bars.is_empty() {
        return Err(invalid("attribution: no events"));
    }
    if data
        .bars
        .iter()
        .any(|b| !(b.p5.is_finite() && b.p50.is_finite() && b.p95.is_finite()))
    {
        return Err(invalid("attribution: a value is not finite"));
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &AttributionData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let mut bars: Vec<&AttributionBar> = data.bars.iter().collect();
    bars.sort_by(|a, b| b.p50.total_cmp(&a.p50));
    let n = bars.len();
    let mut legend = vec![LegendItem::new(
        TextChart::Saving.get(lang),
        Swatch::Fill(tint(GAIN, 0.2)),
    )];
    if bars.iter().any(|b| b.p50 < 0.0) {
        legend.push(LegendItem::new(
            TextChart::Loss.get(lang),
            Swatch::Fill(tint(LOSS, 0.2)),
        ));
    }
    legend.push(LegendItem::new(
        TextChart::Interval90.get(lang),
        Swatch::Line(TEXT, 2),
    ));
    let frame = Frame::new(
        TextChart::TitleAttribution.get(lang),
        text,
        TextChart::ExplainAttribution.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let lo = bars.iter().map(|b| b.p5.min(b.p50)).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.p95.max(b.p50)).fold(0.0, f64::max);
    let span = (hi - lo).max(1.0);
    // Room on the right (and left, for losses) for the amounts.
    let left_room = if lo < 0.0 { span * 0.2 } else { span * 0.02 };
    let x = money_axis(
        lo - left_room,
        hi + span * 0.2,
        7,
        &data.measure.label(lang),
        lang,
    );
    let y = Axis {
        lo: 0.0,
        hi: n as f64,
        ticks: (0..n).map(|i| (n - i) as f64 - 0.5).collect(),
        labels: bars
            .iter()
            .map(|b| ellipsize(&b.event, TICK_SIZE, false, MAX_NAME_W))
            .collect(),
        title: String::new(),
        unit: None,
    };
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins::default(),
        Mesh {
            y_grid: false,
            ..Mesh::default()
        },
    )?;
    let half = 0.3;
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        let c = if b.p50 >= 0.0 {
            tint(GAIN, 0.2)
        } else {
            tint(LOSS, 0.2)
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (0.0_f64.min(b.p50), yc - half),
                (0.0_f64.max(b.p50), yc + half),
            ],
            c.filled(),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(b.p5, yc), (b.p95, yc)],
            TEXT.stroke_width(2),
        )))?;
        for v in [b.p5, b.p95] {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(v, yc - half * 0.5), (v, yc + half * 0.5)],
                TEXT.stroke_width(2),
            )))?;
        }
    }
    vline(&mut chart, 0.0, &y, TEXT.stroke_width(2))?;
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        let size = if n > 12 {
            CAPTION_SIZE
        } else {
            ANNOTATION_SIZE
        };
        let label = x.money_text(b.p50, lang);
        if b.p50 >= 0.0 {
            let (px, py) = chart.backend_coord(&(b.p95.max(b.p50), yc));
            put_text(
                root,
                &label,
                size,
                true,
                TEXT,
                (px + 10, py),
                HPos::Left,
                VPos::Center,
            )?;
        } else {
            let (px, py) = chart.backend_coord(&(b.p5.min(b.p50), yc));
            put_text(
                root,
                &label,
                size,
                true,
                LOSS,
                (px - 10, py),
                HPos::Right,
                VPos::Center,
            )?;
        }
    }
    Ok(())
}
