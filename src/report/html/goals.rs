//! Section 4: the goals and the citizens per year.

use super::*;
use crate::i18n::{TextChart, TextCommon, TextReport};

impl Report<'_> {
    /// A per-year goal table: its class and id, caption, the leading
    /// column headings, one column per year, the trailing column headings,
    /// and its rows.
    pub(super) fn goal_table(
        &self,
        (class, id): (&str, Option<&str>),
        caption: &str,
        leading: &[&str],
        trailing: &[&str],
        rows: Markup,
    ) -> Markup {
        html! {
            table class=(class) id=[id] { "\n"
                caption { (caption) } "\n"
                thead { tr {
                    @for head in leading { th { (head) } }
                    @for y in &self.s.years { th.num { (y) } }
                    @for head in trailing { th.num { (head) } }
                } }
                tbody { "\n" (rows) }
            } "\n"
        }
    }

    /// One row per goal: its name (after `option`'s, in a comparison),
    /// the condition of the last year it is judged, and the probability of
    /// meeting it in each year.
    pub(super) fn goal_probability_rows(
        &self,
        goals: &[GoalSummary],
        option: Option<&str>,
    ) -> Markup {
        let lang = self.lang;
        html! {
            @for g in goals {
                // "%" stays on the line of its number (a no-break space).
                @let target = last_evaluated(g, &self.s.years)
                    .map(|(_, t, _)| goal_condition(g, t, lang).replace(" %", "\u{a0}%"))
                    .unwrap_or_else(|| "–".into());
                tr {
                    @if let Some(option) = option { td { (clean_text(option)) } }
                    td { (clean_text(&g.name)) }
                    td { (clean_text(&target)) }
                    @for (y, p) in g.probability.iter().enumerate() {
                        @match p {
                            Some(p) => td class="num nw" { (format_probability(*p, lang)) },
                            None if g.not_evaluable_in(y) => td.num { (TextChart::NotEvaluable.get(lang)) },
                            None => td.num { "–" },
                        }
                    }
                } "\n"
            }
        }
    }

    pub(super) fn goals_tables(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        if s.goals.is_empty() {
            return html! {};
        }
        let probabilities = self.goal_probability_rows(&s.goals, None);
        // The goal metric's value.
        let values = html! {
            @for g in &s.goals {
                @let cell = |v: f64| match crate::goal_text::kind(g.metric) {
                    crate::goal_text::Kind::Count => format_number(v, 0, lang),
                    _ => crate::goal_text::value(g.metric, v, lang),
                };
                @let range = |lo: f64, hi: f64| match crate::goal_text::kind(g.metric) {
                    crate::goal_text::Kind::Money => {
                        let (a, b) = format_money_pair(lo, hi, lang);
                        join_interval(&a, &b, lang)
                    }
                    _ => join_interval(&cell(lo), &cell(hi), lang),
                };
                tr {
                    // The unit goes in the row label, not in every cell, so
                    // the table fits the page; a year-end goal's figure is
                    // December's, and its label says so.
                    td {
                        (clean_text(&g.name)) (crate::goal_text::count_unit(g.metric, lang))
                        @if g.year_end { (TextReport::InDecemberParens.get(lang)) }
                    }
                    @for q in &g.value {
                        td.num { (cell(q.p50)) br; span.small { (range(q.p5, q.p95)) } }
                    }
                } "\n"
            }
        };
        // First year met, then the probability of meeting the goal in its
        // last year: a trial may meet a goal early and miss it later.
        let first = html! {
            @for g in &s.goals {
                @let share = |key: FirstMet| format_probability(g.first_year_met.get(&key).copied().unwrap_or(0.0), lang);
                tr {
                    td { (clean_text(&g.name)) }
                    @for y in &s.years { td class="num nw" { (share(FirstMet::Year(*y))) } }
                    td class="num nw" { (share(FirstMet::NotMet)) }
                    td class="num nw" {
                        @match g.met_in_last_year(&s.years) {
                            Some((y, p)) => { (y) ": " (format_probability(p, lang)) },
                            None => "–",
                        }
                    }
                } "\n"
            }
        };
        html! {
            (self.goal_table(
                ("goals", Some("table-goals")),
                TextReport::ProbabilityOfMeetingTheGoalsPer.get(self.lang),
                &[TextChart::Goal.get(lang), TextCommon::Target.get(self.lang)],
                &[],
                probabilities,
            ))
            (self.goal_table(
                ("goal-values", None),
                TextReport::TheGoalsFiguresPerYear.get(self.lang),
                &[TextChart::Goal.get(lang)],
                &[],
                values,
            ))
            (self.goal_table(
                ("goal-first", Some("table-goals-first")),
                TextCommon::FirstYearTheGoalIs.get(self.lang),
                &[TextChart::Goal.get(lang)],
                &[TextCommon::NotMet.get(self.lang), TextCommon::MetInItsLastYear.get(self.lang)],
                first,
            ))
            p.note { (TextCommon::FirstYearMetNote.get(self.lang)) } "\n"
        }
    }

    /// Citizens' capabilities, started self-service and live solutions per
    /// year (median; 90 % interval below), when the scenario models them.
    pub(super) fn citizens_table(&self) -> Markup {
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
            let m = s.metric(c.metric_key());
            if !m.is_empty() {
                rows.push((c.label(lang).to_string(), m, &pct));
            }
        }
        let keyed: [(&str, TextReport, bool); 5] = [
            (
                "self_service_attempts",
                TextReport::SelfServiceStarted,
                false,
            ),
            (
                "self_service_completed",
                TextReport::OfWhichCompleted,
                false,
            ),
            ("fallback_contacts", TextReport::GivenUpAndBack, false),
            (
                MetricKey::CompletionRate.as_str(),
                TextReport::CompletionRate,
                true,
            ),
            ("solutions_live", TextReport::SolutionsLiveAtYearEnd, false),
        ];
        for (key, text, share) in keyed {
            let m = s.metric(key);
            if !m.is_empty() {
                rows.push((
                    text.get(self.lang).to_string(),
                    m,
                    if share { &pct } else { &count },
                ));
            }
        }
        if rows.is_empty() {
            return html! {};
        }
        let body = html! {
            @for (label, m, f) in &rows {
                tr {
                    td { (label) }
                    @for q in *m {
                        td.num { (f(q.p50)) br; span.small { (join_interval(&f(q.p5), &f(q.p95), lang)) } }
                    }
                } "\n"
            }
        };
        html! {
            (self.goal_table(
                ("citizens", None),
                TextReport::CitizensSolutionsAndCompletionPer.get(self.lang),
                &[TextCommon::Quantity.get(self.lang)],
                &[],
                body,
            ))
            p.note {
                (TextReport::CitizensSharesAreTheMean.get(self.lang))
            } "\n"
        }
    }
}
