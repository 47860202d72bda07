//! From summaries to chart inputs, and the charts `run` and `compare` write.

use crate::metric_key::MetricKey;
use std::path::{Path, PathBuf};

use crate::charts::data::*;
use crate::charts::ChartText;
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
        lang.pick("Digitale henvendelser (andel)", "Digital contacts (share)")
            .to_string(),
        3,
        true,
    ));
    lines.extend(line(
        MetricKey::CompletionRate.as_str(),
        lang.pick(
            "Gennemført påbegyndt selvbetjening",
            "Started self-service completed",
        )
        .to_string(),
        4,
        true,
    ));
    lines.extend(line(
        "outbound_digital_share_scenario",
        lang.pick(
            "Breve sendt med Digital Post",
            "Letters sent by Digital Post",
        )
        .to_string(),
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
            lang.pick("Status quo, samme forløb", "Status quo, the same path"),
        ),
        scenario: series(
            MetricKey::CostScenario.as_str(),
            lang.pick("Fremskrivning", "Projection"),
        ),
        trials: Some(s.trials as u64),
    }
}

/// The cost fan's texts: a status-quo projection's title says what the run
/// is ("Årlig omkostning: status quo-fremskrivning").
pub fn cost_fan_text(s: &RunSummary, text: ChartText, lang: Lang) -> ChartText {
    if s.is_status_quo_projection() {
        text.with_title(lang.pick(
            "Årlig omkostning: status quo-fremskrivning",
            "Annual cost: status-quo projection",
        ))
    } else {
        text
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

/// A goal's name with its target, e.g. "80 % selvbetjening (≥ 80 %)" or,
/// for a trajectory, "(≥ 14 % → 50 %)".
pub fn goal_row_label(g: &crate::summary::GoalSummary, lang: Lang) -> String {
    let fmt = |t: f64| match crate::goal_text::kind(g.metric) {
        crate::goal_text::Kind::Share => crate::goal_text::format_share(t, lang),
        crate::goal_text::Kind::Money => crate::i18n::format_money(t, lang),
        crate::goal_text::Kind::Count => crate::i18n::format_number(t, 0, lang),
    };
    let op = if g.op == ">=" { "≥" } else { "≤" };
    // A goal judged on December says so next to its target.
    let when = match (g.at.as_deref(), lang) {
        (Some("year_end"), Lang::Da) => " i december",
        (Some("year_end"), Lang::En) => " in December",
        _ => "",
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
                .metric(format!("volume_scenario.{}", c.key()))
                .iter()
                .map(|q| q.p50)
                .collect();
            let label = match lang {
                Lang::Da => c.label_da(),
                Lang::En => c.label_en(),
            };
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
fn sensitivity_measure(metric: &str, year: i32) -> Measure {
    match MetricKey::from_name(metric) {
        Some(MetricKey::Savings) => Measure::AnnualSavings { year },
        Some(MetricKey::CostScenario) => Measure::AnnualCost { year },
        Some(MetricKey::Npv) => Measure::NetPresentValue { through: year },
        _ => Measure::CumulativeNetSavings { through: year },
    }
}

/// A readable label of an uncertain input's key for charts, in the chart's
/// language, with what varies first so that a cut label keeps it:
/// `prices.personal` -> "Pris: personligt fremmøde",
/// `events.Ny hjemmeside.p_add` -> "Ekstra innovation p · Ny hjemmeside".
pub fn input_label(key: &str, lang: Lang) -> String {
    input_label_with(key, lang, &|d| d.to_string())
}

/// [`input_label`] with each department named by its label in `s`
/// ("Pris pr. åben time · Øvrige afdelinger telefon", not "· Øvrige").
pub fn summary_input_label(s: &RunSummary, key: &str, lang: Lang) -> String {
    input_label_with(key, lang, &|d| s.department_label(d).to_string())
}

/// The labels of `keys` ([`summary_input_label`]); where two keys would
/// read the same, the key follows in brackets so that rows can be told
/// apart.
pub fn summary_input_labels(s: &RunSummary, keys: &[&str], lang: Lang) -> Vec<String> {
    let labels: Vec<String> = keys
        .iter()
        .map(|k| summary_input_label(s, k, lang))
        .collect();
    labels
        .iter()
        .zip(keys)
        .map(|(l, k)| {
            if labels.iter().filter(|x| *x == l).count() > 1 {
                format!("{l} ({k})")
            } else {
                l.clone()
            }
        })
        .collect()
}

fn input_label_with(key: &str, lang: Lang, dept: &dyn Fn(&str) -> String) -> String {
    let da = lang == Lang::Da;
    let t = |d: &str, e: &str| if da { d.to_string() } else { e.to_string() };
    let channel = |k: &str| {
        Channel::from_key(k)
            .map(|c| {
                if da {
                    c.label_da().to_lowercase()
                } else {
                    c.label_en().to_lowercase()
                }
            })
            .unwrap_or_else(|| k.to_string())
    };
    let opening = |k: &str| match k {
        "counter" => t("skranke", "counter"),
        "phone" => t("telefon", "phone"),
        other => other.to_string(),
    };
    // A contact type as the scenario names it, in the chart's language.
    let ctype = |k: &str| -> String {
        match (k, da) {
            ("transaction", true) => "transaktion".into(),
            ("case_information", true) => "sagsinformation".into(),
            (other, _) => other.replace('_', " "),
        }
    };
    let param = |k: &str| -> String {
        match k {
            "volume" | "volume_per_1000" => t("Volumen", "Volume"),
            "p" => t("Innovation p", "Innovation p"),
            "q" => t("Imitation q", "Imitation q"),
            "ceiling" => t("Loft for digital andel", "Digital ceiling"),
            "p_add" => t("Ekstra innovation p", "Added innovation p"),
            "q_add" => t("Ekstra imitation q", "Added imitation q"),
            "ceiling_add" => t("Højere loft", "Raised ceiling"),
            "cost_one_off_kr" => t("Engangsomkostning", "One-off cost"),
            "cost_monthly_kr" => t("Månedlig omkostning", "Monthly cost"),
            "floor" => t("Minimumsandel", "Mandatory floor"),
            "exemption" => t("Fritagne", "Exempted share"),
            "digital_post_exemption" => t("Fritaget for Digital Post", "Exempt from Digital Post"),
            "retime" => t("Kommer igen senere", "Retimed"),
            "to_digital" => t("Går digitalt", "Go digital"),
            "to_phone" => t("Ringer i stedet", "Call instead"),
            "aht_seconds" => t("Behandlingstid", "Handling time"),
            "hourly_wage_kr" => t("Timeløn", "Hourly wage"),
            "shrinkage" => t("Ikke-produktiv tid", "Shrinkage"),
            "shift_share" => t("Andel der flyttes", "Share shifted"),
            "price_kr" => t("Ny enhedspris", "New unit price"),
            "price_factor" => t("Faktor på enhedspris", "Unit price factor"),
            "volume_factor" => t("Faktor på volumen", "Volume factor"),
            "completion_add" => t("Højere gennemførselsgrad", "Raised completion rate"),
            "today" => t("Andel i dag", "Share today"),
            "delay_months" => t("Forsinkelse (måneder)", "Delay (months)"),
            other => other.to_string(),
        }
    };
    // A capability key ("nemid") as the citizens it counts.
    let capability = |k: &str| {
        crate::scenario::Capability::from_key(k)
            .map(|c| c.label(lang).to_string())
            .unwrap_or_else(|| k.to_string())
    };
    let completion = |what: &str| match what {
        "comes_back" => t(
            "Opgivne forsøg der kommer igen",
            "Abandoned attempts that come back",
        ),
        "abandoned_price_kr" => t("Pris: opgivet forsøg", "Price: abandoned attempt"),
        "rate" => t("Gennemførselsgrad", "Completion rate"),
        ty => format!(
            "{} ({})",
            t("Gennemførselsgrad", "Completion rate"),
            ctype(ty)
        ),
    };
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["prices", ch] => format!("{}: {}", t("Pris", "Price"), channel(ch)),
        ["population", "growth"] => t("Befolkningsvækst", "Population growth"),
        ["population", "base"] => t("Befolkning", "Population"),
        ["economics", "discount_rate"] => t("Diskonteringsrente", "Discount rate"),
        ["economics", "price_index"] => t("Prisudvikling", "Price index"),
        ["displacement", ch, what] => format!("{} ({})", param(what), opening(ch)),
        ["departments", d, "displacement", ch, what] => {
            format!("{} ({} {})", param(what), dept(d), opening(ch))
        }
        ["departments", d, "open_hour_cost_kr", ch] => format!(
            "{} · {} {}",
            t("Pris pr. åben time", "Cost per open hour"),
            dept(d),
            opening(ch)
        ),
        ["departments", d, "staffing", ch, what] => {
            format!("{} · {} {}", param(what), dept(d), opening(ch))
        }
        ["outbound_mail", what] => match *what {
            "letters_per_year" => t("Breve pr. år", "Letters a year"),
            "digital_share" => t("Andel Digital Post i dag", "Digital Post share today"),
            "price_letter_kr" => t("Pris: papirbrev", "Price: paper letter"),
            "price_digital_post_kr" => t("Pris: Digital Post", "Price: Digital Post"),
            other => other.to_string(),
        },
        ["defaults", "adoption", rest @ ..] => {
            let what = rest.last().copied().unwrap_or("");
            let scope = if rest.len() > 1 {
                format!(" ({})", ctype(rest[0]))
            } else {
                String::new()
            };
            format!("{}{scope}", param(what))
        }
        ["defaults", "mix", ty, ch] => {
            format!("{}: {} ({})", t("Andel", "Share"), channel(ch), ctype(ty))
        }
        ["defaults", "type_split", ty] => format!("{}: {}", t("Andel", "Share"), ctype(ty)),
        ["citizens", cap, what] => format!("{} · {}", param(what), capability(cap)),
        ["completion", what] => completion(what),
        ["solutions", rest @ .., "delay_months"] if !rest.is_empty() => {
            format!("{} · {}", param("delay_months"), rest.join("."))
        }
        ["events", rest @ .., "citizens", cap, what] if !rest.is_empty() => {
            format!("{} · {} · {}", param(what), capability(cap), rest.join("."))
        }
        ["events", rest @ .., "close_to" | "shift_to", ch] if !rest.is_empty() => format!(
            "{}: {} · {}",
            t("Flytter til", "Moves to"),
            channel(ch),
            rest.join(".")
        ),
        ["events", rest @ .., "cost_by_year_kr", year] if !rest.is_empty() => {
            format!("{} {year} · {}", t("Omkostning", "Cost"), rest.join("."))
        }
        ["events", rest @ .., what] if !rest.is_empty() => {
            format!("{} · {}", param(what), rest.join("."))
        }
        ["areas", rest @ ..] if rest.len() >= 2 => {
            // areas.<name>.<param> or areas.<name>.adoption[.type].<param> or areas.<name>.mix.<type>.<channel>
            // The contact type, when the key names one: "(transaktion)".
            let of_type = |after: &[&str]| match after {
                [ty, _] => format!(" ({})", ctype(ty)),
                _ => String::new(),
            };
            if let Some(i) = rest.iter().position(|x| *x == "mix") {
                let name = rest[..i].join(".");
                let ch = rest.last().copied().unwrap_or("");
                return format!(
                    "{}: {}{} · {name}",
                    t("Andel", "Share"),
                    channel(ch),
                    of_type(&rest[i + 1..])
                );
            }
            if let Some(i) = rest.iter().position(|x| *x == "adoption") {
                let name = rest[..i].join(".");
                return format!(
                    "{}{} · {name}",
                    param(rest.last().copied().unwrap_or("")),
                    of_type(&rest[i + 1..])
                );
            }
            if let Some(i) = rest.iter().position(|x| *x == "displacement") {
                let name = rest[..i].join(".");
                let ch = rest.get(i + 1).copied().unwrap_or("");
                let what = rest.last().copied().unwrap_or("");
                return format!("{} ({}) · {name}", param(what), opening(ch));
            }
            if let Some(i) = rest.iter().position(|x| *x == "completion") {
                let name = rest[..i].join(".");
                return format!(
                    "{} · {name}",
                    completion(rest.last().copied().unwrap_or(""))
                );
            }
            if let Some(i) = rest.iter().position(|x| *x == "type_split") {
                let name = rest[..i].join(".");
                return format!(
                    "{}: {} · {name}",
                    t("Andel", "Share"),
                    ctype(rest.last().copied().unwrap_or(""))
                );
            }
            let what = rest.last().copied().unwrap_or("");
            format!("{} · {}", param(what), rest[..rest.len() - 1].join("."))
        }
        _ => key.to_string(),
    }
}

/// Tornado bars of the ten most influential inputs (decile swing).
pub fn tornado_data(s: &RunSummary, lang: Lang) -> Option<TornadoData> {
    let sens = s.sensitivity.as_ref()?;
    // The same ten inputs as the sensitivity table (ranked by |Spearman|),
    // drawn longest swing first.
    let mut rows: Vec<_> = sens
        .rows
        .iter()
        .take(10)
        .filter(|r| r.swing.is_finite() && r.swing > 0.0)
        .collect();
    rows.sort_by(|a, b| b.swing.total_cmp(&a.swing).then(a.input.cmp(&b.input)));
    if rows.is_empty() {
        return None;
    }
    Some(TornadoData {
        measure: sensitivity_measure(&sens.metric, sens.year),
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
    s.metric(MetricKey::CumulativeNetSavings.as_str())
        .last()
        .map(|q| q.max > q.min || q.max != 0.0)
        .unwrap_or(false)
}

/// Histogram of the end year's scenario cost, for runs without savings.
pub fn cost_histogram(s: &RunSummary) -> Option<HistogramData> {
    let shape = s.shape(MetricKey::CostScenario.as_str())?;
    let mut h = histogram_data(s, shape, Measure::AnnualCost { year: s.end_year });
    h.prob_positive = None;
    Some(h)
}

/// Why overlapping cost bands do not mean uncertain savings.
pub fn fan_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Båndene viser hver omkostning for sig; besparelsen regnes i samme simulering og er langt mere sikker (se besparelsesfigurerne).",
        Lang::En => "Bands show each cost on its own; savings are paired within each simulation and far more certain (see the savings charts).",
    }
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
    let measure = if c.metric == MetricKey::CostScenario.as_str() {
        Measure::AnnualCost { year: c.year }
    } else {
        Measure::CumulativeNetSavings { through: c.year }
    };
    measure.label(lang)
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

/// "Borgerservice phone" (department and channel key, as comparison.json
/// has it) with the channel in `lang`: "Borgerservice telefon".
pub fn staffed_channel_label(text: &str, lang: Lang) -> String {
    match text.rsplit_once(' ') {
        Some((department, key @ ("phone" | "counter"))) => format!(
            "{department} {}",
            opening_channel_label(key, lang).to_lowercase()
        ),
        _ => text.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_labels_are_readable_and_lead_with_what_varies() {
        assert_eq!(
            input_label("prices.personal", Lang::Da),
            "Pris: personligt fremmøde"
        );
        assert_eq!(
            input_label("prices.personal", Lang::En),
            "Price: personal attendance"
        );
        assert_eq!(
            input_label("events.Ny hjemmeside.p_add", Lang::Da),
            "Ekstra innovation p · Ny hjemmeside"
        );
        assert_eq!(
            input_label("displacement.counter.retime", Lang::En),
            "Retimed (counter)"
        );
        assert_eq!(
            input_label(
                "events.4. Digital postfordeler.close_to.digital_post_in",
                Lang::En
            ),
            "Moves to: digital post (in) · 4. Digital postfordeler"
        );
        assert_eq!(
            input_label("events.2. Medbetjening.cost_by_year_kr.2012", Lang::Da),
            "Omkostning 2012 · 2. Medbetjening"
        );
        assert_eq!(
            input_label("areas.Flytning.volume", Lang::Da),
            "Volumen · Flytning"
        );
        assert_eq!(
            input_label("areas.Flytning.adoption.transaction.ceiling", Lang::En),
            "Digital ceiling (transaction) · Flytning"
        );
        assert_eq!(
            input_label("areas.Flytning.adoption.ceiling", Lang::En),
            "Digital ceiling · Flytning"
        );
        assert_eq!(
            input_label("areas.Flytning.mix.transaction.phone", Lang::Da),
            "Andel: telefon (transaktion) · Flytning"
        );
        assert_eq!(
            input_label("departments.Øvrige.open_hour_cost_kr.phone", Lang::Da),
            "Pris pr. åben time · Øvrige telefon"
        );
        assert_eq!(
            input_label("defaults.adoption.transaction.q", Lang::En),
            "Imitation q (transaction)"
        );
        assert_eq!(
            input_label("defaults.adoption.case_information.ceiling", Lang::Da),
            "Loft for digital andel (sagsinformation)"
        );
        assert_eq!(
            input_label("defaults.type_split.transaction", Lang::Da),
            "Andel: transaktion"
        );
        assert_eq!(
            input_label("departments.BSA.staffing.phone.shrinkage", Lang::Da),
            "Ikke-produktiv tid · BSA telefon"
        );
        assert_eq!(input_label("something.else", Lang::Da), "something.else");
    }
}
