//! What `run --monthly` reports: per month, medians and bands of the cost,
//! the contacts per channel and the monthly goal values, summarised over
//! the trials (monthly.json and monthly.csv; docs/outputs.md 6c). The
//! per-trial series come from [`crate::model::monthly`].

use rayon::prelude::*;
use serde::Serialize;

use crate::domain::Channel;
use crate::engine::Trials;
use crate::model::layout::Layout;
use crate::scenario::Scenario;
use crate::series_key::RunPath;
use crate::stats::Summary;

/// What a monthly series measures; written `cost_kr`, `volume.<channel>`
/// or `goal` in monthly.json and monthly.csv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesOf {
    /// The path's cost, kr.
    Cost,
    /// Contacts in a channel.
    Volume(Channel),
    /// A goal's value (the series names the goal).
    Goal,
}

impl std::fmt::Display for SeriesOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeriesOf::Cost => f.write_str("cost_kr"),
            SeriesOf::Volume(c) => write!(f, "volume.{}", c.key()),
            SeriesOf::Goal => f.write_str("goal"),
        }
    }
}

impl Serialize for SeriesOf {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One monthly series.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// `cost_kr`, `volume.<channel>` or `goal`.
    pub key: SeriesOf,
    /// `status_quo` or `scenario`.
    pub path: RunPath,
    /// For `goal`: the goal's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    pub unit: &'static str,
    /// One summary per month of `months`.
    pub values: Vec<Summary>,
}

/// monthly.json.
#[derive(Debug, Clone, Serialize)]
pub struct Monthly {
    pub scenario: String,
    pub trials: usize,
    /// "2012-01" ... "2015-12".
    pub months: Vec<String>,
    pub series: Vec<Series>,
}

impl Monthly {
    /// Summarises the monthly series, or None without `--monthly`.
    pub fn new(s: &Scenario, layout: &Layout, trials: &Trials) -> Option<Monthly> {
        let slots = layout.slots.monthly.as_ref()?;
        let n_months = s.months();
        let months = (0..n_months)
            .map(|m| format!("{}-{:02}", s.base_year + (m / 12) as i32, m % 12 + 1))
            .collect();
        // (key, path, goal, unit, numerator slot, denominator slot)
        type Spec = (
            SeriesOf,
            usize,
            Option<String>,
            &'static str,
            usize,
            Option<usize>,
        );
        let mut specs: Vec<Spec> = Vec::new();
        for p in 0..2 {
            specs.push((SeriesOf::Cost, p, None, "kr.", slots.cost[p], None));
        }
        for p in 0..2 {
            // Only the channels the scenario can use are kept
            // (model::monthly::channels_in_use); the others have no contacts.
            for (&slot, c) in slots.volume[p].iter().zip(&slots.channels) {
                // Channels without contacts in any trial and month are left out.
                let used = (0..trials.n).any(|i| {
                    let row = &trials.detail[i * layout.detail_len..];
                    row[slot..slot + n_months].iter().any(|&x| x != 0.0)
                });
                if used {
                    specs.push((SeriesOf::Volume(*c), p, None, "contacts", slot, None));
                }
            }
        }
        for &(g, num, den) in &slots.goals {
            let goal = &s.goals[g];
            let unit = match goal.metric {
                crate::scenario::GoalMetric::Volume => "contacts",
                _ => "share",
            };
            specs.push((SeriesOf::Goal, 1, Some(goal.name.clone()), unit, num, den));
        }
        let dl = layout.detail_len;
        let series = specs
            .into_par_iter()
            .map(|(key, p, goal, unit, num, den)| {
                let values = (0..n_months)
                    .map(|m| {
                        let mut col: Vec<f64> = (0..trials.n)
                            .map(|i| {
                                let x = f64::from(trials.detail[i * dl + num + m]);
                                match den {
                                    // An empty month has no share (left out).
                                    Some(d) => {
                                        let y = f64::from(trials.detail[i * dl + d + m]);
                                        if y > 0.0 {
                                            x / y
                                        } else {
                                            f64::NAN
                                        }
                                    }
                                    None => x,
                                }
                            })
                            .collect();
                        Summary::of(&mut col)
                    })
                    .collect();
                Series {
                    key,
                    path: RunPath::ALL[p],
                    goal,
                    unit,
                    values,
                }
            })
            .collect();
        Some(Monthly {
            scenario: s.name.clone(),
            trials: trials.n,
            months,
            series,
        })
    }
}
