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
use crate::domain::{Channel, ContactType, OpeningChannel, YearMonth, N_CHANNELS, N_TYPES};
use crate::hours::schedule::{DemandProfile, WeeklySchedule};
use crate::input_key::*;
mod areas;
mod cells;
mod departments;
mod displacement;
mod economics;
mod events;
mod goals;
mod horizon;
mod outbound;
mod simulation;

use horizon::Horizon;

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
        key: &InputKey,
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
                key: key.clone(),
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
        key: &InputKey,
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
            let nearest = Channel::ALL
                .iter()
                .map(|c| (strsim::jaro_winkler(key, c.key()), c.key()))
                .filter(|(score, _)| *score >= 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let help = match nearest {
                Some((_, k)) => {
                    format!("did you mean `{k}`? Channels are: {}", Channel::all_keys())
                }
                None => format!("channels are: {}", Channel::all_keys()),
            };
            self.err(file, span, format!("unknown channel \"{key}\""))
                .with_help(help)
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
        let span = fragment_span(b, s, &e);
        b.err(file, span, format!("{context}: {} (in \"{}\")", e.message, e.fragment))
            .with_help("write schedules like \"Mon-Wed 9-15; Thu 9-14 & 16-18.30; Fri closed\" (docs/scenario-format.md)")
    })
}

/// Where in the file a schedule error is: the offending piece of the text
/// when the schedule is one plain string written as typed (no escapes, on
/// one line), else the whole value.
fn fragment_span(
    b: &Builder,
    s: &Spanned<RawSchedule>,
    e: &crate::hours::schedule::ScheduleError,
) -> Range<usize> {
    let whole = s.span();
    let (RawSchedule::Text(t), Some(off)) = (s.get_ref(), e.offset) else {
        return whole;
    };
    let written = b.sources.text_at(whole.clone()).unwrap_or("");
    let quoted = written.len() == t.len() + 2
        && (written.starts_with('"') || written.starts_with('\''))
        && written.get(1..written.len() - 1) == Some(t.as_str());
    if !quoted {
        return whole;
    }
    let start = whole.start + 1 + off;
    start..start + e.fragment.len()
}

fn type_keyed<T: Clone>(t: ContactType, a: &Option<T>, b: &Option<T>, c: &Option<T>) -> Option<T> {
    match t {
        ContactType::Transaction => a.clone(),
        ContactType::Information => b.clone(),
        ContactType::CaseInformation => c.clone(),
    }
}

/// Validates a merged scenario, stage by stage; the stages check in the
/// order written here, which is the order of the error a user sees first.
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

    let hz = horizon::build_horizon(&b, &m)?;
    let sim = horizon::build_simulation_defaults(&b, &m)?;
    let econ = economics::build_economics(&mut b, &m)?;
    let prices = economics::build_prices(&mut b, &m)?;
    let mut departments = departments::build_departments(&mut b, &m)?;
    let mut ar = areas::build_areas(&mut b, &m, &departments, econ.population_base, &prices)?;
    let displacement =
        displacement::build_displacements(&mut b, &m, &prices, &mut departments, &mut ar.areas)?;

    // Proposal, with the [[proposals]] it combines.
    let proposal =
        super::build_proposal::build_proposal(&b, &m, &departments, hz.base_year, hz.end_year)?;
    let outbound = outbound::build_outbound(&mut b, &m)?;
    let plans = build_plans(
        &mut b,
        &m,
        &ar,
        &departments,
        &hz,
        &prices,
        outbound.is_some(),
    )?;
    let calibration = simulation::build_calibration(&b, &m, hz.base_year, hz.end_year)?;
    let noise_relative_sd = simulation::build_noise(&b, &m)?;
    let correlations = simulation::build_correlations(&b, &m)?;

    Ok(Scenario {
        name,
        description: m.description.clone(),
        path,
        base_year: hz.base_year,
        end_year: hz.end_year,
        default_trials: sim.trials,
        default_seed: sim.seed,
        default_sampling: sim.sampling,
        default_correlation: sim.correlation,
        inputs: b.inputs,
        population_base: econ.population_base,
        growth: econ.growth,
        discount_rate: econ.discount_rate,
        price_index: econ.price_index,
        prices,
        areas: ar.areas,
        cells: ar.cells,
        departments,
        displacement,
        proposal,
        outbound,
        events: plans.events,
        goals: plans.goals,
        noise_relative_sd,
        correlations,
        raised_ceilings: ar.raised_ceilings,
        citizens: plans.citizens,
        completion: plans.completion,
        solutions: plans.solutions,
        breakdown: false,
        calibration,
        monthly: false,
    })
}

/// What builds on the areas and departments: citizens' capabilities,
/// completion, solutions, events and goals.
struct Plans {
    citizens: Vec<CitizenCapability>,
    completion: Option<Completion>,
    solutions: Vec<Solution>,
    events: Vec<Event>,
    goals: Vec<Goal>,
}

fn build_plans(
    b: &mut Builder,
    m: &Merged,
    ar: &areas::Areas,
    departments: &[Department],
    hz: &Horizon,
    prices: &[Option<Param>; N_CHANNELS],
    has_outbound: bool,
) -> R<Plans> {
    let has_outbound_share = m
        .outbound_mail
        .as_ref()
        .is_some_and(|o| o.value.get_ref().digital_share.is_some());
    let citizens = super::build_citizens::build_citizens(b, m, has_outbound_share)?;
    let mut ctx = Ctx {
        areas: &ar.areas,
        departments,
        cells: &ar.cells,
        base_year: hz.base_year,
        end_year: hz.end_year,
        n_months: hz.n_months,
        citizens: &citizens,
        has_completion: &[],
        has_solutions: !m.solutions.is_empty(),
    };
    let completion = super::build_citizens::build_completion(b, m, &ctx)?;
    let has_completion: Vec<bool> = match &completion {
        Some(c) => c.rate.iter().map(Option::is_some).collect(),
        None => vec![false; ar.cells.len()],
    };
    ctx.has_completion = &has_completion;
    let solutions = super::build_citizens::build_solutions(b, m, &ctx)?;
    // Events and goals are independent of each other: every one's errors
    // are reported together.
    let mut errors = Vec::new();
    let mut events = Vec::new();
    for e in &m.events {
        match events::build_event(b, &ctx, e, prices, has_outbound) {
            Ok(event) => events.push(event),
            Err(err) => errors.push(err),
        }
    }
    let mut goals = Vec::new();
    for g in &m.goals {
        match goals::build_goal(b, &ctx, g, has_outbound) {
            Ok(goal) => goals.push(goal),
            Err(err) => errors.push(err),
        }
    }
    if let Some(e) = InputError::all(errors) {
        return Err(e);
    }
    Ok(Plans {
        citizens,
        completion,
        solutions,
        events,
        goals,
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
    key: &dyn Fn(FloorField) -> InputKey,
    who: &str,
) -> R<Option<Floor>> {
    let (n, from_exemption, name) = match (floor, exemption) {
        (Some(n), None) => (n, false, FloorField::Floor),
        (None, Some(n)) => (n, true, FloorField::Exemption),
        (Some(n), Some(_)) => {
            return Err(b
                .err(f, n.span(), format!("{who} both floor and exemption"))
                .with_help("floor = 1 - exemption: keep one"))
        }
        (None, None) => return Ok(None),
    };
    Ok(Some(Floor {
        value: b.param(f, n, &key(name), "share", Bounds::Share)?,
        from_exemption,
        ramp_months,
    }))
}
