//! Number formatting in the language's style: Danish (the default) writes
//! `1.234.567,5`, English writes `1,234,567.5`.
//!
//! Rounding: numbers are rounded *half away from zero* on the exact binary
//! value of the `f64`. A value such as `2.675` is stored as
//! `2.67499999999999982236431605997495353221893310546875`, so with two
//! decimals it prints `2,67` (it is not a tie); a value that is exactly a tie
//! in binary, such as `0.5`, `2.5` or `0.125`, rounds away from zero (`1`,
//! `3`, `0,13`). Negative numbers carry an ASCII minus sign (`-1.234`) and a
//! result that rounds to zero never shows a sign (`-0.001` with two decimals
//! prints `0,00`).

use super::{Lang, TextCommon};

/// Formats `x` with `decimals` decimals, thousands separators and the
/// language's decimal separator: Danish `1.234.567,5`, English `1,234,567.5`.
///
/// Rounds half away from zero on the exact binary value (see the module
/// documentation: `2.675` with 2 decimals gives `2,67`, `0.125` gives
/// `0,13`). Never prints `-0`. NaN prints as `–` (an en dash, "no value"),
/// infinities as `∞` / `-∞`.
pub fn format_number(x: f64, decimals: usize, lang: Lang) -> String {
    if x.is_nan() {
        return "–".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let digits = round_half_away(x.abs(), decimals);
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let nonzero = digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if x < 0.0 && nonzero {
        out.push('-');
    }
    push_grouped(&mut out, int_part, lang.group_separator());
    if let Some(f) = frac_part {
        out.push(lang.decimal_separator());
        out.push_str(f);
    }
    out
}

/// `x >= 0`, finite. Plain decimal digits with a `.` as decimal point.
fn round_half_away(x: f64, decimals: usize) -> String {
    // Rust's formatter rounds the exact binary value correctly but breaks
    // exact ties to even. A tie at `decimals` is only possible when x has at
    // most `decimals + 1` decimal digits exactly, which for a binary number
    // means `x * 2^(decimals + 1)` is an integer; in that case nudge x one ulp
    // away from zero so the tie is broken upwards.
    let mut v = x;
    if decimals < 1000 {
        let scaled = x * 2f64.powi(decimals as i32 + 1);
        if scaled.is_finite() && scaled.fract() == 0.0 {
            let longer = format!("{:.*}", decimals + 1, x);
            if longer.ends_with('5') {
                v = x.next_up();
            }
        }
    }
    format!("{:.*}", decimals, v)
}

fn push_grouped(out: &mut String, int_digits: &str, sep: char) {
    let n = int_digits.len();
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
}

/// Whole kroner: "1.234.567 kr." / "1,234,567 kr.".
pub fn format_kr(x: f64, lang: Lang) -> String {
    format!("{} kr.", format_number(x, 0, lang))
}

/// Millions of kroner with one decimal: "1,2 mio. kr." / "1.2 m kr.".
pub fn format_mkr(x: f64, lang: Lang) -> String {
    format_mkr_decimals(x, 1, lang)
}

/// Millions of kroner with the given number of decimals.
pub fn format_mkr_decimals(x: f64, decimals: usize, lang: Lang) -> String {
    format!(
        "{} {}",
        format_number(x / 1e6, decimals, lang),
        mkr_unit(lang)
    )
}

/// The unit written after an amount in millions: "mio. kr." / "m kr.".
pub fn mkr_unit(lang: Lang) -> &'static str {
    TextCommon::MillionKr.get(lang)
}

/// An amount for running text and chart annotations: whole kroner below one
/// million ("750.000 kr."), otherwise millions with one decimal, or two below
/// ten million ("1,25 mio. kr.", "12,5 mio. kr.").
///
/// The unit follows the amount as written, not as stored: 9.996.000 kr.
/// would read "10,00 mio. kr." with two decimals, so it is written with
/// one ("10,0 mio. kr."), like every other amount from ten million; and
/// 999.999,7 kr. reads "1,00 mio. kr.", not "1.000.000 kr.".
pub fn format_money(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return format_kr(x, lang);
    }
    MoneyUnit::of([x]).amount(x, lang)
}

/// Below this (in kroner) an amount is written in whole kroner: the
/// largest amount that does not round to 1.000.000 kr.
const MILLION_FROM: f64 = 999_999.5;
/// Below this an amount in millions has two decimals: the largest amount
/// that does not round to "10,00 mio. kr." with two.
const TEN_MILLION_FROM: f64 = 9_995_000.0;

/// The unit [`format_money`] picks for the larger of `amounts`: whole
/// kroner below one million, else millions with two decimals below ten
/// million and one above. Both ends of an interval are written in it, so an
/// interval never mixes units ("-0,64 til 14,4 mio. kr.", not
/// "-643.035 kr. til 14,4 mio. kr.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyUnit {
    /// Decimals of millions; `None` for whole kroner.
    millions: Option<usize>,
}

impl MoneyUnit {
    /// The unit of the largest finite amount of `amounts`.
    pub fn of(amounts: impl IntoIterator<Item = f64>) -> MoneyUnit {
        let a = amounts
            .into_iter()
            .filter(|x| x.is_finite())
            .fold(0.0f64, |m, x| m.max(x.abs()));
        MoneyUnit {
            millions: if a < MILLION_FROM {
                None
            } else if a < TEN_MILLION_FROM {
                Some(2)
            } else {
                Some(1)
            },
        }
    }

    /// Two amounts joined by `joiner` ("til", "og") in this unit, written
    /// once: "1,51 til 2,55 mio. kr.".
    pub fn joined(self, lo: f64, joiner: &str, hi: f64, lang: Lang) -> String {
        format!(
            "{} {joiner} {} {}",
            self.number(lo, lang),
            self.number(hi, lang),
            self.unit(lang)
        )
    }

    /// The number alone: "1,51" (millions) or "643.035" (kroner).
    pub fn number(self, x: f64, lang: Lang) -> String {
        match self.millions {
            None => format_number(x, 0, lang),
            Some(d) => format_number(x / 1e6, d, lang),
        }
    }

    /// True for whole kroner, false for millions.
    pub fn is_kroner(self) -> bool {
        self.millions.is_none()
    }

    /// "kr." or "mio. kr." / "m kr.".
    pub fn unit(self, lang: Lang) -> &'static str {
        match self.millions {
            None => "kr.",
            Some(_) => mkr_unit(lang),
        }
    }

    /// The amount with its unit: "1,51 mio. kr.".
    pub fn amount(self, x: f64, lang: Lang) -> String {
        format!("{} {}", self.number(x, lang), self.unit(lang))
    }
}

/// Two amounts in one unit (the unit [`format_money`] picks for the larger):
/// `format_money_pair(-643_035.0, 14.4e6, Da)` = ("-0,6 mio. kr.", "14,4 mio. kr.").
pub fn format_money_pair(a: f64, b: f64, lang: Lang) -> (String, String) {
    let u = MoneyUnit::of([a, b]);
    (u.amount(a, lang), u.amount(b, lang))
}

/// An interval with its unit written once: "1,51 til 2,55 mio. kr." /
/// "1.51 to 2.55 m kr."; both ends in the unit of the larger
/// ([`MoneyUnit`]).
pub fn format_money_range(lo: f64, hi: f64, lang: Lang) -> String {
    format_money_joined(lo, TextCommon::To.get(lang), hi, lang)
}

/// Two amounts joined by `joiner` ("til", "og") with the unit written once,
/// both in the unit of the larger ([`MoneyUnit`]).
pub fn format_money_joined(lo: f64, joiner: &str, hi: f64, lang: Lang) -> String {
    MoneyUnit::of([lo, hi]).joined(lo, joiner, hi, lang)
}

/// A median and its interval in one unit, the unit of the largest of the
/// three ([`MoneyUnit`]), so that a figure and its range never differ in
/// precision ("9,87 mio. kr." beside "8,1 til 12,2 mio. kr." reads as if
/// they were different quantities): `("9,87 mio. kr.", "8,10 til 12,20
/// mio. kr.")` becomes `("9,9 mio. kr.", "8,1 til 12,2 mio. kr.")`.
pub fn format_money_with_range(median: f64, lo: f64, hi: f64, lang: Lang) -> (String, String) {
    let u = MoneyUnit::of([lo, median, hi]);
    (
        u.amount(median, lang),
        u.joined(lo, TextCommon::To.get(lang), hi, lang),
    )
}

/// An amount rounded to `sig` significant digits (at least whole kroner),
/// in whole kroner below one million and in millions above:
/// `format_money_sig(918_821.0, 3, Da)` = "919.000 kr.",
/// `format_money_sig(2_345_678.0, 3, Da)` = "2,35 mio. kr.". For chart
/// annotations, where the exact øre would only distract.
pub fn format_money_sig(x: f64, sig: usize, lang: Lang) -> String {
    let a = x.abs();
    if !a.is_finite() || a == 0.0 {
        return format_kr(x, lang);
    }
    let digits = a.log10().floor() as i32 + 1;
    if a < 1e6 {
        let step = 10f64.powi((digits - sig as i32).max(0));
        // Round the kroner first, so that ties follow format_number's rule.
        let kr: f64 = format_number(x / step, 0, Lang::En)
            .replace(',', "")
            .parse()
            .unwrap_or(0.0);
        format_kr(kr * step, lang)
    } else {
        let decimals = (sig as i32 - (digits - 6)).max(0) as usize;
        format_mkr_decimals(x, decimals, lang)
    }
}

/// A share (0.125) as a percentage: "12,5 %" / "12.5 %" (a space before %).
pub fn format_pct(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{} %", format_number(share * 100.0, decimals, lang))
}

/// A probability for a reader who should not be told "100 %" when a few
/// simulations failed: whole percent, but values that would round to 0 % or
/// 100 % without being exactly 0 or 1 print as "< 1 %" and "> 99 %".
pub fn format_probability(p: f64, lang: Lang) -> String {
    if p > 0.0 && p < 0.005 {
        "< 1 %".to_string()
    } else if (0.995..1.0).contains(&p) {
        "> 99 %".to_string()
    } else {
        format_pct(p, 0, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_both_languages() {
        assert_eq!(format_number(1234567.5, 1, Lang::Da), "1.234.567,5");
        assert_eq!(format_number(1234567.5, 1, Lang::En), "1,234,567.5");
        assert_eq!(format_number(999.0, 0, Lang::Da), "999");
        assert_eq!(format_number(1000.0, 0, Lang::Da), "1.000");
        assert_eq!(format_number(100000.0, 2, Lang::En), "100,000.00");
        assert_eq!(format_number(12.0, 3, Lang::Da), "12,000");
    }

    #[test]
    fn negatives() {
        assert_eq!(format_number(-1234.0, 0, Lang::Da), "-1.234");
        assert_eq!(format_number(-1234.4, 0, Lang::En), "-1,234");
        assert_eq!(format_number(-0.5, 0, Lang::Da), "-1");
        assert_eq!(format_number(-999999.96, 1, Lang::Da), "-1.000.000,0");
        assert_eq!(format_kr(-610_000.0, Lang::Da), "-610.000 kr.");
    }

    #[test]
    fn zero_and_negative_zero() {
        assert_eq!(format_number(0.0, 0, Lang::Da), "0");
        assert_eq!(format_number(-0.0, 0, Lang::Da), "0");
        assert_eq!(format_number(-0.0, 2, Lang::En), "0.00");
        assert_eq!(format_number(-0.001, 2, Lang::Da), "0,00");
        assert_eq!(format_number(-0.4, 0, Lang::En), "0");
        assert_eq!(format_pct(0.0, 1, Lang::Da), "0,0 %");
    }

    #[test]
    fn rounding_half_away_from_zero() {
        assert_eq!(format_number(0.5, 0, Lang::Da), "1");
        assert_eq!(format_number(1.5, 0, Lang::Da), "2");
        assert_eq!(format_number(2.5, 0, Lang::Da), "3");
        assert_eq!(format_number(-2.5, 0, Lang::Da), "-3");
        assert_eq!(format_number(0.125, 2, Lang::En), "0.13");
        assert_eq!(format_number(0.375, 2, Lang::En), "0.38");
        assert_eq!(format_number(1234.5, 0, Lang::Da), "1.235");
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875:
        // not a tie, so it rounds down.
        assert_eq!(format_number(2.675, 2, Lang::Da), "2,67");
        // 1.005 is stored slightly below 1.005 as well.
        assert_eq!(format_number(1.005, 2, Lang::En), "1.00");
        assert_eq!(format_number(0.49999999999999994, 0, Lang::Da), "0");
        assert_eq!(format_number(9.999, 2, Lang::Da), "10,00");
    }

    #[test]
    fn large_values() {
        assert_eq!(format_number(1e15, 0, Lang::Da), "1.000.000.000.000.000");
        assert_eq!(
            format_number(123456789012.0, 0, Lang::En),
            "123,456,789,012"
        );
        assert_eq!(
            format_number(2f64.powi(60), 0, Lang::Da),
            "1.152.921.504.606.846.976"
        );
        assert_eq!(format_number(f64::NAN, 0, Lang::Da), "–");
        assert_eq!(format_number(f64::INFINITY, 0, Lang::Da), "∞");
        assert_eq!(format_number(f64::NEG_INFINITY, 0, Lang::En), "-∞");
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(format_kr(1234567.0, Lang::Da), "1.234.567 kr.");
        assert_eq!(format_kr(1234567.0, Lang::En), "1,234,567 kr.");
        assert_eq!(format_kr(535_428.57, Lang::Da), "535.429 kr.");
        assert_eq!(format_mkr(1_234_567.0, Lang::Da), "1,2 mio. kr.");
        assert_eq!(format_mkr(1_234_567.0, Lang::En), "1.2 m kr.");
        assert_eq!(format_mkr(-12_250_000.0, Lang::Da), "-12,3 mio. kr.");
        assert_eq!(format_mkr(0.0, Lang::Da), "0,0 mio. kr.");
        assert_eq!(format_money(74_571.43, Lang::Da), "74.571 kr.");
        assert_eq!(format_money(5_000_000.0, Lang::Da), "5,00 mio. kr.");
        assert_eq!(format_money(25_000_000.0, Lang::En), "25.0 m kr.");
        // The unit of the amount as written: never "10,00" or "1.000.000 kr.".
        assert_eq!(format_money(9_996_000.0, Lang::Da), "10,0 mio. kr.");
        assert_eq!(format_money(9_994_999.0, Lang::En), "9.99 m kr.");
        assert_eq!(format_money(999_999.7, Lang::Da), "1,00 mio. kr.");
        assert_eq!(format_money(999_999.4, Lang::En), "999,999 kr.");
        assert_eq!(
            format_money_with_range(9_870_000.0, 8_100_000.0, 12_200_000.0, Lang::Da),
            (
                "9,9 mio. kr.".to_string(),
                "8,1 til 12,2 mio. kr.".to_string()
            )
        );
        assert_eq!(
            format_money_with_range(1_910_000.0, 1_510_000.0, 2_550_000.0, Lang::En),
            ("1.91 m kr.".to_string(), "1.51 to 2.55 m kr.".to_string())
        );
        assert_eq!(format_money_sig(918_821.0, 3, Lang::Da), "919.000 kr.");
        assert_eq!(format_money_sig(74_571.43, 3, Lang::En), "74,600 kr.");
        assert_eq!(format_money_sig(-120_000.0, 3, Lang::Da), "-120.000 kr.");
        assert_eq!(format_money_sig(999.4, 3, Lang::Da), "999 kr.");
        assert_eq!(format_money_sig(2_345_678.0, 3, Lang::Da), "2,35 mio. kr.");
        assert_eq!(format_money_sig(23_456_789.0, 3, Lang::En), "23.5 m kr.");
        assert_eq!(format_money_sig(0.0, 3, Lang::Da), "0 kr.");
        // One unit within an interval: the unit of the larger end.
        assert_eq!(
            format_money_pair(-643_035.0, 14_400_000.0, Lang::Da),
            ("-0,6 mio. kr.".to_string(), "14,4 mio. kr.".to_string())
        );
        assert_eq!(
            format_money_range(-643_035.0, 14_400_000.0, Lang::Da),
            "-0,6 til 14,4 mio. kr."
        );
        assert_eq!(
            format_money_range(1_510_000.0, 2_550_000.0, Lang::En),
            "1.51 to 2.55 m kr."
        );
        assert_eq!(
            format_money_range(-250_000.0, 740_000.0, Lang::Da),
            "-250.000 til 740.000 kr."
        );
        assert_eq!(format_pct(0.125, 1, Lang::Da), "12,5 %");
        assert_eq!(format_pct(0.125, 1, Lang::En), "12.5 %");
        assert_eq!(format_pct(0.8, 0, Lang::Da), "80 %");
        assert_eq!(format_pct(-0.05, 0, Lang::En), "-5 %");
        assert_eq!(format_probability(0.999, Lang::Da), "> 99 %");
        assert_eq!(format_probability(1.0, Lang::Da), "100 %");
        assert_eq!(format_probability(0.001, Lang::En), "< 1 %");
        assert_eq!(format_probability(0.0, Lang::En), "0 %");
        assert_eq!(format_probability(0.875, Lang::En), "88 %");
    }
}
