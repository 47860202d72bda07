//! Section 4: sensitivity and attribution.

use super::*;
use crate::i18n::{TextChart, TextCommon, TextReport};
use crate::sensitivity::{variance_share, variance_share_note};

impl Report<'_> {
    pub(super) fn sensitivity_table(&self, sens: &Sensitivity) -> Markup {
        let lang = self.lang;
        let measure = measure_of(sens.metric, sens.year)
            .map(|m| m.label(lang))
            .unwrap_or_else(|| format!("{} {}", metric_label(sens.metric, lang), sens.year));
        let top: Vec<&InputKey> = sens.rows.iter().take(10).map(|r| &r.input).collect();
        let names = chart_data::summary_input_labels(self.s, &top, lang);
        let input = |key: &InputKey| chart_data::summary_input_label(self.s, key, lang);
        // The run's charts show these inputs as a tornado, in this order.
        let tornado_beside = self.c.is_none() && chart_data::tornado_data(self.s, lang).is_some();
        html! {
            table class="sensitivity" id="table-sensitivity" { "\n"
                caption {
                    (TextReport::SensitivityTheTenMostImportant.get(self.lang))
                    ": " (clean_text(&measure)) " (" (TextCommon::Median.get(lang)) " "
                    (format_money(sens.output_median, lang)) ", "
                    (format_number(sens.trials_used as f64, 0, lang)) " "
                    (TextCommon::Simulations.get(self.lang)) ")"
                } "\n"
                thead { tr {
                    th { (TextCommon::Input.get(self.lang)) }
                    th.num { (TextReport::RankCorrelation.get(self.lang)) }
                    th.num { (TextCommon::ShareOfVariance.get(self.lang)) }
                    th.num { (TextCommon::MedianWithTheInputLow.get(self.lang)) }
                    th.num { (TextCommon::MedianWithTheInputHigh.get(self.lang)) }
                    th.num { (TextCommon::Swing.get(self.lang)) }
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
                @if tornado_beside {
                    (crate::i18n::sensitivity_order(lang, TextChart::TitleTornado.get(lang))) " "
                }
                (TextReport::RankSpearmanCorrelationBetweenThe.get(self.lang))
                " " (variance_share_note(lang))
            } "\n"
            @if !sens.correlations.is_empty() {
                table class="correlations" { "\n"
                    caption {
                        (TextReport::DeclaredAndAchievedRankCorrelations.get(self.lang))
                    } "\n"
                    thead { tr {
                        th { (TextCommon::InputA.get(self.lang)) }
                        th { (TextCommon::InputB.get(self.lang)) }
                        th.num { (TextReport::Declared.get(self.lang)) }
                        th.num { (TextReport::Achieved.get(self.lang)) }
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
                    (TextReport::WhatEachMeasureContributes.get(self.lang))
                    " " (s.base_year) "–" (s.end_year) " (kr.)"
                } "\n"
                thead { tr {
                    th { (TextCommon::Measure.get(self.lang)) }
                    th.num { (TextReport::ExtraNetSavingsMedian.get(self.lang)) }
                    th.num { "5 %" }
                    th.num { "95 %" }
                    th.num { (TextReport::TheMeasuresCostMedian.get(self.lang)) }
                    th.num { (TextReport::SavingsBeforeCostMedian.get(self.lang)) }
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
                (TextReport::EachMeasureIsMeasuredAlone.get(self.lang))
            } "\n"
            @if goals_changed {
                table class="attribution-goals" { "\n"
                    caption {
                        (TextReport::TheMeasuresEffectOnThe.get(self.lang))
                    } "\n"
                    thead { tr {
                        th { (TextCommon::Measure.get(self.lang)) }
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
