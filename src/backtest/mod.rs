//! Backtest: a forecast held to account against what actually happened.
//!
//! An observation file lists realised values (what a municipality's status
//! report says was reached) in the vocabulary of goals. Each becomes a goal
//! of the scenario ([`targets`]), the engine runs as usual, and each
//! observation's trials are the forecast distribution it is scored against
//! ([`score`]): median, 50 % and 90 % bands, the probability integral
//! transform (PIT) and the continuous ranked probability score (CRPS). Over
//! all observations: the coverage of the two bands and the mean CRPS,
//! against a naive forecast that holds today's figures constant (the
//! forecast's own distribution of the same quantity in the base year).

pub mod observations;
pub mod score;
pub mod targets;

use serde::Serialize;

use crate::engine::{Engine, Trials};
use crate::error::InputError;

pub use observations::{read, ObservationFile};
pub use score::Scored;

/// One observation and how the forecast fares against it.
#[derive(Debug, Clone, Serialize)]
pub struct ObservationScore {
    pub name: String,
    pub metric: String,
    /// Unit of value, bands and CRPS: "share", "contacts", "letters" or "kr".
    pub unit: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    pub year: i32,
    /// The realised value.
    pub value: f64,
    pub source: Option<String>,
    /// The forecast against it (null when no trial can evaluate it).
    pub forecast: Option<Scored>,
    /// The naive forecast (today's figures held constant) against it.
    pub naive: Option<Scored>,
}

/// Scores over all observations.
#[derive(Debug, Clone, Serialize)]
pub struct Backtest {
    pub scenario: String,
    pub scenario_file: String,
    pub observation_file: String,
    pub seed: u64,
    pub trials: usize,
    pub sampling: crate::sampling::Method,
    pub base_year: i32,
    pub observations: Vec<ObservationScore>,
    /// Observations the forecast could evaluate (the rest are left out below).
    pub scored: usize,
    /// Share of realised values inside the forecast's 50 % band (nominal 0.5).
    pub coverage_50: f64,
    /// Share of realised values inside the forecast's 90 % band (nominal 0.9).
    pub coverage_90: f64,
    /// Mean CRPS of the forecast (in the observations' units: only
    /// comparable between forecasts of the same observations).
    pub mean_crps: f64,
    /// Mean CRPS of the naive forecast over the same observations.
    pub naive_mean_crps: f64,
    /// 1 - mean_crps / naive_mean_crps: above 0 the forecast beats holding
    /// today's figures constant; null when the naive CRPS is 0.
    pub skill: Option<f64>,
}

/// The unit of a goal metric's values.
fn unit(metric: &str) -> &'static str {
    match metric {
        "share" => "share",
        "volume" => "contacts",
        "paper_letters" => "letters",
        _ => "kr",
    }
}

/// Scores `trials` of `engine` (built on the scenario of
/// [`targets::scenario_with_observations`]) against the observations.
pub fn evaluate(
    engine: &Engine,
    trials: &Trials,
    file: &ObservationFile,
) -> Result<Backtest, InputError> {
    let s = engine.scenario;
    let layout = &engine.layout;
    let mut rows = Vec::new();
    for (g, o) in file.observations.iter().enumerate() {
        let y = (o.year.value - i64::from(s.base_year)) as usize;
        let column = trials.core_column(layout, layout.slots.goals[g] + y);
        let base = trials.core_column(layout, layout.slots.goals[g]);
        let value = o.value.value;
        let list = |f: &Option<observations::Field<Vec<String>>>| {
            f.as_ref().map(|f| f.value.clone()).unwrap_or_default()
        };
        rows.push(ObservationScore {
            name: targets::display_name(o),
            metric: o.metric.value.clone(),
            unit: unit(&o.metric.value).into(),
            areas: list(&o.areas),
            types: list(&o.types),
            channels: list(&o.channels),
            year: o.year.value as i32,
            value,
            source: o.source.clone(),
            forecast: score::score(&column, value),
            naive: score::score(&base, value),
        });
    }
    let both: Vec<(&Scored, &Scored)> = rows
        .iter()
        .filter_map(|r| r.forecast.as_ref().zip(r.naive.as_ref()))
        .collect();
    if both.is_empty() {
        return Err(InputError::in_file(
            &file.path,
            "no observation can be evaluated: every one is a share over cells with no contacts",
        )
        .with_help("check the areas, types and channels of the observations"));
    }
    let n = both.len() as f64;
    let share = |f: &dyn Fn(&Scored) -> bool| both.iter().filter(|(a, _)| f(a)).count() as f64 / n;
    let mean_crps = both.iter().map(|(a, _)| a.crps).sum::<f64>() / n;
    let naive_mean_crps = both.iter().map(|(_, b)| b.crps).sum::<f64>() / n;
    Ok(Backtest {
        scenario: s.name.clone(),
        scenario_file: s.path.display().to_string(),
        observation_file: file.path.display().to_string(),
        seed: engine.seed,
        trials: trials.n,
        sampling: engine.design.method,
        base_year: s.base_year,
        scored: both.len(),
        coverage_50: share(&|a| a.in_band50),
        coverage_90: share(&|a| a.in_band90),
        mean_crps,
        naive_mean_crps,
        skill: (naive_mean_crps > 0.0).then(|| 1.0 - mean_crps / naive_mean_crps),
        observations: rows,
    })
}

/// backtest.csv: one row per observation.
pub fn to_csv(b: &Backtest, locale: crate::export::csv::CsvLocale) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(locale.delimiter())
        .from_writer(Vec::new());
    w.write_record([
        "name",
        "metric",
        "unit",
        "areas",
        "types",
        "channels",
        "year",
        "value",
        "median",
        "band50_low",
        "band50_high",
        "band90_low",
        "band90_high",
        "pit",
        "crps",
        "in_band50",
        "in_band90",
        "naive_median",
        "naive_crps",
        "source",
    ])?;
    let num = |x: Option<f64>| x.map(|x| locale.num(x)).unwrap_or_default();
    for r in &b.observations {
        let f = r.forecast.as_ref();
        let nv = r.naive.as_ref();
        w.write_record([
            crate::export::sanitize::clean_text(&r.name).into_owned(),
            r.metric.clone(),
            r.unit.clone(),
            r.areas.join(";"),
            r.types.join(";"),
            r.channels.join(";"),
            r.year.to_string(),
            locale.num(r.value),
            num(f.map(|f| f.median)),
            num(f.map(|f| f.band50[0])),
            num(f.map(|f| f.band50[1])),
            num(f.map(|f| f.band90[0])),
            num(f.map(|f| f.band90[1])),
            num(f.map(|f| f.pit)),
            num(f.map(|f| f.crps)),
            f.map(|f| f.in_band50.to_string()).unwrap_or_default(),
            f.map(|f| f.in_band90.to_string()).unwrap_or_default(),
            num(nv.map(|f| f.median)),
            num(nv.map(|f| f.crps)),
            crate::export::sanitize::clean_text(r.source.as_deref().unwrap_or("")).into_owned(),
        ])?;
    }
    let mut bytes = w.into_inner()?;
    if locale == crate::export::csv::CsvLocale::Da {
        let mut with_bom = "\u{feff}".as_bytes().to_vec();
        with_bom.append(&mut bytes);
        bytes = with_bom;
    }
    Ok(bytes)
}
