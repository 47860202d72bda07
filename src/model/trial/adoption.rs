//! Bass adoption per cell and path: the digital volume per (cell, epoch),
//! and per month when a department is staffed.

use super::*;
use crate::model::bass::{rates_at, FloorLanes};

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

/// The digital volume of every cell in both paths, for every lane (trial)
/// of a batch: cells on which nothing acts per lane, eight cells at a time
/// ([`adopt_lanes::adopt_plain`]); the others month by month with the
/// lanes side by side ([`adopt`]).
pub(super) fn adoption<const L: usize>(ctxs: &[Ctx; L], sc: &mut [Scratch; L]) {
    let (s, plan) = (ctxs[0].s, ctxs[0].plan);
    let n_months = plan.n_months;
    let n_epochs = plan.epochs.len();
    let n_cells = s.cells.len();
    // Adoption per path: digital volume per (cell, epoch), and per month when staffed.
    let staffed = !plan.staffed.is_empty();
    for sc in sc.iter_mut() {
        for path in 0..2 {
            sc.digital_epoch[path].resize(n_cells * n_epochs, 0.0);
            if staffed {
                sc.digital_month[path].clear();
                sc.digital_month[path].resize(n_cells * n_months, 0.0);
            }
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
        for sc in sc.iter_mut() {
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
    }
    // Each lane's cap buffer, out of its scratch while the lanes' outputs
    // are borrowed.
    let mut limit_month: [Vec<f64>; L] =
        std::array::from_fn(|l| std::mem::take(&mut sc[l].limit_month));
    for path in [SCENARIO, STATUS_QUO] {
        let pp = &plan.paths[path];
        let (io, mut out) = unzip(sc.each_mut().map(|sc| AdoptIo::of(sc, path, staffed)));
        for c in 0..n_cells {
            let plain = pp.change_months[c].is_empty() && !pp.has_floor[c] && !plan.monthly_bass[c];
            if plain && !staffed && !(path == STATUS_QUO && plan.shared_bass[c]) {
                continue;
            }
            if path == STATUS_QUO && plan.shared_bass[c] {
                for (io, out) in io.iter().zip(out.iter_mut()) {
                    let cells = c * n_epochs..(c + 1) * n_epochs;
                    out.digital_epoch[cells.clone()].copy_from_slice(&io.scenario_epoch[cells]);
                    if let (Some(month), Some(scenario)) =
                        (&mut out.digital_month, io.scenario_month)
                    {
                        let cells = c * n_months..(c + 1) * n_months;
                        month[cells.clone()].copy_from_slice(&scenario[cells]);
                    }
                }
                continue;
            }
            if !plan.limited_by[c].is_empty() {
                for l in 0..L {
                    cap_of_cell(
                        plan,
                        &plan.limited_by[c],
                        &io[l].cap_share[path],
                        &mut limit_month[l],
                    );
                }
            }
            let extra: [Extra; L] = std::array::from_fn(|l| {
                let (ct, values) = (&io[l].cells[c], ctxs[l].values);
                let limit = (!plan.limited_by[c].is_empty()).then_some(&limit_month[l][..]);
                Extra {
                    launch: citizens::cell_launch(s, c, values),
                    limit,
                    rates: if limit.is_some() {
                        completion_rates(plan, path, c, ct, s, values)
                    } else {
                        None
                    },
                }
            });
            let lanes = AdoptLanes {
                ct: std::array::from_fn(|l| &io[l].cells[c]),
                values: std::array::from_fn(|l| ctxs[l].values),
                area_month: std::array::from_fn(|l| io[l].area_month),
            };
            adopt(s, plan, path, c, &lanes, &mut out, &extra);
        }
    }
    for (sc, limit) in sc.iter_mut().zip(limit_month) {
        sc.limit_month = limit;
    }
}

/// What the month-by-month adoption of one lane reads in its scratch.
struct AdoptIo<'a> {
    cells: &'a [CellTrial],
    area_month: &'a [f64],
    cap_share: &'a [Vec<f64>; 2],
    /// The scenario path's digital volumes (copied where the paths share them).
    scenario_epoch: &'a [f64],
    scenario_month: Option<&'a [f64]>,
}

/// Where the adoption of one lane writes: the path's digital volumes per
/// (cell, epoch), and per (cell, month) when a department is staffed.
struct AdoptOut<'a> {
    digital_epoch: &'a mut [f64],
    digital_month: Option<&'a mut Vec<f64>>,
}

impl<'a> AdoptIo<'a> {
    fn of(sc: &'a mut Scratch, path: usize, staffed: bool) -> (Self, AdoptOut<'a>) {
        let Scratch {
            cells,
            area_month,
            cap_share,
            digital_epoch,
            digital_month,
            ..
        } = sc;
        let ([scenario_epoch], [path_epoch]) = split_paths(digital_epoch, path);
        let ([scenario_month], [path_month]) = split_paths(digital_month, path);
        let io = AdoptIo {
            cells,
            area_month,
            cap_share,
            scenario_epoch,
            scenario_month: staffed.then_some(scenario_month),
        };
        let out = AdoptOut {
            digital_epoch: path_epoch,
            digital_month: staffed.then_some(path_month),
        };
        (io, out)
    }
}

/// The scenario path's buffer (read) and `path`'s (written); for the
/// scenario path itself the read one is empty (nothing is copied there).
fn split_paths(v: &mut [Vec<f64>; 2], path: usize) -> ([&[f64]; 1], [&mut Vec<f64>; 1]) {
    const _: () = assert!(STATUS_QUO == 0 && SCENARIO == 1, "paths as in plan.rs");
    let [status_quo, scenario] = v;
    if path == SCENARIO {
        ([&[]], [scenario])
    } else {
        ([&scenario[..]], [status_quo])
    }
}

/// Two arrays from an array of pairs.
fn unzip<A, B, const L: usize>(pairs: [(A, B); L]) -> ([A; L], [B; L]) {
    let mut pairs = pairs.map(|(a, b)| (Some(a), Some(b)));
    let a = std::array::from_fn(|l| pairs[l].0.take().expect("each pair once"));
    let b = std::array::from_fn(|l| pairs[l].1.take().expect("each pair once"));
    (a, b)
}

/// The numbers of one cell that the month-by-month adoption reads, per lane.
struct AdoptLanes<'a, const L: usize> {
    ct: [&'a CellTrial; L],
    values: [&'a [f64]; L],
    area_month: [&'a [f64]; L],
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
                st[j] = BassState::with_rates(t.s0, t.rates, t.c);
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

/// Runs the Bass adoption of one cell in one path for every lane; writes
/// the digital volume per epoch (and per month when staffed). Each lane
/// does a single trial's operations in the same order; the lanes' states
/// are held side by side ([`BassLanes`]), so a month's shares, floors and
/// steps are vector instructions across the lanes, and only a lane whose
/// floor binds or whose rates change leaves the vectors.
fn adopt<const L: usize>(
    s: &Scenario,
    plan: &Plan,
    path: usize,
    c: usize,
    lanes: &AdoptLanes<L>,
    out: &mut [AdoptOut; L],
    extra: &[Extra; L],
) {
    let pp = &plan.paths[path];
    let cell = &s.cells[c];
    let n_months = plan.n_months;
    let n_epochs = plan.epochs.len();
    let events = &pp.bass_events[c];
    let changes = &pp.change_months[c];
    let ct = &lanes.ct;
    let vol: [&[f64]; L] = std::array::from_fn(|l| {
        &lanes.area_month[l][cell.area * n_months..(cell.area + 1) * n_months]
    });
    let mut st = BassLanes::<L>::new(&std::array::from_fn(|l| {
        BassState::with_rates(ct[l].s0, ct[l].rates, ct[l].c)
    }));
    let floors = pp.has_floor[c].then(|| FloorLanes::new(s, events, lanes.values));
    // Before its solution launches a cell keeps today's share.
    let launch: [usize; L] = std::array::from_fn(|l| extra[l].launch.unwrap_or(0));
    let mut next_change = 0;
    for (e, ep) in plan.epochs.iter().enumerate() {
        let mut sum = [0.0; L];
        for m in ep.start..ep.end {
            if next_change < changes.len() && changes[next_change] == m {
                next_change += 1;
                for l in 0..L {
                    let (p, q, cap) =
                        rates_at(s, events, m, (ct[l].p, ct[l].q, ct[l].c), lanes.values[l]);
                    let mut one = st.lane(l);
                    one.change(p, q, cap.min(1.0));
                    st.set_lane(l, one);
                }
            }
            // The share this month, after the floor where one acts
            // (BassState::raise_to_then_share lane by lane).
            let mut now = st.shares();
            if let Some(floors) = &floors {
                let floor = floors.at(m);
                for l in 0..L {
                    if now[l] < floor[l] {
                        let mut one = st.lane(l);
                        now[l] = one.raise_to_then_share(floor[l]);
                        st.set_lane(l, one);
                    }
                }
            }
            for l in 0..L {
                // Same order of operations as `adopt_plain` (type share applied
                // to the epoch's sum), so a cell that behaves alike in both
                // paths gives bit-identical volumes (MODEL.md 13, exact zeros).
                let share = match extra[l].limit {
                    // The completed share a r may not exceed the capability's
                    // share: attempts are capped at cap / r.
                    Some(cap) => {
                        let r = extra[l].rates.as_ref().map_or(1.0, |r| r[e]);
                        now[l].min(cap[m] / r)
                    }
                    None => now[l],
                };
                let x = vol[l][m] * share;
                sum[l] += x;
                if let Some(mm) = out[l].digital_month.as_deref_mut() {
                    mm[c * n_months + m] = ct[l].type_share * x / 12.0;
                }
            }
            st.step_where(std::array::from_fn(|l| m >= launch[l]));
        }
        for l in 0..L {
            out[l].digital_epoch[c * n_epochs + e] = ct[l].type_share * sum[l] / 12.0;
        }
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
