//! `channelshift compare`: opening-hour options side by side.

use crate::i18n::{base_is_option, base_is_status_quo, format_number, Lang, TextCommon, TextTerm};
use crate::metric_key::MetricKey;
use std::fmt::Write;
use std::path::PathBuf;

use crate::comparison::{Comparison, OptionRun};
use crate::engine::Engine;
use crate::error::{Error, InputError};
use crate::export::registry::{Request, Results};
use crate::report::html::ComparedBase;
use crate::scenario::Scenario;
use crate::summary::RunSummary;

use super::progress::{Stage, Step};
use super::run::{run_with_progress, trials_and_seed};
use super::table::{fitting_scale, header, metric_name, render, Scale};
use super::{init_threads, SimOptions};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The base scenario (today's hours).
    pub base: PathBuf,
    /// Option files (usually `extends = "base.toml"` with a [proposal]).
    #[arg(required = true)]
    pub options: Vec<PathBuf>,
    #[command(flatten)]
    pub sim: SimOptions,
    /// Also write report.html with the comparison.
    #[arg(long)]
    pub report: bool,
    /// Also report each option's cost, savings and contacts by area, by
    /// department and by contact type: `breakdown` per option and paired
    /// savings differences per group in comparison.json,
    /// comparison-breakdown.csv (every option) and breakdown-<option>.csv.
    #[arg(long)]
    pub breakdown: bool,
    /// Also write each option's monthly results: monthly-<option>.csv and
    /// monthly-<option>.json (as `run --monthly` writes them).
    #[arg(long)]
    pub monthly: bool,
    /// Also write comparison.xlsx: the options side by side, the pairwise
    /// probabilities, payback, and each option's per-year and goals sheets.
    #[arg(long)]
    pub xlsx: bool,
}

pub fn compare(args: CompareArgs) -> Result<(), Error> {
    init_threads(args.sim.threads)?;
    // Output paths are checked before anything is simulated.
    let plan = crate::export::outdir::OutputPlan::new(&args.sim.out, None)?;
    // `run --xlsx FILE` takes a file; compare's `--xlsx` does not, so a
    // workbook name here was read as one more option.
    if let Some(x) = std::iter::once(&args.base).chain(&args.options).find(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    }) {
        return Err(InputError::new(format!(
            "{} is a workbook, not a scenario file",
            x.display()
        ))
        .with_help("compare's --xlsx takes no file name: it writes comparison.xlsx into --out (run's --xlsx FILE is the one that takes a name)")
        .into());
    }
    let mut scenarios = vec![Scenario::from_file(&args.base)?];
    for o in &args.options {
        scenarios.push(Scenario::from_file(o)?);
    }
    for s in &mut scenarios {
        s.breakdown = args.breakdown;
        s.monthly = args.monthly;
    }
    let (n, seed) = trials_and_seed(&scenarios[0], &args.sim)?;
    for s in &scenarios[1..] {
        if s.base_year != scenarios[0].base_year || s.end_year != scenarios[0].end_year {
            return Err(InputError::in_file(
                &s.path,
                format!(
                    "horizon {}-{} differs from the base's {}-{}",
                    s.base_year, s.end_year, scenarios[0].base_year, scenarios[0].end_year
                ),
            )
            .with_help("options must share the base's [horizon]; let them `extends` the base")
            .into());
        }
    }
    // A base without a proposal or policy events is today's situation: every
    // option's status quo path already is that base, so it is not an option.
    let base = &scenarios[0];
    let base_is_option = base.proposal.is_some()
        || base
            .events
            .iter()
            .any(|e| e.kind == crate::scenario::EventKind::Policy);
    let options: Vec<&Scenario> = if base_is_option {
        scenarios.iter().collect()
    } else {
        scenarios[1..].iter().collect()
    };
    // One design for every option: the same input key draws the same
    // uniforms in every option under every method (common random numbers).
    let keys: Vec<Vec<String>> = options
        .iter()
        .map(|s| s.inputs.iter().map(|i| i.key.as_stream_key()).collect())
        .collect();
    let design =
        crate::sampling::Design::new(super::run::method(&scenarios[0], &args.sim), seed, n)
            .with_correlation(super::run::correlation(&scenarios[0], &args.sim))
            .with_keys(keys.iter().map(Vec::as_slice));
    let engines: Vec<Engine> = options
        .iter()
        .map(|s| Engine::with_design(s, design.clone()))
        .collect();
    // Every option's rows are kept at once: refuse what cannot fit, and
    // probe each option before running any.
    let per_trial: u64 = engines
        .iter()
        .map(|e| super::run::bytes_per_trial(e, false))
        .sum();
    super::run::check_memory(
        n,
        per_trial,
        super::run::available_memory_bytes(),
        if args.sim.trials.is_some() {
            "--trials"
        } else {
            "[simulation] trials of the base scenario"
        },
        "run fewer trials (--trials) or compare fewer options at once",
    )?;
    for e in &engines {
        e.probe()?;
    }
    let lang = args.sim.lang;
    let trials: Vec<_> = engines
        .iter()
        .map(|e| {
            let name = crate::comparison::option_name(e.scenario);
            run_with_progress(e, n, args.sim.quiet, &name, lang)
        })
        .collect();
    let stage = Stage::new(args.sim.quiet, lang);
    stage.show(Step::Summarising);
    for (e, t) in engines.iter().zip(&trials) {
        e.check_finite(t, 0)?;
    }
    let summaries: Vec<RunSummary> = engines
        .iter()
        .zip(&trials)
        .map(|(e, t)| {
            let mut s = RunSummary::new(e.scenario, &e.layout, t, seed, None);
            s.sampling = design.method;
            s
        })
        .collect();
    stage.show(Step::Comparing);
    let runs: Vec<OptionRun> = engines
        .iter()
        .zip(&trials)
        .zip(&summaries)
        .map(|((e, t), s)| OptionRun {
            scenario: e.scenario,
            layout: &e.layout,
            trials: t,
            summary: s,
        })
        .collect();
    let cmp = Comparison::new(&runs, seed);
    let base = ComparedBase {
        file: file_name(&args.base),
        name: scenarios[0].name.clone(),
        is_option: base_is_option,
    };
    // The report names each option's key inputs: its own sensitivity
    // ranking (cumulative net savings in the end year), made for the
    // report only, so that comparison.json and the workbook are as without.
    let report_summaries = if args.report {
        let mut with = summaries.clone();
        for ((s, e), t) in with.iter_mut().zip(&engines).zip(&trials) {
            if !e.scenario.inputs.is_empty() && !e.plan.identical_paths {
                s.sensitivity = Some(crate::sensitivity::analyse(
                    e,
                    t,
                    crate::sensitivity::Output::CumulativeNetSavings,
                    e.scenario.end_year,
                    100_000,
                ));
            }
        }
        with
    } else {
        Vec::new()
    };
    let written = write_outputs(
        &cmp,
        &summaries,
        &report_summaries,
        &base,
        &args,
        plan,
        &stage,
    )?;
    stage.done();
    if !args.sim.quiet {
        super::run::print_terminal(&comparison_table(&cmp, &base, args.sim.lang));
        super::run::print_terminal(&options_detail_lines(&cmp, &summaries, args.sim.lang));
        super::run::print_terminal(&super::run::wrote_files(
            written.len(),
            &args.sim.out,
            args.sim.lang,
        ));
    }
    Ok(())
}

/// Writes comparison.json, comparison.csv, the charts, the report and the
/// workbook into a staging directory, then swaps it into --out whole (see
/// export::outdir). Returns the files written.
fn write_outputs(
    cmp: &Comparison,
    summaries: &[RunSummary],
    report_summaries: &[RunSummary],
    base: &ComparedBase,
    args: &CompareArgs,
    plan: crate::export::outdir::OutputPlan,
    stage: &Stage,
) -> Result<Vec<PathBuf>, Error> {
    let lang = args.sim.lang;
    let staging = plan.stage().map_err(anyhow::Error::from)?;
    let dir = staging.dir();
    let results = Results::Compare {
        comparison: cmp,
        summaries,
        report_summaries,
        base,
    };
    let request = Request {
        report: args.report,
        comparison_workbook: args.xlsx,
        ..Request::new(lang, args.sim.csv_locale)
    };
    // The charts first: the files after them are rendered before any is
    // written.
    let mut written = Vec::new();
    if !args.sim.no_charts {
        stage.show(Step::WritingCharts);
        written.extend(crate::report::chart_data::comparison_charts(
            cmp, summaries, dir, lang,
        )?);
    }
    written.extend(super::outputs::write_files(&results, &request, dir, stage)?);
    let (written, _) = staging.commit(&written).map_err(anyhow::Error::from)?;
    Ok(written)
}

/// With `--breakdown` the options' savings by department and contact
/// type; with `--monthly` one line per option on its monthly files.
fn options_detail_lines(c: &Comparison, summaries: &[RunSummary], lang: Lang) -> String {
    let mut o = super::breakdown_table::comparison_breakdown_table(c, lang);
    let mut first = true;
    for (opt, s) in c.options.iter().zip(summaries) {
        let Some(m) = &s.monthly else {
            continue;
        };
        let csv = opt
            .files
            .iter()
            .find(|f| f.ends_with(".csv") && f.starts_with("monthly-"));
        let json = opt.files.iter().find(|f| f.ends_with(".json"));
        if let (Some(csv), Some(json)) = (csv, json) {
            if first {
                o.push('\n');
                first = false;
            }
            let _ = write!(o, "{}: ", crate::export::sanitize::clean_text(&opt.name));
            o.push_str(&super::breakdown_table::monthly_line(m, [csv, json], lang));
        }
    }
    o
}

fn kr(x: f64, lang: Lang) -> String {
    format_number(x, 0, lang)
}

/// "solrod-2011.toml" of "scenarios/solrod-2011.toml".
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The first lines of the comparison: what the base is and how many
/// options are compared ("2 options" of three files says why).
fn base_lines(c: &Comparison, base: &ComparedBase, lang: Lang) -> String {
    let clean = crate::export::sanitize::clean_text;
    let (file, name, n) = (&base.file, clean(&base.name), c.options.len());
    let files = n + usize::from(!base.is_option);
    if base.is_option {
        base_is_option(lang, file, &name, n)
    } else {
        base_is_status_quo(lang, file, &name, files, n, options_word(n, lang))
    }
}

/// "option" for one, "options" for more (Danish "forslag" either way).
fn options_word(n: usize, lang: Lang) -> &'static str {
    if n == 1 {
        TextTerm::OptionOne.get(lang)
    } else {
        TextTerm::Options.get(lang)
    }
}

/// The terminal view of a comparison, in `lang`; `base` is the first file.
pub fn comparison_table(c: &Comparison, base: &ComparedBase, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", base_lines(c, base, lang));
    let _ = writeln!(
        o,
        "{} {}, {} {} {}, seed {} ({})\n",
        c.options.len(),
        options_word(c.options.len(), lang),
        kr(c.trials as f64, lang),
        TextTerm::Trials.get(lang),
        TextTerm::Each.get(lang),
        c.seed,
        TextTerm::CommonRandomNumbers.get(lang)
    );
    o.push_str(&hours_table(c, lang));
    for opt in &c.options {
        o.push_str(&option_years_table(opt, lang));
        o.push_str(&displaced_table(opt, lang));
        o.push_str(&super::table::avoided_savings_line(
            opt.avoided_savings_share,
            c.years.last().copied().unwrap_or_default(),
            lang,
        ));
        o.push_str(&staffing_table(opt, lang));
        o.push_str(&npv_and_payback_lines(opt, lang));
        o.push_str(&super::table::goal_tables(
            &opt.goals,
            &c.years,
            Some(&opt.name),
            lang,
        ));
    }
    o.push_str(&pairwise_table(c, lang));
    o
}

/// Weekly open hours per department and channel: today and each option.
fn hours_table(c: &Comparison, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", TextTerm::WeeklyOpenHours.get(lang));
    let mut head = vec![
        TextTerm::DepartmentChannel.get(lang).to_string(),
        TextCommon::TodayLower.get(lang).to_string(),
    ];
    head.extend(c.options.iter().map(|o| o.name.clone()));
    // One precision for the whole table: "31.5 / 23.0", not "31.5 / 23".
    let decimals = crate::report::html::hours_decimals(c.hours_channels().iter().flat_map(|h| {
        std::iter::once(h.today_hours_per_week).chain(
            c.options
                .iter()
                .filter_map(|o| o.weekly_hours(&h.department, h.channel)),
        )
    }));
    let hours = |h: f64, lang: Lang| format_number(h, decimals, lang);
    let rows: Vec<Vec<String>> = c
        .hours_channels()
        .into_iter()
        .map(|h| {
            let channel = crate::report::chart_data::opening_channel_label(h.channel, lang);
            let mut r = vec![
                format!("{} {}", h.department, super::table::lower_first(&channel)),
                hours(h.today_hours_per_week, lang),
            ];
            r.extend(c.options.iter().map(|opt| {
                opt.weekly_hours(&h.department, h.channel)
                    .map(|x| hours(x, lang))
                    .unwrap_or_else(|| "-".into())
            }));
            r
        })
        .collect();
    o.push_str(&render(&head, &rows));
    o
}

/// One option's cost, savings and cumulative net savings per year.
fn option_years_table(opt: &crate::comparison::OptionResult, lang: Lang) -> String {
    let mut o = String::new();
    let head = header(&[
        TextCommon::Year.get(lang),
        TextCommon::Cost.get(lang),
        TextTerm::SavingsVsStatusQuo.get(lang),
        &metric_name(MetricKey::CumulativeNetSavings, lang),
    ]);
    let first = Scale::for_values(
        opt.years
            .iter()
            .flat_map(|y| [y.cost_kr.p50, y.cumulative_net_savings_kr.p50]),
    );
    let (scale, rows) = fitting_scale(&head, first, |scale| {
        let column = |f: fn(&crate::comparison::OptionYear) -> &crate::stats::Summary| {
            scale.column(&opt.years.iter().map(f).collect::<Vec<_>>(), lang)
        };
        let columns = [
            column(|y| &y.cost_kr),
            column(|y| &y.savings_kr),
            column(|y| &y.cumulative_net_savings_kr),
        ];
        opt.years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let mut r = vec![y.year.to_string()];
                r.extend(columns.iter().map(|c| c[i].clone()));
                r
            })
            .collect()
    });
    let _ = writeln!(
        o,
        "\n{}  ({}: median [5 % .. 95 %])\n{}",
        crate::export::sanitize::clean_text(&opt.name),
        scale.unit(lang),
        super::table::medians_do_not_add(lang)
    );
    o.push_str(&render(&head, &rows));
    o
}

/// Where one option's displaced contacts went, per year (medians).
fn displaced_table(opt: &crate::comparison::OptionResult, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "\n{}",
        TextTerm::DisplacedContactsPerYearMedian.get(lang)
    );
    let head = header(&[
        TextCommon::Year.get(lang),
        TextTerm::Retimed.get(lang),
        TextTerm::ToDigital.get(lang),
        TextTerm::CounterToPhone.get(lang),
        TextTerm::Avoided.get(lang),
    ]);
    let rows: Vec<Vec<String>> = opt
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                kr(y.displaced_retimed.p50, lang),
                kr(y.displaced_to_digital.p50, lang),
                kr(y.displaced_to_phone.p50, lang),
                kr(y.displaced_avoided.p50, lang),
            ]
        })
        .collect();
    o.push_str(&render(&head, &rows));
    o
}

/// One option's net present value in the end year (median [5 % .. 95 %])
/// and its payback years.
fn npv_and_payback_lines(opt: &crate::comparison::OptionResult, lang: Lang) -> String {
    let Some(last) = opt.years.last() else {
        return String::new();
    };
    format!(
        "\n{} {}: median {}\n{}",
        metric_name(MetricKey::Npv, lang),
        last.year,
        super::table::range_cell(&last.npv_kr, lang),
        super::table::payback_line(&opt.payback, lang)
    )
}

/// Erlang C staffing of one option's staffed channels, today -> option.
fn staffing_table(opt: &crate::comparison::OptionResult, lang: Lang) -> String {
    if opt.staffing.is_empty() {
        return String::new();
    }
    let head = header(&[
        TextTerm::StaffedChannel.get(lang),
        TextCommon::Year.get(lang),
        TextTerm::AvgAgentsPerOpenHour.get(lang),
        TextCommon::ServiceLevel.get(lang),
        TextTerm::AvgSpeedOfAnswer.get(lang),
    ]);
    let pct = |x: f64| crate::i18n::format_pct(x, 1, lang);
    let rows: Vec<Vec<String>> = opt
        .staffing
        .iter()
        .map(|s| {
            vec![
                s.channel.label(lang),
                s.year.to_string(),
                format!(
                    "{} -> {}",
                    format_number(s.agents_per_open_hour_status_quo, 1, lang),
                    format_number(s.agents_per_open_hour, 1, lang)
                ),
                format!(
                    "{} -> {}",
                    pct(s.service_level_status_quo),
                    pct(s.service_level)
                ),
                format!(
                    "{} s -> {} s",
                    format_number(s.asa_seconds_status_quo, 0, lang),
                    format_number(s.asa_seconds, 0, lang)
                ),
            ]
        })
        .collect();
    format!(
        "\n{}\n{}{}\n",
        TextTerm::StaffingByErlangCMedian.get(lang),
        render(&head, &rows),
        staffing_note(lang)
    )
}

/// What the agents per open hour of an Erlang C table are: those needed
/// at the same time to keep the service level, more when the same calls
/// come in fewer open hours; the wage cost is agents times open hours.
pub fn staffing_note(lang: Lang) -> &'static str {
    TextTerm::AgentsNeededPerOpenHour.get(lang)
}

/// The probability that each option's cumulative net savings exceed each
/// other option's in the end year.
fn pairwise_table(c: &Comparison, lang: Lang) -> String {
    let mut o = String::new();
    // One option has nothing to be compared with.
    if c.options.len() < 2 {
        return o;
    }
    let end = c.years.len() - 1;
    let _ = writeln!(
        o,
        "\n{} {} {}",
        TextTerm::ProbabilityThatTheRowOptions.get(lang),
        c.years[end],
        TextTerm::ExceedTheColumnOptions.get(lang)
    );
    let mut head = vec![String::new()];
    head.extend(c.options.iter().map(|o| o.name.clone()));
    let rows: Vec<Vec<String>> = c
        .options
        .iter()
        .map(|a| {
            let mut r = vec![a.name.clone()];
            for b in &c.options {
                if std::ptr::eq(a, b) {
                    r.push("-".into());
                } else {
                    let p = c
                        .pairwise
                        .iter()
                        .find(|p| p.a == a.name && p.b == b.name)
                        .map(|p| p.years[end].prob_a_cumulative_more);
                    r.push(
                        p.map(|p| crate::i18n::format_pct(p, 0, lang))
                            .unwrap_or_default(),
                    );
                }
            }
            r
        })
        .collect();
    o.push_str(&render(&head, &rows));
    o
}
