//! What each policy initiative buys: the opening-hours proposal and every
//! policy event are removed in turn and the trials rerun on the same random
//! streams, so the difference to the full scenario is the item's marginal
//! effect, trial by trial. The proposal is one item beside the events, so no
//! event's savings are credited to the hours.
//!
//! Removing an event keeps every other input's draw unchanged, because the
//! streams are keyed by input name (see `sampling`); the paired difference
//! is therefore free of sampling noise between the two runs.

use crate::engine::{Engine, Trials};
use crate::scenario::{Event, EventKind, Param, Scenario};
use crate::stats::Summary;
use crate::summary::{paired_difference, AttributionItem, AttributionRow};

/// The event's own cost through the end year in one trial.
pub fn event_cost(s: &Scenario, e: &Event, values: &[f64]) -> f64 {
    let v = |p: Param| p.get(values);
    let mut cost = 0.0;
    if let Some(c) = e.cost_one_off_kr {
        cost += v(c);
    }
    if let Some(c) = e.cost_monthly_kr {
        cost += v(c) * (e.end - e.start + 1) as f64;
    }
    for (_, c) in &e.cost_by_year_kr {
        cost += v(*c);
    }
    let _ = s;
    cost
}

/// One item of the attribution: the full scenario less the proposal or
/// less one policy event.
#[derive(Debug, Clone)]
pub struct Variant<'s> {
    pub item: AttributionItem,
    /// The proposal's or the event's name.
    pub name: String,
    /// The scenario without it.
    pub scenario: Scenario,
    /// The event removed (None for the proposal).
    pub event: Option<&'s Event>,
}

/// The variants attribution reruns: without the proposal (if any), then
/// without each policy event in file order. Each keeps every uncertain
/// input and declared correlation of `s`.
pub fn variants(s: &Scenario) -> Vec<Variant<'_>> {
    let mut items = Vec::new();
    if let Some(p) = &s.proposal {
        let mut without = s.clone();
        without.proposal = None;
        items.push(Variant {
            item: AttributionItem::Proposal,
            name: p.name.clone(),
            scenario: without,
            event: None,
        });
    }
    for e in s.events.iter().filter(|e| e.kind == EventKind::Policy) {
        let mut without = s.clone();
        without.events.retain(|x| x.name != e.name);
        items.push(Variant {
            item: AttributionItem::Event,
            name: e.name.clone(),
            scenario: without,
            event: Some(e),
        });
    }
    items
}

/// Marginal effect of every policy event of `full`'s scenario.
pub fn attribute(
    full: &Engine,
    full_trials: &Trials,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<AttributionRow> {
    let s = full.scenario;
    let layout = &full.layout;
    let n = full_trials.n;
    let end = layout.n_years - 1;
    let cum_full = full_trials.core_column(layout, layout.slots.cumulative + end);
    let mut rows = Vec::new();
    for Variant {
        item,
        name,
        scenario: without,
        event,
    } in variants(s)
    {
        let engine = Engine::variant_of(full, &without);
        let trials = engine.run_range(0, n, progress);
        let cum_without = trials.core_column(&engine.layout, engine.layout.slots.cumulative + end);
        let marginal = paired_difference(&cum_full, &cum_without);
        let n_inputs = s.inputs.len();
        let mut u = vec![0.0; n_inputs];
        let mut values = vec![0.0; n_inputs];
        let mut costs: Vec<f64> = (0..n as u64)
            .map(|t| {
                full.input_values(t, &mut u, &mut values);
                event.map(|e| event_cost(s, e, &values)).unwrap_or(0.0)
            })
            .collect();
        let gross: Vec<f64> = cum_full
            .iter()
            .zip(&cum_without)
            .zip(&costs)
            .map(|((a, b), c)| a - b + c)
            .collect();
        let goal_probability_change = s
            .goals
            .iter()
            .enumerate()
            .map(|(g, goal)| {
                goal.targets
                    .iter()
                    .enumerate()
                    .map(|(y, t)| {
                        t.map(|t| {
                            let p = |tr: &Trials, lay: &crate::model::layout::Layout| {
                                tr.core_column(lay, lay.slots.goals[g] + y)
                                    .iter()
                                    .filter(|v| goal.op.met(**v, t))
                                    .count() as f64
                                    / n as f64
                            };
                            p(full_trials, layout) - p(&trials, &engine.layout)
                        })
                    })
                    .collect()
            })
            .collect();
        rows.push(AttributionRow {
            event: name,
            item,
            marginal_net_savings_kr: marginal,
            cost_kr: Summary::of(&mut costs),
            gross_savings_kr: Summary::of(&mut gross.clone()),
            goal_probability_change,
        });
    }
    rows
}
