//! Fast inverse CDFs for the distributions whose exact quantile is costly.
//!
//! PERT and beta quantiles need an iterative inversion of the incomplete
//! beta function (thousands of instructions per draw). A scenario like
//! Vallensbæk has dozens of PERT inputs, drawn in every trial, so the engine
//! tabulates each such quantile once: exact values at 2,049 knots between
//! u = 0.02 and 0.98 with exact slopes `dx/du = 1 / pdf(x)`, joined by cubic
//! Hermite interpolation (error of order h^4, below 1e-10 of the range for
//! the shapes PERT produces). Draws in the tails, where the quantile bends
//! sharply, use the exact inversion. Other distributions pass straight
//! through to [`Distribution::quantile`].

use crate::distribution::Distribution;

const KNOTS: usize = 2049;
const U_LO: f64 = 0.02;
const U_HI: f64 = 0.98;

/// The distance in `u` between two knots.
const STEP: f64 = (U_HI - U_LO) / (KNOTS - 1) as f64;

/// The cubic Hermite interpolation of the table `x` (slopes `slope`, per
/// unit of `u`) between knots `i` and `i + 1`, at `pos` knot steps from
/// [`U_LO`].
#[inline(always)]
fn hermite(x: &[f64], slope: &[f64], i: usize, pos: f64) -> f64 {
    let h = STEP;
    let t = pos - i as f64;
    let (t2, t3) = (t * t, t * t * t);
    let h00 = 2.0 * t3 - 3.0 * t2 + 1.0;
    let h10 = t3 - 2.0 * t2 + t;
    let h01 = -2.0 * t3 + 3.0 * t2;
    let h11 = t3 - t2;
    h00 * x[i] + h10 * h * slope[i] + h01 * x[i + 1] + h11 * h * slope[i + 1]
}

/// A quantile function ready for the trial loop.
#[derive(Debug, Clone)]
pub enum FastQuantile {
    /// Exact inversion (cheap closed forms, or rarely used).
    Exact(Distribution),
    /// Tabulated with Hermite interpolation inside [U_LO, U_HI].
    Table {
        exact: Distribution,
        x: Vec<f64>,
        slope: Vec<f64>,
    },
}

/// Beta shape and scale of a PERT or beta distribution.
fn beta_shape(d: &Distribution) -> Option<(f64, f64, f64, f64)> {
    match *d {
        Distribution::Pert {
            min,
            mode,
            max,
            lambda,
        } if max > min => {
            let w = max - min;
            Some((
                1.0 + lambda * (mode - min) / w,
                1.0 + lambda * (max - mode) / w,
                min,
                w,
            ))
        }
        Distribution::Beta {
            alpha,
            beta,
            min,
            max,
        } if max > min => Some((alpha, beta, min, max - min)),
        _ => None,
    }
}

impl FastQuantile {
    /// Prepares `d` for sampling.
    pub fn new(d: &Distribution) -> FastQuantile {
        let Some((a, b, min, w)) = beta_shape(d) else {
            return FastQuantile::Exact(d.clone());
        };
        let ln_beta = statrs::function::beta::ln_beta(a, b);
        let h = STEP;
        let mut x = Vec::with_capacity(KNOTS);
        let mut slope = Vec::with_capacity(KNOTS);
        for i in 0..KNOTS {
            let u = U_LO + i as f64 * h;
            let xi = d.quantile(u);
            let z = ((xi - min) / w).clamp(1e-300, 1.0 - 1e-16);
            let pdf = ((a - 1.0) * z.ln() + (b - 1.0) * (-z).ln_1p() - ln_beta).exp() / w;
            x.push(xi);
            slope.push(if pdf > 0.0 && pdf.is_finite() {
                1.0 / pdf
            } else {
                f64::NAN
            });
        }
        if slope.iter().any(|s| !s.is_finite()) {
            return FastQuantile::Exact(d.clone());
        }
        FastQuantile::Table {
            exact: d.clone(),
            x,
            slope,
        }
    }

    /// The values at one probability per lane: [`FastQuantile::quantile`]
    /// lane by lane (see [`Distribution::quantile_lanes`]).
    #[inline(always)]
    pub fn quantile_lanes<const L: usize>(&self, u: &[f64; L]) -> [f64; L] {
        match self {
            FastQuantile::Exact(d) => d.quantile_lanes(u),
            FastQuantile::Table { exact, x, slope } => {
                // The interpolation of every lane as arrays (vector
                // instructions), each lane with exactly the operations of
                // [`FastQuantile::quantile`]; lanes in the tails then take
                // the exact inversion.
                let inside: [bool; L] = std::array::from_fn(|l| (U_LO..U_HI).contains(&u[l]));
                let pos: [f64; L] = std::array::from_fn(|l| (u[l] - U_LO) / STEP);
                let i: [usize; L] = std::array::from_fn(|l| {
                    if inside[l] {
                        (pos[l] as usize).min(KNOTS - 2)
                    } else {
                        0
                    }
                });
                let table: [f64; L] = std::array::from_fn(|l| hermite(x, slope, i[l], pos[l]));
                std::array::from_fn(|l| {
                    if inside[l] {
                        table[l]
                    } else {
                        exact.quantile(u[l])
                    }
                })
            }
        }
    }

    /// The value at probability `u` in (0, 1).
    #[inline]
    pub fn quantile(&self, u: f64) -> f64 {
        match self {
            FastQuantile::Exact(d) => d.quantile(u),
            FastQuantile::Table { exact, x, slope } => {
                if !(U_LO..U_HI).contains(&u) {
                    return exact.quantile(u);
                }
                let pos = (u - U_LO) / STEP;
                hermite(x, slope, (pos as usize).min(KNOTS - 2), pos)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_give_the_bits_of_one_quantile_at_a_time() {
        let q = FastQuantile::new(&Distribution::Pert {
            min: 0.01,
            mode: 0.03,
            max: 0.05,
            lambda: 4.0,
        });
        assert!(matches!(q, FastQuantile::Table { .. }));
        // Eight lanes per batch, tails (exact inversion) and the table's
        // ends mixed in every batch.
        let us: Vec<f64> = (0..800)
            .map(|k| match k % 8 {
                0 => 0.001 + k as f64 * 1e-5,
                7 => 0.999 - k as f64 * 1e-5,
                3 => U_LO,
                _ => (k as f64 + 0.5) / 800.0,
            })
            .collect();
        for batch in us.chunks(8) {
            let u: [f64; 8] = batch.try_into().expect("eight");
            let lanes = q.quantile_lanes(&u);
            for l in 0..8 {
                assert_eq!(
                    lanes[l].to_bits(),
                    q.quantile(u[l]).to_bits(),
                    "u = {}",
                    u[l]
                );
            }
        }
    }

    #[test]
    fn tabulated_pert_and_beta_match_the_exact_quantile() {
        let cases = [
            Distribution::Pert {
                min: 80.0,
                mode: 100.0,
                max: 130.0,
                lambda: 4.0,
            },
            Distribution::Pert {
                min: 0.0,
                mode: 0.01,
                max: 1.0,
                lambda: 4.0,
            },
            Distribution::Pert {
                min: 10.0,
                mode: 19.0,
                max: 25.0,
                lambda: 6.0,
            },
            Distribution::Beta {
                alpha: 2.0,
                beta: 5.0,
                min: 0.0,
                max: 1.0,
            },
            Distribution::Beta {
                alpha: 0.7,
                beta: 3.0,
                min: 0.0,
                max: 1.0,
            },
        ];
        for d in &cases {
            let f = FastQuantile::new(d);
            let (lo, hi) = d.support();
            let range = hi - lo;
            let mut worst: f64 = 0.0;
            for k in 1..20_000 {
                let u = k as f64 / 20_000.0;
                let err = (f.quantile(u) - d.quantile(u)).abs() / range;
                worst = worst.max(err);
            }
            assert!(worst < 1e-9, "{d:?}: worst relative error {worst}");
        }
    }

    #[test]
    fn cheap_distributions_are_not_tabulated() {
        assert!(matches!(
            FastQuantile::new(&Distribution::Triangular {
                min: 1.0,
                mode: 2.0,
                max: 3.0
            }),
            FastQuantile::Exact(_)
        ));
    }
}
