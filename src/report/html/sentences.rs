//! Section 1: the sentences of the brief (savings, payback, goals...).

use super::*;

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
        Some(match (lang, likely_from) {
            (Lang::Da, Some(from)) if from != first_year => {
                format!("I {first_year} (første år) er sandsynligheden {p}, fra {from} over 50 %.")
            }
            (Lang::Da, _) => format!("I {first_year} (første år) er sandsynligheden {p}."),
            (Lang::En, Some(from)) if from != first_year => format!(
                "In {first_year} (the first year) the probability is {p}, from {from} above 50 %."
            ),
            (Lang::En, _) => format!("In {first_year} (the first year) the probability is {p}."),
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
                match lang {
                    Lang::Da => format!(
                        "{subj_cap} sparer {} i {year} ({}).",
                        m(q.p50),
                        self.constant_note()
                    ),
                    Lang::En => format!(
                        "{subj_cap} saves {} in {year} ({}).",
                        m(q.p50),
                        self.constant_note()
                    ),
                }
            } else {
                match lang {
                    Lang::Da => format!(
                        "{subj_cap} koster {} mere end status quo i {year}.",
                        m(-q.p50)
                    ),
                    Lang::En => format!(
                        "{subj_cap} costs {} more than the status quo in {year}.",
                        m(-q.p50)
                    ),
                }
            };
        }
        let between = |a: f64, b: f64| between(a, b, lang);
        let body = if q.p5 >= 0.0 {
            match lang {
                Lang::Da => format!("sparer {subj} mellem {} i {year}", between(q.p5, q.p95)),
                Lang::En => format!("{subj} saves between {} in {year}", between(q.p5, q.p95)),
            }
        } else if q.p95 <= 0.0 {
            match lang {
                Lang::Da => format!(
                    "koster {subj} mellem {} mere end status quo i {year}",
                    between(-q.p95, -q.p5)
                ),
                Lang::En => format!(
                    "{subj} costs between {} more than the status quo in {year}",
                    between(-q.p95, -q.p5)
                ),
            }
        } else {
            let (loss, saving) = format_money_pair(-q.p5, q.p95, lang);
            match lang {
                Lang::Da => format!(
                    "ligger resultatet i {year} mellem et tab på {loss} og en besparelse på {saving}"
                ),
                Lang::En => format!(
                    "the result in {year} lies between a loss of {loss} and a saving of {saving}"
                ),
            }
        };
        match lang {
            Lang::Da => format!("Med 90 % sandsynlighed {body}; medianen er {}.", m(q.p50)),
            Lang::En => format!("With 90 % probability {body}; the median is {}.", m(q.p50)),
        }
    }

    pub(super) fn npv_sentence(&self, q: &Summary) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let (base, end) = (self.s.base_year, self.s.end_year);
        let interval = if q.p5 == q.p95 {
            String::new()
        } else {
            let range = format_money_range(q.p5, q.p95, lang);
            match lang {
                Lang::Da => format!("; 90 % sandsynlighed: {range}"),
                Lang::En => format!("; 90 % probability: {range}"),
            }
        };
        match lang {
            Lang::Da => format!(
                "Nettonutidsværdien af besparelserne {base}–{end} er {} (median{interval}).",
                m(q.p50)
            ),
            Lang::En => format!(
                "The net present value of the savings {base}–{end} is {} (median{interval}).",
                m(q.p50)
            ),
        }
    }

    pub(super) fn cumulative_sentence(&self, q: &Summary, end: i32) -> String {
        let lang = self.lang;
        let m = |x: f64| format_money(x, lang);
        let base = self.s.base_year;
        let interval = if q.p5 == q.p95 {
            String::new()
        } else {
            match lang {
                Lang::Da => format!(
                    "; med 90 % sandsynlighed mellem {}",
                    between(q.p5, q.p95, lang)
                ),
                Lang::En => format!(
                    "; with 90 % probability between {}",
                    between(q.p5, q.p95, lang)
                ),
            }
        };
        match lang {
            Lang::Da => format!(
                "Den akkumulerede nettobesparelse {base}–{end} (efter omkostningerne ved {}) er {} (median){interval}.",
                self.subject(),
                m(q.p50)
            ),
            Lang::En => format!(
                "Cumulative net savings {base}–{end} (after the costs of {}) are {} (median){interval}.",
                self.subject(),
                m(q.p50)
            ),
        }
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
                match lang {
                    Lang::Da => format!("sandsynlighed {}", format_probability(p, lang)),
                    Lang::En => format!("probability {}", format_probability(p, lang)),
                },
            ),
            (_, Some(med)) => (
                med.to_string(),
                match lang {
                    Lang::Da => format!(
                        "med 50 % sandsynlighed senest i {med}; inden udgangen af {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                    Lang::En => format!(
                        "with 50 % probability by {med}; by the end of {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                },
            ),
            _ => (
                format!("{} {}", self.t("Ikke inden", "Not by"), self.s.end_year),
                match lang {
                    Lang::Da => format!(
                        "sandsynlighed for tilbagebetaling senest {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                    Lang::En => format!(
                        "probability of payback by {}: {}",
                        self.s.end_year,
                        format_probability(by_end, lang)
                    ),
                },
            ),
        }
    }

    pub(super) fn payback_sentence(&self) -> String {
        let lang = self.lang;
        let end = self.s.end_year;
        let (by_end, mode, median) = self.payback_stats();
        let subj_cap = capitalise(self.subject());
        match (mode, median) {
            (Some((y, p)), Some(_)) if p >= 0.995 => match lang {
                Lang::Da => format!(
                    "{subj_cap} er tjent hjem allerede i {y} (sandsynlighed {}): fra {y} er den akkumulerede nettobesparelse positiv og forbliver det.",
                    format_probability(p, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} pays for itself in {y} already (probability {}): from {y} cumulative net savings are positive and stay so.",
                    format_probability(p, lang)
                ),
            },
            (Some((y, p)), Some(med)) => match lang {
                Lang::Da => format!(
                    "{subj_cap} er tjent hjem (den akkumulerede nettobesparelse bliver positiv og forbliver det) inden udgangen af {end} med sandsynlighed {}; det mest sandsynlige år er {y} ({}), og med 50 % sandsynlighed senest {med}.",
                    format_probability(by_end, lang),
                    format_probability(p, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} pays for itself (cumulative net savings turn positive and stay so) by the end of {end} with probability {}; the most likely year is {y} ({}), and with 50 % probability by {med}.",
                    format_probability(by_end, lang),
                    format_probability(p, lang)
                ),
            },
            _ => match lang {
                Lang::Da => format!(
                    "{subj_cap} er ikke tjent hjem inden udgangen af {end} (sandsynlighed for tilbagebetaling senest {end}: {}).",
                    format_probability(by_end, lang)
                ),
                Lang::En => format!(
                    "{subj_cap} does not pay for itself by the end of {end} (probability of payback by {end}: {}).",
                    format_probability(by_end, lang)
                ),
            },
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
        Some(match lang {
            Lang::Da => format!(
                "De kortere åbningstider flytter ca. {} henvendelser i {year} (medianer): {} kommer igen på et andet tidspunkt, {} går til selvbetjening eller hjemmesiden, {} går fra skranken til telefonen, og {} bliver væk (borgeren finder svaret andetsteds eller opgiver).",
                n(total), n(retimed), n(digital), n(phone), n(avoided)
            ),
            Lang::En => format!(
                "The shorter opening hours displace about {} contacts in {year} (medians): {} come back at another time, {} go to self-service or the website, {} move from the counter to the phone, and {} are avoided (the citizen finds the answer elsewhere or gives up).",
                n(total), n(retimed), n(digital), n(phone), n(avoided)
            ),
        })
    }
}
