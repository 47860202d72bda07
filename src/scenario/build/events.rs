//! Events (`[[events]]`): what happens when, to which cells.

use super::*;

pub(super) fn build_event(
    b: &mut Builder,
    ctx: &Ctx,
    e: &Located<Spanned<RawEvent>>,
    prices: &[Option<Param>; N_CHANNELS],
    has_outbound: bool,
) -> R<Event> {
    let f = e.file;
    let v = e.value.get_ref();
    let name = v.name.get_ref().clone();
    let key = |param| InputKey::event(&name, param);
    let owner = format!("event \"{name}\"");
    let kind = event_kind(b, f, v, &owner)?;
    let (start, end) = event_months(b, ctx, f, v, &owner)?;
    let cells = cell_mask(b, ctx, f, &v.areas, &v.types, &owner)?;
    let costs = event_costs(b, ctx, f, v, &name, &owner)?;
    let (p_add, q_add, ceiling_add) = event_adoption(b, f, v, &name)?;
    let ramp_months = ramp_months_of(b, f, &v.ramp_months)?;
    let floor = build_floor(
        b,
        f,
        (&v.floor, &v.exemption),
        ramp_months,
        &|field| key(EventParam::Floor(field)),
        &format!("{owner} gives"),
    )?;
    let closure = build_closure(b, f, v, &name, &owner, prices)?;
    let digital_post = build_digital_post(b, f, v, &name, &owner, has_outbound)?;
    let shift = build_shift(b, f, v, &name, &owner, prices, ramp_months)?;
    let price = build_price_change(b, ctx, f, v, &name, &owner, &cells, prices)?;
    let volume_factor = b.opt_param(
        f,
        &v.volume_factor,
        &key(EventParam::VolumeFactor),
        "factor",
        Bounds::NonNegative(limits::FACTOR),
    )?;
    let completion_add = build_completion_add(b, ctx, f, v, &name, &owner, &cells)?;
    let citizens =
        super::build_citizens::build_effects(b, f, &v.citizens, &name, &owner, ctx.citizens)?;
    let event = Event {
        name,
        description: v.description.clone(),
        kind,
        start,
        end,
        cells,
        cost_one_off_kr: costs.one_off,
        cost_monthly_kr: costs.monthly,
        cost_by_year_kr: costs.by_year,
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
    };
    check_cost_or_effect(b, e, &owner, &event)?;
    Ok(event)
}

/// `kind`: "policy" or "external".
fn event_kind(b: &Builder, f: FileId, v: &RawEvent, owner: &str) -> R<EventKind> {
    match v.kind.get_ref().as_str() {
        "policy" => Ok(EventKind::Policy),
        "external" => Ok(EventKind::External),
        other => Err(b.err(f, v.kind.span(), format!("{owner}: kind \"{other}\" is neither \"policy\" nor \"external\""))
            .with_help("policy = part of the proposal being judged; external = happens anyway (a law), also in the status quo")),
    }
}

/// `start` and `end` as month indices; without `end`, the horizon's last month.
fn event_months(b: &Builder, ctx: &Ctx, f: FileId, v: &RawEvent, owner: &str) -> R<(usize, usize)> {
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
    Ok((start, end))
}

/// An event's own costs: once, per month, per year.
struct EventCosts {
    one_off: Option<Param>,
    monthly: Option<Param>,
    by_year: Vec<(i32, Param)>,
}

/// `cost_one_off_kr`, `cost_monthly_kr` and `cost_by_year_kr` (years in
/// the horizon).
fn event_costs(
    b: &mut Builder,
    ctx: &Ctx,
    f: FileId,
    v: &RawEvent,
    event: &str,
    owner: &str,
) -> R<EventCosts> {
    let key = |param| InputKey::event(event, param);
    let one_off = b.opt_param(
        f,
        &v.cost_one_off_kr,
        &key(EventParam::CostOneOffKr),
        "kr.",
        Bounds::Signed(limits::COST_KR),
    )?;
    let monthly = b.opt_param(
        f,
        &v.cost_monthly_kr,
        &key(EventParam::CostMonthlyKr),
        "kr. per month",
        Bounds::Signed(limits::COST_KR),
    )?;
    let mut by_year = Vec::new();
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
            by_year.push((
                year,
                b.param(
                    f,
                    n,
                    &key(EventParam::CostInYearKr(year)),
                    "kr.",
                    Bounds::Signed(limits::COST_KR),
                )?,
            ));
        }
    }
    Ok(EventCosts {
        one_off,
        monthly,
        by_year,
    })
}

/// `p_add`, `q_add` and `ceiling_add`: changes to the areas' adoption curves.
#[allow(clippy::type_complexity)]
fn event_adoption(
    b: &mut Builder,
    f: FileId,
    v: &RawEvent,
    event: &str,
) -> R<(Option<Param>, Option<Param>, Option<Param>)> {
    let key = |param| InputKey::event(event, EventParam::Add(param));
    let p_add = b.opt_param(
        f,
        &v.p_add,
        &key(BassAdd::PAdd),
        "per year",
        Bounds::NonNegative(limits::BASS_P),
    )?;
    let q_add = b.opt_param(
        f,
        &v.q_add,
        &key(BassAdd::QAdd),
        "per year",
        Bounds::NonNegative(limits::BASS_Q),
    )?;
    let ceiling_add = b.opt_param(
        f,
        &v.ceiling_add,
        &key(BassAdd::CeilingAdd),
        "share",
        Bounds::Share,
    )?;
    Ok((p_add, q_add, ceiling_add))
}

/// `close_channel` with `close_to`: a channel closed, its contacts moved.
fn build_closure(
    b: &mut Builder,
    f: FileId,
    v: &RawEvent,
    event: &str,
    owner: &str,
    prices: &[Option<Param>; N_CHANNELS],
) -> R<Option<Closure>> {
    match (&v.close_channel, &v.close_to) {
        (Some(c), to) => {
            let channel = b.channel(f, c.span(), c.get_ref())?;
            let to = match to {
                Some(to) => {
                    build_targets(b, f, to, channel, TargetList::CloseTo, event, owner, prices)?
                }
                None => Vec::new(),
            };
            Ok(Some(Closure { channel, to }))
        }
        (None, Some(to)) => Err(b.err(
            f,
            to.span(),
            format!("{owner} has close_to but no close_channel"),
        )),
        (None, None) => Ok(None),
    }
}

/// `digital_post_exemption` with `digital_post_ramp_months`: letters moved
/// to Digital Post, which needs `[outbound_mail]`.
fn build_digital_post(
    b: &mut Builder,
    f: FileId,
    v: &RawEvent,
    event: &str,
    owner: &str,
    has_outbound: bool,
) -> R<Option<(Param, usize)>> {
    let Some(n) = &v.digital_post_exemption else {
        return Ok(None);
    };
    if !has_outbound {
        return Err(b.err(f, n.span(), format!("{owner} moves letters to Digital Post, but the scenario has no [outbound_mail]"))
            .with_help("add [outbound_mail] with letters_per_year, price_letter_kr and price_digital_post_kr"));
    }
    let p = b.param(
        f,
        n,
        &InputKey::event(event, EventParam::DigitalPostExemption),
        "share",
        Bounds::Share,
    )?;
    Ok(Some((
        p,
        ramp_months_of(b, f, &v.digital_post_ramp_months)?,
    )))
}

/// `completion_add`: only for an event with a cell that has a completion rate.
fn build_completion_add(
    b: &mut Builder,
    ctx: &Ctx,
    f: FileId,
    v: &RawEvent,
    event: &str,
    owner: &str,
    cells: &[bool],
) -> R<Option<Param>> {
    let completion_add = b.opt_param(
        f,
        &v.completion_add,
        &InputKey::event(event, EventParam::CompletionAdd),
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
    Ok(completion_add)
}

/// An event must cost something or do something.
fn check_cost_or_effect(
    b: &Builder,
    e: &Located<Spanned<RawEvent>>,
    owner: &str,
    event: &Event,
) -> R<()> {
    let has_cost = event.cost_one_off_kr.is_some()
        || event.cost_monthly_kr.is_some()
        || !event.cost_by_year_kr.is_empty();
    let has_effect = event.p_add.is_some()
        || event.q_add.is_some()
        || event.ceiling_add.is_some()
        || event.floor.is_some()
        || event.closure.is_some()
        || event.digital_post.is_some()
        || event.shift.is_some()
        || event.price.is_some()
        || event.volume_factor.is_some()
        || event.completion_add.is_some()
        || !event.citizens.is_empty();
    if !has_cost && !has_effect {
        return Err(b.err(e.file, e.value.span(), format!("{owner} has neither a cost nor an effect"))
            .with_help("give it p_add, q_add, ceiling_add, floor/exemption, close_channel, shift_channel, price_channel, volume_factor, completion_add, digital_post_exemption or [events.citizens.*], and its costs"));
    }
    Ok(())
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
    list: TargetList,
    event: &str,
    owner: &str,
    prices: &[Option<Param>; N_CHANNELS],
) -> R<Vec<(Channel, Param)>> {
    let mut targets = Vec::new();
    let mut sum = 0.0;
    for (k, n) in to.get_ref() {
        let ch = b.channel(f, k.span(), k.get_ref())?;
        let k = k.get_ref();
        let field = list.key();
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
        let channel = SpelledChannel::from_written(k).expect("a channel: checked above");
        let key = InputKey::event(event, EventParam::Target { list, channel });
        let p = b.param(f, n, &key, "share", Bounds::Share)?;
        sum += fixed_or_nan(p);
        targets.push((ch, p));
    }
    if sum > 1.0 + 1e-9 {
        return Err(b
            .err(
                f,
                to.span(),
                format!(
                    "{owner}: {} shares sum to {}, more than 1",
                    list.key(),
                    (sum * 1e9).round() / 1e9
                ),
            )
            .with_help("the shares say where the moved contacts go; the rest are avoided"));
    }
    Ok(targets)
}

/// `shift_channel`, `shift_share`, `shift_to`: a partial channel shift.
fn build_shift(
    b: &mut Builder,
    f: FileId,
    v: &RawEvent,
    event: &str,
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
    let share_key = InputKey::event(event, EventParam::ShiftShare);
    let share = b.param(f, n, &share_key, "share", Bounds::Share)?;
    let to = match &v.shift_to {
        Some(to) => build_targets(b, f, to, channel, TargetList::ShiftTo, event, owner, prices)?,
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
    event: &str,
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
    if let Some(dep) = staffing_department(ctx, cells, channel) {
        return Err(b
            .err(f, c.span(), format!("{owner} changes the unit price of {}, but department \"{dep}\" staffs that channel (paid by the hour, not per contact)", c.get_ref()))
            .with_help("limit the event's areas to departments that pay per contact, or change the staffing's hourly_wage_kr in an option file"));
    }
    let rule = match (&v.price_kr, &v.price_factor) {
        (Some(n), None) => PriceRule::To(b.param(
            f,
            n,
            &InputKey::event(event, EventParam::PriceKr),
            "kr.",
            Bounds::NonNegative(limits::PRICE_KR),
        )?),
        (None, Some(n)) => PriceRule::Factor(b.param(
            f,
            n,
            &InputKey::event(event, EventParam::PriceFactor),
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

/// The first department among `cells`' that staffs `channel` (Erlang C).
fn staffing_department(ctx: &Ctx, cells: &[bool], channel: Channel) -> Option<String> {
    ctx.cells
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
        })
}
