//! Citizens' capabilities and solution launches in one trial
//! (docs/model.md, "Citizens' digital capabilities", "Solutions and launches").
//!
//! A capability is the share of adult citizens with NemID, on Digital Post
//! or using self-service. It diffuses like a cell's digital share (Bass in
//! the same closed form, src/model/bass.rs), from today's share, moved by
//! the events of its path: `p_add`, `q_add`, `ceiling_add` while active, and
//! floors (a law with exemptions) ramped in.

use super::bass::BassState;
use super::plan::Plan;
use crate::scenario::{Capability, Param, Scenario};

/// The monthly share of every tracked capability in one path:
/// `shares[k * n_months + m]` for the k-th tracked capability.
pub fn capability_shares(
    s: &Scenario,
    plan: &Plan,
    path: usize,
    values: &[f64],
    shares: &mut Vec<f64>,
) {
    let n_months = plan.n_months;
    let v = |p: Param| p.get(values);
    shares.clear();
    shares.resize(s.citizens.len() * n_months, 0.0);
    let events = &plan.paths[path].events;
    for (k, cap) in s.citizens.iter().enumerate() {
        let acting: Vec<(usize, &crate::scenario::CapabilityEffect)> = events
            .iter()
            .flat_map(|&ei| {
                s.events[ei]
                    .citizens
                    .iter()
                    .filter(|e| e.capability == cap.capability)
                    .map(move |e| (ei, e))
            })
            .collect();
        let (p0, q0, c0) = (v(cap.p), v(cap.q), v(cap.ceiling));
        let today = v(cap.today);
        let mut st = BassState::new(today, p0, q0, c0);
        let mut in_force: Vec<bool> = vec![false; acting.len()];
        let row = &mut shares[k * n_months..(k + 1) * n_months];
        for (m, slot) in row.iter_mut().enumerate() {
            // Rates change when an event with p/q/ceiling effects starts or ends.
            let mut changed = false;
            for (j, (ei, eff)) in acting.iter().enumerate() {
                let e = &s.events[*ei];
                let now = e.start <= m && m <= e.end;
                let has_rates =
                    eff.p_add.is_some() || eff.q_add.is_some() || eff.ceiling_add.is_some();
                if now != in_force[j] && has_rates {
                    changed = true;
                }
                in_force[j] = now;
            }
            if changed {
                let (mut p, mut q, mut c) = (p0, q0, c0);
                for (j, (_, eff)) in acting.iter().enumerate() {
                    if in_force[j] {
                        p += eff.p_add.map(v).unwrap_or(0.0);
                        q += eff.q_add.map(v).unwrap_or(0.0);
                        c += eff.ceiling_add.map(v).unwrap_or(0.0);
                    }
                }
                st.change(p, q, c.min(1.0));
            }
            let mut floor: f64 = 0.0;
            for (j, (ei, eff)) in acting.iter().enumerate() {
                if let (true, Some(f)) = (in_force[j], eff.floor) {
                    let e = &s.events[*ei];
                    let x = v(f.value);
                    let level = if f.from_exemption { 1.0 - x } else { x };
                    let ramp = ((m - e.start + 1) as f64 / f.ramp_months as f64).min(1.0);
                    floor = floor.max(level * ramp);
                }
            }
            if floor > 0.0 {
                st.raise_to(floor);
            }
            *slot = st.share();
            st.step();
        }
    }
}

/// Index of a capability among the scenario's tracked ones.
pub fn tracked_index(s: &Scenario, cap: Capability) -> Option<usize> {
    s.citizens.iter().position(|c| c.capability == cap)
}

/// The month from which cell `c`'s digital channel diffuses in a trial:
/// `None` when a live solution (or no solution at all) covers it from the
/// start, else the earliest launch (after its drawn delay) of the solutions
/// that cover it.
pub fn cell_launch(s: &Scenario, c: usize, values: &[f64]) -> Option<usize> {
    let mut launch: Option<usize> = None;
    for sol in s.solutions.iter().filter(|x| x.cells[c]) {
        match sol.live_from(values) {
            None => return None,
            Some(m) => launch = Some(launch.map_or(m, |l| l.min(m))),
        }
    }
    launch
}

/// Solutions live in December of each year of the horizon.
pub fn solutions_live(s: &Scenario, n_years: usize, values: &[f64], out: &mut [f64]) {
    for (y, slot) in out.iter_mut().enumerate().take(n_years) {
        let december = y * 12 + 11;
        *slot = s
            .solutions
            .iter()
            .filter(|x| x.live_from(values).is_none_or(|m| m <= december))
            .map(|x| x.count)
            .sum::<usize>() as f64;
    }
}

/// The tracked capabilities that cap the self-service share of cell `c`
/// (its digital channel is self-service and its type is limited).
pub fn limiting(s: &Scenario, c: usize) -> Vec<usize> {
    let cell = &s.cells[c];
    if cell.digital != crate::domain::Channel::SelfService {
        return Vec::new();
    }
    s.citizens
        .iter()
        .enumerate()
        .filter(|(_, cap)| cap.limits_self_service[cell.contact_type.index()])
        .map(|(k, _)| k)
        .collect()
}
