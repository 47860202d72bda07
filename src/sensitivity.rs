//! Sensitivity analysis: which uncertain inputs drive an output.
//!
//! For one output (cumulative net savings, savings, cost or NPV in a year)
//! and every uncertain input, across the first trials of a run:
//!
//! - the Spearman rank correlation of the input with the output;
//! - its contribution to variance, rho^2 / sum of rho^2 over all inputs,
//!   signed like rho (what Crystal Ball shows);
//! - the median of the output in trials where the input is in its lowest
//!   decile (value <= its 10th percentile) and in its highest decile
//!   (value >= its 90th percentile), and the swing between the two (a
//!   tornado chart's bar).
//!
//! It also reports, for each declared rank correlation, the one the trials
//! achieved, so the analyst can see the copula did its job.
//!
//! The trials do not store their inputs: each trial's input values are
//! regenerated with [`Engine::input_values`], which depends only on the seed,
//! the trial index and the input key. Everything is computed per trial or per
//! input and collected by index, so the result does not depend on the number
//! of threads (MODEL.md section 11).

use crate::metric_key::MetricKey;
use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;

use crate::engine::{Engine, Trials, LANES};
use crate::error::InputError;
use crate::i18n::Lang;
use crate::model::layout::Layout;
use crate::scenario::Scenario;
use crate::stats;
use crate::summary::{CorrelationCheck, Sensitivity, SensitivityRow};

/// Trials used by default: enough for stable ranks and decile medians
/// (each decile holds 10,000 trials) without regenerating a million rows.
pub const DEFAULT_MAX_TRIALS: usize = 100_000;

/// Trials handed to a thread at a time when regenerating inputs.
const CHUNK: usize = 1024;

/// The output sensitivity is computed for (at a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Output {
    /// Cumulative net savings through the year, kr.
    #[default]
    CumulativeNetSavings,
    /// Savings in the year (status quo cost - scenario cost), kr.
    Savings,
    /// Scenario cost in the year, kr.
    Cost,
    /// Net present value of savings through the year, kr.
    Npv,
}

impl Output {
    /// Every output, in the order the choices are listed.
    pub const ALL: [Output; 4] = [
        Output::CumulativeNetSavings,
        Output::Savings,
        Output::Cost,
        Output::Npv,
    ];

    /// The name used on the command line, e.g. `cumulative_net_savings`.
    pub fn key(self) -> &'static str {
        match self {
            Output::CumulativeNetSavings => "cumulative_net_savings",
            Output::Savings => "savings",
            Output::Cost => "cost",
            Output::Npv => "npv",
        }
    }

    /// The metric in summary.json, e.g. `cumulative_net_savings_kr`.
    pub fn metric_key(self) -> MetricKey {
        match self {
            Output::CumulativeNetSavings => MetricKey::CumulativeNetSavings,
            Output::Savings => MetricKey::Savings,
            Output::Cost => MetricKey::CostScenario,
            Output::Npv => MetricKey::Npv,
        }
    }

    /// A phrase for table headings, e.g. "cumulative net savings".
    pub fn label(self) -> &'static str {
        match self {
            Output::CumulativeNetSavings => "cumulative net savings",
            Output::Savings => "savings",
            Output::Cost => "scenario cost",
            Output::Npv => "net present value",
        }
    }

    /// The core slot of the output in year `year_index` (0 = base year).
    pub fn slot(self, layout: &Layout, year_index: usize) -> usize {
        let s = &layout.slots;
        let first = match self {
            Output::CumulativeNetSavings => s.cumulative,
            Output::Savings => s.savings,
            Output::Cost => s.cost_scenario,
            Output::Npv => s.npv,
        };
        first + year_index
    }
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Output {
    type Err = InputError;

    /// Accepts the command-line names (`cumulative_net_savings`, `savings`,
    /// `cost`, `npv`) and the summary.json metric keys
    /// (`cumulative_net_savings_kr`, ...); case and `-` for `_` do not matter.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace('-', "_");
        Output::ALL
            .into_iter()
            .find(|o| norm == o.key() || norm == o.metric_key().as_str())
            .ok_or_else(|| {
                let choices: Vec<&str> = Output::ALL.iter().map(|o| o.key()).collect();
                InputError::new(format!(
                    "unknown output \"{s}\" for sensitivity analysis: choose one of {}",
                    choices.join(", ")
                ))
                .with_help(
                    "cumulative_net_savings and npv are through the year; \
                     savings and cost (the scenario's cost) are in the year",
                )
            })
    }
}

/// An input's share of the output's variance as tables show it to readers
/// (terminal, report, workbook): `ρ² / Σ ρ²` without the sign, so the
/// shares are never negative and add up to 100 %. The direction is the
/// Spearman correlation's sign, shown beside it; summary.json and
/// sensitivity.csv keep the signed `contribution_to_variance`.
pub fn variance_share(row: &SensitivityRow) -> f64 {
    row.contribution_to_variance.abs()
}

/// The line under a sensitivity table saying what its share column means.
pub fn variance_share_note(lang: Lang) -> &'static str {
    crate::i18n::TextCommon::VarianceShareNote.get(lang)
}

/// Checks that `year` is within the scenario's horizon (what [`analyse`] needs).
pub fn check_year(scenario: &Scenario, year: i32) -> Result<(), InputError> {
    if (scenario.base_year..=scenario.end_year).contains(&year) {
        Ok(())
    } else {
        Err(InputError::new(format!(
            "sensitivity year {year} is outside the horizon {}-{}",
            scenario.base_year, scenario.end_year
        ))
        .with_help(format!(
            "choose a year from {} to {} (the end year is the usual choice)",
            scenario.base_year, scenario.end_year
        )))
    }
}

/// Sensitivity of `output` in `year` to every uncertain input, over the first
/// `min(trials.n, max_trials)` trials.
///
/// `trials` must be the rows of `engine` from trial 0 on (as `run`, and
/// `run_range` batches appended in order, produce them): trial `i`'s inputs
/// are regenerated as those of trial index `i`.
///
/// # Panics
///
/// If `year` is outside the scenario's horizon (see [`check_year`]).
pub fn analyse(
    engine: &Engine,
    trials: &Trials,
    output: Output,
    year: i32,
    max_trials: usize,
) -> Sensitivity {
    let s = engine.scenario;
    if let Err(e) = check_year(s, year) {
        panic!("{e}");
    }
    let layout = &engine.layout;
    let n = trials.n.min(max_trials);
    let slot = output.slot(layout, (year - s.base_year) as usize);
    let out: Vec<f64> = (0..n)
        .map(|i| trials.core[i * layout.core_len + slot])
        .collect();
    let columns = input_columns(engine, n);

    let out_ranks = stats::ranks(&out);
    let mut rows: Vec<SensitivityRow> = columns
        .par_iter()
        .zip(&s.inputs)
        .map(|(x, input)| {
            let (x_ranks, sorted) = stats::ranks_and_sorted(x);
            let spearman = zero_if_nan(stats::pearson(&x_ranks, &out_ranks));
            let p10 = stats::percentile_sorted(&sorted, 0.10);
            let p90 = stats::percentile_sorted(&sorted, 0.90);
            let median_when_low = median_where(&out, x, |v| v <= p10);
            let median_when_high = median_where(&out, x, |v| v >= p90);
            SensitivityRow {
                input: input.key.clone(),
                unit: input.unit.clone(),
                spearman,
                contribution_to_variance: 0.0,
                median_when_low,
                median_when_high,
                swing: (median_when_high - median_when_low).abs(),
            }
        })
        .collect();

    let sum_sq: f64 = rows.iter().map(|r| r.spearman * r.spearman).sum();
    for r in &mut rows {
        r.contribution_to_variance = if sum_sq > 0.0 {
            r.spearman.signum() * r.spearman * r.spearman / sum_sq
        } else {
            0.0
        };
    }
    rows.sort_by(|a, b| {
        b.spearman
            .abs()
            .total_cmp(&a.spearman.abs())
            .then_with(|| a.input.cmp(&b.input))
    });

    let correlations = s
        .correlations
        .iter()
        .map(|c| CorrelationCheck {
            a: s.inputs[c.a].key.clone(),
            b: s.inputs[c.b].key.clone(),
            declared: c.rho,
            achieved: zero_if_nan(stats::spearman(&columns[c.a], &columns[c.b])),
        })
        .collect();

    Sensitivity {
        metric: output.metric_key(),
        year,
        output_median: median(out.clone()),
        trials_used: n,
        rows,
        correlations,
    }
}

/// The values of every uncertain input in trials `0..n`, one column per input.
/// Each block of [`CHUNK`] trials is drawn a batch of [`LANES`] trials at a
/// time into a small row buffer and written straight into its part of every
/// column (a trial-major table of all trials, transposed afterwards, was
/// twice the columns' memory: 290 MB more for 100,000 trials of the hard
/// case's 361 inputs, and a pass over it).
fn input_columns(engine: &Engine, n: usize) -> Vec<Vec<f64>> {
    let k = engine.scenario.inputs.len();
    if k == 0 {
        return Vec::new();
    }
    let mut columns: Vec<Vec<f64>> = (0..k).map(|_| vec![0.0; n]).collect();
    // Per block: its part of every column.
    let mut blocks: Vec<Vec<&mut [f64]>> = (0..n.div_ceil(CHUNK))
        .map(|_| Vec::with_capacity(k))
        .collect();
    for column in &mut columns {
        for (block, part) in blocks.iter_mut().zip(column.chunks_mut(CHUNK)) {
            block.push(part);
        }
    }
    blocks
        .into_par_iter()
        .enumerate()
        .for_each(|(chunk, mut parts)| {
            let mut lanes: [Vec<f64>; LANES] = std::array::from_fn(|_| vec![0.0; k]);
            let mut rows = vec![0.0; LANES * k];
            let mut uniforms = vec![0.0; k];
            let len = parts[0].len();
            let first = (chunk * CHUNK) as u64;
            let mut i = 0;
            while i < len {
                let batch = if len - i >= LANES {
                    let mut row = rows.chunks_mut(k);
                    let values = std::array::from_fn(|_| row.next().expect("a row per lane"));
                    engine.input_values_lanes(first + i as u64, &mut lanes, values);
                    LANES
                } else {
                    engine.input_values(first + i as u64, &mut uniforms, &mut rows[..k]);
                    1
                };
                for (j, part) in parts.iter_mut().enumerate() {
                    for l in 0..batch {
                        part[i + l] = rows[l * k + j];
                    }
                }
                i += batch;
            }
        });
    columns
}

/// Median of `out` over the trials whose input value `x` passes `keep`; NaN
/// outputs are left out, NaN when none is left.
fn median_where(out: &[f64], x: &[f64], keep: impl Fn(f64) -> bool) -> f64 {
    median(
        out.iter()
            .zip(x)
            .filter(|(_, v)| keep(**v))
            .map(|(o, _)| *o)
            .collect(),
    )
}

/// Median (type 7) of `v` with NaNs left out; NaN when empty. By
/// selection, bit for bit the median of the sorted values.
fn median(mut v: Vec<f64>) -> f64 {
    v.retain(|x| !x.is_nan());
    if v.is_empty() {
        return f64::NAN;
    }
    stats::type7_points(&mut v, &[0.5])[0]
}

/// A correlation that is undefined because one side is constant counts as none.
fn zero_if_nan(r: f64) -> f64 {
    if r.is_nan() {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_parse_from_names_and_metric_keys() {
        assert_eq!(
            "cumulative_net_savings".parse::<Output>().unwrap(),
            Output::CumulativeNetSavings
        );
        assert_eq!("savings".parse::<Output>().unwrap(), Output::Savings);
        assert_eq!("cost".parse::<Output>().unwrap(), Output::Cost);
        assert_eq!("NPV".parse::<Output>().unwrap(), Output::Npv);
        assert_eq!(
            MetricKey::Npv.as_str().parse::<Output>().unwrap(),
            Output::Npv
        );
        assert_eq!(
            "cumulative-net-savings".parse::<Output>().unwrap(),
            Output::CumulativeNetSavings
        );
        for o in Output::ALL {
            assert_eq!(o.to_string().parse::<Output>().unwrap(), o);
        }
        let e = "payback".parse::<Output>().unwrap_err().to_string();
        assert!(
            e.contains("\"payback\"") && e.contains("cumulative_net_savings, savings, cost, npv"),
            "{e}"
        );
    }

    #[test]
    fn medians_leave_out_nans() {
        assert_eq!(median(vec![3.0, f64::NAN, 1.0, 2.0]), 2.0);
        assert!(median(vec![]).is_nan());
        let out = [10.0, 20.0, 30.0, 40.0];
        let x = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(median_where(&out, &x, |v| v <= 2.0), 15.0);
    }
}
