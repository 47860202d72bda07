//! The comparison of options: its brief (section 1) and tables (section 4).

use super::*;

impl Report<'_> {
    pub(super) fn comparison_brief(&self, h: &mut String, c: &Comparison) -> anyhow::Result<()> {
        let lang = self.lang;
        let Some(&end) = c.years.last() else {
            return Ok(());
        };
        writeln!(
            h,
            "<h3>{}</h3>",
            self.t("Forslagene sammenlignet", "The proposals compared")
        )?;
        let today_hours: f64 = c
            .options
            .first()
            .map(|o| o.hours.iter().map(|r| r.today_hours_per_week).sum())
            .unwrap_or(0.0);
        let show_hours = today_hours > 0.0;
        writeln!(h, "<table class=\"options\">")?;
        write!(h, "<thead><tr><th>{}</th>", self.t("Forslag", "Proposal"))?;
        if show_hours {
            write!(
                h,
                "<th class=\"num\">{} ({} {})</th>",
                self.t(
                    "Åbningstimer pr. uge i alt",
                    "Opening hours per week in all"
                ),
                self.t("i dag", "today"),
                format_sig(today_hours, 4, lang)
            )?;
        }
        writeln!(
            h,
            "<th class=\"num\">{}</th><th class=\"num\">{} {end}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            escape(&labels(lang).savings_in_year(end)),
            self.t("Akkumuleret nettobesparelse til og med", "Cumulative net savings through"),
            self.t("90 % sandsynlighed (akkumuleret)", "90 % probability (cumulative)"),
        )?;
        for o in &c.options {
            let Some(y) = o.years.last() else {
                continue;
            };
            write!(h, "<tr><td>{}</td>", escape(&o.name))?;
            if show_hours {
                let hours: f64 = o
                    .hours
                    .iter()
                    .map(|r| r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week))
                    .sum();
                write!(h, "<td class=\"num\">{}</td>", format_sig(hours, 4, lang))?;
            }
            writeln!(
                h,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                format_money(y.savings_kr.p50, lang),
                format_money(y.cumulative_net_savings_kr.p50, lang),
                format_money_range(
                    y.cumulative_net_savings_kr.p5,
                    y.cumulative_net_savings_kr.p95,
                    lang
                ),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        writeln!(h, "<ul class=\"plain\">")?;
        for p in &c.pairwise {
            let Some(y) = p.years.last() else { continue };
            // One sentence per pair, told from the side of the option that
            // more often saves more (the first-listed one on a tie).
            let (ia, ib) = (order(&p.a), order(&p.b));
            let reverse = c
                .pairwise
                .iter()
                .find(|q| q.a == p.b && q.b == p.a)
                .and_then(|q| q.years.last())
                .map(|q| q.prob_a_cumulative_more)
                .unwrap_or(0.0);
            let leads = y.prob_a_cumulative_more > reverse
                || (y.prob_a_cumulative_more == reverse && ia < ib);
            if !leads {
                continue;
            }
            let sentence = match lang {
                Lang::Da => format!(
                    "»{}« giver en større akkumuleret nettobesparelse end »{}« til og med {end} i {} af simuleringerne; forskellen er {} (median; 90 % sandsynlighed: {}).",
                    p.a,
                    p.b,
                    format_probability(y.prob_a_cumulative_more, lang),
                    format_money(y.cumulative_difference_kr.p50, lang),
                    format_money_range(
                        y.cumulative_difference_kr.p5,
                        y.cumulative_difference_kr.p95,
                        lang
                    ),
                ),
                Lang::En => format!(
                    "“{}” gives larger cumulative net savings than “{}” through {end} in {} of the simulations; the difference is {} (median; 90 % probability: {}).",
                    p.a,
                    p.b,
                    format_probability(y.prob_a_cumulative_more, lang),
                    format_money(y.cumulative_difference_kr.p50, lang),
                    format_money_range(
                        y.cumulative_difference_kr.p5,
                        y.cumulative_difference_kr.p95,
                        lang
                    ),
                ),
            };
            writeln!(h, "<li>{}</li>", escape(&fix_stops(&sentence)))?;
        }
        writeln!(h, "</ul>")?;
        Ok(())
    }

    pub(super) fn comparison_tables(&self, h: &mut String, c: &Comparison) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        writeln!(h, "<table class=\"options-years\" id=\"table-options\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Forslagene pr. år (median; 90 %-interval under)",
                "The proposals per year (median; 90 % interval below)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            l.option,
            l.year,
            escape(&metric_label("cost_scenario_kr", lang)),
            l.savings,
            l.cumulative_net_savings,
            self.t("Fortrængte henvendelser", "Displaced contacts"),
        )?;
        for o in &c.options {
            for y in &o.years {
                let displaced = y.displaced_retimed.p50
                    + y.displaced_to_digital.p50
                    + y.displaced_to_phone.p50
                    + y.displaced_avoided.p50;
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}<br><span class=\"small\">{} – {}</span></td><td class=\"num\">{}<br><span class=\"small\">{} – {}</span></td><td class=\"num\">{}</td></tr>",
                    escape(&o.name),
                    y.year,
                    format_kr(y.cost_kr.p50, lang),
                    format_kr(y.savings_kr.p50, lang),
                    format_kr(y.savings_kr.p5, lang),
                    format_kr(y.savings_kr.p95, lang),
                    format_kr(y.cumulative_net_savings_kr.p50, lang),
                    format_kr(y.cumulative_net_savings_kr.p5, lang),
                    format_kr(y.cumulative_net_savings_kr.p95, lang),
                    format_number(displaced, 0, lang),
                )?;
            }
        }
        writeln!(h, "</tbody></table>")?;
        h.push_str(&self.medians_note().into_string());
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        let pairs: Vec<_> = c
            .pairwise
            .iter()
            .filter(|p| order(&p.a) < order(&p.b))
            .collect();
        if !pairs.is_empty() {
            writeln!(h, "<table class=\"pairwise\">")?;
            writeln!(
                h,
                "<caption>{}</caption>",
                self.t(
                    "Forslag mod forslag, simulering for simulering (samme tilfældige tal)",
                    "Proposal against proposal, simulation by simulation (same random numbers)"
                )
            )?;
            writeln!(
                h,
                "<thead><tr><th>A – B</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                l.year,
                self.t("P(A sparer mere det år)", "P(A saves more that year)"),
                self.t("Forskel i besparelse (median)", "Difference in savings (median)"),
                self.t("P(A har størst akkumuleret besparelse)", "P(A's cumulative savings larger)"),
                self.t("Forskel, akkumuleret (median)", "Difference, cumulative (median)"),
            )?;
            for p in pairs {
                for y in &p.years {
                    writeln!(
                        h,
                        "<tr><td>{} – {}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                        escape(&p.a),
                        escape(&p.b),
                        y.year,
                        escape(&format_probability(y.prob_a_saves_more, lang)),
                        format_kr(y.savings_difference_kr.p50, lang),
                        escape(&format_probability(y.prob_a_cumulative_more, lang)),
                        format_kr(y.cumulative_difference_kr.p50, lang),
                    )?;
                }
            }
            writeln!(h, "</tbody></table>")?;
        }
        Ok(())
    }
}
