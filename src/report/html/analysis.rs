//! Section 4: sensitivity and attribution.

use super::*;
use crate::sensitivity::{variance_share, variance_share_note};

impl Report<'_> {
    pub(super) fn sensitivity_table(&self, sens: &Sensitivity) -> Markup {
        let lang = self.lang;
        let measure = measure_of(&sens.metric, sens.year)
            .map(|m| m.label(lang))
            .unwrap_or_else(|| format!("{} {}", metric_label(&sens.metric, lang), sens.year));
        let top: Vec<&InputKey> = sens.rows.iter().take(10).map(|r| &r.input).collect();
        let names = chart_data::summary_input_labels(self.s, &top, lang);
        let input = |key: &InputKey| chart_data::summary_input_label(self.s, key, lang);
        html! {
            table class="sensitivity" id="table-sensitivity" { "\n"
                caption {
                    (self.t(
                        "Følsomhed, de ti vigtigste antagelser",
                        "Sensitivity, the ten most important inputs"
                    ))
                    ": " (clean_text(&measure)) " (median " (format_money(sens.output_median, lang)) ", "
                    (format_number(sens.trials_used as f64, 0, lang)) " "
                    (self.t("simuleringer", "simulations")) ")"
                } "\n"
                thead { tr {
                    th { (self.t("Antagelse", "Input")) }
                    th.num { (self.t("Rangkorrelation", "Rank correlation")) }
                    th.num { (self.t("Andel af variansen", "Share of variance")) }
                    th.num { (self.t(
                        "Median når antagelsen er lav (laveste 10 %)",
                        "Median with the input low (lowest 10 %)"
                    )) }
                    th.num { (self.t(
                        "Median når antagelsen er høj (højeste 10 %)",
                        "Median with the input high (highest 10 %)"
                    )) }
                    th.num { (self.t("Udsving", "Swing")) }
                } }
                tbody { "\n"
                    @for (r, name) in sens.rows.iter().zip(&names) {
                        tr {
                            td { (clean_text(name)) }
                            td.num { (format_number(r.spearman, 2, lang)) }
                            td.num { (format_pct(variance_share(r), 1, lang)) }
                            td.num { (format_kr(r.median_when_low, lang)) }
                            td.num { (format_kr(r.median_when_high, lang)) }
                            td.num { (format_kr(r.swing, lang)) }
                        } "\n"
                    }
                }
            } "\n"
            p.note {
                (self.t(
                    "Rangkorrelation (Spearman) mellem antagelsen og resultatet over simuleringerne. Udsving: forskellen mellem medianen, når antagelsen ligger blandt sine laveste 10 %, og når den ligger blandt sine højeste 10 %.",
                    "Rank (Spearman) correlation between the input and the result across the simulations. Swing: the difference between the median with the input in its lowest 10 % and with it in its highest 10 %."
                ))
                " " (variance_share_note(lang))
            } "\n"
            @if !sens.correlations.is_empty() {
                table class="correlations" { "\n"
                    caption {
                        (self.t(
                            "Angivne og opnåede rangkorrelationer",
                            "Declared and achieved rank correlations"
                        ))
                    } "\n"
                    thead { tr {
                        th { (self.t("Antagelse A", "Input A")) }
                        th { (self.t("Antagelse B", "Input B")) }
                        th.num { (self.t("Angivet", "Declared")) }
                        th.num { (self.t("Opnået", "Achieved")) }
                    } }
                    tbody { "\n"
                        @for c in &sens.correlations {
                            tr {
                                td { (clean_text(&input(&c.a))) }
                                td { (clean_text(&input(&c.b))) }
                                td.num { (format_number(c.declared, 2, lang)) }
                                td.num { (format_number(c.achieved, 2, lang)) }
                            } "\n"
                        }
                    }
                } "\n"
            }
        }
    }

    pub(super) fn attribution_table(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let Some(rows) = &s.attribution else {
            return html! {};
        };
        if rows.is_empty() {
            return html! {};
        }
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
        let goals_changed =
            !goal_cols.is_empty() && rows.iter().any(|r| !r.goal_probability_change.is_empty());
        html! {
            table class="attribution" id="table-attribution" { "\n"
                caption {
                    (self.t("Hvad hvert tiltag bidrager med", "What each measure contributes"))
                    " " (s.base_year) "–" (s.end_year) " (kr.)"
                } "\n"
                thead { tr {
                    th { (self.t("Tiltag", "Measure")) }
                    th.num { (self.t("Ekstra nettobesparelse (median)", "Extra net savings (median)")) }
                    th.num { "5 %" }
                    th.num { "95 %" }
                    th.num { (self.t("Tiltagets omkostning (median)", "The measure's cost (median)")) }
                    th.num { (self.t("Besparelse før omkostning (median)", "Savings before cost (median)")) }
                } }
                tbody { "\n"
                    @for r in rows {
                        tr {
                            td { (clean_text(&r.label(lang))) }
                            td.num { (format_kr(r.marginal_net_savings_kr.p50, lang)) }
                            td.num { (format_kr(r.marginal_net_savings_kr.p5, lang)) }
                            td.num { (format_kr(r.marginal_net_savings_kr.p95, lang)) }
                            td.num { (format_kr(r.cost_kr.p50, lang)) }
                            td.num { (format_kr(r.gross_savings_kr.p50, lang)) }
                        } "\n"
                    }
                }
            } "\n"
            p.note {
                (self.t(
                    "Hvert tiltag er målt for sig: scenariet regnet uden netop det tiltag, med de samme tilfældige tal. Tiltag, der flytter de samme henvendelser, overlapper, så tallene summerer ikke nødvendigvis til den samlede besparelse.",
                    "Each measure is measured alone: the scenario computed without just that measure, on the same random numbers. Measures that move the same contacts overlap, so the figures need not add up to the total savings."
                ))
            } "\n"
            @if goals_changed {
                table class="attribution-goals" { "\n"
                    caption {
                        (self.t(
                            "Tiltagenes virkning på sandsynligheden for at nå målene (procentpoint)",
                            "The measures' effect on the probability of meeting the goals (percentage points)"
                        ))
                    } "\n"
                    thead { tr {
                        th { (self.t("Tiltag", "Measure")) }
                        @for (_, g, _, y) in &goal_cols { th.num { (clean_text(&g.name)) " (" (y) ")" } }
                    } }
                    tbody { "\n"
                        @for r in rows {
                            tr {
                                td { (clean_text(&r.label(lang))) }
                                @for (gi, _, yi, _) in &goal_cols {
                                    @match r.goal_probability_change.get(*gi).and_then(|v| v.get(*yi).copied().flatten()) {
                                        Some(v) => td.num { (signed_number(v * 100.0, 0, lang)) },
                                        None => td.num { "–" },
                                    }
                                }
                            } "\n"
                        }
                    }
                } "\n"
            }
        }
    }
}
