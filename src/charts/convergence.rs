//! Convergence: how settled the headline figure is. The running mean, median
//! and 5th and 95th percentiles of the headline output against the number
//! of trials, each with its 95 % confidence band: where the bands are
//! narrow and flat, more trials would not change the figures.

use crate::i18n::{TextChart, TextCommon};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::*;
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::Lang;
use crate::stats::convergence::Convergence;

const MEAN: RGBColor = RGBColor(0x00, 0x63, 0xa6);
const MEDIAN: RGBColor = RGBColor(0x00, 0x9e, 0x73);
const TAILS: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
const BAND_ALPHA: f64 = 0.22;

/// Draws the convergence of `data` (`what`: the output's name, e.g.
/// "Akkumuleret nettobesparelse 2015") into `out` (a .png or .svg file, or an SVG string).
pub fn convergence<'a>(
    data: &Convergence,
    what: &str,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.points.len() < 2 {
        return Err(invalid("convergence chart: fewer than two checkpoints"));
    }
    let finite = data.points.iter().all(|p| {
        [p.mean, p.p5, p.p50, p.p95]
            .iter()
            .chain(p.mean_ci95.iter())
            .chain(p.p5_ci95.iter())
            .chain(p.p95_ci95.iter())
            .all(|x| x.is_finite())
    });
    if !finite {
        return Err(invalid("convergence chart: a value is not finite"));
    }
    render_chart!(out, draw, data, what, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &Convergence,
    what: &str,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let (title, explain) = (
        TextChart::TitleConvergence.get(lang),
        TextChart::ExplainConvergence.get(lang),
    );
    let legend = vec![
        LegendItem::new(TextCommon::Mean.get(lang), Swatch::Line(MEAN, 3)),
        LegendItem::new(TextCommon::Median.get(lang), Swatch::Line(MEDIAN, 3)),
        LegendItem::new(
            TextChart::N5thAnd95thPercentile.get(lang),
            Swatch::Line(TAILS, 3),
        ),
        LegendItem::new(
            TextChart::N95PctConfidenceInterval.get(lang),
            Swatch::Fill(tint(MEAN, 1.0 - BAND_ALPHA)),
        ),
    ];
    let frame = Frame::new(
        title,
        text,
        explain,
        data.points.last().map(|p| p.trials as u64),
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;
    let last = data.points.last().expect("checked").trials as f64;
    let lo = data
        .points
        .iter()
        .map(|p| p.p5_ci95[0].min(p.mean_ci95[0]))
        .fold(f64::INFINITY, f64::min);
    let hi = data
        .points
        .iter()
        .map(|p| p.p95_ci95[1].max(p.mean_ci95[1]))
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = (hi - lo).abs().max(hi.abs() * 0.01) * 0.05;
    let x = count_axis(0.0, last, 6, TextCommon::Simulations.get(lang), lang);
    let y = money_axis(lo - pad, hi + pad, 6, what, lang);
    let mut chart = build_chart(&plot, &x, &y, Margins::default(), Mesh::default())?;
    type Pick = fn(&crate::stats::convergence::ConvergencePoint) -> (f64, [f64; 2]);
    let series: [(Pick, RGBColor); 4] = [
        (|p| (p.p5, p.p5_ci95), TAILS),
        (|p| (p.p95, p.p95_ci95), TAILS),
        (|p| (p.p50, p.p50_ci95), MEDIAN),
        (|p| (p.mean, p.mean_ci95), MEAN),
    ];
    for (pick, color) in series {
        let mut band: Vec<(f64, f64)> = data
            .points
            .iter()
            .map(|p| (p.trials as f64, pick(p).1[1]))
            .collect();
        band.extend(
            data.points
                .iter()
                .rev()
                .map(|p| (p.trials as f64, pick(p).1[0])),
        );
        chart.draw_series(std::iter::once(Polygon::new(
            band,
            color.mix(BAND_ALPHA).filled(),
        )))?;
    }
    for (pick, color) in series {
        let line: Vec<(f64, f64)> = data
            .points
            .iter()
            .map(|p| (p.trials as f64, pick(p).0))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            line,
            color.stroke_width(3),
        )))?;
    }
    Ok(())
}
