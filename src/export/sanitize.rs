//! One place that decides how text from a scenario file (names, labels,
//! descriptions, comments) may appear in an output.
//!
//! Scenario texts are free text: they may contain control characters such as
//! ESC (ANSI escape sequences like `ESC[2J` that clear a terminal), BEL or a
//! newline. Written raw they break terminal tables, make SVG files invalid
//! XML 1.0 and split CSV or table rows. Every human-facing output (terminal
//! tables, charts, `report.html`, CSV files, the workbook) passes its texts
//! through [`clean_text`]; CSV text fields also through [`csv_text`].
//! `summary.json` and `comparison.json` keep the original text, escaped by
//! JSON.

use std::borrow::Cow;

/// What a control character is shown as: U+FFFD REPLACEMENT CHARACTER, so
/// the reader sees that something was there.
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for characters that are never written raw: every Unicode control
/// character (C0 including tab, newline and carriage return, DEL and C1) and
/// the non-characters U+FFFE and U+FFFF, which XML 1.0 forbids.
fn is_unsafe(c: char) -> bool {
    c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// The text with every tab, newline and carriage return replaced by a space
/// and every other control character (ESC, BEL, DEL, C1 ...) by U+FFFD.
/// The result is one line that is valid in XML 1.0, HTML, CSV and a terminal
/// and carries no escape sequence (an `ESC[2J` becomes `�[2J`).
/// Borrows when there is nothing to replace, which is the usual case.
pub fn clean_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
                c if is_unsafe(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

/// Text for the terminal: every line of `text` through [`clean_text`], the
/// line breaks kept. The last guard before anything is printed, so no escape
/// sequence or bell from a scenario reaches the terminal.
pub fn terminal_text(text: &str) -> String {
    text.split('\n')
        .map(clean_text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text field for a CSV file: [`clean_text`], and a leading `'` when the
/// text begins with `=`, `+`, `-` or `@` so that a spreadsheet opening the
/// file shows it as text instead of evaluating it as a formula (OWASP's
/// advice against CSV injection). Only for text fields: numbers are written
/// as they are.
pub fn csv_text(text: &str) -> String {
    let clean = clean_text(text);
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(clean_text("Solrød 2011 – æøå"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_replaced() {
        assert_eq!(
            clean_text("a\u{1b}[2Jb\u{7}c\nd\te\r\u{7f}\u{9b}\u{ffff}"),
            "a\u{fffd}[2Jb\u{fffd}c d e \u{fffd}\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn terminal_text_keeps_lines() {
        assert_eq!(terminal_text("a\u{1b}[31m\nb\r\n"), "a\u{fffd}[31m\nb \n");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("+1"), "'+1");
        assert_eq!(csv_text("-cmd"), "'-cmd");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("plain"), "plain");
        assert_eq!(csv_text("a=b"), "a=b");
        // A control character first is replaced, so what follows is not a
        // formula start either.
        assert_eq!(csv_text("\u{7}=1"), "\u{fffd}=1");
    }
}
