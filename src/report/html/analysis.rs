//! Section 4: sensitivity and attribution.

use super::*;

impl Report<'_> {
    pub(super) fn sensitivity_table(
        &self,
        h: &mut String,
        sens: &Sensitivity,
    ) -> anyhow::Result<()> {
        let lang = self.lang;
        let measure = measure_of(&sens.metric, sens.year)
            .map(|m| m.label(lang))
            .unwrap_or_else(|| format!("{} {}", metric_label(&sens.metric, lang), sens.year));
        writeln!(h, "<table class=\"sensitivity\" id=\"table-sensitivity\">")?;
        writeln!(
            h,
            "<caption>{}: {} ({})</caption>",
            self.t(
                "Følsomhed, de ti vigtigste antagelser",
                "Sensitivity, the ten most important inputs"
            ),
            escape(&measure),
            escape(&match lang {
                Lang::Da => format!(
                    "median {}, {} simuleringer",
                    format_money(sens.output_median, lang),
                    format_number(sens.trials_used as f64, 0, lang)
                ),
                Lang::En => format!(
                    "median {}, {} simulations",
                    format_money(sens.output_median, lang),
                    format_number(sens.trials_used as f64, 0, lang)
                ),
            })
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Antagelse", "Input"),
            self.t("Rangkorrelation", "Rank correlation"),
            self.t("Bidrag til variansen", "Contribution to variance"),
            self.t(
                "Median når antagelsen er lav (laveste 10 %)",
                "Median with the input low (lowest 10 %)"
            ),
            self.t(
                "Median når antagelsen er høj (højeste 10 %)",
                "Median with the input high (highest 10 %)"
            ),
            self.t("Udsving", "Swing"),
        )?;
        let top: Vec<&str> = sens
            .rows
            .iter()
            .take(10)
            .map(|r| r.input.as_str())
            .collect();
        let names = chart_data::summary_input_labels(self.s, &top, lang);
        for (r, name) in sens.rows.iter().zip(&names) {
            writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(name),
                format_number(r.spearman, 2, lang),
                format_pct(r.contribution_to_variance, 1, lang),
                format_kr(r.median_when_low, lang),
                format_kr(r.median_when_high, lang),
                format_kr(r.swing, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Rangkorrelation (Spearman) mellem antagelsen og resultatet over simuleringerne; bidraget til variansen er korrelationen i anden potens delt med summen over alle antagelser (med korrelationens fortegn). Udsving: forskellen mellem medianen, når antagelsen ligger blandt sine laveste 10 %, og når den ligger blandt sine højeste 10 %.",
                "Rank (Spearman) correlation between the input and the result across the simulations; the contribution to variance is the squared correlation over the sum over all inputs (signed like the correlation). Swing: the difference between the median with the input in its lowest 10 % and with it in its highest 10 %."
            )
        )?;
        if !sens.correlations.is_empty() {
            writeln!(h, "<table class=\"correlations\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Angivne og opnåede rangkorrelationer",
                    "Declared and achieved rank correlations"
                )
            )?;
            writeln!(
                h,
                "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                self.t("Antagelse A", "Input A"),
                self.t("Antagelse B", "Input B"),
                self.t("Angivet", "Declared"),
                self.t("Opnået", "Achieved"),
            )?;
            for c in &sens.correlations {
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&chart_data::summary_input_label(self.s, &c.a, lang)),
                    escape(&chart_data::summary_input_label(self.s, &c.b, lang)),
                    format_number(c.declared, 2, lang),
                    format_number(c.achieved, 2, lang)
                )?;
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }

    pub(super) fn attribution_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let Some(rows) = &s.attribution else {
            return Ok(());
        };
        if rows.is_empty() {
            return Ok(());
        }
        writeln!(h, "<table class=\"attribution\" id=\"table-attribution\">")?;
        writeln!(
            h,
            "<caption>{} {}–{} (kr.)</caption>",
            self.t(
                "Hvad hvert tiltag bidrager med",
                "What each measure contributes"
            ),
            s.base_year,
            s.end_year
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">5 %</th><th class=\"num\">95 %</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Tiltag", "Measure"),
            self.t("Ekstra nettobesparelse (median)", "Extra net savings (median)"),
            self.t("Tiltagets omkostning (median)", "The measure's cost (median)"),
            self.t("Besparelse før omkostning (median)", "Savings before cost (median)"),
        )?;
        for r in rows {
            writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&r.label(lang)),
                format_kr(r.marginal_net_savings_kr.p50, lang),
                format_kr(r.marginal_net_savings_kr.p5, lang),
                format_kr(r.marginal_net_savings_kr.p95, lang),
                format_kr(r.cost_kr.p50, lang),
                format_kr(r.gross_savings_kr.p50, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Hvert tiltag er målt for sig: scenariet regnet uden netop det tiltag, med de samme tilfældige tal. Tiltag, der flytter de samme henvendelser, overlapper, så tallene summerer ikke nødvendigvis til den samlede besparelse.",
                "Each measure is measured alone: the scenario computed without just that measure, on the same random numbers. Measures that move the same contacts overlap, so the figures need not add up to the total savings."
            )
        )?;
        // Change in goal probabilities, in each goal's last evaluated year.
        let goal_cols: Vec<(usize, &GoalSummary, usize, i32)> = s
            .goals
            .iter()
            .enumerate()
            .filter_map(|(gi, g)| {
                let yi = g.probability.iter().rposition(|p| p.is_some())?;
                Some((gi, g, yi, s.years[yi]))
            })
            .collect();
        if !goal_cols.is_empty() && rows.iter().any(|r| !r.goal_probability_change.is_empty()) {
            writeln!(h, "<table class=\"attribution-goals\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Tiltagenes virkning på sandsynligheden for at nå målene (procentpoint)",
                    "The measures' effect on the probability of meeting the goals (percentage points)"
                )
            )?;
            write!(h, "<thead><tr><th>{}</th>", self.t("Tiltag", "Measure"))?;
            for (_, g, _, y) in &goal_cols {
                write!(h, "<th class=\"num\">{} ({y})</th>", escape(&g.name))?;
            }
            writeln!(h, "</tr></thead><tbody>")?;
            for r in rows {
                write!(h, "<tr><td>{}</td>", escape(&r.label(lang)))?;
                for (gi, _, yi, _) in &goal_cols {
                    let v = r
                        .goal_probability_change
                        .get(*gi)
                        .and_then(|v| v.get(*yi).copied().flatten());
                    match v {
                        Some(v) => write!(
                            h,
                            "<td class=\"num\">{}</td>",
                            signed_number(v * 100.0, 0, lang)
                        )?,
                        None => write!(h, "<td class=\"num\">–</td>")?,
                    }
                }
                writeln!(h, "</tr>")?;
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }
}
