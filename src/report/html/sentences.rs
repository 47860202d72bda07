//! Section 1: the sentences of the brief (savings, payback, goals...).

use super::*;
use crate::i18n::{
    avoided_why, avoided_why_valued, costs_between, costs_more_constant, cumulative_sentence,
    displaced_sentence, goal_first_year, goal_first_year_likely_from, loss_or_saving_between,
    npv_sentence, payback_median_by, payback_probability_by, pays_back_already, pays_back_by,
    pays_back_not, probability_90_range, probability_is, saves_between, saves_constant,
    with_90_probability, with_90_probability_between, TextCommon, TextReport,
};

impl Report<'_> {
    /// For a goal evaluated over several years: the probability in its first
    /// year and the first year it is more likely than not.
    pub(super) fn goal_path_sentence(&self, g: &GoalSummary) -> Option<String> {
        let lang = self.lang;
        let evaluated: Vec<(i32, f64)> = g
            .probability
            .iter()
            .zip(&self.s.years)
            .filter_map(|(p, y)| p.map(|p| (*y, p)))
            .collect();
        let (&(first_year, first_p), &(_, last_p)) = (evaluated.first()?, evaluated.last()?);
        if evaluated.len() < 2 || (first_p - last_p).abs() < 0.01 {
            return None;
        }
        let likely_from = evaluated
            .iter()
            .position(|(_, p)| *p > 0.5)
            .filter(|&i| evaluated[i..].iter().all(|(_, p)| *p > 0.5))
            .map(|i| evaluated[i].0);
        let p = format_probability(first_p, lang);
        Some(match likely_from {
            Some(from) if from != first_year => {
                goal_first_year_likely_from(lang, first_year, &p, from)
            }
            _ => goal_first_year(lang, first_year, &p),
        })
    }

    /// "With 90 % probability the proposal saves between X and Y in 2015."
    pub(super) fn savings_sentence(&self, q: &Summary, year: i32) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let subj = self.subject();
        let subj_cap = capitalise(subj);
        if q.p5 == q.p95 {
            return if q.p50 >= 0.0 {
                saves_constant(lang, &subj_cap, &m(q.p50), year, self.constant_note())
            } else {
                costs_more_constant(lang, &subj_cap, &m(-q.p50), year)
            };
        }
        // The median and the interval's ends in one unit and precision.
        let u = MoneyUnit::of([q.p5, q.p50, q.p95]);
        let and = TextCommon::And.get(lang);
        let between = |a: f64, b: f64| u.joined(a, and, b, lang);
        let body = if q.p5 >= 0.0 {
            saves_between(lang, subj, &between(q.p5, q.p95), year)
        } else if q.p95 <= 0.0 {
            costs_between(lang, subj, &between(-q.p95, -q.p5), year)
        } else {
            let (loss, saving) = (u.amount(-q.p5, lang), u.amount(q.p95, lang));
            loss_or_saving_between(lang, year, &loss, &saving)
        };
        with_90_probability(lang, &body, &u.amount(q.p50, lang))
    }

    pub(super) fn npv_sentence(&self, q: &Summary) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let (base, end) = (self.s.base_year, self.s.end_year);
        let interval = if q.p5 == q.p95 {
            String::new()
        } else {
            probability_90_range(lang, &format_money_with_range(q.p50, q.p5, q.p95, lang).1)
        };
        let median = if q.p5 == q.p95 {
            m(q.p50)
        } else {
            format_money_with_range(q.p50, q.p5, q.p95, lang).0
        };
        npv_sentence(lang, base, end, &median, &interval)
    }

    pub(super) fn cumulative_sentence(&self, q: &Summary, end: i32) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let base = self.s.base_year;
        // The median and its interval in one unit and precision.
        let u = MoneyUnit::of([q.p5, q.p50, q.p95]);
        let (median, interval) = if q.p5 == q.p95 {
            (m(q.p50), String::new())
        } else {
            (
                u.amount(q.p50, lang),
                with_90_probability_between(
                    lang,
                    &u.joined(q.p5, TextCommon::And.get(lang), q.p95, lang),
                ),
            )
        };
        cumulative_sentence(lang, base, end, self.subject(), &median, &interval)
    }

    /// Payback: the most likely year and the probability of payback by the end year.
    pub(super) fn payback_stats(&self) -> (f64, Option<(i32, f64)>, Option<i32>) {
        let mut by_end = 0.0;
        let mut mode: Option<(i32, f64)> = None;
        let mut years: Vec<(i32, f64)> = self
            .s
            .payback
            .iter()
            .filter_map(|(k, v)| match k {
                Payback::Year(y) => Some((*y, *v)),
                Payback::NotBy(_) => None,
            })
            .collect();
        years.sort_by_key(|(y, _)| *y);
        let mut median = None;
        for &(y, p) in &years {
            by_end += p;
            if mode.is_none_or(|(_, mp)| p > mp) {
                mode = Some((y, p));
            }
            if median.is_none() && by_end >= 0.5 {
                median = Some(y);
            }
        }
        (by_end, mode, median)
    }

    pub(super) fn payback_key(&self) -> (String, String) {
        let lang = self.lang;
        let (by_end, mode, median) = self.payback_stats();
        match (mode, median) {
            (Some((y, p)), Some(_)) if p >= 0.995 => (
                y.to_string(),
                probability_is(lang, &format_probability(p, lang)),
            ),
            (_, Some(med)) => (
                med.to_string(),
                payback_median_by(
                    lang,
                    med,
                    self.s.end_year,
                    &format_probability(by_end, lang),
                ),
            ),
            _ => (
                format!("{} {}", TextReport::NotBy.get(self.lang), self.s.end_year),
                payback_probability_by(lang, self.s.end_year, &format_probability(by_end, lang)),
            ),
        }
    }

    pub(super) fn payback_sentence(&self) -> String {
        let lang = self.lang;
        let end = self.s.end_year;
        let (by_end, mode, median) = self.payback_stats();
        let subj_cap = capitalise(self.subject());
        match (mode, median) {
            (Some((y, p)), Some(_)) if p >= 0.995 => {
                pays_back_already(lang, &subj_cap, y, &format_probability(p, lang))
            }
            (Some((y, p)), Some(med)) => pays_back_by(
                lang,
                &subj_cap,
                end,
                &format_probability(by_end, lang),
                y,
                &format_probability(p, lang),
                med,
            ),
            _ => pays_back_not(lang, &subj_cap, end, &format_probability(by_end, lang)),
        }
    }

    /// Contacts displaced by shorter opening hours in the end year (medians).
    pub(super) fn displaced_sentence(&self) -> Option<String> {
        let lang = self.lang;
        let e = self.end_index();
        let get = |k: &str| self.metric(k).get(e).map(|q| q.p50).unwrap_or(0.0);
        let retimed = get("displaced_retimed");
        let digital = get("displaced_to_digital");
        let phone = get("displaced_to_phone");
        let avoided = get("displaced_avoided");
        let total = retimed + digital + phone + avoided;
        if total.is_nan() || total <= 0.5 {
            return None;
        }
        let n = |x: f64| format_number(round_sig(x, 3), 0, lang);
        let year = self.s.end_year;
        let why = match self.s.avoided_savings_share() {
            Some(share) => avoided_why_valued(lang, &format_pct(share, 0, lang)),
            None => avoided_why(lang),
        };
        Some(displaced_sentence(
            lang,
            &n(total),
            year,
            &n(retimed),
            &n(digital),
            &n(phone),
            &n(avoided),
            &why,
        ))
    }
}
