//! Distribution-free confidence intervals for percentiles, from order
//! statistics (Hahn & Meeker, "Statistical Intervals", 2nd ed., 5.2; as
//! Python's monaco computes them).
//!
//! With `n` trials sorted, `x_(1) <= ... <= x_(n)`, the number `B` of trials
//! at or below the true `p`-quantile is Binomial(n, p) whatever the
//! distribution. So `[x_(l), x_(u)]` covers the true quantile with
//! probability `P(l <= B <= u - 1) = F(u - 1) - F(l - 1)`, `F` the binomial
//! CDF. The interval takes the largest `l` with `F(l - 1) <= α/2` and the
//! smallest `u` with `F(u - 1) >= 1 - α/2`, so each tail misses with at most
//! α/2 and the coverage is at least `1 - α`. Where `n` is too small for that
//! (the interval would need `x_(0)` or `x_(n + 1)`) the rank is clamped to
//! the minimum or maximum and the coverage is below `1 - α`.

use serde::Serialize;
use statrs::distribution::{Binomial, DiscreteCDF};

/// The confidence of the intervals reported beside every percentile.
pub const CONFIDENCE: f64 = 0.95;

/// 1-based ranks `(l, u)` of the order statistics that bound the
/// `confidence` interval of the `p`-quantile of `n` values (`n >= 1`).
///
/// Every output of a run asks for the same few `(n, p)`: the ranks are
/// kept per thread (measured: the binomial CDFs of the binary searches were
/// 2-3 % of a 30,000-trial run, recomputed for every output).
pub fn ranks(n: usize, p: f64, confidence: f64) -> (usize, usize) {
    type Key = (usize, u64, u64);
    thread_local! {
        static RANKS: std::cell::RefCell<std::collections::HashMap<Key, (usize, usize)>> =
            std::cell::RefCell::default();
    }
    let key = (n, p.to_bits(), confidence.to_bits());
    RANKS.with(|cache| {
        if let Some(&r) = cache.borrow().get(&key) {
            return r;
        }
        let r = ranks_uncached(n, p, confidence);
        let mut cache = cache.borrow_mut();
        if cache.len() >= 4096 {
            cache.clear();
        }
        cache.insert(key, r);
        r
    })
}

fn ranks_uncached(n: usize, p: f64, confidence: f64) -> (usize, usize) {
    let tail = (1.0 - confidence) / 2.0;
    let p = p.clamp(0.0, 1.0);
    let binomial = match Binomial::new(p, n as u64) {
        Ok(b) => b,
        Err(_) => return (1, n.max(1)),
    };
    let cdf = |k: i64| if k < 0 { 0.0 } else { binomial.cdf(k as u64) };
    // Largest j in -1..=n with F(j) <= tail (F is non-decreasing).
    let (mut lo, mut hi) = (-1i64, n as i64);
    while lo < hi {
        let mid = lo + (hi - lo + 1) / 2;
        if cdf(mid) <= tail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let l = (lo + 1).max(1) as usize;
    // Smallest m in 0..=n with F(m) >= 1 - tail.
    let (mut lo, mut hi) = (0i64, n as i64);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if cdf(mid) >= 1.0 - tail {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let u = ((lo + 1) as usize).min(n);
    (l, u.max(l))
}

/// The standard normal quantile of 97.5 %: the `z` of 95 % intervals.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Half the width of the Wilson score 95 % interval of a probability `p`
/// estimated from `n` trials: `z/(1 + z²/n) · sqrt(p(1 − p)/n + z²/(4n²))`.
/// Unlike the normal approximation it is not 0 when `p` is 0 or 1.
pub fn wilson_half_width(p: f64, n: f64) -> f64 {
    let z = Z95;
    (z / (1.0 + z * z / n)) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt()
}

/// The Wilson score 95 % interval `[low, high]` of a probability `p`
/// estimated from `n` trials: centred on `(p + z²/(2n)) / (1 + z²/n)`, of
/// half-width [`wilson_half_width`], within [0, 1]. NaN without trials.
pub fn wilson(p: f64, n: f64) -> [f64; 2] {
    if !(n > 0.0) || !p.is_finite() {
        return [f64::NAN; 2];
    }
    let z = Z95;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = wilson_half_width(p, n);
    // Exactly 0 (1) when no (every) trial meets it, not a rounding off it.
    let low = if p <= 0.0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let high = if p >= 1.0 {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    [low, high]
}

/// Decimals that show an interval `width` wide (in the unit it is printed
/// in) with `significant` significant digits, at least `min` and at most
/// `max`: with two, "10.43, 95 % CI 10.40–10.46" (the report); with one,
/// "10.50 (10.46–10.54)" (the terminal). The two ends then never round to
/// the same number. None when the width is 0 or not finite.
pub fn interval_decimals(width: f64, significant: usize, min: usize, max: usize) -> Option<usize> {
    let width = width.abs();
    (width > 0.0 && width.is_finite()).then(|| {
        ((-width.log10()).ceil() as i64 + significant as i64 - 1).clamp(min as i64, max as i64)
            as usize
    })
}

/// The 95 % confidence interval `[low, high]` of each reported percentile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PercentileCis {
    pub p5: [f64; 2],
    pub p25: [f64; 2],
    pub p50: [f64; 2],
    pub p75: [f64; 2],
    pub p95: [f64; 2],
}

impl PercentileCis {
    /// Undefined intervals (no values).
    pub const NAN: PercentileCis = PercentileCis {
        p5: [f64::NAN; 2],
        p25: [f64::NAN; 2],
        p50: [f64::NAN; 2],
        p75: [f64::NAN; 2],
        p95: [f64::NAN; 2],
    };

    /// The interval of the percentile `p` (one of 0.05, 0.25, 0.5, 0.75, 0.95).
    pub fn of(&self, p: f64) -> Option<[f64; 2]> {
        [
            (0.05, self.p5),
            (0.25, self.p25),
            (0.50, self.p50),
            (0.75, self.p75),
            (0.95, self.p95),
        ]
        .iter()
        .find(|(q, _)| (q - p).abs() < 1e-9)
        .map(|(_, ci)| *ci)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_for_100_values_match_the_binomial_by_hand() {
        // B ~ Bin(100, 0.95): F(89) = 0.01147 <= 0.025 < F(90) = 0.02819,
        // F(98) = 0.9629 < 0.975 <= F(99) = 1 - 0.95^100 = 0.99408.
        assert_eq!(ranks(100, 0.95, 0.95), (90, 100));
        // The textbook median interval of 100 values: x_(40) .. x_(61).
        assert_eq!(ranks(100, 0.5, 0.95), (40, 61));
        // Bin(1000, 0.05): F(36) = 0.02115, F(64) = 0.97925, F(63) = 0.97157.
        assert_eq!(ranks(1000, 0.05, 0.95), (37, 65));
        assert_eq!(ranks(20, 0.5, 0.95), (6, 15));
    }

    #[test]
    fn small_samples_clamp_to_the_extremes() {
        assert_eq!(ranks(1, 0.5, 0.95), (1, 1));
        // Bin(5, 0.95): F(3) = 0.0226, F(4) = 0.2262; u = 6 is clamped to 5.
        assert_eq!(ranks(5, 0.95, 0.95), (4, 5));
    }

    #[test]
    fn wilson_intervals_match_the_textbook() {
        // 50 of 100: the textbook Wilson interval is 0.4038 .. 0.5962.
        let [lo, hi] = wilson(0.5, 100.0);
        assert!((lo - 0.403_831).abs() < 1e-6 && (hi - 0.596_169).abs() < 1e-6);
        // 0 of 100: [0, z²/(n + z²)] = [0, 3.8415/103.8415] = [0, 0.036994].
        let [lo, hi] = wilson(0.0, 100.0);
        assert_eq!(lo, 0.0);
        assert!((hi - 0.036_994).abs() < 1e-6, "{hi}");
        // 970 of 1000: centre (0.97 + 0.0019207)/1.0038415 = 0.968202,
        // half 1.952464 * sqrt(0.0000291 + 0.00000096) = 0.010705.
        let [lo, hi] = wilson(0.97, 1000.0);
        assert!((lo - 0.957_497).abs() < 1e-6 && (hi - 0.978_906).abs() < 1e-6);
        assert!(((hi - lo) / 2.0 - wilson_half_width(0.97, 1000.0)).abs() < 1e-15);
        assert!(wilson(0.5, 0.0)[0].is_nan());
    }

    #[test]
    fn interval_decimals_show_the_significant_digits_of_the_width() {
        // Two significant digits: 0.06 wide -> 10.403–10.463.
        assert_eq!(interval_decimals(0.06, 2, 1, 6), Some(3));
        assert_eq!(interval_decimals(0.15, 2, 2, 6), Some(2));
        assert_eq!(interval_decimals(3.0, 2, 0, 6), Some(1));
        assert_eq!(interval_decimals(30.0, 2, 0, 6), Some(0));
        assert_eq!(interval_decimals(300.0, 2, 1, 6), Some(1));
        assert_eq!(interval_decimals(1e-9, 2, 1, 6), Some(6));
        // One: 0.083 wide -> 10.46–10.54; 0.0011 wide -> 10.499–10.501.
        assert_eq!(interval_decimals(0.083, 1, 0, 6), Some(2));
        assert_eq!(interval_decimals(0.0011, 1, 0, 6), Some(3));
        assert_eq!(interval_decimals(0.12, 1, 2, 6), Some(2));
        assert_eq!(interval_decimals(0.0, 2, 1, 6), None);
        assert_eq!(interval_decimals(f64::NAN, 2, 1, 6), None);
    }

    #[test]
    fn coverage_is_at_least_nominal_when_the_ranks_fit() {
        for n in [200usize, 1_000, 10_000, 100_000] {
            for p in [0.05, 0.25, 0.5, 0.75, 0.95] {
                let (l, u) = ranks(n, p, 0.95);
                let b = Binomial::new(p, n as u64).unwrap();
                let f = |k: usize| if k == 0 { 0.0 } else { b.cdf(k as u64 - 1) };
                let coverage = f(u) - f(l);
                assert!(coverage >= 0.95 - 1e-12, "n {n} p {p}: {coverage}");
                assert!(coverage < 0.99, "n {n} p {p}: {coverage}");
            }
        }
    }
}
