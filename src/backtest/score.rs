//! Scores of a forecast distribution (the trials' values) against a
//! realised value: probability integral transform, continuous ranked
//! probability score, band coverage (docs/model.md, "Backtest").

use serde::Serialize;

use crate::stats;

/// The probability integral transform of `y` under the empirical
/// distribution of `sorted` (ascending, finite, non-empty): the share of
/// trials below `y`, ties counted half ("mid-PIT"), so a value equal to
/// every trial scores 0.5 rather than 0 or 1.
pub fn pit(sorted: &[f64], y: f64) -> f64 {
    let below = sorted.partition_point(|x| *x < y);
    let not_above = sorted.partition_point(|x| *x <= y);
    (below as f64 + 0.5 * (not_above - below) as f64) / sorted.len() as f64
}

/// The continuous ranked probability score of the empirical distribution of
/// `sorted` (ascending, finite, non-empty) at `y`:
///
/// `CRPS = (1/n) Σ |x_i − y| − (1/(2n²)) Σ_i Σ_j |x_i − x_j|`,
///
/// the integral of `(F̂(x) − 1{x ≥ y})²` over x, exactly. The double sum is
/// `2 Σ_i (2i − n − 1) x_(i)` over the sorted values (i from 1), so the
/// score costs one pass. In the unit of the values; 0 for a forecast that
/// puts all its mass on the realised value.
pub fn crps(sorted: &[f64], y: f64) -> f64 {
    let n = sorted.len() as f64;
    let mut abs_dev = 0.0;
    let mut spread = 0.0;
    for (i, x) in sorted.iter().enumerate() {
        abs_dev += (x - y).abs();
        spread += (2.0 * (i as f64 + 1.0) - n - 1.0) * x;
    }
    (abs_dev / n - spread / (n * n)).max(0.0)
}

/// How one forecast distribution fares against one realised value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scored {
    pub median: f64,
    /// 50 % band: 25th to 75th percentile.
    pub band50: [f64; 2],
    /// 90 % band: 5th to 95th percentile.
    pub band90: [f64; 2],
    pub pit: f64,
    pub crps: f64,
    pub in_band50: bool,
    pub in_band90: bool,
}

/// Scores the trials' `values` (NaN left out) against realised `y`; None
/// when no trial has a value.
pub fn score(values: &[f64], y: f64) -> Option<Scored> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_unstable_by(|a, b| a.total_cmp(b));
    let q = |p| stats::percentile_sorted(&sorted, p);
    let (band50, band90) = ([q(0.25), q(0.75)], [q(0.05), q(0.95)]);
    Some(Scored {
        median: q(0.5),
        band50,
        band90,
        pit: pit(&sorted, y),
        crps: crps(&sorted, y),
        in_band50: band50[0] <= y && y <= band50[1],
        in_band90: band90[0] <= y && y <= band90[1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crps_of_a_known_sample_by_hand() {
        // Sample 1, 2, 3, 4 and y = 2.5: mean |x - y| = 1.0; the step CDF
        // gives (0.25^2 + 0.5^2 / 2 + 0.5^2 / 2 + 0.25^2) = 0.375.
        assert!((crps(&[1.0, 2.0, 3.0, 4.0], 2.5) - 0.375).abs() < 1e-15);
        // One trial: the absolute error.
        assert_eq!(crps(&[10.0], 7.0), 3.0);
        // Outside the sample: y = 0 gives mean |x| - 0.625 = 2.5 - 0.625.
        assert!((crps(&[1.0, 2.0, 3.0, 4.0], 0.0) - 1.875).abs() < 1e-15);
        // All mass on the realised value.
        assert_eq!(crps(&[5.0; 10], 5.0), 0.0);
    }

    #[test]
    fn pit_counts_ties_half() {
        let s = [1.0, 2.0, 2.0, 3.0];
        assert_eq!(pit(&s, 0.5), 0.0);
        assert_eq!(pit(&s, 2.0), 0.5);
        assert_eq!(pit(&s, 2.5), 0.75);
        assert_eq!(pit(&s, 9.0), 1.0);
        assert_eq!(pit(&[4.0; 5], 4.0), 0.5);
    }

    #[test]
    fn bands_and_coverage() {
        let v: Vec<f64> = (0..=100).map(f64::from).collect();
        let s = score(&v, 80.0).unwrap();
        assert_eq!(s.median, 50.0);
        assert_eq!(s.band50, [25.0, 75.0]);
        assert_eq!(s.band90, [5.0, 95.0]);
        assert!(!s.in_band50 && s.in_band90);
        assert!((s.pit - 80.5 / 101.0).abs() < 1e-15);
        assert!(score(&[f64::NAN], 1.0).is_none());
    }
}
