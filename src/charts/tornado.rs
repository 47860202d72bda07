//! Tornado chart: which uncertain inputs move the result most.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{TornadoBar, TornadoData};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{Lang, TextChart};

/// Widest line of an input name: a longer name wraps onto a second line
/// ("Pris pr. åben time · / Øvrige afdelinger og Jobcenter skranke"), and
/// only a name longer than two lines is shortened with "…".
const MAX_NAME_W: i32 = 360;

/// Widest input name when a bar has no room for two lines of label (a
/// chart of many bars, or the report's lower charts): the label area
/// widens to this before a name is shortened with "…".
const MAX_ONE_LINE_W: i32 = 520;

/// Height of a line of a two-line label (as the axis draws them).
const LABEL_LINE: i32 = (TICK_SIZE * 1.2) as i32;

/// Horizontal bars in the order of `data.bars` (the first on top), centred
/// on the overall median:
/// from the median to the result with the input in its lowest decile
/// (orange) and to the result with it in its highest decile (blue), with the
/// two amounts written at the bar ends.
pub fn tornado<'a>(
    data: &TornadoData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.bars.is_empty() {
        return Err(invalid("tornado: no bars"));
    }
    if data
        .bars
        .iter()
        .any(|b| !(b.low_value.is_finite() && b.high_value.is_finite() && b.base.is_finite()))
    {
        return Err(invalid("tornado: a value is not finite"));
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &TornadoData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let base = data.bars[0].base;
    // In the data's order, first on top: the report's tornado keeps the
    // order of the sensitivity table beside it (share of variance).
    let bars: Vec<&TornadoBar> = data.bars.iter().collect();
    let n = bars.len();

    let lo = bars
        .iter()
        .map(|b| b.low_value.min(b.high_value))
        .fold(base, f64::min);
    let hi = bars
        .iter()
        .map(|b| b.low_value.max(b.high_value))
        .fold(base, f64::max);
    // Room at both ends for the amounts.
    let span = (hi - lo).max(hi.abs() * 0.01).max(1.0);
    let x = money_axis(
        lo - span * 0.22,
        hi + span * 0.22,
        7,
        &data.measure.label(lang),
        lang,
    );
    let frame = Frame::new(
        TextChart::TitleTornado.get(lang),
        text,
        TextChart::ExplainTornado.get(lang),
        data.trials,
        lang,
    )
    .legend(vec![
        LegendItem::new(TextChart::LowDecile.get(lang), Swatch::Fill(LOW_DECILE)),
        LegendItem::new(TextChart::HighDecile.get(lang), Swatch::Fill(HIGH_DECILE)),
        LegendItem::new(
            format!(
                "{}: {}",
                TextChart::Median.get(lang),
                &x.money_text(base, lang)
            ),
            Swatch::Line(TEXT, 3),
        ),
    ]);
    let plot = draw_frame(root, &frame)?;
    // Each bar's share of the plot's height (the axis takes about 72
    // pixels of it): two lines of label only where they fit beside a bar.
    let slot = (plot.dim_in_pixel().1 as i32 - 72) / n as i32;
    let two_lines = slot >= 2 * LABEL_LINE + 4;

    // Bar i (0 = the first, on top) is centred at y = n - i - 0.5.
    let y = Axis {
        lo: 0.0,
        hi: n as f64,
        ticks: (0..n).map(|i| (n - i) as f64 - 0.5).collect(),
        labels: bars
            .iter()
            .map(|b| name_lines(&b.input, two_lines))
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

    let half = 0.32;
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        for (v, c) in [(b.low_value, LOW_DECILE), (b.high_value, HIGH_DECILE)] {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(base.min(v), yc - half), (base.max(v), yc + half)],
                c.filled(),
            )))?;
        }
    }
    vline(&mut chart, base, &y, TEXT.stroke_width(3))?;

    // Amounts at the outer ends of each bar.
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        let size = if n > 12 {
            CAPTION_SIZE
        } else {
            ANNOTATION_SIZE
        };
        // The outermost amount on each side of the median (when both
        // deciles land on the same side, the inner bar end is not labelled).
        let ends = [(b.low_value, LOW_DECILE), (b.high_value, HIGH_DECILE)];
        let left = ends
            .iter()
            .filter(|e| e.0 < base)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let right = ends
            .iter()
            .filter(|e| e.0 >= base)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        for (end, is_left) in [(left, true), (right, false)] {
            if let Some((v, c)) = end {
                let (px, py) = chart.backend_coord(&(*v, yc));
                let (pos, h) = if is_left {
                    ((px - 8, py), HPos::Right)
                } else {
                    ((px + 8, py), HPos::Left)
                };
                put_text(
                    root,
                    &x.money_text(*v, lang),
                    size,
                    false,
                    darker(*c),
                    pos,
                    h,
                    VPos::Center,
                )?;
            }
        }
    }
    Ok(())
}

fn darker(c: RGBColor) -> RGBColor {
    lerp_color(c, RGBColor(0, 0, 0), 0.25)
}

/// An input's name as the label of its bar: one line when it fits, else
/// (`two_lines`) two, broken after the " · " between what and where when
/// both halves fit ("Pris pr. åben time ·" / "Øvrige afdelinger og
/// Jobcenter skranke"), else between words; the lines separated by '\n'.
/// Without room for two lines, one line up to [`MAX_ONE_LINE_W`].
fn name_lines(name: &str, two_lines: bool) -> String {
    if text_width(name, TICK_SIZE, false) <= MAX_NAME_W {
        return name.to_string();
    }
    if !two_lines {
        return ellipsize(name, TICK_SIZE, false, MAX_ONE_LINE_W);
    }
    if let Some((what, place)) = name.split_once(" · ") {
        let first = format!("{what} ·");
        if text_width(&first, TICK_SIZE, false) <= MAX_NAME_W
            && text_width(place, TICK_SIZE, false) <= MAX_NAME_W
        {
            return format!("{first}\n{place}");
        }
    }
    wrap_lines(name, TICK_SIZE, false, MAX_NAME_W, 2).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Long input names wrap onto two lines that each fit the label area,
    /// after the " · " when both halves fit, without "…"; short names stay
    /// on one line; only a name longer than two lines is shortened. Where
    /// a bar has no room for two lines, the name keeps one line in a wider
    /// label area.
    #[test]
    fn long_names_wrap_to_two_lines_instead_of_being_cut() {
        let fits = |l: &str, w: i32| text_width(l, TICK_SIZE, false) <= w;
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        for name in [
            "Pris pr. åben time · Øvrige afdelinger skranke",
            "Cost per open hour · Other departments and the Jobcenter counter",
            "Pris pr. åben time · Øvrige afdelinger og Jobcenter skranke",
            "Ekstra imitation q · Forslag 23: Digital borgerservice på kk.dk",
        ] {
            let label = name_lines(name, true);
            let lines: Vec<&str> = label.split('\n').collect();
            assert!(lines.len() <= 2, "{label:?}");
            assert!(lines.iter().all(|l| fits(l, MAX_NAME_W)), "{label:?}");
            assert!(!label.contains('…'), "{label:?}");
            assert_eq!(words(&lines.join(" ")), words(name), "{label:?}");
            let expected = if fits(name, MAX_NAME_W) { 1 } else { 2 };
            assert_eq!(lines.len(), expected, "{label:?}");
            // One line where two do not fit beside a bar.
            let one = name_lines(name, false);
            assert!(!one.contains('\n') && fits(&one, MAX_ONE_LINE_W), "{one:?}");
        }
        assert_eq!(
            name_lines(
                "Pris pr. åben time · Øvrige afdelinger og Jobcenter skranke",
                true
            ),
            "Pris pr. åben time ·\nØvrige afdelinger og Jobcenter skranke"
        );
        // The names of the chart fit whole on one line.
        for name in [
            "Pris pr. åben time · Øvrige afdelinger skranke",
            "Cost per open hour · Øvrige afdelinger counter",
        ] {
            assert_eq!(name_lines(name, true), name);
            assert_eq!(name_lines(name, false), name);
        }
        let huge = name_lines(&"Meget lang antagelse ".repeat(20), true);
        assert_eq!(huge.split('\n').count(), 2);
        assert!(huge.ends_with('…'), "{huge}");
    }
}
