//! Which sampler a run uses: the method, the seed, the Latin hypercube
//! batch and the Sobol' dimension of every input key.
//!
//! Common random numbers under every method: `compare` and `attribution`
//! build each option's (or variant's) sampler from one [`Design`]. Random
//! and Latin hypercube uniforms are keyed by the input's name alone. A
//! Sobol' dimension cannot be derived from a name (dimensions must be
//! 0, 1, 2, ... without gaps, the first ones being the best), so the design
//! numbers the sorted union of the input keys of every scenario in the
//! comparison: the same key gets the same dimension in every option, and in
//! `run` (one scenario) its rank among that scenario's keys. Two separate
//! `run`s of a base and an option file therefore share Sobol' points only
//! where their key sets agree; `compare` shares them always.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use super::lhs::{self, LatinHypercube};
use super::sobol::Sobol;
use super::{stream_id, InputSampler, PseudoRandom};

/// How the uniforms of the uncertain inputs are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Independent pseudo-random numbers (plain Monte Carlo).
    #[default]
    Random,
    /// Latin hypercube, stratified per input over batches of trials.
    Lhs,
    /// Owen-scrambled Sobol' points.
    Sobol,
}

impl Method {
    /// The method's name in files and flags.
    pub fn key(self) -> &'static str {
        match self {
            Method::Random => "random",
            Method::Lhs => "lhs",
            Method::Sobol => "sobol",
        }
    }

    /// The method written as `random`, `lhs` or `sobol`.
    pub fn parse(text: &str) -> Option<Method> {
        match text {
            "random" => Some(Method::Random),
            "lhs" => Some(Method::Lhs),
            "sobol" => Some(Method::Sobol),
            _ => None,
        }
    }

    /// Every method, in the order the docs list them.
    pub const ALL: [Method; 3] = [Method::Random, Method::Lhs, Method::Sobol];
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How declared rank correlations between inputs are imposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrelationMethod {
    /// A Gaussian copula, trial by trial.
    #[default]
    Copula,
    /// Iman-Conover reordering over the design's batches of trials.
    ImanConover,
}

impl CorrelationMethod {
    /// The method named by `[simulation] correlation`.
    pub fn parse(text: &str) -> Option<CorrelationMethod> {
        match text {
            "copula" => Some(CorrelationMethod::Copula),
            "iman-conover" => Some(CorrelationMethod::ImanConover),
            _ => None,
        }
    }
}

/// A sampling design shared by every scenario run on common random numbers.
#[derive(Debug, Clone)]
pub struct Design {
    pub method: Method,
    pub seed: u64,
    /// Latin hypercube (and Iman-Conover): trials per batch.
    pub lhs_batch: u64,
    /// How declared correlations are imposed.
    pub correlation: CorrelationMethod,
    /// Sobol': dimension of each input key.
    dimensions: Arc<BTreeMap<String, u32>>,
}

impl Design {
    /// A design for `method` under `seed`, for a run of `trials` trials
    /// (which sets the Latin hypercube batch, [`lhs::batch_for`]).
    pub fn new(method: Method, seed: u64, trials: u64) -> Design {
        Design {
            method,
            seed,
            lhs_batch: lhs::batch_for(trials),
            correlation: CorrelationMethod::Copula,
            dimensions: Arc::new(BTreeMap::new()),
        }
    }

    /// The same design with correlations imposed by `method`.
    pub fn with_correlation(mut self, method: CorrelationMethod) -> Design {
        self.correlation = method;
        self
    }

    /// The same design with Latin hypercube batches of `batch` trials.
    pub fn with_lhs_batch(mut self, batch: u64) -> Design {
        self.lhs_batch = batch.max(1);
        self
    }

    /// The same design with Sobol' dimensions for the sorted union of these
    /// key sets (the inputs of every scenario that shares the design).
    pub fn with_keys<'k>(mut self, key_sets: impl IntoIterator<Item = &'k [String]>) -> Design {
        let mut keys: Vec<&str> = key_sets
            .into_iter()
            .flat_map(|ks| ks.iter().map(String::as_str))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        self.dimensions = Arc::new(
            keys.into_iter()
                .enumerate()
                .map(|(d, k)| (k.to_string(), d as u32))
                .collect(),
        );
        self
    }

    /// [`Design::with_keys`] unless the design already has its keys.
    pub fn with_keys_if_none<'k>(self, key_sets: impl IntoIterator<Item = &'k [String]>) -> Design {
        if self.dimensions.is_empty() {
            self.with_keys(key_sets)
        } else {
            self
        }
    }

    /// The Sobol' dimension of each of `keys`. A key the design was not
    /// given gets a dimension after all known ones, in the order of `keys`.
    pub fn dimensions_of(&self, keys: &[String]) -> Vec<u32> {
        let mut next = self.dimensions.len() as u32;
        keys.iter()
            .map(|k| {
                self.dimensions.get(k).copied().unwrap_or_else(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    }

    /// The uncorrelated sampler for inputs named `keys`.
    pub fn sampler(&self, keys: &[String]) -> Box<dyn InputSampler> {
        match self.method {
            Method::Random => Box::new(PseudoRandom::new(self.seed, keys)),
            Method::Lhs => {
                let streams = keys.iter().map(|k| stream_id(self.seed, k)).collect();
                Box::new(LatinHypercube::new(streams, self.lhs_batch))
            }
            Method::Sobol => {
                let streams = keys.iter().map(|k| stream_id(self.seed, k)).collect();
                Box::new(Sobol::new(self.seed, streams, self.dimensions_of(keys)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_follow_the_sorted_union_of_keys() {
        let base: Vec<String> = vec!["b".into(), "a".into()];
        let option: Vec<String> = vec!["c".into(), "a".into(), "b".into()];
        let d = Design::new(Method::Sobol, 1, 100).with_keys([&base[..], &option[..]]);
        assert_eq!(d.dimensions_of(&base), vec![1, 0]);
        assert_eq!(d.dimensions_of(&option), vec![2, 0, 1]);
        assert_eq!(d.dimensions_of(&["z".into(), "a".into()]), vec![3, 0]);
    }

    #[test]
    fn every_method_is_common_to_options_sharing_a_key() {
        let base: Vec<String> = vec!["price".into(), "volume".into()];
        let option: Vec<String> = vec!["extra".into(), "price".into(), "volume".into()];
        for m in Method::ALL {
            let d = Design::new(m, 42, 5_000).with_keys([&base[..], &option[..]]);
            let (a, b) = (d.sampler(&base), d.sampler(&option));
            let (mut ua, mut ub) = ([0.0; 2], [0.0; 3]);
            for t in [0u64, 1, 999, 1_000, 4_321] {
                a.fill(t, &mut ua);
                b.fill(t, &mut ub);
                assert_eq!(ua, [ub[1], ub[2]], "{m} trial {t}");
            }
        }
    }
}
