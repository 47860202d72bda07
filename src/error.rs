//! Errors that reach the user.
//!
//! Bad input (a scenario the user can fix, a wrong flag) is kept apart from
//! everything else because it has its own exit code (2) and must always say
//! where the problem is and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in the user's input: a scenario file, a schedule, a flag.
///
/// Carries the location so the message can point at `file:line:column`,
/// and a hint so the user knows how to fix it, not only what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The file the problem is in, if it is in a file.
    pub file: Option<PathBuf>,
    /// 1-based line and column, when known (u32 keeps the error small).
    pub line_col: Option<(u32, u32)>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The source line the problem is on, with the offending part marked.
    /// (Boxed to keep `Result<_, InputError>` small.)
    pub snippet: Option<Box<SourceLine>>,
    /// Context, e.g. which option file changed a table the error is in.
    pub notes: Box<[String]>,
    /// Further independent errors found in the same input, shown after
    /// this one, so that one run of `check` lists every misspelt key.
    /// (Boxed, and `None` when there are none, to keep the error small.)
    pub also: Option<Box<Vec<InputError>>>,
}

/// One line of a scenario file with the span an error is about.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// 1-based line number.
    pub line: usize,
    /// The line's text, without its line break.
    pub text: String,
    /// Byte range within `text` to underline.
    pub span: std::ops::Range<usize>,
}

impl SourceLine {
    /// The line of `source` holding byte `range.start`, with `range` clipped
    /// to that line.
    pub fn of(source: &str, range: std::ops::Range<usize>) -> SourceLine {
        let start = floor_char_boundary(source, range.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = source[start..]
            .find('\n')
            .map(|i| start + i)
            .unwrap_or(source.len());
        let text = source[line_start..line_end].trim_end_matches('\r');
        let s = (start - line_start).min(text.len());
        let end = floor_char_boundary(text, range.end.saturating_sub(line_start).min(text.len()));
        let line = source[..line_start].matches('\n').count() + 1;
        SourceLine {
            line,
            text: text.to_string(),
            span: s..end.max(s),
        }
    }
}

impl InputError {
    /// A problem that is not tied to a place in a file (a flag, a missing file).
    pub fn new(message: impl Into<String>) -> Self {
        InputError {
            file: None,
            line_col: None,
            message: message.into(),
            help: None,
            snippet: None,
            notes: Box::default(),
            also: None,
        }
    }

    /// A problem somewhere in `file` without a precise position.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Self {
        InputError {
            file: Some(file.to_path_buf()),
            line_col: None,
            message: message.into(),
            help: None,
            snippet: None,
            notes: Box::default(),
            also: None,
        }
    }

    /// A problem at a byte offset of a file whose text is `source`.
    pub fn at(file: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::at_span(file, source, offset..offset, message)
    }

    /// A problem with the bytes `span` of a file whose text is `source`:
    /// shown with that source line and the span underlined.
    pub fn at_span(
        file: &Path,
        source: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let snippet = SourceLine::of(source, span);
        let col = snippet.text[..snippet.span.start].chars().count() + 1;
        InputError {
            file: Some(file.to_path_buf()),
            line_col: Some((to_u32(snippet.line), to_u32(col))),
            message: message.into(),
            help: None,
            snippet: Some(Box::new(snippet)),
            notes: Box::default(),
            also: None,
        }
    }

    /// Adds a note giving context (shown before the help).
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        let mut notes = std::mem::take(&mut self.notes).into_vec();
        notes.push(note.into());
        self.notes = notes.into_boxed_slice();
        self
    }

    /// Adds the hint telling the user what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The first of `errors` carrying the rest as [`InputError::also`];
    /// `None` when there are none. An error identical to an earlier one
    /// (one mistake in a table that several areas inherit) is shown once.
    pub fn all(errors: Vec<InputError>) -> Option<InputError> {
        let mut distinct: Vec<InputError> = Vec::with_capacity(errors.len());
        for e in errors {
            if !distinct.contains(&e) {
                distinct.push(e);
            }
        }
        let mut it = distinct.into_iter();
        let mut first = it.next()?;
        let rest: Vec<InputError> = it.collect();
        if !rest.is_empty() {
            first.also = Some(Box::new(rest));
        }
        Some(first)
    }

    /// The further errors (see [`InputError::also`]).
    pub fn further(&self) -> &[InputError] {
        self.also.as_deref().map_or(&[], |v| v.as_slice())
    }

    /// How many errors this one stands for (itself and the further ones).
    pub fn count(&self) -> usize {
        1 + self.further().len()
    }
}

/// A line or column number as stored in [`InputError::line_col`].
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|s| s.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl InputError {
    /// The first line: `file:line:col: message`.
    fn headline(&self) -> String {
        match (&self.file, self.line_col) {
            (Some(file), Some((l, c))) => {
                format!("{}:{}:{}: {}", file.display(), l, c, self.message)
            }
            (Some(file), None) => format!("{}: {}", file.display(), self.message),
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_one(f)?;
        for e in self.further() {
            // The first error's "error: " is the caller's (cli::mod).
            write!(f, "\n\nerror: ")?;
            e.fmt_one(f)?;
        }
        if self.count() > 1 {
            write!(f, "\n\n{} errors in this input", self.count())?;
        }
        Ok(())
    }
}

impl InputError {
    /// This error alone, as rustc shows one: headline, source line with
    /// the span underlined, notes, help.
    fn fmt_one(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let head = self.headline();
        let Some(sn) = &self.snippet else {
            write!(f, "{head}")?;
            for n in &self.notes {
                write!(f, "\n  note: {n}")?;
            }
            if let Some(help) = &self.help {
                write!(f, "\n  help: {help}")?;
            }
            return Ok(());
        };
        // A one-character mark where the span is empty, as rustc does.
        let mut span = sn.span.clone();
        if span.is_empty() {
            span.end = sn.text[span.start..]
                .chars()
                .next()
                .map(|c| span.start + c.len_utf8())
                .unwrap_or(span.start);
        }
        let mut group = Level::ERROR.no_name().primary_title(head.as_str()).element(
            Snippet::source(sn.text.as_str())
                .line_start(sn.line)
                .annotation(AnnotationKind::Primary.span(span)),
        );
        for n in &self.notes {
            group = group.element(Level::NOTE.message(n.as_str()));
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        write!(f, "{}", Renderer::plain().render(&[group]))
    }
}

impl std::error::Error for InputError {}

/// Every failure of a command: bad input (exit 2) or something else (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user can fix this by changing the input.
    #[error("{0}")]
    Input(#[from] InputError),
    /// Writing outputs, rendering charts and other failures of the machine.
    #[error("{0}")]
    Other(#[from] anyhow::Error),
}

impl Error {
    /// The process exit code: 2 for bad input, 1 for anything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) => 2,
            Error::Other(_) => 1,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Other(e.into())
    }
}

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let src = "a = 1\nbb = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 11), (2, 6));
    }

    #[test]
    fn display_names_file_line_column_and_help() {
        let e = InputError::in_file(Path::new("s.toml"), "bad").with_help("fix it");
        assert_eq!(e.to_string(), "s.toml: bad\n  help: fix it");
    }

    #[test]
    fn display_shows_the_source_line_with_the_span_underlined() {
        let src = "x = 1\nshare = 1.5   # too much\n";
        let e = InputError::at_span(Path::new("s.toml"), src, 14..17, "share above 1")
            .with_note("set by o.toml:3")
            .with_help("write a fraction");
        let text = e.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "s.toml:2:9: share above 1");
        assert!(lines[2].starts_with("2 | share = 1.5"), "{text}");
        assert_eq!(lines[3].trim_end(), "  |         ^^^", "{text}");
        assert!(text.contains("= note: set by o.toml:3"), "{text}");
        assert!(text.ends_with("= help: write a fraction"), "{text}");
    }

    #[test]
    fn source_line_clips_multi_line_spans_and_marks_empty_ones() {
        let src = "a = [\n1]\n";
        let s = SourceLine::of(src, 4..9);
        assert_eq!(
            (s.line, s.text.as_str(), s.span.clone()),
            (1, "a = [", 4..5)
        );
        let e = InputError::at(Path::new("t.toml"), "ab\ncd", 5, "here");
        assert_eq!(e.line_col, Some((2, 3)));
        assert!(e.to_string().starts_with("t.toml:2:3: here\n"));
    }
}
