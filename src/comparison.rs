//! Comparing options (e.g. Solrød's Proposal 1 and 2) on common random numbers.
//!
//! Every option runs with the same seed and trial count, and an input drawn
//! in one option is drawn identically in the others (streams are keyed by the
//! input's name), so the difference between two options is computed trial by
//! trial: a paired comparison whose noise is far below that of two
//! independent runs.

use crate::domain::OpeningChannel;
use crate::metric_key::MetricKey;
use crate::series_key::{CostPart, RunPath, SeriesKey, StaffingMeasure};
use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::Trials;
use crate::model::layout::Layout;
use crate::scenario::Scenario;
use crate::stats::Summary;
use crate::summary::{paired_difference, prob_greater, GoalSummary, HoursRow, Payback, RunSummary};

/// Version of the comparison.json schema.
pub const SCHEMA_VERSION: u32 = 1;

/// One option's results per year.
#[derive(Debug, Clone, Serialize)]
pub struct OptionYear {
    pub year: i32,
    pub cost_status_quo_kr: Summary,
    pub cost_kr: Summary,
    pub savings_kr: Summary,
    pub cumulative_net_savings_kr: Summary,
    /// Net present value of the savings through this year, kr.
    pub npv_kr: Summary,
    pub opening_cost_kr: Summary,
    pub displaced_retimed: Summary,
    pub displaced_to_digital: Summary,
    pub displaced_to_phone: Summary,
    pub displaced_avoided: Summary,
}

/// A department's staffed channel: written "Borgerservice phone" (the
/// department's label and the channel's key) in comparison.json.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffedChannel {
    /// The department's label.
    pub department: String,
    pub channel: OpeningChannel,
}

impl StaffedChannel {
    /// "Borgerservice telefon": the channel in `lang`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        crate::report::chart_data::staffed_channel_label(&self.department, self.channel, lang)
    }
}

impl Serialize for StaffedChannel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{} {}", self.department, self.channel))
    }
}

/// Staffing of one staffed channel under an option, per year (medians).
#[derive(Debug, Clone, Serialize)]
pub struct StaffingRow {
    pub channel: StaffedChannel,
    pub year: i32,
    pub agents_per_open_hour: f64,
    pub service_level: f64,
    pub asa_seconds: f64,
    pub agents_per_open_hour_status_quo: f64,
    pub service_level_status_quo: f64,
    pub asa_seconds_status_quo: f64,
}

/// One option.
#[derive(Debug, Clone, Serialize)]
pub struct OptionResult {
    /// The option's label, unique within the comparison: its proposal name,
    /// or "file stem: proposal name" where two options share a name.
    pub name: String,
    /// The option's file id, e.g. `solrod-2011-proposal-1`: the file's stem
    /// made safe in a file name and unique within the comparison (`-2`
    /// where the same file is given twice), as in its `files`.
    pub id: String,
    pub file: String,
    pub hours: Vec<HoursRow>,
    pub years: Vec<OptionYear>,
    pub staffing: Vec<StaffingRow>,
    pub goals: Vec<GoalSummary>,
    /// Share of trials by payback year, as `payback` in summary.json: the
    /// first year from which cumulative net savings stay above 0, or
    /// `not_by_<end year>`.
    pub payback: BTreeMap<Payback, f64>,
    /// [`RunSummary::avoided_savings_share`] of the option (not in
    /// comparison.json: the option's summary has the sources per year).
    #[serde(skip)]
    pub avoided_savings_share: Option<f64>,
    /// With `compare --breakdown`: cost, savings and contacts by area,
    /// department and contact type, as `breakdown` in summary.json.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<crate::breakdown::Breakdown>,
    /// The files written for this option alone (`breakdown-<id>.csv` with
    /// `--breakdown`, `monthly-<id>.csv` and `.json` with `--monthly`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

impl OptionResult {
    /// The option's weekly open hours for `department`'s `channel`: the
    /// proposal's, else today's; `None` when the option has no such hours.
    pub fn weekly_hours(&self, department: &str, channel: OpeningChannel) -> Option<f64> {
        self.hours
            .iter()
            .find(|h| h.department == department && h.channel == channel)
            .map(|h| h.proposal_hours_per_week.unwrap_or(h.today_hours_per_week))
    }
}

/// Option `a` against option `b`, trial by trial.
#[derive(Debug, Clone, Serialize)]
pub struct PairwiseYear {
    pub year: i32,
    /// Share of trials in which `a` saves more than `b` that year.
    pub prob_a_saves_more: f64,
    /// Savings of `a` minus savings of `b` that year, kr.
    pub savings_difference_kr: Summary,
    /// Share of trials in which `a`'s cumulative net savings exceed `b`'s.
    pub prob_a_cumulative_more: f64,
    pub cumulative_difference_kr: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pairwise {
    pub a: String,
    pub b: String,
    pub years: Vec<PairwiseYear>,
    /// With `--breakdown`: per group that both options have, the savings of
    /// `a` minus those of `b`, trial by trial.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<PairwiseGroup>,
}

/// One breakdown group (area, department or contact type) of a pair.
#[derive(Debug, Clone, Serialize)]
pub struct PairwiseGroup {
    /// `by_area`, `by_department` or `by_contact_type`.
    pub group: &'static str,
    pub name: String,
    pub years: Vec<PairwiseGroupYear>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairwiseGroupYear {
    pub year: i32,
    /// Share of trials in which `a` saves more than `b` in this group.
    pub prob_a_saves_more: f64,
    /// The group's savings under `a` minus under `b`, kr.
    pub savings_difference_kr: Summary,
}

/// The whole comparison: the content of comparison.json.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub schema_version: u32,
    pub seed: u64,
    pub trials: usize,
    pub years: Vec<i32>,
    pub options: Vec<OptionResult>,
    pub pairwise: Vec<Pairwise>,
}

impl Comparison {
    /// Every department's channel with opening hours in any option, once,
    /// in the order the options first have them (with today's hours).
    pub fn hours_channels(&self) -> Vec<&HoursRow> {
        let mut rows: Vec<&HoursRow> = Vec::new();
        for h in self.options.iter().flat_map(|o| &o.hours) {
            if !rows
                .iter()
                .any(|r| r.department == h.department && r.channel == h.channel)
            {
                rows.push(h);
            }
        }
        rows
    }
}

/// One simulated option, as input to [`Comparison::new`].
pub struct OptionRun<'a> {
    pub scenario: &'a Scenario,
    pub layout: &'a Layout,
    pub trials: &'a Trials,
    pub summary: &'a RunSummary,
}

/// The display name of an option: its proposal's name, else the scenario's.
pub fn option_name(s: &Scenario) -> String {
    s.proposal
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| s.name.clone())
}

/// The file stem of a scenario, e.g. `solrod-2011-proposal-1`.
fn file_stem(s: &Scenario) -> String {
    s.path
        .file_stem()
        .map(|x| x.to_string_lossy().into_owned())
        .unwrap_or_else(|| s.path.display().to_string())
}

/// One file id per option, unique within the comparison and safe in a
/// file name: the option file's stem (characters other than letters,
/// digits, `-`, `_` and `.` become `_`), with `-2`, `-3`, ... where a stem
/// repeats (the same file given twice).
pub fn option_file_ids(scenarios: &[&Scenario]) -> Vec<String> {
    let stems: Vec<String> = scenarios
        .iter()
        .map(|s| {
            let stem: String = file_stem(s)
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let stem = stem.trim_start_matches('.').to_string();
            if stem.is_empty() {
                "option".to_string()
            } else {
                stem
            }
        })
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for stem in &stems {
        let mut id = stem.clone();
        let mut k = 1;
        while ids.contains(&id) {
            k += 1;
            id = format!("{stem}-{k}");
        }
        ids.push(id);
    }
    ids
}

/// One label per option that tells every option apart: the proposal name
/// where it is unique, else "file stem: proposal name", with a counter when
/// even that repeats (the same file given twice).
pub fn option_labels(scenarios: &[&Scenario]) -> Vec<String> {
    let names: Vec<String> = scenarios.iter().map(|s| option_name(s)).collect();
    let count = |list: &[String], x: &str| list.iter().filter(|n| n.as_str() == x).count();
    let mut labels: Vec<String> = names
        .iter()
        .zip(scenarios)
        .map(|(n, s)| {
            if count(&names, n) == 1 {
                n.clone()
            } else {
                format!("{}: {n}", file_stem(s))
            }
        })
        .collect();
    let first = labels.clone();
    for i in 0..labels.len() {
        if count(&first, &first[i]) > 1 {
            let k = first[..=i].iter().filter(|x| **x == first[i]).count();
            labels[i] = format!("{} ({k})", first[i]);
        }
    }
    labels
}

impl Comparison {
    /// Builds the comparison from simulated options (same seed and trials).
    pub fn new(runs: &[OptionRun], seed: u64) -> Comparison {
        let years = runs[0].scenario.year_list();
        let scenarios: Vec<&Scenario> = runs.iter().map(|r| r.scenario).collect();
        let labels = option_labels(&scenarios);
        let ids = option_file_ids(&scenarios);
        let options = runs
            .iter()
            .zip(&labels)
            .zip(&ids)
            .map(|((r, label), id)| {
                let m = |k: &str, y: usize| r.summary.metric(k)[y];
                let opening_cost = SeriesKey::Cost {
                    part: CostPart::Opening,
                    path: RunPath::Scenario,
                }
                .to_string();
                let oy = years
                    .iter()
                    .enumerate()
                    .map(|(y, year)| OptionYear {
                        year: *year,
                        cost_status_quo_kr: m(MetricKey::CostStatusQuo.as_str(), y),
                        cost_kr: m(MetricKey::CostScenario.as_str(), y),
                        savings_kr: m(MetricKey::Savings.as_str(), y),
                        cumulative_net_savings_kr: m(MetricKey::CumulativeNetSavings.as_str(), y),
                        npv_kr: m(MetricKey::Npv.as_str(), y),
                        opening_cost_kr: m(&opening_cost, y),
                        displaced_retimed: m("displaced_retimed", y),
                        displaced_to_digital: m("displaced_to_digital", y),
                        displaced_to_phone: m("displaced_to_phone", y),
                        displaced_avoided: m("displaced_avoided", y),
                    })
                    .collect();
                let mut staffing = Vec::new();
                for &(d, ch) in &r.layout.staffed {
                    let dep = &r.scenario.departments[d];
                    let channel = OpeningChannel::at(ch);
                    for (y, year) in years.iter().enumerate() {
                        let g = |path, measure| {
                            let k = SeriesKey::Staffing {
                                department: dep.name.clone(),
                                channel,
                                path,
                                measure,
                            };
                            r.summary.metric(k.to_string())[y].p50
                        };
                        use StaffingMeasure::*;
                        staffing.push(StaffingRow {
                            channel: StaffedChannel {
                                department: dep.label.clone(),
                                channel,
                            },
                            year: *year,
                            agents_per_open_hour: g(RunPath::Scenario, AgentsPerOpenHour),
                            service_level: g(RunPath::Scenario, ServiceLevel),
                            asa_seconds: g(RunPath::Scenario, AsaSeconds),
                            agents_per_open_hour_status_quo: g(
                                RunPath::StatusQuo,
                                AgentsPerOpenHour,
                            ),
                            service_level_status_quo: g(RunPath::StatusQuo, ServiceLevel),
                            asa_seconds_status_quo: g(RunPath::StatusQuo, AsaSeconds),
                        });
                    }
                }
                OptionResult {
                    name: label.clone(),
                    id: id.clone(),
                    file: r.scenario.path.display().to_string(),
                    hours: r.summary.hours.clone(),
                    years: oy,
                    staffing,
                    goals: r.summary.goals.clone(),
                    payback: r.summary.payback.clone(),
                    avoided_savings_share: r.summary.avoided_savings_share(),
                    breakdown: r.summary.breakdown.clone(),
                    files: crate::export::registry::option_files(
                        id,
                        r.summary.breakdown.is_some(),
                        r.summary.monthly.is_some(),
                    ),
                }
            })
            .collect();
        let mut pairwise = Vec::new();
        for (i, a) in runs.iter().enumerate() {
            for (j, b) in runs.iter().enumerate() {
                if i == j {
                    continue;
                }
                let ys = years
                    .iter()
                    .enumerate()
                    .map(|(y, year)| {
                        let sa = a.trials.core_column(a.layout, a.layout.slots.savings + y);
                        let sb = b.trials.core_column(b.layout, b.layout.slots.savings + y);
                        let ca = a
                            .trials
                            .core_column(a.layout, a.layout.slots.cumulative + y);
                        let cb = b
                            .trials
                            .core_column(b.layout, b.layout.slots.cumulative + y);
                        PairwiseYear {
                            year: *year,
                            prob_a_saves_more: prob_greater(&sa, &sb),
                            savings_difference_kr: paired_difference(&sa, &sb),
                            prob_a_cumulative_more: prob_greater(&ca, &cb),
                            cumulative_difference_kr: paired_difference(&ca, &cb),
                        }
                    })
                    .collect();
                pairwise.push(Pairwise {
                    a: labels[i].clone(),
                    b: labels[j].clone(),
                    years: ys,
                    breakdown: pairwise_groups(a, b, &years),
                });
            }
        }
        Comparison {
            schema_version: SCHEMA_VERSION,
            seed,
            trials: runs[0].trials.n,
            years,
            options,
            pairwise,
        }
    }
}

/// Per breakdown group that both options have (same kind and name), the
/// savings of `a` minus those of `b` per year, trial by trial (common
/// random numbers); empty without `--breakdown`.
fn pairwise_groups(a: &OptionRun, b: &OptionRun, years: &[i32]) -> Vec<PairwiseGroup> {
    let (Some(sa), Some(sb)) = (&a.layout.slots.breakdown, &b.layout.slots.breakdown) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for kind in crate::model::breakdown::KindOf::ALL {
        for ga in sa.of_kind(kind) {
            let name = ga.name(a.scenario);
            let Some(gb) = sb.of_kind(kind).find(|g| g.name(b.scenario) == name) else {
                continue;
            };
            let ys = years
                .iter()
                .enumerate()
                .map(|(y, year)| {
                    let xa = a.trials.detail_column(a.layout, ga.savings + y);
                    let xb = b.trials.detail_column(b.layout, gb.savings + y);
                    PairwiseGroupYear {
                        year: *year,
                        prob_a_saves_more: prob_greater(&xa, &xb),
                        savings_difference_kr: paired_difference(&xa, &xb),
                    }
                })
                .collect();
            out.push(PairwiseGroup {
                group: kind.key(),
                name,
                years: ys,
            });
        }
    }
    out
}
