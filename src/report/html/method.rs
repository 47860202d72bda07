//! Section 5: how the numbers are made.

use super::*;
use crate::i18n::{
    method_many_trials, method_mean_se, method_savings, method_simulation, method_statistics,
    percentile_precision, settled_sentence, TextReport,
};

impl Report<'_> {
    pub(super) fn method_section(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let n = format_number(s.trials as f64, 0, lang);
        // The headline figure: cumulative net savings, or the cost when
        // nothing is proposed.
        let headline = if self.projection() {
            MetricKey::CostScenario.as_str()
        } else {
            MetricKey::CumulativeNetSavings.as_str()
        };
        // A comparison's figures are each option's: section 2 has them.
        let se = self
            .metric(headline)
            .get(self.end_index())
            .map(|q| q.se)
            .filter(|_| self.c.is_none());
        let mean_of = if self.projection() {
            TextReport::MeanOfCost
        } else {
            TextReport::MeanOfCumulative
        }
        .get(lang);
        let t = |text: TextReport| text.get(lang).to_string();
        let se_sentence = se
            .map(|se| method_mean_se(lang, mean_of, s.end_year, &format_kr(se, lang)))
            .unwrap_or_default();
        let paragraphs: Vec<(String, String)> = vec![
            (
                t(TextReport::MethodSimulation),
                method_simulation(lang, s.base_year, s.end_year, &n, s.seed),
            ),
            (
                t(TextReport::MethodContacts),
                t(TextReport::MethodContactsBody),
            ),
            (
                t(TextReport::MethodAdoption),
                t(TextReport::MethodAdoptionBody),
            ),
            (
                t(TextReport::MethodShorterHours),
                t(TextReport::MethodShorterHoursBody),
            ),
            (t(TextReport::MethodCosts), t(TextReport::MethodCostsBody)),
            (
                t(TextReport::MethodSavings),
                method_savings(lang, &discount_rate_label(&s.discount_rate, lang)),
            ),
            (t(TextReport::MethodGoals), t(TextReport::MethodGoalsBody)),
            (
                t(TextReport::MethodStatistics),
                method_statistics(lang, &se_sentence)
                    + &self.percentile_precision_sentence()
                    + &self.settled_sentence(),
            ),
        ];
        // A projection saves nothing: say what it is instead of how savings
        // are computed.
        let paragraphs: Vec<(String, String)> = if self.projection() {
            paragraphs
                .into_iter()
                .map(|(title, body)| {
                    if title == TextReport::MethodSavings.get(lang) {
                        (
                            TextReport::StatusQuoProjection.get(self.lang).into(),
                            TextReport::EverySimulationComputesTwoPaths
                                .get(self.lang)
                                .into(),
                        )
                    } else {
                        (title, body)
                    }
                })
                .collect()
        } else {
            paragraphs
        };
        let mut paragraphs = paragraphs;
        if self.c.is_some() {
            // The uncertain numbers are section 3 of a comparison.
            for (_, body) in &mut paragraphs {
                *body = body.replace(
                    TextReport::InSection2.get(lang),
                    TextReport::InSection3.get(lang),
                );
            }
            paragraphs.push((
                t(TextReport::MethodComparison),
                t(TextReport::MethodComparisonBody),
            ));
        }
        if let Some(info) = &s.streamed {
            // A run beyond `--stream-above` (src/stream.rs) says how its
            // percentiles were estimated.
            let up_to = format_number(info.exact_up_to_trials as f64, 0, lang);
            let kept = format_number(info.per_trial_outputs_trials as f64, 0, lang);
            paragraphs.push((
                t(TextReport::MethodManyTrials),
                method_many_trials(lang, &up_to, &kept),
            ));
        }
        html! {
            section class="major method" id="method" { "\n"
                h2 { (self.section(5)) ". " (TextReport::HowTheNumbersAreMade.get(self.lang)) } "\n"
                // Two columns in print: the heading stays outside them, so
                // that it is kept with the text it introduces.
                div class="method-body" { "\n"
                    @for (title, body) in &paragraphs {
                        h3 { (title) } "\n"
                        p { (clean_text(&fix_stops(body))) } "\n"
                    }
                } "\n"
            } "\n"
        }
    }

    /// " The figures have settled: ..." when the convergence chart is left
    /// out because more trials would not move the headline figures.
    pub(super) fn settled_sentence(&self) -> String {
        if self.c.is_some() {
            return String::new();
        }
        let settled =
            chart_data::convergence_to_show(self.s).is_some_and(chart_data::figures_settled);
        if !settled {
            return String::new();
        }
        let share = format_pct(chart_data::SETTLED_SHARE, 0, self.lang);
        settled_sentence(self.lang, &share)
    }

    /// How precisely the simulation pins down the headline percentiles:
    /// " The 95th percentile ... is 12.3 M kr., 95 % CI 12.1–12.5 ...", with
    /// the sampling method; empty when the output does not vary.
    pub(super) fn percentile_precision_sentence(&self) -> String {
        if self.c.is_some() {
            return String::new();
        }
        let lang = self.lang;
        let end = self.end_index();
        let pick = |key: &str| self.metric(key).get(end).filter(|q| q.p5 != q.p95);
        let (q, what) = match (
            pick(MetricKey::CumulativeNetSavings.as_str()),
            pick(MetricKey::CostScenario.as_str()),
        ) {
            (Some(q), _) => (q, TextReport::CumulativeNetSavingsLower.get(self.lang)),
            (None, Some(q)) => (q, TextReport::TheScenariosCost.get(self.lang)),
            _ => return String::new(),
        };
        // Enough decimals (in millions) that the interval's width shows
        // with two significant digits: "10.43 m kr., 95 % CI 10.40–10.46".
        let decimals = |c: [f64; 2]| {
            crate::stats::ci::interval_decimals((c[1] - c[0]) / 1e6, 2, 1, 6).unwrap_or(2)
        };
        let with_ci = |x: f64, c: [f64; 2]| {
            let d = decimals(c);
            let n = |v: f64| crate::i18n::format_number(v / 1e6, d, lang);
            let unit = crate::i18n::mkr_unit(lang);
            if c.iter().all(|v| v.is_finite()) {
                let ci = TextReport::N95PctCi.get(self.lang);
                format!("{} {unit}, {ci} {}–{}", n(x), n(c[0]), n(c[1]))
            } else {
                format!("{} {unit}", n(x))
            }
        };
        let method = match self.s.sampling {
            crate::sampling::Method::Random => TextReport::SamplingRandom,
            crate::sampling::Method::Lhs => TextReport::SamplingLhs,
            crate::sampling::Method::Sobol => TextReport::SamplingSobol,
        }
        .get(lang);
        let year = self.s.end_year;
        percentile_precision(
            lang,
            what,
            year,
            &with_ci(q.p50, q.ci95.p50),
            &with_ci(q.p95, q.ci95.p95),
            method,
        )
    }
}
