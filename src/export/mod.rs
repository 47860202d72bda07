//! Export formats: one module per format behind one trait, as hyperfine does.
//!
//! Every file is written whole or not at all: bytes go to a temporary file
//! in the same directory, which is then renamed into place.

pub mod csv;
pub mod json;
pub mod sanitize;
pub mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::summary::RunSummary;

/// A way of writing a run's summary to a file.
pub trait Exporter {
    /// File name inside the output directory, e.g. `summary.json`.
    fn file_name(&self) -> &'static str;
    /// The file's bytes.
    fn render(&self, summary: &RunSummary) -> anyhow::Result<Vec<u8>>;
}

/// The exporters `run` uses.
pub fn default_exporters() -> Vec<Box<dyn Exporter>> {
    vec![
        Box::new(json::JsonExporter),
        Box::new(csv::YearsCsvExporter),
        Box::new(csv::GoalsCsvExporter),
    ]
}

/// Writes every exporter's file into `dir`; returns the paths written.
pub fn export_all(
    summary: &RunSummary,
    dir: &Path,
    exporters: &[Box<dyn Exporter>],
) -> anyhow::Result<Vec<PathBuf>> {
    // Render everything first, so a failure leaves no file behind.
    let rendered: Vec<(PathBuf, Vec<u8>)> = exporters
        .iter()
        .map(|e| Ok((dir.join(e.file_name()), e.render(summary)?)))
        .collect::<anyhow::Result<_>>()?;
    let mut written = Vec::new();
    for (path, bytes) in rendered {
        write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes `bytes` to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create output directory {}: {e}", dir.display()))?;
    let tmp = temp_path(path);
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        anyhow::bail!("cannot write {}: {e}", path.display());
    }
    Ok(())
}

/// A temporary sibling of `path` (same directory, so rename is atomic).
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}
