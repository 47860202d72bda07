//! Routing and accumulation per path, epoch and cell; staffing by Erlang C.

use super::adoption::completion_at;
use super::route::*;
use super::*;
use crate::scenario::Cell;

/// One year's running sums of a path, taken out of [`Scratch`] for the
/// cell loop of one epoch and put back after it.
struct YearSums {
    volume: [f64; N_CHANNELS],
    handling: f64,
    avoided_value: f64,
    displaced: [f64; 4],
    closure_avoided: f64,
    shift_avoided: f64,
    /// Self-service attempts, completed, fallback contacts (scenario path).
    completion: [f64; 3],
    goal_num: Vec<f64>,
    goal_den: Vec<f64>,
}

impl YearSums {
    fn load(sc: &mut Scratch, path: usize, y: usize, n_goals: usize, n_years: usize) -> Self {
        let mut goal_num = std::mem::take(&mut sc.goal_acc[0]);
        let mut goal_den = std::mem::take(&mut sc.goal_acc[1]);
        goal_num.clear();
        goal_den.clear();
        goal_num.extend((0..n_goals).map(|g| sc.goal_num[g * n_years + y]));
        goal_den.extend((0..n_goals).map(|g| sc.goal_den[g * n_years + y]));
        YearSums {
            volume: sc.volume[path][y],
            handling: sc.handling[path][y],
            avoided_value: sc.avoided_value[path][y],
            displaced: sc.displaced[y],
            closure_avoided: sc.closure_avoided[y],
            shift_avoided: sc.shift_avoided[y],
            completion: sc.completion[y],
            goal_num,
            goal_den,
        }
    }

    fn store(self, sc: &mut Scratch, path: usize, y: usize, n_years: usize) {
        sc.volume[path][y] = self.volume;
        sc.handling[path][y] = self.handling;
        sc.avoided_value[path][y] = self.avoided_value;
        sc.displaced[y] = self.displaced;
        sc.closure_avoided[y] = self.closure_avoided;
        sc.shift_avoided[y] = self.shift_avoided;
        sc.completion[y] = self.completion;
        for (g, (num, den)) in self.goal_num.iter().zip(&self.goal_den).enumerate() {
            sc.goal_num[g * n_years + y] = *num;
            sc.goal_den[g * n_years + y] = *den;
        }
        sc.goal_acc = [self.goal_num, self.goal_den];
    }
}

/// Staffing cost per path and year, and per path, year and staffed channel
/// the sums behind its figures (agent hours, open hours, calls at service
/// level, answer time, calls).
pub(super) struct Staffing {
    pub cost: [Vec<f64>; 2],
    pub stats: [Vec<[f64; 5]>; 2],
}

/// Routes every cell of both paths through every epoch.
pub(super) fn route_paths(ctx: &Ctx, tc: &TrialConst, sc: &mut Scratch) -> Staffing {
    let (s, plan, layout) = (ctx.s, ctx.plan, ctx.layout);
    let n_months = plan.n_months;
    let n_years = plan.n_years;
    let n_cells = s.cells.len();
    let staffed = !plan.staffed.is_empty();
    // Routing and accumulation per path.
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
    let n_depts = s.departments.len();
    let by_group = layout.slots.breakdown.is_some();
    let by_month = layout.slots.monthly.is_some();
    let mut staffing_cost = [vec![0.0; n_years], vec![0.0; n_years]];
    let mut staffing_stats = [
        vec![[0.0f64; 5]; n_years * n_staffed],
        vec![[0.0f64; 5]; n_years * n_staffed],
    ];
    for path in [SCENARIO, STATUS_QUO] {
        if path == STATUS_QUO && plan.identical_paths {
            let (sq, scn) = sc.volume.split_at_mut(1);
            sq[0].clone_from(&scn[0]);
            let (sq, scn) = sc.handling.split_at_mut(1);
            sq[0].clone_from(&scn[0]);
            let (sq, scn) = sc.avoided_value.split_at_mut(1);
            sq[0].clone_from(&scn[0]);
            let (sq, scn) = staffing_cost.split_at_mut(1);
            sq[0].clone_from(&scn[0]);
            let (sq, scn) = staffing_stats.split_at_mut(1);
            sq[0].clone_from(&scn[0]);
            if by_group {
                sc.breakdown
                    .copy_scenario_to_status_quo(SCENARIO, STATUS_QUO);
            }
            if by_month {
                sc.monthly.copy_scenario_to_status_quo(SCENARIO, STATUS_QUO);
            }
            continue;
        }
        if by_group {
            sc.breakdown.reset(path, n_years, n_cells, n_depts);
        }
        if by_month {
            sc.monthly.reset(path, n_months, n_goals, path == SCENARIO);
        }
        sc.volume[path].clear();
        sc.volume[path].resize(n_years, [0.0; N_CHANNELS]);
        sc.handling[path].clear();
        sc.handling[path].resize(n_years, 0.0);
        sc.avoided_value[path].clear();
        sc.avoided_value[path].resize(n_years, 0.0);
        if staffed {
            sc.staff_volume.clear();
            sc.staff_volume.resize(n_staffed * n_months, 0.0);
        }
        for e in 0..plan.epochs.len() {
            route_epoch(ctx, tc, path, e, sc);
            staff_epoch(
                ctx,
                tc,
                path,
                e,
                sc,
                &mut staffing_cost,
                &mut staffing_stats,
            );
        }
    }
    Staffing {
        cost: staffing_cost,
        stats: staffing_stats,
    }
}

/// What every cell of one epoch of one path shares.
#[derive(Clone, Copy)]
struct EpochCtx<'a> {
    ctx: &'a Ctx<'a>,
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

/// Routes every cell of `path` in epoch `e` and adds the results to the
/// year's sums (and, for staffed channels, to the monthly staff volumes).
fn route_epoch(ctx: &Ctx, tc: &TrialConst, path: usize, e: usize, sc: &mut Scratch) {
    let (s, plan, layout, values) = (ctx.s, ctx.plan, ctx.layout, ctx.values);
    let n_years = plan.n_years;
    let n_epochs = plan.epochs.len();
    let n_cells = s.cells.len();
    let staffed = !plan.staffed.is_empty();
    let pp = &plan.paths[path];
    let ep = &plan.epochs[e];
    let ec = EpochCtx {
        ctx,
        path,
        e,
        month: ep.start,
        y: ep.year,
        december: ep.start % 12 == 11,
        by_group: layout.slots.breakdown.is_some(),
        by_month: layout.slots.monthly.is_some(),
    };
    // This year's sums so far, held in locals for the cell loop (the
    // compiler cannot keep them in registers through the vectors) and
    // stored back after it: the same additions in the same order.
    let mut acc = YearSums::load(sc, path, ec.y, s.goals.len(), n_years);
    // With --monthly this epoch is one month: its sums are the
    // year's sums after the cell loop less these.
    let before = (acc.volume, acc.handling);
    for c in 0..n_cells {
        let cell = &s.cells[c];
        let ct = &sc.cells[c];
        let dept = plan.cell_dept[c];
        let rho = dept.map(|d| pp.rho[e][d]).unwrap_or([0.0; 2]);
        let mut t = ct.type_share * sc.area_epoch[cell.area * n_epochs + e];
        let mut d = sc.digital_epoch[path][c * n_epochs + e];
        let factor = volume_factor(s, &pp.volume_events[e], c, values);
        if let Some(f) = factor {
            t *= f;
            d *= f;
        }
        let routed = pp.routed[e * n_cells + c];
        // A unit price change or a raised completion rate makes this
        // cell's own copy of its trial numbers.
        let changed;
        let ct =
            if routed && (!pp.price_changes[e].is_empty() || !pp.completion_events[e].is_empty()) {
                let mut own = with_price_changes(s, ct, &pp.price_changes[e], c, values);
                if let Some(cp) = &mut own.completion {
                    cp.rate = completion_at(s, &pp.completion_events[e], c, cp.base_rate, values);
                }
                changed = own;
                &changed
            } else {
                ct
            };
        if rho == [0.0; 2] && !routed && !staffed {
            add_base_split(
                &ec,
                (c, cell),
                ct,
                t,
                d,
                &mut acc,
                &mut sc.breakdown,
                &mut sc.monthly,
            );
            continue;
        }
        let fractions = tc.fractions_of(cell.area, dept);
        let events = (&pp.shifts[e][..], &pp.closures[e][..]);
        let mut out = Routed::default();
        route(s, c, ct, events, values, rho, fractions, t, d, &mut out);
        add_routed(
            &ec,
            c,
            ct,
            &out,
            &mut acc,
            &mut sc.breakdown,
            &mut sc.monthly,
        );
        let unit = |t: f64, d: f64| {
            let mut out = Routed::default();
            route(s, c, ct, events, values, rho, fractions, t, d, &mut out);
            out
        };
        if let (true, Some(dd)) = (staffed, dept) {
            // Monthly volumes of staffed channels: routing is linear in (T, D).
            let units = (unit(1.0, 0.0), unit(0.0, 1.0));
            let months = (&sc.area_month[..], &sc.digital_month[path][..]);
            add_staff_volumes(
                &ec,
                (c, cell),
                dd,
                ct,
                factor,
                units,
                months,
                &mut sc.staff_volume,
            );
        }
    }
    if ec.by_month {
        let m = ep.start;
        let mo = &mut sc.monthly;
        mo.handling[path][m] = acc.handling - before.1;
        for i in 0..N_CHANNELS {
            mo.volume[path][m * N_CHANNELS + i] = acc.volume[i] - before.0[i];
        }
    }
    acc.store(sc, path, ec.y, n_years);
}

/// Adds cell `c` of a cell-epoch that only the base split applies to
/// (no displacement, routing or staffing): linear in the non-digital
/// contacts `t - d` and the digital `d`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn add_base_split(
    ec: &EpochCtx,
    (c, cell): (usize, &Cell),
    ct: &CellTrial,
    t: f64,
    d: f64,
    acc: &mut YearSums,
    breakdown: &mut crate::model::breakdown::Acc,
    monthly: &mut crate::model::monthly::Acc,
) {
    let (s, plan) = (ec.ctx.s, ec.ctx.plan);
    let n_cells = s.cells.len();
    let (path, y) = (ec.path, ec.y);
    let nd = t - d;
    let di = cell.digital.index();
    let vol = &mut acc.volume;
    for (x, other) in vol.iter_mut().zip(&ct.other) {
        *x += nd * other;
    }
    vol[di] += d;
    let handling = nd * ct.other_cost + d * ct.prices[di];
    acc.handling += handling;
    if ec.by_group {
        breakdown.cell_handling[path][y * n_cells + c] += handling;
        breakdown.cell_contacts[path][y * n_cells + c] += nd * ct.other.iter().sum::<f64>() + d;
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
        let share: f64 = plan.goal_channels[g].iter().map(|&i| ct.other[i]).sum();
        let num = nd * share + if goal.channels[di] { d } else { 0.0 };
        add_goal(ec, g, !not_this_month, (num, t), acc, monthly);
    }
}

/// Adds a cell's numerator and denominator of goal `g` to the year's sums
/// (when the year counts this epoch) and, with `--monthly`, the month's.
#[inline(always)]
fn add_goal(
    ec: &EpochCtx,
    g: usize,
    this_year: bool,
    (num, den): (f64, f64),
    acc: &mut YearSums,
    monthly: &mut crate::model::monthly::Acc,
) {
    if this_year {
        acc.goal_num[g] += num;
        acc.goal_den[g] += den;
    }
    if ec.by_month {
        let n_months = ec.ctx.plan.n_months;
        monthly.goal_num[g * n_months + ec.month] += num;
        monthly.goal_den[g * n_months + ec.month] += den;
    }
}

/// Adds cell `c`'s routed volumes `out` (closures, shifts, opening hours,
/// completion) to the year's sums, the breakdown and the goals.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn add_routed(
    ec: &EpochCtx,
    c: usize,
    ct: &CellTrial,
    out: &Routed,
    acc: &mut YearSums,
    breakdown: &mut crate::model::breakdown::Acc,
    monthly: &mut crate::model::monthly::Acc,
) {
    let (s, plan) = (ec.ctx.s, ec.ctx.plan);
    let n_cells = s.cells.len();
    let (path, y) = (ec.path, ec.y);
    let vol = &mut acc.volume;
    let mut cost = 0.0;
    let mut total = 0.0;
    for i in 0..N_CHANNELS {
        vol[i] += out.volume[i];
        cost += out.volume[i] * ct.prices[i];
        total += out.volume[i];
    }
    acc.handling += cost + out.abandoned_cost;
    acc.avoided_value += out.avoided_value;
    if ec.by_group {
        breakdown.cell_handling[path][y * n_cells + c] += cost + out.abandoned_cost;
        breakdown.cell_contacts[path][y * n_cells + c] += total;
    }
    if path != SCENARIO {
        return;
    }
    for k in 0..4 {
        acc.displaced[k] += out.displaced[k];
    }
    acc.closure_avoided += out.closure_avoided;
    acc.shift_avoided += out.shift_avoided;
    for k in 0..3 {
        acc.completion[k] += out.completion[k];
    }
    for &g in &plan.cell_goals[c] {
        let goal = &s.goals[g];
        let not_this_month = goal.year_end && !ec.december;
        if not_this_month && !ec.by_month {
            continue;
        }
        let (num, den) = if goal.metric == GoalMetric::CompletionRate {
            (out.completion[1], out.completion[0])
        } else {
            let num: f64 = plan.goal_channels[g].iter().map(|&i| out.volume[i]).sum();
            (num, total)
        };
        add_goal(ec, g, !not_this_month, (num, den), acc, monthly);
    }
}

/// Adds cell `c`'s contacts in department `dept`'s staffed channels to
/// the monthly staff volumes of the epoch, from the routing of one
/// contact and one digital contact (`units`): routing is linear in (t, d).
/// `months` are the monthly volumes by area and the path's digital ones by cell.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn add_staff_volumes(
    ec: &EpochCtx,
    (c, cell): (usize, &Cell),
    dept: usize,
    ct: &CellTrial,
    factor: Option<f64>,
    (unit_t, unit_d): (Routed, Routed),
    (area_month, digital_month): (&[f64], &[f64]),
    staff_volume: &mut [f64],
) {
    let plan = ec.ctx.plan;
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
            let mut tm = ct.type_share * area_month[area * n_months + m] / 12.0;
            let mut dm = digital_month[c * n_months + m];
            if let Some(f) = factor {
                tm *= f;
                dm *= f;
            }
            staff_volume[k * n_months + m] += unit_t.volume[chi] * tm + unit_d.volume[chi] * dm;
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
    staffing_cost: &mut [Vec<f64>; 2],
    staffing_stats: &mut [Vec<[f64; 5]>; 2],
) {
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
