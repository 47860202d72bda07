//! Section 1: the heading, the descriptions and the summary.

use super::*;

impl Report<'_> {
    /// " – Forslag 1" in section headings of a comparison report, whose
    /// detailed sections describe the first option only.
    pub(super) fn detail_suffix(&self) -> Markup {
        html! {
            @if self.c.is_some() {
                " – " (clean_text(self.s.proposal.as_deref().unwrap_or(&self.s.scenario)))
            }
        }
    }

    pub(super) fn summary_section(&self) -> Markup {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        let compared: Vec<&str> = self
            .c
            .map(|c| c.options.iter().map(|o| o.name.as_str()).collect())
            .unwrap_or_default();
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
        let name = s.proposal.as_deref().unwrap_or(&s.scenario);
        html! {
            section class="major first" id="summary" { "\n"
                p.kicker {
                    (self.t("Prognose for kanalomlægning", "Channel-shift forecast")) " "
                    (s.base_year) "–" (end)
                } "\n"
                @if let [rest @ .., last] = compared.as_slice() {
                    @if !rest.is_empty() {
                        h1 {
                            @for (i, name) in rest.iter().enumerate() {
                                @if i > 0 { ", " }
                                (clean_text(name))
                            }
                            " " (self.t("og", "and")) " " (clean_text(last)) " "
                            (self.t("sammenlignet", "compared"))
                        } "\n"
                    }
                }
                @if compared.len() < 2 {
                    h1 { (clean_text(&s.scenario)) } "\n"
                    @for text in [&s.description, &s.proposal_description].into_iter().flatten() {
                        p.description { (clean_text(text)) } "\n"
                    }
                    @if let Some(p) = &s.proposal {
                        @if !s.scenario.contains(p.as_str()) {
                            p.proposal { (l.option) ": " (clean_text(p)) } "\n"
                        }
                    }
                }
                p.lead { (l.based_on_trials(s.trials as u64)) " " (lead) } "\n"
                p.meta {
                    (self.t("Scenariefil", "Scenario file")) ": " (clean_text(&s.scenario_file))
                    " · " (self.t("startværdi (--seed)", "seed")) " " (s.seed) " · "
                    (self.t("Sådan er tallene beregnet: se afsnit", "How the numbers are made: see section"))
                    " 5."
                } "\n"
                h2 { "1. " (self.t("Sammenfatning", "Summary")) } "\n"
                @if let Some(c) = self.c {
                    (self.comparison_brief(c))
                    h3 { (clean_text(name)) ": " (self.t("nøgletal", "key figures")) } "\n"
                    @if c.options.len() >= 2 {
                        p class="detail-note" {
                            @match lang {
                                Lang::Da => { "Resten af rapporten (mål, figurer og tabeller ud over sammenligningen) viser detaljerne for " strong { (clean_text(name)) } ". Kør " code { "channelshift run --report" } " på de andre forslag for deres detaljer." }
                                Lang::En => { "The rest of this report (goals, charts and tables beyond the comparison) shows the details of " strong { (clean_text(name)) } ". Run " code { "channelshift run --report" } " on the other options for theirs." }
                            }
                        } "\n"
                    }
                }
                @if self.projection() {
                    (self.projection_brief())
                } @else {
                    (self.savings_brief())
                }
                (self.goals_brief())
                (self.hours_brief())
            } "\n"
        }
    }

    /// Each goal's probability in its last evaluated year, in words.
    fn goals_brief(&self) -> Markup {
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
        html! {
            h3 { (self.t("Målene", "The goals")) } "\n"
            ul class="goal-list" { "\n"
                @for (p, sentence) in &goals {
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
    fn hours_brief(&self) -> Markup {
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
                                td { (clean_text(&chart_data::opening_channel_label(&r.channel, lang))) }
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
