//! Monthly results (`run --monthly`; docs/model.md, "Monthly results").
//!
//! With `--monthly` every month is an epoch of its own (plan.rs), so the
//! trial's epoch sums are month sums. Per month and path the trial records
//! the cost (handling, opening and staff, campaigns, outbound mail) and the
//! contacts per channel; per month the value of each goal whose metric is
//! monthly by nature (a share, a completion rate, contacts, a citizens'
//! capability), scenario path. They live in the trial's f32 detail row,
//! `n_months` values per series, and are summarised into monthly.csv and
//! monthly.json, not into summary.json.

use crate::domain::{Channel, N_CHANNELS};
use crate::scenario::{GoalMetric, Param, Scenario};

/// Detail slots of the monthly series (each the first of `n_months` values);
/// index 0 is the status quo, 1 the scenario.
#[derive(Debug, Clone)]
pub struct MonthlySlots {
    pub cost: [usize; 2],
    /// The channels that can have contacts in this scenario
    /// ([`channels_in_use`]), in [`Channel::ALL`]'s order; only these are
    /// kept per month (the others are 0 in every month and trial).
    pub channels: Vec<Channel>,
    /// Per path, one slot per channel of `channels`.
    pub volume: [Vec<usize>; 2],
    /// (goal index, numerator slot, denominator slot) of the goals with a
    /// monthly value: a share is numerator / denominator of each trial (an
    /// empty month has denominator 0 and no value, never NaN in the row);
    /// contacts and a capability's share have no denominator (it would be
    /// 1 in every month and trial, so it is not kept).
    pub goals: Vec<(usize, usize, Option<usize>)>,
}

/// Whether a goal's monthly value is a ratio of two sums (a share of
/// contacts, a completion rate), not a sum (contacts) or a share of
/// citizens.
pub fn has_denominator(metric: GoalMetric) -> bool {
    matches!(metric, GoalMetric::Share | GoalMetric::CompletionRate)
}

/// Whether a goal's metric has a value in a single month.
pub fn monthly_goal(metric: GoalMetric) -> bool {
    matches!(
        metric,
        GoalMetric::Share
            | GoalMetric::Volume
            | GoalMetric::CompletionRate
            | GoalMetric::Citizens(_)
    )
}

impl MonthlySlots {
    /// Lays out the series; `reserve` hands out `n_months` detail slots.
    pub fn new(s: &Scenario, reserve: &mut dyn FnMut() -> usize) -> MonthlySlots {
        let cost = [reserve(), reserve()];
        let channels = channels_in_use(s);
        let volume = [0, 1].map(|_| channels.iter().map(|_| reserve()).collect());
        let goals = s
            .goals
            .iter()
            .enumerate()
            .filter(|(_, g)| monthly_goal(g.metric))
            .map(|(i, g)| (i, reserve(), has_denominator(g.metric).then(&mut *reserve)))
            .collect();
        MonthlySlots {
            cost,
            channels,
            volume,
            goals,
        }
    }
}

/// The channels that can have contacts in some month of some trial: those
/// with a share in any cell's mix that is not fixed at 0, every cell's
/// digital channel (adoption and contacts displaced `to_digital`), the
/// targets of closures and partial shifts, and the phone when the scenario
/// has opening hours to change (counter contacts displaced `to_phone`).
/// Completion's fallback contacts go to the cell's mix, volume factors
/// scale what is there. Every other channel is 0 throughout.
pub fn channels_in_use(s: &Scenario) -> Vec<Channel> {
    let mut used = [false; N_CHANNELS];
    for cell in &s.cells {
        for (i, p) in cell.mix.iter().enumerate() {
            if *p != Param::Fixed(0.0) {
                used[i] = true;
            }
        }
        used[cell.digital.index()] = true;
    }
    for e in &s.events {
        let targets = e.closure.iter().flat_map(|c| &c.to);
        let targets = targets.chain(e.shift.iter().flat_map(|sh| &sh.to));
        for (ch, _) in targets {
            used[ch.index()] = true;
        }
    }
    if s.proposal.is_some() {
        used[Channel::Phone.index()] = true;
    }
    Channel::ALL
        .into_iter()
        .filter(|c| used[c.index()])
        .collect()
}

/// One trial's monthly sums.
#[derive(Debug, Default)]
pub struct Acc {
    /// Per path, per month: handling cost before the price index.
    pub handling: [Vec<f64>; 2],
    /// Per path, per month: opening, staff, campaign and outbound cost (indexed).
    pub other_cost: [Vec<f64>; 2],
    /// Per path, `m * N_CHANNELS + i`: contacts.
    pub volume: [Vec<f64>; 2],
    /// Scenario path, `g * n_months + m`: goal numerator and denominator
    /// (every month, also for year-end goals).
    pub goal_num: Vec<f64>,
    pub goal_den: Vec<f64>,
}

impl Acc {
    /// Zeroes the sums of one path (and the goals with the scenario).
    pub fn reset(&mut self, path: usize, n_months: usize, n_goals: usize, scenario: bool) {
        for v in [&mut self.handling[path], &mut self.other_cost[path]] {
            v.clear();
            v.resize(n_months, 0.0);
        }
        self.volume[path].clear();
        self.volume[path].resize(n_months * N_CHANNELS, 0.0);
        if scenario {
            for v in [&mut self.goal_num, &mut self.goal_den] {
                v.clear();
                v.resize(n_goals * n_months, 0.0);
            }
        }
    }

    /// The status quo is the scenario (no proposal, no policy events).
    pub fn copy_scenario_to_status_quo(&mut self, scenario: usize, status_quo: usize) {
        self.handling[status_quo] = self.handling[scenario].clone();
        self.volume[status_quo] = self.volume[scenario].clone();
        self.other_cost[status_quo] = self.other_cost[scenario].clone();
    }
}

impl Acc {
    /// Writes one trial's monthly series. `idx` is the price index per
    /// year; `cap_share` the scenario's capability shares per month
    /// (`k * n_months + m`).
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &self,
        slots: &MonthlySlots,
        s: &Scenario,
        n_months: usize,
        idx: &[f64],
        cap_share: &[f64],
        detail: &mut [f32],
    ) {
        for p in 0..2 {
            for m in 0..n_months {
                detail[slots.cost[p] + m] =
                    (self.handling[p][m] * idx[m / 12] + self.other_cost[p][m]) as f32;
                for (slot, ch) in slots.volume[p].iter().zip(&slots.channels) {
                    detail[slot + m] = self.volume[p][m * N_CHANNELS + ch.index()] as f32;
                }
            }
        }
        for &(g, num, den) in &slots.goals {
            for m in 0..n_months {
                let x = match s.goals[g].metric {
                    GoalMetric::Citizens(cap) => {
                        let k = super::citizens::tracked_index(s, cap)
                            .expect("goal capability is tracked");
                        cap_share[k * n_months + m]
                    }
                    _ => self.goal_num[g * n_months + m],
                };
                detail[num + m] = x as f32;
                if let Some(den) = den {
                    detail[den + m] = self.goal_den[g * n_months + m] as f32;
                }
            }
        }
    }
}
