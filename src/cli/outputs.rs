//! Writing a command's files ([`crate::export::registry`]) with the
//! progress line showing which kind of file is being made.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::export::registry::{Request, Results, Step};
use crate::export::ExportManager;

use super::progress;

/// Renders every file `results`' command writes given `request`, then
/// writes them into `dir` (the chosen workbook at its own path); nothing is
/// written if one cannot be rendered. Returns the paths written.
pub fn write_files(
    results: &Results<'_>,
    request: &Request,
    dir: &Path,
    stage: &progress::Stage,
) -> Result<Vec<PathBuf>, Error> {
    let manager = ExportManager::new(results, request, dir);
    let written = manager.write(results, &mut |step| {
        stage.show(match step {
            Step::Data => progress::Step::WritingFiles,
            Step::Report => progress::Step::WritingReport,
            Step::Workbook => progress::Step::WritingWorkbook,
        })
    })?;
    Ok(written)
}
