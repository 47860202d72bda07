//! The forecasting model of MODEL.md: Bass adoption, routing of contacts,
//! opening hours, events, costs and goals for one trial.

pub mod bass;
pub mod breakdown;
pub mod calibration;
pub mod citizens;
pub mod layout;
pub mod monthly;
pub mod plan;
pub mod trial;
