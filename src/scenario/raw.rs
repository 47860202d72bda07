//! The scenario file exactly as written: serde types mirroring the TOML.
//!
//! Every table denies unknown keys, so a typo is an error at its line rather
//! than a silently ignored setting. Values that need a location in later
//! validation errors are wrapped in [`Spanned`]. Turning these into the
//! checked [`crate::scenario::Scenario`] happens in `build.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::distribution::Distribution;

/// A number or distribution with its place in the file.
pub type Num = Spanned<Distribution>;
/// Channel key -> number or distribution (shares, prices). The key keeps
/// its place in the file, so that a misspelt channel is pointed out at the
/// key, not at its value.
pub type ChannelMap = BTreeMap<Spanned<String>, Num>;

/// One scenario file (possibly extending another).
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// Path of the base scenario this file overrides, relative to this file.
    pub extends: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<String>,
    pub horizon: Option<Spanned<RawHorizon>>,
    pub simulation: Option<Spanned<RawSimulation>>,
    pub population: Option<Spanned<RawPopulation>>,
    pub economics: Option<Spanned<RawEconomics>>,
    pub prices: Option<Spanned<ChannelMap>>,
    pub defaults: Option<Spanned<RawDefaults>>,
    pub areas: Option<Vec<Spanned<RawArea>>>,
    pub departments: Option<Vec<Spanned<RawDepartment>>>,
    pub displacement: Option<Spanned<RawDisplacement>>,
    pub proposal: Option<Spanned<RawProposal>>,
    /// Named proposals that `[proposal] combine` may combine.
    pub proposals: Option<Vec<Spanned<RawProposal>>>,
    pub outbound_mail: Option<Spanned<RawOutbound>>,
    pub events: Option<Vec<Spanned<RawEvent>>>,
    pub goals: Option<Vec<Spanned<RawGoal>>>,
    pub noise: Option<Spanned<RawNoise>>,
    pub correlations: Option<Vec<Spanned<RawCorrelation>>>,
    /// Citizens' digital capabilities (NemID, Digital Post, self-service use).
    pub citizens: Option<Spanned<RawCitizens>>,
    /// Completion of started self-service.
    pub completion: Option<Spanned<RawCompletion>>,
    /// Self-service solutions and their launches.
    pub solutions: Option<Vec<Spanned<RawSolution>>>,
    /// The period in which the written channel mix was observed.
    pub calibration: Option<Spanned<RawCalibration>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCalibration {
    /// First month of the period the mix was observed in ("YYYY-MM").
    pub mix_observed_from: Spanned<String>,
    /// Last month (default: the first).
    pub mix_observed_to: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawHorizon {
    pub base_year: Spanned<i64>,
    pub end_year: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawSimulation {
    pub trials: Option<Spanned<i64>>,
    pub seed: Option<Spanned<i64>>,
    pub sampling: Option<Spanned<String>>,
    /// "copula" (default) or "iman-conover".
    pub correlation: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawPopulation {
    pub base: Option<Num>,
    pub growth: Option<Num>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawEconomics {
    pub discount_rate: Option<Num>,
    pub price_index: Option<Num>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawAdoptionLeaf {
    pub p: Option<Num>,
    pub q: Option<Num>,
    pub ceiling: Option<Num>,
}

/// Bass parameters for all types, with optional per-type overrides.
#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawAdoption {
    pub p: Option<Num>,
    pub q: Option<Num>,
    pub ceiling: Option<Num>,
    pub transaction: Option<Spanned<RawAdoptionLeaf>>,
    pub information: Option<Spanned<RawAdoptionLeaf>>,
    pub case_information: Option<Spanned<RawAdoptionLeaf>>,
}

/// Per contact type: the channel shares of that type.
#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawMix {
    pub transaction: Option<Spanned<ChannelMap>>,
    pub information: Option<Spanned<ChannelMap>>,
    pub case_information: Option<Spanned<ChannelMap>>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawTypeSplit {
    pub transaction: Option<Num>,
    pub information: Option<Num>,
    pub case_information: Option<Num>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDigitalChannel {
    pub transaction: Option<Spanned<String>>,
    pub information: Option<Spanned<String>>,
    pub case_information: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    pub type_split: Option<Spanned<RawTypeSplit>>,
    pub mix: Option<Spanned<RawMix>>,
    pub adoption: Option<Spanned<RawAdoption>>,
    pub digital_channel: Option<Spanned<RawDigitalChannel>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub name: Spanned<String>,
    pub department: Option<Spanned<String>>,
    /// Contacts a year at the base population.
    pub volume: Option<Num>,
    /// Contacts a year per 1,000 citizens.
    pub volume_per_1000: Option<Num>,
    /// Twelve month factors averaging 1.
    pub season: Option<Spanned<Vec<f64>>>,
    pub type_split: Option<Spanned<RawTypeSplit>>,
    pub mix: Option<Spanned<RawMix>>,
    pub adoption: Option<Spanned<RawAdoption>>,
    pub digital_channel: Option<Spanned<RawDigitalChannel>>,
    /// Unit prices that differ in this area, per channel.
    pub prices: Option<Spanned<ChannelMap>>,
    /// Overrides the department's displacement fractions for this area.
    pub displacement: Option<Spanned<RawDisplacement>>,
    /// Completion rates of started self-service in this area.
    pub completion: Option<Spanned<RawCompletionRates>>,
    pub note: Option<String>,
}

/// A schedule as text (`"Mon-Wed 9-15; Thu 9-18.30"`) or as a day table.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum RawSchedule {
    Text(String),
    Days(BTreeMap<String, StringOrList>),
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum StringOrList {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawChannelSchedules {
    pub counter: Option<Spanned<RawSchedule>>,
    pub phone: Option<Spanned<RawSchedule>>,
    /// In a proposal: the month this department's new hours start (default:
    /// the proposal's `start`); `counter_start` / `phone_start` per channel.
    pub start: Option<Spanned<String>>,
    pub counter_start: Option<Spanned<String>>,
    pub phone_start: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawOpenHourCost {
    pub counter: Option<Num>,
    pub phone: Option<Num>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawStaffing {
    /// Average handling time per contact, seconds.
    pub aht_seconds: Num,
    /// Share answered within `answer_within_seconds` (e.g. 0.8).
    pub service_level: Spanned<f64>,
    pub answer_within_seconds: Spanned<f64>,
    pub hourly_wage_kr: Num,
    /// Share of paid time not available for contacts (breaks, training).
    pub shrinkage: Num,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawStaffingByChannel {
    pub counter: Option<Spanned<RawStaffing>>,
    pub phone: Option<Spanned<RawStaffing>>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDemandProfiles {
    /// Schedule text -> weight (1 elsewhere).
    pub counter: Option<Spanned<BTreeMap<String, f64>>>,
    pub phone: Option<Spanned<BTreeMap<String, f64>>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawDepartment {
    pub name: Spanned<String>,
    pub label: Option<String>,
    /// Today's opening hours.
    pub hours: Option<Spanned<RawChannelSchedules>>,
    pub open_hour_cost_kr: Option<Spanned<RawOpenHourCost>>,
    pub staffing: Option<Spanned<RawStaffingByChannel>>,
    pub demand_profile: Option<Spanned<RawDemandProfiles>>,
    /// Overrides the scenario-wide `[displacement]` for this department.
    pub displacement: Option<Spanned<RawDisplacement>>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDisplacementFractions {
    pub retime: Option<Num>,
    pub to_digital: Option<Num>,
    pub to_phone: Option<Num>,
}

#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDisplacement {
    pub counter: Option<Spanned<RawDisplacementFractions>>,
    pub phone: Option<Spanned<RawDisplacementFractions>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub start: Spanned<String>,
    /// Department name -> new hours per channel.
    pub hours: Option<Spanned<BTreeMap<String, Spanned<RawChannelSchedules>>>>,
    /// In `[proposal]`: names of `[[proposals]]` whose hours it adds.
    pub combine: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawOutbound {
    pub letters_per_year: Num,
    pub digital_share: Option<Num>,
    pub price_letter_kr: Num,
    pub price_digital_post_kr: Num,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub name: Spanned<String>,
    pub kind: Spanned<String>,
    pub description: Option<String>,
    pub start: Spanned<String>,
    pub end: Option<Spanned<String>>,
    pub areas: Option<Spanned<Vec<String>>>,
    pub types: Option<Spanned<Vec<String>>>,
    pub cost_one_off_kr: Option<Num>,
    pub cost_monthly_kr: Option<Num>,
    pub cost_by_year_kr: Option<Spanned<BTreeMap<String, Num>>>,
    pub p_add: Option<Num>,
    pub q_add: Option<Num>,
    pub ceiling_add: Option<Num>,
    pub floor: Option<Num>,
    pub exemption: Option<Num>,
    pub ramp_months: Option<Spanned<i64>>,
    pub close_channel: Option<Spanned<String>>,
    pub close_to: Option<Spanned<ChannelMap>>,
    pub digital_post_exemption: Option<Num>,
    pub digital_post_ramp_months: Option<Spanned<i64>>,
    pub shift_channel: Option<Spanned<String>>,
    pub shift_share: Option<Num>,
    pub shift_to: Option<Spanned<ChannelMap>>,
    pub price_channel: Option<Spanned<String>>,
    pub price_kr: Option<Num>,
    pub price_factor: Option<Num>,
    pub volume_factor: Option<Num>,
    /// Added to the completion rate of started self-service in the event's cells.
    pub completion_add: Option<Num>,
    /// Effects on citizens' capabilities.
    pub citizens: Option<Spanned<RawCitizenEffects>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    pub name: Spanned<String>,
    pub metric: Spanned<String>,
    pub channels: Option<Spanned<Vec<String>>>,
    pub areas: Option<Spanned<Vec<String>>>,
    pub types: Option<Spanned<Vec<String>>>,
    pub op: Spanned<String>,
    pub target: Option<Spanned<f64>>,
    pub year: Option<Spanned<i64>>,
    pub from_year: Option<Spanned<i64>>,
    pub targets: Option<Spanned<BTreeMap<String, f64>>>,
    /// "year" (over the whole year, default) or "year_end" (December).
    pub at: Option<Spanned<String>>,
    /// For metric "citizens": nemid, digital_post or self_service.
    pub capability: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawNoise {
    /// Relative standard deviation of each area's monthly volume.
    pub volume_relative_sd: Spanned<f64>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCorrelation {
    /// Two input keys as `check` lists them, e.g. `prices.personal`.
    pub inputs: Spanned<Vec<String>>,
    pub rank_correlation: Spanned<f64>,
}

/// `[citizens]`: one diffusion per capability the scenario tracks.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCitizens {
    pub nemid: Option<Spanned<RawCapability>>,
    pub digital_post: Option<Spanned<RawCapability>>,
    pub self_service: Option<Spanned<RawCapability>>,
}

/// `[citizens.<capability>]`: the share of adult citizens with it.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCapability {
    /// Share of adult citizens with the capability in January of the base year.
    pub today: Num,
    pub p: Num,
    pub q: Num,
    pub ceiling: Num,
    /// Digital Post only: outbound letters go digital in proportion to registration.
    pub drives_outbound: Option<Spanned<bool>>,
    /// Contact types whose self-service share cannot exceed this capability's share.
    pub limits_self_service: Option<Spanned<Vec<String>>>,
}

/// `[events.citizens]`: an event's effects per capability.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCitizenEffects {
    pub nemid: Option<Spanned<RawCapabilityEffect>>,
    pub digital_post: Option<Spanned<RawCapabilityEffect>>,
    pub self_service: Option<Spanned<RawCapabilityEffect>>,
}

/// What an event does to one capability while it is active.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCapabilityEffect {
    pub p_add: Option<Num>,
    pub q_add: Option<Num>,
    pub ceiling_add: Option<Num>,
    pub floor: Option<Num>,
    pub exemption: Option<Num>,
    pub ramp_months: Option<Spanned<i64>>,
}

/// Completion rates: one for every type, or per contact type.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCompletionRates {
    pub rate: Option<Num>,
    pub transaction: Option<Num>,
    pub information: Option<Num>,
    pub case_information: Option<Num>,
}

/// `[completion]`: started self-service that is not completed.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCompletion {
    pub rate: Option<Num>,
    pub transaction: Option<Num>,
    pub information: Option<Num>,
    pub case_information: Option<Num>,
    /// Share of abandoned attempts that come back through another channel.
    pub comes_back: Option<Num>,
    /// Handling cost of an abandoned attempt (default: the digital channel's price).
    pub abandoned_price_kr: Option<Num>,
}

/// `[[solutions]]`: a self-service solution for some areas and types.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawSolution {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub areas: Option<Spanned<Vec<String>>>,
    pub types: Option<Spanned<Vec<String>>>,
    /// Month it goes live; absent: live before the horizon starts.
    pub launch: Option<Spanned<String>>,
    /// Uncertain delay of the launch, whole months.
    pub delay_months: Option<Num>,
    /// How many solutions this entry stands for (a batch launched together).
    pub count: Option<Spanned<i64>>,
}
