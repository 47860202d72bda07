//! Typed names of the scenario's numbers (uncertain inputs and fixed values
//! alike). Validation builds an [`InputKey`] once, where it reads the value;
//! presentation code labels it by matching on the variant instead of
//! splitting a dotted string.
//!
//! The dotted name ([`fmt::Display`], [`InputKey::as_stream_key`]) is the
//! key of the input's random stream and its name in summary.json, the CSV
//! files, the workbook and `[[correlations]]`: it must not change, or the
//! draws would. [`InputKey::parse`] reads it back.

mod parse;
#[cfg(test)]
mod tests;

use std::fmt;

use crate::domain::{Channel, ContactType, OpeningChannel};
use crate::scenario::Capability;

/// What a scenario number is, with the names of the department, area,
/// event or solution it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InputKey {
    /// `prices.<channel>`: the scenario-wide unit price of a channel.
    Price(Channel),
    /// `population.base`: citizens in the base year.
    PopulationBase,
    /// `population.growth`: population growth per year.
    PopulationGrowth,
    /// `economics.discount_rate`.
    DiscountRate,
    /// `economics.price_index`.
    PriceIndex,
    /// `outbound_mail.<field>`.
    Outbound(OutboundField),
    /// `departments.<department>.open_hour_cost_kr.<channel>`.
    OpenHourCost {
        department: String,
        channel: OpeningChannel,
    },
    /// `departments.<department>.staffing.<channel>.<field>`.
    Staffing {
        department: String,
        channel: OpeningChannel,
        field: StaffingField,
    },
    /// `[<owner>.]displacement.<channel>.<share>`: where contacts displaced
    /// by shorter hours go.
    Displacement {
        owner: DisplacementOwner,
        channel: OpeningChannel,
        share: DisplacedShare,
    },
    /// `areas.<area>.volume` (contacts a year) or
    /// `areas.<area>.volume_per_1000` (per 1,000 citizens).
    AreaVolume { area: String, per_1000: bool },
    /// `areas.<area>.prices.<channel>`: an area's own unit price.
    AreaPrice { area: String, channel: Channel },
    /// `<scope>.type_split.<type>`: a contact type's share of the area.
    TypeSplit {
        scope: Scope,
        contact_type: ContactType,
    },
    /// `<scope>.mix.<type>.<channel>`: a channel's share of a contact type.
    Mix {
        scope: Scope,
        contact_type: ContactType,
        channel: Channel,
    },
    /// `<scope>.adoption[.<type>].<p|q|ceiling>`: a Bass parameter, for
    /// every contact type or for one.
    Adoption {
        scope: Scope,
        contact_type: Option<ContactType>,
        param: BassParam,
    },
    /// `citizens.<capability>.<today|p|q|ceiling>`.
    Citizens {
        capability: Capability,
        param: CitizenParam,
    },
    /// `[areas.<area>.]completion.<rate|type>`: the completion rate of
    /// started self-service, common (`rate`) or of one contact type.
    CompletionRate {
        area: Option<String>,
        contact_type: Option<ContactType>,
    },
    /// `completion.comes_back`: abandoned attempts that come back.
    CompletionComesBack,
    /// `completion.abandoned_price_kr`: the price of an abandoned attempt.
    CompletionAbandonedPrice,
    /// `solutions.<solution>.delay_months`.
    SolutionDelay { solution: String },
    /// `events.<event>.<param>`.
    Event { event: String, param: EventParam },
}

/// A field of `[outbound_mail]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboundField {
    LettersPerYear,
    DigitalShare,
    PriceLetterKr,
    PriceDigitalPostKr,
}

/// A field of a department's staffing of a channel (Erlang C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffingField {
    AhtSeconds,
    HourlyWageKr,
    Shrinkage,
}

/// Whose displacement fractions: the scenario's `[displacement]`, a
/// department's or an area's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DisplacementOwner {
    Scenario,
    Department(String),
    Area(String),
}

/// Where a share of displaced contacts goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DisplacedShare {
    Retime,
    ToDigital,
    ToPhone,
}

/// Where a channel mix, type split or adoption is written: `[defaults]` or
/// an area.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    Defaults,
    Area(String),
}

/// A Bass diffusion parameter: innovation p, imitation q, the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BassParam {
    P,
    Q,
    Ceiling,
}

/// A number of `[citizens.<capability>]`: today's share or a Bass parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitizenParam {
    Today,
    Bass(BassParam),
}

/// An addition an event makes to a Bass diffusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BassAdd {
    PAdd,
    QAdd,
    CeilingAdd,
}

/// How a law's floor is written: the floor itself, or the exempted share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FloorField {
    Floor,
    Exemption,
}

/// Which list of target channels: a closed channel's or a partial shift's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetList {
    CloseTo,
    ShiftTo,
}

/// A channel as the scenario spelled it where the spelling is part of the
/// key (`close_to`, `shift_to`): `counter` names the personal channel too,
/// and the key keeps the written word so that the random stream stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpelledChannel {
    pub channel: Channel,
    /// Written `counter` (the personal channel) instead of its key.
    pub as_counter: bool,
}

impl SpelledChannel {
    /// The channel written as `word`, if `word` names one.
    pub fn from_written(word: &str) -> Option<SpelledChannel> {
        Channel::from_key(word).map(|channel| SpelledChannel {
            channel,
            as_counter: word == "counter",
        })
    }

    /// The word as written.
    pub fn as_str(self) -> &'static str {
        if self.as_counter {
            "counter"
        } else {
            self.channel.key()
        }
    }
}

/// A number of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventParam {
    CostOneOffKr,
    CostMonthlyKr,
    /// `cost_by_year_kr.<year>`.
    CostInYearKr(i32),
    Add(BassAdd),
    Floor(FloorField),
    DigitalPostExemption,
    ShiftShare,
    /// `close_to.<channel>` or `shift_to.<channel>`.
    Target {
        list: TargetList,
        channel: SpelledChannel,
    },
    PriceKr,
    PriceFactor,
    VolumeFactor,
    CompletionAdd,
    /// `citizens.<capability>.<effect>`.
    Citizens {
        capability: Capability,
        effect: CitizenEffect,
    },
}

/// What an event does to a citizens' capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitizenEffect {
    Add(BassAdd),
    Floor(FloorField),
}

impl InputKey {
    /// The key of the input's random stream: the dotted name, unchanged
    /// since keys were strings.
    pub fn as_stream_key(&self) -> String {
        self.to_string()
    }

    /// The key written as `name` ([`InputKey::parse`]).
    ///
    /// Names of departments, areas, events and solutions may hold dots, so
    /// the name is read from its end: a name that itself ends like a key
    /// (an event called `X.citizens.nemid`) reads as the shorter name.
    pub fn parse(name: &str) -> Option<InputKey> {
        parse::parse(name)
    }

    /// An event's number.
    pub fn event(event: &str, param: EventParam) -> InputKey {
        InputKey::Event {
            event: event.to_string(),
            param,
        }
    }
}

impl OutboundField {
    pub const ALL: [OutboundField; 4] = [
        OutboundField::LettersPerYear,
        OutboundField::DigitalShare,
        OutboundField::PriceLetterKr,
        OutboundField::PriceDigitalPostKr,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OutboundField::LettersPerYear => "letters_per_year",
            OutboundField::DigitalShare => "digital_share",
            OutboundField::PriceLetterKr => "price_letter_kr",
            OutboundField::PriceDigitalPostKr => "price_digital_post_kr",
        }
    }
}

impl StaffingField {
    pub const ALL: [StaffingField; 3] = [
        StaffingField::AhtSeconds,
        StaffingField::HourlyWageKr,
        StaffingField::Shrinkage,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StaffingField::AhtSeconds => "aht_seconds",
            StaffingField::HourlyWageKr => "hourly_wage_kr",
            StaffingField::Shrinkage => "shrinkage",
        }
    }
}

impl DisplacedShare {
    pub const ALL: [DisplacedShare; 3] = [
        DisplacedShare::Retime,
        DisplacedShare::ToDigital,
        DisplacedShare::ToPhone,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DisplacedShare::Retime => "retime",
            DisplacedShare::ToDigital => "to_digital",
            DisplacedShare::ToPhone => "to_phone",
        }
    }
}

impl BassParam {
    pub const ALL: [BassParam; 3] = [BassParam::P, BassParam::Q, BassParam::Ceiling];

    pub fn key(self) -> &'static str {
        match self {
            BassParam::P => "p",
            BassParam::Q => "q",
            BassParam::Ceiling => "ceiling",
        }
    }
}

impl CitizenParam {
    pub fn key(self) -> &'static str {
        match self {
            CitizenParam::Today => "today",
            CitizenParam::Bass(b) => b.key(),
        }
    }
}

impl BassAdd {
    pub const ALL: [BassAdd; 3] = [BassAdd::PAdd, BassAdd::QAdd, BassAdd::CeilingAdd];

    pub fn key(self) -> &'static str {
        match self {
            BassAdd::PAdd => "p_add",
            BassAdd::QAdd => "q_add",
            BassAdd::CeilingAdd => "ceiling_add",
        }
    }
}

impl FloorField {
    pub const ALL: [FloorField; 2] = [FloorField::Floor, FloorField::Exemption];

    pub fn key(self) -> &'static str {
        match self {
            FloorField::Floor => "floor",
            FloorField::Exemption => "exemption",
        }
    }
}

impl TargetList {
    pub const ALL: [TargetList; 2] = [TargetList::CloseTo, TargetList::ShiftTo];

    pub fn key(self) -> &'static str {
        match self {
            TargetList::CloseTo => "close_to",
            TargetList::ShiftTo => "shift_to",
        }
    }
}

impl CitizenEffect {
    pub fn key(self) -> &'static str {
        match self {
            CitizenEffect::Add(a) => a.key(),
            CitizenEffect::Floor(f) => f.key(),
        }
    }
}

impl EventParam {
    /// The part after `events.<event>.`; a year or channel follows for
    /// [`EventParam::CostInYearKr`] and [`EventParam::Target`], a capability
    /// and effect for [`EventParam::Citizens`] (see the `Display` of
    /// [`InputKey`]).
    pub fn key(self) -> &'static str {
        match self {
            EventParam::CostOneOffKr => "cost_one_off_kr",
            EventParam::CostMonthlyKr => "cost_monthly_kr",
            EventParam::CostInYearKr(_) => "cost_by_year_kr",
            EventParam::Add(a) => a.key(),
            EventParam::Floor(f) => f.key(),
            EventParam::DigitalPostExemption => "digital_post_exemption",
            EventParam::ShiftShare => "shift_share",
            EventParam::Target { list, .. } => list.key(),
            EventParam::PriceKr => "price_kr",
            EventParam::PriceFactor => "price_factor",
            EventParam::VolumeFactor => "volume_factor",
            EventParam::CompletionAdd => "completion_add",
            EventParam::Citizens { .. } => "citizens",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Defaults => f.write_str("defaults"),
            Scope::Area(a) => write!(f, "areas.{a}"),
        }
    }
}

/// The table the fractions are written in: `displacement`,
/// `departments.<department>.displacement` or `areas.<area>.displacement`.
impl fmt::Display for DisplacementOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DisplacementOwner::Scenario => f.write_str("displacement"),
            DisplacementOwner::Department(d) => write!(f, "departments.{d}.displacement"),
            DisplacementOwner::Area(a) => write!(f, "areas.{a}.displacement"),
        }
    }
}

impl fmt::Display for InputKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputKey::Price(ch) => write!(f, "prices.{}", ch.key()),
            InputKey::PopulationBase => f.write_str("population.base"),
            InputKey::PopulationGrowth => f.write_str("population.growth"),
            InputKey::DiscountRate => f.write_str("economics.discount_rate"),
            InputKey::PriceIndex => f.write_str("economics.price_index"),
            InputKey::Outbound(x) => write!(f, "outbound_mail.{}", x.key()),
            InputKey::OpenHourCost {
                department,
                channel,
            } => write!(f, "departments.{department}.open_hour_cost_kr.{channel}"),
            InputKey::Staffing {
                department,
                channel,
                field,
            } => write!(
                f,
                "departments.{department}.staffing.{channel}.{}",
                field.key()
            ),
            InputKey::Displacement {
                owner,
                channel,
                share,
            } => write!(f, "{owner}.{channel}.{}", share.key()),
            InputKey::AreaVolume { area, per_1000 } => {
                let v = if *per_1000 {
                    "volume_per_1000"
                } else {
                    "volume"
                };
                write!(f, "areas.{area}.{v}")
            }
            InputKey::AreaPrice { area, channel } => {
                write!(f, "areas.{area}.prices.{}", channel.key())
            }
            InputKey::TypeSplit {
                scope,
                contact_type,
            } => write!(f, "{scope}.type_split.{}", contact_type.key()),
            InputKey::Mix {
                scope,
                contact_type,
                channel,
            } => write!(f, "{scope}.mix.{}.{}", contact_type.key(), channel.key()),
            InputKey::Adoption {
                scope,
                contact_type,
                param,
            } => match contact_type {
                Some(t) => write!(f, "{scope}.adoption.{}.{}", t.key(), param.key()),
                None => write!(f, "{scope}.adoption.{}", param.key()),
            },
            InputKey::Citizens { capability, param } => {
                write!(f, "citizens.{}.{}", capability.key(), param.key())
            }
            InputKey::CompletionRate { area, contact_type } => {
                if let Some(a) = area {
                    write!(f, "areas.{a}.")?;
                }
                let which = contact_type.map_or("rate", ContactType::key);
                write!(f, "completion.{which}")
            }
            InputKey::CompletionComesBack => f.write_str("completion.comes_back"),
            InputKey::CompletionAbandonedPrice => f.write_str("completion.abandoned_price_kr"),
            InputKey::SolutionDelay { solution } => {
                write!(f, "solutions.{solution}.delay_months")
            }
            InputKey::Event { event, param } => {
                write!(f, "events.{event}.{}", param.key())?;
                match param {
                    EventParam::CostInYearKr(year) => write!(f, ".{year}"),
                    EventParam::Target { channel, .. } => write!(f, ".{}", channel.as_str()),
                    EventParam::Citizens { capability, effect } => {
                        write!(f, ".{}.{}", capability.key(), effect.key())
                    }
                    _ => Ok(()),
                }
            }
        }
    }
}

/// Ordered as their names, so that tables sorted by key keep their order.
impl Ord for InputKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.to_string().cmp(&other.to_string())
    }
}

impl PartialOrd for InputKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Written as the dotted name, as when keys were strings.
impl serde::Serialize for InputKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
