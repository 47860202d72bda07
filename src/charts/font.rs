//! Embedded fonts. Charts must render the same on every machine (no
//! fontconfig, no system fonts), so DejaVu Sans regular and bold are compiled
//! into the binary and registered with plotters' ab_glyph text renderer under
//! the family name [`FAMILY`]. The SVG output names the same family in its
//! `<text>` elements; viewers substitute their own sans-serif font there.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

use super::ChartError;

/// Font family every chart uses.
pub const FAMILY: &str = "sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();

/// Registers the embedded fonts once per process; cheap to call again.
pub fn ensure_fonts() -> Result<(), ChartError> {
    REGISTERED
        .get_or_init(|| {
            register_font(FAMILY, FontStyle::Normal, REGULAR)
                .map_err(|_| "embedded DejaVuSans.ttf is not a valid font".to_string())?;
            register_font(FAMILY, FontStyle::Bold, BOLD)
                .map_err(|_| "embedded DejaVuSans-Bold.ttf is not a valid font".to_string())?;
            Ok(())
        })
        .clone()
        .map_err(ChartError::Font)
}

// ---------------------------------------------------------------------------
// Glyph metrics
//
// plotters 0.3.7's ab_glyph renderer places every glyph's bounding box at the
// pen position, dropping the glyph's left side bearing, and truncates the pen
// to whole pixels; small text then looks unevenly spaced ("Lin je"). For
// bitmap output the charts therefore draw text one glyph at a time at the
// correct position, using the metrics ab_glyph reads from the same fonts.
// ---------------------------------------------------------------------------

use ab_glyph::{Font, FontRef, GlyphId};

/// Horizontal metrics of one embedded font, read with ab_glyph (the same
/// parser plotters renders with, so measured and drawn text agree).
pub(crate) struct Metrics {
    font: FontRef<'static>,
    /// Font units per pixel of plotters' font size (ab_glyph scales so that
    /// ascent - descent equals the size).
    height_units: f64,
}

/// One glyph placed on a line of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PlacedGlyph {
    pub ch: char,
    /// Pixels from the start of the line to the left edge of the glyph's
    /// pixel bounding box (what plotters draws at the pen position).
    pub x: i32,
    /// Vertical correction in pixels: plotters truncates the glyph's offset
    /// from the top towards zero, which puts tall glyphs one pixel too low
    /// at odd font sizes; adding this makes all glyphs share one baseline.
    pub dy: i32,
}

impl Metrics {
    fn parse(data: &'static [u8]) -> Option<Metrics> {
        let font = FontRef::try_from_slice(data).ok()?;
        let height_units = (font.ascent_unscaled() - font.descent_unscaled()) as f64;
        Some(Metrics { font, height_units })
    }

    fn scale(&self, size: f64) -> f64 {
        size / self.height_units
    }

    fn advance(&self, g: GlyphId) -> f64 {
        self.font.h_advance_unscaled(g) as f64
    }

    fn kern(&self, prev: Option<GlyphId>, g: GlyphId) -> f64 {
        prev.map_or(0.0, |p| self.font.kern_unscaled(p, g) as f64)
    }

    /// The glyph's unscaled left edge and top (0 for glyphs without outline).
    fn bounds(&self, g: GlyphId) -> (f64, f64) {
        self.font.outline(g).map_or((0.0, 0.0), |o| {
            (o.bounds.min.x as f64, o.bounds.min.y as f64)
        })
    }

    /// Width of `text` in pixels at `size`.
    pub(crate) fn width(&self, text: &str, size: f64) -> f64 {
        let s = self.scale(size);
        let mut w = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let g = self.font.glyph_id(c);
            w += self.kern(prev, g) * s;
            w += self.advance(g) * s;
            prev = Some(g);
        }
        w
    }

    /// Where each visible glyph of `text` goes.
    pub(crate) fn place(&self, text: &str, size: f64) -> Vec<PlacedGlyph> {
        let s = self.scale(size);
        let mut pen = 0.0;
        let mut prev = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let g = self.font.glyph_id(c);
            pen += self.kern(prev, g) * s;
            if !c.is_whitespace() {
                let (x_min, y_max) = self.bounds(g);
                let top = (-y_max * s).floor();
                let t = size / 2.0 + top;
                out.push(PlacedGlyph {
                    ch: c,
                    x: (pen.round() + (x_min * s).floor()) as i32,
                    dy: t.floor() as i32 - t.trunc() as i32,
                });
            }
            pen += self.advance(g) * s;
            prev = Some(g);
        }
        out
    }

    /// Whether the font has a glyph for `c`.
    #[cfg(test)]
    fn has(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }
}

/// Metrics of the regular (`bold == false`) or bold embedded font.
pub(crate) fn metrics(bold: bool) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    let (cell, bytes) = if bold { (&BLD, BOLD) } else { (&REG, REGULAR) };
    cell.get_or_init(|| {
        Metrics::parse(bytes).expect("embedded DejaVu font has the tables the charts need")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_parse_and_measure() {
        let m = metrics(false);
        assert!(m.has('å'));
        assert!(m.has('–'));
        assert!(!m.has('\u{10FFFF}'));
        let w = m.width("Årlig omkostning", 20.0);
        assert!(w > 120.0 && w < 200.0, "{w}");
        assert!(metrics(true).width("Årlig omkostning", 20.0) > w);
        let placed = m.place("Li n", 20.0);
        assert_eq!(placed.len(), 3);
        assert!(placed[0].x < placed[1].x && placed[1].x < placed[2].x);
    }
}
