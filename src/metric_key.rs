//! Typed names of the run's fixed metrics. summary.json, the CSV files and
//! the workbook name them by [`MetricKey::as_str`] (unchanged strings);
//! code that looks a metric up or labels it uses the variant, so a
//! misspelt or renamed key is a compile error instead of an empty lookup.
//! Metrics named from the scenario (staffing per department and channel,
//! citizens' capabilities, volumes per channel) are [`SeriesKey`]s; a
//! [`MetricName`] is any metric of the layout, typed.

use std::fmt;

use crate::model::layout::SavingsSource;
use crate::series_key::SeriesKey;

/// A metric of every run (or of every run with completion, for
/// [`MetricKey::CompletionRate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricKey {
    CostStatusQuo,
    CostScenario,
    Savings,
    CumulativeNetSavings,
    Npv,
    PaybackYear,
    DigitalShareScenario,
    ContactsStatusQuo,
    ContactsScenario,
    CompletionRate,
}

impl MetricKey {
    pub const ALL: [MetricKey; 10] = [
        MetricKey::CostStatusQuo,
        MetricKey::CostScenario,
        MetricKey::Savings,
        MetricKey::CumulativeNetSavings,
        MetricKey::Npv,
        MetricKey::PaybackYear,
        MetricKey::DigitalShareScenario,
        MetricKey::ContactsStatusQuo,
        MetricKey::ContactsScenario,
        MetricKey::CompletionRate,
    ];

    /// The name in summary.json, the CSV files and the workbook.
    pub const fn as_str(self) -> &'static str {
        match self {
            MetricKey::CostStatusQuo => "cost_status_quo_kr",
            MetricKey::CostScenario => "cost_scenario_kr",
            MetricKey::Savings => "savings_kr",
            MetricKey::CumulativeNetSavings => "cumulative_net_savings_kr",
            MetricKey::Npv => "npv_kr",
            MetricKey::PaybackYear => "payback_year",
            MetricKey::DigitalShareScenario => "digital_share_scenario",
            MetricKey::ContactsStatusQuo => "contacts_status_quo",
            MetricKey::ContactsScenario => "contacts_scenario",
            MetricKey::CompletionRate => "completion_rate",
        }
    }
}

/// Any metric of a run's layout, typed: what its name in summary.json,
/// the CSV files and the workbook stands for ([`MetricName`]'s `Display`
/// writes that name). The layout records it beside each metric and the
/// summary beside each metric's summaries, so labels and lookups match on
/// the variant and never read a name back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricName {
    /// A metric of every run ([`MetricKey`]).
    Key(MetricKey),
    /// A metric named from the scenario or per path ([`SeriesKey`]).
    Series(SeriesKey),
    /// A source of the savings ([`SavingsSource`]).
    Source(SavingsSource),
    /// Goal `i`'s value (`goal_<i>`): summarised as the goal, not as a metric.
    Goal(usize),
    /// A fixed name no label or lookup needs typed (`displaced_retimed`,
    /// `solutions_live`, ...).
    Other(&'static str),
}

impl MetricName {
    /// The fixed metric, if it is one.
    pub fn key(&self) -> Option<MetricKey> {
        match self {
            MetricName::Key(k) => Some(*k),
            _ => None,
        }
    }

    /// True for a goal's value, which summary.json reports under `goals`.
    pub fn is_goal(&self) -> bool {
        matches!(self, MetricName::Goal(_))
    }
}

impl From<MetricKey> for MetricName {
    fn from(k: MetricKey) -> Self {
        MetricName::Key(k)
    }
}

impl From<SeriesKey> for MetricName {
    fn from(k: SeriesKey) -> Self {
        MetricName::Series(k)
    }
}

impl From<SavingsSource> for MetricName {
    fn from(s: SavingsSource) -> Self {
        MetricName::Source(s)
    }
}

impl From<&MetricName> for MetricName {
    fn from(n: &MetricName) -> Self {
        n.clone()
    }
}

impl fmt::Display for MetricName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricName::Key(k) => f.write_str(k.as_str()),
            MetricName::Series(k) => write!(f, "{k}"),
            MetricName::Source(s) => f.write_str(s.key()),
            MetricName::Goal(i) => write!(f, "goal_{i}"),
            MetricName::Other(name) => f.write_str(name),
        }
    }
}

/// Written as its name in summary.json ([`MetricKey::as_str`]).
impl serde::Serialize for MetricKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl AsRef<str> for MetricKey {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key names a metric a run writes (the Solrød proposal models
    /// completion, so it has all of them), under its name.
    #[test]
    fn every_key_is_a_metric_of_a_run() {
        let s = crate::scenario::Scenario::from_file(std::path::Path::new(
            "scenarios/solrod-2011-proposal-1.toml",
        ))
        .unwrap();
        let engine = crate::engine::Engine::new(&s, 1);
        let trials = engine.run(50);
        let summary = crate::summary::RunSummary::new(&s, &engine.layout, &trials, 1, None);
        for k in MetricKey::ALL {
            if k == MetricKey::PaybackYear {
                // Summarised as the payback table, not as a metric.
                assert!(!summary.payback.is_empty());
            } else {
                assert_eq!(summary.metric(k).len(), s.years(), "{k}");
            }
            let def = engine.layout.metric_named(&MetricName::Key(k));
            assert_eq!(def.map(|m| m.key.as_str()), Some(k.as_str()));
        }
    }
}
