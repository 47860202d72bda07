//! Owen-scrambled Sobol' points (Burley, "Practical Hash-based Owen
//! Scrambling", 2020) from the `sobol_burley` crate, seeded.
//!
//! Each uncertain input is one dimension of the sequence. The crate has 256
//! dimensions and 2^16 points per sequence; beyond those:
//!
//! - **Dimensions.** Dimension `d` uses the crate's dimension `d mod 256` of
//!   the sequence of group `d / 256`; each group has its own seed, which
//!   shuffles the point order (Burley's "padding"): the inputs within a group
//!   are jointly low-discrepancy, groups are independent of each other.
//! - **Trials.** Trials `k·2^16 .. (k+1)·2^16` form block `k`, with its own
//!   seed: an independent scrambled replicate of the first 2^16 points.
//! - **Precision.** The crate gives 32 bits; the bits below them are the
//!   input's own counter-based uniform (what further Owen scrambling would
//!   make them: independent uniform digits), so the value lies strictly
//!   inside (0, 1) at full f64 resolution.
//!
//! A trial's point depends only on the seed, the trial index and the
//! input's dimension, so results do not depend on the number of threads.
//! Which dimension an input gets is the caller's choice ([`super::Design`]):
//! the rank of its key among the sorted keys of every scenario run on common
//! random numbers.

use sobol_burley::parts::{hash, owen_scramble_rev, sobol_rev};

use super::{mix64, uniform, InputSampler};
use crate::distribution::{LARGEST_U, SMALLEST_U};

/// Dimensions of one Sobol' sequence of the crate.
pub const DIMENSIONS: u32 = sobol_burley::NUM_DIMENSIONS;
/// Trials per independently scrambled block (the crate's 2^16 points).
pub const BLOCK_TRIALS: u64 = 1 << 16;

const GROUP_SALT: u64 = 0x534F_424F_4C47_5250; // "SOBOLGRP"

/// Sobol' uniforms for inputs with given streams and dimensions.
#[derive(Debug, Clone)]
pub struct Sobol {
    seed: u64,
    streams: Vec<u64>,
    dimensions: Vec<u32>,
}

impl Sobol {
    /// A sampler under `seed` whose input `j` has stream `streams[j]` (for
    /// the low bits) and Sobol' dimension `dimensions[j]`.
    pub fn new(seed: u64, streams: Vec<u64>, dimensions: Vec<u32>) -> Self {
        assert_eq!(streams.len(), dimensions.len());
        Sobol {
            seed,
            streams,
            dimensions,
        }
    }

    /// The 32-bit scrambled Sobol' coordinate of `dimension` in `trial`.
    pub fn coordinate(&self, trial: u64, dimension: u32) -> u32 {
        let block = trial / BLOCK_TRIALS;
        let index = (trial % BLOCK_TRIALS) as u32;
        let (group, dim) = (dimension / DIMENSIONS, dimension % DIMENSIONS);
        let seed =
            (mix64(self.seed ^ mix64((block << 32 | u64::from(group)) ^ GROUP_SALT)) >> 32) as u32;
        // As `sobol_burley::sample`, without its final cut to f32.
        let shuffled_rev_index = owen_scramble_rev(index.reverse_bits(), hash(seed ^ 0x79c6_8e4a));
        let sobol = sobol_rev(shuffled_rev_index, dim);
        let scramble = {
            let s = seed.wrapping_mul(0x9c8f_2d3b);
            (dim >> 2)
                ^ s
                ^ [0x912f_69ba, 0x174f_18ab, 0x691e_72ca, 0xb40c_c1b8][dim as usize & 0b11]
        };
        owen_scramble_rev(sobol, hash(scramble)).reverse_bits()
    }
}

impl InputSampler for Sobol {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        const SCALE: f64 = 1.0 / 4_294_967_296.0;
        for ((o, &s), &d) in out.iter_mut().zip(&self.streams).zip(&self.dimensions) {
            let x = self.coordinate(trial, d);
            let u = (f64::from(x) + uniform(s, trial, 0)) * SCALE;
            *o = u.clamp(SMALLEST_U, LARGEST_U);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampling::stream_id;

    fn sampler(n_dims: u32) -> Sobol {
        let streams = (0..n_dims)
            .map(|d| stream_id(5, &format!("x{d}")))
            .collect();
        Sobol::new(5, streams, (0..n_dims).collect())
    }

    #[test]
    fn every_dimension_is_stratified_over_powers_of_two() {
        // The first 2^k points of an Owen-scrambled Sobol' sequence put
        // exactly one point in each interval [i/2^k, (i+1)/2^k).
        let s = sampler(300);
        let n = 1024u64;
        for d in [0u32, 1, 2, 3, 17, 255, 256, 299] {
            let mut hits = vec![0u32; n as usize];
            for t in 0..n {
                let x = s.coordinate(t, d);
                hits[((u64::from(x) * n) >> 32) as usize] += 1;
            }
            assert!(hits.iter().all(|&h| h == 1), "dimension {d}");
        }
    }

    #[test]
    fn the_same_dimension_and_trial_give_the_same_value_and_seeds_differ() {
        let a = sampler(4);
        let b = Sobol::new(6, vec![stream_id(6, "x0")], vec![0]);
        assert_eq!(a.coordinate(77, 3), sampler(4).coordinate(77, 3));
        assert_ne!(a.coordinate(77, 0), b.coordinate(77, 0));
        // A second block of 2^16 trials is a different scramble.
        assert_ne!(a.coordinate(5, 0), a.coordinate(5 + BLOCK_TRIALS, 0));
    }

    #[test]
    fn the_mean_of_a_smooth_function_converges_faster_than_random() {
        // f(u) = sum of u_j^2 over 8 inputs has mean 8/3. With 4,096
        // Sobol' points the error is far below random sampling's standard
        // error sqrt(8 * 4/45 / 4096) = 0.013.
        let s = sampler(8);
        let mut out = [0.0; 8];
        let n = 4_096u64;
        let mut sum = 0.0;
        for t in 0..n {
            s.fill(t, &mut out);
            assert!(out.iter().all(|u| *u > 0.0 && *u < 1.0));
            sum += out.iter().map(|u| u * u).sum::<f64>();
        }
        let err = (sum / n as f64 - 8.0 / 3.0).abs();
        assert!(err < 0.0013, "error {err}");
    }
}
