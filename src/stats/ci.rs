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
pub fn ranks(n: usize, p: f64, confidence: f64) -> (usize, usize) {
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
