//! The output directory of a run: checked before simulating, filled in a
//! staging directory, swapped in whole.
//!
//! A run writes all of its files or none:
//!
//! 1. [`OutputPlan::new`] checks the paths before any simulation: `--out`
//!    must not be a file; `--xlsx` must not be a directory, nor a name the
//!    run itself writes in `--out` (`summary.json`, a chart, ...).
//! 2. [`OutputPlan::stage`] removes what killed runs left behind (staging
//!    directories beside `--out`, temporary `.<name>.tmp-*` files of this
//!    tool's outputs inside it) and creates an empty staging directory
//!    `.<out>.channelshift-staging-<pid>` beside `--out`.
//! 3. Every file is written into the staging directory (each with
//!    [`super::write_atomic`]). A failure, or a kill, before step 4 leaves
//!    `--out` exactly as it was; the staging directory is removed on a
//!    failure and by the next run after a kill.
//! 4. [`Staging::commit`] carries the files in `--out` that this tool did
//!    not write into the staging directory as hard links (the same files,
//!    not copies), then swaps staging and `--out` in one step with Linux'
//!    `renameat2(RENAME_EXCHANGE)` and deletes the old directory. Readers of
//!    `--out` see either the whole old run or the whole new one.
//!
//! When the swap cannot be used — `--out` is or contains the current
//! directory, is a mount point, holds folders (which cannot be hard-linked),
//! holds a file that cannot be hard-linked, or the system is not Linux — the
//! staged files are instead renamed into `--out` one by one: each file is
//! still whole, a late failure still leaves `--out` untouched, but a reader
//! may for a moment see some new files beside old ones. Where the file
//! system does not support `RENAME_EXCHANGE`, `--out` is renamed aside and
//! the staging directory renamed to `--out`: for that moment `--out` is
//! missing rather than half-written.
//!
//! Either way, files of this tool's output names that the new run did not
//! write are gone afterwards (the directory describes one run), and every
//! other file in `--out` is kept.
//!
//! A workbook written into `--out` under a name of the user's choosing
//! (`run --xlsx out/book.xlsx`) is not one of those names. The run lists it
//! in [`CHOSEN_FILES`] in `--out` (name, size and CRC-32 of the bytes), and
//! a later run that does not write it again removes it when it is still the
//! file that list describes; a file the user changed since (saved from
//! Excel, say) or wrote is kept. The list is written only by a run that
//! writes such a file, and removed with the rest of the earlier run.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::registry::is_output_name;
use super::WriteError;
use crate::error::InputError;

/// The list, in `--out`, of the files a run wrote there under names it
/// chose (see the module documentation).
pub const CHOSEN_FILES: &str = ".channelshift-chosen-files";

/// Where the workbook goes.
#[derive(Debug, Clone, PartialEq)]
enum XlsxTarget {
    /// Inside `--out` under this name: written into the staging directory.
    InOut(OsString),
    /// Anywhere else: written in place (atomically) before the swap.
    Elsewhere(PathBuf),
}

/// The checked output paths of a run.
#[derive(Debug, Clone)]
pub struct OutputPlan {
    out: PathBuf,
    xlsx: Option<XlsxTarget>,
}

/// `path` made absolute with its longest existing ancestor canonicalised
/// (symbolic links resolved), so that two spellings of one place compare
/// equal even when the place does not exist yet.
pub fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut p = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                p.pop();
            }
            c => {
                p.push(c);
                if let Ok(real) = fs::canonicalize(&p) {
                    p = real;
                }
            }
        }
    }
    p
}

impl OutputPlan {
    /// Checks `--out` and `--xlsx` before anything is simulated.
    pub fn new(out: &Path, xlsx: Option<&Path>) -> Result<Self, InputError> {
        if out.exists() && !out.is_dir() {
            return Err(InputError::new(format!(
                "--out {} is a file, not a directory",
                out.display()
            ))
            .with_help("give a directory for the results, e.g. --out results"));
        }
        let xlsx = match xlsx {
            None => None,
            Some(x) => Some(Self::check_xlsx(out, x)?),
        };
        Ok(OutputPlan {
            out: out.to_path_buf(),
            xlsx,
        })
    }

    fn check_xlsx(out: &Path, x: &Path) -> Result<XlsxTarget, InputError> {
        let help = format!(
            "give a file name, e.g. --xlsx {}",
            out.join("results.xlsx").display()
        );
        if x.is_dir() {
            return Err(InputError::new(format!(
                "--xlsx {} is a directory, not a file name",
                x.display()
            ))
            .with_help(help));
        }
        let name = match x.file_name() {
            Some(n) if !x.as_os_str().to_string_lossy().ends_with('/') => n.to_os_string(),
            _ => {
                return Err(
                    InputError::new(format!("--xlsx {} has no file name", x.display()))
                        .with_help(help),
                )
            }
        };
        let parent = match x.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if resolve(parent) != resolve(out) {
            return Ok(XlsxTarget::Elsewhere(x.to_path_buf()));
        }
        let text = name.to_string_lossy();
        if is_output_name(&text) || super::is_temp_name(&text) || text == CHOSEN_FILES {
            return Err(InputError::new(format!(
                "--xlsx {} would replace the run's own {text} in --out",
                x.display()
            ))
            .with_help(format!(
                "choose another name, e.g. --xlsx {}",
                out.join("results.xlsx").display()
            )));
        }
        Ok(XlsxTarget::InOut(name))
    }

    /// Removes what killed runs left behind and creates the staging
    /// directory. Call after simulating, right before writing.
    pub fn stage(&self) -> Result<Staging, WriteError> {
        let out = resolve(&self.out);
        // Beside --out when it has a parent (always, except for "/") on the
        // same file system; inside it when --out is a mount point, since
        // files cannot be renamed from one file system to another.
        let (beside, parent) = match (out.parent(), out.file_name()) {
            (Some(p), Some(_)) if !out.is_dir() || same_device(&out, p) => (true, p.to_path_buf()),
            _ => (false, out.clone()),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| WriteError::new(&parent, "cannot create output directory", e))?;
        let prefix = staging_prefix(&out);
        remove_dead_staging(&parent, &prefix);
        let workbook = match &self.xlsx {
            Some(XlsxTarget::InOut(n)) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        };
        let known = Known {
            workbook,
            earlier: earlier_chosen_files(&out),
        };
        remove_temp_files(&out, &|n| known.contains(n));
        let xlsx_path = match &self.xlsx {
            None => None,
            Some(XlsxTarget::InOut(_)) => None,
            Some(XlsxTarget::Elsewhere(p)) => Some(p.clone()),
        };
        if let Some(p) = &xlsx_path {
            if let (Some(dir), Some(name)) = (p.parent(), p.file_name()) {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                let only = name.to_string_lossy().into_owned();
                remove_temp_files(dir, &|n| n == only);
            }
        }
        let dir = parent.join(format!("{prefix}staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| WriteError::new(&dir, "cannot remove old staging directory", e))?;
        }
        fs::create_dir(&dir)
            .map_err(|e| WriteError::new(&dir, "cannot create staging directory", e))?;
        Ok(Staging {
            dir,
            out,
            beside,
            known,
            xlsx: self.xlsx.clone(),
            done: false,
        })
    }
}

/// `.<name of out>.channelshift-`: the start of the staging and backup
/// directories beside `out`.
fn staging_prefix(out: &Path) -> String {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    format!(".{name}.channelshift-")
}

/// True while process `pid` runs (Linux: /proc; elsewhere only our own pid
/// counts as running).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes `<prefix>staging-<pid>` and `<prefix>old-<pid>` directories in
/// `parent` whose process is gone (a run killed mid-way).
fn remove_dead_staging(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix) else {
            continue;
        };
        let pid = rest
            .strip_prefix("staging-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid {
            if !alive(pid) && e.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Removes this tool's temporary files (see [`super::is_temp_name`]) of the
/// file names in `dir` that are `known`.
fn remove_temp_files(dir: &Path, known: &dyn Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(base) = super::temp_base(&name) {
            if known(&base) && e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// The names in `--out` that are this tool's: its outputs (the names and
/// patterns of [`super::registry`], every chart as PNG and SVG), the
/// workbook of this run when `--xlsx` names a file in `--out`, the list of
/// chosen names and the files an earlier run wrote under chosen names that
/// nobody changed since. Such files that a run did not write are from an
/// earlier run and are not kept.
#[derive(Debug)]
struct Known {
    workbook: Option<String>,
    earlier: HashSet<String>,
}

impl Known {
    fn contains(&self, name: &str) -> bool {
        is_output_name(name)
            || self.workbook.as_deref() == Some(name)
            || name == CHOSEN_FILES
            || self.earlier.contains(name)
    }
}

/// One line of [`CHOSEN_FILES`]: `name<TAB>bytes<TAB>crc32` (hexadecimal).
fn chosen_line(name: &str, bytes: &[u8]) -> String {
    format!("{name}\t{}\t{:08x}\n", bytes.len(), crc32fast::hash(bytes))
}

/// The list of chosen names for the files `names` in `dir`.
fn chosen_files_text(dir: &Path, names: &[String]) -> io::Result<String> {
    let mut text = String::from(
        "# Files channelshift wrote here under names the run chose (name, bytes, CRC-32).\n\
         # The next run into this directory removes each one it does not write again,\n\
         # unless the file has changed since.\n",
    );
    for name in names {
        text.push_str(&chosen_line(name, &fs::read(dir.join(name))?));
    }
    Ok(text)
}

/// The files of `out`'s [`CHOSEN_FILES`] that are still as the earlier run
/// wrote them (same size and CRC-32); a missing or unreadable list names
/// none.
fn earlier_chosen_files(out: &Path) -> HashSet<String> {
    let Ok(text) = fs::read_to_string(out.join(CHOSEN_FILES)) else {
        return HashSet::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|name| !name.contains('/') && !name.is_empty())
        .filter(|name| {
            let path = out.join(name);
            path.is_file() && fs::read(&path).is_ok_and(|b| text.contains(&chosen_line(name, &b)))
        })
        .map(str::to_string)
        .collect()
}

/// The staging directory of one run. Dropped without [`Staging::commit`]
/// (an error), it is removed and `--out` is left as it was.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    /// The staging directory is beside `out` (not inside it).
    beside: bool,
    /// Output names of this tool (pruned when not written again).
    known: Known,
    xlsx: Option<XlsxTarget>,
    done: bool,
}

/// How the staged files replace `--out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// `--out` did not exist: the staging directory was renamed to it.
    Created,
    /// Staging and `--out` were swapped in one step.
    Swapped,
    /// `--out` was renamed aside, then staging renamed to `--out`.
    Replaced,
    /// The files were renamed into `--out` one by one.
    FileByFile,
}

impl Staging {
    /// Where the files are written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where to write the workbook (in the staging directory when it goes
    /// into `--out`).
    pub fn xlsx_path(&self) -> Option<PathBuf> {
        match &self.xlsx {
            None => None,
            Some(XlsxTarget::InOut(n)) => Some(self.dir.join(n)),
            Some(XlsxTarget::Elsewhere(p)) => Some(p.clone()),
        }
    }

    /// Puts the staged files into `--out` (see the module documentation) and
    /// returns `written` with staging paths replaced by their final paths.
    pub fn commit(mut self, written: &[PathBuf]) -> Result<(Vec<PathBuf>, Commit), WriteError> {
        let final_paths: Vec<PathBuf> = written
            .iter()
            .map(|p| match (p.parent(), p.file_name()) {
                (Some(d), Some(n)) if d == self.dir => self.out.join(n),
                _ => p.clone(),
            })
            .collect();
        if let Some(XlsxTarget::InOut(name)) = &self.xlsx {
            let names = [name.to_string_lossy().into_owned()];
            let list = self.dir.join(CHOSEN_FILES);
            let text = chosen_files_text(&self.dir, &names)
                .map_err(|e| WriteError::new(&list, "cannot read the workbook back", e))?;
            super::write_atomic(&list, text.as_bytes())?;
        }
        sync_dir(&self.dir);
        let how = self.swap_in()?;
        self.done = true;
        Ok((final_paths, how))
    }

    fn swap_in(&mut self) -> Result<Commit, WriteError> {
        let out = self.out.clone();
        let meta = match fs::symlink_metadata(&out) {
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.beside => {
                rename(&self.dir, &out)?;
                sync_parent(&out);
                return Ok(Commit::Created);
            }
            Err(e) => return Err(WriteError::new(&out, "cannot read output directory", e)),
            Ok(m) => m,
        };
        if self.can_swap(&meta) && self.carry_user_files()? {
            let _ = fs::set_permissions(&self.dir, meta.permissions());
            sync_dir(&self.dir);
            if exchange(&self.dir, &out).is_ok() {
                sync_parent(&out);
                // The old directory is now at the staging path.
                let _ = fs::remove_dir_all(&self.dir);
                return Ok(Commit::Swapped);
            }
            // No RENAME_EXCHANGE here: move the old directory aside first.
            let old = out.with_file_name(format!(
                "{}old-{}",
                staging_prefix(&out),
                std::process::id()
            ));
            rename(&out, &old)?;
            if let Err(e) = rename(&self.dir, &out) {
                let _ = fs::rename(&old, &out);
                return Err(e);
            }
            sync_parent(&out);
            let _ = fs::remove_dir_all(&old);
            return Ok(Commit::Replaced);
        }
        self.file_by_file()?;
        Ok(Commit::FileByFile)
    }

    /// Whether `--out` may be swapped as a whole.
    fn can_swap(&self, meta: &fs::Metadata) -> bool {
        if !cfg!(target_os = "linux") || !self.beside || !meta.is_dir() {
            return false;
        }
        // Swapping the current directory (or one above it) would leave the
        // user's shell in a deleted directory.
        if let Ok(cwd) = std::env::current_dir().and_then(fs::canonicalize) {
            if cwd.starts_with(&self.out) {
                return false;
            }
        }
        same_device(&self.out, self.out.parent().unwrap_or(Path::new("/")))
    }

    /// Hard-links every file in `--out` that this tool did not write (and
    /// that the new run does not replace) into the staging directory.
    /// Returns false (links undone) when `--out` holds a folder or a file
    /// that cannot be linked: then the files are moved one by one.
    fn carry_user_files(&self) -> Result<bool, WriteError> {
        let entries = fs::read_dir(&self.out)
            .map_err(|e| WriteError::new(&self.out, "cannot read output directory", e))?;
        let mut linked = Vec::new();
        let mut ok = true;
        for e in entries {
            let e = e.map_err(|e| WriteError::new(&self.out, "cannot read output directory", e))?;
            let name = e.file_name();
            let text = name.to_string_lossy().into_owned();
            let target = self.dir.join(&name);
            if self.known.contains(&text) || target.exists() {
                continue;
            }
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(true);
            if is_dir || fs::hard_link(e.path(), &target).is_err() {
                ok = false;
                break;
            }
            linked.push(target);
        }
        if !ok {
            for l in linked {
                let _ = fs::remove_file(l);
            }
        }
        Ok(ok)
    }

    /// Renames every staged file into `--out`, then removes this tool's
    /// files there that were not written again.
    fn file_by_file(&self) -> Result<(), WriteError> {
        fs::create_dir_all(&self.out)
            .map_err(|e| WriteError::new(&self.out, "cannot create output directory", e))?;
        let entries = fs::read_dir(&self.dir)
            .map_err(|e| WriteError::new(&self.dir, "cannot read staging directory", e))?;
        let mut names = HashSet::new();
        for e in entries {
            let e =
                e.map_err(|e| WriteError::new(&self.dir, "cannot read staging directory", e))?;
            rename(&e.path(), &self.out.join(e.file_name()))?;
            names.insert(e.file_name().to_string_lossy().into_owned());
        }
        let stale: Vec<String> = fs::read_dir(&self.out)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| self.known.contains(n) && !names.contains(n))
                    .collect()
            })
            .unwrap_or_default();
        for name in &stale {
            let p = self.out.join(name);
            if p.is_file() {
                fs::remove_file(&p).map_err(|e| WriteError::new(&p, "cannot remove stale", e))?;
            }
        }
        sync_dir(&self.out);
        let _ = fs::remove_dir_all(&self.dir);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn rename(from: &Path, to: &Path) -> Result<(), WriteError> {
    fs::rename(from, to).map_err(|e| WriteError::new(to, "cannot move into place", e))
}

/// Swaps two directories atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(_a: &Path, _b: &Path) -> bool {
    false
}

/// Flushes a directory's entries to disk (best effort: not every file system
/// supports it).
fn sync_dir(dir: &Path) {
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn sync_parent(p: &Path) {
    if let Some(parent) = p.parent() {
        sync_dir(parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn resolve_spellings_agree() {
        let d = tempfile::tempdir().unwrap();
        let a = resolve(&d.path().join("x/../out"));
        let b = resolve(&d.path().join("out"));
        assert_eq!(a, b);
        fs::create_dir(d.path().join("out")).unwrap();
        assert_eq!(resolve(&d.path().join("./out/")), b);
    }

    #[test]
    fn xlsx_checks() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        let e = OutputPlan::new(&out, Some(&out.join("summary.json"))).unwrap_err();
        assert!(e.message.contains("would replace"), "{}", e.message);
        let e = OutputPlan::new(&out, Some(d.path())).unwrap_err();
        assert!(e.message.contains("is a directory"), "{}", e.message);
        let p = OutputPlan::new(&out, Some(&out.join("book.xlsx"))).unwrap();
        assert_eq!(p.xlsx, Some(XlsxTarget::InOut("book.xlsx".into())));
        let p = OutputPlan::new(&out, Some(&d.path().join("book.xlsx"))).unwrap();
        assert!(matches!(p.xlsx, Some(XlsxTarget::Elsewhere(_))));
        fs::write(d.path().join("file"), "x").unwrap();
        let e = OutputPlan::new(&d.path().join("file"), None).unwrap_err();
        assert!(e.message.contains("is a file"), "{}", e.message);
    }

    #[test]
    fn swap_keeps_user_files_and_drops_stale_outputs() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("summary.json"), "old").unwrap();
        fs::write(out.join("goals.png"), "old chart").unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        fs::write(out.join(".summary.json.tmp-4242"), "").unwrap();
        fs::write(out.join(".cost-fan.4242-3.tmp.png"), "").unwrap();
        fs::write(out.join(".notes.tmp-ab"), "not ours").unwrap();
        fs::create_dir(d.path().join(".out.channelshift-staging-999999999")).unwrap();
        let plan = OutputPlan::new(&out, None).unwrap();
        let st = plan.stage().unwrap();
        assert!(!d
            .path()
            .join(".out.channelshift-staging-999999999")
            .exists());
        let p = st.dir().join("summary.json");
        super::super::write_atomic(&p, b"new").unwrap();
        let (paths, how) = st.commit(&[p]).unwrap();
        assert_eq!(paths, vec![resolve(&out).join("summary.json")]);
        assert_eq!(how, Commit::Swapped);
        assert_eq!(
            names(&out),
            vec![".notes.tmp-ab", "notes.txt", "summary.json"]
        );
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        assert_eq!(names(d.path()), vec!["out"]);
    }

    #[test]
    fn per_option_files_of_an_earlier_compare_are_not_kept() {
        for sub in [false, true] {
            let d = tempfile::tempdir().unwrap();
            let out = d.path().join("out");
            fs::create_dir(&out).unwrap();
            if sub {
                // A folder: the files move one by one.
                fs::create_dir(out.join("sub")).unwrap();
            }
            fs::write(out.join("monthly-old.csv"), "old").unwrap();
            fs::write(out.join("breakdown-old.csv"), "old").unwrap();
            fs::write(out.join("monthly notes.csv"), "mine").unwrap();
            let st = OutputPlan::new(&out, None).unwrap().stage().unwrap();
            let p = st.dir().join("breakdown-new.csv");
            super::super::write_atomic(&p, b"new").unwrap();
            st.commit(&[p]).unwrap();
            let mut want = vec!["breakdown-new.csv", "monthly notes.csv"];
            if sub {
                want.push("sub");
            }
            assert_eq!(names(&out), want);
        }
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        let e = OutputPlan::new(&out, Some(&out.join("monthly-x.json"))).unwrap_err();
        assert!(e.message.contains("would replace"), "{}", e.message);
    }

    /// A workbook written into --out under a chosen name goes with the
    /// next run that does not write it again, unless it changed since;
    /// a file no run wrote is kept. Swapped whole or file by file.
    #[test]
    fn a_workbook_of_a_chosen_name_goes_with_the_next_run_unless_changed() {
        for folder in [false, true] {
            for changed in [false, true] {
                let d = tempfile::tempdir().unwrap();
                let out = d.path().join("out");
                fs::create_dir(&out).unwrap();
                if folder {
                    fs::create_dir(out.join("sub")).unwrap();
                }
                fs::write(out.join("mine.xlsx"), "the user's").unwrap();
                let plan = OutputPlan::new(&out, Some(&out.join("book.xlsx"))).unwrap();
                let st = plan.stage().unwrap();
                let book = st.xlsx_path().unwrap();
                super::super::write_atomic(&book, b"workbook").unwrap();
                let p = st.dir().join("summary.json");
                super::super::write_atomic(&p, b"one").unwrap();
                st.commit(&[book, p]).unwrap();
                let mut want = vec![CHOSEN_FILES, "book.xlsx", "mine.xlsx", "summary.json"];
                if folder {
                    want.push("sub");
                    want.sort_unstable();
                }
                assert_eq!(names(&out), want);
                assert_eq!(
                    fs::read_to_string(out.join(CHOSEN_FILES))
                        .unwrap()
                        .lines()
                        .last(),
                    Some("book.xlsx\t8\tfce0ed57")
                );
                if changed {
                    fs::write(out.join("book.xlsx"), "workbook, saved in Excel").unwrap();
                }
                let st = OutputPlan::new(&out, None).unwrap().stage().unwrap();
                let p = st.dir().join("summary.json");
                super::super::write_atomic(&p, b"two").unwrap();
                st.commit(&[p]).unwrap();
                let mut want = vec!["mine.xlsx", "summary.json"];
                if changed {
                    want.insert(0, "book.xlsx");
                }
                if folder {
                    want.push("sub");
                    want.sort_unstable();
                }
                assert_eq!(names(&out), want, "folder {folder}, changed {changed}");
            }
        }
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        let e = OutputPlan::new(&out, Some(&out.join(CHOSEN_FILES))).unwrap_err();
        assert!(e.message.contains("would replace"), "{}", e.message);
    }

    #[test]
    fn folders_in_out_move_files_one_by_one() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        fs::create_dir_all(out.join("sub")).unwrap();
        fs::write(out.join("years.csv"), "old").unwrap();
        let st = OutputPlan::new(&out, None).unwrap().stage().unwrap();
        let p = st.dir().join("summary.json");
        super::super::write_atomic(&p, b"new").unwrap();
        let (_, how) = st.commit(&[p]).unwrap();
        assert_eq!(how, Commit::FileByFile);
        assert_eq!(names(&out), vec!["sub", "summary.json"]);
        assert_eq!(names(d.path()), vec!["out"]);
    }

    #[test]
    fn dropped_staging_leaves_out_untouched() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("summary.json"), "old").unwrap();
        {
            let st = OutputPlan::new(&out, None).unwrap().stage().unwrap();
            super::super::write_atomic(&st.dir().join("summary.json"), b"new").unwrap();
            // An error here: st is dropped.
        }
        assert_eq!(names(d.path()), vec!["out"]);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "old");
    }

    #[test]
    fn new_out_is_created() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("a/b/out");
        let st = OutputPlan::new(&out, None).unwrap().stage().unwrap();
        let p = st.dir().join("summary.json");
        super::super::write_atomic(&p, b"new").unwrap();
        let (_, how) = st.commit(&[p]).unwrap();
        assert_eq!(how, Commit::Created);
        assert_eq!(names(&out), vec!["summary.json"]);
    }
}
