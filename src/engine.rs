//! The Monte Carlo driver: runs trials in parallel and keeps their rows.
//!
//! Trial `i` reads only its own uniforms (from the sampler, keyed by seed,
//! trial and input) and writes only its own row, so the result does not
//! depend on the number of threads or on scheduling (MODEL.md section 11).

use std::sync::Arc;

use rayon::prelude::*;

use crate::error::InputError;
use crate::input_key::InputKey;
use crate::metric_key::MetricName;
use crate::model::layout::{Layout, MetricDef, Store};
use crate::model::plan::Plan;
use crate::model::trial::{simulate, simulate_lanes, Rows, Scratch};
use crate::quantile_table::FastQuantile;
use crate::sampling::{self, Design, InputSampler};
use crate::scenario::Scenario;
use crate::series_key::SeriesKey;

/// Trials are handed to threads in chunks of this size.
const CHUNK: usize = 256;

/// The rows of all trials of a run.
#[derive(Debug, Clone)]
pub struct Trials {
    pub n: usize,
    /// `n * layout.core_len` values, trial-major.
    pub core: Vec<f64>,
    /// `n * layout.detail_len` values, trial-major.
    pub detail: Vec<f32>,
}

impl Trials {
    /// The values of one metric slot across trials.
    pub fn core_column(&self, layout: &Layout, slot: usize) -> Vec<f64> {
        (0..self.n)
            .map(|i| self.core[i * layout.core_len + slot])
            .collect()
    }

    /// The values of one detail slot across trials, widened to f64.
    pub fn detail_column(&self, layout: &Layout, slot: usize) -> Vec<f64> {
        (0..self.n)
            .map(|i| self.detail[i * layout.detail_len + slot] as f64)
            .collect()
    }
}

/// A scenario ready to run: its plan, layout and sampler.
pub struct Engine<'a> {
    pub scenario: &'a Scenario,
    pub layout: Layout,
    pub plan: Plan,
    pub seed: u64,
    /// How the inputs' uniforms are drawn; variants for attribution share it.
    pub design: Design,
    /// Shared with attribution's variants ([`Engine::variant_of`]).
    sampler: Arc<dyn InputSampler + 'a>,
    quantiles: Vec<FastQuantile>,
    noise_stream: u64,
}

impl<'a> Engine<'a> {
    /// Prepares a scenario under `seed` with the sampling method of its
    /// `[simulation] sampling` (plain pseudo-random numbers by default) and
    /// the Latin hypercube batch of its `[simulation] trials`.
    pub fn new(scenario: &'a Scenario, seed: u64) -> Self {
        let design = Design::new(
            scenario.default_sampling.unwrap_or_default(),
            seed,
            scenario.default_trials.unwrap_or(10_000),
        );
        Self::with_design(scenario, design)
    }

    /// Prepares a scenario with a sampling design (method, seed, Latin
    /// hypercube batch, Sobol' dimensions; see [`Design`]).
    pub fn with_design(scenario: &'a Scenario, design: Design) -> Self {
        let keys: Vec<String> = scenario
            .inputs
            .iter()
            .map(|i| i.key.as_stream_key())
            .collect();
        let design = design.with_keys_if_none([&keys[..]]);
        let sampler = default_sampler(scenario, &design);
        let mut e = Self::with_sampler(scenario, design.seed, sampler);
        e.design = design;
        e
    }

    /// Prepares a variant of `full`'s scenario (the same file less an event
    /// or the proposal, for attribution): same seed and sampling design, and
    /// for every input the two share (by key) exactly the full run's value
    /// in every trial, under every method and correlation method: the
    /// variant reads its uniforms from `full`'s own sampler
    /// ([`VariantSampler`]) instead of building one over its own inputs,
    /// which would re-pair correlated inputs once the removed item's inputs
    /// or correlations were gone. The inverse-CDF tables of the shared
    /// inputs are copied by key instead of being tabulated again (a PERT
    /// table costs thousands of beta evaluations; a scenario with 50 policy
    /// events would otherwise rebuild them 50 times).
    pub fn variant_of<'f: 'a>(full: &Engine<'f>, scenario: &'a Scenario) -> Self {
        let by_key: std::collections::HashMap<&InputKey, usize> = full
            .scenario
            .inputs
            .iter()
            .enumerate()
            .map(|(j, x)| (&x.key, j))
            .collect();
        let layout = Layout::new(scenario);
        let plan = Plan::new(scenario, &layout.staffed);
        let full_index: Vec<Option<usize>> = scenario
            .inputs
            .iter()
            .map(|x| by_key.get(&x.key).copied())
            .collect();
        Engine {
            scenario,
            layout,
            plan,
            seed: full.seed,
            design: full.design.clone(),
            sampler: VariantSampler::over(full, scenario, &full_index),
            quantiles: scenario
                .inputs
                .iter()
                .zip(&full_index)
                .map(|(input, j)| match j {
                    Some(j) => full.quantiles[*j].clone(),
                    None => FastQuantile::new(&input.distribution),
                })
                .collect(),
            noise_stream: sampling::stream_id(full.seed, "noise.volume"),
        }
    }

    /// Prepares a scenario with any input sampler (Latin hypercube, Sobol', ...).
    pub fn with_sampler(
        scenario: &'a Scenario,
        seed: u64,
        sampler: Box<dyn InputSampler + 'a>,
    ) -> Self {
        let layout = Layout::new(scenario);
        let plan = Plan::new(scenario, &layout.staffed);
        Engine {
            scenario,
            layout,
            plan,
            seed,
            design: Design::new(sampling::Method::Random, seed, 1),
            sampler: sampler.into(),
            quantiles: scenario
                .inputs
                .iter()
                .map(|i| FastQuantile::new(&i.distribution))
                .collect(),
            noise_stream: sampling::stream_id(seed, "noise.volume"),
        }
    }

    /// The input values of trial `trial` (inverse CDF of the sampler's uniforms).
    pub fn input_values(&self, trial: u64, uniforms: &mut [f64], values: &mut [f64]) {
        self.sampler.fill(trial, uniforms);
        for ((v, u), q) in values.iter_mut().zip(uniforms.iter()).zip(&self.quantiles) {
            *v = q.quantile(*u);
        }
    }

    /// The input values of trials `first..first + L` (lane `l` is trial
    /// `first + l`): [`Engine::input_values`] of each, with the quantiles
    /// of each input taken for the lanes together.
    pub fn input_values_lanes<const L: usize>(
        &self,
        first: u64,
        uniforms: &mut [Vec<f64>; L],
        values: [&mut [f64]; L],
    ) {
        self.sampler.fill_lanes(first, uniforms);
        quantiles_lanes(&self.quantiles, uniforms, values);
    }

    /// Runs trials `start..start + n` and returns their rows. `progress` is
    /// called with the number of trials finished, from worker threads.
    pub fn run_range(&self, start: u64, n: usize, progress: &(dyn Fn(usize) + Sync)) -> Trials {
        let cl = self.layout.core_len;
        let dl = self.layout.detail_len;
        let mut core = vec![0.0f64; n * cl];
        let mut detail = vec![0.0f32; n * dl];
        let n_inputs = self.scenario.inputs.len();
        core.par_chunks_mut(CHUNK * cl.max(1))
            .zip(detail.par_chunks_mut(CHUNK * dl.max(1)))
            .enumerate()
            .for_each(|(chunk, (core_rows, detail_rows))| {
                let first = chunk * CHUNK;
                let count = (core_rows.len() / cl.max(1)).min(n - first);
                let mut batch = Batch::<LANES>::new(n_inputs);
                let mut single: Option<Batch<1>> = None;
                let mut k = 0;
                while k < count {
                    let trial = start + (first + k) as u64;
                    let (core, detail) = (&mut core_rows[k * cl..], &mut detail_rows[k * dl..]);
                    if count - k >= LANES {
                        self.run_lanes(&mut batch, trial, core, detail);
                        k += LANES;
                    } else {
                        let one = single.get_or_insert_with(|| Batch::new(n_inputs));
                        self.run_lanes(one, trial, core, detail);
                        k += 1;
                    }
                }
                progress(count);
            });
        Trials { n, core, detail }
    }

    /// Runs trials `first..first + L` as one batch of lanes into the first
    /// `L` rows of `core` and `detail`.
    fn run_lanes<const L: usize>(
        &self,
        batch: &mut Batch<L>,
        first: u64,
        core: &mut [f64],
        detail: &mut [f32],
    ) {
        let (cl, dl) = (self.layout.core_len, self.layout.detail_len);
        let trials: [u64; L] = std::array::from_fn(|l| first + l as u64);
        let values = batch.values.each_mut().map(|v| &mut v[..]);
        self.input_values_lanes(first, &mut batch.uniforms, values);
        let mut core = core.chunks_mut(cl.max(1));
        let mut detail = detail.chunks_mut(dl.max(1));
        let rows = Rows {
            core: std::array::from_fn(|_| &mut core.next().expect("a row per lane")[..cl]),
            detail: std::array::from_fn(|_| &mut detail.next().expect("a row per lane")[..dl]),
        };
        simulate_lanes(
            self.scenario,
            &self.plan,
            &self.layout,
            std::array::from_fn(|l| &batch.values[l][..]),
            self.noise_stream,
            trials,
            &mut batch.scratch,
            rows,
        );
    }

    /// Runs `n` trials from trial 0.
    pub fn run(&self, n: usize) -> Trials {
        self.run_range(0, n, &|_| {})
    }
}

/// Trials per batch of lanes ([`simulate_lanes`]). Measured (cachegrind,
/// instructions a trial, every-input-uncertain / vallensbaek-2012): see
/// the README's performance section.
pub const LANES: usize = 8;

/// `values[l][i]`: input `i`'s quantile at `uniforms[l][i]`, for every lane
/// `l`. Compiled for AVX-512 and AVX2 besides the baseline, chosen at run
/// time: the triangular quantiles' square roots of eight lanes are one
/// instruction (square roots are correctly rounded: the same bits on every
/// processor).
#[multiversion::multiversion(targets("x86_64+avx512f", "x86_64+avx2"))]
fn quantiles_lanes<const L: usize>(
    quantiles: &[FastQuantile],
    uniforms: &[Vec<f64>; L],
    values: [&mut [f64]; L],
) {
    let n = quantiles.len();
    // Sliced to one length, so the loop indexes without bounds checks.
    let uniforms: [&[f64]; L] = std::array::from_fn(|l| &uniforms[l][..n]);
    let values = values.map(|v| &mut v[..n]);
    for (i, q) in quantiles.iter().enumerate() {
        let u: [f64; L] = std::array::from_fn(|l| uniforms[l][i]);
        for (l, v) in q.quantile_lanes(&u).into_iter().enumerate() {
            values[l][i] = v;
        }
    }
}

/// A worker's buffers for one batch of `L` trials.
struct Batch<const L: usize> {
    scratch: [Scratch; L],
    uniforms: [Vec<f64>; L],
    values: [Vec<f64>; L],
}

impl<const L: usize> Batch<L> {
    fn new(n_inputs: usize) -> Self {
        Batch {
            scratch: std::array::from_fn(|_| Scratch::default()),
            uniforms: std::array::from_fn(|_| vec![0.0; n_inputs]),
            values: std::array::from_fn(|_| vec![0.0; n_inputs]),
        }
    }
}

/// The design's sampler for the scenario's inputs (keyed by input name),
/// through a Gaussian copula or Iman-Conover when the scenario correlates
/// inputs.
fn default_sampler<'a>(scenario: &'a Scenario, design: &Design) -> Box<dyn InputSampler + 'a> {
    let keys: Vec<String> = scenario
        .inputs
        .iter()
        .map(|i| i.key.as_stream_key())
        .collect();
    let inner = design.sampler(&keys);
    if scenario.correlations.is_empty() {
        return inner;
    }
    match design.correlation {
        sampling::CorrelationMethod::Copula => Box::new(crate::correlation::GaussianCopula::new(
            inner,
            scenario.inputs.len(),
            &scenario.correlations,
        )),
        sampling::CorrelationMethod::ImanConover => {
            let streams: Vec<u64> = keys
                .iter()
                .map(|k| sampling::stream_id(design.seed, k))
                .collect();
            Box::new(sampling::iman_conover::ImanConover::new(
                inner,
                &streams,
                &scenario.correlations,
                design.lhs_batch,
            ))
        }
    }
}

/// An attribution variant's uniforms: `full`'s sampler, projected onto the
/// variant's inputs by key. Inputs the variant shares with the full
/// scenario get the full run's uniform, so correlated pairs stay paired as
/// in the full run even where the variant lacks one side of a declared
/// correlation; an input only the variant has (none, for attribution's
/// variants) gets the design's own uncorrelated uniform for its key.
struct VariantSampler<'f> {
    full: Arc<dyn InputSampler + 'f>,
    n_full: usize,
    /// (variant input, full input) for every shared input.
    shared: Vec<(usize, usize)>,
    /// The design's sampler for the variant's own inputs, and their indices.
    own: Option<(Box<dyn InputSampler>, Vec<usize>)>,
}

impl<'f> VariantSampler<'f> {
    /// The sampler of a variant whose input `j` is `full`'s input
    /// `full_index[j]`: `full`'s own sampler when the two have the same
    /// inputs in the same order (attribution's variants).
    fn over(
        full: &Engine<'f>,
        scenario: &Scenario,
        full_index: &[Option<usize>],
    ) -> Arc<dyn InputSampler + 'f> {
        let n_full = full.scenario.inputs.len();
        let identity =
            full_index.len() == n_full && full_index.iter().enumerate().all(|(j, i)| *i == Some(j));
        if identity {
            return full.sampler.clone();
        }
        let shared = full_index
            .iter()
            .enumerate()
            .filter_map(|(j, i)| i.map(|i| (j, i)))
            .collect();
        let own_inputs: Vec<usize> = (0..full_index.len())
            .filter(|&j| full_index[j].is_none())
            .collect();
        let own = (!own_inputs.is_empty()).then(|| {
            let keys: Vec<String> = own_inputs
                .iter()
                .map(|&j| scenario.inputs[j].key.as_stream_key())
                .collect();
            (full.design.sampler(&keys), own_inputs)
        });
        Arc::new(VariantSampler {
            full: full.sampler.clone(),
            n_full,
            shared,
            own,
        })
    }
}

impl InputSampler for VariantSampler<'_> {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        let mut all = vec![0.0; self.n_full];
        self.full.fill(trial, &mut all);
        for &(j, i) in &self.shared {
            out[j] = all[i];
        }
        if let Some((sampler, inputs)) = &self.own {
            let mut own = vec![0.0; inputs.len()];
            sampler.fill(trial, &mut own);
            for (&j, u) in inputs.iter().zip(own) {
                out[j] = u;
            }
        }
    }
}

/// Appends the rows of `more` to `all` (batches of a precision-controlled run).
pub fn append(all: &mut Trials, more: Trials) {
    all.n += more.n;
    all.core.extend(more.core);
    all.detail.extend(more.detail);
}

/// Which trial of a probe or run went non-finite, for the error message.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TrialKind {
    /// Every uncertain input at the same quantile (0.5: the medians; or the
    /// smallest / largest uniform the samplers draw).
    AllAt(f64),
    /// Trial `i` of the run's own random streams.
    Sampled(u64),
}

/// Trials of the run's own streams that [`Engine::probe`] simulates besides
/// the medians and the two extremes.
const PROBE_SAMPLED: u64 = 8;

/// Scenarios with more uncertain inputs than this skip the search for the
/// inputs behind a non-finite output (three trials per input) and name the
/// inputs drawn furthest into their tails instead.
const MAX_INVOLVED_SEARCH: usize = 2_000;

impl Engine<'_> {
    /// Simulates one trial from given input values into `core` and `detail`.
    fn simulate_values(&self, values: &[f64], trial: u64, core: &mut [f64], detail: &mut [f32]) {
        let mut scratch = Scratch::default();
        simulate(
            self.scenario,
            &self.plan,
            &self.layout,
            values,
            self.noise_stream,
            trial,
            &mut scratch,
            core,
            detail,
        );
    }

    /// The input values of a probe trial.
    fn probe_values(&self, kind: TrialKind) -> Vec<f64> {
        let n = self.scenario.inputs.len();
        match kind {
            TrialKind::AllAt(u) => self.quantiles.iter().map(|q| q.quantile(u)).collect(),
            TrialKind::Sampled(i) => {
                let (mut uniforms, mut values) = (vec![0.0; n], vec![0.0; n]);
                self.input_values(i, &mut uniforms, &mut values);
                values
            }
        }
    }

    /// The first output slot of a row that is NaN or infinite, as `(store is
    /// core, offset)`: staffing figures first, then the other breakdowns,
    /// then the totals built from them, so that the message names the most
    /// specific output. The payback year is NaN by design ("not by the end
    /// year"), and so is a share goal over no contacts ("not evaluable",
    /// MODEL.md 13); neither is checked, but infinity never passes.
    fn first_non_finite(&self, core: &[f64], detail: &[f32]) -> Option<(bool, usize)> {
        let payback = self.layout.slots.payback;
        let n_years = self.layout.n_years;
        let undefined_allowed = |i: usize, x: f64| {
            x.is_nan()
                && (i == payback
                    || self.scenario.goals.iter().enumerate().any(|(g, goal)| {
                        goal.metric.may_be_undefined()
                            && (self.layout.slots.goals[g]..self.layout.slots.goals[g] + n_years)
                                .contains(&i)
                    }))
        };
        let staffing = self.layout.slots.staffing.iter().flatten().flatten();
        staffing
            .flat_map(|&first| first..first + n_years)
            .find(|&i| !detail[i].is_finite())
            .map(|i| (false, i))
            .or_else(|| {
                detail
                    .iter()
                    .position(|x| !x.is_finite())
                    .map(|i| (false, i))
            })
            .or_else(|| {
                core.iter()
                    .enumerate()
                    .find(|&(i, x)| !x.is_finite() && !undefined_allowed(i, *x))
                    .map(|(i, _)| (true, i))
            })
    }

    /// Simulates a few trials before a run, and in `check`: every uncertain
    /// input at its median, at the smallest and at the largest value the
    /// samplers can draw, and the run's first trials. An output that is NaN
    /// or infinite in any of them is an input error (exit 2) naming the
    /// output and the inputs involved, so `check` catches what `run` would
    /// fail on and `run` fails before it allocates anything.
    pub fn probe(&self) -> Result<(), InputError> {
        let mut kinds = vec![TrialKind::AllAt(0.5)];
        if !self.scenario.inputs.is_empty() {
            kinds.push(TrialKind::AllAt(crate::distribution::SMALLEST_U));
            kinds.push(TrialKind::AllAt(crate::distribution::LARGEST_U));
            kinds.extend((0..PROBE_SAMPLED).map(TrialKind::Sampled));
        }
        let mut core = vec![0.0; self.layout.core_len];
        let mut detail = vec![0.0f32; self.layout.detail_len];
        for kind in kinds {
            let values = self.probe_values(kind);
            let trial = match kind {
                TrialKind::Sampled(i) => i,
                TrialKind::AllAt(_) => 0,
            };
            self.simulate_values(&values, trial, &mut core, &mut detail);
            if let Some(slot) = self.first_non_finite(&core, &detail) {
                let value = slot_value(&core, &detail, slot);
                return Err(self.non_finite_error(kind, trial, &values, slot, value));
            }
        }
        Ok(())
    }

    /// Checks that every output of every trial is finite (the payback year
    /// excepted); otherwise the error names the first trial and output that
    /// is not, and the inputs involved. Costs one pass over the rows.
    pub fn check_finite(&self, trials: &Trials, first_trial: u64) -> Result<(), InputError> {
        let (cl, dl) = (self.layout.core_len, self.layout.detail_len);
        let bad = (0..trials.n).into_par_iter().find_first(|&i| {
            self.first_non_finite(
                &trials.core[i * cl..(i + 1) * cl],
                &trials.detail[i * dl..(i + 1) * dl],
            )
            .is_some()
        });
        let Some(i) = bad else { return Ok(()) };
        let (core, detail) = (
            &trials.core[i * cl..(i + 1) * cl],
            &trials.detail[i * dl..(i + 1) * dl],
        );
        let slot = self.first_non_finite(core, detail).expect("found above");
        let value = slot_value(core, detail, slot);
        let trial = first_trial + i as u64;
        let values = self.probe_values(TrialKind::Sampled(trial));
        Err(self.non_finite_error(TrialKind::Sampled(trial), trial, &values, slot, value))
    }

    /// The metric a slot belongs to.
    fn slot_metric(&self, (is_core, offset): (bool, usize)) -> Option<&MetricDef> {
        let store = if is_core { Store::Core } else { Store::Detail };
        self.layout.metric_at(store, offset)
    }

    /// The metric key and year of a slot, e.g. `cost_scenario_kr 2014`.
    fn slot_name(&self, (is_core, offset): (bool, usize)) -> String {
        self.slot_metric((is_core, offset))
            .map(|m| {
                if m.per_year {
                    let year = self.scenario.base_year + (offset - m.offset) as i32;
                    format!("{} {year}", m.key)
                } else {
                    m.key.clone()
                }
            })
            .unwrap_or_else(|| format!("output slot {offset}"))
    }

    /// The error for a trial with a non-finite output: which output, which
    /// trial, and which uncertain inputs it depends on. An input is
    /// "involved" when moving it alone (to its median, or its 0.1 % or
    /// 99.9 % quantile) makes the output finite; if no single input does,
    /// the inputs drawn furthest into their tails are named.
    fn non_finite_error(
        &self,
        kind: TrialKind,
        trial: u64,
        values: &[f64],
        slot: (bool, usize),
        value: f64,
    ) -> InputError {
        let s = self.scenario;
        let output = self.slot_name(slot);
        let which = match kind {
            TrialKind::AllAt(0.5) => "with every uncertain input at its median".to_string(),
            TrialKind::AllAt(u) if u < 0.5 => {
                "with every uncertain input at the smallest value it can draw".to_string()
            }
            TrialKind::AllAt(_) => {
                "with every uncertain input at the largest value it can draw".to_string()
            }
            TrialKind::Sampled(i) => format!("in trial {i} (seed {})", self.seed),
        };
        let mut core = vec![0.0; self.layout.core_len];
        let mut detail = vec![0.0f32; self.layout.detail_len];
        let mut involved = Vec::new();
        let mut trial_values = values.to_vec();
        // Up to three trials per input on this error path; past
        // MAX_INVOLVED_SEARCH inputs the tails alone name them.
        let searched = if s.inputs.len() <= MAX_INVOLVED_SEARCH {
            s.inputs.len()
        } else {
            0
        };
        for i in 0..searched {
            let keep = trial_values[i];
            // Back to its median, or to either end of its 99.8 % range.
            let fixes = [0.5, 0.001, 0.999].iter().any(|&u| {
                let x = self.quantiles[i].quantile(u);
                if x == keep {
                    return false;
                }
                trial_values[i] = x;
                self.simulate_values(&trial_values, trial, &mut core, &mut detail);
                slot_value(&core, &detail, slot).is_finite()
            });
            trial_values[i] = keep;
            if fixes {
                involved.push(i);
            }
        }
        if involved.is_empty() {
            // No single input explains it: the furthest into their tails.
            let mut by_tail: Vec<(f64, usize)> = s
                .inputs
                .iter()
                .enumerate()
                .map(|(i, input)| {
                    let (lo, hi) = input.distribution.reachable();
                    let median = self.quantiles[i].quantile(0.5);
                    let x = values[i];
                    let reach = if x >= median {
                        hi - median
                    } else {
                        median - lo
                    };
                    let out = if reach > 0.0 && reach.is_finite() {
                        (x - median).abs() / reach
                    } else {
                        0.0
                    };
                    (out, i)
                })
                .filter(|&(out, _)| out > 0.5)
                .collect();
            by_tail.sort_by(|a, b| b.0.total_cmp(&a.0));
            involved = by_tail.iter().take(5).map(|&(_, i)| i).collect();
        }
        let names: Vec<String> = involved
            .iter()
            .take(8)
            .map(|&i| {
                let input = &s.inputs[i];
                format!(
                    "{} = {} {} ({}, at {})",
                    input.key,
                    values[i],
                    input.unit,
                    input.distribution.describe(),
                    input.location
                )
            })
            .collect();
        let message = format!(
            "scenario \"{}\" gives {output} = {value} {which}: the numbers overflow, so no \
             output was written",
            s.name
        );
        let staffed = if matches!(
            self.slot_metric(slot).map(|m| &m.name),
            Some(MetricName::Series(SeriesKey::Staffing { .. }))
        ) {
            format!(
                "a staffed channel's calls per open hour x handling time exceed what Erlang C \
                 can staff ({:e} Erlang) or are not finite; ",
                crate::hours::erlang::MAX_TRAFFIC_ERLANGS
            )
        } else {
            String::new()
        };
        let help = if names.is_empty() {
            let what = if staffed.is_empty() {
                "volumes x prices x growth or price index over the horizon"
            } else {
                "volumes into few open hours x handling time"
            };
            format!(
                "{staffed}no uncertain input explains it: the fixed inputs together are too \
                 large ({what}); lower them, shorten the horizon, or check the units. See \
                 \"Limits\" in docs/scenario-format.md"
            )
        } else {
            format!(
                "{staffed}the inputs involved: {}; narrow these distributions or bound them (e.g. \
                 a normal's max), or check their units. See \"Limits\" in \
                 docs/scenario-format.md",
                names.join("; ")
            )
        };
        // Point at the first involved input's line when there is one.
        let mut err = InputError::in_file(&s.path, message).with_help(help);
        if let Some(&i) = involved.first() {
            if let Some((file, line)) = s.inputs[i].location.rsplit_once(':') {
                if let Ok(line) = line.parse::<u32>() {
                    err.file = Some(file.into());
                    err.line_col = Some((line, 1));
                }
            }
        }
        err
    }
}

/// The value in a slot, widened to f64.
fn slot_value(core: &[f64], detail: &[f32], (is_core, offset): (bool, usize)) -> f64 {
    if is_core {
        core[offset]
    } else {
        f64::from(detail[offset])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A run's rows, trials batched in lanes, against each trial simulated
    /// alone: the same bits in every value of every row.
    fn assert_rows_match_single_trials(file: &str, breakdown: bool, monthly: bool) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let mut scenario = Scenario::from_file(&path).expect("a valid scenario");
        scenario.breakdown = breakdown;
        scenario.monthly = monthly;
        let engine = Engine::new(&scenario, 11);
        // Three full batches and the rest run one by one.
        let n = 3 * LANES + 5;
        let trials = engine.run(n);
        let (cl, dl) = (engine.layout.core_len, engine.layout.detail_len);
        let n_inputs = scenario.inputs.len();
        let (mut uniforms, mut values) = (vec![0.0; n_inputs], vec![0.0; n_inputs]);
        for k in 0..n {
            engine.input_values(k as u64, &mut uniforms, &mut values);
            let (mut core, mut detail) = (vec![0.0f64; cl], vec![0.0f32; dl]);
            engine.simulate_values(&values, k as u64, &mut core, &mut detail);
            let bits = |x: &[f64]| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            let bits32 = |x: &[f32]| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(
                bits(&trials.core[k * cl..(k + 1) * cl]),
                bits(&core),
                "{file}: core row of trial {k}"
            );
            assert_eq!(
                bits32(&trials.detail[k * dl..(k + 1) * dl]),
                bits32(&detail),
                "{file}: detail row of trial {k}"
            );
        }
    }

    #[test]
    fn batched_trials_give_the_bits_of_single_trials() {
        for file in [
            "tests/data/every-input-uncertain.toml",
            "scenarios/vallensbaek-2012.toml",
            "scenarios/model-worked-example-hours.toml",
            "scenarios/copenhagen-2009-citizen2012.toml",
            "scenarios/solrod-2011-proposal-1.toml",
            "tests/data/citizens.toml",
            "tests/data/levers.toml",
        ] {
            assert_rows_match_single_trials(file, false, false);
        }
    }

    #[test]
    fn batched_trials_give_the_bits_of_single_trials_with_breakdown_and_monthly() {
        for file in [
            "scenarios/lyngby-taarbaek-2015.toml",
            "scenarios/model-worked-example-hours.toml",
            "tests/data/levers.toml",
        ] {
            assert_rows_match_single_trials(file, true, true);
        }
    }
}
