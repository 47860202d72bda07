//! Month and weekday names; the names themselves are in the text table
//! ([`super::texts::names`]).

use super::{DayName, DayShort, Lang, MonthName, MonthShort};

fn month_index(month: u32) -> usize {
    assert!(
        (1..=12).contains(&month),
        "month must be 1..=12, got {month}"
    );
    (month - 1) as usize
}

fn day_index(weekday: usize) -> usize {
    assert!(
        weekday < 7,
        "weekday must be 0 (Monday) ..= 6 (Sunday), got {weekday}"
    );
    weekday
}

/// Full month name, `month` 1 = January: "januar" / "January".
/// Panics if `month` is not in 1..=12.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let i = month_index(month);
    MonthName::ALL[i].get(lang)
}

/// Short month name, `month` 1 = January: "jan." / "Jan".
/// Panics if `month` is not in 1..=12.
pub fn month_short(month: u32, lang: Lang) -> &'static str {
    let i = month_index(month);
    MonthShort::ALL[i].get(lang)
}

/// Full weekday name, 0 = Monday ... 6 = Sunday: "mandag" / "Monday".
/// Panics if `weekday > 6`.
pub fn weekday_name(weekday: usize, lang: Lang) -> &'static str {
    let i = day_index(weekday);
    DayName::ALL[i].get(lang)
}

/// Short weekday name, 0 = Monday ... 6 = Sunday: "man" / "Mon".
/// Panics if `weekday > 6`.
pub fn weekday_short(weekday: usize, lang: Lang) -> &'static str {
    let i = day_index(weekday);
    DayShort::ALL[i].get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(month_name(1, Lang::Da), "januar");
        assert_eq!(month_name(12, Lang::En), "December");
        assert_eq!(month_short(5, Lang::Da), "maj");
        assert_eq!(month_short(10, Lang::Da), "okt.");
        assert_eq!(month_short(10, Lang::En), "Oct");
        assert_eq!(weekday_short(0, Lang::Da), "man");
        assert_eq!(weekday_short(5, Lang::Da), "lør");
        assert_eq!(weekday_short(6, Lang::En), "Sun");
        assert_eq!(weekday_name(3, Lang::Da), "torsdag");
    }

    #[test]
    #[should_panic(expected = "month must be 1..=12")]
    fn month_out_of_range() {
        month_name(13, Lang::Da);
    }
}
