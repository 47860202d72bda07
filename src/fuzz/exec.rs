//! One scenario file through everything `check` and `run` do, in memory
//! where the output API allows it.

use std::path::Path;

use crate::engine::{Engine, Trials};
use crate::error::InputError;
use crate::i18n::Lang;
use crate::model::layout::{Layout, Store};
use crate::scenario::{EventKind, Scenario};
use crate::summary::RunSummary;

use super::finite;

/// How much of the pipeline to exercise.
#[derive(Debug, Clone)]
pub struct ExecOptions {
    /// Trials per valid scenario (fewer if the scenario asks for fewer).
    pub trials: u64,
    /// Also render the charts (PNG and SVG) into the scratch directory.
    pub charts: bool,
    /// Also render the Excel workbook (in memory).
    pub xlsx: bool,
    /// Also render the HTML report (in memory).
    pub html: bool,
    /// Also run the attribution analysis (`run --attribution`; reruns the
    /// scenario once per policy event, so it is slow).
    pub attribution: bool,
    /// Language of the rendered outputs.
    pub lang: Lang,
}

impl Default for ExecOptions {
    fn default() -> Self {
        ExecOptions {
            trials: 16,
            charts: false,
            xlsx: false,
            html: true,
            attribution: false,
            lang: Lang::Da,
        }
    }
}

/// What happened to a scenario file that did not panic.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Rejected with an input error (exit code 2), as it should be.
    Invalid {
        /// The error as the user sees it.
        message: String,
        /// The error names a file (and maybe a line).
        located: bool,
    },
    /// Accepted and simulated. The lists are empty when all is well.
    Valid {
        /// Non-finite numbers in the trials or the summary (`path = value`).
        non_finite: Vec<String>,
        /// Outputs that failed with a non-input error (exit code 1) on a
        /// scenario that validated.
        output_errors: Vec<String>,
        /// The run the scenario asks for cannot be allocated.
        capacity: Option<String>,
    },
}

impl Outcome {
    /// The problems this outcome shows, as (class, detail) pairs.
    pub fn problems(&self) -> Vec<(super::Kind, String)> {
        use super::Kind;
        let mut v = Vec::new();
        match self {
            Outcome::Invalid { message, .. } => {
                if message.trim().is_empty() {
                    v.push((Kind::BadError, "input error with an empty message".into()));
                }
            }
            Outcome::Valid {
                non_finite,
                output_errors,
                capacity,
            } => {
                if let Some(first) = non_finite.first() {
                    v.push((Kind::NonFinite, first.clone()));
                }
                if let Some(first) = output_errors.first() {
                    v.push((Kind::OutputError, first.clone()));
                }
                if let Some(c) = capacity {
                    v.push((Kind::Capacity, c.clone()));
                }
            }
        }
        v
    }
}

/// Loads, validates, simulates and renders the scenario at `path`. Charts go
/// to `scratch`. Panics are the caller's to catch.
pub fn execute(path: &Path, scratch: &Path, opts: &ExecOptions) -> Outcome {
    let scenario = match Scenario::from_file(path) {
        Ok(s) => s,
        Err(e) => return invalid(&e),
    };
    // The pieces of what `check` prints (`cli::check` is private).
    for i in &scenario.inputs {
        let _ = i.distribution.describe();
    }
    for r in crate::summary::hours_rows(&scenario) {
        let _ = crate::text_table::format_hours(r.today_hours_per_week);
        if let Some(h) = r.proposal_hours_per_week {
            let _ = crate::text_table::format_hours(h);
        }
    }
    for c in 0..scenario.cells.len() {
        let _ = scenario.cell_label(c);
    }
    // Trials and seed as `run` picks them without flags (`cli::run` is private).
    let wanted = scenario.default_trials.unwrap_or(10_000);
    if wanted == 0 {
        return invalid(&InputError::new("--trials must be at least 1"));
    }
    let seed = scenario.default_seed.unwrap_or(1);
    let engine = Engine::new(&scenario, seed);
    let capacity = capacity_problem(wanted, &engine.layout);
    let n = wanted.min(opts.trials.max(1)) as usize;
    let trials = engine.run(n);
    let mut non_finite = trial_non_finite(&scenario, &engine.layout, &trials);
    let mut summary = RunSummary::new(&scenario, &engine.layout, &trials, seed, None);
    let mut output_errors = Vec::new();
    if !scenario.inputs.is_empty() {
        let year = scenario.end_year;
        match crate::sensitivity::check_year(&scenario, year) {
            Ok(()) => {
                let output = if engine.plan.identical_paths {
                    crate::sensitivity::Output::Cost
                } else {
                    crate::sensitivity::Output::CumulativeNetSavings
                };
                summary.sensitivity = Some(crate::sensitivity::analyse(
                    &engine, &trials, output, year, 100_000,
                ));
            }
            Err(e) => return invalid(&e),
        }
    }
    if opts.attribution && scenario.events.iter().any(|e| e.kind == EventKind::Policy) {
        summary.attribution = Some(crate::attribution::attribute(&engine, &trials, &|_| {}));
    }
    non_finite.extend(summary_non_finite(&summary));

    // Every output file, as `run` would write it (the registry's list).
    {
        use crate::export::registry::{Request, Results, Step};
        let results = Results::Run {
            summary: &summary,
            engine: &engine,
            trials: &trials,
        };
        let request = Request {
            report: opts.html,
            workbook: opts.xlsx.then(|| scratch.join("fuzz.xlsx")),
            workbook_trials: crate::export::xlsx::DEFAULT_WORKBOOK_TRIALS,
            ..Request::new(opts.lang, crate::export::csv::CsvLocale::En)
        };
        let manager = crate::export::ExportManager::new(&results, &request, scratch);
        for (p, rendered) in manager.rendered(&results, &mut |_| {}) {
            let name = p.path.file_name().unwrap_or_default().to_string_lossy();
            match rendered {
                Ok(bytes) if p.file.step() == Step::Data => {
                    non_finite.extend(csv_non_finite(&name, &bytes))
                }
                Ok(_) => {}
                Err(e) => output_errors.push(format!("{name}: {e:#}")),
            }
        }
    }
    if let Some(sens) = &summary.sensitivity {
        let _ = crate::cli::sensitivity_table::top_table(Some(&summary), sens, 10, opts.lang);
    }
    let _ = crate::cli::table::run_table(&summary, opts.lang);
    let _ = crate::cli::breakdown_table::breakdown_table(&summary, opts.lang);
    if let Some(rows) = &summary.attribution {
        let _ = crate::cli::table::attribution_table(&summary, rows, opts.lang);
    }
    if opts.charts {
        if let Err(e) = crate::report::chart_data::run_charts(&summary, scratch, opts.lang) {
            output_errors.push(format!("charts: {e}"));
        }
    }
    Outcome::Valid {
        non_finite,
        output_errors,
        capacity,
    }
}

fn invalid(e: &InputError) -> Outcome {
    Outcome::Invalid {
        message: e.to_string(),
        located: e.file.is_some(),
    }
}

/// Rows of `wanted` trials must fit in memory's address space, or a real
/// `run` of the scenario dies with "capacity overflow" instead of an error.
fn capacity_problem(wanted: u64, layout: &Layout) -> Option<String> {
    let row_bytes = layout.core_len * 8 + layout.detail_len * 4;
    let total = (wanted as u128) * (row_bytes as u128);
    if total > isize::MAX as u128 || wanted > usize::MAX as u64 {
        Some(format!(
            "the scenario asks for {wanted} trials of {row_bytes} bytes each, more than any \
             address space holds, and validation accepted it"
        ))
    } else {
        None
    }
}

/// Non-finite values in the trials' rows. Only the payback year (the trial
/// does not pay back) and a share goal over no contacts ("not evaluable",
/// MODEL.md 13) may be NaN; nothing may be infinite.
fn trial_non_finite(s: &Scenario, layout: &Layout, trials: &Trials) -> Vec<String> {
    let share_goal_slots: Vec<std::ops::Range<usize>> = s
        .goals
        .iter()
        .zip(&layout.slots.goals)
        .filter(|(g, _)| g.metric.may_be_undefined())
        .map(|(_, &first)| first..first + layout.n_years)
        .collect();
    let mut found = Vec::new();
    let name = |store: Store, slot: usize| -> String {
        match layout.metric_at(store, slot) {
            Some(m) if m.per_year => format!("{}[{}]", m.key, slot - m.offset),
            Some(m) => m.key.clone(),
            None => format!("{store:?} slot {slot}"),
        }
    };
    let cl = layout.core_len.max(1);
    for (i, v) in trials.core.iter().enumerate() {
        let slot = i % cl;
        let allowed_nan = v.is_nan()
            && (slot == layout.slots.payback || share_goal_slots.iter().any(|r| r.contains(&slot)));
        if !v.is_finite() && !allowed_nan {
            found.push(format!(
                "trial {} {} = {v}",
                i / cl,
                name(Store::Core, slot)
            ));
            break;
        }
    }
    let dl = layout.detail_len.max(1);
    if let Some((i, v)) = trials
        .detail
        .iter()
        .enumerate()
        .find(|(_, v)| !v.is_finite())
    {
        found.push(format!(
            "trial {} {} = {v}",
            i / dl,
            name(Store::Detail, i % dl)
        ));
    }
    found
}

/// Non-finite numbers in the summary: `null` in summary.json. Only the
/// payback year's summary (no trial pays back) and the value of a goal in a
/// year no trial can evaluate may be NaN; nothing may be infinite.
fn summary_non_finite(summary: &RunSummary) -> Vec<String> {
    let not_evaluable: Vec<String> = summary
        .goals
        .iter()
        .enumerate()
        .flat_map(|(g, goal)| {
            (0..summary.years.len())
                .filter(move |&y| goal.not_evaluable.get(y).is_some_and(|&x| x >= 1.0))
                .map(move |y| format!("goals[{g}].value[{y}]."))
        })
        .collect();
    finite::non_finite_paths(summary)
        .into_iter()
        .filter(|p| !(p.starts_with("metrics.payback_year.") && p.ends_with("= NaN")))
        .filter(|p| !(p.ends_with("= NaN") && not_evaluable.iter().any(|g| p.starts_with(g))))
        .map(|p| format!("summary.{p}"))
        .collect()
}

/// Cells of a rendered CSV file that spell a non-finite number.
fn csv_non_finite(file: &str, bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    for (l, line) in text.lines().enumerate() {
        for cell in line.split(',') {
            let c = cell.trim_matches('"').to_ascii_lowercase();
            if matches!(c.as_str(), "nan" | "inf" | "-inf" | "+inf" | "infinity") {
                return vec![format!("{file} line {}: {line}", l + 1)];
            }
        }
    }
    Vec::new()
}
