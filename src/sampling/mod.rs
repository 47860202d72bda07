//! Where the random numbers come from: the one interface between randomness
//! and the model.
//!
//! The model never sees a random generator. For each trial it asks an
//! [`InputSampler`] for one uniform number in (0, 1) per uncertain input and
//! turns it into a value by the input's inverse CDF. Plain pseudo-random
//! numbers are one sampler; Latin hypercube, Sobol' points or correlated
//! draws (a copula) are others that fill the same slice over fixed batches of
//! trial indices, so they plug in without touching the model.
//!
//! Reproducibility (MODEL.md section 11): a uniform depends only on the seed,
//! the trial index and the input's key, never on the thread that computes it
//! or on the order of computation. Because the key is the input's name (e.g.
//! `prices.personal`), an option file that extends a base draws exactly the
//! same value for the same input in the same trial: common random numbers.
//!
//! The methods (`--sampling`, `[simulation] sampling`): [`PseudoRandom`]
//! (plain Monte Carlo), [`lhs::LatinHypercube`] and [`sobol::Sobol`]; a
//! [`Design`] picks one and keeps common random numbers across the
//! scenarios of a comparison or an attribution.

mod design;
pub mod iman_conover;
pub mod lhs;
pub mod sobol;

pub use design::{CorrelationMethod, Design, Method};

/// A source of per-trial uniforms for the uncertain inputs.
pub trait InputSampler: Send + Sync {
    /// Fills `out[j]` with the uniform in (0, 1) for input `j` in `trial`.
    fn fill(&self, trial: u64, out: &mut [f64]);

    /// Fills `out[l]` as [`InputSampler::fill`] does for trial `first + l`,
    /// for every `l` (a batch of trials; a sampler may draw them together).
    fn fill_lanes(&self, first: u64, out: &mut [Vec<f64>]) {
        for (l, out) in out.iter_mut().enumerate() {
            self.fill(first + l as u64, out);
        }
    }
}

impl<T: InputSampler + ?Sized> InputSampler for Box<T> {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        (**self).fill(trial, out)
    }

    fn fill_lanes(&self, first: u64, out: &mut [Vec<f64>]) {
        (**self).fill_lanes(first, out)
    }
}

/// Independent pseudo-random uniforms from a counter-based generator.
///
/// Each (seed, input key, trial) triple is hashed through two rounds of the
/// SplitMix64/Murmur3 finaliser, so any trial's numbers can be computed
/// directly, in any order, on any thread.
#[derive(Debug, Clone)]
pub struct PseudoRandom {
    streams: Vec<u64>,
}

impl PseudoRandom {
    /// A sampler for inputs named `keys` under `seed`.
    pub fn new(seed: u64, keys: &[String]) -> Self {
        let streams = keys.iter().map(|k| stream_id(seed, k)).collect();
        PseudoRandom { streams }
    }
}

impl InputSampler for PseudoRandom {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        for (o, s) in out.iter_mut().zip(&self.streams) {
            *o = uniform(*s, trial, 0);
        }
    }

    fn fill_lanes(&self, first: u64, out: &mut [Vec<f64>]) {
        if let Ok(eight) = <&mut [Vec<f64>; 8]>::try_from(&mut *out) {
            return fill_eight(&self.streams, first, eight);
        }
        for (l, out) in out.iter_mut().enumerate() {
            self.fill(first + l as u64, out);
        }
    }
}

/// The uniforms of trials `first..first + 8`, one stream at a time, the
/// eight trials' hashes side by side: 64-bit multiplications in vector
/// registers where the processor has them (AVX-512DQ), chosen at run time.
/// Integer arithmetic and one exact conversion: the same bits as
/// [`uniform`] trial by trial.
#[multiversion::multiversion(targets("x86_64+avx512f+avx512dq", "x86_64+avx2"))]
fn fill_eight(streams: &[u64], first: u64, out: &mut [Vec<f64>; 8]) {
    for (i, &stream) in streams.iter().enumerate() {
        let u: [f64; 8] = std::array::from_fn(|l| uniform(stream, first + l as u64, 0));
        for (out, u) in out.iter_mut().zip(u) {
            out[i] = u;
        }
    }
}

/// Stream identifier of a named stream under a seed.
pub fn stream_id(seed: u64, key: &str) -> u64 {
    mix64(seed ^ mix64(fnv1a(key.as_bytes())))
}

/// The `draw`-th uniform in (0, 1) of trial `trial` of stream `stream`.
#[inline]
pub fn uniform(stream: u64, trial: u64, draw: u64) -> f64 {
    let x = mix64(
        mix64(trial.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ stream)
            .wrapping_add(draw.wrapping_mul(0xD1B5_4A32_D192_ED03)),
    );
    // 53 random bits, shifted half a step off zero: strictly inside (0, 1).
    ((x >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// A standard normal draw from two uniforms of a stream (Box-Muller), for
/// month-to-month noise.
#[inline]
pub fn standard_normal(stream: u64, trial: u64, draw: u64) -> f64 {
    let u1 = uniform(stream, trial, 2 * draw);
    let u2 = uniform(stream, trial, 2 * draw + 1);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// The SplitMix64 finaliser: a bijection on u64 with full avalanche.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a: a stable hash of input names (std's hasher may change between releases).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniforms_are_inside_the_open_interval_and_uniform() {
        let s = stream_id(42, "prices.personal");
        let n = 200_000;
        let mut sum = 0.0;
        let mut below_tenth = 0;
        for t in 0..n {
            let u = uniform(s, t, 0);
            assert!(u > 0.0 && u < 1.0);
            sum += u;
            if u < 0.1 {
                below_tenth += 1;
            }
        }
        let mean = sum / n as f64;
        // sd of the mean of U(0,1) is sqrt(1/12/n) = 0.000645; allow 5 sd.
        assert!((mean - 0.5).abs() < 0.0033, "mean {mean}");
        // binomial sd sqrt(n 0.1 0.9) = 134; allow 5 sd.
        assert!(
            (below_tenth as f64 - 20_000.0).abs() < 670.0,
            "{below_tenth}"
        );
    }

    #[test]
    fn streams_of_different_inputs_are_uncorrelated() {
        let a = stream_id(7, "a");
        let b = stream_id(7, "b");
        let n = 100_000;
        let (mut sab, mut sa, mut sb) = (0.0, 0.0, 0.0);
        for t in 0..n {
            let (x, y) = (uniform(a, t, 0), uniform(b, t, 0));
            sab += x * y;
            sa += x;
            sb += y;
        }
        let cov = sab / n as f64 - (sa / n as f64) * (sb / n as f64);
        let corr = cov * 12.0;
        // sd of the sample correlation ~ 1/sqrt(n) = 0.0032; allow 5 sd.
        assert!(corr.abs() < 0.016, "corr {corr}");
    }

    #[test]
    fn same_seed_key_and_trial_give_the_same_number_in_any_order() {
        let p = PseudoRandom::new(1, &["x".into(), "y".into()]);
        let mut a = [0.0; 2];
        let mut b = [0.0; 2];
        p.fill(99, &mut a);
        p.fill(3, &mut b);
        p.fill(99, &mut b);
        assert_eq!(a, b);
        let q = PseudoRandom::new(2, &["x".into(), "y".into()]);
        q.fill(99, &mut b);
        assert_ne!(a, b);
    }

    #[test]
    fn normal_draws_have_unit_variance() {
        let s = stream_id(3, "noise");
        let n = 100_000u64;
        let xs: Vec<f64> = (0..n).map(|t| standard_normal(s, t, 5)).collect();
        let m = xs.iter().sum::<f64>() / n as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1) as f64;
        assert!(m.abs() < 0.016, "{m}");
        assert!((v - 1.0).abs() < 0.03, "{v}");
    }
}
