//! Uncertain numeric inputs: a fixed number or a probability distribution.
//!
//! A channel-shift business case is built from numbers nobody knows exactly:
//! how many citizens switch to the online channel, what a counter visit
//! costs, how long a licence lasts. Every numeric input of a scenario may
//! therefore be written either as a plain number or as a distribution that
//! states *how uncertain* the analyst is. The Monte Carlo engine draws every
//! distribution once per trial.
//!
//! # Sampling by inverse CDF
//!
//! Sampling is done only through [`Distribution::quantile`], the exact
//! inverse cumulative distribution function, fed with a uniform number `u`
//! in `(0, 1)` that the engine supplies. Keeping the random source outside
//! this module lets the engine switch from plain pseudo-random numbers to
//! Latin hypercube or Sobol' designs, or correlate inputs through a copula,
//! without any change here: all of them only produce different `u`s.
//!
//! # The forms users write in TOML
//!
//! A plain number (integer or float) is a fixed value:
//!
//! ```toml
//! price = 100
//! share = 0.35
//! ```
//!
//! Uniform between `min` and `max` (every value equally likely; needs
//! `min < max`):
//!
//! ```toml
//! price = { uniform = [80, 130] }
//! ```
//!
//! Triangular with `min <= mode <= max` (`mode` is the most likely value):
//!
//! ```toml
//! price = { triangular = [80, 100, 130] }
//! ```
//!
//! PERT: a smooth bell between `min` and `max` around the most likely value,
//! a scaled Beta(1 + λ (mode − min)/(max − min), 1 + λ (max − mode)/(max − min)).
//! `lambda` (default 4) sets how strongly the mass gathers around the mode:
//!
//! ```toml
//! price = { pert = [80, 100, 130] }
//! price = { pert = [80, 100, 130], lambda = 6 }
//! ```
//!
//! Normal with mean and standard deviation, optionally truncated to `min`
//! and/or `max` (an `sd` of 0 means the fixed value `mean`):
//!
//! ```toml
//! growth = { normal = [0.02, 0.01] }
//! visits = { normal = [1000, 300], min = 0 }
//! share  = { normal = [0.4, 0.1], min = 0, max = 1 }
//! ```
//!
//! Log-normal, for positive quantities with a long right tail. The list form
//! gives the mean and standard deviation *of the quantity itself*; the table
//! form gives `mu` and `sigma` of `ln X`:
//!
//! ```toml
//! cost = { lognormal = [100, 30] }
//! cost = { lognormal = { mu = 4.6, sigma = 0.3 } }
//! ```
//!
//! Beta with shape parameters `alpha`, `beta` on `[0, 1]` (shares and
//! probabilities), optionally scaled to `[min, max]`:
//!
//! ```toml
//! uptake = { beta = [2, 5] }
//! minutes = { beta = [2, 5], min = 10, max = 20 }
//! ```
//!
//! Discrete: one of a few values, equally likely or with weights (the
//! weights need not sum to 1; they are normalised):
//!
//! ```toml
//! licences = { discrete = [1, 2, 3] }
//! licences = { discrete = [1, 2], weights = [0.3, 0.7] }
//! ```
//!
//! The 90 % interval shorthand of Guesstimate and Squiggle: "I am 90 % sure
//! the value lies between `low` and `high`". When `0 < low < high` this is
//! the log-normal whose 5th percentile is `low` and 95th percentile is
//! `high` (positive quantities are usually right-skewed, and the log-normal
//! can never go negative). When `low <= 0` a log-normal is impossible, so it
//! is the normal with the same 5th and 95th percentiles:
//!
//! ```toml
//! duration = { ci90 = [80, 130] }   # log-normal, median sqrt(80 * 130) = 102
//! change   = { ci90 = [-5, 15] }    # normal, mean 5, sd 10 / 1.645 = 6.08
//! ```
//!
//! Integers are accepted wherever floats are. Any other key, a list with the
//! wrong number of entries, two distribution keys in one table, or invalid
//! parameters are rejected while the scenario is read, so the TOML parser
//! reports the line and column of the offending value together with a
//! message saying what is wrong and how to fix it.

use std::f64::consts::SQRT_2;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use statrs::function::beta::ln_beta;
use statrs::function::erf::erfc_inv;

/// The PERT shape parameter used when a scenario gives none.
///
/// Why 4: it is the classic PERT choice (mean = (min + 4 mode + max) / 6)
/// that analysts and tools such as @RISK assume, so results stay comparable.
pub const DEFAULT_PERT_LAMBDA: f64 = 4.0;

/// The largest PERT `lambda` accepted. Beyond it a PERT is its mode to many
/// digits (the sd shrinks like `1/sqrt(lambda)`), while the beta quantile's
/// cost grows with the shape: `lambda = 1e308` took seconds to tabulate.
pub const MAX_PERT_LAMBDA: f64 = 1e4;

/// The largest beta shape (`alpha`, `beta`) accepted, for the same reason.
pub const MAX_BETA_SHAPE: f64 = 1e6;

/// The most values a discrete distribution may list (each draw walks them).
pub const MAX_DISCRETE_VALUES: usize = 10_000;

/// The smallest uniform the samplers draw: `2^-54` (53 random bits shifted
/// half a step off zero). [`Distribution::reachable`] evaluates unbounded
/// distributions here.
pub const SMALLEST_U: f64 = 1.0 / (1u64 << 54) as f64;

/// The largest uniform below 1: `1 - 2^-53`.
pub const LARGEST_U: f64 = 1.0 - 1.0 / (1u64 << 53) as f64;

/// The quantile at which [`Distribution::checked_range`] evaluates an
/// unbounded upper tail (the lower one at `1 - TAIL_CHECK_U`).
pub const TAIL_CHECK_U: f64 = 0.9999;

/// A numeric scenario input: either a known number or the analyst's
/// uncertainty about it, drawn once per Monte Carlo trial.
///
/// Why an open enum with plain public fields: scenarios, tests and future
/// sensitivity code can build and inspect distributions directly. A value
/// built by hand should be checked with [`Distribution::validate`]; values
/// read through serde are always valid.
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// A value known exactly; drawing it ignores `u`, so it costs nothing.
    Fixed(f64),
    /// Every value in `[min, max]` equally likely: "somewhere between, no
    /// idea where". Needs `min < max`.
    Uniform {
        /// Smallest possible value.
        min: f64,
        /// Largest possible value.
        max: f64,
    },
    /// Triangle from `min` up to the most likely `mode` and down to `max`:
    /// the simplest three-point estimate. `min == max` is a fixed value.
    Triangular {
        /// Smallest possible value.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Largest possible value.
        max: f64,
    },
    /// Three-point estimate with a smooth, less tail-heavy shape than the
    /// triangle: a Beta distribution scaled to `[min, max]` whose mode is
    /// `mode`. `min == max` is a fixed value.
    Pert {
        /// Smallest possible value.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Largest possible value.
        max: f64,
        /// Concentration around the mode ([`DEFAULT_PERT_LAMBDA`] = 4;
        /// 0 gives a uniform distribution).
        lambda: f64,
    },
    /// Normal (Gaussian), optionally truncated to `[min, max]` so that
    /// quantities such as counts never go negative. `sd == 0` is the fixed
    /// value `mean`.
    Normal {
        /// Mean of the untruncated normal.
        mean: f64,
        /// Standard deviation of the untruncated normal (>= 0).
        sd: f64,
        /// Lower truncation bound, if any.
        min: Option<f64>,
        /// Upper truncation bound, if any.
        max: Option<f64>,
    },
    /// Log-normal: `ln X` is normal with mean `mu` and standard deviation
    /// `sigma`. Suits positive, right-skewed quantities (costs, durations).
    LogNormal {
        /// Mean of `ln X` (so `exp(mu)` is the median of `X`).
        mu: f64,
        /// Standard deviation of `ln X` (>= 0; 0 is a fixed value).
        sigma: f64,
    },
    /// Beta(`alpha`, `beta`) scaled from `[0, 1]` to `[min, max]`: shares,
    /// rates and probabilities with a chosen shape.
    Beta {
        /// First shape parameter (> 0).
        alpha: f64,
        /// Second shape parameter (> 0).
        beta: f64,
        /// Value that 0 maps to (default 0).
        min: f64,
        /// Value that 1 maps to (default 1).
        max: f64,
    },
    /// One of a finite set of values, e.g. a number of licences or a
    /// scenario switch. `values` are sorted ascending and `weights` (one per
    /// value, >= 0) are normalised to sum to 1 when built through serde or
    /// [`Distribution::discrete`].
    Discrete {
        /// Possible values, ascending.
        values: Vec<f64>,
        /// Probability of each value.
        weights: Vec<f64>,
    },
}

/// The accepted TOML forms, appended to every structural error so the user
/// sees at once what could be written instead.
const ACCEPTED_FORMS: &str = "accepted forms: a plain number (x = 100); \
{ uniform = [min, max] }; { triangular = [min, mode, max] }; \
{ pert = [min, mode, max] } with optional lambda = 4; \
{ normal = [mean, sd] } with optional min = .. and/or max = .. (truncation); \
{ lognormal = [mean, sd] } or { lognormal = { mu = .., sigma = .. } }; \
{ beta = [alpha, beta] } with optional min = 0, max = 1; \
{ discrete = [v1, v2, ...] } with optional weights = [w1, w2, ...]; \
{ ci90 = [low, high] } (90 % interval)";

/// The keys that name a distribution; exactly one must appear in a table.
const DIST_KEYS: [&str; 8] = [
    "uniform",
    "triangular",
    "pert",
    "normal",
    "lognormal",
    "beta",
    "discrete",
    "ci90",
];

impl Distribution {
    /// A PERT distribution with the default `lambda` of 4.
    ///
    /// Why: the default is what almost everyone means by "PERT"; this saves
    /// spelling it out. The result is not validated (call
    /// [`Distribution::validate`]).
    pub fn pert(min: f64, mode: f64, max: f64) -> Self {
        Distribution::Pert {
            min,
            mode,
            max,
            lambda: DEFAULT_PERT_LAMBDA,
        }
    }

    /// The log-normal whose own mean and standard deviation (not those of
    /// `ln X`) are `mean` and `sd`.
    ///
    /// Why: analysts know "about 100, give or take 30", not `mu` and
    /// `sigma`; this converts with `sigma² = ln(1 + sd²/mean²)` and
    /// `mu = ln(mean) − sigma²/2`. Errors if `mean <= 0` or `sd < 0`.
    pub fn lognormal_from_mean_sd(mean: f64, sd: f64) -> Result<Self, String> {
        if !mean.is_finite() || !sd.is_finite() {
            return Err(format!(
                "lognormal needs finite numbers, got [{mean}, {sd}]: write ordinary numbers"
            ));
        }
        if mean <= 0.0 {
            return Err(format!(
                "lognormal needs mean > 0, got mean {mean}: a log-normal quantity is always \
                 positive; use {{ normal = [mean, sd] }} for quantities that can be zero or negative"
            ));
        }
        if sd < 0.0 {
            return Err(format!(
                "lognormal needs sd >= 0, got sd {sd}: a standard deviation is a spread and \
                 cannot be negative (sd = 0 means the fixed value mean)"
            ));
        }
        let ratio = sd / mean;
        let sigma2 = ratio.mul_add(ratio, 1.0).ln();
        let d = Distribution::LogNormal {
            mu: mean.ln() - 0.5 * sigma2,
            sigma: sigma2.sqrt(),
        };
        d.validate()?;
        Ok(d)
    }

    /// The distribution with 5th percentile `low` and 95th percentile
    /// `high`: log-normal when `0 < low`, otherwise normal.
    ///
    /// Why: "90 % sure it is between 80 and 130" is the easiest way to elicit
    /// an uncertain number (the Guesstimate / Squiggle convention). Errors if
    /// `low >= high`.
    pub fn ci90(low: f64, high: f64) -> Result<Self, String> {
        if !low.is_finite() || !high.is_finite() {
            return Err(format!(
                "ci90 needs finite numbers, got [{low}, {high}]: write ordinary numbers"
            ));
        }
        if low >= high {
            return Err(format!(
                "ci90 needs low < high, got [{low}, {high}]: give the 5th percentile first and \
                 the 95th second (for a value known exactly, write a plain number)"
            ));
        }
        // The same function that `quantile` uses, so quantile(0.05) == low
        // and quantile(0.95) == high up to rounding.
        let z95 = -std_normal_quantile(0.05);
        let d = if low > 0.0 {
            let (ll, lh) = (low.ln(), high.ln());
            Distribution::LogNormal {
                mu: 0.5 * (ll + lh),
                sigma: (lh - ll) / (2.0 * z95),
            }
        } else {
            Distribution::Normal {
                mean: 0.5 * (low + high),
                sd: (high - low) / (2.0 * z95),
                min: None,
                max: None,
            }
        };
        d.validate()?;
        Ok(d)
    }

    /// A discrete distribution; `weights = None` means equally likely.
    ///
    /// Why: [`Distribution::quantile`] needs the values sorted ascending with
    /// their weights and (for speed) normalised; this does both and checks
    /// the input, so callers never have to.
    pub fn discrete(values: Vec<f64>, weights: Option<Vec<f64>>) -> Result<Self, String> {
        if values.is_empty() {
            return Err(
                "discrete needs at least one value, got []: list the possible values, \
                        e.g. { discrete = [1, 2, 3] }"
                    .to_string(),
            );
        }
        let weights = weights.unwrap_or_else(|| vec![1.0; values.len()]);
        if weights.len() != values.len() {
            return Err(format!(
                "discrete has {} values but {} weights: give exactly one weight per value, \
                 or omit weights for equally likely values",
                values.len(),
                weights.len()
            ));
        }
        check_weights(&weights)?;
        if let Some(v) = values.iter().find(|v| !v.is_finite()) {
            return Err(format!(
                "discrete values must be finite numbers, got {v}: write ordinary numbers"
            ));
        }
        let total: f64 = weights.iter().sum();
        let mut pairs: Vec<(f64, f64)> = values.into_iter().zip(weights).collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (values, weights) = pairs.into_iter().map(|(v, w)| (v, w / total)).unzip();
        let d = Distribution::Discrete { values, weights };
        d.validate()?;
        Ok(d)
    }

    /// The inverse CDF: the smallest value `x` with P(X <= x) >= `u`.
    /// `u` should be in `(0, 1)`; `u <= 0` and `u >= 1` give the ends of
    /// [`Distribution::support`] (possibly infinite), a NaN `u` gives NaN.
    /// `Fixed` ignores `u` altogether.
    ///
    /// Why: this is the only way the engine samples, so that Latin
    /// hypercube, Sobol' and copula designs plug in by choosing `u`. It does
    /// not allocate, is non-decreasing in `u`, and is exact to rounding
    /// (closed forms) or to about 1e-13 relative (normal, log-normal, Beta,
    /// PERT), far tails included. Cost per call, measured: a few ns for
    /// fixed, uniform, triangular and discrete; about 40-60 ns for the
    /// normal family; about 0.4-0.8 µs for Beta and PERT (an iterative
    /// inverse of the incomplete beta function).
    pub fn quantile(&self, u: f64) -> f64 {
        if let Distribution::Fixed(v) = *self {
            return v;
        }
        if u.is_nan() {
            return f64::NAN;
        }
        if u <= 0.0 {
            return self.support().0;
        }
        if u >= 1.0 {
            return self.support().1;
        }
        match *self {
            Distribution::Fixed(v) => v,
            Distribution::Uniform { min, max } => (min + u * (max - min)).clamp(min, max),
            Distribution::Triangular { min, mode, max } => {
                let width = max - min;
                if width <= 0.0 {
                    return min;
                }
                let x = if u * width <= mode - min {
                    min + (u * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * width * (max - mode)).sqrt()
                };
                x.clamp(min, max)
            }
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                if max <= min {
                    return min;
                }
                let (a, b) = pert_shapes(min, mode, max, lambda);
                scaled_beta_quantile(a, b, u, min, max)
            }
            Distribution::Normal { mean, sd, min, max } => {
                if sd == 0.0 {
                    return mean;
                }
                if min.is_none() && max.is_none() {
                    return mean + sd * std_normal_quantile(u);
                }
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                let z = truncated_std_normal_quantile((lo - mean) / sd, (hi - mean) / sd, u);
                (mean + sd * z).clamp(lo, hi)
            }
            Distribution::LogNormal { mu, sigma } => {
                if sigma == 0.0 {
                    return mu.exp();
                }
                (mu + sigma * std_normal_quantile(u)).exp()
            }
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => scaled_beta_quantile(alpha, beta, u, min, max),
            Distribution::Discrete {
                ref values,
                ref weights,
            } => discrete_quantile(values, weights, u),
        }
    }

    /// The exact theoretical mean (including the truncated normal's).
    ///
    /// Why: the engine reports a deterministic "expected value" case next to
    /// the Monte Carlo results, and tests compare sample means against it.
    pub fn mean(&self) -> f64 {
        match *self {
            Distribution::Fixed(v) => v,
            Distribution::Uniform { min, max } => 0.5 * (min + max),
            Distribution::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                if max <= min {
                    min
                } else {
                    (min + lambda * mode + max) / (lambda + 2.0)
                }
            }
            Distribution::Normal { mean, sd, min, max } => {
                if sd == 0.0 || (min.is_none() && max.is_none()) {
                    return mean;
                }
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                let a = (lo - mean) / sd;
                let b = (hi - mean) / sd;
                let mass = std_normal_mass(a, b);
                (mean + sd * (std_normal_pdf(a) - std_normal_pdf(b)) / mass).clamp(lo, hi)
            }
            Distribution::LogNormal { mu, sigma } => (mu + 0.5 * sigma * sigma).exp(),
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => min + (max - min) * alpha / (alpha + beta),
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let total: f64 = weights.iter().sum();
                values.iter().zip(weights).map(|(v, w)| v * w).sum::<f64>() / total
            }
        }
    }

    /// True when every draw gives the same value: `Fixed`, or a degenerate
    /// distribution (triangular/PERT with `min == max`, normal with
    /// `sd == 0`, log-normal with `sigma == 0`, discrete with a single
    /// possible value).
    ///
    /// Why: the engine can skip such inputs when assigning sampling
    /// dimensions and sensitivity analysis can leave them out.
    pub fn is_fixed(&self) -> bool {
        match self {
            Distribution::Fixed(_) => true,
            _ => {
                let (lo, hi) = self.support();
                lo == hi
            }
        }
    }

    /// The smallest and largest possible values (may be `±inf`).
    ///
    /// Why: lets callers check an input against its physical range (a share
    /// within `[0, 1]`, a count >= 0) and scale plots.
    pub fn support(&self) -> (f64, f64) {
        match *self {
            Distribution::Fixed(v) => (v, v),
            Distribution::Uniform { min, max }
            | Distribution::Triangular { min, max, .. }
            | Distribution::Pert { min, max, .. }
            | Distribution::Beta { min, max, .. } => (min, max),
            Distribution::Normal { mean, sd, min, max } => {
                if sd == 0.0 {
                    (mean, mean)
                } else {
                    (
                        min.unwrap_or(f64::NEG_INFINITY),
                        max.unwrap_or(f64::INFINITY),
                    )
                }
            }
            Distribution::LogNormal { mu, sigma } => {
                if sigma == 0.0 {
                    (mu.exp(), mu.exp())
                } else {
                    (0.0, f64::INFINITY)
                }
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let mut possible = values.iter().zip(weights).filter(|(_, w)| **w > 0.0);
                let lo = possible.next().map_or(f64::NAN, |(v, _)| *v);
                let hi = possible.next_back().map_or(lo, |(v, _)| *v);
                (lo, hi)
            }
        }
    }

    /// The smallest and largest values a trial can draw: the support where
    /// it is finite, else the quantile at [`SMALLEST_U`] or [`LARGEST_U`]
    /// (about 8.2 standard deviations out for a normal; `exp(mu +- 8.2
    /// sigma)` for a log-normal). Infinite when even that overflows.
    ///
    /// Why: validation bounds every input to plausible magnitudes over all
    /// the values it can take, not only its typical ones.
    pub fn reachable(&self) -> (f64, f64) {
        let (lo, hi) = self.support();
        let lo = if lo.is_finite() {
            lo
        } else {
            self.quantile(SMALLEST_U)
        };
        let hi = if hi.is_finite() {
            hi
        } else {
            self.quantile(LARGEST_U)
        };
        (lo, hi)
    }

    /// The range validation holds against an input's limit: the support
    /// where it is finite, else the quantile at [`TAIL_CHECK_U`] (or
    /// `1 - TAIL_CHECK_U` for a lower tail): 3.7 standard deviations out for
    /// a normal, `exp(mu + 3.7 sigma)` for a log-normal.
    ///
    /// Why not [`Self::reachable`]: a log-normal's 1e-16 tail (8.2 sigma)
    /// lies far above any plausible value even for a modest sigma, so a
    /// ci90 for Bass p of [0.01, 0.06] would be rejected. Draws beyond the
    /// checked quantile (1 in 10,000) stay possible; the engine's output
    /// checks catch any that overflow.
    pub fn checked_range(&self) -> (f64, f64) {
        let (lo, hi) = self.support();
        let lo = if lo.is_finite() {
            lo
        } else {
            self.quantile(1.0 - TAIL_CHECK_U)
        };
        let hi = if hi.is_finite() {
            hi
        } else {
            self.quantile(TAIL_CHECK_U)
        };
        (lo, hi)
    }

    /// Short human-readable text, e.g. `triangular(80, 100, 130)` or
    /// `log-normal(median 102, 90 % in [80, 130])`.
    ///
    /// Why: reports and error messages must show which assumption was used
    /// without dumping Rust debug output. Log-normals are described by
    /// their median and 90 % interval because `mu`/`sigma` mean little to
    /// readers.
    pub fn describe(&self) -> String {
        match *self {
            Distribution::Fixed(v) => fmt_num(v, 6),
            Distribution::Uniform { min, max } => {
                format!("uniform({}, {})", fmt_num(min, 6), fmt_num(max, 6))
            }
            Distribution::Triangular { min, mode, max } => format!(
                "triangular({}, {}, {})",
                fmt_num(min, 6),
                fmt_num(mode, 6),
                fmt_num(max, 6)
            ),
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                let extra = if lambda == DEFAULT_PERT_LAMBDA {
                    String::new()
                } else {
                    format!(", lambda {}", fmt_num(lambda, 6))
                };
                format!(
                    "pert({}, {}, {}{extra})",
                    fmt_num(min, 6),
                    fmt_num(mode, 6),
                    fmt_num(max, 6)
                )
            }
            Distribution::Normal { mean, sd, min, max } => {
                let mut s = format!("normal(mean {}, sd {}", fmt_num(mean, 6), fmt_num(sd, 6));
                if let Some(lo) = min {
                    s.push_str(&format!(", min {}", fmt_num(lo, 6)));
                }
                if let Some(hi) = max {
                    s.push_str(&format!(", max {}", fmt_num(hi, 6)));
                }
                s.push(')');
                s
            }
            Distribution::LogNormal { mu, .. } => format!(
                "log-normal(median {}, 90 % in [{}, {}])",
                fmt_num(mu.exp(), 4),
                fmt_num(self.quantile(0.05), 4),
                fmt_num(self.quantile(0.95), 4)
            ),
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => {
                let mut s = format!("beta({}, {})", fmt_num(alpha, 6), fmt_num(beta, 6));
                if min != 0.0 || max != 1.0 {
                    s.push_str(&format!(" on [{}, {}]", fmt_num(min, 6), fmt_num(max, 6)));
                }
                s
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let (lo, hi) = self.support();
                if values.len() > 8 {
                    return format!(
                        "discrete({} values in [{}, {}])",
                        values.len(),
                        fmt_num(lo, 6),
                        fmt_num(hi, 6)
                    );
                }
                let equal = weights.windows(2).all(|w| w[0] == w[1]);
                let total: f64 = weights.iter().sum();
                let items: Vec<String> = values
                    .iter()
                    .zip(weights)
                    .map(|(v, w)| {
                        if equal {
                            fmt_num(*v, 6)
                        } else {
                            format!("{}: {} %", fmt_num(*v, 6), fmt_num(100.0 * w / total, 3))
                        }
                    })
                    .collect();
                format!("discrete({})", items.join(", "))
            }
        }
    }

    /// Checks the parameters; the message says what is wrong and how to fix
    /// it.
    ///
    /// Why: a wrong input (e.g. mode outside `[min, max]`) would otherwise
    /// produce silently wrong business cases or NaNs deep inside a run.
    /// Deserialization calls this, so scenario files are always checked;
    /// code that builds a `Distribution` by hand should call it too.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Distribution::Fixed(v) => finite("value", &[v]),
            Distribution::Uniform { min, max } => {
                finite("uniform", &[min, max])?;
                if min >= max {
                    return Err(format!(
                        "uniform needs min < max, got [{min}, {max}]: write the smaller bound \
                         first (for a value known exactly, write a plain number)"
                    ));
                }
                Ok(())
            }
            Distribution::Triangular { min, mode, max } => {
                finite("triangular", &[min, mode, max])?;
                three_point("triangular", min, mode, max)
            }
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                finite("pert", &[min, mode, max])?;
                three_point("pert", min, mode, max)?;
                if !(lambda.is_finite() && lambda >= 0.0) {
                    return Err(format!(
                        "pert needs a finite lambda >= 0, got lambda {lambda}: omit it for the \
                         default 4; larger values gather more probability around the mode"
                    ));
                }
                if lambda > MAX_PERT_LAMBDA {
                    return Err(format!(
                        "pert lambda {} is above the limit of {MAX_PERT_LAMBDA}: such a \
                         pert is its mode to many digits, so write the mode {mode} as a plain \
                         number, or use a lambda up to {MAX_PERT_LAMBDA} (default 4)",
                        fmt_num(lambda, 6)
                    ));
                }
                Ok(())
            }
            Distribution::Normal { mean, sd, min, max } => {
                finite("normal", &[mean, sd])?;
                if sd < 0.0 {
                    return Err(format!(
                        "normal needs sd >= 0, got [{mean}, {sd}]: a standard deviation is a \
                         spread and cannot be negative (sd = 0 means the fixed value mean)"
                    ));
                }
                for (name, bound) in [("min", min), ("max", max)] {
                    if let Some(b) = bound {
                        if !b.is_finite() {
                            return Err(format!(
                                "normal truncation {name} must be a finite number, got {b}: \
                                 omit {name} for no bound on that side"
                            ));
                        }
                    }
                }
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo >= hi {
                        return Err(format!(
                            "normal truncation needs min < max, got min = {lo}, max = {hi}: \
                             put the lower bound in min and the upper bound in max"
                        ));
                    }
                }
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                if sd == 0.0 {
                    if mean < lo || mean > hi {
                        return Err(format!(
                            "normal with sd = 0 is the fixed value {mean}, which lies outside \
                             the truncation [{lo}, {hi}]: move the mean inside the bounds or \
                             give a positive sd"
                        ));
                    }
                } else if std_normal_mass((lo - mean) / sd, (hi - mean) / sd) <= 0.0 {
                    return Err(format!(
                        "normal(mean {mean}, sd {sd}) has practically no probability inside the \
                         truncation [{lo}, {hi}] (the bounds are more than 37 sd from the \
                         mean): check that mean, sd, min and max use the same units"
                    ));
                }
                Ok(())
            }
            Distribution::LogNormal { mu, sigma } => {
                finite("lognormal", &[mu, sigma])?;
                if sigma < 0.0 {
                    return Err(format!(
                        "lognormal needs sigma >= 0, got sigma {sigma}: sigma is the spread of \
                         ln X and cannot be negative (0 means the fixed value exp(mu))"
                    ));
                }
                Ok(())
            }
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => {
                finite("beta", &[alpha, beta, min, max])?;
                if alpha <= 0.0 || beta <= 0.0 {
                    return Err(format!(
                        "beta needs alpha > 0 and beta > 0, got [{alpha}, {beta}]: both shape \
                         parameters must be positive (e.g. [2, 5]; [1, 1] is uniform)"
                    ));
                }
                if alpha > MAX_BETA_SHAPE || beta > MAX_BETA_SHAPE {
                    return Err(format!(
                        "beta shapes [{}, {}] exceed the limit of {MAX_BETA_SHAPE}: \
                         such a beta is a fixed value to many digits, so write its mean as a \
                         plain number, or scale both shapes down (the ratio sets the mean)",
                        fmt_num(alpha, 6),
                        fmt_num(beta, 6)
                    ));
                }
                if min >= max {
                    return Err(format!(
                        "beta scaling needs min < max, got min = {min}, max = {max}: put the \
                         value for 0 in min and the value for 1 in max (default 0 and 1)"
                    ));
                }
                Ok(())
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                if values.is_empty() {
                    return Err(
                        "discrete needs at least one value, got []: list the possible \
                                values, e.g. { discrete = [1, 2, 3] }"
                            .to_string(),
                    );
                }
                if weights.len() != values.len() {
                    return Err(format!(
                        "discrete has {} values but {} weights: give exactly one weight per \
                         value, or omit weights for equally likely values",
                        values.len(),
                        weights.len()
                    ));
                }
                if values.len() > MAX_DISCRETE_VALUES {
                    return Err(format!(
                        "discrete lists {} values, more than the limit of {MAX_DISCRETE_VALUES}: \
                         for that many, use a continuous distribution (uniform, triangular, \
                         pert) over their range",
                        values.len()
                    ));
                }
                finite("discrete", values)?;
                check_weights(weights)?;
                if values.windows(2).any(|w| w[0] > w[1]) {
                    return Err(format!(
                        "discrete values must be sorted ascending, got {values:?}: build it \
                         with Distribution::discrete, which sorts values with their weights"
                    ));
                }
                Ok(())
            }
        }
    }

    /// Builds a distribution from the entries of a TOML/serde table,
    /// validating it; errors name the problem and list the accepted forms.
    fn from_entries(entries: &[(String, Raw)]) -> Result<Self, String> {
        let mut kind: Option<(&str, &Raw)> = None;
        let mut lambda = None;
        let mut min = None;
        let mut max = None;
        let mut weights = None;
        for (key, raw) in entries {
            match key.as_str() {
                k if DIST_KEYS.contains(&k) => {
                    if let Some((prev, _)) = kind {
                        let (first, second) = if prev < k { (prev, k) } else { (k, prev) };
                        return Err(format!(
                            "`{first}` and `{second}` are both given, but an input has exactly \
                             one distribution: keep only one of them; {ACCEPTED_FORMS}"
                        ));
                    }
                    kind = Some((k, raw));
                }
                "lambda" => lambda = Some(raw),
                "min" => min = Some(raw),
                "max" => max = Some(raw),
                "weights" => weights = Some(raw),
                other => {
                    return Err(format!(
                        "unknown key `{other}` in a distribution table: check the spelling; \
                         {ACCEPTED_FORMS}"
                    ))
                }
            }
        }
        let Some((name, raw)) = kind else {
            let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
            return Err(format!(
                "no distribution given (the table has only {}): add one of uniform, triangular, \
                 pert, normal, lognormal, beta, discrete or ci90; {ACCEPTED_FORMS}",
                if keys.is_empty() {
                    "no keys".to_string()
                } else {
                    keys.join(", ")
                }
            ));
        };
        for (key, raw) in entries {
            if let Some(bad) = raw.numbers().find(|x| !x.is_finite()) {
                return Err(format!(
                    "`{key}` contains {bad}, but every number must be finite: write ordinary \
                     numbers (leave out min or max for an unbounded side)"
                ));
            }
        }
        let allowed: &[&str] = match name {
            "pert" => &["lambda"],
            "normal" | "beta" => &["min", "max"],
            "discrete" => &["weights"],
            _ => &[],
        };
        for (key, _) in entries {
            let k = key.as_str();
            if k != name && !allowed.contains(&k) {
                return Err(format!(
                    "`{k}` does not apply to {name} (lambda belongs to pert, min and max to \
                     normal and beta, weights to discrete): remove it; {ACCEPTED_FORMS}"
                ));
            }
        }
        let lambda = option_number("lambda", lambda)?;
        let min = option_number("min", min)?;
        let max = option_number("max", max)?;
        let d = match name {
            "uniform" => {
                let [min, max] = fixed_list(name, raw, "[min, max]")?;
                Distribution::Uniform { min, max }
            }
            "triangular" => {
                let [min, mode, max] = fixed_list(name, raw, "[min, mode, max]")?;
                Distribution::Triangular { min, mode, max }
            }
            "pert" => {
                let [min, mode, max] = fixed_list(name, raw, "[min, mode, max]")?;
                Distribution::Pert {
                    min,
                    mode,
                    max,
                    lambda: lambda.unwrap_or(DEFAULT_PERT_LAMBDA),
                }
            }
            "normal" => {
                let [mean, sd] = fixed_list(name, raw, "[mean, sd]")?;
                Distribution::Normal { mean, sd, min, max }
            }
            "lognormal" => match raw {
                Raw::Table(pairs) => {
                    let mut mu = None;
                    let mut sigma = None;
                    for (k, v) in pairs {
                        match k.as_str() {
                            "mu" => mu = Some(*v),
                            "sigma" => sigma = Some(*v),
                            other => {
                                return Err(format!(
                                    "unknown key `{other}` in lognormal: the table form is \
                                     {{ lognormal = {{ mu = .., sigma = .. }} }} with mu and \
                                     sigma of ln X; {ACCEPTED_FORMS}"
                                ))
                            }
                        }
                    }
                    match (mu, sigma) {
                        (Some(mu), Some(sigma)) => Distribution::LogNormal { mu, sigma },
                        _ => {
                            return Err(format!(
                                "lognormal table needs both mu and sigma: write \
                                 {{ lognormal = {{ mu = .., sigma = .. }} }}; {ACCEPTED_FORMS}"
                            ))
                        }
                    }
                }
                _ => {
                    let [mean, sd] = fixed_list(name, raw, "[mean, sd]")?;
                    Distribution::lognormal_from_mean_sd(mean, sd)?
                }
            },
            "beta" => {
                let [alpha, beta] = fixed_list(name, raw, "[alpha, beta]")?;
                Distribution::Beta {
                    alpha,
                    beta,
                    min: min.unwrap_or(0.0),
                    max: max.unwrap_or(1.0),
                }
            }
            "discrete" => {
                let Raw::List(values) = raw else {
                    return Err(format!(
                        "discrete takes a list of values [v1, v2, ...], got {}; {ACCEPTED_FORMS}",
                        raw.kind()
                    ));
                };
                let weights = match weights {
                    None => None,
                    Some(Raw::List(w)) => Some(w.clone()),
                    Some(other) => {
                        return Err(format!(
                            "weights must be a list of numbers [w1, w2, ...], got {}; \
                             {ACCEPTED_FORMS}",
                            other.kind()
                        ))
                    }
                };
                Distribution::discrete(values.clone(), weights)?
            }
            "ci90" => {
                let [low, high] = fixed_list(name, raw, "[low, high]")?;
                Distribution::ci90(low, high)?
            }
            _ => unreachable!("all distribution keys are handled"),
        };
        d.validate()?;
        Ok(d)
    }
}

impl fmt::Display for Distribution {
    /// Same text as [`Distribution::describe`], so a distribution can be put
    /// straight into `format!` for reports and messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl<'de> Deserialize<'de> for Distribution {
    /// Reads the TOML forms described in the module docs and validates the
    /// result, so a bad input is reported with its line and column.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DistVisitor;
        impl<'de> Visitor<'de> for DistVisitor {
            type Value = Distribution;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a number or a distribution table such as \
                     {{ triangular = [80, 100, 130] }} ({ACCEPTED_FORMS})"
                )
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Distribution, E> {
                Ok(Distribution::Fixed(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Distribution, E> {
                Ok(Distribution::Fixed(v as f64))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Distribution, E> {
                let d = Distribution::Fixed(v);
                d.validate().map_err(E::custom)?;
                Ok(d)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Distribution, A::Error> {
                let mut entries: Vec<(String, Raw)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let raw = map.next_value::<Raw>()?;
                    entries.push((key, raw));
                }
                Distribution::from_entries(&entries).map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_any(DistVisitor)
    }
}

impl Serialize for Distribution {
    /// Writes the same forms the deserializer reads (log-normals in the
    /// `{ mu, sigma }` table form), so scenarios can be saved and re-read
    /// unchanged.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct MuSigma {
            mu: f64,
            sigma: f64,
        }
        match *self {
            Distribution::Fixed(v) => serializer.serialize_f64(v),
            Distribution::Uniform { min, max } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("uniform", &[min, max])?;
                m.end()
            }
            Distribution::Triangular { min, mode, max } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("triangular", &[min, mode, max])?;
                m.end()
            }
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("pert", &[min, mode, max])?;
                m.serialize_entry("lambda", &lambda)?;
                m.end()
            }
            Distribution::Normal { mean, sd, min, max } => {
                let mut m = serializer.serialize_map(None)?;
                m.serialize_entry("normal", &[mean, sd])?;
                if let Some(lo) = min {
                    m.serialize_entry("min", &lo)?;
                }
                if let Some(hi) = max {
                    m.serialize_entry("max", &hi)?;
                }
                m.end()
            }
            Distribution::LogNormal { mu, sigma } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("lognormal", &MuSigma { mu, sigma })?;
                m.end()
            }
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => {
                let mut m = serializer.serialize_map(Some(3))?;
                m.serialize_entry("beta", &[alpha, beta])?;
                m.serialize_entry("min", &min)?;
                m.serialize_entry("max", &max)?;
                m.end()
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("discrete", values)?;
                m.serialize_entry("weights", weights)?;
                m.end()
            }
        }
    }
}

/// A value inside a distribution table before interpretation.
#[derive(Debug)]
enum Raw {
    Num(f64),
    List(Vec<f64>),
    Table(Vec<(String, f64)>),
}

impl Raw {
    fn numbers(&self) -> Box<dyn Iterator<Item = f64> + '_> {
        match self {
            Raw::Num(x) => Box::new(std::iter::once(*x)),
            Raw::List(v) => Box::new(v.iter().copied()),
            Raw::Table(v) => Box::new(v.iter().map(|(_, x)| *x)),
        }
    }

    fn kind(&self) -> String {
        match self {
            Raw::Num(x) => format!("the single number {x}"),
            Raw::List(v) => format!("a list of {} numbers", v.len()),
            Raw::Table(_) => "a table".to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a number, a list of numbers such as [80, 100, 130], \
                     or a table of numbers such as { mu = 4.6, sigma = 0.3 }",
                )
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Num(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                Ok(Raw::Num(v as f64))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Num(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(3));
                while let Some(x) = seq.next_element::<f64>()? {
                    out.push(x);
                }
                Ok(Raw::List(out))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<f64>()?;
                    out.push((key, value));
                }
                Ok(Raw::Table(out))
            }
        }
        deserializer.deserialize_any(RawVisitor)
    }
}

/// The list of exactly `N` numbers that distribution `name` takes.
fn fixed_list<const N: usize>(name: &str, raw: &Raw, shape: &str) -> Result<[f64; N], String> {
    if let Raw::List(v) = raw {
        if let Ok(arr) = <[f64; N]>::try_from(v.as_slice()) {
            return Ok(arr);
        }
    }
    Err(format!(
        "{name} takes a list of {N} numbers {shape}, got {}; {ACCEPTED_FORMS}",
        raw.kind()
    ))
}

/// An optional option (`lambda`, `min`, `max`) that must be a single number.
fn option_number(name: &str, raw: Option<&Raw>) -> Result<Option<f64>, String> {
    match raw {
        None => Ok(None),
        Some(Raw::Num(x)) => Ok(Some(*x)),
        Some(other) => Err(format!(
            "{name} must be a single number, got {}: write e.g. {name} = 0; {ACCEPTED_FORMS}",
            other.kind()
        )),
    }
}

fn finite(name: &str, xs: &[f64]) -> Result<(), String> {
    match xs.iter().find(|x| !x.is_finite()) {
        None => Ok(()),
        Some(bad) => Err(format!(
            "{name} needs finite numbers, got {bad}: write ordinary numbers"
        )),
    }
}

fn three_point(name: &str, min: f64, mode: f64, max: f64) -> Result<(), String> {
    if min <= mode && mode <= max {
        Ok(())
    } else {
        Err(format!(
            "{name} needs min <= mode <= max, got [{min}, {mode}, {max}]: put the most likely \
             value between the smallest and the largest"
        ))
    }
}

fn check_weights(weights: &[f64]) -> Result<(), String> {
    if let Some(w) = weights.iter().find(|w| !(w.is_finite() && **w >= 0.0)) {
        return Err(format!(
            "discrete weights must be finite and >= 0, got {w}: use relative frequencies such \
             as [0.3, 0.7] or [3, 7]"
        ));
    }
    if !weights.iter().sum::<f64>().is_finite() {
        return Err(
            "discrete weights sum to infinity: use relative frequencies such as [0.3, 0.7] \
             or [3, 7]"
                .to_string(),
        );
    }
    if weights.iter().sum::<f64>() <= 0.0 {
        return Err(format!(
            "discrete weights are all zero, got {weights:?}: give at least one value a \
             positive weight"
        ));
    }
    Ok(())
}

/// Beta shape parameters of a PERT distribution.
fn pert_shapes(min: f64, mode: f64, max: f64, lambda: f64) -> (f64, f64) {
    let width = max - min;
    (
        1.0 + lambda * (mode - min) / width,
        1.0 + lambda * (max - mode) / width,
    )
}

/// The smallest value whose cumulative weight reaches `u` of the total.
fn discrete_quantile(values: &[f64], weights: &[f64], u: f64) -> f64 {
    let total: f64 = weights.iter().sum();
    let target = u * total;
    let mut cumulative = 0.0;
    let mut last = f64::NAN;
    for (&v, &w) in values.iter().zip(weights) {
        if w > 0.0 {
            cumulative += w;
            last = v;
            if cumulative >= target {
                return v;
            }
        }
    }
    // Rounding left the running sum just below `target`: the largest value.
    last
}

/// Φ⁻¹(p) to about 1e-15 relative over the whole range, tails included.
///
/// statrs' erfc⁻¹ gives a start accurate to ~1e-12 in the body but only
/// ~1e-7 in the far tails (p ~ 1e-300); one Halley step against the
/// accurate CDF below makes it exact to rounding (Halley triples the number
/// of correct digits). The lower half is computed directly and the upper
/// half by symmetry, using that `1 − p` is exact for `p >= 0.5`.
fn std_normal_quantile(p: f64) -> f64 {
    if p > 0.5 {
        -std_normal_lower_quantile(1.0 - p)
    } else {
        std_normal_lower_quantile(p)
    }
}

/// Φ⁻¹(p) for `p <= 0.5`, where Φ(z) has full relative precision.
fn std_normal_lower_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let z = -SQRT_2 * erfc_inv(2.0 * p);
    let density = std_normal_pdf(z);
    if !z.is_finite() || density <= 0.0 {
        return z;
    }
    let r = (std_normal_cdf(z) - p) / density;
    z - r / (1.0 + 0.5 * z * r)
}

/// Φ⁻¹(1 − q) from the upper tail probability `q`, without forming `1 − q`.
fn std_normal_upper_quantile(q: f64) -> f64 {
    -std_normal_quantile(q)
}

/// Φ(z), relatively accurate far into the lower tail.
fn std_normal_cdf(z: f64) -> f64 {
    0.5 * erfc(-z / SQRT_2)
}

/// 1 − Φ(z), relatively accurate far into the upper tail.
fn std_normal_sf(z: f64) -> f64 {
    0.5 * erfc(z / SQRT_2)
}

fn std_normal_pdf(z: f64) -> f64 {
    if z.is_infinite() {
        0.0
    } else {
        (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt()
    }
}

/// Quantile of Beta(`a`, `b`) scaled to `[min, max]`.
///
/// A result close to `min` is computed as `min + w x` with `x` solved to
/// full relative precision, one close to `max` as `max − w y` with `y` the
/// quantile of Beta(`b`, `a`) at `1 − u`, so values near either end keep
/// their precision (`1 − y` would lose it). The side is chosen by `u`
/// against I₀.₅(a, b), the probability below the middle of the interval.
/// For ordinary shapes (both ≥ 1 with median in [0.001, 0.999], e.g. every
/// PERT with lambda up to about 600) the split is simply at u = 0.5, which
/// costs nothing and loses at most a factor 1/median (< 1000) of relative
/// precision on the far side; for skewed shapes such as Beta(0.01, 5), whose
/// 90 % point is itself below 1e-20, it costs one extra evaluation of I.
fn scaled_beta_quantile(a: f64, b: f64, u: f64, min: f64, max: f64) -> f64 {
    let width = max - min;
    let x = if u <= beta_middle_probability(a, b) {
        min + width * beta_lower_quantile(a, b, u)
    } else {
        max - width * beta_lower_quantile(b, a, 1.0 - u)
    };
    x.clamp(min, max)
}

/// I₀.₅(a, b), or 0.5 where the median is far enough from both ends that
/// either side of the split is precise.
fn beta_middle_probability(a: f64, b: f64) -> f64 {
    if a >= 1.0 && b >= 1.0 {
        // Kerman's median approximation, good to a few percent here.
        let median = (a - 1.0 / 3.0) / (a + b - 2.0 / 3.0);
        if (1e-3..=1.0 - 1e-3).contains(&median) {
            return 0.5;
        }
    }
    regularized_beta(a, b, 0.5, ln_beta(a, b))
}

/// I⁻¹ₚ(a, b), the inverse regularized incomplete beta function, for
/// results up to about 0.5, to about 1e-13 relative even far in the tail.
///
/// Why not `statrs::distribution::Beta::inverse_cdf` (statrs'
/// `inv_beta_reg`, AS 109) directly: in statrs 0.19 it panics for
/// p < 1e-162, never returns for some large shapes (Beta(200, 3) at
/// p = 1e-75), and stops at an *absolute* error of 1e-15, so tail values
/// such as the lower 1e-4 of Beta(0.2, 3) come out as 0 or in the wrong
/// order. This keeps AS 109's starting value but solves
/// `ln I_x(a, b) = ln p` for `t = ln x` itself with Halley's method
/// (I_x from [`regularized_beta`]), safeguarded by a bracket so it always ends
/// within a fixed number of steps. Working in `ln x` makes the tail
/// almost linear (I_x ≈ x^a / (a B(a, b)) for small x) and gives relative
/// rather than absolute precision. Usually two evaluations of I_x.
fn beta_lower_quantile(a: f64, b: f64, p: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    let ln_b = ln_beta(a, b);
    // Power law for the tail: ln x ≈ (ln p + ln a + ln B(a, b)) / a.
    let t_power = (p.ln() + a.ln() + ln_b) / a;
    if t_power < -745.0 {
        return 0.0; // the quantile underflows
    }
    let mut t = if t_power < (1e-2f64).ln() {
        t_power
    } else {
        as109_start(a, b, p, ln_b).ln()
    };
    // Bracket of the root in t: g(t_lo) < 0 < g(t_hi); g(0) = -ln p > 0.
    let mut t_lo = f64::NEG_INFINITY;
    let mut t_hi = 0.0_f64;
    for _ in 0..100 {
        let x = t.exp();
        let f = regularized_beta(a, b, x, ln_b);
        // g = ln(I_x / p), formed from I_x − p to stay exact near the root.
        let g = ((f - p) / p).ln_1p();
        if g == 0.0 {
            return x;
        }
        if g < 0.0 {
            t_lo = t;
        } else {
            t_hi = t;
        }
        // g' = x pdf(x) / I_x and g'' = g' (a − (b − 1) x / (1 − x) − g').
        let x_pdf = (a * t + (b - 1.0) * (-x).ln_1p() - ln_b).exp();
        let g1 = x_pdf / f;
        let g2 = g1 * (a - (b - 1.0) * x / (1.0 - x) - g1);
        let newton = -g / g1;
        let denominator = 1.0 - 0.5 * g * g2 / (g1 * g1);
        let halley = denominator.is_finite() && denominator > 0.5;
        let step = if halley { newton / denominator } else { newton };
        let mut next = t + step;
        if !next.is_finite() || next <= t_lo || next >= t_hi {
            // Off the bracket: bisect, or walk left until the root is bracketed.
            next = if t_lo.is_finite() {
                0.5 * (t_lo + t_hi)
            } else {
                2.0 * t_hi.min(t) - 1.0
            };
        } else if step.abs() <= if halley { 1e-6 } else { 1e-8 } {
            // Halley (Newton) leaves an error of order step³ (step²).
            return next.exp();
        }
        if t_lo.is_finite() && t_hi - t_lo <= 4.0 * f64::EPSILON * t_lo.abs().max(1.0) {
            return next.exp();
        }
        t = next;
    }
    t.exp()
}

/// The regularized incomplete beta function I_x(a, b), given
/// `ln_b = ln B(a, b)`.
///
/// The continued fraction of statrs' `beta_reg` (modified Lentz, as in
/// Numerical Recipes), but taking ln B(a, b) from the caller: statrs
/// recomputes three log-gamma values on every call, which made each solver
/// step about 15 % slower. Relative accuracy about 1e-15 below the mean; above
/// it, 1 − I_{1−x}(b, a) with absolute accuracy about 1e-16.
fn regularized_beta(a: f64, b: f64, x: f64, ln_b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = (a * x.ln() + b * (-x).ln_1p() - ln_b).exp();
    let (swap, a, b, x) = if x >= (a + 1.0) / (a + b + 2.0) {
        (true, b, a, 1.0 - x)
    } else {
        (false, a, b, x)
    };
    let tiny = f64::MIN_POSITIVE / f64::EPSILON;
    let guard = |v: f64| if v.abs() < tiny { tiny } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=1000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() <= f64::EPSILON {
            break;
        }
    }
    let tail = front * h / a;
    if swap {
        1.0 - tail
    } else {
        tail
    }
}

/// AS 109's starting value for I⁻¹ₚ(a, b) (Carter's approximation for
/// a, b > 1; Cran, Martin and Thomas otherwise), kept inside (0, 1).
fn as109_start(a: f64, b: f64, p: f64, ln_b: f64) -> f64 {
    // Upper-tail normal deviate for p (Hastings).
    let r = (-2.0 * p.ln()).sqrt();
    let y = r - (2.30753 + 0.27061 * r) / (1.0 + (0.99229 + 0.04481 * r) * r);
    let x = if a > 1.0 && b > 1.0 {
        let rr = (y * y - 3.0) / 6.0;
        let s = 1.0 / (2.0 * a - 1.0);
        let t = 1.0 / (2.0 * b - 1.0);
        let h = 2.0 / (s + t);
        let w = y * (h + rr).sqrt() / h - (t - s) * (rr + 5.0 / 6.0 - 2.0 / (3.0 * h));
        a / (a + b * (2.0 * w).exp())
    } else {
        let t = 1.0 / (9.0 * b);
        let t = 2.0 * b * (1.0 - t + y * t.sqrt()).powi(3);
        if t <= 0.0 {
            1.0 - ((((1.0 - p) * b).ln() + ln_b) / b).exp()
        } else {
            let t = 2.0 * (2.0 * a + b - 1.0) / t;
            if t <= 1.0 {
                (((p * a).ln() + ln_b) / a).exp()
            } else {
                1.0 - 2.0 / (t + 1.0)
            }
        }
    };
    if x.is_finite() {
        x.clamp(1e-4, 0.9999)
    } else {
        0.5
    }
}

/// erfc(x) with < 1 ulp error, ported from FreeBSD msun `s_erf.c` (via the
/// MIT-licensed Rust `libm` crate).
///
/// Why not statrs: `statrs::function::erf::erfc` 0.19 is only accurate to
/// about 1e-10 relative, which is not enough for an exact inverse CDF.
///
/// Why not `libm::erfc` itself: libm 0.2.16 rounds differently in the last
/// ulp for some arguments; swapping it in moved a sensitivity swing of
/// Solrød Forslag 1 from 13160.285250103101 to 13160.285250099376 kr.
/// (measured 2026-11-30), and shipped results must stay byte-identical.
///
/// ====================================================
/// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
///
/// Developed at SunPro, a Sun Microsystems, Inc. business.
/// Permission to use, copy, modify, and distribute this
/// software is freely granted, provided that this notice
/// is preserved.
/// ====================================================
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
fn erfc(x: f64) -> f64 {
    const ERX: f64 = 8.45062911510467529297e-01;
    // erf on [0, 0.84375]
    const PP0: f64 = 1.28379167095512558561e-01;
    const PP1: f64 = -3.25042107247001499370e-01;
    const PP2: f64 = -2.84817495755985104766e-02;
    const PP3: f64 = -5.77027029648944159157e-03;
    const PP4: f64 = -2.37630166566501626084e-05;
    const QQ1: f64 = 3.97917223959155352819e-01;
    const QQ2: f64 = 6.50222499887672944485e-02;
    const QQ3: f64 = 5.08130628187576562776e-03;
    const QQ4: f64 = 1.32494738004321644526e-04;
    const QQ5: f64 = -3.96022827877536812320e-06;
    // erf on [0.84375, 1.25]
    const PA0: f64 = -2.36211856075265944077e-03;
    const PA1: f64 = 4.14856118683748331666e-01;
    const PA2: f64 = -3.72207876035701323847e-01;
    const PA3: f64 = 3.18346619901161753674e-01;
    const PA4: f64 = -1.10894694282396677476e-01;
    const PA5: f64 = 3.54783043256182359371e-02;
    const PA6: f64 = -2.16637559486879084300e-03;
    const QA1: f64 = 1.06420880400844228286e-01;
    const QA2: f64 = 5.40397917702171048937e-01;
    const QA3: f64 = 7.18286544141962662868e-02;
    const QA4: f64 = 1.26171219808761642112e-01;
    const QA5: f64 = 1.36370839120290507362e-02;
    const QA6: f64 = 1.19844998467991074170e-02;
    // erfc on [1.25, 1/0.35]
    const RA0: f64 = -9.86494403484714822705e-03;
    const RA1: f64 = -6.93858572707181764372e-01;
    const RA2: f64 = -1.05586262253232909814e+01;
    const RA3: f64 = -6.23753324503260060396e+01;
    const RA4: f64 = -1.62396669462573470355e+02;
    const RA5: f64 = -1.84605092906711035994e+02;
    const RA6: f64 = -8.12874355063065934246e+01;
    const RA7: f64 = -9.81432934416914548592e+00;
    const SA1: f64 = 1.96512716674392571292e+01;
    const SA2: f64 = 1.37657754143519042600e+02;
    const SA3: f64 = 4.34565877475229228821e+02;
    const SA4: f64 = 6.45387271733267880336e+02;
    const SA5: f64 = 4.29008140027567833386e+02;
    const SA6: f64 = 1.08635005541779435134e+02;
    const SA7: f64 = 6.57024977031928170135e+00;
    const SA8: f64 = -6.04244152148580987438e-02;
    // erfc on [1/0.35, 28]
    const RB0: f64 = -9.86494292470009928597e-03;
    const RB1: f64 = -7.99283237680523006574e-01;
    const RB2: f64 = -1.77579549177547519889e+01;
    const RB3: f64 = -1.60636384855821916062e+02;
    const RB4: f64 = -6.37566443368389627722e+02;
    const RB5: f64 = -1.02509513161107724954e+03;
    const RB6: f64 = -4.83519191608651397019e+02;
    const SB1: f64 = 3.03380607434824582924e+01;
    const SB2: f64 = 3.25792512996573918826e+02;
    const SB3: f64 = 1.53672958608443695994e+03;
    const SB4: f64 = 3.19985821950859553908e+03;
    const SB5: f64 = 2.55305040643316442583e+03;
    const SB6: f64 = 4.74528541206955367215e+02;
    const SB7: f64 = -2.24409524465858183362e+01;

    if x.is_nan() {
        return f64::NAN;
    }
    let ax = x.abs();
    let negative = x < 0.0;
    if ax < 0.84375 {
        if ax < 2f64.powi(-56) {
            return 1.0 - x;
        }
        let z = x * x;
        let r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
        let s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
        let y = r / s;
        if negative || ax < 0.25 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x - 0.5 + x * y);
    }
    if ax >= 28.0 {
        return if negative { 2.0 } else { 0.0 };
    }
    let tail = if ax < 1.25 {
        let s = ax - 1.0;
        let p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
        let q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
        1.0 - ERX - p / q
    } else {
        let s = 1.0 / (ax * ax);
        let (r, big_s) = if ax < 1.0 / 0.35 {
            (
                RA0 + s
                    * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7)))))),
                1.0 + s
                    * (SA1
                        + s * (SA2
                            + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8))))))),
            )
        } else {
            (
                RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6))))),
                1.0 + s
                    * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7)))))),
            )
        };
        // Split ax into a 20-bit head and a tail so exp(-ax²) is exact.
        let z = f64::from_bits(ax.to_bits() & 0xffff_ffff_0000_0000);
        (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + r / big_s).exp() / ax
    };
    if negative {
        2.0 - tail
    } else {
        tail
    }
}

/// Φ(b) − Φ(a) without cancellation: both tails are computed on the side
/// where they are small.
fn std_normal_mass(a: f64, b: f64) -> f64 {
    if a >= 0.0 {
        std_normal_sf(a) - std_normal_sf(b)
    } else if b <= 0.0 {
        std_normal_cdf(b) - std_normal_cdf(a)
    } else {
        1.0 - std_normal_cdf(a) - std_normal_sf(b)
    }
}

/// Quantile of the standard normal truncated to `[a, b]`:
/// Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a))), evaluated on the tail that keeps the
/// probabilities small so far-tail truncations (e.g. `a = 8`, where
/// Φ(a) rounds to 1) stay accurate.
fn truncated_std_normal_quantile(a: f64, b: f64, u: f64) -> f64 {
    let z = if a >= 0.0 {
        let (sa, sb) = (std_normal_sf(a), std_normal_sf(b));
        std_normal_upper_quantile(sa - u * (sa - sb))
    } else if b <= 0.0 {
        let (ca, cb) = (std_normal_cdf(a), std_normal_cdf(b));
        std_normal_quantile(ca + u * (cb - ca))
    } else {
        let ca = std_normal_cdf(a);
        let sb = std_normal_sf(b);
        let mass = 1.0 - ca - sb;
        let p = ca + u * mass;
        if p <= 0.5 {
            std_normal_quantile(p)
        } else {
            std_normal_upper_quantile(sb + (1.0 - u) * mass)
        }
    };
    z.clamp(a, b)
}

/// Compact number formatting with `sig` significant digits and no
/// trailing zeros (`80`, `0.125`, `101.98` -> `102` at 3 digits).
fn fmt_num(x: f64, sig: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let magnitude = x.abs().log10().floor() as i32;
    if !(-6..15).contains(&magnitude) {
        return format!("{:.*e}", sig.saturating_sub(1), x);
    }
    let decimals = (sig as i32 - 1 - magnitude).max(0) as usize;
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

#[cfg(test)]
#[allow(clippy::excessive_precision)] // reference values quoted to full precision
mod tests {
    use super::*;
    use rand::distr::Open01;
    use rand::{RngExt, SeedableRng};
    use rand_pcg::Pcg64Mcg;
    use statrs::distribution::{
        Beta as SBeta, ContinuousCDF, LogNormal as SLogNormal, Normal as SNormal,
        Triangular as STriangular, Uniform as SUniform,
    };

    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    struct T {
        x: Distribution,
    }

    fn parse(src: &str) -> Distribution {
        toml::from_str::<T>(src)
            .unwrap_or_else(|e| panic!("{src} should parse: {e}"))
            .x
    }

    /// Parses `x = <value>` on line 2 and returns the error text.
    fn reject(value: &str) -> String {
        let src = format!("# scenario\nx = {value}\n");
        let err = toml::from_str::<T>(&src).expect_err(&format!("{value} should be rejected"));
        let text = err.to_string();
        assert!(
            text.contains("line 2"),
            "error for {value} should point at line 2: {text}"
        );
        let span = err.span().expect("error has a span");
        assert!(
            span.start >= src.find("x =").unwrap(),
            "span {span:?} should be on the value line"
        );
        text
    }

    fn close(actual: f64, expected: f64, rel: f64) -> bool {
        (actual - expected).abs() <= rel * expected.abs().max(1.0)
    }

    fn assert_close(actual: f64, expected: f64, rel: f64, what: &str) {
        assert!(
            close(actual, expected, rel),
            "{what}: got {actual}, expected {expected} (rel tol {rel})"
        );
    }

    const GRID: [f64; 13] = [
        1e-10, 1e-6, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999999,
    ];

    // ---------------------------------------------------------------- parsing

    #[test]
    fn parses_plain_numbers_as_fixed() {
        assert_eq!(parse("x = 100"), Distribution::Fixed(100.0));
        assert_eq!(parse("x = -3"), Distribution::Fixed(-3.0));
        assert_eq!(parse("x = 0.35"), Distribution::Fixed(0.35));
        assert_eq!(parse("x = 1e3"), Distribution::Fixed(1000.0));
    }

    #[test]
    fn parses_every_distribution_form() {
        assert_eq!(
            parse("x = { uniform = [80, 130] }"),
            Distribution::Uniform {
                min: 80.0,
                max: 130.0
            }
        );
        assert_eq!(
            parse("x = { triangular = [80, 100.5, 130] }"),
            Distribution::Triangular {
                min: 80.0,
                mode: 100.5,
                max: 130.0
            }
        );
        assert_eq!(
            parse("x = { pert = [80, 100, 130] }"),
            Distribution::Pert {
                min: 80.0,
                mode: 100.0,
                max: 130.0,
                lambda: 4.0
            }
        );
        assert_eq!(
            parse("x = { pert = [80, 100, 130], lambda = 6 }"),
            Distribution::Pert {
                min: 80.0,
                mode: 100.0,
                max: 130.0,
                lambda: 6.0
            }
        );
        assert_eq!(
            parse("x = { normal = [1000, 300] }"),
            Distribution::Normal {
                mean: 1000.0,
                sd: 300.0,
                min: None,
                max: None
            }
        );
        assert_eq!(
            parse("x = { normal = [1000, 300], min = 0 }"),
            Distribution::Normal {
                mean: 1000.0,
                sd: 300.0,
                min: Some(0.0),
                max: None
            }
        );
        assert_eq!(
            parse("x = { normal = [0.4, 0.1], min = 0, max = 1 }"),
            Distribution::Normal {
                mean: 0.4,
                sd: 0.1,
                min: Some(0.0),
                max: Some(1.0)
            }
        );
        assert_eq!(
            parse("x = { normal = [5, 1], max = 6.5 }"),
            Distribution::Normal {
                mean: 5.0,
                sd: 1.0,
                min: None,
                max: Some(6.5)
            }
        );
        assert_eq!(
            parse("x = { lognormal = { mu = 4.6, sigma = 0.3 } }"),
            Distribution::LogNormal {
                mu: 4.6,
                sigma: 0.3
            }
        );
        assert_eq!(
            parse("x = { lognormal = { mu = 4, sigma = 0 } }"),
            Distribution::LogNormal {
                mu: 4.0,
                sigma: 0.0
            }
        );
        assert_eq!(
            parse("x = { beta = [2, 5] }"),
            Distribution::Beta {
                alpha: 2.0,
                beta: 5.0,
                min: 0.0,
                max: 1.0
            }
        );
        assert_eq!(
            parse("x = { beta = [2, 5], min = 10, max = 20 }"),
            Distribution::Beta {
                alpha: 2.0,
                beta: 5.0,
                min: 10.0,
                max: 20.0
            }
        );
        assert_eq!(
            parse("x = { discrete = [3, 1, 2] }"),
            Distribution::Discrete {
                values: vec![1.0, 2.0, 3.0],
                weights: vec![1.0 / 3.0; 3]
            }
        );
        assert_eq!(
            parse("x = { discrete = [2, 1], weights = [3, 7] }"),
            Distribution::Discrete {
                values: vec![1.0, 2.0],
                weights: vec![0.7, 0.3]
            }
        );
        // A standard TOML table works as well as an inline one.
        assert_eq!(
            parse("[x]\ntriangular = [1, 2, 3]\n"),
            Distribution::Triangular {
                min: 1.0,
                mode: 2.0,
                max: 3.0
            }
        );
    }

    #[test]
    fn parses_lognormal_mean_sd_into_mu_sigma() {
        let Distribution::LogNormal { mu, sigma } = parse("x = { lognormal = [100, 30] }") else {
            panic!("not a log-normal");
        };
        // sigma^2 = ln(1 + 0.09) = 0.0861776962410524, mu = ln 100 - sigma^2 / 2
        assert_close(sigma, 0.0861776962410524_f64.sqrt(), 1e-14, "sigma");
        assert_close(mu, 100f64.ln() - 0.5 * 0.0861776962410524, 1e-14, "mu");
        let d = Distribution::LogNormal { mu, sigma };
        assert_close(d.mean(), 100.0, 1e-13, "mean of lognormal [100, 30]");
        // The standard deviation comes back too: sd^2 = (e^{s^2} - 1) e^{2 mu + s^2}.
        let var = (sigma * sigma).exp_m1() * (2.0 * mu + sigma * sigma).exp();
        assert_close(var.sqrt(), 30.0, 1e-12, "sd of lognormal [100, 30]");
    }

    #[test]
    fn parses_ci90_as_lognormal_or_normal() {
        let z95 = 1.6448536269514722;
        let Distribution::LogNormal { mu, sigma } = parse("x = { ci90 = [80, 130] }") else {
            panic!("positive ci90 should be log-normal");
        };
        assert_close(mu, (80f64 * 130.0).ln() / 2.0, 1e-14, "mu");
        assert_close(sigma, (130f64 / 80.0).ln() / (2.0 * z95), 1e-12, "sigma");

        let Distribution::Normal { mean, sd, min, max } = parse("x = { ci90 = [-5, 15] }") else {
            panic!("ci90 with low <= 0 should be normal");
        };
        assert_eq!((mean, min, max), (5.0, None, None));
        assert_close(sd, 10.0 / z95, 1e-12, "sd");
        assert!(matches!(
            parse("x = { ci90 = [0, 10] }"),
            Distribution::Normal { .. }
        ));
    }

    #[test]
    fn ci90_round_trips_its_percentiles() {
        for (low, high) in [
            (80.0, 130.0),
            (0.001, 1000.0),
            (1e6, 1.2e6),
            (-5.0, 15.0),
            (0.0, 1.0),
            (-300.0, -200.0),
        ] {
            let d = Distribution::ci90(low, high).unwrap();
            assert_close(
                d.quantile(0.05),
                low,
                1e-12,
                &format!("q05 of ci90 [{low}, {high}]"),
            );
            assert_close(
                d.quantile(0.95),
                high,
                1e-12,
                &format!("q95 of ci90 [{low}, {high}]"),
            );
        }
    }

    #[test]
    fn rejections_explain_the_problem_and_point_at_the_line() {
        let cases: &[(&str, &[&str])] = &[
            (
                "{ triangular = [100, 80, 130] }",
                &["triangular needs min <= mode <= max, got [100, 80, 130]: put the most likely value between the smallest and the largest"],
            ),
            ("{ triangular = [80, 140, 130] }", &["min <= mode <= max"]),
            ("{ pert = [80, 140, 130] }", &["pert needs min <= mode <= max", "most likely"]),
            ("{ pert = [80, 100, 130], lambda = -1 }", &["lambda >= 0", "default 4"]),
            ("{ pert = [80, 100, 130], lambda = 1e308 }", &["pert lambda 1.00000e308 is above the limit of 10000", "write the mode 100 as a plain number"]),
            ("{ beta = [1e300, 2] }", &["beta shapes [1.00000e300, 2] exceed the limit of 1000000", "write its mean as a plain number"]),
            ("{ uniform = [130, 80] }", &["uniform needs min < max", "[130, 80]", "smaller bound first"]),
            ("{ uniform = [5, 5] }", &["uniform needs min < max"]),
            ("{ normal = [100, -5] }", &["sd >= 0", "cannot be negative"]),
            ("{ normal = [100, 5], min = 10, max = 5 }", &["truncation needs min < max", "min = 10, max = 5"]),
            ("{ normal = [100, 5], min = 10, max = 10 }", &["truncation needs min < max"]),
            ("{ normal = [0, 1], min = 50 }", &["no probability inside the truncation", "same units"]),
            ("{ normal = [100, 0], min = 200 }", &["sd = 0", "outside"]),
            ("{ normal = [100, nan] }", &["finite", "NaN"]),
            ("inf", &["finite"]),
            ("nan", &["finite"]),
            ("{ uniform = [0, inf] }", &["finite"]),
            ("{ normal = [0, 1], min = -inf }", &["finite", "leave out min or max"]),
            ("{ beta = [0, 5] }", &["alpha > 0 and beta > 0", "[0, 5]", "positive"]),
            ("{ beta = [2, -1] }", &["alpha > 0 and beta > 0"]),
            ("{ beta = [2, 5], min = 3, max = 1 }", &["min < max", "min = 3, max = 1"]),
            ("{ discrete = [1, 2], weights = [-1, 2] }", &["weights must be finite and >= 0", "-1"]),
            ("{ discrete = [1, 2], weights = [0, 0] }", &["all zero", "positive weight"]),
            ("{ discrete = [1, 2], weights = [0.5] }", &["2 values but 1 weights", "one weight per value"]),
            ("{ discrete = [] }", &["at least one value"]),
            ("{ ci90 = [130, 80] }", &["ci90 needs low < high", "[130, 80]", "5th percentile first"]),
            ("{ ci90 = [5, 5] }", &["ci90 needs low < high"]),
            ("{ lognormal = [-3, 1] }", &["mean > 0", "always positive", "normal"]),
            ("{ lognormal = [0, 1] }", &["mean > 0"]),
            ("{ lognormal = [10, -1] }", &["sd >= 0"]),
            ("{ lognormal = { mu = 1, sigma = -0.5 } }", &["sigma >= 0"]),
            ("{ lognormal = { mu = 1 } }", &["needs both mu and sigma", ACCEPTED_FORMS]),
            ("{ lognormal = { mu = 1, sd = 2 } }", &["unknown key `sd` in lognormal"]),
            // Structural errors list the accepted forms.
            ("{ gamma = [2, 3] }", &["unknown key `gamma`", ACCEPTED_FORMS]),
            ("{ triangular = [80, 130] }", &["triangular takes a list of 3 numbers [min, mode, max], got a list of 2 numbers", ACCEPTED_FORMS]),
            ("{ uniform = [1, 2, 3] }", &["uniform takes a list of 2 numbers", ACCEPTED_FORMS]),
            ("{ normal = 5 }", &["normal takes a list of 2 numbers [mean, sd], got the single number 5", ACCEPTED_FORMS]),
            ("{ ci90 = [1] }", &["ci90 takes a list of 2 numbers [low, high]", ACCEPTED_FORMS]),
            ("{ uniform = [1, 2], normal = [0, 1] }", &["`normal` and `uniform` are both given", "keep only one", ACCEPTED_FORMS]),
            ("{ triangular = [1, 2, 3], lambda = 4 }", &["`lambda` does not apply to triangular", ACCEPTED_FORMS]),
            ("{ uniform = [1, 2], min = 0 }", &["`min` does not apply to uniform", ACCEPTED_FORMS]),
            ("{ normal = [1, 2], weights = [1] }", &["`weights` does not apply to normal"]),
            ("{ min = 0 }", &["no distribution given (the table has only min)", ACCEPTED_FORMS]),
            ("{ }", &["no distribution given", ACCEPTED_FORMS]),
            ("{ pert = [1, 2, 3], lambda = [4] }", &["lambda must be a single number", ACCEPTED_FORMS]),
            ("{ discrete = 3 }", &["discrete takes a list of values", ACCEPTED_FORMS]),
            ("\"100\"", &["a number or a distribution table", ACCEPTED_FORMS]),
            ("{ triangular = [1, \"a\", 3] }", &["invalid type"]),
        ];
        for (value, needles) in cases {
            let text = reject(value);
            for needle in *needles {
                assert!(
                    text.contains(needle),
                    "error for {value} should contain {needle:?}, got:\n{text}"
                );
            }
        }
    }

    #[test]
    fn error_span_points_at_the_offending_value() {
        let src = "a = 1\nb = { uniform = [1, 2] }\nc = { triangular = [100, 80, 130] }\n";
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct S {
            a: Distribution,
            b: Distribution,
            c: Distribution,
        }
        let err = toml::from_str::<S>(src).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        let span = err.span().unwrap();
        assert_eq!(&src[span], "{ triangular = [100, 80, 130] }");
    }

    #[test]
    fn serialization_round_trips() {
        let cases = [
            Distribution::Fixed(100.0),
            Distribution::Uniform { min: 1.0, max: 2.5 },
            Distribution::Triangular {
                min: 80.0,
                mode: 100.0,
                max: 130.0,
            },
            Distribution::Pert {
                min: 80.0,
                mode: 100.0,
                max: 130.0,
                lambda: 6.0,
            },
            Distribution::Normal {
                mean: 5.0,
                sd: 2.0,
                min: Some(0.0),
                max: None,
            },
            Distribution::Normal {
                mean: 5.0,
                sd: 2.0,
                min: None,
                max: None,
            },
            Distribution::ci90(80.0, 130.0).unwrap(),
            Distribution::Beta {
                alpha: 2.0,
                beta: 5.0,
                min: 10.0,
                max: 20.0,
            },
            Distribution::discrete(vec![2.0, 1.0], Some(vec![3.0, 7.0])).unwrap(),
        ];
        for d in cases {
            let text = toml::to_string(&T { x: d.clone() }).unwrap();
            assert_eq!(parse(&text), d, "round trip of {text}");
        }
    }

    // ------------------------------------------------------------ describe

    #[test]
    fn describes_in_short_human_text() {
        let cases = [
            ("x = 100", "100"),
            ("x = 0.35", "0.35"),
            ("x = { uniform = [80, 130] }", "uniform(80, 130)"),
            (
                "x = { triangular = [80, 100, 130] }",
                "triangular(80, 100, 130)",
            ),
            ("x = { pert = [80, 100, 130] }", "pert(80, 100, 130)"),
            (
                "x = { pert = [80, 100, 130], lambda = 6 }",
                "pert(80, 100, 130, lambda 6)",
            ),
            ("x = { normal = [100, 10] }", "normal(mean 100, sd 10)"),
            (
                "x = { normal = [100, 10], min = 0 }",
                "normal(mean 100, sd 10, min 0)",
            ),
            (
                "x = { ci90 = [80, 130] }",
                "log-normal(median 102, 90 % in [80, 130])",
            ),
            ("x = { beta = [2, 5] }", "beta(2, 5)"),
            (
                "x = { beta = [2, 5], min = 10, max = 20 }",
                "beta(2, 5) on [10, 20]",
            ),
            ("x = { discrete = [3, 1, 2] }", "discrete(1, 2, 3)"),
            (
                "x = { discrete = [1, 2], weights = [0.3, 0.7] }",
                "discrete(1: 30 %, 2: 70 %)",
            ),
        ];
        for (src, text) in cases {
            let d = parse(src);
            assert_eq!(d.describe(), text, "describe {src}");
            assert_eq!(d.to_string(), text);
        }
        assert_eq!(fmt_num(101.98039, 3), "102");
        assert_eq!(fmt_num(-0.000_012_345, 3), "-0.0000123");
        assert_eq!(fmt_num(2.5e20, 3), "2.50e20");
    }

    // ------------------------------------------------- support, fixed, mean

    #[test]
    fn fixed_and_degenerate_cases() {
        let f = Distribution::Fixed(7.5);
        assert!(f.is_fixed());
        assert_eq!(
            (f.quantile(0.01), f.quantile(0.99), f.mean()),
            (7.5, 7.5, 7.5)
        );
        assert_eq!(f.quantile(f64::NAN), 7.5, "Fixed ignores u");
        assert_eq!(f.support(), (7.5, 7.5));

        let degenerate = [
            parse("x = { triangular = [5, 5, 5] }"),
            parse("x = { pert = [5, 5, 5] }"),
            parse("x = { normal = [5, 0] }"),
            parse("x = { normal = [5, 0], min = 0, max = 10 }"),
            parse("x = { lognormal = [5, 0] }"),
            parse("x = { discrete = [5] }"),
            parse("x = { discrete = [1, 5, 9], weights = [0, 1, 0] }"),
        ];
        for d in degenerate {
            assert!(d.is_fixed(), "{d:?} should be fixed");
            for u in [0.0, 1e-9, 0.3, 0.999, 1.0] {
                assert_close(d.quantile(u), 5.0, 1e-14, &format!("{d:?} at {u}"));
            }
            assert_close(d.mean(), 5.0, 1e-14, &format!("mean of {d:?}"));
            let (lo, hi) = d.support();
            assert_close(lo, 5.0, 1e-14, "support lo");
            assert_close(hi, 5.0, 1e-14, "support hi");
        }
        assert!(!parse("x = { uniform = [1, 2] }").is_fixed());
        assert!(!parse("x = { discrete = [1, 2] }").is_fixed());
    }

    #[test]
    fn supports() {
        let inf = f64::INFINITY;
        assert_eq!(parse("x = { uniform = [1, 2] }").support(), (1.0, 2.0));
        assert_eq!(parse("x = { pert = [1, 2, 4] }").support(), (1.0, 4.0));
        assert_eq!(parse("x = { normal = [1, 2] }").support(), (-inf, inf));
        assert_eq!(
            parse("x = { normal = [1, 2], min = 0 }").support(),
            (0.0, inf)
        );
        assert_eq!(parse("x = { lognormal = [1, 2] }").support(), (0.0, inf));
        assert_eq!(
            parse("x = { beta = [1, 2], min = 3, max = 4 }").support(),
            (3.0, 4.0)
        );
        assert_eq!(
            parse("x = { discrete = [1, 2, 3], weights = [0, 1, 1] }").support(),
            (2.0, 3.0)
        );
        // u = 0 and u = 1 give the ends of the support.
        let n = parse("x = { normal = [1, 2], min = 0 }");
        assert_eq!((n.quantile(0.0), n.quantile(1.0)), (0.0, inf));
        let p = parse("x = { pert = [1, 2, 4] }");
        assert_eq!((p.quantile(0.0), p.quantile(1.0)), (1.0, 4.0));
    }

    #[test]
    fn closed_form_means() {
        assert_eq!(parse("x = { uniform = [80, 130] }").mean(), 105.0);
        assert_eq!(
            parse("x = { triangular = [80, 100, 130] }").mean(),
            310.0 / 3.0
        );
        assert_eq!(parse("x = { pert = [80, 100, 130] }").mean(), 610.0 / 6.0);
        assert_eq!(
            parse("x = { beta = [2, 6], min = 10, max = 20 }").mean(),
            12.5
        );
        assert_close(
            parse("x = { discrete = [1, 2], weights = [0.3, 0.7] }").mean(),
            1.7,
            1e-15,
            "discrete mean",
        );
        assert_close(
            parse("x = { lognormal = { mu = 1, sigma = 0.5 } }").mean(),
            1.125f64.exp(),
            1e-15,
            "lognormal mean",
        );
        // Normal(0, 1) truncated to [0, inf): the half-normal, mean sqrt(2/pi).
        assert_close(
            parse("x = { normal = [0, 1], min = 0 }").mean(),
            (2.0 / std::f64::consts::PI).sqrt(),
            1e-14,
            "half-normal mean",
        );
    }

    /// Composite Simpson integration, an independent check of the truncated
    /// normal mean formula.
    fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64, n: usize) -> f64 {
        let h = (b - a) / n as f64;
        let mut s = f(a) + f(b);
        for i in 1..n {
            let w = if i % 2 == 1 { 4.0 } else { 2.0 };
            s += w * f(a + i as f64 * h);
        }
        s * h / 3.0
    }

    #[test]
    fn truncated_normal_mean_matches_numerical_integration() {
        for (mean, sd, lo, hi) in [
            (100.0, 30.0, 0.0, 1e9),
            (10.0, 30.0, 0.0, 40.0),
            (0.4, 0.1, 0.0, 1.0),
            (5.0, 2.0, -1e9, 4.0),
            (0.0, 1.0, 3.0, 5.0),
            (0.0, 1.0, -6.0, -2.5),
        ] {
            let d = Distribution::Normal {
                mean,
                sd,
                min: (lo > -1e8).then_some(lo),
                max: (hi < 1e8).then_some(hi),
            };
            d.validate().unwrap();
            let (a, b) = (lo.max(mean - 12.0 * sd), hi.min(mean + 12.0 * sd));
            let pdf = |x: f64| (-0.5 * ((x - mean) / sd).powi(2)).exp();
            let expected = simpson(|x| x * pdf(x), a, b, 20_000) / simpson(pdf, a, b, 20_000);
            assert_close(d.mean(), expected, 1e-10, &format!("mean of {d:?}"));
        }
    }

    // -------------------------------------------------- exact quantiles

    #[test]
    fn normal_tail_probabilities_are_exact() {
        // Reference values of Q(z) = 1 - Phi(z) (mpmath, 40 digits).
        // Tolerance: z / sqrt(2) is rounded before erfc sees it, which alone
        // costs a relative 2 (z^2 / 2) eps in Q; fdlibm's erfc adds < 1 ulp.
        for (z, q) in [
            (0.0, 0.5),
            (0.3, 0.38208857781104736),
            (1.0, 0.15865525393145705),
            (1.6448536269514722, 0.050000000000000053),
            (3.0, 1.3498980316300945e-3),
            (8.0, 6.2209605742717841e-16),
            (20.0, 2.7536241186062337e-89),
        ] {
            let tol = (2.0 + z * z) * 2.0 * f64::EPSILON;
            let rel = (std_normal_sf(z) - q).abs() / q;
            assert!(rel < tol, "Q({z}) relative error {rel:e}");
            let rel = (std_normal_cdf(-z) - q).abs() / q;
            assert!(rel < tol, "Phi(-{z}) relative error {rel:e}");
        }
        assert_eq!(erfc(f64::INFINITY), 0.0);
        assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
        assert_eq!(std_normal_cdf(f64::NEG_INFINITY), 0.0);
        assert_eq!(std_normal_sf(f64::INFINITY), 0.0);
    }

    #[test]
    fn regularized_beta_matches_statrs_and_closed_forms() {
        use statrs::function::beta::beta_reg;
        for (a, b) in [
            (2.6, 3.4),
            (0.5, 0.5),
            (0.3, 4.0),
            (30.0, 2.0),
            (1.0, 21.0),
            (500.0, 700.0),
        ] {
            let ln_b = ln_beta(a, b);
            for &x in &[1e-12, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999] {
                let ours = regularized_beta(a, b, x, ln_b);
                let theirs = beta_reg(a, b, x);
                assert!(
                    (ours - theirs).abs() <= 1e-12 * theirs.max(1e-300) + 1e-15,
                    "I_{x}({a}, {b}): {ours} vs statrs {theirs}"
                );
            }
        }
        for &x in &[1e-300, 1e-20, 1e-6, 0.2, 0.5, 0.8] {
            let x: f64 = x;
            // I_x(a, 1) = x^a; I_x(1/2, 1/2) = (2 / pi) asin(sqrt x). The
            // prefactor exp(a ln x + ...) carries a relative error of about
            // eps |a ln x| (3e-14 at x = 1e-300), hence 1e-13.
            assert_close(
                regularized_beta(0.2, 1.0, x, ln_beta(0.2, 1.0)) / x.powf(0.2),
                1.0,
                1e-13,
                "x^0.2",
            );
            let arcsine = std::f64::consts::FRAC_2_PI * x.sqrt().asin();
            assert_close(
                regularized_beta(0.5, 0.5, x, ln_beta(0.5, 0.5)) / arcsine,
                1.0,
                1e-13,
                "arcsine",
            );
        }
        assert_eq!(regularized_beta(2.0, 3.0, 0.0, ln_beta(2.0, 3.0)), 0.0);
        assert_eq!(regularized_beta(2.0, 3.0, 1.0, ln_beta(2.0, 3.0)), 1.0);
    }

    #[test]
    fn reachable_range_covers_every_draw() {
        assert_eq!(parse("x = 5").reachable(), (5.0, 5.0));
        assert_eq!(
            parse("x = { triangular = [1, 2, 3] }").reachable(),
            (1.0, 3.0)
        );
        // Unbounded sides are evaluated at the extreme uniforms: 8.2 sd.
        let (lo, hi) = parse("x = { normal = [0, 1], min = -1 }").reachable();
        assert_eq!(lo, -1.0);
        assert!(hi > 8.1 && hi < 8.3, "{hi}");
        let (lo, hi) = parse("x = { normal = [0, 1] }").reachable();
        assert!(lo < -8.2 && lo > -8.4 && hi > 8.1, "{lo} {hi}");
        assert_eq!(lo, parse("x = { normal = [0, 1] }").quantile(SMALLEST_U));
        // A log-normal with mu = 800 overflows: reachable up to infinity.
        let (lo, hi) = parse("x = { lognormal = { mu = 800, sigma = 1 } }").reachable();
        assert_eq!(hi, f64::INFINITY);
        assert_eq!(lo, 0.0);
        let (_, hi) = parse("x = { lognormal = { mu = 0, sigma = 1 } }").reachable();
        assert!((hi.ln() - 8.2).abs() < 0.1, "{hi}");
        // Validation's range: the support, else the 99.99 % quantile.
        let d = parse("x = { lognormal = { mu = 0, sigma = 1 } }");
        let (lo, hi) = d.checked_range();
        assert_eq!((lo, hi), (0.0, d.quantile(TAIL_CHECK_U)));
        assert!((hi.ln() - 3.719).abs() < 1e-3, "{hi}");
        // A truncated normal's open side: its own (truncated) 0.01 % quantile.
        let d = parse("x = { normal = [0, 1], max = 2 }");
        let (lo, hi) = d.checked_range();
        assert_eq!((lo, hi), (d.quantile(1.0 - TAIL_CHECK_U), 2.0));
        assert!(lo < -3.7 && lo > -3.8, "{lo}");
        // The samplers' extremes.
        assert_eq!(SMALLEST_U, 0.5 / (1u64 << 53) as f64);
        let largest = LARGEST_U;
        assert!(largest < 1.0 && largest + f64::EPSILON / 2.0 >= 1.0);
    }

    #[test]
    fn extreme_u_and_shapes_neither_panic_nor_hang() {
        // statrs' inv_beta_reg panics below p = 1e-162 and loops forever on
        // Beta(200, 3) at p = 1e-75; the solver here must do neither.
        let shapes = [
            (2.6, 3.4),
            (200.0, 3.0),
            (3.0, 200.0),
            (1000.0, 1000.0),
            (0.01, 0.01),
            (0.01, 5.0),
            (1.0, 101.0),
        ];
        let us = [
            5e-324,
            1e-300,
            1e-162,
            1e-75,
            1e-16,
            0.5,
            1.0 - 1e-16,
            1.0 - f64::EPSILON / 2.0,
        ];
        for (alpha, beta) in shapes {
            let d = Distribution::Beta {
                alpha,
                beta,
                min: 0.0,
                max: 1.0,
            };
            let mut prev = 0.0;
            for &u in &us {
                let x = d.quantile(u);
                assert!(
                    (0.0..=1.0).contains(&x),
                    "Beta({alpha}, {beta}) at {u}: {x}"
                );
                assert!(x >= prev, "Beta({alpha}, {beta}) not monotone at {u}");
                prev = x;
            }
        }
        let p = Distribution::Pert {
            min: 0.0,
            mode: 1.0,
            max: 100.0,
            lambda: 100.0,
        };
        assert!(p.quantile(1e-300) >= 0.0 && p.quantile(1.0 - 1e-16) <= 100.0);
    }

    #[test]
    fn beta_quantile_keeps_relative_precision_in_the_tails() {
        // Beta(0.01, 1) has F = x^0.01: the 90 % point is 0.9^100 = 2.7e-5,
        // computed from the lower end although u > 0.5.
        let d = Distribution::Beta {
            alpha: 0.01,
            beta: 1.0,
            min: 0.0,
            max: 1.0,
        };
        for &u in &[1e-3f64, 0.1, 0.5, 0.9, 0.99, 0.999999] {
            let exact = u.powi(100);
            assert_close(
                d.quantile(u) / exact,
                1.0,
                1e-12,
                &format!("Beta(0.01, 1) at {u}"),
            );
        }
        // Beta(0.5, 0.5) is the arcsine law: F(x) = (2 / pi) asin(sqrt(x)),
        // so x = sin^2(pi u / 2); x is ~2.5e-20 at u = 1e-10.
        let d = Distribution::Beta {
            alpha: 0.5,
            beta: 0.5,
            min: 0.0,
            max: 1.0,
        };
        for &u in &GRID {
            let exact = (std::f64::consts::FRAC_PI_2 * u).sin().powi(2);
            assert_close(
                d.quantile(u) / exact,
                1.0,
                1e-12,
                &format!("arcsine at {u}"),
            );
        }
        // Beta(0.2, 1) has F(x) = x^0.2, so x = u^5 (1e-50 at u = 1e-10).
        let d = Distribution::Beta {
            alpha: 0.2,
            beta: 1.0,
            min: 0.0,
            max: 1.0,
        };
        for &u in &GRID {
            assert_close(
                d.quantile(u) / u.powi(5),
                1.0,
                1e-12,
                &format!("Beta(0.2, 1) at {u}"),
            );
        }
        // Upper tail near max, measured from max: Beta(1, 0.2) has 1 - F = (1 - x)^0.2.
        let d = Distribution::Beta {
            alpha: 1.0,
            beta: 0.2,
            min: 10.0,
            max: 20.0,
        };
        for &u in &GRID[7..] {
            let from_top = 10.0 * (1.0 - u).powi(5);
            assert!(
                ((20.0 - d.quantile(u)) - from_top).abs()
                    <= 1e-12 * from_top + 4.0 * f64::EPSILON * 20.0,
                "Beta(1, 0.2) at {u}"
            );
        }
        // PERT with mode at min (Beta(1, 5)): F = 1 - (1 - x)^5 in the lower tail.
        let d = Distribution::pert(0.0, 0.0, 1.0);
        for &u in &GRID[..5] {
            let exact = -((-u).ln_1p() / 5.0).exp_m1();
            assert_close(
                d.quantile(u) / exact,
                1.0,
                1e-12,
                &format!("pert(0, 0, 1) at {u}"),
            );
        }
    }

    #[test]
    fn standard_normal_quantile_is_exact() {
        // Reference values of the probit function (mpmath, 40 digits).
        for (p, z) in [
            (0.5, 0.0),
            (0.975, 1.959963984540054),
            (0.95, 1.6448536269514727),
            (0.3, -0.5244005127080407),
            (0.999, 3.090232306167813),
            (1e-10, -6.361340902404056),
            (1e-300, -37.047096299361199),
        ] {
            let got = std_normal_quantile(p);
            assert!(
                (got - z).abs() <= 1e-12 * z.abs().max(1.0),
                "probit({p}) = {got}, expected {z}"
            );
        }
        // And it inverts the CDF to ~1e-15 over the usual range.
        for &u in &GRID {
            let z = std_normal_quantile(u);
            assert!(
                (std_normal_cdf(z) - u).abs() <= 1e-14 * u.max(1e-3),
                "Phi(Phi^-1({u}))"
            );
        }
    }

    #[test]
    fn uniform_and_triangular_quantiles_are_closed_form() {
        let uni = Distribution::Uniform {
            min: 80.0,
            max: 130.0,
        };
        let s_uni = SUniform::new(80.0, 130.0).unwrap();
        let tri = Distribution::Triangular {
            min: 80.0,
            mode: 100.0,
            max: 130.0,
        };
        let s_tri = STriangular::new(80.0, 130.0, 100.0).unwrap();
        for &u in &GRID {
            assert_close(uni.quantile(u), 80.0 + 50.0 * u, 1e-14, "uniform");
            assert_close(
                uni.quantile(u),
                s_uni.inverse_cdf(u),
                1e-12,
                "uniform vs statrs",
            );
            // F(x) = (x - a)^2 / ((b - a)(c - a)) below the mode, 1 - (b - x)^2 / ((b - a)(b - c)) above.
            let expected = if u <= 0.4 {
                80.0 + (u * 50.0 * 20.0).sqrt()
            } else {
                130.0 - ((1.0 - u) * 50.0 * 30.0).sqrt()
            };
            assert_close(tri.quantile(u), expected, 1e-14, "triangular");
            assert_close(
                tri.quantile(u),
                s_tri.inverse_cdf(u),
                1e-9,
                "triangular vs statrs",
            );
            assert!(
                (s_tri.cdf(tri.quantile(u)) - u).abs() < 1e-12,
                "triangular cdf round trip"
            );
        }
        assert_eq!(
            tri.quantile(0.4),
            100.0,
            "the mode sits at F = (c - a) / (b - a)"
        );
        // Modes at either end (right and left triangles).
        let left = Distribution::Triangular {
            min: 0.0,
            mode: 0.0,
            max: 1.0,
        };
        let right = Distribution::Triangular {
            min: 0.0,
            mode: 1.0,
            max: 1.0,
        };
        for &u in &GRID {
            assert_close(
                left.quantile(u),
                1.0 - (1.0 - u).sqrt(),
                1e-14,
                "left triangle",
            );
            assert_close(right.quantile(u), u.sqrt(), 1e-14, "right triangle");
        }
    }

    #[test]
    fn pert_and_beta_quantiles_match_statrs_and_closed_forms() {
        // PERT(80, 100, 130): shapes 1 + 4 * 20/50 = 2.6 and 1 + 4 * 30/50 = 3.4.
        let pert = Distribution::pert(80.0, 100.0, 130.0);
        let s_beta = SBeta::new(2.6, 3.4).unwrap();
        for &u in &GRID {
            assert_close(
                pert.quantile(u),
                80.0 + 50.0 * s_beta.inverse_cdf(u),
                1e-9,
                "pert",
            );
            assert!(
                (s_beta.cdf((pert.quantile(u) - 80.0) / 50.0) - u).abs() < 1e-12,
                "pert cdf"
            );
        }
        // lambda = 0 is uniform; PERT(0, 0, 1) with lambda 1 is Beta(1, 2).
        let flat = Distribution::Pert {
            min: 2.0,
            mode: 3.0,
            max: 4.0,
            lambda: 0.0,
        };
        let left = Distribution::Pert {
            min: 0.0,
            mode: 0.0,
            max: 1.0,
            lambda: 1.0,
        };
        for &u in &GRID {
            assert_close(flat.quantile(u), 2.0 + 2.0 * u, 1e-12, "pert lambda 0");
            assert_close(
                left.quantile(u),
                1.0 - (1.0 - u).sqrt(),
                1e-12,
                "pert Beta(1, 2)",
            );
        }

        for (alpha, beta, min, max) in [
            (2.0, 5.0, 0.0, 1.0),
            (0.5, 0.5, 0.0, 1.0),
            (0.3, 4.0, 10.0, 20.0),
            (30.0, 2.0, -1.0, 1.0),
            (2.0, 1.0, 0.0, 1.0),
        ] {
            let d = Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            };
            let s = SBeta::new(alpha, beta).unwrap();
            let unit = Distribution::Beta {
                alpha,
                beta,
                min: 0.0,
                max: 1.0,
            };
            for &u in &GRID {
                let x = d.quantile(u);
                assert_close(
                    x,
                    min + (max - min) * s.inverse_cdf(u),
                    1e-9,
                    "beta vs statrs",
                );
                assert_close(x, min + (max - min) * unit.quantile(u), 1e-14, "scaling");
                // On [0, 1] even the far tails invert the CDF to 1e-9 relative.
                let back = s.cdf(unit.quantile(u));
                assert!(
                    (back - u).abs() <= 1e-9 * u,
                    "Beta({alpha}, {beta}) cdf(q({u})) = {back}"
                );
            }
        }
        // Closed forms independent of statrs: Beta(2, 1) has F = x^2; Beta(2, 2) has F = 3x^2 - 2x^3.
        let b21 = Distribution::Beta {
            alpha: 2.0,
            beta: 1.0,
            min: 0.0,
            max: 1.0,
        };
        let b22 = Distribution::Beta {
            alpha: 2.0,
            beta: 2.0,
            min: 0.0,
            max: 1.0,
        };
        for &u in &GRID {
            assert_close(b21.quantile(u), u.sqrt(), 1e-12, "Beta(2, 1)");
            let x = b22.quantile(u);
            assert!(
                (3.0 * x * x - 2.0 * x * x * x - u).abs() < 1e-13,
                "Beta(2, 2) at {u}"
            );
        }
    }

    #[test]
    fn normal_and_lognormal_quantiles_match_statrs() {
        let n = Distribution::Normal {
            mean: 1000.0,
            sd: 300.0,
            min: None,
            max: None,
        };
        let s_n = SNormal::new(1000.0, 300.0).unwrap();
        let ln = Distribution::LogNormal {
            mu: 4.6,
            sigma: 0.3,
        };
        let s_ln = SLogNormal::new(4.6, 0.3).unwrap();
        for &u in &GRID {
            assert_close(n.quantile(u), s_n.inverse_cdf(u), 1e-12, "normal");
            assert_close(ln.quantile(u), s_ln.inverse_cdf(u), 1e-9, "lognormal");
            assert_close(
                ln.quantile(u),
                (4.6 + 0.3 * std_normal_quantile(u)).exp(),
                1e-14,
                "lognormal",
            );
        }
        assert_close(ln.quantile(0.5), 4.6f64.exp(), 1e-15, "lognormal median");
        assert_close(
            n.quantile(0.975),
            1000.0 + 300.0 * 1.959963984540054,
            1e-14,
            "normal 97.5 %",
        );
    }

    #[test]
    fn truncated_normal_quantile_matches_the_formula_and_stays_stable_in_tails() {
        // Moderate truncation: the textbook formula with statrs is accurate.
        for (mean, sd, lo, hi) in [
            (100.0, 30.0, Some(0.0), None),
            (0.4, 0.1, Some(0.0), Some(1.0)),
            (5.0, 2.0, None, Some(4.0)),
            (0.0, 1.0, Some(-1.0), Some(2.0)),
        ] {
            let d = Distribution::Normal {
                mean,
                sd,
                min: lo,
                max: hi,
            };
            let s = SNormal::new(mean, sd).unwrap();
            let fa = lo.map_or(0.0, |x| s.cdf(x));
            let fb = hi.map_or(1.0, |x| s.cdf(x));
            for &u in &GRID[2..GRID.len() - 1] {
                let expected = s.inverse_cdf(fa + u * (fb - fa));
                assert_close(d.quantile(u), expected, 1e-9, &format!("{d:?} at {u}"));
            }
        }
        // Far upper tail: Phi(8) rounds to 1, so the textbook formula would
        // fail. Check through the survival function instead.
        let d = Distribution::Normal {
            mean: 0.0,
            sd: 1.0,
            min: Some(8.0),
            max: None,
        };
        let sa = std_normal_sf(8.0);
        for &u in &GRID {
            let x = d.quantile(u);
            assert!(x >= 8.0);
            let fraction_below = (sa - std_normal_sf(x)) / sa;
            assert!(
                (fraction_below - u).abs() < 1e-9 * u.max(1e-3),
                "tail u {u}: x {x}, F {fraction_below}"
            );
        }
        // Mean of N(0, 1) truncated to [8, inf) is phi(8) / Q(8) = 8.1211... (Mills ratio).
        assert_close(d.mean(), std_normal_pdf(8.0) / sa, 1e-14, "far-tail mean");
        assert!(d.mean() > 8.12 && d.mean() < 8.125);
        // Far lower tail, two-sided.
        let d = Distribution::Normal {
            mean: 0.0,
            sd: 1.0,
            min: Some(-12.0),
            max: Some(-10.0),
        };
        let (ca, cb) = (std_normal_cdf(-12.0), std_normal_cdf(-10.0));
        for &u in &GRID {
            let x = d.quantile(u);
            let frac = (std_normal_cdf(x) - ca) / (cb - ca);
            assert!(
                (frac - u).abs() < 1e-9 * u.max(1e-3),
                "lower tail u {u}: {frac}"
            );
        }
    }

    #[test]
    fn discrete_quantile_is_the_smallest_value_reaching_u() {
        let d = parse("x = { discrete = [30, 10, 20], weights = [0.5, 0.2, 0.3] }");
        // Sorted: 10 (0.2), 20 (0.3), 30 (0.5): cumulative 0.2, 0.5, 1.0.
        for (u, v) in [
            (1e-12, 10.0),
            (0.1, 10.0),
            (0.2, 10.0),
            (0.2000001, 20.0),
            (0.5, 20.0),
            (0.50001, 30.0),
            (0.999999, 30.0),
            (1.0, 30.0),
        ] {
            assert_eq!(d.quantile(u), v, "u = {u}");
        }
        // Zero weights are never drawn.
        let z = parse("x = { discrete = [1, 2, 3], weights = [0, 1, 0] }");
        for u in [0.0, 1e-15, 0.5, 1.0] {
            assert_eq!(z.quantile(u), 2.0);
        }
    }

    // ---------------------------------------------------- sampling checks

    /// Draws `n` values through `quantile` with open-interval uniforms.
    fn draw(d: &Distribution, n: usize, seed: u64) -> Vec<f64> {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        (0..n)
            .map(|_| d.quantile(rng.sample::<f64, _>(Open01)))
            .collect()
    }

    const N: usize = 200_000;

    /// Sample mean within 4 standard errors of `mean()`, and empirical 5 %,
    /// 50 %, 95 % quantiles checked against an independent reference CDF.
    ///
    /// Tolerance for the quantiles: if x̂ is the k-th order statistic with
    /// k = ceil(p n), then F(x̂) is Beta(k, n + 1 − k) distributed with
    /// standard deviation sqrt(p (1 − p) / n) (4.9e-4 at p = 0.05, 1.1e-3 at
    /// p = 0.5 for n = 200,000). Requiring |F(x̂) − p| < 5 of those (+1/n
    /// for the discreteness of k) makes a false failure a < 1e-6 event while
    /// still catching any error in the quantile function larger than about
    /// 0.25 percentage points of probability. Measuring in probability
    /// space makes one tolerance valid for every distribution.
    fn check_sampling(d: &Distribution, reference_cdf: impl Fn(f64) -> f64, seed: u64) {
        let mut xs = draw(d, N, seed);
        let n = N as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let se = (var / n).sqrt();
        assert!(
            (mean - d.mean()).abs() <= 4.0 * se + 1e-12 * d.mean().abs(),
            "{}: sample mean {mean} vs mean() {} (4 SE = {})",
            d.describe(),
            d.mean(),
            4.0 * se
        );
        xs.sort_by(f64::total_cmp);
        let (lo, hi) = d.support();
        assert!(
            xs[0] >= lo && xs[N - 1] <= hi,
            "{}: draws outside support",
            d.describe()
        );
        for p in [0.05, 0.5, 0.95] {
            let k = (p * n).ceil() as usize;
            let x_hat = xs[k - 1];
            let tol = 5.0 * (p * (1.0 - p) / n).sqrt() + 1.0 / n;
            let f = reference_cdf(x_hat);
            assert!(
                (f - p).abs() < tol,
                "{}: empirical {p} quantile {x_hat} has reference F = {f} (tol {tol})",
                d.describe()
            );
            // And the exact quantile itself sits at probability p.
            assert!(
                (reference_cdf(d.quantile(p)) - p).abs() < 1e-9,
                "{}: F(q({p}))",
                d.describe()
            );
        }
    }

    #[test]
    fn sampling_uniform_triangular() {
        let s = SUniform::new(80.0, 130.0).unwrap();
        check_sampling(
            &Distribution::Uniform {
                min: 80.0,
                max: 130.0,
            },
            |x| s.cdf(x),
            1,
        );
        let s = STriangular::new(80.0, 130.0, 100.0).unwrap();
        check_sampling(
            &parse("x = { triangular = [80, 100, 130] }"),
            |x| s.cdf(x),
            2,
        );
    }

    #[test]
    fn sampling_pert_beta() {
        let s = SBeta::new(2.6, 3.4).unwrap();
        check_sampling(
            &parse("x = { pert = [80, 100, 130] }"),
            |x| s.cdf((x - 80.0) / 50.0),
            3,
        );
        // lambda 6: shapes 1 + 6 * 0.1 = 1.6 and 1 + 6 * 0.9 = 6.4.
        let s = SBeta::new(1.6, 6.4).unwrap();
        check_sampling(
            &parse("x = { pert = [0, 1, 10], lambda = 6 }"),
            |x| s.cdf(x / 10.0),
            4,
        );
        let s = SBeta::new(0.5, 2.0).unwrap();
        check_sampling(
            &parse("x = { beta = [0.5, 2], min = 10, max = 20 }"),
            |x| s.cdf((x - 10.0) / 10.0),
            5,
        );
    }

    #[test]
    fn sampling_normal_lognormal() {
        let s = SNormal::new(1000.0, 300.0).unwrap();
        check_sampling(&parse("x = { normal = [1000, 300] }"), |x| s.cdf(x), 6);
        // Truncated at 0 with sd = mean: a quarter-sized chunk is cut off.
        let s = SNormal::new(100.0, 100.0).unwrap();
        let f0 = s.cdf(0.0);
        check_sampling(
            &parse("x = { normal = [100, 100], min = 0 }"),
            |x| (s.cdf(x) - f0) / (1.0 - f0),
            7,
        );
        let s = SNormal::new(0.4, 0.3).unwrap();
        let (fa, fb) = (s.cdf(0.0), s.cdf(1.0));
        check_sampling(
            &parse("x = { normal = [0.4, 0.3], min = 0, max = 1 }"),
            |x| (s.cdf(x) - fa) / (fb - fa),
            8,
        );
        let Distribution::LogNormal { mu, sigma } = parse("x = { lognormal = [100, 30] }") else {
            unreachable!()
        };
        let s = SLogNormal::new(mu, sigma).unwrap();
        check_sampling(&Distribution::LogNormal { mu, sigma }, |x| s.cdf(x), 9);
        let d = parse("x = { ci90 = [80, 130] }");
        let Distribution::LogNormal { mu, sigma } = d else {
            unreachable!()
        };
        let s = SLogNormal::new(mu, sigma).unwrap();
        check_sampling(&d, |x| s.cdf(x), 10);
        // The interval really is the 5th to 95th percentile.
        assert_close(
            std_normal_cdf((80f64.ln() - mu) / sigma),
            0.05,
            1e-14,
            "F(80)",
        );
        assert_close(
            std_normal_sf((130f64.ln() - mu) / sigma),
            0.05,
            1e-13,
            "1 - F(130)",
        );
    }

    #[test]
    fn sampling_discrete() {
        let d = parse("x = { discrete = [1, 2, 3, 4], weights = [0.02, 0.3, 0.6, 0.08] }");
        let mut xs = draw(&d, N, 11);
        let n = N as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
        assert_close(d.mean(), 2.74, 1e-14, "discrete mean");
        assert!(
            (mean - 2.74).abs() < 4.0 * sd / n.sqrt(),
            "sample mean {mean}"
        );
        // Cumulative 0.02, 0.32, 0.92, 1.0: the 5 %, 50 %, 95 % quantiles
        // are 2, 3, 4 and every step is > 50 standard errors away from p,
        // so the empirical quantiles must equal them exactly.
        xs.sort_by(f64::total_cmp);
        for (p, v) in [(0.05, 2.0), (0.5, 3.0), (0.95, 4.0)] {
            assert_eq!(xs[(p * n).ceil() as usize - 1], v);
            assert_eq!(d.quantile(p), v);
        }
        // Observed frequencies within 5 binomial SE of the weights.
        for (v, w) in [(1.0, 0.02), (2.0, 0.3), (3.0, 0.6), (4.0, 0.08)] {
            let freq = xs.iter().filter(|&&x| x == v).count() as f64 / n;
            assert!(
                (freq - w).abs() < 5.0 * (w * (1.0 - w) / n).sqrt(),
                "frequency of {v}: {freq}"
            );
        }
    }

    // ------------------------------------------------------- monotonicity

    #[test]
    fn quantile_is_non_decreasing_on_a_fine_grid() {
        let dists = [
            parse("x = { uniform = [80, 130] }"),
            parse("x = { triangular = [80, 100, 130] }"),
            parse("x = { pert = [80, 100, 130] }"),
            parse("x = { pert = [0, 0, 1] }"),
            parse("x = { normal = [1000, 300] }"),
            parse("x = { normal = [100, 100], min = 0, max = 250 }"),
            parse("x = { normal = [0, 1], min = 3 }"),
            parse("x = { lognormal = [100, 30] }"),
            parse("x = { beta = [0.5, 0.5] }"),
            parse("x = { beta = [0.2, 3], min = 10, max = 20 }"),
            parse("x = { discrete = [1, 2, 3], weights = [0.2, 0.5, 0.3] }"),
        ];
        for d in &dists {
            let mut prev = f64::NEG_INFINITY;
            for i in 1..20_000 {
                let u = i as f64 / 20_000.0;
                let x = d.quantile(u);
                assert!(x >= prev, "{}: q({u}) = {x} < {prev}", d.describe());
                prev = x;
            }
        }
    }

    fn arb_distribution() -> impl proptest::strategy::Strategy<Value = Distribution> {
        use proptest::prelude::*;
        prop_oneof![
            (-1e3..1e3f64, 1e-3..1e3f64)
                .prop_map(|(a, w)| Distribution::Uniform { min: a, max: a + w }),
            (-1e3..1e3f64, 0.0..=1.0f64, 1e-3..1e3f64).prop_map(|(a, f, w)| {
                Distribution::Triangular {
                    min: a,
                    mode: a + f * w,
                    max: a + w,
                }
            }),
            (-1e3..1e3f64, 0.0..=1.0f64, 1e-3..1e3f64, 0.0..20.0f64).prop_map(|(a, f, w, l)| {
                Distribution::Pert {
                    min: a,
                    mode: a + f * w,
                    max: a + w,
                    lambda: l,
                }
            }),
            (
                -1e3..1e3f64,
                1e-3..1e3f64,
                proptest::option::of(-3.0..0.0f64),
                proptest::option::of(0.1..3.0f64)
            )
                .prop_map(|(m, s, lo, hi)| Distribution::Normal {
                    mean: m,
                    sd: s,
                    min: lo.map(|z| m + z * s),
                    max: hi.map(|z| m + z * s)
                }),
            (-5.0..5.0f64, 0.0..2.0f64)
                .prop_map(|(mu, sigma)| Distribution::LogNormal { mu, sigma }),
            (0.1..20.0f64, 0.1..20.0f64).prop_map(|(a, b)| Distribution::Beta {
                alpha: a,
                beta: b,
                min: 0.0,
                max: 1.0
            }),
            proptest::collection::vec((-1e3..1e3f64, 0.0..1.0f64), 1..8).prop_filter_map(
                "positive weights",
                |pairs| {
                    let (v, w): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
                    Distribution::discrete(v, Some(w)).ok()
                }
            ),
        ]
    }

    proptest::proptest! {
        #[test]
        fn quantile_is_monotone_and_within_support(
            d in arb_distribution(),
            u1 in 1e-9..(1.0 - 1e-9),
            u2 in 1e-9..(1.0 - 1e-9),
        ) {
            proptest::prop_assert!(d.validate().is_ok(), "{:?}", d.validate());
            let (lo_u, hi_u) = if u1 <= u2 { (u1, u2) } else { (u2, u1) };
            let (a, b) = (d.quantile(lo_u), d.quantile(hi_u));
            proptest::prop_assert!(a <= b, "{}: q({}) = {} > q({}) = {}", d.describe(), lo_u, a, hi_u, b);
            let (s_lo, s_hi) = d.support();
            proptest::prop_assert!(a >= s_lo && b <= s_hi, "{}: outside support", d.describe());
            proptest::prop_assert!(a.is_finite() && b.is_finite());
        }
    }
}
