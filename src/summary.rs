//! What a run reports: summaries per metric and year, goal probabilities,
//! payback, the inputs. This is the content of `summary.json` (schema in
//! docs/outputs.md) and the only thing tables, charts and reports read.

use crate::input_key::InputKey;
use crate::metric_key::{MetricKey, MetricName};
use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::domain::OpeningChannel;
use crate::engine::Trials;
use crate::model::layout::{Layout, Store};
use crate::scenario::{GoalMetric, GoalOp, Scenario};
use crate::stats::{self, ColumnGroup, Summary};

/// Version of the summary.json schema; bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Summary of one metric: per year, or a single value.
#[derive(Debug, Clone, Serialize)]
pub struct MetricSummary {
    /// What the metric is, typed (its key in the JSON is the map's key).
    #[serde(skip)]
    pub name: MetricName,
    pub unit: String,
    /// One summary per year of `years` (or a single entry for per-trial metrics).
    pub values: Vec<Summary>,
}

/// How often a goal is met.
#[derive(Debug, Clone, Serialize)]
pub struct GoalSummary {
    pub name: String,
    /// What the goal measures; its key in the JSON ("share", "citizens").
    #[serde(serialize_with = "goal_metric_key")]
    pub metric: GoalMetric,
    /// For metric "citizens": which capability; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capability: Option<&'static str>,
    /// Written as ">=" or "<=".
    #[serde(serialize_with = "goal_op_symbol")]
    pub op: GoalOp,
    /// Target per year (null where the goal is not evaluated).
    pub targets: Vec<Option<f64>>,
    /// Share of trials meeting the target, per year (null where not evaluated).
    pub probability: Vec<Option<f64>>,
    /// The goal's metric per year, summarised.
    pub value: Vec<Summary>,
    /// Share of trials by the first evaluated year in which the goal is met;
    /// key "not_met" for trials that never meet it.
    pub first_year_met: BTreeMap<FirstMet, f64>,
    /// Per year, the share of trials in which the goal cannot be evaluated
    /// (a share over cells with no contacts: 0/0). Left out of the JSON when
    /// the goal is evaluable in every trial and year. A year in which no
    /// trial is evaluable has probability null and reads "not evaluable".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_evaluable: Vec<f64>,
    /// True for a goal judged on December's contacts: `at = "year_end"` in
    /// the JSON, left out for goals judged on the whole year.
    #[serde(
        rename = "at",
        skip_serializing_if = "std::ops::Not::not",
        serialize_with = "year_end_key"
    )]
    pub year_end: bool,
}

/// A goal metric as its key in summary.json.
fn goal_metric_key<S: serde::Serializer>(m: &GoalMetric, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.key())
}

/// A goal's operator as summary.json writes it (">=", "<=").
fn goal_op_symbol<S: serde::Serializer>(op: &GoalOp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(op.symbol())
}

/// A goal judged in December as summary.json writes it (only written when true).
fn year_end_key<S: serde::Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("year_end")
}

impl GoalSummary {
    /// The last year in which the goal is judged (of `years`, the run's)
    /// and the probability that it is met then; None when no year has a
    /// probability.
    pub fn met_in_last_year(&self, years: &[i32]) -> Option<(i32, f64)> {
        let i = self.probability.iter().rposition(|p| p.is_some())?;
        Some((*years.get(i)?, self.probability[i]?))
    }

    /// Whether the goal has a target in year `y` but no trial can evaluate it.
    pub fn not_evaluable_in(&self, y: usize) -> bool {
        self.targets.get(y).is_some_and(|t| t.is_some())
            && self.not_evaluable.get(y).is_some_and(|&s| s >= 1.0)
    }
}

/// A key of a goal's `first_year_met`: the first year a trial meets the
/// goal ("2013" in the JSON), or never ("not_met"). Years come first, in
/// order, as the JSON's keys sort (years have four digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FirstMet {
    Year(i32),
    NotMet,
}

impl std::fmt::Display for FirstMet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FirstMet::Year(y) => write!(f, "{y}"),
            FirstMet::NotMet => f.write_str("not_met"),
        }
    }
}

impl Serialize for FirstMet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A key of `payback`: the first year from which a trial's cumulative net
/// savings stay above 0 ("2013" in the JSON), or not by the end year
/// (`NotBy(2015)`, "not_by_2015"). Years come first, in order, as the
/// JSON's keys sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Payback {
    Year(i32),
    NotBy(i32),
}

impl std::fmt::Display for Payback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Payback::Year(y) => write!(f, "{y}"),
            Payback::NotBy(end) => write!(f, "not_by_{end}"),
        }
    }
}

impl Serialize for Payback {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Weekly open hours of one department's channel today and under the proposal.
#[derive(Debug, Clone, Serialize)]
pub struct HoursRow {
    /// The department's label ("Borgerservice"), as the report names it;
    /// options of a comparison are matched by it.
    pub department: String,
    pub channel: OpeningChannel,
    pub today: String,
    pub today_hours_per_week: f64,
    pub proposal: Option<String>,
    pub proposal_hours_per_week: Option<f64>,
    /// The share of the channel's contacts the proposal displaces, rho =
    /// 1 - H1/H0 of the demand-weighted hours: the engine's own figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub displaced_share: Option<f64>,
}

/// An uncertain input as the assumptions table shows it.
#[derive(Debug, Clone, Serialize)]
pub struct InputRow {
    pub key: InputKey,
    pub unit: String,
    pub distribution: String,
    pub mean: f64,
    pub location: String,
    pub comment: Option<String>,
}

/// The shape of one output's distribution, for histograms and S-curves.
#[derive(Debug, Clone, Serialize)]
pub struct Shape {
    /// Metric and year, e.g. cumulative_net_savings_kr in 2015.
    pub metric: MetricKey,
    pub year: i32,
    /// Equal-width bins: (low, high, count).
    pub histogram: Vec<(f64, f64, u64)>,
    /// (x, share of trials with a value above x) at the 0th..100th percentiles.
    pub exceedance: Vec<(f64, f64)>,
    /// Share of trials with a value above 0 (a saving).
    pub prob_positive: f64,
}

impl Shape {
    /// Summarises the distribution of `values`.
    pub fn of(metric: MetricKey, year: i32, values: &[f64]) -> Shape {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        // Radix sort in totalOrder: the same sequence as sorting by total_cmp.
        radsort::sort(&mut sorted);
        let exceedance = (0..=100)
            .map(|i| {
                let x = stats::percentile_sorted(&sorted, i as f64 / 100.0);
                (x, share_above_sorted(&sorted, x))
            })
            .collect();
        Shape {
            metric,
            year,
            histogram: stats::histogram(&sorted, 40),
            exceedance,
            prob_positive: share_above_sorted(&sorted, 0.0),
        }
    }
}

/// [`stats::share_above`] of ascending, finite `sorted` by binary search
/// (the same count: `v > x` is monotone along the sorted values).
fn share_above_sorted(sorted: &[f64], x: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let not_above = sorted.partition_point(|v| *v <= x);
    (sorted.len() - not_above) as f64 / sorted.len() as f64
}

/// How one uncertain input drives the chosen output (tornado, Crystal Ball's
/// contribution to variance).
#[derive(Debug, Clone, Serialize)]
pub struct SensitivityRow {
    /// The input, e.g. `prices.personal`.
    pub input: InputKey,
    pub unit: String,
    /// Spearman rank correlation of the input with the output across trials.
    pub spearman: f64,
    /// Share of the output's rank variance attributed to the input:
    /// rho^2 / sum of rho^2 over all inputs, signed like rho (as Crystal Ball shows it).
    pub contribution_to_variance: f64,
    /// Median of the output in trials where the input is in its lowest decile.
    pub median_when_low: f64,
    /// Median of the output in trials where the input is in its highest decile.
    pub median_when_high: f64,
    /// |median_when_high - median_when_low|.
    pub swing: f64,
}

/// Sensitivity of one output to every uncertain input, most influential first.
#[derive(Debug, Clone, Serialize)]
pub struct Sensitivity {
    /// Metric and year of the output, e.g. cumulative_net_savings_kr, 2015.
    pub metric: MetricKey,
    pub year: i32,
    /// Median of the output over the trials used.
    pub output_median: f64,
    /// Trials used (the first N of the run).
    pub trials_used: usize,
    pub rows: Vec<SensitivityRow>,
    /// Declared rank correlations and the ones achieved in the trials.
    pub correlations: Vec<CorrelationCheck>,
}

/// A declared rank correlation and the one the trials show.
#[derive(Debug, Clone, Serialize)]
pub struct CorrelationCheck {
    pub a: InputKey,
    pub b: InputKey,
    pub declared: f64,
    pub achieved: f64,
}

/// What one policy event buys: the run with and without it, trial by trial.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionRow {
    /// The policy event's name, or the proposal's name for its opening hours.
    pub event: String,
    /// What the row is: "proposal" (the opening-hours proposal) or "event".
    pub item: AttributionItem,
    /// Cumulative net savings at the end year with the event minus without it, kr.
    /// Net of the event's own cost, since that cost is in the scenario's cost.
    pub marginal_net_savings_kr: Summary,
    /// The event's own cost through the end year, kr.
    pub cost_kr: Summary,
    /// Marginal savings before the event's cost (net + cost), kr.
    pub gross_savings_kr: Summary,
    /// Per goal: change in the probability of meeting it, per year (with - without).
    pub goal_probability_change: Vec<Vec<Option<f64>>>,
}

impl AttributionRow {
    /// The row's name in tables and charts: the proposal's reads as opening hours.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self.item {
            AttributionItem::Event => self.event.clone(),
            AttributionItem::Proposal => crate::i18n::proposal_hours(lang, &self.event),
        }
    }
}

/// What an attribution row removes to measure its effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionItem {
    /// The proposal's opening hours (the scenario rerun with today's hours).
    Proposal,
    /// A policy event.
    Event,
}

/// How precisely the chosen output's mean is known (precision control).
#[derive(Debug, Clone, Serialize)]
pub struct Precision {
    pub metric: PrecisionOutput,
    pub year: i32,
    /// "mean", a percentile ("p95") or "goal_probability".
    pub statistic: PrecisionStatistic,
    /// For the mean and percentiles, the 95 % half-width relative to the
    /// statistic; for a goal probability, absolute (probability points).
    pub target_relative: Option<f64>,
    pub achieved_relative: f64,
    pub reached: bool,
}

/// The output whose precision is controlled: a metric, or a goal's
/// probability of being met. Written as the metric's key or as "goal
/// <number>: <name>".
#[derive(Debug, Clone, PartialEq)]
pub enum PrecisionOutput {
    Metric(MetricKey),
    /// Goal `number` (from 1) named `name`.
    Goal {
        number: usize,
        name: String,
    },
}

impl std::fmt::Display for PrecisionOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrecisionOutput::Metric(k) => f.write_str(k.as_str()),
            PrecisionOutput::Goal { number, name } => write!(f, "goal {number}: {name}"),
        }
    }
}

impl Serialize for PrecisionOutput {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The statistic whose precision is controlled. Written as "mean", "p95"
/// (the percentile in per cent) or "goal_probability".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PrecisionStatistic {
    Mean,
    /// A percentile, as a fraction (0.95).
    Percentile(f64),
    GoalProbability,
}

impl std::fmt::Display for PrecisionStatistic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrecisionStatistic::Mean => f.write_str("mean"),
            PrecisionStatistic::Percentile(p) => write!(f, "p{}", p * 100.0),
            PrecisionStatistic::GoalProbability => f.write_str("goal_probability"),
        }
    }
}

impl Serialize for PrecisionStatistic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An external event that makes Digital Post mandatory for outbound
/// letters: an outbound `digital_post_exemption`, or a floor on the
/// citizens' Digital Post registration when that drives the letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitalPostLaw {
    pub name: String,
    /// Its first month: the year and the month (1 = January).
    pub year: i32,
    pub month: u32,
}

/// The scenario's Digital Post laws (see [`DigitalPostLaw`]), in its order.
fn digital_post_laws(s: &Scenario) -> Vec<DigitalPostLaw> {
    use crate::scenario::{Capability, EventKind};
    let registration_drives_letters = s
        .citizens
        .iter()
        .any(|c| c.capability == Capability::DigitalPost && c.drives_outbound);
    s.events
        .iter()
        .filter(|e| e.kind == EventKind::External)
        .filter(|e| {
            e.digital_post.is_some()
                || (registration_drives_letters
                    && e.citizens
                        .iter()
                        .any(|c| c.capability == Capability::DigitalPost && c.floor.is_some()))
        })
        .map(|e| DigitalPostLaw {
            name: e.name.clone(),
            year: s.base_year + (e.start / 12) as i32,
            month: (e.start % 12) as u32 + 1,
        })
        .collect()
}

/// A fall in the mean savings on outbound mail from one year to the next
/// that a Digital Post law explains (`RunSummary::outbound_mail_drop`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutboundMailDrop<'a> {
    pub law: &'a DigitalPostLaw,
    /// The year of the fall, and the mean savings the year before and in it.
    pub year: i32,
    pub before: f64,
    pub after: f64,
}

/// Everything a run reports.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub schema_version: u32,
    pub scenario: String,
    pub scenario_file: String,
    /// The scenario's `description`, if any.
    pub description: Option<String>,
    pub proposal: Option<String>,
    /// The proposal's `description`, if any.
    pub proposal_description: Option<String>,
    /// Names of the scenario's policy events (its initiatives besides the
    /// hours); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub policy_events: Vec<String>,
    /// The discount rate as written (a number or a distribution).
    pub discount_rate: String,
    pub seed: u64,
    /// How the inputs were drawn: "random", "lhs" or "sobol".
    pub sampling: crate::sampling::Method,
    pub trials: usize,
    pub base_year: i32,
    pub end_year: i32,
    pub years: Vec<i32>,
    pub metrics: BTreeMap<String, MetricSummary>,
    pub goals: Vec<GoalSummary>,
    /// Share of trials by payback year; key "not_by_<end_year>" for the rest.
    pub payback: BTreeMap<Payback, f64>,
    pub precision: Option<Precision>,
    /// Distribution shapes of annual savings and cumulative net savings in the end year.
    pub shapes: Vec<Shape>,
    /// Running mean and percentiles of the headline output (cumulative net
    /// savings in the end year, or the scenario's cost when nothing is
    /// saved) against the number of trials, with their 95 % CIs.
    pub convergence: Option<crate::stats::convergence::Convergence>,
    /// Present when sensitivity analysis ran (see `sensitivity`).
    pub sensitivity: Option<Sensitivity>,
    /// Present with `run --attribution`.
    pub attribution: Option<Vec<AttributionRow>>,
    pub hours: Vec<HoursRow>,
    pub inputs: Vec<InputRow>,
    /// By area, department and contact type; only with `run --breakdown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<crate::breakdown::Breakdown>,
    /// Monthly results (`run --monthly`): written to monthly.json and
    /// monthly.csv, not to summary.json.
    #[serde(skip)]
    pub monthly: Option<crate::monthly::Monthly>,
    /// Each department's name and label ("BSA", "Borgerservice"), so that
    /// the report names departments as people do; not in summary.json.
    #[serde(skip)]
    pub department_labels: Vec<(String, String)>,
    /// The external events (laws, in the status quo too) that make Digital
    /// Post mandatory for the outbound letters, directly or through the
    /// citizens' registration that drives them: they explain why the
    /// savings on outbound mail fall once the status quo sends as many
    /// letters digitally (`outbound_mail_drop`); not in summary.json.
    #[serde(skip)]
    pub digital_post_laws: Vec<DigitalPostLaw>,
    /// Present when the run had more trials than are summarised exactly
    /// (`run --stream-above`): how its percentiles were estimated and which
    /// trials the per-trial outputs use. Left out of the JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streamed: Option<crate::stream::StreamInfo>,
}

/// A goal's counts over a run's trials, from which [`GoalSummary`] is made.
#[derive(Debug, Clone, Default)]
pub struct GoalCounts {
    /// Per year: trials meeting the target (0 where the goal has no target).
    pub met: Vec<usize>,
    /// Per year: trials in which the goal cannot be evaluated (NaN).
    pub undefined: Vec<usize>,
    /// Trials by the first year (key) in which the goal is met, or never.
    pub first: BTreeMap<FirstMet, usize>,
    /// The goal's metric per year, summarised.
    pub value: Vec<Summary>,
}

/// Where a run's summaries come from: every trial's row in memory
/// ([`ExactColumns`], type-7 percentiles) or rows streamed block by block
/// beyond [`crate::stream::EXACT_TRIALS`] trials ([`crate::stream::RunStream`]).
pub trait Columns: Sync {
    /// Trials summarised.
    fn n(&self) -> usize;
    /// The summary of one slot of the trial rows.
    fn summary(&self, store: Store, slot: usize) -> Summary;
    /// The summaries of many slots, in their order: [`Columns::summary`]
    /// of each, in parallel.
    fn summaries(&self, slots: &[(Store, usize)]) -> Vec<Summary> {
        slots
            .par_iter()
            .map(|&(store, slot)| self.summary(store, slot))
            .collect()
    }
    /// The summary of the trial-by-trial sum of two detail slots (a
    /// department's handling plus opening cost).
    fn summary_of_sum(&self, a: usize, b: usize) -> Summary;
    /// Goal `g`'s counts.
    fn goal_counts(&self, g: usize) -> GoalCounts;
    /// Trials by payback year (not by the end year when not paid back).
    fn payback_counts(&self) -> BTreeMap<Payback, usize>;
    /// The shape of a core slot's distribution.
    fn shape(&self, key: MetricKey, year: i32, slot: usize) -> Shape;
    /// True when a core slot is 0 in every trial.
    fn all_zero(&self, slot: usize) -> bool;
    /// Convergence of a core slot's statistics with the number of trials.
    fn convergence(
        &self,
        key: MetricKey,
        year: i32,
        slot: usize,
    ) -> crate::stats::convergence::Convergence;
}

/// Every trial's row in memory: exact summaries.
pub struct ExactColumns<'a> {
    pub scenario: &'a Scenario,
    pub layout: &'a Layout,
    pub trials: &'a Trials,
}

impl Columns for ExactColumns<'_> {
    fn n(&self) -> usize {
        self.trials.n
    }

    fn summary(&self, store: Store, slot: usize) -> Summary {
        Summary::of(&mut match store {
            Store::Core => self.trials.core_column(self.layout, slot),
            Store::Detail => self.trials.detail_column(self.layout, slot),
        })
    }

    /// [`stats::GROUP`] slots of one store at a time, gathered in one pass
    /// over the rows ([`ColumnGroup`]: the same summaries, bit for bit), the
    /// groups in parallel.
    fn summaries(&self, slots: &[(Store, usize)]) -> Vec<Summary> {
        let mut groups: Vec<(Store, Vec<usize>)> = Vec::new();
        for &(store, slot) in slots {
            match groups.last_mut() {
                Some((st, g)) if *st == store && g.len() < stats::GROUP => g.push(slot),
                _ => groups.push((store, vec![slot])),
            }
        }
        let (trials, layout) = (self.trials, self.layout);
        let summaries: Vec<Vec<Summary>> = groups
            .par_iter()
            .map(|(store, g)| {
                match store {
                    Store::Core => ColumnGroup::gather(&trials.core, layout.core_len, trials.n, g),
                    Store::Detail => {
                        ColumnGroup::gather(&trials.detail, layout.detail_len, trials.n, g)
                    }
                }
                .summaries()
            })
            .collect();
        summaries.into_iter().flatten().collect()
    }

    fn summary_of_sum(&self, a: usize, b: usize) -> Summary {
        let x = self.trials.detail_column(self.layout, a);
        let y = self.trials.detail_column(self.layout, b);
        let mut sum: Vec<f64> = x.iter().zip(&y).map(|(x, y)| x + y).collect();
        Summary::of(&mut sum)
    }

    fn goal_counts(&self, g: usize) -> GoalCounts {
        let (layout, trials) = (self.layout, self.trials);
        let goal = &self.scenario.goals[g];
        let years = self.scenario.year_list();
        let slot = layout.slots.goals[g];
        let cols: Vec<Vec<f64>> = (0..layout.n_years)
            .map(|y| trials.core_column(layout, slot + y))
            .collect();
        let undefined = cols
            .iter()
            .map(|c| c.iter().filter(|v| v.is_nan()).count())
            .collect();
        let met = goal
            .targets
            .iter()
            .enumerate()
            .map(|(y, t)| {
                t.map_or(0, |t| {
                    cols[y].iter().filter(|v| goal.op.met(**v, t)).count()
                })
            })
            .collect();
        let mut first = BTreeMap::new();
        #[allow(clippy::needless_range_loop)] // trial i across the year columns
        for i in 0..trials.n {
            let year = goal
                .targets
                .iter()
                .enumerate()
                .find(|(y, t)| t.map(|t| goal.op.met(cols[*y][i], t)).unwrap_or(false))
                .map(|(y, _)| y);
            let key = year.map_or(FirstMet::NotMet, |y| FirstMet::Year(years[y]));
            *first.entry(key).or_insert(0usize) += 1;
        }
        GoalCounts {
            met,
            undefined,
            first,
            value: cols.into_iter().map(|mut c| Summary::of(&mut c)).collect(),
        }
    }

    fn payback_counts(&self) -> BTreeMap<Payback, usize> {
        let mut payback = BTreeMap::new();
        for v in self
            .trials
            .core_column(self.layout, self.layout.slots.payback)
        {
            *payback
                .entry(payback_key(v, self.scenario.end_year))
                .or_insert(0usize) += 1;
        }
        payback
    }

    fn shape(&self, key: MetricKey, year: i32, slot: usize) -> Shape {
        Shape::of(key, year, &self.trials.core_column(self.layout, slot))
    }

    fn all_zero(&self, slot: usize) -> bool {
        let cl = self.layout.core_len;
        (0..self.trials.n).all(|i| self.trials.core[i * cl + slot] == 0.0)
    }

    fn convergence(
        &self,
        key: MetricKey,
        year: i32,
        slot: usize,
    ) -> crate::stats::convergence::Convergence {
        crate::stats::convergence::convergence(
            key,
            year,
            &self.trials.core_column(self.layout, slot),
        )
    }
}

/// The payback key of one trial's payback year (NaN: not paid back).
pub fn payback_key(v: f64, end_year: i32) -> Payback {
    if v.is_nan() {
        Payback::NotBy(end_year)
    } else {
        Payback::Year(v as i32)
    }
}

impl RunSummary {
    /// Summarises a run whose trials are all in memory.
    pub fn new(
        s: &Scenario,
        layout: &Layout,
        trials: &Trials,
        seed: u64,
        precision: Option<Precision>,
    ) -> RunSummary {
        let columns = ExactColumns {
            scenario: s,
            layout,
            trials,
        };
        let mut summary = Self::from_columns(s, layout, &columns, seed, precision);
        summary.monthly = crate::monthly::Monthly::new(s, layout, trials);
        summary
    }

    /// Summarises a run from its columns (exact or streamed). Leaves out
    /// the monthly results, which need every trial's row.
    pub fn from_columns(
        s: &Scenario,
        layout: &Layout,
        cols: &dyn Columns,
        seed: u64,
        precision: Option<Precision>,
    ) -> RunSummary {
        let years = s.year_list();
        let mut metrics = BTreeMap::new();
        let n = cols.n();
        // Every (metric, year) column is summarised on its own, in parallel:
        // the results do not depend on the number of threads.
        let columns: Vec<(usize, usize)> = layout
            .metrics
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.name.is_goal())
            .flat_map(|(k, m)| {
                (0..if m.per_year { layout.n_years } else { 1 }).map(move |y| (k, y))
            })
            .collect();
        let slots: Vec<(Store, usize)> = columns
            .iter()
            .map(|&(k, y)| {
                let m = &layout.metrics[k];
                (m.store, m.offset + y)
            })
            .collect();
        let summaries = cols.summaries(&slots);
        for (&(k, _), summary) in columns.iter().zip(summaries) {
            let m = &layout.metrics[k];
            metrics
                .entry(m.key.clone())
                .or_insert_with(|| MetricSummary {
                    name: m.name.clone(),
                    unit: m.unit.to_string(),
                    values: Vec::new(),
                })
                .values
                .push(summary);
        }
        let goals = s
            .goals
            .par_iter()
            .enumerate()
            .map(|(g, goal)| {
                let counts = cols.goal_counts(g);
                let undefined = &counts.undefined;
                let probability = goal
                    .targets
                    .iter()
                    .enumerate()
                    .map(|(y, t)| {
                        t.filter(|_| undefined[y] < n)
                            .map(|_| counts.met[y] as f64 / n.max(1) as f64)
                    })
                    .collect();
                let not_evaluable = if undefined.iter().any(|&u| u > 0) {
                    undefined
                        .iter()
                        .map(|&u| u as f64 / n.max(1) as f64)
                        .collect()
                } else {
                    Vec::new()
                };
                GoalSummary {
                    name: goal.name.clone(),
                    metric: goal.metric,
                    capability: match goal.metric {
                        GoalMetric::Citizens(c) => Some(c.key()),
                        _ => None,
                    },
                    op: goal.op,
                    targets: goal.targets.clone(),
                    probability,
                    value: counts.value,
                    first_year_met: shares(counts.first, n),
                    not_evaluable,
                    year_end: goal.year_end,
                }
            })
            .collect();
        let payback = shares(cols.payback_counts(), n);
        let end = layout.n_years - 1;
        let shapes = [
            (MetricKey::CumulativeNetSavings, layout.slots.cumulative),
            (MetricKey::Savings, layout.slots.savings),
            (MetricKey::CostScenario, layout.slots.cost_scenario),
        ]
        .par_iter()
        .map(|&(key, slot)| cols.shape(key, s.end_year, slot + end))
        .collect();
        let convergence = {
            let (key, slot) = if cols.all_zero(layout.slots.cumulative + end) {
                (MetricKey::CostScenario, layout.slots.cost_scenario + end)
            } else {
                (
                    MetricKey::CumulativeNetSavings,
                    layout.slots.cumulative + end,
                )
            };
            Some(cols.convergence(key, s.end_year, slot))
        };
        RunSummary {
            schema_version: SCHEMA_VERSION,
            scenario: s.name.clone(),
            scenario_file: s.path.display().to_string(),
            description: s.description.clone(),
            proposal: s.proposal.as_ref().map(|p| p.name.clone()),
            proposal_description: s.proposal.as_ref().and_then(|p| p.description.clone()),
            policy_events: s
                .events
                .iter()
                .filter(|e| e.kind == crate::scenario::EventKind::Policy)
                .map(|e| e.name.clone())
                .collect(),
            discount_rate: match s.discount_rate {
                crate::scenario::Param::Fixed(x) => format!("{x}"),
                crate::scenario::Param::Input(i) => s.inputs[i].distribution.describe(),
            },
            seed,
            sampling: crate::sampling::Method::Random,
            trials: n,
            base_year: s.base_year,
            end_year: s.end_year,
            years,
            metrics,
            goals,
            payback,
            precision,
            shapes,
            convergence,
            sensitivity: None,
            attribution: None,
            hours: hours_rows(s),
            inputs: input_rows(s),
            breakdown: crate::breakdown::Breakdown::from_columns(s, layout, cols),
            monthly: None,
            streamed: None,
            department_labels: s
                .departments
                .iter()
                .map(|d| (d.name.clone(), d.label.clone()))
                .collect(),
            digital_post_laws: digital_post_laws(s),
        }
    }

    /// The shape of a metric's end-year distribution.
    pub fn shape(&self, metric: MetricKey) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.metric == metric)
    }

    /// A department's label from its name ("BSA" -> "Borgerservice"); the
    /// name itself when the summary does not know it.
    pub fn department_label<'a>(&'a self, name: &'a str) -> &'a str {
        self.department_labels
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, l)| l.as_str())
            .unwrap_or(name)
    }

    /// The first year in which the mean savings on outbound mail fall
    /// while an external Digital Post law is in force (it starts in that
    /// year or the year before): the law lifts the status quo's digital
    /// share of the letters too, so the scenario's lead in Digital Post
    /// stops saving. `None` when nothing explains a fall this way.
    pub fn outbound_mail_drop(&self) -> Option<OutboundMailDrop<'_>> {
        let key = crate::model::layout::SavingsSource::OutboundMail.key();
        let means: Vec<f64> = self.metric(key).iter().map(|q| q.mean).collect();
        (1..means.len().min(self.years.len())).find_map(|y| {
            let (before, after) = (means[y - 1], means[y]);
            if !(before > 0.0 && after < before) {
                return None;
            }
            let year = self.years[y];
            let law = self
                .digital_post_laws
                .iter()
                .find(|l| l.year == year || l.year + 1 == year)?;
            Some(OutboundMailDrop {
                law,
                year,
                before,
                after,
            })
        })
    }

    /// True when the run proposes nothing (no proposal, no policy event):
    /// the scenario is the status quo projected forward, so savings and
    /// payback are zero by construction and say nothing.
    pub fn is_status_quo_projection(&self) -> bool {
        self.proposal.is_none() && self.policy_events.is_empty()
    }

    /// The per-year summaries of a metric.
    pub fn metric(&self, key: impl AsRef<str>) -> &[Summary] {
        self.metrics
            .get(key.as_ref())
            .map(|m| m.values.as_slice())
            .unwrap_or(&[])
    }

    /// The share of the savings through the end year (sums of the yearly
    /// means) that are avoided contacts valued at the unit price of the
    /// channel the citizen left: a saving only where the citizen really got
    /// the answer elsewhere. `None` when nothing is avoided or saved.
    pub fn avoided_savings_share(&self) -> Option<f64> {
        let sum = |key: &str| -> f64 { self.metric(key).iter().map(|q| q.mean).sum() };
        let avoided = sum(crate::model::layout::SavingsSource::AvoidedContacts.key());
        let total = sum(MetricKey::Savings.as_str());
        (avoided != 0.0 && total != 0.0).then(|| avoided / total)
    }
}

/// Turns counts into shares of `n`.
fn shares<K: Ord>(counts: BTreeMap<K, usize>, n: usize) -> BTreeMap<K, f64> {
    counts
        .into_iter()
        .map(|(k, c)| (k, c as f64 / n.max(1) as f64))
        .collect()
}

/// Today's and the proposal's weekly hours per department and channel.
pub fn hours_rows(s: &Scenario) -> Vec<HoursRow> {
    let mut rows = Vec::new();
    for (d, dep) in s.departments.iter().enumerate() {
        for channel in OpeningChannel::ALL {
            let ch = channel.index();
            if let Some(today) = &dep.today[ch] {
                let prop = s.proposal.as_ref().and_then(|p| p.hours[d][ch].as_ref());
                rows.push(HoursRow {
                    department: dep.label.clone(),
                    channel,
                    today: today.to_string(),
                    today_hours_per_week: today.hours_per_week(),
                    proposal: s
                        .proposal
                        .as_ref()
                        .map(|_| prop.unwrap_or(today).to_string()),
                    proposal_hours_per_week: s
                        .proposal
                        .as_ref()
                        .map(|_| prop.unwrap_or(today).hours_per_week()),
                    displaced_share: s
                        .proposal
                        .as_ref()
                        .map(|_| today.displaced_share(prop.unwrap_or(today), &dep.profile[ch])),
                });
            }
        }
    }
    rows
}

/// The uncertain inputs with their distributions.
pub fn input_rows(s: &Scenario) -> Vec<InputRow> {
    s.inputs
        .iter()
        .map(|i| InputRow {
            key: i.key.clone(),
            unit: i.unit.clone(),
            distribution: i.distribution.describe(),
            mean: i.distribution.mean(),
            location: i.location.clone(),
            comment: i.comment.clone(),
        })
        .collect()
}

/// Whether a goal value meets a target (re-exported for reports).
pub fn met(op: GoalOp, value: f64, target: f64) -> bool {
    op.met(value, target)
}

/// Probability that `a` beats `b` trial by trial (paired, same streams).
pub fn prob_greater(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return f64::NAN;
    }
    (0..n).filter(|&i| a[i] > b[i]).count() as f64 / n as f64
}

/// Summary of the paired difference `a - b`.
pub fn paired_difference(a: &[f64], b: &[f64]) -> Summary {
    let mut d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    stats::Summary::of(&mut d)
}
