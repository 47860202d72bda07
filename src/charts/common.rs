//! Shared look of all charts: palette, fonts, the frame (title, subtitle,
//! legend, caption), axes with readable ticks and small layout helpers.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::font::FAMILY;
use super::ChartError;
use crate::i18n::{based_on_trials, format_number, mkr_unit, Lang};

// ---------------------------------------------------------------------------
// Palette
// ---------------------------------------------------------------------------

pub(crate) const TEXT: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
pub(crate) const TEXT_SOFT: RGBColor = RGBColor(0x4a, 0x4a, 0x4a);
pub(crate) const TEXT_FAINT: RGBColor = RGBColor(0x66, 0x66, 0x66);
pub(crate) const GRID: RGBColor = RGBColor(0xe2, 0xe2, 0xe2);
pub(crate) const AXIS: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);

/// Status quo: neutral grey.
pub(crate) const STATUS_QUO: RGBColor = RGBColor(0x72, 0x72, 0x72);
/// The scenario: blue.
pub(crate) const SCENARIO: RGBColor = RGBColor(0x00, 0x63, 0xa6);
/// Gain / loss (histogram bars, attribution bars).
pub(crate) const GAIN: RGBColor = RGBColor(0x2e, 0x8b, 0x57);
pub(crate) const LOSS: RGBColor = RGBColor(0xc8, 0x3e, 0x2f);
/// Tornado: input in its lowest / highest decile (not good/bad colours).
pub(crate) const LOW_DECILE: RGBColor = RGBColor(0xe0, 0x8a, 0x00);
pub(crate) const HIGH_DECILE: RGBColor = RGBColor(0x00, 0x63, 0xa6);

/// Proposals (options): colour-blind-safe, distinct, none grey.
pub(crate) const OPTION_COLORS: [RGBColor; 8] = [
    RGBColor(0x00, 0x63, 0xa6), // blue
    RGBColor(0xd5, 0x5e, 0x00), // vermillion
    RGBColor(0x00, 0x9e, 0x73), // bluish green
    RGBColor(0xa8, 0x4e, 0x9a), // purple
    RGBColor(0xe6, 0x9f, 0x00), // orange
    RGBColor(0x56, 0xb4, 0xe9), // sky blue
    RGBColor(0x88, 0x22, 0x55), // wine
    RGBColor(0x44, 0xaa, 0x99), // teal
];

/// Channels in the stacked area chart.
pub(crate) const CHANNEL_COLORS: [RGBColor; 8] = [
    RGBColor(0x00, 0x63, 0xa6), // blue
    RGBColor(0xe6, 0x9f, 0x00), // orange
    RGBColor(0x00, 0x9e, 0x73), // green
    RGBColor(0xa8, 0x4e, 0x9a), // purple
    RGBColor(0x56, 0xb4, 0xe9), // sky blue
    RGBColor(0xd5, 0x5e, 0x00), // vermillion
    RGBColor(0x99, 0x99, 0x33), // olive
    RGBColor(0x99, 0x99, 0x99), // grey
];

pub(crate) fn option_color(i: usize) -> RGBColor {
    OPTION_COLORS[i % OPTION_COLORS.len()]
}

pub(crate) fn channel_color(i: usize) -> RGBColor {
    CHANNEL_COLORS[i % CHANNEL_COLORS.len()]
}

/// Linear blend of two colours, `t` in 0..=1.
pub(crate) fn lerp_color(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// `c` blended with white: `amount` 0 = c, 1 = white. An opaque stand-in for
/// a transparent fill, so that PNG and SVG look the same.
pub(crate) fn tint(c: RGBColor, amount: f64) -> RGBColor {
    lerp_color(c, WHITE, amount)
}

/// Relative luminance (0 dark .. 1 light), for choosing a text colour.
pub(crate) fn luminance(c: RGBColor) -> f64 {
    let f = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

/// Black or white, whichever reads better on `background`.
pub(crate) fn text_on(background: RGBColor) -> RGBColor {
    if luminance(background) > 0.30 {
        TEXT
    } else {
        WHITE
    }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

pub(crate) const TITLE_SIZE: f64 = 30.0;
pub(crate) const SUBTITLE_SIZE: f64 = 20.0;
pub(crate) const LEGEND_SIZE: f64 = 17.0;
pub(crate) const TICK_SIZE: f64 = 17.0;
pub(crate) const AXIS_TITLE_SIZE: f64 = 18.0;
pub(crate) const ANNOTATION_SIZE: f64 = 16.0;
pub(crate) const CAPTION_SIZE: f64 = 15.0;

pub(crate) fn font(size: f64, bold: bool) -> FontDesc<'static> {
    if bold {
        (FAMILY, size, FontStyle::Bold).into_font()
    } else {
        (FAMILY, size).into_font()
    }
}

/// A text style with colour and anchor.
pub(crate) fn style(
    size: f64,
    bold: bool,
    color: RGBColor,
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    font(size, bold).color(&color).pos(Pos::new(h, v))
}

/// Width in pixels of `text` in the embedded font.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> i32 {
    let text = crate::export::sanitize::clean_text(text);
    super::font::metrics(bold).width(&text, size).round() as i32
}

/// The backends charts are drawn on. Bitmap text is drawn glyph by glyph
/// (see [`super::font`]), SVG text as whole `<text>` elements.
pub(crate) trait Backend: DrawingBackend {
    const PER_GLYPH: bool;
}

impl Backend for BitMapBackend<'_> {
    const PER_GLYPH: bool = true;
}

impl Backend for SVGBackend<'_> {
    const PER_GLYPH: bool = false;
}

/// Draws one line of text anchored at `pos` (absolute pixel coordinates).
/// Vertical anchors: `Top` = top of capitals and accents, `Center` = middle
/// of the capitals, `Bottom` = bottom of descenders.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put_text<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    size: f64,
    bold: bool,
    color: RGBColor,
    pos: (i32, i32),
    h: HPos,
    v: VPos,
) -> Result<(), ChartError> {
    if text.is_empty() {
        return Ok(());
    }
    // No control characters in a chart: SVG text must be valid XML 1.0.
    let text = &*crate::export::sanitize::clean_text(text);
    let base = area.get_base_pixel();
    let (x, y) = (pos.0 - base.0, pos.1 - base.1);
    let baseline = y as f64
        + match v {
            VPos::Top => 0.78 * size,
            VPos::Center => 0.31 * size,
            VPos::Bottom => -0.21 * size,
        };
    if !DB::PER_GLYPH {
        let st = style(size, bold, color, h, VPos::Center);
        area.draw_text(text, &st, (x, (baseline - 0.214 * size).round() as i32))?;
        return Ok(());
    }
    let m = super::font::metrics(bold);
    let w = m.width(text, size).round() as i32;
    let x0 = match h {
        HPos::Left => x,
        HPos::Center => x - w / 2,
        HPos::Right => x - w,
    };
    // plotters puts the baseline half a font size below a top-anchored glyph.
    let top = (baseline - size / 2.0).round() as i32;
    let st = style(size, bold, color, HPos::Left, VPos::Top);
    let mut buf = [0u8; 4];
    for g in m.place(text, size) {
        area.draw_text(g.ch.encode_utf8(&mut buf), &st, (x0 + g.x, top + g.dy))?;
    }
    Ok(())
}

/// Greedy word wrap so that each line fits in `max_width` pixels (a single
/// word longer than that gets a line of its own).
pub(crate) fn wrap(text: &str, size: f64, bold: bool, max_width: i32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // A "%" stays on the line of its number ("50 %", "5 %-fraktilen").
    let mut words: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match words.last_mut() {
            Some(prev) if w.starts_with('%') => {
                prev.push(' ');
                prev.push_str(w);
            }
            _ => words.push(w.to_string()),
        }
    }
    for word in &words {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size, bold) > max_width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps into at most `max_lines`, shortening the last line with "…".
pub(crate) fn wrap_lines(
    text: &str,
    size: f64,
    bold: bool,
    max_width: i32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(text, size, bold, max_width);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(rest);
    }
    // Every line, not only the last: a word wider than the space has a
    // line of its own and is shortened there.
    lines
        .iter()
        .map(|l| ellipsize(l, size, bold, max_width))
        .collect()
}

/// Cuts `text` with "…" so that it fits in `max_width` pixels: the longest
/// prefix (trailing spaces trimmed) that fits with the "…", or "…" alone.
///
/// Linear in the length of what is kept plus one pass over `text`: the cut
/// is found by doubling the prefix until it no longer fits and then by
/// bisection, so a name of a megabyte costs no more than a short one.
pub(crate) fn ellipsize(text: &str, size: f64, bold: bool, max_width: i32) -> String {
    if text_width(text, size, bold) <= max_width {
        return text.to_string();
    }
    // Byte offset where the first `n` characters end, for n = 0..=len.
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain(std::iter::once(text.len()))
        .collect();
    let n_chars = ends.len();
    let cut = |n: usize| -> String { text[..ends[n - 1]].trim_end().to_string() + "…" };
    let fits = |n: usize| text_width(&cut(n), size, bold) <= max_width;
    // The original text does not fit, so at most n_chars - 1 characters stay.
    let last = n_chars.saturating_sub(1);
    if last == 0 || !fits(1) {
        return "…".to_string();
    }
    // Double until a prefix does not fit (or all candidates fit) ...
    let (mut ok, mut bad) = (1, None);
    while bad.is_none() {
        let next = (ok * 2).min(last);
        if next == ok {
            break;
        }
        if fits(next) {
            ok = next;
        } else {
            bad = Some(next);
        }
    }
    // ... then bisect between the longest fitting and the shortest too long.
    if let Some(mut bad) = bad {
        while bad - ok > 1 {
            let mid = ok + (bad - ok) / 2;
            if fits(mid) {
                ok = mid;
            } else {
                bad = mid;
            }
        }
    }
    cut(ok)
}

/// Moves label positions (pixels, any order) apart so that neighbours are at
/// least `gap` apart, staying within `lo..=hi` where possible. Returns the new
/// positions in the input order.
pub(crate) fn spread(positions: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..positions.len()).collect();
    idx.sort_by(|&a, &b| positions[a].total_cmp(&positions[b]));
    let mut p: Vec<f64> = idx.iter().map(|&i| positions[i].clamp(lo, hi)).collect();
    for _ in 0..4 {
        for k in 1..p.len() {
            if p[k] < p[k - 1] + gap {
                p[k] = p[k - 1] + gap;
            }
        }
        if let Some(last) = p.last_mut() {
            if *last > hi {
                *last = hi;
            }
        }
        for k in (0..p.len().saturating_sub(1)).rev() {
            if p[k] > p[k + 1] - gap {
                p[k] = p[k + 1] - gap;
            }
        }
        if let Some(first) = p.first_mut() {
            if *first < lo {
                *first = lo;
            }
        }
    }
    let mut out = vec![0.0; positions.len()];
    for (k, &i) in idx.iter().enumerate() {
        out[i] = p[k];
    }
    out
}

/// Puts labels (pixel extents `left..right`, in priority order) on rows so
/// that labels on the same row do not overlap; returns each label's row.
pub(crate) fn assign_rows(extents: &[(i32, i32)], gap: i32) -> Vec<usize> {
    let mut rows: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut out = Vec::with_capacity(extents.len());
    for &(l, r) in extents {
        let row = rows
            .iter()
            .position(|row| row.iter().all(|&(a, b)| r + gap <= a || l >= b + gap))
            .unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(Vec::new());
        }
        rows[row].push((l, r));
        out.push(row);
    }
    out
}

// ---------------------------------------------------------------------------
// Frame: title, subtitle, legend, caption
// ---------------------------------------------------------------------------

pub(crate) const MARGIN_X: i32 = 28;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A line of the given width.
    Line(RGBColor, u32),
    /// A dashed line.
    Dashed(RGBColor),
    /// A filled box.
    Fill(RGBColor),
}

#[derive(Debug, Clone)]
pub(crate) struct LegendItem {
    pub label: String,
    pub swatch: Swatch,
    /// Starts a new row of the legend (unless it is the first item).
    pub new_row: bool,
}

impl LegendItem {
    pub(crate) fn new(label: impl Into<String>, swatch: Swatch) -> Self {
        LegendItem {
            label: label.into(),
            swatch,
            new_row: false,
        }
    }

    /// This item at the start of a new row: a group of items (one
    /// series' line and bands) kept together.
    pub(crate) fn on_new_row(self) -> Self {
        LegendItem {
            new_row: true,
            ..self
        }
    }
}

/// What goes around the plot.
pub(crate) struct Frame {
    pub title: String,
    pub subtitle: Option<String>,
    /// A bold line under the subtitle (the chart's key message).
    pub highlight: Option<(String, RGBColor)>,
    pub legend: Vec<LegendItem>,
    /// Caption lines under the plot (explanation, number of trials, note).
    pub caption: Vec<String>,
}

impl Frame {
    /// Builds the frame from the chart's standard title, the caller's
    /// [`super::ChartText`] and the standard caption lines.
    pub(crate) fn new(
        default_title: impl Into<String>,
        text: &super::ChartText,
        explanation: &str,
        trials: Option<u64>,
        lang: Lang,
    ) -> Self {
        let mut last = String::new();
        if let Some(n) = trials {
            last.push_str(&based_on_trials(lang, &format_number((n) as f64, 0, lang)));
        }
        if let Some(note) = text.note.as_deref().filter(|n| !n.trim().is_empty()) {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(note.trim());
        }
        let mut caption = vec![explanation.to_string()];
        if !last.is_empty() {
            caption.push(last);
        }
        Frame {
            title: text
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| default_title.into()),
            subtitle: text.subtitle.clone().filter(|s| !s.trim().is_empty()),
            highlight: None,
            legend: Vec::new(),
            caption,
        }
    }

    pub(crate) fn highlight(mut self, text: String, color: RGBColor) -> Self {
        self.highlight = Some((text, color));
        self
    }

    /// Adds a sentence to the last caption line.
    pub(crate) fn caption_extra(mut self, sentence: String) -> Self {
        if self.caption.len() < 2 {
            self.caption.push(sentence);
        } else {
            let last = self.caption.last_mut().unwrap();
            *last = format!("{sentence} {last}");
        }
        self
    }

    pub(crate) fn legend(mut self, items: Vec<LegendItem>) -> Self {
        self.legend = items;
        self
    }
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    x: i32,
    y_mid: i32,
) -> Result<(), ChartError> {
    match swatch {
        Swatch::Line(c, w) => {
            root.draw(&PathElement::new(
                vec![(x, y_mid), (x + 30, y_mid)],
                c.stroke_width(w),
            ))?;
        }
        Swatch::Dashed(c) => {
            for k in 0..3 {
                let x0 = x + k * 12;
                root.draw(&PathElement::new(
                    vec![(x0, y_mid), (x0 + 7, y_mid)],
                    c.stroke_width(2),
                ))?;
            }
        }
        Swatch::Fill(c) => {
            root.draw(&Rectangle::new(
                [(x, y_mid - 8), (x + 30, y_mid + 8)],
                c.filled(),
            ))?;
        }
    }
    Ok(())
}

/// Paints the background, title, subtitle, legend and caption, and returns
/// the area left for the plot.
pub(crate) fn draw_frame<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let inner = w - 2 * MARGIN_X;

    let mut y = 16;
    for line in wrap_lines(&frame.title, TITLE_SIZE, true, inner, 2) {
        put_text(
            root,
            &line,
            TITLE_SIZE,
            true,
            TEXT,
            (MARGIN_X, y),
            HPos::Left,
            VPos::Top,
        )?;
        y += 36;
    }
    if let Some(sub) = &frame.subtitle {
        for line in wrap_lines(sub, SUBTITLE_SIZE, false, inner, 2) {
            put_text(
                root,
                &line,
                SUBTITLE_SIZE,
                false,
                TEXT_SOFT,
                (MARGIN_X, y),
                HPos::Left,
                VPos::Top,
            )?;
            y += 26;
        }
    }
    if let Some((line, color)) = &frame.highlight {
        y += 4;
        put_text(
            root,
            line,
            SUBTITLE_SIZE,
            true,
            *color,
            (MARGIN_X, y),
            HPos::Left,
            VPos::Top,
        )?;
        y += 26;
    }
    if !frame.legend.is_empty() {
        y += 8;
        let row_h = 26;
        let mut x = MARGIN_X;
        let mut y_mid = y + row_h / 2;
        for item in &frame.legend {
            let label = ellipsize(&item.label, LEGEND_SIZE, false, inner - 40);
            let item_w = 30 + 8 + text_width(&label, LEGEND_SIZE, false);
            if x > MARGIN_X && (item.new_row || x + item_w > w - MARGIN_X) {
                x = MARGIN_X;
                y_mid += row_h;
            }
            draw_swatch(root, item.swatch, x, y_mid)?;
            put_text(
                root,
                &label,
                LEGEND_SIZE,
                false,
                TEXT,
                (x + 38, y_mid),
                HPos::Left,
                VPos::Center,
            )?;
            x += item_w + 28;
        }
        y = y_mid + row_h / 2;
    }
    y += 10;

    // Caption from the bottom up.
    let mut lines = Vec::new();
    for c in &frame.caption {
        lines.extend(wrap(c, CAPTION_SIZE, false, inner));
    }
    let line_h = 20;
    let caption_top = h - 12 - line_h * lines.len() as i32;
    for (k, line) in lines.iter().enumerate() {
        put_text(
            root,
            line,
            CAPTION_SIZE,
            false,
            TEXT_FAINT,
            (MARGIN_X, caption_top + k as i32 * line_h),
            HPos::Left,
            VPos::Top,
        )?;
    }
    let bottom = caption_top - 8;
    let plot = root
        .clone()
        .shrink((0, y), (w as u32, (bottom - y).max(50) as u32));
    Ok(plot)
}

// ---------------------------------------------------------------------------
// Axes
// ---------------------------------------------------------------------------

/// A numeric axis with explicit ticks and their labels.
#[derive(Debug, Clone)]
pub(crate) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
    pub labels: Vec<String>,
    pub title: String,
    /// Set for money axes.
    pub unit: Option<MoneyUnit>,
}

impl Axis {
    /// An amount in this axis' unit for an annotation: "0,70 mio. kr." on a
    /// mio. kr. axis (two decimals below 10 mio., one below 100 mio.),
    /// three significant digits on a kr. axis ("919.000 kr.").
    pub(crate) fn money_text(&self, v: f64, lang: Lang) -> String {
        let unit = self.unit.unwrap_or(MoneyUnit::Kr);
        if let Some(t) = huge_number(v / unit.divisor(), lang) {
            return format!("{t} {}", unit.name(lang));
        }
        match self.unit {
            Some(MoneyUnit::Mio) => {
                let m = self.lo.abs().max(self.hi.abs());
                let dec = if m <= 1e7 {
                    2
                } else if m <= 1e8 {
                    1
                } else {
                    0
                };
                crate::i18n::format_mkr_decimals(v, dec, lang)
            }
            _ => crate::i18n::format_money_sig(v, 3, lang),
        }
    }

    pub(crate) fn range(&self) -> Ticked {
        Ticked {
            lo: self.lo,
            hi: self.hi,
            ticks: self.ticks.clone(),
        }
    }

    /// The widest line of the tick labels (a label may have several lines,
    /// separated by '\n').
    pub(crate) fn max_label_width(&self) -> i32 {
        self.labels
            .iter()
            .flat_map(|l| l.split('\n'))
            .map(|l| text_width(l, TICK_SIZE, false))
            .max()
            .unwrap_or(0)
    }

    pub(crate) fn contains(&self, v: f64) -> bool {
        v >= self.lo.min(self.hi) && v <= self.lo.max(self.hi)
    }
}

/// A "nice" step (1, 2, 2.5 or 5 times a power of ten) giving about
/// `target` intervals over `span`.
pub(crate) fn nice_step(span: f64, target: usize) -> f64 {
    nice_step_from(span, target, true)
}

/// Like [`nice_step`], without 2.5 (for percent axes: 2 %, 5 %, 10 %).
pub(crate) fn nice_step_125(span: f64, target: usize) -> f64 {
    nice_step_from(span, target, false)
}

fn nice_step_from(span: f64, target: usize, allow_25: bool) -> f64 {
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        1.0
    };
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if allow_25 && norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Nice bounds and ticks covering `min..=max`.
pub(crate) fn nice_ticks(min: f64, max: f64, target: usize) -> (f64, f64, f64, Vec<f64>) {
    let (mut min, mut max) = (min, max);
    if !min.is_finite() || !max.is_finite() {
        min = 0.0;
        max = 1.0;
    }
    if max < min {
        std::mem::swap(&mut min, &mut max);
    }
    if max - min < 1e-9 * max.abs().max(1.0) {
        let d = if min == 0.0 { 1.0 } else { min.abs() * 0.1 };
        min -= d;
        max += d;
    }
    let step = nice_step(max - min, target);
    let lo = (min / step + 1e-9).floor() * step;
    let hi = (max / step - 1e-9).ceil() * step;
    let n = ((hi - lo) / step).round() as i64;
    let ticks = (0..=n).map(|k| clean(lo + k as f64 * step, step)).collect();
    (lo, hi, step, ticks)
}

/// Removes floating noise such as 0.30000000000000004 (and -0).
fn clean(v: f64, step: f64) -> f64 {
    let r = (v / step).round() * step;
    if r.abs() < step * 1e-9 {
        0.0
    } else {
        r
    }
}

/// Decimals needed to print multiples of `step` exactly (at most 4).
pub(crate) fn decimals_for(step: f64) -> usize {
    for d in 0..=4 {
        let s = step * 10f64.powi(d as i32);
        if (s - s.round()).abs() < 1e-6 * s.abs().max(1.0) {
            return d;
        }
    }
    4
}

/// Unit of a money axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoneyUnit {
    Kr,
    Mio,
}

impl MoneyUnit {
    pub(crate) fn for_range(lo: f64, hi: f64) -> Self {
        if lo.abs().max(hi.abs()) >= 1e6 {
            MoneyUnit::Mio
        } else {
            MoneyUnit::Kr
        }
    }

    pub(crate) fn divisor(self) -> f64 {
        match self {
            MoneyUnit::Kr => 1.0,
            MoneyUnit::Mio => 1e6,
        }
    }

    pub(crate) fn name(self, lang: Lang) -> &'static str {
        match self {
            MoneyUnit::Kr => "kr.",
            MoneyUnit::Mio => mkr_unit(lang),
        }
    }
}

/// A money axis in kr. or mio. kr. (chosen from the range) with the unit in
/// the title: "Årlig omkostning (mio. kr.)" and ticks "12,5".
/// Amounts of a trillion units or more (only from absurd inputs) in
/// scientific notation, "1.50e15", so that tick labels and annotations keep
/// a readable width instead of hundreds of digits.
pub(crate) fn huge_number(v: f64, lang: Lang) -> Option<String> {
    if v.abs() < 1e12 {
        return None;
    }
    let s = format!("{v:.2e}");
    Some(match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    })
}

pub(crate) fn money_axis(min: f64, max: f64, target: usize, what: &str, lang: Lang) -> Axis {
    let (lo, hi, step, ticks) = nice_ticks(min, max, target);
    let unit = MoneyUnit::for_range(lo, hi);
    let div = unit.divisor();
    let dec = decimals_for(step / div);
    let labels = ticks
        .iter()
        .map(|t| huge_number(t / div, lang).unwrap_or_else(|| format_number(t / div, dec, lang)))
        .collect();
    Axis {
        lo,
        hi,
        ticks,
        labels,
        title: format!("{what} ({})", unit.name(lang)),
        unit: Some(unit),
    }
}

/// A plain count axis ("250.000").
pub(crate) fn count_axis(min: f64, max: f64, target: usize, title: &str, lang: Lang) -> Axis {
    let (lo, hi, step, ticks) = nice_ticks(min, max, target);
    let dec = decimals_for(step);
    let labels = ticks.iter().map(|t| format_number(*t, dec, lang)).collect();
    Axis {
        lo,
        hi,
        ticks,
        labels,
        title: title.to_string(),
        unit: None,
    }
}

/// A 0..=1 probability / share axis with ticks every `step` labelled "50 %".
pub(crate) fn percent_axis(lo: f64, hi: f64, step: f64, title: &str, lang: Lang) -> Axis {
    let n = ((hi - lo) / step).round() as i64;
    let ticks: Vec<f64> = (0..=n).map(|k| clean(lo + k as f64 * step, step)).collect();
    let dec = decimals_for(step * 100.0);
    let labels = ticks
        .iter()
        .map(|t| crate::i18n::format_pct(*t, dec, lang))
        .collect();
    Axis {
        lo,
        hi,
        ticks,
        labels,
        title: title.to_string(),
        unit: None,
    }
}

/// Calendar years as an axis: ticks only at whole years (every year up to 12
/// years, else every 2nd or 5th), half a year of padding at each end.
pub(crate) fn year_axis(first: i32, last: i32, pad: f64, title: &str) -> Axis {
    let n = (last - first).max(0);
    let every = if n <= 12 {
        1
    } else if n <= 24 {
        2
    } else {
        5
    };
    let ticks: Vec<f64> = (first..=last)
        .filter(|y| (y - first) % every == 0)
        .map(|y| y as f64)
        .collect();
    let labels = ticks.iter().map(|y| format!("{}", *y as i32)).collect();
    Axis {
        lo: first as f64 - pad,
        hi: last as f64 + pad,
        ticks,
        labels,
        title: title.to_string(),
        unit: None,
    }
}

/// A linear f64 coordinate whose grid lines and labels are exactly the given
/// ticks (plotters' own f64 coordinate picks its own, e.g. 2011.5).
#[derive(Debug, Clone)]
pub(crate) struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        let t = if span == 0.0 {
            0.5
        } else {
            (v - self.lo) / span
        };
        (limit.0 as f64 + t * (limit.1 - limit.0) as f64).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

pub(crate) type Coord = Cartesian2d<Ticked, Ticked>;

/// Space around the plot rectangle inside the plot area.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Margins {
    pub top: i32,
    pub right: i32,
    pub left: i32,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            top: 8,
            right: 48,
            left: MARGIN_X,
        }
    }
}

/// Which mesh lines and labels to draw.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mesh {
    pub x_grid: bool,
    pub y_grid: bool,
    /// Draw tick labels on the x axis (false when the chart draws its own
    /// category labels there).
    pub x_labels: bool,
    /// Draw tick labels on the y axis.
    pub y_labels: bool,
    /// Extra height below the x axis (for two-line category labels).
    pub x_extra: i32,
}

impl Default for Mesh {
    fn default() -> Self {
        Mesh {
            x_grid: true,
            y_grid: true,
            x_labels: true,
            y_labels: true,
            x_extra: 0,
        }
    }
}

/// Height of the y axis title row above the plot.
const Y_TITLE_ROW: i32 = 30;

/// Builds a cartesian chart with our axis style, draws its grid, axes, tick
/// labels and axis titles. The y axis title is written horizontally above
/// the axis (easier to read than rotated text), the x axis title centred
/// below the tick labels.
pub(crate) fn build_chart<'a, DB: Backend>(
    area: &'a DrawingArea<DB, Shift>,
    x: &Axis,
    y: &Axis,
    margins: Margins,
    mesh: Mesh,
) -> Result<ChartContext<'a, DB, Coord>, ChartError> {
    let y_area = if mesh.y_labels {
        y.max_label_width() + 14
    } else {
        8
    };
    let x_title_h = if x.title.is_empty() { 0 } else { 30 };
    let x_area = 32 + x_title_h + mesh.x_extra;
    let mut chart = ChartBuilder::on(area)
        .margin_top(margins.top + if y.title.is_empty() { 0 } else { Y_TITLE_ROW })
        .margin_right(margins.right)
        .margin_left(margins.left)
        .margin_bottom(2)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(x.range(), y.range())?;

    let blank = |_: &f64| String::new();
    let mut m = chart.configure_mesh();
    m.bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(1))
        .label_style(font(TICK_SIZE, false).color(&TRANSPARENT))
        .x_label_formatter(&blank)
        .y_label_formatter(&blank)
        .set_tick_mark_size(LabelAreaPosition::Left, if mesh.y_labels { 5 } else { 0 })
        .set_tick_mark_size(LabelAreaPosition::Bottom, if mesh.x_labels { 5 } else { 0 });
    if !mesh.x_grid {
        m.disable_x_mesh();
    }
    if !mesh.y_grid {
        m.disable_y_mesh();
    }
    m.draw()?;

    let (px, py) = chart.plotting_area().get_pixel_range();
    if mesh.x_labels {
        for (t, label) in x.ticks.iter().zip(&x.labels) {
            let cx = chart.backend_coord(&(*t, y.lo)).0;
            put_text(
                area,
                label,
                TICK_SIZE,
                false,
                TEXT_SOFT,
                (cx, py.end + 10),
                HPos::Center,
                VPos::Top,
            )?;
        }
    }
    if mesh.y_labels {
        // A label of several lines ('\n') is centred on its tick.
        let line_height = (TICK_SIZE * 1.2).round() as i32;
        for (t, label) in y.ticks.iter().zip(&y.labels) {
            let cy = chart.backend_coord(&(x.lo, *t)).1;
            let lines: Vec<&str> = label.split('\n').collect();
            let first = cy - line_height * (lines.len() as i32 - 1) / 2;
            for (k, line) in lines.iter().enumerate() {
                put_text(
                    area,
                    line,
                    TICK_SIZE,
                    false,
                    TEXT_SOFT,
                    (px.start - 10, first + line_height * k as i32),
                    HPos::Right,
                    VPos::Center,
                )?;
            }
        }
    }
    if !x.title.is_empty() {
        let cx = (px.start + px.end) / 2;
        let ty = py.end + 36 + mesh.x_extra;
        put_text(
            area,
            &x.title,
            AXIS_TITLE_SIZE,
            false,
            TEXT,
            (cx, ty),
            HPos::Center,
            VPos::Top,
        )?;
    }
    if !y.title.is_empty() {
        let left = area.get_base_pixel().0 + margins.left;
        put_text(
            area,
            &y.title,
            AXIS_TITLE_SIZE,
            false,
            TEXT,
            (left, py.start - 14),
            HPos::Left,
            VPos::Bottom,
        )?;
    }
    Ok(chart)
}

/// Pixel rectangle (x range, y range) of the plotting rectangle.
pub(crate) fn plot_pixels<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, Coord>,
) -> (Range<i32>, Range<i32>) {
    chart.plotting_area().get_pixel_range()
}

/// A vertical line across the plot at x (data coordinates).
pub(crate) fn vline<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Coord>,
    x: f64,
    y: &Axis,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(x, y.lo), (x, y.hi)],
        style,
    )))?;
    Ok(())
}

/// A horizontal line across the plot at y (data coordinates).
pub(crate) fn hline<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Coord>,
    y: f64,
    x: &Axis,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(x.lo, y), (x.hi, y)],
        style,
    )))?;
    Ok(())
}

/// A dashed line between two pixel points on the root area.
pub(crate) fn dashed_px<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    style: ShapeStyle,
    dash: i32,
    gap: i32,
) -> Result<(), ChartError> {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return Ok(());
    }
    let (ux, uy) = (dx / len, dy / len);
    let mut s = 0.0;
    while s < len {
        let e = (s + dash as f64).min(len);
        root.draw(&PathElement::new(
            vec![
                (from.0 + (ux * s) as i32, from.1 + (uy * s) as i32),
                (from.0 + (ux * e) as i32, from.1 + (uy * e) as i32),
            ],
            style,
        ))?;
        s += (dash + gap) as f64;
    }
    Ok(())
}

/// Text with a white box behind it (pixel coordinates on the root area),
/// so that it stays readable over grid lines and bands.
#[allow(clippy::too_many_arguments)]
pub(crate) fn boxed_text<DB: Backend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    size: f64,
    bold: bool,
    color: RGBColor,
    pos: (i32, i32),
    h: HPos,
    v: VPos,
) -> Result<(), ChartError> {
    let w = text_width(text, size, bold);
    let th = (size * 0.95) as i32;
    let x0 = match h {
        HPos::Left => pos.0,
        HPos::Center => pos.0 - w / 2,
        HPos::Right => pos.0 - w,
    };
    let y0 = match v {
        VPos::Top => pos.1,
        VPos::Center => pos.1 - th / 2,
        VPos::Bottom => pos.1 - th,
    };
    root.draw(&Rectangle::new(
        [(x0 - 4, y0 - 3), (x0 + w + 4, y0 + th + 3)],
        WHITE.mix(0.88).filled(),
    ))?;
    put_text(
        root,
        text,
        size,
        bold,
        color,
        (x0, y0 + th / 2),
        HPos::Left,
        VPos::Center,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round() {
        let (lo, hi, step, ticks) = nice_ticks(1_234_000.0, 9_870_000.0, 6);
        assert_eq!(step, 2_000_000.0);
        assert_eq!(lo, 0.0);
        assert_eq!(hi, 10_000_000.0);
        assert_eq!(ticks.len(), 6);
        let (_, _, step, ticks) = nice_ticks(-0.3, 0.7, 5);
        assert_eq!(step, 0.2);
        assert!(ticks.contains(&0.0));
        assert!(ticks
            .iter()
            .all(|t| (t / 0.2 - (t / 0.2).round()).abs() < 1e-12));
    }

    #[test]
    fn decimals() {
        assert_eq!(decimals_for(2.0), 0);
        assert_eq!(decimals_for(0.5), 1);
        assert_eq!(decimals_for(0.25), 2);
        assert_eq!(decimals_for(2_500_000.0), 0);
    }

    #[test]
    fn money_axis_units() {
        let a = money_axis(0.0, 12_400_000.0, 6, "Omkostning", Lang::Da);
        assert_eq!(a.title, "Omkostning (mio. kr.)");
        assert!(a.labels.contains(&"12,5".to_string()) || a.labels.contains(&"12".to_string()));
        let b = money_axis(0.0, 80_000.0, 5, "Besparelse", Lang::En);
        assert_eq!(b.title, "Besparelse (kr.)");
        assert!(b.labels.contains(&"80,000".to_string()));
    }

    #[test]
    fn year_ticks_are_integers() {
        let a = year_axis(2011, 2015, 0.3, "År");
        assert_eq!(a.ticks, vec![2011.0, 2012.0, 2013.0, 2014.0, 2015.0]);
        assert_eq!(a.labels[0], "2011");
    }

    /// The shortening of earlier versions (one width per candidate length).
    fn ellipsize_reference(text: &str, size: f64, bold: bool, max_width: i32) -> String {
        if text_width(text, size, bold) <= max_width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut n = chars.len();
        while n > 1 {
            n -= 1;
            let s: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
            if text_width(&s, size, bold) <= max_width {
                return s;
            }
        }
        "…".to_string()
    }

    #[test]
    fn ellipsize_matches_the_reference() {
        let names = [
            "Sundhedskort og sygesikring",
            "Selvbetjening 40 %: sygedagpenge og NemRefusion i alle afdelinger",
            "Digital strategi 2011–2015, Eksempel Kommune — forslag med en lang forklaring",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "ÅÆØ åæø",
            "x",
            "",
        ];
        for name in names {
            for w in [0, 5, 12, 40, 90, 160, 300, 1_000] {
                for bold in [false, true] {
                    assert_eq!(
                        ellipsize(name, 14.0, bold, w),
                        ellipsize_reference(name, 14.0, bold, w),
                        "{name:?} in {w} px"
                    );
                }
            }
        }
    }

    #[test]
    fn ellipsize_a_megabyte_quickly() {
        let long = "Borgerservice ".repeat(80_000);
        let start = std::time::Instant::now();
        let s = ellipsize(&long, 14.0, false, 300);
        assert!(
            s.ends_with('…') && text_width(&s, 14.0, false) <= 300,
            "{s}"
        );
        assert!(s.starts_with("Borgerservice Borgerservice"));
        let lines = wrap_lines(&long, 14.0, false, 300, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        // Generous: the earlier quadratic version did not finish at all.
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
    }

    #[test]
    fn wrap_keeps_a_percent_sign_with_its_number() {
        let text = "Prikken ved 50 % er medianen; fra 5 %- til 95 %-fraktilen.";
        for width in 40..600 {
            for line in wrap(text, 12.0, false, width) {
                assert!(!line.starts_with('%'), "{width}: {line:?}");
            }
        }
        assert_eq!(
            wrap("a 50 % b", 12.0, false, 10_000),
            vec!["a 50 % b".to_string()]
        );
    }

    #[test]
    fn spread_keeps_order_and_gap() {
        let p = spread(&[100.0, 102.0, 101.0, 300.0], 20.0, 0.0, 1000.0);
        let mut s = p.clone();
        s.sort_by(f64::total_cmp);
        for k in 1..s.len() {
            assert!(s[k] - s[k - 1] >= 20.0 - 1e-9);
        }
        assert_eq!(p[3], 300.0);
    }
}
