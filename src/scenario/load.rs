//! Reading scenario files: TOML parsing with positions, and `extends`.
//!
//! An option file (`extends = "base.toml"`) is deep-merged onto its base
//! (docs/scenario-format.md, "Options: extends"):
//!
//! - sections and sub-sections (`[displacement.phone]`, `[defaults.adoption]`,
//!   `[prices]`, an area's `mix`, ...) merge key by key, recursively;
//! - named entries (`[[areas]]`, `[[departments]]`, `[[events]]`, `[[goals]]`)
//!   merge by `name` the same way, or are added; `remove = true` drops one;
//! - `[[correlations]]` are added to the base's;
//! - everything else is a value and replaces the base's whole: numbers, text,
//!   lists, distributions (`{ pert = [...] }` where a number goes), schedules,
//!   channel shares (a `mix.transaction` table, `close_to`), yearly targets.
//!
//! Files are laid end to end in one virtual buffer: file `k`'s byte `i` is
//! offset `files[k].base + i`. Every span in the merged tables is such a global
//! offset, so any value, wherever it ends up after merging, still names the
//! file and line it was written on ([`Sources::locate`]).

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::de::{DeArray, DeString, DeTable, DeValue};
use toml::Spanned;

use super::raw::*;
use crate::error::InputError;

/// Index into [`Sources::files`].
pub type FileId = usize;

/// Largest scenario file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Longest `extends` chain.
const MAX_CHAIN: usize = 32;

/// How deep toml nests keys before it gives up (its `LIMIT`).
const TOML_DEPTH_LIMIT: usize = 80;

/// Named entries, merged by `name`.
const NAMED: [&str; 6] = [
    "areas",
    "departments",
    "events",
    "goals",
    "solutions",
    "proposals",
];

/// Tables that merge key by key (by place: `*` is any key; `areas` is one
/// `[[areas]]` entry). Every other table is a value and replaces.
const MERGED_TABLES: &[&str] = &[
    "horizon",
    "simulation",
    "population",
    "economics",
    "prices",
    "noise",
    "calibration",
    "outbound_mail",
    "defaults",
    "defaults.type_split",
    "defaults.mix",
    "defaults.adoption",
    "defaults.adoption.transaction",
    "defaults.adoption.information",
    "defaults.adoption.case_information",
    "defaults.digital_channel",
    "displacement",
    "displacement.counter",
    "displacement.phone",
    "proposal",
    "proposal.hours",
    "proposal.hours.*",
    "proposals",
    "proposals.hours",
    "proposals.hours.*",
    "areas",
    "areas.type_split",
    "areas.mix",
    "areas.adoption",
    "areas.adoption.transaction",
    "areas.adoption.information",
    "areas.adoption.case_information",
    "areas.digital_channel",
    "areas.prices",
    "departments",
    "departments.hours",
    "departments.open_hour_cost_kr",
    "departments.staffing",
    "departments.staffing.counter",
    "departments.staffing.phone",
    "departments.demand_profile",
    "departments.displacement",
    "departments.displacement.counter",
    "departments.displacement.phone",
    "events",
    "events.citizens",
    "events.citizens.*",
    "goals",
    "citizens",
    "citizens.*",
    "completion",
    "areas.completion",
    "solutions",
];

fn merges(place: &[String]) -> bool {
    MERGED_TABLES.iter().any(|p| {
        let mut n = 0;
        let all = p.split('.').zip(place).all(|(a, b)| {
            n += 1;
            a == "*" || a == b
        });
        all && n == place.len() && p.split('.').count() == n
    })
}

/// One file read from disk, kept for turning byte offsets into line numbers.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Offset of the file's first byte in the virtual buffer of all files.
    pub base: usize,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String, base: usize) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            base,
            line_starts,
        }
    }

    /// 1-based line of a byte offset within this file.
    pub fn line_of(&self, local: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= local).max(1)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches('\r'))
    }
}

/// All files of a scenario (the file itself and its bases), deepest base
/// first, and what the merge recorded about tables that mix files.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
    mixes: Vec<Mix>,
}

/// A table holding keys from a base and keys an option file set.
#[derive(Debug, Clone)]
struct Mix {
    path: String,
    /// Global offsets of the table and of every key and value in it.
    members: Vec<usize>,
    /// The option file that changed the table, and the keys it set.
    by: FileId,
    keys: Vec<(String, usize)>,
}

impl Sources {
    /// The file holding global offset `offset`, and the offset within it.
    pub fn locate(&self, offset: usize) -> (FileId, usize) {
        let i = self
            .files
            .partition_point(|f| f.base <= offset)
            .saturating_sub(1);
        let local = offset - self.files.get(i).map(|f| f.base).unwrap_or(0);
        (i, local)
    }

    /// The source text of a global span, when it lies inside one file.
    pub fn text_at(&self, span: Range<usize>) -> Option<&str> {
        let (fid, local) = self.locate(span.start);
        let len = span.end.checked_sub(span.start)?;
        self.files.get(fid)?.text.get(local..local + len)
    }

    /// `path:line` of a global offset.
    pub fn position(&self, offset: usize) -> String {
        let (f, local) = self.locate(offset);
        match self.files.get(f) {
            Some(sf) => format!("{}:{}", sf.path.display(), sf.line_of(local)),
            None => String::new(),
        }
    }

    /// An error at a spanned value. Spans are global (see the module doc),
    /// so the error names the file the value was written in; `file` is only
    /// the fallback for a span outside every file.
    pub fn error_at(
        &self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> InputError {
        let total = self
            .files
            .last()
            .map(|f| f.base + f.text.len())
            .unwrap_or(0);
        let (fid, local) = if span.start <= total {
            self.locate(span.start)
        } else {
            (file, 0)
        };
        let Some(f) = self.files.get(fid) else {
            return InputError::new(message);
        };
        let len = span.end.saturating_sub(span.start);
        let mut err = InputError::at_span(&f.path, &f.text, local..local + len, message);
        // A table's merge matters for an error at the table or at a key or
        // value the base wrote in it, not at a key or value the option
        // itself wrote.
        let about_mix =
            |m: &&Mix| m.members.contains(&span.start) && self.locate(span.start).0 != m.by;
        for m in self.mixes.iter().filter(about_mix) {
            err = err.with_note(self.mix_note(m));
        }
        err
    }

    fn mix_note(&self, m: &Mix) -> String {
        let by = &self.files[m.by].path;
        let keys: Vec<String> = m
            .keys
            .iter()
            .map(|(k, off)| {
                format!(
                    "`{k}` (line {})",
                    self.files[m.by].line_of(self.locate(*off).1)
                )
            })
            .collect();
        let mut others: Vec<String> = m
            .members
            .iter()
            .map(|o| self.locate(*o).0)
            .filter(|f| *f != m.by)
            .map(|f| self.files[f].path.display().to_string())
            .collect();
        others.sort();
        others.dedup();
        format!(
            "`{}` is merged from several files: {} set {} on top of {}",
            m.path,
            by.display(),
            keys.join(", "),
            if others.is_empty() {
                "its base".to_string()
            } else {
                others.join(", ")
            }
        )
    }

    /// An error about file `file` as a whole.
    pub fn error_in(&self, file: FileId, message: impl Into<String>) -> InputError {
        InputError::in_file(&self.files[file].path, message)
    }
}

/// A value together with the file it was written in.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: FileId,
    pub value: T,
}

/// What the file on the command line changes against its bases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
}

/// One key the option file adds, changes or removes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    /// Key path, e.g. `displacement.phone.retime` or `areas["Pas"].volume`.
    pub path: String,
    /// The base's value as TOML and the global offset where it was written.
    pub base: Option<(String, usize)>,
    /// The option's value (absent for a removal) and where it was written.
    pub option: Option<(String, usize)>,
}

/// A scenario after `extends` was resolved, before validation.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub sources: Sources,
    /// The file given on the command line (the last in the chain).
    pub top: FileId,
    /// What `top` changes against its bases (empty without `extends`).
    pub changes: Vec<Change>,
    pub name: Option<Located<Spanned<String>>>,
    pub description: Option<String>,
    pub horizon: Option<Located<Spanned<RawHorizon>>>,
    pub simulation: Option<Located<Spanned<RawSimulation>>>,
    pub population: Option<Located<Spanned<RawPopulation>>>,
    pub economics: Option<Located<Spanned<RawEconomics>>>,
    pub prices: BTreeMap<Spanned<String>, Located<Num>>,
    pub defaults: Option<Located<Spanned<RawDefaults>>>,
    pub areas: Vec<Located<Spanned<RawArea>>>,
    pub departments: Vec<Located<Spanned<RawDepartment>>>,
    pub displacement: Option<Located<Spanned<RawDisplacement>>>,
    pub proposal: Option<Located<Spanned<RawProposal>>>,
    pub proposals: Vec<Located<Spanned<RawProposal>>>,
    pub outbound_mail: Option<Located<Spanned<RawOutbound>>>,
    pub events: Vec<Located<Spanned<RawEvent>>>,
    pub goals: Vec<Located<Spanned<RawGoal>>>,
    pub noise: Option<Located<Spanned<RawNoise>>>,
    pub calibration: Option<Located<Spanned<RawCalibration>>>,
    pub correlations: Vec<Located<Spanned<RawCorrelation>>>,
    pub citizens: Option<Located<Spanned<RawCitizens>>>,
    pub completion: Option<Located<Spanned<RawCompletion>>>,
    pub solutions: Vec<Located<Spanned<RawSolution>>>,
}

/// Reads a scenario file: a regular file of at most [`MAX_FILE_BYTES`] of
/// UTF-8 text. Checks the kind of file before opening it, so a FIFO or a
/// device never blocks or streams forever.
pub fn read_scenario(path: &Path) -> Result<String, InputError> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        InputError::new(format!("cannot read scenario file {shown}: {e}"))
            .with_help("check the path and the file name")
    })?;
    if meta.is_dir() {
        return Err(
            InputError::new(format!("{shown} is a directory, not a scenario file"))
                .with_help("name a .toml file, e.g. scenarios/solrod-2011.toml"),
        );
    }
    if !meta.is_file() {
        return Err(InputError::new(format!(
            "{shown} is not a regular file (a device, pipe or socket); a scenario must be a file"
        ))
        .with_help("save the scenario as a .toml file and name that file"));
    }
    let too_big = || {
        InputError::new(format!(
            "{shown} is larger than {} MiB, the limit for a scenario file",
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .with_help("check that this is the scenario you meant; scenario files are a few kB")
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path)
        .map_err(|e| InputError::new(format!("cannot read scenario file {shown}: {e}")))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(format!("cannot read scenario file {shown}: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bad = e.as_bytes()[valid];
        let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        InputError::at(
            path,
            prefix,
            valid,
            format!("the file is not UTF-8 text: byte 0x{bad:02X} here is not valid UTF-8"),
        )
        .with_help("save the file as UTF-8 (in most editors: Save As, encoding UTF-8)")
    })
}

/// Reads `path` and every file it extends, and merges them.
pub fn load(path: &Path) -> Result<Merged, InputError> {
    load_chain(path, None)
}

/// [`load`] with the text of the first file given instead of read: error
/// messages name `path`, and an `extends` in the text is relative to its
/// directory.
pub fn load_text(path: &Path, text: &str) -> Result<Merged, InputError> {
    load_chain(path, Some(text.to_string()))
}

fn load_chain(path: &Path, mut first_text: Option<String>) -> Result<Merged, InputError> {
    // The chain, command-line file first: (path, text).
    let mut chain: Vec<(PathBuf, String)> = Vec::new();
    let mut canon: Vec<PathBuf> = Vec::new();
    let mut current = path.to_path_buf();
    // The `extends` that named `current`: (index in chain, span there).
    let mut named_by: Option<(usize, Range<usize>)> = None;
    loop {
        let read = match first_text.take() {
            Some(text) => Ok(text),
            None => read_scenario(&current),
        };
        let text = read.map_err(|e| match (&named_by, e.line_col) {
            (Some((i, span)), None) => {
                let (p, t) = &chain[*i];
                let mut err =
                    InputError::at_span(p, t, span.clone(), format!("`extends`: {}", e.message));
                err.help = Some(match e.help {
                    Some(h) if !h.contains("`extends`") => {
                        h + "; paths in `extends` are relative to the file that contains them"
                    }
                    Some(h) => h,
                    None => "paths in `extends` are relative to the file that contains them".into(),
                });
                err
            }
            _ => e,
        })?;
        let c = std::fs::canonicalize(&current).unwrap_or_else(|_| current.clone());
        if canon.contains(&c) {
            let names: Vec<String> = chain.iter().map(|(p, _)| p.display().to_string()).collect();
            return Err(InputError::in_file(
                &current,
                format!("`extends` forms a cycle: {} -> {}", names.join(" -> "), current.display()),
            )
            .with_help("an option file may extend a base scenario, but the base must not extend the option"));
        }
        let next = {
            let table = parse_table(&current, &text)?;
            match table.get_ref().get("extends") {
                Some(v) => match v.get_ref() {
                    DeValue::String(s) => {
                        let dir = current.parent().unwrap_or(Path::new("."));
                        Some((dir.join(s.as_ref()), v.span()))
                    }
                    other => {
                        return Err(InputError::at_span(
                            &current,
                            &text,
                            v.span(),
                            format!(
                                "`extends` must be text (a path), found {}",
                                other.type_str()
                            ),
                        )
                        .with_help("write extends = \"base.toml\", a path relative to this file"))
                    }
                },
                None => None,
            }
        };
        canon.push(c);
        chain.push((current.clone(), text));
        match next {
            Some((n, span)) => {
                if chain.len() >= MAX_CHAIN {
                    return Err(InputError::in_file(
                        path,
                        format!("`extends` chain is longer than {MAX_CHAIN} files"),
                    ));
                }
                named_by = Some((chain.len() - 1, span));
                current = n;
            }
            None => break,
        }
    }

    // Deepest base first, laid end to end.
    let mut sources = Sources::default();
    let mut base = 0;
    for (p, text) in chain.into_iter().rev() {
        let len = text.len();
        sources.files.push(SourceFile::new(p, text, base));
        base += len + 1;
    }
    let top = sources.files.len() - 1;
    let bases: Vec<usize> = sources.files.iter().map(|f| f.base).collect();
    let mut merger = Merger {
        bases,
        file: 0,
        record: false,
        changes: Vec::new(),
        mixes: Vec::new(),
    };
    let raw = {
        let mut root = DeTable::new();
        let mut named: BTreeMap<&'static str, Named> = BTreeMap::new();
        let mut correlations: Option<Appended> = None;
        for (id, f) in sources.files.iter().enumerate() {
            let table = parse_table(&f.path, &f.text)?;
            let table = shift_table(table.into_inner(), f.base);
            merger.file = id;
            merger.record = id == top && id > 0;
            merger.merge_file(
                &f.path,
                &f.text,
                f.base,
                &mut root,
                &mut named,
                &mut correlations,
                table,
            )?;
        }
        for (key, n) in named {
            let k = n.key.unwrap_or_else(|| Spanned::new(0..0, key.into()));
            let items: DeArray = n.entries.into_iter().flatten().map(|(_, v)| v).collect();
            root.insert(k, Spanned::new(n.span, DeValue::Array(items)));
        }
        if let Some((k, span, items)) = correlations {
            root.insert(
                k,
                Spanned::new(span, DeValue::Array(items.into_iter().collect())),
            );
        }
        deserialize_all(root)
    };
    sources.mixes = std::mem::take(&mut merger.mixes);
    let raw = raw.map_err(|errors| {
        let located = errors.into_iter().map(|e| {
            let message = e.message().trim().to_string();
            let err = match e.span() {
                Some(span) => sources.error_at(top, span, message.clone()),
                None => sources.error_in(top, message.clone()),
            };
            match help_for(&message) {
                Some(h) => err.with_help(h),
                None => err,
            }
        });
        InputError::all(located.collect()).expect("at least one error")
    })?;
    Ok(into_merged(sources, top, merger.changes, raw))
}

fn into_merged(sources: Sources, top: FileId, changes: Vec<Change>, raw: RawFile) -> Merged {
    let at = |span: Range<usize>| sources.locate(span.start).0;
    macro_rules! located {
        ($v:expr) => {
            $v.map(|v| Located {
                file: at(v.span()),
                value: v,
            })
        };
    }
    macro_rules! list {
        ($v:expr) => {
            $v.unwrap_or_default()
                .into_iter()
                .map(|v| Located {
                    file: at(v.span()),
                    value: v,
                })
                .collect()
        };
    }
    let prices = raw
        .prices
        .map(|p| {
            p.into_inner()
                .into_iter()
                .map(|(k, v)| {
                    let file = at(v.span());
                    (k, Located { file, value: v })
                })
                .collect()
        })
        .unwrap_or_default();
    Merged {
        top,
        changes,
        name: located!(raw.name),
        description: raw.description,
        horizon: located!(raw.horizon),
        simulation: located!(raw.simulation),
        population: located!(raw.population),
        economics: located!(raw.economics),
        prices,
        defaults: located!(raw.defaults),
        areas: list!(raw.areas),
        departments: list!(raw.departments),
        displacement: located!(raw.displacement),
        proposal: located!(raw.proposal),
        proposals: list!(raw.proposals),
        outbound_mail: located!(raw.outbound_mail),
        events: list!(raw.events),
        goals: list!(raw.goals),
        noise: located!(raw.noise),
        calibration: located!(raw.calibration),
        correlations: list!(raw.correlations),
        citizens: located!(raw.citizens),
        completion: located!(raw.completion),
        solutions: list!(raw.solutions),
        sources,
    }
}

/// Parses one file's TOML, turning syntax errors into located input errors.
fn parse_table<'a>(path: &Path, text: &'a str) -> Result<Spanned<DeTable<'a>>, InputError> {
    DeTable::parse(text).map_err(|e| {
        let message = e.message().trim().to_string();
        if e.span().is_none() && message.contains("recursion") {
            if let Some((offset, parts)) = deep_key(text) {
                return InputError::at(
                    path,
                    text,
                    offset,
                    format!("this key has {parts} dotted parts; TOML tables here nest at most {TOML_DEPTH_LIMIT} deep"),
                )
                .with_help("scenario keys are at most 5 levels deep, e.g. [defaults.adoption.transaction]; shorten the key");
            }
        }
        // toml says "duplicate key" without the key: name it.
        let message = match e.span() {
            Some(span) if message == "duplicate key" => {
                let key = text.get(span.clone()).unwrap_or("").trim();
                format!("duplicate key `{key}`: it is already set earlier in this table")
            }
            _ => message,
        };
        let err = match e.span() {
            Some(span) => InputError::at_span(path, text, span, message.clone()),
            None => InputError::in_file(path, message.clone()),
        };
        if message.starts_with("duplicate key") {
            return err.with_help("keep one of the two lines: a key may be set once per table");
        }
        if let Some(number) = e.span().and_then(|span| decimal_comma(text, span.start)) {
            return err.with_help(format!(
                "a decimal number takes a point, not a comma: write {number}"
            ));
        }
        match help_for(&message) {
            Some(h) => err.with_help(h),
            None => err.with_help(if message.contains("recursion") {
                "the file nests tables or lists too deep; scenario keys are at most 5 levels deep"
            } else {
                "check the TOML syntax"
            }),
        }
    })
}

/// The number written with a decimal comma (`50,5`, the Danish way) whose
/// comma is at byte `at` of `text`, as TOML wants it (`50.5`); `None` when
/// the comma is not between two digits.
fn decimal_comma(text: &str, at: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    if bytes.get(at) != Some(&b',') || at == 0 || !digit(at - 1) || !digit(at + 1) {
        return None;
    }
    let number_byte = |b: &u8| b.is_ascii_digit() || *b == b'_';
    let start = bytes[..at]
        .iter()
        .rposition(|b| !number_byte(b))
        .map_or(0, |i| i + 1);
    let end = at
        + 1
        + bytes[at + 1..]
            .iter()
            .position(|b| !number_byte(b))
            .unwrap_or(bytes.len() - at - 1);
    Some(format!("{}.{}", &text[start..at], &text[at + 1..end]))
}

/// At most this many unknown keys are reported from one file.
const MAX_UNKNOWN_KEYS: usize = 20;

/// Deserialises the merged table. serde stops at the first unknown key, so
/// each unknown key is taken out and the rest tried again: the errors hold
/// every unknown key (up to [`MAX_UNKNOWN_KEYS`]) and then the first other
/// problem, if any, so one `check` lists every misspelling at once. An
/// unknown key with a did-you-mean that its table lacks is tried again under
/// that name, so a misspelt required key is one error (the misspelling), not
/// two (it and "missing field").
fn deserialize_all(root: DeTable<'_>) -> Result<RawFile, Vec<toml::de::Error>> {
    let mut root = root;
    let mut errors = Vec::new();
    loop {
        let table = Spanned::new(0..0, root.clone());
        let e = match RawFile::deserialize(toml::de::Deserializer::from(table)) {
            Ok(raw) if errors.is_empty() => return Ok(raw),
            Ok(_) => {
                errors.sort_by_key(|e: &toml::de::Error| e.span().map_or(usize::MAX, |s| s.start));
                return Err(errors);
            }
            Err(e) => e,
        };
        let removed = e.message().contains("unknown field")
            && e.span().is_some_and(|span| {
                let meant = did_you_mean(e.message());
                remove_key_at(&mut root, &span, meant.as_deref())
            });
        errors.push(e);
        if !removed || errors.len() >= MAX_UNKNOWN_KEYS {
            // In file order, as a reader goes through the file.
            errors.sort_by_key(|e: &toml::de::Error| e.span().map_or(usize::MAX, |s| s.start));
            return Err(errors);
        }
    }
}

/// Removes the entry whose key has exactly `span`, at any depth; true if
/// one was found. With `meant` (the did-you-mean of a misspelt key) that its
/// table does not have yet, the value is put back under that name, keeping
/// the misspelt key's span.
fn remove_key_at(table: &mut DeTable<'_>, span: &Range<usize>, meant: Option<&str>) -> bool {
    let key = table
        .iter()
        .map(|(k, _)| k)
        .find(|k| k.span() == *span)
        .cloned();
    if let Some(key) = key {
        let Some(value) = table.remove(&key) else {
            return false;
        };
        if let Some(meant) = meant {
            let renamed = Spanned::new(span.clone(), DeString::Owned(meant.to_string()));
            if !table.contains_key(&renamed) {
                table.insert(renamed, value);
            }
        }
        return true;
    }
    table
        .iter_mut()
        .any(|(_, v)| remove_in_value(v.get_mut(), span, meant))
}

fn remove_in_value(value: &mut DeValue<'_>, span: &Range<usize>, meant: Option<&str>) -> bool {
    match value {
        DeValue::Table(t) => remove_key_at(t, span, meant),
        DeValue::Array(a) => a
            .iter_mut()
            .any(|v| remove_in_value(v.get_mut(), span, meant)),
        _ => false,
    }
}

/// Parses one file's TOML into its raw form (without resolving `extends`).
pub fn parse_file(path: &Path, text: &str) -> Result<RawFile, InputError> {
    let table = parse_table(path, text)?;
    RawFile::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let message = e.message().trim().to_string();
        let help = help_for(&message);
        let err = match e.span() {
            Some(span) => InputError::at_span(path, text, span, message),
            None => InputError::in_file(path, message),
        };
        match help {
            Some(h) => err.with_help(h),
            None => err,
        }
    })
}

/// The first key or table header with at least toml's nesting limit of
/// dotted parts: its offset and number of parts.
fn deep_key(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let key = if t.starts_with('[') {
            t.trim_start_matches('[').split(']').next().unwrap_or("")
        } else {
            t.split('=').next().unwrap_or("")
        };
        let mut parts = 1;
        let mut quote: Option<char> = None;
        for c in key.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '.') => parts += 1,
                _ => {}
            }
        }
        if parts >= TOML_DEPTH_LIMIT {
            return Some((offset + lead, parts));
        }
        offset += line.len();
    }
    None
}

fn help_for(message: &str) -> Option<String> {
    if message.contains("unknown field") {
        let base = "remove the key or fix its spelling; docs/scenario-format.md lists every key";
        Some(match did_you_mean(message) {
            Some(key) => format!("did you mean `{key}`? Otherwise {base}"),
            None => base.to_string(),
        })
    } else if message.contains("missing field") {
        Some("add the key; docs/scenario-format.md shows an example of each table".into())
    } else if message.contains("invalid type") {
        Some("check the value's type: numbers without quotes, text in quotes, lists in [ ]".into())
    } else if message.contains("expected")
        || message.contains("unexpected")
        || message.contains("invalid")
    {
        Some("check the TOML syntax here: one `key = value` per line, text in \"quotes\", no comma after the last item, tables as [name] or inline { a = 1, b = 2 }".into())
    } else {
        None
    }
}

/// The expected key closest to the unknown one in serde's "unknown field
/// `x`, expected one of `a`, `b`" message, if one is close enough to be a
/// typo (Jaro-Winkler similarity at least 0.8, or one is a prefix of the other).
fn did_you_mean(message: &str) -> Option<String> {
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    quoted
        .map(|k| {
            let prefix = k.starts_with(unknown) || unknown.starts_with(k);
            let score = strsim::jaro_winkler(unknown, k) + if prefix { 0.1 } else { 0.0 };
            (score, k)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// Moves every span of a file's table by `by` bytes (into the virtual buffer).
fn shift_table(t: DeTable<'_>, by: usize) -> DeTable<'_> {
    t.into_iter()
        .map(|(k, v)| (shift_span(k, by), shift_value(v, by)))
        .collect()
}

#[cfg(test)]
mod suggestion_tests {
    use super::did_you_mean;

    #[test]
    fn a_misspelt_key_gets_the_nearest_expected_key_and_a_stranger_gets_none() {
        let m = "unknown field `ceilng`, expected one of `p`, `q`, `ceiling`, `transaction`";
        assert_eq!(did_you_mean(m).as_deref(), Some("ceiling"));
        let m =
            "unknown field `cost_monthly`, expected one of `cost_one_off_kr`, `cost_monthly_kr`";
        assert_eq!(did_you_mean(m).as_deref(), Some("cost_monthly_kr"));
        let m = "unknown field `zebra`, expected one of `p`, `q`, `ceiling`";
        assert_eq!(did_you_mean(m), None);
        assert_eq!(did_you_mean("unknown field `x`"), None);
    }
}

fn shift_span<T>(s: Spanned<T>, by: usize) -> Spanned<T> {
    let span = s.span();
    Spanned::new(span.start + by..span.end + by, s.into_inner())
}

fn shift_value(v: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = v.span();
    let value = match v.into_inner() {
        DeValue::Table(t) => DeValue::Table(shift_table(t, by)),
        DeValue::Array(a) => DeValue::Array(a.into_iter().map(|e| shift_value(e, by)).collect()),
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, value)
}

/// A list whose entries are added file after file (`[[correlations]]`):
/// its key, its span and the entries.
type Appended<'a> = (
    Spanned<DeString<'a>>,
    Range<usize>,
    Vec<Spanned<DeValue<'a>>>,
);

/// The entries of one named list (`[[areas]]`, ...) while files are merged.
#[derive(Default)]
struct Named<'a> {
    key: Option<Spanned<DeString<'a>>>,
    span: Range<usize>,
    /// (file that last wrote it, entry); `None` once removed.
    entries: Vec<Option<(FileId, Spanned<DeValue<'a>>)>>,
    /// Name -> index into `entries`.
    index: HashMap<String, usize>,
}

struct Merger {
    bases: Vec<usize>,
    /// The file being merged.
    file: FileId,
    /// Record what this file changes (it is the command-line file and has a base).
    record: bool,
    changes: Vec<Change>,
    mixes: Vec<Mix>,
}

enum Action {
    Add,
    Recurse,
    Replace,
}

impl Merger {
    fn file_of(&self, offset: usize) -> FileId {
        self.bases
            .partition_point(|b| *b <= offset)
            .saturating_sub(1)
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_file<'a>(
        &mut self,
        path: &Path,
        text: &str,
        base: usize,
        root: &mut DeTable<'a>,
        named: &mut BTreeMap<&'static str, Named<'a>>,
        correlations: &mut Option<Appended<'a>>,
        table: DeTable<'a>,
    ) -> Result<(), InputError> {
        let err = |span: Range<usize>, msg: String| {
            InputError::at_span(path, text, span.start - base..span.end - base, msg)
        };
        let mut rest = DeTable::new();
        for (k, v) in table {
            let key: &str = k.get_ref();
            if key == "extends" {
                continue;
            }
            if let Some(list) = NAMED.iter().find(|n| **n == key) {
                let span = v.span();
                let DeValue::Array(items) = v.into_inner() else {
                    return Err(err(
                        span,
                        format!("`{list}` must be a list of [[{list}]] tables"),
                    )
                    .with_help(format!(
                        "write each entry as a [[{list}]] table with a name"
                    )));
                };
                let n = named.entry(list).or_default();
                if n.key.is_none() {
                    n.key = Some(k);
                    n.span = span;
                }
                for item in items {
                    self.merge_named(list, n, item, &err)?;
                }
            } else if key == "correlations" {
                let span = v.span();
                let DeValue::Array(items) = v.into_inner() else {
                    return Err(err(
                        span,
                        "`correlations` must be a list of [[correlations]] tables".into(),
                    )
                    .with_help(
                        "write each as [[correlations]] with inputs = [...] and rank_correlation",
                    ));
                };
                let c = correlations.get_or_insert_with(|| (k, span, Vec::new()));
                for item in items {
                    if self.record {
                        self.changes.push(Change {
                            kind: ChangeKind::Added,
                            path: format!("correlations[{}]", c.2.len()),
                            base: None,
                            option: Some((render(item.get_ref()), item.span().start)),
                        });
                    }
                    c.2.push(item);
                }
            } else {
                let mut v = v;
                if key == "prices" {
                    normalize_prices(&mut v, &err)?;
                }
                rest.insert(k, v);
            }
        }
        self.merge_table(root, rest, None, &mut Vec::new(), "")
    }

    fn merge_named<'a>(
        &mut self,
        list: &'static str,
        n: &mut Named<'a>,
        mut item: Spanned<DeValue<'a>>,
        err: &impl Fn(Range<usize>, String) -> InputError,
    ) -> Result<(), InputError> {
        let span = item.span();
        let DeValue::Table(t) = item.get_mut() else {
            return Err(err(
                span,
                format!("each entry of `{list}` must be a [[{list}]] table"),
            ));
        };
        if list == "areas" {
            if let Some(p) = t.get_mut("prices") {
                normalize_prices(p, err)?;
            }
        }
        let name = t
            .get("name")
            .and_then(|v| v.get_ref().as_str().map(str::to_string));
        let remove = t.remove("remove");
        let Some(name) = name else {
            if let Some(r) = remove {
                return Err(err(
                    r.span(),
                    format!("`remove` needs the `name` of the {list} entry to remove"),
                )
                .with_help(format!("write [[{list}]] name = \"...\" remove = true")));
            }
            n.entries.push(Some((self.file, item)));
            return Ok(());
        };
        let shown = format!("{list}[{name:?}]");
        if let Some(r) = remove {
            if r.get_ref().as_bool() != Some(true) {
                return Err(
                    err(r.span(), "`remove` can only be `true`".into()).with_help(format!(
                    "write remove = true to drop the inherited {list} entry, or delete the line"
                )),
                );
            }
            if let Some((k, _)) = t.iter().find(|(k, _)| k.get_ref() != "name") {
                return Err(err(
                    k.span(),
                    format!(
                        "an entry with remove = true takes only `name`, not `{}`",
                        k.get_ref()
                    ),
                )
                .with_help(
                    "to change an entry, give its name and the keys to change, without remove",
                ));
            }
            let existing = n.index.remove(&name).and_then(|i| n.entries[i].take());
            let Some((_, old)) = existing else {
                let nspan = t.get("name").map(|v| v.span()).unwrap_or(span);
                return Err(err(nspan, format!("there is no inherited {list} entry named {name:?} to remove"))
                    .with_help("remove = true drops an entry of the base file; check the name against the base"));
            };
            if self.record {
                self.changes.push(Change {
                    kind: ChangeKind::Removed,
                    path: shown,
                    base: Some((render(old.get_ref()), old.span().start)),
                    option: Some(("removed".into(), span.start)),
                });
            }
            return Ok(());
        }
        match n.index.get(&name).copied() {
            // The same name written again by the same file: keep both, so
            // validation reports the duplicate.
            Some(i) if n.entries[i].as_ref().map(|e| e.0) != Some(self.file) => {
                let slot = n.entries[i].as_mut().expect("indexed entries are present");
                slot.0 = self.file;
                let table_start = slot.1.span().start;
                let DeValue::Table(dst) = slot.1.get_mut() else {
                    unreachable!("named entries are tables")
                };
                let DeValue::Table(mut src) = item.into_inner() else {
                    unreachable!("checked above")
                };
                // The name is the entry's identity: the base's stays.
                src.remove("name");
                self.merge_table(
                    dst,
                    src,
                    Some(table_start),
                    &mut vec![list.to_string()],
                    &shown,
                )
            }
            Some(_) => {
                n.entries.push(Some((self.file, item)));
                Ok(())
            }
            None => {
                if self.record {
                    // One line a key; the name is already in the path.
                    let DeValue::Table(t) = item.get_ref() else {
                        unreachable!("checked above")
                    };
                    let mut place = vec![list.to_string()];
                    let before = self.changes.len();
                    for (k, c) in t.iter().filter(|(k, _)| k.get_ref() != "name") {
                        place.push(k.get_ref().to_string());
                        self.record_added(&join(&shown, k.get_ref()), c, &mut place);
                        place.pop();
                    }
                    if self.changes.len() == before {
                        self.record_added(&shown, &item, &mut Vec::new());
                    }
                }
                n.index.insert(name, n.entries.len());
                n.entries.push(Some((self.file, item)));
                Ok(())
            }
        }
    }

    /// Merges `src` into `dst` (the table at `place`, displayed as `shown`).
    fn merge_table<'a>(
        &mut self,
        dst: &mut DeTable<'a>,
        src: DeTable<'a>,
        table_start: Option<usize>,
        place: &mut Vec<String>,
        shown: &str,
    ) -> Result<(), InputError> {
        let mixed_before = table_start.is_some()
            && dst
                .iter()
                .any(|(k, _)| self.file_of(k.span().start) != self.file);
        let mut set: Vec<(String, usize)> = Vec::new();
        for (k, v) in src {
            let key = k.get_ref().to_string();
            let child = join(shown, &key);
            place.push(key.clone());
            let action = match dst.get(key.as_str()) {
                None => Action::Add,
                Some(old)
                    if old.get_ref().is_table() && v.get_ref().is_table() && merges(place) =>
                {
                    Action::Recurse
                }
                Some(_) => Action::Replace,
            };
            match action {
                Action::Recurse => {
                    let old = dst.get_mut(key.as_str()).expect("present");
                    let start = old.span().start;
                    let (DeValue::Table(d), DeValue::Table(s)) = (old.get_mut(), v.into_inner())
                    else {
                        unreachable!("both are tables")
                    };
                    self.merge_table(d, s, Some(start), place, &child)?;
                }
                Action::Replace => {
                    let (_, old) = dst.remove_entry(key.as_str()).expect("present");
                    if self.record {
                        let (a, b) = (render(old.get_ref()), render(v.get_ref()));
                        if a != b {
                            self.changes.push(Change {
                                kind: ChangeKind::Changed,
                                path: child,
                                base: Some((a, old.span().start)),
                                option: Some((b, v.span().start)),
                            });
                        }
                    }
                    set.push((key, v.span().start));
                    dst.insert(k, v);
                }
                Action::Add => {
                    if self.record {
                        self.record_added(&child, &v, place);
                    }
                    set.push((key, v.span().start));
                    dst.insert(k, v);
                }
            }
            place.pop();
        }
        if let (true, false, Some(start)) = (mixed_before, set.is_empty(), table_start) {
            let mut members = vec![start];
            for (k, v) in dst.iter() {
                members.push(k.span().start);
                members.push(v.span().start);
            }
            self.mixes.push(Mix {
                path: shown.to_string(),
                members,
                by: self.file,
                keys: set,
            });
        }
        Ok(())
    }

    fn record_added(&mut self, shown: &str, v: &Spanned<DeValue<'_>>, place: &mut Vec<String>) {
        if let DeValue::Table(t) = v.get_ref() {
            if merges(place) {
                for (k, c) in t.iter() {
                    place.push(k.get_ref().to_string());
                    self.record_added(&join(shown, k.get_ref()), c, place);
                    place.pop();
                }
                return;
            }
        }
        self.changes.push(Change {
            kind: ChangeKind::Added,
            path: shown.to_string(),
            base: None,
            option: Some((render(v.get_ref()), v.span().start)),
        });
    }
}

/// `counter` is another name for `personal` in price tables: one key, one input.
fn normalize_prices(
    v: &mut Spanned<DeValue<'_>>,
    err: &impl Fn(Range<usize>, String) -> InputError,
) -> Result<(), InputError> {
    let DeValue::Table(t) = v.get_mut() else {
        return Ok(());
    };
    if let Some((k, c)) = t.remove_entry("counter") {
        if t.contains_key("personal") {
            return Err(err(
                k.span(),
                "prices gives both `counter` and `personal`, which are one price".into(),
            )
            .with_help("`counter` is another name for `personal`: keep one of the two lines"));
        }
        t.insert(Spanned::new(k.span(), "personal".into()), c);
    }
    Ok(())
}

fn join(shown: &str, key: &str) -> String {
    let key = if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        format!("{key:?}")
    };
    if shown.is_empty() {
        key
    } else {
        format!("{shown}.{key}")
    }
}

/// A value as (compact) TOML.
pub fn render(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(i) => match i.radix() {
            16 => format!("0x{}", i.as_str()),
            8 => format!("0o{}", i.as_str()),
            2 => format!("0b{}", i.as_str()),
            _ => i.as_str().to_string(),
        },
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(a) => {
            let items: Vec<String> = a.iter().map(|e| render(e.get_ref())).collect();
            format!("[{}]", items.join(", "))
        }
        DeValue::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", join("", k.get_ref()), render(v.get_ref())))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_places() {
        let p = |s: &str| s.split('.').map(String::from).collect::<Vec<_>>();
        assert!(merges(&p("displacement.phone")));
        assert!(merges(&p("proposal.hours.Øvrige")));
        assert!(merges(&p("areas.mix")));
        assert!(!merges(&p("areas.mix.transaction")));
        assert!(!merges(&p("prices.personal")));
        assert!(!merges(&p("defaults.adoption.p")));
    }

    #[test]
    fn line_index() {
        let f = SourceFile::new("a.toml".into(), "a\nbb\r\n\nc".into(), 0);
        assert_eq!(f.line_of(0), 1);
        assert_eq!(f.line_of(2), 2);
        assert_eq!(f.line_of(7), 4);
        assert_eq!(f.line_text(2), Some("bb"));
        assert_eq!(f.line_text(3), Some(""));
        assert_eq!(f.line_text(4), Some("c"));
        assert_eq!(f.line_text(5), None);
    }

    #[test]
    fn deep_key_is_found() {
        let key: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
        let text = format!("x = 1\n[{}]\n", key.join("."));
        assert_eq!(deep_key(&text), Some((6, 200)));
    }
}
