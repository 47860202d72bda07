//! S-curves: the probability that the savings exceed an amount, one curve per
//! option, with the 50 % and 90 % levels emphasised.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{ExceedanceCurve, ExceedanceData};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{at_least_with_90, Lang, TextChart};

/// The amount at which the curve crosses probability `level` (linear
/// interpolation between points; `points` sorted by x).
pub(crate) fn crossing(points: &[(f64, f64)], level: f64) -> Option<f64> {
    let first = points.first()?;
    if first.1 < level {
        return None;
    }
    for w in points.windows(2) {
        let ((x0, p0), (x1, p1)) = (w[0], w[1]);
        if p0 >= level && p1 < level {
            let t = if p0 == p1 {
                0.0
            } else {
                (p0 - level) / (p0 - p1)
            };
            return Some(x0 + t * (x1 - x0));
        }
    }
    None
}

fn sorted(c: &ExceedanceCurve) -> Vec<(f64, f64)> {
    let mut p = c.points.clone();
    p.sort_by(|a, b| a.0.total_cmp(&b.0));
    p
}

/// One curve per option: x = amount, y = probability of saving at least
/// that much. Dashed lines at 50 % and 90 %; each curve's 90 % point is
/// marked and its amount given in the legend ("mindst ... med 90 %
/// sandsynlighed: 10 %-fraktilen"): the percentile is named, since the
/// report's other intervals run from 5 % to 95 %.
pub fn exceedance<'a>(
    data: &ExceedanceData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.curves.is_empty() {
        return Err(invalid("S-curve: no curves"));
    }
    for c in &data.curves {
        if c.points.len() < 2 {
            return Err(invalid(format!(
                "S-curve {:?}: fewer than two points",
                c.label
            )));
        }
        if c.points
            .iter()
            .any(|(x, p)| !x.is_finite() || !p.is_finite())
        {
            return Err(invalid(format!(
                "S-curve {:?}: a point is not finite",
                c.label
            )));
        }
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &ExceedanceData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let curves: Vec<Vec<(f64, f64)>> = data.curves.iter().map(sorted).collect();
    let color = |i: usize| {
        if data.curves.len() == 1 {
            SCENARIO
        } else {
            option_color(i)
        }
    };
    let measure = data.measure.label(lang);
    let lo = curves
        .iter()
        .flatten()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min);
    let hi = curves
        .iter()
        .flatten()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let x = money_axis(lo, hi, 7, &measure, lang);
    let legend = data
        .curves
        .iter()
        .zip(&curves)
        .enumerate()
        .map(|(i, (c, pts))| {
            let label = match crossing(pts, 0.9) {
                Some(v) => format!(
                    "{} ({})",
                    c.label,
                    at_least_with_90(lang, &x.money_text(v, lang))
                ),
                None => c.label.clone(),
            };
            LegendItem::new(label, Swatch::Line(color(i), 4))
        })
        .collect();
    let frame = Frame::new(
        TextChart::TitleExceedance.get(lang),
        text,
        TextChart::ExplainExceedance.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let y = percent_axis(
        0.0,
        1.0,
        0.1,
        TextChart::ProbabilityAtLeastAxis.get(lang),
        lang,
    );
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins {
            right: 60,
            ..Margins::default()
        },
        Mesh::default(),
    )?;
    let (px, _) = plot_pixels(&chart);

    // Emphasised levels, labelled at the right edge.
    for level in [0.5, 0.9] {
        let yy = chart.backend_coord(&(x.lo, level)).1;
        dashed_px(
            root,
            (px.start, yy),
            (px.end, yy),
            TEXT_SOFT.stroke_width(2),
            10,
            6,
        )?;
        put_text(
            root,
            &crate::i18n::format_pct(level, 0, lang),
            TICK_SIZE,
            true,
            TEXT_SOFT,
            (px.end + 6, yy),
            HPos::Left,
            VPos::Center,
        )?;
    }
    if data.measure.is_savings() && x.lo < 0.0 && x.hi > 0.0 {
        vline(&mut chart, 0.0, &y, TEXT.stroke_width(2))?;
    }

    for (i, pts) in curves.iter().enumerate() {
        let line = pts.clone();
        chart.draw_series(std::iter::once(PathElement::new(
            line,
            color(i).stroke_width(4),
        )))?;
        for level in [0.5, 0.9] {
            if let Some(v) = crossing(pts, level) {
                chart.draw_series(std::iter::once(Circle::new(
                    (v, level),
                    7,
                    color(i).filled(),
                )))?;
                chart.draw_series(std::iter::once(Circle::new((v, level), 3, WHITE.filled())))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::crossing;

    #[test]
    fn crossing_interpolates() {
        let pts = [(0.0, 1.0), (10.0, 0.8), (20.0, 0.4), (30.0, 0.0)];
        assert!((crossing(&pts, 0.9).unwrap() - 5.0).abs() < 1e-12);
        assert!((crossing(&pts, 0.5).unwrap() - 17.5).abs() < 1e-12);
        assert_eq!(crossing(&[(0.0, 0.3), (1.0, 0.1)], 0.5), None);
    }
}
