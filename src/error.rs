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
    /// 1-based line and column, when known.
    pub line_col: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl InputError {
    /// A problem that is not tied to a place in a file (a flag, a missing file).
    pub fn new(message: impl Into<String>) -> Self {
        InputError {
            file: None,
            line_col: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem somewhere in `file` without a precise position.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Self {
        InputError {
            file: Some(file.to_path_buf()),
            line_col: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem at a byte offset of a file whose text is `source`.
    pub fn at(file: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        InputError {
            file: Some(file.to_path_buf()),
            line_col: Some(line_col(source, offset)),
            message: message.into(),
            help: None,
        }
    }

    /// Adds the hint telling the user what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line_col) {
            (Some(file), Some((l, c))) => {
                write!(f, "{}:{}:{}: {}", file.display(), l, c, self.message)?
            }
            (Some(file), None) => write!(f, "{}: {}", file.display(), self.message)?,
            _ => write!(f, "{}", self.message)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
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
        let e = InputError::at(Path::new("s.toml"), "x\ny = 3", 2, "bad").with_help("fix it");
        assert_eq!(e.to_string(), "s.toml:2:1: bad\n  help: fix it");
    }
}
