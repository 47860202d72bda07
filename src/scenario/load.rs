//! Reading scenario files: TOML parsing with positions, and `extends`.
//!
//! An option file (`extends = "base.toml"`) overrides its base section by
//! section: a top-level table it writes replaces the base's table (prices merge
//! channel by channel), and named entries (`[[areas]]`, `[[departments]]`,
//! `[[events]]`, `[[goals]]`) replace the base's entry of the same name or are
//! added. Each merged piece remembers which file it came from, so every later
//! error can still point at `file:line:column`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::raw::*;
use crate::error::InputError;

/// Index into [`Sources::files`].
pub type FileId = usize;

/// One file read from disk, kept for turning byte offsets into line numbers.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// All files of a scenario (the file itself and its bases).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    /// An error at the start of a spanned value in file `file`.
    pub fn error_at(
        &self,
        file: FileId,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> InputError {
        let f = &self.files[file];
        InputError::at(&f.path, &f.text, span.start, message)
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

/// A scenario after `extends` was resolved, before validation.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub sources: Sources,
    /// The file given on the command line (the last in the chain).
    pub top: FileId,
    pub name: Option<Located<Spanned<String>>>,
    pub description: Option<String>,
    pub horizon: Option<Located<Spanned<RawHorizon>>>,
    pub simulation: Option<Located<Spanned<RawSimulation>>>,
    pub population: Option<Located<Spanned<RawPopulation>>>,
    pub economics: Option<Located<Spanned<RawEconomics>>>,
    pub prices: BTreeMap<String, Located<Num>>,
    pub defaults: Option<Located<Spanned<RawDefaults>>>,
    pub areas: Vec<Located<Spanned<RawArea>>>,
    pub departments: Vec<Located<Spanned<RawDepartment>>>,
    pub displacement: Option<Located<Spanned<RawDisplacement>>>,
    pub proposal: Option<Located<Spanned<RawProposal>>>,
    pub outbound_mail: Option<Located<Spanned<RawOutbound>>>,
    pub events: Vec<Located<Spanned<RawEvent>>>,
    pub goals: Vec<Located<Spanned<RawGoal>>>,
    pub noise: Option<Located<Spanned<RawNoise>>>,
    pub correlations: Vec<Located<Spanned<RawCorrelation>>>,
}

/// Reads `path` and every file it extends, and merges them.
pub fn load(path: &Path) -> Result<Merged, InputError> {
    let mut chain: Vec<(PathBuf, RawFile, String)> = Vec::new();
    let mut current = path.to_path_buf();
    loop {
        let canonical = std::fs::canonicalize(&current).map_err(|e| {
            let message = format!("cannot read scenario file {}: {e}", current.display());
            // Point at the `extends` line that names the missing file.
            let err = match chain.last() {
                Some((p, raw, text)) => match &raw.extends {
                    Some(ext) => {
                        InputError::at(p, text, ext.span().start, format!("`extends`: {message}"))
                    }
                    None => InputError::new(message),
                },
                None => InputError::new(message),
            };
            err.with_help(
                "check the path; paths in `extends` are relative to the file that contains them",
            )
        })?;
        if chain
            .iter()
            .any(|(p, _, _)| std::fs::canonicalize(p).ok().as_ref() == Some(&canonical))
        {
            let names: Vec<String> = chain
                .iter()
                .map(|(p, _, _)| p.display().to_string())
                .collect();
            return Err(InputError::in_file(
                &current,
                format!("`extends` forms a cycle: {} -> {}", names.join(" -> "), current.display()),
            )
            .with_help("an option file may extend a base scenario, but the base must not extend the option"));
        }
        let text = std::fs::read_to_string(&current).map_err(|e| {
            InputError::new(format!(
                "cannot read scenario file {}: {e}",
                current.display()
            ))
        })?;
        let raw = parse_file(&current, &text)?;
        let next = raw.extends.as_ref().map(|e| {
            let dir = current.parent().unwrap_or(Path::new("."));
            dir.join(e.get_ref())
        });
        chain.push((current.clone(), raw, text));
        match next {
            Some(n) => current = n,
            None => break,
        }
        if chain.len() > 32 {
            return Err(InputError::in_file(
                path,
                "`extends` chain is longer than 32 files",
            ));
        }
    }
    // Merge from the deepest base to the file on the command line.
    let mut merged = Merged::default();
    for (path, raw, text) in chain.into_iter().rev() {
        let id = merged.sources.files.len();
        merged.sources.files.push(SourceFile { path, text });
        merge_into(&mut merged, id, raw);
        merged.top = id;
    }
    Ok(merged)
}

/// Parses one file's TOML into its raw form, turning syntax and type errors
/// into located input errors.
pub fn parse_file(path: &Path, text: &str) -> Result<RawFile, InputError> {
    toml::from_str::<RawFile>(text).map_err(|e| {
        let message = e.message().trim().to_string();
        let help = help_for(&message);
        let err = match e.span() {
            Some(span) => InputError::at(path, text, span.start, message),
            None => InputError::in_file(path, message),
        };
        match help {
            Some(h) => err.with_help(h),
            None => err,
        }
    })
}

fn help_for(message: &str) -> Option<String> {
    if message.contains("unknown field") {
        Some("remove the key or fix its spelling; docs/scenario-format.md lists every key".into())
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

fn loc<T>(file: FileId, value: T) -> Located<T> {
    Located { file, value }
}

fn replace_named<T>(
    list: &mut Vec<Located<Spanned<T>>>,
    file: FileId,
    items: Vec<Spanned<T>>,
    name: impl Fn(&T) -> String,
) {
    for item in items {
        let n = name(item.get_ref());
        if let Some(slot) = list
            .iter_mut()
            .find(|x| x.file != file && name(x.value.get_ref()) == n)
        {
            *slot = loc(file, item);
        } else {
            list.push(loc(file, item));
        }
    }
}

fn merge_into(m: &mut Merged, id: FileId, raw: RawFile) {
    if let Some(v) = raw.name {
        m.name = Some(loc(id, v));
    }
    if let Some(v) = raw.description {
        m.description = Some(v);
    }
    macro_rules! replace {
        ($($field:ident),*) => {$(
            if let Some(v) = raw.$field { m.$field = Some(loc(id, v)); }
        )*};
    }
    replace!(
        horizon,
        simulation,
        population,
        economics,
        defaults,
        displacement,
        proposal,
        outbound_mail,
        noise
    );
    if let Some(prices) = raw.prices {
        for (k, v) in prices.into_inner() {
            // `counter` is another name for `personal`: one key, one input.
            let k = if k == "counter" {
                "personal".to_string()
            } else {
                k
            };
            m.prices.insert(k, loc(id, v));
        }
    }
    if let Some(v) = raw.areas {
        replace_named(&mut m.areas, id, v, |a| a.name.get_ref().clone());
    }
    if let Some(v) = raw.departments {
        replace_named(&mut m.departments, id, v, |a| a.name.get_ref().clone());
    }
    if let Some(v) = raw.events {
        replace_named(&mut m.events, id, v, |a| a.name.get_ref().clone());
    }
    if let Some(v) = raw.goals {
        replace_named(&mut m.goals, id, v, |a| a.name.get_ref().clone());
    }
    if let Some(v) = raw.correlations {
        m.correlations.extend(v.into_iter().map(|c| loc(id, c)));
    }
}
