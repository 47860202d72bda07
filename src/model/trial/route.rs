//! Routing of one cell's contacts in one epoch over the channels:
//! completion, partial shifts, closures and opening hours.

use super::*;

/// Volumes of one cell in one epoch after the channel split, closures and
/// opening hours.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Routed {
    pub(super) volume: [f64; N_CHANNELS],
    /// Contacts displaced by opening hours: retimed, to digital, to phone, avoided.
    pub(super) displaced: [f64; 4],
    pub(super) closure_avoided: f64,
    /// Contacts avoided by partial channel shifts.
    pub(super) shift_avoided: f64,
    /// Avoided contacts (hours, closures, shifts) at the unit price of the channel they left.
    pub(super) avoided_value: f64,
    /// Self-service attempts, completed, fallback contacts.
    pub(super) completion: [f64; 3],
    /// Handling cost of the abandoned attempts.
    pub(super) abandoned_cost: f64,
}

/// Splits `t` contacts, `d` of them digital, over the channels (MODEL.md
/// sections 5-7). Linear in (t, d).
#[allow(clippy::too_many_arguments)]
#[inline]
pub(super) fn route(
    s: &Scenario,
    cell: usize,
    ct: &CellTrial,
    (shifts, closures): (&[(usize, f64)], &[usize]),
    values: &[f64],
    rho: [f64; 2],
    fr: &[[f64; 3]; 2],
    t: f64,
    d: f64,
    out: &mut Routed,
) {
    let di = s.cells[cell].digital.index();
    // Completion: `d` are attempts; the failed ones that come back join
    // the non-digital contacts in the cell's base split (docs/model.md).
    let (nd, done) = match &ct.completion {
        Some(cp) => {
            let (t, d) = (t * cp.kappa, d * cp.kappa);
            let done = d * cp.rate;
            let failed = d - done;
            let back = failed * cp.comes_back;
            out.completion[0] += d;
            out.completion[1] += done;
            out.completion[2] += back;
            out.abandoned_cost += failed * cp.abandoned_price;
            (t - d + back, done)
        }
        None => (t - d, d),
    };
    for i in 0..N_CHANNELS {
        out.volume[i] = nd * ct.other[i];
    }
    out.volume[di] += done;
    for &(ei, ramp) in shifts {
        if !s.events[ei].cells[cell] {
            continue;
        }
        let sh = s.events[ei].shift.as_ref().expect("shift event");
        let from = sh.channel.index();
        let x = out.volume[from] * sh.share.get(values) * ramp;
        if x == 0.0 {
            continue;
        }
        out.volume[from] -= x;
        let avoided = move_to(&mut out.volume, x, &sh.to, values);
        out.shift_avoided += avoided;
        out.avoided_value += avoided * ct.prices[from];
    }
    for &ei in closures {
        if !s.events[ei].cells[cell] {
            continue;
        }
        let cl = s.events[ei].closure.as_ref().expect("closure event");
        let ci = cl.channel.index();
        let x = out.volume[ci];
        if x == 0.0 {
            continue;
        }
        out.volume[ci] = 0.0;
        let avoided = move_to(&mut out.volume, x, &cl.to, values);
        out.closure_avoided += avoided;
        out.avoided_value += avoided * ct.prices[ci];
    }
    let pi = Channel::Phone.index();
    let ci = Channel::Personal.index();
    let phone_own = out.volume[pi];
    let [rc, rp] = rho;
    if rc > 0.0 {
        let disp = out.volume[ci] * rc;
        let [retime, to_dig, to_phone] = fr[COUNTER];
        out.volume[ci] -= disp * (1.0 - retime);
        out.volume[di] += disp * to_dig;
        out.volume[pi] += disp * to_phone;
        out.displaced[0] += disp * retime;
        out.displaced[1] += disp * to_dig;
        out.displaced[2] += disp * to_phone;
        let avoided = disp * (1.0 - retime - to_dig - to_phone).max(0.0);
        out.displaced[3] += avoided;
        out.avoided_value += avoided * ct.prices[ci];
    }
    if rp > 0.0 {
        let disp = phone_own * rp;
        let [retime, to_dig, _] = fr[PHONE];
        out.volume[pi] -= disp * (1.0 - retime);
        out.volume[di] += disp * to_dig;
        out.displaced[0] += disp * retime;
        out.displaced[1] += disp * to_dig;
        let avoided = disp * (1.0 - retime - to_dig).max(0.0);
        out.displaced[3] += avoided;
        out.avoided_value += avoided * ct.prices[pi];
    }
}

/// Adds `x` moved contacts to the channels of `to` in their (drawn) shares,
/// scaled down when they sum above 1; returns the contacts avoided (the rest).
#[inline]
pub(super) fn move_to(
    volume: &mut [f64; N_CHANNELS],
    x: f64,
    to: &[(crate::domain::Channel, crate::scenario::Param)],
    values: &[f64],
) -> f64 {
    let mut sum = 0.0;
    for (_, p) in to {
        sum += p.get(values);
    }
    let scale = if sum > 1.0 { 1.0 / sum } else { 1.0 };
    for (ch, p) in to {
        volume[ch.index()] += x * p.get(values) * scale;
    }
    x * (1.0 - sum * scale).max(0.0)
}

/// The product of the volume factors of `events` that act on cell `c`, or
/// `None` when none does (so volumes are not multiplied by 1).
#[inline]
pub(super) fn volume_factor(
    s: &Scenario,
    events: &[usize],
    c: usize,
    values: &[f64],
) -> Option<f64> {
    let mut factor = None;
    for &ei in events {
        let e = &s.events[ei];
        if e.cells[c] {
            let f = e.volume_factor.expect("volume event").get(values);
            factor = Some(factor.map_or(f, |g: f64| g * f));
        }
    }
    factor
}

/// A copy of a cell's trial numbers with the unit price changes of
/// `events` that act on it applied in file order.
pub(super) fn with_price_changes(
    s: &Scenario,
    ct: &CellTrial,
    events: &[usize],
    c: usize,
    values: &[f64],
) -> CellTrial {
    let mut out = *ct;
    for &ei in events {
        let e = &s.events[ei];
        if !e.cells[c] {
            continue;
        }
        let pc = e.price.expect("price event");
        let i = pc.channel.index();
        out.prices[i] = match pc.rule {
            crate::scenario::PriceRule::To(p) => p.get(values),
            crate::scenario::PriceRule::Factor(f) => out.prices[i] * f.get(values),
        };
    }
    out.other_cost = (0..N_CHANNELS).map(|i| out.other[i] * out.prices[i]).sum();
    out
}
