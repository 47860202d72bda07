//! Rank correlation between uncertain inputs by a Gaussian copula.
//!
//! Analysts declare that, say, the counter and phone prices move together
//! (they share wage costs). Each trial maps the correlated inputs' uniforms
//! to standard normals, mixes them with the Cholesky factor of the implied
//! normal correlation matrix, and maps them back. Because it works inside a
//! trial on that trial's own uniforms, it keeps results independent of the
//! thread count, and every marginal distribution is unchanged.

use statrs::distribution::{ContinuousCDF, Normal};

use crate::sampling::InputSampler;
use crate::scenario::Correlation;

/// The Pearson correlation of two normals whose Spearman rank correlation is `rho_s`.
pub fn pearson_from_spearman(rho_s: f64) -> f64 {
    2.0 * (std::f64::consts::PI * rho_s / 6.0).sin()
}

/// Lower Cholesky factor of a symmetric matrix, or the first pivot that is
/// not positive (the matrix is not a valid correlation matrix).
pub fn cholesky(a: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, usize> {
    let n = a.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let mut sum = a[i][j];
            #[allow(clippy::needless_range_loop)] // reads two rows of `l` at k
            for k in 0..j {
                sum -= l[i][k] * l[j][k];
            }
            if i == j {
                if sum <= 1e-12 {
                    return Err(i);
                }
                l[i][i] = sum.sqrt();
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    Ok(l)
}

/// The inputs involved and the normal correlation matrix among them.
pub fn matrix(correlations: &[Correlation]) -> (Vec<usize>, Vec<Vec<f64>>) {
    let mut ids: Vec<usize> = correlations.iter().flat_map(|c| [c.a, c.b]).collect();
    ids.sort_unstable();
    ids.dedup();
    let n = ids.len();
    let mut m = vec![vec![0.0; n]; n];
    for (i, row) in m.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for c in correlations {
        let i = ids.iter().position(|x| *x == c.a).expect("listed");
        let j = ids.iter().position(|x| *x == c.b).expect("listed");
        let r = pearson_from_spearman(c.rho);
        m[i][j] = r;
        m[j][i] = r;
    }
    (ids, m)
}

/// A sampler that correlates some inputs of an inner sampler.
pub struct GaussianCopula<S: InputSampler> {
    inner: S,
    ids: Vec<usize>,
    chol: Vec<Vec<f64>>,
    normal: Normal,
}

impl<S: InputSampler> GaussianCopula<S> {
    /// Wraps `inner`. The scenario check has already rejected matrices that
    /// are not positive definite; should one slip through, the inputs stay
    /// independent rather than the run failing.
    pub fn new(inner: S, _n_inputs: usize, correlations: &[Correlation]) -> Self {
        let (ids, m) = matrix(correlations);
        let chol = cholesky(&m).unwrap_or_else(|_| {
            let n = ids.len();
            (0..n)
                .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
                .collect()
        });
        GaussianCopula {
            inner,
            ids,
            chol,
            normal: Normal::standard(),
        }
    }
}

impl<S: InputSampler> InputSampler for GaussianCopula<S> {
    fn fill(&self, trial: u64, out: &mut [f64]) {
        self.inner.fill(trial, out);
        let z: Vec<f64> = self
            .ids
            .iter()
            .map(|&i| self.normal.inverse_cdf(out[i]))
            .collect();
        for (row, &id) in self.chol.iter().zip(&self.ids) {
            let x: f64 = row.iter().zip(&z).map(|(l, z)| l * z).sum();
            out[id] = self.normal.cdf(x).clamp(1e-16, 1.0 - 1e-16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampling::PseudoRandom;

    fn ranks(x: &[f64]) -> Vec<f64> {
        let mut idx: Vec<usize> = (0..x.len()).collect();
        idx.sort_by(|a, b| x[*a].total_cmp(&x[*b]));
        let mut r = vec![0.0; x.len()];
        for (rank, i) in idx.into_iter().enumerate() {
            r[i] = rank as f64;
        }
        r
    }

    fn pearson(a: &[f64], b: &[f64]) -> f64 {
        let n = a.len() as f64;
        let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
        let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
        let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
        let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
        cov / (va * vb).sqrt()
    }

    #[test]
    fn achieved_rank_correlation_matches_the_declared_one() {
        let keys: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let corr = [
            Correlation {
                a: 0,
                b: 1,
                rho: 0.7,
            },
            Correlation {
                a: 1,
                b: 2,
                rho: -0.3,
            },
        ];
        let s = GaussianCopula::new(PseudoRandom::new(11, &keys), 3, &corr);
        let n = 50_000;
        let mut cols: Vec<Vec<f64>> = (0..3).map(|_| Vec::with_capacity(n)).collect();
        let mut out = [0.0; 3];
        for t in 0..n as u64 {
            s.fill(t, &mut out);
            for k in 0..3 {
                cols[k].push(out[k]);
            }
        }
        let r01 = pearson(&ranks(&cols[0]), &ranks(&cols[1]));
        let r12 = pearson(&ranks(&cols[1]), &ranks(&cols[2]));
        // Standard error of a rank correlation ~ (1 - rho^2)/sqrt(n) < 0.005.
        assert!((r01 - 0.7).abs() < 0.02, "{r01}");
        assert!((r12 + 0.3).abs() < 0.02, "{r12}");
        // Marginals stay uniform.
        let mean0 = cols[0].iter().sum::<f64>() / n as f64;
        assert!((mean0 - 0.5).abs() < 0.01);
    }

    #[test]
    fn an_impossible_matrix_is_detected() {
        // a~b 0.9, b~c 0.9, a~c -0.9 cannot hold together.
        let corr = [
            Correlation {
                a: 0,
                b: 1,
                rho: 0.9,
            },
            Correlation {
                a: 1,
                b: 2,
                rho: 0.9,
            },
            Correlation {
                a: 0,
                b: 2,
                rho: -0.9,
            },
        ];
        let (_, m) = matrix(&corr);
        assert!(cholesky(&m).is_err());
    }
}
