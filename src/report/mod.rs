//! What people look at: the report, the charts and the text around them.
//!
//! Everything here is a function of computed summaries ([`RunSummary`],
//! [`Comparison`]), never of raw trials, as in criterion.rs. Which files
//! are written is the list in [`crate::export::registry`] (the charts:
//! [`chart_list`]).
//!
//! [`RunSummary`]: crate::summary::RunSummary
//! [`Comparison`]: crate::comparison::Comparison

pub mod backtest;
pub mod breakdown_html;
pub mod chart_data;
pub mod chart_list;
pub mod html;
pub mod input_label;
