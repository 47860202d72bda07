//! The JSON files: `summary.json` (the stable machine-readable result,
//! docs/outputs.md), `comparison.json` and `backtest.json`.

use super::{Exporter, Results};

/// `summary.json`: the whole [`crate::summary::RunSummary`] as pretty JSON.
pub struct SummaryJson;

impl Exporter for SummaryJson {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        let mut v = serde_json::to_vec_pretty(results.summary(None)?)?;
        v.push(b'\n');
        Ok(v)
    }
}

/// `comparison.json`: the whole [`crate::comparison::Comparison`].
pub struct ComparisonJson;

impl Exporter for ComparisonJson {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        Ok(serde_json::to_vec_pretty(results.comparison()?.0)?)
    }
}

/// `backtest.json`: the whole [`crate::backtest::Backtest`].
pub struct BacktestJson;

impl Exporter for BacktestJson {
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        Ok(serde_json::to_vec_pretty(results.backtest()?)?)
    }
}
