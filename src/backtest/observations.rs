//! Observation files: what was actually reached, in the vocabulary of goals.
//!
//! TOML:
//!
//! ```toml
//! [[observations]]
//! name = "Selvbetjening, flytning"        # optional
//! metric = "share"                       # as goals: share, volume, paper_letters,
//!                                        # cost, savings, cumulative_net_savings, npv
//! areas = ["Flytning"]                   # optional (every area)
//! types = ["transaction"]                # optional (every type)
//! channels = ["self_service"]            # share and volume only (required there)
//! at = "year"                            # optional: "year" or "year_end"
//! year = 2015
//! value = 0.62
//! source = "Statusrapport 2015, s. 4"    # optional
//! ```
//!
//! CSV (comma-separated, a header row naming the columns; `name` and `at`
//! optional; several areas, types or channels separated by `;` in a field):
//!
//! ```text
//! name,metric,areas,types,channels,year,value,source
//! Flytning,share,Flytning,transaction,self_service,2015,0.62,Statusrapport 2015
//! ```
//!
//! Every problem is an input error at its file:line:column with the line
//! shown, as for scenarios.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::InputError;

/// One realised value, as written, with the byte spans of its parts.
#[derive(Debug, Clone)]
pub struct Observation {
    pub name: Option<String>,
    pub metric: Field<String>,
    pub areas: Option<Field<Vec<String>>>,
    pub types: Option<Field<Vec<String>>>,
    pub channels: Option<Field<Vec<String>>>,
    pub at: Option<Field<String>>,
    pub year: Field<i64>,
    pub value: Field<f64>,
    pub source: Option<String>,
    /// The whole entry (a TOML table or a CSV row).
    pub span: Range<usize>,
}

/// A value and where it is in the file.
#[derive(Debug, Clone)]
pub struct Field<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// An observation file's text and entries.
#[derive(Debug, Clone)]
pub struct ObservationFile {
    pub path: std::path::PathBuf,
    pub text: String,
    pub observations: Vec<Observation>,
}

impl ObservationFile {
    /// An error about bytes `span` of this file.
    pub fn err(&self, span: Range<usize>, message: impl Into<String>) -> InputError {
        InputError::at_span(&self.path, &self.text, span, message)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    observations: Vec<Spanned<RawObservation>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObservation {
    name: Option<String>,
    metric: Spanned<String>,
    areas: Option<Spanned<Vec<String>>>,
    types: Option<Spanned<Vec<String>>>,
    channels: Option<Spanned<Vec<String>>>,
    at: Option<Spanned<String>>,
    year: Spanned<i64>,
    value: Spanned<f64>,
    source: Option<String>,
}

fn field<T>(s: Spanned<T>) -> Field<T> {
    let span = s.span();
    Field {
        value: s.into_inner(),
        span,
    }
}

/// Reads an observation file: CSV when its name ends in `.csv`, else TOML.
pub fn read(path: &Path) -> Result<ObservationFile, InputError> {
    let bytes = std::fs::read(path).map_err(|e| {
        InputError::new(format!(
            "cannot read observation file {}: {e}",
            path.display()
        ))
        .with_help("give the path of a TOML or CSV file of realised values")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        InputError::at(path, &prefix, offset, "the file is not UTF-8 text")
            .with_help("save the file as UTF-8")
    })?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let observations = if is_csv {
        parse_csv(path, &text)?
    } else {
        parse_toml(path, &text)?
    };
    if observations.is_empty() {
        return Err(InputError::in_file(path, "the file lists no observations")
            .with_help("add [[observations]] tables (TOML) or rows below the header (CSV)"));
    }
    Ok(ObservationFile {
        path: path.to_path_buf(),
        text,
        observations,
    })
}

fn parse_toml(path: &Path, text: &str) -> Result<Vec<Observation>, InputError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        let err = match e.span() {
            Some(span) => InputError::at_span(path, text, span, message),
            None => InputError::in_file(path, message),
        };
        err.with_help(
            "each [[observations]] table has metric, year and value, and optionally name, \
             areas, types, channels, at and source (see docs/scenario-format.md, \"Observation files\")",
        )
    })?;
    Ok(raw
        .observations
        .into_iter()
        .map(|o| {
            let span = o.span();
            let o = o.into_inner();
            Observation {
                name: o.name,
                metric: field(o.metric),
                areas: o.areas.map(field),
                types: o.types.map(field),
                channels: o.channels.map(field),
                at: o.at.map(field),
                year: field(o.year),
                value: field(o.value),
                source: o.source,
                span,
            }
        })
        .collect())
}

/// The CSV columns, in any order; `metric`, `year` and `value` are required.
const CSV_COLUMNS: [&str; 9] = [
    "name", "metric", "areas", "types", "channels", "at", "year", "value", "source",
];

fn parse_csv(path: &Path, text: &str) -> Result<Vec<Observation>, InputError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let csv_err = |e: csv::Error| {
        let offset = e.position().map_or(0, |p| p.byte() as usize) + bom;
        InputError::at(path, text, offset, format!("not valid CSV: {e}"))
            .with_help("write one observation per line, fields separated by commas")
    };
    let mut records = reader.records();
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    let header = header.map_err(csv_err)?;
    let at = |record: &csv::StringRecord, i: usize| -> Range<usize> {
        let start = record.position().map_or(0, |p| p.byte() as usize) + bom;
        // `range` is within the fields joined without their separators:
        // add one separator per field before (exact for unquoted fields).
        let r = record.range(i).unwrap_or(0..0);
        start + r.start + i..start + r.end + i
    };
    let mut columns: Vec<Option<usize>> = vec![None; CSV_COLUMNS.len()];
    for (i, h) in header.iter().enumerate() {
        let name = h.trim().to_ascii_lowercase();
        match CSV_COLUMNS.iter().position(|c| *c == name) {
            Some(k) if columns[k].is_none() => columns[k] = Some(i),
            Some(_) => {
                return Err(InputError::at_span(
                    path,
                    text,
                    at(&header, i),
                    format!("column \"{name}\" appears twice"),
                )
                .with_help("keep one of the two columns"))
            }
            None => {
                return Err(InputError::at_span(
                    path,
                    text,
                    at(&header, i),
                    format!("unknown column \"{}\"", h.trim()),
                )
                .with_help(format!("the columns are: {}", CSV_COLUMNS.join(", "))))
            }
        }
    }
    for required in ["metric", "year", "value"] {
        let k = CSV_COLUMNS
            .iter()
            .position(|c| *c == required)
            .expect("listed");
        if columns[k].is_none() {
            return Err(InputError::at_span(path, text, at(&header, 0), format!("the header has no \"{required}\" column"))
                .with_help("the first line names the columns, e.g. name,metric,areas,types,channels,year,value,source"));
        }
    }
    let col = |name: &str| columns[CSV_COLUMNS.iter().position(|c| *c == name).expect("listed")];
    let mut out = Vec::new();
    for record in records {
        let record = record.map_err(csv_err)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row_start = record.position().map_or(0, |p| p.byte() as usize) + bom;
        let row_end = row_start + record.as_slice().len();
        if record.len() > header.len() {
            return Err(InputError::at_span(
                path,
                text,
                at(&record, header.len()),
                format!(
                    "this row has {} fields, the header {}",
                    record.len(),
                    header.len()
                ),
            )
            .with_help("a value with a comma must be in double quotes"));
        }
        let get = |name: &str| -> Option<Field<String>> {
            col(name).and_then(|i| {
                record.get(i).map(|v| Field {
                    value: v.trim().to_string(),
                    span: at(&record, i),
                })
            })
        };
        let required = |name: &str| -> Result<Field<String>, InputError> {
            get(name).filter(|f| !f.value.is_empty()).ok_or_else(|| {
                InputError::at_span(
                    path,
                    text,
                    row_start..row_end,
                    format!("this row has no {name}"),
                )
                .with_help(format!("fill in the \"{name}\" column"))
            })
        };
        let optional = |name: &str| get(name).filter(|f| !f.value.is_empty());
        let list = |name: &str| {
            optional(name).map(|f| Field {
                value: f
                    .value
                    .split(';')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                span: f.span,
            })
        };
        let year = required("year")?;
        let year_value: i64 = year.value.parse().map_err(|_| {
            InputError::at_span(
                path,
                text,
                year.span.clone(),
                format!("year \"{}\" is not a year", year.value),
            )
            .with_help("write a year such as 2015")
        })?;
        let value = required("value")?;
        let number: f64 = value.value.parse().map_err(|_| {
            InputError::at_span(path, text, value.span.clone(), format!("value \"{}\" is not a number", value.value))
                .with_help("write the number with a decimal point and no thousands separators, e.g. 0.62 or 1250000")
        })?;
        out.push(Observation {
            name: optional("name").map(|f| f.value),
            metric: required("metric")?,
            areas: list("areas"),
            types: list("types"),
            channels: list("channels"),
            at: optional("at"),
            year: Field {
                value: year_value,
                span: year.span,
            },
            value: Field {
                value: number,
                span: value.span,
            },
            source: optional("source").map(|f| f.value),
            span: row_start..row_end,
        });
    }
    Ok(out)
}
