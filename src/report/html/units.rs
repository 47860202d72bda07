//! Amounts kept on one line in the finished HTML.

/// Units that must stay on the line of the number before them, longest
/// first: "14,4 mio. kr.", "643.035 kr.".
pub(super) const KEPT_UNITS: [&str; 3] = [" mio. kr.", " m kr.", " kr."];

/// Keeps every amount of the report's text on one line: each number
/// followed by a unit of [`KEPT_UNITS`] ("1,91 mio. kr.", "643.035 kr.",
/// "2-8 kr.") is wrapped in `<span class="nw">` (white-space: nowrap), so
/// "kr." never starts a line of its own. (Percentages in tables sit in
/// cells that do not wrap.) Works on finished
/// HTML: only text between tags is touched, never markup, attribute
/// values, the style sheet, the title or the inline SVG charts.
pub fn keep_units_with_numbers(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    // Elements whose content is left exactly as it is.
    const RAW: [(&str, &str); 3] = [
        ("<style", "</style>"),
        ("<svg", "</svg>"),
        ("<title", "</title>"),
    ];
    while let Some(lt) = rest.find('<') {
        out.push_str(&wrap_text_units(&rest[..lt]));
        rest = &rest[lt..];
        if let Some((_, close)) = RAW.iter().find(|(open, _)| rest.starts_with(open)) {
            let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(&wrap_text_units(rest));
    out
}

/// [`keep_units_with_numbers`] on one run of (escaped) text.
pub(super) fn wrap_text_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        // A number starts at a digit (or a sign before one) that does not
        // follow a letter or digit.
        let c = text[i..].chars().next().expect("in bounds");
        let at_digit = c.is_ascii_digit()
            || ((c == '-' || c == '+') && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()));
        let after_word = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric());
        if at_digit && !after_word {
            let start = i;
            let mut j = i + 1;
            while j < text.len() {
                let b = bytes[j];
                let continues = b.is_ascii_digit()
                    || ((b == b'.' || b == b',')
                        && bytes.get(j + 1).is_some_and(|n| n.is_ascii_digit()));
                if !continues {
                    break;
                }
                j += 1;
            }
            if let Some(unit) = KEPT_UNITS.iter().find(|u| text[j..].starts_with(*u)) {
                let end = j + unit.len();
                // "< 1 %" and "> 99 %" keep their sign, and an interval
                // "68–72 %" its lower end.
                let sign = ["&lt; ", "&gt; "].into_iter().find(|p| out.ends_with(p));
                let lower = if sign.is_none() {
                    interval_start(&out)
                } else {
                    None
                };
                let kept = match (sign, lower) {
                    (Some(sign), _) => sign.len(),
                    (None, Some(at)) => out.len() - at,
                    (None, None) => 0,
                };
                let prefix = out.split_off(out.len() - kept);
                out.push_str("<span class=\"nw\">");
                out.push_str(&prefix);
                out.push_str(&text[start..end]);
                out.push_str("</span>");
                i = end;
            } else {
                out.push_str(&text[start..j]);
                i = j;
            }
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Where `text` ends in the lower end of an interval, a number and a dash
/// ("68–", "2-"), the byte offset of that number.
pub(super) fn interval_start(text: &str) -> Option<usize> {
    let head = text
        .strip_suffix('–')
        .or_else(|| text.strip_suffix('-'))
        .filter(|h| h.ends_with(|c: char| c.is_ascii_digit()))?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let number = &head[start..];
    let before = head[..start].chars().next_back();
    (number.chars().any(|c| c.is_ascii_digit()) && !before.is_some_and(|c| c.is_alphanumeric()))
        .then_some(start)
}
