//! One Monte Carlo trial: both paths (status quo and scenario) from the same
//! input draws, written into one row of the trial store.
//!
//! The arithmetic is arranged around what is linear. Costs and volumes are
//! linear in each cell's monthly volume `V(m)` and digital volume
//! `V(m) s(m)`, and the routing of contacts (closures, opening hours) only
//! changes at epoch boundaries. So the month loop per cell keeps just two
//! sums per epoch, and the channel split, displacement, prices and goals are
//! applied once per (cell, epoch) instead of once per month.

use super::bass::{BassLanes, BassState, Rates};
use super::citizens;
use super::layout::Layout;
use super::plan::{Plan, SCENARIO, STATUS_QUO, WEEKS_PER_MONTH};
use crate::domain::{Channel, N_CHANNELS};
use crate::hours::erlang;
use crate::sampling;
use crate::scenario::{GoalMetric, Param, Scenario, Volume, COUNTER, PHONE};

mod adoption;
mod cells;
mod costs;
mod demand;
mod outcome;
mod route;
mod routing;

/// Reusable buffers of one worker thread.
#[derive(Debug, Default)]
pub struct Scratch {
    area_month: Vec<f64>,
    /// Population growth factor per month (1 in the first).
    growth_month: Vec<f64>,
    area_epoch: Vec<f64>,
    cells: Vec<CellTrial>,
    digital_epoch: [Vec<f64>; 2],
    digital_month: [Vec<f64>; 2],
    volume: [Vec<[f64; N_CHANNELS]>; 2],
    handling: [Vec<f64>; 2],
    /// Per path and year: avoided contacts valued at the price of the
    /// channel they left (before the price index).
    avoided_value: [Vec<f64>; 2],
    displaced: Vec<[f64; 4]>,
    closure_avoided: Vec<f64>,
    shift_avoided: Vec<f64>,
    goal_num: Vec<f64>,
    goal_den: Vec<f64>,
    staff_volume: Vec<f64>,
    /// Per path: monthly shares of the tracked capabilities (citizens.rs).
    cap_share: [Vec<f64>; 2],
    /// A capped cell's monthly cap on its digital (attempt) share.
    limit_month: Vec<f64>,
    /// Per year (scenario path): self-service attempts, completed, fallback contacts.
    completion: Vec<[f64; 3]>,
    /// Sums by cell and department for `run --breakdown`.
    breakdown: super::breakdown::Acc,
    /// Monthly sums for `run --monthly`.
    monthly: super::monthly::Acc,
}

#[derive(Debug, Clone, Copy, Default)]
struct CellTrial {
    type_share: f64,
    s0: f64,
    /// Base shares of the non-digital channels, renormalised to sum to 1.
    other: [f64; N_CHANNELS],
    p: f64,
    q: f64,
    c: f64,
    /// `p` and `q` as the Bass state uses them.
    rates: Rates,
    /// Handling cost of one non-digital contact (base split, this trial's prices).
    other_cost: f64,
    /// Unit price per channel for this cell (area, department and staffing applied).
    prices: [f64; N_CHANNELS],
    /// Completion of started self-service, when the cell has a rate.
    completion: Option<CompletionTrial>,
}

/// A cell's completion numbers in one trial (docs/model.md, "Completion").
#[derive(Debug, Clone, Copy, Default)]
struct CompletionTrial {
    /// Share of attempts completed (this epoch's, events applied).
    rate: f64,
    /// The rate without events (the base of `rate`).
    base_rate: f64,
    /// Share of abandoned attempts that come back through another channel.
    comes_back: f64,
    /// Needs per counted contact at the base: 1 / (1 - a0 (1 - r0)(1 - f)).
    kappa: f64,
    /// Handling cost of an abandoned attempt.
    abandoned_price: f64,
}

/// Scenario-wide numbers of one trial.
struct TrialConst {
    idx: Vec<f64>,
    /// Displacement fractions (retime, to_digital, to_phone) for counter and
    /// phone: scenario-wide, and per department.
    fractions: [[f64; 3]; 2],
    fractions_by_dept: Vec<[[f64; 3]; 2]>,
    /// Areas with their own fractions (None: their department's).
    fractions_by_area: Vec<Option<[[f64; 3]; 2]>>,
    price_by_dept: Vec<[f64; N_CHANNELS]>,
    price_no_dept: [f64; N_CHANNELS],
}

impl TrialConst {
    /// The displacement fractions of an area's contacts: its own, else its
    /// department's, else the scenario's.
    fn fractions_of(&self, area: usize, dept: Option<usize>) -> &[[f64; 3]; 2] {
        match (&self.fractions_by_area[area], dept) {
            (Some(own), _) => own,
            (None, Some(d)) => &self.fractions_by_dept[d],
            (None, None) => &self.fractions,
        }
    }
}

/// The smallest completion rate used: a drawn rate of 0 acts as this, so
/// the attempt share solving today's mix stays finite.
const MIN_COMPLETION: f64 = 1e-6;

/// What every stage of a trial reads: the scenario, its plan, the row
/// layout and the trial's input draws.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    s: &'a Scenario,
    plan: &'a Plan,
    layout: &'a Layout,
    values: &'a [f64],
}

/// Runs trial `trial` with input draws `values`, stage by stage, and
/// writes its row: `core` (money, goals; f64) and `detail` (volumes,
/// breakdowns; f32). The arguments stay separate: gathered into one struct
/// passed by value, the trial measured 5 % more instructions (cachegrind,
/// every-input-uncertain: 596,790 against 567,242 a trial).
#[allow(clippy::too_many_arguments)]
pub fn simulate(
    s: &Scenario,
    plan: &Plan,
    layout: &Layout,
    values: &[f64],
    noise_stream: u64,
    trial: u64,
    sc: &mut Scratch,
    core: &mut [f64],
    detail: &mut [f32],
) {
    let rows = Rows {
        core: [core],
        detail: [detail],
    };
    simulate_lanes::<1>(
        s,
        plan,
        layout,
        [values],
        noise_stream,
        [trial],
        std::array::from_mut(sc),
        rows,
    );
}

/// The rows a batch of trials writes, one per lane.
pub struct Rows<'a, const L: usize> {
    pub core: [&'a mut [f64]; L],
    pub detail: [&'a mut [f32]; L],
}

/// Runs a batch of `L` trials (`trials`, with input draws `values`), one per
/// lane: each stage per trial, except the routing, which runs the lanes
/// together (route.rs). Every trial's row is bit for bit what [`simulate`]
/// writes for it alone.
#[allow(clippy::too_many_arguments)]
pub fn simulate_lanes<const L: usize>(
    s: &Scenario,
    plan: &Plan,
    layout: &Layout,
    values: [&[f64]; L],
    noise_stream: u64,
    trials: [u64; L],
    sc: &mut [Scratch; L],
    rows: Rows<L>,
) {
    let n_months = plan.n_months;
    let n_years = plan.n_years;
    let n_cells = s.cells.len();
    let n_depts = s.departments.len();
    let ctxs: [Ctx; L] = std::array::from_fn(|l| Ctx {
        s,
        plan,
        layout,
        values: values[l],
    });
    let mut monthly_growth = [0.0; L];
    for l in 0..L {
        monthly_growth[l] = demand::demand(&ctxs[l], noise_stream, trials[l], &mut sc[l]);
        cells::cell_numbers(&ctxs[l], &mut sc[l]);
    }
    cells::starting_shares(&ctxs, sc);
    let tcs: [TrialConst; L] = std::array::from_fn(|l| {
        let (ctx, sc) = (&ctxs[l], &mut sc[l]);
        cells::completion_numbers(ctx, sc);
        let tc = cells::trial_constants(s, values[l], n_years);
        cells::cell_prices(ctx, &tc, sc);
        adoption::capabilities(ctx, sc);
        tc
    });
    adoption::adoption(&ctxs, sc);
    let staffing = routing::route_paths(&ctxs, &tcs, sc);
    let Rows { core, detail } = rows;
    for (l, ((core, detail), staffing)) in core.into_iter().zip(detail).zip(staffing).enumerate() {
        let (ctx, tc, sc) = (&ctxs[l], &tcs[l], &mut sc[l]);
        let costs = costs::costs(ctx, tc, monthly_growth[l], &staffing, sc, detail);
        if let Some(slots) = &layout.slots.monthly {
            sc.monthly
                .write(slots, s, n_months, &tc.idx, &sc.cap_share[SCENARIO], detail);
        }
        if let Some(slots) = &layout.slots.breakdown {
            sc.breakdown
                .write(slots, n_years, n_cells, n_depts, &tc.idx, detail);
        }
        outcome::outcomes(ctx, &costs, sc, core, detail);
    }
}
