//! Parsers of the numeric flags that say what is wrong in plain words:
//! `--trials must be a whole number of at least 1, got -5` instead of the
//! argument parser's "expected i64" or "to pass '-5' as a value, use '-- -5'".
//!
//! Each flag that takes a number is declared with `allow_negative_numbers`
//! (so that `-5` reaches its parser as a value) and one of these parsers;
//! [`plain_message`] finds their [`FlagError`] in a parse error, and `main`
//! prints it alone with exit code 2.

use std::fmt;

/// A flag's value that is not what the flag takes, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagError(pub String);

impl fmt::Display for FlagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FlagError {}

/// A parser of a whole number of at least `min` for `flag`.
pub fn whole<T>(
    flag: &'static str,
    min: u64,
) -> impl Fn(&str) -> Result<T, FlagError> + Clone + Send + Sync + 'static
where
    T: TryFrom<u64> + Send + Sync + Clone + 'static,
{
    move |text: &str| parse_whole(flag, min, text)
}

/// `text` as a whole number of at least `min` that fits `T`.
pub fn parse_whole<T: TryFrom<u64>>(flag: &str, min: u64, text: &str) -> Result<T, FlagError> {
    let t = text.trim();
    let wrong = || {
        let what = if min == 0 {
            "a whole number, 0 or more".to_string()
        } else {
            format!("a whole number of at least {min}")
        };
        FlagError(format!("{flag} must be {what}, got {}", shown(text)))
    };
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(wrong());
    }
    let too_large = || FlagError(format!("{flag} {t} is too large a number"));
    let n: u64 = t.parse().map_err(|_| too_large())?;
    if n < min {
        return Err(wrong());
    }
    T::try_from(n).map_err(|_| too_large())
}

/// A parser of a calendar year for `flag`.
pub fn year(flag: &'static str) -> impl Fn(&str) -> Result<i32, FlagError> + Clone + Send + Sync {
    move |text: &str| {
        let t = text.trim();
        t.parse::<i32>()
            .ok()
            .filter(|y| (1..=9999).contains(y) && t.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                FlagError(format!(
                    "{flag} must be a year such as 2015, got {}",
                    shown(text)
                ))
            })
    }
}

/// The value as the user typed it, quoted when it is empty or has spaces.
fn shown(text: &str) -> String {
    let clean = crate::export::sanitize::clean_text(text);
    if clean.is_empty() || clean.contains(' ') {
        format!("\"{clean}\"")
    } else {
        clean.into_owned()
    }
}

/// The plain message of a parse error caused by one of these parsers, or of
/// a flag given without its value.
pub fn plain_message(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use std::error::Error;
    if let Some(f) = e.source().and_then(|s| s.downcast_ref::<FlagError>()) {
        return Some(f.to_string());
    }
    let empty =
        matches!(e.get(ContextKind::InvalidValue), Some(ContextValue::String(v)) if v.is_empty());
    match (e.kind(), e.get(ContextKind::InvalidArg)) {
        (ErrorKind::InvalidValue, Some(ContextValue::String(arg))) if empty => {
            let flag = arg.split(' ').next().unwrap_or(arg);
            Some(format!(
                "{flag} needs a value after it, e.g. {}",
                example(flag)
            ))
        }
        _ => None,
    }
}

/// An example of a flag with its value.
fn example(flag: &str) -> String {
    let value = match flag {
        "--trials" | "-n" | "--batch" | "--xlsx-trials" => "10000",
        "--max-trials" => "1000000",
        "--seed" | "-s" => "2011",
        "--threads" | "-j" => "2",
        "--precision" => "1%",
        "--sensitivity-year" => "2015",
        "--lang" => "da",
        "--out" | "-o" => "out",
        _ => "VALUE",
    };
    format!("{flag} {value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_explained() {
        let p = |t: &str| parse_whole::<u64>("--trials", 1, t);
        assert_eq!(p("200"), Ok(200));
        assert_eq!(p(" 7 "), Ok(7));
        let msg = |t: &str| p(t).unwrap_err().0;
        assert_eq!(
            msg("-5"),
            "--trials must be a whole number of at least 1, got -5"
        );
        assert_eq!(
            msg("abc"),
            "--trials must be a whole number of at least 1, got abc"
        );
        assert_eq!(
            msg("0"),
            "--trials must be a whole number of at least 1, got 0"
        );
        assert_eq!(
            msg("1.5"),
            "--trials must be a whole number of at least 1, got 1.5"
        );
        assert_eq!(
            msg(""),
            "--trials must be a whole number of at least 1, got \"\""
        );
        assert_eq!(
            msg("99999999999999999999999"),
            "--trials 99999999999999999999999 is too large a number"
        );
        assert_eq!(parse_whole::<u64>("--seed", 0, "0"), Ok(0));
        assert_eq!(
            parse_whole::<u64>("--seed", 0, "-1").unwrap_err().0,
            "--seed must be a whole number, 0 or more, got -1"
        );
    }

    #[test]
    fn years_are_explained() {
        let y = year("--sensitivity-year");
        assert_eq!(y("2015"), Ok(2015));
        assert_eq!(
            y("-2015").unwrap_err().0,
            "--sensitivity-year must be a year such as 2015, got -2015"
        );
    }
}
