//! Mutations of a scenario file's bytes that find bugs in a TOML-driven
//! numeric tool: extreme numbers, changed distributions, dropped and
//! duplicated parameters, line edits, duplicated tables with odd names,
//! raw bytes (invalid UTF-8, control characters), deep headers, odd
//! `extends` targets, truncation.
//!
//! Everything works on bytes, so mutations can be stacked after one that
//! broke the UTF-8.

use rand::RngExt;
use rand_pcg::Pcg64Mcg;

/// Numbers that break arithmetic: zeros, extremes, subnormals, integers at
/// the edge of i64/u64, and TOML's own nan and inf.
pub const EXTREME_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "0.0",
    "-0.0",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "5e-324",
    "-5e-324",
    "2.2250738585072014e-308",
    "1e-300",
    "1e40",
    "-1e40",
    "1e16",
    "1e-9",
    "nan",
    "+nan",
    "-nan",
    "inf",
    "-inf",
    "+inf",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "99999999999999999999999999",
    "4294967296",
    "2147483647",
    "-2147483648",
    "-1",
    "1",
    "2",
    "0.5",
    "0.9999999999999999",
    "1.0000000000000002",
    "1_000_000_000_000",
    "0x7fffffffffffffff",
    "1e",
    "\"NaN\"",
    "\"1e999\"",
    "\"\"",
    "[]",
    "{}",
    "true",
];

/// The distribution forms of docs/scenario-format.md, section 3.1.
pub const DISTRIBUTION_KINDS: &[&str] = &[
    "uniform",
    "triangular",
    "pert",
    "normal",
    "lognormal",
    "beta",
    "discrete",
    "ci90",
    "weights",
    "lambda",
    "min",
    "max",
    "mu",
    "sigma",
];

/// Names `extends` may point at inside the mutant's directory. The driver
/// creates the special ones (see [`super::driver::prepare_dir`]).
pub const EXTENDS_TARGETS: &[&str] = &[
    "fifo",
    "latin1.toml",
    "dir.toml",
    "empty.toml",
    "missing.toml",
    ".",
    "",
    "/",
    "./",
    "nul\u{0}.toml",
];

/// Size limits of the mutations that make files big (many table copies,
/// long strings, deep nesting). Big mutants find quadratic behaviour; small
/// ones keep a bounded run fast.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most copies of one `[[table]]`.
    pub copies: usize,
    /// Longest odd string, in repetitions of its unit.
    pub string: usize,
    /// Deepest dotted header or nested array.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            copies: 3_000,
            string: 20_000,
            depth: 2_000,
        }
    }
}

/// Odd texts for names and other strings: long, control characters,
/// right-to-left overrides, combining marks, quotes and escapes.
fn odd_string(rng: &mut Pcg64Mcg, lim: Limits) -> String {
    let n =
        |rng: &mut Pcg64Mcg, max: usize| rng.random_range(1..(max * lim.string / 20_000).max(2));
    match rng.random_range(0..9) {
        0 => "A".repeat(n(rng, 20_000)),
        1 => "Æ".repeat(n(rng, 5_000)),
        2 => "\\u0000\\u0001\\u001b[31m\\u007f".into(),
        3 => "\\u202eevil\\u202c name".into(),
        4 => "e\\u0301\\u0301\\u0301\\u0301".repeat(n(rng, 2_000)),
        5 => "\\t\\r\\n".repeat(n(rng, 500)),
        6 => String::new(),
        7 => "x / y \\\" <b>&amp;</b> ".repeat(n(rng, 200)),
        _ => "🙂".repeat(n(rng, 3_000)),
    }
}

/// Applies 1 to 4 random mutations to `text` (the file `name`, one of
/// `siblings` in its directory). Returns the mutant and the names of the
/// mutations applied.
pub fn mutate(
    text: &[u8],
    name: &str,
    siblings: &[String],
    lim: Limits,
    rng: &mut Pcg64Mcg,
) -> (Vec<u8>, Vec<&'static str>) {
    let mut out = text.to_vec();
    let mut ops = Vec::new();
    let n = 1 + (rng.random_range(0..8u32)).trailing_zeros().min(3) as usize;
    let mut attempts = 0;
    while ops.len() < n && attempts < 20 {
        attempts += 1;
        if let Some(op) = mutate_once(&mut out, name, siblings, lim, rng) {
            ops.push(op);
        }
    }
    (out, ops)
}

fn mutate_once(
    t: &mut Vec<u8>,
    name: &str,
    siblings: &[String],
    lim: Limits,
    rng: &mut Pcg64Mcg,
) -> Option<&'static str> {
    let op = rng.random_range(0..100u32);
    match op {
        0..=29 => replace_number(t, rng, true).then_some("extreme-number"),
        30..=37 => replace_number(t, rng, false).then_some("scaled-number"),
        38..=43 => change_distribution(t, rng).then_some("distribution-kind"),
        44..=49 => edit_list_item(t, rng, false, lim).then_some("drop-parameter"),
        50..=53 => edit_list_item(t, rng, true, lim).then_some("duplicate-parameter"),
        54..=58 => delete_line(t, rng).then_some("delete-line"),
        59..=61 => duplicate_line(t, rng).then_some("duplicate-line"),
        62..=64 => swap_lines(t, rng).then_some("swap-lines"),
        65..=70 => duplicate_table(t, rng, lim).then_some("duplicate-table"),
        71..=76 => odd_string_value(t, rng, lim).then_some("odd-string"),
        77..=82 => insert_bytes(t, rng).then_some("insert-bytes"),
        83..=85 => deep_header(t, rng, lim).then_some("deep-header"),
        86..=88 => truncate(t, rng).then_some("truncate"),
        89..=91 => extends(t, name, siblings, rng).then_some("extends"),
        92..=94 => huge_trials(t, rng).then_some("huge-trials"),
        _ => splice_line(t, rng).then_some("splice-line"),
    }
}

/// Byte ranges of the lines (without their '\n').
fn lines(t: &[u8]) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut start = 0;
    for (i, b) in t.iter().enumerate() {
        if *b == b'\n' {
            v.push((start, i));
            start = i + 1;
        }
    }
    if start < t.len() {
        v.push((start, t.len()));
    }
    v
}

/// Byte ranges of the number literals outside strings and comments.
fn numbers(t: &[u8]) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut in_str = false;
    let mut in_comment = false;
    let mut i = 0;
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-';
    while i < t.len() {
        let b = t[i];
        if b == b'\n' {
            in_str = false;
            in_comment = false;
        } else if in_comment {
        } else if b == b'"' {
            in_str = !in_str;
        } else if in_str {
            if b == b'\\' {
                i += 1;
            }
        } else if b == b'#' {
            in_comment = true;
        } else {
            let starts_number = b.is_ascii_digit()
                || ((b == b'-' || b == b'+') && t.get(i + 1).is_some_and(u8::is_ascii_digit));
            if starts_number && (i == 0 || !is_word(t[i - 1])) {
                let start = i;
                i += 1;
                while i < t.len()
                    && (t[i].is_ascii_alphanumeric() || matches!(t[i], b'.' | b'_' | b'+' | b'-'))
                {
                    i += 1;
                }
                // A key like `2015 = ...` or a bare key is a number too;
                // mutating it is fine.
                v.push((start, i));
                continue;
            }
        }
        i += 1;
    }
    v
}

fn splice(t: &mut Vec<u8>, range: (usize, usize), with: &[u8]) {
    t.splice(range.0..range.1, with.iter().copied());
}

fn replace_number(t: &mut Vec<u8>, rng: &mut Pcg64Mcg, extreme: bool) -> bool {
    let nums = numbers(t);
    if nums.is_empty() {
        return false;
    }
    let r = nums[rng.random_range(0..nums.len())];
    let new = if extreme {
        EXTREME_NUMBERS[rng.random_range(0..EXTREME_NUMBERS.len())].to_string()
    } else {
        let old: f64 = std::str::from_utf8(&t[r.0..r.1])
            .ok()
            .and_then(|s| s.replace('_', "").parse().ok())
            .unwrap_or(1.0);
        let factor =
            [1e6, 1e-6, -1.0, 1e300, 1e-300, 0.5, 2.0, 1e12, -1e12][rng.random_range(0..9)];
        let x = old * factor;
        if x.is_finite() {
            format!("{x:e}")
        } else {
            "1e308".into()
        }
    };
    splice(t, r, new.as_bytes());
    true
}

/// Inline tables `{ ... }` and arrays `[ ... ]` on one line: ranges of the
/// brackets' contents, with the byte ranges of their top-level items.
fn containers(t: &[u8]) -> Vec<Vec<(usize, usize)>> {
    let mut found = Vec::new();
    for (ls, le) in lines(t) {
        let line = &t[ls..le];
        // Per open bracket: its items so far and where the current item starts.
        let mut stack: Vec<(Vec<(usize, usize)>, usize)> = Vec::new();
        let mut in_str = false;
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            if in_str {
                if b == b'\\' {
                    i += 1;
                } else if b == b'"' {
                    in_str = false;
                }
            } else {
                match b {
                    b'"' => in_str = true,
                    b'#' => break,
                    b'{' | b'[' => stack.push((Vec::new(), i + 1)),
                    b',' => {
                        if let Some((items, item_start)) = stack.last_mut() {
                            items.push((ls + *item_start, ls + i));
                            *item_start = i + 1;
                        }
                    }
                    b'}' | b']' => {
                        if let Some((mut items, item_start)) = stack.pop() {
                            if item_start < i {
                                items.push((ls + item_start, ls + i));
                            }
                            if !items.is_empty() {
                                found.push(items);
                            }
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
    }
    found
}

fn edit_list_item(t: &mut Vec<u8>, rng: &mut Pcg64Mcg, duplicate: bool, lim: Limits) -> bool {
    let cs = containers(t);
    if cs.is_empty() {
        return false;
    }
    let items = &cs[rng.random_range(0..cs.len())];
    let k = rng.random_range(0..items.len());
    let (s, e) = items[k];
    if duplicate {
        let mut item = t[s..e].to_vec();
        item.insert(0, b',');
        let times = if rng.random_bool(0.1) {
            rng.random_range(2..lim.copies.max(3))
        } else {
            1
        };
        let ins: Vec<u8> = item.repeat(times);
        t.splice(e..e, ins);
    } else {
        // Remove the item and one neighbouring comma.
        let (s, e) = if k + 1 < items.len() {
            (s, items[k + 1].0)
        } else if k > 0 {
            (items[k - 1].1, e)
        } else {
            (s, e)
        };
        t.drain(s..e);
    }
    true
}

fn change_distribution(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    let mut spots = Vec::new();
    for kind in DISTRIBUTION_KINDS {
        let pat = format!("{kind} =");
        let mut from = 0;
        while let Some(p) = find(&t[from..], pat.as_bytes()) {
            let at = from + p;
            if at == 0 || !t[at - 1].is_ascii_alphanumeric() && t[at - 1] != b'_' {
                spots.push((at, at + kind.len()));
            }
            from = at + pat.len();
        }
    }
    if spots.is_empty() {
        return false;
    }
    let r = spots[rng.random_range(0..spots.len())];
    let new = DISTRIBUTION_KINDS[rng.random_range(0..DISTRIBUTION_KINDS.len())];
    splice(t, r, new.as_bytes());
    true
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn delete_line(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    let ls = lines(t);
    if ls.is_empty() {
        return false;
    }
    let (s, e) = ls[rng.random_range(0..ls.len())];
    t.drain(s..(e + 1).min(t.len()));
    true
}

fn duplicate_line(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    let ls = lines(t);
    if ls.is_empty() {
        return false;
    }
    let (s, e) = ls[rng.random_range(0..ls.len())];
    let mut line = t[s..e].to_vec();
    line.push(b'\n');
    let at = ls[rng.random_range(0..ls.len())].0;
    t.splice(at..at, line);
    true
}

fn swap_lines(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    let ls = lines(t);
    if ls.len() < 2 {
        return false;
    }
    let mut a = rng.random_range(0..ls.len());
    let mut b = rng.random_range(0..ls.len());
    if a == b {
        return false;
    }
    if a > b {
        std::mem::swap(&mut a, &mut b);
    }
    let (la, lb) = (ls[a], ls[b]);
    let mut out = Vec::with_capacity(t.len());
    out.extend_from_slice(&t[..la.0]);
    out.extend_from_slice(&t[lb.0..lb.1]);
    out.extend_from_slice(&t[la.1..lb.0]);
    out.extend_from_slice(&t[la.0..la.1]);
    out.extend_from_slice(&t[lb.1..]);
    *t = out;
    true
}

/// `[[x]]` blocks: from the header to the next table header.
fn array_tables(t: &[u8]) -> Vec<(usize, usize)> {
    let ls = lines(t);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        let line = &t[ls[i].0..ls[i].1];
        if line.starts_with(b"[[") {
            let start = ls[i].0;
            let mut j = i + 1;
            while j < ls.len() && !t[ls[j].0..ls[j].1].starts_with(b"[[") {
                j += 1;
            }
            // Sub-tables ([areas.mix]) belong to the block; the next
            // top-level single table ends it too.
            let mut end_line = j;
            for (k, l) in ls.iter().enumerate().take(j).skip(i + 1) {
                let text = &t[l.0..l.1];
                if text.starts_with(b"[") && !text.starts_with(b"[[") {
                    let header = &text[1..];
                    let own = &line[2..line.len().min(2 + 64)];
                    let own_name: Vec<u8> =
                        own.iter().copied().take_while(|b| *b != b']').collect();
                    if !header.starts_with(&own_name) {
                        end_line = k;
                        break;
                    }
                }
            }
            let end = if end_line < ls.len() {
                ls[end_line].0
            } else {
                t.len()
            };
            blocks.push((start, end));
            i = j;
        } else {
            i += 1;
        }
    }
    blocks
}

fn rename_block(block: &[u8], new_name: &str) -> Vec<u8> {
    let pat = b"name = \"";
    if let Some(p) = find(block, pat) {
        let vs = p + pat.len();
        if let Some(q) = block[vs..].iter().position(|b| *b == b'"') {
            let mut out = block[..vs].to_vec();
            out.extend_from_slice(new_name.as_bytes());
            out.extend_from_slice(&block[vs + q..]);
            return out;
        }
    }
    block.to_vec()
}

fn duplicate_table(t: &mut Vec<u8>, rng: &mut Pcg64Mcg, lim: Limits) -> bool {
    let blocks = array_tables(t);
    if blocks.is_empty() {
        return false;
    }
    let (s, e) = blocks[rng.random_range(0..blocks.len())];
    let mut block = t[s..e].to_vec();
    if !block.ends_with(b"\n") {
        block.push(b'\n');
    }
    let mut ins = Vec::new();
    match rng.random_range(0..4) {
        // Many copies with distinct names: quadratic merging, big layouts.
        0 => {
            let copies = rng.random_range(2..lim.copies.max(3));
            for k in 0..copies {
                ins.extend(rename_block(&block, &format!("copy {k}")));
            }
        }
        // One copy with an odd name.
        1 | 2 => ins.extend(rename_block(&block, &odd_string(rng, lim))),
        // An identical copy: a duplicate name.
        _ => ins.extend_from_slice(&block),
    }
    t.splice(e..e, ins);
    true
}

fn odd_string_value(t: &mut Vec<u8>, rng: &mut Pcg64Mcg, lim: Limits) -> bool {
    // String values: `= "..."` on one line.
    let mut spots = Vec::new();
    let mut from = 0;
    while let Some(p) = find(&t[from..], b"= \"") {
        let vs = from + p + 3;
        if let Some(q) = t[vs..].iter().position(|b| *b == b'"' || *b == b'\n') {
            if t[vs + q] == b'"' {
                spots.push((vs, vs + q));
            }
        }
        from = vs;
    }
    if spots.is_empty() {
        return false;
    }
    let r = spots[rng.random_range(0..spots.len())];
    let s = odd_string(rng, lim);
    splice(t, r, s.as_bytes());
    true
}

fn insert_bytes(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    const POOL: &[&[u8]] = &[
        b"\xff",
        b"\xfe\xff",
        b"\xc3",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xe2\x80\xae",
        b"\xef\xbb\xbf",
        b"\x00",
        b"\x1b[2J",
        b"\r",
        b"\r\n",
        b"\x7f",
        b"\x08",
        b"\x0c",
        b"\t",
        b"\"",
        b"'''",
        b"\"\"\"",
        b"[",
        b"]]",
        b"{",
        b"=",
        b"#",
        b"\\",
        b"\\u",
    ];
    let at = if t.is_empty() {
        0
    } else {
        rng.random_range(0..=t.len())
    };
    let ins: Vec<u8> = if rng.random_bool(0.75) {
        POOL[rng.random_range(0..POOL.len())].to_vec()
    } else {
        (0..rng.random_range(1..16)).map(|_| rng.random()).collect()
    };
    t.splice(at..at, ins);
    true
}

fn deep_header(t: &mut Vec<u8>, rng: &mut Pcg64Mcg, lim: Limits) -> bool {
    let depth = rng.random_range(2..lim.depth.max(3));
    let text = match rng.random_range(0..5) {
        0 => format!("\n[{}x]\ny = 1\n", "a.".repeat(depth)),
        1 => format!("\n[[{}x]]\ny = 1\n", "areas.".repeat(depth)),
        2 => format!("\n{}x = 1\n", "a.".repeat(depth)),
        3 => format!(
            "\n[areas.{}]\nname = \"deep\"\n",
            vec!["\"k\""; depth.min(300)].join(".")
        ),
        _ => {
            let d = depth.min(200);
            format!("\nx = {}1{}\n", "[".repeat(d), "]".repeat(d))
        }
    };
    // Top-level dotted keys must precede the first table to mean anything,
    // but anywhere is fine for a fuzzer.
    let ls = lines(t);
    let at = if ls.is_empty() || rng.random_bool(0.5) {
        t.len()
    } else {
        ls[rng.random_range(0..ls.len())].0
    };
    t.splice(at..at, text.into_bytes());
    true
}

fn truncate(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    if t.is_empty() {
        return false;
    }
    let at = rng.random_range(0..t.len());
    t.truncate(at);
    true
}

fn extends(t: &mut Vec<u8>, name: &str, siblings: &[String], rng: &mut Pcg64Mcg) -> bool {
    let target: String = match rng.random_range(0..4) {
        0 => name.to_string(),
        1 if !siblings.is_empty() => siblings[rng.random_range(0..siblings.len())].clone(),
        _ => EXTENDS_TARGETS[rng.random_range(0..EXTENDS_TARGETS.len())].to_string(),
    };
    let target = target.replace('\\', "\\\\").replace('"', "\\\"");
    let line = format!("extends = \"{target}\"\n");
    // Replace an existing top-level `extends`, else add one at the top.
    if let Some(p) = find(t, b"\nextends = ") {
        let s = p + 1;
        let e = t[s..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|q| s + q + 1)
            .unwrap_or(t.len());
        t.splice(s..e, line.into_bytes());
    } else {
        t.splice(0..0, line.into_bytes());
    }
    true
}

fn huge_trials(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    let value = [
        "9223372036854775807",
        "4611686018427387904",
        "1000000000000000",
        "18446744073709551615",
        "0",
        "-1",
    ][rng.random_range(0..6)];
    if let Some(p) = find(t, b"\ntrials = ") {
        let s = p + b"\ntrials = ".len();
        let e = t[s..]
            .iter()
            .position(|b| *b == b'\n' || *b == b' ' || *b == b'#')
            .map(|q| s + q)
            .unwrap_or(t.len());
        splice(t, (s, e), value.as_bytes());
    } else if find(t, b"[simulation]").is_none() {
        t.extend_from_slice(format!("\n[simulation]\ntrials = {value}\n").as_bytes());
    } else {
        return false;
    }
    true
}

fn splice_line(t: &mut Vec<u8>, rng: &mut Pcg64Mcg) -> bool {
    // A line moved to another place (into another table).
    let ls = lines(t);
    if ls.len() < 2 {
        return false;
    }
    let (s, e) = ls[rng.random_range(0..ls.len())];
    let mut line = t[s..e].to_vec();
    line.push(b'\n');
    t.drain(s..(e + 1).min(t.len()));
    let ls = lines(t);
    let at = if ls.is_empty() {
        0
    } else {
        ls[rng.random_range(0..ls.len())].0
    };
    t.splice(at..at, line);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    const SAMPLE: &str = "name = \"x\" # 3 here\n[horizon]\nbase_year = 2011\n\
        [[areas]]\nname = \"a\"\nvolume = { uniform = [1_000, 2e3] }\n[areas.mix]\nt = -0.5\n\
        [[areas]]\nname = \"b\"\nvolume = 7\n";

    #[test]
    fn numbers_outside_strings_and_comments() {
        let t = SAMPLE.as_bytes();
        let found: Vec<&str> = numbers(t)
            .into_iter()
            .map(|(s, e)| std::str::from_utf8(&t[s..e]).unwrap())
            .collect();
        assert_eq!(found, vec!["2011", "1_000", "2e3", "-0.5", "7"]);
    }

    #[test]
    fn array_tables_include_their_sub_tables() {
        let t = SAMPLE.as_bytes();
        let blocks: Vec<&str> = array_tables(t)
            .into_iter()
            .map(|(s, e)| std::str::from_utf8(&t[s..e]).unwrap())
            .collect();
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].contains("[areas.mix]"), "{}", blocks[0]);
        assert!(blocks[1].starts_with("[[areas]]\nname = \"b\""));
    }

    #[test]
    fn list_items_are_found_per_bracket() {
        let t = SAMPLE.as_bytes();
        let cs = containers(t);
        let texts: Vec<Vec<&str>> = cs
            .iter()
            .map(|items| {
                items
                    .iter()
                    .map(|(s, e)| std::str::from_utf8(&t[*s..*e]).unwrap().trim())
                    .collect()
            })
            .collect();
        assert!(texts.contains(&vec!["1_000", "2e3"]), "{texts:?}");
        assert!(texts.contains(&vec!["uniform = [1_000, 2e3]"]), "{texts:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_mutant() {
        let names = vec!["b.toml".to_string()];
        let a = mutate(
            SAMPLE.as_bytes(),
            "a.toml",
            &names,
            Limits::default(),
            &mut Pcg64Mcg::seed_from_u64(7),
        );
        let b = mutate(
            SAMPLE.as_bytes(),
            "a.toml",
            &names,
            Limits::default(),
            &mut Pcg64Mcg::seed_from_u64(7),
        );
        assert_eq!(a, b);
        let mut differ = 0;
        for seed in 0..50 {
            let (m, ops) = mutate(
                SAMPLE.as_bytes(),
                "a.toml",
                &names,
                Limits::default(),
                &mut Pcg64Mcg::seed_from_u64(seed),
            );
            assert!(!ops.is_empty());
            if m != SAMPLE.as_bytes() {
                differ += 1;
            }
        }
        assert!(differ > 40, "only {differ} of 50 mutants differ");
    }
}
