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

    /// Units of inputs, as the scenario file writes them in English (`unit_label`).
    pub enum UnitName {
        Kr: "kr." / "kr.",
        Share: "andel" / "share",
        SharePerYear: "andel pr. år" / "share per year",
        PerYear: "pr. år" / "per year",
        Seconds: "sekunder" / "seconds",
        Contacts: "henvendelser" / "contacts",
        Letters: "breve" / "letters",
        Agents: "medarbejdere" / "agents",
        Year: "år" / "year",
        Months: "måneder" / "months",
    }

    /// Words of compound units, translated word by word in this order ("kr. per open hour" -> "kr. pr. åben time").
    pub enum UnitWord {
        Per1000: "pr. 1.000" / "per 1,000",
        Per: "pr." / "per",
        OpenHour: "åben time" / "open hour",
        Contacts: "henvendelser" / "contacts",
        Contact: "henvendelse" / "contact",
        Attempts: "forsøg" / "attempts",
        Attempt: "forsøg" / "attempt",
        Letters: "breve" / "letters",
        Letter: "brev" / "letter",
        Citizens: "borgere" / "citizens",
        Year: "år" / "year",
        Month: "måned" / "month",
        Hour: "time" / "hour",
        Share: "andel" / "share",
        Seconds: "sekunder" / "seconds",
    }

    /// Words of distributions as `Distribution::describe` writes them (`distribution_label`).
    pub enum DistributionWord {
        Uniform: "ligefordeling" / "uniform",
        Triangular: "trekantfordeling" / "triangular",
        Pert: "PERT" / "PERT",
        Normal: "normalfordeling" / "normal",
        LogNormal: "lognormal" / "log-normal",
        Beta: "betafordeling" / "beta",
        Discrete: "diskret" / "discrete",
        Mean: "middel" / "mean",
        Sd: "sd" / "sd",
        Max: "maks." / "max",
        In: "i" / "in",
        On: "på" / "on",
        Values: "værdier" / "values",
    }

    /// Contact types in lower case, as input labels name them.
    pub enum ContactTypeWord {
        Transaction: "transaktion" / "transaction",
        Information: "information" / "information",
        CaseInformation: "sagsinformation" / "case information",
    }

    /// Words of weekly schedules besides the day names (`schedule_label`).
    pub enum ScheduleWord {
        Closed: "lukket" / "closed",
    }
}

template_table! {
    // Names with a name in them
    /// An attribution row of the proposal: its opening hours.
    pub fn proposal_hours(event: &str) = "Åbningstider: {event}" / "Opening hours: {event}";
}
