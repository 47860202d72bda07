//! Charts for councillors and finance departments.
//!
//! Every chart is a function of computed summaries (the structs in [`data`]),
//! never of raw simulation state, and has the shape
//!
//! ```ignore
//! pub fn fan_chart<'a>(data: &FanChartData, text: &ChartText, lang: Lang,
//!     out: impl Into<Sink<'a>>) -> Result<(), ChartError>
//! ```
//!
//! `out` is a file path, whose extension picks the format: `.png` (1200 x
//! 700 pixels, readable on a projector) or `.svg` (same size), or a
//! `&mut String` that receives the SVG (the report embeds charts that way). [`render_both`] writes both
//! from a file stem. A chart is drawn in memory and written with
//! [`crate::export::write_atomic`], so a chart file is whole or absent.
//!
//! Texts: each chart has a standard title in the chosen language (from
//! [`crate::i18n::labels`]); [`ChartText`] lets the caller replace it and adds
//! a subtitle (typically the scenario and municipality) and a note. Under
//! every chart a caption explains how to read it and states the number of
//! trials when the data carries it. Amounts are shown in kr. or mio. kr.
//! (the unit is in the axis title), probabilities in %, time in years.
//!
//! Fonts are embedded (see [`font`]), so output is identical on every machine.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use plotters::drawing::DrawingAreaErrorKind;

/// Renders a chart drawing function `$draw(&root, args...)` into `$path` with
/// the backend chosen by the file extension.
macro_rules! render_chart {
    ($path:expr, $draw:path, $($arg:expr),* $(,)?) => {
        $crate::charts::render_to(::std::convert::Into::into($path), |target| {
            use ::plotters::prelude::IntoDrawingArea;
            match target {
                $crate::charts::Target::Png(p) => {
                    let root =
                        ::plotters::prelude::BitMapBackend::with_buffer(p, $crate::charts::SIZE)
                            .into_drawing_area();
                    $draw(&root, $($arg),*)?;
                    root.present()?;
                }
                $crate::charts::Target::Svg(s, size) => {
                    let root = ::plotters::prelude::SVGBackend::with_string(s, size)
                        .into_drawing_area();
                    $draw(&root, $($arg),*)?;
                    root.present()?;
                }
            }
            Ok(())
        })
    };
}

mod attribution;
mod backtest;
mod channel_mix;
mod citizens;
mod common;
mod convergence;
pub mod data;
mod exceedance;
mod fan;
pub mod font;
mod goals;
mod histogram;
mod options;
mod tornado;

pub use attribution::attribution;
pub use backtest::{backtest, BacktestData, BacktestRow};
pub use channel_mix::channel_mix;
pub use citizens::citizens;
pub use convergence::convergence;
pub use data::*;
pub use exceedance::exceedance;
pub use fan::fan_chart;
pub use goals::goal_probability;
pub use histogram::histogram;
pub use options::{option_cumulative, option_hours, option_savings};
pub use tornado::tornado;

/// Size of every chart in pixels (PNG) or user units (SVG).
pub const SIZE: (u32, u32) = (1200, 700);

/// Texts the caller chooses for one chart.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChartText {
    /// Replaces the chart's standard title when set.
    pub title: Option<String>,
    /// Line under the title, e.g. "Digital strategi 2011–2015, Eksempel
    /// Kommune". Not shown when `None`.
    pub subtitle: Option<String>,
    /// Added to the caption under the chart, e.g. "Kørsel 2011-05-02, seed 42."
    pub note: Option<String>,
}

impl ChartText {
    /// Standard title, no subtitle, no note.
    pub fn new() -> Self {
        Self::default()
    }

    /// Standard title with `subtitle` (typically the scenario name).
    pub fn subtitle(subtitle: impl Into<String>) -> Self {
        ChartText {
            subtitle: Some(subtitle.into()),
            ..Self::default()
        }
    }

    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// Why a chart could not be written.
#[derive(Debug)]
pub enum ChartError {
    /// The file extension is neither `.png` nor `.svg`.
    UnsupportedFormat(PathBuf),
    /// The input cannot be drawn (empty, mismatched lengths, not finite).
    InvalidData(String),
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: io::Error },
    /// The embedded fonts could not be registered.
    Font(String),
    /// The plotting library reported an error.
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::UnsupportedFormat(p) => write!(
                f,
                "cannot write chart {}: the file name must end in .png or .svg",
                p.display()
            ),
            ChartError::InvalidData(m) => write!(f, "cannot draw chart: {m}"),
            ChartError::Io { path, source } => write!(
                f,
                "cannot write chart {}: {}",
                path.display(),
                crate::export::describe_io(source)
            ),
            ChartError::Font(m) => write!(f, "chart fonts: {m}"),
            ChartError::Draw(m) => write!(f, "drawing chart failed: {m}"),
        }
    }
}

impl std::error::Error for ChartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ChartError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(e.to_string())
    }
}

pub(crate) fn invalid(msg: impl Into<String>) -> ChartError {
    ChartError::InvalidData(msg.into())
}

/// Writes `<stem>.png` and `<stem>.svg` with `chart`, e.g.
/// `render_both(Path::new("out/cost"), |p| fan_chart(&data, &text, lang, p))`.
/// Returns the two paths written.
pub fn render_both<F>(stem: &Path, chart: F) -> Result<[PathBuf; 2], ChartError>
where
    F: Fn(&Path) -> Result<(), ChartError>,
{
    let with_ext = |ext: &str| {
        let mut s: OsString = stem.as_os_str().to_owned();
        s.push(".");
        s.push(ext);
        PathBuf::from(s)
    };
    let png = with_ext("png");
    let svg = with_ext("svg");
    chart(&png)?;
    chart(&svg)?;
    Ok([png, svg])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Png,
    Svg,
}

impl Format {
    fn of(path: &Path) -> Result<Self, ChartError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => Err(ChartError::UnsupportedFormat(path.to_path_buf())),
        }
    }
}

/// Where a backend draws: an RGB pixel buffer or an SVG string of a size.
pub(crate) enum Target<'a> {
    Png(&'a mut [u8]),
    Svg(&'a mut String, (u32, u32)),
}

/// Where a chart goes: a file (`.png` or `.svg`, chosen by the extension) or
/// an SVG document in memory (the report embeds charts without files).
#[derive(Debug)]
pub enum Sink<'a> {
    File(&'a Path),
    Svg(&'a mut String),
    /// An SVG document of another size than [`SIZE`] (width, height in
    /// user units): the printed report draws its charts lower, so that
    /// three fit on an A4 page at the text size of the files.
    SvgOfSize(&'a mut String, (u32, u32)),
}

impl<'a> From<&'a Path> for Sink<'a> {
    fn from(p: &'a Path) -> Self {
        Sink::File(p)
    }
}

impl<'a> From<&'a PathBuf> for Sink<'a> {
    fn from(p: &'a PathBuf) -> Self {
        Sink::File(p.as_path())
    }
}

impl<'a> From<&'a mut String> for Sink<'a> {
    fn from(s: &'a mut String) -> Self {
        Sink::Svg(s)
    }
}

/// Runs `draw` in memory; writes the PNG or SVG bytes to a file with the one
/// atomic writer ([`crate::export::write_atomic`]), or leaves the SVG in the
/// caller's string.
pub(crate) fn render_to<F>(sink: Sink<'_>, draw: F) -> Result<(), ChartError>
where
    F: FnOnce(Target<'_>) -> Result<(), ChartError>,
{
    font::ensure_fonts()?;
    let path = match sink {
        Sink::Svg(svg) => {
            svg.clear();
            return draw(Target::Svg(svg, SIZE));
        }
        Sink::SvgOfSize(svg, size) => {
            svg.clear();
            return draw(Target::Svg(svg, size));
        }
        Sink::File(path) => path,
    };
    let format = Format::of(path)?;
    let bytes = match format {
        Format::Png => {
            let (w, h) = SIZE;
            let mut pixels = vec![0u8; w as usize * h as usize * 3];
            draw(Target::Png(&mut pixels))?;
            encode_png(&pixels, w, h).map_err(|e| ChartError::Draw(e.to_string()))?
        }
        Format::Svg => {
            let mut svg = String::new();
            draw(Target::Svg(&mut svg, SIZE))?;
            svg.into_bytes()
        }
    };
    crate::export::write_atomic(path, &bytes).map_err(|e| ChartError::Io {
        path: e.path,
        source: e.source,
    })
}

/// The PNG encoding plotters used when it wrote the file itself (the
/// `image` crate's encoder with its defaults), so the bytes are unchanged.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, image::ImageError> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(rgb, w, h, image::ColorType::Rgb8)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
