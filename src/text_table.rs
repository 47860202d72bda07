//! Plain-text tables and paragraphs for the terminal, shared by every command
//! that prints one.
//!
//! Everything printed fits [`TERMINAL_WIDTH`] display columns (Unicode
//! display width: `æ`, `ø`, `å` are one column, CJK characters two). A table
//! whose columns are too wide wraps its text cells onto continuation lines
//! inside the cell (at spaces; a single word longer than the cell is cut into
//! pieces); a table with too many columns to fit at all is printed as one
//! block per row instead. Long prose lines are wrapped at spaces by
//! [`fit_lines`].

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest line the terminal output may have, in display columns.
pub const TERMINAL_WIDTH: usize = 100;

/// Space between two columns.
const GAP: usize = 2;

/// Headers up to this wide wrap only after the body cells have.
const SHORT_HEADER: usize = 12;

/// The narrowest a column is squeezed to by cutting words.
const MIN_COLUMN: usize = 8;

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Renders rows in columns within [`TERMINAL_WIDTH`]; column `i` is
/// left-aligned when `left[i]`, right-aligned otherwise.
/// Control characters in cells (ANSI escapes, BEL, newlines from scenario
/// names) are replaced by [`crate::export::sanitize::clean_text`], so a cell
/// can neither move the cursor nor break its row.
pub fn render(header: &[String], rows: &[Vec<String>], left: &[bool]) -> String {
    render_within(header, rows, left, TERMINAL_WIDTH)
}

/// [`render`] within `max` display columns.
pub fn render_within(header: &[String], rows: &[Vec<String>], left: &[bool], max: usize) -> String {
    render_table(header, rows, left, &[], max)
}

/// [`render`] of a table whose columns with `hang[i] > 0` hold dotted keys
/// (`areas.Valg af læge og sygesikringsgruppe.volume`): such a cell breaks
/// at its dots, keeping each dotted part whole where it fits a line, and its
/// continuation lines are indented `hang[i]` columns, so they read as the
/// rest of the key above and not as a key of their own ([`wrap_key`]).
pub fn render_hanging(
    header: &[String],
    rows: &[Vec<String>],
    left: &[bool],
    hang: &[usize],
) -> String {
    render_table(header, rows, left, hang, TERMINAL_WIDTH)
}

fn render_table(
    header: &[String],
    rows: &[Vec<String>],
    left: &[bool],
    hang: &[usize],
    max: usize,
) -> String {
    let hang: Vec<usize> = (0..header.len())
        .map(|i| hang.get(i).copied().unwrap_or(0))
        .collect();
    let clean = |r: &[String]| -> Vec<String> {
        (0..header.len())
            .map(|i| {
                let c = r.get(i).map(String::as_str).unwrap_or("");
                crate::export::sanitize::clean_text(c).into_owned()
            })
            .collect()
    };
    let header = clean(header);
    let rows: Vec<Vec<String>> = rows.iter().map(|r| clean(r)).collect();
    match column_widths(&header, &rows, max, &hang) {
        Some(widths) => {
            let mut widths = tight(&header, &rows, &widths, &hang);
            let budget = max - GAP * widths.len().saturating_sub(1);
            unwrap_where_room(&mut widths, &natural_widths(&header, &rows), budget);
            layout(&header, &rows, left, &widths, &hang)
        }
        None => stacked(&header, &rows, max),
    }
}

/// True when the table fits [`TERMINAL_WIDTH`] without wrapping a cell.
pub fn fits(header: &[String], rows: &[Vec<String>]) -> bool {
    let widths = natural_widths(header, rows);
    widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1) <= TERMINAL_WIDTH
}

/// The width of each column so that the table fits `max`, or None when even
/// columns of [`MIN_COLUMN`] do not fit. Columns are narrowed in three
/// rounds, each as far as needed and widest first: headers longer than
/// [`SHORT_HEADER`] wrap first, then body cells and short headers at spaces
/// and dots, then words are cut. A column with a hanging indent keeps room
/// for its indent before its longest piece.
fn column_widths(
    header: &[String],
    rows: &[Vec<String>],
    max: usize,
    hang: &[usize],
) -> Option<Vec<usize>> {
    let cols = header.len();
    let mut body = vec![0; cols];
    let mut pieces = vec![1; cols];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            body[i] = body[i].max(width(c));
            pieces[i] = pieces[i].max(longest_piece(c) + hang[i]);
        }
    }
    let mut widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| body[i].max(width(h)))
        .collect();
    let header_floor: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            body[i]
                .max(longest_piece(h))
                .max(width(h).min(SHORT_HEADER))
        })
        .collect();
    for (i, h) in header.iter().enumerate() {
        pieces[i] = pieces[i].max(longest_piece(h));
    }
    let cut_floor: Vec<usize> = widths.iter().map(|&w| w.clamp(1, MIN_COLUMN)).collect();
    let budget = max.checked_sub(GAP * cols.saturating_sub(1))?;
    for floor in [header_floor, pieces, cut_floor] {
        shrink(&mut widths, &floor, budget);
    }
    (widths.iter().sum::<usize>() <= budget).then_some(widths)
}

/// Each column as wide as its widest wrapped line (wrapping at words can
/// leave a column wider than any of its lines).
fn tight(header: &[String], rows: &[Vec<String>], widths: &[usize], hang: &[usize]) -> Vec<usize> {
    let mut tight = vec![0; widths.len()];
    let none = vec![0; widths.len()];
    let rows = rows.iter().map(|r| (r.as_slice(), hang));
    for (r, hang) in std::iter::once((header, none.as_slice())).chain(rows) {
        for (i, c) in r.iter().enumerate() {
            let lines = wrap_cell(c, widths[i], hang[i]);
            let widest = lines.iter().map(|l| width(l)).max();
            tight[i] = tight[i].max(widest.unwrap_or(0));
        }
    }
    tight
}

/// A cell's lines: [`wrap_key`] in a column with a hanging indent, else
/// [`wrap`].
fn wrap_cell(text: &str, max: usize, hang: usize) -> Vec<String> {
    if hang == 0 {
        wrap(text, max)
    } else {
        wrap_key(text, max, hang)
    }
}

/// The width of each column with no cell wrapped.
fn natural_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    widths
}

/// Gives the columns that need the least extra room their natural width
/// back, while the widths stay within `budget`.
fn unwrap_where_room(widths: &mut [usize], natural: &[usize], budget: usize) {
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&i| natural[i].saturating_sub(widths[i]));
    for i in order {
        let used: usize = widths.iter().sum();
        let extra = natural[i].saturating_sub(widths[i]);
        if extra > 0 && used + extra <= budget {
            widths[i] = natural[i];
        }
    }
}

/// Narrows the widest column that is above its floor, one column at a time,
/// until the widths add up to `budget` or every column is at its floor.
fn shrink(widths: &mut [usize], floor: &[usize], budget: usize) {
    while widths.iter().sum::<usize>() > budget {
        let widest = (0..widths.len())
            .filter(|&i| widths[i] > floor[i])
            .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => widths[i] -= 1,
            None => return,
        }
    }
}

/// The table with each cell wrapped to its column's width.
fn layout(
    header: &[String],
    rows: &[Vec<String>],
    left: &[bool],
    widths: &[usize],
    hang: &[usize],
) -> String {
    let mut o = String::new();
    push_row(&mut o, header, left, widths, &vec![0; widths.len()]);
    let total = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    o.push_str(&"-".repeat(total));
    o.push('\n');
    for r in rows {
        push_row(&mut o, r, left, widths, hang);
    }
    o
}

/// One row, on as many lines as its tallest wrapped cell needs.
fn push_row(o: &mut String, row: &[String], left: &[bool], widths: &[usize], hang: &[usize]) {
    let cells: Vec<Vec<String>> = row
        .iter()
        .zip(widths)
        .zip(hang)
        .map(|((c, &w), &h)| wrap_cell(c, w, h))
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, lines)| {
                let text = lines.get(line).map(String::as_str).unwrap_or("");
                let pad = " ".repeat(widths[i].saturating_sub(width(text)));
                if left.get(i).copied().unwrap_or(false) {
                    format!("{text}{pad}")
                } else {
                    format!("{pad}{text}")
                }
            })
            .collect();
        o.push_str(parts.join(&" ".repeat(GAP)).trim_end());
        o.push('\n');
    }
}

/// A table too wide for any column layout: one block per row, its first
/// cell on a line of its own and every other cell as "header: value".
fn stacked(header: &[String], rows: &[Vec<String>], max: usize) -> String {
    let mut o = String::new();
    for r in rows {
        let mut block = r.first().cloned().unwrap_or_default();
        for (h, c) in header.iter().zip(r).skip(1) {
            block.push_str(&format!("\n    {h}: {c}"));
        }
        o.push_str(&fit_lines(&block, max));
        o.push('\n');
    }
    o
}

/// `text` in lines of at most `max` display columns: broken at spaces and
/// after a dot that joins two names (`prices.email` may break as `prices.` /
/// `email`, a number such as `0.5` never), and a piece longer than a line
/// cut into parts. Always at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    // The line being filled and its display width, kept as it grows.
    let (mut line, mut w) = (String::new(), 0usize);
    for (word, joined) in pieces(text) {
        let sep = usize::from(!line.is_empty() && !joined);
        if !line.is_empty() && w + sep + width(word) > max {
            lines.push(std::mem::take(&mut line));
            w = 0;
        } else if sep == 1 {
            line.push(' ');
            w += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += cw;
        }
    }
    lines.push(line);
    lines
}

/// A dotted key in lines of at most `max` display columns, continuation
/// lines indented `hang` columns: broken after a dot where the next dotted
/// part fits the next line whole (`areas.` / `  Sygedagpenge og
/// forsørgelse.` / `  volume_per_1000`), and only a part too long for a
/// line of its own broken at its spaces (or cut, as [`wrap`] does).
pub fn wrap_key(text: &str, max: usize, hang: usize) -> Vec<String> {
    let max = max.max(hang + 1);
    let indent = " ".repeat(hang);
    // The dotted parts: runs of words up to a piece the next one joins.
    let mut parts: Vec<Vec<&str>> = Vec::new();
    for (piece, joined) in pieces(text) {
        match parts.last_mut() {
            Some(words) if !joined => words.push(piece),
            _ => parts.push(vec![piece]),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for words in parts {
        let part = words.join(" ");
        let has_text = |l: &str| !l.trim().is_empty();
        if width(&line) + width(&part) <= max {
            line.push_str(&part);
            continue;
        }
        if has_text(&line) && hang + width(&part) <= max {
            lines.push(std::mem::replace(&mut line, format!("{indent}{part}")));
            continue;
        }
        // Too long for a line of its own: its words fill the lines.
        for (n, word) in words.into_iter().enumerate() {
            let sep = if n > 0 && has_text(&line) { " " } else { "" };
            if width(&line) + sep.len() + width(word) <= max {
                line.push_str(sep);
                line.push_str(word);
                continue;
            }
            if has_text(&line) {
                lines.push(std::mem::replace(&mut line, indent.clone()));
            }
            let mut chunks = wrap(word, max - hang);
            let last = chunks.pop().unwrap_or_default();
            for chunk in chunks {
                lines.push(std::mem::replace(&mut line, indent.clone()) + &chunk);
            }
            line.push_str(&last);
        }
    }
    lines.push(line);
    lines
}

/// The pieces a line may break between: words (a "%" stays with the number
/// before it), and dotted names split after each dot followed by a letter
/// or a quote. Each piece comes with whether it continues the previous one
/// without a space.
fn pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for word in words(text) {
        let mut start = 0;
        let mut joined = false;
        let mut chars = word.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if c == '.' && next.is_some_and(|n| n.is_alphabetic() || n == '"') {
                out.push((&word[start..=i], joined));
                start = i + 1;
                joined = true;
            }
        }
        out.push((&word[start..], joined));
    }
    out
}

/// `text` split at spaces, except before a word that starts with "%".
fn words(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(' ') {
        if text[i + 1..].starts_with('%') && i > start {
            continue;
        }
        out.push(&text[start..i]);
        start = i + 1;
    }
    out.push(&text[start..]);
    out
}

/// The widest piece of `text` that [`wrap`] keeps whole.
fn longest_piece(text: &str) -> usize {
    pieces(text)
        .iter()
        .map(|(p, _)| width(p))
        .max()
        .unwrap_or(0)
}

/// Every line of `text` within `max` display columns: a longer line is
/// wrapped at spaces and its continuation lines are indented two columns
/// more than the line itself. Lines that fit are left as they are.
pub fn fit_lines(text: &str, max: usize) -> String {
    let mut o = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            o.push('\n');
        }
        if width(line) <= max {
            o.push_str(line);
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = (line.len() - body.len()).min(max / 2);
        let more = indent + 2;
        for (k, l) in wrap(body, max - more).iter().enumerate() {
            if k > 0 {
                o.push('\n');
            }
            o.push_str(&" ".repeat(if k == 0 { indent } else { more }));
            o.push_str(l);
        }
    }
    o
}

/// `text` in at most `max` display columns, cut in the middle with "…" so
/// that its beginning and end both show.
pub fn shorten_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1);
    let (head_w, tail_w) = (keep - keep / 2, keep / 2);
    let mut head = String::new();
    let mut w = 0;
    for c in text.chars() {
        w += c.width().unwrap_or(0);
        if w > head_w {
            break;
        }
        head.push(c);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut w = 0;
    for c in text.chars().rev() {
        w += c.width().unwrap_or(0);
        if w > tail_w {
            break;
        }
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

/// Weekly hours as people write them: "36.5", "18".
pub fn format_hours(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round())
    } else {
        format!("{h:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn widest(text: &str) -> usize {
        text.lines().map(width).max().unwrap_or(0)
    }

    #[test]
    fn danish_letters_are_one_column_wide() {
        assert_eq!(width("æøå ÆØÅ"), 7);
        let t = render(
            &cells(&["navn", "x"]),
            &[cells(&["Rådhuset", "1"]), cells(&["Øvrige", "22"])],
            &[true, false],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "navn       x");
        assert_eq!(lines[2], "Rådhuset   1");
        assert_eq!(lines[3], "Øvrige    22");
    }

    #[test]
    fn a_long_label_wraps_inside_its_cell_and_numbers_stay_whole() {
        let long = "events.1. Ny hjemmeside med fokus på selvbetjening og digitale ambassadører i hele kommunen.ceiling_add";
        let t = render_within(
            &cells(&["input", "spearman", "swing"]),
            &[
                cells(&[long, "+0.277", "2,687,702"]),
                cells(&["kort", "-0.1", "5"]),
            ],
            &[true, false, false],
            60,
        );
        assert!(widest(&t) <= 60, "{t}");
        assert!(t.contains("2,687,702"), "{t}");
        // The first line of the row carries the numbers; the label goes on.
        let first = t.lines().nth(2).unwrap();
        assert!(
            first.starts_with("events.1. Ny") && first.ends_with("2,687,702"),
            "{t}"
        );
        assert!(t.lines().any(|l| l.starts_with("kort")), "{t}");
        let words: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("ambassadører i hele"), "{t}");
    }

    #[test]
    fn a_table_of_many_columns_becomes_blocks() {
        let header: Vec<String> = (0..40).map(|i| format!("option {i}")).collect();
        let row: Vec<String> = (0..40).map(|i| format!("{i} %")).collect();
        let t = render_within(&header, &[row], &[false; 40], 100);
        assert!(widest(&t) <= 100, "{t}");
        assert!(t.contains("    option 7: 7 %"), "{t}");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("prices.email x", 10), vec!["prices.", "email x"]);
        assert_eq!(wrap("value 0.125", 7), vec!["value", "0.125"]);
        assert_eq!(wrap("in 68 % of", 5), vec!["in", "68 %", "of"]);
    }

    /// A dotted key breaks after its dots where the next part fits whole,
    /// its continuation lines indented, and a part too long for a line
    /// breaks at its spaces; every line fits.
    #[test]
    fn keys_break_at_their_dots_and_continue_indented() {
        assert_eq!(
            wrap_key("areas.Sygedagpenge og forsørgelse.volume_per_1000", 34, 2),
            ["areas.Sygedagpenge og forsørgelse.", "  volume_per_1000"]
        );
        assert_eq!(
            wrap_key("events.Hjemmeside: Hvis du-funktion.p_add", 32, 2),
            ["events.", "  Hjemmeside: Hvis du-funktion.", "  p_add"]
        );
        assert_eq!(
            wrap_key(
                "events.Digital Post obligatorisk for borgere.citizens.digital_post.exemption",
                34,
                2
            ),
            [
                "events.Digital Post obligatorisk",
                "  for borgere.citizens.",
                "  digital_post.exemption"
            ]
        );
        assert_eq!(wrap_key("prices.email", 34, 2), ["prices.email"]);
        assert_eq!(wrap_key("abcdefghij", 6, 2), ["abcd", "  efgh", "  ij"]);
        // In a table: the key column narrows to its longest dotted part
        // plus the indent, and the key goes on indented under itself.
        let t = render_hanging(
            &cells(&["key", "distribution"]),
            &[cells(&[
                "areas.Valg af læge og sygesikringsgruppe.adoption.transaction.ceiling",
                &"triangular(0.5, 0.6, 0.7) ".repeat(3),
            ])],
            &[true, true],
            &[2, 0],
        );
        assert_eq!(
            t.lines().skip(2).collect::<Vec<_>>(),
            [
                "areas.Valg af læge og sygesikringsgruppe.  triangular(0.5, 0.6, 0.7) triangular(0.5, 0.6,",
                "  adoption.transaction.ceiling             0.7) triangular(0.5, 0.6, 0.7)",
            ],
            "{t}"
        );
    }

    #[test]
    fn names_are_shortened_in_the_middle() {
        assert_eq!(shorten_middle("Solrød 2011", 20), "Solrød 2011");
        let s = shorten_middle("Lyngby-Taarbæk 2011-2015: Flyt borgerne", 20);
        assert_eq!(width(&s), 20);
        assert!(
            s.starts_with("Lyngby-Taa") && s.ends_with("borgerne") && s.contains('…'),
            "{s}"
        );
    }

    #[test]
    fn long_prose_lines_are_wrapped_with_an_indent() {
        let text = format!("  {}\nshort", "word ".repeat(40).trim_end());
        let fitted = fit_lines(&text, 50);
        assert!(widest(&fitted) <= 50, "{fitted}");
        let lines: Vec<&str> = fitted.lines().collect();
        assert!(lines[0].starts_with("  word"));
        assert!(lines[1].starts_with("    word"));
        assert_eq!(lines.last(), Some(&"short"));
        assert_eq!(
            fitted.split_whitespace().filter(|w| *w == "word").count(),
            40
        );
    }
}
