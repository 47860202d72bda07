//! Observations as goals: each realised value becomes a goal of the
//! scenario (same metric, cells and channels), so the engine computes the
//! observed quantity in every trial exactly as it computes goal values. The
//! model is untouched: only the scenario's list of goals changes.

use crate::domain::{Channel, ContactType, N_CHANNELS};
use crate::error::InputError;
use crate::scenario::{Goal, GoalMetric, GoalOp, Scenario};

use super::observations::{Field, Observation, ObservationFile};

const METRICS: [GoalMetric; 7] = [
    GoalMetric::Share,
    GoalMetric::Volume,
    GoalMetric::PaperLetters,
    GoalMetric::Cost,
    GoalMetric::Savings,
    GoalMetric::CumulativeNetSavings,
    GoalMetric::Npv,
];

/// The observation's display name: its `name`, else "metric year".
pub fn display_name(o: &Observation) -> String {
    o.name
        .clone()
        .unwrap_or_else(|| format!("{} {}", o.metric.value, o.year.value))
}

/// The goal that makes the engine compute observation `o` in every trial.
pub fn goal_for(file: &ObservationFile, s: &Scenario, o: &Observation) -> Result<Goal, InputError> {
    let name = display_name(o);
    let owner = format!("observation \"{name}\"");
    let metric = METRICS
        .iter()
        .copied()
        .find(|m| m.key() == o.metric.value)
        .ok_or_else(|| {
            file.err(
                o.metric.span.clone(),
                format!("{owner}: unknown metric \"{}\"", o.metric.value),
            )
            .with_help("metrics are as for goals: share, volume, paper_letters, cost, savings, cumulative_net_savings, npv")
        })?;
    let per_cell = matches!(metric, GoalMetric::Share | GoalMetric::Volume);
    if !per_cell {
        if let Some(f) = [&o.areas, &o.types, &o.channels]
            .into_iter()
            .flatten()
            .next()
        {
            return Err(file.err(
                f.span.clone(),
                format!(
                    "{owner}: areas, types and channels only apply to the share and volume metrics, not {}",
                    metric.key()
                ),
            )
            .with_help("remove them: money and letters are totals of the whole scenario"));
        }
    }
    if metric == GoalMetric::PaperLetters && s.outbound.is_none() {
        return Err(file.err(
            o.metric.span.clone(),
            format!("{owner} counts paper letters, but the scenario has no [outbound_mail]"),
        ));
    }
    let mut channels = [false; N_CHANNELS];
    if per_cell {
        let Some(list) = &o.channels else {
            return Err(file
                .err(
                    o.span.clone(),
                    format!("{owner}: metric {} needs channels", metric.key()),
                )
                .with_help("e.g. channels = [\"self_service\"] (in CSV: self_service;website)"));
        };
        for c in &list.value {
            let ch = Channel::from_key(c).ok_or_else(|| {
                file.err(
                    list.span.clone(),
                    format!("{owner}: unknown channel \"{c}\""),
                )
                .with_help(format!(
                    "channels are: {}",
                    Channel::ALL.map(|c| c.key()).join(", ")
                ))
            })?;
            channels[ch.index()] = true;
        }
        if list.value.is_empty() {
            return Err(file.err(
                list.span.clone(),
                format!("{owner}: the channel list is empty"),
            ));
        }
    }
    let areas = match &o.areas {
        Some(list) => Some(names_to_indices(
            file,
            list,
            &owner,
            |a| s.areas.iter().position(|x| x.name == a),
            || s.areas.iter().map(|a| a.name.clone()).collect(),
        )?),
        None => None,
    };
    let types: Option<Vec<ContactType>> = match &o.types {
        Some(list) => Some(
            list.value
                .iter()
                .map(|t| {
                    ContactType::from_key(t).ok_or_else(|| {
                        file.err(
                            list.span.clone(),
                            format!("{owner}: unknown contact type \"{t}\""),
                        )
                        .with_help("types are: transaction, information, case_information")
                    })
                })
                .collect::<Result<_, _>>()?,
        ),
        None => None,
    };
    let cells: Vec<bool> = s
        .cells
        .iter()
        .map(|c| {
            areas.as_ref().is_none_or(|a| a.contains(&c.area))
                && types.as_ref().is_none_or(|t| t.contains(&c.contact_type))
        })
        .collect();
    if !cells.iter().any(|x| *x) {
        return Err(file
            .err(
                o.span.clone(),
                format!("{owner} selects no (area, type) cell of the scenario"),
            )
            .with_help(
                "the scenario has no contacts of these types in these areas; check the names",
            ));
    }
    let year = o.year.value;
    if year < i64::from(s.base_year) || year > i64::from(s.end_year) {
        return Err(file
            .err(
                o.year.span.clone(),
                format!(
                    "{owner}: year {year} is outside the scenario's horizon {}-{}",
                    s.base_year, s.end_year
                ),
            )
            .with_help("a forecast can only be scored in the years it covers"));
    }
    let value = o.value.value;
    if !value.is_finite() || (metric == GoalMetric::Share && !(0.0..=1.0).contains(&value)) {
        return Err(file
            .err(
                o.value.span.clone(),
                format!(
                    "{owner}: value {value} is not valid for metric {}",
                    metric.key()
                ),
            )
            .with_help("shares are fractions between 0 and 1 (0.62 for 62 %); amounts in kr."));
    }
    let year_end = match &o.at {
        None => false,
        Some(a) => match (a.value.as_str(), per_cell) {
            ("year", _) => false,
            ("year_end", true) => true,
            ("year_end", false) => {
                return Err(file
                    .err(
                        a.span.clone(),
                        format!(
                        "{owner}: at = \"year_end\" applies only to the share and volume metrics"
                    ),
                    )
                    .with_help("money and letters are yearly totals: remove `at`"))
            }
            (other, _) => {
                return Err(file
                    .err(
                        a.span.clone(),
                        format!("{owner}: at = \"{other}\" is neither \"year\" nor \"year_end\""),
                    )
                    .with_help(
                        "\"year\" = over the whole year (default); \"year_end\" = in December",
                    ))
            }
        },
    };
    let n_years = (s.end_year - s.base_year + 1) as usize;
    let mut targets = vec![None; n_years];
    targets[(year - i64::from(s.base_year)) as usize] = Some(value);
    Ok(Goal {
        name,
        metric,
        op: GoalOp::AtLeast,
        cells,
        channels,
        targets,
        year_end,
    })
}

fn names_to_indices(
    file: &ObservationFile,
    list: &Field<Vec<String>>,
    owner: &str,
    find: impl Fn(&str) -> Option<usize>,
    all: impl Fn() -> Vec<String>,
) -> Result<Vec<usize>, InputError> {
    if list.value.is_empty() {
        return Err(file.err(
            list.span.clone(),
            format!("{owner}: the area list is empty"),
        ));
    }
    list.value
        .iter()
        .map(|a| {
            find(a).ok_or_else(|| {
                file.err(
                    list.span.clone(),
                    format!("{owner}: the scenario has no area \"{a}\""),
                )
                .with_help(format!("its areas are: {}", all().join(", ")))
            })
        })
        .collect()
}

/// The scenario with one goal per observation in place of its own goals.
pub fn scenario_with_observations(
    file: &ObservationFile,
    s: &Scenario,
) -> Result<Scenario, InputError> {
    let goals = file
        .observations
        .iter()
        .map(|o| goal_for(file, s, o))
        .collect::<Result<Vec<_>, _>>()?;
    let mut scored = s.clone();
    scored.goals = goals;
    Ok(scored)
}
