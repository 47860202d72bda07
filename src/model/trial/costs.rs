//! Costs per path and year: handling, opening, campaigns, outbound mail.

use super::routing::Staffing;
use super::*;

/// Costs per path and year, and the parts of them the savings by source need.
pub(super) struct Costs {
    pub cost: [Vec<f64>; 2],
    pub paper: [Vec<f64>; 2],
    pub dp_letters: Vec<f64>,
    /// Per path and year: handling, opening, campaign, outbound, avoided
    /// value (all with the price index).
    pub parts: [Vec<[f64; 5]>; 2],
}

/// Writes each path's cost components to the row's detail and returns the costs.
pub(super) fn costs(
    ctx: &Ctx,
    tc: &TrialConst,
    monthly_growth: f64,
    staffing: &Staffing,
    sc: &mut Scratch,
    detail: &mut [f32],
) -> Costs {
    let (s, plan, layout, values) = (ctx.s, ctx.plan, ctx.layout, ctx.values);
    let n_months = plan.n_months;
    let n_years = plan.n_years;
    let v = |p: Param| p.get(values);
    let staffing_cost = &staffing.cost;
    let staffing_stats = &staffing.stats;
    let n_staffed = plan.staffed.len();
    let n_depts = s.departments.len();
    let by_group = layout.slots.breakdown.is_some();
    let by_month = layout.slots.monthly.is_some();
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
                            crate::model::plan::schedule_at(s, path, d, ch, m),
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
    Costs {
        cost,
        paper,
        dp_letters,
        parts,
    }
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
