//! `channelshift backtest SCENARIO OBSERVED`: score a forecast against
//! realised values.

use std::path::PathBuf;

use crate::backtest::{self, Backtest};
use crate::charts::{BacktestData, BacktestRow, ChartText};
use crate::engine::Engine;
use crate::error::Error;
use crate::export::outdir::OutputPlan;
use crate::export::write_atomic;
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
    stage.show(progress::Step::WritingFiles);
    let mut written = Vec::new();
    let json = serde_json::to_vec_pretty(&result).map_err(anyhow::Error::from)?;
    let p = dir.join("backtest.json");
    write_atomic(&p, &json).map_err(anyhow::Error::from)?;
    written.push(p);
    let p = dir.join("backtest.csv");
    write_atomic(&p, &backtest::to_csv(&result, args.sim.csv_locale)?)
        .map_err(anyhow::Error::from)?;
    written.push(p);
    let data = chart_data(&result, lang);
    let text = ChartText::subtitle(scenario.name.clone());
    if !args.sim.no_charts {
        stage.show(progress::Step::WritingCharts);
        let paths = crate::charts::render_both(&dir.join("backtest"), |p| {
            crate::charts::backtest(&data, &text, lang, p)
        })
        .map_err(anyhow::Error::from)?;
        written.extend(paths);
    }
    if args.report {
        stage.show(progress::Step::WritingReport);
        // The forecast's own report (its goals are the observations here,
        // so the goal section is left out) with the backtest section.
        let mut summary =
            crate::summary::RunSummary::new(&scored, &engine.layout, &trials, seed, None);
        summary.sampling = engine.design.method;
        summary.goals.clear();
        let html = crate::report::html::render_html(&summary, None, &[], lang)?;
        let svg = svg_of(&data, &text, lang);
        let section = crate::report::backtest::section_html(&result, svg.as_deref(), lang);
        let p = dir.join("report.html");
        write_atomic(
            &p,
            crate::report::backtest::insert_section(&html, &section).as_bytes(),
        )
        .map_err(anyhow::Error::from)?;
        written.push(p);
    }
    let (written, _) = staging.commit(&written).map_err(anyhow::Error::from)?;
    stage.done();
    if !args.sim.quiet {
        print_terminal(&crate::report::backtest::terminal(&result, lang));
        print_terminal(&wrote_files(written.len(), &args.sim.out, lang));
    }
    Ok(())
}

/// The chart's rows: one per observation the forecast could evaluate.
fn chart_data(b: &Backtest, lang: crate::i18n::Lang) -> BacktestData {
    let rows = b
        .observations
        .iter()
        .filter_map(|r| {
            let f = r.forecast.as_ref()?;
            let v = |x| crate::report::backtest::value_text(r, x, lang);
            Some(BacktestRow {
                label: format!("{} ({})", r.name, r.year),
                pit: f.pit,
                values: format!(
                    "{} {} · {} {}",
                    lang.pick("faktisk", "realised"),
                    v(r.value),
                    lang.pick("median", "median"),
                    v(f.median)
                ),
            })
        })
        .collect();
    BacktestData {
        rows,
        trials: Some(b.trials as u64),
    }
}

/// The chart as SVG text for the report (none if it cannot be drawn).
fn svg_of(data: &BacktestData, text: &ChartText, lang: crate::i18n::Lang) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let p = dir.path().join("backtest.svg");
    crate::charts::backtest(data, text, lang, &p).ok()?;
    std::fs::read_to_string(&p).ok()
}
