//! Section 1: the heading, the descriptions and the summary.

use super::*;
use crate::i18n::{based_on_trials, goal_met_sentence, TextCommon, TextReport};

impl Report<'_> {
    pub(super) fn summary_section(&self) -> Markup {
        if let Some(c) = self.c {
            return self.comparison_summary_section(c);
        }
        let lang = self.lang;
        let s = self.s;
        let end = s.end_year;
        let lead = if self.projection() {
            TextReport::StatusQuoProjectionTheScenario.get(self.lang)
        } else {
            TextReport::AllAmountsAreInKr.get(self.lang)
        };
        html! {
            section class="major first" id="summary" { "\n"
                p.kicker {
                    (TextReport::ChannelShiftForecast.get(self.lang)) " "
                    (s.base_year) "–" (end)
                } "\n"
                h1 { (clean_text(&s.scenario)) } "\n"
                @for text in [&s.description, &s.proposal_description].into_iter().flatten() {
                    p.description { (clean_text(text)) } "\n"
                }
                @if let Some(p) = &s.proposal {
                    @if !s.scenario.contains(p.as_str()) {
                        p.proposal { (TextCommon::Proposal.get(lang)) ": " (clean_text(p)) } "\n"
                    }
                }
                p.lead { (based_on_trials(lang, &format_number((s.trials as u64) as f64, 0, lang))) " " (lead) } "\n"
                p.meta {
                    (TextReport::ScenarioFile.get(self.lang)) ": " (clean_text(&s.scenario_file))
                    " · " (TextReport::Seed.get(self.lang)) " " (s.seed) " · "
                    (TextReport::HowTheNumbersAreMadeSee.get(self.lang))
                    " " (self.section(5)) "."
                } "\n"
                h2 { "1. " (TextReport::Summary.get(self.lang)) } "\n"
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
        let lead = TextReport::AllAmountsAreInKrAnd.get(self.lang);
        let files: Vec<String> = self
            .options
            .iter()
            .map(|o| clean_text(&short_location(&o.scenario_file)).into_owned())
            .collect();
        html! {
            section class="major first" id="summary" { "\n"
                p.kicker {
                    (TextReport::ChannelShiftForecast.get(self.lang)) " "
                    (s.base_year) "–" (s.end_year)
                } "\n"
                h1 { (self.comparison_title(c)) } "\n"
                @if let Some(b) = self.base {
                    p.proposal { (TextReport::Base.get(self.lang)) ": " (clean_text(&b.name)) } "\n"
                }
                p.description { (self.comparison_description(c)) } "\n"
                p.lead { (based_on_trials(self.lang, &format_number((s.trials as u64) as f64, 0, self.lang))) " " (lead) } "\n"
                p.meta {
                    (TextReport::TheProposalsFiles.get(self.lang)) ": " (files.join(", "))
                    " · " (TextReport::Seed.get(self.lang)) " " (s.seed) " · "
                    (TextReport::HowTheNumbersAreMadeSee.get(self.lang))
                    " " (self.section(5)) "."
                } "\n"
                h2 { "1. " (TextReport::Summary.get(self.lang)) } "\n"
                (self.comparison_brief(c))
                (self.options_hours_brief(c))
                p class="detail-note" {
                    (TextReport::Section2ShowsEachProposal.get(self.lang))
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
                let mut sentence = goal_met_sentence(
                    lang,
                    &g.name,
                    &goal_condition(g, target, lang),
                    y,
                    &format_probability(p, lang),
                    likelihood_words(p, lang),
                );
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
            h3 { (TextReport::TheGoals.get(self.lang)) } "\n"
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
        // One precision for the whole table (today, proposal, change).
        let decimals = hours_decimals(
            s.hours
                .iter()
                .filter_map(|r| {
                    r.proposal_hours_per_week
                        .map(|p| [r.today_hours_per_week, p])
                })
                .flatten(),
        );
        html! {
            h3 { (TextReport::OpeningSchedulePerWeek.get(self.lang)) } "\n"
            table.hours-brief { "\n"
                thead { tr {
                    th { (TextCommon::Department.get(self.lang)) }
                    th { (TextCommon::Channel.get(self.lang)) }
                    th.num { (TextReport::TodayHours.get(self.lang)) }
                    th.num { (TextReport::ProposalHours.get(self.lang)) }
                    th.num { (TextReport::Change.get(self.lang)) }
                } }
                tbody { "\n"
                    @for r in &s.hours {
                        @if let Some(p) = r.proposal_hours_per_week {
                            tr {
                                td { (clean_text(&r.department)) }
                                td { (clean_text(&chart_data::opening_channel_label(r.channel, lang))) }
                                td.num { (format_number(r.today_hours_per_week, decimals, lang)) }
                                td.num { (format_number(p, decimals, lang)) }
                                td.num { (signed_number(p - r.today_hours_per_week, decimals, lang)) }
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
