//! Language selection, number formatting and every user-facing text.
//!
//! Everything a councillor or a finance officer reads goes through this
//! module so that charts, terminal tables, HTML and Excel output agree on how
//! a number looks and what a thing is called:
//!
//! - [`Lang`] (`lang.rs`): Danish, the default, or English.
//! - Numbers (`number.rs`): Danish writes `1.234.567,5`, English
//!   `1,234,567.5`; amounts in kroner and millions, percentages.
//! - Month and weekday names (`calendar.rs`).
//! - The texts (`texts/`): one table with every Danish text next to its
//!   English, by area (charts, report, terminal, workbook, names, and
//!   words shared by several). A fixed text is a variant of a table enum,
//!   `TextChart::Year.get(lang)`; a text with numbers or names in it is a
//!   template function, `based_on_trials(lang, &n)`. See `texts/mod.rs` for
//!   how to add one.

mod calendar;
mod lang;
mod number;
mod table;
mod texts;

pub use calendar::*;
pub use lang::*;
pub use number::*;
pub use texts::*;

/// A name as it reads inside a sentence: "Borgere med NemID" -> "borgere
/// med NemID", "Personligt fremmøde" -> "personligt fremmøde". Only the
/// first letter is lowered, and not at all where the name begins with a
/// proper name: a first word with a capital after its first letter ("SMS",
/// "NemID") or followed by a capitalised word ("Digital Post (ind)").
pub fn in_sentence(name: &str) -> String {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("");
    let acronym = first.chars().skip(1).any(char::is_uppercase);
    let two_word_name = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if !acronym && !two_word_name => c.to_lowercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod in_sentence_tests {
    use super::*;

    /// Proper names keep their capitals inside a sentence (NemID, Digital
    /// Post, SMS); common words start lower case.
    #[test]
    fn proper_names_keep_their_capitals() {
        for (name, expected) in [
            ("Borgere med NemID", "borgere med NemID"),
            (
                "Borgere tilmeldt Digital Post",
                "borgere tilmeldt Digital Post",
            ),
            ("Citizens with NemID", "citizens with NemID"),
            ("Citizens on Digital Post", "citizens on Digital Post"),
            ("Digital Post (ind)", "Digital Post (ind)"),
            (
                "Udgående post (Digital Post)",
                "udgående post (Digital Post)",
            ),
            ("Personligt fremmøde", "personligt fremmøde"),
            ("E-mail", "e-mail"),
            ("SMS", "SMS"),
            ("NemID", "NemID"),
            ("", ""),
        ] {
            assert_eq!(in_sentence(name), expected, "{name}");
        }
    }
}
