//! Scenarios: what the user writes, checked and resolved for the engine.
//!
//! `raw` mirrors the TOML, `load` reads files and resolves `extends`, `build`
//! validates everything and produces a [`Scenario`]: the form the model runs
//! on, where every number is a [`Param`] (fixed, or an uncertain input drawn
//! once per trial).

pub mod build;
mod build_citizens;
mod build_proposal;
pub mod citizens;
pub mod load;
pub mod raw;

pub use citizens::{Capability, CapabilityEffect, CitizenCapability, Completion, Solution};

use std::path::{Path, PathBuf};

use crate::distribution::Distribution;
use crate::domain::{Channel, ContactType, N_CHANNELS};
use crate::error::InputError;
use crate::hours::schedule::{DemandProfile, WeeklySchedule};
use crate::input_key::InputKey;

/// A number of the model: fixed, or the value of uncertain input `i` in the
/// current trial. Resolving through an index keeps "one distribution, one
/// draw" (MODEL.md section 13): every use of an input sees the same draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Param {
    Fixed(f64),
    Input(usize),
}

impl Param {
    /// The value in a trial whose input draws are `values`.
    #[inline]
    pub fn get(self, values: &[f64]) -> f64 {
        match self {
            Param::Fixed(x) => x,
            Param::Input(i) => values[i],
        }
    }

    /// True if the value is the same in every trial.
    pub fn is_fixed(self) -> bool {
        matches!(self, Param::Fixed(_))
    }
}

/// One uncertain input: a distribution written in the scenario.
#[derive(Debug, Clone)]
pub struct UncertainInput {
    /// What the input is, e.g. `prices.personal` or `areas.Flytning.volume`.
    /// Its name is also the key of the input's random stream, so an option
    /// file that extends a base draws the same value for the same input
    /// (common random numbers).
    pub key: InputKey,
    /// Unit of the value, e.g. "kr. per contact", "share", "contacts/year".
    pub unit: String,
    pub distribution: Distribution,
    /// Where it was written: `file:line`.
    pub location: String,
    /// The comment on the line before (or at the end of) the value, if any:
    /// the source or assumption the analyst wrote beside it.
    pub comment: Option<String>,
}

/// Annual volume of a service area at the base population.
#[derive(Debug, Clone, Copy)]
pub enum Volume {
    Absolute(Param),
    Per1000(Param),
}

/// A service area (e.g. "Flytning"), split into contact types.
#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub department: Option<usize>,
    pub volume: Volume,
    /// Month factors, January first, averaging 1.
    pub season: [f64; 12],
    /// Shares of transaction / information / case information (renormalised per trial).
    pub type_split: [Param; 3],
    /// Unit prices of this area that replace the scenario-wide `[prices]`
    /// (e.g. a library visit is a counter contact at a lower price).
    pub prices: [Option<Param>; N_CHANNELS],
    /// Displacement fractions of this area's contacts when opening hours
    /// shrink, replacing its department's (passports need attendance: no
    /// `to_digital`).
    pub displacement: Option<[Fractions; 2]>,
}

/// An (area, contact type) pair: the unit the Bass adoption runs on.
#[derive(Debug, Clone)]
pub struct Cell {
    pub area: usize,
    pub contact_type: ContactType,
    pub digital: Channel,
    /// Base channel mix (renormalised per trial); zero for unused channels.
    pub mix: [Param; N_CHANNELS],
    pub p: Param,
    pub q: Param,
    pub ceiling: Param,
}

/// Index of the counter in per-opening-channel arrays.
pub const COUNTER: usize = 0;
/// Index of the phone in per-opening-channel arrays.
pub const PHONE: usize = 1;
/// The channels opening hours act on, in that order.
pub const OPENING_CHANNELS: [Channel; 2] = [Channel::Personal, Channel::Phone];

/// Staffed mode for a channel: agents from Erlang C instead of a unit price.
#[derive(Debug, Clone)]
pub struct Staffing {
    pub aht_seconds: Param,
    pub service_level: f64,
    pub answer_within_seconds: f64,
    pub hourly_wage_kr: Param,
    pub shrinkage: Param,
}

/// A department with its own opening hours (Borgerservice, Jobcenter, ...).
#[derive(Debug, Clone)]
pub struct Department {
    pub name: String,
    pub label: String,
    /// Today's hours for counter and phone; `None` = always available, no hours model.
    pub today: [Option<WeeklySchedule>; 2],
    pub open_hour_cost_kr: [Option<Param>; 2],
    pub staffing: [Option<Staffing>; 2],
    pub profile: [DemandProfile; 2],
    /// Where this department's displaced contacts go (the scenario-wide
    /// `[displacement]` unless the department sets its own).
    pub displacement: [Fractions; 2],
}

/// A cell (area and contact type) whose fixed adoption ceiling lay below
/// today's digital share and was raised to it (`check` lists them).
#[derive(Debug, Clone, PartialEq)]
pub struct RaisedCeiling {
    pub area: String,
    pub contact_type: crate::domain::ContactType,
    /// The ceiling the scenario wrote.
    pub ceiling: f64,
    /// Today's digital share, the ceiling used.
    pub today: f64,
}

/// Where contacts displaced by shorter hours go (MODEL.md section 6).
#[derive(Debug, Clone, Copy)]
pub struct Fractions {
    pub retime: Param,
    pub to_digital: Param,
    pub to_phone: Param,
}

/// The opening-hour change being judged.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub name: String,
    pub description: Option<String>,
    /// Month index (0 = January of the base year) from which the hours apply.
    pub start: usize,
    /// New hours per department and channel; `None` keeps today's hours.
    pub hours: Vec<[Option<WeeklySchedule>; 2]>,
    /// Per department and channel: the month index from which its new hours
    /// apply (`start` unless the department stages them).
    pub starts: Vec<[usize; 2]>,
}

impl Proposal {
    /// The new hours of a department's channel in force in `month`, if any.
    pub fn hours_at(&self, dept: usize, ch: usize, month: usize) -> Option<&WeeklySchedule> {
        if month >= self.starts[dept][ch] {
            self.hours[dept][ch].as_ref()
        } else {
            None
        }
    }
}

/// Outbound mail: letters the municipality sends.
#[derive(Debug, Clone, Copy)]
pub struct Outbound {
    pub letters_per_year: Param,
    /// Share already sent by Digital Post today.
    pub digital_share: Param,
    pub price_letter_kr: Param,
    pub price_digital_post_kr: Param,
}

/// Whether an event is part of the proposal or happens anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Part of the proposal being judged: in the scenario path only.
    Policy,
    /// Happens anyway (a law): in both the scenario and the status quo.
    External,
}

/// A mandatory floor on the digital share.
#[derive(Debug, Clone, Copy)]
pub struct Floor {
    /// The floor, or the exemption share when `from_exemption` (floor = 1 - exemption).
    pub value: Param,
    pub from_exemption: bool,
    pub ramp_months: usize,
}

/// A channel closed for the event's cells.
#[derive(Debug, Clone)]
pub struct Closure {
    pub channel: Channel,
    /// Where its contacts go; the rest are avoided (scaled down if they sum above 1).
    pub to: Vec<(Channel, Param)>,
}

/// Part of one channel's contacts moved to other channels (docs/model.md,
/// "Partial channel shift"): from the event's start, `share` of the channel's
/// contacts in the event's cells, ramped in over `ramp_months`, go to `to`
/// in the given shares; the rest of the moved contacts are avoided.
#[derive(Debug, Clone)]
pub struct Shift {
    pub channel: Channel,
    pub share: Param,
    /// Where the moved contacts go; the rest are avoided (scaled down if they sum above 1).
    pub to: Vec<(Channel, Param)>,
    pub ramp_months: usize,
}

/// A new unit price for one channel in the event's cells while it is active
/// (docs/model.md, "Unit price change").
#[derive(Debug, Clone, Copy)]
pub struct PriceChange {
    pub channel: Channel,
    pub rule: PriceRule,
}

/// How a [`PriceChange`] sets the price.
#[derive(Debug, Clone, Copy)]
pub enum PriceRule {
    /// The unit price becomes this many kr.
    To(Param),
    /// The unit price is multiplied by this factor.
    Factor(Param),
}

/// A campaign, initiative or law (MODEL.md section 7).
#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub description: Option<String>,
    pub kind: EventKind,
    /// First and last month index it is active (inclusive).
    pub start: usize,
    pub end: usize,
    /// Which cells it touches.
    pub cells: Vec<bool>,
    pub cost_one_off_kr: Option<Param>,
    pub cost_monthly_kr: Option<Param>,
    pub cost_by_year_kr: Vec<(i32, Param)>,
    pub p_add: Option<Param>,
    pub q_add: Option<Param>,
    pub ceiling_add: Option<Param>,
    pub floor: Option<Floor>,
    pub closure: Option<Closure>,
    pub digital_post: Option<(Param, usize)>,
    /// Partial channel shift (docs/model.md).
    pub shift: Option<Shift>,
    /// Unit price change (docs/model.md).
    pub price: Option<PriceChange>,
    /// Factor on the volume of the event's cells while it is active
    /// (tasks transferred away, a re-routed entrance; docs/model.md).
    pub volume_factor: Option<Param>,
    /// Added to the completion rate of started self-service in the event's
    /// cells (docs/model.md, "Completion"), ramped in over `ramp_months`.
    pub completion_add: Option<Param>,
    /// Months over which `completion_add` ramps in.
    pub ramp_months: usize,
    /// Effects on citizens' capabilities (docs/model.md, "Citizens").
    pub citizens: Vec<CapabilityEffect>,
}

/// What a goal measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalMetric {
    /// Share of the goal's channels in the inbound contacts of its cells.
    Share,
    /// Contacts a year in the goal's channels and cells.
    Volume,
    /// Paper letters sent a year.
    PaperLetters,
    /// Scenario cost in the year, kr.
    Cost,
    /// Savings in the year, kr.
    Savings,
    /// Cumulative net savings through the year, kr.
    CumulativeNetSavings,
    /// Net present value of savings through the year, kr.
    Npv,
    /// Share of adult citizens with a capability.
    Citizens(Capability),
    /// Completed share of started self-service in the goal's cells.
    CompletionRate,
    /// Self-service solutions live at the end of the year.
    Solutions,
}

impl GoalMetric {
    /// The key in scenario files.
    pub fn key(self) -> &'static str {
        match self {
            GoalMetric::Share => "share",
            GoalMetric::Volume => "volume",
            GoalMetric::PaperLetters => "paper_letters",
            GoalMetric::Cost => "cost",
            GoalMetric::Savings => "savings",
            GoalMetric::CumulativeNetSavings => "cumulative_net_savings",
            GoalMetric::Npv => "npv",
            GoalMetric::Citizens(_) => "citizens",
            GoalMetric::CompletionRate => "completion_rate",
            GoalMetric::Solutions => "solutions",
        }
    }

    /// True for metrics that are shares (0 to 1) of something.
    pub fn is_share(self) -> bool {
        matches!(
            self,
            GoalMetric::Share | GoalMetric::Citizens(_) | GoalMetric::CompletionRate
        )
    }

    /// True for metrics that are undefined (NaN: "not evaluable") in a
    /// year with nothing to divide by (a share over no contacts, a
    /// completion rate over no attempts; MODEL.md 13).
    pub fn may_be_undefined(self) -> bool {
        matches!(self, GoalMetric::Share | GoalMetric::CompletionRate)
    }

    /// True for metrics whose cells the goal selects with areas and types.
    pub fn has_cells(self) -> bool {
        matches!(
            self,
            GoalMetric::Share | GoalMetric::Volume | GoalMetric::CompletionRate
        )
    }
}

/// Goal comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalOp {
    AtLeast,
    AtMost,
}

/// Relative tolerance on the allowed side of a goal's target (MODEL.md 13).
pub const GOAL_TOLERANCE: f64 = 1e-9;

impl GoalOp {
    /// Whether `value` meets `target`. A value within a relative 1e-9 of the
    /// target counts as met (MODEL.md 13: 0.7000000000000001 meets <= 0.7);
    /// an undefined value (NaN: a share over no contacts) never does.
    #[inline]
    pub fn met(self, value: f64, target: f64) -> bool {
        let tolerance = GOAL_TOLERANCE * value.abs().max(target.abs());
        match self {
            GoalOp::AtLeast => value >= target - tolerance,
            GoalOp::AtMost => value <= target + tolerance,
        }
    }

    /// `>=` or `<=`.
    pub fn symbol(self) -> &'static str {
        match self {
            GoalOp::AtLeast => ">=",
            GoalOp::AtMost => "<=",
        }
    }
}

/// A target the municipality wants to reach (MODEL.md section 9).
#[derive(Debug, Clone)]
pub struct Goal {
    pub name: String,
    pub metric: GoalMetric,
    pub op: GoalOp,
    pub cells: Vec<bool>,
    pub channels: [bool; N_CHANNELS],
    /// Target per year of the horizon (`None`: not evaluated that year).
    pub targets: Vec<Option<f64>>,
    /// Evaluated on December's contacts ("no later than the end of 2011")
    /// instead of the whole year's; share and volume goals only.
    pub year_end: bool,
}

/// A rank correlation between two uncertain inputs.
#[derive(Debug, Clone, Copy)]
pub struct Correlation {
    pub a: usize,
    pub b: usize,
    pub rho: f64,
}

/// A checked scenario, ready to simulate.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub description: Option<String>,
    /// The file given on the command line.
    pub path: PathBuf,
    pub base_year: i32,
    pub end_year: i32,
    pub default_trials: Option<u64>,
    pub default_seed: Option<u64>,
    /// `[simulation] sampling`: the method `run` and `compare` use without `--sampling`.
    pub default_sampling: Option<crate::sampling::Method>,
    /// `[simulation] correlation`: how `[[correlations]]` are imposed without `--correlation`.
    pub default_correlation: Option<crate::sampling::CorrelationMethod>,
    pub inputs: Vec<UncertainInput>,
    pub population_base: Option<Param>,
    pub growth: Param,
    pub discount_rate: Param,
    pub price_index: Param,
    pub prices: [Option<Param>; N_CHANNELS],
    pub areas: Vec<Area>,
    pub cells: Vec<Cell>,
    pub departments: Vec<Department>,
    /// Scenario-wide displacement fractions (departments may override them).
    pub displacement: [Fractions; 2],
    pub proposal: Option<Proposal>,
    pub outbound: Option<Outbound>,
    pub events: Vec<Event>,
    pub goals: Vec<Goal>,
    pub noise_relative_sd: f64,
    pub correlations: Vec<Correlation>,
    /// Cells whose fixed ceiling was below today's digital share and was raised.
    pub raised_ceilings: Vec<RaisedCeiling>,
    /// Citizens' capabilities tracked, in [`Capability::ALL`] order.
    pub citizens: Vec<CitizenCapability>,
    /// Completion of started self-service, if the scenario models it.
    pub completion: Option<Completion>,
    /// Self-service solutions and their launches.
    pub solutions: Vec<Solution>,
    /// Record cost and volumes by area, department and contact type
    /// (`run --breakdown`; not a key of the file): see model/breakdown.rs.
    pub breakdown: bool,
    /// `[calibration]`: the months (first, last; indices from January of
    /// the base year) in which the written mixes were observed.
    pub calibration: Option<(usize, usize)>,
    /// Record monthly results (`run --monthly`; not a key of the file):
    /// every month is an epoch of its own, see model/monthly.rs.
    pub monthly: bool,
}

impl Scenario {
    /// Reads, merges and validates a scenario file.
    pub fn from_file(path: &Path) -> Result<Scenario, InputError> {
        let merged = load::load(path)?;
        build::build(merged)
    }

    /// Builds a scenario from TOML text, as if read from `path` (which
    /// errors name; it need not exist unless the text `extends` a file
    /// next to it). For tests and tools that make scenarios in memory.
    pub fn from_text(path: &Path, text: &str) -> Result<Scenario, InputError> {
        let merged = load::load_text(path, text)?;
        build::build(merged)
    }

    /// Number of months simulated.
    pub fn months(&self) -> usize {
        ((self.end_year - self.base_year + 1) * 12) as usize
    }

    /// The tracked capability, if the scenario has it.
    pub fn capability(&self, cap: Capability) -> Option<&CitizenCapability> {
        self.citizens.iter().find(|c| c.capability == cap)
    }

    /// Number of years reported.
    pub fn years(&self) -> usize {
        (self.end_year - self.base_year + 1) as usize
    }

    /// The calendar years reported.
    pub fn year_list(&self) -> Vec<i32> {
        (self.base_year..=self.end_year).collect()
    }

    /// Weekly open hours of a department's channel today or under the proposal.
    pub fn hours_per_week(&self, dept: usize, channel: usize, proposal: bool) -> Option<f64> {
        let d = &self.departments[dept];
        let today = d.today[channel].as_ref()?;
        if proposal {
            if let Some(p) = &self.proposal {
                if let Some(s) = &p.hours[dept][channel] {
                    return Some(s.hours_per_week());
                }
            }
        }
        Some(today.hours_per_week())
    }

    /// The label of a cell, e.g. "Flytning / transaction".
    pub fn cell_label(&self, cell: usize) -> String {
        let c = &self.cells[cell];
        format!("{} / {}", self.areas[c.area].name, c.contact_type.key())
    }
}

#[cfg(test)]
mod goal_op_tests {
    use super::GoalOp;

    #[test]
    fn a_value_within_1e_9_of_its_target_meets_it_on_the_allowed_side_only() {
        assert!(GoalOp::AtMost.met(0.7000000000000001, 0.7));
        assert!(GoalOp::AtLeast.met(0.7 - 1e-12, 0.7));
        assert!(!GoalOp::AtLeast.met(0.7 - 1e-8, 0.7));
        assert!(!GoalOp::AtMost.met(0.7 + 1e-8, 0.7));
        assert!(GoalOp::AtLeast.met(0.0, 0.0));
        assert!(!GoalOp::AtLeast.met(f64::NAN, 0.5));
        assert!(!GoalOp::AtMost.met(f64::NAN, 0.5));
    }
}
