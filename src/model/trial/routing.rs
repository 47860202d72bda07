//! Routing and accumulation per path, epoch and cell, for a batch of `L`
//! trials (lanes; see route.rs); staffing by Erlang C per trial.

use super::adoption::completion_at;
use super::route::*;
use super::*;
use crate::scenario::Cell;

/// One year's running sums of a path, per lane, taken out of each lane's
/// [`Scratch`] for the cell loop of one epoch and put back after it.
struct YearSums<const L: usize> {
    volume: [Lanes<L>; N_CHANNELS],
    handling: Lanes<L>,
    avoided_value: Lanes<L>,
    displaced: [Lanes<L>; 4],
    closure_avoided: Lanes<L>,
    shift_avoided: Lanes<L>,
    /// Self-service attempts, completed, fallback contacts (scenario path).
    completion: [Lanes<L>; 3],
    /// Per goal: numerator and denominator.
    goal_num: Vec<Lanes<L>>,
    goal_den: Vec<Lanes<L>>,
}

impl<const L: usize> YearSums<L> {
    fn load(sc: &[Scratch; L], path: usize, y: usize, n_goals: usize, n_years: usize) -> Self {
        let lanes =
            |f: &dyn Fn(&Scratch) -> f64| -> Lanes<L> { std::array::from_fn(|l| f(&sc[l])) };
        YearSums {
            volume: std::array::from_fn(|i| lanes(&|s| s.volume[path][y][i])),
            handling: lanes(&|s| s.handling[path][y]),
            avoided_value: lanes(&|s| s.avoided_value[path][y]),
            displaced: std::array::from_fn(|k| lanes(&|s| s.displaced[y][k])),
            closure_avoided: lanes(&|s| s.closure_avoided[y]),
            shift_avoided: lanes(&|s| s.shift_avoided[y]),
            completion: std::array::from_fn(|k| lanes(&|s| s.completion[y][k])),
            goal_num: (0..n_goals)
                .map(|g| lanes(&|s| s.goal_num[g * n_years + y]))
                .collect(),
            goal_den: (0..n_goals)
                .map(|g| lanes(&|s| s.goal_den[g * n_years + y]))
                .collect(),
        }
    }

    fn store(self, sc: &mut [Scratch; L], path: usize, y: usize, n_years: usize) {
        for (l, s) in sc.iter_mut().enumerate() {
            s.volume[path][y] = std::array::from_fn(|i| self.volume[i][l]);
            s.handling[path][y] = self.handling[l];
            s.avoided_value[path][y] = self.avoided_value[l];
            s.displaced[y] = std::array::from_fn(|k| self.displaced[k][l]);
            s.closure_avoided[y] = self.closure_avoided[l];
            s.shift_avoided[y] = self.shift_avoided[l];
            s.completion[y] = std::array::from_fn(|k| self.completion[k][l]);
            for (g, (num, den)) in self.goal_num.iter().zip(&self.goal_den).enumerate() {
                s.goal_num[g * n_years + y] = num[l];
                s.goal_den[g * n_years + y] = den[l];
            }
        }
    }
}

/// Staffing cost per path and year, and per path, year and staffed channel
/// the sums behind its figures (agent hours, open hours, calls at service
/// level, answer time, calls).
pub(super) struct Staffing {
    pub cost: [Vec<f64>; 2],
    pub stats: [Vec<[f64; 5]>; 2],
}

/// Routes every cell of both paths through every epoch, for every lane.
/// Compiled for AVX-512 and AVX2 besides the baseline, chosen at run time
/// (the lane loops fill the wider vector registers; no fused multiply-add,
/// so the same bits on every processor).
#[multiversion::multiversion(targets("x86_64+avx512f", "x86_64+avx2"))]
pub(super) fn route_paths<const L: usize>(
    ctxs: &[Ctx; L],
    tcs: &[TrialConst; L],
    sc: &mut [Scratch; L],
) -> [Staffing; L] {
    let plan = ctxs[0].plan;
    let mut staffing: [Staffing; L] = std::array::from_fn(|l| start_paths(&ctxs[l], &mut sc[l]));
    let mut soa = BatchSoa::of(ctxs[0].s, tcs, sc);
    for path in [SCENARIO, STATUS_QUO] {
        if path == STATUS_QUO && plan.identical_paths {
            for l in 0..L {
                copy_scenario_to_status_quo(&ctxs[l], &mut sc[l], &mut staffing[l]);
            }
            continue;
        }
        for l in 0..L {
            start_path(&ctxs[l], path, &mut sc[l]);
        }
        soa.set_path(sc, path);
        for e in 0..plan.epochs.len() {
            route_epoch(ctxs, path, e, &soa, sc);
            if !plan.staffed.is_empty() {
                for l in 0..L {
                    staff_epoch(&ctxs[l], &tcs[l], path, e, &mut sc[l], &mut staffing[l]);
                }
            }
        }
    }
    staffing
}

/// Zeroes one trial's sums of both paths and returns its empty staffing.
fn start_paths(ctx: &Ctx, sc: &mut Scratch) -> Staffing {
    let (s, plan) = (ctx.s, ctx.plan);
    let n_years = plan.n_years;
    let n_goals = s.goals.len();
    sc.displaced.clear();
    sc.displaced.resize(n_years, [0.0; 4]);
    sc.closure_avoided.clear();
    sc.closure_avoided.resize(n_years, 0.0);
    sc.shift_avoided.clear();
    sc.shift_avoided.resize(n_years, 0.0);
    sc.completion.clear();
    sc.completion.resize(n_years, [0.0; 3]);
    sc.goal_num.clear();
    sc.goal_num.resize(n_goals * n_years, 0.0);
    sc.goal_den.clear();
    sc.goal_den.resize(n_goals * n_years, 0.0);
    let n_staffed = plan.staffed.len();
    Staffing {
        cost: [vec![0.0; n_years], vec![0.0; n_years]],
        stats: [
            vec![[0.0f64; 5]; n_years * n_staffed],
            vec![[0.0f64; 5]; n_years * n_staffed],
        ],
    }
}

/// The status quo is the scenario (no proposal, no policy events): one
/// trial's status-quo sums are copies of its scenario sums.
fn copy_scenario_to_status_quo(ctx: &Ctx, sc: &mut Scratch, staffing: &mut Staffing) {
    let (sq, scn) = sc.volume.split_at_mut(1);
    sq[0].clone_from(&scn[0]);
    let (sq, scn) = sc.handling.split_at_mut(1);
    sq[0].clone_from(&scn[0]);
    let (sq, scn) = sc.avoided_value.split_at_mut(1);
    sq[0].clone_from(&scn[0]);
    let (sq, scn) = staffing.cost.split_at_mut(1);
    sq[0].clone_from(&scn[0]);
    let (sq, scn) = staffing.stats.split_at_mut(1);
    sq[0].clone_from(&scn[0]);
    if ctx.layout.slots.breakdown.is_some() {
        sc.breakdown
            .copy_scenario_to_status_quo(SCENARIO, STATUS_QUO);
    }
    if ctx.layout.slots.monthly.is_some() {
        sc.monthly.copy_scenario_to_status_quo(SCENARIO, STATUS_QUO);
    }
}

/// Zeroes one trial's sums of `path` before its epochs.
fn start_path(ctx: &Ctx, path: usize, sc: &mut Scratch) {
    let (s, plan, layout) = (ctx.s, ctx.plan, ctx.layout);
    let (n_months, n_years) = (plan.n_months, plan.n_years);
    if layout.slots.breakdown.is_some() {
        sc.breakdown
            .reset(path, n_years, s.cells.len(), s.departments.len());
    }
    if layout.slots.monthly.is_some() {
        sc.monthly
            .reset(path, n_months, s.goals.len(), path == SCENARIO);
    }
    sc.volume[path].clear();
    sc.volume[path].resize(n_years, [0.0; N_CHANNELS]);
    sc.handling[path].clear();
    sc.handling[path].resize(n_years, 0.0);
    sc.avoided_value[path].clear();
    sc.avoided_value[path].resize(n_years, 0.0);
    if !plan.staffed.is_empty() {
        sc.staff_volume.clear();
        sc.staff_volume.resize(plan.staffed.len() * n_months, 0.0);
    }
}

/// The lanes' numbers the cell loop reads, transposed once per batch and
/// path so that a lane loop reads consecutive numbers.
struct BatchSoa<const L: usize> {
    cells: Vec<CellSoa<L>>,
    /// Per `area * n_epochs + e`: the area's contacts in the epoch.
    area_epoch: Vec<Lanes<L>>,
    /// Per `cell * n_epochs + e`: the path's digital contacts.
    digital_epoch: Vec<Lanes<L>>,
    /// Per area: the displacement fractions of its contacts (retime, to
    /// digital, to phone; counter and phone).
    fractions: Vec<[[Lanes<L>; 3]; 2]>,
}

impl<const L: usize> BatchSoa<L> {
    /// Inlined into [`route_paths`] so that the transposition is compiled
    /// for the same vector instructions.
    #[inline(always)]
    fn of(s: &Scenario, tcs: &[TrialConst; L], sc: &[Scratch; L]) -> Self {
        let n_cells = sc[0].cells.len();
        BatchSoa {
            fractions: (0..s.areas.len())
                .map(|a| {
                    let dept = s.areas[a].department;
                    let f: [&[[f64; 3]; 2]; L] =
                        std::array::from_fn(|l| tcs[l].fractions_of(a, dept));
                    std::array::from_fn(|ch| {
                        std::array::from_fn(|k| std::array::from_fn(|l| f[l][ch][k]))
                    })
                })
                .collect(),
            cells: (0..n_cells)
                .map(|c| CellSoa::of(std::array::from_fn(|l| &sc[l].cells[c])))
                .collect(),
            area_epoch: transpose(std::array::from_fn(|l| &sc[l].area_epoch[..])),
            digital_epoch: Vec::new(),
        }
    }

    /// Takes the digital contacts of `path`.
    #[inline(always)]
    fn set_path(&mut self, sc: &[Scratch; L], path: usize) {
        self.digital_epoch = transpose(std::array::from_fn(|l| &sc[l].digital_epoch[path][..]));
    }
}

/// Lane `l`'s `rows[l][k]` at `[k][l]`, for the length of the first row
/// (the lanes' rows have the same length).
#[inline(always)]
fn transpose<const L: usize>(rows: [&[f64]; L]) -> Vec<Lanes<L>> {
    let n = rows[0].len();
    // Sliced to one length, so the loop below indexes without bounds checks.
    let rows: [&[f64]; L] = rows.map(|r| &r[..n]);
    (0..n)
        .map(|k| std::array::from_fn(|l| rows[l][k]))
        .collect()
}

/// What every cell of one epoch of one path shares.
#[derive(Clone, Copy)]
struct EpochCtx<'a> {
    s: &'a Scenario,
    plan: &'a Plan,
    path: usize,
    e: usize,
    /// The epoch's first month and its year.
    month: usize,
    y: usize,
    /// Year-end goals count only December, an epoch of its own.
    december: bool,
    by_group: bool,
    by_month: bool,
}

/// What the cell loop of one lane reads and writes in the lane's scratch.
struct LaneIo<'a> {
    cells: &'a [CellTrial],
    area_month: &'a [f64],
    digital_month: &'a [f64],
    staff_volume: &'a mut [f64],
    breakdown: &'a mut crate::model::breakdown::Acc,
    monthly: &'a mut crate::model::monthly::Acc,
}

impl<'a> LaneIo<'a> {
    fn of(sc: &'a mut Scratch, path: usize) -> Self {
        let Scratch {
            cells,
            area_month,
            digital_month,
            staff_volume,
            breakdown,
            monthly,
            ..
        } = sc;
        LaneIo {
            cells,
            area_month,
            digital_month: &digital_month[path],
            staff_volume,
            breakdown,
            monthly,
        }
    }
}

/// Routes every cell of `path` in epoch `e` and adds the results to the
/// year's sums (and, for staffed channels, to the monthly staff volumes),
/// for every lane.
#[inline(always)]
fn route_epoch<const L: usize>(
    ctxs: &[Ctx; L],
    path: usize,
    e: usize,
    soa: &BatchSoa<L>,
    sc: &mut [Scratch; L],
) {
    let (s, plan, layout) = (ctxs[0].s, ctxs[0].plan, ctxs[0].layout);
    let n_years = plan.n_years;
    let n_epochs = plan.epochs.len();
    let n_cells = s.cells.len();
    let staffed = !plan.staffed.is_empty();
    let pp = &plan.paths[path];
    let ep = &plan.epochs[e];
    let ec = EpochCtx {
        s,
        plan,
        path,
        e,
        month: ep.start,
        y: ep.year,
        december: ep.start % 12 == 11,
        by_group: layout.slots.breakdown.is_some(),
        by_month: layout.slots.monthly.is_some(),
    };
    let values: [&[f64]; L] = std::array::from_fn(|l| ctxs[l].values);
    // This year's sums so far, held in locals for the cell loop (the
    // compiler cannot keep them in registers through the vectors) and
    // stored back after it: the same additions in the same order.
    let mut acc = YearSums::<L>::load(sc, path, ec.y, s.goals.len(), n_years);
    // With --monthly this epoch is one month: its sums are the
    // year's sums after the cell loop less these.
    let before = (acc.volume, acc.handling);
    let mut io: [LaneIo; L] = sc.each_mut().map(|s| LaneIo::of(s, path));
    let price_or_completion =
        !pp.price_changes[e].is_empty() || !pp.completion_events[e].is_empty();
    for c in 0..n_cells {
        let cell = &s.cells[c];
        let dept = plan.cell_dept[c];
        let rho = dept.map(|d| pp.rho[e][d]).unwrap_or([0.0; 2]);
        let area_epoch = &soa.area_epoch[cell.area * n_epochs + e];
        let mut t: Lanes<L> = std::array::from_fn(|l| soa.cells[c].type_share[l] * area_epoch[l]);
        let mut d: Lanes<L> = soa.digital_epoch[c * n_epochs + e];
        let factor: [Option<f64>; L] = if pp.volume_events[e].is_empty() {
            [None; L]
        } else {
            let factor =
                std::array::from_fn(|l| volume_factor(s, &pp.volume_events[e], c, values[l]));
            for l in 0..L {
                if let Some(f) = factor[l] {
                    t[l] *= f;
                    d[l] *= f;
                }
            }
            factor
        };
        let routed = pp.routed[e * n_cells + c];
        // A unit price change or a raised completion rate makes this
        // cell's own copy of its trial numbers.
        if rho == [0.0; 2] && !routed && !staffed {
            add_base_split(&ec, (c, cell), &soa.cells[c], (&t, &d), &mut acc, &mut io);
            continue;
        }
        let changed: [CellTrial; L];
        let changed_soa: CellSoa<L>;
        let (ct, cell_soa): ([&CellTrial; L], &CellSoa<L>) = if routed && price_or_completion {
            changed = std::array::from_fn(|l| {
                let mut own =
                    with_price_changes(s, &io[l].cells[c], &pp.price_changes[e], c, values[l]);
                if let Some(cp) = &mut own.completion {
                    cp.rate =
                        completion_at(s, &pp.completion_events[e], c, cp.base_rate, values[l]);
                }
                own
            });
            let ct = std::array::from_fn(|l| &changed[l]);
            changed_soa = CellSoa::of(ct);
            (ct, &changed_soa)
        } else {
            (std::array::from_fn(|l| &io[l].cells[c]), &soa.cells[c])
        };
        let lanes = CellLanes {
            ct,
            soa: cell_soa,
            values,
            fractions: &soa.fractions[cell.area],
        };
        let events = (&pp.shifts[e][..], &pp.closures[e][..]);
        let mut out = Routed::<L>::default();
        route(s, c, &lanes, events, rho, (&t, &d), &mut out);
        add_routed(&ec, c, cell_soa, &out, &mut acc, &mut io);
        if let (true, Some(dd)) = (staffed, dept) {
            // Monthly volumes of staffed channels: routing is linear in (T, D).
            let unit = |t: f64, d: f64| {
                let mut out = Routed::<L>::default();
                route(s, c, &lanes, events, rho, (&[t; L], &[d; L]), &mut out);
                out
            };
            let units = (unit(1.0, 0.0), unit(0.0, 1.0));
            for (l, io) in io.iter_mut().enumerate() {
                add_staff_volumes(
                    &ec,
                    (c, cell),
                    dd,
                    lanes.ct[l],
                    factor[l],
                    (&units.0, &units.1, l),
                    io,
                );
            }
        }
    }
    if ec.by_month {
        let m = ep.start;
        for (l, io) in io.iter_mut().enumerate() {
            let mo = &mut *io.monthly;
            mo.handling[path][m] = acc.handling[l] - before.1[l];
            for i in 0..N_CHANNELS {
                mo.volume[path][m * N_CHANNELS + i] = acc.volume[i][l] - before.0[i][l];
            }
        }
    }
    acc.store(sc, path, ec.y, n_years);
}

/// Adds cell `c` of a cell-epoch that only the base split applies to
/// (no displacement, routing or staffing): linear in the non-digital
/// contacts `t - d` and the digital `d`.
#[inline(always)]
fn add_base_split<const L: usize>(
    ec: &EpochCtx,
    (c, cell): (usize, &Cell),
    ct: &CellSoa<L>,
    (t, d): (&Lanes<L>, &Lanes<L>),
    acc: &mut YearSums<L>,
    io: &mut [LaneIo; L],
) {
    let (s, plan) = (ec.s, ec.plan);
    let n_cells = s.cells.len();
    let (path, y) = (ec.path, ec.y);
    let nd: Lanes<L> = std::array::from_fn(|l| t[l] - d[l]);
    let di = cell.digital.index();
    for i in 0..N_CHANNELS {
        let (vol, other) = (&mut acc.volume[i], &ct.other[i]);
        for l in 0..L {
            vol[l] += nd[l] * other[l];
        }
    }
    let mut handling = [0.0; L];
    for l in 0..L {
        acc.volume[di][l] += d[l];
        handling[l] = nd[l] * ct.other_cost[l] + d[l] * ct.prices[di][l];
        acc.handling[l] += handling[l];
    }
    if ec.by_group {
        for l in 0..L {
            let bd = &mut *io[l].breakdown;
            let other_sum: f64 = ct.other.iter().map(|o| o[l]).sum();
            bd.cell_handling[path][y * n_cells + c] += handling[l];
            bd.cell_contacts[path][y * n_cells + c] += nd[l] * other_sum + d[l];
        }
    }
    if path != SCENARIO {
        return;
    }
    for &g in &plan.cell_goals[c] {
        let goal = &s.goals[g];
        // No completion here: nothing for a completion-rate goal.
        let not_this_month = goal.year_end && !ec.december;
        if (not_this_month && !ec.by_month) || goal.metric == GoalMetric::CompletionRate {
            continue;
        }
        let digital_counts = goal.channels[di];
        // The goal channels' share of the non-digital split, lanes side by
        // side (each adds in channel order from -0.0, as `Iterator::sum`).
        let mut share: Lanes<L> = [-0.0; L];
        for &i in &plan.goal_channels[g] {
            for l in 0..L {
                share[l] += ct.other[i][l];
            }
        }
        let num: Lanes<L> =
            std::array::from_fn(|l| nd[l] * share[l] + if digital_counts { d[l] } else { 0.0 });
        add_goal(ec, g, !not_this_month, (&num, t), acc, io);
    }
}

/// Adds every lane's numerator and denominator of goal `g` to the year's
/// sums (when the year counts this epoch) and, with `--monthly`, the month's.
#[inline(always)]
fn add_goal<const L: usize>(
    ec: &EpochCtx,
    g: usize,
    this_year: bool,
    (num, den): (&Lanes<L>, &Lanes<L>),
    acc: &mut YearSums<L>,
    io: &mut [LaneIo; L],
) {
    if this_year {
        for l in 0..L {
            acc.goal_num[g][l] += num[l];
            acc.goal_den[g][l] += den[l];
        }
    }
    if ec.by_month {
        let slot = g * ec.plan.n_months + ec.month;
        for l in 0..L {
            io[l].monthly.goal_num[slot] += num[l];
            io[l].monthly.goal_den[slot] += den[l];
        }
    }
}

/// Adds cell `c`'s routed volumes `out` (closures, shifts, opening hours,
/// completion) to the year's sums, the breakdown and the goals.
#[inline(always)]
fn add_routed<const L: usize>(
    ec: &EpochCtx,
    c: usize,
    ct: &CellSoa<L>,
    out: &Routed<L>,
    acc: &mut YearSums<L>,
    io: &mut [LaneIo; L],
) {
    let (s, plan) = (ec.s, ec.plan);
    let n_cells = s.cells.len();
    let (path, y) = (ec.path, ec.y);
    let mut cost = [0.0; L];
    let mut total = [0.0; L];
    for i in 0..N_CHANNELS {
        for l in 0..L {
            acc.volume[i][l] += out.volume[i][l];
            cost[l] += out.volume[i][l] * ct.prices[i][l];
            total[l] += out.volume[i][l];
        }
    }
    for l in 0..L {
        acc.handling[l] += cost[l] + out.abandoned_cost[l];
        acc.avoided_value[l] += out.avoided_value[l];
    }
    if ec.by_group {
        for l in 0..L {
            let bd = &mut *io[l].breakdown;
            bd.cell_handling[path][y * n_cells + c] += cost[l] + out.abandoned_cost[l];
            bd.cell_contacts[path][y * n_cells + c] += total[l];
        }
    }
    if path != SCENARIO {
        return;
    }
    for l in 0..L {
        for k in 0..4 {
            acc.displaced[k][l] += out.displaced[k][l];
        }
        acc.closure_avoided[l] += out.closure_avoided[l];
        acc.shift_avoided[l] += out.shift_avoided[l];
        for k in 0..3 {
            acc.completion[k][l] += out.completion[k][l];
        }
    }
    for &g in &plan.cell_goals[c] {
        let goal = &s.goals[g];
        let not_this_month = goal.year_end && !ec.december;
        if not_this_month && !ec.by_month {
            continue;
        }
        if goal.metric == GoalMetric::CompletionRate {
            let [attempts, completed, _] = &out.completion;
            add_goal(ec, g, !not_this_month, (completed, attempts), acc, io);
        } else {
            // The lanes' sums over the goal's channels side by side: each
            // lane adds in channel order from -0.0, as `Iterator::sum` does.
            let mut num: Lanes<L> = [-0.0; L];
            for &i in &plan.goal_channels[g] {
                for l in 0..L {
                    num[l] += out.volume[i][l];
                }
            }
            add_goal(ec, g, !not_this_month, (&num, &total), acc, io);
        }
    }
}

/// Adds lane `l`'s contacts of cell `c` in department `dept`'s staffed
/// channels to the monthly staff volumes of the epoch, from the routing of
/// one contact and one digital contact (`unit_t`, `unit_d`): routing is
/// linear in (t, d).
#[inline(always)]
fn add_staff_volumes<const L: usize>(
    ec: &EpochCtx,
    (c, cell): (usize, &Cell),
    dept: usize,
    ct: &CellTrial,
    factor: Option<f64>,
    (unit_t, unit_d, l): (&Routed<L>, &Routed<L>, usize),
    io: &mut LaneIo,
) {
    let plan = ec.plan;
    let n_months = plan.n_months;
    let area = cell.area;
    let ep = &plan.epochs[ec.e];
    for (k, &(sd, sch)) in plan.staffed.iter().enumerate() {
        if sd != dept {
            continue;
        }
        let chi = if sch == COUNTER {
            Channel::Personal.index()
        } else {
            Channel::Phone.index()
        };
        for m in ep.start..ep.end {
            let mut tm = ct.type_share * io.area_month[area * n_months + m] / 12.0;
            let mut dm = io.digital_month[c * n_months + m];
            if let Some(f) = factor {
                tm *= f;
                dm *= f;
            }
            io.staff_volume[k * n_months + m] +=
                unit_t.volume[chi][l] * tm + unit_d.volume[chi][l] * dm;
        }
    }
}

/// Erlang C per month of epoch `e` for the staffed channels of `path`:
/// agents needed, their cost, and the sums behind the staffing figures.
fn staff_epoch(
    ctx: &Ctx,
    tc: &TrialConst,
    path: usize,
    e: usize,
    sc: &mut Scratch,
    staffing: &mut Staffing,
) {
    let Staffing {
        cost: staffing_cost,
        stats: staffing_stats,
    } = staffing;
    let (s, plan, layout, values) = (ctx.s, ctx.plan, ctx.layout, ctx.values);
    let n_months = plan.n_months;
    let n_staffed = plan.staffed.len();
    let n_depts = s.departments.len();
    let by_group = layout.slots.breakdown.is_some();
    let by_month = layout.slots.monthly.is_some();
    let v = |p: Param| p.get(values);
    let pp = &plan.paths[path];
    let ep = &plan.epochs[e];
    let y = ep.year;
    // Erlang C per month for staffed channels.
    for (k, &(d, ch)) in plan.staffed.iter().enumerate() {
        let st = s.departments[d].staffing[ch].as_ref().expect("staffed");
        let aht = v(st.aht_seconds);
        let wage = v(st.hourly_wage_kr);
        let shrink = v(st.shrinkage).min(0.99);
        for m in ep.start..ep.end {
            let weekly = sc.staff_volume[k * n_months + m] / WEEKS_PER_MONTH;
            let mut agent_hours = 0.0;
            let (mut sl_calls, mut asa_calls, mut calls) = (0.0, 0.0, 0.0);
            let mut hours = 0.0;
            for cls in &pp.staff_classes[e][k] {
                let rate = weekly * cls.share_per_hour;
                // An impossible load (non-finite, or above
                // erlang::MAX_TRAFFIC_ERLANGS) gives NaN figures,
                // which the engine's finiteness check reports.
                let r =
                    erlang::agents_needed(rate, aht, st.service_level, st.answer_within_seconds)
                        .map_or((f64::NAN, f64::NAN, f64::NAN), |r| {
                            (r.agents as f64, r.service_level, r.asa_seconds)
                        });
                agent_hours += r.0 * cls.hours;
                hours += cls.hours;
                let n_calls = rate * cls.hours;
                calls += n_calls;
                sl_calls += r.1 * n_calls;
                asa_calls += r.2 * n_calls;
            }
            let staff_kr = agent_hours * WEEKS_PER_MONTH / (1.0 - shrink) * wage * tc.idx[y];
            staffing_cost[path][y] += staff_kr;
            if by_group {
                sc.breakdown.dept_opening[path][y * n_depts + d] += staff_kr;
            }
            if by_month {
                sc.monthly.other_cost[path][m] += staff_kr;
            }
            let stt = &mut staffing_stats[path][y * n_staffed + k];
            stt[0] += agent_hours;
            stt[1] += hours;
            stt[2] += sl_calls;
            stt[3] += asa_calls;
            stt[4] += calls;
        }
    }
}
