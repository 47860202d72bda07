//! Everything about a scenario that is the same in every trial, worked out
//! once before the trials run: which events act on which cells in which
//! path, the months where something changes, displaced fractions of the
//! opening hours (schedules are fixed, not uncertain), open hours per year.
//!
//! Keeping this out of the trial loop is what makes a trial cheap.

use crate::domain::{Channel, N_CHANNELS};
use crate::hours::schedule::WeeklySchedule;
use crate::scenario::{EventKind, Param, Scenario, COUNTER, PHONE};

/// Status quo path index.
pub const STATUS_QUO: usize = 0;
/// Scenario path index.
pub const SCENARIO: usize = 1;

/// Weeks in a month (MODEL.md section 13).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// A run of months inside one year in which the routing of contacts
/// (closures, opening hours) does not change.
#[derive(Debug, Clone, Copy)]
pub struct Epoch {
    pub start: usize,
    pub end: usize,
    pub year: usize,
}

/// One group of open hours of a staffed channel with the same demand per
/// hour: Erlang C gives the same number of agents for all of them.
#[derive(Debug, Clone, Copy)]
pub struct StaffClass {
    /// Share of the week's contacts arriving per hour of this class.
    pub share_per_hour: f64,
    /// Open hours a week in this class.
    pub hours: f64,
}

/// Precomputed facts of one path (status quo or scenario).
#[derive(Debug, Clone)]
pub struct PathPlan {
    /// Events present in this path.
    pub events: Vec<usize>,
    /// Per cell: events of this path that change its adoption (p, q, ceiling, floor).
    pub bass_events: Vec<Vec<usize>>,
    /// Per cell: sorted months at which its adoption parameters change.
    pub change_months: Vec<Vec<usize>>,
    /// Per cell: whether any floor ever acts on it.
    pub has_floor: Vec<bool>,
    /// Per epoch: closure events active.
    pub closures: Vec<Vec<usize>>,
    /// Per epoch: partial channel shifts active, with the ramped share factor.
    pub shifts: Vec<Vec<(usize, f64)>>,
    /// Per epoch: unit price changes active.
    pub price_changes: Vec<Vec<usize>>,
    /// Per epoch: volume factors active.
    pub volume_events: Vec<Vec<usize>>,
    /// Per epoch and cell (`e * n_cells + c`): true when a closure, shift,
    /// price change or completion rate acts on the cell, so it needs the
    /// full routing.
    pub routed: Vec<bool>,
    /// Per epoch, department, opening channel: displaced fraction rho.
    pub rho: Vec<Vec<[f64; 2]>>,
    /// Per year, department, opening channel: open hours in the year
    /// (weekly hours x 52/12 summed over its months).
    pub open_hours_year: Vec<Vec<[f64; 2]>>,
    /// Per epoch and staffed channel: hour classes for Erlang C.
    pub staff_classes: Vec<Vec<Vec<StaffClass>>>,
    /// Events moving outbound letters to Digital Post.
    pub digital_post: Vec<usize>,
    /// Per epoch: events raising the completion rate, with the ramped factor.
    pub completion_events: Vec<Vec<(usize, f64)>>,
}

/// The precomputed plan of a scenario.
#[derive(Debug, Clone)]
pub struct Plan {
    pub n_months: usize,
    pub n_years: usize,
    pub epochs: Vec<Epoch>,
    pub paths: [PathPlan; 2],
    /// Per cell: true if its adoption is the same in both paths, so it is computed once.
    pub shared_bass: Vec<bool>,
    /// Per cell: department index.
    pub cell_dept: Vec<Option<usize>>,
    /// Per cell and channel: the area's own unit price, where it has one
    /// and its department does not staff the channel (staffed channels are
    /// paid by the hour, not per contact).
    pub cell_own_prices: Vec<[Option<Param>; N_CHANNELS]>,
    /// Per cell: goals (share/volume) whose filter includes it.
    pub cell_goals: Vec<Vec<usize>>,
    /// Per goal: the indices of the channels it counts, ascending (so a sum
    /// over them adds in the same order as a filter over all channels).
    pub goal_channels: Vec<Vec<usize>>,
    /// Staffed (department, opening channel) pairs in layout order.
    pub staffed: Vec<(usize, usize)>,
    /// True when the scenario has no proposal and no policy events: both
    /// paths are the same, so the status quo is copied, not recomputed.
    pub identical_paths: bool,
    /// Per cell: its adoption needs the month-by-month loop (a solution
    /// launches in it, or a citizens' capability caps its share).
    pub monthly_bass: Vec<bool>,
    /// Per cell: the tracked capabilities that cap its self-service share.
    pub limited_by: Vec<Vec<usize>>,
}

impl Plan {
    /// Works out the plan of a scenario; `staffed` comes from the layout.
    pub fn new(s: &Scenario, staffed: &[(usize, usize)]) -> Plan {
        let n_months = s.months();
        let n_years = s.years();
        let n_cells = s.cells.len();

        // Epoch boundaries: years, proposal start, closure starts and ends.
        let mut cuts: Vec<usize> = (0..=n_years).map(|y| y * 12).collect();
        if let Some(p) = &s.proposal {
            cuts.push(p.start);
            cuts.extend(p.starts.iter().flatten().copied());
        }
        for e in &s.events {
            if e.closure.is_some() || e.price.is_some() || e.volume_factor.is_some() {
                cuts.push(e.start);
                cuts.push(e.end + 1);
            }
            if e.completion_add.is_some() {
                // Every month of the ramp is its own epoch, as for shifts.
                cuts.extend(e.start..(e.start + e.ramp_months).min(e.end + 1));
                cuts.push(e.end + 1);
            }
            if let Some(sh) = &e.shift {
                // Every month of the ramp is its own epoch, so the ramped
                // share is constant inside each epoch.
                cuts.extend(e.start..(e.start + sh.ramp_months).min(e.end + 1));
                cuts.push(e.end + 1);
            }
        }
        if s.monthly {
            // `run --monthly`: every month is an epoch (model/monthly.rs).
            cuts.extend(0..n_months);
        }
        if s.goals.iter().any(|g| g.year_end) {
            // December of every year is an epoch of its own.
            cuts.extend((0..n_years).map(|y| y * 12 + 11));
        }
        cuts.retain(|m| *m <= n_months);
        cuts.sort_unstable();
        cuts.dedup();
        let epochs: Vec<Epoch> = cuts
            .windows(2)
            .map(|w| Epoch {
                start: w[0],
                end: w[1],
                year: w[0] / 12,
            })
            .collect();

        let paths = [0, 1].map(|path| path_plan(s, path, &epochs, staffed));
        let limited_by: Vec<Vec<usize>> = (0..n_cells)
            .map(|c| super::citizens::limiting(s, c))
            .collect();
        let monthly_bass: Vec<bool> = (0..n_cells)
            .map(|c| {
                !limited_by[c].is_empty()
                    || s.solutions.iter().any(|x| x.cells[c] && x.launch.is_some())
            })
            .collect();
        // A capped cell follows its path's capabilities, which policy
        // events may move: computed in each path.
        let shared_bass = (0..n_cells)
            .map(|c| paths[0].bass_events[c] == paths[1].bass_events[c] && limited_by[c].is_empty())
            .collect();
        let cell_dept: Vec<Option<usize>> =
            s.cells.iter().map(|c| s.areas[c.area].department).collect();
        let cell_own_prices = s
            .cells
            .iter()
            .zip(&cell_dept)
            .map(|(cell, dept)| {
                let own = &s.areas[cell.area].prices;
                std::array::from_fn(|i| {
                    let staffed = dept.is_some_and(|d| {
                        let st = &s.departments[d].staffing;
                        (i == Channel::Personal.index() && st[COUNTER].is_some())
                            || (i == Channel::Phone.index() && st[PHONE].is_some())
                    });
                    own[i].filter(|_| !staffed)
                })
            })
            .collect();
        let cell_goals = (0..n_cells)
            .map(|c| {
                s.goals
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| {
                        g.cells[c]
                            && matches!(
                                g.metric,
                                crate::scenario::GoalMetric::Share
                                    | crate::scenario::GoalMetric::Volume
                                    | crate::scenario::GoalMetric::CompletionRate
                            )
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let goal_channels = s
            .goals
            .iter()
            .map(|g| {
                (0..crate::domain::N_CHANNELS)
                    .filter(|&i| g.channels[i])
                    .collect()
            })
            .collect();
        let identical_paths =
            s.proposal.is_none() && s.events.iter().all(|e| e.kind == EventKind::External);
        Plan {
            n_months,
            n_years,
            epochs,
            paths,
            shared_bass,
            cell_dept,
            cell_own_prices,
            cell_goals,
            goal_channels,
            staffed: staffed.to_vec(),
            identical_paths,
            monthly_bass,
            limited_by,
        }
    }
}

/// The schedule of a department's opening channel in a path at a month.
pub fn schedule_at(
    s: &Scenario,
    path: usize,
    dept: usize,
    ch: usize,
    month: usize,
) -> Option<&WeeklySchedule> {
    let today = s.departments[dept].today[ch].as_ref()?;
    if path == SCENARIO {
        if let Some(p) = &s.proposal {
            if let Some(new) = p.hours_at(dept, ch, month) {
                return Some(new);
            }
        }
    }
    Some(today)
}

fn path_plan(s: &Scenario, path: usize, epochs: &[Epoch], staffed: &[(usize, usize)]) -> PathPlan {
    let n_months = s.months();
    let n_years = s.years();
    let events: Vec<usize> = (0..s.events.len())
        .filter(|&i| path == SCENARIO || s.events[i].kind == EventKind::External)
        .collect();
    let n_cells = s.cells.len();
    let mut bass_events = vec![Vec::new(); n_cells];
    let mut change_months = vec![Vec::new(); n_cells];
    let mut has_floor = vec![false; n_cells];
    for c in 0..n_cells {
        for &ei in &events {
            let e = &s.events[ei];
            let acts = e.p_add.is_some()
                || e.q_add.is_some()
                || e.ceiling_add.is_some()
                || e.floor.is_some();
            if acts && e.cells[c] {
                bass_events[c].push(ei);
                if e.p_add.is_some() || e.q_add.is_some() || e.ceiling_add.is_some() {
                    change_months[c].push(e.start);
                    change_months[c].push(e.end + 1);
                }
                has_floor[c] |= e.floor.is_some();
            }
        }
        change_months[c].retain(|m| *m < n_months);
        change_months[c].sort_unstable();
        change_months[c].dedup();
    }
    let closures = epochs
        .iter()
        .map(|ep| {
            events
                .iter()
                .copied()
                .filter(|&ei| {
                    let e = &s.events[ei];
                    e.closure.is_some() && e.start <= ep.start && ep.start <= e.end
                })
                .collect()
        })
        .collect();
    let active = |ep: &Epoch, has: &dyn Fn(&crate::scenario::Event) -> bool| -> Vec<usize> {
        events
            .iter()
            .copied()
            .filter(|&ei| {
                let e = &s.events[ei];
                has(e) && e.start <= ep.start && ep.start <= e.end
            })
            .collect()
    };
    let shifts: Vec<Vec<(usize, f64)>> = epochs
        .iter()
        .map(|ep| {
            active(ep, &|e| e.shift.is_some())
                .into_iter()
                .map(|ei| {
                    let e = &s.events[ei];
                    let ramp = e.shift.as_ref().expect("shift event").ramp_months;
                    let r = ((ep.start - e.start + 1) as f64 / ramp as f64).min(1.0);
                    (ei, r)
                })
                .collect()
        })
        .collect();
    let price_changes: Vec<Vec<usize>> = epochs
        .iter()
        .map(|ep| active(ep, &|e| e.price.is_some()))
        .collect();
    let volume_events = epochs
        .iter()
        .map(|ep| active(ep, &|e| e.volume_factor.is_some()))
        .collect();
    let closures: Vec<Vec<usize>> = closures;
    let completion_events: Vec<Vec<(usize, f64)>> = epochs
        .iter()
        .map(|ep| {
            active(ep, &|e| e.completion_add.is_some())
                .into_iter()
                .map(|ei| {
                    let e = &s.events[ei];
                    let r = ((ep.start - e.start + 1) as f64 / e.ramp_months as f64).min(1.0);
                    (ei, r)
                })
                .collect()
        })
        .collect();
    let mut routed = vec![false; epochs.len() * n_cells];
    if let Some(cp) = &s.completion {
        // Completion splits the digital attempts in every epoch.
        for e in 0..epochs.len() {
            for (c, r) in cp.rate.iter().enumerate() {
                routed[e * n_cells + c] |= r.is_some();
            }
        }
    }
    for e in 0..epochs.len() {
        let acting = closures[e]
            .iter()
            .chain(shifts[e].iter().map(|(ei, _)| ei))
            .chain(&price_changes[e]);
        for &ei in acting {
            for (c, on) in s.events[ei].cells.iter().enumerate() {
                routed[e * n_cells + c] |= *on;
            }
        }
    }
    let n_depts = s.departments.len();
    let rho = epochs
        .iter()
        .map(|ep| {
            (0..n_depts)
                .map(|d| {
                    let mut r = [0.0; 2];
                    for (ch, slot) in r.iter_mut().enumerate() {
                        let dep = &s.departments[d];
                        if let (Some(today), Some(now)) = (
                            dep.today[ch].as_ref(),
                            schedule_at(s, path, d, ch, ep.start),
                        ) {
                            *slot = today.displaced_share(now, &dep.profile[ch]);
                        }
                    }
                    r
                })
                .collect()
        })
        .collect();
    let mut open_hours_year = vec![vec![[0.0; 2]; n_depts]; n_years];
    #[allow(clippy::needless_range_loop)] // (month, department, channel) indices
    for m in 0..n_months {
        for d in 0..n_depts {
            for ch in 0..2 {
                if let Some(sch) = schedule_at(s, path, d, ch, m) {
                    open_hours_year[m / 12][d][ch] += sch.hours_per_week() * WEEKS_PER_MONTH;
                }
            }
        }
    }
    let staff_classes = epochs
        .iter()
        .map(|ep| {
            staffed
                .iter()
                .map(|&(d, ch)| {
                    let sch =
                        schedule_at(s, path, d, ch, ep.start).expect("staffed channels have hours");
                    staff_classes(sch, &s.departments[d].profile[ch])
                })
                .collect()
        })
        .collect();
    let digital_post = events
        .iter()
        .copied()
        .filter(|&ei| s.events[ei].digital_post.is_some())
        .collect();
    PathPlan {
        events,
        bass_events,
        change_months,
        has_floor,
        closures,
        shifts,
        price_changes,
        volume_events,
        routed,
        rho,
        open_hours_year,
        staff_classes,
        digital_post,
        completion_events,
    }
}

/// Groups a schedule's open hours by demand per hour.
pub fn staff_classes(
    sch: &WeeklySchedule,
    profile: &crate::hours::schedule::DemandProfile,
) -> Vec<StaffClass> {
    let segments = sch.hourly_segments();
    let total: f64 = sch.weighted_hours(profile);
    let mut classes: Vec<StaffClass> = Vec::new();
    if total <= 0.0 {
        return classes;
    }
    for (day, start, len) in segments {
        if len <= 0.0 {
            continue;
        }
        let share_per_hour = profile.weight_in(sch, day, start, len) / len / total;
        match classes.iter_mut().find(|c| {
            (c.share_per_hour - share_per_hour).abs() <= 1e-12 * share_per_hour.max(1e-300)
        }) {
            Some(c) => c.hours += len,
            None => classes.push(StaffClass {
                share_per_hour,
                hours: len,
            }),
        }
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn epochs_cover_every_month_once_and_split_at_the_proposal_start() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/model-worked-example-hours.toml");
        let mut s = Scenario::from_file(&path).unwrap();
        let p = s.proposal.as_mut().unwrap();
        p.start = 17; // 2012-06
        for st in &mut p.starts {
            *st = [17; 2];
        }
        let plan = Plan::new(&s, &[]);
        assert_eq!(s.year_list(), vec![2011, 2012, 2013, 2014, 2015]);
        assert_eq!(plan.n_months, 60);
        let mut next = 0;
        for ep in &plan.epochs {
            assert_eq!(ep.start, next);
            assert!(ep.end > ep.start);
            assert_eq!(ep.year, ep.start / 12);
            assert_eq!((ep.end - 1) / 12, ep.year, "an epoch never crosses a year");
            next = ep.end;
        }
        assert_eq!(next, 60);
        assert!(plan.epochs.iter().any(|e| e.start == 17));
        // Counter hours fall from 31.5 to 18 from the proposal's start only.
        let rho_at = |m: usize| {
            let e = plan
                .epochs
                .iter()
                .position(|e| e.start <= m && m < e.end)
                .unwrap();
            plan.paths[SCENARIO].rho[e][0][0]
        };
        assert_eq!(rho_at(16), 0.0);
        assert!((rho_at(17) - 13.5 / 31.5).abs() < 1e-15);
        assert_eq!(plan.paths[STATUS_QUO].rho[plan.epochs.len() - 1][0][0], 0.0);
        assert!(!plan.identical_paths);
    }
}
