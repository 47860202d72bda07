//! The HTML report in a real browser: headless Chromium renders the Danish
//! report of Solrød's Proposal 1, and the test fails if the screenshot is
//! missing or blank, if the page logs console errors, if the expected
//! headings are missing from the DOM, or if printing does not give several
//! A4 pages.
//!
//! Chromium must be installed (`apt-get install chromium`; CI installs it in
//! .ci/run), as /usr/bin/chromium, on PATH, or named by
//! CHANNELSHIFT_CHROMIUM. With CHANNELSHIFT_SKIP_BROWSER=1 the test is
//! skipped instead.
//! With CHANNELSHIFT_UPDATE_SCREENSHOT=1 the screenshot is also copied to
//! docs/report-screenshot.png, and with CHANNELSHIFT_KEEP_REPORT=<file> the
//! report is copied there.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use channelshift::engine::Engine;
use channelshift::i18n::Lang;
use channelshift::report::html::write_html;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

const WIDTH: u32 = 1240;
const HEIGHT: u32 = 1754;

fn find_chromium() -> Option<PathBuf> {
    // CHANNELSHIFT_CHROMIUM names another browser binary (e.g. Chrome).
    if let Some(p) = std::env::var_os("CHANNELSHIFT_CHROMIUM") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let fixed = Path::new("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Chromium, or `None` when the test is to be skipped; panics when it is
/// missing and not skipped.
fn chromium_or_skip() -> Option<PathBuf> {
    if std::env::var("CHANNELSHIFT_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipping the browser test: CHANNELSHIFT_SKIP_BROWSER=1");
        return None;
    }
    match find_chromium() {
        Some(p) => Some(p),
        None => panic!(
            "headless Chromium is needed for the HTML report's browser test but was not found \
             (/usr/bin/chromium or chromium on PATH). Install it with `apt-get install chromium`, \
             or set CHANNELSHIFT_SKIP_BROWSER=1 to skip this test."
        ),
    }
}

struct Output {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium with the required flags, a fresh profile and a
/// time limit.
fn chromium(bin: &Path, profile: &Path, args: &[String]) -> Output {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start chromium");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 180 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = Output {
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    };
    assert!(
        status.success(),
        "chromium failed ({status}): {args:?}\n{}",
        output.stderr
    );
    output
}

/// Console messages and uncaught errors in Chromium's log. The report has
/// no scripts, so any console message is a fault.
fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
        .collect()
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// The number of pages of a PDF Chromium wrote (the largest `/Count` of its
/// page trees).
fn pdf_pages(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    text.split("/Count ")
        .skip(1)
        .filter_map(|r| {
            r.chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
                .parse()
                .ok()
        })
        .max()
        .expect("page count in the PDF")
}

/// The text of each page of a PDF, from poppler's pdftotext in layout mode
/// (line by line as printed), white space squashed; `None` when pdftotext
/// is not installed.
fn pdf_page_texts(pdf: &Path, pages: usize) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for p in 1..=pages {
        let o = Command::new("pdftotext")
            .args(["-layout", "-f", &p.to_string(), "-l", &p.to_string()])
            .arg(pdf)
            .arg("-")
            .output()
            .ok()?;
        if !o.status.success() {
            return None;
        }
        let t = String::from_utf8_lossy(&o.stdout);
        out.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Some(out)
}

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of an HTML fragment without its tags, squashed.
fn html_text(fragment: &str) -> String {
    let mut out = String::new();
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let end = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let name: String = rest[lt + 1..end]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        // Inline elements join their text; others separate it.
        if !matches!(name.as_str(), "span" | "strong" | "wbr" | "code") {
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    unescape_html(&out)
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each table's caption and the first word of the first cell of its first
/// body row: the caption must never end a page without that row.
fn captions_and_first_cells(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<caption>") {
        rest = &rest[i..];
        let Some(end) = rest.find("</caption>") else {
            break;
        };
        let caption = html_text(&rest[..end]);
        let table_end = rest.find("</table>").unwrap_or(rest.len());
        let body = &rest[..table_end];
        let first = body.find("<tbody>").and_then(|b| {
            let row = &body[b..];
            let td = row.find("<td")?;
            let close = row[td..].find("</td>")? + td;
            let cell = &row[td..close];
            // The first word of the cell (a label, a year): a long label
            // wraps in its column, and the layout text holds it apart.
            let cell = cell.split("<br>").next().unwrap_or(cell);
            html_text(cell).split(' ').next().map(str::to_string)
        });
        if let Some(first) = first.filter(|f| !f.is_empty()) {
            out.push((caption, first));
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn report_renders_in_headless_chromium() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();

    // The console check must see errors: a page that throws is caught.
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html><body><p>x</p><script>throw new Error('boom')</script></body></html>",
    )
    .unwrap();
    let probe = chromium(
        &bin,
        &dir.path().join("profile-probe"),
        &["--dump-dom".into(), file_url(&bad)],
    );
    assert!(
        !console_errors(&probe.stderr).is_empty(),
        "the console check does not see a thrown error; Chromium's log format changed?\n{}",
        probe.stderr
    );

    // The Danish report of Solrød's Proposal 1, 5,000 trials.
    // Relative to the crate (cargo runs tests there), as a user would type it.
    let relative = Path::new("scenarios/solrod-2011-proposal-1.toml");
    let file = if relative.is_file() {
        relative.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
    };
    let s = Scenario::from_file(&file).expect("scenario loads");
    let seed = s.default_seed.unwrap_or(1);
    let engine = Engine::new(&s, seed);
    let trials = engine.run(5_000);
    let summary = RunSummary::new(&s, &engine.layout, &trials, seed, None);
    let report = dir.path().join("rapport.html");
    write_html(&summary, None, &[], Lang::Da, &report).unwrap();
    if let Some(keep) = std::env::var_os("CHANNELSHIFT_KEEP_REPORT") {
        std::fs::copy(&report, keep).unwrap();
    }

    // Screenshot of the first screen (about one A4 page).
    let shot = dir.path().join("screenshot.png");
    let run = chromium(
        &bin,
        &dir.path().join("profile-shot"),
        &[
            format!("--screenshot={}", shot.display()),
            format!("--window-size={WIDTH},{HEIGHT}"),
            file_url(&report),
        ],
    );
    let errors = console_errors(&run.stderr);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    let png = std::fs::read(&shot).expect("chromium wrote no screenshot");
    assert!(
        png.len() > 20_000,
        "screenshot is suspiciously small: {} bytes",
        png.len()
    );
    let image = png::decode(&png).expect("decode the screenshot");
    assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    let stats = image.stats();
    assert!(
        stats.dominant_share < 0.95,
        "screenshot is nearly blank: {:.1} % of the pixels are one colour",
        stats.dominant_share * 100.0
    );
    assert!(
        stats.dark_share > 0.005,
        "screenshot has almost no text: {:.2} % dark pixels",
        stats.dark_share * 100.0
    );
    assert!(stats.colours > 100, "only {} colours", stats.colours);
    if std::env::var("CHANNELSHIFT_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::copy(&shot, docs.join("report-screenshot.png")).unwrap();
    }

    // The DOM has the sections and the charts.
    let dom = chromium(
        &bin,
        &dir.path().join("profile-dom"),
        &["--dump-dom".into(), file_url(&report)],
    );
    let errors = console_errors(&dom.stderr);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    for heading in [
        "<h2>1. Sammenfatning</h2>",
        "<h2>2. Antagelser</h2>",
        "<h2>3. Figurer</h2>",
        "<h2>4. Tabeller</h2>",
        "<h2>5. Sådan er tallene beregnet</h2>",
        "<h3>Kort fortalt</h3>",
        "<h3>Målene</h3>",
        "Solrød 2011: Forslag 1</h1>",
    ] {
        assert!(dom.stdout.contains(heading), "DOM lacks {heading}");
    }
    assert!(dom.stdout.contains("<html lang=\"da\">"));
    // Cost fan, histogram, S-curve, goals, citizens (Solrød tracks Digital
    // Post and completion) and channel mix. The convergence chart is left
    // out of the report once the figures have settled, as they have after
    // 5,000 trials (the method section says so; convergence.png remains).
    assert_eq!(dom.stdout.matches("<svg").count(), 6, "six charts");

    // Printing gives A4 pages: the summary, assumptions, charts, tables and
    // method each start a page.
    let pdf = dir.path().join("rapport.pdf");
    chromium(
        &bin,
        &dir.path().join("profile-pdf"),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            file_url(&report),
        ],
    );
    let bytes = std::fs::read(&pdf).expect("chromium wrote no PDF");
    let text = String::from_utf8_lossy(&bytes);
    let pages: usize = text
        .split("/Count ")
        .skip(1)
        .filter_map(|r| {
            r.chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
                .parse()
                .ok()
        })
        .max()
        .expect("page count in the PDF");
    assert!(pages >= 6, "printed report has {pages} pages");
    // A4 is 595 x 842 points.
    assert!(
        text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594.9"),
        "pages are not A4"
    );
}

/// The screenshot check itself: the decoder reads a chart PNG written by
/// another encoder (plotters / image) and flags a blank page as blank.
#[test]
fn png_check_decodes_real_pngs_and_flags_blank_ones() {
    use channelshift::charts::{self, ChartText, GoalData, GoalRow};
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("goals.png");
    let data = GoalData {
        rows: vec![GoalRow {
            not_evaluable: vec![],
            name: "Selvbetjening 80 %".into(),
            years: vec![2014, 2015],
            probability: vec![Some(0.4), Some(0.9)],
        }],
        trials: Some(1000),
    };
    charts::goal_probability(&data, &ChartText::new(), Lang::Da, &chart).unwrap();
    let image = png::decode(&std::fs::read(&chart).unwrap()).unwrap();
    assert_eq!((image.width, image.height), (1200, 700));
    let stats = image.stats();
    assert!(stats.dominant_share < 0.95 && stats.dark_share > 0.005 && stats.colours > 100);

    // A white 64 x 48 RGB image, zlib with one stored block.
    let (w, h) = (64u32, 48u32);
    let mut raw = Vec::new();
    for _ in 0..h {
        raw.push(0u8);
        raw.extend(std::iter::repeat_n(255u8, w as usize * 3));
    }
    let mut z = vec![0x78, 0x01, 1];
    z.extend((raw.len() as u16).to_le_bytes());
    z.extend((!(raw.len() as u16)).to_le_bytes());
    z.extend(&raw);
    z.extend([0, 0, 0, 0]); // Adler-32, not checked
    let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], body: &[u8]| {
        file.extend((body.len() as u32).to_be_bytes());
        file.extend(kind);
        file.extend(body);
        file.extend([0, 0, 0, 0]); // CRC, not checked
    };
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &z);
    chunk(b"IEND", &[]);
    let blank = png::decode(&file).unwrap();
    let stats = blank.stats();
    assert_eq!(stats.dominant_share, 1.0);
    assert_eq!(stats.dark_share, 0.0);
    assert_eq!(stats.colours, 1);
}

/// Just enough PNG decoding to look at a screenshot: 8-bit grey, grey with
/// alpha, RGB or RGBA, not interlaced, with a small inflate (RFC 1951).
mod png {
    use std::collections::HashMap;

    pub struct Image {
        pub width: u32,
        pub height: u32,
        /// RGB per pixel.
        pub rgb: Vec<[u8; 3]>,
    }

    pub struct Stats {
        pub dominant_share: f64,
        pub dark_share: f64,
        pub colours: usize,
    }

    impl Image {
        pub fn stats(&self) -> Stats {
            let mut counts: HashMap<[u8; 3], usize> = HashMap::new();
            let mut dark = 0usize;
            for p in &self.rgb {
                *counts.entry(*p).or_default() += 1;
                let luma = 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64;
                if luma < 110.0 {
                    dark += 1;
                }
            }
            let n = self.rgb.len().max(1) as f64;
            Stats {
                dominant_share: *counts.values().max().unwrap_or(&0) as f64 / n,
                dark_share: dark as f64 / n,
                colours: counts.len(),
            }
        }
    }

    pub fn decode(data: &[u8]) -> Result<Image, String> {
        if data.len() < 8 || &data[..8] != b"\x89PNG\r\n\x1a\n" {
            return Err("not a PNG file".into());
        }
        let mut pos = 8;
        let (mut width, mut height, mut depth, mut ctype, mut interlace) = (0, 0, 0, 0, 0);
        let mut idat = Vec::new();
        while pos + 8 <= data.len() {
            let len = u32::from_be_bytes(data[pos..pos + 4].try_into().unwrap()) as usize;
            let kind = &data[pos + 4..pos + 8];
            let body = data.get(pos + 8..pos + 8 + len).ok_or("truncated chunk")?;
            match kind {
                b"IHDR" => {
                    width = u32::from_be_bytes(body[0..4].try_into().unwrap());
                    height = u32::from_be_bytes(body[4..8].try_into().unwrap());
                    depth = body[8];
                    ctype = body[9];
                    interlace = body[12];
                }
                b"IDAT" => idat.extend_from_slice(body),
                b"IEND" => break,
                _ => {}
            }
            pos += 12 + len;
        }
        if depth != 8 || interlace != 0 {
            return Err(format!(
                "unsupported PNG: depth {depth}, interlace {interlace}"
            ));
        }
        let channels = match ctype {
            0 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => return Err(format!("unsupported PNG colour type {ctype}")),
        };
        if idat.len() < 2 {
            return Err("no image data".into());
        }
        let raw = inflate(&idat[2..])?;
        let stride = width as usize * channels;
        if raw.len() < (stride + 1) * height as usize {
            return Err("image data too short".into());
        }
        let mut prev = vec![0u8; stride];
        let mut cur = vec![0u8; stride];
        let mut rgb = Vec::with_capacity(width as usize * height as usize);
        for y in 0..height as usize {
            let line = &raw[y * (stride + 1)..(y + 1) * (stride + 1)];
            let filter = line[0];
            for x in 0..stride {
                let a = if x >= channels {
                    cur[x - channels] as i32
                } else {
                    0
                };
                let b = prev[x] as i32;
                let c = if x >= channels {
                    prev[x - channels] as i32
                } else {
                    0
                };
                let v = line[1 + x] as i32;
                let out = match filter {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    4 => {
                        let p = a + b - c;
                        let (pa, pb, pc) = ((p - a).abs(), (p - b).abs(), (p - c).abs());
                        v + if pa <= pb && pa <= pc {
                            a
                        } else if pb <= pc {
                            b
                        } else {
                            c
                        }
                    }
                    f => return Err(format!("bad filter {f}")),
                };
                cur[x] = out as u8;
            }
            for px in cur.chunks(channels) {
                rgb.push(match channels {
                    1 | 2 => [px[0], px[0], px[0]],
                    _ => [px[0], px[1], px[2]],
                });
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        Ok(Image { width, height, rgb })
    }

    struct Bits<'a> {
        data: &'a [u8],
        pos: usize,
        buf: u32,
        n: u32,
    }

    impl Bits<'_> {
        fn get(&mut self, need: u32) -> Result<u32, String> {
            while self.n < need {
                let byte = *self.data.get(self.pos).ok_or("deflate data ends early")?;
                self.pos += 1;
                self.buf |= (byte as u32) << self.n;
                self.n += 8;
            }
            let v = self.buf & ((1u32 << need) - 1);
            self.buf = if need == 32 { 0 } else { self.buf >> need };
            self.n -= need;
            Ok(v)
        }
    }

    struct Huffman {
        count: [u16; 16],
        symbol: Vec<u16>,
    }

    impl Huffman {
        fn new(lengths: &[u8]) -> Huffman {
            let mut count = [0u16; 16];
            for &l in lengths {
                count[l as usize] += 1;
            }
            count[0] = 0;
            let mut offs = [0u16; 16];
            for len in 1..16 {
                offs[len] = offs[len - 1] + count[len - 1];
            }
            let mut symbol = vec![0u16; lengths.len()];
            for (s, &l) in lengths.iter().enumerate() {
                if l != 0 {
                    symbol[offs[l as usize] as usize] = s as u16;
                    offs[l as usize] += 1;
                }
            }
            Huffman { count, symbol }
        }

        fn decode(&self, bits: &mut Bits) -> Result<u16, String> {
            let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
            for len in 1..16 {
                code |= bits.get(1)? as i32;
                let count = self.count[len] as i32;
                if code - count < first {
                    return Ok(self.symbol[(index + (code - first)) as usize]);
                }
                index += count;
                first += count;
                first <<= 1;
                code <<= 1;
            }
            Err("bad Huffman code".into())
        }
    }

    const LBASE: [u16; 29] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258,
    ];
    const LEXT: [u8; 29] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ];
    const DBASE: [u16; 30] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];
    const DEXT: [u8; 30] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
        13, 13,
    ];

    fn inflate(data: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut bits = Bits {
            data,
            pos: 0,
            buf: 0,
            n: 0,
        };
        loop {
            let last = bits.get(1)?;
            match bits.get(2)? {
                0 => {
                    bits.buf = 0;
                    bits.n = 0;
                    let p = bits.pos;
                    let len = u16::from_le_bytes([data[p], data[p + 1]]) as usize;
                    let start = p + 4;
                    out.extend_from_slice(
                        data.get(start..start + len)
                            .ok_or("stored block ends early")?,
                    );
                    bits.pos = start + len;
                }
                1 => {
                    let mut l = [0u8; 288];
                    l[..144].fill(8);
                    l[144..256].fill(9);
                    l[256..280].fill(7);
                    l[280..].fill(8);
                    let lit = Huffman::new(&l);
                    let dist = Huffman::new(&[5u8; 30]);
                    codes(&mut bits, &mut out, &lit, &dist)?;
                }
                2 => {
                    let nlen = bits.get(5)? as usize + 257;
                    let ndist = bits.get(5)? as usize + 1;
                    let ncode = bits.get(4)? as usize + 4;
                    const ORDER: [usize; 19] = [
                        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
                    ];
                    let mut cl = [0u8; 19];
                    for &o in ORDER.iter().take(ncode) {
                        cl[o] = bits.get(3)? as u8;
                    }
                    let clh = Huffman::new(&cl);
                    let mut lengths = vec![0u8; nlen + ndist];
                    let mut i = 0;
                    while i < nlen + ndist {
                        let sym = clh.decode(&mut bits)?;
                        let (value, repeat) = match sym {
                            0..=15 => (sym as u8, 1),
                            16 => {
                                let prev = *lengths[..i].last().ok_or("repeat with no length")?;
                                (prev, 3 + bits.get(2)? as usize)
                            }
                            17 => (0, 3 + bits.get(3)? as usize),
                            _ => (0, 11 + bits.get(7)? as usize),
                        };
                        for _ in 0..repeat {
                            *lengths.get_mut(i).ok_or("too many lengths")? = value;
                            i += 1;
                        }
                    }
                    let lit = Huffman::new(&lengths[..nlen]);
                    let dist = Huffman::new(&lengths[nlen..]);
                    codes(&mut bits, &mut out, &lit, &dist)?;
                }
                _ => return Err("bad block type".into()),
            }
            if last == 1 {
                return Ok(out);
            }
        }
    }

    fn codes(
        bits: &mut Bits,
        out: &mut Vec<u8>,
        lit: &Huffman,
        dist: &Huffman,
    ) -> Result<(), String> {
        loop {
            let sym = lit.decode(bits)? as usize;
            if sym < 256 {
                out.push(sym as u8);
            } else if sym == 256 {
                return Ok(());
            } else {
                let i = sym - 257;
                let len = *LBASE.get(i).ok_or("bad length code")? as usize
                    + bits.get(LEXT[i] as u32)? as usize;
                let d = dist.decode(bits)? as usize;
                let back = *DBASE.get(d).ok_or("bad distance code")? as usize
                    + bits.get(DEXT[d] as u32)? as usize;
                if back > out.len() {
                    return Err("distance too far back".into());
                }
                let start = out.len() - back;
                for k in 0..len {
                    let b = out[start + k];
                    out.push(b);
                }
            }
        }
    }
}

/// The elements of `report` wider than A4's text width (184 mm, 695 CSS
/// px) when its print style sheet applies, found by a script in a copy of
/// the report (the report itself has none).
fn wider_than_a4(bin: &Path, profile: &Path, report: &Path) -> Vec<String> {
    const SCRIPT: &str = r#"<script>
(function () {
  var over = [], w = document.documentElement.clientWidth;
  var all = document.querySelectorAll('table, figure, p, ul, h1, h2, h3, div');
  for (var i = 0; i < all.length; i++) {
    var r = all[i].getBoundingClientRect();
    if (r.right > w + 1) {
      var c = all[i].querySelector('caption');
      over.push(all[i].tagName + ' ' + Math.round(r.right) + ' px' + (c ? ': ' + c.textContent : ''));
    }
  }
  var pre = document.createElement('pre');
  pre.id = 'width-check';
  pre.textContent = 'width=' + w + ' over=' + JSON.stringify(over);
  document.body.appendChild(pre);
})();
</script>"#;
    let html = std::fs::read_to_string(report).unwrap();
    assert!(
        html.contains("@media print {"),
        "the report has no print style sheet"
    );
    let probe = report.with_file_name("width-probe.html");
    let html = html
        .replace("@media print {", "@media all {")
        .replace("</body>", &format!("{SCRIPT}</body>"));
    std::fs::write(&probe, html).unwrap();
    let dom = chromium(
        bin,
        profile,
        &[
            "--window-size=695,1200".into(),
            "--dump-dom".into(),
            file_url(&probe),
        ],
    );
    let line = dom
        .stdout
        .lines()
        .find(|l| l.contains("<pre id=\"width-check\">"))
        .expect("the width check wrote nothing")
        .to_string();
    assert!(
        line.contains("width=695 "),
        "window not 695 px wide: {line}"
    );
    let over = &line[line.find("over=").unwrap() + 5..];
    let over = over.trim_end_matches("</pre>");
    if over.starts_with("[]") {
        Vec::new()
    } else {
        vec![over.to_string()]
    }
}

/// What printing a report gave: its number of A4 pages and, where
/// pdftotext is installed, each page's text.
struct Printed {
    count: usize,
    texts: Option<Vec<String>>,
}

/// Prints `report` to PDF (as `tag`) and checks what every printed report
/// must hold: no element wider than A4's text width (Chromium would shrink
/// every page for it); where pdftotext is installed, no table's caption
/// ends a page without the table's first row and no section heading is the
/// last text of a page.
fn check_print(bin: &Path, dir: &Path, tag: &str, report: &Path) -> Printed {
    let pdf = dir.join(format!("{tag}.pdf"));
    chromium(
        bin,
        &dir.join(format!("profile-{tag}")),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            file_url(report),
        ],
    );
    let count = pdf_pages(&std::fs::read(&pdf).expect("chromium wrote no PDF"));
    eprintln!("{tag}: {count} pages");
    let too_wide = wider_than_a4(bin, &dir.join(format!("profile-{tag}-width")), report);
    assert!(
        too_wide.is_empty(),
        "{tag}: wider than the A4 text width, so printing shrinks every page: {too_wide:?}"
    );
    let Some(texts) = pdf_page_texts(&pdf, count) else {
        return Printed { count, texts: None };
    };
    let html = std::fs::read_to_string(report).unwrap();
    let pairs = captions_and_first_cells(&html);
    assert!(pairs.len() >= 4, "{tag}: {pairs:?}");
    for (caption, first) in pairs {
        // pdftotext may break a long caption differently: its first
        // words identify it.
        let key: String = caption.split(' ').take(6).collect::<Vec<_>>().join(" ");
        let Some(p) = texts.iter().position(|t| t.contains(&key)) else {
            panic!("{tag}: caption {caption:?} not found in the PDF");
        };
        let page = &texts[p];
        let after = &page[page.find(&key).unwrap() + key.len()..];
        assert!(
            after.contains(&first),
            "{tag}: the table \"{caption}\" starts at the foot of page {} without its first row ({first:?})",
            p + 1
        );
    }
    for heading in html.split("<h2>").skip(1) {
        let heading = html_text(&heading[..heading.find("</h2>").unwrap()]);
        for (p, page) in texts.iter().enumerate() {
            assert!(
                !page.ends_with(&heading),
                "{tag}: the heading \"{heading}\" ends page {}",
                p + 1
            );
        }
    }
    Printed {
        count,
        texts: Some(texts),
    }
}

/// Writes a report into `out` as a user would: `channelshift <args>
/// --report --no-charts --quiet --out <out>`; panics with channelshift's
/// stderr when it fails. Returns the report's path.
fn write_report(args: &[std::ffi::OsString], out: &Path) -> PathBuf {
    let run = Command::new(env!("CARGO_BIN_EXE_channelshift"))
        .args(args)
        .args(["--report", "--no-charts", "--quiet", "--out"])
        .arg(out)
        .output()
        .expect("run channelshift");
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    out.join("report.html")
}

/// The report of a comparison (`compare BASE P1 P2 --breakdown --report`,
/// Solrød, 10,000 trials) prints on at most ten A4 pages in Danish and in
/// English (thirteen before every option had its own section, when the
/// report repeated the first option's charts and tables), at full size,
/// with no caption or heading orphaned; each option's section starts a
/// page of its own and fits on it, and every option's name heads its
/// section.
#[test]
fn comparison_reports_print_with_a_page_per_option() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for lang in ["da", "en"] {
        let out = dir.path().join(format!("compare-{lang}"));
        let mut args = vec!["compare".into()];
        args.extend(
            [
                "solrod-2011.toml",
                "solrod-2011-proposal-1.toml",
                "solrod-2011-proposal-2.toml",
            ]
            .map(|f| scenarios.join(f).into_os_string()),
        );
        args.extend(["--breakdown", "--lang", lang].map(Into::into));
        let report = write_report(&args, &out);
        let html = std::fs::read_to_string(&report).unwrap();
        // The charts are in the report even with --no-charts (that flag is
        // about the PNG and SVG files): the options' four.
        assert_eq!(html.matches("<svg").count(), 4, "{lang}");
        let printed = check_print(&bin, dir.path(), &format!("compare-{lang}"), &report);
        assert!(
            printed.count <= 10,
            "the {lang} comparison prints on {} A4 pages, more than 10",
            printed.count
        );
        assert!(printed.count >= 8, "{lang}: {} pages", printed.count);
        let Some(texts) = printed.texts else {
            eprintln!("pdftotext (poppler-utils) not found: page contents not checked");
            continue;
        };
        // Page 1 is the summary; option k is page 1 + k, headed by its name,
        // and the next section starts on the page after the last option.
        for (k, name) in ["Forslag 1", "Forslag 2"].iter().enumerate() {
            let heading = format!("2.{} {name}", k + 1);
            let page = &texts[k + 1];
            assert!(
                page.starts_with(&heading),
                "{lang}: page {} starts {:?}",
                k + 2,
                &page[..page.len().min(60)]
            );
            assert!(html.contains(&format!("<h2>{heading}</h2>")), "{lang}");
            let inputs = match lang {
                "da" => "De antagelser, der betyder mest for",
                _ => "The inputs that matter most for",
            };
            assert!(
                page.contains(inputs),
                "{lang}: option {name} does not fit its page"
            );
        }
        let assumptions = match lang {
            "da" => "3. Antagelser",
            _ => "3. Assumptions",
        };
        assert!(
            texts[3].starts_with(assumptions),
            "{lang}: {:?}",
            &texts[3][..60]
        );
    }
}

/// The report of a single-option run, as `channelshift run --report` writes
/// it (10,000 trials by default, the sensitivity analysis included), prints
/// on at most ten A4 pages in Danish and in English, at full size (no
/// element wider than the paper, which Chromium would shrink every page
/// for): the Solrød proposal (hours, staffing, citizens, six goals),
/// Vallensbæk (a status-quo projection with 63 inputs) and Copenhagen with
/// Citizen.2012 (seven years of amounts in the hundreds of millions). Where
/// poppler's pdftotext is installed,
/// the printed pages are read too: no table's caption ends a page without
/// the table's first row (the header is not orphaned), and no section
/// heading is the last text of a page.
#[test]
fn single_option_reports_print_on_at_most_ten_a4_pages() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut read_pages = false;
    for name in [
        "solrod-2011-proposal-1",
        "vallensbaek-2012",
        "copenhagen-2009-citizen2012",
    ] {
        for lang in ["da", "en"] {
            let out = dir.path().join(format!("{name}-{lang}"));
            let scenario = scenarios.join(format!("{name}.toml"));
            let report = write_report(
                &[
                    "run".into(),
                    scenario.into_os_string(),
                    "--lang".into(),
                    lang.into(),
                ],
                &out,
            );
            let pages = check_print(&bin, dir.path(), &format!("{name}-{lang}"), &report);
            assert!(
                pages.count <= 10,
                "the {lang} report of {name} prints on {} A4 pages, more than 10",
                pages.count
            );
            read_pages |= pages.texts.is_some();
        }
    }
    if !read_pages {
        eprintln!("pdftotext (poppler-utils) not found: page contents not checked");
    }
}

/// No amount is split from its unit at a line end: in the browser, at a
/// narrow, a middle and a wide window, every "… kr." and "… mio. kr." of
/// the report's text (charts aside) lies on one line with its number. The check runs as a
/// script in a copy of the report (the report itself has none) and writes
/// what it finds into the page, which `--dump-dom` returns.
#[test]
fn amounts_stay_on_one_line_with_their_unit() {
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let scenario =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/solrod-2011-proposal-1.toml");
    let report = write_report(
        &[
            "run".into(),
            scenario.into_os_string(),
            "--trials".into(),
            "2000".into(),
        ],
        &out,
    );
    let html = std::fs::read_to_string(report).unwrap();
    const SCRIPT: &str = r#"<script>
(function () {
  var found = [], checked = 0;
  var re = /-?\d[\d.,]*(?:[–-]\d[\d.,]*)? (?:mio\. kr\.|m kr\.|kr\.)/g;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    var node = walker.currentNode;
    if (node.parentElement.closest('svg')) continue;
    var m;
    re.lastIndex = 0;
    while ((m = re.exec(node.data)) !== null) {
      var range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      var tops = {};
      var rects = range.getClientRects();
      for (var i = 0; i < rects.length; i++) {
        if (rects[i].width > 0) tops[Math.round(rects[i].top)] = 1;
      }
      checked++;
      if (Object.keys(tops).length > 1) found.push(m[0]);
    }
  }
  var pre = document.createElement('pre');
  pre.id = 'unit-check';
  pre.textContent = 'checked=' + checked + ' split=' + JSON.stringify(found);
  document.body.appendChild(pre);
})();
</script>"#;
    let probe = dir.path().join("probe.html");
    std::fs::write(&probe, html.replace("</body>", &format!("{SCRIPT}</body>"))).unwrap();
    for width in [420, 700, 1000] {
        let dom = chromium(
            &bin,
            &dir.path().join(format!("profile-{width}")),
            &[
                format!("--window-size={width},1200"),
                "--dump-dom".into(),
                file_url(&probe),
            ],
        );
        let line = dom
            .stdout
            .lines()
            .find(|l| l.contains("<pre id=\"unit-check\">"))
            .unwrap_or_else(|| panic!("the check wrote nothing at width {width}"));
        let checked: usize = line
            .split("checked=")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(
            checked > 100,
            "only {checked} amounts found at width {width}"
        );
        assert!(
            line.contains("split=[]"),
            "amounts split from their unit at a {width} px window: {line}"
        );
    }
}
