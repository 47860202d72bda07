//! `channelshift backtest SCENARIO OBSERVED`: score a forecast against
//! realised values.

use std::path::PathBuf;

use crate::backtest;
use crate::engine::Engine;
use crate::error::Error;
use crate::export::outdir::OutputPlan;
use crate::export::registry::{Request, Results};
use crate::report::chart_list::ChartId;
use crate::scenario::Scenario;

use super::run::{method, print_terminal, run_with_progress, trials_and_seed, wrote_files};
use super::{init_threads, progress, SimOptions};

#[derive(Debug, clap::Args)]
pub struct BacktestArgs {
    /// The scenario file (TOML) whose forecast is scored.
    pub scenario: PathBuf,
    /// The realised values: a TOML file of [[observations]] or a CSV file
    /// (metric, areas, types, channels, year, value, source).
    pub observed: PathBuf,
    #[command(flatten)]
    pub sim: SimOptions,
    /// Also write report.html: the forecast's report with a backtest section.
    #[arg(long)]
    pub report: bool,
}

pub fn backtest(args: BacktestArgs) -> Result<(), Error> {
    init_threads(args.sim.threads)?;
    let plan = OutputPlan::new(&args.sim.out, None)?;
    let scenario = Scenario::from_file(&args.scenario)?;
    let file = backtest::read(&args.observed)?;
    let scored = backtest::targets::scenario_with_observations(&file, &scenario)?;
    let (n, seed) = trials_and_seed(&scenario, &args.sim)?;
    let design = crate::sampling::Design::new(method(&scenario, &args.sim), seed, n)
        .with_correlation(super::run::correlation(&scenario, &args.sim));
    let engine = Engine::with_design(&scored, design);
    super::run::check_memory(
        n,
        super::run::bytes_per_trial(&engine, false),
        super::run::available_memory_bytes(),
        "--trials",
        "run fewer trials (--trials)",
    )?;
    engine.probe()?;
    let lang = args.sim.lang;
    let trials = run_with_progress(&engine, n, args.sim.quiet, &scenario.name, lang);
    let stage = progress::Stage::new(args.sim.quiet, lang);
    stage.show(progress::Step::Summarising);
    engine.check_finite(&trials, 0)?;
    let result = backtest::evaluate(&engine, &trials, &file)?;
    let staging = plan.stage().map_err(anyhow::Error::from)?;
    let dir = staging.dir();
    let results = Results::Backtest {
        backtest: &result,
        engine: &engine,
        trials: &trials,
    };
    let request = Request {
        report: args.report,
        ..Request::new(lang, args.sim.csv_locale)
    };
    let mut written = Vec::new();
    if !args.sim.no_charts {
        stage.show(progress::Step::WritingCharts);
        let data = crate::report::backtest::chart_data(&result, lang);
        let text = crate::report::backtest::chart_text(&result);
        let paths = crate::charts::render_both(&dir.join(ChartId::Backtest.file_stem()), |p| {
            crate::charts::backtest(&data, &text, lang, p)
        })
        .map_err(anyhow::Error::from)?;
        written.extend(paths);
    }
    written.extend(super::outputs::write_files(
        &results, &request, dir, &stage,
    )?);
    let (written, _) = staging.commit(&written).map_err(anyhow::Error::from)?;
    stage.done();
    if !args.sim.quiet {
        print_terminal(&crate::report::backtest::terminal(&result, lang));
        print_terminal(&wrote_files(written.len(), &args.sim.out, lang));
    }
    Ok(())
}
