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
// correct position, using the metrics read here from the same font files.
// ---------------------------------------------------------------------------

use std::collections::HashMap;

/// Horizontal metrics of one embedded font.
pub(crate) struct Metrics {
    /// Font units per pixel of plotters' font size (ab_glyph scales so that
    /// ascent - descent equals the size).
    height_units: f64,
    advance: Vec<u16>,
    x_min: Vec<i16>,
    y_max: Vec<i16>,
    glyph: HashMap<char, u16>,
    kern: HashMap<(u16, u16), i16>,
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
    fn parse(data: &[u8]) -> Option<Metrics> {
        let u16_at = |o: usize| -> Option<u16> {
            Some(u16::from_be_bytes([*data.get(o)?, *data.get(o + 1)?]))
        };
        let i16_at = |o: usize| -> Option<i16> { u16_at(o).map(|v| v as i16) };
        let u32_at = |o: usize| -> Option<u32> {
            Some(u32::from_be_bytes([
                *data.get(o)?,
                *data.get(o + 1)?,
                *data.get(o + 2)?,
                *data.get(o + 3)?,
            ]))
        };
        let num_tables = u16_at(4)? as usize;
        let mut tables = HashMap::new();
        for i in 0..num_tables {
            let rec = 12 + 16 * i;
            let tag = data.get(rec..rec + 4)?;
            tables.insert(tag.to_vec(), u32_at(rec + 8)? as usize);
        }
        let table = |t: &[u8]| tables.get(t).copied();

        let head = table(b"head")?;
        let long_loca = i16_at(head + 50)? != 0;
        let hhea = table(b"hhea")?;
        let ascent = i16_at(hhea + 4)? as f64;
        let descent = i16_at(hhea + 6)? as f64;
        let n_hmetrics = u16_at(hhea + 34)? as usize;
        let num_glyphs = u16_at(table(b"maxp")? + 4)? as usize;

        let hmtx = table(b"hmtx")?;
        let mut advance = Vec::with_capacity(num_glyphs);
        for g in 0..num_glyphs {
            let k = g.min(n_hmetrics.saturating_sub(1));
            advance.push(u16_at(hmtx + 4 * k)?);
        }

        let loca = table(b"loca")?;
        let glyf = table(b"glyf")?;
        let mut x_min = Vec::with_capacity(num_glyphs);
        let mut y_max = Vec::with_capacity(num_glyphs);
        for g in 0..num_glyphs {
            let (start, end) = if long_loca {
                (
                    u32_at(loca + 4 * g)? as usize,
                    u32_at(loca + 4 * g + 4)? as usize,
                )
            } else {
                (
                    2 * u16_at(loca + 2 * g)? as usize,
                    2 * u16_at(loca + 2 * g + 2)? as usize,
                )
            };
            x_min.push(if end > start {
                i16_at(glyf + start + 2)?
            } else {
                0
            });
            y_max.push(if end > start {
                i16_at(glyf + start + 8)?
            } else {
                0
            });
        }

        // cmap: Windows Unicode BMP subtable (format 4).
        let cmap = table(b"cmap")?;
        let mut sub = None;
        for i in 0..u16_at(cmap + 2)? as usize {
            let rec = cmap + 4 + 8 * i;
            if u16_at(rec)? == 3 && u16_at(rec + 2)? == 1 {
                sub = Some(cmap + u32_at(rec + 4)? as usize);
            }
        }
        let sub = sub?;
        if u16_at(sub)? != 4 {
            return None;
        }
        let seg_count = u16_at(sub + 6)? as usize / 2;
        let ends = sub + 14;
        let starts = ends + 2 * seg_count + 2;
        let deltas = starts + 2 * seg_count;
        let range_offsets = deltas + 2 * seg_count;
        let mut glyph = HashMap::new();
        for s in 0..seg_count {
            let end = u16_at(ends + 2 * s)?;
            let start = u16_at(starts + 2 * s)?;
            let delta = u16_at(deltas + 2 * s)?;
            let ro_pos = range_offsets + 2 * s;
            let ro = u16_at(ro_pos)? as usize;
            if start == 0xFFFF {
                continue;
            }
            for c in start..=end {
                let g = if ro == 0 {
                    c.wrapping_add(delta)
                } else {
                    let at = ro_pos + ro + 2 * (c - start) as usize;
                    match u16_at(at)? {
                        0 => 0,
                        g => g.wrapping_add(delta),
                    }
                };
                if g != 0 {
                    if let Some(ch) = char::from_u32(c as u32) {
                        glyph.insert(ch, g);
                    }
                }
            }
        }

        // Legacy kerning (format 0), as ab_glyph uses it.
        let mut kern = HashMap::new();
        if let Some(k) = table(b"kern") {
            let n_sub = u16_at(k + 2)? as usize;
            let mut pos = k + 4;
            for _ in 0..n_sub {
                let len = u16_at(pos + 2)? as usize;
                let coverage = u16_at(pos + 4)?;
                if coverage >> 8 == 0 && coverage & 1 == 1 {
                    let n_pairs = u16_at(pos + 6)? as usize;
                    for p in 0..n_pairs {
                        let e = pos + 14 + 6 * p;
                        kern.insert((u16_at(e)?, u16_at(e + 2)?), i16_at(e + 4)?);
                    }
                }
                pos += len;
            }
        }

        Some(Metrics {
            height_units: ascent - descent,
            advance,
            x_min,
            y_max,
            glyph,
            kern,
        })
    }

    fn scale(&self, size: f64) -> f64 {
        size / self.height_units
    }

    fn gid(&self, c: char) -> u16 {
        self.glyph.get(&c).copied().unwrap_or(0)
    }

    /// Width of `text` in pixels at `size`.
    pub(crate) fn width(&self, text: &str, size: f64) -> f64 {
        let s = self.scale(size);
        let mut w = 0.0;
        let mut prev: Option<u16> = None;
        for c in text.chars() {
            let g = self.gid(c);
            if let Some(p) = prev {
                w += *self.kern.get(&(p, g)).unwrap_or(&0) as f64 * s;
            }
            w += *self.advance.get(g as usize).unwrap_or(&0) as f64 * s;
            prev = Some(g);
        }
        w
    }

    /// Where each visible glyph of `text` goes.
    pub(crate) fn place(&self, text: &str, size: f64) -> Vec<PlacedGlyph> {
        let s = self.scale(size);
        let mut pen = 0.0;
        let mut prev: Option<u16> = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let g = self.gid(c);
            if let Some(p) = prev {
                pen += *self.kern.get(&(p, g)).unwrap_or(&0) as f64 * s;
            }
            if !c.is_whitespace() {
                let x_min = *self.x_min.get(g as usize).unwrap_or(&0) as f64 * s;
                let top = (-(*self.y_max.get(g as usize).unwrap_or(&0) as f64) * s).floor();
                let t = size / 2.0 + top;
                out.push(PlacedGlyph {
                    ch: c,
                    x: (pen.round() + x_min.floor()) as i32,
                    dy: t.floor() as i32 - t.trunc() as i32,
                });
            }
            pen += *self.advance.get(g as usize).unwrap_or(&0) as f64 * s;
            prev = Some(g);
        }
        out
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
        assert!(m.glyph.contains_key(&'å'));
        assert!(m.glyph.contains_key(&'–'));
        let w = m.width("Årlig omkostning", 20.0);
        assert!(w > 120.0 && w < 200.0, "{w}");
        assert!(metrics(true).width("Årlig omkostning", 20.0) > w);
        let placed = m.place("Li n", 20.0);
        assert_eq!(placed.len(), 3);
        assert!(placed[0].x < placed[1].x && placed[1].x < placed[2].x);
    }
}
