//! Summaries of very long runs, streamed block by block, so that memory
//! stays flat in the number of trials.
//!
//! Up to [`EXACT_TRIALS`] trials (the default of `run --stream-above`) a
//! run keeps every trial's row and its percentiles are exact (type 7,
//! [`crate::stats`]). Beyond that the trials run in blocks of
//! [`BLOCK_TRIALS`]; each block is checked (no NaN or infinity), absorbed
//! into one [`ColumnStream`] per slot of the trial row, and dropped. Counts
//! (goal probabilities, first year met, payback, the share above zero),
//! means, standard deviations, minima and maxima stay exact; percentiles,
//! their confidence intervals, histograms and S-curves come from a
//! DDSketch per slot (the `sketches-ddsketch` crate), whose every quantile
//! is within [`RELATIVE_ACCURACY`] of the value of the exact order
//! statistic of the same rank. Blocks are absorbed in trial order, one
//! column per thread, so the result is the same on any number of threads.
//! The per-trial outputs (sensitivity, attribution, the workbook's
//! per-trial sheet) use the first [`KEPT_TRIALS`] trials, which are kept.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use sketches_ddsketch::{Config, DDSketch};

use crate::engine::Trials;
use crate::metric_key::MetricKey;
use crate::model::layout::{Layout, Store};
use crate::scenario::Scenario;
use crate::stats::ci::{self, PercentileCis};
use crate::stats::convergence::{Convergence, ConvergencePoint, CHECKPOINTS};
use crate::stats::{kahan_mean, Summary};
use crate::summary::{payback_key, Columns, FirstMet, GoalCounts, Payback, Shape};

/// Trials up to which every row is kept and percentiles are exact.
pub const EXACT_TRIALS: u64 = 1_000_000;
/// The most trials a run takes: about 15 hours of the simplest shipped
/// scenario on one core of the benchmark machine, far past any precision
/// a business case needs.
pub const MAX_TRIALS: u64 = 1_000_000_000;
/// Trials kept for the per-trial outputs of a streamed run.
pub const KEPT_TRIALS: usize = 200_000;
/// Trials simulated and absorbed at a time in a streamed run.
pub const BLOCK_TRIALS: usize = 65_536;
/// Relative accuracy of a streamed percentile (0.1 %).
pub const RELATIVE_ACCURACY: f64 = 0.001;
/// Bins per sign of one sketch: values within a factor of about 1.3e7 of
/// the largest magnitude keep the stated accuracy (the sketch merges the
/// smallest bins beyond that).
const MAX_BINS: u32 = 8_192;
/// Magnitudes below this count as zero in a sketch.
const MIN_MAGNITUDE: f64 = 1e-9;
/// Grid of quantiles behind a streamed histogram.
const HISTOGRAM_GRID: usize = 4_000;

/// How a streamed run was summarised (summary.json `streamed`).
#[derive(Debug, Clone, Serialize)]
pub struct StreamInfo {
    /// The quantile estimator: "ddsketch".
    pub quantiles: &'static str,
    /// Each percentile is within this relative error of the exact one.
    pub relative_accuracy: f64,
    /// Runs with at most this many trials are summarised exactly.
    pub exact_up_to_trials: u64,
    /// The per-trial outputs (sensitivity, attribution, the workbook's
    /// per-trial sheet) use the first this many trials.
    pub per_trial_outputs_trials: usize,
}

impl StreamInfo {
    /// The description of a run streamed above `exact_up_to` trials.
    pub fn new(exact_up_to: u64, kept: usize) -> StreamInfo {
        StreamInfo {
            quantiles: "ddsketch",
            relative_accuracy: RELATIVE_ACCURACY,
            exact_up_to_trials: exact_up_to,
            per_trial_outputs_trials: kept,
        }
    }
}

fn sketch() -> DDSketch {
    DDSketch::new(Config::new(RELATIVE_ACCURACY, MAX_BINS, MIN_MAGNITUDE))
}

/// One slot of the trial row, streamed: exact count, mean, variance,
/// minimum, maximum and share above zero; a sketch for the quantiles.
#[derive(Clone)]
pub struct ColumnStream {
    n: u64,
    nan: u64,
    mean: f64,
    /// Sum of squared deviations from the mean (Chan et al.'s merge).
    m2: f64,
    min: f64,
    max: f64,
    above_zero: u64,
    sketch: DDSketch,
}

impl Default for ColumnStream {
    fn default() -> Self {
        ColumnStream {
            n: 0,
            nan: 0,
            mean: 0.0,
            m2: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            above_zero: 0,
            sketch: sketch(),
        }
    }
}

impl ColumnStream {
    /// Absorbs the next values in trial order; NaN values are counted and
    /// left out, as [`Summary::of`] leaves them out.
    pub fn absorb(&mut self, values: &[f64]) {
        let finite: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
        self.nan += (values.len() - finite.len()) as u64;
        if finite.is_empty() {
            return;
        }
        let nb = finite.len() as f64;
        let mean_b = kahan_mean(&finite);
        let m2_b: f64 = finite.iter().map(|x| (x - mean_b) * (x - mean_b)).sum();
        let na = self.n as f64;
        let total = na + nb;
        let delta = mean_b - self.mean;
        self.mean += delta * nb / total;
        self.m2 += m2_b + delta * delta * na * nb / total;
        self.n += finite.len() as u64;
        for &x in &finite {
            self.min = self.min.min(x);
            self.max = self.max.max(x);
            if x > 0.0 {
                self.above_zero += 1;
            }
            self.sketch.add(x);
        }
    }

    /// The sketch's `q`-quantile, clamped to the exact minimum and maximum.
    fn quantile(&self, q: f64) -> f64 {
        if self.n == 0 {
            return f64::NAN;
        }
        if q <= 0.0 {
            return self.min;
        }
        if q >= 1.0 {
            return self.max;
        }
        let x = self.sketch.quantile(q).ok().flatten().unwrap_or(f64::NAN);
        x.clamp(self.min, self.max)
    }

    /// The 95 % interval of the `p`-quantile: the order statistics of
    /// [`ci::ranks`], read from the sketch.
    fn ci(&self, p: f64) -> [f64; 2] {
        let n = self.n as usize;
        let (l, u) = ci::ranks(n, p, ci::CONFIDENCE);
        let at = |rank: usize| self.quantile((rank - 1) as f64 / (n - 1).max(1) as f64);
        [at(l), at(u)]
    }

    /// The summary of the values absorbed so far.
    pub fn summary(&self) -> Summary {
        if self.n == 0 {
            return Summary::of(&mut []);
        }
        let sd = if self.n > 1 {
            (self.m2 / (self.n - 1) as f64).sqrt()
        } else {
            0.0
        };
        Summary {
            mean: self.mean,
            sd,
            se: sd / (self.n as f64).sqrt(),
            p5: self.quantile(0.05),
            p25: self.quantile(0.25),
            p50: self.quantile(0.50),
            p75: self.quantile(0.75),
            p95: self.quantile(0.95),
            min: self.min,
            max: self.max,
            ci95: PercentileCis {
                p5: self.ci(0.05),
                p25: self.ci(0.25),
                p50: self.ci(0.50),
                p75: self.ci(0.75),
                p95: self.ci(0.95),
            },
        }
    }

    /// The shape of the distribution (histogram from a grid of the
    /// sketch's quantiles; exceedance at its percentiles).
    fn shape(&self, key: MetricKey, year: i32) -> Shape {
        let n = self.n as f64;
        let constant = self.min == self.max;
        let exceedance = (0..=100)
            .map(|i| {
                let q = i as f64 / 100.0;
                let above = if constant || i == 100 { 0.0 } else { 1.0 - q };
                (self.quantile(q), above)
            })
            .collect();
        let histogram = if self.n == 0 {
            Vec::new()
        } else if constant {
            // As `stats::histogram` draws a constant: one bin 2 % wide.
            let w = self.min.abs().max(1.0) * 0.01;
            vec![(self.min - w, self.min + w, self.n)]
        } else {
            let bins = 40;
            let width = (self.max - self.min) / bins as f64;
            let mut counts = vec![0.0f64; bins];
            for i in 0..HISTOGRAM_GRID {
                let x = self.quantile((i as f64 + 0.5) / HISTOGRAM_GRID as f64);
                let b = (((x - self.min) / width) as usize).min(bins - 1);
                counts[b] += n / HISTOGRAM_GRID as f64;
            }
            counts
                .iter()
                .enumerate()
                .map(|(b, c)| {
                    let lo = self.min + b as f64 * width;
                    (lo, lo + width, c.round() as u64)
                })
                .collect()
        };
        Shape {
            metric: key,
            year,
            histogram,
            exceedance,
            prob_positive: if self.n == 0 {
                0.0
            } else {
                self.above_zero as f64 / n
            },
        }
    }
}

/// The convergence of one slot, with a point at each checkpoint of the
/// whole run ([`crate::stats::convergence`]'s checkpoints).
struct ConvergenceStream {
    slot: usize,
    sizes: Vec<usize>,
    column: ColumnStream,
    points: Vec<ConvergencePoint>,
}

impl ConvergenceStream {
    fn new(slot: usize, n: usize) -> Self {
        let mut sizes: Vec<usize> = (1..=CHECKPOINTS)
            .map(|k| (n * k).div_ceil(CHECKPOINTS).max(n.min(10)))
            .filter(|&m| m > 0)
            .collect();
        sizes.dedup();
        ConvergenceStream {
            slot,
            sizes,
            column: ColumnStream::default(),
            points: Vec::new(),
        }
    }

    /// Absorbs the next values, taking a point at every checkpoint passed.
    fn absorb(&mut self, values: &[f64]) {
        let mut rest = values;
        while !rest.is_empty() {
            let done = self.column.n as usize;
            let next = self.sizes.get(self.points.len()).copied();
            let take = next.map_or(rest.len(), |m| (m - done).min(rest.len()));
            self.column.absorb(&rest[..take]);
            rest = &rest[take..];
            if next == Some(self.column.n as usize) {
                let s = self.column.summary();
                let half = 1.959_963_984_540_054 * s.se;
                self.points.push(ConvergencePoint {
                    trials: self.column.n as usize,
                    mean: s.mean,
                    mean_ci95: [s.mean - half, s.mean + half],
                    p5: s.p5,
                    p5_ci95: s.ci95.p5,
                    p50: s.p50,
                    p50_ci95: s.ci95.p50,
                    p95: s.p95,
                    p95_ci95: s.ci95.p95,
                });
            }
        }
    }
}

/// Everything a streamed run's summary needs, absorbed block by block.
pub struct RunStream<'a> {
    scenario: &'a Scenario,
    layout: &'a Layout,
    n: usize,
    core: Vec<ColumnStream>,
    detail: Vec<ColumnStream>,
    /// Per goal and year: trials meeting the target, trials not evaluable.
    goal_met: Vec<Vec<usize>>,
    goal_undefined: Vec<Vec<usize>>,
    goal_first: Vec<BTreeMap<FirstMet, usize>>,
    payback: BTreeMap<Payback, usize>,
    /// Sums of two detail slots summarised trial by trial (a department's
    /// handling plus opening cost, per path and year, with --breakdown).
    sums: Vec<((usize, usize), ColumnStream)>,
    /// Cumulative net savings and the scenario's cost in the end year.
    convergence: [ConvergenceStream; 2],
}

impl<'a> RunStream<'a> {
    /// An empty stream for a run of `n` trials.
    pub fn new(scenario: &'a Scenario, layout: &'a Layout, n: usize) -> Self {
        let n_goals = scenario.goals.len();
        let end = layout.n_years - 1;
        RunStream {
            scenario,
            layout,
            n: 0,
            core: vec![ColumnStream::default(); layout.core_len],
            detail: vec![ColumnStream::default(); layout.detail_len],
            goal_met: vec![vec![0; layout.n_years]; n_goals],
            goal_undefined: vec![vec![0; layout.n_years]; n_goals],
            goal_first: vec![BTreeMap::new(); n_goals],
            payback: BTreeMap::new(),
            sums: department_cost_pairs(layout)
                .into_iter()
                .map(|pair| (pair, ColumnStream::default()))
                .collect(),
            convergence: [
                ConvergenceStream::new(layout.slots.cumulative + end, n),
                ConvergenceStream::new(layout.slots.cost_scenario + end, n),
            ],
        }
    }

    /// Absorbs the next block of trials (in trial order).
    pub fn absorb(&mut self, block: &Trials) {
        let layout = self.layout;
        self.core
            .par_iter_mut()
            .enumerate()
            .for_each(|(slot, c)| c.absorb(&block.core_column(layout, slot)));
        self.detail
            .par_iter_mut()
            .enumerate()
            .for_each(|(slot, c)| c.absorb(&block.detail_column(layout, slot)));
        self.sums.par_iter_mut().for_each(|((a, b), c)| {
            let (a, b) = (*a, *b);
            let x = block.detail_column(layout, a);
            let y = block.detail_column(layout, b);
            c.absorb(&x.iter().zip(&y).map(|(x, y)| x + y).collect::<Vec<f64>>());
        });
        for conv in &mut self.convergence {
            conv.absorb(&block.core_column(layout, conv.slot));
        }
        let s = self.scenario;
        let years = s.year_list();
        let cl = layout.core_len;
        for i in 0..block.n {
            let row = &block.core[i * cl..(i + 1) * cl];
            *self
                .payback
                .entry(payback_key(row[layout.slots.payback], s.end_year))
                .or_insert(0) += 1;
            for (g, goal) in s.goals.iter().enumerate() {
                let values = &row[layout.slots.goals[g]..layout.slots.goals[g] + layout.n_years];
                let mut first = None;
                for (y, (&v, t)) in values.iter().zip(&goal.targets).enumerate() {
                    if v.is_nan() {
                        self.goal_undefined[g][y] += 1;
                    }
                    if let Some(t) = t {
                        if goal.op.met(v, *t) {
                            self.goal_met[g][y] += 1;
                            first = first.or(Some(y));
                        }
                    }
                }
                let key = first.map_or(FirstMet::NotMet, |y| FirstMet::Year(years[y]));
                *self.goal_first[g].entry(key).or_insert(0) += 1;
            }
        }
        self.n += block.n;
    }
}

impl Columns for RunStream<'_> {
    fn n(&self) -> usize {
        self.n
    }

    fn summary(&self, store: Store, slot: usize) -> Summary {
        match store {
            Store::Core => self.core[slot].summary(),
            Store::Detail => self.detail[slot].summary(),
        }
    }

    fn summary_of_sum(&self, a: usize, b: usize) -> Summary {
        self.sums
            .iter()
            .find(|(pair, _)| *pair == (a, b))
            .map_or_else(|| Summary::of(&mut []), |(_, c)| c.summary())
    }

    fn goal_counts(&self, g: usize) -> GoalCounts {
        let slot = self.layout.slots.goals[g];
        GoalCounts {
            met: self.goal_met[g].clone(),
            undefined: self.goal_undefined[g].clone(),
            first: self.goal_first[g].clone(),
            value: (0..self.layout.n_years)
                .map(|y| self.core[slot + y].summary())
                .collect(),
        }
    }

    fn payback_counts(&self) -> BTreeMap<Payback, usize> {
        self.payback.clone()
    }

    fn shape(&self, key: MetricKey, year: i32, slot: usize) -> Shape {
        self.core[slot].shape(key, year)
    }

    fn all_zero(&self, slot: usize) -> bool {
        let c = &self.core[slot];
        c.nan == 0 && c.min == 0.0 && c.max == 0.0
    }

    fn convergence(&self, key: MetricKey, year: i32, slot: usize) -> Convergence {
        let points = self
            .convergence
            .iter()
            .find(|c| c.slot == slot)
            .map(|c| c.points.clone())
            .unwrap_or_default();
        Convergence {
            metric: key,
            year,
            points,
        }
    }
}

/// The (handling, opening) detail slots of every department with opening
/// costs, per path and year: the pairs [`crate::breakdown`] sums.
fn department_cost_pairs(layout: &Layout) -> Vec<(usize, usize)> {
    let Some(slots) = layout.slots.breakdown.as_ref() else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for g in slots.of_kind(crate::model::breakdown::KindOf::Department) {
        if let Some(o) = g.opening {
            for path in 0..2 {
                for y in 0..layout.n_years {
                    pairs.push((g.handling[path] + y, o[path] + y));
                }
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(values: &[f64]) -> Summary {
        Summary::of(&mut values.to_vec())
    }

    #[test]
    fn counts_moments_and_extremes_are_exact() {
        let values: Vec<f64> = (1..=10_000).map(|i| (i as f64) * 3.5 - 7_000.0).collect();
        let mut c = ColumnStream::default();
        for block in values.chunks(777) {
            c.absorb(block);
        }
        let (s, e) = (c.summary(), exact(&values));
        assert!(
            (s.mean - e.mean).abs() <= 1e-9 * e.sd,
            "{} {}",
            s.mean,
            e.mean
        );
        assert!((s.sd - e.sd).abs() <= 1e-9 * e.sd, "{} {}", s.sd, e.sd);
        assert_eq!((s.min, s.max), (e.min, e.max));
        assert_eq!(
            c.above_zero,
            values.iter().filter(|x| **x > 0.0).count() as u64
        );
    }

    #[test]
    fn percentiles_are_within_the_stated_relative_accuracy() {
        // A skewed positive output and one crossing zero.
        let pos: Vec<f64> = (0..200_000)
            .map(|i| 1e6 * (1.0 + ((i * 7919) % 200_000) as f64 / 20_000.0).powi(2))
            .collect();
        let mixed: Vec<f64> = pos.iter().map(|x| x - 2.5e7).collect();
        for values in [pos, mixed] {
            let mut c = ColumnStream::default();
            for block in values.chunks(BLOCK_TRIALS) {
                c.absorb(block);
            }
            let (s, e) = (c.summary(), exact(&values));
            for (got, want) in [
                (s.p5, e.p5),
                (s.p25, e.p25),
                (s.p50, e.p50),
                (s.p75, e.p75),
                (s.p95, e.p95),
            ] {
                // The sketch's accuracy plus the gap between neighbouring
                // order statistics (interpolation of type 7).
                let tol = RELATIVE_ACCURACY * want.abs() + 1e3;
                assert!((got - want).abs() <= tol, "{got} vs {want}");
            }
            assert!(s.ci95.p50[0] <= s.p50 && s.p50 <= s.ci95.p50[1]);
        }
    }

    #[test]
    fn nan_values_are_counted_and_left_out() {
        let mut c = ColumnStream::default();
        c.absorb(&[1.0, f64::NAN, 3.0]);
        c.absorb(&[f64::NAN]);
        assert_eq!((c.n, c.nan), (2, 2));
        assert_eq!(c.summary().mean, 2.0);
        assert!(ColumnStream::default().summary().mean.is_nan());
    }

    #[test]
    fn a_constant_column_has_one_bin_and_nothing_above_it() {
        let mut c = ColumnStream::default();
        c.absorb(&[5.0; 1000]);
        let sh = c.shape(MetricKey::Savings, 2015);
        // Exactly as the exact path's histogram of a constant.
        assert_eq!(sh.histogram, crate::stats::histogram(&[5.0; 1000], 40));
        assert!(sh
            .exceedance
            .iter()
            .all(|&(x, above)| x == 5.0 && above == 0.0));
        assert_eq!(sh.prob_positive, 1.0);
    }

    #[test]
    fn histogram_counts_add_up_to_the_trials() {
        let values: Vec<f64> = (0..100_000).map(|i| ((i * 31) % 1000) as f64).collect();
        let mut c = ColumnStream::default();
        c.absorb(&values);
        let sh = c.shape(MetricKey::Savings, 2015);
        let total: u64 = sh.histogram.iter().map(|b| b.2).sum();
        assert!((total as i64 - 100_000).abs() <= 40, "{total}");
        // Uniform on 0..999: every bin holds about 2.5 %.
        for b in &sh.histogram {
            assert!((b.2 as f64 - 2_500.0).abs() < 150.0, "{b:?}");
        }
    }

    #[test]
    fn convergence_points_sit_at_the_checkpoints_of_the_whole_run() {
        // Integers 0..999, each 100 times in a scrambled order: neighbouring
        // order statistics are equal or 1 apart at every checkpoint.
        let values: Vec<f64> = (0..100_000u64)
            .map(|i| ((i * 7919) % 1_000) as f64)
            .collect();
        let mut conv = ConvergenceStream::new(0, values.len());
        for block in values.chunks(33_333) {
            conv.absorb(block);
        }
        let exact = crate::stats::convergence::convergence(MetricKey::Savings, 2015, &values);
        assert_eq!(conv.points.len(), exact.points.len());
        for (a, b) in conv.points.iter().zip(&exact.points) {
            assert_eq!(a.trials, b.trials);
            assert!((a.mean - b.mean).abs() <= 1e-9 * b.mean);
            for (x, y) in [(a.p5, b.p5), (a.p50, b.p50), (a.p95, b.p95)] {
                assert!((x - y).abs() <= RELATIVE_ACCURACY * y + 1.0, "{x} vs {y}");
            }
        }
    }
}
