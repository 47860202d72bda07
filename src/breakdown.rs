//! What `run --breakdown` reports: cost, savings and volumes by area, by
//! department and by contact type, summarised over the trials (summary.json's
//! `breakdown` object; docs/outputs.md 3.12). The per-trial numbers come
//! from [`crate::model::breakdown`].

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::Trials;
use crate::model::breakdown::{BreakdownSlots, GroupKind, GroupSlots, KindOf};
use crate::model::layout::Layout;
use crate::scenario::Scenario;
use crate::stats::Summary;

/// What the breakdown covers, in summary.json and breakdown.csv.
pub const COVERS: &str =
    "handling cost and handled contacts by area, department and contact type; \
opening cost (cost per open hour, staffed-mode staff) by department; campaign (event) costs and \
outbound mail are in no group. Savings = status quo - scenario of what the group covers.";

/// One group's figures: one summary per year.
#[derive(Debug, Clone, Serialize)]
pub struct GroupSummary {
    /// The area's or department's `name` ("none": areas without a
    /// department), or the contact type's key.
    pub name: String,
    /// The department's label; left out for areas and types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub handling_cost_status_quo_kr: Vec<Summary>,
    pub handling_cost_scenario_kr: Vec<Summary>,
    /// Departments only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_cost_status_quo_kr: Option<Vec<Summary>>,
    /// Departments only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_cost_scenario_kr: Option<Vec<Summary>>,
    /// Departments only: handling plus opening cost, trial by trial (the
    /// median of the sum, which the two medians do not give).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_status_quo_kr: Option<Vec<Summary>>,
    /// Departments only: as `cost_status_quo_kr`, scenario path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_scenario_kr: Option<Vec<Summary>>,
    /// Status quo minus scenario of the costs the group covers.
    pub savings_kr: Vec<Summary>,
    pub contacts_status_quo: Vec<Summary>,
    pub contacts_scenario: Vec<Summary>,
}

impl GroupSummary {
    /// The group's cost in a path and year (mean): handling, plus opening
    /// for departments. Means add up over the groups of a kind.
    pub fn mean_cost(&self, path: usize, y: usize) -> f64 {
        let (h, o) = if path == 0 {
            (
                &self.handling_cost_status_quo_kr,
                &self.opening_cost_status_quo_kr,
            )
        } else {
            (
                &self.handling_cost_scenario_kr,
                &self.opening_cost_scenario_kr,
            )
        };
        h[y].mean + o.as_ref().map_or(0.0, |o| o[y].mean)
    }
}

/// summary.json's `breakdown`.
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub covers: &'static str,
    pub by_area: Vec<GroupSummary>,
    pub by_department: Vec<GroupSummary>,
    pub by_contact_type: Vec<GroupSummary>,
}

impl Breakdown {
    /// Summarises every group's columns (in parallel; the result does not
    /// depend on the number of threads).
    pub fn new(s: &Scenario, layout: &Layout, trials: &Trials) -> Option<Breakdown> {
        let cols = crate::summary::ExactColumns {
            scenario: s,
            layout,
            trials,
        };
        Self::from_columns(s, layout, &cols)
    }

    /// The same from a run's columns (exact or streamed).
    pub fn from_columns(
        s: &Scenario,
        layout: &Layout,
        cols: &dyn crate::summary::Columns,
    ) -> Option<Breakdown> {
        let slots: &BreakdownSlots = layout.slots.breakdown.as_ref()?;
        let of_kind = |k: KindOf| -> Vec<GroupSummary> {
            let groups: Vec<&GroupSlots> = slots.of_kind(k).collect();
            groups
                .par_iter()
                .map(|g| group_summary(s, layout, cols, g))
                .collect()
        };
        Some(Breakdown {
            covers: COVERS,
            by_area: of_kind(KindOf::Area),
            by_department: of_kind(KindOf::Department),
            by_contact_type: of_kind(KindOf::ContactType),
        })
    }

    /// The groups of a kind.
    pub fn groups(&self, k: KindOf) -> &[GroupSummary] {
        match k {
            KindOf::Area => &self.by_area,
            KindOf::Department => &self.by_department,
            KindOf::ContactType => &self.by_contact_type,
        }
    }
}

fn group_summary(
    s: &Scenario,
    layout: &Layout,
    cols: &dyn crate::summary::Columns,
    g: &GroupSlots,
) -> GroupSummary {
    let per_year = |slot: usize| -> Vec<Summary> {
        (0..layout.n_years)
            .map(|y| cols.summary(crate::model::layout::Store::Detail, slot + y))
            .collect()
    };
    // Handling plus opening of a department, per trial.
    let cost = |path: usize| -> Option<Vec<Summary>> {
        let o = g.opening?;
        Some(
            (0..layout.n_years)
                .map(|y| cols.summary_of_sum(g.handling[path] + y, o[path] + y))
                .collect(),
        )
    };
    GroupSummary {
        name: g.name(s),
        label: match g.kind {
            GroupKind::Department(Some(d)) => Some(s.departments[d].label.clone()),
            _ => None,
        },
        handling_cost_status_quo_kr: per_year(g.handling[0]),
        handling_cost_scenario_kr: per_year(g.handling[1]),
        opening_cost_status_quo_kr: g.opening.map(|o| per_year(o[0])),
        opening_cost_scenario_kr: g.opening.map(|o| per_year(o[1])),
        cost_status_quo_kr: cost(0),
        cost_scenario_kr: cost(1),
        savings_kr: per_year(g.savings),
        contacts_status_quo: per_year(g.contacts[0]),
        contacts_scenario: per_year(g.contacts[1]),
    }
}
