//! Latin hypercube sampling over fixed batches of trial indices.
//!
//! Trials `b·B .. (b+1)·B` form batch `b` (`B` = [`LatinHypercube::batch`]).
//! Within a batch every input's range (0, 1) is cut into `B` equal strata and
//! each stratum is used by exactly one trial: trial `b·B + k` takes stratum
//! `π(k)` of input `j`, where `π` is a pseudo-random permutation of `0..B`
//! keyed by the input's stream (seed and key) and the batch number, and its
//! position within the stratum is the input's ordinary counter-based uniform
//! (`sampling::uniform`). So a trial's uniforms still depend only on the
//! seed, the trial index and the input's key: results do not depend on the
//! number of threads, and an option file that extends a base draws the same
//! value for the same input in the same trial (common random numbers).

use super::{mix64, uniform, InputSampler};
use crate::distribution::{LARGEST_U, SMALLEST_U};

/// Trials per Latin hypercube batch in runs of this many trials or more;
/// a shorter run is one batch of all its trials.
pub const DEFAULT_BATCH: u64 = 1_000;

/// Salt that separates the permutation keys from the streams' uniforms.
const PERMUTATION_SALT: u64 = 0x4C48_5350_4552_4D55; // "LHSPERMU"

/// The Latin hypercube batch size for a run of `trials` trials: every batch
/// is complete when `trials` is below [`DEFAULT_BATCH`] or a multiple of it.
pub fn batch_for(trials: u64) -> u64 {
    trials.clamp(1, DEFAULT_BATCH)
}

/// Latin hypercube uniforms for named input streams.
#[derive(Debug, Clone)]
pub struct LatinHypercube {
    streams: Vec<u64>,
    batch: u64,
}

impl LatinHypercube {
    /// A sampler for input streams `streams` (see `sampling::stream_id`),
    /// stratified over batches of `batch` trials (at least 1).
    pub fn new(streams: Vec<u64>, batch: u64) -> Self {
        LatinHypercube {
            streams,
            batch: batch.max(1),
        }
    }

    /// Trials per stratified batch.
    pub fn batch(&self) -> u64 {
        self.batch
    }

    /// The stratum (0..batch) of input stream `stream` in `trial`.
    pub fn stratum(&self, stream: u64, trial: u64) -> u64 {
        let (b, k) = (trial / self.batch, trial % self.batch);
        permute(k, self.batch, mix64(stream ^ mix64(b ^ PERMUTATION_SALT)))
    }
}

impl InputSampler for LatinHypercube {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        let width = 1.0 / self.batch as f64;
        for (o, &s) in out.iter_mut().zip(&self.streams) {
            let stratum = self.stratum(s, trial);
            let u = (stratum as f64 + uniform(s, trial, 0)) * width;
            // (B - 1 + u) / B can round up to 1.0 in f64.
            *o = u.clamp(SMALLEST_U, LARGEST_U);
        }
    }
}

/// The image of `index` under a pseudo-random permutation of `0..n` keyed
/// by `key`: a four-round Feistel network on the smallest even number of
/// bits that holds `n - 1`, with cycle walking back into `0..n`.
///
/// Hand-written because the sampler must compute one trial's stratum
/// directly (any trial, on any thread, in O(1) memory); the permutation
/// crates shuffle a whole array. The Feistel construction is a bijection for
/// any round function (here SplitMix64), and cycle walking restricts a
/// bijection of `0..2^2h` to one of `0..n`: the walk from `index < n` stays
/// on its cycle, which contains `index`, so it ends, and the domain is at
/// most 4n so it ends after about 4 steps at worst on average.
pub fn permute(index: u64, n: u64, key: u64) -> u64 {
    debug_assert!(index < n);
    if n <= 1 {
        return 0;
    }
    let bits = 64 - (n - 1).leading_zeros();
    let half = bits.div_ceil(2);
    let mask = (1u64 << half) - 1;
    let mut x = index;
    loop {
        let (mut left, mut right) = (x >> half, x & mask);
        for round in 0..4u64 {
            let f =
                mix64(right ^ key.wrapping_add(round.wrapping_mul(0x9E37_79B9_7F4A_7C15))) & mask;
            (left, right) = (right, left ^ f);
        }
        x = (left << half) | right;
        if x < n {
            return x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampling::stream_id;

    #[test]
    fn permute_is_a_bijection_for_every_length() {
        for n in [1u64, 2, 3, 5, 7, 8, 100, 999, 1000, 1024, 1025] {
            for key in [0u64, 1, 0xDEAD_BEEF] {
                let mut seen = vec![false; n as usize];
                for i in 0..n {
                    let p = permute(i, n, key);
                    assert!(p < n);
                    assert!(!seen[p as usize], "n {n} key {key}: {p} twice");
                    seen[p as usize] = true;
                }
            }
        }
    }

    #[test]
    fn each_stratum_is_hit_exactly_once_per_batch_and_input() {
        let keys = ["prices.personal", "volume.a", "adoption.p"];
        let streams: Vec<u64> = keys.iter().map(|k| stream_id(9, k)).collect();
        let s = LatinHypercube::new(streams, 1_000);
        let mut out = [0.0; 3];
        for b in 0..3u64 {
            let mut hits = vec![[0u32; 3]; 1_000];
            for k in 0..1_000 {
                s.fill(b * 1_000 + k, &mut out);
                for (j, u) in out.iter().enumerate() {
                    assert!(*u > 0.0 && *u < 1.0);
                    hits[(u * 1_000.0) as usize][j] += 1;
                }
            }
            assert!(hits.iter().all(|h| *h == [1, 1, 1]), "batch {b}");
        }
    }

    #[test]
    fn the_permutation_differs_between_inputs_and_batches() {
        let s = LatinHypercube::new(vec![stream_id(1, "a"), stream_id(1, "b")], 100);
        let strata = |stream, b: u64| -> Vec<u64> {
            (0..100).map(|k| s.stratum(stream, b * 100 + k)).collect()
        };
        let (a, b) = (stream_id(1, "a"), stream_id(1, "b"));
        assert_ne!(strata(a, 0), strata(b, 0));
        assert_ne!(strata(a, 0), strata(a, 1));
        // Same key, same trial: same stratum (common random numbers).
        let again = LatinHypercube::new(vec![stream_id(1, "b")], 100);
        assert_eq!(again.stratum(b, 57), s.stratum(b, 57));
    }

    #[test]
    fn strata_of_two_inputs_are_uncorrelated() {
        let s = LatinHypercube::new(vec![stream_id(3, "x"), stream_id(3, "y")], 1_000);
        let n = 20_000u64;
        let mut out = [0.0; 2];
        let (mut sxy, mut sx, mut sy) = (0.0, 0.0, 0.0);
        for t in 0..n {
            s.fill(t, &mut out);
            sxy += out[0] * out[1];
            sx += out[0];
            sy += out[1];
        }
        let nf = n as f64;
        let corr = (sxy / nf - sx / nf * sy / nf) * 12.0;
        // sd of a sample correlation ~ 1/sqrt(n) = 0.007; allow 5 sd.
        assert!(corr.abs() < 0.035, "corr {corr}");
    }

    #[test]
    fn batch_sizes() {
        assert_eq!(batch_for(1), 1);
        assert_eq!(batch_for(500), 500);
        assert_eq!(batch_for(1_000), 1_000);
        assert_eq!(batch_for(1_000_000), 1_000);
    }
}
