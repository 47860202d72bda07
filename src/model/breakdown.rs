//! Cost, savings and volumes by area, by department and by contact type
//! (`run --breakdown`; docs/model.md, "Breakdowns").
//!
//! What a group covers, and only that:
//!
//! - **handling cost** and **handled contacts** of its (area, type) cells:
//!   every area, department and contact type; the groups of one kind add up
//!   to `handling_cost_*_kr` and `contacts_*` of the trial;
//! - **opening cost** (cost per open hour and staffed-mode staff): its
//!   department only (departments add up to `opening_cost_*_kr`);
//! - campaign (event) costs and outbound mail are in no group: they are not
//!   per area.
//!
//! A group's savings are status quo minus scenario of what it covers:
//! handling cost for areas and types, handling plus opening cost for
//! departments. Over the departments they add up to `savings_kr` less the
//! initiatives' and outbound mail's parts.
//!
//! The slots live in the trial's f32 detail row but are no `metrics` of
//! summary.json: they are summarised into its `breakdown` object.

use crate::domain::ContactType;
use crate::scenario::Scenario;

/// What a breakdown group gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// One area (index into `Scenario::areas`).
    Area(usize),
    /// One department, or the areas without a department (`None`).
    Department(Option<usize>),
    /// One contact type, over every area.
    ContactType(ContactType),
}

/// The detail slots of one group (each the first of `n_years` values);
/// index 0 is the status quo, 1 the scenario.
#[derive(Debug, Clone)]
pub struct GroupSlots {
    pub kind: GroupKind,
    /// The (area, type) cells of the group.
    pub cells: Vec<usize>,
    pub handling: [usize; 2],
    pub contacts: [usize; 2],
    /// Departments only: opening (and staff) cost.
    pub opening: Option<[usize; 2]>,
    /// Status quo minus scenario of what the group covers.
    pub savings: usize,
}

/// Every group: areas in file order, then departments (those with areas or
/// hours, in file order, then "no department" if some area has none), then
/// contact types (those with cells).
#[derive(Debug, Clone)]
pub struct BreakdownSlots {
    pub groups: Vec<GroupSlots>,
}

impl BreakdownSlots {
    /// Lays out the groups; `reserve` hands out one per-year detail slot.
    pub fn new(s: &Scenario, reserve: &mut dyn FnMut() -> usize) -> BreakdownSlots {
        let mut kinds: Vec<GroupKind> = (0..s.areas.len()).map(GroupKind::Area).collect();
        kinds.extend((0..s.departments.len()).map(|d| GroupKind::Department(Some(d))));
        if s.areas.iter().any(|a| a.department.is_none()) {
            kinds.push(GroupKind::Department(None));
        }
        for t in ContactType::ALL {
            if s.cells.iter().any(|c| c.contact_type == t) {
                kinds.push(GroupKind::ContactType(t));
            }
        }
        let groups = kinds
            .into_iter()
            .map(|kind| {
                let cells = (0..s.cells.len())
                    .filter(|&c| {
                        let cell = &s.cells[c];
                        match kind {
                            GroupKind::Area(a) => cell.area == a,
                            GroupKind::Department(d) => s.areas[cell.area].department == d,
                            GroupKind::ContactType(t) => cell.contact_type == t,
                        }
                    })
                    .collect();
                let handling = [reserve(), reserve()];
                let contacts = [reserve(), reserve()];
                let opening =
                    matches!(kind, GroupKind::Department(_)).then(|| [reserve(), reserve()]);
                let savings = reserve();
                GroupSlots {
                    kind,
                    cells,
                    handling,
                    contacts,
                    opening,
                    savings,
                }
            })
            .collect();
        BreakdownSlots { groups }
    }

    /// Groups of one kind: areas, departments or contact types.
    pub fn of_kind(&self, kind: KindOf) -> impl Iterator<Item = &GroupSlots> {
        self.groups.iter().filter(move |g| g.kind_of() == kind)
    }
}

/// The three kinds of groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindOf {
    Area,
    Department,
    ContactType,
}

impl KindOf {
    pub const ALL: [KindOf; 3] = [KindOf::Area, KindOf::Department, KindOf::ContactType];

    /// Key in summary.json's `breakdown` object and the CSV's `group` column.
    pub fn key(self) -> &'static str {
        match self {
            KindOf::Area => "by_area",
            KindOf::Department => "by_department",
            KindOf::ContactType => "by_contact_type",
        }
    }
}

impl GroupSlots {
    pub fn kind_of(&self) -> KindOf {
        match self.kind {
            GroupKind::Area(_) => KindOf::Area,
            GroupKind::Department(_) => KindOf::Department,
            GroupKind::ContactType(_) => KindOf::ContactType,
        }
    }

    /// The group's name as summary.json gives it: the area's or
    /// department's `name` ("none" for areas without a department), the
    /// contact type's key.
    pub fn name(&self, s: &Scenario) -> String {
        match self.kind {
            GroupKind::Area(a) => s.areas[a].name.clone(),
            GroupKind::Department(Some(d)) => s.departments[d].name.clone(),
            GroupKind::Department(None) => NO_DEPARTMENT.to_string(),
            GroupKind::ContactType(t) => t.key().to_string(),
        }
    }
}

/// The name of the group of areas without a department.
pub const NO_DEPARTMENT: &str = "none";

/// One trial's running sums for the breakdown, before the price index.
#[derive(Debug, Default)]
pub struct Acc {
    /// Per path, `y * n_cells + c`: handling cost (unit prices, no index).
    pub cell_handling: [Vec<f64>; 2],
    /// Per path, `y * n_cells + c`: handled contacts.
    pub cell_contacts: [Vec<f64>; 2],
    /// Per path, `y * n_depts + d`: opening and staff cost (indexed).
    pub dept_opening: [Vec<f64>; 2],
}

impl Acc {
    /// Zeroes the sums of one path.
    pub fn reset(&mut self, path: usize, n_years: usize, n_cells: usize, n_depts: usize) {
        for v in [&mut self.cell_handling[path], &mut self.cell_contacts[path]] {
            v.clear();
            v.resize(n_years * n_cells, 0.0);
        }
        self.dept_opening[path].clear();
        self.dept_opening[path].resize(n_years * n_depts, 0.0);
    }

    /// The status quo is the scenario (no proposal, no policy events).
    pub fn copy_scenario_to_status_quo(&mut self, scenario: usize, status_quo: usize) {
        self.cell_handling[status_quo] = self.cell_handling[scenario].clone();
        self.cell_contacts[status_quo] = self.cell_contacts[scenario].clone();
        // Staff cost so far; the cost per open hour is added per path later.
        self.dept_opening[status_quo] = self.dept_opening[scenario].clone();
    }

    /// Writes every group's values of one trial; `idx` is the price index per year.
    pub fn write(
        &self,
        slots: &BreakdownSlots,
        n_years: usize,
        n_cells: usize,
        n_depts: usize,
        idx: &[f64],
        detail: &mut [f32],
    ) {
        for g in &slots.groups {
            for y in 0..n_years {
                let mut covered = [0.0; 2];
                for path in 0..2 {
                    let row = y * n_cells;
                    let handling: f64 = g
                        .cells
                        .iter()
                        .map(|&c| self.cell_handling[path][row + c])
                        .sum::<f64>()
                        * idx[y];
                    let contacts: f64 = g
                        .cells
                        .iter()
                        .map(|&c| self.cell_contacts[path][row + c])
                        .sum();
                    detail[g.handling[path] + y] = handling as f32;
                    detail[g.contacts[path] + y] = contacts as f32;
                    covered[path] = handling;
                    if let Some(opening) = g.opening {
                        let o = match g.kind {
                            GroupKind::Department(Some(d)) => {
                                self.dept_opening[path][y * n_depts + d]
                            }
                            _ => 0.0,
                        };
                        detail[opening[path] + y] = o as f32;
                        covered[path] += o;
                    }
                }
                detail[g.savings + y] = (covered[0] - covered[1]) as f32;
            }
        }
    }
}
