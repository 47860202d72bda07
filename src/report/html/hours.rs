//! Section 4: opening hours, displaced contacts and staffing.

use super::*;

impl Report<'_> {
    pub(super) fn hours_table(&self) -> Markup {
        self.hours_table_with_id("table-hours")
    }

    /// The opening-hours table under another id (one per option in a
    /// comparison).
    pub(super) fn hours_table_with_id(&self, id: &str) -> Markup {
        let lang = self.lang;
        if self.s.hours.is_empty() {
            return html! {};
        }
        let has_proposal = self.s.hours.iter().any(|r| r.proposal.is_some());
        html! {
            table class="hours" id=(id) { "\n"
                caption { (self.t("Åbningstider", "Opening hours")) } "\n"
                // Room for a week's schedule on one line.
                @if has_proposal {
                    colgroup {
                        col style="width:12%"; col style="width:8%"; col style="width:31%";
                        col style="width:6%"; col style="width:31%"; col style="width:6%";
                        col style="width:6%";
                    } "\n"
                }
                thead { tr {
                    th { (self.t("Afdeling", "Department")) }
                    th { (self.t("Kanal", "Channel")) }
                    th { (self.t("I dag", "Today")) }
                    th.num { (self.t("Timer pr. uge", "Hours per week")) }
                    @if has_proposal {
                        th { (self.t("Forslag", "Proposal")) }
                        th.num { (self.t("Timer pr. uge", "Hours per week")) }
                        th.num { (self.t("Fortrængt andel ρ", "Displaced share ρ")) }
                    }
                } }
                tbody { "\n"
                    @for r in &self.s.hours {
                        tr {
                            td { (clean_text(&r.department)) }
                            td { (clean_text(&chart_data::opening_channel_label(r.channel, lang))) }
                            td { (schedule_html(&r.today, lang)) }
                            td.num { (format_sig(r.today_hours_per_week, 4, lang)) }
                            @if has_proposal {
                                td { (schedule_html(r.proposal.as_deref().unwrap_or(&r.today), lang)) }
                                td.num { (format_sig(r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week), 4, lang)) }
                                // The engine's own rho: demand-weighted hours, not clock hours.
                                td.num { (format_pct(r.displaced_share.unwrap_or(0.0), 1, lang)) }
                            }
                        } "\n"
                    }
                }
            } "\n"
            @if has_proposal {
                p.note {
                    (self.t(
                        "ρ = 1 − timer i forslaget / timer i dag: den andel af kanalens henvendelser, der ikke længere kan komme på det vante tidspunkt (jævn efterspørgsel over de åbne timer, medmindre scenariet angiver en ugeprofil).",
                        "ρ = 1 − proposal hours / today's hours: the share of the channel's contacts that can no longer come at the usual time (demand spread evenly over the open hours unless the scenario gives a weekly profile)."
                    ))
                } "\n"
            }
        }
    }

    pub(super) fn displaced_table(&self) -> Markup {
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
            return html! {};
        }
        html! {
            table class="displaced" { "\n"
                caption {
                    (self.t(
                        "Henvendelser fortrængt af kortere åbningstid (median pr. år)",
                        "Contacts displaced by shorter opening hours (median per year)"
                    ))
                } "\n"
                thead { tr {
                    th { (labels(lang).year) }
                    th.num { (self.t("Andet tidspunkt", "Retimed")) }
                    th.num { (self.t("Til digital kanal", "To digital")) }
                    th.num { (self.t("Skranke → telefon", "Counter → phone")) }
                    th.num { (self.t("Bliver væk", "Avoided")) }
                } }
                tbody { "\n"
                    @for (y, year) in self.s.years.iter().enumerate() {
                        tr {
                            td { (year) }
                            @for k in keys {
                                td.num { (format_number(self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN), 0, lang)) }
                            }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    pub(super) fn staffing_table(&self) -> Markup {
        let lang = self.lang;
        // The staffed (department, channel) pairs, in the order of their
        // metrics' names.
        let mut staffed: Vec<(String, OpeningChannel)> = Vec::new();
        for m in self.s.metrics.values() {
            if let MetricName::Series(SeriesKey::Staffing {
                department,
                channel,
                ..
            }) = &m.name
            {
                if !staffed.contains(&(department.clone(), *channel)) {
                    staffed.push((department.clone(), *channel));
                }
            }
        }
        if staffed.is_empty() {
            return html! {};
        }
        let name = |(department, channel): &(String, OpeningChannel)| {
            chart_data::staffed_channel_label(self.s.department_label(department), *channel, lang)
        };
        html! {
            table class="staffing" { "\n"
                colgroup { col style="width:28%"; col style="width:8%"; col; col; col; } "\n"
                caption {
                    (self.t(
                        "Bemandet kanal (Erlang C): status quo → scenarie (medianer)",
                        "Staffed channel (Erlang C): status quo → scenario (medians)"
                    ))
                } "\n"
                thead { tr {
                    th { (self.t("Kanal", "Channel")) }
                    th { (labels(lang).year) }
                    th.num { (self.t("Nødvendige medarbejdere pr. åben time", "Agents needed per open hour")) }
                    th.num { (self.t("Serviceniveau", "Service level")) }
                    th.num { (self.t("Gns. ventetid (sek.)", "Average wait (s)")) }
                } }
                tbody { "\n"
                    @for pair in &staffed {
                        @let name = name(pair);
                        @for y in 0..self.s.years.len() {
                            @let g = |path: RunPath, measure: StaffingMeasure| {
                                let k = SeriesKey::Staffing {
                                    department: pair.0.clone(),
                                    channel: pair.1,
                                    path,
                                    measure,
                                };
                                self.metric(k.to_string())
                                    .get(y)
                                    .map(|q| q.p50)
                                    .unwrap_or(f64::NAN)
                            };
                            tr {
                                td { (clean_text(&name)) }
                                td { (self.s.years[y]) }
                                td.num {
                                    (format_number(g(RunPath::StatusQuo, StaffingMeasure::AgentsPerOpenHour), 1, lang)) " → "
                                    (format_number(g(RunPath::Scenario, StaffingMeasure::AgentsPerOpenHour), 1, lang))
                                }
                                td.num {
                                    (format_pct(g(RunPath::StatusQuo, StaffingMeasure::ServiceLevel), 0, lang)) " → "
                                    (format_pct(g(RunPath::Scenario, StaffingMeasure::ServiceLevel), 0, lang))
                                }
                                td.num {
                                    (format_number(g(RunPath::StatusQuo, StaffingMeasure::AsaSeconds), 0, lang)) " → "
                                    (format_number(g(RunPath::Scenario, StaffingMeasure::AsaSeconds), 0, lang))
                                }
                            } "\n"
                        }
                    }
                }
            } "\n"
            (self.staffing_note())
        }
    }

    /// What "agents needed per open hour" means, under every Erlang C table.
    pub(super) fn staffing_note(&self) -> Markup {
        html! {
            p.note {
                (self.t(
                    "Nødvendige medarbejdere pr. åben time: så mange skal tage telefonen samtidig for at holde serviceniveauet, ikke antallet af ansatte. Tallet stiger, fordi de samme opkald kommer på færre timer; lønnen følger medarbejdere gange åbne timer.",
                    "Agents needed per open hour: how many must answer at the same time to keep the service level, not the number of employees. It rises because the same calls come in fewer hours; the wage cost follows agents times open hours."
                ))
            } "\n"
        }
    }
}
