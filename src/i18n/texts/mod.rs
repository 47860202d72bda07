//! The text table: every user-facing text in Danish and English, side by
//! side, by area.
//!
//! - `common.rs`: words and phrases several outputs share.
//! - `names.rs`: the names of things (months, weekdays, channels, ...).
//! - `charts.rs`, `report.rs`, `terminal.rs`, `workbook.rs`: the texts of
//!   one output.
//!
//! To add a text, add a line `Name: "dansk" / "English",` to the enum of
//! its area and use it as `TextReport::Name.get(lang)`; a text that is
//! missing one of its languages does not compile. A text with numbers or
//! names in it is a line of the area's `template_table!`:
//! `pub fn name(year: i32) = "... {year} ..." / "... {year} ...";`, used as
//! `name(lang, year)`; `format!` checks the placeholders against the
//! arguments. The tests in `tests.rs` check that no text is empty or a
//! placeholder and that no Danish text is left in English by mistake.

mod charts;
mod common;
mod names;
mod report;
mod terminal;
mod workbook;

pub use charts::*;
pub use common::*;
pub use names::*;
pub use report::*;
pub use terminal::*;
pub use workbook::*;

#[cfg(test)]
mod tests;
