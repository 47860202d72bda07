//! Typed names of the run's fixed metrics. summary.json, the CSV files and
//! the workbook name them by [`MetricKey::as_str`] (unchanged strings);
//! code that looks a metric up or labels it uses the variant, so a
//! misspelt or renamed key is a compile error instead of an empty lookup.
//! Metrics named from the scenario (staffing per department and channel,
//! citizens' capabilities, volumes per channel) keep built names.

use std::fmt;

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

    /// The key named `name`, if it is one of these.
    pub fn from_name(name: &str) -> Option<MetricKey> {
        MetricKey::ALL.into_iter().find(|k| k.as_str() == name)
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
    /// completion, so it has all of them), and names parse back.
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
            assert_eq!(MetricKey::from_name(k.as_str()), Some(k));
        }
        assert_eq!(MetricKey::from_name("savings"), None);
    }
}
