//! A comparison's own parts: the heading, one section per option (section
//! 2: its key figures, goals, hours, staffing and key inputs) and the
//! options' breakdown side by side (section 5, with `--breakdown`).

use super::*;
use crate::breakdown::GroupSummary;
use crate::i18n::{
    comparison_of_one_proposal, comparison_of_proposals, options_intro, options_intro_base,
    options_intro_base_is_option, TextChart, TextCommon, TextReport,
};
use crate::model::breakdown::{KindOf, NO_DEPARTMENT};

/// The inputs an option's section names as its key inputs: the first of
/// its sensitivity ranking.
pub(super) const OPTION_KEY_INPUTS: usize = 4;

/// The most characters of amounts one row of the options' breakdown table
/// may hold in whole kroner beside its label and still fit A4.
const BREAKDOWN_ROW_CHARS: usize = 64;

impl<'a> Report<'a> {
    /// The report of one option, for its section: the option's summary,
    /// without the comparison.
    fn of_option(&self, s: &'a RunSummary) -> Report<'a> {
        Report {
            s,
            c: None,
            options: &[],
            base: None,
            backtest: None,
            lang: self.lang,
        }
    }

    /// "Sammenligning af 3 forslag" / "Comparison of 3 proposals".
    pub(super) fn comparison_title(&self, c: &Comparison) -> String {
        let n = c.options.len();
        if n == 1 {
            comparison_of_one_proposal(self.lang, n)
        } else {
            comparison_of_proposals(self.lang, n)
        }
    }

    /// "Forslag 1, Forslag 2 og Forslag 3".
    fn option_names(&self, c: &Comparison) -> String {
        let names: Vec<String> = c
            .options
            .iter()
            .map(|o| clean_text(&o.name).into_owned())
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!(
                "{} {} {last}",
                rest.join(", "),
                TextCommon::And.get(self.lang)
            ),
        }
    }

    /// The sentence under the title: what is compared with what, and
    /// what the base (the first file) is.
    pub(super) fn comparison_description(&self, c: &Comparison) -> String {
        let names = self.option_names(c);
        let n = c.options.len();
        let lang = self.lang;
        match self.base {
            Some(b) if b.is_option => options_intro_base_is_option(
                lang,
                &names,
                &clean_text(&b.file),
                &clean_text(&b.name),
                n,
            ),
            Some(b) => options_intro_base(lang, &names, &clean_text(&b.file), &clean_text(&b.name)),
            None => options_intro(lang, &names),
        }
    }

    /// Every option's weekly hours per department and channel, today's
    /// beside them (section 1 of a comparison).
    pub(super) fn options_hours_brief(&self, c: &Comparison) -> Markup {
        let lang = self.lang;
        let rows = c.hours_channels();
        if !c
            .options
            .iter()
            .any(|o| o.hours.iter().any(|r| r.proposal_hours_per_week.is_some()))
        {
            return html! {};
        }
        // One precision for today and every option.
        let decimals = hours_decimals(rows.iter().flat_map(|h| {
            std::iter::once(h.today_hours_per_week).chain(
                c.options
                    .iter()
                    .filter_map(|o| o.weekly_hours(&h.department, h.channel)),
            )
        }));
        html! {
            h3 { (TextReport::OpeningHoursPerWeek.get(self.lang)) } "\n"
            table class="hours-brief options-hours" id="table-options-hours" { "\n"
                thead { tr {
                    th { (TextCommon::Department.get(self.lang)) }
                    th { (TextCommon::Channel.get(self.lang)) }
                    th.num { (TextCommon::Today.get(self.lang)) }
                    @for o in &c.options { th.num { (clean_text(&o.name)) } }
                } }
                tbody { "\n"
                    @for h in &rows {
                        tr {
                            td { (clean_text(&h.department)) }
                            td { (clean_text(&chart_data::opening_channel_label(h.channel, lang))) }
                            td.num { (format_number(h.today_hours_per_week, decimals, lang)) }
                            @for o in &c.options {
                                td.num {
                                    @match o.weekly_hours(&h.department, h.channel) {
                                        Some(x) => (format_number(x, decimals, lang)),
                                        None => "–",
                                    }
                                }
                            }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    /// Every option's opening hours as written, today's beside them, for
    /// the departments and channels any option changes (section 5).
    pub(super) fn options_schedules_table(&self, c: &Comparison) -> Markup {
        let lang = self.lang;
        let rows: Vec<&crate::summary::HoursRow> = c
            .hours_channels()
            .into_iter()
            .filter(|h| {
                c.options.iter().any(|o| {
                    o.weekly_hours(&h.department, h.channel) != Some(h.today_hours_per_week)
                })
            })
            .collect();
        if rows.is_empty() {
            return html! {};
        }
        let schedule = |o: &crate::comparison::OptionResult, h: &crate::summary::HoursRow| {
            o.hours
                .iter()
                .find(|r| r.department == h.department && r.channel == h.channel)
                .map(|r| r.proposal.clone().unwrap_or_else(|| r.today.clone()))
        };
        html! {
            table class="hours options-schedules" id="table-options-schedules" { "\n"
                caption { (TextReport::OpeningHoursPerProposal.get(self.lang)) } "\n"
                thead { tr {
                    th { (TextCommon::Department.get(self.lang)) }
                    th { (TextCommon::Channel.get(self.lang)) }
                    th { (TextCommon::Today.get(self.lang)) }
                    @for o in &c.options { th { (clean_text(&o.name)) } }
                } }
                tbody { "\n"
                    @for h in &rows {
                        tr {
                            td { (clean_text(&h.department)) }
                            td { (clean_text(&chart_data::opening_channel_label(h.channel, lang))) }
                            td { (schedule_html(&h.today, lang)) }
                            @for o in &c.options {
                                td {
                                    @match schedule(o, h) {
                                        Some(text) => (schedule_html(&text, lang)),
                                        None => "–",
                                    }
                                }
                            }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    /// Section 2 of a comparison: one section per option, numbered 2.1,
    /// 2.2, ... (`summaries` in the comparison's order).
    pub(super) fn option_sections(&self, c: &Comparison) -> Markup {
        html! {
            @for (i, (o, s)) in c.options.iter().zip(self.options).enumerate() {
                (self.option_section(i, o, s))
            }
        }
    }

    fn option_section(
        &self,
        i: usize,
        o: &crate::comparison::OptionResult,
        s: &'a RunSummary,
    ) -> Markup {
        let r = self.of_option(s);
        let others = self.options_without(i);
        html! {
            section class="major option" id=(format!("option-{}", i + 1)) { "\n"
                h2 { "2." (i + 1) " " (clean_text(&o.name)) } "\n"
                @for text in [&s.description, &s.proposal_description].into_iter().flatten() {
                    p.description { (clean_text(text)) } "\n"
                }
                @if r.projection() {
                    (r.projection_brief())
                } @else {
                    (r.savings_brief(false))
                }
                (r.goals_in_short())
                (r.hours_brief())
                (self.option_staffing(o))
                (r.option_key_inputs(&others, &format!("table-option-{}-inputs", i + 1)))
            } "\n"
        }
    }

    /// The Erlang C staffing of an option's staffed channels: one row per
    /// measure, one column per year, "today → under the option" (medians).
    fn option_staffing(&self, o: &crate::comparison::OptionResult) -> Markup {
        let lang = self.lang;
        let mut channels: Vec<&crate::comparison::StaffedChannel> = Vec::new();
        for r in &o.staffing {
            if !channels.contains(&&r.channel) {
                channels.push(&r.channel);
            }
        }
        if channels.is_empty() {
            return html! {};
        }
        let pct = |x: f64| format_pct(x, 0, lang);
        let agents = |x: f64| format_number(x, 1, lang);
        let seconds = |x: f64| format_number(x, 0, lang);
        type Measure<'f> = (
            &'f str,
            fn(&crate::comparison::StaffingRow) -> (f64, f64),
            &'f dyn Fn(f64) -> String,
        );
        let measures: [Measure; 3] = [
            (
                TextReport::AgentsNeededPerOpenHour.get(self.lang),
                |r| (r.agents_per_open_hour_status_quo, r.agents_per_open_hour),
                &agents,
            ),
            (
                TextReport::ServiceLevel.get(self.lang),
                |r| (r.service_level_status_quo, r.service_level),
                &pct,
            ),
            (
                TextReport::AverageWaitS.get(self.lang),
                |r| (r.asa_seconds_status_quo, r.asa_seconds),
                &seconds,
            ),
        ];
        html! {
            @for ch in &channels {
                @let rows: Vec<&crate::comparison::StaffingRow> = o.staffing.iter().filter(|r| r.channel == **ch).collect();
                table class="staffing option-staffing" { "\n"
                    caption {
                        (clean_text(&ch.label(lang))) ", "
                        (TextReport::StaffingByErlangCToday.get(self.lang))
                    } "\n"
                    thead { tr {
                        th { }
                        @for r in &rows { th.num { (r.year) } }
                    } }
                    tbody { "\n"
                        @for (label, get, fmt) in &measures {
                            tr {
                                td { (label) }
                                @for r in &rows {
                                    @let (today, option) = get(r);
                                    td class="num nw" { (fmt(today)) " → " (fmt(option)) }
                                }
                            } "\n"
                        }
                    }
                } "\n"
            }
            (self.staffing_note())
        }
    }

    /// Each goal's probability in its last evaluated year, one line each:
    /// an option's section (section 5 has every year of every option).
    fn goals_in_short(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let goals: Vec<(f64, String)> = s
            .goals
            .iter()
            .filter_map(|g| {
                let (y, target, p) = last_evaluated(g, &s.years)?;
                let sentence = format!(
                    "{} ({}, {y}): {}",
                    g.name,
                    goal_condition(g, target, lang),
                    likelihood_words(p, lang)
                );
                Some((p, sentence))
            })
            .collect();
        if goals.is_empty() {
            return html! {};
        }
        self.goal_list(&goals, "goal-list short")
    }

    /// The summaries of every option but the `i`th.
    fn options_without(&self, i: usize) -> Vec<&'a RunSummary> {
        self.options
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, s)| s)
            .collect()
    }

    /// An option's key inputs: the ones that move its cumulative net
    /// savings most (with a sensitivity analysis), and the ones only this
    /// option has or draws from another distribution than the others.
    fn option_key_inputs(&self, others: &[&RunSummary], id: &str) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let labels = self.input_labels();
        let own: Vec<usize> = (0..s.inputs.len())
            .filter(|&k| {
                let i = &s.inputs[k];
                others.iter().any(|o| {
                    !o.inputs
                        .iter()
                        .any(|x| x.key == i.key && x.distribution == i.distribution)
                })
            })
            .collect();
        let ranked: Vec<(usize, &crate::summary::SensitivityRow)> = s
            .sensitivity
            .iter()
            .flat_map(|sens| &sens.rows)
            .filter_map(|r| Some((s.inputs.iter().position(|i| i.key == r.input)?, r)))
            .take(OPTION_KEY_INPUTS)
            .collect();
        let measure = s
            .sensitivity
            .as_ref()
            .map(|sens| format!("{} {}", metric_label(sens.metric, lang), sens.year));
        // One unit and precision for the whole table: the medians when low
        // and when high are one quantity ("11,0" beside "10,00 mio. kr."
        // read as if they were measured differently).
        let unit = MoneyUnit::of(
            ranked
                .iter()
                .flat_map(|(_, r)| [r.median_when_low, r.median_when_high]),
        );
        html! {
            @if let (Some(measure), false) = (&measure, ranked.is_empty()) {
                table class="key-inputs" { "\n"
                    caption {
                        (TextReport::TheInputsThatMatterMost.get(self.lang))
                        " " (clean_text(&measure.to_lowercase()))
                    } "\n"
                    thead { tr {
                        th { (TextCommon::Input.get(self.lang)) }
                        th.num { (TextReport::MedianWhenLow.get(self.lang)) }
                        th.num { (TextReport::MedianWhenHigh.get(self.lang)) }
                    } }
                    tbody { "\n"
                        @for (k, r) in &ranked {
                            tr {
                                td { (clean_text(&labels[*k])) }
                                td.num { (unit.amount(r.median_when_low, lang)) }
                                td.num { (unit.amount(r.median_when_high, lang)) }
                            } "\n"
                        }
                    }
                } "\n"
                p.note {
                    (TextReport::TheResultsMedianWithThe.get(self.lang))
                } "\n"
            }
            @if !own.is_empty() && !others.is_empty() {
                h3 { (TextReport::InputsOfThisProposalOnly.get(self.lang)) } "\n"
                p class="detail-note" {
                    (TextReport::TheOtherProposalsDoNot.get(self.lang))
                } "\n"
                (self.inputs_table(&own, id))
            }
        }
    }

    /// With `--breakdown`: each option's savings in the end year by
    /// department and by contact type, side by side (means, which add up
    /// over the groups to the total row).
    pub(super) fn options_breakdown_tables(&self, c: &Comparison) -> Markup {
        html! {
            @for kind in [KindOf::Department, KindOf::ContactType] {
                (self.options_breakdown_table(c, kind))
            }
        }
    }

    fn options_breakdown_table(&self, c: &Comparison, kind: KindOf) -> Markup {
        let lang = self.lang;
        let Some(y) = c.years.len().checked_sub(1) else {
            return html! {};
        };
        // Every option's groups of this kind, by name, in the order the
        // options first have them.
        let mut groups: Vec<&GroupSummary> = Vec::new();
        for b in c.options.iter().filter_map(|o| o.breakdown.as_ref()) {
            for g in b.groups(kind) {
                if !groups.iter().any(|x| x.name == g.name) {
                    groups.push(g);
                }
            }
        }
        // Departments say nothing beyond the total when the only one is
        // "no department".
        if groups.is_empty()
            || (kind == KindOf::Department && groups.len() == 1 && groups[0].name == NO_DEPARTMENT)
        {
            return html! {};
        }
        let savings = |o: &crate::comparison::OptionResult, name: &str| {
            o.breakdown
                .as_ref()
                .and_then(|b| b.groups(kind).iter().find(|g| g.name == name))
                .map(|g| g.savings_kr[y].mean)
        };
        let totals: Vec<Option<f64>> = c
            .options
            .iter()
            .map(|o| {
                o.breakdown
                    .as_ref()
                    .map(|b| b.groups(kind).iter().map(|g| g.savings_kr[y].mean).sum())
            })
            .collect();
        let values: Vec<f64> = groups
            .iter()
            .flat_map(|g| c.options.iter().filter_map(|o| savings(o, &g.name)))
            .chain(totals.iter().flatten().copied())
            .collect();
        let widest = values
            .iter()
            .map(|v| format_kr(*v, lang).chars().count())
            .max()
            .unwrap_or(0);
        let unit = if widest * c.options.len() <= BREAKDOWN_ROW_CHARS {
            MoneyUnit::of([0.0])
        } else {
            MoneyUnit::of(values.iter().copied())
        };
        let cell = |v: Option<f64>| match v {
            Some(v) if unit.is_kroner() => format_kr(v, lang),
            Some(v) => unit.number(v, lang),
            None => "–".to_string(),
        };
        let (what, id) = match kind {
            KindOf::Department => (
                TextCommon::DepartmentLower.get(self.lang),
                "table-options-by-department",
            ),
            _ => (
                TextCommon::ContactType.get(self.lang),
                "table-options-by-type",
            ),
        };
        let end = c.years[y];
        html! {
            table class="years breakdown options-breakdown" id=(id) { "\n"
                caption {
                    (TextReport::SavingsIn.get(self.lang)) " " (end) " "
                    (TextReport::By.get(self.lang)) " " (what) " " (TextReport::AndProposal.get(self.lang))
                    " (" (TextCommon::Mean.get(self.lang)) ", " (unit.unit(lang)) ")"
                } "\n"
                thead { tr {
                    th { (capitalise(what)) }
                    @for o in &c.options { th.num { (clean_text(&o.name)) } }
                } }
                tbody { "\n"
                    @for g in &groups {
                        tr {
                            td { (clean_text(&crate::report::breakdown_html::group_label(g, kind, lang))) }
                            @for o in &c.options { td.num { (cell(savings(o, &g.name))) } }
                        } "\n"
                    }
                    tr.total {
                        td { (TextChart::Total.get(self.lang)) }
                        @for t in &totals { td.num { (cell(*t)) } }
                    } "\n"
                }
            } "\n"
            @if kind == KindOf::ContactType || groups.len() > 1 {
                p.note {
                    @if kind == KindOf::Department {
                        (TextReport::ADepartmentsSavingsCoverHandling.get(self.lang))
                    } @else {
                        (TextReport::AContactTypesSavingsCover.get(self.lang))
                    }
                } "\n"
            }
        }
    }
}
