//! Section 4: opening hours, displaced contacts and staffing.

use super::*;

impl Report<'_> {
    pub(super) fn hours_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        if self.s.hours.is_empty() {
            return Ok(());
        }
        let has_proposal = self.s.hours.iter().any(|r| r.proposal.is_some());
        writeln!(h, "<table class=\"hours\" id=\"table-hours\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t("Åbningstider", "Opening hours")
        )?;
        // Room for a week's schedule on one line.
        if has_proposal {
            writeln!(
                h,
                "<colgroup><col style=\"width:12%\"><col style=\"width:8%\"><col style=\"width:31%\"><col style=\"width:6%\"><col style=\"width:31%\"><col style=\"width:6%\"><col style=\"width:6%\"></colgroup>"
            )?;
        }
        write!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th>",
            self.t("Afdeling", "Department"),
            self.t("Kanal", "Channel"),
            self.t("I dag", "Today"),
            self.t("Timer pr. uge", "Hours per week"),
        )?;
        if has_proposal {
            write!(
                h,
                "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
                self.t("Forslag", "Proposal"),
                self.t("Timer pr. uge", "Hours per week"),
                self.t("Fortrængt andel ρ", "Displaced share ρ"),
            )?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        for r in &self.s.hours {
            write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>",
                escape(&r.department),
                escape(&chart_data::opening_channel_label(&r.channel, lang)),
                schedule_html(&r.today, lang),
                format_sig(r.today_hours_per_week, 4, lang),
            )?;
            if has_proposal {
                let hours = r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week);
                // The engine's own rho: demand-weighted hours, not clock hours.
                let rho = r.displaced_share.unwrap_or(0.0);
                write!(
                    h,
                    "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                    schedule_html(r.proposal.as_deref().unwrap_or(&r.today), lang),
                    format_sig(hours, 4, lang),
                    format_pct(rho, 1, lang),
                )?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        if has_proposal {
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                self.t(
                    "ρ = 1 − timer i forslaget / timer i dag: den andel af kanalens henvendelser, der ikke længere kan komme på det vante tidspunkt (jævn efterspørgsel over de åbne timer, medmindre scenariet angiver en ugeprofil).",
                    "ρ = 1 − proposal hours / today's hours: the share of the channel's contacts that can no longer come at the usual time (demand spread evenly over the open hours unless the scenario gives a weekly profile)."
                )
            )?;
        }
        Ok(())
    }

    pub(super) fn displaced_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let keys = [
            "displaced_retimed",
            "displaced_to_digital",
            "displaced_to_phone",
            "displaced_avoided",
        ];
        let any = keys
            .iter()
            .any(|k| self.metric(k).iter().any(|q| q.p50 > 0.0 || q.mean > 0.0));
        if !any {
            return Ok(());
        }
        writeln!(h, "<table class=\"displaced\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Henvendelser fortrængt af kortere åbningstid (median pr. år)",
                "Contacts displaced by shorter opening hours (median per year)"
            )
        )?;
        write!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
            labels(lang).year,
            self.t("Andet tidspunkt", "Retimed"),
            self.t("Til digital kanal", "To digital"),
            self.t("Skranke → telefon", "Counter → phone"),
            self.t("Bliver væk", "Avoided"),
        )?;
        writeln!(h, "</tr></thead><tbody>")?;
        for (y, year) in self.s.years.iter().enumerate() {
            write!(h, "<tr><td>{year}</td>")?;
            for k in keys {
                let v = self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN);
                write!(h, "<td class=\"num\">{}</td>", format_number(v, 0, lang))?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    pub(super) fn staffing_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        // staffing.<dep>.<channel>.<path>.<what>
        let mut bases: Vec<String> = Vec::new();
        for k in self.s.metrics.keys() {
            if let Some(rest) = k.strip_prefix("staffing.") {
                if let Some(idx) = rest.find(".status_quo.") {
                    let base = format!("staffing.{}", &rest[..idx]);
                    if !bases.contains(&base) {
                        bases.push(base);
                    }
                }
            }
        }
        if bases.is_empty() {
            return Ok(());
        }
        writeln!(h, "<table class=\"staffing\">")?;
        writeln!(
            h,
            "<colgroup><col style=\"width:28%\"><col style=\"width:8%\"><col><col><col></colgroup>"
        )?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Bemandet kanal (Erlang C): status quo → scenarie (medianer)",
                "Staffed channel (Erlang C): status quo → scenario (medians)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            self.t("Kanal", "Channel"),
            labels(lang).year,
            self.t("Medarbejdere pr. åben time", "Agents per open hour"),
            self.t("Serviceniveau", "Service level"),
            self.t("Gns. ventetid (sek.)", "Average wait (s)"),
        )?;
        for base in &bases {
            let parts: Vec<&str> = base.split('.').collect();
            let name = if parts.len() == 3 {
                format!(
                    "{} {}",
                    self.s.department_label(parts[1]),
                    chart_data::opening_channel_label(parts[2], lang).to_lowercase()
                )
            } else {
                base.clone()
            };
            for (y, year) in self.s.years.iter().enumerate() {
                let g = |path: &str, what: &str| {
                    self.metric(&format!("{base}.{path}.{what}"))
                        .get(y)
                        .map(|q| q.p50)
                        .unwrap_or(f64::NAN)
                };
                writeln!(
                    h,
                    "<tr><td>{}</td><td>{year}</td><td class=\"num\">{} → {}</td><td class=\"num\">{} → {}</td><td class=\"num\">{} → {}</td></tr>",
                    escape(&name),
                    format_number(g("status_quo", "agents_per_open_hour"), 1, lang),
                    format_number(g("scenario", "agents_per_open_hour"), 1, lang),
                    format_pct(g("status_quo", "service_level"), 0, lang),
                    format_pct(g("scenario", "service_level"), 0, lang),
                    format_number(g("status_quo", "asa_seconds"), 0, lang),
                    format_number(g("scenario", "asa_seconds"), 0, lang),
                )?;
            }
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }
}
