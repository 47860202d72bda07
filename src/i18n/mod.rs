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
