//! Mutation fuzzer for scenario files; runs for as long as you like.
//!
//! ```text
//! cargo run --release --example fuzz -- --mutants 1000000 --minutes 60 \
//!     --seed 7 --corpus scenarios/ --out fuzz-findings/
//! ```
//!
//! Prints mutants per second, the share of valid mutants and the failures by
//! class; writes one reproducer per distinct failure to `--out` (with
//! FINDINGS.md listing them). Exit code 1 when a panic, hang, non-finite
//! output, capacity problem or empty error message was found.

use std::path::PathBuf;
use std::time::Duration;

use channelshift::fuzz::{self, Config, Corpus};
use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Mutation fuzzer for channelshift scenario files")]
struct Args {
    /// Number of mutants (the run stops earlier at --minutes).
    #[arg(long, default_value_t = 100_000)]
    mutants: u64,
    /// Seed: the same seed and corpus give the same mutants.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory (or file) of scenarios to mutate; repeatable.
    #[arg(long, default_values_t = [String::from("scenarios")])]
    corpus: Vec<String>,
    /// Where reproducers and FINDINGS.md are written.
    #[arg(long, default_value = "fuzz-findings")]
    out: PathBuf,
    /// Stop handing out mutants after this many minutes.
    #[arg(long)]
    minutes: Option<f64>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Trials per valid mutant.
    #[arg(long, default_value_t = 16)]
    trials: u64,
    /// Render charts on every n-th mutant (0: never).
    #[arg(long, default_value_t = 97)]
    charts_every: u64,
    /// Render the Excel workbook on every n-th mutant (0: never).
    #[arg(long, default_value_t = 31)]
    xlsx_every: u64,
    /// Render the HTML report on every n-th mutant (0: never).
    #[arg(long, default_value_t = 1)]
    html_every: u64,
    /// Run the attribution analysis on every n-th mutant (0: never).
    #[arg(long, default_value_t = 7)]
    attribution_every: u64,
    /// Seconds after which a mutant counts as hung.
    #[arg(long, default_value_t = 10.0)]
    hang_secs: f64,
    /// Seconds after which a mutant is reported as slow.
    #[arg(long, default_value_t = 2.0)]
    slow_secs: f64,
    /// Stop after this many hangs (each leaves a stuck thread).
    #[arg(long, default_value_t = 8)]
    max_hangs: usize,
    /// Most copies of one [[table]] (big mutants find quadratic behaviour).
    #[arg(long, default_value_t = 3_000)]
    max_copies: usize,
    /// Longest odd string (repetitions).
    #[arg(long, default_value_t = 20_000)]
    max_string: usize,
    /// Keep findings as found instead of shrinking them.
    #[arg(long)]
    no_minimise: bool,
}

fn main() {
    let args = Args::parse();
    let corpus_paths: Vec<PathBuf> = args.corpus.iter().map(PathBuf::from).collect();
    let corpus = match Corpus::load(&corpus_paths) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("fuzz: cannot read the corpus: {e}");
            std::process::exit(2);
        }
    };
    // Worker directories live under --out, so a mutant that kills the
    // process (stack overflow, out of memory) is still on disk afterwards:
    // --out/.work/w<N>/ holds each worker's last file.
    let work_dir = args.out.join(".work");
    let mut config = Config::new(args.mutants, args.seed, work_dir.clone());
    config.charts_every = args.charts_every;
    config.xlsx_every = args.xlsx_every;
    config.html_every = args.html_every;
    config.attribution_every = args.attribution_every;
    config.exec.trials = args.trials;
    config.limits.copies = args.max_copies;
    config.limits.string = args.max_string;
    if let Some(t) = args.threads {
        config.driver.threads = t;
    }
    config.driver.hang_after = Duration::from_secs_f64(args.hang_secs);
    config.driver.slow_after = Duration::from_secs_f64(args.slow_secs);
    config.driver.max_hangs = args.max_hangs;
    config.driver.time_limit = args.minutes.map(|m| Duration::from_secs_f64(m * 60.0));
    config.driver.minimise = !args.no_minimise;
    config.driver.progress = true;
    eprintln!(
        "fuzz: {} files in the corpus, up to {} mutants, seed {}, {} threads",
        corpus.files.len(),
        args.mutants,
        args.seed,
        config.driver.threads
    );
    let report = match fuzz::fuzz(&corpus, &config) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(1);
        }
    };
    print!("{}", report.summary());
    if !report.findings.is_empty() {
        match fuzz::write_findings(&report, &corpus, &args.out) {
            Ok(files) => println!(
                "wrote {} reproducers and FINDINGS.md to {}",
                files.len(),
                args.out.display()
            ),
            Err(e) => eprintln!("fuzz: cannot write findings: {e}"),
        }
    }
    if report.abandoned_threads > 0 {
        println!(
            "{} hung threads are still running; their files are in {}",
            report.abandoned_threads,
            work_dir.display()
        );
    }
    // Hung threads cannot be joined; exit without waiting for them.
    std::process::exit(if report.hard_failures() > 0 { 1 } else { 0 });
}
