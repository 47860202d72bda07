//! Routing of one cell's contacts in one epoch over the channels:
//! completion, partial shifts, closures and opening hours, for a batch of
//! `L` trials at once (lane `l` is one trial; `L = 1` is a single trial).
//!
//! Every lane does exactly the operations a single trial would, in the same
//! order, so a trial's numbers do not depend on the batch it ran in; what the
//! lanes share is the control flow that depends only on the scenario (which
//! events act on the cell, whether the hours displace contacts), and the
//! lanes' independent sums keep the processor busy where one trial's chain
//! of additions would wait on each result.

use super::*;

/// One number per lane.
pub(super) type Lanes<const L: usize> = [f64; L];

/// Volumes of one cell in one epoch after the channel split, closures and
/// opening hours, per lane.
#[derive(Debug, Clone, Copy)]
pub(super) struct Routed<const L: usize> {
    pub(super) volume: [Lanes<L>; N_CHANNELS],
    /// Contacts displaced by opening hours: retimed, to digital, to phone, avoided.
    pub(super) displaced: [Lanes<L>; 4],
    pub(super) closure_avoided: Lanes<L>,
    /// Contacts avoided by partial channel shifts.
    pub(super) shift_avoided: Lanes<L>,
    /// Avoided contacts (hours, closures, shifts) at the unit price of the channel they left.
    pub(super) avoided_value: Lanes<L>,
    /// Self-service attempts, completed, fallback contacts.
    pub(super) completion: [Lanes<L>; 3],
    /// Handling cost of the abandoned attempts.
    pub(super) abandoned_cost: Lanes<L>,
}

impl<const L: usize> Default for Routed<L> {
    fn default() -> Self {
        Routed {
            volume: [[0.0; L]; N_CHANNELS],
            displaced: [[0.0; L]; 4],
            closure_avoided: [0.0; L],
            shift_avoided: [0.0; L],
            avoided_value: [0.0; L],
            completion: [[0.0; L]; 3],
            abandoned_cost: [0.0; L],
        }
    }
}

/// A cell's trial numbers that the routing reads for every contact, one
/// number per lane (laid out so that a lane loop reads consecutive numbers).
#[derive(Debug, Clone, Copy)]
pub(super) struct CellSoa<const L: usize> {
    pub(super) type_share: Lanes<L>,
    /// Base shares of the non-digital channels, renormalised to sum to 1.
    pub(super) other: [Lanes<L>; N_CHANNELS],
    /// Handling cost of one non-digital contact.
    pub(super) other_cost: Lanes<L>,
    /// Unit price per channel.
    pub(super) prices: [Lanes<L>; N_CHANNELS],
}

impl<const L: usize> CellSoa<L> {
    #[inline(always)]
    pub(super) fn of(ct: [&CellTrial; L]) -> Self {
        CellSoa {
            type_share: std::array::from_fn(|l| ct[l].type_share),
            other: std::array::from_fn(|i| std::array::from_fn(|l| ct[l].other[i])),
            other_cost: std::array::from_fn(|l| ct[l].other_cost),
            prices: std::array::from_fn(|i| std::array::from_fn(|l| ct[l].prices[i])),
        }
    }
}

/// What the routing of one cell in one epoch reads, per lane: the cell's
/// trial numbers (all, and transposed), the trial's input draws and its
/// displacement fractions.
pub(super) struct CellLanes<'a, const L: usize> {
    pub(super) ct: [&'a CellTrial; L],
    pub(super) soa: &'a CellSoa<L>,
    pub(super) values: [&'a [f64]; L],
    /// Retime, to digital, to phone, for counter and phone contacts.
    pub(super) fractions: &'a [[Lanes<L>; 3]; 2],
}

/// Splits `t` contacts, `d` of them digital, over the channels (MODEL.md
/// sections 5-7), lane by lane. Linear in (t, d).
#[inline(always)]
pub(super) fn route<const L: usize>(
    s: &Scenario,
    cell: usize,
    lanes: &CellLanes<L>,
    (shifts, closures): (&[(usize, f64)], &[usize]),
    rho: [f64; 2],
    (t, d): (&Lanes<L>, &Lanes<L>),
    out: &mut Routed<L>,
) {
    let di = s.cells[cell].digital.index();
    let mut nd = [0.0; L];
    let mut done = [0.0; L];
    if lanes.ct.iter().all(|ct| ct.completion.is_none()) {
        // Without completion every lane is the same subtraction: a loop the
        // compiler vectorises (the match by lane below it does not).
        for l in 0..L {
            (nd[l], done[l]) = (t[l] - d[l], d[l]);
        }
    } else {
        for l in 0..L {
            // Completion: `d` are attempts; the failed ones that come back join
            // the non-digital contacts in the cell's base split (docs/model.md).
            (nd[l], done[l]) = match &lanes.ct[l].completion {
                Some(cp) => {
                    let (t, d) = (t[l] * cp.kappa, d[l] * cp.kappa);
                    let done = d * cp.rate;
                    let failed = d - done;
                    let back = failed * cp.comes_back;
                    out.completion[0][l] += d;
                    out.completion[1][l] += done;
                    out.completion[2][l] += back;
                    out.abandoned_cost[l] += failed * cp.abandoned_price;
                    (t - d + back, done)
                }
                None => (t[l] - d[l], d[l]),
            };
        }
    }
    // Indexed, not zipped: the zipped loop was not vectorised (measured).
    for i in 0..N_CHANNELS {
        let (volume, other) = (&mut out.volume[i], &lanes.soa.other[i]);
        for l in 0..L {
            volume[l] = nd[l] * other[l];
        }
    }
    for l in 0..L {
        out.volume[di][l] += done[l];
    }
    for &(ei, ramp) in shifts {
        if !s.events[ei].cells[cell] {
            continue;
        }
        let sh = s.events[ei].shift.as_ref().expect("shift event");
        let from = sh.channel.index();
        for l in 0..L {
            let values = lanes.values[l];
            let x = out.volume[from][l] * sh.share.get(values) * ramp;
            if x == 0.0 {
                continue;
            }
            out.volume[from][l] -= x;
            let avoided = move_to(&mut out.volume, l, x, &sh.to, values);
            out.shift_avoided[l] += avoided;
            out.avoided_value[l] += avoided * lanes.soa.prices[from][l];
        }
    }
    for &ei in closures {
        if !s.events[ei].cells[cell] {
            continue;
        }
        let cl = s.events[ei].closure.as_ref().expect("closure event");
        let ci = cl.channel.index();
        for l in 0..L {
            let x = out.volume[ci][l];
            if x == 0.0 {
                continue;
            }
            out.volume[ci][l] = 0.0;
            let avoided = move_to(&mut out.volume, l, x, &cl.to, lanes.values[l]);
            out.closure_avoided[l] += avoided;
            out.avoided_value[l] += avoided * lanes.soa.prices[ci][l];
        }
    }
    let pi = Channel::Phone.index();
    let ci = Channel::Personal.index();
    let phone_own = out.volume[pi];
    let [rc, rp] = rho;
    // Lane by lane the same operations in the same order as one trial, one
    // loop per row written: with the rows' indices known only at run time a
    // single loop writing three rows was not vectorised (perf annotate).
    if rc > 0.0 {
        let [retime, to_dig, to_phone] = &lanes.fractions[COUNTER];
        let disp: Lanes<L> = std::array::from_fn(|l| out.volume[ci][l] * rc);
        for l in 0..L {
            out.volume[ci][l] -= disp[l] * (1.0 - retime[l]);
        }
        for l in 0..L {
            out.volume[di][l] += disp[l] * to_dig[l];
        }
        for l in 0..L {
            out.volume[pi][l] += disp[l] * to_phone[l];
        }
        let price = &lanes.soa.prices[ci];
        for l in 0..L {
            out.displaced[0][l] += disp[l] * retime[l];
            out.displaced[1][l] += disp[l] * to_dig[l];
            out.displaced[2][l] += disp[l] * to_phone[l];
            let avoided = disp[l] * (1.0 - retime[l] - to_dig[l] - to_phone[l]).max(0.0);
            out.displaced[3][l] += avoided;
            out.avoided_value[l] += avoided * price[l];
        }
    }
    if rp > 0.0 {
        let [retime, to_dig, _] = &lanes.fractions[PHONE];
        let disp: Lanes<L> = std::array::from_fn(|l| phone_own[l] * rp);
        for l in 0..L {
            out.volume[pi][l] -= disp[l] * (1.0 - retime[l]);
        }
        for l in 0..L {
            out.volume[di][l] += disp[l] * to_dig[l];
        }
        let price = &lanes.soa.prices[pi];
        for l in 0..L {
            out.displaced[0][l] += disp[l] * retime[l];
            out.displaced[1][l] += disp[l] * to_dig[l];
            let avoided = disp[l] * (1.0 - retime[l] - to_dig[l]).max(0.0);
            out.displaced[3][l] += avoided;
            out.avoided_value[l] += avoided * price[l];
        }
    }
}

/// Adds `x` moved contacts of lane `l` to the channels of `to` in their
/// (drawn) shares, scaled down when they sum above 1; returns the contacts
/// avoided (the rest).
#[inline]
pub(super) fn move_to<const L: usize>(
    volume: &mut [Lanes<L>; N_CHANNELS],
    l: usize,
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
        volume[ch.index()][l] += x * p.get(values) * scale;
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
