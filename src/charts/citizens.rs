//! Citizens' digital readiness over time (NemID, Digital Post, self-service
//! users) next to the shares of contacts and letters it drives.

use crate::i18n::{format_pct, Lang, TextChart, TextCommon};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::CitizensChart;
use super::fan::band_polygon;
use super::{invalid, ChartError, ChartText, Sink};

/// Opacity of each line's 90 % band.
const ALPHA_BAND: f64 = 0.14;

/// One line per share with its 90 % band, 0-100 % on the y axis; the last
/// year's median is written at the right end of each line.
pub fn citizens<'a>(
    data: &CitizensChart,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.lines.is_empty() {
        return Err(invalid("citizens chart: no lines"));
    }
    for l in &data.lines {
        let s = &l.series;
        if s.years.is_empty() || s.years.len() != s.q.len() {
            return Err(invalid(format!(
                "citizens chart: {:?} has {} years and {} values",
                s.label,
                s.years.len(),
                s.q.len()
            )));
        }
        if !s.q.iter().all(|q| q.is_finite()) {
            return Err(invalid(format!(
                "citizens chart: {:?} has a value that is not finite",
                s.label
            )));
        }
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &CitizensChart,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let legend = data
        .lines
        .iter()
        .map(|line| {
            let c = option_color(line.color);
            let swatch = if line.driven {
                Swatch::Dashed(c)
            } else {
                Swatch::Line(c, 4)
            };
            LegendItem::new(line.series.label.clone(), swatch)
        })
        .collect();
    let frame = Frame::new(
        TextChart::TitleCitizens.get(lang),
        text,
        TextChart::ExplainCitizens.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;
    let years = data.lines.iter().flat_map(|l| l.series.years.iter());
    let first = years.clone().min().copied().unwrap_or(0);
    let last = years.max().copied().unwrap_or(0);
    let x = year_axis(
        first,
        last,
        if first == last { 1.0 } else { 0.25 },
        TextChart::Year.get(lang),
    );
    let y = percent_axis(0.0, 1.0, 0.2, TextCommon::Share.get(lang), lang);
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins {
            right: 90,
            ..Margins::default()
        },
        Mesh {
            x_grid: false,
            ..Mesh::default()
        },
    )?;
    for line in &data.lines {
        let c = option_color(line.color);
        chart.draw_series(std::iter::once(Polygon::new(
            band_polygon(&line.series, |q| q.p5, |q| q.p95),
            c.mix(ALPHA_BAND).filled(),
        )))?;
    }
    for line in &data.lines {
        let c = option_color(line.color);
        let med: Vec<(f64, f64)> = line
            .series
            .years
            .iter()
            .zip(&line.series.q)
            .map(|(y, q)| (*y as f64, q.p50))
            .collect();
        if line.driven {
            // Dashed in pixels, so the dashes look alike on every segment.
            let px: Vec<(i32, i32)> = med.iter().map(|p| chart.backend_coord(p)).collect();
            for w in px.windows(2) {
                dashed_px(root, w[0], w[1], c.stroke_width(3), 10, 7)?;
            }
        } else {
            chart.draw_series(std::iter::once(PathElement::new(
                med.clone(),
                c.stroke_width(4),
            )))?;
        }
        chart.draw_series(med.iter().map(|p| Circle::new(*p, 5, c.filled())))?;
    }
    // The last year's median at the right end of each line.
    let (px, py) = plot_pixels(&chart);
    let ends: Vec<(f64, f64)> = data
        .lines
        .iter()
        .map(|l| {
            let q = l.series.q.last().expect("checked: not empty");
            let yr = *l.series.years.last().expect("checked: not empty");
            (q.p50, chart.backend_coord(&(yr as f64, q.p50)).1 as f64)
        })
        .collect();
    let ys = spread(
        &ends.iter().map(|e| e.1).collect::<Vec<_>>(),
        22.0,
        py.start as f64 + 8.0,
        py.end as f64 - 8.0,
    );
    for (k, line) in data.lines.iter().enumerate() {
        put_text(
            root,
            &format_pct(ends[k].0, 0, lang),
            ANNOTATION_SIZE,
            true,
            option_color(line.color),
            (px.end + 10, ys[k] as i32),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}
