//! Charts comparing opening-hour proposals (options): savings in one year as
//! box plots, cumulative net savings over time, and weekly open hours.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{FanSeries, OpenHours, OptionComparison, Quantiles};
use super::fan::band_polygon;
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{
    format_number, savings_in_year, title_option_savings, Lang, TextChart, TextCommon,
};

fn check(data: &OptionComparison) -> Result<(), ChartError> {
    if data.options.is_empty() {
        return Err(invalid("option chart: no options"));
    }
    for o in &data.options {
        if o.years.len() != o.savings.len() || o.years.len() != o.cumulative_net.len() {
            return Err(invalid(format!(
                "option {:?}: {} years, {} savings and {} cumulative values",
                o.name,
                o.years.len(),
                o.savings.len(),
                o.cumulative_net.len()
            )));
        }
        if !o
            .savings
            .iter()
            .chain(&o.cumulative_net)
            .all(|q| q.is_finite())
        {
            return Err(invalid(format!(
                "option {:?}: a value is not finite",
                o.name
            )));
        }
    }
    Ok(())
}

/// Draws category labels (up to two lines, wrapped to `width`) centred
/// under the x axis at pixel `cx`.
#[allow(clippy::too_many_arguments)]
fn category_label<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    first: &str,
    second: Option<&str>,
    cx: i32,
    top: i32,
    width: i32,
    bold_first: bool,
) -> Result<(), ChartError> {
    let lines: Vec<(String, bool)> = match second {
        Some(s) => vec![
            (ellipsize(first, TICK_SIZE, bold_first, width), bold_first),
            (ellipsize(s, TICK_SIZE, false, width), false),
        ],
        None => wrap_lines(first, TICK_SIZE, bold_first, width, 2)
            .into_iter()
            .map(|l| (l, bold_first))
            .collect(),
    };
    for (k, (line, bold)) in lines.iter().enumerate() {
        put_text(
            root,
            line,
            TICK_SIZE,
            *bold,
            TEXT,
            (cx, top + 22 * k as i32),
            HPos::Center,
            VPos::Top,
        )?;
    }
    Ok(())
}

/// Categories 0..n centred at i + 0.5.
fn category_axis(n: usize, title: &str) -> Axis {
    Axis {
        lo: 0.0,
        hi: n as f64,
        ticks: (0..n).map(|i| i as f64 + 0.5).collect(),
        labels: vec![String::new(); n],
        title: title.to_string(),
        unit: None,
    }
}

/// Extends a savings range to 0 kr., so that the heights of the options'
/// boxes compare honestly (a range starting at 1.0 M kr. exaggerates gaps).
fn with_zero(lo: f64, hi: f64) -> (f64, f64) {
    (lo.min(0.0), hi.max(0.0))
}

// ---------------------------------------------------------------------------
// Box plots of one year's savings
// ---------------------------------------------------------------------------

/// Box plots of each option's savings in `year` side by side: whiskers 5-95
/// %, box 25-75 %, thick median line with its amount next to it, 0 kr.
/// emphasised. Options without that year are left out (error if none has it).
pub fn option_savings<'a>(
    data: &OptionComparison,
    year: i32,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    check(data)?;
    if !data.options.iter().any(|o| o.years.contains(&year)) {
        return Err(invalid(format!(
            "option savings: no option has the year {year}"
        )));
    }
    render_chart!(out, draw_savings, data, year, text, lang)
}

fn draw_savings<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptionComparison,
    year: i32,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let items: Vec<(usize, &str, Quantiles)> = data
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            o.years
                .iter()
                .position(|y| *y == year)
                .map(|k| (i, o.name.as_str(), o.savings[k]))
        })
        .collect();
    let frame = Frame::new(
        title_option_savings(lang, year),
        text,
        TextChart::ExplainBoxplot.get(lang),
        data.trials,
        lang,
    );
    let plot = draw_frame(root, &frame)?;

    let lo = items
        .iter()
        .map(|it| it.2.p5.min(it.2.p50))
        .fold(f64::INFINITY, f64::min);
    let hi = items
        .iter()
        .map(|it| it.2.p95.max(it.2.p50))
        .fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = with_zero(lo, hi);
    let pad = (hi - lo).max(1.0) * 0.05;
    // No padding below an axis that starts at 0 kr.
    let bottom = if lo == 0.0 { 0.0 } else { lo - pad };
    let y = money_axis(
        bottom,
        hi + pad * 2.0,
        6,
        &savings_in_year(lang, year),
        lang,
    );
    let x = category_axis(items.len(), TextCommon::Proposal.get(lang));
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins::default(),
        Mesh {
            x_grid: false,
            x_labels: false,
            x_extra: 22,
            ..Mesh::default()
        },
    )?;
    if y.contains(0.0) {
        hline(&mut chart, 0.0, &x, TEXT.stroke_width(2))?;
    }

    let (px, py) = plot_pixels(&chart);
    let cat_w = (px.end - px.start) / items.len().max(1) as i32;
    let box_half = if items.len() <= 3 { 0.17 } else { 0.2 };
    for (k, (i, name, q)) in items.iter().enumerate() {
        let c = option_color(*i);
        let cx = k as f64 + 0.5;
        // Whisker and caps.
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(cx, q.p5), (cx, q.p95)],
            c.stroke_width(2),
        )))?;
        for v in [q.p5, q.p95] {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(cx - box_half * 0.5, v), (cx + box_half * 0.5, v)],
                c.stroke_width(2),
            )))?;
        }
        // Box and median.
        chart.draw_series(std::iter::once(Rectangle::new(
            [(cx - box_half, q.p25), (cx + box_half, q.p75)],
            tint(c, 0.6).filled(),
        )))?;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(cx - box_half, q.p25), (cx + box_half, q.p75)],
            c.stroke_width(2),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(cx - box_half, q.p50), (cx + box_half, q.p50)],
            TEXT.stroke_width(4),
        )))?;
        // The median's amount right of the box if it fits in the category,
        // else above the upper whisker.
        let label = y.money_text(q.p50, lang);
        let (mx, my) = chart.backend_coord(&(cx + box_half, q.p50));
        let cell_right = chart.backend_coord(&(cx + 0.5, q.p50)).0;
        if mx + 8 + text_width(&label, ANNOTATION_SIZE, true) <= cell_right - 4 {
            put_text(
                root,
                &label,
                ANNOTATION_SIZE,
                true,
                TEXT,
                (mx + 8, my),
                HPos::Left,
                VPos::Center,
            )?;
        } else {
            let (tx, ty) = chart.backend_coord(&(cx, q.p95));
            put_text(
                root,
                &label,
                ANNOTATION_SIZE,
                true,
                TEXT,
                (tx, ty - 8),
                HPos::Center,
                VPos::Bottom,
            )?;
        }
        let lx = chart.backend_coord(&(cx, y.lo)).0;
        category_label(root, name, None, lx, py.end + 10, cat_w - 12, true)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Cumulative net savings over time
// ---------------------------------------------------------------------------

/// Opacity of the 90 % bands (several may overlap).
const BAND_ALPHA: f64 = 0.08;

/// Cumulative net savings of each option per year: median line with a 90 %
/// band, 0 kr. emphasised (above it the option has paid for itself), the
/// end-year median written at the right end of each line.
pub fn option_cumulative<'a>(
    data: &OptionComparison,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    check(data)?;
    if data.options.iter().all(|o| o.years.is_empty()) {
        return Err(invalid("option cumulative: no years"));
    }
    render_chart!(out, draw_cumulative, data, text, lang)
}

fn draw_cumulative<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptionComparison,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let series: Vec<(usize, FanSeries)> = data
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| !o.years.is_empty())
        .map(|(i, o)| {
            (
                i,
                FanSeries {
                    label: o.name.clone(),
                    years: o.years.clone(),
                    q: o.cumulative_net.clone(),
                },
            )
        })
        .collect();
    let mut legend: Vec<LegendItem> = series
        .iter()
        .map(|(i, s)| LegendItem::new(s.label.clone(), Swatch::Line(option_color(*i), 4)))
        .collect();
    legend.push(LegendItem::new(
        TextChart::Interval90.get(lang),
        Swatch::Dashed(TEXT_SOFT),
    ));
    let frame = Frame::new(
        TextChart::TitleOptionCumulative.get(lang),
        text,
        TextChart::ExplainOptionCumulative.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let first = series
        .iter()
        .flat_map(|s| s.1.years.iter())
        .min()
        .copied()
        .unwrap_or(0);
    let last = series
        .iter()
        .flat_map(|s| s.1.years.iter())
        .max()
        .copied()
        .unwrap_or(0);
    let lo = series
        .iter()
        .flat_map(|s| s.1.q.iter())
        .map(|q| q.p5.min(q.p50))
        .fold(0.0, f64::min);
    let hi = series
        .iter()
        .flat_map(|s| s.1.q.iter())
        .map(|q| q.p95.max(q.p50))
        .fold(0.0, f64::max);
    let pad = (hi - lo).max(1.0) * 0.04;
    let x = year_axis(
        first,
        last,
        if first == last { 1.0 } else { 0.25 },
        TextChart::Year.get(lang),
    );
    let bottom = if lo == 0.0 { 0.0 } else { lo - pad };
    let y = money_axis(
        bottom,
        hi + pad,
        6,
        TextChart::CumulativeNetSavings.get(lang),
        lang,
    );
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
    for (i, s) in &series {
        chart.draw_series(std::iter::once(Polygon::new(
            band_polygon(s, |q| q.p5, |q| q.p95),
            option_color(*i).mix(BAND_ALPHA).filled(),
        )))?;
    }
    // Band edges as dashed lines in the option's colour, so overlapping
    // bands stay attributable.
    for (i, s) in &series {
        for edge in [|q: &Quantiles| q.p5, |q: &Quantiles| q.p95] {
            let px: Vec<(i32, i32)> = s
                .years
                .iter()
                .zip(&s.q)
                .map(|(y, q)| chart.backend_coord(&(*y as f64, edge(q))))
                .collect();
            for w in px.windows(2) {
                dashed_px(root, w[0], w[1], option_color(*i).stroke_width(2), 9, 6)?;
            }
        }
    }
    hline(&mut chart, 0.0, &x, TEXT.stroke_width(2))?;
    for (i, s) in &series {
        let c = option_color(*i);
        let med: Vec<(f64, f64)> = s
            .years
            .iter()
            .zip(&s.q)
            .map(|(y, q)| (*y as f64, q.p50))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            med.clone(),
            c.stroke_width(4),
        )))?;
        chart.draw_series(med.iter().map(|p| Circle::new(*p, 5, c.filled())))?;
    }

    let (px, py) = plot_pixels(&chart);
    let ends: Vec<(usize, f64, f64)> = series
        .iter()
        .map(|(i, s)| {
            let (yr, q) = s.years.iter().zip(&s.q).max_by_key(|(y, _)| **y).unwrap();
            (*i, *yr as f64, q.p50)
        })
        .collect();
    let ys: Vec<f64> = ends
        .iter()
        .map(|e| chart.backend_coord(&(e.1, e.2)).1 as f64)
        .collect();
    let ys = spread(&ys, 24.0, py.start as f64 + 10.0, py.end as f64 - 10.0);
    for (k, (i, _, v)) in ends.iter().enumerate() {
        put_text(
            root,
            &y.money_text(*v, lang),
            ANNOTATION_SIZE,
            true,
            option_color(*i),
            (px.end + 12, ys[k] as i32),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Weekly open hours
// ---------------------------------------------------------------------------

/// Grouped bars: for each (department, channel) one bar for today (grey,
/// when `current_hours` is given) and one per option, with the hours written
/// on the bars where they fit. A (department, channel) an option does not
/// list gets no bar for that option.
pub fn option_hours<'a>(
    data: &OptionComparison,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.options.is_empty() {
        return Err(invalid("option hours: no options"));
    }
    let all = data
        .current_hours
        .iter()
        .chain(data.options.iter().flat_map(|o| o.hours.iter()));
    let mut any = false;
    for h in all {
        any = true;
        if !h.hours_per_week.is_finite() || h.hours_per_week < 0.0 {
            return Err(invalid(format!(
                "option hours: {} / {} has {} hours",
                h.department, h.channel, h.hours_per_week
            )));
        }
    }
    if !any {
        return Err(invalid("option hours: no opening hours"));
    }
    render_chart!(out, draw_hours, data, text, lang)
}

fn draw_hours<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptionComparison,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    // Categories in order of first appearance.
    let mut cats: Vec<(String, String)> = Vec::new();
    for h in data
        .current_hours
        .iter()
        .chain(data.options.iter().flat_map(|o| o.hours.iter()))
    {
        let key = (h.department.clone(), h.channel.clone());
        if !cats.contains(&key) {
            cats.push(key);
        }
    }
    // Series: today (if given), then the options.
    let mut series: Vec<(String, RGBColor, &[OpenHours])> = Vec::new();
    if !data.current_hours.is_empty() {
        series.push((
            TextCommon::Today.get(lang).to_string(),
            STATUS_QUO,
            &data.current_hours,
        ));
    }
    for (i, o) in data.options.iter().enumerate() {
        series.push((o.name.clone(), option_color(i), &o.hours));
    }
    let legend = series
        .iter()
        .map(|(n, c, _)| LegendItem::new(n.clone(), Swatch::Fill(*c)))
        .collect();
    let frame = Frame::new(
        TextChart::TitleOptionHours.get(lang),
        text,
        TextChart::ExplainOptionHours.get(lang),
        None,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let value = |hours: &[OpenHours], cat: &(String, String)| {
        hours
            .iter()
            .find(|h| h.department == cat.0 && h.channel == cat.1)
            .map(|h| h.hours_per_week)
    };
    let max = series
        .iter()
        .flat_map(|s| s.2.iter().map(|h| h.hours_per_week))
        .fold(0.0, f64::max);
    let y = count_axis(
        0.0,
        (max * 1.1).max(1.0),
        6,
        TextChart::HoursPerWeek.get(lang),
        lang,
    );
    let x = category_axis(cats.len(), TextChart::DepartmentChannel.get(lang));
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins::default(),
        Mesh {
            x_grid: false,
            x_labels: false,
            x_extra: 22,
            ..Mesh::default()
        },
    )?;
    let (px, py) = plot_pixels(&chart);
    let cat_w = (px.end - px.start) / cats.len().max(1) as i32;
    let group = 0.8;
    let bar = group / series.len() as f64;
    let label_size = if series.len() * cats.len() > 24 {
        CAPTION_SIZE - 1.0
    } else {
        CAPTION_SIZE
    };
    for (j, cat) in cats.iter().enumerate() {
        for (k, (_, c, hours)) in series.iter().enumerate() {
            let Some(v) = value(hours, cat) else { continue };
            let x0 = j as f64 + 0.5 - group / 2.0 + k as f64 * bar;
            let x1 = x0 + bar * 0.9;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, v)],
                c.filled(),
            )))?;
            let dec = if (v - v.round()).abs() < 1e-9 { 0 } else { 1 };
            let label = format_number(v, dec, lang);
            let (a, top) = chart.backend_coord(&(x0, v));
            let b = chart.backend_coord(&(x1, v)).0;
            if text_width(&label, label_size, false) <= b - a + 4 {
                put_text(
                    root,
                    &label,
                    label_size,
                    false,
                    TEXT,
                    ((a + b) / 2, top - 4),
                    HPos::Center,
                    VPos::Bottom,
                )?;
            }
        }
        let cx = chart.backend_coord(&(j as f64 + 0.5, 0.0)).0;
        category_label(root, &cat.0, Some(&cat.1), cx, py.end + 10, cat_w - 8, true)?;
    }
    Ok(())
}
