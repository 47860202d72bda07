//! The command line: argument parsing and the commands.
//!
//! `main.rs` only calls [`main`]; each command lives in its own module.

mod backtest;
pub mod breakdown_table;
mod check;
mod compare;
mod flags;
mod outputs;
mod precision;
mod progress;
mod run;
pub mod sensitivity_table;
pub mod table;

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{CommandFactory, Parser, Subcommand};

use crate::error::{Error, InputError};
use crate::export::csv::CsvLocale;
use crate::i18n::Lang;

/// Monte Carlo forecasts of channel-shift business cases: costs, savings and
/// goal attainment per year, with their uncertainty.
#[derive(Debug, Parser)]
#[command(name = "channelshift", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by the commands that simulate.
#[derive(Debug, Clone, clap::Args)]
pub struct SimOptions {
    /// Number of trials (default: the scenario's [simulation] trials, else 10000).
    #[arg(long, short = 'n', allow_negative_numbers = true, value_parser = flags::whole::<u64>("--trials", 1))]
    pub trials: Option<u64>,
    /// Random seed (default: the scenario's [simulation] seed, else 1).
    #[arg(long, short = 's', allow_negative_numbers = true, value_parser = flags::whole::<u64>("--seed", 0))]
    pub seed: Option<u64>,
    /// How the uncertain inputs are drawn: random (plain Monte Carlo), lhs
    /// (Latin hypercube over batches of 1,000 trials) or sobol (Owen-scrambled
    /// Sobol' points). Default: the scenario's [simulation] sampling, else random.
    #[arg(long, value_enum)]
    pub sampling: Option<crate::sampling::Method>,
    /// How [[correlations]] are imposed: copula (Gaussian copula, trial by
    /// trial) or iman-conover (rank reordering over batches of 1,000 trials).
    /// Default: the scenario's [simulation] correlation, else copula.
    #[arg(long, value_enum)]
    pub correlation: Option<crate::sampling::CorrelationMethod>,
    /// Worker threads (default: all cores; RAYON_NUM_THREADS is honoured too).
    #[arg(long, short = 'j', allow_negative_numbers = true, value_parser = flags::whole::<usize>("--threads", 1))]
    pub threads: Option<usize>,
    /// Directory for summary.json, CSV files and charts.
    #[arg(long, short = 'o', default_value = "out")]
    pub out: PathBuf,
    /// No progress bar and no table on the terminal.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Language of the terminal tables, charts and reports: da (Danish) or en (English).
    #[arg(
        long,
        default_value = "da",
        ignore_case = true,
        // Listed values, so that shell completions offer them.
        value_parser = clap::builder::PossibleValuesParser::new(["da", "en"])
            .map(|s: String| s.parse::<Lang>().expect("one of the listed values")),
    )]
    pub lang: Lang,
    /// Layout of the CSV files: en (comma between fields, decimal point) or
    /// da (semicolon, decimal comma, UTF-8 byte order mark: what Excel with
    /// Danish settings opens as numbers).
    #[arg(
        long,
        default_value = "en",
        ignore_case = true,
        value_parser = clap::builder::PossibleValuesParser::new(["en", "da"])
            .map(|s: String| s.parse::<CsvLocale>().expect("one of the listed values")),
    )]
    pub csv_locale: CsvLocale,
    /// Skip writing charts (faster for scripted runs).
    #[arg(long)]
    pub no_charts: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Simulate a scenario and write summary.json, CSV and charts.
    Run(run::RunArgs),
    /// Validate a scenario and show what it contains.
    Check {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// Language of the listing: da (Danish) or en (English).
        #[arg(
            long,
            default_value = "da",
            ignore_case = true,
            value_parser = clap::builder::PossibleValuesParser::new(["da", "en"])
                .map(|s: String| s.parse::<Lang>().expect("one of the listed values")),
        )]
        lang: Lang,
    },
    /// Compare opening-hour options on common random numbers.
    Compare(compare::CompareArgs),
    /// Score a forecast against realised values (PIT, CRPS, band coverage).
    Backtest(backtest::BacktestArgs),
    /// Print shell completions.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if let Some(msg) = flags::plain_message(&e) {
                eprintln!("error: {msg}");
                return 2;
            }
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match dispatch(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Check { scenario, lang } => check::check(&scenario, lang),
        Command::Compare(args) => compare::compare(args),
        Command::Backtest(args) => backtest::backtest(args),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "channelshift",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    }
}

/// The most worker threads accepted: four per core the machine offers
/// (more only adds switching; `--threads 10000` drove a 2-core machine to a
/// load of 346).
pub(crate) fn max_threads() -> usize {
    4 * std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Sets up the worker threads once. `--threads`, or else RAYON_NUM_THREADS,
/// must lie between 1 and [`max_threads`].
pub(crate) fn init_threads(threads: Option<usize>) -> Result<(), Error> {
    let max = max_threads();
    let from_env = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    let (n, source) = match (threads, from_env) {
        (Some(n), _) => (Some(n), "--threads"),
        (None, Some(n)) => (Some(n), "RAYON_NUM_THREADS"),
        (None, None) => (None, ""),
    };
    if let Some(n) = n {
        if n > max {
            return Err(InputError::new(format!(
                "{source} {n} is more than this machine can use: at most {max} (4 per core, {} cores)",
                max / 4
            ))
            .with_help(format!(
                "use --threads {} (one per core) or leave it out to use all cores",
                max / 4
            ))
            .into());
        }
    }
    if let Some(n) = threads {
        if n == 0 {
            return Err(InputError::new("--threads must be at least 1").into());
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Error::Other(anyhow::anyhow!("cannot start {n} threads: {e}")))?;
    }
    Ok(())
}
