//! Section 1: the key figures and the sentences "in brief".

use super::*;

impl Report<'_> {
    /// Key figures and sentences of a status-quo projection: cost, contacts
    /// and digital share, end year against base year; no savings or payback,
    /// which are zero by construction.
    pub(super) fn projection_brief(&self) -> Markup {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let (base, end) = (s.base_year, s.end_year);
        let e = self.end_index();
        let at = |k: &str, i: usize| self.metric(k).get(i).copied();
        let count = |x: f64| format_number(round_sig(x, 3), 0, lang);
        let share = |x: f64| format_pct(x, 0, lang);
        let median = labels(lang).median.to_lowercase();
        let mut figures = Vec::new();
        for (i, year) in [(e, end), (0, base)] {
            if let Some(q) = at(MetricKey::CostScenario.as_str(), i) {
                figures.push(self.key_figure(
                    &l.cost_in_year(year),
                    &format_money(q.p50, lang),
                    Some(&q),
                ));
            }
        }
        if let Some(q) = at(MetricKey::ContactsScenario.as_str(), e) {
            let range = if q.p5 == q.p95 {
                self.constant_note().to_string()
            } else {
                format!(
                    "{}: {} {} {}",
                    self.t("90 % sandsynlighed", "90 % probability"),
                    count(q.p5),
                    self.t("til", "to"),
                    count(q.p95)
                )
            };
            figures.push(self.key_figure_text(
                &format!(
                    "{} {end} ({median})",
                    self.t("Henvendelser i", "Contacts in")
                ),
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
                    self.t("90 % sandsynlighed", "90 % probability"),
                    join_interval(&share(q.p5), &share(q.p95), lang)
                )
            };
            figures.push(self.key_figure_text(
                &format!(
                    "{} {end} ({median})",
                    self.t(
                        "Digital andel af henvendelserne i",
                        "Digital share of contacts in"
                    )
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
                    self.t("90 % sandsynlighed", "90 % probability"),
                    f(q.p5, q.p95)
                )
            }
        };
        if let (Some(q), Some(q0)) = (
            at(MetricKey::CostScenario.as_str(), e),
            at(MetricKey::CostScenario.as_str(), 0),
        ) {
            let range = interval(&q, &|a, b| format_money_range(a, b, lang));
            let sentence = match lang {
                Lang::Da => format!(
                    "Omkostningen er {} i {end}{range} mod {} i {base}.",
                    format_money(q.p50, lang),
                    format_money(q0.p50, lang)
                ),
                Lang::En => format!(
                    "The cost is {} in {end}{range} against {} in {base}.",
                    format_money(q.p50, lang),
                    format_money(q0.p50, lang)
                ),
            };
            sentences.push(fix_stops(&sentence));
        }
        if let (Some(q), Some(q0)) = (
            at(MetricKey::ContactsScenario.as_str(), e),
            at(MetricKey::ContactsScenario.as_str(), 0),
        ) {
            let range = interval(&q, &|a, b| join_interval(&count(a), &count(b), lang));
            let sentence = match lang {
                Lang::Da => format!(
                    "Der kommer ca. {} henvendelser i {end}{range} mod ca. {} i {base}.",
                    count(q.p50),
                    count(q0.p50)
                ),
                Lang::En => format!(
                    "About {} contacts come in {end}{range} against about {} in {base}.",
                    count(q.p50),
                    count(q0.p50)
                ),
            };
            sentences.push(sentence);
        }
        if let (Some(q), Some(q0)) = (
            at(MetricKey::DigitalShareScenario.as_str(), e),
            at(MetricKey::DigitalShareScenario.as_str(), 0),
        ) {
            let sentence = match lang {
                Lang::Da => format!(
                    "{} af henvendelserne er digitale i {end} ({median}) mod {} i {base}.",
                    share(q.p50),
                    share(q0.p50)
                ),
                Lang::En => format!(
                    "{} of the contacts are digital in {end} ({median}) against {} in {base}.",
                    share(q.p50),
                    share(q0.p50)
                ),
            };
            sentences.push(sentence);
        }
        sentences.push(self.t(
            "Der er ingen besparelse, nutidsværdi eller tilbagebetaling at beregne: scenariet ændrer intet i forhold til status quo. Læg et forslag eller et tiltag ind i scenariet for at se, hvad det sparer.",
            "There are no savings, present value or payback to compute: the scenario changes nothing against the status quo. Add a proposal or an initiative to the scenario to see what it saves."
        ).to_string());
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
            h3 { (self.t("Kort fortalt", "In brief")) } "\n"
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
        let l = labels(lang);
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
            figures.push(self.key_figure(
                &l.savings_in_year(end),
                &format_money(q.p50, lang),
                Some(&q),
            ));
        }
        if let Some(q) = cumulative {
            let label = format!("{} {}–{}", l.cumulative_net_savings, s.base_year, end);
            figures.push(self.key_figure(&label, &format_money(q.p50, lang), Some(&q)));
        }
        let (payback_value, payback_note) = self.payback_key();
        figures.push(self.key_figure_text(
            self.t("Tjent hjem (tilbagebetaling)", "Pays for itself (payback)"),
            &payback_value,
            &payback_note,
        ));
        if let Some(sh) = s.shape(MetricKey::CumulativeNetSavings) {
            figures.push(self.key_figure_text(
                &format!(
                    "{} {}",
                    self.t(
                        "Sandsynlighed for samlet besparelse til og med",
                        "Probability of a net saving through"
                    ),
                    end
                ),
                &format_probability(sh.prob_positive, lang),
                likelihood_words(sh.prob_positive, lang),
            ));
        }
        let note = self.t(
            "Sådan læses tallene: medianen er det midterste udfald – der er lige stor chance for et større og et mindre tal. »90 % sandsynlighed« betyder, at tallet i 9 ud af 10 simuleringer ligger i intervallet.",
            "How to read the figures: the median is the middle outcome – a larger and a smaller figure are equally likely. “90 % probability” means that in 9 out of 10 simulations the figure lies in the interval."
        );
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
            t(
                self.lang,
                "ingen usikkerhed i input",
                "no uncertainty in the inputs",
            )
        } else {
            t(
                self.lang,
                "ens i alle simuleringer",
                "the same in every simulation",
            )
        }
    }

    pub(super) fn key_figure(&self, label: &str, value: &str, q: Option<&Summary>) -> Markup {
        let range = q
            .map(|q| {
                if q.p5 == q.p95 {
                    self.constant_note().to_string()
                } else {
                    format!(
                        "{}: {}",
                        self.t("90 % sandsynlighed", "90 % probability"),
                        format_money_range(q.p5, q.p95, self.lang)
                    )
                }
            })
            .unwrap_or_default();
        let label = format!("{label} ({})", labels(self.lang).median.to_lowercase());
        self.key_figure_text(&label, value, &range)
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
