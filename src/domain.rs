//! The vocabulary of channel shift: channels, contact types, months.
//!
//! These are the words of the KOMHEN 2.0 count method (see DOMAIN.md), kept in
//! one place so the scenario format, the model and the reports agree on them.

use std::fmt;

use crate::i18n::{ChannelName, Lang};

/// A way a citizen contacts the municipality (inbound).
///
/// The order is fixed: it is the column order of every per-channel array in
/// the engine and of every per-channel table in the outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// Web self-service form that completes a transaction (SLVBTJN).
    SelfService,
    /// Information found on the website (WEB).
    Website,
    /// Phone (TLFIND).
    Phone,
    /// Personal attendance at the counter (PRSNLG).
    Personal,
    /// Paper mail in (PPRIND).
    Letter,
    /// E-mail in (EMLIND).
    Email,
    /// Digital Post in (DOCIND).
    DigitalPostIn,
    /// Chat.
    Chat,
    /// SMS in (SMSIND).
    Sms,
}

/// Number of channels; the length of per-channel arrays.
pub const N_CHANNELS: usize = 9;

impl Channel {
    /// Every channel in array order.
    pub const ALL: [Channel; N_CHANNELS] = [
        Channel::SelfService,
        Channel::Website,
        Channel::Phone,
        Channel::Personal,
        Channel::Letter,
        Channel::Email,
        Channel::DigitalPostIn,
        Channel::Chat,
        Channel::Sms,
    ];

    /// The key used in scenario files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Channel::SelfService => "self_service",
            Channel::Website => "website",
            Channel::Phone => "phone",
            Channel::Personal => "personal",
            Channel::Letter => "letter",
            Channel::Email => "email",
            Channel::DigitalPostIn => "digital_post_in",
            Channel::Chat => "chat",
            Channel::Sms => "sms",
        }
    }

    /// The channel's name for charts and reports ("Personligt fremmøde").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::SelfService => ChannelName::SelfService,
            Channel::Website => ChannelName::Website,
            Channel::Phone => ChannelName::Phone,
            Channel::Personal => ChannelName::Personal,
            Channel::Letter => ChannelName::Letter,
            Channel::Email => ChannelName::Email,
            Channel::DigitalPostIn => ChannelName::DigitalPostIn,
            Channel::Chat => ChannelName::Chat,
            Channel::Sms => ChannelName::Sms,
        }
        .get(lang)
    }

    /// Parses a scenario key; `counter` is accepted for `personal`.
    pub fn from_key(key: &str) -> Option<Channel> {
        if key == "counter" {
            return Some(Channel::Personal);
        }
        Channel::ALL.iter().copied().find(|c| c.key() == key)
    }

    /// Index into per-channel arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Channels that can be the digital target of a contact type: shifting a
    /// contact to the counter or the phone is not channel shift.
    pub fn can_be_digital_target(self) -> bool {
        matches!(
            self,
            Channel::SelfService
                | Channel::Website
                | Channel::DigitalPostIn
                | Channel::Chat
                | Channel::Sms
        )
    }

    /// The list of keys, for error messages.
    pub fn all_keys() -> String {
        Channel::ALL
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What a contact is about (KOMHEN 2.0): it decides the digital target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactType {
    /// Create a case or change its status (applications, notifications).
    Transaction,
    /// General information: opening hours, rates, procedures.
    Information,
    /// Status of an existing case.
    CaseInformation,
}

/// Number of contact types.
pub const N_TYPES: usize = 3;

impl ContactType {
    /// Every type in array order.
    pub const ALL: [ContactType; N_TYPES] = [
        ContactType::Transaction,
        ContactType::Information,
        ContactType::CaseInformation,
    ];

    /// The key used in scenario files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            ContactType::Transaction => "transaction",
            ContactType::Information => "information",
            ContactType::CaseInformation => "case_information",
        }
    }

    /// Parses a scenario key.
    pub fn from_key(key: &str) -> Option<ContactType> {
        ContactType::ALL.iter().copied().find(|c| c.key() == key)
    }

    /// The default digital target (MODEL.md section 4): self-service for
    /// transactions and case information, the website for information.
    pub fn default_digital_channel(self) -> Channel {
        match self {
            ContactType::Information => Channel::Website,
            _ => Channel::SelfService,
        }
    }

    /// Index into per-type arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A calendar month, the engine's time step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    /// Calendar year, e.g. 2012.
    pub year: i32,
    /// 1 = January ... 12 = December.
    pub month: u32,
}

impl YearMonth {
    /// Parses `"2012-03"` (or `"2012"`, meaning January).
    pub fn parse(text: &str) -> Option<YearMonth> {
        let t = text.trim();
        let (y, m) = match t.split_once('-') {
            Some((y, m)) => (y, m),
            None => (t, "1"),
        };
        let year: i32 = y.trim().parse().ok()?;
        let month: u32 = m.trim().parse().ok()?;
        if !(1..=12).contains(&month) || !(1900..=2200).contains(&year) {
            return None;
        }
        Some(YearMonth { year, month })
    }

    /// Months since January of `base_year` (0 = January of the base year).
    pub fn index_from(self, base_year: i32) -> i64 {
        (self.year - base_year) as i64 * 12 + (self.month as i64 - 1)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_keys_round_trip_and_index_in_order() {
        for (i, c) in Channel::ALL.iter().enumerate() {
            assert_eq!(Channel::from_key(c.key()), Some(*c));
            assert_eq!(c.index(), i);
        }
        assert_eq!(Channel::from_key("counter"), Some(Channel::Personal));
        assert_eq!(Channel::from_key("fax"), None);
    }

    #[test]
    fn year_month_parses_and_counts_months() {
        let m = YearMonth::parse("2014-11").unwrap();
        assert_eq!(
            m,
            YearMonth {
                year: 2014,
                month: 11
            }
        );
        assert_eq!(m.index_from(2011), 46);
        assert_eq!(YearMonth::parse("2012").unwrap().index_from(2011), 12);
        assert!(YearMonth::parse("2012-13").is_none());
        assert!(YearMonth::parse("soon").is_none());
        assert_eq!(m.to_string(), "2014-11");
    }
}

/// A channel opening hours act on: the counter (the personal channel) or
/// the phone. Keys of inputs and metrics spell them `counter` and `phone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OpeningChannel {
    Counter,
    Phone,
}

impl OpeningChannel {
    /// Both, in the order of per-opening-channel arrays.
    pub const ALL: [OpeningChannel; 2] = [OpeningChannel::Counter, OpeningChannel::Phone];

    /// The key in scenario files, input keys and metric names.
    pub fn key(self) -> &'static str {
        match self {
            OpeningChannel::Counter => "counter",
            OpeningChannel::Phone => "phone",
        }
    }

    /// Parses `counter` or `phone`.
    pub fn from_key(key: &str) -> Option<OpeningChannel> {
        OpeningChannel::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Index into per-opening-channel arrays (counter 0, phone 1).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The channel at index `i` of a per-opening-channel array.
    ///
    /// # Panics
    ///
    /// If `i` is not 0 or 1.
    pub fn at(i: usize) -> OpeningChannel {
        OpeningChannel::ALL[i]
    }
}

/// Written as its key (`counter`, `phone`) in summary.json.
impl serde::Serialize for OpeningChannel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl fmt::Display for OpeningChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
