//! Goals x years heat map: the probability that each goal is met, printed in
//! each cell, coloured from red (unlikely) through yellow to green (likely).

use std::collections::BTreeSet;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::GoalData;
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{format_probability, Lang, TextChart};

const RED: RGBColor = RGBColor(0xd7, 0x30, 0x27);
const YELLOW: RGBColor = RGBColor(0xfe, 0xe0, 0x8b);
const GREEN: RGBColor = RGBColor(0x1a, 0x98, 0x50);
const NOT_EVALUATED: RGBColor = RGBColor(0xf0, 0xf0, 0xf0);

/// Colour of a probability on the red - yellow - green scale.
pub(crate) fn probability_color(p: f64) -> RGBColor {
    let p = p.clamp(0.0, 1.0);
    if p < 0.5 {
        lerp_color(RED, YELLOW, p / 0.5)
    } else {
        lerp_color(YELLOW, GREEN, (p - 0.5) / 0.5)
    }
}

/// One row per goal, one column per year (the union of all rows' years);
/// each cell shows the probability as a percentage ("< 1 %" and "> 99 %"
/// near the ends), "–" where the goal is not evaluated. A colour key
/// explains the scale.
pub fn goal_probability<'a>(
    data: &GoalData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.rows.is_empty() {
        return Err(invalid("goal chart: no goals"));
    }
    for r in &data.rows {
        if r.years.len() != r.probability.len() {
            return Err(invalid(format!(
                "goal chart: goal {:?} has {} years but {} probabilities",
                r.name,
                r.years.len(),
                r.probability.len()
            )));
        }
        if r.probability.iter().flatten().any(|p| !p.is_finite()) {
            return Err(invalid(format!(
                "goal chart: goal {:?} has a probability that is not finite",
                r.name
            )));
        }
    }
    if data.rows.iter().all(|r| r.years.is_empty()) {
        return Err(invalid("goal chart: no years"));
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &GoalData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let frame = Frame::new(
        TextChart::TitleGoals.get(lang),
        text,
        TextChart::ExplainGoals.get(lang),
        data.trials,
        lang,
    );
    let plot = draw_frame(root, &frame)?;
    let ((ax0, ax1), (ay0, ay1)) = {
        let (x, y) = plot.get_pixel_range();
        ((x.start, x.end), (y.start, y.end))
    };

    let years: Vec<i32> = data
        .rows
        .iter()
        .flat_map(|r| r.years.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    // Columns: goal names, then one per year.
    let left = ax0 + MARGIN_X;
    let right = ax1 - MARGIN_X;
    let name_size = ANNOTATION_SIZE + 2.0;
    let longest = data
        .rows
        .iter()
        .map(|r| text_width(&r.name, name_size, false))
        .max()
        .unwrap_or(0);
    let name_w = (longest + 24).clamp(160, (right - left) * 45 / 100);
    let cell_w = ((right - left - name_w) / years.len() as i32).clamp(40, 170);
    let grid_left = left + name_w;

    // Rows: header (years), goals, then the colour key.
    let header_h = 34;
    let key_h = 64;
    let avail = ay1 - ay0 - header_h - key_h - 10;
    let cell_h = (avail / data.rows.len() as i32).clamp(18, 80);
    // Centre the table and its key vertically in the space there is.
    let used = header_h + cell_h * data.rows.len() as i32 + key_h;
    let offset = ((ay1 - ay0 - used) / 2).clamp(0, 80);
    let grid_top = ay0 + offset + header_h;

    for (j, year) in years.iter().enumerate() {
        let cx = grid_left + j as i32 * cell_w + cell_w / 2;
        put_text(
            root,
            &year.to_string(),
            TICK_SIZE,
            true,
            TEXT,
            (cx, grid_top - 10),
            HPos::Center,
            VPos::Bottom,
        )?;
    }

    let pct_size = if cell_h >= 40 && cell_w >= 70 {
        20.0
    } else {
        16.0
    };
    for (i, row) in data.rows.iter().enumerate() {
        let top = grid_top + i as i32 * cell_h;
        let max_lines = if cell_h >= 38 { 2 } else { 1 };
        let size = if cell_h >= 46 {
            name_size
        } else {
            name_size - 2.0
        };
        let lines = wrap_lines(&row.name, size, false, name_w - 16, max_lines);
        let line_h = (cell_h / 2 - 1).min(22);
        let first_y = top + cell_h / 2 - (lines.len() as i32 - 1) * line_h / 2;
        for (k, line) in lines.iter().enumerate() {
            put_text(
                root,
                line,
                size,
                false,
                TEXT,
                (grid_left - 12, first_y + k as i32 * line_h),
                HPos::Right,
                VPos::Center,
            )?;
        }
        for (j, year) in years.iter().enumerate() {
            let x0 = grid_left + j as i32 * cell_w;
            let k = row.years.iter().position(|y| y == year);
            let p = k.and_then(|k| row.probability[k]);
            let undefined = k.is_some_and(|k| row.not_evaluable.contains(&k));
            let (fill, label, fg) = match p {
                Some(p) => {
                    let c = probability_color(p);
                    (c, format_probability(p, lang), text_on(c))
                }
                None if undefined => (
                    NOT_EVALUATED,
                    TextChart::NotEvaluable.get(lang).to_string(),
                    TEXT_SOFT,
                ),
                None => (NOT_EVALUATED, "–".to_string(), TEXT_SOFT),
            };
            root.draw(&Rectangle::new(
                [(x0, top), (x0 + cell_w, top + cell_h)],
                fill.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x0, top), (x0 + cell_w, top + cell_h)],
                WHITE.stroke_width(2),
            ))?;
            put_text(
                root,
                &label,
                pct_size,
                p.is_some(),
                fg,
                (x0 + cell_w / 2, top + cell_h / 2),
                HPos::Center,
                VPos::Center,
            )?;
        }
    }

    // Colour key: a gradient from 0 % to 100 % with words at the ends.
    let key_top = grid_top + data.rows.len() as i32 * cell_h + 24;
    let key_w = 360.min(right - grid_left).max(200);
    let key_left = grid_left;
    let key_h_bar = 16;
    for k in 0..key_w {
        let c = probability_color(k as f64 / (key_w - 1) as f64);
        root.draw(&Rectangle::new(
            [
                (key_left + k, key_top),
                (key_left + k + 1, key_top + key_h_bar),
            ],
            c.filled(),
        ))?;
    }
    put_text(
        root,
        TextChart::Unlikely.get(lang),
        CAPTION_SIZE + 1.0,
        false,
        TEXT,
        (key_left - 10, key_top + key_h_bar / 2),
        HPos::Right,
        VPos::Center,
    )?;
    put_text(
        root,
        TextChart::Likely.get(lang),
        CAPTION_SIZE + 1.0,
        false,
        TEXT,
        (key_left + key_w + 10, key_top + key_h_bar / 2),
        HPos::Left,
        VPos::Center,
    )?;
    for (v, label) in [(0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %")] {
        let x = key_left + (v * (key_w - 1) as f64) as i32;
        root.draw(&PathElement::new(
            vec![(x, key_top + key_h_bar), (x, key_top + key_h_bar + 4)],
            TEXT_SOFT.stroke_width(1),
        ))?;
        put_text(
            root,
            label,
            CAPTION_SIZE,
            false,
            TEXT_SOFT,
            (x, key_top + key_h_bar + 6),
            HPos::Center,
            VPos::Top,
        )?;
    }
    // "–" explanation next to the key.
    let nx = key_left
        + key_w
        + 10
        + text_width(TextChart::Likely.get(lang), CAPTION_SIZE + 1.0, false)
        + 40;
    root.draw(&Rectangle::new(
        [(nx, key_top), (nx + 30, key_top + key_h_bar)],
        NOT_EVALUATED.filled(),
    ))?;
    put_text(
        root,
        "–",
        CAPTION_SIZE,
        false,
        TEXT_FAINT,
        (nx + 15, key_top + key_h_bar / 2),
        HPos::Center,
        VPos::Center,
    )?;
    put_text(
        root,
        TextChart::NotEvaluated.get(lang),
        CAPTION_SIZE + 1.0,
        false,
        TEXT,
        (nx + 38, key_top + key_h_bar / 2),
        HPos::Left,
        VPos::Center,
    )?;
    Ok(())
}
