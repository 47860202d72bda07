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

use statrs::function::beta::ln_beta;
use statrs::function::erf::erfc_inv;

mod describe;
mod grammar;
mod special;
#[cfg(test)]
mod tests;

use describe::fmt_num;
use grammar::{check_weights, finite, three_point};
use special::*;

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

    /// [`Distribution::quantile`] of one probability per lane (a batch of
    /// trials): the same numbers lane by lane. A triangular with every `u`
    /// inside (0, 1) computes both sides of its mode for every lane and
    /// keeps one, so the lanes share one vectorised path instead of a
    /// branch each that the processor cannot predict.
    #[inline(always)]
    pub fn quantile_lanes<const L: usize>(&self, u: &[f64; L]) -> [f64; L] {
        if let Distribution::Triangular { min, mode, max } = *self {
            if max - min > 0.0 && u.iter().all(|&u| u > 0.0 && u < 1.0) {
                return triangular_quantile_lanes(min, mode, max, u);
            }
        }
        std::array::from_fn(|l| self.quantile(u[l]))
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
                if max - min <= 0.0 {
                    return min;
                }
                triangular_quantile_lanes(min, mode, max, &[u])[0]
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
}

impl fmt::Display for Distribution {
    /// Same text as [`Distribution::describe`], so a distribution can be put
    /// straight into `format!` for reports and messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
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

/// The triangular quantile at each `u[l]` in (0, 1) for `min < max`: both
/// sides of the mode are computed for every lane, as whole arrays, and one
/// is kept per lane, so the square roots are vector instructions (for the
/// lanes of [`Distribution::quantile_lanes`]; the side not kept may be
/// NaN). The same operations as [`Distribution::quantile`]'s triangular.
#[inline(always)]
fn triangular_quantile_lanes<const L: usize>(
    min: f64,
    mode: f64,
    max: f64,
    u: &[f64; L],
) -> [f64; L] {
    let width = max - min;
    let below: [f64; L] = std::array::from_fn(|l| min + (u[l] * width * (mode - min)).sqrt());
    let above: [f64; L] =
        std::array::from_fn(|l| max - ((1.0 - u[l]) * width * (max - mode)).sqrt());
    std::array::from_fn(|l| {
        let x = if u[l] * width <= mode - min {
            below[l]
        } else {
            above[l]
        };
        x.clamp(min, max)
    })
}
