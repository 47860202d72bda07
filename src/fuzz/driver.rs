//! Worker threads, the hang watchdog, panic capture and deduplication.
//!
//! Each worker owns a directory holding copies of the corpus (so `extends`
//! resolves as it does next to the originals) and a one-thread rayon pool
//! (so the engine's parallel loops run single-threaded inside it). A mutant
//! is written over its file's copy, the entry file is executed, and the copy
//! is restored. The main thread hands out work through a counter and
//! watches the workers: a worker busy with one file for longer than the hang
//! limit is reported, abandoned (a thread cannot be killed) and replaced.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::exec::{self, ExecOptions, Outcome};
use super::{Finding, Kind, Report};

/// One file to execute in a worker's directory.
#[derive(Debug, Clone)]
pub struct Job {
    /// Mutant number (or file number when checking reproducers).
    pub index: u64,
    /// File to load, relative to the worker directory.
    pub entry: String,
    /// File whose content is replaced by `bytes` (the entry or a file it
    /// extends), relative to the worker directory.
    pub target: String,
    pub bytes: Vec<u8>,
    /// Mutations that made `bytes`.
    pub ops: Vec<&'static str>,
    pub exec: ExecOptions,
}

/// How to run jobs.
#[derive(Debug, Clone)]
pub struct DriverOptions {
    pub threads: usize,
    /// A file taking longer than this is a hang.
    pub hang_after: Duration,
    /// A file taking longer than this is reported as slow (a soft finding).
    pub slow_after: Duration,
    /// Stop after this many hangs (each leaves a stuck thread behind).
    pub max_hangs: usize,
    /// Stop handing out work after this long.
    pub time_limit: Option<Duration>,
    /// Shrink each new finding by deleting lines while it still fails the same way.
    pub minimise: bool,
    /// Print a progress line every few seconds to stderr.
    pub progress: bool,
}

/// Files every worker directory contains besides the corpus: targets for
/// mutated `extends` lines.
pub fn prepare_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("latin1.toml"),
        b"name = \"K\xf8benhavn \xe6\xf8\xe5\"\n",
    )?;
    std::fs::write(dir.join("empty.toml"), b"")?;
    std::fs::create_dir_all(dir.join("dir.toml"))?;
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo");
        if !fifo.exists() {
            // Best effort: without mkfifo the mutants name a missing file.
            let _ = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Panic capture
// ---------------------------------------------------------------------------

struct PanicRecord {
    message: String,
    location: String,
    backtrace: std::backtrace::Backtrace,
}

fn panic_records() -> &'static Mutex<HashMap<u64, PanicRecord>> {
    static RECORDS: OnceLock<Mutex<HashMap<u64, PanicRecord>>> = OnceLock::new();
    RECORDS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The worker id of a thread named `fuzz-w<id>` or `fuzz-w<id>-pool`.
fn worker_of_thread() -> Option<u64> {
    let t = std::thread::current();
    let name = t.name()?;
    let rest = name.strip_prefix("fuzz-w")?;
    rest.split('-').next()?.parse().ok()
}

/// Installs (once) a panic hook that records panics of fuzz threads silently
/// and leaves every other thread's panics to the previous hook.
fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let Some(worker) = worker_of_thread() else {
                previous(info);
                return;
            };
            let payload = info.payload();
            let message = if let Some(s) = payload.downcast_ref::<&str>() {
                s.to_string()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "<non-string panic payload>".to_string()
            };
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_else(|| "<unknown>".into());
            let rec = PanicRecord {
                message,
                location,
                backtrace: std::backtrace::Backtrace::force_capture(),
            };
            if let Ok(mut m) = panic_records().lock() {
                m.insert(worker, rec);
            }
        }));
    });
}

/// The first frame of this crate (outside the fuzzer) in a backtrace:
/// where a panic inside std or a dependency was called from.
fn crate_frame(bt: &std::backtrace::Backtrace) -> Option<String> {
    let text = bt.to_string();
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let l = l.trim();
        if let Some(at) = l.strip_prefix("at ") {
            let ours = (at.starts_with("./src/") || at.contains("/channelshift/src/"))
                || (at.contains("/src/") && !at.contains("/rustc/") && !at.contains("/.cargo/"));
            if ours && !at.contains("src/fuzz/") && !at.contains("/library/") {
                let func = lines
                    .get(i.wrapping_sub(1))
                    .map(|f| f.trim())
                    .and_then(|f| f.split_once(": ").map(|(_, n)| n))
                    .unwrap_or("?");
                let func = func.rsplit_once("::h").map(|(a, _)| a).unwrap_or(func);
                return Some(format!("{func} at {at}"));
            }
        }
    }
    None
}

/// Digits replaced by `N`, so "index 7 of 3" and "index 9 of 4" group.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in text.chars().take(160) {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
        } else {
            out.push(c);
            last_digit = false;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// One job
// ---------------------------------------------------------------------------

/// What one execution showed: a problem (kind, signature, detail) or none.
#[derive(Debug, Clone)]
struct Verdict {
    valid: bool,
    located: bool,
    problems: Vec<(Kind, String, String)>,
}

struct Worker {
    id: u64,
    dir: PathBuf,
    pool: rayon::ThreadPool,
}

impl Worker {
    fn run_once(&self, job: &Job, bytes: &[u8], original: &[u8]) -> Verdict {
        let target = self.dir.join(&job.target);
        let entry = self.dir.join(&job.entry);
        let scratch = self.dir.join("out");
        let wrote = std::fs::write(&target, bytes);
        if let Ok(mut m) = panic_records().lock() {
            m.remove(&self.id);
        }
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            if let Err(e) = &wrote {
                panic!("fuzz: cannot write {}: {e}", target.display());
            }
            self.pool
                .install(|| exec::execute(&entry, &scratch, &job.exec))
        }));
        let _ = std::fs::write(&target, original);
        match result {
            Ok(outcome) => {
                let (valid, located) = match &outcome {
                    Outcome::Invalid { located, .. } => (false, *located),
                    Outcome::Valid { .. } => (true, true),
                };
                let problems = outcome
                    .problems()
                    .into_iter()
                    .map(|(kind, detail)| {
                        let sig = match kind {
                            Kind::NonFinite => {
                                let path = detail.split(" = ").next().unwrap_or(&detail);
                                let path = path
                                    .strip_prefix("trial ")
                                    .map_or(path, |p| p.split_once(' ').map(|x| x.1).unwrap_or(p));
                                format!(
                                    "non-finite {}",
                                    normalise(&super::finite::path_shape(path))
                                )
                            }
                            Kind::OutputError => {
                                let head: String = detail.chars().take(80).collect();
                                format!("output error {}", normalise(&head))
                            }
                            k => k.name().to_string(),
                        };
                        (kind, sig, detail)
                    })
                    .collect();
                Verdict {
                    valid,
                    located,
                    problems,
                }
            }
            Err(payload) => {
                let rec = panic_records()
                    .lock()
                    .ok()
                    .and_then(|mut m| m.remove(&self.id));
                let (message, location, frame) = match rec {
                    Some(r) => {
                        let frame = if r.location.contains("/src/fuzz/")
                            || !r.location.starts_with("src/")
                        {
                            crate_frame(&r.backtrace)
                        } else {
                            None
                        };
                        (r.message, r.location, frame)
                    }
                    None => (
                        payload
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| payload.downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "<non-string panic payload>".into()),
                        "<unknown>".into(),
                        None,
                    ),
                };
                let sig = format!("panic at {location}: {}", normalise(&message));
                let mut detail = format!("panicked at {location}: {message}");
                if let Some(f) = frame {
                    detail.push_str(&format!("\n  called from {f}"));
                }
                Verdict {
                    valid: false,
                    located: true,
                    problems: vec![(Kind::Panic, sig, detail)],
                }
            }
        }
    }
}

/// A finished job as the worker reports it.
struct Done {
    job: Job,
    /// The mutant, shrunk if minimised.
    bytes: Vec<u8>,
    verdict: Verdict,
    elapsed: Duration,
}

/// Deletes chunks of lines while the file still fails with `signature`.
fn minimise(w: &Worker, job: &Job, original: &[u8], signature: &str, slot: &Slot) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = job
        .bytes
        .split_inclusive(|b| *b == b'\n')
        .map(|l| l.to_vec())
        .collect();
    let started = Instant::now();
    let mut runs = 0;
    let mut chunk = lines.len().div_ceil(2).max(1);
    while chunk >= 1 && runs < 400 && started.elapsed() < Duration::from_secs(20) {
        let mut i = 0;
        let mut shrunk = false;
        while i < lines.len() && runs < 400 {
            let candidate: Vec<u8> = lines[..i]
                .iter()
                .chain(&lines[(i + chunk).min(lines.len())..])
                .flatten()
                .copied()
                .collect();
            if let Ok(mut s) = slot.busy.lock() {
                *s = Some(Busy {
                    job: Job {
                        bytes: candidate.clone(),
                        ..job.clone()
                    },
                    since: Instant::now(),
                });
            }
            runs += 1;
            let v = w.run_once(job, &candidate, original);
            if v.problems.iter().any(|(_, s, _)| s == signature) {
                lines.drain(i..(i + chunk).min(lines.len()));
                shrunk = true;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 && !shrunk {
            break;
        }
        if !shrunk {
            chunk /= 2;
        }
    }
    lines.concat()
}

struct Busy {
    job: Job,
    since: Instant,
}

/// What the watchdog sees of a worker.
#[derive(Default)]
struct Slot {
    busy: Mutex<Option<Busy>>,
    /// Set when the watchdog gave up on the worker: it must stop after its
    /// current file and report nothing.
    abandoned: AtomicBool,
}

struct Shared {
    next: AtomicU64,
    total: u64,
    stop: AtomicBool,
    seen: Mutex<HashSet<String>>,
    minimise: bool,
    make_job: Box<dyn Fn(u64) -> Job + Send + Sync>,
    originals: HashMap<String, Vec<u8>>,
}

fn spawn_worker(
    id: u64,
    dir: PathBuf,
    template: &[(String, Vec<u8>)],
    shared: Arc<Shared>,
    slot: Arc<Slot>,
    tx: mpsc::Sender<Done>,
) -> std::io::Result<()> {
    prepare_dir(&dir)?;
    for (rel, bytes) in template {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
            prepare_dir(parent)?;
        }
        std::fs::write(p, bytes)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .stack_size(8 << 20)
        .thread_name(move |_| format!("fuzz-w{id}-pool"))
        .build()
        .map_err(std::io::Error::other)?;
    let worker = Worker { id, dir, pool };
    std::thread::Builder::new()
        .name(format!("fuzz-w{id}"))
        .stack_size(8 << 20)
        .spawn(move || loop {
            if shared.stop.load(Ordering::Relaxed) {
                break;
            }
            let i = shared.next.fetch_add(1, Ordering::Relaxed);
            if i >= shared.total {
                break;
            }
            let job = (shared.make_job)(i);
            let original = shared
                .originals
                .get(&job.target)
                .cloned()
                .unwrap_or_default();
            if let Ok(mut s) = slot.busy.lock() {
                *s = Some(Busy {
                    job: job.clone(),
                    since: Instant::now(),
                });
            }
            let t0 = Instant::now();
            let verdict = worker.run_once(&job, &job.bytes, &original);
            let elapsed = t0.elapsed();
            let mut bytes = job.bytes.clone();
            if shared.minimise {
                if let Some((kind, sig, _)) = verdict.problems.first() {
                    let new = shared
                        .seen
                        .lock()
                        .map(|mut s| s.insert(sig.clone()))
                        .unwrap_or(false);
                    if new && *kind != Kind::Slow {
                        bytes = minimise(&worker, &job, &original, sig, &slot);
                    }
                }
            }
            // Under the lock the watchdog takes: either it gave up on this
            // file (then report nothing and stop) or the file is done.
            let abandoned = match slot.busy.lock() {
                Ok(mut s) => {
                    let a = slot.abandoned.load(Ordering::Relaxed);
                    *s = None;
                    a
                }
                Err(_) => true,
            };
            if abandoned {
                break;
            }
            if tx
                .send(Done {
                    job,
                    bytes,
                    verdict,
                    elapsed,
                })
                .is_err()
            {
                break;
            }
        })?;
    Ok(())
}

/// Runs jobs `0..total` made by `make_job` in worker directories under
/// `work_dir`, each initialised with `template` (relative path, bytes).
pub fn run_jobs(
    work_dir: &Path,
    template: Vec<(String, Vec<u8>)>,
    total: u64,
    make_job: Box<dyn Fn(u64) -> Job + Send + Sync>,
    opts: &DriverOptions,
) -> std::io::Result<Report> {
    install_hook();
    std::fs::create_dir_all(work_dir)?;
    let originals: HashMap<String, Vec<u8>> = template.iter().cloned().collect();
    let shared = Arc::new(Shared {
        next: AtomicU64::new(0),
        total,
        stop: AtomicBool::new(false),
        seen: Mutex::new(HashSet::new()),
        minimise: opts.minimise,
        make_job,
        originals,
    });
    let (tx, rx) = mpsc::channel::<Done>();
    let mut slots: Vec<(u64, Arc<Slot>)> = Vec::new();
    let mut next_id = 0u64;
    let threads = opts.threads.max(1);
    // A worker with its own folder and slot; also replaces abandoned ones.
    let start = |id: u64| -> std::io::Result<Arc<Slot>> {
        let slot = Arc::new(Slot::default());
        spawn_worker(
            id,
            work_dir.join(format!("w{id}")),
            &template,
            shared.clone(),
            slot.clone(),
            tx.clone(),
        )?;
        Ok(slot)
    };
    for _ in 0..threads {
        slots.push((next_id, start(next_id)?));
        next_id += 1;
    }
    let started = Instant::now();
    let mut report = Report::default();
    let mut findings: BTreeMap<String, Finding> = BTreeMap::new();
    let mut last_progress = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(done) => {
                report.executed += 1;
                if done.verdict.valid {
                    report.valid += 1;
                } else if !done.verdict.problems.iter().any(|p| p.0 == Kind::Panic) {
                    report.invalid += 1;
                    if !done.verdict.located {
                        report.invalid_unlocated += 1;
                    }
                }
                report.max_elapsed = report.max_elapsed.max(done.elapsed);
                for op in &done.job.ops {
                    let e = report.time_by_op.entry(op).or_insert((0, Duration::ZERO));
                    e.0 += 1;
                    e.1 += done.elapsed;
                }
                for (kind, sig, detail) in done.verdict.problems {
                    record(
                        &mut report,
                        &mut findings,
                        kind,
                        sig,
                        detail,
                        &done.job,
                        done.bytes.clone(),
                        done.elapsed,
                    );
                }
                if done.elapsed > opts.slow_after {
                    let sig = format!("slow {}", done.job.entry);
                    let detail = format!(
                        "took {:.1} s (slow limit {:.1} s)",
                        done.elapsed.as_secs_f64(),
                        opts.slow_after.as_secs_f64()
                    );
                    record(
                        &mut report,
                        &mut findings,
                        Kind::Slow,
                        sig,
                        detail,
                        &done.job,
                        done.bytes,
                        done.elapsed,
                    );
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        // Hangs: report, abandon and replace the worker.
        let mut replace = Vec::new();
        for (k, (id, slot)) in slots.iter().enumerate() {
            let hung = slot.busy.lock().ok().and_then(|mut s| {
                if s.as_ref()
                    .is_some_and(|b| b.since.elapsed() > opts.hang_after)
                {
                    slot.abandoned.store(true, Ordering::Relaxed);
                    s.take()
                } else {
                    None
                }
            });
            if let Some(b) = hung {
                report.executed += 1;
                // Reproducers (not mutated) group by file, mutants by mutation.
                let sig = if b.job.ops == ["none"] {
                    format!("hang {}", b.job.entry)
                } else {
                    format!("hang {}", b.job.ops.join("+"))
                };
                let detail = format!(
                    "worker {id} still busy after {:.0} s (abandoned)",
                    b.since.elapsed().as_secs_f64()
                );
                let elapsed = b.since.elapsed();
                record(
                    &mut report,
                    &mut findings,
                    Kind::Hang,
                    sig,
                    detail,
                    &b.job,
                    b.job.bytes.clone(),
                    elapsed,
                );
                replace.push(k);
            }
        }
        for k in replace {
            report.abandoned_threads += 1;
            if report.abandoned_threads >= opts.max_hangs {
                shared.stop.store(true, Ordering::Relaxed);
                report.stopped_early = Some(format!("{} hangs", report.abandoned_threads));
            }
            slots[k] = (next_id, start(next_id)?);
            next_id += 1;
        }
        if let Some(limit) = opts.time_limit {
            if started.elapsed() > limit && !shared.stop.swap(true, Ordering::Relaxed) {
                report.stopped_early = Some(format!("time limit {:.0} s", limit.as_secs_f64()));
            }
        }
        if opts.progress && last_progress.elapsed() > Duration::from_secs(10) {
            last_progress = Instant::now();
            eprintln!(
                "fuzz: {} done, {:.0}/s, {} distinct findings",
                report.executed,
                report.executed as f64 / started.elapsed().as_secs_f64(),
                findings.len()
            );
        }
        // Done when every handed-out job came back or was abandoned and no
        // live worker is busy.
        let handed = shared.next.load(Ordering::Relaxed).min(total);
        let stopped = shared.stop.load(Ordering::Relaxed);
        let idle = slots
            .iter()
            .all(|(_, s)| s.busy.lock().map(|b| b.is_none()).unwrap_or(true));
        if report.executed >= total
            || (report.executed >= handed && (stopped || handed >= total) && idle)
        {
            shared.stop.store(true, Ordering::Relaxed);
            break;
        }
    }
    drop(tx);
    report.elapsed = started.elapsed();
    report.findings = findings.into_values().collect();
    report
        .findings
        .sort_by(|a, b| (a.kind, &a.signature).cmp(&(b.kind, &b.signature)));
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
fn record(
    report: &mut Report,
    findings: &mut BTreeMap<String, Finding>,
    kind: Kind,
    sig: String,
    detail: String,
    job: &Job,
    bytes: Vec<u8>,
    elapsed: Duration,
) {
    *report.by_kind.entry(kind).or_insert(0) += 1;
    findings
        .entry(sig.clone())
        .and_modify(|f| f.count += 1)
        .or_insert_with(|| Finding {
            kind,
            signature: sig,
            detail,
            entry: job.entry.clone(),
            target: job.target.clone(),
            mutant: bytes,
            ops: job.ops.clone(),
            index: job.index,
            count: 1,
            elapsed,
        });
}
