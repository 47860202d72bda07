//! The comparison of options: its brief (section 1) and tables (section 4).

use super::*;

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
            let (prob, median, range) = (
                format_probability(y.prob_a_cumulative_more, lang),
                format_money(d.p50, lang),
                format_money_range(d.p5, d.p95, lang),
            );
            let (a, b) = (&p.a, &p.b);
            let sentence = match lang {
                Lang::Da => format!(
                    "»{a}« giver en større akkumuleret nettobesparelse end »{b}« til og med {end} i {prob} af simuleringerne; forskellen er {median} (median; 90 % sandsynlighed: {range})."
                ),
                Lang::En => format!(
                    "“{a}” gives larger cumulative net savings than “{b}” through {end} in {prob} of the simulations; the difference is {median} (median; 90 % probability: {range})."
                ),
            };
            sentences.push(fix_stops(&sentence));
        }
        html! {
            h3 { (self.t("Forslagene sammenlignet", "The proposals compared")) } "\n"
            table class="options" { "\n"
                thead { tr {
                    th { (self.t("Forslag", "Proposal")) }
                    @if show_hours {
                        th.num {
                            (self.t("Åbningstimer pr. uge i alt", "Opening hours per week in all"))
                            " (" (self.t("i dag", "today")) " " (format_sig(today_hours, 4, lang)) ")"
                        }
                    }
                    th.num { (labels(lang).savings_in_year(end)) }
                    th.num { (self.t("Akkumuleret nettobesparelse til og med", "Cumulative net savings through")) " " (end) }
                    th.num { (self.t("90 % sandsynlighed (akkumuleret)", "90 % probability (cumulative)")) }
                } }
                tbody { "\n"
                    @for o in &c.options {
                        @if let Some(y) = o.years.last() {
                            tr {
                                td { (clean_text(&o.name)) }
                                @if show_hours {
                                    @let hours: f64 = o
                                        .hours
                                        .iter()
                                        .map(|r| r.proposal_hours_per_week.unwrap_or(r.today_hours_per_week))
                                        .sum();
                                    td.num { (format_sig(hours, 4, lang)) }
                                }
                                td.num { (format_money(y.savings_kr.p50, lang)) }
                                td.num { (format_money(y.cumulative_net_savings_kr.p50, lang)) }
                                td.num {
                                    (format_money_range(y.cumulative_net_savings_kr.p5, y.cumulative_net_savings_kr.p95, lang))
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
        let l = labels(lang);
        let order = |name: &str| c.options.iter().position(|o| o.name == name);
        let pairs: Vec<_> = c
            .pairwise
            .iter()
            .filter(|p| order(&p.a) < order(&p.b))
            .collect();
        html! {
            table class="options-years" id="table-options" { "\n"
                caption {
                    (self.t(
                        "Forslagene pr. år (median; 90 %-interval under)",
                        "The proposals per year (median; 90 % interval below)"
                    ))
                } "\n"
                thead { tr {
                    th { (l.option) }
                    th { (l.year) }
                    th.num { (metric_label(MetricKey::CostScenario, lang)) }
                    th.num { (l.savings) }
                    th.num { (l.cumulative_net_savings) }
                    th.num { (self.t("Fortrængte henvendelser", "Displaced contacts")) }
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
                    self.t(
                        "Sandsynlighed for at nå målene pr. forslag og år",
                        "Probability of meeting the goals per proposal and year",
                    ),
                    &[l.option, l.goal, self.t("Målværdi", "Target")],
                    None,
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
                        (self.t(
                            "Forslag mod forslag, simulering for simulering (samme tilfældige tal)",
                            "Proposal against proposal, simulation by simulation (same random numbers)"
                        ))
                    } "\n"
                    thead { tr {
                        th { "A – B" }
                        th { (l.year) }
                        th.num { (self.t("P(A sparer mere det år)", "P(A saves more that year)")) }
                        th.num { (self.t("Forskel i besparelse (median)", "Difference in savings (median)")) }
                        th.num { (self.t("P(A har størst akkumuleret besparelse)", "P(A's cumulative savings larger)")) }
                        th.num { (self.t("Forskel, akkumuleret (median)", "Difference, cumulative (median)")) }
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
