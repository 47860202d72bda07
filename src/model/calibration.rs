//! Base-period calibration (`[calibration]`; docs/model.md, "Base-period
//! calibration"): the written mix is what was observed in a named period,
//! not in January of the base year. The January digital share `s0` is the
//! one whose status-quo Bass path (the cell's own p, q and ceiling, plus the
//! external events that act on its adoption before the period ends: p_add,
//! q_add, ceiling_add and mandatory floors, and the launch of its
//! self-service solution) shows the written share over the period, weighted
//! by the area's monthly volume. The non-digital split is unchanged.
//!
//! The average share over the period is non-decreasing in `s0`, so the
//! root is unique where it is not flat. Two solvers, both stopping when the
//! period's average is within [`TOLERANCE`] of the written share:
//!
//! - nothing acts on the cell before the period ends: the closed form in
//!   the Bass state `E = (1 - F0) / (1 + k F0)`, where the average is a sum
//!   of convex decreasing functions of `E`; Halley's method from the `E` of
//!   `s0 = w` (cubic convergence: one step and one check in nearly every
//!   case), kept inside a bracket of the root with Newton's step (which
//!   from the left of the root never overshoots) and bisection to fall
//!   back on;
//! - otherwise: the month-by-month path of `adopt` with the derivative
//!   `d share / d s0` carried along (forward mode), and Newton steps kept
//!   inside a bracket that every evaluation narrows, with bisection when a
//!   step would leave it or shrinks the bracket too slowly (a floor makes
//!   the average flat or kinked in `s0`).

use super::bass::{Rates, MIN_P};
use super::plan::{Plan, STATUS_QUO};
use crate::scenario::Scenario;

/// The solvers stop when the volume-weighted average share over the period
/// is within this of the written share (absolute, in share units: 1e-12 of
/// all contacts), or when the bracket around `s0` is below f64's resolution.
pub const TOLERANCE: f64 = 1e-12;

/// At most this many Newton (or bisection) steps; the bracket halves at
/// least every other step, so 200 is far beyond f64's resolution.
const MAX_STEPS: usize = 200;

/// The January share of cell `c` whose status-quo path averages `written`
/// over `months` (indices from January of the base year, `start..end`),
/// weighted by `volume[m]`, the area's monthly volume, in each lane (trial)
/// of a batch. `(p, q, ceiling)` are the cell's drawn Bass inputs; `values`
/// the trial's input draws. Lanes whose cell needs only the closed form
/// are solved side by side ([`base_share_lanes`]).
pub fn base_share_of_cell<const L: usize>(
    (s, plan, c): (&Scenario, &Plan, usize),
    values: [&[f64]; L],
    written: &[f64; L],
    (pqc, rates): (&[(f64, f64, f64); L], &[Rates; L]),
    months: std::ops::Range<usize>,
    volume: [&[f64]; L],
) -> [f64; L] {
    let schedules: [Option<Schedule>; L] =
        std::array::from_fn(|l| events_before(s, plan, c, values[l], pqc[l], months.end));
    if schedules.iter().all(Option::is_none) {
        let cr = std::array::from_fn(|l| (pqc[l].2, rates[l]));
        return base_share_lanes(written, &cr, months, volume);
    }
    std::array::from_fn(|l| match &schedules[l] {
        None => Halley::solve(written[l], (pqc[l].2, rates[l]), months.clone(), volume[l]),
        Some(sch) => base_share_with_events(written[l], pqc[l], months.clone(), volume[l], sch),
    })
}

/// What acts on cell `c`'s status-quo adoption before month `end` in a
/// trial with draws `values`; `None` when nothing does and the closed form
/// applies.
fn events_before(
    s: &Scenario,
    plan: &Plan,
    c: usize,
    values: &[f64],
    pqc: (f64, f64, f64),
    end: usize,
) -> Option<Schedule> {
    let pp = &plan.paths[STATUS_QUO];
    let changes_before = pp.change_months[c].first().is_some_and(|&m| m < end);
    let floor_before = pp.has_floor[c]
        && pp.bass_events[c]
            .iter()
            .any(|&ei| s.events[ei].floor.is_some() && s.events[ei].start < end);
    let launch = if plan.monthly_bass[c] && !s.solutions.is_empty() {
        super::citizens::cell_launch(s, c, values)
    } else {
        None
    };
    // The closed form needs k = q/p >= 0 (convexity); a drawn q below 0
    // takes the general solver.
    if !changes_before && !floor_before && launch.is_none_or(|l| l == 0) && pqc.1 >= 0.0 {
        return None;
    }
    Some(Schedule::of_cell(
        s,
        plan,
        c,
        values,
        (pqc.0, pqc.1),
        end,
        launch,
    ))
}

/// The volume weights of the period's months (plain mean where the period
/// has no volume).
fn weights(months: &std::ops::Range<usize>, volume: &[f64]) -> Vec<f64> {
    let total: f64 = volume[months.clone()].iter().sum();
    let n = months.len() as f64;
    volume[months.clone()]
        .iter()
        .map(|&v| if total > 0.0 { v / total } else { 1.0 / n })
        .collect()
}

/// The January share whose plain Bass path (no events) averages `target`
/// over `months`, weighted by `volume[m]`: 0 when even `s0 = 0` shows more
/// than the target, `target` itself when the ceiling is not above it (the
/// share cannot rise) or the period is January only.
///
/// With `k = q/p`, `g = e^{-(p+q)/12}` and `E = (1 - s0/c) / (1 + k s0/c)`
/// the share in month `m` is `c (1 - E g^m) / (1 + k E g^m)`, and
/// `A(E) = Σ ω_m c (1 - E x_m) / (1 + k E x_m)`, `x_m = g^m`, is convex and
/// decreasing in `E` (for `k >= 0`), with `A(E(s0 = target)) >= target`.
/// Halley's steps from there, kept inside the bracket of the root (else
/// Newton's, which from the left of the root never overshoot it, else
/// bisection).
pub fn base_share(
    target: f64,
    pqc: (f64, f64, f64),
    months: std::ops::Range<usize>,
    volume: &[f64],
) -> f64 {
    let (p, q, c) = pqc;
    Halley::solve(target, (c, Rates::of(p, q)), months, volume)
}

/// [`base_share`] for a batch of lanes (trials), each with its own target,
/// rates and volumes: every lane takes exactly the steps it takes alone
/// (the same numbers), the lanes' steps interleaved so that the processor
/// overlaps their chains of dependent divisions.
pub fn base_share_lanes<const L: usize>(
    target: &[f64; L],
    ceiling_rates: &[(f64, Rates); L],
    months: std::ops::Range<usize>,
    volume: [&[f64]; L],
) -> [f64; L] {
    let mut out = [0.0; L];
    let mut solving: [Option<Halley>; L] = std::array::from_fn(|l| {
        match Halley::start(target[l], ceiling_rates[l], months.clone(), volume[l]) {
            Start::Done(s0) => {
                out[l] = s0;
                None
            }
            Start::Solve(h) => Some(h),
        }
    });
    while solving.iter().any(Option::is_some) {
        for (slot, out) in solving.iter_mut().zip(out.iter_mut()) {
            if let Some(s0) = slot.as_mut().and_then(Halley::step) {
                *out = s0;
                *slot = None;
            }
        }
    }
    out
}

/// How [`Halley::start`] begins: the answer without iterating, or the solver.
enum Start<'a> {
    Done(f64),
    Solve(Halley<'a>),
}

/// One calibration of [`base_share`] in progress: its fixed numbers, the
/// point `e` of the iteration and the bracket `[lo, hi]` of the root.
struct Halley<'a> {
    target: f64,
    c: f64,
    k: f64,
    g: f64,
    x0: f64,
    scale: f64,
    flat: bool,
    vol: &'a [f64],
    e: f64,
    lo: f64,
    hi: f64,
    steps: usize,
}

impl<'a> Halley<'a> {
    /// [`base_share`] for ceiling `c` and rates `k = q / p`, `g` the
    /// monthly factor.
    fn solve(
        target: f64,
        ceiling_rates: (f64, Rates),
        months: std::ops::Range<usize>,
        volume: &[f64],
    ) -> f64 {
        match Halley::start(target, ceiling_rates, months, volume) {
            Start::Done(s0) => s0,
            Start::Solve(mut h) => loop {
                if let Some(s0) = h.step() {
                    break s0;
                }
            },
        }
    }

    fn start(
        target: f64,
        (c, Rates { k, r: g }): (f64, Rates),
        months: std::ops::Range<usize>,
        volume: &'a [f64],
    ) -> Start<'a> {
        if target <= 0.0 || months.is_empty() || c <= target || months == (0..1) {
            return Start::Done(target.max(0.0));
        }
        // Weights: the months' volumes over their sum (a plain mean where the
        // period has no volume), times the ceiling.
        let vol = &volume[months.clone()];
        let total: f64 = vol.iter().sum();
        let (scale, flat) = if total > 0.0 {
            (c / total, false)
        } else {
            (c / vol.len() as f64, true)
        };
        let x0 = g.powi(months.start as i32);
        let f = target / c;
        let e = (1.0 - f) / (1.0 + k * f);
        Start::Solve(Halley {
            target,
            c,
            k,
            g,
            x0,
            scale,
            flat,
            vol,
            e,
            lo: e,
            hi: 1.0,
            steps: 0,
        })
    }

    /// The average A(E) and its first two derivatives.
    fn average(&self, e: f64) -> (f64, f64, f64) {
        let (k, g) = (self.k, self.g);
        let (mut a, mut da, mut dda, mut x) = (0.0, 0.0, 0.0, self.x0);
        for &v in self.vol {
            let wc = if self.flat {
                self.scale
            } else {
                v * self.scale
            };
            let den = 1.0 / (1.0 + k * e * x);
            let dx = wc * x * (1.0 + k) * den * den;
            a += wc * (1.0 - e * x) * den;
            da -= dx;
            dda += 2.0 * k * x * dx * den;
            x *= g;
        }
        (a, da, dda)
    }

    /// One step of the iteration: the January share once it is found.
    /// Halley's step (cubic convergence: one step, then the check, in
    /// nearly every case) where it stays inside the bracket [lo, hi] of
    /// the root, else Newton's, else bisection.
    fn step(&mut self) -> Option<f64> {
        if self.steps == MAX_STEPS {
            return Some(self.share());
        }
        self.steps += 1;
        let e = self.e;
        let (a, da, dda) = self.average(e);
        let h = a - self.target;
        if h.abs() <= TOLERANCE || da >= 0.0 {
            return Some(self.share());
        }
        let newton = e - h / da;
        if h > 0.0 {
            if newton >= 1.0 {
                // From the left Newton does not overshoot: the root lies at
                // or beyond E = 1, so even s0 = 0 shows the target or more.
                return Some(0.0);
            }
            self.lo = e;
        } else {
            self.hi = e;
        }
        let halley = e - 2.0 * h * da / (2.0 * da * da - h * dda);
        let next = if halley > self.lo && halley < self.hi {
            halley
        } else if newton > self.lo && newton < self.hi {
            newton
        } else {
            0.5 * (self.lo + self.hi)
        };
        if next <= self.lo || next >= self.hi {
            return Some(self.share());
        }
        self.e = next;
        None
    }

    /// The January share of the current point.
    fn share(&self) -> f64 {
        let f0 = (1.0 - self.e) / (1.0 + self.k * self.e);
        (self.c * f0).clamp(0.0, self.target)
    }
}

/// What acts on a cell's status-quo adoption before the period ends, with
/// this trial's values.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// (month, p, q, ceiling added): at the start of `month` the rates
    /// become `p`, `q` and the ceiling the cell's own plus the addition.
    pub changes: Vec<(usize, f64, f64, f64)>,
    /// The mandatory floor in each month from January (empty: none).
    pub floors: Vec<f64>,
    /// Month from which the cell diffuses (its solution's launch).
    pub launch: Option<usize>,
}

impl Schedule {
    /// The schedule of cell `c`'s status quo over months `0..end`: the
    /// arithmetic of `trial::adopt` (p, q and ceiling of the events active
    /// in the month, the highest ramped floor).
    fn of_cell(
        s: &Scenario,
        plan: &Plan,
        c: usize,
        values: &[f64],
        (p, q): (f64, f64),
        end: usize,
        launch: Option<usize>,
    ) -> Schedule {
        let pp = &plan.paths[STATUS_QUO];
        let events = &pp.bass_events[c];
        let changes = pp.change_months[c]
            .iter()
            .take_while(|&&m| m < end)
            .map(|&m| {
                let (p1, q1, cap) = super::bass::rates_at(s, events, m, (p, q, 0.0), values);
                (m, p1, q1, cap)
            })
            .collect();
        let floors = if pp.has_floor[c] {
            let floors = super::bass::FloorLanes::<1>::new(s, events, [values]);
            (0..end).map(|m| floors.at(m)[0]).collect()
        } else {
            Vec::new()
        };
        Schedule {
            changes,
            floors,
            launch,
        }
    }
}

/// A Bass state with its derivatives with respect to `s0`.
struct Tangent {
    c: f64,
    dc: f64,
    k: f64,
    r: f64,
    e: f64,
    de: f64,
}

impl Tangent {
    fn set_rates(&mut self, p: f64, q: f64) {
        // As BassState::set_rates.
        let p = p.max(MIN_P);
        self.k = q / p;
        self.r = (-(p + q) / 12.0).exp();
    }

    /// The share and its derivative.
    fn share(&self) -> (f64, f64) {
        let den = 1.0 + self.k * self.e;
        let f = (1.0 - self.e) / den;
        let df_de = -(1.0 + self.k) / (den * den);
        (self.c * f, self.dc * f + self.c * df_de * self.de)
    }

    /// As BassState::enter_at, with `ds` the derivative of `s`.
    fn enter_at(&mut self, s: f64, ds: f64) {
        let (f, df) = if self.c > 0.0 {
            let f = s / self.c;
            if (0.0..=1.0).contains(&f) {
                (f, (ds * self.c - s * self.dc) / (self.c * self.c))
            } else {
                (f.clamp(0.0, 1.0), 0.0)
            }
        } else {
            (0.0, 0.0)
        };
        let den = 1.0 + self.k * f;
        self.e = (1.0 - f) / den;
        self.de = -(1.0 + self.k) / (den * den) * df;
    }
}

/// The volume-weighted average share over `months` of the status-quo path
/// from January share `s0`, and its derivative in `s0`: the arithmetic of
/// `trial::adopt` (changes at the start of a month, then the floor, then
/// the month's share, then the step unless the solution is not live yet).
fn average_with_events(
    s0: f64,
    (p, q, ceiling): (f64, f64, f64),
    months: &std::ops::Range<usize>,
    weights: &[f64],
    sch: &Schedule,
) -> (f64, f64) {
    // BassState::new: a ceiling below s0 is raised to it.
    let (c0, dc0) = if s0 > ceiling {
        (s0, 1.0)
    } else {
        (ceiling, 0.0)
    };
    let mut st = Tangent {
        c: c0,
        dc: dc0,
        k: 0.0,
        r: 1.0,
        e: 1.0,
        de: 0.0,
    };
    st.set_rates(p, q);
    st.enter_at(s0, 1.0);
    let (mut a, mut da) = (0.0, 0.0);
    let mut changes = sch.changes.iter().peekable();
    for m in 0..months.end {
        if let Some(&(_, p1, q1, add)) = changes.next_if(|x| x.0 == m) {
            let (mut cap, mut dcap) = (c0 + add, dc0);
            if cap > 1.0 {
                (cap, dcap) = (1.0, 0.0);
            }
            // BassState::change: keep the share; a ceiling below it rises to it.
            let (sh, dsh) = st.share();
            (st.c, st.dc) = if cap >= sh { (cap, dcap) } else { (sh, dsh) };
            st.set_rates(p1, q1);
            st.enter_at(sh, dsh);
        }
        if let Some(&floor) = sch.floors.get(m) {
            // BassState::raise_to.
            if st.share().0 < floor {
                if st.c < floor {
                    (st.c, st.dc) = (floor, 0.0);
                }
                st.enter_at(floor, 0.0);
            }
        }
        if m >= months.start {
            let (sh, dsh) = st.share();
            let w = weights[m - months.start];
            a += w * sh;
            da += w * dsh;
        }
        if sch.launch.is_none_or(|l| m >= l) {
            st.e *= st.r;
            st.de *= st.r;
        }
    }
    (a, da)
}

/// The January share whose status-quo path with the events of `sch`
/// averages `target` over `months`: Newton's method kept inside a bracket
/// `[lo, hi]` of `[0, target]` with `h(lo) < 0 <= h(hi)` that every
/// evaluation narrows, bisecting when a Newton step would leave the bracket
/// or when the bracket has not halved over the last two steps.
pub fn base_share_with_events(
    target: f64,
    pqc: (f64, f64, f64),
    months: std::ops::Range<usize>,
    volume: &[f64],
    sch: &Schedule,
) -> f64 {
    if target <= 0.0 || months.is_empty() {
        return target.max(0.0);
    }
    let w = weights(&months, volume);
    let h = |s0: f64| {
        let (a, da) = average_with_events(s0, pqc, &months, &w, sch);
        (a - target, da)
    };
    if h(0.0).0 >= 0.0 {
        return 0.0;
    }
    let mut x = target;
    let (mut hx, mut dx) = h(x);
    if hx < 0.0 {
        // No path falls below its s0 (no de-adoption): only rounding gets here.
        return target;
    }
    let (mut lo, mut hi) = (0.0, target);
    let mut widths = [f64::INFINITY; 2];
    for _ in 0..MAX_STEPS {
        if hx.abs() <= TOLERANCE {
            return x;
        }
        let width = hi - lo;
        let newton = if dx > 0.0 { x - hx / dx } else { f64::NAN };
        let slow = width > 0.5 * widths[1];
        widths = [width, widths[0]];
        let next = if !slow && newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if next <= lo || next >= hi {
            // The bracket is below f64's resolution.
            break;
        }
        x = next;
        (hx, dx) = h(x);
        if hx < 0.0 {
            lo = x;
        } else {
            hi = x;
        }
    }
    // The smallest share found that shows at least the target.
    hi
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bass::BassState;

    /// The period's average share of a plain path from `s0`, as the engine
    /// computes it (BassState month by month).
    fn plain_average(
        s0: f64,
        (p, q, c): (f64, f64, f64),
        months: std::ops::Range<usize>,
        v: &[f64],
    ) -> f64 {
        let mut st = BassState::new(s0, p, q, c);
        let (mut num, mut den) = (0.0, 0.0);
        for m in 0..months.end {
            if m >= months.start {
                num += v[m] * st.share();
                den += v[m];
            }
            st.step();
        }
        num / den
    }

    #[test]
    fn january_alone_is_the_written_share() {
        let v = vec![1.0; 60];
        assert_eq!(base_share(0.3, (0.03, 0.38, 0.9), 0..1, &v), 0.3);
    }

    #[test]
    fn a_later_period_starts_lower_and_reproduces_the_share() {
        let v: Vec<f64> = (0..60).map(|m| 1.0 + (m % 12) as f64 * 0.1).collect();
        for (p, q, c) in [
            (0.05, 0.4, 0.8),
            (0.3, 0.0, 0.8),
            (1e-9, 3.0, 0.95),
            (2.0, 5.0, 0.5),
        ] {
            for months in [15..17, 3..5, 0..12, 40..41] {
                let s0 = base_share(0.3, (p, q, c), months.clone(), &v);
                assert!(s0 < 0.3);
                let avg = plain_average(s0, (p, q, c), months.clone(), &v);
                assert!(
                    s0 == 0.0 && avg >= 0.3 || (avg - 0.3).abs() < 1e-12,
                    "{p} {q} {c} {months:?}: {s0} gives {avg}"
                );
            }
        }
    }

    #[test]
    fn a_ceiling_at_or_below_the_written_share_keeps_it() {
        let v = vec![1.0; 24];
        assert_eq!(base_share(0.3, (0.05, 0.4, 0.3), 4..5, &v), 0.3);
        assert_eq!(base_share(0.3, (0.05, 0.4, 0.2), 4..5, &v), 0.3);
    }

    #[test]
    fn the_newton_solver_agrees_with_bisection() {
        // The previous solver: 60 halvings of [0, target].
        let bisect =
            |target: f64, pqc: (f64, f64, f64), months: std::ops::Range<usize>, v: &[f64]| {
                if plain_average(0.0, pqc, months.clone(), v) >= target {
                    return 0.0;
                }
                let (mut lo, mut hi) = (0.0, target);
                for _ in 0..60 {
                    let mid = 0.5 * (lo + hi);
                    if plain_average(mid, pqc, months.clone(), v) < target {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                hi
            };
        let v: Vec<f64> = (0..48).map(|m| 100.0 + (m * 37 % 11) as f64).collect();
        for (p, q, c) in [(0.01, 0.2, 0.9), (0.05, 0.6, 0.7), (0.2, 0.0, 1.0)] {
            for target in [0.01, 0.2, 0.5] {
                let a = base_share(target, (p, q, c), 3..5, &v);
                let b = bisect(target, (p, q, c), 3..5, &v);
                assert!((a - b).abs() < 1e-10, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn without_events_both_solvers_agree() {
        let v: Vec<f64> = (0..48).map(|m| 100.0 + (m * 37 % 11) as f64).collect();
        let none = Schedule::default();
        for (p, q, c) in [(0.01, 0.2, 0.9), (0.05, 0.6, 0.7), (0.2, 0.0, 1.0)] {
            for target in [0.01, 0.2, 0.5] {
                let a = base_share(target, (p, q, c), 3..5, &v);
                let b = base_share_with_events(target, (p, q, c), 3..5, &v, &none);
                assert!((a - b).abs() < 1e-10, "{a} vs {b}");
            }
        }
        // A solution launched in month 6: the share is flat until then.
        let launched = Schedule {
            launch: Some(6),
            ..Schedule::default()
        };
        let s0 = base_share_with_events(0.3, (0.2, 0.1, 0.9), 3..5, &v, &launched);
        assert!((s0 - 0.3).abs() < 1e-12, "{s0}");
    }

    /// q = 0: s(m) = c (1 - (1 - s0/c) e^{-P(m)}), P(m) the sum of p/12 over
    /// the months stepped so far.
    #[test]
    fn events_in_the_period_by_hand() {
        let v = vec![1000.0; 24];
        let (p, c) = (0.3, 0.8);
        // p rises by 0.3 from March (month 2): May's exponent is
        // 2 x 0.3/12 + 2 x 0.6/12 = 0.15.
        let faster = Schedule {
            changes: vec![(2, 0.6, 0.0, 0.0)],
            ..Schedule::default()
        };
        let s0 = base_share_with_events(0.2, (p, 0.0, c), 4..5, &v, &faster);
        let want = c * (1.0 - 0.75 * 0.15f64.exp());
        assert!((s0 - want).abs() < 1e-12, "{s0} vs {want}");
        // A floor of 0.3 from June (month 5), counted May-June: June shows
        // 0.3, so May must show 0.1: s0 = 0.8 (1 - 0.875 e^{0.1}).
        let mut floors = vec![0.0; 6];
        floors[5] = 0.3;
        let floor = Schedule {
            floors,
            ..Schedule::default()
        };
        let s0 = base_share_with_events(0.2, (p, 0.0, c), 4..6, &v, &floor);
        let want = c * (1.0 - 0.875 * 0.1f64.exp());
        assert!((s0 - want).abs() < 1e-12, "{s0} vs {want}");
        // A floor above the written share for the whole period: s0 = 0.
        let floors = vec![0.25; 6];
        let high = Schedule {
            floors,
            ..Schedule::default()
        };
        assert_eq!(
            base_share_with_events(0.2, (p, 0.0, c), 4..6, &v, &high),
            0.0
        );
        // The ceiling raised by 0.1 from February: c = 0.9 from month 1, so
        // May: 0.9 - (0.9 - s(1)) e^{-0.075}, s(1) = 0.8 - (0.8 - s0) e^{-0.025}.
        let higher = Schedule {
            changes: vec![(1, p, 0.0, 0.1)],
            ..Schedule::default()
        };
        let s0 = base_share_with_events(0.2, (p, 0.0, c), 4..5, &v, &higher);
        let s1 = 0.9 - 0.7 * 0.075f64.exp();
        let want = 0.8 - (0.8 - s1) * 0.025f64.exp();
        assert!((s0 - want).abs() < 1e-12, "{s0} vs {want}");
    }
}
