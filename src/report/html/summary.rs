//! Section 1: the heading, the descriptions and the summary.

use super::*;

impl Report<'_> {
    pub(super) fn summary_section(&self) -> Markup {
        if let Some(c) = self.c {
            return self.comparison_summary_section(c);
        }
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        let lead = if self.projection() {
            self.t(
                "Status quo-fremskrivning: scenariet har intet forslag og ingen tiltag, så der er intet at spare i forhold til status quo. Rapporten viser omkostninger, henvendelser og mål, som de udvikler sig med dagens åbningstider og de eksterne begivenheder (fx love). Alle beløb er i kr.",
                "Status-quo projection: the scenario has no proposal and no initiatives, so there is nothing to save against the status quo. The report shows costs, contacts and goals as they develop with today's opening hours and the external events (such as laws). All amounts are in kr.",
            )
        } else {
            self.t(
                "Alle beløb er i kr. og sammenlignet med status quo (uændrede åbningstider, kun eksterne begivenheder som love).",
                "All amounts are in kr. and against the status quo (today's opening hours, external events such as laws only).",
            )
        };
        html! {
            section class="major first" id="summary" { "\n"
                p.kicker {
                    (self.t("Prognose for kanalomlægning", "Channel-shift forecast")) " "
                    (s.base_year) "–" (end)
                } "\n"
                h1 { (clean_text(&s.scenario)) } "\n"
                @for text in [&s.description, &s.proposal_description].into_iter().flatten() {
                    p.description { (clean_text(text)) } "\n"
                }
                @if let Some(p) = &s.proposal {
                    @if !s.scenario.contains(p.as_str()) {
                        p.proposal { (l.option) ": " (clean_text(p)) } "\n"
                    }
                }
                p.lead { (l.based_on_trials(s.trials as u64)) " " (lead) } "\n"
                p.meta {
                    (self.t("Scenariefil", "Scenario file")) ": " (clean_text(&s.scenario_file))
                    " · " (self.t("startværdi (--seed)", "seed")) " " (s.seed) " · "
                    (self.t("Sådan er tallene beregnet: se afsnit", "How the numbers are made: see section"))
                    " " (self.section(5)) "."
                } "\n"
                h2 { "1. " (self.t("Sammenfatning", "Summary")) } "\n"
                @if self.projection() {
                    (self.projection_brief())
                } @else {
                    (self.savings_brief(true))
                }
                (self.goals_brief())
                (self.hours_brief())
            } "\n"
        }
    }

    /// Section 1 of a comparison: the title names the comparison and its
    /// base; the options side by side, the pairs in words, every option's
    /// weekly hours. Section 2 has each option's details.
    fn comparison_summary_section(&self, c: &Comparison) -> Markup {
        let s = self.s;
        let lead = self.t(
            "Alle beløb er i kr. og sammenlignet med status quo (uændrede åbningstider, kun eksterne begivenheder som love). Alle forslag er regnet med de samme tilfældige tal, så forskellen mellem to forslag er beregnet simulering for simulering.",
            "All amounts are in kr. and against the status quo (today's opening hours, external events such as laws only). Every proposal is computed with the same random numbers, so the difference between two proposals is computed simulation by simulation.",
        );
        let files: Vec<String> = self
            .options
            .iter()
            .map(|o| clean_text(&short_location(&o.scenario_file)).into_owned())
            .collect();
        html! {
            section class="major first" id="summary" { "\n"
                p.kicker {
                    (self.t("Prognose for kanalomlægning", "Channel-shift forecast")) " "
                    (s.base_year) "–" (s.end_year)
                } "\n"
                h1 { (self.comparison_title(c)) } "\n"
                @if let Some(b) = self.base {
                    p.proposal { (self.t("Grundlag", "Base")) ": " (clean_text(&b.name)) } "\n"
                }
                p.description { (self.comparison_description(c)) } "\n"
                p.lead { (labels(self.lang).based_on_trials(s.trials as u64)) " " (lead) } "\n"
                p.meta {
                    (self.t("Forslagenes filer", "The proposals' files")) ": " (files.join(", "))
                    " · " (self.t("startværdi (--seed)", "seed")) " " (s.seed) " · "
                    (self.t("Sådan er tallene beregnet: se afsnit", "How the numbers are made: see section"))
                    " " (self.section(5)) "."
                } "\n"
                h2 { "1. " (self.t("Sammenfatning", "Summary")) } "\n"
                (self.comparison_brief(c))
                (self.options_hours_brief(c))
                p class="detail-note" {
                    (self.t(
                        "Afsnit 2 viser hvert forslag for sig: nøgletal, mål, åbningstider, bemanding og de antagelser, der betyder mest for det.",
                        "Section 2 shows each proposal on its own: key figures, goals, opening hours, staffing and the inputs that matter most for it."
                    ))
                } "\n"
            } "\n"
        }
    }

    /// Each goal's probability in its last evaluated year, in words.
    pub(super) fn goals_brief(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        if s.goals.is_empty() {
            return html! {};
        }
        let goals: Vec<(f64, String)> = s
            .goals
            .iter()
            .filter_map(|g| {
                let (y, target, p) = last_evaluated(g, &s.years)?;
                let mut sentence = match lang {
                    Lang::Da => format!(
                        "Målet »{}« ({}) nås i {y} med sandsynlighed {} – {}.",
                        g.name,
                        goal_condition(g, target, lang),
                        format_probability(p, lang),
                        likelihood_words(p, lang)
                    ),
                    Lang::En => format!(
                        "The goal “{}” ({}) is met in {y} with probability {} – {}.",
                        g.name,
                        goal_condition(g, target, lang),
                        format_probability(p, lang),
                        likelihood_words(p, lang)
                    ),
                };
                if let Some(more) = self.goal_path_sentence(g) {
                    sentence.push(' ');
                    sentence.push_str(&more);
                }
                Some((p, sentence))
            })
            .collect();
        self.goal_list(&goals, "goal-list")
    }

    /// "Målene" / "The goals" with one badge (the probability) and sentence
    /// per goal; `class` is the list's CSS class.
    pub(super) fn goal_list(&self, goals: &[(f64, String)], class: &str) -> Markup {
        let lang = self.lang;
        html! {
            h3 { (self.t("Målene", "The goals")) } "\n"
            ul class=(class) { "\n"
                @for (p, sentence) in goals {
                    li {
                        span class={ "badge " (likelihood_class(*p)) } { (format_probability(*p, lang)) }
                        span { (clean_text(sentence)) }
                    } "\n"
                }
            } "\n"
        }
    }

    /// Opening hours in brief: today's and the proposal's per department
    /// and channel.
    pub(super) fn hours_brief(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        if !s.hours.iter().any(|r| r.proposal_hours_per_week.is_some()) {
            return html! {};
        }
        html! {
            h3 { (self.t("Åbningstider pr. uge", "Opening hours per week")) } "\n"
            table.hours-brief { "\n"
                thead { tr {
                    th { (self.t("Afdeling", "Department")) }
                    th { (self.t("Kanal", "Channel")) }
                    th.num { (self.t("I dag (timer)", "Today (hours)")) }
                    th.num { (self.t("Forslag (timer)", "Proposal (hours)")) }
                    th.num { (self.t("Ændring", "Change")) }
                } }
                tbody { "\n"
                    @for r in &s.hours {
                        @if let Some(p) = r.proposal_hours_per_week {
                            tr {
                                td { (clean_text(&r.department)) }
                                td { (clean_text(&chart_data::opening_channel_label(r.channel, lang))) }
                                td.num { (format_sig(r.today_hours_per_week, 4, lang)) }
                                td.num { (format_sig(p, 4, lang)) }
                                td.num { (signed(p - r.today_hours_per_week, lang)) }
                            } "\n"
                        }
                    }
                }
            } "\n"
        }
    }

    /// True for a single run that proposes nothing: the status quo
    /// projected forward ([`RunSummary::is_status_quo_projection`]).
    pub(super) fn projection(&self) -> bool {
        self.c.is_none() && self.s.is_status_quo_projection()
    }
}
