//! Checks `[citizens]`, `[events.citizens]`, `[completion]` and
//! `[[solutions]]` and builds their model form (src/scenario/citizens.rs).

use toml::Spanned;

use super::build::{
    build_floor, cell_mask, fmt_limit, limits, ramp_months_of, Bounds, Builder, Ctx, R,
};
use super::citizens::*;
use super::load::{FileId, Merged};
use super::raw::*;
use super::Param;
use crate::domain::{Channel, ContactType, N_TYPES};
use crate::input_key::{BassAdd, BassParam, CitizenEffect, CitizenParam, EventParam, InputKey};

/// `[citizens]`: the capabilities the scenario tracks, in [`Capability::ALL`] order.
pub(super) fn build_citizens(
    b: &mut Builder,
    m: &Merged,
    has_outbound_share: bool,
) -> R<Vec<CitizenCapability>> {
    let Some(c) = &m.citizens else {
        return Ok(Vec::new());
    };
    let f = c.file;
    let raw = c.value.get_ref();
    let mut out = Vec::new();
    for cap in Capability::ALL {
        let entry = match cap {
            Capability::NemId => &raw.nemid,
            Capability::DigitalPost => &raw.digital_post,
            Capability::SelfService => &raw.self_service,
        };
        let Some(e) = entry else { continue };
        let v = e.get_ref();
        let key = |param| InputKey::Citizens {
            capability: cap,
            param,
        };
        let today = b.param(
            f,
            &v.today,
            &key(CitizenParam::Today),
            "share",
            Bounds::Share,
        )?;
        let p = b.param(
            f,
            &v.p,
            &key(CitizenParam::Bass(BassParam::P)),
            "per year",
            Bounds::Positive(limits::BASS_P),
        )?;
        if let Param::Fixed(x) = p {
            if x < limits::BASS_P_MIN {
                return Err(b
                    .err(
                        f,
                        v.p.span(),
                        format!(
                            "{} = {} is below the smallest Bass innovation of {} per year",
                            key(CitizenParam::Bass(BassParam::P)),
                            fmt_limit(x),
                            fmt_limit(limits::BASS_P_MIN)
                        ),
                    )
                    .with_help("p is the yearly rate at which citizens take it up on their own (typically 0.01-0.1)"));
            }
        }
        let q = b.param(
            f,
            &v.q,
            &key(CitizenParam::Bass(BassParam::Q)),
            "per year",
            Bounds::NonNegative(limits::BASS_Q),
        )?;
        let ceiling = b.param(
            f,
            &v.ceiling,
            &key(CitizenParam::Bass(BassParam::Ceiling)),
            "share",
            Bounds::Share,
        )?;
        // The table's name, for messages.
        let table = cap.metric_key();
        let drives_outbound = v.drives_outbound.as_ref().is_some_and(|d| *d.get_ref());
        if let Some(d) = &v.drives_outbound {
            if *d.get_ref() && cap != Capability::DigitalPost {
                return Err(b
                    .err(
                        f,
                        d.span(),
                        format!("{table}: only digital_post can drive outbound letters"),
                    )
                    .with_help("move drives_outbound = true to [citizens.digital_post]"));
            }
            if *d.get_ref() && m.outbound_mail.is_none() {
                return Err(b
                    .err(f, d.span(), format!("{table}.drives_outbound: the scenario has no [outbound_mail]"))
                    .with_help("add [outbound_mail] (letters_per_year, price_letter_kr, price_digital_post_kr) or remove drives_outbound"));
            }
            if *d.get_ref() && has_outbound_share {
                return Err(b
                    .err(f, d.span(), format!("{table}.drives_outbound: [outbound_mail] also gives a fixed digital_share"))
                    .with_help("with drives_outbound = true the digital share of outbound letters follows registration: remove digital_share from [outbound_mail]"));
            }
        }
        let mut limits_self_service = [false; N_TYPES];
        if let Some(list) = &v.limits_self_service {
            for t in list.get_ref() {
                let ct = ContactType::from_key(t).ok_or_else(|| {
                    b.err(
                        f,
                        list.span(),
                        format!("{table}.limits_self_service names unknown contact type \"{t}\""),
                    )
                    .with_help("types are: transaction, information, case_information")
                })?;
                limits_self_service[ct.index()] = true;
            }
        }
        out.push(CitizenCapability {
            capability: cap,
            today,
            p,
            q,
            ceiling,
            drives_outbound,
            limits_self_service,
        });
    }
    Ok(out)
}

/// `[events.citizens]` of one event.
pub(super) fn build_effects(
    b: &mut Builder,
    f: FileId,
    raw: &Option<Spanned<RawCitizenEffects>>,
    event: &str,
    owner: &str,
    citizens: &[CitizenCapability],
) -> R<Vec<CapabilityEffect>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let r = raw.get_ref();
    let mut out = Vec::new();
    for cap in Capability::ALL {
        let entry = match cap {
            Capability::NemId => &r.nemid,
            Capability::DigitalPost => &r.digital_post,
            Capability::SelfService => &r.self_service,
        };
        let Some(e) = entry else { continue };
        if !citizens.iter().any(|c| c.capability == cap) {
            return Err(b
                .err(
                    f,
                    e.span(),
                    format!(
                        "{owner} acts on citizens' {}, but [citizens.{}] is not in the scenario",
                        cap.key(),
                        cap.key()
                    ),
                )
                .with_help(format!(
                    "add [citizens.{}] with today, p, q and ceiling",
                    cap.key()
                )));
        }
        let v = e.get_ref();
        let k = |effect| {
            InputKey::event(
                event,
                EventParam::Citizens {
                    capability: cap,
                    effect,
                },
            )
        };
        let p_add = b.opt_param(
            f,
            &v.p_add,
            &k(CitizenEffect::Add(BassAdd::PAdd)),
            "per year",
            Bounds::NonNegative(limits::BASS_P),
        )?;
        let q_add = b.opt_param(
            f,
            &v.q_add,
            &k(CitizenEffect::Add(BassAdd::QAdd)),
            "per year",
            Bounds::NonNegative(limits::BASS_Q),
        )?;
        let ceiling_add = b.opt_param(
            f,
            &v.ceiling_add,
            &k(CitizenEffect::Add(BassAdd::CeilingAdd)),
            "share",
            Bounds::Share,
        )?;
        let ramp_months = ramp_months_of(b, f, &v.ramp_months)?;
        let floor = build_floor(
            b,
            f,
            (&v.floor, &v.exemption),
            ramp_months,
            &|field| k(CitizenEffect::Floor(field)),
            &format!("{owner}: citizens.{} gives", cap.key()),
        )?;
        if p_add.is_none() && q_add.is_none() && ceiling_add.is_none() && floor.is_none() {
            return Err(b
                .err(f, e.span(), format!("{owner}: citizens.{} has no effect", cap.key()))
                .with_help("give it p_add, q_add, ceiling_add, floor or exemption (a law: exemption = the share exempted)"));
        }
        out.push(CapabilityEffect {
            capability: cap,
            p_add,
            q_add,
            ceiling_add,
            floor,
        });
    }
    Ok(out)
}

/// The completion rate of a contact type in a set of rates: the type's own
/// (with its type), else the common `rate` (no type).
fn rate_of(t: ContactType, v: &RawCompletionRates) -> Option<(&Num, Option<ContactType>)> {
    let by_type = [&v.transaction, &v.information, &v.case_information];
    match by_type[t.index()] {
        Some(n) => Some((n, Some(t))),
        None => v.rate.as_ref().map(|n| (n, None)),
    }
}

/// The rates of `[completion]` (which also holds comes_back and the price).
fn top_rates(v: &RawCompletion) -> RawCompletionRates {
    RawCompletionRates {
        rate: v.rate.clone(),
        transaction: v.transaction.clone(),
        information: v.information.clone(),
        case_information: v.case_information.clone(),
    }
}

/// `[completion]` and the areas' `completion`: a rate per self-service cell.
pub(super) fn build_completion(b: &mut Builder, m: &Merged, ctx: &Ctx) -> R<Option<Completion>> {
    let top = m
        .completion
        .as_ref()
        .map(|r| (r.file, r.value.span(), top_rates(r.value.get_ref())));
    let areas: Vec<Option<(FileId, std::ops::Range<usize>, &RawCompletionRates)>> = m
        .areas
        .iter()
        .map(|a| {
            a.value
                .get_ref()
                .completion
                .as_ref()
                .map(|r| (a.file, r.span(), r.get_ref()))
        })
        .collect();
    if top.is_none() && areas.iter().all(Option::is_none) {
        return Ok(None);
    }
    // Every written rate must act on some self-service cell.
    /// A written set of rates: where, the rates, its key, its area.
    type Set<'a> = (
        FileId,
        std::ops::Range<usize>,
        &'a RawCompletionRates,
        String,
        Option<usize>,
    );
    let mut sets: Vec<Set> = Vec::new();
    if let Some((f, span, v)) = &top {
        sets.push((*f, span.clone(), v, "completion".into(), None));
    }
    for (i, a) in areas.iter().enumerate() {
        if let Some((f, span, v)) = a {
            let k = format!("areas.{}.completion", ctx.areas[i].name);
            sets.push((*f, span.clone(), v, k, Some(i)));
        }
    }
    for (f, span, v, k, area) in &sets {
        let written = [&v.rate, &v.transaction, &v.information, &v.case_information];
        if area.is_some() && written.iter().all(|n| n.is_none()) {
            return Err(b
                .err(*f, span.clone(), format!("{k} gives no rate"))
                .with_help("e.g. completion = { rate = 0.6 } or { transaction = 0.5 }"));
        }
        let self_service = |t: Option<ContactType>| {
            ctx.cells.iter().any(|c| {
                c.digital == Channel::SelfService
                    && area.is_none_or(|a| c.area == a)
                    && t.is_none_or(|t| c.contact_type == t)
            })
        };
        let typed = ContactType::ALL.map(Some);
        for (t, n) in [None].into_iter().chain(typed).zip(written) {
            if let Some(n) = n {
                if !self_service(t) {
                    let what = t
                        .map(|t| format!("no {} cell", t.key()))
                        .unwrap_or("no cell".into());
                    return Err(b
                        .err(*f, n.span(), format!("{k}: {what} there has self-service as its digital channel"))
                        .with_help("completion applies to started self-service forms; remove this rate or set digital_channel to self_service"));
                }
            }
        }
    }
    let mut rate = vec![None; ctx.cells.len()];
    for (c, cell) in ctx.cells.iter().enumerate() {
        if cell.digital != Channel::SelfService {
            continue;
        }
        let t = cell.contact_type;
        let own = areas[cell.area].as_ref().and_then(|(f, _, v)| {
            rate_of(t, v).map(|(n, which)| {
                let f = *f;
                let k = InputKey::CompletionRate {
                    area: Some(ctx.areas[cell.area].name.clone()),
                    contact_type: which,
                };
                (f, n, k)
            })
        });
        let common = top.as_ref().and_then(|(f, _, v)| {
            rate_of(t, v).map(|(n, which)| {
                let k = InputKey::CompletionRate {
                    area: None,
                    contact_type: which,
                };
                (*f, n, k)
            })
        });
        if let Some((f, n, k)) = own.or(common) {
            let p = b.param(f, n, &k, "share", Bounds::Share)?;
            if let Param::Fixed(x) = p {
                if x <= 0.0 {
                    return Err(b
                        .err(f, n.span(), format!("{k} = 0: no started self-service would ever be completed"))
                        .with_help("a completion rate is the share of started forms that are completed, above 0 and at most 1 (0.18 for 18 %)"));
                }
            }
            rate[c] = Some(p);
        }
    }
    let (comes_back, abandoned_price_kr) = match &m.completion {
        Some(r) => {
            let v = r.value.get_ref();
            let comes_back = match &v.comes_back {
                Some(n) => b.param(
                    r.file,
                    n,
                    &InputKey::CompletionComesBack,
                    "share",
                    Bounds::Share,
                )?,
                None => Param::Fixed(1.0),
            };
            let price = b.opt_param(
                r.file,
                &v.abandoned_price_kr,
                &InputKey::CompletionAbandonedPrice,
                "kr. per attempt",
                Bounds::NonNegative(limits::PRICE_KR),
            )?;
            (comes_back, price)
        }
        None => (Param::Fixed(1.0), None),
    };
    Ok(Some(Completion {
        rate,
        comes_back,
        abandoned_price_kr,
    }))
}

/// `[[solutions]]`.
pub(super) fn build_solutions(b: &mut Builder, m: &Merged, ctx: &Ctx) -> R<Vec<Solution>> {
    let mut out = Vec::new();
    for s in &m.solutions {
        let f = s.file;
        let v = s.value.get_ref();
        let name = v.name.get_ref().clone();
        let owner = format!("solution \"{name}\"");
        let cells = cell_mask(b, ctx, f, &v.areas, &v.types, &owner)?;
        if !cells.iter().any(|x| *x) {
            return Err(b.err(
                f,
                s.value.span(),
                format!("{owner} selects no (area, type) cell"),
            ));
        }
        let launch = match &v.launch {
            Some(l) => {
                if let Some(ym) = crate::domain::YearMonth::parse(l.get_ref()) {
                    if ym.year < ctx.base_year {
                        return Err(b
                            .err(f, l.span(), format!("{owner} launches in {ym}, before the horizon starts in {}", ctx.base_year))
                            .with_help("a solution that is live before the horizon has no launch: remove `launch` (its cells start from today's share and diffuse from the start)"));
                    }
                }
                Some(b.month(
                    f,
                    l,
                    ctx.base_year,
                    ctx.end_year,
                    &format!("{owner} launch"),
                )?)
            }
            None => None,
        };
        let delay_months = b.opt_param(
            f,
            &v.delay_months,
            &InputKey::SolutionDelay {
                solution: name.to_string(),
            },
            "months",
            Bounds::NonNegative(1200.0),
        )?;
        if let (Some(d), None) = (&v.delay_months, launch) {
            return Err(b
                .err(f, d.span(), format!("{owner} has a delay but no launch"))
                .with_help("give launch = \"YYYY-MM\" (the planned month) with delay_months, or remove delay_months"));
        }
        let count = match &v.count {
            Some(n) if !(1..=10_000).contains(n.get_ref()) => {
                return Err(b
                    .err(
                        f,
                        n.span(),
                        format!(
                            "{owner}: count {} must be a whole number from 1 to 10000",
                            n.get_ref()
                        ),
                    )
                    .with_help("count is how many solutions this entry stands for (default 1)"))
            }
            Some(n) => *n.get_ref() as usize,
            None => 1,
        };
        out.push(Solution {
            name,
            description: v.description.clone(),
            cells,
            launch,
            delay_months,
            count,
        });
    }
    Ok(out)
}
