//! Bass adoption per cell and path: the digital volume per (cell, epoch),
//! and per month when a department is staffed.

use super::*;

/// Citizens' capabilities per path (they may cap adoption below).
pub(super) fn capabilities(ctx: &Ctx, sc: &mut Scratch) {
    let (s, plan, values) = (ctx.s, ctx.plan, ctx.values);
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
}

/// The digital volume of every cell in both paths.
pub(super) fn adoption(ctx: &Ctx, sc: &mut Scratch) {
    let (s, plan, values) = (ctx.s, ctx.plan, ctx.values);
    let n_months = plan.n_months;
    let n_epochs = plan.epochs.len();
    let n_cells = s.cells.len();
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
#[inline]
pub(super) fn completion_at(
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
