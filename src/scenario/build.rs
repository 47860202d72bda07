//! Validation: from the merged raw files to a checked [`Scenario`].
//!
//! Every rule a user can break is checked here, with the file, line and
//! column of the offending value and a hint how to fix it. Nothing after this
//! step needs to check the input again.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::load::{FileId, Located, Merged, SourceFile, Sources};
use super::raw::*;
use super::*;
use crate::domain::{Channel, ContactType, YearMonth, N_CHANNELS, N_TYPES};
use crate::hours::schedule::{DemandProfile, WeeklySchedule};

pub(super) type R<T> = Result<T, InputError>;

/// Limits on the magnitude of inputs (docs/scenario-format.md, "Limits").
///
/// Every number, and a distribution's whole support (up to its 99.99 %
/// quantile on an unbounded side, see
/// [`crate::distribution::Distribution::checked_range`]), must lie within its
/// limit. The limits are generous for any municipality or country; the
/// engine's probes and output checks catch the rare overflow beyond them.
pub mod limits {
    /// Citizens in `[population] base`.
    pub const POPULATION: f64 = 1e10;
    /// Contacts a year of one area, and outbound letters a year.
    pub const VOLUME: f64 = 1e10;
    /// Contacts a year per 1,000 citizens (10,000 per citizen).
    pub const VOLUME_PER_1000: f64 = 1e7;
    /// kr. per contact or letter, per open hour, per staffed hour.
    pub const PRICE_KR: f64 = 1e7;
    /// kr. of one event cost (one-off, monthly or per year).
    pub const COST_KR: f64 = 1e12;
    /// Seconds of average handling time, and of the answer-time target.
    pub const SECONDS: f64 = 86_400.0;
    /// Annual rates (growth, discount rate, price index): at most +100 %.
    pub const RATE: f64 = 1.0;
    /// Bass innovation p (and p_add) per year.
    pub const BASS_P: f64 = 1.0;
    /// The smallest fixed Bass p; drawn values below it act as it.
    pub const BASS_P_MIN: f64 = crate::model::bass::MIN_P;
    /// Bass imitation q (and q_add) per year.
    pub const BASS_Q: f64 = 10.0;
    /// `[simulation] trials` (a run also needs the memory for them).
    pub const TRIALS: i64 = 1_000_000_000;
    /// Weight of an hour in a demand profile.
    pub const DEMAND_WEIGHT: f64 = 1e6;
    /// Factor of an event on volumes or on a unit price.
    pub const FACTOR: f64 = 1e3;
}

/// What range a number must lie in.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Bounds {
    /// At least zero and at most the limit (prices, volumes, costs).
    NonNegative(f64),
    /// Between minus the limit and the limit (event costs: a negative cost
    /// is a revenue or a reallocation).
    Signed(f64),
    /// Between 0 and 1 (shares, rates).
    Share,
    /// Strictly positive and at most the limit (population, handling time,
    /// Bass p).
    Positive(f64),
    /// An annual rate above -100 % and at most +100 % (growth, discount
    /// rate, price index).
    Rate,
}

impl Bounds {
    fn max(self) -> f64 {
        match self {
            Bounds::NonNegative(m) | Bounds::Positive(m) | Bounds::Signed(m) => m,
            Bounds::Share => 1.0,
            Bounds::Rate => limits::RATE,
        }
    }
}

pub(super) struct Builder<'a> {
    sources: &'a Sources,
    inputs: Vec<UncertainInput>,
    seen: HashMap<(FileId, usize), Param>,
}

impl<'a> Builder<'a> {
    pub(super) fn err(
        &self,
        file: FileId,
        span: Range<usize>,
        msg: impl Into<String>,
    ) -> InputError {
        self.sources.error_at(file, span, msg)
    }

    /// Registers a number or distribution, checking it lies within `bounds`.
    /// The same written value used twice is one input (one draw per trial).
    pub(super) fn param(
        &mut self,
        file: FileId,
        num: &Num,
        key: &str,
        unit: &str,
        bounds: Bounds,
    ) -> R<Param> {
        let span = num.span();
        if let Some(p) = self.seen.get(&(file, span.start)) {
            return Ok(*p);
        }
        let dist = num.get_ref();
        if let Err(msg) = dist.validate() {
            return Err(self.err(file, span, format!("{key}: {msg}")));
        }
        let (lo, hi) = dist.support();
        let bad = match bounds {
            Bounds::NonNegative(_) if lo < 0.0 => Some("must not be negative".to_string()),
            // Log-normals and distributions starting at 0 never draw 0 itself
            // (uniforms are strictly inside (0, 1)), so only check that.
            Bounds::Positive(_) if lo < 0.0 || dist.quantile(1e-9) <= 0.0 => {
                Some("must be greater than 0".to_string())
            }
            Bounds::Rate if lo <= -1.0 => {
                Some("is a rate per year and must be above -1 (-100 %)".to_string())
            }
            Bounds::Share if lo < 0.0 || hi > 1.0 => {
                Some("is a share and must lie between 0 and 1".to_string())
            }
            _ => None,
        };
        if let Some(why) = bad {
            let what = if dist.is_fixed() {
                format!("{key} = {} {why}", dist.quantile(0.5))
            } else {
                format!(
                    "{key} {why}, but {} can give values from {lo} to {hi}",
                    dist.describe()
                )
            };
            let help = match bounds {
                Bounds::Share => "write shares as fractions (0.25 for 25 %); bound a normal with min = 0, max = 1 or use beta/triangular",
                Bounds::Positive(_) => "use a positive value or a distribution bounded above 0 (triangular, pert, lognormal)",
                Bounds::Rate => "write rates as fractions per year (0.02 for 2 %); bound a normal with min = -0.5 or use triangular/pert",
                Bounds::NonNegative(_) => "use a non-negative value or a distribution bounded at 0 (triangular, pert, lognormal, or normal with min = 0)",
                Bounds::Signed(_) => "any value within the limit is allowed",
            };
            return Err(self.err(file, span, what).with_help(help));
        }
        // The magnitude limit, over every value a trial can draw.
        let max = bounds.max();
        let (bottom, top) = dist.checked_range();
        // Signed inputs are checked by magnitude, at both ends.
        let top = match bounds {
            Bounds::Signed(_) if bottom.is_nan() || -bottom > top => -bottom,
            _ => top,
        };
        if top.is_nan() || top > max {
            let what = if dist.is_fixed() {
                format!(
                    "{key} = {} is above the limit of {} {unit}",
                    fmt_limit(dist.quantile(0.5)),
                    fmt_limit(max)
                )
            } else {
                format!(
                    "{key}: {} can give values up to {} {unit}, above the limit of {}",
                    dist.describe(),
                    fmt_limit(top),
                    fmt_limit(max)
                )
            };
            let tail = if dist.support().1.is_finite() || dist.is_fixed() {
                String::new()
            } else {
                " (a normal without max, or a log-normal, is checked at its 99.99 % \
                 quantile, 3.7 sd out: give the normal a max, or narrow it)"
                    .to_string()
            };
            return Err(self.err(file, span, what).with_help(format!(
                "{key} must be at most {} {unit}{tail}; check the units (kr., not øre; \
                 per year, not in total). Every input has such a limit: see \"Limits\" in \
                 docs/scenario-format.md",
                fmt_limit(max)
            )));
        }
        let p = if dist.is_fixed() {
            Param::Fixed(dist.quantile(0.5))
        } else {
            let (fid, local) = self.sources.locate(span.start);
            let f = &self.sources.files[fid];
            let line = f.line_of(local);
            self.inputs.push(UncertainInput {
                key: key.to_string(),
                unit: unit.to_string(),
                distribution: dist.clone(),
                location: format!("{}:{}", f.path.display(), line),
                comment: comment_near(f, line),
            });
            Param::Input(self.inputs.len() - 1)
        };
        self.seen.insert((file, span.start), p);
        Ok(p)
    }

    pub(super) fn opt_param(
        &mut self,
        file: FileId,
        num: &Option<Num>,
        key: &str,
        unit: &str,
        b: Bounds,
    ) -> R<Option<Param>> {
        num.as_ref()
            .map(|n| self.param(file, n, key, unit, b))
            .transpose()
    }

    pub(super) fn month(
        &self,
        file: FileId,
        s: &Spanned<String>,
        base_year: i32,
        end_year: i32,
        what: &str,
    ) -> R<usize> {
        let ym = YearMonth::parse(s.get_ref()).ok_or_else(|| {
            self.err(
                file,
                s.span(),
                format!("{what} \"{}\" is not a month", s.get_ref()),
            )
            .with_help("write months as \"YYYY-MM\", e.g. \"2014-11\"")
        })?;
        let idx = ym.index_from(base_year);
        if ym.year < base_year || ym.year > end_year {
            return Err(self
                .err(
                    file,
                    s.span(),
                    format!("{what} {ym} is outside the horizon {base_year}-{end_year}"),
                )
                .with_help("move the date inside [horizon] or widen the horizon"));
        }
        Ok(idx as usize)
    }

    pub(super) fn channel(&self, file: FileId, span: Range<usize>, key: &str) -> R<Channel> {
        Channel::from_key(key).ok_or_else(|| {
            self.err(file, span, format!("unknown channel \"{key}\""))
                .with_help(format!("channels are: {}", Channel::all_keys()))
        })
    }
}

/// A limit or a value in an error message: plain for everyday magnitudes,
/// in exponent form (1e10) for huge or tiny ones.
pub(super) fn fmt_limit(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-3..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The range of a parameter that validation holds against the limits.
fn reachable(inputs: &[UncertainInput], p: Param) -> (f64, f64) {
    match p {
        Param::Fixed(x) => (x, x),
        Param::Input(i) => inputs[i].distribution.checked_range(),
    }
}

/// The `# comment` on the value's line or the line above: the analyst's
/// stated source or assumption, shown in the assumptions table.
/// Lines are looked up in the file's line index, not by rescanning the text.
fn comment_near(f: &SourceFile, line: usize) -> Option<String> {
    let own = f
        .line_text(line)
        .and_then(|l| l.split_once(" #").map(|(_, c)| c.trim().to_string()));
    let above = line
        .checked_sub(1)
        .and_then(|i| f.line_text(i))
        .and_then(|l| {
            l.trim_start()
                .strip_prefix('#')
                .map(|c| c.trim().to_string())
        });
    own.filter(|c| !c.is_empty())
        .or(above.filter(|c| !c.is_empty()))
}

pub(super) fn parse_schedule(
    b: &Builder,
    file: FileId,
    s: &Spanned<RawSchedule>,
    context: &str,
) -> R<WeeklySchedule> {
    let result = match s.get_ref() {
        RawSchedule::Text(t) => WeeklySchedule::parse(t),
        RawSchedule::Days(days) => {
            let list: Vec<(String, Vec<String>)> = days
                .iter()
                .map(|(k, v)| {
                    let items = match v {
                        StringOrList::One(x) => vec![x.clone()],
                        StringOrList::Many(xs) => xs.clone(),
                    };
                    (k.clone(), items)
                })
                .collect();
            WeeklySchedule::from_days(&list)
        }
    };
    result.map_err(|e| {
        b.err(file, s.span(), format!("{context}: {} (in \"{}\")", e.message, e.fragment))
            .with_help("write schedules like \"Mon-Wed 9-15; Thu 9-14 & 16-18.30; Fri closed\" (docs/scenario-format.md)")
    })
}

fn type_keyed<T: Clone>(t: ContactType, a: &Option<T>, b: &Option<T>, c: &Option<T>) -> Option<T> {
    match t {
        ContactType::Transaction => a.clone(),
        ContactType::Information => b.clone(),
        ContactType::CaseInformation => c.clone(),
    }
}

/// Validates a merged scenario.
pub fn build(m: Merged) -> R<Scenario> {
    let sources = m.sources.clone();
    let mut b = Builder {
        sources: &sources,
        inputs: Vec::new(),
        seen: HashMap::new(),
    };
    let top = m.top;
    let path = sources.files[top].path.clone();

    let name = m
        .name
        .as_ref()
        .map(|n| n.value.get_ref().clone())
        .ok_or_else(|| {
            sources
                .error_in(top, "the scenario has no `name`")
                .with_help("add a line like name = \"Solrød 2011\" at the top")
        })?;

    // Horizon.
    let horizon = m.horizon.as_ref().ok_or_else(|| {
        sources
            .error_in(top, "missing [horizon]")
            .with_help("add [horizon] with base_year = 2011 (end_year defaults to 2015)")
    })?;
    let hf = horizon.file;
    let h = horizon.value.get_ref();
    let base_year = *h.base_year.get_ref();
    let end_year = h.end_year.as_ref().map(|e| *e.get_ref()).unwrap_or(2015);
    if !(1990..=2100).contains(&base_year) {
        return Err(b.err(
            hf,
            h.base_year.span(),
            format!("base_year {base_year} is not a plausible year"),
        ));
    }
    if end_year < base_year || end_year > base_year + 50 {
        let span = h
            .end_year
            .as_ref()
            .map(|e| e.span())
            .unwrap_or(h.base_year.span());
        return Err(b
            .err(
                hf,
                span,
                format!(
                    "end_year {end_year} must be between base_year {base_year} and {}",
                    base_year + 50
                ),
            )
            .with_help("the horizon runs from January of base_year to December of end_year"));
    }
    let (base_year, end_year) = (base_year as i32, end_year as i32);
    let n_years = (end_year - base_year + 1) as usize;
    let n_months = n_years * 12;

    let (default_trials, default_seed) = match &m.simulation {
        Some(s) => {
            let v = s.value.get_ref();
            let t = v.trials.as_ref().map(|t| (*t.get_ref(), t.span()));
            if let Some((t, span)) = &t {
                if *t < 1 {
                    return Err(b.err(s.file, span.clone(), "trials must be at least 1"));
                }
                if *t > limits::TRIALS {
                    return Err(b
                        .err(
                            s.file,
                            span.clone(),
                            format!(
                                "trials = {t} is above the limit of {} trials",
                                limits::TRIALS
                            ),
                        )
                        .with_help(
                            "10,000 trials are usually plenty; run with --precision 1% to \
                             stop once the mean is precise enough",
                        ));
                }
            }
            if let Some(seed) = &v.seed {
                if *seed.get_ref() < 0 {
                    return Err(b.err(
                        s.file,
                        seed.span(),
                        "seed must be 0 or a positive whole number",
                    ));
                }
            }
            let seed = v.seed.as_ref().map(|s| *s.get_ref() as u64);
            (t.map(|(t, _)| t as u64), seed)
        }
        None => (None, None),
    };
    let default_correlation = match &m.simulation {
        Some(s) => match &s.value.get_ref().correlation {
            Some(text) => Some(
                crate::sampling::CorrelationMethod::parse(text.get_ref()).ok_or_else(|| {
                    b.err(
                        s.file,
                        text.span(),
                        format!(
                            "correlation = \"{}\" is not a correlation method",
                            text.get_ref()
                        ),
                    )
                    .with_help("write correlation = \"copula\" (Gaussian copula, default) or \"iman-conover\"")
                })?,
            ),
            None => None,
        },
        None => None,
    };
    let default_sampling = match &m.simulation {
        Some(s) => match &s.value.get_ref().sampling {
            Some(text) => Some(crate::sampling::Method::parse(text.get_ref()).ok_or_else(
                || {
                    b.err(
                        s.file,
                        text.span(),
                        format!("sampling = \"{}\" is not a sampling method", text.get_ref()),
                    )
                    .with_help(
                        "write sampling = \"random\", \"lhs\" (Latin hypercube) or \"sobol\"",
                    )
                },
            )?),
            None => None,
        },
        None => None,
    };

    // Population and economics.
    let (population_base, growth) = match &m.population {
        Some(p) => {
            let v = p.value.get_ref();
            let base = b.opt_param(
                p.file,
                &v.base,
                "population.base",
                "citizens",
                Bounds::Positive(limits::POPULATION),
            )?;
            let g = b.opt_param(
                p.file,
                &v.growth,
                "population.growth",
                "share per year",
                Bounds::Rate,
            )?;
            (base, g.unwrap_or(Param::Fixed(0.0)))
        }
        None => (None, Param::Fixed(0.0)),
    };
    let (discount_rate, price_index) = match &m.economics {
        Some(e) => {
            let v = e.value.get_ref();
            let d = b.opt_param(
                e.file,
                &v.discount_rate,
                "economics.discount_rate",
                "share per year",
                Bounds::Rate,
            )?;
            let i = b.opt_param(
                e.file,
                &v.price_index,
                "economics.price_index",
                "share per year",
                Bounds::Rate,
            )?;
            (
                d.unwrap_or(Param::Fixed(0.0)),
                i.unwrap_or(Param::Fixed(0.0)),
            )
        }
        None => (Param::Fixed(0.0), Param::Fixed(0.0)),
    };

    // Prices.
    let mut prices: [Option<Param>; N_CHANNELS] = [None; N_CHANNELS];
    for (k, v) in &m.prices {
        let ch = b.channel(v.file, v.value.span(), k)?;
        prices[ch.index()] = Some(b.param(
            v.file,
            &v.value,
            &format!("prices.{}", ch.key()),
            "kr. per contact",
            Bounds::NonNegative(limits::PRICE_KR),
        )?);
    }

    // Departments.
    let mut departments = Vec::new();
    let mut department_names = std::collections::HashSet::new();
    for d in &m.departments {
        let f = d.file;
        let v = d.value.get_ref();
        let dname = v.name.get_ref().clone();
        if !department_names.insert(dname.clone()) {
            return Err(b.err(
                f,
                v.name.span(),
                format!("department \"{dname}\" is defined twice"),
            ));
        }
        let mut today: [Option<WeeklySchedule>; 2] = [None, None];
        if let Some(hours) = &v.hours {
            let hv = hours.get_ref();
            if let Some(s) = &hv.counter {
                today[COUNTER] = Some(parse_schedule(
                    &b,
                    f,
                    s,
                    &format!("department \"{dname}\", counter hours"),
                )?);
            }
            if let Some(s) = &hv.phone {
                today[PHONE] = Some(parse_schedule(
                    &b,
                    f,
                    s,
                    &format!("department \"{dname}\", phone hours"),
                )?);
            }
        }
        let mut open_hour_cost_kr = [None, None];
        if let Some(c) = &v.open_hour_cost_kr {
            let cv = c.get_ref();
            for (i, (num, ch)) in [(&cv.counter, "counter"), (&cv.phone, "phone")]
                .into_iter()
                .enumerate()
            {
                if let Some(n) = num {
                    if today[i].is_none() {
                        return Err(b.err(f, n.span(), format!("department \"{dname}\" has a cost per open {ch} hour but no {ch} hours"))
                            .with_help(format!("add hours.{ch} = \"Mon-Fri 9-15\" (today's hours) to the department")));
                    }
                    open_hour_cost_kr[i] = Some(b.param(
                        f,
                        n,
                        &format!("departments.{dname}.open_hour_cost_kr.{ch}"),
                        "kr. per open hour",
                        Bounds::NonNegative(limits::PRICE_KR),
                    )?);
                }
            }
        }
        let mut staffing: [Option<Staffing>; 2] = [None, None];
        if let Some(s) = &v.staffing {
            let sv = s.get_ref();
            for (i, (st, ch)) in [(&sv.counter, "counter"), (&sv.phone, "phone")]
                .into_iter()
                .enumerate()
            {
                if let Some(st) = st {
                    if today[i].is_none() {
                        return Err(b.err(f, st.span(), format!("department \"{dname}\" is staffed on {ch} but has no {ch} hours"))
                            .with_help(format!("add hours.{ch} to the department: staffing is computed per open hour")));
                    }
                    let x = st.get_ref();
                    let key = format!("departments.{dname}.staffing.{ch}");
                    let sl = *x.service_level.get_ref();
                    if !(0.0 < sl && sl < 1.0) {
                        return Err(b
                            .err(
                                f,
                                x.service_level.span(),
                                format!("service_level {sl} must be between 0 and 1 (exclusive)"),
                            )
                            .with_help("e.g. 0.8 for 80 % answered within answer_within_seconds"));
                    }
                    let within = *x.answer_within_seconds.get_ref();
                    if within.is_nan() || !(0.0..=limits::SECONDS).contains(&within) {
                        return Err(b
                            .err(
                                f,
                                x.answer_within_seconds.span(),
                                format!(
                                    "answer_within_seconds {within} must be between 0 and {} (a day)",
                                    limits::SECONDS
                                ),
                            )
                            .with_help("e.g. 20 for 80 % answered within 20 seconds"));
                    }
                    staffing[i] = Some(Staffing {
                        aht_seconds: b.param(
                            f,
                            &x.aht_seconds,
                            &format!("{key}.aht_seconds"),
                            "seconds",
                            Bounds::Positive(limits::SECONDS),
                        )?,
                        service_level: sl,
                        answer_within_seconds: within,
                        hourly_wage_kr: b.param(
                            f,
                            &x.hourly_wage_kr,
                            &format!("{key}.hourly_wage_kr"),
                            "kr. per hour",
                            Bounds::NonNegative(limits::PRICE_KR),
                        )?,
                        shrinkage: b.param(
                            f,
                            &x.shrinkage,
                            &format!("{key}.shrinkage"),
                            "share",
                            Bounds::Share,
                        )?,
                    });
                    if x.shrinkage.get_ref().support().1 >= 1.0 {
                        return Err(b
                            .err(f, x.shrinkage.span(), format!("{key}.shrinkage can reach 1 or more: no paid time would be left for contacts"))
                            .with_help("shrinkage is the share of paid time not spent on contacts, typically 0.25-0.35; keep it below 1"));
                    }
                    if open_hour_cost_kr[i].is_some() {
                        return Err(b.err(f, st.span(), format!("department \"{dname}\" has both staffing and open_hour_cost_kr for {ch}"))
                            .with_help("choose one: staffed mode computes the staff cost per open hour itself"));
                    }
                }
            }
        }
        let mut profile = [DemandProfile::uniform(), DemandProfile::uniform()];
        if let Some(p) = &v.demand_profile {
            let pv = p.get_ref();
            for (i, w) in [&pv.counter, &pv.phone].into_iter().enumerate() {
                if let Some(w) = w {
                    let entries: Vec<(String, f64)> =
                        w.get_ref().iter().map(|(k, v)| (k.clone(), *v)).collect();
                    if let Some((k, x)) = entries
                        .iter()
                        .find(|(_, x)| !(0.0..=limits::DEMAND_WEIGHT).contains(x))
                    {
                        return Err(b.err(
                            f,
                            w.span(),
                            format!(
                                "demand weight {x} for \"{k}\" must be a number from 0 to {}",
                                fmt_limit(limits::DEMAND_WEIGHT)
                            ),
                        ));
                    }
                    // Entries must not overlap: a TOML table has no order, so
                    // "later overrides earlier" would be ambiguous.
                    let parsed: Vec<(String, Vec<usize>)> = entries
                        .iter()
                        .filter_map(|(k, _)| {
                            WeeklySchedule::parse(k).ok().map(|sch| {
                                (k.clone(), sch.open_slots().map(|(slot, _)| slot).collect())
                            })
                        })
                        .collect();
                    // Which entry claimed each slot: linear in the entries'
                    // slots, however many entries there are.
                    let mut owner: HashMap<usize, usize> = HashMap::new();
                    for (bi, (kb, sb)) in parsed.iter().enumerate() {
                        for &slot in sb {
                            match owner.insert(slot, bi) {
                                Some(ai) if ai != bi => {
                                    let ka = &parsed[ai].0;
                                    return Err(b
                                        .err(f, w.span(), format!("department \"{dname}\", demand profile: \"{ka}\" and \"{kb}\" overlap"))
                                        .with_help("give each hour one weight: split the entries so they do not overlap (hours not listed weigh 1)"));
                                }
                                _ => {}
                            }
                        }
                    }
                    profile[i] = DemandProfile::from_weights(&entries).map_err(|e| {
                        b.err(
                            f,
                            w.span(),
                            format!(
                                "department \"{dname}\", demand profile: {} (in \"{}\")",
                                e.message, e.fragment
                            ),
                        )
                    })?;
                }
            }
        }
        departments.push(Department {
            displacement: [Fractions {
                retime: Param::Fixed(0.0),
                to_digital: Param::Fixed(0.0),
                to_phone: Param::Fixed(0.0),
            }; 2],
            name: dname.clone(),
            label: v.label.clone().unwrap_or(dname),
            today,
            open_hour_cost_kr,
            staffing,
            profile,
        });
    }

    // Defaults.
    let defaults = m.defaults.as_ref();
    let def_split: Option<(FileId, Spanned<RawTypeSplit>)> =
        defaults.and_then(|d| d.value.get_ref().type_split.clone().map(|s| (d.file, s)));
    let def_mix: Option<(FileId, Spanned<RawMix>)> =
        defaults.and_then(|d| d.value.get_ref().mix.clone().map(|s| (d.file, s)));
    let def_adopt: Option<(FileId, Spanned<RawAdoption>)> =
        defaults.and_then(|d| d.value.get_ref().adoption.clone().map(|s| (d.file, s)));
    let def_digital: Option<(FileId, Spanned<RawDigitalChannel>)> = defaults.and_then(|d| {
        d.value
            .get_ref()
            .digital_channel
            .clone()
            .map(|s| (d.file, s))
    });

    // Areas and cells.
    if m.areas.is_empty() {
        return Err(sources
            .error_in(top, "the scenario has no [[areas]]")
            .with_help(
                "add at least one [[areas]] table with a name, a volume and a channel mix",
            ));
    }
    let mut areas = Vec::new();
    let mut area_names = std::collections::HashSet::new();
    let mut cells = Vec::new();
    let mut raised_ceilings = Vec::new();
    for a in &m.areas {
        let f = a.file;
        let v = a.value.get_ref();
        let aname = v.name.get_ref().clone();
        if !area_names.insert(aname.clone()) {
            return Err(b
                .err(
                    f,
                    v.name.span(),
                    format!("area \"{aname}\" is defined twice"),
                )
                .with_help("give each area its own name"));
        }
        let key = format!("areas.{aname}");
        let department = match &v.department {
            Some(d) => Some(departments.iter().position(|x| &x.name == d.get_ref()).ok_or_else(|| {
                b.err(f, d.span(), format!("area \"{aname}\" names unknown department \"{}\"", d.get_ref()))
                    .with_help(format!("departments are: {}", departments.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(", ")))
            })?),
            None if departments.len() == 1 => Some(0),
            None if departments.is_empty() => None,
            None => {
                return Err(b.err(f, v.name.span(), format!("area \"{aname}\" has no department, and the scenario has several"))
                    .with_help("add department = \"...\" to the area so its counter and phone follow that department's hours"))
            }
        };
        let volume = match (&v.volume, &v.volume_per_1000) {
            (Some(n), None) => Volume::Absolute(b.param(f, n, &format!("{key}.volume"), "contacts per year", Bounds::NonNegative(limits::VOLUME))?),
            (None, Some(n)) => {
                if population_base.is_none() {
                    return Err(b.err(f, n.span(), format!("area \"{aname}\" gives volume_per_1000 but [population] has no base"))
                        .with_help("add base = <citizens> to [population]"));
                }
                let per1000 = b.param(f, n, &format!("{key}.volume_per_1000"), "contacts per year per 1,000 citizens", Bounds::NonNegative(limits::VOLUME_PER_1000))?;
                let (_, rate) = reachable(&b.inputs, per1000);
                let (_, citizens) = reachable(&b.inputs, population_base.expect("checked above"));
                let top = rate * citizens / 1000.0;
                if top.is_nan() || top > limits::VOLUME {
                    return Err(b.err(f, n.span(), format!("area \"{aname}\": volume_per_1000 up to {} times a population up to {} gives up to {} contacts a year, above the limit of {} for an area", fmt_limit(rate), fmt_limit(citizens), fmt_limit(top), fmt_limit(limits::VOLUME)))
                        .with_help("check the units: volume_per_1000 is contacts a year per 1,000 citizens; see \"Limits\" in docs/scenario-format.md"));
                }
                Volume::Per1000(per1000)
            }
            (Some(n), Some(_)) => {
                return Err(b.err(f, n.span(), format!("area \"{aname}\" gives both volume and volume_per_1000")).with_help("keep one of them"))
            }
            (None, None) => {
                return Err(b.err(f, a.value.span(), format!("area \"{aname}\" has no volume"))
                    .with_help("add volume = <contacts per year> or volume_per_1000 = <contacts per 1,000 citizens>"))
            }
        };
        // Prices of this area that differ from the scenario-wide ones.
        let mut area_prices: [Option<Param>; N_CHANNELS] = [None; N_CHANNELS];
        if let Some(ap) = &v.prices {
            for (k, n) in ap.get_ref() {
                let ch = b.channel(f, n.span(), k)?;
                area_prices[ch.index()] = Some(b.param(
                    f,
                    n,
                    &format!("{key}.prices.{}", ch.key()),
                    "kr. per contact",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?);
            }
        }
        let season = match &v.season {
            Some(s) => {
                let xs = s.get_ref();
                if xs.len() != 12 {
                    return Err(b.err(
                        f,
                        s.span(),
                        format!(
                            "season has {} factors, needs 12 (January to December)",
                            xs.len()
                        ),
                    ));
                }
                let mean = xs.iter().sum::<f64>() / 12.0;
                if xs.iter().any(|x| x.is_nan() || *x < 0.0 || !x.is_finite())
                    || (mean - 1.0).abs() > 1e-6
                {
                    return Err(b
                        .err(
                            f,
                            s.span(),
                            format!(
                                "season factors must be >= 0 and average 1, they average {mean:.6}"
                            ),
                        )
                        .with_help("divide each factor by their average"));
                }
                let mut arr = [1.0; 12];
                arr.copy_from_slice(xs);
                arr
            }
            None => [1.0; 12],
        };
        // Type split.
        let (split_file, split) = match (&v.type_split, &def_split) {
            (Some(s), _) => (f, s.clone()),
            (None, Some((df, s))) => (*df, s.clone()),
            (None, None) => {
                return Err(b.err(f, v.name.span(), format!("area \"{aname}\" has no type_split and [defaults] has none"))
                    .with_help("add type_split = { transaction = 0.5, information = 0.3, case_information = 0.2 }"))
            }
        };
        let sv = split.get_ref();
        let split_key = if v.type_split.is_some() {
            format!("{key}.type_split")
        } else {
            "defaults.type_split".to_string()
        };
        let mut type_split = [Param::Fixed(0.0); 3];
        for (t, n) in
            ContactType::ALL
                .iter()
                .zip([&sv.transaction, &sv.information, &sv.case_information])
        {
            if let Some(n) = n {
                type_split[t.index()] = b.param(
                    split_file,
                    n,
                    &format!("{split_key}.{}", t.key()),
                    "share",
                    Bounds::Share,
                )?;
            }
        }
        check_shares(
            &b,
            split_file,
            split.span(),
            &type_split,
            &ContactType::ALL.map(|t| t.key().to_string()),
            "type_split",
        )?;

        let area_index = areas.len();
        for t in ContactType::ALL {
            let share = type_split[t.index()];
            if share == Param::Fixed(0.0) {
                continue;
            }
            // Digital channel.
            let digital = {
                let own = v.digital_channel.as_ref().and_then(|d| {
                    let d2 = d.get_ref();
                    type_keyed(t, &d2.transaction, &d2.information, &d2.case_information)
                        .map(|x| (f, x))
                });
                let def = def_digital.as_ref().and_then(|(df, d)| {
                    let d2 = d.get_ref();
                    type_keyed(t, &d2.transaction, &d2.information, &d2.case_information)
                        .map(|x| (*df, x))
                });
                match own.or(def) {
                    Some((df, s)) => {
                        let ch = b.channel(df, s.span(), s.get_ref())?;
                        if !ch.can_be_digital_target() {
                            return Err(b
                                .err(
                                    df,
                                    s.span(),
                                    format!("{} cannot be the digital channel", ch.key()),
                                )
                                .with_help(
                                    "use self_service, website, digital_post_in, chat or sms",
                                ));
                        }
                        ch
                    }
                    None => t.default_digital_channel(),
                }
            };
            // Mix.
            let own = v.mix.as_ref().and_then(|mx| {
                let mv = mx.get_ref();
                type_keyed(t, &mv.transaction, &mv.information, &mv.case_information)
                    .map(|x| (f, x, format!("{key}.mix.{}", t.key())))
            });
            let def = def_mix.as_ref().and_then(|(df, mx)| {
                let mv = mx.get_ref();
                type_keyed(t, &mv.transaction, &mv.information, &mv.case_information)
                    .map(|x| (*df, x, format!("defaults.mix.{}", t.key())))
            });
            let (mf, mixmap, mkey) = own.or(def).ok_or_else(|| {
                b.err(f, v.name.span(), format!("area \"{aname}\" has {} contacts but no channel mix for them", t.key()))
                    .with_help(format!("add [areas.mix] {} = {{ phone = 0.5, personal = 0.3, self_service = 0.2 }} (or a default in [defaults.mix])", t.key()))
            })?;
            let mut mix = [Param::Fixed(0.0); N_CHANNELS];
            for (ck, n) in mixmap.get_ref() {
                let ch = b.channel(mf, n.span(), ck)?;
                mix[ch.index()] = b.param(
                    mf,
                    n,
                    &format!("{mkey}.{}", ch.key()),
                    "share",
                    Bounds::Share,
                )?;
            }
            check_shares(
                &b,
                mf,
                mixmap.span(),
                &mix,
                &Channel::ALL.map(|c| c.key().to_string()),
                &format!("mix of {}", t.key()),
            )?;
            for (i, pm) in mix.iter().enumerate() {
                if *pm != Param::Fixed(0.0) && prices[i].is_none() && area_prices[i].is_none() {
                    return Err(b
                        .err(
                            mf,
                            mixmap.span(),
                            format!(
                                "channel {} is used in the mix but has no price",
                                Channel::ALL[i].key()
                            ),
                        )
                        .with_help(format!(
                            "add {} = <kr. per contact> to [prices]",
                            Channel::ALL[i].key()
                        )));
                }
            }
            if prices[digital.index()].is_none() && area_prices[digital.index()].is_none() {
                return Err(b
                    .err(
                        mf,
                        mixmap.span(),
                        format!("digital channel {} has no price", digital.key()),
                    )
                    .with_help(format!(
                        "add {} = <kr. per contact> to [prices]",
                        digital.key()
                    )));
            }
            // Adoption: area type > area > defaults type > defaults.
            let mut layers: Vec<(FileId, RawAdoptionLeaf, String)> = Vec::new();
            if let Some(ad) = &v.adoption {
                let av = ad.get_ref();
                if let Some(leaf) =
                    type_keyed(t, &av.transaction, &av.information, &av.case_information)
                {
                    layers.push((f, leaf.into_inner(), format!("{key}.adoption.{}", t.key())));
                }
                layers.push((
                    f,
                    RawAdoptionLeaf {
                        p: av.p.clone(),
                        q: av.q.clone(),
                        ceiling: av.ceiling.clone(),
                    },
                    format!("{key}.adoption"),
                ));
            }
            if let Some((df, ad)) = &def_adopt {
                let av = ad.get_ref();
                if let Some(leaf) =
                    type_keyed(t, &av.transaction, &av.information, &av.case_information)
                {
                    layers.push((
                        *df,
                        leaf.into_inner(),
                        format!("defaults.adoption.{}", t.key()),
                    ));
                }
                layers.push((
                    *df,
                    RawAdoptionLeaf {
                        p: av.p.clone(),
                        q: av.q.clone(),
                        ceiling: av.ceiling.clone(),
                    },
                    "defaults.adoption".into(),
                ));
            }
            let pick = |get: &dyn Fn(&RawAdoptionLeaf) -> Option<Num>| {
                layers
                    .iter()
                    .find_map(|(lf, leaf, k)| get(leaf).map(|n| (*lf, n, k.clone())))
            };
            let cell_label = format!("{aname} / {}", t.key());
            let (p, q, ceiling) = {
                let pp = pick(&|l| l.p.clone());
                let qq = pick(&|l| l.q.clone());
                let cc = pick(&|l| l.ceiling.clone());
                let p = match pp {
                    Some((lf, n, k)) => {
                        let p = b.param(lf, &n, &format!("{k}.p"), "per year", Bounds::Positive(limits::BASS_P))?;
                        if let Param::Fixed(x) = p {
                            if x < limits::BASS_P_MIN {
                                return Err(b.err(lf, n.span(), format!("{k}.p = {} is below the smallest Bass innovation of {} per year", fmt_limit(x), fmt_limit(limits::BASS_P_MIN)))
                                    .with_help(format!("p must lie between {} and {} per year (typically 0.01-0.03); for practically no spontaneous adoption write p = {}", fmt_limit(limits::BASS_P_MIN), limits::BASS_P, fmt_limit(limits::BASS_P_MIN))));
                            }
                        }
                        p
                    }
                    None => {
                        return Err(b.err(f, v.name.span(), format!("no Bass innovation p for {cell_label}"))
                            .with_help("add [defaults.adoption] p = 0.03, q = 0.4, ceiling = 0.8 (or per area)"))
                    }
                };
                let q = match qq {
                    Some((lf, n, k)) => b.param(
                        lf,
                        &n,
                        &format!("{k}.q"),
                        "per year",
                        Bounds::NonNegative(limits::BASS_Q),
                    )?,
                    None => Param::Fixed(0.0),
                };
                let c = match cc {
                    Some((lf, n, k)) => {
                        let c = b.param(lf, &n, &format!("{k}.ceiling"), "share", Bounds::Share)?;
                        if let (Param::Fixed(cv), true) = (c, mix.iter().all(|x| x.is_fixed())) {
                            let s0 = fixed_share(&mix, digital.index());
                            if cv < s0 - 1e-12 {
                                raised_ceilings.push(RaisedCeiling {
                                    area: aname.clone(),
                                    contact_type: t,
                                    ceiling: cv,
                                    today: s0,
                                });
                            }
                        }
                        c
                    }
                    None => {
                        return Err(b.err(f, v.name.span(), format!("no adoption ceiling for {cell_label}"))
                            .with_help("add ceiling = <share that will ever go digital> to [defaults.adoption] or the area"))
                    }
                };
                (p, q, c)
            };
            cells.push(Cell {
                area: area_index,
                contact_type: t,
                digital,
                mix,
                p,
                q,
                ceiling,
            });
        }
        areas.push(Area {
            name: aname,
            department,
            volume,
            season,
            type_split,
            prices: area_prices,
            displacement: None,
        });
    }

    // Displacement: scenario-wide, then per-department overrides.
    let zero = Param::Fixed(0.0);
    let none = Fractions {
        retime: zero,
        to_digital: zero,
        to_phone: zero,
    };
    let displacement = match &m.displacement {
        Some(d) => build_displacement(
            &mut b,
            d.file,
            d.value.get_ref(),
            "displacement",
            &prices,
            [none; 2],
        )?,
        None => [none; 2],
    };
    for (di, d) in m.departments.iter().enumerate() {
        let v = d.value.get_ref();
        departments[di].displacement = match &v.displacement {
            Some(own) => build_displacement(
                &mut b,
                d.file,
                own.get_ref(),
                &format!("departments.{}.displacement", v.name.get_ref()),
                &prices,
                displacement,
            )?,
            None => displacement,
        };
    }
    for (ai, a) in m.areas.iter().enumerate() {
        let v = a.value.get_ref();
        let Some(own) = &v.displacement else { continue };
        let Some(d) = areas[ai].department else {
            return Err(b
                .err(
                    a.file,
                    own.span(),
                    format!(
                        "area \"{}\" sets displacement but belongs to no department, so no opening hours displace its contacts",
                        v.name.get_ref()
                    ),
                )
                .with_help("add department = \"...\" to the area, or remove its displacement"));
        };
        areas[ai].displacement = Some(build_displacement(
            &mut b,
            a.file,
            own.get_ref(),
            &format!("areas.{}.displacement", v.name.get_ref()),
            &prices,
            departments[d].displacement,
        )?);
    }

    // Proposal, with the [[proposals]] it combines.
    let proposal =
        super::build_proposal::build_proposal(&b, &m, &departments, base_year, end_year)?;

    // Outbound mail.
    let outbound = match &m.outbound_mail {
        Some(o) => {
            let f = o.file;
            let v = o.value.get_ref();
            Some(Outbound {
                letters_per_year: b.param(
                    f,
                    &v.letters_per_year,
                    "outbound_mail.letters_per_year",
                    "letters per year",
                    Bounds::NonNegative(limits::VOLUME),
                )?,
                digital_share: b
                    .opt_param(
                        f,
                        &v.digital_share,
                        "outbound_mail.digital_share",
                        "share",
                        Bounds::Share,
                    )?
                    .unwrap_or(zero),
                price_letter_kr: b.param(
                    f,
                    &v.price_letter_kr,
                    "outbound_mail.price_letter_kr",
                    "kr. per letter",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?,
                price_digital_post_kr: b.param(
                    f,
                    &v.price_digital_post_kr,
                    "outbound_mail.price_digital_post_kr",
                    "kr. per letter",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?,
            })
        }
        None => None,
    };

    let has_outbound_share = m
        .outbound_mail
        .as_ref()
        .is_some_and(|o| o.value.get_ref().digital_share.is_some());
    let citizens = super::build_citizens::build_citizens(&mut b, &m, has_outbound_share)?;
    let mut ctx = Ctx {
        areas: &areas,
        departments: &departments,
        cells: &cells,
        base_year,
        end_year,
        n_months,
        citizens: &citizens,
        has_completion: &[],
        has_solutions: !m.solutions.is_empty(),
    };
    let completion = super::build_citizens::build_completion(&mut b, &m, &ctx)?;
    let has_completion: Vec<bool> = match &completion {
        Some(c) => c.rate.iter().map(Option::is_some).collect(),
        None => vec![false; cells.len()],
    };
    ctx.has_completion = &has_completion;
    let solutions = super::build_citizens::build_solutions(&mut b, &m, &ctx)?;
    let mut events = Vec::new();
    for e in &m.events {
        events.push(build_event(&mut b, &ctx, e, &prices, outbound.is_some())?);
    }
    let mut goals = Vec::new();
    for g in &m.goals {
        goals.push(build_goal(&b, &ctx, g, outbound.is_some())?);
    }

    let calibration = match &m.calibration {
        Some(c) => {
            let v = c.value.get_ref();
            let what = "calibration mix_observed_from";
            let from = b.month(c.file, &v.mix_observed_from, base_year, end_year, what)?;
            let to = match &v.mix_observed_to {
                Some(t) => {
                    let what = "calibration mix_observed_to";
                    let to = b.month(c.file, t, base_year, end_year, what)?;
                    if to < from {
                        return Err(b
                            .err(c.file, t.span(), format!("mix_observed_to {} is before mix_observed_from {}", t.get_ref(), v.mix_observed_from.get_ref()))
                            .with_help("the period runs from mix_observed_from to mix_observed_to, both included"));
                    }
                    to
                }
                None => from,
            };
            Some((from, to))
        }
        None => None,
    };
    let noise_relative_sd = match &m.noise {
        Some(n) => {
            let v = n.value.get_ref();
            let sd = *v.volume_relative_sd.get_ref();
            if !(0.0..=1.0).contains(&sd) {
                return Err(b
                    .err(
                        n.file,
                        v.volume_relative_sd.span(),
                        format!("volume_relative_sd {sd} must be between 0 and 1"),
                    )
                    .with_help(
                        "e.g. 0.05 for month-to-month noise of 5 % around the expected volume",
                    ));
            }
            sd
        }
        None => 0.0,
    };

    let mut correlations = Vec::new();
    for c in &m.correlations {
        let v = c.value.get_ref();
        let names = v.inputs.get_ref();
        if names.len() != 2 {
            return Err(b.err(
                c.file,
                v.inputs.span(),
                "a correlation names exactly two inputs",
            ));
        }
        let find = |n: &str| b.inputs.iter().position(|i| i.key == n);
        let ids: Vec<usize> = names
            .iter()
            .map(|n| {
                find(n).ok_or_else(|| {
                    b.err(
                        c.file,
                        v.inputs.span(),
                        format!("\"{n}\" is not an uncertain input"),
                    )
                    .with_help("`channelshift check` lists the keys of the uncertain inputs")
                })
            })
            .collect::<R<_>>()?;
        let rho = *v.rank_correlation.get_ref();
        if !(-1.0..=1.0).contains(&rho) || ids[0] == ids[1] {
            return Err(b.err(
                c.file,
                v.rank_correlation.span(),
                format!("rank_correlation {rho} must be in [-1, 1] between two different inputs"),
            ));
        }
        correlations.push(Correlation {
            a: ids[0],
            b: ids[1],
            rho,
        });
    }

    if !correlations.is_empty() {
        let (ids, mtx) = crate::correlation::matrix(&correlations);
        if let Err(i) = crate::correlation::cholesky(&mtx) {
            let c = &m.correlations[0];
            return Err(b
                .err(c.file, c.value.span(), format!("the declared rank correlations cannot hold together (the matrix is not positive definite at input {})", b.inputs[ids[i]].key))
                .with_help("weaken the correlations: e.g. if a and b, and b and c, are strongly positive, a and c cannot be strongly negative"));
        }
    }

    Ok(Scenario {
        name,
        description: m.description.clone(),
        path,
        base_year,
        end_year,
        default_trials,
        default_seed,
        default_sampling,
        default_correlation,
        inputs: b.inputs,
        population_base,
        growth,
        discount_rate,
        price_index,
        prices,
        areas,
        cells,
        departments,
        displacement,
        proposal,
        outbound,
        events,
        goals,
        noise_relative_sd,
        correlations,
        raised_ceilings,
        citizens,
        completion,
        solutions,
        breakdown: false,
        calibration,
        monthly: false,
    })
}

fn fixed_or_nan(p: Param) -> f64 {
    match p {
        Param::Fixed(x) => x,
        Param::Input(_) => 0.0,
    }
}

fn fixed_share(mix: &[Param; N_CHANNELS], i: usize) -> f64 {
    let total: f64 = mix.iter().map(|p| fixed_or_nan(*p)).sum();
    if total > 0.0 {
        fixed_or_nan(mix[i]) / total
    } else {
        0.0
    }
}

/// Fixed shares must sum to 1 (MODEL.md section 13); shares with uncertain
/// entries are renormalised in each trial instead.
fn check_shares(
    b: &Builder,
    file: FileId,
    span: Range<usize>,
    shares: &[Param],
    names: &[String],
    what: &str,
) -> R<()> {
    if shares.iter().all(|p| p.is_fixed()) {
        let sum: f64 = shares.iter().map(|p| fixed_or_nan(*p)).sum();
        if (sum - 1.0).abs() > 1e-6 {
            let entries: Vec<String> = shares
                .iter()
                .zip(names)
                .filter(|(p, _)| **p != Param::Fixed(0.0))
                .map(|(p, n)| format!("{n} = {}", fixed_or_nan(*p)))
                .collect();
            return Err(b
                .err(file, span, format!("the shares of {what} sum to {sum}, not 1 ({})", entries.join(", ")))
                .with_help("make the shares add up to 1; shares given as distributions are renormalised per trial instead"));
        }
    } else if shares.iter().all(|p| *p == Param::Fixed(0.0)) {
        return Err(b.err(file, span, format!("{what} has no shares")));
    }
    Ok(())
}

pub(super) struct Ctx<'a> {
    pub(super) areas: &'a [Area],
    pub(super) departments: &'a [Department],
    pub(super) cells: &'a [Cell],
    pub(super) base_year: i32,
    pub(super) end_year: i32,
    pub(super) n_months: usize,
    pub(super) citizens: &'a [CitizenCapability],
    pub(super) has_completion: &'a [bool],
    pub(super) has_solutions: bool,
}

pub(super) fn cell_mask(
    b: &Builder,
    ctx: &Ctx,
    file: FileId,
    areas: &Option<Spanned<Vec<String>>>,
    types: &Option<Spanned<Vec<String>>>,
    owner: &str,
) -> R<Vec<bool>> {
    let mut area_ok = vec![true; ctx.areas.len()];
    let index: HashMap<&str, usize> = ctx
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.as_str(), i))
        .collect();
    if let Some(list) = areas {
        if !list.get_ref().iter().any(|a| a == "all") {
            area_ok = vec![false; ctx.areas.len()];
            for a in list.get_ref() {
                let i = index.get(a.as_str()).copied().ok_or_else(|| {
                    b.err(
                        file,
                        list.span(),
                        format!("{owner} names unknown area \"{a}\""),
                    )
                    .with_help(format!(
                        "areas are: {}",
                        ctx.areas
                            .iter()
                            .map(|a| a.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
                area_ok[i] = true;
            }
        }
    }
    let mut type_ok = [true; N_TYPES];
    if let Some(list) = types {
        type_ok = [false; N_TYPES];
        for t in list.get_ref() {
            let ct = ContactType::from_key(t).ok_or_else(|| {
                b.err(
                    file,
                    list.span(),
                    format!("{owner} names unknown contact type \"{t}\""),
                )
                .with_help("types are: transaction, information, case_information")
            })?;
            type_ok[ct.index()] = true;
        }
    }
    Ok(ctx
        .cells
        .iter()
        .map(|c| area_ok[c.area] && type_ok[c.contact_type.index()])
        .collect())
}

fn build_event(
    b: &mut Builder,
    ctx: &Ctx,
    e: &Located<Spanned<RawEvent>>,
    prices: &[Option<Param>; N_CHANNELS],
    has_outbound: bool,
) -> R<Event> {
    let f = e.file;
    let v = e.value.get_ref();
    let name = v.name.get_ref().clone();
    let key = format!("events.{name}");
    let owner = format!("event \"{name}\"");
    let kind = match v.kind.get_ref().as_str() {
        "policy" => EventKind::Policy,
        "external" => EventKind::External,
        other => {
            return Err(b.err(f, v.kind.span(), format!("{owner}: kind \"{other}\" is neither \"policy\" nor \"external\""))
                .with_help("policy = part of the proposal being judged; external = happens anyway (a law), also in the status quo"))
        }
    };
    let start = b.month(
        f,
        &v.start,
        ctx.base_year,
        ctx.end_year,
        &format!("{owner} start"),
    )?;
    let end = match &v.end {
        Some(s) => {
            let end = b.month(f, s, ctx.base_year, ctx.end_year, &format!("{owner} end"))?;
            if end < start {
                return Err(b.err(f, s.span(), format!("{owner} ends before it starts")));
            }
            end
        }
        None => ctx.n_months - 1,
    };
    let cells = cell_mask(b, ctx, f, &v.areas, &v.types, &owner)?;
    let cost_one_off_kr = b.opt_param(
        f,
        &v.cost_one_off_kr,
        &format!("{key}.cost_one_off_kr"),
        "kr.",
        Bounds::Signed(limits::COST_KR),
    )?;
    let cost_monthly_kr = b.opt_param(
        f,
        &v.cost_monthly_kr,
        &format!("{key}.cost_monthly_kr"),
        "kr. per month",
        Bounds::Signed(limits::COST_KR),
    )?;
    let mut cost_by_year_kr = Vec::new();
    if let Some(t) = &v.cost_by_year_kr {
        for (y, n) in t.get_ref() {
            let year: i32 = y.trim().parse().map_err(|_| {
                b.err(
                    f,
                    n.span(),
                    format!("{owner}: cost_by_year_kr key \"{y}\" is not a year"),
                )
                .with_help("write cost_by_year_kr = { 2011 = 1065000, 2012 = 1385000 }")
            })?;
            if year < ctx.base_year || year > ctx.end_year {
                return Err(b
                    .err(
                        f,
                        n.span(),
                        format!(
                            "{owner}: cost year {year} is outside the horizon {}-{}",
                            ctx.base_year, ctx.end_year
                        ),
                    )
                    .with_help(
                        "costs before the base year are sunk: leave them out, or move the horizon",
                    ));
            }
            cost_by_year_kr.push((
                year,
                b.param(
                    f,
                    n,
                    &format!("{key}.cost_by_year_kr.{year}"),
                    "kr.",
                    Bounds::Signed(limits::COST_KR),
                )?,
            ));
        }
    }
    let p_add = b.opt_param(
        f,
        &v.p_add,
        &format!("{key}.p_add"),
        "per year",
        Bounds::NonNegative(limits::BASS_P),
    )?;
    let q_add = b.opt_param(
        f,
        &v.q_add,
        &format!("{key}.q_add"),
        "per year",
        Bounds::NonNegative(limits::BASS_Q),
    )?;
    let ceiling_add = b.opt_param(
        f,
        &v.ceiling_add,
        &format!("{key}.ceiling_add"),
        "share",
        Bounds::Share,
    )?;
    let ramp = |b: &Builder, r: &Option<Spanned<i64>>| ramp_months_of(b, f, r);
    let ramp_months = ramp(b, &v.ramp_months)?;
    let floor = build_floor(
        b,
        f,
        (&v.floor, &v.exemption),
        ramp_months,
        &key,
        &format!("{owner} gives"),
    )?;
    let closure = match (&v.close_channel, &v.close_to) {
        (Some(c), to) => {
            let channel = b.channel(f, c.span(), c.get_ref())?;
            let to = match to {
                Some(to) => build_targets(b, f, to, channel, "close_to", &key, &owner, prices)?,
                None => Vec::new(),
            };
            Some(Closure { channel, to })
        }
        (None, Some(to)) => {
            return Err(b.err(
                f,
                to.span(),
                format!("{owner} has close_to but no close_channel"),
            ))
        }
        (None, None) => None,
    };
    let digital_post = match &v.digital_post_exemption {
        Some(n) => {
            if !has_outbound {
                return Err(b.err(f, n.span(), format!("{owner} moves letters to Digital Post, but the scenario has no [outbound_mail]"))
                    .with_help("add [outbound_mail] with letters_per_year, price_letter_kr and price_digital_post_kr"));
            }
            let p = b.param(
                f,
                n,
                &format!("{key}.digital_post_exemption"),
                "share",
                Bounds::Share,
            )?;
            Some((p, ramp(b, &v.digital_post_ramp_months)?))
        }
        None => None,
    };
    let shift = build_shift(b, f, v, &key, &owner, prices, ramp_months)?;
    let price = build_price_change(b, ctx, f, v, &key, &owner, &cells, prices)?;
    let volume_factor = b.opt_param(
        f,
        &v.volume_factor,
        &format!("{key}.volume_factor"),
        "factor",
        Bounds::NonNegative(limits::FACTOR),
    )?;
    let completion_add = b.opt_param(
        f,
        &v.completion_add,
        &format!("{key}.completion_add"),
        "share",
        Bounds::Share,
    )?;
    if let Some(n) = &v.completion_add {
        if !cells.iter().zip(ctx.has_completion).any(|(a, b)| *a && *b) {
            return Err(b
                .err(f, n.span(), format!("{owner} raises the completion rate, but none of its cells has one"))
                .with_help("give the areas' self-service cells a completion rate ([completion] rate = ...), or narrow the event's areas and types to cells that have one"));
        }
    }
    let citizens =
        super::build_citizens::build_effects(b, f, &v.citizens, &key, &owner, ctx.citizens)?;
    let has_cost =
        cost_one_off_kr.is_some() || cost_monthly_kr.is_some() || !cost_by_year_kr.is_empty();
    let has_effect = p_add.is_some()
        || q_add.is_some()
        || ceiling_add.is_some()
        || floor.is_some()
        || closure.is_some()
        || digital_post.is_some()
        || shift.is_some()
        || price.is_some()
        || volume_factor.is_some()
        || completion_add.is_some()
        || !citizens.is_empty();
    if !has_cost && !has_effect {
        return Err(b.err(f, e.value.span(), format!("{owner} has neither a cost nor an effect"))
            .with_help("give it p_add, q_add, ceiling_add, floor/exemption, close_channel, shift_channel, price_channel, volume_factor, completion_add, digital_post_exemption or [events.citizens.*], and its costs"));
    }
    Ok(Event {
        name,
        description: v.description.clone(),
        kind,
        start,
        end,
        cells,
        cost_one_off_kr,
        cost_monthly_kr,
        cost_by_year_kr,
        p_add,
        q_add,
        ceiling_add,
        floor,
        closure,
        digital_post,
        shift,
        price,
        volume_factor,
        completion_add,
        ramp_months,
        citizens,
    })
}

/// `ramp_months` of an event or effect: at least 1, default 1.
pub(super) fn ramp_months_of(b: &Builder, f: FileId, r: &Option<Spanned<i64>>) -> R<usize> {
    match r {
        Some(r) if *r.get_ref() < 1 => Err(b.err(f, r.span(), "ramp_months must be at least 1")),
        Some(r) => Ok(*r.get_ref() as usize),
        None => Ok(1),
    }
}

/// A law's floor on a share: `floor`, or `exemption` (floor = 1 -
/// exemption), ramped over `ramp_months`; both at once is an error that
/// starts with `who` ("event \"X\" gives").
pub(super) fn build_floor(
    b: &mut Builder,
    f: FileId,
    (floor, exemption): (&Option<Num>, &Option<Num>),
    ramp_months: usize,
    key: &str,
    who: &str,
) -> R<Option<Floor>> {
    let (n, from_exemption, name) = match (floor, exemption) {
        (Some(n), None) => (n, false, "floor"),
        (None, Some(n)) => (n, true, "exemption"),
        (Some(n), Some(_)) => {
            return Err(b
                .err(f, n.span(), format!("{who} both floor and exemption"))
                .with_help("floor = 1 - exemption: keep one"))
        }
        (None, None) => return Ok(None),
    };
    Ok(Some(Floor {
        value: b.param(f, n, &format!("{key}.{name}"), "share", Bounds::Share)?,
        from_exemption,
        ramp_months,
    }))
}

/// The shares of a channel's contacts that go to other channels (`close_to`,
/// `shift_to`): each a share, the channel itself and channels without a
/// price refused, fixed shares summing to at most 1.
#[allow(clippy::too_many_arguments)]
fn build_targets(
    b: &mut Builder,
    f: FileId,
    to: &Spanned<ChannelMap>,
    from: Channel,
    field: &str,
    key: &str,
    owner: &str,
    prices: &[Option<Param>; N_CHANNELS],
) -> R<Vec<(Channel, Param)>> {
    let mut list = Vec::new();
    let mut sum = 0.0;
    for (k, n) in to.get_ref() {
        let ch = b.channel(f, n.span(), k)?;
        if ch == from {
            return Err(b
                .err(
                    f,
                    n.span(),
                    format!("{owner} moves {k} contacts to {k} itself"),
                )
                .with_help(format!(
                    "list only the channels the contacts move to in {field}"
                )));
        }
        if prices[ch.index()].is_none() {
            return Err(b
                .err(
                    f,
                    n.span(),
                    format!("{owner} moves contacts to {k}, which has no price"),
                )
                .with_help(format!("add {k} to [prices]")));
        }
        let p = b.param(f, n, &format!("{key}.{field}.{k}"), "share", Bounds::Share)?;
        sum += fixed_or_nan(p);
        list.push((ch, p));
    }
    if sum > 1.0 + 1e-9 {
        return Err(b
            .err(
                f,
                to.span(),
                format!(
                    "{owner}: {field} shares sum to {}, more than 1",
                    (sum * 1e9).round() / 1e9
                ),
            )
            .with_help("the shares say where the moved contacts go; the rest are avoided"));
    }
    Ok(list)
}

/// `shift_channel`, `shift_share`, `shift_to`: a partial channel shift.
fn build_shift(
    b: &mut Builder,
    f: FileId,
    v: &RawEvent,
    key: &str,
    owner: &str,
    prices: &[Option<Param>; N_CHANNELS],
    ramp_months: usize,
) -> R<Option<Shift>> {
    let Some(c) = &v.shift_channel else {
        if let Some(n) = &v.shift_share {
            return Err(b
                .err(
                    f,
                    n.span(),
                    format!("{owner} has shift_share but no shift_channel"),
                )
                .with_help("name the channel whose contacts move: shift_channel = \"email\""));
        }
        if let Some(to) = &v.shift_to {
            return Err(b
                .err(
                    f,
                    to.span(),
                    format!("{owner} has shift_to but no shift_channel"),
                )
                .with_help("name the channel whose contacts move: shift_channel = \"email\""));
        }
        return Ok(None);
    };
    let channel = b.channel(f, c.span(), c.get_ref())?;
    let Some(n) = &v.shift_share else {
        return Err(b
            .err(f, c.span(), format!("{owner} shifts {} but gives no shift_share", c.get_ref()))
            .with_help("add shift_share = 0.3 (the share of the channel's contacts that move, after the ramp)"));
    };
    let share = b.param(f, n, &format!("{key}.shift_share"), "share", Bounds::Share)?;
    let to = match &v.shift_to {
        Some(to) => build_targets(b, f, to, channel, "shift_to", key, owner, prices)?,
        None => Vec::new(),
    };
    Ok(Some(Shift {
        channel,
        share,
        to,
        ramp_months,
    }))
}

/// `price_channel` with `price_kr` or `price_factor`: a unit price change.
#[allow(clippy::too_many_arguments)]
fn build_price_change(
    b: &mut Builder,
    ctx: &Ctx,
    f: FileId,
    v: &RawEvent,
    key: &str,
    owner: &str,
    cells: &[bool],
    prices: &[Option<Param>; N_CHANNELS],
) -> R<Option<PriceChange>> {
    let Some(c) = &v.price_channel else {
        if let Some(n) = v.price_kr.as_ref().or(v.price_factor.as_ref()) {
            return Err(b
                .err(
                    f,
                    n.span(),
                    format!("{owner} changes a price but gives no price_channel"),
                )
                .with_help("name the channel: price_channel = \"self_service\""));
        }
        return Ok(None);
    };
    let channel = b.channel(f, c.span(), c.get_ref())?;
    if prices[channel.index()].is_none() {
        return Err(b
            .err(
                f,
                c.span(),
                format!(
                    "{owner} changes the price of {}, which has no price",
                    c.get_ref()
                ),
            )
            .with_help(format!("add {} to [prices]", c.get_ref())));
    }
    // Staffed channels are paid by the hour (Erlang C), not per contact.
    let staffed = ctx
        .cells
        .iter()
        .zip(cells)
        .filter(|(_, &on)| on)
        .find_map(|(cell, _)| {
            let d = ctx.areas[cell.area].department?;
            let dep = &ctx.departments[d];
            let ch = match channel {
                Channel::Personal => 0,
                Channel::Phone => 1,
                _ => return None,
            };
            dep.staffing[ch].as_ref().map(|_| dep.name.clone())
        });
    if let Some(dep) = staffed {
        return Err(b
            .err(f, c.span(), format!("{owner} changes the unit price of {}, but department \"{dep}\" staffs that channel (paid by the hour, not per contact)", c.get_ref()))
            .with_help("limit the event's areas to departments that pay per contact, or change the staffing's hourly_wage_kr in an option file"));
    }
    let rule = match (&v.price_kr, &v.price_factor) {
        (Some(n), None) => PriceRule::To(b.param(
            f,
            n,
            &format!("{key}.price_kr"),
            "kr.",
            Bounds::NonNegative(limits::PRICE_KR),
        )?),
        (None, Some(n)) => PriceRule::Factor(b.param(
            f,
            n,
            &format!("{key}.price_factor"),
            "factor",
            Bounds::NonNegative(limits::FACTOR),
        )?),
        (Some(n), Some(_)) => {
            return Err(b
                .err(
                    f,
                    n.span(),
                    format!("{owner} gives both price_kr and price_factor"),
                )
                .with_help(
                    "keep one: price_kr sets the new unit price, price_factor multiplies it",
                ))
        }
        (None, None) => {
            return Err(b
                .err(
                    f,
                    c.span(),
                    format!("{owner} names price_channel but neither price_kr nor price_factor"),
                )
                .with_help("add price_kr = 5 (the new unit price) or price_factor = 0.5"))
        }
    };
    Ok(Some(PriceChange { channel, rule }))
}

fn build_goal(
    b: &Builder,
    ctx: &Ctx,
    g: &Located<Spanned<RawGoal>>,
    has_outbound: bool,
) -> R<Goal> {
    let f = g.file;
    let v = g.value.get_ref();
    let name = v.name.get_ref().clone();
    let owner = format!("goal \"{name}\"");
    let metric = match v.metric.get_ref().as_str() {
        "share" => GoalMetric::Share,
        "volume" => GoalMetric::Volume,
        "paper_letters" => GoalMetric::PaperLetters,
        "cost" => GoalMetric::Cost,
        "savings" => GoalMetric::Savings,
        "cumulative_net_savings" => GoalMetric::CumulativeNetSavings,
        "npv" => GoalMetric::Npv,
        "completion_rate" => GoalMetric::CompletionRate,
        "solutions" => GoalMetric::Solutions,
        "citizens" => {
            let Some(c) = &v.capability else {
                return Err(b
                    .err(f, v.metric.span(), format!("{owner}: metric citizens needs capability = \"nemid\", \"digital_post\" or \"self_service\""))
                    .with_help("e.g. metric = \"citizens\", capability = \"digital_post\", op = \">=\", target = 0.5, year = 2011"));
            };
            let cap = Capability::from_key(c.get_ref()).ok_or_else(|| {
                b.err(f, c.span(), format!("{owner}: unknown capability \"{}\"", c.get_ref()))
                    .with_help("capabilities are: nemid, digital_post, self_service")
            })?;
            if !ctx.citizens.iter().any(|x| x.capability == cap) {
                return Err(b
                    .err(f, c.span(), format!("{owner} measures citizens' {}, but the scenario has no [citizens.{}]", cap.key(), cap.key()))
                    .with_help(format!("add [citizens.{}] with today, p, q and ceiling (docs/scenario-format.md, \"Citizens\")", cap.key())));
            }
            GoalMetric::Citizens(cap)
        }
        other => {
            return Err(b.err(f, v.metric.span(), format!("{owner}: unknown metric \"{other}\""))
                .with_help("metrics are: share, volume, paper_letters, cost, savings, cumulative_net_savings, npv, citizens, completion_rate, solutions"))
        }
    };
    if let (Some(c), false) = (&v.capability, matches!(metric, GoalMetric::Citizens(_))) {
        return Err(b
            .err(
                f,
                c.span(),
                format!("{owner}: capability only applies to metric = \"citizens\""),
            )
            .with_help("remove capability, or set metric = \"citizens\""));
    }
    if metric == GoalMetric::Solutions && !ctx.has_solutions {
        return Err(b
            .err(f, v.metric.span(), format!("{owner} counts self-service solutions, but the scenario has no [[solutions]]"))
            .with_help("list the solutions with [[solutions]] name, areas, types and launch (docs/scenario-format.md, \"Solutions\")"));
    }
    let op = match v.op.get_ref().as_str() {
        ">=" => GoalOp::AtLeast,
        "<=" => GoalOp::AtMost,
        other => {
            return Err(b.err(
                f,
                v.op.span(),
                format!("{owner}: op \"{other}\" must be \">=\" or \"<=\""),
            ))
        }
    };
    let mut channels = [false; N_CHANNELS];
    match (&v.channels, metric) {
        (Some(list), GoalMetric::Share | GoalMetric::Volume) => {
            for c in list.get_ref() {
                channels[b.channel(f, list.span(), c)?.index()] = true;
            }
        }
        (None, GoalMetric::Share | GoalMetric::Volume) => {
            return Err(b
                .err(
                    f,
                    g.value.span(),
                    format!("{owner}: metric {} needs channels = [...]", metric.key()),
                )
                .with_help(
                    "e.g. channels = [\"self_service\"] or [\"personal\", \"email\", \"letter\"]",
                ))
        }
        (Some(list), _) => {
            return Err(b.err(
                f,
                list.span(),
                format!("{owner}: channels only apply to the share and volume metrics"),
            ))
        }
        (None, _) => {}
    }
    if metric == GoalMetric::PaperLetters && !has_outbound {
        return Err(b.err(
            f,
            v.metric.span(),
            format!("{owner} counts paper letters, but the scenario has no [outbound_mail]"),
        ));
    }
    if !metric.has_cells() && (v.areas.is_some() || v.types.is_some()) {
        return Err(b.err(
            f,
            g.value.span(),
            format!("{owner}: areas and types only apply to the share, volume and completion_rate metrics"),
        ));
    }
    let cells = cell_mask(b, ctx, f, &v.areas, &v.types, &owner)?;
    if metric == GoalMetric::CompletionRate
        && !cells.iter().zip(ctx.has_completion).any(|(a, b)| *a && *b)
    {
        return Err(b
            .err(f, g.value.span(), format!("{owner} measures the completion rate, but none of its cells has one"))
            .with_help("give the self-service cells a completion rate ([completion] rate = ...) or choose areas and types that have one"));
    }
    if !cells.iter().any(|x| *x) {
        return Err(b.err(
            f,
            g.value.span(),
            format!("{owner} selects no (area, type) cell"),
        ));
    }
    let n_years = (ctx.end_year - ctx.base_year + 1) as usize;
    let mut targets = vec![None; n_years];
    let in_horizon = |y: i64, span: Range<usize>| -> R<usize> {
        if y < ctx.base_year as i64 || y > ctx.end_year as i64 {
            Err(b.err(
                f,
                span,
                format!(
                    "{owner}: year {y} is outside the horizon {}-{}",
                    ctx.base_year, ctx.end_year
                ),
            ))
        } else {
            Ok((y - ctx.base_year as i64) as usize)
        }
    };
    let check_target = |t: f64, span: Range<usize>| -> R<f64> {
        if !t.is_finite() || (metric.is_share() && !(0.0..=1.0).contains(&t)) {
            return Err(b
                .err(
                    f,
                    span,
                    format!(
                        "{owner}: target {t} is not valid for metric {}",
                        metric.key()
                    ),
                )
                .with_help("share targets are fractions between 0 and 1 (0.8 for 80 %)"));
        }
        Ok(t)
    };
    match (&v.target, &v.year, &v.from_year, &v.targets) {
        (Some(t), Some(y), None, None) => {
            let i = in_horizon(*y.get_ref(), y.span())?;
            targets[i] = Some(check_target(*t.get_ref(), t.span())?);
        }
        (Some(t), None, Some(y), None) => {
            let i = in_horizon(*y.get_ref(), y.span())?;
            let tv = check_target(*t.get_ref(), t.span())?;
            for slot in targets.iter_mut().skip(i) {
                *slot = Some(tv);
            }
        }
        (None, None, None, Some(ts)) => {
            for (y, t) in ts.get_ref() {
                let year: i64 = y.trim().parse().map_err(|_| {
                    b.err(
                        f,
                        ts.span(),
                        format!("{owner}: targets key \"{y}\" is not a year"),
                    )
                })?;
                let i = in_horizon(year, ts.span())?;
                targets[i] = Some(check_target(*t, ts.span())?);
            }
        }
        _ => {
            return Err(b
                .err(
                    f,
                    g.value.span(),
                    format!(
                    "{owner} needs exactly one of: target + year, target + from_year, or targets"
                ),
                )
                .with_help(
                    "e.g. target = 0.8, year = 2015; or targets = { 2012 = 0.2, 2013 = 0.3 }",
                ))
        }
    }
    let year_end = match &v.at {
        None => false,
        Some(a) => match (a.get_ref().as_str(), metric) {
            ("year", _) => false,
            ("year_end", GoalMetric::Solutions) => {
                return Err(b
                    .err(f, a.span(), format!("{owner}: solutions are always counted at the end of the year"))
                    .with_help("remove `at`"))
            }
            (
                "year_end",
                GoalMetric::Share
                | GoalMetric::Volume
                | GoalMetric::Citizens(_)
                | GoalMetric::CompletionRate,
            ) => true,
            ("year_end", _) => {
                return Err(b
                    .err(f, a.span(), format!("{owner}: at = \"year_end\" applies only to the share, volume, citizens and completion_rate metrics"))
                    .with_help("money and letters are yearly totals: remove `at`"))
            }
            (other, _) => {
                return Err(b
                    .err(f, a.span(), format!("{owner}: at = \"{other}\" is neither \"year\" nor \"year_end\""))
                    .with_help("\"year\" = over the whole year (default); \"year_end\" = in December (\"by the end of 2011\")"))
            }
        },
    };
    Ok(Goal {
        name,
        metric,
        op,
        cells,
        channels,
        targets,
        year_end,
    })
}

/// Where a channel's displaced contacts go; channels not given keep `base`.
fn build_displacement(
    b: &mut Builder,
    f: FileId,
    dv: &RawDisplacement,
    prefix: &str,
    prices: &[Option<Param>; N_CHANNELS],
    base: [Fractions; 2],
) -> R<[Fractions; 2]> {
    let zero = Param::Fixed(0.0);
    let mut out = base;
    for (i, (fr, ch)) in [(&dv.counter, "counter"), (&dv.phone, "phone")]
        .into_iter()
        .enumerate()
    {
        let Some(fr) = fr else { continue };
        let x = fr.get_ref();
        let key = format!("{prefix}.{ch}");
        if i == PHONE {
            if let Some(tp) = &x.to_phone {
                return Err(b
                    .err(f, tp.span(), "to_phone is only allowed for the counter")
                    .with_help("displaced phone calls can be retimed, go digital or be avoided"));
            }
        }
        let retime = b
            .opt_param(
                f,
                &x.retime,
                &format!("{key}.retime"),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        let to_digital = b
            .opt_param(
                f,
                &x.to_digital,
                &format!("{key}.to_digital"),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        let to_phone = b
            .opt_param(
                f,
                &x.to_phone,
                &format!("{key}.to_phone"),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        if to_phone != zero && prices[Channel::Phone.index()].is_none() {
            return Err(b
                .err(
                    f,
                    fr.span(),
                    format!("{key}.to_phone sends contacts to the phone, which has no price"),
                )
                .with_help("add phone = <kr. per contact> to [prices]"));
        }
        let sum: f64 = [retime, to_digital, to_phone]
            .iter()
            .map(|p| fixed_or_nan(*p))
            .sum();
        if sum > 1.0 + 1e-9 {
            return Err(b
                .err(f, fr.span(), format!("{key}: retime + to_digital + to_phone = {sum}, more than 1"))
                .with_help("the fractions of displaced contacts must sum to at most 1; the rest are avoided"));
        }
        out[i] = Fractions {
            retime,
            to_digital,
            to_phone,
        };
    }
    Ok(out)
}
