//! The Monte Carlo driver: runs trials in parallel and keeps their rows.
//!
//! Trial `i` reads only its own uniforms (from the sampler, keyed by seed,
//! trial and input) and writes only its own row, so the result does not
//! depend on the number of threads or on scheduling (MODEL.md section 11).

use rayon::prelude::*;

use crate::model::layout::Layout;
use crate::model::plan::Plan;
use crate::model::trial::{simulate, Scratch};
use crate::quantile_table::FastQuantile;
use crate::sampling::{self, InputSampler, PseudoRandom};
use crate::scenario::Scenario;

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
    sampler: Box<dyn InputSampler + 'a>,
    quantiles: Vec<FastQuantile>,
    noise_stream: u64,
}

impl<'a> Engine<'a> {
    /// Prepares a scenario with plain pseudo-random sampling under `seed`.
    pub fn new(scenario: &'a Scenario, seed: u64) -> Self {
        let keys: Vec<String> = scenario.inputs.iter().map(|i| i.key.clone()).collect();
        let sampler: Box<dyn InputSampler> = if scenario.correlations.is_empty() {
            Box::new(PseudoRandom::new(seed, &keys))
        } else {
            Box::new(crate::correlation::GaussianCopula::new(
                PseudoRandom::new(seed, &keys),
                scenario.inputs.len(),
                &scenario.correlations,
            ))
        };
        Self::with_sampler(scenario, seed, sampler)
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
            sampler,
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
                let mut scratch = Scratch::default();
                let mut uniforms = vec![0.0; n_inputs];
                let mut values = vec![0.0; n_inputs];
                let first = chunk * CHUNK;
                let count = (core_rows.len() / cl.max(1)).min(n - first);
                for k in 0..count {
                    let trial = start + (first + k) as u64;
                    self.input_values(trial, &mut uniforms, &mut values);
                    simulate(
                        self.scenario,
                        &self.plan,
                        &self.layout,
                        &values,
                        self.noise_stream,
                        trial,
                        &mut scratch,
                        &mut core_rows[k * cl..(k + 1) * cl],
                        &mut detail_rows[k * dl..(k + 1) * dl],
                    );
                }
                progress(count);
            });
        Trials { n, core, detail }
    }

    /// Runs `n` trials from trial 0.
    pub fn run(&self, n: usize) -> Trials {
        self.run_range(0, n, &|_| {})
    }
}

/// Appends the rows of `more` to `all` (batches of a precision-controlled run).
pub fn append(all: &mut Trials, more: Trials) {
    all.n += more.n;
    all.core.extend(more.core);
    all.detail.extend(more.detail);
}
