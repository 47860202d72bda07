//! Fan chart: annual cost of the scenario against the status quo, with the
//! median as a line and the 50 % and 90 % intervals as bands.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{FanChartData, FanSeries, Quantiles};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{Lang, TextChart};

/// Opacity of the 90 % band and of the 50 % band drawn on top of it.
const ALPHA_90: f64 = 0.16;
const ALPHA_50: f64 = 0.30;

/// Annual cost per year: scenario (blue) and status quo (grey), each with its
/// median line, 50 % band (dark) and 90 % band (light). The median in the
/// last year is written at the right end of each line.
pub fn fan_chart<'a>(
    data: &FanChartData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    check_series(&data.status_quo, "status quo")?;
    check_series(&data.scenario, "scenario")?;
    render_chart!(out, draw, data, text, lang)
}

/// True when some year's 5 % and 95 % points differ.
fn has_spread(s: &FanSeries) -> bool {
    s.q.iter().any(|q| q.p5 != q.p95)
}

pub(crate) fn check_series(s: &FanSeries, what: &str) -> Result<(), ChartError> {
    if s.years.is_empty() {
        return Err(invalid(format!(
            "fan chart: the {what} series has no years"
        )));
    }
    if s.years.len() != s.q.len() {
        return Err(invalid(format!(
            "fan chart: the {what} series has {} years but {} quantiles",
            s.years.len(),
            s.q.len()
        )));
    }
    if !s.q.iter().all(|q| q.is_finite()) {
        return Err(invalid(format!(
            "fan chart: the {what} series has a value that is not finite"
        )));
    }
    Ok(())
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &FanChartData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let name = |s: &FanSeries, default: &str| {
        if s.label.trim().is_empty() {
            default.to_string()
        } else {
            s.label.clone()
        }
    };
    let series = [
        (
            &data.status_quo,
            STATUS_QUO,
            name(&data.status_quo, TextChart::StatusQuo.get(lang)),
        ),
        (
            &data.scenario,
            SCENARIO,
            name(&data.scenario, TextChart::Scenario.get(lang)),
        ),
    ];

    // Every line and band drawn is in the legend, one row per series: its
    // median line, then its 50 % and 90 % bands, each band named after its
    // series (the two series' bands overlap).
    let mut legend = Vec::new();
    for (s, color, label) in series.iter().rev() {
        legend.push(LegendItem::new(label.clone(), Swatch::Line(*color, 4)).on_new_row());
        // Bands only for a series whose values differ between trials: a run
        // without uncertainty has none to show.
        if has_spread(s) {
            let (band_50, band_90) = band_swatches(*color);
            for (interval, swatch) in [
                (TextChart::Interval50, band_50),
                (TextChart::Interval90, band_90),
            ] {
                legend.push(LegendItem::new(
                    format!("{} ({label})", interval.get(lang)),
                    Swatch::Fill(swatch),
                ));
            }
        }
    }
    let explain = if has_spread(&data.scenario) || has_spread(&data.status_quo) {
        TextChart::ExplainFan
    } else {
        TextChart::ExplainFanNoBands
    };
    let frame = Frame::new(
        TextChart::TitleFanCost.get(lang),
        text,
        explain.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let first = series
        .iter()
        .flat_map(|s| s.0.years.iter())
        .min()
        .copied()
        .unwrap_or(0);
    let last = series
        .iter()
        .flat_map(|s| s.0.years.iter())
        .max()
        .copied()
        .unwrap_or(0);
    let lo = series
        .iter()
        .flat_map(|s| s.0.q.iter())
        .map(|q| q.p5.min(q.p50))
        .fold(f64::INFINITY, f64::min);
    let hi = series
        .iter()
        .flat_map(|s| s.0.q.iter())
        .map(|q| q.p95.max(q.p50))
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = (hi - lo).abs().max(hi.abs() * 0.02) * 0.04;
    let x = year_axis(
        first,
        last,
        if first == last { 1.0 } else { 0.25 },
        TextChart::Year.get(lang),
    );
    // Costs start from 0 kr., so that heights compare honestly.
    let bottom = if lo >= 0.0 { 0.0 } else { lo - pad };
    let y = money_axis(bottom, hi + pad, 6, TextChart::AnnualCost.get(lang), lang);

    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins {
            right: 150,
            ..Margins::default()
        },
        Mesh {
            x_grid: false,
            ..Mesh::default()
        },
    )?;

    for (s, color, _) in &series {
        chart.draw_series(std::iter::once(Polygon::new(
            band_polygon(s, |q| q.p5, |q| q.p95),
            color.mix(ALPHA_90).filled(),
        )))?;
        chart.draw_series(std::iter::once(Polygon::new(
            band_polygon(s, |q| q.p25, |q| q.p75),
            color.mix(ALPHA_50).filled(),
        )))?;
    }
    // The status quo's line is drawn wider and first, the scenario's on top:
    // where the two coincide (before the proposal starts) both stay visible.
    for (k, (s, color, _)) in series.iter().enumerate() {
        let width = if k == 0 { 8 } else { 3 };
        let med: Vec<(f64, f64)> = s
            .years
            .iter()
            .zip(&s.q)
            .map(|(y, q)| (*y as f64, q.p50))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            med.clone(),
            color.stroke_width(width),
        )))?;
        chart.draw_series(med.iter().map(|p| Circle::new(*p, 5, color.filled())))?;
        chart.draw_series(med.iter().map(|p| Circle::new(*p, 2, WHITE.filled())))?;
    }

    // Median of the last year at the right end of each line.
    let (px, py) = plot_pixels(&chart);
    let mut ys = Vec::new();
    for (s, _, _) in &series {
        let (yr, q) = s.years.iter().zip(&s.q).max_by_key(|(y, _)| **y).unwrap();
        ys.push(chart.backend_coord(&(*yr as f64, q.p50)).1 as f64);
    }
    let ys = spread(&ys, 24.0, py.start as f64 + 10.0, py.end as f64 - 10.0);
    for (k, (s, color, _)) in series.iter().enumerate() {
        let (_, q) = s.years.iter().zip(&s.q).max_by_key(|(y, _)| **y).unwrap();
        put_text(
            root,
            &y.money_text(q.p50, lang),
            ANNOTATION_SIZE,
            true,
            *color,
            (px.end + 12, ys[k] as i32),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// The colours a series' 50 % and 90 % bands show on white: the 90 %
/// band alone, the 50 % band drawn on top of it.
fn band_swatches(color: RGBColor) -> (RGBColor, RGBColor) {
    (
        tint(color, (1.0 - ALPHA_90) * (1.0 - ALPHA_50)),
        tint(color, 1.0 - ALPHA_90),
    )
}

/// Closed outline of a band: upper edge left to right, lower edge back.
pub(crate) fn band_polygon(
    s: &FanSeries,
    lower: fn(&Quantiles) -> f64,
    upper: fn(&Quantiles) -> f64,
) -> Vec<(f64, f64)> {
    if let ([y], [q]) = (&s.years[..], &s.q[..]) {
        // A single year: a box around the point instead of a zero-width band.
        let (a, b) = (*y as f64 - 0.12, *y as f64 + 0.12);
        return vec![(a, upper(q)), (b, upper(q)), (b, lower(q)), (a, lower(q))];
    }
    let mut poly: Vec<(f64, f64)> = s
        .years
        .iter()
        .zip(&s.q)
        .map(|(y, q)| (*y as f64, upper(q)))
        .collect();
    poly.extend(
        s.years
            .iter()
            .zip(&s.q)
            .rev()
            .map(|(y, q)| (*y as f64, lower(q))),
    );
    poly
}
