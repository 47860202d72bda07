//! Attribution: the marginal savings of each policy event.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::*;
use super::data::{AttributionBar, AttributionData};
use super::{invalid, ChartError, ChartText, Sink};
use crate::i18n::{Lang, TextChart};

/// Label widths tried in turn, narrowest first: the first at which every
/// event's name fits whole in the lines beside its bar is the label area.
const NAME_WIDTHS: [i32; 4] = [360, 440, 520, 600];

/// Most lines of one event's name (when the bars leave room for them).
const MAX_NAME_LINES: usize = 3;

/// Height of a line of a label of several lines (as the axis draws them).
const LABEL_LINE: i32 = (TICK_SIZE * 1.2) as i32;

/// Horizontal bars per policy event, largest median contribution on top:
/// bar from 0 kr. to the median (green for a saving, red for a loss), a
/// line with end caps for the 5-95 % interval, the median written after the
/// interval.
pub fn attribution<'a>(
    data: &AttributionData,
    text: &ChartText,
    lang: Lang,
    out: impl Into<Sink<'a>>,
) -> Result<(), ChartError> {
    if data.bars.is_empty() {
        return Err(invalid("attribution: no events"));
    }
    if data
        .bars
        .iter()
        .any(|b| !(b.p5.is_finite() && b.p50.is_finite() && b.p95.is_finite()))
    {
        return Err(invalid("attribution: a value is not finite"));
    }
    render_chart!(out, draw, data, text, lang)
}

fn draw<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    data: &AttributionData,
    text: &ChartText,
    lang: Lang,
) -> Result<(), ChartError> {
    let mut bars: Vec<&AttributionBar> = data.bars.iter().collect();
    bars.sort_by(|a, b| b.p50.total_cmp(&a.p50));
    let n = bars.len();
    let mut legend = vec![LegendItem::new(
        TextChart::Saving.get(lang),
        Swatch::Fill(tint(GAIN, 0.2)),
    )];
    if bars.iter().any(|b| b.p50 < 0.0) {
        legend.push(LegendItem::new(
            TextChart::Loss.get(lang),
            Swatch::Fill(tint(LOSS, 0.2)),
        ));
    }
    legend.push(LegendItem::new(
        TextChart::Interval90.get(lang),
        Swatch::Line(TEXT, 2),
    ));
    let frame = Frame::new(
        TextChart::TitleAttribution.get(lang),
        text,
        TextChart::ExplainAttribution.get(lang),
        data.trials,
        lang,
    )
    .legend(legend);
    let plot = draw_frame(root, &frame)?;
    // Each bar's share of the plot's height (the axis takes about 72
    // pixels of it): as many lines of label as fit beside a bar.
    let slot = (plot.dim_in_pixel().1 as i32 - 72) / n as i32;
    let lines = usize::try_from((slot - 4) / LABEL_LINE)
        .unwrap_or(1)
        .clamp(1, MAX_NAME_LINES);
    let names: Vec<&str> = bars.iter().map(|b| b.event.as_str()).collect();

    let lo = bars.iter().map(|b| b.p5.min(b.p50)).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.p95.max(b.p50)).fold(0.0, f64::max);
    let span = (hi - lo).max(1.0);
    // Room on the right (and left, for losses) for the amounts.
    let left_room = if lo < 0.0 { span * 0.2 } else { span * 0.02 };
    let x = money_axis(
        lo - left_room,
        hi + span * 0.2,
        7,
        &data.measure.label(lang),
        lang,
    );
    let y = Axis {
        lo: 0.0,
        hi: n as f64,
        ticks: (0..n).map(|i| (n - i) as f64 - 0.5).collect(),
        labels: name_labels(&names, lines),
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
    let half = 0.3;
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        let c = if b.p50 >= 0.0 {
            tint(GAIN, 0.2)
        } else {
            tint(LOSS, 0.2)
        };
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (0.0_f64.min(b.p50), yc - half),
                (0.0_f64.max(b.p50), yc + half),
            ],
            c.filled(),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(b.p5, yc), (b.p95, yc)],
            TEXT.stroke_width(2),
        )))?;
        for v in [b.p5, b.p95] {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(v, yc - half * 0.5), (v, yc + half * 0.5)],
                TEXT.stroke_width(2),
            )))?;
        }
    }
    vline(&mut chart, 0.0, &y, TEXT.stroke_width(2))?;
    for (i, b) in bars.iter().enumerate() {
        let yc = (n - i) as f64 - 0.5;
        let size = if n > 12 {
            CAPTION_SIZE
        } else {
            ANNOTATION_SIZE
        };
        let label = x.money_text(b.p50, lang);
        if b.p50 >= 0.0 {
            let (px, py) = chart.backend_coord(&(b.p95.max(b.p50), yc));
            put_text(
                root,
                &label,
                size,
                true,
                TEXT,
                (px + 10, py),
                HPos::Left,
                VPos::Center,
            )?;
        } else {
            let (px, py) = chart.backend_coord(&(b.p5.min(b.p50), yc));
            put_text(
                root,
                &label,
                size,
                true,
                LOSS,
                (px - 10, py),
                HPos::Right,
                VPos::Center,
            )?;
        }
    }
    Ok(())
}

/// The events' names as bar labels, each wrapped at spaces onto at most
/// `max_lines` lines (separated by '\n') of the narrowest of
/// [`NAME_WIDTHS`] at which every name fits whole. Only a name too long for
/// even the widest is shortened with "…" (none of the shipped scenarios'
/// names is, in the chart or in the report).
fn name_labels(names: &[&str], max_lines: usize) -> Vec<String> {
    let fits = |name: &str, width: i32| {
        let lines = wrap(name, TICK_SIZE, false, width);
        lines.len() <= max_lines
            && lines
                .iter()
                .all(|l| text_width(l, TICK_SIZE, false) <= width)
    };
    let widest = NAME_WIDTHS[NAME_WIDTHS.len() - 1];
    let width = NAME_WIDTHS
        .into_iter()
        .find(|&w| names.iter().all(|n| fits(n, w)))
        .unwrap_or(widest);
    names
        .iter()
        .map(|n| wrap_lines(n, TICK_SIZE, false, width, max_lines).join("\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest event names of the shipped scenarios.
    const LONG: [&str; 4] = [
        "Forslag 14: Pensions- og omsorgskontorer lukker som selvstændig indgang",
        "Forslag 21: Digital medbetjening og kompetenceudvikling",
        "1. Ny hjemmeside med fokus på selvbetjening",
        "6. Forbedret kommunikation i breve og på hjemmesiden",
    ];

    /// Long names wrap at spaces onto the lines beside their bar and are
    /// never cut: with room for two lines (the PNG chart) the label area
    /// stays at its narrowest, with room for one (the report's chart of
    /// nine bars) it widens until every name fits.
    #[test]
    fn long_event_names_wrap_instead_of_being_cut() {
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        for max_lines in [1, 2, 3] {
            let labels = name_labels(&LONG, max_lines);
            for (label, name) in labels.iter().zip(LONG) {
                assert!(!label.contains('…'), "{label:?}");
                assert_eq!(words(&label.replace('\n', " ")), words(name));
                assert!(label.split('\n').count() <= max_lines, "{label:?}");
            }
        }
        let two = name_labels(&LONG, 2);
        assert_eq!(
            two[0],
            "Forslag 14: Pensions- og omsorgskontorer lukker\nsom selvstændig indgang"
        );
        // Cut at 330 pixels before; whole on one line now.
        assert_eq!(two[2], LONG[2]);
        assert!(two
            .iter()
            .flat_map(|l| l.split('\n'))
            .all(|l| text_width(l, TICK_SIZE, false) <= NAME_WIDTHS[0]));
        let one = name_labels(&LONG, 1);
        assert_eq!(one[0], LONG[0]);
        // A short name stays whole on one line.
        assert_eq!(
            name_labels(&["Digital postfordeler"], 2),
            ["Digital postfordeler"]
        );
        // Only a name beyond the widest area's lines is shortened.
        let huge = "Meget lang tiltagsbeskrivelse ".repeat(20);
        let cut = name_labels(&[huge.as_str()], 2);
        assert_eq!(cut[0].split('\n').count(), 2);
        assert!(cut[0].ends_with('…'), "{cut:?}");
    }
}
