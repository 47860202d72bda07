//! Export formats: one module per format behind one trait ([`Exporter`]),
//! one list of the files ([`registry`]) and one manager that writes them
//! ([`ExportManager`]), as hyperfine does.
//!
//! Every file is written whole or not at all by [`write_atomic`]: bytes go
//! to a temporary file in the same directory, which is then renamed into
//! place. A whole run's files are staged and swapped in together
//! ([`outdir`]).

pub mod breakdown_csv;
pub mod comparison_xlsx;
pub mod csv;
pub mod json;
pub mod manager;
pub mod monthly_files;
pub mod outdir;
pub mod registry;
pub mod sanitize;
pub mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use manager::ExportManager;
pub use registry::{OutputFile, Request, Results};

/// A way of rendering one output file from what a command computed. Which
/// files a command writes, and under which names, is the list in
/// [`registry`]; [`ExportManager`] renders and writes them.
pub trait Exporter {
    /// The file's bytes.
    fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>>;
}

/// A file that could not be written: which file, what was being done, and
/// the system's reason in words (e.g. "No space left on device").
#[derive(Debug)]
pub struct WriteError {
    /// The file (or directory) concerned.
    pub path: PathBuf,
    /// What was being done, e.g. "cannot write".
    pub action: &'static str,
    pub source: std::io::Error,
}

impl WriteError {
    pub fn new(path: &Path, action: &'static str, source: std::io::Error) -> Self {
        WriteError {
            path: path.to_path_buf(),
            action,
            source,
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.action,
            self.path.display(),
            describe_io(&self.source)
        )
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// An I/O error in words, with a hint for the usual causes.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let hint = match e.kind() {
        K::StorageFull => " (the disk is full: free some space or choose another --out)",
        K::PermissionDenied => " (no permission to write there)",
        K::ReadOnlyFilesystem => " (the file system is read-only)",
        K::IsADirectory => " (a directory of that name is in the way)",
        _ => "",
    };
    format!("{e}{hint}")
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file in the
/// same directory (named `.<name>.tmp-XXXXXX`), flushed to disk with fsync,
/// then renamed over `path` ([`tempfile::NamedTempFile::persist`]). On any
/// failure the temporary file is removed and the error names `path`.
/// Creates missing parent directories. Every output file goes through here.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| WriteError::new(dir, "cannot create output directory", e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.tmp-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // Like File::create: 0666 less the umask (tempfile's default is 0600).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| WriteError::new(path, "cannot create a temporary file for", e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| WriteError::new(path, "cannot write", e))?;
    tmp.persist(path)
        .map_err(|e| WriteError::new(path, "cannot write", e.error))?;
    Ok(())
}

/// True for a temporary file name this tool creates while writing
/// (`.<name>.tmp-XXXX`, and `.<stem>.<pid>-<n>.tmp.png|svg` of earlier
/// versions): left behind only when a run was killed, removed by the next
/// run into the same directory.
pub fn is_temp_name(name: &str) -> bool {
    temp_base(name).is_some()
}

/// The file a temporary file was for: `summary.json` for
/// `.summary.json.tmp-a1B2c3`, `cost-fan.png` for `.cost-fan.4242-7.tmp.png`.
pub fn temp_base(name: &str) -> Option<String> {
    let rest = name.strip_prefix('.')?;
    if let Some((base, suffix)) = rest.rsplit_once(".tmp-") {
        let ok = !base.is_empty()
            && !suffix.is_empty()
            && suffix.chars().all(|c| c.is_ascii_alphanumeric());
        return ok.then(|| base.to_string());
    }
    for ext in ["png", "svg"] {
        if let Some(base) = rest.strip_suffix(&format!(".tmp.{ext}")) {
            let (stem, counter) = base.rsplit_once('.')?;
            let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
            let (pid, n) = counter.split_once('-')?;
            return (digits(pid) && digits(n) && !stem.is_empty()).then(|| format!("{stem}.{ext}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names() {
        assert!(is_temp_name(".summary.json.tmp-12345"));
        assert!(is_temp_name(".summary.json.tmp-a1B2c3"));
        assert!(is_temp_name(".cost-fan.4242-7.tmp.png"));
        assert!(is_temp_name(".book.xlsx.tmp-Xy12Zq"));
        assert!(!is_temp_name("summary.json.tmp-1"));
        assert!(!is_temp_name(".summary.json"));
        assert!(!is_temp_name(".notes.tmp-draft.txt"));
        assert!(!is_temp_name(".cost-fan.tmp.png"));
        assert_eq!(
            temp_base(".cost-fan.4242-7.tmp.svg").as_deref(),
            Some("cost-fan.svg")
        );
        assert_eq!(
            temp_base(".years.csv.tmp-QwErTy").as_deref(),
            Some("years.csv")
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("a.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[test]
    fn write_error_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should go.
        let p = dir.path().join("taken");
        std::fs::create_dir_all(p.join("inner")).unwrap();
        let e = write_atomic(&p, b"x").unwrap_err().to_string();
        assert!(e.starts_with("cannot write "), "{e}");
        assert!(e.contains("taken"), "{e}");
        // Nothing is left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, vec!["taken".to_string()]);
    }
}
