//! Each cell's numbers in one trial: type share, base digital share,
//! adoption parameters, completion and unit prices.

use super::*;

/// Fills `sc.cells` from the trial's draws (prices follow in [`cell_prices`]).
pub(super) fn cell_numbers(ctx: &Ctx, sc: &mut Scratch) {
    let (s, values) = (ctx.s, ctx.values);
    let v = |p: Param| p.get(values);
    sc.cells.clear();
    // The type split's total, summed once per area (its cells follow one
    // another; the same sum each of them took).
    let mut split_of: Option<(usize, f64)> = None;
    for cell in &s.cells {
        let area = &s.areas[cell.area];
        let split_total = match split_of {
            Some((a, total)) if a == cell.area => total,
            _ => {
                let total: f64 = area.type_split.iter().map(|p| v(*p)).sum();
                split_of = Some((cell.area, total));
                total
            }
        };
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
        let rest = total - mix[d];
        let mut other = [0.0; N_CHANNELS];
        if rest > 0.0 {
            // Every channel divided, the digital one then cleared: one
            // loop of vector divisions (eight scalar ones were a third of
            // this function, perf annotate).
            for i in 0..N_CHANNELS {
                other[i] = mix[i] / rest;
            }
            other[d] = 0.0;
        }
        // The January share and the ceiling above it follow in
        // [`starting_shares`].
        sc.cells.push(CellTrial {
            type_share,
            s0: written,
            other,
            p,
            q,
            c: ceiling,
            rates: Rates::of(p, q),
            other_cost: 0.0,
            prices: [0.0; N_CHANNELS],
            completion: None,
        });
    }
}

/// Each cell's January share in every lane: the written share, or with a
/// `[calibration]` period the share that reproduces it there
/// (model/calibration.rs, lanes side by side); the ceiling is raised to it.
pub(super) fn starting_shares<const L: usize>(ctxs: &[Ctx; L], sc: &mut [Scratch; L]) {
    let (s, plan) = (ctxs[0].s, ctxs[0].plan);
    let n_months = plan.n_months;
    if let Some((from, to)) = s.calibration {
        for (c, cell) in s.cells.iter().enumerate() {
            let area = cell.area * n_months..(cell.area + 1) * n_months;
            let written: [f64; L] = std::array::from_fn(|l| sc[l].cells[c].s0);
            let pqc = std::array::from_fn(|l| {
                let ct = &sc[l].cells[c];
                (ct.p, ct.q, ct.c)
            });
            let rates = std::array::from_fn(|l| sc[l].cells[c].rates);
            let s0 = crate::model::calibration::base_share_of_cell(
                (s, plan, c),
                std::array::from_fn(|l| ctxs[l].values),
                &written,
                (&pqc, &rates),
                from..to + 1,
                std::array::from_fn(|l| &sc[l].area_month[area.clone()]),
            );
            for (sc, s0) in sc.iter_mut().zip(s0) {
                sc.cells[c].s0 = s0;
            }
        }
    }
    for sc in sc.iter_mut() {
        for ct in &mut sc.cells {
            ct.c = ct.c.max(ct.s0);
        }
    }
}

/// Completion of started self-service (docs/model.md, "Completion"): each
/// cell with a rate diffuses attempts from the share that shows today's.
pub(super) fn completion_numbers(ctx: &Ctx, sc: &mut Scratch) {
    let (s, values) = (ctx.s, ctx.values);
    let v = |p: Param| p.get(values);
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
}

/// Sets each cell's unit prices: its department's, else the scenario's,
/// with the area's own prices on channels not paid by the hour.
pub(super) fn cell_prices(ctx: &Ctx, tc: &TrialConst, sc: &mut Scratch) {
    let (s, plan, values) = (ctx.s, ctx.plan, ctx.values);
    let v = |p: Param| p.get(values);
    for (c, ct) in sc.cells.iter_mut().enumerate() {
        let dept = plan.cell_dept[c];
        let base = dept
            .map(|d| &tc.price_by_dept[d])
            .unwrap_or(&tc.price_no_dept);
        // The area's own prices where it has them (plan.rs); the handling
        // cost of a non-digital contact summed in channel order from -0.0,
        // as `Iterator::sum` does, channel by channel as each price is
        // known, and each price stored once where it stays. (Gathered in a
        // local array first, then copied and summed from it, the wide
        // loads waited on the narrow stores of the same prices: measured,
        // a twelfth of the hard case's trial.)
        let own = &plan.cell_own_prices[c];
        let mut other_cost = -0.0;
        for i in 0..N_CHANNELS {
            let price = own[i].map_or(base[i], v);
            ct.prices[i] = price;
            other_cost += ct.other[i] * price;
        }
        ct.other_cost = other_cost;
        if let Some(cp) = &mut ct.completion {
            let own = s.completion.as_ref().and_then(|x| x.abandoned_price_kr);
            cp.abandoned_price = own.map_or(ct.prices[s.cells[c].digital.index()], v);
        }
    }
}

pub(super) fn trial_constants(s: &Scenario, values: &[f64], n_years: usize) -> TrialConst {
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
