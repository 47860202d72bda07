//! `channelshift run`: simulate one scenario.

use crate::i18n::TextTerm;
use std::path::PathBuf;

use crate::engine::{self, Engine, Trials};
use crate::error::{Error, InputError};
use crate::export::outdir::OutputPlan;
use crate::export::registry::{Request, Results};
use crate::export::sanitize::terminal_text;
use crate::scenario::Scenario;
use crate::summary::{Precision, RunSummary};

use super::{init_threads, progress, table, SimOptions};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The scenario file (TOML).
    pub scenario: PathBuf,
    #[command(flatten)]
    pub sim: SimOptions,
    /// Keep adding batches of trials until the 95 % confidence half-width of
    /// a statistic is within a target: `1%` for the mean cumulative net
    /// savings at the end year (the scenario's cost when nothing is saved),
    /// `p95=1%` for its 95th percentile, `savings_kr@2014:p50=2%` for
    /// another output and year, `goal1@2015=1pp` for the probability that
    /// goal 1 is met in 2015 (absolute). The precision is checked after
    /// each batch (--batch) and the run stops at the first batch where the
    /// target is met, once it has at least 100 trials, or at --max-trials.
    #[arg(long, allow_hyphen_values = true)]
    pub precision: Option<String>,
    /// Upper limit on trials with --precision.
    #[arg(long, default_value_t = 1_000_000, allow_negative_numbers = true,
          value_parser = super::flags::whole::<u64>("--max-trials", 1))]
    pub max_trials: u64,
    /// Trials per batch with --precision.
    #[arg(long, default_value_t = 10_000, allow_negative_numbers = true,
          value_parser = super::flags::whole::<u64>("--batch", 1))]
    pub batch: u64,
    /// Rerun without each policy event (same random streams) and report what
    /// each one buys: marginal savings, cost, change in goal probabilities.
    #[arg(long)]
    pub attribution: bool,
    /// Output ranked by sensitivity: cumulative_net_savings, savings, cost or npv
    /// (default: cumulative net savings; the scenario's cost when the scenario
    /// has no proposal or policy events, so its savings are zero).
    #[arg(long)]
    pub sensitivity_output: Option<crate::sensitivity::Output>,
    /// Year of the sensitivity output (default: the end year).
    #[arg(long, allow_negative_numbers = true, value_parser = super::flags::year("--sensitivity-year"))]
    pub sensitivity_year: Option<i32>,
    /// Skip the sensitivity analysis.
    #[arg(long)]
    pub no_sensitivity: bool,
    /// Also write report.html: a self-contained, printable report.
    #[arg(long)]
    pub report: bool,
    /// Also write an Excel workbook to this file.
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
    /// Trials written to the workbook's per-trial sheet, the first ones of
    /// the run, one row per trial and year. The default, 2,000, is 10,000
    /// rows for a five-year horizon: a workbook of a few MB that Excel opens
    /// quickly. Ask for more (at most 1,048,575 rows, an Excel sheet below
    /// its header) for pivot tables over more trials; summary.json and the
    /// CSV files summarise every trial either way.
    #[arg(long, default_value_t = crate::export::xlsx::DEFAULT_WORKBOOK_TRIALS, allow_negative_numbers = true,
          value_parser = super::flags::whole::<usize>("--xlsx-trials", 0))]
    pub xlsx_trials: usize,
    /// Also report cost, savings and contacts by area, by department and by
    /// contact type (summary.json "breakdown", breakdown.csv, the workbook's
    /// and the report's breakdown tables).
    #[arg(long)]
    pub breakdown: bool,
    /// Also write monthly.csv and monthly.json: per month the median and
    /// 5/25/75/95 % of the cost, the contacts per channel (scenario and
    /// status quo) and the monthly goal values.
    #[arg(long)]
    pub monthly: bool,
    /// Runs with more trials than this are summarised as they go, so memory
    /// stays flat: counts, means and standard deviations stay exact,
    /// percentiles come from a quantile sketch (within 0.1 %), and the
    /// sensitivity, attribution and per-trial sheet use the first 200,000
    /// trials. Up to this many trials every percentile is exact.
    #[arg(long, default_value_t = crate::stream::EXACT_TRIALS, allow_negative_numbers = true,
          value_parser = super::flags::whole::<u64>("--stream-above", 1))]
    pub stream_above: u64,
}

/// The fewest trials after which `--precision` may declare its target
/// reached: with one trial the standard error is 0 (n - 1 = 0) and any
/// target would look met. Beyond that the run stops at the first batch that
/// meets the target (a second batch was once required as well, which made
/// the default 10,000-trial batches run 20,000 trials for any target).
pub const MIN_PRECISION_TRIALS: u64 = 100;

/// Memory assumed available where /proc/meminfo cannot be read.
const FALLBACK_MEMORY_BYTES: u64 = 64 << 30;

/// Bytes a run keeps per trial: its row (f64 core and f32 detail slots),
/// the columns summaries copy out of it, a second set of rows while
/// attribution reruns a policy event, and the regenerated inputs of the
/// sensitivity analysis (at most 100,000 trials of them).
pub fn bytes_per_trial(engine: &Engine, attribution: bool) -> u64 {
    let row = engine.layout.core_len as u64 * 8 + engine.layout.detail_len as u64 * 4;
    let columns = 4 * 8;
    let inputs = engine.scenario.inputs.len() as u64 * 8;
    (row + columns) * if attribution { 2 } else { 1 } + inputs
}

/// Bytes of memory this machine has available now (MemAvailable), or a
/// fixed 64 GiB where that cannot be read.
pub fn available_memory_bytes() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
        })
        .map_or(FALLBACK_MEMORY_BYTES, |kb| kb.saturating_mul(1024))
}

/// Refuses, up front, a number of trials whose rows cannot fit in memory
/// (`trials x bytes_per_trial` above what the machine has available), or
/// that cannot even be counted in memory (overflow).
pub fn check_memory(
    trials: u64,
    bytes_per_trial: u64,
    available: u64,
    source: &str,
    hint: &str,
) -> Result<(), InputError> {
    let need = u128::from(trials) * u128::from(bytes_per_trial.max(1));
    let fits_address_space = usize::try_from(need).is_ok() && usize::try_from(trials).is_ok();
    if fits_address_space && need <= u128::from(available) {
        return Ok(());
    }
    let gib = |b: u128| b as f64 / f64::from(1u32 << 30);
    let most = u128::from(available) / u128::from(bytes_per_trial.max(1));
    Err(InputError::new(format!(
        "{source} asks for {trials} trials, which need about {:.1} GiB of memory \
         ({bytes_per_trial} bytes per trial), but only {:.1} GiB is available",
        gib(need),
        gib(u128::from(available))
    ))
    .with_help(format!("at most about {most} trials fit; {hint}")))
}

/// Trials and seed from the flags, else the scenario, else the defaults.
pub fn trials_and_seed(s: &Scenario, sim: &SimOptions) -> Result<(u64, u64), InputError> {
    let trials = sim.trials.or(s.default_trials).unwrap_or(10_000);
    if trials == 0 {
        return Err(InputError::new("--trials must be at least 1"));
    }
    Ok((trials, sim.seed.or(s.default_seed).unwrap_or(1)))
}

/// The sampling method: `--sampling`, else the scenario's `[simulation]
/// sampling`, else plain random numbers.
pub fn method(s: &Scenario, sim: &SimOptions) -> crate::sampling::Method {
    sim.sampling.or(s.default_sampling).unwrap_or_default()
}

/// The correlation method: `--correlation`, else the scenario's
/// `[simulation] correlation`, else the Gaussian copula.
pub fn correlation(s: &Scenario, sim: &SimOptions) -> crate::sampling::CorrelationMethod {
    sim.correlation
        .or(s.default_correlation)
        .unwrap_or_default()
}

/// Trials per `--precision` batch: `--batch`, rounded up under Latin
/// hypercube sampling or Iman-Conover correlation to whole batches of the
/// design so that every batch the run adds is a complete design.
pub fn precision_batch(batch: u64, design: &crate::sampling::Design) -> u64 {
    if design.method == crate::sampling::Method::Lhs
        || design.correlation == crate::sampling::CorrelationMethod::ImanConover
    {
        batch.div_ceil(design.lhs_batch) * design.lhs_batch
    } else {
        batch
    }
}

/// Runs `n` trials with a progress bar.
pub fn run_with_progress(
    engine: &Engine,
    n: u64,
    quiet: bool,
    label: &str,
    lang: crate::i18n::Lang,
) -> Trials {
    let pb = progress::bar(n, quiet, label, lang);
    let trials = engine.run_range(0, n as usize, &|k| pb.inc(k as u64));
    pb.finish_and_clear();
    trials
}

/// Runs `n` trials in blocks ([`crate::stream`]): each block is checked
/// for non-finite outputs, absorbed into the stream and dropped; the first
/// [`crate::stream::KEPT_TRIALS`] trials are kept for the per-trial outputs.
pub fn run_streamed<'a>(
    engine: &'a Engine,
    n: u64,
    quiet: bool,
    label: &str,
    lang: crate::i18n::Lang,
) -> Result<(Trials, crate::stream::RunStream<'a>), InputError> {
    use crate::stream::{RunStream, BLOCK_TRIALS, KEPT_TRIALS};
    let layout = &engine.layout;
    let mut stream = RunStream::new(engine.scenario, layout, n as usize);
    let keep = (n as usize).min(KEPT_TRIALS);
    let mut kept = Trials {
        n: 0,
        core: Vec::with_capacity(keep * layout.core_len),
        detail: Vec::with_capacity(keep * layout.detail_len),
    };
    let pb = progress::bar(n, quiet, label, lang);
    let mut start = 0u64;
    while start < n {
        let m = (n - start).min(BLOCK_TRIALS as u64) as usize;
        let block = engine.run_range(start, m, &|k| pb.inc(k as u64));
        // Never write NaN or infinity: check every block before using it.
        if let Err(e) = engine.check_finite(&block, start) {
            pb.finish_and_clear();
            return Err(e);
        }
        stream.absorb(&block);
        let take = keep.saturating_sub(kept.n).min(m);
        kept.core
            .extend_from_slice(&block.core[..take * layout.core_len]);
        kept.detail
            .extend_from_slice(&block.detail[..take * layout.detail_len]);
        kept.n += take;
        start += m as u64;
    }
    pb.finish_and_clear();
    Ok((kept, stream))
}

/// Runs batches until the precision target or `max_trials` is reached.
/// Deterministic: the stopping point depends only on the trials' values.
/// The target is checked after each batch and counts as reached at the
/// first that meets it with at least [`MIN_PRECISION_TRIALS`] trials. The
/// mean and variance are
/// updated with each batch's rows only (Welford/Chan), so a run of many small
/// batches costs time linear in its trials.
pub fn run_to_precision(
    engine: &Engine,
    target: &super::precision::Resolved,
    args: &RunArgs,
    lang: crate::i18n::Lang,
) -> (Trials, Precision) {
    let (max_trials, quiet) = (args.max_trials, args.sim.quiet);
    let batch = precision_batch(args.batch, &engine.design);
    let mean_only = target.statistic == super::precision::Statistic::Mean;
    let slot = target.slot;
    // Percentiles and goal probabilities need every value so far.
    let mut values: Vec<f64> = Vec::new();
    let pb = progress::bar(max_trials, quiet, TextTerm::Precision.get(lang), lang);
    let mut all = Trials {
        n: 0,
        core: Vec::new(),
        detail: Vec::new(),
    };
    let cl = engine.layout.core_len;
    let (mut count, mut mean, mut m2) = (0.0f64, 0.0f64, 0.0f64);
    loop {
        let n = batch.min(max_trials - all.n as u64) as usize;
        let more = engine.run_range(all.n as u64, n, &|k| pb.inc(k as u64));
        // This batch's mean and squared deviations, merged into the running
        // ones (Chan et al.); NaN values are left out as in the summaries.
        let xs: Vec<f64> = (0..more.n)
            .map(|i| more.core[i * cl + slot])
            .filter(|x| !x.is_nan())
            .collect();
        if !xs.is_empty() {
            let nb = xs.len() as f64;
            let mb = xs.iter().sum::<f64>() / nb;
            let m2b: f64 = xs.iter().map(|x| (x - mb) * (x - mb)).sum();
            let total = count + nb;
            let delta = mb - mean;
            mean += delta * nb / total;
            m2 += m2b + delta * delta * count * nb / total;
            count = total;
        }
        if !mean_only {
            target.collect(engine, &more, &mut values);
        }
        engine::append(&mut all, more);
        let se = if count > 1.0 {
            (m2 / (count - 1.0)).max(0.0).sqrt() / count.sqrt()
        } else {
            f64::NAN
        };
        let half_width = 1.959_963_984_540_054 * se;
        let achieved = if !mean_only {
            target.achieved(&values)
        } else if se == 0.0 {
            0.0
        } else {
            half_width / mean.abs()
        };
        let target_share = target.target;
        let enough = all.n as u64 >= MIN_PRECISION_TRIALS;
        let reached = enough && achieved <= target_share;
        if reached || all.n as u64 >= max_trials {
            pb.finish_and_clear();
            let p = Precision {
                metric: target.metric.clone(),
                year: target.year,
                statistic: target.summary_statistic(),
                target_relative: Some(target_share),
                achieved_relative: achieved,
                reached,
            };
            return (all, p);
        }
    }
}

pub fn run(args: RunArgs) -> Result<(), Error> {
    init_threads(args.sim.threads)?;
    // Output paths are checked before anything is simulated.
    let plan = OutputPlan::new(&args.sim.out, args.xlsx.as_deref())?;
    let mut scenario = Scenario::from_file(&args.scenario)?;
    scenario.breakdown = args.breakdown;
    scenario.monthly = args.monthly;
    // The per-trial sheet must fit an Excel sheet: refused before running.
    if args.xlsx.is_some() {
        crate::export::xlsx::check_trials_sheet(&scenario, args.xlsx_trials)?;
    }
    let (n, seed) = trials_and_seed(&scenario, &args.sim)?;
    let precision_target = args
        .precision
        .as_deref()
        .map(super::precision::parse)
        .transpose()?;
    if args.batch == 0 || args.max_trials == 0 {
        return Err(InputError::new("--batch and --max-trials must be at least 1").into());
    }
    let design = crate::sampling::Design::new(method(&scenario, &args.sim), seed, n)
        .with_correlation(correlation(&scenario, &args.sim));
    let design = if precision_target.is_some() {
        design.with_lhs_batch(crate::sampling::lhs::batch_for(args.batch))
    } else {
        design
    };
    let engine = Engine::with_design(&scenario, design);
    let streamed = precision_target.is_none() && n > args.stream_above;
    if streamed && args.monthly {
        return Err(InputError::new(format!(
            "--monthly keeps every month of every trial, and {n} trials are more than \
             --stream-above {} (runs beyond it are summarised as they go)",
            args.stream_above
        ))
        .with_help(format!(
            "run --monthly with --trials {} or fewer, or raise --stream-above if memory allows",
            args.stream_above
        ))
        .into());
    }
    // Refuse what cannot fit before allocating anything.
    let per_trial = bytes_per_trial(&engine, args.attribution);
    let available = available_memory_bytes();
    if precision_target.is_some() {
        check_memory(
            args.max_trials,
            per_trial,
            available,
            "--max-trials",
            "lower --max-trials (--precision stops earlier when it reaches its target)",
        )?;
    } else {
        let source = if args.sim.trials.is_some() {
            "--trials".to_string()
        } else {
            format!("[simulation] trials in {}", scenario.path.display())
        };
        // Memory no longer bounds a streamed run; time does, so absurd
        // counts are refused before anything runs.
        if streamed && n > crate::stream::MAX_TRIALS {
            return Err(InputError::new(format!(
                "{source} asks for {n} trials, more than the {} a run takes",
                crate::stream::MAX_TRIALS
            ))
            .with_help(
                "run fewer trials (--trials); beyond a few million, percentiles change \
                 by less than the sketch's 0.1 %; --precision 1% decides how many are needed",
            )
            .into());
        }
        // A streamed run holds the kept trials and one block at a time.
        let held = if streamed {
            n.min((crate::stream::KEPT_TRIALS + crate::stream::BLOCK_TRIALS) as u64)
        } else {
            n
        };
        check_memory(
            held,
            per_trial,
            available,
            &source,
            "run fewer trials (--trials), or let --precision 1% decide how many are needed",
        )?;
    }
    // A few trials first: a scenario whose numbers overflow fails here,
    // naming the inputs, before the run and without writing anything.
    engine.probe()?;
    let lang = args.sim.lang;
    let (trials, mut summary, stage) = if streamed {
        let (kept, stream) = run_streamed(&engine, n, args.sim.quiet, &scenario.name, lang)?;
        let stage = progress::Stage::new(args.sim.quiet, lang);
        stage.show(progress::Step::Summarising);
        let mut summary = RunSummary::from_columns(&scenario, &engine.layout, &stream, seed, None);
        summary.streamed = Some(crate::stream::StreamInfo::new(args.stream_above, kept.n));
        (kept, summary, stage)
    } else {
        let (trials, precision) = match precision_target {
            Some(spec) => {
                let target = super::precision::resolve(&spec, &engine)?;
                let (tr, p) = run_to_precision(&engine, &target, &args, lang);
                (tr, Some(p))
            }
            None => (
                run_with_progress(&engine, n, args.sim.quiet, &scenario.name, lang),
                None,
            ),
        };
        let stage = progress::Stage::new(args.sim.quiet, lang);
        stage.show(progress::Step::Summarising);
        // Never write NaN or infinity: check every trial's outputs first.
        engine.check_finite(&trials, 0)?;
        let summary = RunSummary::new(&scenario, &engine.layout, &trials, seed, precision);
        (trials, summary, stage)
    };
    summary.sampling = engine.design.method;
    if !args.no_sensitivity && !scenario.inputs.is_empty() {
        stage.show(progress::Step::Sensitivity);
        summary.sensitivity = Some(sensitivity(&engine, &trials, &args)?);
    }
    let stage = if args.attribution {
        stage.done();
        summary.attribution = Some(attribution(&engine, &trials, &args));
        progress::Stage::new(args.sim.quiet, lang)
    } else {
        stage
    };
    let written = write_outputs(&summary, &engine, &trials, &args, &plan, &stage)?;
    stage.done();
    if !args.sim.quiet {
        print_terminal(&run_output(&summary, lang));
        print_terminal(&wrote_files(written.len(), &args.sim.out, lang));
    }
    Ok(())
}

/// The sensitivity analysis `run` asked for (default: cumulative net
/// savings, or the scenario's cost when nothing is saved, at the end year).
fn sensitivity(
    engine: &Engine,
    trials: &Trials,
    args: &RunArgs,
) -> Result<crate::summary::Sensitivity, Error> {
    let scenario = engine.scenario;
    let year = args.sensitivity_year.unwrap_or(scenario.end_year);
    crate::sensitivity::check_year(scenario, year)?;
    let output = args
        .sensitivity_output
        .unwrap_or(if engine.plan.identical_paths {
            crate::sensitivity::Output::Cost
        } else {
            crate::sensitivity::Output::CumulativeNetSavings
        });
    Ok(crate::sensitivity::analyse(
        engine, trials, output, year, 100_000,
    ))
}

/// What the proposal and each policy event buy, with a bar of the reruns.
fn attribution(
    engine: &Engine,
    trials: &Trials,
    args: &RunArgs,
) -> Vec<crate::summary::AttributionRow> {
    let scenario = engine.scenario;
    let n_policy = scenario
        .events
        .iter()
        .filter(|e| e.kind == crate::scenario::EventKind::Policy)
        .count() as u64
        + u64::from(scenario.proposal.is_some());
    let what = TextTerm::Attribution.get(args.sim.lang);
    let pb = progress::bar(
        n_policy * trials.n as u64,
        args.sim.quiet,
        what,
        args.sim.lang,
    );
    let rows = crate::attribution::attribute(engine, trials, &|k| pb.inc(k as u64));
    pb.finish_and_clear();
    rows
}

/// Writes every file of the run into a staging directory and swaps it into
/// --out at the end: a failure on the way leaves --out as it was. Returns
/// the files written.
fn write_outputs(
    summary: &RunSummary,
    engine: &Engine,
    trials: &Trials,
    args: &RunArgs,
    plan: &OutputPlan,
    stage: &progress::Stage,
) -> Result<Vec<PathBuf>, Error> {
    let lang = args.sim.lang;
    let staging = plan.stage().map_err(anyhow::Error::from)?;
    let dir = staging.dir();
    let results = Results::Run {
        summary,
        engine,
        trials,
    };
    let request = Request {
        report: args.report,
        workbook: staging.xlsx_path(),
        workbook_trials: args.xlsx_trials,
        ..Request::new(lang, args.sim.csv_locale)
    };
    // The charts first: the files after them are rendered before any is
    // written.
    let mut written = Vec::new();
    if !args.sim.no_charts {
        stage.show(progress::Step::WritingCharts);
        written.extend(crate::report::chart_data::run_charts(summary, dir, lang)?);
    }
    written.extend(super::outputs::write_files(&results, &request, dir, stage)?);
    let (written, _) = staging.commit(&written).map_err(anyhow::Error::from)?;
    Ok(written)
}

/// Everything `run` prints after the trials: the tables of [`table`], the
/// sensitivity and the attribution, in `lang`.
pub fn run_output(summary: &RunSummary, lang: crate::i18n::Lang) -> String {
    let mut o = table::run_table(summary, lang);
    o.push_str(&super::breakdown_table::breakdown_table(summary, lang));
    if let Some(m) = &summary.monthly {
        o.push('\n');
        o.push_str(&super::breakdown_table::monthly_line(
            m,
            ["monthly.csv", "monthly.json"],
            lang,
        ));
    }
    if let Some(sens) = &summary.sensitivity {
        o.push_str(&super::sensitivity_table::top_table(
            Some(summary),
            sens,
            10,
            lang,
        ));
    }
    if let Some(rows) = &summary.attribution {
        o.push_str(&table::attribution_table(summary, rows, lang));
    }
    o
}

/// "Wrote 12 files to out" / "Skrev 12 filer til out".
pub fn wrote_files(n: usize, dir: &std::path::Path, lang: crate::i18n::Lang) -> String {
    crate::i18n::wrote_n_files(lang, n, &dir.display().to_string())
}

/// Prints `text` to stdout with no control characters and every line within
/// the terminal width ([`crate::text_table::fit_lines`]).
pub fn print_terminal(text: &str) {
    print!(
        "{}",
        crate::text_table::fit_lines(&terminal_text(text), crate::text_table::TERMINAL_WIDTH)
    );
}
