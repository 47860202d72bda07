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

    pub(super) fn summary_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        writeln!(h, "<section class=\"major first\" id=\"summary\">")?;
        writeln!(
            h,
            "<p class=\"kicker\">{} {}–{}</p>",
            self.t("Prognose for kanalomlægning", "Channel-shift forecast"),
            s.base_year,
            end
        )?;
        let compared: Vec<&str> = self
            .c
            .map(|c| c.options.iter().map(|o| o.name.as_str()).collect())
            .unwrap_or_default();
        if compared.len() >= 2 {
            let names: Vec<String> = compared.iter().map(|n| escape(n)).collect();
            let (last, rest) = names.split_last().expect("two names");
            writeln!(
                h,
                "<h1>{} {} {} {}</h1>",
                rest.join(", "),
                self.t("og", "and"),
                last,
                self.t("sammenlignet", "compared")
            )?;
        } else {
            writeln!(h, "<h1>{}</h1>", escape(&s.scenario))?;
        }
        for text in [&s.description, &s.proposal_description]
            .into_iter()
            .flatten()
        {
            if compared.len() < 2 {
                writeln!(h, "<p class=\"description\">{}</p>", escape(text))?;
            }
        }
        if let Some(p) = &s.proposal {
            if !s.scenario.contains(p.as_str()) && compared.len() < 2 {
                writeln!(
                    h,
                    "<p class=\"proposal\">{}: {}</p>",
                    escape(labels(lang).option),
                    escape(p)
                )?;
            }
        }
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
        writeln!(
            h,
            "<p class=\"lead\">{} {}</p>",
            escape(&l.based_on_trials(s.trials as u64)),
            escape(lead)
        )?;
        writeln!(
            h,
            "<p class=\"meta\">{}: {} · {} {} · {} 5.</p>",
            self.t("Scenariefil", "Scenario file"),
            escape(&s.scenario_file),
            self.t("startværdi (--seed)", "seed"),
            s.seed,
            self.t(
                "Sådan er tallene beregnet: se afsnit",
                "How the numbers are made: see section"
            ),
        )?;
        writeln!(h, "<h2>1. {}</h2>", self.t("Sammenfatning", "Summary"))?;
        if let Some(c) = self.c {
            self.comparison_brief(h, c)?;
            writeln!(
                h,
                "<h3>{}: {}</h3>",
                escape(s.proposal.as_deref().unwrap_or(&s.scenario)),
                self.t("nøgletal", "key figures")
            )?;
            let name = escape(s.proposal.as_deref().unwrap_or(&s.scenario));
            if c.options.len() >= 2 {
                writeln!(
                h,
                "<p class=\"detail-note\">{}</p>",
                match self.lang {
                    Lang::Da => format!("Resten af rapporten (mål, figurer og tabeller ud over sammenligningen) viser detaljerne for <strong>{name}</strong>. Kør <code>channelshift run --report</code> på de andre forslag for deres detaljer."),
                    Lang::En => format!("The rest of this report (goals, charts and tables beyond the comparison) shows the details of <strong>{name}</strong>. Run <code>channelshift run --report</code> on the other options for theirs."),
                }
            )?;
            }
        }

        if self.projection() {
            self.projection_brief(h)?;
        } else {
            self.savings_brief(h)?;
        }

        // Goals.
        if !s.goals.is_empty() {
            writeln!(h, "<h3>{}</h3>", self.t("Målene", "The goals"))?;
            writeln!(h, "<ul class=\"goal-list\">")?;
            for g in &s.goals {
                let Some((y, target, p)) = last_evaluated(g, &s.years) else {
                    continue;
                };
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
                writeln!(
                    h,
                    "<li><span class=\"badge {}\">{}</span><span>{}</span></li>",
                    likelihood_class(p),
                    escape(&format_probability(p, lang)),
                    escape(&sentence)
                )?;
            }
            writeln!(h, "</ul>")?;
        }

        // Opening hours in brief.
        if s.hours.iter().any(|r| r.proposal_hours_per_week.is_some()) {
            writeln!(
                h,
                "<h3>{}</h3>",
                self.t("Åbningstider pr. uge", "Opening hours per week")
            )?;
            writeln!(h, "<table class=\"hours-brief\">")?;
            writeln!(
                h,
                "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                self.t("Afdeling", "Department"),
                self.t("Kanal", "Channel"),
                self.t("I dag (timer)", "Today (hours)"),
                self.t("Forslag (timer)", "Proposal (hours)"),
                self.t("Ændring", "Change"),
            )?;
            for r in &s.hours {
                let Some(p) = r.proposal_hours_per_week else {
                    continue;
                };
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&r.department),
                    escape(&chart_data::opening_channel_label(&r.channel, lang)),
                    format_sig(r.today_hours_per_week, 4, lang),
                    format_sig(p, 4, lang),
                    signed(p - r.today_hours_per_week, lang),
                )?;
            }
            writeln!(h, "</tbody></table>")?;
        }

        writeln!(h, "</section>")?;
        Ok(())
    }

    /// True for a single run that proposes nothing: the status quo
    /// projected forward ([`RunSummary::is_status_quo_projection`]).
    pub(super) fn projection(&self) -> bool {
        self.c.is_none() && self.s.is_status_quo_projection()
    }
}
