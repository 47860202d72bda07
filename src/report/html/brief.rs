//! Section 1: the key figures and the sentences "in brief".

use super::*;
use crate::i18n::{
    contacts_sentence, cost_in_year, cost_sentence, digital_share_sentence, savings_in_year,
    TextChart, TextCommon, TextReport,
};

impl Report<'_> {
    /// Key figures and sentences of a status-quo projection: cost, contacts
    /// and digital share, end year against base year; no savings or payback,
    /// which are zero by construction.
    pub(super) fn projection_brief(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let (base, end) = (s.base_year, s.end_year);
        let e = self.end_index();
        let at = |k: &str, i: usize| self.metric(k).get(i).copied();
        let count = |x: f64| format_number(round_sig(x, 3), 0, lang);
        let share = |x: f64| format_pct(x, 0, lang);
        let median = TextChart::Median.get(lang).to_lowercase();
        let mut figures = Vec::new();
        for (i, year) in [(e, end), (0, base)] {
            if let Some(q) = at(MetricKey::CostScenario.as_str(), i) {
                figures.push(self.key_figure(&cost_in_year(lang, year), &q));
            }
        }
        if let Some(q) = at(MetricKey::ContactsScenario.as_str(), e) {
            let range = if q.p5 == q.p95 {
                self.constant_note().to_string()
            } else {
                format!(
                    "{}: {} {} {}",
                    TextReport::N90PctProbability.get(self.lang),
                    count(q.p5),
                    TextCommon::To.get(self.lang),
                    count(q.p95)
                )
            };
            figures.push(self.key_figure_text(
                &format!("{} {end} ({median})", TextReport::ContactsIn.get(self.lang)),
                &count(q.p50),
                &range,
            ));
        }
        if let Some(q) = at(MetricKey::DigitalShareScenario.as_str(), e) {
            let range = if q.p5 == q.p95 {
                self.constant_note().to_string()
            } else {
                format!(
                    "{}: {}",
                    TextReport::N90PctProbability.get(self.lang),
                    join_interval(&share(q.p5), &share(q.p95), lang)
                )
            };
            figures.push(self.key_figure_text(
                &format!(
                    "{} {end} ({median})",
                    TextReport::DigitalShareOfContactsIn.get(self.lang)
                ),
                &share(q.p50),
                &range,
            ));
        }
        let mut sentences = Vec::new();
        let interval = |q: &Summary, f: &dyn Fn(f64, f64) -> String| {
            if q.p5 == q.p95 {
                format!(" ({})", self.constant_note())
            } else {
                format!(
                    " ({median}; {}: {})",
                    TextReport::N90PctProbability.get(self.lang),
                    f(q.p5, q.p95)
                )
            }
        };
        if let (Some(q), Some(q0)) = (
            at(MetricKey::CostScenario.as_str(), e),
            at(MetricKey::CostScenario.as_str(), 0),
        ) {
            // The median and its interval in one unit and precision.
            let (median, _) = format_money_with_range(q.p50, q.p5, q.p95, lang);
            let range = interval(&q, &|a, b| format_money_with_range(q.p50, a, b, lang).1);
            let sentence = cost_sentence(
                lang,
                &if q.p5 == q.p95 {
                    format_money(q.p50, lang)
                } else {
                    median
                },
                end,
                &range,
                &format_money(q0.p50, lang),
                base,
            );
            sentences.push(fix_stops(&sentence));
        }
        if let (Some(q), Some(q0)) = (
            at(MetricKey::ContactsScenario.as_str(), e),
            at(MetricKey::ContactsScenario.as_str(), 0),
        ) {
            let range = interval(&q, &|a, b| join_interval(&count(a), &count(b), lang));
            let sentence =
                contacts_sentence(lang, &count(q.p50), end, &range, &count(q0.p50), base);
            sentences.push(sentence);
        }
        if let (Some(q), Some(q0)) = (
            at(MetricKey::DigitalShareScenario.as_str(), e),
            at(MetricKey::DigitalShareScenario.as_str(), 0),
        ) {
            let sentence =
                digital_share_sentence(lang, &share(q.p50), end, &median, &share(q0.p50), base);
            sentences.push(sentence);
        }
        sentences.push(
            TextReport::ThereAreNoSavingsPresent
                .get(self.lang)
                .to_string(),
        );
        self.brief(&figures, None, &sentences)
    }

    /// The key figures, an optional note on reading them, and the
    /// sentences "in brief".
    fn brief(&self, figures: &[Markup], note: Option<&str>, sentences: &[String]) -> Markup {
        html! {
            div.keyfigures { "\n"
                @for figure in figures { (figure) }
            } "\n"
            @if let Some(note) = note { p class="note reading" { (note) } "\n" }
            h3 { (TextReport::InBrief.get(self.lang)) } "\n"
            ul.plain { "\n"
                @for sentence in sentences { li { (clean_text(sentence)) } "\n" }
            } "\n"
        }
    }

    /// Key figures and sentences of a run that proposes something: savings,
    /// cumulative net savings, payback, net present value, displaced
    /// contacts. `full`: with the note on reading the figures and the
    /// sentences on the savings, cumulative net savings and payback, which
    /// an option's section of a comparison leaves to the key figures.
    pub(super) fn savings_brief(&self, full: bool) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let end = s.end_year;
        let e = self.end_index();
        // Key figures.
        let savings = self.metric(MetricKey::Savings.as_str()).get(e).copied();
        let cumulative = self
            .metric(MetricKey::CumulativeNetSavings.as_str())
            .get(e)
            .copied();
        let npv = self.metric(MetricKey::Npv.as_str()).get(e).copied();
        let mut figures = Vec::new();
        if let Some(q) = savings {
            figures.push(self.key_figure(&savings_in_year(lang, end), &q));
        }
        if let Some(q) = cumulative {
            let label = format!(
                "{} {}–{}",
                TextChart::CumulativeNetSavings.get(lang),
                s.base_year,
                end
            );
            figures.push(self.key_figure(&label, &q));
        }
        let (payback_value, payback_note) = self.payback_key();
        figures.push(self.key_figure_text(
            TextReport::PaysForItselfPayback.get(self.lang),
            &payback_value,
            &payback_note,
        ));
        if let Some(sh) = s.shape(MetricKey::CumulativeNetSavings) {
            figures.push(self.key_figure_text(
                &format!(
                    "{} {}",
                    TextReport::ProbabilityOfANetSaving.get(self.lang),
                    end
                ),
                &format_probability(sh.prob_positive, lang),
                likelihood_words(sh.prob_positive, lang),
            ));
        }
        let note = TextReport::HowToReadTheFigures.get(self.lang);
        // In plain words.
        let mut sentences = Vec::new();
        if let Some(q) = savings.filter(|_| full) {
            sentences.push(fix_stops(&self.savings_sentence(&q, end)));
        }
        if let Some(q) = cumulative.filter(|_| full) {
            sentences.push(fix_stops(&self.cumulative_sentence(&q, end)));
        }
        if let Some(q) = npv {
            sentences.push(fix_stops(&self.npv_sentence(&q)));
        }
        if full {
            sentences.push(self.payback_sentence());
        }
        sentences.extend(self.displaced_sentence());
        self.brief(&figures, full.then_some(note), &sentences)
    }

    /// Why a figure is the same in every simulation: no input is
    /// uncertain, or (with uncertain inputs) nothing in the figure depends
    /// on them, e.g. savings of a scenario that proposes nothing.
    pub(super) fn constant_note(&self) -> &'static str {
        if self.s.inputs.is_empty() {
            TextReport::NoUncertaintyInTheInputs.get(self.lang)
        } else {
            TextReport::TheSameInEverySimulation.get(self.lang)
        }
    }

    /// An amount's key figure: its median with its 90 % interval below,
    /// both in one unit and precision ([`format_money_with_range`]).
    pub(super) fn key_figure(&self, label: &str, q: &Summary) -> Markup {
        let (value, range) = format_money_with_range(q.p50, q.p5, q.p95, self.lang);
        let range = if q.p5 == q.p95 {
            self.constant_note().to_string()
        } else {
            format!("{}: {range}", TextReport::N90PctProbability.get(self.lang))
        };
        let value = if q.p5 == q.p95 {
            format_money(q.p50, self.lang)
        } else {
            value
        };
        let label = format!(
            "{label} ({})",
            TextChart::Median.get(self.lang).to_lowercase()
        );
        self.key_figure_text(&label, &value, &range)
    }

    pub(super) fn key_figure_text(&self, label: &str, value: &str, note: &str) -> Markup {
        html! {
            div.kf {
                div.label { (clean_text(label)) }
                div.value { (clean_text(value)) }
                div.range { (clean_text(note)) }
            } "\n"
        }
    }
}
