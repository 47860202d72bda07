//! Stacked areas of the median volume per channel over time.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{ChannelMix, ChannelSeries, Period};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{format_pct, month_short, Lang, TextChart};

/// Stacked areas, first channel at the bottom; the channels are labelled at
/// the right end of the chart with their share in the last period.
pub fn channel_mix<'a>(
    data: &ChannelMix,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.periods.is_empty() || data.channels.is_empty() {
        return Err(invalid("channel mix: no periods or no channels"));
    }
    let monthly = matches!(data.periods[0], Period::Month { .. });
    if data
        .periods
        .iter()
        .any(|p| matches!(p, Period::Month { .. }) != monthly)
    {
        return Err(invalid("channel mix: periods mix years and months"));
    }
    for p in &data.periods {
        if let Period::Month { month, .. } = p {
            if !(1..=12).contains(month) {
                return Err(invalid(format!("channel mix: month {month} is not 1..=12")));
            }
        }
    }
    for ChannelSeries {
        name, median: v, ..
    } in &data.channels
    {
        if v.len() != data.periods.len() {
            return Err(invalid(format!(
                "channel mix: channel {name:?} has {} values for {} periods",
                v.len(),
                data.periods.len()
            )));
        }
        if v.iter().any(|x| !x.is_finite() || *x < 0.0) {
            return Err(invalid(format!(
                "channel mix: channel {name:?} has a negative or non-finite volume"
            )));
        }
    }
    render_chart!(out, draw, data, text, lang)
}

/// Period index -> label, and which indices get a tick.
fn time_axis(periods: &[Period], lang: Lang, title: &str) -> Axis {
    let n = periods.len();
    let mut ticks = Vec::new();
    let mut labels = Vec::new();
    match periods[0] {
        Period::Year(_) => {
            let every = if n <= 13 {
                1
            } else if n <= 26 {
                2
            } else {
                5
            };
            for (i, p) in periods.iter().enumerate() {
                if let Period::Year(y) = p {
                    if i % every == 0 {
                        ticks.push(i as f64);
                        labels.push(y.to_string());
                    }
                }
            }
        }
        Period::Month { .. } => {
            // Up to two years: every quarter ("jan. 2012", "apr."), beyond
            // that every January ("2012").
            let short = n <= 25;
            for (i, p) in periods.iter().enumerate() {
                if let Period::Month { year, month } = *p {
                    if short && (month - 1) % 3 == 0 {
                        ticks.push(i as f64);
                        labels.push(if month == 1 || i == 0 {
                            format!("{} {year}", month_short(month, lang))
                        } else {
                            month_short(month, lang).to_string()
                        });
                    } else if !short && month == 1 {
                        ticks.push(i as f64);
                        labels.push(year.to_string());
                    }
                }
            }
        }
    }
    let pad = if n == 1 { 0.5 } else { 0.0 };
    Axis {
        lo: -pad,
        hi: (n - 1) as f64 + pad,
        ticks,
        labels,
        title: title.to_string(),
        unit: None,
    }
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChannelMix,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let monthly = matches!(data.periods[0], Period::Month { .. });
    let legend = data
        .channels
        .iter()
        .map(|ch| {
            LegendItem::new(
                ch.name.clone(),
                Swatch::Fill(tint(channel_color(ch.color), 0.15)),
            )
        })
        .collect();
    let frame = Frame::new(
        TextChart::TitleChannelMix.get(lang),
        text,
        TextChart::ExplainChannelMix.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;

    let n = data.periods.len();
    let mut stack = vec![vec![0.0; n]; data.channels.len() + 1];
    for (c, v) in data.channels.iter().map(|ch| &ch.median).enumerate() {
        for i in 0..n {
            stack[c + 1][i] = stack[c][i] + v[i];
        }
    }
    let total = &stack[data.channels.len()];
    let max_total = total.iter().copied().fold(0.0, f64::max);
    let x_title = if monthly {
        TextChart::Month.get(lang)
    } else {
        TextChart::Year.get(lang)
    };
    let x = time_axis(&data.periods, lang, x_title);
    let y = count_axis(
        0.0,
        max_total.max(1.0) * 1.04,
        6,
        if monthly {
            TextChart::ContactsPerMonthMedian
        } else {
            TextChart::ContactsPerYearMedian
        }
        .get(lang),
        lang,
    );

    // Room on the right for the channel names.
    let label_w = data
        .channels
        .iter()
        .map(|ch| text_width(&format!("{} 100 %", ch.name), ANNOTATION_SIZE, true))
        .max()
        .unwrap_or(0)
        .min(300);
    let mut chart = build_chart(
        &plot,
        &x,
        &y,
        Margins {
            right: label_w + 24,
            ..Margins::default()
        },
        Mesh {
            x_grid: false,
            ..Mesh::default()
        },
    )?;

    let single = n == 1;
    for c in 0..data.channels.len() {
        let xs: Vec<f64> = if single {
            vec![-0.5, 0.5]
        } else {
            (0..n).map(|i| i as f64).collect()
        };
        let at = |v: &Vec<f64>, k: usize| if single { v[0] } else { v[k] };
        let mut poly: Vec<(f64, f64)> = xs
            .iter()
            .enumerate()
            .map(|(k, xv)| (*xv, at(&stack[c + 1], k)))
            .collect();
        poly.extend(
            xs.iter()
                .enumerate()
                .rev()
                .map(|(k, xv)| (*xv, at(&stack[c], k))),
        );
        chart.draw_series(std::iter::once(Polygon::new(
            poly,
            channel_color(data.channels[c].color).mix(0.85).filled(),
        )))?;
        let top: Vec<(f64, f64)> = xs
            .iter()
            .enumerate()
            .map(|(k, xv)| (*xv, at(&stack[c + 1], k)))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            top,
            WHITE.stroke_width(1),
        )))?;
    }

    // Channel names with their share in the last period, at the middle of
    // their band (spread apart where bands are thin).
    let (px, py) = plot_pixels(&chart);
    let last = n - 1;
    let last_x = if single { 0.5 } else { last as f64 };
    let mids: Vec<f64> = (0..data.channels.len())
        .map(|c| {
            chart
                .backend_coord(&(last_x, (stack[c][last] + stack[c + 1][last]) / 2.0))
                .1 as f64
        })
        .collect();
    let ys = spread(&mids, 22.0, py.start as f64 + 8.0, py.end as f64 - 8.0);
    for (c, (name, v, color)) in data
        .channels
        .iter()
        .map(|ch| (&ch.name, &ch.median, ch.color))
        .enumerate()
    {
        let share = if total[last] > 0.0 {
            v[last] / total[last]
        } else {
            0.0
        };
        let label = ellipsize(
            &format!("{name} {}", format_pct(share, 0, lang)),
            ANNOTATION_SIZE,
            true,
            label_w,
        );
        put_text(
            root,
            &label,
            ANNOTATION_SIZE,
            true,
            darker(channel_color(color)),
            (px.end + 10, ys[c] as i32),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// A darker shade for text in a channel's colour (light colours read badly
/// on white).
fn darker(c: RGBColor) -> RGBColor {
    lerp_color(
        c,
        RGBColor(0, 0, 0),
        if luminance(c) > 0.35 { 0.35 } else { 0.1 },
    )
}
