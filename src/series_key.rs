//! Typed names of the metrics named from the scenario or per path: cost
//! components, paper letters and volumes per path (status quo, scenario),
//! staffing per department and channel, citizens per capability. The
//! layout names its metrics by a [`SeriesKey`]'s `Display` (the unchanged
//! names of summary.json, the CSV files and the workbook) and keeps the key
//! beside the name ([`crate::metric_key::MetricName::Series`]), as the
//! summary does: labels and lookups use the typed key and no name is read
//! back (no input names these metrics in text).

use std::fmt;

use crate::domain::{Channel, OpeningChannel};
use crate::scenario::Capability;

/// The two paths every trial runs: today's policies or the proposal's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RunPath {
    StatusQuo,
    Scenario,
}

impl RunPath {
    /// Both, in the order of per-path arrays.
    pub const ALL: [RunPath; 2] = [RunPath::StatusQuo, RunPath::Scenario];

    /// The name in metric keys.
    pub const fn key(self) -> &'static str {
        match self {
            RunPath::StatusQuo => "status_quo",
            RunPath::Scenario => "scenario",
        }
    }

    /// Index into per-path arrays (status quo 0, scenario 1).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Written as its key (`status_quo`, `scenario`).
impl serde::Serialize for RunPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// A component of a path's cost, in kr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CostPart {
    /// Contacts handled, at their channels' unit prices.
    Handling,
    /// Open hours (or staff, for staffed channels).
    Opening,
    /// Campaigns and other initiatives' own costs.
    Campaign,
    /// Outbound letters and Digital Post.
    OutboundMail,
}

impl CostPart {
    pub const ALL: [CostPart; 4] = [
        CostPart::Handling,
        CostPart::Opening,
        CostPart::Campaign,
        CostPart::OutboundMail,
    ];

    /// The start of the metric's name (`handling_cost` in
    /// `handling_cost_status_quo_kr`).
    pub const fn key(self) -> &'static str {
        match self {
            CostPart::Handling => "handling_cost",
            CostPart::Opening => "opening_cost",
            CostPart::Campaign => "campaign_cost",
            CostPart::OutboundMail => "outbound_mail_cost",
        }
    }
}

/// What is recorded of a staffed channel (Erlang C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffingMeasure {
    AgentsPerOpenHour,
    ServiceLevel,
    AsaSeconds,
}

impl StaffingMeasure {
    pub const ALL: [StaffingMeasure; 3] = [
        StaffingMeasure::AgentsPerOpenHour,
        StaffingMeasure::ServiceLevel,
        StaffingMeasure::AsaSeconds,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            StaffingMeasure::AgentsPerOpenHour => "agents_per_open_hour",
            StaffingMeasure::ServiceLevel => "service_level",
            StaffingMeasure::AsaSeconds => "asa_seconds",
        }
    }

    /// The unit of the metric.
    pub const fn unit(self) -> &'static str {
        match self {
            StaffingMeasure::AgentsPerOpenHour => "agents",
            StaffingMeasure::ServiceLevel => "share",
            StaffingMeasure::AsaSeconds => "seconds",
        }
    }
}

/// A metric named from the scenario or per path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SeriesKey {
    /// `<part>_<path>_kr`, e.g. `handling_cost_status_quo_kr`.
    Cost { part: CostPart, path: RunPath },
    /// `paper_letters_<path>`: outbound paper letters.
    PaperLetters(RunPath),
    /// `volume_<path>.<channel>`: contacts in a channel.
    Volume { path: RunPath, channel: Channel },
    /// `staffing.<department>.<channel>.<path>.<measure>`.
    Staffing {
        department: String,
        channel: OpeningChannel,
        path: RunPath,
        measure: StaffingMeasure,
    },
    /// `citizens.<capability>`: the share of citizens with it.
    Citizens(Capability),
}

impl SeriesKey {
    /// The unit of the metric.
    pub fn unit(&self) -> &'static str {
        match self {
            SeriesKey::Cost { .. } => "kr.",
            SeriesKey::PaperLetters(_) => "letters",
            SeriesKey::Volume { .. } => "contacts",
            SeriesKey::Staffing { measure, .. } => measure.unit(),
            SeriesKey::Citizens(_) => "share",
        }
    }
}

impl fmt::Display for SeriesKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeriesKey::Cost { part, path } => write!(f, "{}_{}_kr", part.key(), path.key()),
            SeriesKey::PaperLetters(path) => write!(f, "paper_letters_{}", path.key()),
            SeriesKey::Volume { path, channel } => {
                write!(f, "volume_{}.{}", path.key(), channel.key())
            }
            SeriesKey::Staffing {
                department,
                channel,
                path,
                measure,
            } => write!(
                f,
                "staffing.{department}.{channel}.{}.{}",
                path.key(),
                measure.key()
            ),
            SeriesKey::Citizens(c) => write!(f, "citizens.{}", c.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every metric of a run of every shipped scenario: the series keys
    /// the layout records write its names in their units, as many as the
    /// scenario has series, and no two metrics share a name (the summary's
    /// metric map is keyed by the name).
    #[test]
    fn every_series_metric_of_every_shipped_scenario_is_named_by_its_key() {
        for entry in std::fs::read_dir("scenarios").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let s = crate::scenario::Scenario::from_file(&path).unwrap();
            let layout = crate::model::layout::Layout::new(&s);
            let mut n = 0;
            for m in &layout.metrics {
                if let crate::metric_key::MetricName::Series(k) = &m.name {
                    assert_eq!(k.to_string(), m.key);
                    assert_eq!(k.unit(), m.unit, "{k}");
                    n += 1;
                }
            }
            // Costs and paper letters per path, volumes per path and
            // channel, three measures per path of each staffed channel.
            let want = 2 * (CostPart::ALL.len() + 1 + Channel::ALL.len())
                + 6 * layout.staffed.len()
                + s.citizens.len();
            assert_eq!(n, want, "{}", path.display());
            let names: std::collections::HashSet<&str> =
                layout.metrics.iter().map(|m| m.key.as_str()).collect();
            assert_eq!(names.len(), layout.metrics.len(), "{}", path.display());
        }
    }

    #[test]
    fn a_department_name_with_dots_stays_whole() {
        let k = SeriesKey::Staffing {
            department: "Borger.service".into(),
            channel: OpeningChannel::Phone,
            path: RunPath::Scenario,
            measure: StaffingMeasure::AsaSeconds,
        };
        assert_eq!(
            k.to_string(),
            "staffing.Borger.service.phone.scenario.asa_seconds"
        );
        assert_eq!(k.unit(), "seconds");
    }
}
