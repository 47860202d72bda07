//! From summaries to chart inputs, and the charts `run` and `compare` write.

use crate::i18n::{Lang, OpeningChannelName, TextReport};
use crate::metric_key::MetricKey;
use crate::series_key::{RunPath, SeriesKey};
use std::path::{Path, PathBuf};

use crate::charts::data::*;
use crate::charts::ChartText;
use crate::comparison::Comparison;
use crate::domain::{Channel, OpeningChannel};
use crate::error::Error;
use crate::stats::Summary;
use crate::summary::{RunSummary, Shape};

pub use super::input_label::{input_label, summary_input_label, summary_input_labels};

/// Chart quantiles of a summary.
pub fn quantiles(s: &Summary) -> Quantiles {
    Quantiles {
        p5: s.p5,
        p25: s.p25,
        p50: s.p50,
        p75: s.p75,
        p95: s.p95,
        mean: s.mean,
    }
}

/// Citizens' capabilities and the shares they drive, when the scenario
/// tracks any capability or completion.
pub fn citizens_data(s: &RunSummary, lang: Lang) -> Option<CitizensChart> {
    let line = |key: &str, label: String, color: usize, driven: bool| {
        let summaries = s.metric(key);
        (!summaries.is_empty()).then(|| ShareLine {
            series: FanSeries {
                label,
                years: s.years.clone(),
                q: summaries.iter().map(quantiles).collect(),
            },
            color,
            driven,
        })
    };
    let mut lines: Vec<ShareLine> = crate::scenario::Capability::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, c)| line(&c.metric_key(), c.label(lang).to_string(), i, false))
        .collect();
    if lines.is_empty() && s.metric(MetricKey::CompletionRate.as_str()).is_empty() {
        return None;
    }
    lines.extend(line(
        MetricKey::DigitalShareScenario.as_str(),
        TextReport::DigitalContactsShare.get(lang).to_string(),
        3,
        true,
    ));
    lines.extend(line(
        MetricKey::CompletionRate.as_str(),
        TextReport::StartedSelfServiceCompleted
            .get(lang)
            .to_string(),
        4,
        true,
    ));
    lines.extend(line(
        "outbound_digital_share_scenario",
        TextReport::LettersSentByDigitalPost.get(lang).to_string(),
        5,
        true,
    ));
    Some(CitizensChart {
        lines,
        trials: Some(s.trials as u64),
    })
}

/// Fan chart of annual cost, scenario vs status quo. A status-quo
/// projection (nothing proposed) names its one path as such: the scenario
/// and the status quo are the same path there.
pub fn cost_fan(s: &RunSummary, lang: Lang) -> FanChartData {
    let projection = s.is_status_quo_projection();
    let series = |key: &str, label: &str| FanSeries {
        label: if projection {
            label.to_string()
        } else {
            String::new()
        },
        years: s.years.clone(),
        q: s.metric(key).iter().map(quantiles).collect(),
    };
    FanChartData {
        status_quo: series(
            MetricKey::CostStatusQuo.as_str(),
            TextReport::StatusQuoTheSamePath.get(lang),
        ),
        scenario: series(
            MetricKey::CostScenario.as_str(),
            TextReport::Projection.get(lang),
        ),
        trials: Some(s.trials as u64),
    }
}

/// The cost fan's texts: a status-quo projection's title says what the run
/// is ("Årlig omkostning: status quo-fremskrivning").
pub fn cost_fan_text(s: &RunSummary, text: ChartText, lang: Lang) -> ChartText {
    if s.is_status_quo_projection() {
        text.with_title(TextReport::AnnualCostStatusQuoProjection.get(lang))
    } else {
        text
    }
}

/// Histogram of an end-year distribution.
pub fn histogram_data(s: &RunSummary, shape: &Shape, measure: Measure) -> HistogramData {
    let q = s.metric(shape.metric)[s.years.len() - 1];
    HistogramData {
        measure,
        bins: shape.histogram.clone(),
        p5: q.p5,
        p50: q.p50,
        p95: q.p95,
        mean: q.mean,
        trials: s.trials as u64,
        prob_positive: Some(shape.prob_positive),
    }
}

/// A goal's name with its target, e.g. "80 % selvbetjening (≥ 80 %)" or,
/// for a trajectory, "(≥ 14 % → 50 %)".
pub fn goal_row_label(g: &crate::summary::GoalSummary, lang: Lang) -> String {
    let fmt = |t: f64| match crate::goal_text::kind(g.metric) {
        crate::goal_text::Kind::Share => crate::goal_text::format_share(t, lang),
        crate::goal_text::Kind::Money => crate::i18n::format_money(t, lang),
        crate::goal_text::Kind::Count => crate::i18n::format_number(t, 0, lang),
    };
    let op = if g.op == crate::scenario::GoalOp::AtLeast {
        "≥"
    } else {
        "≤"
    };
    // A goal judged on December says so next to its target.
    let when = if g.year_end {
        TextReport::InDecember.get(lang)
    } else {
        ""
    };
    let targets: Vec<f64> = g.targets.iter().flatten().copied().collect();
    match (targets.first(), targets.last()) {
        (Some(a), Some(b)) if a != b => {
            format!("{} ({op} {} → {}{when})", g.name, fmt(*a), fmt(*b))
        }
        (Some(a), _) => format!("{} ({op} {}{when})", g.name, fmt(*a)),
        _ => g.name.clone(),
    }
}

/// Goal attainment probabilities per goal and year.
pub fn goal_data(s: &RunSummary, lang: Lang) -> GoalData {
    GoalData {
        rows: s
            .goals
            .iter()
            .map(|g| GoalRow {
                name: goal_row_label(g, lang),
                years: s.years.clone(),
                probability: g.probability.clone(),
                not_evaluable: (0..s.years.len())
                    .filter(|&y| g.not_evaluable_in(y))
                    .collect(),
            })
            .collect(),
        trials: Some(s.trials as u64),
    }
}

/// S-curve points of one or several runs.
pub fn exceedance_curve(label: &str, shape: &Shape) -> ExceedanceCurve {
    ExceedanceCurve {
        label: label.to_string(),
        points: shape.exceedance.clone(),
    }
}

/// Median volume per channel and year, channels with any volume.
pub fn channel_mix_data(s: &RunSummary, lang: Lang) -> ChannelMix {
    let channels = Channel::ALL
        .iter()
        .filter_map(|c| {
            let v: Vec<f64> = s
                .metric(
                    SeriesKey::Volume {
                        path: RunPath::Scenario,
                        channel: *c,
                    }
                    .to_string(),
                )
                .iter()
                .map(|q| q.p50)
                .collect();
            let label = c.label(lang);
            (v.iter().any(|x| *x > 0.0)).then(|| ChannelSeries {
                name: label.to_string(),
                color: c.index(),
                median: v,
            })
        })
        .collect();
    ChannelMix {
        periods: s.years.iter().map(|y| Period::Year(*y)).collect(),
        channels,
        trials: Some(s.trials as u64),
    }
}

/// The measure a sensitivity analysis ranks inputs for.
fn sensitivity_measure(metric: MetricKey, year: i32) -> Measure {
    match metric {
        MetricKey::Savings => Measure::AnnualSavings { year },
        MetricKey::CostScenario => Measure::AnnualCost { year },
        MetricKey::Npv => Measure::NetPresentValue { through: year },
        _ => Measure::CumulativeNetSavings { through: year },
    }
}

/// Tornado bars of the ten most influential inputs (decile swing), in the
/// sensitivity table's order: the table and the chart beside it rank the
/// inputs alike (by |Spearman|, i.e. share of variance), the first on top.
pub fn tornado_data(s: &RunSummary, lang: Lang) -> Option<TornadoData> {
    let sens = s.sensitivity.as_ref()?;
    let rows: Vec<_> = sens
        .rows
        .iter()
        .take(10)
        .filter(|r| r.swing.is_finite() && r.swing > 0.0)
        .collect();
    if rows.is_empty() {
        return None;
    }
    Some(TornadoData {
        measure: sensitivity_measure(sens.metric, sens.year),
        bars: rows
            .iter()
            .map(|r| TornadoBar {
                input: summary_input_label(s, &r.input, lang),
                low_value: r.median_when_low,
                high_value: r.median_when_high,
                base: sens.output_median,
            })
            .collect(),
        trials: Some(sens.trials_used as u64),
    })
}

/// Attribution bars: marginal net savings of each policy event.
pub fn attribution_data(s: &RunSummary, lang: Lang) -> Option<AttributionData> {
    let rows = s.attribution.as_ref().filter(|r| !r.is_empty())?;
    Some(AttributionData {
        measure: Measure::CumulativeNetSavings {
            through: s.end_year,
        },
        bars: rows
            .iter()
            .map(|r| AttributionBar {
                event: r.label(lang),
                p5: r.marginal_net_savings_kr.p5,
                p50: r.marginal_net_savings_kr.p50,
                p95: r.marginal_net_savings_kr.p95,
            })
            .collect(),
        trials: Some(s.trials as u64),
    })
}

/// False when nothing is proposed (no proposal, no policy events): savings are
/// then exactly zero in every trial and a savings histogram says nothing.
pub fn savings_vary(s: &RunSummary) -> bool {
    end_year_varies(s, MetricKey::CumulativeNetSavings)
}

/// True when the end year's `metric` differs between trials: a histogram
/// or an S-curve of a single value (a run without uncertainty) would show
/// one wide bar and a step, so those charts are left out and the report
/// states the value in words.
fn end_year_varies(s: &RunSummary, metric: MetricKey) -> bool {
    s.metric(metric.as_str())
        .last()
        .is_some_and(|q| q.max > q.min)
}

/// Histogram of the end year's scenario cost, for runs without savings
/// whose cost varies.
pub fn cost_histogram(s: &RunSummary) -> Option<HistogramData> {
    if !end_year_varies(s, MetricKey::CostScenario) {
        return None;
    }
    let shape = s.shape(MetricKey::CostScenario)?;
    let mut h = histogram_data(s, shape, Measure::AnnualCost { year: s.end_year });
    h.prob_positive = None;
    Some(h)
}

/// Why overlapping cost bands do not mean uncertain savings.
pub fn fan_note(lang: Lang) -> &'static str {
    TextReport::FanNote.get(lang)
}

/// Writes the charts of a run (PNG and SVG each, drawn in parallel);
/// returns the paths. The list is [`super::chart_list::run_charts`].
pub fn run_charts(s: &RunSummary, dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, Error> {
    use super::chart_list::{self, Purpose};
    chart_list::write_charts(&chart_list::run_charts(s, lang, Purpose::Files), dir)
}

/// The convergence of the headline output, when there is something to
/// converge: at least two checkpoints and an output that varies.
pub fn convergence_to_show(s: &RunSummary) -> Option<&crate::stats::convergence::Convergence> {
    s.convergence
        .as_ref()
        .filter(|c| c.points.len() >= 2 && c.points.last().is_some_and(|p| p.p5 < p.p95))
}

/// Largest 95 % confidence half-width, as a share of the 90 % interval, at
/// which a run's headline figures count as settled ([`figures_settled`]).
pub const SETTLED_SHARE: f64 = 0.05;

/// True when more trials would not visibly move the headline figures: at
/// the run's last checkpoint the 95 % confidence intervals of the mean and
/// of the 5 %, 50 % and 95 % percentiles are each narrower than
/// [`SETTLED_SHARE`] of the 90 % interval (p95 - p5). The report then
/// leaves the convergence chart out (it is still written as
/// convergence.png/.svg) and states the precision in words.
pub fn figures_settled(c: &crate::stats::convergence::Convergence) -> bool {
    let Some(p) = c.points.last() else {
        return false;
    };
    let spread = p.p95 - p.p5;
    let half = |ci: [f64; 2]| (ci[1] - ci[0]).abs() / 2.0;
    spread > 0.0
        && [p.mean_ci95, p.p5_ci95, p.p50_ci95, p.p95_ci95]
            .iter()
            .all(|&ci| ci.iter().all(|x| x.is_finite()) && half(ci) < SETTLED_SHARE * spread)
}

/// What a convergence chart follows, in words ("Akkumuleret nettobesparelse
/// til og med 2015").
pub fn convergence_what(c: &crate::stats::convergence::Convergence, lang: Lang) -> String {
    let measure = if c.metric == MetricKey::CostScenario {
        Measure::AnnualCost { year: c.year }
    } else {
        Measure::CumulativeNetSavings { through: c.year }
    };
    measure.label(lang)
}

/// The counter or the phone in the chart's language.
pub fn opening_channel_label(channel: OpeningChannel, lang: Lang) -> String {
    match channel {
        OpeningChannel::Counter => OpeningChannelName::Counter.get(lang).into(),
        OpeningChannel::Phone => OpeningChannelName::Phone.get(lang).into(),
    }
}

/// A department's staffed channel with the channel in `lang`:
/// "Borgerservice telefon".
pub fn staffed_channel_label(department: &str, channel: OpeningChannel, lang: Lang) -> String {
    format!(
        "{department} {}",
        opening_channel_label(channel, lang).to_lowercase()
    )
}

/// The option comparison as chart input.
pub fn option_comparison(c: &Comparison, lang: Lang) -> OptionComparison {
    let hours = |rows: &[crate::summary::HoursRow], proposal: bool| -> Vec<OpenHours> {
        rows.iter()
            .map(|h| OpenHours {
                department: h.department.clone(),
                channel: opening_channel_label(h.channel, lang),
                hours_per_week: if proposal {
                    h.proposal_hours_per_week.unwrap_or(h.today_hours_per_week)
                } else {
                    h.today_hours_per_week
                },
            })
            .collect()
    };
    OptionComparison {
        options: c
            .options
            .iter()
            .map(|o| OptionSeries {
                name: o.name.clone(),
                years: c.years.clone(),
                savings: o.years.iter().map(|y| quantiles(&y.savings_kr)).collect(),
                cumulative_net: o
                    .years
                    .iter()
                    .map(|y| quantiles(&y.cumulative_net_savings_kr))
                    .collect(),
                hours: hours(&o.hours, true),
            })
            .collect(),
        // Today's hours of every department any option has.
        current_hours: hours(
            &c.hours_channels().into_iter().cloned().collect::<Vec<_>>(),
            false,
        ),
        trials: Some(c.trials as u64),
    }
}

/// Writes the comparison charts (PNG and SVG each, drawn in parallel);
/// returns the paths. The list is [`super::chart_list::comparison_charts`].
pub fn comparison_charts(
    c: &Comparison,
    summaries: &[RunSummary],
    dir: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>, Error> {
    use super::chart_list;
    chart_list::write_charts(&chart_list::comparison_charts(c, summaries, lang), dir)
}
