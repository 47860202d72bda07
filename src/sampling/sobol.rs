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

use std::ops::Range;

use sobol_burley::parts::{
    hash, hash_int4, owen_scramble_int4_rev, owen_scramble_rev, sobol_int4_rev, sobol_rev, Int4,
};

use super::{mix64, uniform, InputSampler};
use crate::distribution::{LARGEST_U, SMALLEST_U};

/// Dimensions of one Sobol' sequence of the crate.
pub const DIMENSIONS: u32 = sobol_burley::NUM_DIMENSIONS;
/// Trials per independently scrambled block (the crate's 2^16 points).
pub const BLOCK_TRIALS: u64 = 1 << 16;

const GROUP_SALT: u64 = 0x534F_424F_4C47_5250; // "SOBOLGRP"
/// The crate's salt of the index shuffle (`sobol_burley::sample`).
const INDEX_SALT: u32 = 0x79c6_8e4a;
/// The crate's multiplier of the seed in a dimension's scramble.
const SEED_MUL: u32 = 0x9c8f_2d3b;
/// The crate's salts of the four dimensions of a set.
const LANE_SALTS: [u32; 4] = [0x912f_69ba, 0x174f_18ab, 0x691e_72ca, 0xb40c_c1b8];

/// Four consecutive dimensions `4·set .. 4·set + 3` of one group: the
/// crate computes them together ([`sobol_int4_rev`]), so a trial computes
/// each set once however many of its dimensions the inputs use.
#[derive(Debug, Clone)]
struct DimensionSet {
    group: u32,
    set: u32,
    /// Its inputs in [`Sobol::members`].
    members: Range<usize>,
    /// The four dimensions' scramble hashes in block 0 (the first 2^16
    /// trials, which is every trial of most runs).
    block0_scramble: [u32; 4],
}

/// One input: where its value goes, its lane in its set and its stream.
#[derive(Debug, Clone, Copy)]
struct Member {
    input: usize,
    lane: usize,
    stream: u64,
}

/// Sobol' uniforms for inputs with given streams and dimensions.
///
/// What does not depend on the trial is computed once: the inputs are
/// ordered by dimension set, and the group seeds, index scrambles and
/// dimension scrambles of block 0 are kept. A trial then costs, per group,
/// one index scramble; per set of four dimensions, one Sobol' evaluation and
/// one scramble (four lanes at once); per input, its low bits. The values
/// are those of [`Sobol::coordinate`] bit for bit (a test checks it).
#[derive(Debug, Clone)]
pub struct Sobol {
    seed: u64,
    sets: Vec<DimensionSet>,
    members: Vec<Member>,
    /// Per group (index `dimension / 256`): its seed in block 0.
    block0_seeds: Vec<u32>,
}

impl Sobol {
    /// A sampler under `seed` whose input `j` has stream `streams[j]` (for
    /// the low bits) and Sobol' dimension `dimensions[j]`.
    pub fn new(seed: u64, streams: Vec<u64>, dimensions: Vec<u32>) -> Self {
        assert_eq!(streams.len(), dimensions.len());
        let mut order: Vec<usize> = (0..dimensions.len()).collect();
        order.sort_by_key(|&j| (dimensions[j], j));
        let n_groups = dimensions
            .iter()
            .map(|d| d / DIMENSIONS + 1)
            .max()
            .unwrap_or(0);
        let block0_seeds: Vec<u32> = (0..n_groups).map(|g| group_seed(seed, 0, g)).collect();
        let mut sets: Vec<DimensionSet> = Vec::new();
        let mut members = Vec::with_capacity(order.len());
        for j in order {
            let d = dimensions[j];
            let (group, set) = (d / DIMENSIONS, (d % DIMENSIONS) >> 2);
            if sets.last().is_none_or(|s| (s.group, s.set) != (group, set)) {
                let at = members.len();
                sets.push(DimensionSet {
                    group,
                    set,
                    members: at..at,
                    block0_scramble: set_scramble(block0_seeds[group as usize], set).into(),
                });
            }
            members.push(Member {
                input: j,
                lane: (d & 0b11) as usize,
                stream: streams[j],
            });
            sets.last_mut().expect("pushed").members.end = members.len();
        }
        Sobol {
            seed,
            sets,
            members,
            block0_seeds,
        }
    }

    /// The 32-bit scrambled Sobol' coordinate of `dimension` in `trial`,
    /// computed on its own (as `sobol_burley::sample`, without its final
    /// cut to f32). [`InputSampler::fill`] gives the same bits faster.
    pub fn coordinate(&self, trial: u64, dimension: u32) -> u32 {
        let block = trial / BLOCK_TRIALS;
        let index = (trial % BLOCK_TRIALS) as u32;
        let (group, dim) = (dimension / DIMENSIONS, dimension % DIMENSIONS);
        let seed = group_seed(self.seed, block, group);
        let shuffled_rev_index = owen_scramble_rev(index.reverse_bits(), hash(seed ^ INDEX_SALT));
        let sobol = sobol_rev(shuffled_rev_index, dim);
        let scramble = (dim >> 2) ^ seed.wrapping_mul(SEED_MUL) ^ LANE_SALTS[dim as usize & 0b11];
        owen_scramble_rev(sobol, hash(scramble)).reverse_bits()
    }
}

/// The seed of dimension group `group` in block `block` of trials.
fn group_seed(seed: u64, block: u64, group: u32) -> u32 {
    (mix64(seed ^ mix64((block << 32 | u64::from(group)) ^ GROUP_SALT)) >> 32) as u32
}

/// The scramble hashes of the four dimensions of `set` under a group seed
/// (as `sobol_burley::sample_4d`).
fn set_scramble(seed: u32, set: u32) -> Int4 {
    let scramble = Int4::from([seed.wrapping_mul(SEED_MUL); 4])
        ^ Int4::from([set; 4])
        ^ Int4::from(LANE_SALTS);
    hash_int4(scramble)
}

impl InputSampler for Sobol {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        const SCALE: f64 = 1.0 / 4_294_967_296.0;
        let block = trial / BLOCK_TRIALS;
        let rev_index = ((trial % BLOCK_TRIALS) as u32).reverse_bits();
        // The group of the sets being computed, its seed and shuffled index.
        let mut group = None;
        let (mut seed, mut shuffled_rev_index) = (0u32, 0u32);
        for set in &self.sets {
            if group != Some(set.group) {
                group = Some(set.group);
                seed = if block == 0 {
                    self.block0_seeds[set.group as usize]
                } else {
                    group_seed(self.seed, block, set.group)
                };
                shuffled_rev_index = owen_scramble_rev(rev_index, hash(seed ^ INDEX_SALT));
            }
            let scramble = if block == 0 {
                Int4::from(set.block0_scramble)
            } else {
                set_scramble(seed, set.set)
            };
            let sobol = sobol_int4_rev(shuffled_rev_index, set.set);
            let x: [u32; 4] = owen_scramble_int4_rev(sobol, scramble)
                .reverse_bits()
                .into();
            for m in &self.members[set.members.clone()] {
                let u = (f64::from(x[m.lane]) + uniform(m.stream, trial, 0)) * SCALE;
                out[m.input] = u.clamp(SMALLEST_U, LARGEST_U);
            }
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
    fn fill_gives_the_bits_of_each_coordinate_computed_alone() {
        // Dimensions out of order, with gaps, sets used by one input only,
        // a second group, and trials of the first, second and a far block.
        let dims: Vec<u32> = vec![7, 0, 3, 258, 1, 300, 255, 6, 2, 513, 4, 256];
        let streams: Vec<u64> = (0..dims.len())
            .map(|j| stream_id(9, &format!("k{j}")))
            .collect();
        let s = Sobol::new(9, streams.clone(), dims.clone());
        let mut out = vec![0.0; dims.len()];
        let trials = (0..300u64)
            .chain(BLOCK_TRIALS - 3..BLOCK_TRIALS + 300)
            .chain([7 * BLOCK_TRIALS + 11, u64::MAX / 2]);
        for t in trials {
            s.fill(t, &mut out);
            for (j, &d) in dims.iter().enumerate() {
                let x = s.coordinate(t, d);
                let u = (f64::from(x) + uniform(streams[j], t, 0)) / 4_294_967_296.0;
                let expected = u.clamp(SMALLEST_U, LARGEST_U);
                assert_eq!(out[j].to_bits(), expected.to_bits(), "trial {t} input {j}");
            }
        }
        // And a coordinate is the crate's own point (to the crate's 23 bits).
        for t in 0..2_000u64 {
            for d in [0u32, 1, 5, 77, 255, 256 + 3] {
                let seed = group_seed(9, 0, d / DIMENSIONS);
                let crate_point = sobol_burley::sample(t as u32, d % DIMENSIONS, seed);
                let x = s.coordinate(t, d);
                assert_eq!(sobol_burley::parts::u32_to_f32_norm(x), crate_point);
            }
        }
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
