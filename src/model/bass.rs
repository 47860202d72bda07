//! Bass diffusion of the digital channel, advanced in exact closed form.
//!
//! MODEL.md section 4: `dF/dt = (p + q F)(1 - F)`, `s = c F`. Between changes
//! of `p`, `q` or `c` the solution through `F0` is
//! `F(t) = (1 - E) / (1 + (q/p) E)` with `E = e^{-(p+q)(tau + t)}`. Writing
//! the state as `E` instead of `F` makes a month's step one multiplication,
//! `E <- E * e^{-(p+q)/12}`, which is the closed form evaluated one month on:
//! there is no Euler step, and a month's result does not depend on any step
//! size. Inverting, `E = (1 - F) / (1 + (q/p) F)` re-enters the curve at any
//! share (after a floor, or when `p`, `q` or `c` change) without a logarithm.

use crate::scenario::Scenario;

/// The smallest Bass innovation `p` per year the model uses: drawn values
/// below it act as it (validation rejects fixed values below it). At 1e-9
/// a year, `F` after 50 years is below 1e-7: practically no adoption, while
/// `q / p` stays far from overflow (`p = 5e-324` made it infinite).
pub const MIN_P: f64 = 1e-9;

/// A cell's Bass rates in the form the state uses: `k = q / p` and the
/// monthly factor `r = e^{-(p+q)/12}` (`p` at least [`MIN_P`]). Computed
/// once per cell and trial: the calibration and both paths' adoption start
/// from the same numbers (an exponential per use was a few per cent of a
/// trial, measured on vallensbaek-2012).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rates {
    pub k: f64,
    pub r: f64,
}

impl Rates {
    /// The rates of innovation `p` and imitation `q` (per year).
    #[inline]
    pub fn of(p: f64, q: f64) -> Rates {
        // A drawn p below MIN_P (a distribution starting at 0) acts as MIN_P,
        // so that q / p stays finite; no horizon tells them apart.
        let p = p.max(MIN_P);
        Rates {
            k: q / p,
            r: (-(p + q) / 12.0).exp(),
        }
    }
}

/// The adoption state of one (area, type) cell.
#[derive(Debug, Clone, Copy)]
pub struct BassState {
    /// Ceiling: the share that will ever go digital.
    c: f64,
    /// q / p.
    k: f64,
    /// e^{-(p+q)/12}: the factor E shrinks by each month.
    r: f64,
    /// e^{-(p+q) t}: the position on the curve.
    e: f64,
}

impl BassState {
    /// Starts at today's digital share `s0`. A ceiling below `s0` is raised to
    /// it (MODEL.md section 13: no de-adoption).
    pub fn new(s0: f64, p: f64, q: f64, c: f64) -> Self {
        Self::with_rates(s0, Rates::of(p, q), c)
    }

    /// [`BassState::new`] with the rates computed already.
    #[inline]
    pub fn with_rates(s0: f64, Rates { k, r }: Rates, c: f64) -> Self {
        let mut st = BassState {
            c: c.max(s0),
            k,
            r,
            e: 1.0,
        };
        st.enter_at(s0);
        st
    }

    /// The digital share now.
    #[inline]
    pub fn share(&self) -> f64 {
        self.c * (1.0 - self.e) / (1.0 + self.k * self.e)
    }

    /// Advances one month with the rates in force.
    #[inline]
    pub fn step(&mut self) {
        self.e *= self.r;
    }

    /// Changes `p`, `q` and the ceiling, keeping today's share. A ceiling
    /// below the share is raised to it.
    pub fn change(&mut self, p: f64, q: f64, c: f64) {
        let s = self.share();
        self.c = c.max(s);
        self.set_rates(p, q);
        self.enter_at(s);
    }

    /// Raises the share to `floor` if it is below (a mandatory floor); the
    /// ceiling rises with it if needed. Adoption continues from there.
    #[inline]
    pub fn raise_to(&mut self, floor: f64) {
        if self.share() < floor {
            self.lift_to(floor);
        }
    }

    /// [`BassState::raise_to`], then [`BassState::share`]: where the floor
    /// does not bind, the share computed for the comparison is the answer
    /// (the same number; one division a month fewer).
    #[inline]
    pub fn raise_to_then_share(&mut self, floor: f64) -> f64 {
        let share = self.share();
        if share < floor {
            self.lift_to(floor);
            return self.share();
        }
        share
    }

    /// Re-enters the curve at `floor`, the ceiling raised to it if needed.
    #[inline]
    fn lift_to(&mut self, floor: f64) {
        if self.c < floor {
            self.c = floor;
        }
        self.enter_at(floor);
    }

    fn set_rates(&mut self, p: f64, q: f64) {
        Rates {
            k: self.k,
            r: self.r,
        } = Rates::of(p, q);
    }

    fn enter_at(&mut self, s: f64) {
        let f = if self.c > 0.0 {
            (s / self.c).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.e = (1.0 - f) / (1.0 + self.k * f);
    }
}

/// `W` Bass states advanced month by month in step, stored lane by lane
/// (structure of arrays) so that one month of all `W` cells is a handful of
/// vector instructions. Each lane does exactly the arithmetic of
/// [`BassState::share`] and [`BassState::step`], in the same order, so its
/// results are bit-identical to a [`BassState`]'s.
#[derive(Debug, Clone, Copy)]
pub struct BassLanes<const W: usize> {
    c: [f64; W],
    k: [f64; W],
    r: [f64; W],
    e: [f64; W],
}

impl<const W: usize> BassLanes<W> {
    /// The lanes of `states`.
    pub fn new(states: &[BassState; W]) -> Self {
        BassLanes {
            c: states.map(|s| s.c),
            k: states.map(|s| s.k),
            r: states.map(|s| s.r),
            e: states.map(|s| s.e),
        }
    }

    /// Lane `j` as a single state.
    #[inline(always)]
    pub fn lane(&self, j: usize) -> BassState {
        BassState {
            c: self.c[j],
            k: self.k[j],
            r: self.r[j],
            e: self.e[j],
        }
    }

    /// Replaces lane `j` by `st`.
    #[inline(always)]
    pub fn set_lane(&mut self, j: usize, st: BassState) {
        (self.c[j], self.k[j], self.r[j], self.e[j]) = (st.c, st.k, st.r, st.e);
    }

    /// Every lane's [`BassState::share`].
    #[inline(always)]
    pub fn shares(&self) -> [f64; W] {
        std::array::from_fn(|j| self.c[j] * (1.0 - self.e[j]) / (1.0 + self.k[j] * self.e[j]))
    }

    /// [`BassState::step`] in the lanes where `moves` holds; the others stay.
    #[inline(always)]
    pub fn step_where(&mut self, moves: [bool; W]) {
        for j in 0..W {
            self.e[j] = if moves[j] {
                self.e[j] * self.r[j]
            } else {
                self.e[j]
            };
        }
    }

    /// Advances every lane over `months` (indices into each lane's monthly
    /// volumes `volumes[j]`), returning per lane the sum of volume x share.
    #[inline(always)]
    pub fn sum_over(&mut self, volumes: &[&[f64]; W], months: std::ops::Range<usize>) -> [f64; W] {
        let mut sum = [0.0; W];
        let n = months.len();
        // Sliced once, so the month loop indexes without bounds checks.
        let vs: [&[f64]; W] = std::array::from_fn(|j| &volumes[j][months.clone()][..n]);
        for k in 0..n {
            let mut x = [0.0; W];
            for j in 0..W {
                x[j] = vs[j][k];
            }
            for j in 0..W {
                let share = self.c[j] * (1.0 - self.e[j]) / (1.0 + self.k[j] * self.e[j]);
                sum[j] += x[j] * share;
                self.e[j] *= self.r[j];
            }
        }
        sum
    }
}

/// A cell's Bass p, q and ceiling in month `m`: `(p, q, cap)` plus the
/// additions of `events` active then (the cell's Bass events, in order).
#[inline]
pub fn rates_at(
    s: &Scenario,
    events: &[usize],
    m: usize,
    (mut p, mut q, mut cap): (f64, f64, f64),
    values: &[f64],
) -> (f64, f64, f64) {
    for &ei in events {
        let ev = &s.events[ei];
        if ev.start <= m && m <= ev.end {
            p += ev.p_add.map(|x| x.get(values)).unwrap_or(0.0);
            q += ev.q_add.map(|x| x.get(values)).unwrap_or(0.0);
            cap += ev.ceiling_add.map(|x| x.get(values)).unwrap_or(0.0);
        }
    }
    (p, q, cap)
}

/// The highest floor (ramped) of a cell's events active in a month, 0 when
/// none, for `W` lanes (trials) at once: each floor event's level is drawn
/// once per lane, its ramp computed once per month for all lanes (`W = 1`:
/// one trial).
pub struct FloorLanes<const W: usize> {
    /// Per floor event: first and last month, ramp months, level per lane.
    events: Vec<(usize, usize, f64, [f64; W])>,
}

impl<const W: usize> FloorLanes<W> {
    /// The floors of `events` (a cell's Bass events, in order).
    pub fn new(s: &Scenario, events: &[usize], values: [&[f64]; W]) -> Self {
        let events = events
            .iter()
            .filter_map(|&ei| {
                let ev = &s.events[ei];
                let f = ev.floor.as_ref()?;
                let level = values.map(|values| {
                    let x = f.value.get(values);
                    if f.from_exemption {
                        1.0 - x
                    } else {
                        x
                    }
                });
                Some((ev.start, ev.end, f.ramp_months as f64, level))
            })
            .collect();
        FloorLanes { events }
    }

    /// Every lane's floor in month `m`; 0 when no floor acts.
    #[inline]
    pub fn at(&self, m: usize) -> [f64; W] {
        let mut floor = [0.0f64; W];
        for &(start, end, ramp_months, level) in &self.events {
            if start <= m && m <= end {
                let ramp = ((m - start + 1) as f64 / ramp_months).min(1.0);
                for j in 0..W {
                    floor[j] = floor[j].max(level[j] * ramp);
                }
            }
        }
        floor
    }
}

/// The closed-form Bass curve `F(t)` from `F(0) = 0`, `t` in years.
pub fn bass_f(t: f64, p: f64, q: f64) -> f64 {
    let e = (-(p + q) * t).exp();
    (1.0 - e) / (1.0 + (q / p) * e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fine-step RK4 integration of dF/dt = (p + qF)(1 - F).
    fn integrate(f0: f64, p: f64, q: f64, years: f64, steps: usize) -> f64 {
        let h = years / steps as f64;
        let d = |f: f64| (p + q * f) * (1.0 - f);
        let mut f = f0;
        for _ in 0..steps {
            let k1 = d(f);
            let k2 = d(f + h / 2.0 * k1);
            let k3 = d(f + h / 2.0 * k2);
            let k4 = d(f + h * k3);
            f += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        }
        f
    }

    #[test]
    fn monthly_steps_match_a_fine_numerical_integration_of_the_ode() {
        for &(s0, p, q, c) in &[
            (0.05, 0.03, 0.38, 0.9),
            (0.2, 0.1, 0.0, 0.8),
            (0.0, 0.01, 0.9, 1.0),
            (0.5, 0.2, 0.5, 0.6),
        ] {
            let mut st = BassState::new(s0, p, q, c);
            for month in 1..=60 {
                st.step();
                let expected = c * integrate(s0 / c, p, q, month as f64 / 12.0, month * 400);
                assert!(
                    (st.share() - expected).abs() < 1e-9,
                    "s0={s0} p={p} q={q} month {month}: {} vs {expected}",
                    st.share()
                );
            }
        }
    }

    #[test]
    fn month_zero_shows_todays_share_and_the_closed_form_agrees() {
        let st = BassState::new(0.0, 0.03, 0.38, 1.0);
        assert_eq!(st.share(), 0.0);
        let mut st2 = st;
        for _ in 0..24 {
            st2.step();
        }
        assert!((st2.share() - bass_f(2.0, 0.03, 0.38)).abs() < 1e-12);
    }

    #[test]
    fn ceiling_equal_to_todays_share_means_no_adoption() {
        let mut st = BassState::new(0.2, 0.05, 0.4, 0.2);
        for _ in 0..60 {
            st.step();
            assert_eq!(st.share(), 0.2);
        }
    }

    #[test]
    fn ceiling_below_todays_share_is_raised() {
        let st = BassState::new(0.3, 0.05, 0.4, 0.1);
        assert!((st.share() - 0.3).abs() < 1e-15);
    }

    #[test]
    fn floor_raises_the_share_and_adoption_continues_from_there() {
        let mut st = BassState::new(0.1, 0.02, 0.3, 0.9);
        st.raise_to(0.5);
        assert!((st.share() - 0.5).abs() < 1e-12);
        st.step();
        let expected = 0.9 * integrate(0.5 / 0.9, 0.02, 0.3, 1.0 / 12.0, 1000);
        assert!((st.share() - expected).abs() < 1e-10);
        // A floor above the ceiling lifts the ceiling.
        st.raise_to(0.95);
        assert!((st.share() - 0.95).abs() < 1e-12);
    }

    #[test]
    fn changing_rates_keeps_the_share_continuous() {
        let mut st = BassState::new(0.1, 0.02, 0.3, 0.9);
        for _ in 0..7 {
            st.step();
        }
        let before = st.share();
        st.change(0.05, 0.5, 0.95);
        assert!((st.share() - before).abs() < 1e-12);
        st.step();
        let expected = 0.95 * integrate(before / 0.95, 0.05, 0.5, 1.0 / 12.0, 1000);
        assert!((st.share() - expected).abs() < 1e-10);
    }

    #[test]
    fn lanes_give_the_bits_of_one_state_at_a_time() {
        let params = [
            (0.05, 0.03, 0.38, 0.9),
            (0.2, 0.1, 0.0, 0.8),
            (0.0, 0.01, 0.9, 1.0),
            (0.5, 0.2, 0.5, 0.6),
            (0.3, 0.05, 0.4, 0.1),
        ];
        let states: [BassState; 5] = params.map(|(s0, p, q, c)| BassState::new(s0, p, q, c));
        let volume: Vec<Vec<f64>> = (0..5)
            .map(|j| (0..60).map(|m| 1000.0 + (j * 37 + m * 11) as f64).collect())
            .collect();
        let volumes: [&[f64]; 5] = std::array::from_fn(|j| volume[j].as_slice());
        let mut lanes = BassLanes::new(&states);
        let mut one = states;
        for months in [0..7, 7..12, 12..60] {
            let sums = lanes.sum_over(&volumes, months.clone());
            for j in 0..5 {
                let mut sum = 0.0;
                for m in months.clone() {
                    sum += volumes[j][m] * one[j].share();
                    one[j].step();
                }
                assert_eq!(
                    sums[j].to_bits(),
                    sum.to_bits(),
                    "lane {j}, months {months:?}"
                );
            }
        }
    }

    /// The floor of one trial in month `m`, event by event: the reference
    /// [`FloorLanes`] must reproduce bit for bit.
    fn floor_at(s: &Scenario, events: &[usize], m: usize, values: &[f64]) -> f64 {
        let mut floor: f64 = 0.0;
        for &ei in events {
            let ev = &s.events[ei];
            if let Some(f) = ev.floor {
                if ev.start <= m && m <= ev.end {
                    let x = f.value.get(values);
                    let level = if f.from_exemption { 1.0 - x } else { x };
                    let ramp = ((m - ev.start + 1) as f64 / f.ramp_months as f64).min(1.0);
                    floor = floor.max(level * ramp);
                }
            }
        }
        floor
    }

    #[test]
    fn floor_lanes_give_the_bits_of_floor_at_lane_by_lane() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/vallensbaek-2012.toml");
        let s = Scenario::from_file(&path).expect("a valid scenario");
        let plan = crate::model::plan::Plan::new(&s, &[]);
        // Eight draws of every input: lane j takes the j-th of each.
        let values: Vec<Vec<f64>> = (0..8)
            .map(|j| {
                s.inputs
                    .iter()
                    .map(|input| input.distribution.quantile((j as f64 + 0.5) / 8.0))
                    .collect()
            })
            .collect();
        let lanes: [&[f64]; 8] = std::array::from_fn(|j| values[j].as_slice());
        let mut floored_months = 0;
        for (c, events) in plan.paths[1].bass_events.iter().enumerate() {
            let floors = FloorLanes::new(&s, events, lanes);
            for m in 0..plan.n_months {
                let at = floors.at(m);
                for j in 0..8 {
                    let one = floor_at(&s, events, m, lanes[j]);
                    assert_eq!(
                        at[j].to_bits(),
                        one.to_bits(),
                        "cell {c} month {m} lane {j}"
                    );
                    floored_months += usize::from(one > 0.0);
                }
            }
        }
        // The four waves of the law set floors on the transaction cells.
        assert!(floored_months > 100, "{floored_months}");
    }

    #[test]
    fn lane_by_lane_changes_and_held_steps_match_single_states() {
        let states = [
            BassState::new(0.05, 0.03, 0.38, 0.9),
            BassState::new(0.2, 0.1, 0.0, 0.8),
            BassState::new(0.0, 0.01, 0.9, 1.0),
        ];
        let mut lanes = BassLanes::new(&states);
        let mut one = states;
        for month in 0..24 {
            let moves = [true, month >= 6, month % 2 == 0];
            if month == 10 {
                let mut st = lanes.lane(1);
                st.change(0.05, 0.5, 0.95);
                lanes.set_lane(1, st);
                one[1].change(0.05, 0.5, 0.95);
            }
            let shares = lanes.shares();
            for j in 0..3 {
                assert_eq!(shares[j].to_bits(), one[j].share().to_bits(), "lane {j}");
                if moves[j] {
                    one[j].step();
                }
            }
            lanes.step_where(moves);
        }
        // A held lane stays where it was: lane 2 moved 12 of 24 months.
        let mut twelve = states[2];
        for _ in 0..12 {
            twelve.step();
        }
        assert_eq!(lanes.shares()[2].to_bits(), twelve.share().to_bits());
    }
}
