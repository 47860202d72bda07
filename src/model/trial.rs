//! One Monte Carlo trial: both paths (status quo and scenario) from the same
//! input draws, written into one row of the trial store.
//!
//! The arithmetic is arranged around what is linear. Costs and volumes are
//! linear in each cell's monthly volume `V(m)` and digital volume
//! `V(m) s(m)`, and the routing of contacts (closures, opening hours) only
//! changes at epoch boundaries. So the month loop per cell keeps just two
//! sums per epoch, and the channel split, displacement, prices and goals are
//! applied once per (cell, epoch) instead of once per month.

use super::bass::{BassLanes, BassState};
use super::citizens;
use super::layout::Layout;
use super::plan::{Plan, SCENARIO, STATUS_QUO, WEEKS_PER_MONTH};
use crate::domain::{Channel, N_CHANNELS};
use crate::hours::erlang;
use crate::sampling;
use crate::scenario::{GoalMetric, Param, Scenario, Volume, COUNTER, PHONE};

/// Reusable buffers of one worker thread.
#[derive(Debug, Default)]
pub struct Scratch {
    area_month: Vec<f64>,
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
    /// Buffers of [`YearSums`]' goal sums, kept between trials.
    goal_acc: [Vec<f64>; 2],
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

/// Runs trial `trial` with input draws `values` and writes its row.
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
    let n_months = plan.n_months;
    let n_years = plan.n_years;
    let n_epochs = plan.epochs.len();
    let n_areas = s.areas.len();
    let n_cells = s.cells.len();
    let v = |p: Param| p.get(values);

    // Demand: population growth, season, optional noise. `area_month` holds
    // each month's volume as an annual rate (contacts a year at that month's
    // pace); sums are divided by 12 once, so a flat year sums exactly.
    let p0 = s.population_base.map(v).unwrap_or(1.0);
    let monthly_growth = (1.0 + v(s.growth)).powf(1.0 / 12.0);
    // Fully overwritten below: resize only, no clearing.
    sc.area_month.resize(n_areas * n_months, 0.0);
    for (a, area) in s.areas.iter().enumerate() {
        let annual = match area.volume {
            Volume::Absolute(x) => v(x),
            Volume::Per1000(x) => v(x) * p0 / 1000.0,
        };
        let mut g = 1.0;
        let row = &mut sc.area_month[a * n_months..(a + 1) * n_months];
        for (m, slot) in row.iter_mut().enumerate() {
            let mut x = annual * g * area.season[m % 12];
            if s.noise_relative_sd > 0.0 {
                let z = sampling::standard_normal(noise_stream, trial, (a * n_months + m) as u64);
                x *= (1.0 + s.noise_relative_sd * z).max(0.0);
            }
            *slot = x;
            g *= monthly_growth;
        }
    }
    sc.area_epoch.resize(n_areas * n_epochs, 0.0);
    for a in 0..n_areas {
        for (e, ep) in plan.epochs.iter().enumerate() {
            sc.area_epoch[a * n_epochs + e] = sc.area_month
                [a * n_months + ep.start..a * n_months + ep.end]
                .iter()
                .sum::<f64>()
                / 12.0;
        }
    }

    // Cells.
    sc.cells.clear();
    for (c, cell) in s.cells.iter().enumerate() {
        let area = &s.areas[cell.area];
        let split_total: f64 = area.type_split.iter().map(|p| v(*p)).sum();
        let type_share = if split_total > 0.0 {
            v(area.type_split[cell.contact_type.index()]) / split_total
        } else {
            0.0
        };
        let mut mix = [0.0; N_CHANNELS];
        let mut total = 0.0;
        for (i, p) in cell.mix.iter().enumerate() {
            mix[i] = v(*p);
            total += mix[i];
        }
        let d = cell.digital.index();
        let written = if total > 0.0 { mix[d] / total } else { 0.0 };
        let (p, q, ceiling) = (v(cell.p), v(cell.q), v(cell.ceiling));
        // The written mix as observed in a later period: start from the
        // January share that reproduces it there on the status-quo path
        // (model/calibration.rs).
        let s0 = match s.calibration {
            Some((from, to)) => super::calibration::base_share_of_cell(
                s,
                plan,
                c,
                values,
                written,
                (p, q, ceiling),
                from..to + 1,
                &sc.area_month[cell.area * n_months..(cell.area + 1) * n_months],
            ),
            None => written,
        };
        let rest = total - mix[d];
        let mut other = [0.0; N_CHANNELS];
        if rest > 0.0 {
            for i in 0..N_CHANNELS {
                if i != d {
                    other[i] = mix[i] / rest;
                }
            }
        }
        sc.cells.push(CellTrial {
            type_share,
            s0,
            other,
            p,
            q,
            c: ceiling.max(s0),
            other_cost: 0.0,
            prices: [0.0; N_CHANNELS],
            completion: None,
        });
    }
    if let Some(cp) = &s.completion {
        // With completion the diffusion is of attempts: the share a0 that,
        // after failures and fallbacks, shows today's digital share s0.
        let f = v(cp.comes_back);
        for (c, ct) in sc.cells.iter_mut().enumerate() {
            if let Some(r) = cp.rate[c] {
                let r0 = v(r).max(MIN_COMPLETION);
                let s0 = ct.s0;
                let a0 = (s0 / (r0 + s0 * (1.0 - r0) * (1.0 - f))).min(1.0);
                ct.s0 = a0;
                ct.c = ct.c.max(a0);
                ct.completion = Some(CompletionTrial {
                    rate: r0,
                    base_rate: r0,
                    comes_back: f,
                    kappa: 1.0 / (1.0 - a0 * (1.0 - r0) * (1.0 - f)),
                    abandoned_price: 0.0,
                });
            }
        }
    }

    let tc = trial_constants(s, values, n_years);
    for (c, ct) in sc.cells.iter_mut().enumerate() {
        let dept = plan.cell_dept[c];
        let mut prices = *dept
            .map(|d| &tc.price_by_dept[d])
            .unwrap_or(&tc.price_no_dept);
        // The area's own prices, except on channels its department staffs
        // (those are paid by the hour, not per contact).
        for (i, p) in s.areas[s.cells[c].area].prices.iter().enumerate() {
            if let Some(p) = p {
                let staffed = dept.is_some_and(|d| {
                    let st = &s.departments[d].staffing;
                    (i == Channel::Personal.index() && st[COUNTER].is_some())
                        || (i == Channel::Phone.index() && st[PHONE].is_some())
                });
                if !staffed {
                    prices[i] = v(*p);
                }
            }
        }
        ct.prices = prices;
        ct.other_cost = (0..N_CHANNELS).map(|i| ct.other[i] * prices[i]).sum();
        if let Some(cp) = &mut ct.completion {
            let own = s.completion.as_ref().and_then(|x| x.abandoned_price_kr);
            cp.abandoned_price = own.map_or(prices[s.cells[c].digital.index()], v);
        }
    }

    // Citizens' capabilities per path (they may cap adoption below).
    if !s.citizens.is_empty() {
        for path in [SCENARIO, STATUS_QUO] {
            if path == STATUS_QUO && plan.identical_paths {
                let (sq, scn) = sc.cap_share.split_at_mut(1);
                sq[0].clone_from(&scn[0]);
            } else {
                citizens::capability_shares(s, plan, path, values, &mut sc.cap_share[path]);
            }
        }
    }

    // Adoption per path: digital volume per (cell, epoch), and per month when staffed.
    let staffed = !plan.staffed.is_empty();
    for path in 0..2 {
        sc.digital_epoch[path].resize(n_cells * n_epochs, 0.0);
        if staffed {
            sc.digital_month[path].clear();
            sc.digital_month[path].resize(n_cells * n_months, 0.0);
        }
    }
    for path in [SCENARIO, STATUS_QUO] {
        if staffed {
            break;
        }
        let pp = &plan.paths[path];
        let plain: Vec<usize> = (0..n_cells)
            .filter(|&c| {
                let special =
                    !pp.change_months[c].is_empty() || pp.has_floor[c] || plan.monthly_bass[c];
                let copied = path == STATUS_QUO && plan.shared_bass[c];
                !(special || copied)
            })
            .collect();
        adopt_lanes::adopt_plain(
            plan,
            &plain,
            &s.cells,
            &sc.cells,
            &sc.area_month,
            n_months,
            &mut sc.digital_epoch[path],
        );
    }
    for c in 0..n_cells {
        for path in [SCENARIO, STATUS_QUO] {
            let pp = &plan.paths[path];
            let plain = pp.change_months[c].is_empty() && !pp.has_floor[c] && !plan.monthly_bass[c];
            if plain && !staffed && !(path == STATUS_QUO && plan.shared_bass[c]) {
                continue;
            }
            if path == STATUS_QUO && plan.shared_bass[c] {
                let (sq, scn) = sc.digital_epoch.split_at_mut(1);
                sq[0][c * n_epochs..(c + 1) * n_epochs]
                    .copy_from_slice(&scn[0][c * n_epochs..(c + 1) * n_epochs]);
                if staffed {
                    let (sq, scn) = sc.digital_month.split_at_mut(1);
                    sq[0][c * n_months..(c + 1) * n_months]
                        .copy_from_slice(&scn[0][c * n_months..(c + 1) * n_months]);
                }
                continue;
            }
            let limit = if plan.limited_by[c].is_empty() {
                None
            } else {
                cap_of_cell(
                    plan,
                    &plan.limited_by[c],
                    &sc.cap_share[path],
                    &mut sc.limit_month,
                );
                Some(&sc.limit_month[..])
            };
            let extra = Extra {
                launch: citizens::cell_launch(s, c, values),
                limit,
                rates: if limit.is_some() {
                    completion_rates(plan, path, c, &sc.cells[c], s, values)
                } else {
                    None
                },
            };
            adopt(
                s,
                plan,
                path,
                c,
                &sc.cells[c],
                values,
                &sc.area_month,
                n_months,
                &mut sc.digital_epoch[path],
                if staffed {
                    Some(&mut sc.digital_month[path])
                } else {
                    None
                },
                &extra,
            );
        }
    }

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
        let pp = &plan.paths[path];
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
        for (e, ep) in plan.epochs.iter().enumerate() {
            let y = ep.year;
            // This year's sums so far, held in locals for the cell loop (the
            // compiler cannot keep them in registers through the vectors) and
            // stored back after it: the same additions in the same order.
            let mut acc = YearSums::load(sc, path, y, n_goals, n_years);
            // With --monthly this epoch is one month: its sums are the
            // year's sums after the cell loop less these.
            let before = (acc.volume, acc.handling);
            // Year-end goals count only December, an epoch of its own.
            let december = ep.start % 12 == 11;
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
                let ct = if routed
                    && (!pp.price_changes[e].is_empty() || !pp.completion_events[e].is_empty())
                {
                    let mut own = with_price_changes(s, ct, &pp.price_changes[e], c, values);
                    if let Some(cp) = &mut own.completion {
                        cp.rate =
                            completion_at(s, &pp.completion_events[e], c, cp.base_rate, values);
                    }
                    changed = own;
                    &changed
                } else {
                    ct
                };
                let prices = &ct.prices;
                if rho == [0.0; 2] && !routed && !staffed {
                    // Fast path: only the base split applies, linear in (nd, d).
                    let nd = t - d;
                    let di = cell.digital.index();
                    let vol = &mut acc.volume;
                    for (x, other) in vol.iter_mut().zip(&ct.other) {
                        *x += nd * other;
                    }
                    vol[di] += d;
                    let handling = nd * ct.other_cost + d * prices[di];
                    acc.handling += handling;
                    if by_group {
                        let b = &mut sc.breakdown;
                        b.cell_handling[path][y * n_cells + c] += handling;
                        b.cell_contacts[path][y * n_cells + c] +=
                            nd * ct.other.iter().sum::<f64>() + d;
                    }
                    if path == SCENARIO {
                        for &g in &plan.cell_goals[c] {
                            let goal = &s.goals[g];
                            // No completion here: nothing for a completion-rate goal.
                            let not_this_month = goal.year_end && !december;
                            if (not_this_month && !by_month)
                                || goal.metric == GoalMetric::CompletionRate
                            {
                                continue;
                            }
                            let share: f64 =
                                plan.goal_channels[g].iter().map(|&i| ct.other[i]).sum();
                            let num = nd * share + if goal.channels[di] { d } else { 0.0 };
                            if !not_this_month {
                                acc.goal_num[g] += num;
                                acc.goal_den[g] += t;
                            }
                            if by_month {
                                sc.monthly.goal_num[g * n_months + ep.start] += num;
                                sc.monthly.goal_den[g * n_months + ep.start] += t;
                            }
                        }
                    }
                    continue;
                }
                let mut out = Routed::default();
                route(
                    s,
                    c,
                    ct,
                    (&pp.shifts[e], &pp.closures[e]),
                    values,
                    rho,
                    tc.fractions_of(cell.area, dept),
                    t,
                    d,
                    &mut out,
                );
                let vol = &mut acc.volume;
                let mut cost = 0.0;
                let mut total = 0.0;
                for i in 0..N_CHANNELS {
                    vol[i] += out.volume[i];
                    cost += out.volume[i] * prices[i];
                    total += out.volume[i];
                }
                acc.handling += cost + out.abandoned_cost;
                acc.avoided_value += out.avoided_value;
                if by_group {
                    let b = &mut sc.breakdown;
                    b.cell_handling[path][y * n_cells + c] += cost + out.abandoned_cost;
                    b.cell_contacts[path][y * n_cells + c] += total;
                }
                if path == SCENARIO {
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
                        let not_this_month = goal.year_end && !december;
                        if not_this_month && !by_month {
                            continue;
                        }
                        let (num, den) = if goal.metric == GoalMetric::CompletionRate {
                            (out.completion[1], out.completion[0])
                        } else {
                            let num: f64 =
                                plan.goal_channels[g].iter().map(|&i| out.volume[i]).sum();
                            (num, total)
                        };
                        if !not_this_month {
                            acc.goal_num[g] += num;
                            acc.goal_den[g] += den;
                        }
                        if by_month {
                            sc.monthly.goal_num[g * n_months + ep.start] += num;
                            sc.monthly.goal_den[g * n_months + ep.start] += den;
                        }
                    }
                }
                if staffed {
                    if let Some(dd) = dept {
                        // Monthly volumes of staffed channels: routing is linear in (T, D).
                        let fractions = tc.fractions_of(cell.area, dept);
                        let unit = |t: f64, d: f64| {
                            let mut out = Routed::default();
                            route(
                                s,
                                c,
                                ct,
                                (&pp.shifts[e], &pp.closures[e]),
                                values,
                                rho,
                                fractions,
                                t,
                                d,
                                &mut out,
                            );
                            out
                        };
                        let (unit_t, unit_d) = (unit(1.0, 0.0), unit(0.0, 1.0));
                        for (k, &(sd, sch)) in plan.staffed.iter().enumerate() {
                            if sd != dd {
                                continue;
                            }
                            let chi = if sch == COUNTER {
                                Channel::Personal.index()
                            } else {
                                Channel::Phone.index()
                            };
                            for m in ep.start..ep.end {
                                let mut tm =
                                    ct.type_share * sc.area_month[cell.area * n_months + m] / 12.0;
                                let mut dm = sc.digital_month[path][c * n_months + m];
                                if let Some(f) = factor {
                                    tm *= f;
                                    dm *= f;
                                }
                                sc.staff_volume[k * n_months + m] +=
                                    unit_t.volume[chi] * tm + unit_d.volume[chi] * dm;
                            }
                        }
                    }
                }
            }
            if by_month {
                let m = ep.start;
                let mo = &mut sc.monthly;
                mo.handling[path][m] = acc.handling - before.1;
                for i in 0..N_CHANNELS {
                    mo.volume[path][m * N_CHANNELS + i] = acc.volume[i] - before.0[i];
                }
            }
            acc.store(sc, path, y, n_years);
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
                        let r = erlang::agents_needed(
                            rate,
                            aht,
                            st.service_level,
                            st.answer_within_seconds,
                        )
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
                    let staff_kr =
                        agent_hours * WEEKS_PER_MONTH / (1.0 - shrink) * wage * tc.idx[y];
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
    }

    // Costs per path and year.
    let sl = &layout.slots;
    let mut cost = [vec![0.0; n_years], vec![0.0; n_years]];
    let mut paper = [vec![0.0; n_years], vec![0.0; n_years]];
    let mut dp_letters = vec![0.0; n_years];
    // Per path and year: handling, opening, campaign, outbound, avoided value
    // (all with the price index), for the savings by source.
    let mut parts = [vec![[0.0f64; 5]; n_years], vec![[0.0f64; 5]; n_years]];
    for path in 0..2 {
        let pp = &plan.paths[path];
        let registration = citizens::tracked_index(s, crate::scenario::Capability::DigitalPost)
            .filter(|&k| s.citizens[k].drives_outbound)
            .map(|k| &sc.cap_share[path][k * n_months..(k + 1) * n_months]);
        let (campaign, outbound) = campaign_and_outbound(
            s,
            plan,
            path,
            values,
            monthly_growth,
            registration,
            &tc.idx,
            &mut paper[path],
            if path == SCENARIO {
                Some(&mut dp_letters)
            } else {
                None
            },
            if by_month {
                Some(&mut sc.monthly.other_cost[path])
            } else {
                None
            },
        );
        if by_month {
            // Opening cost month by month (the year's sum is open_hours_year).
            for m in 0..n_months {
                for (d, dep) in s.departments.iter().enumerate() {
                    for ch in 0..2 {
                        if let (Some(c), Some(sch)) = (
                            dep.open_hour_cost_kr[ch],
                            super::plan::schedule_at(s, path, d, ch, m),
                        ) {
                            sc.monthly.other_cost[path][m] +=
                                sch.hours_per_week() * WEEKS_PER_MONTH * v(c) * tc.idx[m / 12];
                        }
                    }
                }
            }
        }
        for y in 0..n_years {
            let handling = sc.handling[path][y] * tc.idx[y];
            let mut opening = staffing_cost[path][y];
            for (d, dep) in s.departments.iter().enumerate() {
                for ch in 0..2 {
                    if let Some(c) = dep.open_hour_cost_kr[ch] {
                        let kr = pp.open_hours_year[y][d][ch] * v(c) * tc.idx[y];
                        opening += kr;
                        if by_group {
                            sc.breakdown.dept_opening[path][y * n_depts + d] += kr;
                        }
                    }
                }
            }
            cost[path][y] = handling + opening + campaign[y] + outbound[y];
            parts[path][y] = [
                handling,
                opening,
                campaign[y],
                outbound[y],
                sc.avoided_value[path][y] * tc.idx[y],
            ];
            detail[sl.handling[path] + y] = handling as f32;
            detail[sl.opening[path] + y] = opening as f32;
            detail[sl.campaign[path] + y] = campaign[y] as f32;
            detail[sl.outbound[path] + y] = outbound[y] as f32;
            let vol = &sc.volume[path][y];
            detail[sl.contacts[path] + y] = vol.iter().sum::<f64>() as f32;
            for i in 0..N_CHANNELS {
                detail[sl.volume[path][i] + y] = vol[i] as f32;
            }
            detail[sl.paper_letters[path] + y] = paper[path][y] as f32;
            for (k, slots) in sl.staffing.iter().enumerate() {
                let stt = staffing_stats[path][y * n_staffed + k];
                detail[slots[path][0] + y] = if stt[1] > 0.0 {
                    (stt[0] / stt[1]) as f32
                } else {
                    0.0
                };
                detail[slots[path][1] + y] = if stt[4] > 0.0 {
                    (stt[2] / stt[4]) as f32
                } else {
                    1.0
                };
                detail[slots[path][2] + y] = if stt[4] > 0.0 {
                    (stt[3] / stt[4]) as f32
                } else {
                    0.0
                };
            }
        }
    }

    if let Some(slots) = &layout.slots.monthly {
        sc.monthly
            .write(slots, s, n_months, &tc.idx, &sc.cap_share[SCENARIO], detail);
    }
    if let Some(slots) = &layout.slots.breakdown {
        sc.breakdown
            .write(slots, n_years, n_cells, n_depts, &tc.idx, detail);
    }

    // Savings, cumulative, NPV, payback.
    let r = v(s.discount_rate);
    let mut cumulative = 0.0;
    let mut npv = 0.0;
    let mut cum_by_year = vec![0.0; n_years];
    for y in 0..n_years {
        let savings = cost[STATUS_QUO][y] - cost[SCENARIO][y];
        cumulative += savings;
        npv += savings / (1.0 + r).powi(y as i32);
        cum_by_year[y] = cumulative;
        core[sl.cost_status_quo + y] = cost[STATUS_QUO][y];
        core[sl.cost_scenario + y] = cost[SCENARIO][y];
        core[sl.savings + y] = savings;
        core[sl.cumulative + y] = cumulative;
        core[sl.npv + y] = npv;
        let vol = &sc.volume[SCENARIO][y];
        let total: f64 = vol.iter().sum();
        let digital: f64 = Channel::ALL
            .iter()
            .filter(|c| c.can_be_digital_target())
            .map(|c| vol[c.index()])
            .sum();
        detail[sl.digital_share + y] = if total > 0.0 {
            (digital / total) as f32
        } else {
            0.0
        };
        for k in 0..4 {
            detail[sl.displaced[k] + y] = sc.displaced[y][k] as f32;
        }
        detail[sl.closure_avoided + y] = sc.closure_avoided[y] as f32;
        if let Some(slot) = sl.shift_avoided {
            detail[slot + y] = sc.shift_avoided[y] as f32;
        }
        if let Some([attempts, done, back, rate]) = sl.completion {
            let [a, d, b] = sc.completion[y];
            detail[attempts + y] = a as f32;
            detail[done + y] = d as f32;
            detail[back + y] = b as f32;
            // No attempts at all: the rate is that of the cells' own rates.
            detail[rate + y] = if a > 0.0 {
                (d / a) as f32
            } else {
                mean_base_rate(&sc.cells) as f32
            };
        }
        for (k, &slot) in sl.citizens.iter().enumerate() {
            detail[slot + y] = year_mean(&sc.cap_share[SCENARIO], k, n_months, y) as f32;
        }
        let [h_sq, o_sq, c_sq, m_sq, a_sq] = parts[STATUS_QUO][y];
        let [h_sc, o_sc, c_sc, m_sc, a_sc] = parts[SCENARIO][y];
        let by_source = &sl.savings_by_source;
        use super::layout::SavingsSource as Src;
        detail[by_source[Src::OpeningHours.index()] + y] = (o_sq - o_sc) as f32;
        detail[by_source[Src::ChannelShift.index()] + y] = ((h_sq + a_sq) - (h_sc + a_sc)) as f32;
        detail[by_source[Src::AvoidedContacts.index()] + y] = (a_sc - a_sq) as f32;
        detail[by_source[Src::Initiatives.index()] + y] = (c_sq - c_sc) as f32;
        detail[by_source[Src::OutboundMail.index()] + y] = (m_sq - m_sc) as f32;
        detail[sl.digital_post_letters + y] = dp_letters[y] as f32;
        if let Some(slot) = sl.outbound_digital_share {
            let letters = dp_letters[y] + paper[SCENARIO][y];
            detail[slot + y] = if letters > 0.0 {
                (dp_letters[y] / letters) as f32
            } else {
                0.0
            };
        }
    }
    // Payback: first year with cumulative > 0 that stays > 0 through the end
    // year; "above 0" means above a relative 1e-9 of the status quo's
    // cumulative cost, so rounding noise never pays anything back (MODEL.md 13).
    let mut payback = f64::NAN;
    let mut cum_cost = vec![0.0; n_years];
    let mut acc = 0.0;
    for y in 0..n_years {
        acc += cost[STATUS_QUO][y].abs();
        cum_cost[y] = acc;
    }
    for y in (0..n_years).rev() {
        if cum_by_year[y] > crate::scenario::GOAL_TOLERANCE * cum_cost[y] {
            payback = (s.base_year + y as i32) as f64;
        } else {
            break;
        }
    }
    core[sl.payback] = payback;
    let mut live = vec![0.0; if s.solutions.is_empty() { 0 } else { n_years }];
    if let Some(slot) = sl.solutions_live {
        citizens::solutions_live(s, n_years, values, &mut live);
        for y in 0..n_years {
            detail[slot + y] = live[y] as f32;
        }
    }

    // Goals.
    for (g, goal) in s.goals.iter().enumerate() {
        for y in 0..n_years {
            let value = match goal.metric {
                GoalMetric::Share => {
                    let den = sc.goal_den[g * n_years + y];
                    // A share over no contacts is undefined, not 0 or met:
                    // NaN marks the goal "not evaluable" in this year.
                    if den > 0.0 {
                        sc.goal_num[g * n_years + y] / den
                    } else {
                        f64::NAN
                    }
                }
                // December's contacts at an annual rate for a year-end goal.
                GoalMetric::Volume if goal.year_end => sc.goal_num[g * n_years + y] * 12.0,
                GoalMetric::Volume => sc.goal_num[g * n_years + y],
                GoalMetric::PaperLetters => paper[SCENARIO][y],
                GoalMetric::Cost => cost[SCENARIO][y],
                GoalMetric::Savings => core[sl.savings + y],
                GoalMetric::CumulativeNetSavings => core[sl.cumulative + y],
                GoalMetric::Npv => core[sl.npv + y],
                GoalMetric::CompletionRate => {
                    let den = sc.goal_den[g * n_years + y];
                    // No attempts in the goal's cells: not evaluable.
                    if den > 0.0 {
                        sc.goal_num[g * n_years + y] / den
                    } else {
                        f64::NAN
                    }
                }
                GoalMetric::Citizens(cap) => {
                    let k = citizens::tracked_index(s, cap).expect("goal capability is tracked");
                    if goal.year_end {
                        sc.cap_share[SCENARIO][k * n_months + y * 12 + 11]
                    } else {
                        year_mean(&sc.cap_share[SCENARIO], k, n_months, y)
                    }
                }
                GoalMetric::Solutions => live[y],
            };
            core[sl.goals[g] + y] = value;
        }
    }
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

fn trial_constants(s: &Scenario, values: &[f64], n_years: usize) -> TrialConst {
    let v = |p: Param| p.get(values);
    let i = v(s.price_index);
    let idx = (0..n_years).map(|y| (1.0 + i).powi(y as i32)).collect();
    // Drawn fractions that sum to more than 1 are scaled down (MODEL.md 13).
    let draw = |set: &[crate::scenario::Fractions; 2]| {
        let mut out = [[0.0; 3]; 2];
        for (ch, f) in set.iter().enumerate() {
            let mut x = [v(f.retime), v(f.to_digital), v(f.to_phone)];
            let sum: f64 = x.iter().sum();
            if sum > 1.0 {
                for xi in &mut x {
                    *xi /= sum;
                }
            }
            out[ch] = x;
        }
        out
    };
    let fractions = draw(&s.displacement);
    let fractions_by_area = s
        .areas
        .iter()
        .map(|a| a.displacement.as_ref().map(draw))
        .collect();
    let fractions_by_dept = s
        .departments
        .iter()
        .map(|d| draw(&d.displacement))
        .collect();
    let mut price_no_dept = [0.0; N_CHANNELS];
    for (i, p) in s.prices.iter().enumerate() {
        price_no_dept[i] = p.map(v).unwrap_or(0.0);
    }
    let price_by_dept = s
        .departments
        .iter()
        .map(|d| {
            let mut pr = price_no_dept;
            if d.staffing[COUNTER].is_some() {
                pr[Channel::Personal.index()] = 0.0;
            }
            if d.staffing[PHONE].is_some() {
                pr[Channel::Phone.index()] = 0.0;
            }
            pr
        })
        .collect();
    TrialConst {
        idx,
        fractions,
        fractions_by_dept,
        fractions_by_area,
        price_by_dept,
        price_no_dept,
    }
}

/// Cells advanced together by [`adopt_lanes::adopt_plain`].
const LANES: usize = 8;

/// Bass adoption of cells on which nothing acts, [`LANES`] at a time: one
/// month of a group is a few vector instructions, and the interleaved
/// recurrences hide the latency of each cell's dependency chain. Compiled
/// for the vector units this processor has (AVX-512, AVX2 or the baseline),
/// chosen once at run time. Only plain multiplications, additions and
/// divisions: no fused multiply-add, so each target gives the same bits.
mod adopt_lanes {
    use super::{BassLanes, BassState, CellTrial, Plan, LANES};

    #[multiversion::multiversion(targets("x86_64+avx512f", "x86_64+avx2"))]
    pub fn adopt_plain(
        plan: &Plan,
        cells: &[usize],
        spec: &[crate::scenario::Cell],
        ct: &[CellTrial],
        area_month: &[f64],
        n_months: usize,
        digital_epoch: &mut [f64],
    ) {
        let n_epochs = plan.epochs.len();
        for group in cells.chunks(LANES) {
            let mut st = [BassState::new(0.0, 1.0, 0.0, 0.0); LANES];
            let mut vols: [&[f64]; LANES] = [&area_month[..0]; LANES];
            for (j, &c) in group.iter().enumerate() {
                let t = &ct[c];
                st[j] = BassState::new(t.s0, t.p, t.q, t.c);
                let a = spec[c].area;
                vols[j] = &area_month[a * n_months..(a + 1) * n_months];
            }
            for j in group.len()..LANES {
                vols[j] = vols[0];
            }
            let mut lanes = BassLanes::new(&st);
            for (e, ep) in plan.epochs.iter().enumerate() {
                let sum = lanes.sum_over(&vols, ep.start..ep.end);
                for (j, &c) in group.iter().enumerate() {
                    digital_epoch[c * n_epochs + e] = ct[c].type_share * sum[j] / 12.0;
                }
            }
        }
    }
}

/// Runs the Bass adoption of one cell in one path; adds the digital volume
/// per epoch (and per month when `monthly` is given).
#[allow(clippy::too_many_arguments)]
fn adopt(
    s: &Scenario,
    plan: &Plan,
    path: usize,
    c: usize,
    ct: &CellTrial,
    values: &[f64],
    area_month: &[f64],
    n_months: usize,
    digital_epoch: &mut [f64],
    mut monthly: Option<&mut Vec<f64>>,
    extra: &Extra,
) {
    let pp = &plan.paths[path];
    let cell = &s.cells[c];
    let n_epochs = plan.epochs.len();
    let events = &pp.bass_events[c];
    let changes = &pp.change_months[c];
    let has_floor = pp.has_floor[c];
    let vol = &area_month[cell.area * n_months..(cell.area + 1) * n_months];
    let mut st = BassState::new(ct.s0, ct.p, ct.q, ct.c);
    if changes.is_empty() && !has_floor && monthly.is_none() && !plan.monthly_bass[c] {
        // Nothing acts on this cell: the plain closed-form recurrence.
        for (e, ep) in plan.epochs.iter().enumerate() {
            let mut sum = 0.0;
            for &x in &vol[ep.start..ep.end] {
                sum += x * st.share();
                st.step();
            }
            digital_epoch[c * n_epochs + e] = ct.type_share * sum / 12.0;
        }
        return;
    }
    let mut next_change = 0;
    for (e, ep) in plan.epochs.iter().enumerate() {
        let mut sum = 0.0;
        for m in ep.start..ep.end {
            if next_change < changes.len() && changes[next_change] == m {
                next_change += 1;
                let (mut p, mut q, mut cap) = (ct.p, ct.q, ct.c);
                for &ei in events {
                    let ev = &s.events[ei];
                    if ev.start <= m && m <= ev.end {
                        p += ev.p_add.map(|x| x.get(values)).unwrap_or(0.0);
                        q += ev.q_add.map(|x| x.get(values)).unwrap_or(0.0);
                        cap += ev.ceiling_add.map(|x| x.get(values)).unwrap_or(0.0);
                    }
                }
                st.change(p, q, cap.min(1.0));
            }
            if has_floor {
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
                st.raise_to(floor);
            }
            // Same order of operations as `adopt_plain` (type share applied
            // to the epoch's sum), so a cell that behaves alike in both
            // paths gives bit-identical volumes (MODEL.md 13, exact zeros).
            let share = match extra.limit {
                // The completed share a r may not exceed the capability's
                // share: attempts are capped at cap / r.
                Some(cap) => {
                    let r = extra.rates.as_ref().map_or(1.0, |r| r[e]);
                    st.share().min(cap[m] / r)
                }
                None => st.share(),
            };
            let x = vol[m] * share;
            sum += x;
            if let Some(mm) = monthly.as_deref_mut() {
                mm[c * n_months + m] = ct.type_share * x / 12.0;
            }
            // Before its solution launches the cell keeps today's share.
            if extra.launch.is_none_or(|l| m >= l) {
                st.step();
            }
        }
        digital_epoch[c * n_epochs + e] = ct.type_share * sum / 12.0;
    }
}

/// The mean over year `y`'s months of the `k`-th capability's share.
fn year_mean(shares: &[f64], k: usize, n_months: usize, y: usize) -> f64 {
    let start = k * n_months + y * 12;
    shares[start..start + 12].iter().sum::<f64>() / 12.0
}

/// The mean of the cells' base completion rates.
fn mean_base_rate(cells: &[CellTrial]) -> f64 {
    let rates: Vec<f64> = cells
        .iter()
        .filter_map(|c| c.completion.map(|cp| cp.base_rate))
        .collect();
    if rates.is_empty() {
        1.0
    } else {
        rates.iter().sum::<f64>() / rates.len() as f64
    }
}

/// What else shapes one cell's adoption in a trial: its solution's launch
/// and a cap from citizens' capabilities.
struct Extra<'a> {
    /// Month from which the cell diffuses (`None`: from the start).
    launch: Option<usize>,
    /// Per month: the cap on the completed digital share.
    limit: Option<&'a [f64]>,
    /// Per epoch: the completion rate, when the cell has one.
    rates: Option<Vec<f64>>,
}

/// The smallest completion rate used: a drawn rate of 0 acts as this, so
/// the attempt share solving today's mix stays finite.
const MIN_COMPLETION: f64 = 1e-6;

/// The cap on a cell's completed share per month: the lowest share among
/// the capabilities that limit it.
fn cap_of_cell(plan: &Plan, limited_by: &[usize], shares: &[f64], out: &mut Vec<f64>) {
    let n = plan.n_months;
    out.clear();
    out.resize(n, 1.0);
    for &k in limited_by {
        for (o, x) in out.iter_mut().zip(&shares[k * n..(k + 1) * n]) {
            *o = o.min(*x);
        }
    }
}

/// A cell's completion rate in every epoch of a path.
fn completion_rates(
    plan: &Plan,
    path: usize,
    c: usize,
    ct: &CellTrial,
    s: &Scenario,
    values: &[f64],
) -> Option<Vec<f64>> {
    let cp = ct.completion.as_ref()?;
    let pp = &plan.paths[path];
    Some(
        (0..plan.epochs.len())
            .map(|e| completion_at(s, &pp.completion_events[e], c, cp.base_rate, values))
            .collect(),
    )
}

/// The completion rate of cell `c` with the raising events `events`
/// (event, ramp factor) in force: base plus their ramped additions, at most 1.
fn completion_at(
    s: &Scenario,
    events: &[(usize, f64)],
    c: usize,
    base: f64,
    values: &[f64],
) -> f64 {
    let mut r = base;
    for &(ei, ramp) in events {
        let e = &s.events[ei];
        if e.cells[c] {
            r += e.completion_add.expect("completion event").get(values) * ramp;
        }
    }
    r.min(1.0)
}

/// Volumes of one cell in one epoch after the channel split, closures and
/// opening hours.
#[derive(Debug, Default, Clone, Copy)]
struct Routed {
    volume: [f64; N_CHANNELS],
    /// Contacts displaced by opening hours: retimed, to digital, to phone, avoided.
    displaced: [f64; 4],
    closure_avoided: f64,
    /// Contacts avoided by partial channel shifts.
    shift_avoided: f64,
    /// Avoided contacts (hours, closures, shifts) at the unit price of the channel they left.
    avoided_value: f64,
    /// Self-service attempts, completed, fallback contacts.
    completion: [f64; 3],
    /// Handling cost of the abandoned attempts.
    abandoned_cost: f64,
}

/// Splits `t` contacts, `d` of them digital, over the channels (MODEL.md
/// sections 5-7). Linear in (t, d).
#[allow(clippy::too_many_arguments)]
#[inline]
fn route(
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
fn move_to(
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
fn volume_factor(s: &Scenario, events: &[usize], c: usize, values: &[f64]) -> Option<f64> {
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
fn with_price_changes(
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

/// Campaign costs and outbound mail cost per year of a path; fills paper
/// (and Digital Post) letters per year.
#[allow(clippy::too_many_arguments)]
fn campaign_and_outbound(
    s: &Scenario,
    plan: &Plan,
    path: usize,
    values: &[f64],
    monthly_growth: f64,
    registration: Option<&[f64]>,
    idx: &[f64],
    paper: &mut [f64],
    mut dp: Option<&mut Vec<f64>>,
    mut monthly: Option<&mut Vec<f64>>,
) -> (Vec<f64>, Vec<f64>) {
    let n_years = plan.n_years;
    let v = |p: Param| p.get(values);
    let pp = &plan.paths[path];
    let mut campaign = vec![0.0; n_years];
    for &ei in &pp.events {
        let e = &s.events[ei];
        if let Some(c) = e.cost_one_off_kr {
            campaign[e.start / 12] += v(c);
            if let Some(mo) = monthly.as_deref_mut() {
                mo[e.start] += v(c);
            }
        }
        if let Some(c) = e.cost_monthly_kr {
            let c = v(c);
            for m in e.start..=e.end {
                campaign[m / 12] += c;
                if let Some(mo) = monthly.as_deref_mut() {
                    mo[m] += c;
                }
            }
        }
        for (year, c) in &e.cost_by_year_kr {
            let y = (year - s.base_year) as usize;
            campaign[y] += v(*c);
            // A year's cost is spread evenly over its months.
            if let Some(mo) = monthly.as_deref_mut() {
                for m in y * 12..(y + 1) * 12 {
                    mo[m] += v(*c) / 12.0;
                }
            }
        }
    }
    let mut outbound = vec![0.0; n_years];
    if let Some(o) = &s.outbound {
        let letters_month = v(o.letters_per_year) / 12.0;
        let base_share = v(o.digital_share);
        let (pl, pd) = (v(o.price_letter_kr), v(o.price_digital_post_kr));
        let mut g = 1.0;
        for m in 0..plan.n_months {
            // Coupled: letters go digital in proportion to the citizens
            // registered for Digital Post (docs/model.md, "Citizens").
            let mut share = registration.map_or(base_share, |r| r[m]);
            for &ei in &pp.digital_post {
                let e = &s.events[ei];
                if e.start <= m && m <= e.end {
                    let (ex, ramp) = e.digital_post.expect("digital post event");
                    let r = ((m - e.start + 1) as f64 / ramp as f64).min(1.0);
                    share = share.max((1.0 - v(ex)) * r);
                }
            }
            let letters = letters_month * g;
            let y = m / 12;
            paper[y] += letters * (1.0 - share);
            if let Some(d) = dp.as_deref_mut() {
                d[y] += letters * share;
            }
            let kr = (letters * (1.0 - share) * pl + letters * share * pd) * idx[y];
            outbound[y] += kr;
            if let Some(mo) = monthly.as_deref_mut() {
                mo[m] += kr;
            }
            g *= monthly_growth;
        }
    }
    (campaign, outbound)
}
