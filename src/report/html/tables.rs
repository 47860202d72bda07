//! Section 4: the tables per year.

use super::*;
use crate::i18n::{avoided_valued_note, outbound_law_note, TextChart, TextCommon, TextReport};

impl Report<'_> {
    pub(super) fn tables_section(&self) -> Markup {
        if let Some(c) = self.c {
            return html! {
                section class="major" id="tables" { "\n"
                    h2 { (self.section(4)) ". " (TextReport::Tables.get(self.lang)) } "\n"
                    (self.comparison_tables(c))
                    (self.options_schedules_table(c))
                    (self.options_breakdown_tables(c))
                } "\n"
            };
        }
        let lang = self.lang;
        let s = self.s;
        let projection = self.projection();
        // Overview of medians.
        let keys = [
            MetricKey::CostStatusQuo,
            MetricKey::CostScenario,
            MetricKey::Savings,
            MetricKey::CumulativeNetSavings,
            MetricKey::Npv,
        ];
        html! {
            section class="major" id="tables" { "\n"
                h2 { "4. " (TextReport::Tables.get(self.lang)) } "\n"
                @if projection {
                    (self.projection_years_table())
                } @else {
                    table class="years" id="table-years" { "\n"
                        caption {
                            (TextReport::CostsAndSavingsPerYear.get(self.lang))
                            " (" (TextReport::MedianKr.get(self.lang)) ")"
                        } "\n"
                        thead { tr {
                            th { (TextChart::Year.get(lang)) }
                            @for k in keys { th.num { (metric_label(k, lang)) } }
                        } }
                        tbody { "\n"
                            @for (y, year) in s.years.iter().enumerate() {
                                tr {
                                    td { (year) }
                                    @for k in keys {
                                        td.num { (format_kr(self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN), lang)) }
                                    }
                                } "\n"
                            }
                        }
                    } "\n"
                    (self.medians_note())
                    (self.intervals_table(&keys))
                }
                (self.savings_sources_table())
                (self.components_table())
                (crate::report::breakdown_html::breakdown_tables(s, lang))
                (self.hours_table())
                (self.displaced_table())
                (self.staffing_table())
                (self.goals_tables())
                (self.citizens_table())
                @if let Some(sens) = &s.sensitivity { (self.sensitivity_table(sens)) }
                (self.attribution_table())
            } "\n"
        }
    }

    /// The cost components in the end year (median of each).
    fn components_table(&self) -> Markup {
        let lang = self.lang;
        let components = [
            (
                CostPart::Handling,
                TextReport::HandlingContacts.get(self.lang),
            ),
            (
                CostPart::Opening,
                TextReport::OpeningHoursStaffPremises.get(self.lang),
            ),
            (
                CostPart::Campaign,
                TextReport::CampaignsAndMeasures.get(self.lang),
            ),
            (
                CostPart::OutboundMail,
                TextReport::OutboundMail.get(self.lang),
            ),
        ];
        let e = self.end_index();
        // The component's medians on both paths.
        let series = |part, path| self.metric(SeriesKey::Cost { part, path }.to_string());
        let at = |part, path| series(part, path).get(e).map(|q| q.p50).unwrap_or(0.0);
        let present: Vec<(&str, f64, f64)> = components
            .iter()
            .filter(|(part, _)| {
                let sq = series(*part, RunPath::StatusQuo);
                let sc = series(*part, RunPath::Scenario);
                sq.iter().chain(sc).any(|q| q.p50 != 0.0 || q.mean != 0.0)
            })
            .map(|(part, name)| {
                (
                    *name,
                    at(*part, RunPath::StatusQuo),
                    at(*part, RunPath::Scenario),
                )
            })
            .collect();
        if present.is_empty() {
            return html! {};
        }
        // One path in a projection: the status quo and the scenario are the same.
        let projection = self.projection();
        html! {
            table class="components" { "\n"
                caption {
                    (TextReport::CostComponentsIn.get(self.lang)) " "
                    (self.s.end_year) " (" (TextReport::MedianKr.get(self.lang)) ")"
                } "\n"
                thead { tr {
                    th { (TextReport::Item.get(self.lang)) }
                    @if projection {
                        th.num { (TextReport::Cost.get(self.lang)) }
                    } @else {
                        th.num { (TextChart::StatusQuo.get(lang)) }
                        th.num { (TextChart::Scenario.get(lang)) }
                        th.num { (TextReport::SavingsStatusQuoMinusScenario.get(self.lang)) }
                    }
                } }
                tbody { "\n"
                    @for (name, sq, sc) in &present {
                        tr {
                            td { (name) }
                            @if !projection { td.num { (format_kr(*sq, lang)) } }
                            td.num { (format_kr(*sc, lang)) }
                            @if !projection { td.num { (format_kr(sq - sc, lang)) } }
                        } "\n"
                    }
                }
            } "\n"
            p.note {
                @if projection {
                    (TextReport::MediansOfEachItemOn.get(self.lang))
                } @else {
                    (TextReport::MediansOfEachItemSavings.get(self.lang))
                }
            } "\n"
        }
    }

    /// Where the savings come from: means per year, which add up to the mean
    /// savings; avoided contacts named apart, since they are valued at full
    /// unit cost.
    pub(super) fn savings_sources_table(&self) -> Markup {
        use crate::model::layout::SavingsSource;
        let s = self.s;
        let lang = self.lang;
        let mean = |k: &str| -> Vec<f64> { self.metric(k).iter().map(|q| q.mean).collect() };
        let savings = mean(MetricKey::Savings.as_str());
        if savings.iter().all(|&x| x == 0.0) || self.metric(SavingsSource::ALL[0].key()).is_empty()
        {
            return html! {};
        }
        // Whole kroner when a row of them fits the page; else millions, the
        // unit said once in the caption (seven years of "613.268.790 kr."
        // would not fit A4, and a cell that wrapped would strand its "kr.").
        let all: Vec<f64> = SavingsSource::ALL
            .iter()
            .flat_map(|src| mean(src.key()))
            .chain(savings.iter().copied())
            .collect();
        let widest = all
            .iter()
            .map(|v| format_kr(*v, lang).chars().count())
            .max()
            .unwrap_or(0);
        let unit = if widest * s.years.len() <= SOURCES_ROW_CHARS {
            MoneyUnit::of([0.0])
        } else {
            MoneyUnit::of(all.iter().copied())
        };
        let cell = |v: f64| {
            if unit.is_kroner() {
                format_kr(v, lang)
            } else {
                unit.number(v, lang)
            }
        };
        let rows: Vec<(String, Vec<f64>)> = SavingsSource::ALL
            .iter()
            .map(|src| (src.label(lang).to_string(), mean(src.key())))
            .filter(|(_, values)| values.iter().any(|&x| x != 0.0))
            .chain([(metric_label(MetricKey::Savings, lang), savings.clone())])
            .collect();
        html! {
            table class="years" id="table-sources" { "\n"
                caption {
                    (TextReport::WhereTheSavingsComeFrom.get(self.lang))
                    " (" (TextCommon::Mean.get(self.lang)) ", " (unit.unit(lang)) "; "
                    (TextReport::ThePartsAddUpTo.get(self.lang)) ")"
                } "\n"
                thead { tr {
                    th { (TextReport::Source.get(self.lang)) }
                    @for y in &s.years { th.num { (y) } }
                } }
                tbody { "\n"
                    @for (label, values) in &rows {
                        tr {
                            td { (label) }
                            @for v in values { td.num { (cell(*v)) } }
                        } "\n"
                    }
                }
            } "\n"
            @if let Some(share) = s.avoided_savings_share() {
                p.note {
                    (avoided_valued_note(lang, &format_pct(share, 0, lang), s.end_year))
                } "\n"
            }
            // A Digital Post law that lifts the status quo too explains
            // why the outbound mail row falls (Lyngby-Taarbæk 2015).
            @if let Some(d) = s.outbound_mail_drop() {
                p.note id="note-outbound-law" {
                    (outbound_law_note(
                        lang,
                        &format_kr(d.before, lang),
                        d.year - 1,
                        &format_kr(d.after, lang),
                        d.year,
                        &clean_text(&d.law.name),
                        &format!("{} {}", crate::i18n::month_name(d.law.month, lang), d.law.year),
                    ))
                } "\n"
            }
        }
    }

    /// The per-year table of a status-quo projection: the cost (median and
    /// 90 % interval), the contacts and the digital share; no savings.
    pub(super) fn projection_years_table(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let cost = self.metric(MetricKey::CostScenario.as_str());
        let contacts = self.metric(MetricKey::ContactsScenario.as_str());
        let digital = self.metric(MetricKey::DigitalShareScenario.as_str());
        let unit = MoneyUnit::of(cost.iter().flat_map(|q| [q.p5, q.p95]));
        let range = |y: usize| {
            cost.get(y)
                .map(|q| {
                    if q.p5 == q.p95 {
                        unit.number(q.p50, lang)
                    } else {
                        join_interval(&unit.number(q.p5, lang), &unit.number(q.p95, lang), lang)
                    }
                })
                .unwrap_or_else(|| "–".into())
        };
        let p50 = |m: &[Summary], y: usize| m.get(y).map_or(f64::NAN, |q| q.p50);
        html! {
            table class="years" id="table-years" { "\n"
                caption {
                    (TextReport::CostsAndContactsPerYear.get(self.lang))
                } "\n"
                thead { tr {
                    th { (TextChart::Year.get(lang)) }
                    th.num { (TextReport::CostMedian.get(self.lang)) }
                    th.num { (TextReport::Cost90PctInterval.get(self.lang)) " (" (unit.unit(lang)) ")" }
                    th.num { (TextReport::ContactsTotalMedian.get(self.lang)) }
                    th.num { (TextReport::DigitalShareMedian.get(self.lang)) }
                } }
                tbody { "\n"
                    @for (y, year) in s.years.iter().enumerate() {
                        tr {
                            td { (year) }
                            td.num { (format_kr(p50(cost, y), lang)) }
                            td class="num nw" { (range(y)) }
                            td.num { (format_number(p50(contacts, y), 0, lang)) }
                            td.num { (format_pct(p50(digital, y), 1, lang)) }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    /// The 90 % interval of each amount of the per-year table, in one unit
    /// for the whole table (the unit of its largest amount): "14,8–20,1".
    pub(super) fn intervals_table(&self, keys: &[MetricKey]) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let present: Vec<MetricKey> = keys
            .iter()
            .copied()
            .filter(|k| self.metric(k).iter().any(|q| q.p5 != q.p95))
            .collect();
        if present.is_empty() {
            return html! {};
        }
        let unit = MoneyUnit::of(
            present
                .iter()
                .flat_map(|k| self.metric(k).iter().flat_map(|q| [q.p5, q.p95])),
        );
        let cell = |k: MetricKey, y: usize| match self.metric(k).get(y) {
            Some(q) if q.p5 == q.p95 => unit.number(q.p50, lang),
            // "-0,6 til 14,4": a dash after a minus sign would misread.
            Some(q) if q.p5 < 0.0 => format!(
                "{} {} {}",
                unit.number(q.p5, lang),
                TextCommon::To.get(self.lang),
                unit.number(q.p95, lang)
            ),
            Some(q) => format!("{}–{}", unit.number(q.p5, lang), unit.number(q.p95, lang)),
            None => "–".into(),
        };
        html! {
            table class="years" id="table-intervals" { "\n"
                caption {
                    (TextReport::N90PctIntervalPerYear.get(self.lang))
                    " (" (unit.unit(lang)) ")"
                } "\n"
                thead { tr {
                    th { (TextChart::Year.get(lang)) }
                    @for k in &present { th.num { (metric_label(*k, lang)) } }
                } }
                tbody { "\n"
                    @for (y, year) in s.years.iter().enumerate() {
                        tr {
                            td { (year) }
                            @for k in &present { td class="num nw" { (cell(*k, y)) } }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    /// Said under every table of per-year medians.
    pub(super) fn medians_note(&self) -> Markup {
        html! {
            p.note {
                (TextReport::EachColumnIsTheMedian.get(self.lang))
            } "\n"
        }
    }
}
