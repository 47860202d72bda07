//! Histogram of one amount over the trials (typically cumulative net savings
//! in the end year), with the median and the 5 % / 95 % limits marked and
//! 0 kr. (neither saving nor loss) emphasised.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::HistogramData;
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{
    format_probability, mean_value, outcomes_title, probability_of_saving, Lang, TextChart,
};

/// Colour of the median line and label.
const MEDIAN: RGBColor = RGBColor(0x0b, 0x3d, 0x6b);

/// Bars show the share of trials per bin (green above 0 kr., red below for
/// savings measures); vertical lines mark the 5 % limit, the median and the
/// 95 % limit, each labelled with its amount; a thick line marks 0 kr.
pub fn histogram<'a>(
    data: &HistogramData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.bins.is_empty() {
        return Err(invalid("histogram: no bins"));
    }
    if data.trials == 0 {
        return Err(invalid("histogram: zero trials"));
    }
    for &(lo, hi, _) in &data.bins {
        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
            return Err(invalid(format!("histogram: bad bin {lo}..{hi}")));
        }
    }
    if ![data.p5, data.p50, data.p95, data.mean]
        .iter()
        .all(|v| v.is_finite())
    {
        return Err(invalid("histogram: a percentile is not finite"));
    }
    // Amounts beyond ±1e300 kr. (only from absurd inputs) are drawn at
    // ±1e300 so that the axis arithmetic stays finite.
    let lim = |v: f64| v.clamp(-MAX_AMOUNT, MAX_AMOUNT);
    let data = &HistogramData {
        bins: data
            .bins
            .iter()
            .map(|&(lo, hi, n)| (lim(lo), lim(hi), n))
            .collect(),
        p5: lim(data.p5),
        p50: lim(data.p50),
        p95: lim(data.p95),
        mean: lim(data.mean),
        ..data.clone()
    };
    render_chart!(out, draw, data, text, lang)
}

/// The largest amount drawn as it is.
const MAX_AMOUNT: f64 = 1e300;

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &HistogramData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let measure = data.measure.label(lang);
    let savings = data.measure.is_savings();
    let bar_pos = if savings {
        tint(GAIN, 0.25)
    } else {
        tint(SCENARIO, 0.25)
    };
    let bar_neg = if savings {
        tint(LOSS, 0.25)
    } else {
        tint(SCENARIO, 0.25)
    };

    // x range: the bins and the marked percentiles; 0 kr. as well when it is
    // not far away (then the reader sees the distance to break-even).
    let mut lo = data.bins.iter().map(|b| b.0).fold(data.p5, f64::min);
    let mut hi = data.bins.iter().map(|b| b.1).fold(data.p95, f64::max);
    if savings && (lo > 0.0 && lo < hi - lo || hi < 0.0 && -hi < hi - lo) {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let pad = (hi - lo) * 0.02;
    let x = money_axis(lo - pad, hi + pad, 7, &measure, lang);

    let mut legend = Vec::new();
    if savings {
        if data.bins.iter().any(|b| b.1 > 0.0 && b.2 > 0) {
            legend.push(LegendItem::new(
                TextChart::Saving.get(lang),
                Swatch::Fill(bar_pos),
            ));
        }
        if data.bins.iter().any(|b| b.0 < 0.0 && b.2 > 0) {
            legend.push(LegendItem::new(
                TextChart::Loss.get(lang),
                Swatch::Fill(bar_neg),
            ));
        }
    }
    legend.push(LegendItem::new(
        TextChart::Median.get(lang),
        Swatch::Line(MEDIAN, 3),
    ));
    legend.push(LegendItem::new(
        TextChart::Limits595.get(lang),
        Swatch::Dashed(TEXT_SOFT),
    ));
    // "Gennemsnit: 3,40 mio. kr." is a sentence: it ends with a full stop.
    let mean = x.money_text(data.mean, lang);
    let stop = if mean.ends_with('.') { "" } else { "." };
    let mut frame = Frame::new(
        outcomes_title(lang, &measure),
        text,
        TextChart::ExplainHistogram.get(lang),
        Some(data.trials),
        lang,
    )
    .legend(legend)
    .caption_extra(mean_value(lang, &mean, stop));
    if let (Some(p), true) = (data.prob_positive, savings) {
        let color = if p >= 0.5 { GAIN } else { LOSS };
        frame = frame.highlight(
            probability_of_saving(lang, &format_probability(p, lang)),
            color,
        );
    }
    let plot = draw_frame(root, &frame)?;

    let max_share = data
        .bins
        .iter()
        .map(|b| b.2 as f64 / data.trials as f64)
        .fold(0.0, f64::max);
    // Head room above the bars for the labels of the lines.
    let step = nice_step_125((max_share * 1.5).max(1e-3), 5);
    let top = ((max_share * 1.5).max(1e-3) / step - 1e-9).ceil() * step;
    let y = percent_axis(
        0.0,
        top,
        step,
        TextChart::ShareOfSimulations.get(lang),
        lang,
    );

    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins::default(),
        Mesh {
            x_grid: false,
            ..Mesh::default()
        },
    )?;

    // A bin narrower than 1 % of the axis (all trials equal, or a tiny
    // spread around a large amount) is widened about its centre so that it
    // stays visible.
    let min_w = (x.hi - x.lo) * 0.01;
    for &(b_lo, b_hi, count) in &data.bins {
        let h = count as f64 / data.trials as f64;
        if h <= 0.0 {
            continue;
        }
        let (b_lo, b_hi) = if b_hi - b_lo < min_w {
            let c = b_lo / 2.0 + b_hi / 2.0;
            (c - min_w / 2.0, c + min_w / 2.0)
        } else {
            (b_lo, b_hi)
        };
        let inset = (b_hi - b_lo) * 0.04;
        let (a, b) = (b_lo + inset, b_hi - inset);
        let mut parts = Vec::new();
        if b <= 0.0 {
            parts.push((a, b, bar_neg));
        } else if a >= 0.0 {
            parts.push((a, b, bar_pos));
        } else {
            parts.push((a, 0.0, bar_neg));
            parts.push((0.0, b, bar_pos));
        }
        for (a, b, c) in parts {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(a, 0.0), (b, h)],
                c.filled(),
            )))?;
        }
    }

    let (px, py) = plot_pixels(&chart);
    let x_px = |v: f64| chart.backend_coord(&(v, 0.0)).0;

    // 0 kr.
    if savings && x.contains(0.0) {
        let zx = x_px(0.0);
        root.draw(&PathElement::new(
            vec![(zx, py.start), (zx, py.end)],
            TEXT.stroke_width(3),
        ))?;
        let row_y = py.start + 14;
        if zx - px.start > 90 {
            put_text(
                root,
                TextChart::LossArrow.get(lang),
                ANNOTATION_SIZE,
                true,
                LOSS,
                (zx - 8, row_y),
                HPos::Right,
                VPos::Center,
            )?;
        }
        if px.end - zx > 130 {
            put_text(
                root,
                TextChart::SavingArrow.get(lang),
                ANNOTATION_SIZE,
                true,
                GAIN,
                (zx + 8, row_y),
                HPos::Left,
                VPos::Center,
            )?;
        }
    }

    // Percentile lines and their labels, median first so it gets the top row.
    let marks = [
        (
            data.p50,
            format!(
                "{}: {}",
                TextChart::Median.get(lang),
                &x.money_text(data.p50, lang)
            ),
            MEDIAN,
            true,
        ),
        (
            data.p5,
            format!("{} %: {}", 5, &x.money_text(data.p5, lang)),
            TEXT_SOFT,
            false,
        ),
        (
            data.p95,
            format!("{} %: {}", 95, &x.money_text(data.p95, lang)),
            TEXT_SOFT,
            false,
        ),
    ];
    let label_top = py.start + 44;
    let mut extents = Vec::new();
    let mut anchors = Vec::new();
    for (v, label, _, bold) in &marks {
        let cx = x_px(*v);
        let w = text_width(label, ANNOTATION_SIZE, *bold) + 8;
        // A label wider than the plot starts at its left edge (clamp would
        // panic with min > max).
        let left = (cx - w / 2).min(px.end - w - 2).max(px.start + 2);
        extents.push((left, left + w));
        anchors.push(left + w / 2);
    }
    let rows = assign_rows(&extents, 6);
    for (k, (v, label, color, bold)) in marks.iter().enumerate() {
        let cx = x_px(*v);
        let ly = label_top + rows[k] as i32 * 28;
        if *bold {
            root.draw(&PathElement::new(
                vec![(cx, ly + 12), (cx, py.end)],
                color.stroke_width(3),
            ))?;
        } else {
            dashed_px(
                root,
                (cx, ly + 12),
                (cx, py.end),
                color.stroke_width(2),
                8,
                5,
            )?;
        }
        boxed_text(
            root,
            label,
            ANNOTATION_SIZE,
            *bold,
            *color,
            (anchors[k], ly),
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}
