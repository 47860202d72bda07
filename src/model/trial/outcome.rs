//! Savings, NPV, payback and goals of one trial.

use super::costs::Costs;
use super::*;

/// Writes savings, cumulative savings, NPV, payback and goal values.
pub(super) fn outcomes(
    ctx: &Ctx,
    costs: &Costs,
    sc: &mut Scratch,
    core: &mut [f64],
    detail: &mut [f32],
) {
    let (s, plan, layout, values) = (ctx.s, ctx.plan, ctx.layout, ctx.values);
    let n_months = plan.n_months;
    let n_years = plan.n_years;
    let v = |p: Param| p.get(values);
    let sl = &layout.slots;
    let Costs {
        cost,
        paper,
        dp_letters,
        parts,
    } = costs;
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
        use crate::model::layout::SavingsSource as Src;
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
