//! TEMP
use std::path::{Path, PathBuf};
use crate::comparison::Comparison;
use crate::error::Error;
use crate::i18n::Lang;
use crate::summary::RunSummary;
pub fn run_charts(_s: &RunSummary, _d: &Path, _l: Lang) -> Result<Vec<PathBuf>, Error> { Ok(vec![]) }
pub fn comparison_charts(_c: &Comparison, _s: &[RunSummary], _d: &Path, _l: Lang) -> Result<Vec<PathBuf>, Error> { Ok(vec![]) }
