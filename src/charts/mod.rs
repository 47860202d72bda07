//! Charts for councillors and finance departments.
//!
//! Every chart is a function of computed summaries (the structs in [`data`]),
//! never of raw simulation state, and has the shape
//!
//! ```ignore
//! pub fn fan_chart(data: &FanChartData, text: &ChartText, lang: Lang, path: &Path)
//!     -> Result<(), ChartError>
//! ```
//!
//! The extension of `path` picks the format: `.png` (1200 x 700 pixels,
//! readable on a projector) or `.svg` (same size). [`render_both`] writes both
//! from a file stem. A chart is written to a temporary file in the target
//! directory and renamed into place, so a chart file is whole or absent.
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
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use plotters::drawing::DrawingAreaErrorKind;

/// Renders a chart drawing function `$draw(&root, args...)` into `$path` with
/// the backend chosen by the file extension.
macro_rules! render_chart {
    ($path:expr, $draw:path, $($arg:expr),* $(,)?) => {
        $crate::charts::render_to($path, |target| {
            use ::plotters::prelude::IntoDrawingArea;
            match target {
                $crate::charts::Target::Png(p) => {
                    let root = ::plotters::prelude::BitMapBackend::new(p, $crate::charts::SIZE)
                        .into_drawing_area();
                    $draw(&root, $($arg),*)?;
                    root.present()?;
                }
                $crate::charts::Target::Svg(s) => {
                    let root = ::plotters::prelude::SVGBackend::with_string(s, $crate::charts::SIZE)
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
mod channel_mix;
mod common;
pub mod data;
mod exceedance;
mod fan;
pub mod font;
mod goals;
mod histogram;
mod options;
mod tornado;

pub use attribution::attribution;
pub use channel_mix::channel_mix;
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
            ChartError::Io { path, source } => {
                write!(f, "cannot write chart {}: {source}", path.display())
            }
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

    fn ext(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

/// Where a backend draws: a (temporary) PNG path or an SVG string.
pub(crate) enum Target<'a> {
    Png(&'a Path),
    Svg(&'a mut String),
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Runs `draw` on a temporary file next to `path` and renames it into place.
pub(crate) fn render_to<F>(path: &Path, draw: F) -> Result<(), ChartError>
where
    F: FnOnce(Target<'_>) -> Result<(), ChartError>,
{
    font::ensure_fonts()?;
    let format = Format::of(path)?;
    let io_err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| ChartError::Io { path: p, source }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The temporary file keeps the real extension: the PNG encoder picks
    // the image format from it.
    let tmp = dir.join(format!(
        ".{name}.{}-{}.tmp.{}",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed),
        format.ext()
    ));
    let result = match format {
        Format::Png => draw(Target::Png(&tmp)),
        Format::Svg => {
            let mut svg = String::new();
            draw(Target::Svg(&mut svg))
                .and_then(|()| fs::write(&tmp, svg.as_bytes()).map_err(io_err(&tmp)))
        }
    };
    let result = result.and_then(|()| fs::rename(&tmp, path).map_err(io_err(path)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests;
