//! Section 4: the goals and the citizens per year.

use super::*;

impl Report<'_> {
    /// Opens a per-year goal table: its attributes, caption, the leading
    /// column headings, one column per year and an optional last column.
    pub(super) fn goal_table_head(
        &self,
        h: &mut String,
        attrs: &str,
        caption: &str,
        leading: &[&str],
        last: Option<&str>,
    ) -> anyhow::Result<()> {
        writeln!(h, "<table {attrs}>")?;
        writeln!(h, "<caption>{caption}</caption>")?;
        write!(h, "<thead><tr>")?;
        for head in leading {
            write!(h, "<th>{head}</th>")?;
        }
        for y in &self.s.years {
            write!(h, "<th class=\"num\">{y}</th>")?;
        }
        if let Some(last) = last {
            write!(h, "<th class=\"num\">{last}</th>")?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        Ok(())
    }

    pub(super) fn goals_tables(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        if s.goals.is_empty() {
            return Ok(());
        }
        self.goal_table_head(
            h,
            "class=\"goals\" id=\"table-goals\"",
            self.t(
                "Sandsynlighed for at nå målene pr. år",
                "Probability of meeting the goals per year",
            ),
            &[l.goal, self.t("Målværdi", "Target")],
            None,
        )?;
        for g in &s.goals {
            let target = last_evaluated(g, &s.years)
                .map(|(_, t, _)| goal_condition(g, t, lang))
                .unwrap_or_else(|| "–".into());
            write!(
                h,
                "<tr><td>{}</td><td>{}</td>",
                escape(&g.name),
                escape(&target)
            )?;
            for (y, p) in g.probability.iter().enumerate() {
                match p {
                    Some(p) => write!(
                        h,
                        "<td class=\"num nw\">{}</td>",
                        escape(&format_probability(*p, lang))
                    )?,
                    None if g.not_evaluable_in(y) => write!(
                        h,
                        "<td class=\"num\">{}</td>",
                        escape(labels(lang).not_evaluable)
                    )?,
                    None => write!(h, "<td class=\"num\">–</td>")?,
                }
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;

        // The goal metric's value.
        self.goal_table_head(
            h,
            "class=\"goal-values\"",
            self.t(
                "Målenes tal pr. år (median; 90 %-interval under)",
                "The goals' figures per year (median; 90 % interval below)",
            ),
            &[l.goal],
            None,
        )?;
        for g in &s.goals {
            // The unit goes in the row label, not in every cell, so the
            // table fits the page.
            let unit = crate::goal_text::count_unit(g.metric, lang);
            write!(h, "<tr><td>{}{}</td>", escape(&g.name), unit)?;
            let cell = |v: f64| match crate::goal_text::kind(g.metric) {
                crate::goal_text::Kind::Count => format_number(v, 0, lang),
                _ => crate::goal_text::value(g.metric, v, lang),
            };
            let range = |lo: f64, hi: f64| match crate::goal_text::kind(g.metric) {
                crate::goal_text::Kind::Money => {
                    let (a, b) = format_money_pair(lo, hi, lang);
                    join_interval(&a, &b, lang)
                }
                _ => join_interval(&cell(lo), &cell(hi), lang),
            };
            for q in &g.value {
                write!(
                    h,
                    "<td class=\"num\">{}<br><span class=\"small\">{}</span></td>",
                    escape(&cell(q.p50)),
                    escape(&range(q.p5, q.p95)),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;

        // First year met.
        self.goal_table_head(
            h,
            "class=\"goal-first\"",
            self.t(
                "Første år målet nås (andel af simuleringerne)",
                "First year the goal is met (share of simulations)",
            ),
            &[l.goal],
            Some(self.t("Ikke nået", "Not met")),
        )?;
        for g in &s.goals {
            write!(h, "<tr><td>{}</td>", escape(&g.name))?;
            for y in &s.years {
                let p = g.first_year_met.get(&y.to_string()).copied().unwrap_or(0.0);
                write!(
                    h,
                    "<td class=\"num nw\">{}</td>",
                    escape(&format_probability(p, lang))
                )?;
            }
            let p = g.first_year_met.get("not_met").copied().unwrap_or(0.0);
            writeln!(
                h,
                "<td class=\"num nw\">{}</td></tr>",
                escape(&format_probability(p, lang))
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// Citizens' capabilities, started self-service and live solutions per
    /// year (median; 90 % interval below), when the scenario models them.
    pub(super) fn citizens_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let pct = |v: f64| crate::goal_text::format_share(v, lang);
        let count = |v: f64| format_number(v, 0, lang);
        type Row<'a> = (
            String,
            &'a [crate::stats::Summary],
            &'a dyn Fn(f64) -> String,
        );
        let mut rows: Vec<Row> = Vec::new();
        for c in crate::scenario::Capability::ALL {
            let m = s.metric(&c.metric_key());
            if !m.is_empty() {
                rows.push((c.label(lang).to_string(), m, &pct));
            }
        }
        let keyed: [(&str, &str, &str, bool); 5] = [
            (
                "self_service_attempts",
                "Påbegyndt selvbetjening (forsøg)",
                "Self-service started (attempts)",
                false,
            ),
            (
                "self_service_completed",
                "Heraf gennemført",
                "Of which completed",
                false,
            ),
            (
                "fallback_contacts",
                "Opgivet og henvendt i anden kanal",
                "Given up and back through another channel",
                false,
            ),
            (
                "completion_rate",
                "Gennemførselsgrad",
                "Completion rate",
                true,
            ),
            (
                "solutions_live",
                "Selvbetjeningsløsninger i drift ved årets udgang",
                "Self-service solutions live at the end of the year",
                false,
            ),
        ];
        for (key, da, en, share) in keyed {
            let m = s.metric(key);
            if !m.is_empty() {
                rows.push((
                    self.t(da, en).to_string(),
                    m,
                    if share { &pct } else { &count },
                ));
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        self.goal_table_head(
            h,
            "class=\"citizens\"",
            self.t(
                "Borgere, løsninger og gennemførsel pr. år (median; 90 %-interval under)",
                "Citizens, solutions and completion per year (median; 90 % interval below)",
            ),
            &[self.t("Størrelse", "Quantity")],
            None,
        )?;
        for (label, m, f) in rows {
            write!(h, "<tr><td>{}</td>", escape(&label))?;
            for q in m {
                write!(
                    h,
                    "<td class=\"num\">{}<br><span class=\"small\">{}</span></td>",
                    escape(&f(q.p50)),
                    escape(&join_interval(&f(q.p5), &f(q.p95), lang)),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Borgernes andele er gennemsnit over årets måneder af andelen af de voksne borgere. Et forsøg er en påbegyndt selvbetjening; de opgivne forsøg, der kommer igen, er henvendelser i borgerservice, telefon eller brev ud over dem, der aldrig prøvede selv.",
                "Citizens' shares are the mean over the year's months of the share of adult citizens. An attempt is a started self-service form; the abandoned attempts that come back are contacts at the counter, by phone or by letter on top of those who never tried online."
            )
        )?;
        Ok(())
    }
}
