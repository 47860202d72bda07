//! The comparison of options: its brief (section 1) and tables (section 4).

use super::*;
use crate::i18n::{option_leads, savings_in_year, TextChart, TextCommon, TextReport};

impl Report<'_> {
    pub(super) fn comparison_brief(&self, c: &Comparison) -> Markup {
        let lang = self.lang;
        let Some(&end) = c.years.last() else {
            return html! {};
        };
        // Today's hours of every department and channel any option has.
        let today_hours: f64 = c
            .hours_channels()
            .iter()
            .map(|r| r.today_hours_per_week)
            .sum();
        let show_hours = today_hours > 0.0;
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        let mut sentences = Vec::new();
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
            let d = &y.cumulative_difference_kr;
            // The median difference and its interval in one precision.
            let (median, range) = format_money_with_range(d.p50, d.p5, d.p95, lang);
            let prob = format_probability(y.prob_a_cumulative_more, lang);
            let (a, b) = (&p.a, &p.b);
            let sentence = option_leads(lang, a, b, end, &prob, &median, &range);
            sentences.push(fix_stops(&sentence));
        }
        // One unit and precision per column over every option: "9,87" and
        // "10,5 mio. kr." in one column would read as different precisions
        // of one quantity. The interval column shares the cumulative
        // column's unit.
        let total_hours = |o: &crate::comparison::OptionResult| -> f64 {
            o.hours
                .iter()
                .map(|r| r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week))
                .sum()
        };
        let hours_decimals =
            hours_decimals(std::iter::once(today_hours).chain(c.options.iter().map(total_hours)));
        let last: Vec<&crate::comparison::OptionYear> =
            c.options.iter().filter_map(|o| o.years.last()).collect();
        let savings_unit = MoneyUnit::of(last.iter().map(|y| y.savings_kr.p50));
        let cumulative_unit = MoneyUnit::of(last.iter().flat_map(|y| {
            let q = &y.cumulative_net_savings_kr;
            [q.p5, q.p50, q.p95]
        }));
        html! {
            h3 { (TextReport::TheProposalsCompared.get(self.lang)) } "\n"
            table class="options" { "\n"
                thead { tr {
                    th { (TextCommon::Proposal.get(self.lang)) }
                    @if show_hours {
                        th.num {
                            (TextReport::OpeningHoursPerWeekIn.get(self.lang))
                            " (" (TextCommon::TodayLower.get(self.lang)) " " (format_number(today_hours, hours_decimals, lang)) ")"
                        }
                    }
                    th.num { (savings_in_year(lang, end)) }
                    th.num { (TextReport::CumulativeNetSavingsThrough.get(self.lang)) " " (end) }
                    th.num { (TextReport::N90PctProbabilityCumulative.get(self.lang)) }
                } }
                tbody { "\n"
                    @for o in &c.options {
                        @if let Some(y) = o.years.last() {
                            tr {
                                td { (clean_text(&o.name)) }
                                @if show_hours {
                                    td.num { (format_number(total_hours(o), hours_decimals, lang)) }
                                }
                                td.num { (savings_unit.amount(y.savings_kr.p50, lang)) }
                                td.num { (cumulative_unit.amount(y.cumulative_net_savings_kr.p50, lang)) }
                                td.num {
                                    (cumulative_unit.joined(
                                        y.cumulative_net_savings_kr.p5,
                                        TextCommon::To.get(lang),
                                        y.cumulative_net_savings_kr.p95,
                                        lang,
                                    ))
                                }
                            } "\n"
                        }
                    }
                }
            } "\n"
            ul.plain { "\n"
                @for sentence in &sentences { li { (clean_text(sentence)) } "\n" }
            } "\n"
        }
    }

    pub(super) fn comparison_tables(&self, c: &Comparison) -> Markup {
        let lang = self.lang;
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        let pairs: Vec<_> = c
            .pairwise
            .iter()
            .filter(|p| order(&p.a) < order(&p.b))
            .collect();
        html! {
            table class="options-years" id="table-options" { "\n"
                caption {
                    (TextReport::TheProposalsPerYearMedian.get(self.lang))
                } "\n"
                thead { tr {
                    th { (TextCommon::Proposal.get(lang)) }
                    th { (TextChart::Year.get(lang)) }
                    th.num { (metric_label(MetricKey::CostScenario, lang)) }
                    th.num { (TextChart::Savings.get(lang)) }
                    th.num { (TextChart::CumulativeNetSavings.get(lang)) }
                    th.num { (TextReport::DisplacedContacts.get(self.lang)) }
                } }
                tbody { "\n"
                    @for o in &c.options {
                        @for y in &o.years {
                            @let displaced = y.displaced_retimed.p50
                                + y.displaced_to_digital.p50
                                + y.displaced_to_phone.p50
                                + y.displaced_avoided.p50;
                            tr {
                                td { (clean_text(&o.name)) }
                                td { (y.year) }
                                td.num { (format_kr(y.cost_kr.p50, lang)) }
                                td.num {
                                    (format_kr(y.savings_kr.p50, lang)) br;
                                    span.small { (format_kr(y.savings_kr.p5, lang)) " – " (format_kr(y.savings_kr.p95, lang)) }
                                }
                                td.num {
                                    (format_kr(y.cumulative_net_savings_kr.p50, lang)) br;
                                    span.small {
                                        (format_kr(y.cumulative_net_savings_kr.p5, lang)) " – "
                                        (format_kr(y.cumulative_net_savings_kr.p95, lang))
                                    }
                                }
                                td.num { (format_number(displaced, 0, lang)) }
                            } "\n"
                        }
                    }
                }
            } "\n"
            (self.medians_note())
            @if c.options.iter().any(|o| !o.goals.is_empty()) {
                (self.goal_table(
                    ("goals options-goals", Some("table-options-goals")),
                    TextReport::ProbabilityOfMeetingTheGoals.get(self.lang),
                    &[TextCommon::Proposal.get(lang), TextChart::Goal.get(lang), TextCommon::Target.get(self.lang)],
                    &[],
                    html! {
                        @for o in &c.options {
                            (self.goal_probability_rows(&o.goals, Some(&o.name)))
                        }
                    },
                ))
            }
            @if !pairs.is_empty() {
                table class="pairwise" { "\n"
                    caption {
                        (TextReport::ProposalAgainstProposalSimulationBy.get(self.lang))
                    } "\n"
                    thead { tr {
                        th { "A – B" }
                        th { (TextChart::Year.get(lang)) }
                        th.num { (TextReport::PASavesMoreThat.get(self.lang)) }
                        th.num { (TextReport::DifferenceInSavingsMedian.get(self.lang)) }
                        th.num { (TextReport::PAsCumulativeSavingsLarger.get(self.lang)) }
                        th.num { (TextReport::DifferenceCumulativeMedian.get(self.lang)) }
                    } }
                    tbody { "\n"
                        @for p in &pairs {
                            @for y in &p.years {
                                tr {
                                    td { (clean_text(&p.a)) " – " (clean_text(&p.b)) }
                                    td { (y.year) }
                                    td.num { (format_probability(y.prob_a_saves_more, lang)) }
                                    td.num { (format_kr(y.savings_difference_kr.p50, lang)) }
                                    td.num { (format_probability(y.prob_a_cumulative_more, lang)) }
                                    td.num { (format_kr(y.cumulative_difference_kr.p50, lang)) }
                                } "\n"
                            }
                        }
                    }
                } "\n"
            }
        }
    }
}
