//! Names: months and weekdays (in calendar order: `ALL[0]` is January or
//! Monday).

use crate::i18n::table::{template_table, text_table};

text_table! {
    /// Month names, January first.
    pub enum MonthName {
        January: "januar" / "January",
        February: "februar" / "February",
        March: "marts" / "March",
        April: "april" / "April",
        May: "maj" / "May",
        June: "juni" / "June",
        July: "juli" / "July",
        August: "august" / "August",
        September: "september" / "September",
        October: "oktober" / "October",
        November: "november" / "November",
        December: "december" / "December",
    }

    /// Short month names, January first.
    pub enum MonthShort {
        January: "jan." / "Jan",
        February: "feb." / "Feb",
        March: "mar." / "Mar",
        April: "apr." / "Apr",
        May: "maj" / "May",
        June: "jun." / "Jun",
        July: "jul." / "Jul",
        August: "aug." / "Aug",
        September: "sep." / "Sep",
        October: "okt." / "Oct",
        November: "nov." / "Nov",
        December: "dec." / "Dec",
    }

    /// Weekday names, Monday first.
    pub enum DayName {
        Monday: "mandag" / "Monday",
        Tuesday: "tirsdag" / "Tuesday",
        Wednesday: "onsdag" / "Wednesday",
        Thursday: "torsdag" / "Thursday",
        Friday: "fredag" / "Friday",
        Saturday: "lørdag" / "Saturday",
        Sunday: "søndag" / "Sunday",
    }

    /// Short weekday names, Monday first.
    pub enum DayShort {
        Monday: "man" / "Mon",
        Tuesday: "tir" / "Tue",
        Wednesday: "ons" / "Wed",
        Thursday: "tor" / "Thu",
        Friday: "fre" / "Fri",
        Saturday: "lør" / "Sat",
        Sunday: "søn" / "Sun",
    }

    /// Channels, in `Channel::ALL` order.
    pub enum ChannelName {
        SelfService: "Selvbetjening" / "Self-service",
        Website: "Hjemmeside" / "Website",
        Phone: "Telefon" / "Phone",
        Personal: "Personligt fremmøde" / "Personal attendance",
        Letter: "Brev" / "Letter",
        Email: "E-mail" / "E-mail",
        DigitalPostIn: "Digital Post (ind)" / "Digital Post (in)",
        Chat: "Chat" / "Chat",
        Sms: "SMS" / "SMS",
    }

    /// The channels opening hours apply to (staffed or open).
    pub enum OpeningChannelName {
        Counter: "Skranke" / "Counter",
        Phone: "Telefon" / "Phone",
    }

    /// Contact types (KOMHEN 2.0), as the breakdown tables name them.
    pub enum ContactTypeName {
        Transaction: "Transaktion (sagsoprettelse)" / "Transaction",
        Information: "Generel information" / "Information",
        CaseInformation: "Sagsinformation" / "Case information",
    }

    /// The two paths every trial computes.
    pub enum PathName {
        StatusQuo: "status quo" / "status quo",
        Scenario: "scenarie" / "scenario",
    }

    /// Where the savings come from (`SavingsSource`).
    pub enum SourceName {
        OpeningHours: "Færre åbne timer eller medarbejdere" / "Fewer open hours or staff",
        ChannelShift: "Henvendelser i billigere kanaler" / "Contacts handled in cheaper channels",
        AvoidedContacts: "Henvendelser der bliver væk" / "Contacts avoided (citizens gave up)",
        Initiatives:
            "Initiativernes egne udgifter (+ = indtægt)"
            / "The initiatives' own costs (+ = income)",
        OutboundMail: "Udgående post (Digital Post)" / "Outbound mail (Digital Post)",
    }

    /// Citizens' digital capabilities (`Capability`).
    pub enum CapabilityName {
        NemId: "Borgere med NemID" / "Citizens with NemID",
        DigitalPost: "Borgere tilmeldt Digital Post" / "Citizens on Digital Post",
        SelfService: "Borgere der bruger selvbetjening" / "Citizens using self-service",
    }
}

template_table! {
    // Names with a name in them
    /// An attribution row of the proposal: its opening hours.
    pub fn proposal_hours(event: &str) = "Åbningstider: {event}" / "Opening hours: {event}";
}
