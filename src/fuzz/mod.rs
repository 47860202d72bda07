//! A mutation fuzzer for scenario files.
//!
//! Takes the shipped scenarios as a corpus, mutates them deterministically
//! from a seed ([`mutate`]), and pushes each mutant through what `check` and
//! `run` do ([`exec`]): load and validate; if valid, simulate a few trials,
//! summarise, and render summary.json, the CSV files, the terminal tables,
//! the HTML report and (on some mutants) the Excel workbook and the charts.
//!
//! A mutant fails when it panics, hangs, yields a non-finite number where
//! summary.json promises one (serde writes NaN and inf as `null`), asks for
//! a run that cannot be allocated, or is rejected with an empty message.
//! Failures are grouped by panic location or failure class, shrunk, and
//! written as reproducer files ([`write_findings`]).
//!
//! `cargo run --release --example fuzz -- --help` runs it for as long as
//! wanted; `tests/fuzz.rs` runs a bounded number of mutants and replays
//! `tests/fuzz-regressions/`.

pub mod driver;
pub mod exec;
pub mod finite;
pub mod mutate;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

pub use driver::{DriverOptions, Job};
pub use exec::{ExecOptions, Outcome};

/// Classes of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The code panicked.
    Panic,
    /// Still busy after the hang limit.
    Hang,
    /// A NaN or infinity in the trials, the summary or a CSV file.
    NonFinite,
    /// Validation accepted a trial count whose rows cannot be allocated.
    Capacity,
    /// A scenario that validated made an output fail (exit code 1).
    OutputError,
    /// An input error with an empty message.
    BadError,
    /// Slower than the slow limit (a soft finding).
    Slow,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Panic => "panic",
            Kind::Hang => "hang",
            Kind::NonFinite => "non-finite",
            Kind::Capacity => "capacity",
            Kind::OutputError => "output-error",
            Kind::BadError => "bad-error",
            Kind::Slow => "slow",
        }
    }

    /// Failures the bounded test must never see.
    pub fn is_hard(self) -> bool {
        !matches!(self, Kind::Slow | Kind::OutputError)
    }
}

/// One distinct failure (first mutant seen, and how often its signature occurred).
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: Kind,
    /// What groups findings: the panic location and message shape, the
    /// path of the non-finite value, ...
    pub signature: String,
    /// The first occurrence in full.
    pub detail: String,
    /// File loaded.
    pub entry: String,
    /// File mutated (the entry, or a file it extends).
    pub target: String,
    /// The mutated file (shrunk when minimising).
    pub mutant: Vec<u8>,
    pub ops: Vec<&'static str>,
    /// Mutant number (reproduce with the same seed).
    pub index: u64,
    pub count: u64,
    pub elapsed: Duration,
}

/// The result of a fuzzing run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Files executed (including hung ones).
    pub executed: u64,
    pub valid: u64,
    pub invalid: u64,
    /// Input errors that name no file.
    pub invalid_unlocated: u64,
    /// Occurrences per failure class (not deduplicated).
    pub by_kind: BTreeMap<Kind, u64>,
    pub findings: Vec<Finding>,
    pub elapsed: Duration,
    pub max_elapsed: Duration,
    pub abandoned_threads: usize,
    pub stopped_early: Option<String>,
    /// Files and total time by mutation (a file counts for each of its mutations).
    pub time_by_op: BTreeMap<&'static str, (u64, Duration)>,
}

impl Report {
    /// Occurrences of `kind`.
    pub fn count(&self, kind: Kind) -> u64 {
        self.by_kind.get(&kind).copied().unwrap_or(0)
    }

    /// Occurrences of failures that must not happen (all but slow files and
    /// output errors).
    pub fn hard_failures(&self) -> u64 {
        self.by_kind
            .iter()
            .filter(|(k, _)| k.is_hard())
            .map(|(_, n)| n)
            .sum()
    }

    /// A few lines for the terminal.
    pub fn summary(&self) -> String {
        let mut o = String::new();
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let _ = writeln!(
            o,
            "{} files in {:.1} s ({:.0}/s), slowest {:.2} s",
            self.executed,
            secs,
            self.executed as f64 / secs,
            self.max_elapsed.as_secs_f64()
        );
        let share = |n: u64| 100.0 * n as f64 / self.executed.max(1) as f64;
        let _ = writeln!(
            o,
            "valid {} ({:.1} %), rejected with an input error {} ({:.1} %; {} without a file name)",
            self.valid,
            share(self.valid),
            self.invalid,
            share(self.invalid),
            self.invalid_unlocated
        );
        for kind in [
            Kind::Panic,
            Kind::Hang,
            Kind::NonFinite,
            Kind::Capacity,
            Kind::OutputError,
            Kind::BadError,
            Kind::Slow,
        ] {
            let distinct = self.findings.iter().filter(|f| f.kind == kind).count();
            let _ = writeln!(
                o,
                "{:<13} {:>7} ({distinct} distinct)",
                kind.name(),
                self.count(kind)
            );
        }
        let total: f64 = self.time_by_op.values().map(|(_, d)| d.as_secs_f64()).sum();
        if total > 0.0 {
            let mut ops: Vec<_> = self.time_by_op.iter().collect();
            ops.sort_by_key(|(_, (_, d))| std::cmp::Reverse(*d));
            let parts: Vec<String> = ops
                .iter()
                .take(8)
                .map(|(op, (n, d))| {
                    format!(
                        "{op} {:.0} % ({:.1} ms each)",
                        100.0 * d.as_secs_f64() / total,
                        1e3 * d.as_secs_f64() / (*n).max(1) as f64
                    )
                })
                .collect();
            let _ = writeln!(o, "time by mutation: {}", parts.join(", "));
        }
        if let Some(why) = &self.stopped_early {
            let _ = writeln!(o, "stopped early: {why}");
        }
        for f in &self.findings {
            let _ = writeln!(
                o,
                "  [{}] x{} {} (first: mutant {} of {}, {})",
                f.kind.name(),
                f.count,
                f.signature,
                f.index,
                f.entry,
                f.ops.join("+")
            );
        }
        o
    }
}

/// One file of the corpus.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// File name (all corpus files share one directory in the workers).
    pub name: String,
    pub bytes: Vec<u8>,
    /// Indices of the files this one extends, nearest first.
    pub bases: Vec<usize>,
}

/// The scenarios mutants are made from.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub files: Vec<CorpusFile>,
}

impl Corpus {
    /// Every `*.toml` in the given directories (or the given files). Later
    /// files with a name already taken are skipped.
    pub fn load(paths: &[PathBuf]) -> std::io::Result<Corpus> {
        let mut files: Vec<CorpusFile> = Vec::new();
        for p in paths {
            let mut found: Vec<PathBuf> = if p.is_dir() {
                std::fs::read_dir(p)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|q| q.extension().is_some_and(|x| x == "toml") && q.is_file())
                    .collect()
            } else {
                vec![p.clone()]
            };
            found.sort();
            for q in found {
                let name = q
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                if files.iter().any(|f| f.name == name) {
                    continue;
                }
                files.push(CorpusFile {
                    name,
                    bytes: std::fs::read(&q)?,
                    bases: Vec::new(),
                });
            }
        }
        // Resolve `extends` within the corpus (same directory only).
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        for i in 0..files.len() {
            let mut chain = Vec::new();
            let mut cur = i;
            while let Some(base) = extends_of(&files[cur].bytes) {
                match names.iter().position(|n| *n == base) {
                    Some(b) if !chain.contains(&b) && b != i => {
                        chain.push(b);
                        cur = b;
                    }
                    _ => break,
                }
            }
            files[i].bases = chain;
        }
        if files.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no *.toml files in {paths:?}"),
            ));
        }
        Ok(Corpus { files })
    }
}

/// The value of a top-level `extends = "..."` line.
fn extends_of(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    text.lines().find_map(|l| {
        let v = l
            .trim()
            .strip_prefix("extends")?
            .trim_start()
            .strip_prefix('=')?;
        let v = v.trim();
        let v = v.strip_prefix('"')?;
        Some(v[..v.find('"')?].to_string())
    })
}

/// A fuzzing run.
#[derive(Debug, Clone)]
pub struct Config {
    pub mutants: u64,
    pub seed: u64,
    /// Render charts on every n-th mutant (0: never). Charts are slow.
    pub charts_every: u64,
    /// Render the Excel workbook on every n-th mutant (0: never).
    pub xlsx_every: u64,
    /// Render the HTML report on every n-th mutant (0: never).
    pub html_every: u64,
    /// Run the attribution analysis on every n-th mutant (0: never).
    pub attribution_every: u64,
    pub exec: ExecOptions,
    pub limits: mutate::Limits,
    pub driver: DriverOptions,
    /// Worker directories are made under here (and removed afterwards).
    pub work_dir: PathBuf,
}

impl Config {
    /// Defaults for `mutants` mutants from `seed`, working under `work_dir`.
    pub fn new(mutants: u64, seed: u64, work_dir: PathBuf) -> Config {
        Config {
            mutants,
            seed,
            charts_every: 97,
            xlsx_every: 31,
            html_every: 1,
            attribution_every: 7,
            exec: ExecOptions::default(),
            limits: mutate::Limits::default(),
            driver: DriverOptions {
                threads: std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(2),
                hang_after: Duration::from_secs(10),
                slow_after: Duration::from_secs(2),
                max_hangs: 8,
                time_limit: None,
                minimise: true,
                progress: false,
            },
            work_dir,
        }
    }
}

/// Mutant `index` of a run: which file is loaded, which is mutated, how.
/// Depends only on the corpus, the seed and the index.
pub fn make_mutant(corpus: &Corpus, config: &Config, index: u64) -> Job {
    let mut rng = Pcg64Mcg::seed_from_u64(
        config.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index.wrapping_mul(0xBF58_476D_1CE4_E5B9),
    );
    let names: Vec<String> = corpus.files.iter().map(|f| f.name.clone()).collect();
    let e = rng.random_range(0..corpus.files.len());
    let entry = &corpus.files[e];
    // Mostly the file itself; sometimes a base it extends.
    let t = if !entry.bases.is_empty() && rng.random_bool(0.3) {
        entry.bases[rng.random_range(0..entry.bases.len())]
    } else {
        e
    };
    let target = &corpus.files[t];
    let (bytes, ops) = mutate::mutate(&target.bytes, &target.name, &names, config.limits, &mut rng);
    let every = |n: u64| n > 0 && index % n == n - 1;
    Job {
        index,
        entry: entry.name.clone(),
        target: target.name.clone(),
        bytes,
        ops,
        exec: ExecOptions {
            charts: every(config.charts_every),
            xlsx: every(config.xlsx_every),
            html: every(config.html_every),
            attribution: every(config.attribution_every),
            ..config.exec.clone()
        },
    }
}

/// Runs `config.mutants` mutants of `corpus`.
pub fn fuzz(corpus: &Corpus, config: &Config) -> std::io::Result<Report> {
    let template: Vec<(String, Vec<u8>)> = corpus
        .files
        .iter()
        .map(|f| (f.name.clone(), f.bytes.clone()))
        .collect();
    let c = corpus.clone();
    let cfg = config.clone();
    let report = driver::run_jobs(
        &config.work_dir,
        template,
        config.mutants,
        Box::new(move |i| make_mutant(&c, &cfg, i)),
        &config.driver,
    );
    if report.as_ref().is_ok_and(|r| r.abandoned_threads == 0) {
        let _ = std::fs::remove_dir_all(&config.work_dir);
    }
    report
}

/// Executes every top-level `*.toml` of `dir` (reproducers; they may extend
/// files in its subdirectories) without mutating it, under the same checks.
/// Charts and the workbook are rendered for every file.
pub fn check_files(dir: &Path, work_dir: &Path, driver: &DriverOptions) -> std::io::Result<Report> {
    let mut template = Vec::new();
    collect(dir, Path::new(""), &mut template)?;
    template.sort();
    let entries: Vec<String> = template
        .iter()
        .map(|(rel, _)| rel.clone())
        .filter(|rel| !rel.contains('/') && rel.ends_with(".toml"))
        .collect();
    let bytes: BTreeMap<String, Vec<u8>> = template.iter().cloned().collect();
    let n = entries.len() as u64;
    let report = driver::run_jobs(
        work_dir,
        template,
        n,
        Box::new(move |i| {
            let name = entries[i as usize].clone();
            Job {
                index: i,
                bytes: bytes[&name].clone(),
                entry: name.clone(),
                target: name,
                ops: vec!["none"],
                exec: ExecOptions {
                    charts: true,
                    xlsx: true,
                    html: true,
                    attribution: true,
                    ..ExecOptions::default()
                },
            }
        }),
        driver,
    );
    if report.as_ref().is_ok_and(|r| r.abandoned_threads == 0) {
        let _ = std::fs::remove_dir_all(work_dir);
    }
    report
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for e in std::fs::read_dir(root.join(rel))? {
        let e = e?;
        let ft = e.file_type()?;
        let r = rel.join(e.file_name());
        if ft.is_dir() {
            collect(root, &r, out)?;
        } else if ft.is_file() {
            out.push((
                r.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path())?,
            ));
        }
    }
    Ok(())
}

/// Writes each finding as a reproducer into `out`: `<kind>-<n>.toml` (with
/// the files it extends under `base/`) and `FINDINGS.md` listing them.
/// Returns the reproducer paths.
pub fn write_findings(
    report: &Report,
    corpus: &Corpus,
    out: &Path,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let mut written = Vec::new();
    let mut list = String::from(
        "# Fuzz findings\n\nEach file reproduces one failure class of the fuzzer \
         (`cargo run --release --example fuzz`). Files they extend are in `base/`.\n\n\
         | file | class | signature | first seen | occurrences |\n|---|---|---|---|---|\n",
    );
    let mut per_kind: BTreeMap<Kind, usize> = BTreeMap::new();
    for f in &report.findings {
        let n = per_kind.entry(f.kind).or_insert(0);
        *n += 1;
        let stem = format!("{}-{:02}", f.kind.name(), n);
        let base_dir = out.join("base");
        let copy_chain = |name: &str| -> std::io::Result<()> {
            // The corpus file and everything it extends, unmodified.
            if let Some(i) = corpus.files.iter().position(|c| c.name == name) {
                std::fs::create_dir_all(&base_dir)?;
                for k in std::iter::once(i).chain(corpus.files[i].bases.iter().copied()) {
                    let c = &corpus.files[k];
                    std::fs::write(base_dir.join(&c.name), &c.bytes)?;
                }
            }
            Ok(())
        };
        let entry_bytes = if f.target == f.entry {
            match extends_of(&f.mutant) {
                Some(base) if corpus.files.iter().any(|c| c.name == base) => {
                    copy_chain(&base)?;
                    replace_extends(&f.mutant, &format!("base/{base}"))
                }
                _ => f.mutant.clone(),
            }
        } else {
            // A mutated base: write it under base/ and point a copy of the
            // entry at it.
            std::fs::create_dir_all(&base_dir)?;
            let base_name = format!("{stem}-{}", f.target);
            if let Some(b) = extends_of(&f.mutant) {
                copy_chain(&b)?;
            }
            std::fs::write(base_dir.join(&base_name), &f.mutant)?;
            let entry = corpus
                .files
                .iter()
                .find(|c| c.name == f.entry)
                .map(|c| c.bytes.clone())
                .unwrap_or_default();
            replace_extends(&entry, &format!("base/{base_name}"))
        };
        let path = out.join(format!("{stem}.toml"));
        std::fs::write(&path, entry_bytes)?;
        let detail = f.detail.lines().next().unwrap_or("").replace('|', "\\|");
        let _ = writeln!(
            list,
            "| `{stem}.toml` | {} | {} | mutant {} of `{}` ({}) | {} |",
            f.kind.name(),
            detail,
            f.index,
            f.entry,
            f.ops.join("+"),
            f.count
        );
        written.push(path);
    }
    std::fs::write(out.join("FINDINGS.md"), list)?;
    Ok(written)
}

/// `bytes` with its top-level `extends` value replaced by `to`.
fn replace_extends(bytes: &[u8], to: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut done = false;
    for l in text.split_inclusive('\n') {
        if !done && l.trim_start().starts_with("extends") && l.contains('=') {
            out.push_str(&format!("extends = \"{to}\"\n"));
            done = true;
        } else {
            out.push_str(l);
        }
    }
    if !done {
        return bytes.to_vec();
    }
    // Keep invalid UTF-8 of the original where the line was not touched.
    if std::str::from_utf8(bytes).is_err() {
        let mut v = Vec::new();
        let mut replaced = false;
        for l in bytes.split_inclusive(|b| *b == b'\n') {
            let s = String::from_utf8_lossy(l);
            if !replaced && s.trim_start().starts_with("extends") && s.contains('=') {
                v.extend_from_slice(format!("extends = \"{to}\"\n").as_bytes());
                replaced = true;
            } else {
                v.extend_from_slice(l);
            }
        }
        return v;
    }
    out.into_bytes()
}
