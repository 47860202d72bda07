//! `--precision`: which statistic of which output must be known how well.
//!
//! ```text
//! --precision 1%                          mean of the headline output, ±1 % (95 % CI half-width)
//! --precision p95=1%                      its 95th percentile, ±1 % (order-statistic CI)
//! --precision savings_kr@2014:p50=2%      the median of 2014's savings, ±2 %
//! --precision cost_scenario_kr@2015:mean=0.5%
//! --precision goal2@2015=1pp              probability that goal 2 is met in 2015, ±1 percentage point
//! ```
//!
//! The headline output is cumulative net savings in the end year (the
//! scenario's cost when it saves nothing). Means and percentiles take a
//! target relative to the statistic's size; goal probabilities an absolute
//! one (Wilson score interval, which is not 0 wide at 0 % or 100 %).

use crate::engine::{Engine, Trials};
use crate::error::InputError;
use crate::metric_key::MetricKey;
use crate::model::layout::Store;
use crate::stats::{ci, type7_points_with_cis};
use crate::summary::{PrecisionOutput, PrecisionStatistic};

/// The statistic whose precision is controlled.
#[derive(Debug, Clone, PartialEq)]
pub enum Statistic {
    Mean,
    /// A percentile, as a fraction (0.95).
    Percentile(f64),
    /// The probability that goal `goal` (0-based) is met.
    GoalProbability {
        goal: usize,
    },
}

/// A parsed `--precision`.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Metric key and year, None for the headline output (or a goal).
    pub output: Option<(String, i32)>,
    pub statistic: Statistic,
    /// Relative for means and percentiles, absolute for probabilities.
    pub target: f64,
    /// The year of a goal probability.
    pub goal_year: Option<i32>,
}

fn usage() -> &'static str {
    "write e.g. --precision 1% (mean), p95=1% (a percentile), savings_kr@2014:p50=2%, or goal1@2015=1pp (a goal's probability)"
}

/// Parses "1%", "0.5 %", "0.01" or "1pp" into a fraction in (0, 1).
fn share(text: &str, whole: &str) -> Result<f64, InputError> {
    let t = text.trim();
    let (num, scale) = if let Some(n) = t.strip_suffix("pp") {
        (n.trim(), 0.01)
    } else if let Some(n) = t.strip_suffix('%') {
        (n.trim(), 0.01)
    } else {
        (t, 1.0)
    };
    let x: f64 = num.replace(',', ".").parse().map_err(|_| {
        InputError::new(format!("--precision \"{whole}\" is not a number")).with_help(usage())
    })?;
    let s = x * scale;
    if !(s > 0.0 && s < 1.0) {
        let err = InputError::new(format!(
            "--precision {whole} must be above 0 and below 100 % (a fraction between 0 and 1 without %)"
        ));
        // A bare number is a fraction: "1" is 100 %, not 1 %.
        return Err(if scale == 1.0 && x >= 1.0 {
            err.with_help(format!("for {x} % write --precision {x}%"))
        } else {
            err
        });
    }
    Ok(s)
}

/// Parses `--precision`.
pub fn parse(text: &str) -> Result<Spec, InputError> {
    let t = text.trim();
    let Some((lhs, rhs)) = t.split_once('=') else {
        return Ok(Spec {
            output: None,
            statistic: Statistic::Mean,
            target: share(t, text)?,
            goal_year: None,
        });
    };
    let target = share(rhs, text)?;
    let lhs = lhs.trim();
    if let Some(rest) = lhs.strip_prefix("goal") {
        let (n, year) = rest.split_once('@').ok_or_else(|| {
            InputError::new(format!("--precision \"{text}\": a goal needs its year"))
                .with_help("e.g. --precision goal1@2015=1pp (goals counted from 1 in file order)")
        })?;
        let goal: usize = n.trim().parse().ok().filter(|g| *g >= 1).ok_or_else(|| {
            InputError::new(format!(
                "--precision \"{text}\": \"{n}\" is not a goal number"
            ))
            .with_help("goals are counted from 1 in the order of the scenario file")
        })?;
        let year = parse_year(year, text)?;
        return Ok(Spec {
            output: None,
            statistic: Statistic::GoalProbability { goal: goal - 1 },
            target,
            goal_year: Some(year),
        });
    }
    let (output, stat) = match lhs.rsplit_once(':') {
        Some((out, stat)) => {
            let (key, year) = out.split_once('@').ok_or_else(|| {
                InputError::new(format!("--precision \"{text}\": the output needs its year"))
                    .with_help("e.g. --precision savings_kr@2014:p50=2%")
            })?;
            (
                Some((key.trim().to_string(), parse_year(year, text)?)),
                stat,
            )
        }
        None => (None, lhs),
    };
    let statistic = match stat.trim() {
        "mean" => Statistic::Mean,
        p if p.starts_with('p') => {
            let q: f64 = p[1..].parse().map_err(|_| {
                InputError::new(format!(
                    "--precision \"{text}\": \"{p}\" is not a percentile"
                ))
                .with_help(usage())
            })?;
            if !(q > 0.0 && q < 100.0) {
                return Err(InputError::new(format!(
                    "--precision \"{text}\": percentiles lie between p0 and p100"
                ))
                .with_help(usage()));
            }
            Statistic::Percentile(q / 100.0)
        }
        other => {
            return Err(InputError::new(format!(
                "--precision \"{text}\": unknown statistic \"{other}\""
            ))
            .with_help(usage()))
        }
    };
    Ok(Spec {
        output,
        statistic,
        target,
        goal_year: None,
    })
}

fn parse_year(text: &str, whole: &str) -> Result<i32, InputError> {
    text.trim().parse().map_err(|_| {
        InputError::new(format!("--precision \"{whole}\": \"{text}\" is not a year"))
            .with_help(usage())
    })
}

/// What a spec refers to in a run: the core slot, and names for the summary.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub slot: usize,
    pub metric: PrecisionOutput,
    pub year: i32,
    pub statistic: Statistic,
    pub target: f64,
    /// The goal's op and target in that year (goal probabilities).
    goal: Option<(crate::scenario::GoalOp, f64)>,
}

impl Resolved {
    /// The statistic as summary.json reports it.
    pub fn summary_statistic(&self) -> PrecisionStatistic {
        match self.statistic {
            Statistic::Mean => PrecisionStatistic::Mean,
            Statistic::Percentile(p) => PrecisionStatistic::Percentile(p),
            Statistic::GoalProbability { .. } => PrecisionStatistic::GoalProbability,
        }
    }

    /// The achieved precision of the rows so far: the 95 % half-width,
    /// relative to the statistic for means and percentiles, absolute for
    /// probabilities.
    pub fn achieved(&self, values: &[f64]) -> f64 {
        match (&self.statistic, self.goal) {
            (Statistic::GoalProbability { .. }, Some((op, target))) => {
                let n = values.len() as f64;
                if n == 0.0 {
                    return f64::INFINITY;
                }
                let p = values.iter().filter(|v| op.met(**v, target)).count() as f64 / n;
                ci::wilson_half_width(p, n)
            }
            (Statistic::Percentile(p), _) => {
                let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
                if v.len() < 2 {
                    return f64::INFINITY;
                }
                let (q, cis) = type7_points_with_cis(&v, &[*p], ci::CONFIDENCE);
                let half = (cis[0][1] - cis[0][0]) / 2.0;
                if half == 0.0 {
                    0.0
                } else {
                    half / q[0].abs()
                }
            }
            _ => {
                let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
                let n = v.len() as f64;
                if n < 2.0 {
                    return f64::INFINITY;
                }
                let mean = v.iter().sum::<f64>() / n;
                let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
                if sd == 0.0 {
                    0.0
                } else {
                    ci::Z95 * sd / n.sqrt() / mean.abs()
                }
            }
        }
    }

    /// The values of the slot in `trials` (appended to `into`).
    pub fn collect(&self, engine: &Engine, trials: &Trials, into: &mut Vec<f64>) {
        let cl = engine.layout.core_len;
        into.extend((0..trials.n).map(|i| trials.core[i * cl + self.slot]));
    }
}

/// Resolves a spec against a run's scenario and layout.
pub fn resolve(spec: &Spec, engine: &Engine) -> Result<Resolved, InputError> {
    let s = engine.scenario;
    let layout = &engine.layout;
    let in_horizon = |year: i32| -> Result<usize, InputError> {
        if year < s.base_year || year > s.end_year {
            Err(InputError::new(format!(
                "--precision: year {year} is outside the horizon {}-{}",
                s.base_year, s.end_year
            )))
        } else {
            Ok((year - s.base_year) as usize)
        }
    };
    if let Statistic::GoalProbability { goal } = spec.statistic {
        let g = s.goals.get(goal).ok_or_else(|| {
            InputError::new(format!(
                "--precision: goal {} does not exist; the scenario has {} goals",
                goal + 1,
                s.goals.len()
            ))
        })?;
        let year = spec.goal_year.expect("parsed with a year");
        let y = in_horizon(year)?;
        let target = g.targets[y].ok_or_else(|| {
            InputError::new(format!(
                "--precision: goal {} (\"{}\") has no target in {year}",
                goal + 1,
                g.name
            ))
        })?;
        return Ok(Resolved {
            slot: layout.slots.goals[goal] + y,
            metric: PrecisionOutput::Goal {
                number: goal + 1,
                name: g.name.clone(),
            },
            year,
            statistic: spec.statistic.clone(),
            target: spec.target,
            goal: Some((g.op, target)),
        });
    }
    let end = layout.n_years - 1;
    let (slot, metric, year): (usize, MetricKey, i32) = match &spec.output {
        None if engine.plan.identical_paths => (
            layout.slots.cost_scenario + end,
            MetricKey::CostScenario,
            s.end_year,
        ),
        None => (
            layout.slots.cumulative + end,
            MetricKey::CumulativeNetSavings,
            s.end_year,
        ),
        Some((key, year)) => {
            let y = in_horizon(*year)?;
            // The per-year outputs of every trial's core row (no goal).
            let outputs = || {
                layout
                    .metrics
                    .iter()
                    .filter(|m| m.store == Store::Core && m.per_year)
                    .filter_map(|m| Some((m, m.name.key()?)))
            };
            let (m, metric) = outputs().find(|(m, _)| m.key == *key).ok_or_else(|| {
                let keys: Vec<&str> = outputs().map(|(m, _)| m.key.as_str()).collect();
                InputError::new(format!("--precision: unknown output \"{key}\""))
                    .with_help(format!("outputs are: {}", keys.join(", ")))
            })?;
            (m.offset + y, metric, *year)
        }
    };
    Ok(Resolved {
        slot,
        metric: PrecisionOutput::Metric(metric),
        year,
        statistic: spec.statistic.clone(),
        target: spec.target,
        goal: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bare "1" is a fraction (100 %): refused, with the % form to write.
    #[test]
    fn a_bare_whole_number_is_refused_with_the_percent_form() {
        let e = parse("1").unwrap_err().to_string();
        assert!(
            e.contains("--precision 1 must be above 0 and below 100 %"),
            "{e}"
        );
        assert!(e.contains("for 1 % write --precision 1%"), "{e}");
        let e = parse("p95=2").unwrap_err().to_string();
        assert!(e.contains("for 2 % write --precision 2%"), "{e}");
        assert_eq!(parse("0.01").unwrap().target, 0.01);
        assert!(!parse("-1%")
            .unwrap_err()
            .to_string()
            .contains("write --precision"));
    }

    #[test]
    fn parses_every_form() {
        let p = parse("1%").unwrap();
        assert_eq!(
            (p.statistic, p.target, p.output),
            (Statistic::Mean, 0.01, None)
        );
        let p = parse("p95=0.5 %").unwrap();
        assert_eq!(
            (p.statistic, p.target),
            (Statistic::Percentile(0.95), 0.005)
        );
        let p = parse("savings_kr@2014:p50=2%").unwrap();
        assert_eq!(p.output, Some((MetricKey::Savings.as_str().into(), 2014)));
        assert_eq!(p.statistic, Statistic::Percentile(0.5));
        let p = parse("goal2@2015=1pp").unwrap();
        assert_eq!(p.statistic, Statistic::GoalProbability { goal: 1 });
        assert_eq!((p.goal_year, p.target), (Some(2015), 0.01));
        assert!(parse("p101=1%").is_err());
        assert!(parse("median=1%").is_err());
        assert!(parse("goal0@2015=1pp").is_err());
        assert!(parse("goal1=1pp").is_err());
        assert!(parse("-1%").is_err());
    }
}
