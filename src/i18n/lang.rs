//! The output language ([`Lang`]).

use std::fmt;
use std::str::FromStr;

/// Output language. Danish is the default because the results are presented
/// to Danish municipal councils.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// All supported languages, Danish first.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// ISO 639-1 code: "da" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Thousands separator.
    pub fn group_separator(self) -> char {
        match self {
            Lang::Da => '.',
            Lang::En => ',',
        }
    }

    /// Decimal separator.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::Da => ',',
            Lang::En => '.',
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error from parsing a [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError {
    pub input: String,
}

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language {:?}: expected \"da\" (Danish) or \"en\" (English)",
            self.input
        )
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    /// Accepts "da" and "en" (case-insensitive, surrounding blanks ignored).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" => Ok(Lang::Da),
            "en" => Ok(Lang::En),
            _ => Err(ParseLangError {
                input: s.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_lang() {
        assert_eq!("da".parse::<Lang>().unwrap(), Lang::Da);
        assert_eq!(" EN ".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!(Lang::default(), Lang::Da);
        let err = "de".parse::<Lang>().unwrap_err();
        assert!(err.to_string().contains("\"de\""));
        assert!(err.to_string().contains("\"da\""));
        assert_eq!(Lang::En.to_string(), "en");
    }
}
