//! Plain-text tables for the terminal, shared by every command that prints one.

/// Renders rows in columns; column `i` is left-aligned when `left[i]`,
/// right-aligned otherwise.
/// Control characters in cells (ANSI escapes, BEL, newlines from scenario
/// names) are replaced by [`crate::export::sanitize::clean_text`], so a cell
/// can neither move the cursor nor break its row.
pub fn render(header: &[String], rows: &[Vec<String>], left: &[bool]) -> String {
    let clean = |r: &[String]| -> Vec<String> {
        r.iter()
            .map(|c| crate::export::sanitize::clean_text(c).into_owned())
            .collect()
    };
    let header = clean(header);
    let rows: Vec<Vec<String>> = rows.iter().map(|r| clean(r)).collect();
    let (header, rows) = (header.as_slice(), rows.as_slice());
    let cols = header.len();
    let mut width = vec![0; cols];
    for r in std::iter::once(header).chain(rows.iter().map(|r| r.as_slice())) {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let mut o = String::new();
    let line = |o: &mut String, r: &[String]| {
        let mut cells = Vec::with_capacity(cols);
        for (i, c) in r.iter().enumerate() {
            let pad = " ".repeat(width[i] - c.chars().count());
            cells.push(if left.get(i).copied().unwrap_or(false) {
                format!("{c}{pad}")
            } else {
                format!("{pad}{c}")
            });
        }
        o.push_str(cells.join("  ").trim_end());
        o.push('\n');
    };
    line(&mut o, header);
    let total: usize = width.iter().sum::<usize>() + 2 * (cols - 1);
    o.push_str(&"-".repeat(total));
    o.push('\n');
    for r in rows {
        line(&mut o, r);
    }
    o
}

/// Weekly hours as people write them: "36.5", "18".
pub fn format_hours(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round())
    } else {
        format!("{h:.1}")
    }
}
