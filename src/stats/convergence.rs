//! Convergence of the headline output: its running mean and chosen
//! percentiles, each with its 95 % confidence interval, after the first
//! `n_k` trials for 40 checkpoints up to the run's trials (@RISK's
//! convergence monitoring). Trials are in trial order, so the curve is the
//! one a longer or shorter run with the same seed would trace.

use rayon::prelude::*;
use serde::Serialize;

use super::{ci, kahan_mean, type7_points_with_cis};
use crate::metric_key::MetricKey;

/// Checkpoints along the run.
pub const CHECKPOINTS: usize = 40;

/// The statistics after the first `trials` trials.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ConvergencePoint {
    pub trials: usize,
    pub mean: f64,
    /// mean ± 1.96 sd / sqrt(n).
    pub mean_ci95: [f64; 2],
    pub p5: f64,
    pub p5_ci95: [f64; 2],
    pub p50: f64,
    pub p50_ci95: [f64; 2],
    pub p95: f64,
    pub p95_ci95: [f64; 2],
}

/// The convergence of one output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Convergence {
    /// The metric, e.g. cumulative_net_savings_kr.
    pub metric: MetricKey,
    pub year: i32,
    pub points: Vec<ConvergencePoint>,
}

/// The convergence of `values` (in trial order; NaN left out).
pub fn convergence(metric: MetricKey, year: i32, values: &[f64]) -> Convergence {
    let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    let n = v.len();
    let mut sizes: Vec<usize> = (1..=CHECKPOINTS)
        .map(|k| (n * k).div_ceil(CHECKPOINTS).max(n.min(10)))
        .collect();
    sizes.dedup();
    // Each checkpoint is selected on its own prefix: in parallel (the
    // points do not depend on the number of threads).
    let points = sizes
        .into_par_iter()
        .filter(|&m| m > 0)
        .map(|m| {
            let prefix = &v[..m];
            let mean = kahan_mean(prefix);
            let sd = if m > 1 {
                (prefix.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (m - 1) as f64)
                    .sqrt()
            } else {
                0.0
            };
            let half = 1.959_963_984_540_054 * sd / (m as f64).sqrt();
            let (q, cis) = type7_points_with_cis(prefix, &[0.05, 0.5, 0.95], ci::CONFIDENCE);
            ConvergencePoint {
                trials: m,
                mean,
                mean_ci95: [mean - half, mean + half],
                p5: q[0],
                p5_ci95: cis[0],
                p50: q[1],
                p50_ci95: cis[1],
                p95: q[2],
                p95_ci95: cis[2],
            }
        })
        .collect();
    Convergence {
        metric,
        year,
        points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_end_at_the_run_and_bracket_the_statistics() {
        let v: Vec<f64> = (0..1_000).map(|i| ((i * 7919) % 1_000) as f64).collect();
        let c = convergence(MetricKey::Savings, 2015, &v);
        assert_eq!(c.points.len(), 40);
        assert_eq!(c.points[0].trials, 25);
        let last = c.points.last().unwrap();
        assert_eq!(last.trials, 1_000);
        // A permutation of 0..999: mean 499.5, median 499.5, p95 949.05.
        assert_eq!(last.mean, 499.5);
        assert_eq!(last.p50, 499.5);
        assert!((last.p95 - 949.05).abs() < 1e-9);
        for p in &c.points {
            assert!(p.mean_ci95[0] <= p.mean && p.mean <= p.mean_ci95[1]);
            assert!(p.p50_ci95[0] <= p.p50 && p.p50 <= p.p50_ci95[1]);
            assert!(p.p95_ci95[0] <= p.p95 && p.p95 <= p.p95_ci95[1]);
        }
        assert_eq!(
            convergence(MetricKey::Savings, 2015, &[1.0, 2.0])
                .points
                .len(),
            1
        );
        assert!(convergence(MetricKey::Savings, 2015, &[]).points.is_empty());
    }
}
