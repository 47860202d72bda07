//! From summaries to chart inputs, and the charts `run` and `compare` write.

use std::path::{Path, PathBuf};

use crate::charts::data::*;
use crate::charts::{self, ChartText};
use crate::comparison::Comparison;
use crate::domain::Channel;
use crate::error::Error;
use crate::i18n::Lang;
use crate::stats::Summary;
use crate::summary::{RunSummary, Shape};

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

fn chart_err(e: charts::ChartError) -> Error {
    Error::Other(anyhow::anyhow!("chart: {e}"))
}

/// Fan chart of annual cost, scenario vs status quo.
pub fn cost_fan(s: &RunSummary) -> FanChartData {
    let series = |key: &str| FanSeries {
        label: String::new(),
        years: s.years.clone(),
        q: s.metric(key).iter().map(quantiles).collect(),
    };
    FanChartData {
        status_quo: series("cost_status_quo_kr"),
        scenario: series("cost_scenario_kr"),
        trials: Some(s.trials as u64),
    }
}

/// Histogram of an end-year distribution.
pub fn histogram_data(s: &RunSummary, shape: &Shape, measure: Measure) -> HistogramData {
    let q = s.metric(&shape.metric)[s.years.len() - 1];
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

/// Goal attainment probabilities per goal and year.
pub fn goal_data(s: &RunSummary) -> GoalData {
    GoalData {
        rows: s
            .goals
            .iter()
            .map(|g| GoalRow {
                name: g.name.clone(),
                years: s.years.clone(),
                probability: g.probability.clone(),
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
                .metric(&format!("volume_scenario.{}", c.key()))
                .iter()
                .map(|q| q.p50)
                .collect();
            let label = match lang {
                Lang::Da => c.label_da(),
                Lang::En => c.label_en(),
            };
            (v.iter().any(|x| *x > 0.0)).then(|| (label.to_string(), v))
        })
        .collect();
    ChannelMix {
        periods: s.years.iter().map(|y| Period::Year(*y)).collect(),
        channels,
        trials: Some(s.trials as u64),
    }
}

/// The measure a sensitivity analysis ranks inputs for.
fn sensitivity_measure(metric: &str, year: i32) -> Measure {
    match metric {
        "savings_kr" => Measure::AnnualSavings { year },
        "cost_scenario_kr" => Measure::AnnualCost { year },
        "npv_kr" => Measure::NetPresentValue { through: year },
        _ => Measure::CumulativeNetSavings { through: year },
    }
}

/// A short chart label of an input key: the parameter first, so a long
/// event or area name that gets cut keeps what varies, e.g.
/// "p_add · events.Ny hjemmeside" for `events.Ny hjemmeside.p_add`.
pub fn input_label(key: &str) -> String {
    match key.rsplit_once('.') {
        Some((rest, last)) if !rest.is_empty() => format!("{last} · {rest}"),
        _ => key.to_string(),
    }
}

/// Tornado bars of the ten most influential inputs (decile swing).
pub fn tornado_data(s: &RunSummary) -> Option<TornadoData> {
    let sens = s.sensitivity.as_ref()?;
    let mut rows: Vec<_> = sens
        .rows
        .iter()
        .filter(|r| r.swing.is_finite() && r.swing > 0.0)
        .collect();
    rows.sort_by(|a, b| b.swing.total_cmp(&a.swing).then(a.input.cmp(&b.input)));
    rows.truncate(10);
    if rows.is_empty() {
        return None;
    }
    Some(TornadoData {
        measure: sensitivity_measure(&sens.metric, sens.year),
        bars: rows
            .iter()
            .map(|r| TornadoBar {
                input: input_label(&r.input),
                low_value: r.median_when_low,
                high_value: r.median_when_high,
                base: sens.output_median,
            })
            .collect(),
        trials: Some(sens.trials_used as u64),
    })
}

/// Attribution bars: marginal net savings of each policy event.
pub fn attribution_data(s: &RunSummary) -> Option<AttributionData> {
    let rows = s.attribution.as_ref().filter(|r| !r.is_empty())?;
    Some(AttributionData {
        measure: Measure::CumulativeNetSavings {
            through: s.end_year,
        },
        bars: rows
            .iter()
            .map(|r| AttributionBar {
                event: r.event.clone(),
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
    s.metric("cumulative_net_savings_kr")
        .last()
        .map(|q| q.max > q.min || q.max != 0.0)
        .unwrap_or(false)
}

/// Histogram of the end year's scenario cost, for runs without savings.
pub fn cost_histogram(s: &RunSummary) -> Option<HistogramData> {
    let shape = s.shape("cost_scenario_kr")?;
    let mut h = histogram_data(s, shape, Measure::AnnualCost { year: s.end_year });
    h.prob_positive = None;
    Some(h)
}

/// Writes the charts of a run (PNG and SVG each); returns the paths.
pub fn run_charts(s: &RunSummary, dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let text = ChartText::subtitle(s.scenario.clone());
    let end = s.end_year;
    let fan = cost_fan(s);
    out.extend(
        charts::render_both(&dir.join("cost-fan"), |p| {
            charts::fan_chart(&fan, &text, lang, p)
        })
        .map_err(chart_err)?,
    );
    if let (true, Some(shape)) = (savings_vary(s), s.shape("cumulative_net_savings_kr")) {
        let h = histogram_data(s, shape, Measure::CumulativeNetSavings { through: end });
        out.extend(
            charts::render_both(&dir.join("savings-histogram"), |p| {
                charts::histogram(&h, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
        let label = s.proposal.clone().unwrap_or_else(|| s.scenario.clone());
        let ex = ExceedanceData {
            measure: Measure::CumulativeNetSavings { through: end },
            curves: vec![exceedance_curve(&label, shape)],
            trials: Some(s.trials as u64),
        };
        out.extend(
            charts::render_both(&dir.join("savings-s-curve"), |p| {
                charts::exceedance(&ex, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    } else if let Some(h) = cost_histogram(s) {
        // Nothing is proposed, so nothing is saved: show what the year's cost may be.
        out.extend(
            charts::render_both(&dir.join("cost-histogram"), |p| {
                charts::histogram(&h, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    if !s.goals.is_empty() {
        let g = goal_data(s);
        out.extend(
            charts::render_both(&dir.join("goals"), |p| {
                charts::goal_probability(&g, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    if let Some(t) = tornado_data(s) {
        out.extend(
            charts::render_both(&dir.join("tornado"), |p| {
                charts::tornado(&t, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    if let Some(a) = attribution_data(s) {
        out.extend(
            charts::render_both(&dir.join("attribution"), |p| {
                charts::attribution(&a, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    let mix = channel_mix_data(s, lang);
    if !mix.channels.is_empty() {
        out.extend(
            charts::render_both(&dir.join("channel-mix"), |p| {
                charts::channel_mix(&mix, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    Ok(out)
}

/// "counter"/"phone" in the chart's language.
pub fn opening_channel_label(key: &str, lang: Lang) -> String {
    match (key, lang) {
        ("counter", Lang::Da) => "Skranke".into(),
        ("counter", Lang::En) => "Counter".into(),
        ("phone", Lang::Da) => "Telefon".into(),
        ("phone", Lang::En) => "Phone".into(),
        (other, _) => other.to_string(),
    }
}

/// The option comparison as chart input.
pub fn option_comparison(c: &Comparison, lang: Lang) -> OptionComparison {
    let hours = |rows: &[crate::summary::HoursRow], proposal: bool| -> Vec<OpenHours> {
        rows.iter()
            .map(|h| OpenHours {
                department: h.department.clone(),
                channel: opening_channel_label(&h.channel, lang),
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
        current_hours: c
            .options
            .first()
            .map(|o| hours(&o.hours, false))
            .unwrap_or_default(),
        trials: Some(c.trials as u64),
    }
}

/// Writes the comparison charts; options whose hours equal today's (the
/// base) are left out of the hours chart's option bars.
pub fn comparison_charts(
    c: &Comparison,
    summaries: &[RunSummary],
    dir: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let data = option_comparison(c, lang);
    let end = *c.years.last().expect("years");
    let text = ChartText::new();
    out.extend(
        charts::render_both(&dir.join("options-savings"), |p| {
            charts::option_savings(&data, end, &text, lang, p)
        })
        .map_err(chart_err)?,
    );
    out.extend(
        charts::render_both(&dir.join("options-cumulative"), |p| {
            charts::option_cumulative(&data, &text, lang, p)
        })
        .map_err(chart_err)?,
    );
    if !data.current_hours.is_empty() {
        out.extend(
            charts::render_both(&dir.join("options-hours"), |p| {
                charts::option_hours(&data, &text, lang, p)
            })
            .map_err(chart_err)?,
        );
    }
    let curves: Vec<ExceedanceCurve> = c
        .options
        .iter()
        .zip(summaries)
        .filter_map(|(o, s)| {
            s.shape("cumulative_net_savings_kr")
                .map(|sh| exceedance_curve(&o.name, sh))
        })
        .collect();
    let ex = ExceedanceData {
        measure: Measure::CumulativeNetSavings { through: end },
        curves,
        trials: Some(c.trials as u64),
    };
    out.extend(
        charts::render_both(&dir.join("options-s-curve"), |p| {
            charts::exceedance(&ex, &text, lang, p)
        })
        .map_err(chart_err)?,
    );
    Ok(out)
}
