//! Names: months and weekdays (in calendar order: `ALL[0]` is January or
//! Monday).

use crate::i18n::table::text_table;

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
}
