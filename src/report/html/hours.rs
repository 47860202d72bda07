//! Section 4: opening hours, displaced contacts and staffing.

use super::*;
use crate::i18n::{TextChart, TextCommon, TextReport};

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
        // One precision for both hours columns.
        let decimals = hours_decimals(self.s.hours.iter().flat_map(|r| {
            [
                r.today_hours_per_week,
                r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week),
            ]
        }));
        html! {
            table class="hours" id=(id) { "\n"
                caption { (TextCommon::OpeningHours.get(self.lang)) } "\n"
                // Room for a week's schedule on one line.
                @if has_proposal {
                    colgroup {
                        col style="width:12%"; col style="width:8%"; col style="width:31%";
                        col style="width:6%"; col style="width:31%"; col style="width:6%";
                        col style="width:6%";
                    } "\n"
                }
                thead { tr {
                    th { (TextCommon::Department.get(self.lang)) }
                    th { (TextCommon::Channel.get(self.lang)) }
                    th { (TextCommon::Today.get(self.lang)) }
                    th.num { (TextCommon::HoursPerWeek.get(self.lang)) }
                    @if has_proposal {
                        th { (TextCommon::Proposal.get(self.lang)) }
                        th.num { (TextCommon::HoursPerWeek.get(self.lang)) }
                        th.num { (TextReport::DisplacedShare.get(self.lang)) }
                    }
                } }
                tbody { "\n"
                    @for r in &self.s.hours {
                        tr {
                            td { (clean_text(&r.department)) }
                            td { (clean_text(&chart_data::opening_channel_label(r.channel, lang))) }
                            td { (schedule_html(&r.today, lang)) }
                            td.num { (format_number(r.today_hours_per_week, decimals, lang)) }
                            @if has_proposal {
                                td { (schedule_html(r.proposal.as_deref().unwrap_or(&r.today), lang)) }
                                td.num { (format_number(r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week), decimals, lang)) }
                                // The engine's own rho: demand-weighted hours, not clock hours.
                                td.num { (format_pct(r.displaced_share.unwrap_or(0.0), 1, lang)) }
                            }
                        } "\n"
                    }
                }
            } "\n"
            @if has_proposal {
                p.note {
                    (TextReport::N1ProposalHoursTodaysHours.get(self.lang))
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
                    (TextReport::ContactsDisplacedByShorterOpening.get(self.lang))
                } "\n"
                thead { tr {
                    th { (TextChart::Year.get(lang)) }
                    th.num { (TextReport::Retimed.get(self.lang)) }
                    th.num { (TextReport::ToDigital.get(self.lang)) }
                    th.num { (TextReport::CounterToPhone.get(self.lang)) }
                    th.num { (TextReport::Avoided.get(self.lang)) }
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
                    (TextReport::StaffedChannelErlangCStatus.get(self.lang))
                } "\n"
                thead { tr {
                    th { (TextCommon::Channel.get(self.lang)) }
                    th { (TextChart::Year.get(lang)) }
                    th.num { (TextReport::AgentsNeededPerOpenHour.get(self.lang)) }
                    th.num { (TextReport::ServiceLevel.get(self.lang)) }
                    th.num { (TextReport::AverageWaitS.get(self.lang)) }
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
                (TextCommon::AgentsPerOpenHourNote.get(self.lang))
            } "\n"
        }
    }
}
