//! Iman-Conover rank correlation over fixed batches of trials (Iman &
//! Conover, "A distribution-free approach to inducing rank correlation
//! among input variables", 1982), the alternative to the Gaussian copula
//! (`--correlation iman-conover`).
//!
//! For batch `b` (trials `b·B .. (b+1)·B`, the design's batch) and the `m`
//! correlated inputs:
//!
//! 1. each input gets the van der Waerden scores `Φ⁻¹(k / (B + 1))`,
//!    `k = 1..B`, in an order permuted by its own key and the batch;
//! 2. the score matrix `X` (B × m) is re-mixed to the target correlation:
//!    `T = X (L_X⁻¹)ᵀ L_Pᵀ`, with `L_X`, `L_P` the Cholesky factors of the
//!    scores' own correlation and of the target (the declared Spearman
//!    correlations as normal correlations `2 sin(πρ/6)`);
//! 3. input `j` takes, in trial `k` of the batch, the value of rank
//!    `rank(T_kj)` among the inner sampler's uniforms of input `j` in the
//!    batch.
//!
//! So every input keeps exactly the values the inner sampler drew for the
//! batch (under Latin hypercube sampling: one per stratum), only their order
//! changes; the batch's rank correlation is close to the declared one. A
//! batch is a pure function of the seed, the keys and the batch number, so
//! results do not depend on threads; batches are cached (a few at a time)
//! because all trials of a batch need them.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use statrs::distribution::{ContinuousCDF, Normal};

use super::lhs::permute;
use super::{mix64, InputSampler};
use crate::correlation::{cholesky, matrix};
use crate::scenario::Correlation;

/// Batches kept in the cache.
const CACHED_BATCHES: usize = 64;
const SCORE_SALT: u64 = 0x494D_414E_434F_4E56; // "IMANCONV"

/// Computed batches by batch number, and their order of arrival (oldest first).
type Cache = (HashMap<u64, Arc<Vec<Vec<f64>>>>, VecDeque<u64>);

/// A sampler that correlates some inputs of `inner` by Iman-Conover.
pub struct ImanConover<S: InputSampler> {
    inner: S,
    n_inputs: usize,
    /// The correlated inputs (indices into the sampler's inputs).
    ids: Vec<usize>,
    /// Their streams (for the score permutations).
    streams: Vec<u64>,
    /// Lower Cholesky factor of the target normal correlation.
    target: Vec<Vec<f64>>,
    batch: u64,
    cache: Mutex<Cache>,
}

impl<S: InputSampler> ImanConover<S> {
    /// Wraps `inner` (over `n_inputs` inputs with streams `streams`) with
    /// the declared `correlations`, over batches of `batch` trials.
    pub fn new(inner: S, streams: &[u64], correlations: &[Correlation], batch: u64) -> Self {
        let (ids, m) = matrix(correlations);
        let target = cholesky(&m).unwrap_or_else(|_| identity(ids.len()));
        ImanConover {
            inner,
            n_inputs: streams.len(),
            streams: ids.iter().map(|&i| streams[i]).collect(),
            ids,
            target,
            batch: batch.max(1),
            cache: Mutex::new((HashMap::new(), VecDeque::new())),
        }
    }

    /// The correlated inputs' uniforms in batch `b`: `[input][k]`.
    fn batch_design(&self, b: u64) -> Arc<Vec<Vec<f64>>> {
        if let Some(d) = self.cache.lock().expect("cache").0.get(&b) {
            return d.clone();
        }
        let d = Arc::new(self.compute(b));
        let mut cache = self.cache.lock().expect("cache");
        let (map, order) = &mut *cache;
        if map.insert(b, d.clone()).is_none() {
            order.push_back(b);
            while order.len() > CACHED_BATCHES {
                if let Some(old) = order.pop_front() {
                    map.remove(&old);
                }
            }
        }
        d
    }

    fn compute(&self, b: u64) -> Vec<Vec<f64>> {
        let n = self.batch as usize;
        let m = self.ids.len();
        // The inner sampler's values of each correlated input, sorted.
        let mut values = vec![Vec::with_capacity(n); m];
        let mut row = vec![0.0; self.n_inputs];
        for k in 0..n as u64 {
            self.inner.fill(b * self.batch + k, &mut row);
            for (v, &id) in values.iter_mut().zip(&self.ids) {
                v.push(row[id]);
            }
        }
        for v in &mut values {
            v.sort_by(f64::total_cmp);
        }
        if n < 3 || m < 2 {
            return values;
        }
        // Van der Waerden scores, permuted per input.
        let normal = Normal::standard();
        let scores: Vec<f64> = (1..=n)
            .map(|k| normal.inverse_cdf(k as f64 / (n as f64 + 1.0)))
            .collect();
        let x: Vec<Vec<f64>> = self
            .streams
            .iter()
            .map(|&s| {
                let key = mix64(s ^ mix64(b ^ SCORE_SALT));
                (0..n as u64)
                    .map(|k| scores[permute(k, n as u64, key) as usize])
                    .collect()
            })
            .collect();
        // The scores' own correlation (their mean is 0 by symmetry).
        let ss: f64 = scores.iter().map(|s| s * s).sum();
        let mut c = vec![vec![0.0; m]; m];
        for i in 0..m {
            for j in 0..=i {
                let r = x[i].iter().zip(&x[j]).map(|(a, b)| a * b).sum::<f64>() / ss;
                c[i][j] = r;
                c[j][i] = r;
            }
        }
        let Ok(lx) = cholesky(&c) else {
            return values;
        };
        // M = L_P · L_X⁻¹ (lower triangular); T_k = M · X_k for each trial k.
        let lx_inv = lower_inverse(&lx);
        let mut mix = vec![vec![0.0; m]; m];
        for i in 0..m {
            for j in 0..m {
                mix[i][j] = (0..m).map(|t| self.target[i][t] * lx_inv[t][j]).sum();
            }
        }
        (0..m)
            .map(|i| {
                let t: Vec<f64> = (0..n)
                    .map(|k| (0..m).map(|j| mix[i][j] * x[j][k]).sum())
                    .collect();
                // Trial k takes the value whose rank is t_k's rank.
                let mut order: Vec<usize> = (0..n).collect();
                order.sort_by(|&a, &b| t[a].total_cmp(&t[b]).then(a.cmp(&b)));
                let mut out = vec![0.0; n];
                for (rank, &k) in order.iter().enumerate() {
                    out[k] = values[i][rank];
                }
                out
            })
            .collect()
    }
}

impl<S: InputSampler> InputSampler for ImanConover<S> {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        self.inner.fill(trial, out);
        if self.ids.is_empty() {
            return;
        }
        let (b, k) = (trial / self.batch, (trial % self.batch) as usize);
        let design = self.batch_design(b);
        for (v, &id) in design.iter().zip(&self.ids) {
            out[id] = v[k];
        }
    }
}

fn identity(n: usize) -> Vec<Vec<f64>> {
    (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect()
}

/// Inverse of a lower triangular matrix with a positive diagonal.
fn lower_inverse(l: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let n = l.len();
    let mut inv = vec![vec![0.0; n]; n];
    for i in 0..n {
        inv[i][i] = 1.0 / l[i][i];
        for j in 0..i {
            let s: f64 = (j..i).map(|k| l[i][k] * inv[k][j]).sum();
            inv[i][j] = -s / l[i][i];
        }
    }
    inv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampling::lhs::LatinHypercube;
    use crate::sampling::stream_id;
    use crate::stats::spearman;

    fn sampler() -> ImanConover<LatinHypercube> {
        let streams: Vec<u64> = ["a", "b", "c"].iter().map(|k| stream_id(4, k)).collect();
        let corr = [
            Correlation {
                a: 0,
                b: 1,
                rho: 0.7,
            },
            Correlation {
                a: 1,
                b: 2,
                rho: -0.3,
            },
        ];
        ImanConover::new(
            LatinHypercube::new(streams.clone(), 1_000),
            &streams,
            &corr,
            1_000,
        )
    }

    #[test]
    fn achieved_rank_correlation_is_the_declared_one_and_strata_are_kept() {
        let s = sampler();
        let n = 5_000u64;
        let mut cols = vec![Vec::new(); 3];
        let mut out = [0.0; 3];
        for t in 0..n {
            s.fill(t, &mut out);
            for k in 0..3 {
                cols[k].push(out[k]);
            }
        }
        let r01 = spearman(&cols[0], &cols[1]);
        let r12 = spearman(&cols[1], &cols[2]);
        assert!((r01 - 0.7).abs() < 0.02, "{r01}");
        assert!((r12 + 0.3).abs() < 0.02, "{r12}");
        // Each batch still uses every stratum of every input once.
        for b in 0..5 {
            for col in &cols {
                let mut hits = vec![0; 1_000];
                for u in &col[b * 1_000..(b + 1) * 1_000] {
                    hits[(u * 1_000.0) as usize] += 1;
                }
                assert!(hits.iter().all(|&h| h == 1));
            }
        }
    }

    #[test]
    fn any_order_of_trials_gives_the_same_numbers() {
        let (a, b) = (sampler(), sampler());
        let (mut x, mut y) = ([0.0; 3], [0.0; 3]);
        b.fill(4_321, &mut y);
        for t in (0..5_000u64).rev().step_by(997) {
            a.fill(t, &mut x);
            b.fill(t, &mut y);
            assert_eq!(x, y);
        }
    }

    #[test]
    fn lower_inverse_inverts() {
        let l = vec![vec![2.0, 0.0], vec![1.0, 4.0]];
        let inv = lower_inverse(&l);
        assert_eq!(inv, vec![vec![0.5, 0.0], vec![-0.125, 0.25]]);
    }
}
