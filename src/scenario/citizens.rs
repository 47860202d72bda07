//! Citizens, solutions and completion (docs/model.md, "Citizens' digital
//! capabilities", "Completion of started self-service", "Solutions and
//! launches"): what the scenario says about them, checked.

use super::{Floor, Param};
use crate::domain::N_TYPES;
use crate::i18n::{CapabilityName, Lang};

/// A digital capability of citizens, tracked as a share of adult citizens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    /// Has NemID (can log in to self-service).
    NemId,
    /// Is registered for Digital Post.
    DigitalPost,
    /// Uses self-service at least once a year.
    SelfService,
}

/// Number of [`Capability`] values.
pub const N_CAPABILITIES: usize = 3;

impl Capability {
    /// Every capability in array order.
    pub const ALL: [Capability; N_CAPABILITIES] = [
        Capability::NemId,
        Capability::DigitalPost,
        Capability::SelfService,
    ];

    /// The key in scenario files and in metric keys (`citizens.nemid`).
    pub fn key(self) -> &'static str {
        match self {
            Capability::NemId => "nemid",
            Capability::DigitalPost => "digital_post",
            Capability::SelfService => "self_service",
        }
    }

    /// The capability with a key.
    pub fn from_key(key: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Index in per-capability arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// What the share measures, for tables, charts and the report.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Capability::NemId => CapabilityName::NemId,
            Capability::DigitalPost => CapabilityName::DigitalPost,
            Capability::SelfService => CapabilityName::SelfService,
        }
        .get(lang)
    }

    /// The metric key of its yearly share in summary.json and the CSV files.
    pub fn metric_key(self) -> String {
        crate::series_key::SeriesKey::Citizens(self).to_string()
    }
}

/// The diffusion of one capability over adult citizens (Bass, as for
/// contacts: MODEL.md section 4), from today's share.
#[derive(Debug, Clone)]
pub struct CitizenCapability {
    pub capability: Capability,
    /// Share of adult citizens with it in January of the base year.
    pub today: Param,
    pub p: Param,
    pub q: Param,
    pub ceiling: Param,
    /// Digital Post: outbound letters go digital in proportion to registration.
    pub drives_outbound: bool,
    /// Per contact type: self-service cells of that type cannot have a
    /// (completed) self-service share above this capability's share.
    pub limits_self_service: [bool; N_TYPES],
}

/// What an event does to one capability while it is active.
#[derive(Debug, Clone, Copy)]
pub struct CapabilityEffect {
    pub capability: Capability,
    pub p_add: Option<Param>,
    pub q_add: Option<Param>,
    pub ceiling_add: Option<Param>,
    /// A law: the share is raised to at least the floor (ramped in).
    pub floor: Option<Floor>,
}

/// Completion of started self-service: a share of attempts fails and part
/// of those come back through another channel.
#[derive(Debug, Clone)]
pub struct Completion {
    /// Per cell: the completion rate of its self-service attempts; `None`
    /// for cells whose digital channel is not self-service or that no rate
    /// covers (their attempts all complete).
    pub rate: Vec<Option<Param>>,
    /// Share of abandoned attempts that come back through another channel
    /// (the cell's non-digital base split); the rest give up.
    pub comes_back: Param,
    /// Handling cost of an abandoned attempt; `None`: the digital channel's
    /// unit price in the cell.
    pub abandoned_price_kr: Option<Param>,
}

/// A self-service solution for some (area, type) cells.
#[derive(Debug, Clone)]
pub struct Solution {
    pub name: String,
    pub description: Option<String>,
    pub cells: Vec<bool>,
    /// Month index it goes live (before any delay); `None`: live already.
    pub launch: Option<usize>,
    /// Uncertain delay in whole months (the drawn value rounded down).
    pub delay_months: Option<Param>,
    /// How many solutions the entry stands for (a batch going live together).
    pub count: usize,
}

impl Solution {
    /// The month the solution goes live in a trial with input draws
    /// `values`: `None` = live from the start; a month past the horizon = not
    /// live within it.
    pub fn live_from(&self, values: &[f64]) -> Option<usize> {
        let launch = self.launch?;
        let delay = self
            .delay_months
            .map(|d| d.get(values).max(0.0).floor() as usize)
            .unwrap_or(0);
        Some(launch.saturating_add(delay))
    }
}
