//! Plain-text tables for the terminal: what finance reads first.
//!
//! Every text is in the run's `--lang`; metric names are the report's
//! labels ([`crate::report::html::metric_label`]). Every line fits
//! [`crate::text_table::TERMINAL_WIDTH`] columns.

use crate::i18n::{
    ci_of_medians, first_met_in, format_number, format_probability, met_in_year,
    of_the_percentile_of, streamed_subset, streamed_summary, Lang, TextCommon, TextTerm,
};
use crate::metric_key::{MetricKey, MetricName};
use std::fmt::Write;

use crate::export::sanitize::clean_text;
use crate::stats::Summary;
use crate::summary::{
    AttributionRow, FirstMet, GoalSummary, Payback, PrecisionOutput, PrecisionStatistic, RunSummary,
};

/// "610,000 [590,000 .. 640,000]": median and 5-95 % range in kroner.
pub fn range_cell(s: &Summary, lang: Lang) -> String {
    Scale::Kr.range(s, lang)
}

fn kr(x: f64, lang: Lang) -> String {
    format_number(x, 0, lang)
}

/// The money unit of one terminal table: whole kroner, or millions with two
/// decimals once amounts reach ten million (keeps Copenhagen-size tables
/// readable; full precision is in summary.json and the CSV files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Kr,
    MillionKr,
}

impl Scale {
    /// The scale for a table whose amounts include `values`.
    pub fn for_values(values: impl IntoIterator<Item = f64>) -> Scale {
        Scale::above(values, 10_000_000.0)
    }

    /// Millions once the largest amount of `values` reaches `limit`.
    pub fn above(values: impl IntoIterator<Item = f64>, limit: f64) -> Scale {
        let max = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        if max >= limit {
            Scale::MillionKr
        } else {
            Scale::Kr
        }
    }

    /// "kr." or "million kr." ("mio. kr.").
    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            Scale::Kr => "kr.",
            Scale::MillionKr => TextTerm::MillionKr.get(lang),
        }
    }

    /// An amount in this unit.
    pub fn fmt(self, x: f64, lang: Lang) -> String {
        self.fmt_with(x, 2, lang)
    }

    /// An amount in this unit, with `decimals` decimals when in millions.
    pub fn fmt_with(self, x: f64, decimals: usize, lang: Lang) -> String {
        match self {
            Scale::Kr => kr(x, lang),
            Scale::MillionKr => format_number(x / 1e6, decimals, lang),
        }
    }

    /// Median and 5-95 % range in this unit.
    pub fn range(self, s: &Summary, lang: Lang) -> String {
        self.range_with(s, 2, lang)
    }

    /// Median and 5-95 % range, with `decimals` decimals when in millions.
    pub fn range_with(self, s: &Summary, decimals: usize, lang: Lang) -> String {
        let f = |x: f64| self.fmt_with(x, decimals, lang);
        if s.p5 == s.p95 {
            f(s.p50)
        } else {
            format!("{} [{} .. {}]", f(s.p50), f(s.p5), f(s.p95))
        }
    }

    /// A percentile's 95 % confidence interval in this unit, "10.46–10.54":
    /// in millions with at least `min_decimals` decimals and as many more
    /// (up to six) as its width needs to show (one significant digit, so
    /// the ends differ); whole kroner otherwise. None when it is not finite.
    pub fn ci(self, ci: [f64; 2], min_decimals: usize, lang: Lang) -> Option<String> {
        if !ci.iter().all(|x| x.is_finite()) {
            return None;
        }
        let d = self.ci_decimals(ci, min_decimals);
        Some(format!(
            "{}–{}",
            self.fmt_with(ci[0], d, lang),
            self.fmt_with(ci[1], d, lang)
        ))
    }

    /// The decimals [`Scale::ci`] prints `ci` with (0 in kroner).
    fn ci_decimals(self, ci: [f64; 2], min_decimals: usize) -> usize {
        match self {
            Scale::Kr => 0,
            Scale::MillionKr => {
                crate::stats::ci::interval_decimals((ci[1] - ci[0]) / 1e6, 1, min_decimals, 6)
                    .unwrap_or(min_decimals)
            }
        }
    }

    /// "10.50 (10.43–10.58)": a percentile `x` and its 95 % interval, `x`
    /// with the interval's decimals; `x` alone when the interval is not finite.
    pub fn with_ci(self, x: f64, ci: [f64; 2], min_decimals: usize, lang: Lang) -> String {
        let d = self.ci_decimals(ci, min_decimals);
        match self.ci(ci, min_decimals, lang) {
            Some(c) => format!("{} ({c})", self.fmt_with(x, d, lang)),
            None => self.fmt_with(x, min_decimals, lang),
        }
    }

    /// Decimals of millions for a column of these amounts: three
    /// significant digits or more without going past two decimals
    /// ("1,035 [915 .. 1,173]" for Copenhagen's costs, "2.33" for Solrød's).
    pub fn decimals_for(values: impl IntoIterator<Item = f64>) -> usize {
        let max = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        match max / 1e6 {
            m if m >= 999.5 => 0,
            m if m >= 99.95 => 1,
            _ => 2,
        }
    }

    /// [`Scale::range_with`] for every summary of a column, its decimals
    /// chosen by [`Scale::decimals_for`] over the column's ranges.
    pub fn column(self, column: &[&Summary], lang: Lang) -> Vec<String> {
        let d = Scale::decimals_for(column.iter().flat_map(|q| [q.p5, q.p50, q.p95]));
        column.iter().map(|q| self.range_with(q, d, lang)).collect()
    }
}

/// Renders rows as a left-aligned first column and right-aligned others.
pub fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let left: Vec<bool> = (0..header.len()).map(|i| i == 0).collect();
    crate::text_table::render(header, rows, &left)
}

/// The rows `build` makes in scale `first`, or in millions when amounts in
/// whole kroner would make the table wider than the terminal (Vallensbæk's
/// "1,472,575 [1,297,182 .. 1,683,267]" becomes "1.47 [1.30 .. 1.68]").
pub fn fitting_scale(
    head: &[String],
    first: Scale,
    build: impl Fn(Scale) -> Vec<Vec<String>>,
) -> (Scale, Vec<Vec<String>>) {
    let rows = build(first);
    if first == Scale::Kr && !crate::text_table::fits(head, &rows) {
        (Scale::MillionKr, build(Scale::MillionKr))
    } else {
        (first, rows)
    }
}

/// Owned header cells.
pub fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// A label of a metric key for a table heading or column: the report's
/// label with a lower-case first letter ("cumulative net savings").
pub fn metric_name(name: impl Into<MetricName>, lang: Lang) -> String {
    lower_first(&crate::report::html::metric_label(name, lang))
}

/// "Savings" -> "savings"; keeps "Digital Post" and the like.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The per-year table of `run`.
pub fn run_table(s: &RunSummary, lang: Lang) -> String {
    let mut o = String::new();
    // Plain Monte Carlo needs no mention; a design does (it changes the
    // standard errors a reader should expect).
    let method = match s.sampling {
        crate::sampling::Method::Random => "",
        crate::sampling::Method::Lhs => TextTerm::LatinHypercube.get(lang),
        crate::sampling::Method::Sobol => TextTerm::SobolPoints.get(lang),
    };
    let _ = writeln!(
        o,
        "{}: {} {}, seed {}{method}",
        clean_text(&s.scenario),
        kr(s.trials as f64, lang),
        TextTerm::Trials.get(lang),
        s.seed
    );
    if let Some(p) = &s.proposal {
        let _ = writeln!(o, "{}: {}", TextTerm::Proposal.get(lang), clean_text(p));
    }
    if let Some(info) = &s.streamed {
        o.push_str(&streamed_line(info, s.trials, lang));
    }
    if s.is_status_quo_projection() {
        // Savings, net present value and payback are zero by construction:
        // show what the run is and what it does tell.
        o.push_str(&projection_table(s, lang));
    } else {
        o.push_str(&years_table(s, lang));
        o.push_str(&savings_by_source_table(s, lang));
        o.push_str(&end_year_lines(s, lang));
    }
    o.push_str(&goals_table(s, lang));
    o
}

/// What a streamed run's figures are (src/stream.rs), in one line.
pub fn streamed_line(info: &crate::stream::StreamInfo, trials: usize, lang: Lang) -> String {
    let pct = format!("{}", info.relative_accuracy * 100.0);
    let kept = kr(info.per_trial_outputs_trials as f64, lang);
    // Only a subset needs saying: with few trials the per-trial outputs use them all.
    let subset = info.per_trial_outputs_trials < trials;
    let subset = if subset {
        streamed_subset(lang, &kept)
    } else {
        String::new()
    };
    let pct = pct.replace('.', &lang.decimal_separator().to_string());
    streamed_summary(
        lang,
        &kr(info.exact_up_to_trials as f64, lang),
        &pct,
        &subset,
    )
}

/// A status-quo projection (no proposal, no policy event) per year: cost,
/// contacts and digital share, then the mean cost's precision.
fn projection_table(s: &RunSummary, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", TextTerm::StatusQuoProjectionNoProposal.get(lang));
    let cost = s.metric(MetricKey::CostScenario.as_str());
    let contacts = s.metric(MetricKey::ContactsScenario.as_str());
    let digital = s.metric(MetricKey::DigitalShareScenario.as_str());
    let mut head = vec![
        TextCommon::Year.get(lang).to_string(),
        TextCommon::Cost.get(lang).to_string(),
        TextTerm::ContactsTotal.get(lang).to_string(),
        TextTerm::DigitalShare.get(lang).to_string(),
    ];
    let first = Scale::for_values(cost.iter().map(|q| q.p50));
    let (scale, rows) = fitting_scale(&head, first, |scale| {
        let costs = scale.column(&cost.iter().collect::<Vec<_>>(), lang);
        s.years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let count = |q: &Summary| Scale::Kr.range(q, lang);
                vec![
                    y.to_string(),
                    costs.get(i).cloned().unwrap_or_default(),
                    contacts.get(i).map(count).unwrap_or_default(),
                    digital
                        .get(i)
                        .map(|q| crate::i18n::format_pct(q.p50, 1, lang))
                        .unwrap_or_default(),
                ]
            })
            .collect()
    });
    head[1] = format!("{} ({})", head[1], scale.unit(lang));
    let _ = writeln!(o, "{}\n", TextTerm::Median5Pct95Pct.get(lang));
    o.push_str(&render(&head, &rows));
    let end = s.years.len() - 1;
    if let Some(q) = cost.get(end) {
        let _ = writeln!(
            o,
            "\n{} {}: {} ± {} ({})",
            TextTerm::MeanCost.get(lang),
            s.end_year,
            kr(q.mean, lang),
            kr(1.96 * q.se, lang),
            TextTerm::N95PctCiOfThe.get(lang)
        );
    }
    if let Some(p) = &s.precision {
        o.push_str(&precision_line(p, lang));
    }
    o
}

/// Cost, savings and cumulative net savings per year.
fn years_table(s: &RunSummary, lang: Lang) -> String {
    let mut o = String::new();
    let keys = [
        MetricKey::CostStatusQuo,
        MetricKey::CostScenario,
        MetricKey::Savings,
        MetricKey::CumulativeNetSavings,
    ];
    let mut head = vec![TextCommon::Year.get(lang).to_string()];
    head.extend(keys.iter().map(|k| metric_name(*k, lang)));
    let first = Scale::for_values(
        [keys[0], keys[1], keys[3]]
            .iter()
            .flat_map(|k| s.metric(k).iter().map(|q| q.p50)),
    );
    let (scale, rows) = fitting_scale(&head, first, |scale| {
        let columns: Vec<Vec<String>> = keys
            .iter()
            .map(|k| scale.column(&s.metric(k).iter().collect::<Vec<_>>(), lang))
            .collect();
        s.years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let mut r = vec![y.to_string()];
                r.extend(columns.iter().map(|c| c[i].clone()));
                r
            })
            .collect()
    });
    let _ = writeln!(
        o,
        "{} {}: median [5 % .. 95 %]; {}\n{}\n",
        scale.unit(lang),
        TextTerm::PerYear.get(lang),
        TextTerm::SavingsStatusQuoCostScenario.get(lang),
        medians_do_not_add(lang)
    );
    o.push_str(&render(&head, &rows));
    o.push_str(&median_ci_line(s, scale, lang));
    o
}

/// The headline output whose percentiles' intervals the terminal shows:
/// cumulative net savings, or the scenario's cost when nothing varies in
/// the savings (as the report's method section); None when neither varies
/// in the end year.
fn headline(s: &RunSummary) -> Option<MetricKey> {
    let varies = |k: &MetricKey| {
        s.metric(k)
            .last()
            .is_some_and(|q| q.p5 != q.p95 && q.p5.is_finite())
    };
    [MetricKey::CumulativeNetSavings, MetricKey::CostScenario]
        .into_iter()
        .find(|k| varies(k))
}

/// Under the per-year table, how precisely its medians of the headline
/// output are known: "95 % CI of the medians of cumulative net savings:
/// 2011 2.26–2.30, ..." (order statistics; years whose output does not vary
/// are left out). Empty when nothing varies.
fn median_ci_line(s: &RunSummary, scale: Scale, lang: Lang) -> String {
    let Some(key) = headline(s) else {
        return String::new();
    };
    let column = s.metric(key);
    let min = Scale::decimals_for(column.iter().flat_map(|q| [q.p5, q.p50, q.p95]));
    let parts: Vec<String> = s
        .years
        .iter()
        .zip(column)
        .filter(|(_, q)| q.p5 != q.p95)
        .filter_map(|(y, q)| Some(format!("{y} {}", scale.ci(q.ci95.p50, min, lang)?)))
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let what = metric_name(key, lang);
    ci_of_medians(lang, &what, &parts.join(", "))
}

/// The 5th, 50th and 95th percentiles of the headline output in the end
/// year with their 95 % confidence intervals (order statistics), in
/// millions from a million kr.: "cumulative net savings 2015, percentiles
/// (95 % CI): 5 % 9.08 (8.97–9.19), median 10.50 (10.43–10.58), 95 % 12.15
/// (12.02–12.30) million kr.". Empty when nothing varies.
fn percentile_ci_line(s: &RunSummary, lang: Lang) -> String {
    let Some(key) = headline(s) else {
        return String::new();
    };
    let Some(q) = s.metric(key).last() else {
        return String::new();
    };
    let scale = Scale::above([q.p5, q.p50, q.p95], 1_000_000.0);
    let min = Scale::decimals_for([q.p5, q.p50, q.p95]);
    let parts = [
        ("5 %", q.p5, q.ci95.p5),
        (TextCommon::Median.get(lang), q.p50, q.ci95.p50),
        ("95 %", q.p95, q.ci95.p95),
    ]
    .map(|(name, x, ci)| format!("{name} {}", scale.with_ci(x, ci, min, lang)))
    .join(", ");
    format!(
        "{} {}, {} ({}): {parts} {}\n",
        metric_name(key, lang),
        s.end_year,
        TextTerm::Percentiles.get(lang),
        TextTerm::N95PctCi.get(lang),
        scale.unit(lang)
    )
}

/// Mean cumulative net savings, net present value, payback and precision.
fn end_year_lines(s: &RunSummary, lang: Lang) -> String {
    let mut o = String::new();
    let end = s.years.len() - 1;
    let cum = &s.metric(MetricKey::CumulativeNetSavings.as_str())[end];
    let npv = &s.metric(MetricKey::Npv.as_str())[end];
    let _ = writeln!(
        o,
        "\n{} {}: {} ± {} ({})",
        TextTerm::MeanCumulativeNetSavings.get(lang),
        s.end_year,
        kr(cum.mean, lang),
        kr(1.96 * cum.se, lang),
        TextTerm::N95PctCiOfThe.get(lang)
    );
    o.push_str(&percentile_ci_line(s, lang));
    let npv_ci = match Scale::Kr.ci(npv.ci95.p50, 0, lang) {
        Some(ci) if npv.p5 != npv.p95 => {
            format!("; {} {ci}", TextTerm::N95PctCiOfTheMedian.get(lang))
        }
        _ => String::new(),
    };
    let _ = writeln!(
        o,
        "{} {}: median {}{npv_ci}",
        metric_name(MetricKey::Npv, lang),
        s.end_year,
        range_cell(npv, lang)
    );
    o.push_str(&payback_line(&s.payback, lang));
    if let Some(p) = &s.precision {
        o.push_str(&precision_line(p, lang));
    }
    o
}

/// "payback (first year ...): 2011 in 100 % of trials", one line.
pub fn payback_line(payback: &std::collections::BTreeMap<Payback, f64>, lang: Lang) -> String {
    let parts: Vec<String> = payback
        .iter()
        .map(|(k, v)| {
            let when = match k {
                Payback::NotBy(y) => format!("{} {y}", TextTerm::NotBy.get(lang)),
                Payback::Year(y) => y.to_string(),
            };
            format!(
                "{when} {} {}",
                TextTerm::In.get(lang),
                of_trials(format_probability(*v, lang), lang)
            )
        })
        .collect();
    format!(
        "{}: {}\n",
        TextTerm::PaybackFirstYearFromWhich.get(lang),
        parts.join(", ")
    )
}

/// "88 % of trials" / "88 % af simuleringerne".
fn of_trials(share: String, lang: Lang) -> String {
    format!("{share} {}", TextTerm::OfTrials.get(lang))
}

/// How precise the mean became with `--precision`.
fn precision_line(p: &crate::summary::Precision, lang: Lang) -> String {
    let pct = |x: f64| crate::i18n::format_pct(x, 2, lang);
    let state = if p.reached {
        TextTerm::Reached
    } else {
        TextTerm::NotReachedWithinMaxTrials
    }
    .get(lang);
    // What the half-width is taken of: the mean, a percentile, or (in
    // probability points) a goal's probability.
    let of = match p.statistic {
        PrecisionStatistic::Mean => TextTerm::OfTheMeanOf.get(lang).to_string(),
        PrecisionStatistic::GoalProbability => {
            TextTerm::PointsForTheProbabilityOf.get(lang).to_string()
        }
        PrecisionStatistic::Percentile(p) => of_the_percentile_of(lang, &(p * 100.0).to_string()),
    };
    // A goal reads "goal 1: <name>" in summary.json, "mål 1: <name>" in Danish.
    let what = match &p.metric {
        PrecisionOutput::Metric(k) => metric_name(*k, lang),
        PrecisionOutput::Goal { number, name } => {
            format!("{} {number}: {name}", TextTerm::Goal.get(lang))
        }
    };
    format!(
        "{}: {} {} {of} {} ({state}; {} {})\n",
        TextTerm::Precision.get(lang),
        TextTerm::N95PctHalfWidth.get(lang),
        pct(p.achieved_relative),
        format_args!("{what} {}", p.year),
        TextTerm::Target.get(lang),
        p.target_relative.map(pct).unwrap_or_default()
    )
}

/// The probability that each goal is met per year, and the first year met.
fn goals_table(s: &RunSummary, lang: Lang) -> String {
    goal_tables(&s.goals, &s.years, None, lang)
}

/// The probability that each of `goals` is met per year, and the first
/// year met; `option` names the compared option they belong to.
pub fn goal_tables(
    goals: &[GoalSummary],
    years: &[i32],
    option: Option<&str>,
    lang: Lang,
) -> String {
    let mut o = String::new();
    if goals.is_empty() {
        return o;
    }
    let of = option
        .map(|name| format!(": {}", clean_text(name)))
        .unwrap_or_default();
    let _ = writeln!(o, "\n{}{of}", TextTerm::ProbabilityThatEachGoalIs.get(lang));
    let ne = not_evaluable_mark(lang);
    let mut head = vec![TextTerm::Goal.get(lang).to_string()];
    head.extend(years.iter().map(|y| y.to_string()));
    let rows: Vec<Vec<String>> = goals
        .iter()
        .map(|g| {
            let mut r = vec![crate::report::chart_data::goal_row_label(g, lang)];
            r.extend(g.probability.iter().enumerate().map(|(y, p)| {
                if g.not_evaluable_in(y) {
                    return ne.into();
                }
                p.map(|p| format_probability(p, lang))
                    .unwrap_or_else(|| "-".into())
            }));
            r
        })
        .collect();
    o.push_str(&render(&head, &rows));
    if (0..years.len()).any(|y| goals.iter().any(|g| g.not_evaluable_in(y))) {
        let _ = writeln!(o, "{ne}: {}", TextTerm::NotEvaluableTheGoalsShare.get(lang));
    }
    o.push_str(&first_year_lines(goals, years, lang));
    o
}

/// "n/e" / "k.m." in a goal table.
fn not_evaluable_mark(lang: Lang) -> &'static str {
    TextTerm::NE.get(lang)
}

/// The first year each goal is met, as shares of the trials, and the
/// probability that it is met in its last year: "first met 2011 30 %, 2012
/// < 1 %, 2013 3 %, never met 66 %; met in 2015: 25 %".
fn first_year_lines(goals: &[GoalSummary], years: &[i32], lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "\n{}", TextTerm::FirstYearEachGoalIs.get(lang));
    for g in goals {
        let years_met: Vec<String> = years
            .iter()
            .filter_map(|y| {
                g.first_year_met
                    .get(&FirstMet::Year(*y))
                    .map(|p| format!("{y} {}", format_probability(*p, lang)))
            })
            .collect();
        // "first met 2011 30 %, ..., never met 66 %"; a goal no trial
        // meets reads "never met 100 %", not "first met never met".
        let parts: Vec<String> = (!years_met.is_empty())
            .then(|| first_met_in(lang, &years_met.join(", ")))
            .into_iter()
            .chain(g.first_year_met.get(&FirstMet::NotMet).map(|p| {
                format!(
                    "{} {}",
                    TextTerm::NotMet.get(lang),
                    format_probability(*p, lang)
                )
            }))
            .collect();
        let last = g
            .met_in_last_year(years)
            .map(|(y, p)| format!("; {}", met_in_year(lang, y, &format_probability(p, lang))))
            .unwrap_or_default();
        let _ = writeln!(o, "  {}: {}{last}", clean_text(&g.name), parts.join(", "));
    }
    o
}

/// The line saying which share of the savings through `end_year` are
/// avoided contacts valued at full price; empty when there is none.
pub fn avoided_savings_line(share: Option<f64>, end_year: i32, lang: Lang) -> String {
    share.map_or_else(String::new, |share| {
        format!(
            "{}: {} {} {}\n",
            TextTerm::ContactsAvoidedAreValuedAt.get(lang),
            crate::i18n::format_pct(share, 0, lang),
            TextTerm::OfTheSavingsThrough.get(lang),
            end_year
        )
    })
}

/// Where the savings come from, per year: means, which add up to the mean
/// savings (medians would not). Empty when the run saves nothing anywhere.
pub fn savings_by_source_table(s: &RunSummary, lang: Lang) -> String {
    use crate::model::layout::SavingsSource;
    let mut o = String::new();
    let means = |k: &str| -> Vec<f64> { s.metric(k).iter().map(|q| q.mean).collect() };
    let savings = means(MetricKey::Savings.as_str());
    if savings.iter().all(|&x| x == 0.0) || !s.metrics.contains_key(SavingsSource::ALL[0].key()) {
        return o;
    }
    let scale = Scale::for_values(savings.iter().copied());
    let _ = writeln!(
        o,
        "\n{} ({} {}, {})",
        TextTerm::WhereTheSavingsComeFrom.get(lang),
        scale.unit(lang),
        TextTerm::PerYear.get(lang),
        TextTerm::MeanOfTheTrialsThe.get(lang)
    );
    let mut head = vec![TextTerm::Source.get(lang).to_string()];
    head.extend(s.years.iter().map(|y| y.to_string()));
    let mut rows: Vec<Vec<String>> = SavingsSource::ALL
        .iter()
        .filter(|src| means(src.key()).iter().any(|&x| x != 0.0))
        .map(|src| {
            let mut r = vec![src.label(lang).to_string()];
            r.extend(means(src.key()).iter().map(|&x| scale.fmt(x, lang)));
            r
        })
        .collect();
    let mut total = vec![metric_name(MetricKey::Savings, lang)];
    total.extend(savings.iter().map(|&x| scale.fmt(x, lang)));
    rows.push(total);
    o.push_str(&render(&head, &rows));
    o.push_str(&avoided_savings_line(
        s.avoided_savings_share(),
        s.end_year,
        lang,
    ));
    // A Digital Post law that lifts the status quo too explains why the
    // outbound mail row falls (Lyngby-Taarbæk 2015).
    if let Some(d) = s.outbound_mail_drop() {
        let _ = writeln!(
            o,
            "{}",
            crate::i18n::outbound_law_line(
                lang,
                d.year,
                &crate::i18n::format_kr(d.before, lang),
                &crate::i18n::format_kr(d.after, lang),
                &clean_text(&d.law.name),
                &format!(
                    "{} {}",
                    crate::i18n::month_name(d.law.month, lang),
                    d.law.year
                ),
            )
        );
    }
    o
}

/// Said next to every table of per-year medians: each column is summarised
/// on its own, so medians of a difference are not differences of medians.
pub fn medians_do_not_add(lang: Lang) -> &'static str {
    TextTerm::EachColumnIsTheMedian.get(lang)
}

/// What the proposal's hours and each policy event buy (`run --attribution`).
pub fn attribution_table(
    s: &RunSummary,
    rows: &[crate::summary::AttributionRow],
    lang: Lang,
) -> String {
    if rows.is_empty() {
        return format!("\n{}\n", TextTerm::NothingToAttributeTheScenario.get(lang));
    }
    let mut o = String::new();
    let scale = Scale::above(
        rows.iter().flat_map(|r| {
            [&r.marginal_net_savings_kr, &r.cost_kr, &r.gross_savings_kr]
                .into_iter()
                .flat_map(|q| [q.p5, q.p50, q.p95])
        }),
        1_000_000.0,
    );
    let _ = writeln!(
        o,
        "\n{} {} ({}; {}: median [5 % .. 95 %])",
        TextTerm::WhatTheProposalsHoursAnd.get(lang),
        s.end_year,
        TextTerm::EachRerunWithoutItOn.get(lang),
        scale.unit(lang)
    );
    let head = header(&[
        TextTerm::EventMeasure.get(lang),
        TextTerm::MarginalNetSavings.get(lang),
        TextTerm::MedianPrecisionColumn.get(lang),
        TextTerm::ItsCost.get(lang),
        TextTerm::GrossSavings.get(lang),
    ]);
    let column = |f: fn(&AttributionRow) -> &Summary| -> Vec<String> {
        scale.column(&rows.iter().map(f).collect::<Vec<_>>(), lang)
    };
    // The marginal median's 95 % interval (order statistics), with at least
    // the decimals of its column; "-" where the marginal does not vary.
    let marginal_ci: Vec<String> = {
        let min = Scale::decimals_for(rows.iter().flat_map(|r| {
            let q = &r.marginal_net_savings_kr;
            [q.p5, q.p50, q.p95]
        }));
        rows.iter()
            .map(|r| {
                let q = &r.marginal_net_savings_kr;
                (q.p5 != q.p95)
                    .then(|| scale.ci(q.ci95.p50, min, lang))
                    .flatten()
                    .unwrap_or_else(|| "-".into())
            })
            .collect()
    };
    let columns = [
        column(|r| &r.marginal_net_savings_kr),
        marginal_ci,
        column(|r| &r.cost_kr),
        column(|r| &r.gross_savings_kr),
    ];
    let body: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![r.label(lang)];
            cells.extend(columns.iter().map(|c| c[i].clone()));
            cells
        })
        .collect();
    o.push_str(&render(&head, &body));
    o.push_str(&goal_changes(s, rows, lang));
    let sum: f64 = rows.iter().map(|r| r.marginal_net_savings_kr.mean).sum();
    let total = s
        .metric(MetricKey::CumulativeNetSavings.as_str())
        .last()
        .map(|q| q.mean)
        .unwrap_or(0.0);
    let _ = writeln!(
        o,
        "{} {} {} {}: {}",
        TextTerm::TheItemsMeanEffectsAdd.get(lang),
        kr(sum, lang),
        TextTerm::OfTheScenariosMean.get(lang),
        kr(total, lang),
        TextTerm::ItemsThatMoveTheSame.get(lang)
    );
    o
}

/// Per attribution row, the goal and year whose probability it changes most.
fn goal_changes(s: &RunSummary, rows: &[crate::summary::AttributionRow], lang: Lang) -> String {
    let lines: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let (g, y, d) = largest_goal_change(r)?;
            Some(format!(
                "  {}: {} {}: {:+.0} {}",
                r.label(lang),
                s.goals[g].name,
                s.years[y],
                d * 100.0,
                TextTerm::PercentagePoints.get(lang)
            ))
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "{}\n{}\n",
        TextTerm::LargestChangeInTheProbability.get(lang),
        lines.join("\n")
    )
}

/// (goal, year, change) of the largest non-zero change in a goal's probability.
fn largest_goal_change(r: &crate::summary::AttributionRow) -> Option<(usize, usize, f64)> {
    let mut best: Option<(usize, usize, f64)> = None;
    for (g, years) in r.goal_probability_change.iter().enumerate() {
        for (y, d) in years.iter().enumerate() {
            if let Some(d) = d {
                if best.map(|b| d.abs() > b.2.abs()).unwrap_or(*d != 0.0) {
                    best = Some((g, y, *d));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_amounts_switch_the_table_to_millions() {
        assert_eq!(Scale::for_values([610_000.0, 9_999_999.0]), Scale::Kr);
        assert_eq!(Scale::for_values([-12_000_000.0]), Scale::MillionKr);
        assert_eq!(Scale::MillionKr.fmt(17_129_115.0, Lang::En), "17.13");
        assert_eq!(Scale::MillionKr.fmt(17_129_115.0, Lang::Da), "17,13");
        assert_eq!(Scale::Kr.fmt(535_428.57, Lang::En), "535,429");
        assert_eq!(Scale::Kr.fmt(535_428.57, Lang::Da), "535.429");
        let s = Summary {
            mean: 2.0e6,
            sd: 1.0,
            se: 0.1,
            p5: 1.82e6,
            p25: 2.0e6,
            p50: 2.34e6,
            p75: 2.5e6,
            p95: 2.88e6,
            min: 1.0e6,
            max: 3.0e6,
            ci95: crate::stats::PercentileCis::NAN,
        };
        assert_eq!(Scale::MillionKr.range(&s, Lang::En), "2.34 [1.82 .. 2.88]");
        assert_eq!(Scale::decimals_for([2.88e6]), 2);
        assert_eq!(Scale::decimals_for([164.0e6]), 1);
        assert_eq!(Scale::decimals_for([-1_173.39e6, 915.0e6]), 0);
        let big = Summary {
            p5: 915.21e6,
            p50: 1_034.85e6,
            p95: 1_173.39e6,
            ..s
        };
        assert_eq!(
            Scale::MillionKr.column(&[&big, &s], Lang::Da),
            vec!["1.035 [915 .. 1.173]", "2 [2 .. 3]"]
        );
        assert_eq!(Scale::MillionKr.unit(Lang::Da), "mio. kr.");
    }

    #[test]
    fn intervals_show_their_width_in_the_tables_unit() {
        // 10.458..10.541 million is 0.083 wide: two decimals show it.
        let ci = [10_458_123.0, 10_541_456.0];
        assert_eq!(
            Scale::MillionKr.ci(ci, 2, Lang::En).as_deref(),
            Some("10.46–10.54")
        );
        assert_eq!(
            Scale::MillionKr.with_ci(10_499_000.0, ci, 2, Lang::Da),
            "10,50 (10,46–10,54)"
        );
        // 0.004 million wide: three decimals, so the ends differ.
        let narrow = [10_498_100.0, 10_502_200.0];
        assert_eq!(
            Scale::MillionKr.with_ci(10_500_000.0, narrow, 2, Lang::En),
            "10.500 (10.498–10.502)"
        );
        // Whole kroner, negative ends, and no interval.
        assert_eq!(
            Scale::Kr
                .ci([-2_301_000.4, -2_250_000.0], 0, Lang::Da)
                .as_deref(),
            Some("-2.301.000–-2.250.000")
        );
        assert_eq!(Scale::Kr.ci([f64::NAN, 1.0], 0, Lang::En), None);
        assert_eq!(Scale::Kr.with_ci(5.0, [f64::NAN; 2], 0, Lang::En), "5");
    }
}
