//! The two macros the text tables in [`super::texts`] are written with.
//!
//! `text_table!` turns
//!
//! ```text
//! text_table! {
//!     /// Words of the charts.
//!     pub enum TextChart {
//!         Year: "År" / "Year",
//!     }
//! }
//! ```
//!
//! into an enum `TextChart` with one variant per text and
//! `TextChart::Year.get(lang)`. A text without both its Danish and its
//! English side does not compile.
//!
//! `template_table!` turns
//!
//! ```text
//! template_table! {
//!     /// "Besparelse i 2015".
//!     pub fn savings_in_year(year: i32) = "Besparelse i {year}" / "Savings in {year}";
//! }
//! ```
//!
//! into `fn savings_in_year(lang: Lang, year: i32) -> String`; the
//! placeholders are checked by `format!` against the arguments.

/// Defines enums of fixed texts, each variant with its Danish and English
/// text, plus `all_texts()` (for the tests) over every text of the file.
macro_rules! text_table {
    ($(
        $(#[$doc:meta])*
        pub enum $name:ident {
            $( $(#[$vdoc:meta])* $variant:ident: $da:literal / $en:literal, )*
        }
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum $name {
                $( $(#[$vdoc])* $variant, )*
            }

            impl $name {
                /// Every text of this table, in table order.
                pub const ALL: &'static [$name] = &[$($name::$variant),*];

                /// The text in `lang`.
                pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                    let [da, en] = self.both();
                    match lang {
                        $crate::i18n::Lang::Da => da,
                        $crate::i18n::Lang::En => en,
                    }
                }

                /// The Danish and the English text.
                pub fn both(self) -> [&'static str; 2] {
                    match self {
                        $( $name::$variant => [$da, $en], )*
                    }
                }
            }
        )*

        /// Every text of this file with its name, for the tests.
        #[cfg(test)]
        pub(super) fn all_texts() -> Vec<(&'static str, [&'static str; 2])> {
            vec![$($( (concat!(stringify!($name), "::", stringify!($variant)), [$da, $en]), )*)*]
        }
    };
}

/// Defines functions that fill a Danish or an English `format!` template
/// with their arguments, plus `all_templates()` (for the tests).
macro_rules! template_table {
    ($(
        $(#[$doc:meta])*
        pub fn $fn:ident($($arg:ident: $ty:ty),* $(,)?) = $da:literal / $en:literal;
    )*) => {
        $(
            $(#[$doc])*
            // A sentence may hold many numbers, each a named placeholder.
            #[allow(clippy::too_many_arguments)]
            pub fn $fn(lang: $crate::i18n::Lang, $($arg: $ty),*) -> String {
                match lang {
                    $crate::i18n::Lang::Da => format!($da),
                    $crate::i18n::Lang::En => format!($en),
                }
            }
        )*

        /// Every template of this file with its name, for the tests.
        #[cfg(test)]
        pub(super) fn all_templates() -> Vec<(&'static str, [&'static str; 2])> {
            vec![$( (stringify!($fn), [$da, $en]), )*]
        }
    };
}

pub(crate) use template_table;
pub(crate) use text_table;
