//! `summary.json`: the stable machine-readable result (docs/outputs.md).

use super::Exporter;
use crate::summary::RunSummary;

/// Writes the whole [`RunSummary`] as pretty JSON.
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn file_name(&self) -> &'static str {
        "summary.json"
    }

    fn render(&self, summary: &RunSummary) -> anyhow::Result<Vec<u8>> {
        let mut v = serde_json::to_vec_pretty(summary)?;
        v.push(b'\n');
        Ok(v)
    }
}
