//! Citizens' digital readiness over time (NemID, Digital Post, self-service
//! users) next to the shares of contacts and letters it drives.

use crate::i18n::{format_pct, legend_with_end_value, Lang, TextChart, TextCommon};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::*;
use super::data::CitizensChart;
use super::fan::band_polygon;
use super::{invalid, ChartError, ChartText, Sink};

/// Opacity of each line's 90 % band.
const ALPHA_BAND: f64 = 0.14;

/// One line per share with its 90 % band, 0-100 % on the y axis; the last
/// year's median is given in the legend beside the line's name ("Borgere
/// med NemID (i 2015: 82 %)"): written at the lines' ends, labels of lines
/// that end close together were pushed apart until no reader could tell
/// which "80 %" was whose.
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
            let label = match (line.series.q.last(), line.series.years.last()) {
                (Some(q), Some(year)) => legend_with_end_value(
                    lang,
                    &line.series.label,
                    *year,
                    &format_pct(q.p50, 0, lang),
                ),
                _ => line.series.label.clone(),
            };
            LegendItem::new(label, swatch)
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
            right: 30,
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
    Ok(())
}
