//! The fuzzer in the test suite: a bounded run of mutants, the shipped
//! scenarios through the same checks, and the saved reproducers.
//!
//! Run in release mode (`cargo test --release --test fuzz`); the bounded run
//! is sized for about half a minute on two cores.

use std::path::PathBuf;
use std::time::Duration;

use channelshift::fuzz::{self, Config, Corpus, DriverOptions, Kind};

/// The fuzz tests use every core; run them one at a time so that one's
/// load does not turn another's mutants into false "hangs".
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn work_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("channelshift-fuzz-{name}-{}", std::process::id()))
}

fn driver() -> DriverOptions {
    DriverOptions {
        threads: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2),
        hang_after: Duration::from_secs(10),
        slow_after: Duration::from_secs(5),
        max_hangs: 4,
        time_limit: None,
        minimise: false,
        progress: false,
    }
}

fn corpus() -> Corpus {
    Corpus::load(&[root().join("scenarios"), root().join("tests/data")]).expect("corpus")
}

/// Every failure with its first occurrence, for the assertion message.
fn describe(report: &fuzz::Report) -> String {
    let mut s = report.summary();
    for f in report.findings.iter().filter(|f| f.kind.is_hard()) {
        s.push_str(&format!(
            "\n[{}] {}\n  {}\n  mutant {} of {} ({})",
            f.kind.name(),
            f.signature,
            f.detail.replace('\n', "\n  "),
            f.index,
            f.entry,
            f.ops.join("+")
        ));
    }
    s
}

#[test]
fn shipped_scenarios_pass_every_check() {
    let _serial = serial();
    // Not mutated: every output, charts and workbook included.
    let report = fuzz::check_files(&root().join("scenarios"), &work_dir("shipped"), &driver())
        .expect("check_files");
    let n = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count() as u64;
    assert_eq!(report.executed, n);
    assert_eq!(report.valid, n, "{}", describe(&report));
    // "slow" (over 5 s on a busy machine) is informational; hangs count.
    assert_eq!(report.hard_failures(), 0, "{}", describe(&report));
}

#[test]
fn mutants_depend_only_on_seed_and_index() {
    let _serial = serial();
    let c = corpus();
    let cfg = Config::new(10, 42, work_dir("unused"));
    for i in [0, 1, 17, 999] {
        let a = fuzz::make_mutant(&c, &cfg, i);
        let b = fuzz::make_mutant(&c, &cfg, i);
        assert_eq!((a.entry, a.target, a.bytes), (b.entry, b.target, b.bytes));
    }
    let distinct: std::collections::HashSet<Vec<u8>> = (0..200)
        .map(|i| fuzz::make_mutant(&c, &cfg, i).bytes)
        .collect();
    assert!(distinct.len() > 190, "{} distinct of 200", distinct.len());
}

/// The bounded fuzz run: 20,000 mutants must produce no panic, hang,
/// non-finite output, unallocatable run or empty error message.
#[test]
fn twenty_thousand_mutants_without_a_failure() {
    let _serial = serial();
    let c = corpus();
    let mut cfg = Config::new(20_000, 20_260_130, work_dir("bounded"));
    cfg.driver = driver();
    // Small enough that a mutant takes milliseconds; the long run
    // (examples/fuzz.rs) uses the big sizes that find quadratic behaviour.
    cfg.limits.copies = 200;
    cfg.limits.string = 2_000;
    cfg.limits.depth = 300;
    cfg.html_every = 10;
    cfg.attribution_every = 200;
    cfg.xlsx_every = 1_000;
    cfg.charts_every = 1_000;
    let report = fuzz::fuzz(&c, &cfg).expect("fuzz");
    eprintln!("{}", report.summary());
    assert_eq!(report.executed, 20_000, "{}", describe(&report));
    assert_eq!(report.count(Kind::Panic), 0, "{}", describe(&report));
    assert_eq!(report.count(Kind::Hang), 0, "{}", describe(&report));
    assert_eq!(report.count(Kind::NonFinite), 0, "{}", describe(&report));
    assert_eq!(report.hard_failures(), 0, "{}", describe(&report));
    // The mutants must reach the engine, not only the parser.
    assert!(
        report.valid * 20 > report.executed,
        "only {} of {} mutants were valid",
        report.valid,
        report.executed
    );
}

/// Every saved reproducer either fails validation with an input error or
/// runs to finite outputs without panicking or hanging.
#[test]
fn saved_reproducers_no_longer_fail() {
    let _serial = serial();
    let dir = root().join("tests/fuzz-regressions");
    // Every file runs even if several hang.
    let opts = DriverOptions {
        max_hangs: 64,
        ..driver()
    };
    let report = fuzz::check_files(&dir, &work_dir("regressions"), &opts).expect("check");
    let files = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            p.is_file() && p.extension().is_some_and(|x| x == "toml")
        })
        .count() as u64;
    assert!(files > 0, "no reproducers in {}", dir.display());
    assert_eq!(report.executed, files, "{}", describe(&report));
    assert_eq!(report.hard_failures(), 0, "{}", describe(&report));
}

#[test]
fn reproducer_directory_lists_every_file() {
    let _serial = serial();
    // tests/fuzz-regressions/README.md names each reproducer.
    let dir = root().join("tests/fuzz-regressions");
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("README.md");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            assert!(readme.contains(&name), "README.md does not list {name}");
        }
    }
}
