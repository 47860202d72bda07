//! Short human-readable text of a distribution, for reports and messages.

use super::*;

impl Distribution {
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
}

/// Compact number formatting with `sig` significant digits and no
/// trailing zeros (`80`, `0.125`, `101.98` -> `102` at 3 digits).
pub(super) fn fmt_num(x: f64, sig: usize) -> String {
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
