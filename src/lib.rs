//! channelshift: a Monte Carlo engine for channel-shift business cases.
//!
//! Municipalities move citizens' contacts from the counter, phone and letters
//! to web self-service and Digital Post. This crate reads a scenario (TOML),
//! draws every uncertain input once per trial, projects costs, savings and
//! goal attainment month by month through the end year (MODEL.md), and
//! summarises thousands of trials into tables, JSON, CSV and charts.
//!
//! Layout: [`scenario`] (the file format and its checks), [`model`] (one
//! trial), [`engine`] (parallel trials), [`stats`] (summaries),
//! [`summary`] (what a run reports), [`export`] (JSON, CSV, Excel),
//! [`charts`] and [`report`] (what people look at), [`cli`] (the commands).

pub mod attribution;
pub mod backtest;
pub mod breakdown;
pub mod charts;
pub mod cli;
pub mod comparison;
pub mod correlation;
pub mod distribution;
pub mod domain;
pub mod engine;
pub mod error;
pub mod export;
pub mod fuzz;
pub mod goal_text;
pub mod hours;
pub mod i18n;
pub mod input_key;
pub mod metric_key;
pub mod model;
pub mod monthly;
pub mod quantile_table;
pub mod report;
pub mod sampling;
pub mod scenario;
pub mod sensitivity;
pub mod series_key;
pub mod stats;
pub mod stream;
pub mod summary;
pub mod text_table;
