//! `run --breakdown`: cost, savings and contacts by area, department and
//! contact type. A tiny scenario computed by hand, the parts adding up to
//! the totals in every trial of a shipped scenario, and the CLI end to end.

use assert_cmd::Command;
use channelshift::engine::Engine;
use channelshift::model::breakdown::KindOf;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// Area A (department D, counter Mon-Fri 8-16 = 40 h a week at 100 kr. an
/// open hour) and area B (department E, no opening hours), 12,000 contacts a year each,
/// 2012-2015, no growth, adoption negligible (p = 1e-9, q = 0). A is all
/// transactions with personal 0.4, phone 0.3, letter 0.2, self-service 0.1
/// (79.5 kr. a contact: 954,000 kr. a year); B is half transactions (the
/// same mix: 477,000 kr.) and half information by phone (6,000 x 50 =
/// 300,000 kr.). The proposal halves the counter's hours from 2012-01
/// (rho = 0.5) and nothing is displaced anywhere but avoided: A's counter
/// keeps 2,400 of its 4,800 contacts, handling 954,000 - 240,000 = 714,000
/// kr., contacts 9,600; D's opening cost falls from 40 x 52 x 100 =
/// 208,000 to 104,000 kr.
const TINY: &str = r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = 100
phone = 50
letter = 120
self_service = 5
website = 2
[defaults]
adoption = { p = 0.000000001, q = 0.0, ceiling = 0.9 }
[[departments]]
name = "D"
label = "Department D"
hours.counter = "Mon-Fri 8-16"
open_hour_cost_kr = { counter = 100 }
[[departments]]
name = "E"
[[areas]]
name = "A"
department = "D"
volume = 12000
type_split = { transaction = 1.0 }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
[[areas]]
name = "B"
department = "E"
volume = 12000
type_split = { transaction = 0.5, information = 0.5 }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
information = { phone = 1.0 }
[proposal]
name = "half the counter"
start = "2012-01"
[proposal.hours.D]
counter = "Mon-Fri 8-12"
"#;

fn summary_of(path: &std::path::Path, n: usize) -> RunSummary {
    let mut s = Scenario::from_file(path).unwrap_or_else(|e| panic!("{e}"));
    s.breakdown = true;
    let e = Engine::new(&s, 3);
    e.probe().unwrap_or_else(|e| panic!("{e}"));
    let t = e.run(n);
    RunSummary::new(&s, &e.layout, &t, 3, None)
}

fn close(actual: f64, expected: f64, what: &str) {
    // Adoption at p = 1e-9 moves volumes by about 1e-9 of themselves; the
    // breakdown is kept in f32 (7 significant digits).
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0) + 0.07,
        "{what}: {actual} instead of {expected}"
    );
}

#[test]
fn the_tiny_scenario_splits_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, TINY).unwrap();
    let r = summary_of(&path, 10);
    let b = r.breakdown.as_ref().expect("breakdown");
    let names = |k: KindOf| {
        b.groups(k)
            .iter()
            .map(|g| g.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(KindOf::Area), ["A", "B"]);
    assert_eq!(names(KindOf::Department), ["D", "E"]);
    assert_eq!(names(KindOf::ContactType), ["transaction", "information"]);
    assert_eq!(b.by_department[0].label.as_deref(), Some("Department D"));
    for y in 0..4 {
        let a = &b.by_area[0];
        close(
            a.handling_cost_status_quo_kr[y].p50,
            954_000.0,
            "A status quo",
        );
        close(a.handling_cost_scenario_kr[y].p50, 714_000.0, "A scenario");
        close(a.savings_kr[y].p50, 240_000.0, "A savings");
        close(a.contacts_status_quo[y].p50, 12_000.0, "A contacts");
        close(a.contacts_scenario[y].p50, 9_600.0, "A contacts, scenario");
        assert!(
            a.opening_cost_scenario_kr.is_none(),
            "areas carry no opening cost"
        );
        let bb = &b.by_area[1];
        close(bb.handling_cost_status_quo_kr[y].p50, 777_000.0, "B");
        close(bb.handling_cost_scenario_kr[y].p50, 777_000.0, "B scenario");
        close(bb.savings_kr[y].p50, 0.0, "B savings");
        let d = &b.by_department[0];
        close(d.handling_cost_scenario_kr[y].p50, 714_000.0, "D handling");
        let o_sq = d.opening_cost_status_quo_kr.as_ref().unwrap()[y].p50;
        let o_sc = d.opening_cost_scenario_kr.as_ref().unwrap()[y].p50;
        close(o_sq, 208_000.0, "D opening today");
        close(o_sc, 104_000.0, "D opening, proposal");
        close(d.savings_kr[y].p50, 240_000.0 + 104_000.0, "D savings");
        let e = &b.by_department[1];
        close(e.handling_cost_status_quo_kr[y].p50, 777_000.0, "E");
        close(
            e.opening_cost_status_quo_kr.as_ref().unwrap()[y].p50,
            0.0,
            "E opening",
        );
        let t = &b.by_contact_type[0];
        close(
            t.handling_cost_status_quo_kr[y].p50,
            1_431_000.0,
            "transactions",
        );
        close(
            t.handling_cost_scenario_kr[y].p50,
            1_191_000.0,
            "transactions, scenario",
        );
        close(
            t.contacts_scenario[y].p50,
            12_000.0 + 6_000.0 - 2_400.0,
            "transactions",
        );
        let i = &b.by_contact_type[1];
        close(i.handling_cost_scenario_kr[y].p50, 300_000.0, "information");
        close(i.contacts_scenario[y].p50, 6_000.0, "information contacts");
        // The whole: 1,731,000 + 208,000 today; savings 344,000.
        close(r.metric("savings_kr")[y].p50, 344_000.0, "savings");
    }
}

/// Every trial of Solrød's Proposal 1 (staffed phone, three departments,
/// twelve areas, uncertain everything): the groups of each kind add up to
/// the totals to 1e-6 of the cost.
#[test]
fn groups_add_up_to_the_totals_in_every_trial() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/solrod-2011-proposal-1.toml");
    let mut s = Scenario::from_file(&path).unwrap();
    s.breakdown = true;
    let e = Engine::new(&s, 11);
    let t = e.run(300);
    let l = &e.layout;
    let sl = &l.slots;
    let bd = sl.breakdown.as_ref().unwrap();
    let row = |i: usize, slot: usize| f64::from(t.detail[i * l.detail_len + slot]);
    use channelshift::model::layout::SavingsSource as Src;
    for i in 0..t.n {
        for y in 0..l.n_years {
            let cost = t.core[i * l.core_len + sl.cost_status_quo + y];
            let tol = 1e-6 * cost;
            for kind in KindOf::ALL {
                for path in 0..2 {
                    let sum: f64 = bd.of_kind(kind).map(|g| row(i, g.handling[path] + y)).sum();
                    let total = row(i, sl.handling[path] + y);
                    assert!(
                        (sum - total).abs() <= tol,
                        "{kind:?} handling {sum} vs {total}"
                    );
                    let sum: f64 = bd.of_kind(kind).map(|g| row(i, g.contacts[path] + y)).sum();
                    let total = row(i, sl.contacts[path] + y);
                    assert!((sum - total).abs() <= 1e-6 * total, "{kind:?} contacts");
                }
            }
            for path in 0..2 {
                let sum: f64 = bd
                    .of_kind(KindOf::Department)
                    .map(|g| row(i, g.opening.unwrap()[path] + y))
                    .sum();
                let total = row(i, sl.opening[path] + y);
                assert!((sum - total).abs() <= tol, "opening {sum} vs {total}");
            }
            let sum: f64 = bd
                .of_kind(KindOf::Department)
                .map(|g| row(i, g.savings + y))
                .sum();
            let savings = t.core[i * l.core_len + sl.savings + y]
                - row(i, sl.savings_by_source[Src::Initiatives.index()] + y)
                - row(i, sl.savings_by_source[Src::OutboundMail.index()] + y);
            assert!((sum - savings).abs() <= tol, "savings {sum} vs {savings}");
        }
    }
}

#[test]
fn the_cli_writes_the_breakdown_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, TINY).unwrap();
    let bin = || Command::cargo_bin("channelshift").unwrap();
    let with = dir.path().join("with");
    bin()
        .args([
            "run",
            "-n",
            "50",
            "--quiet",
            "--no-charts",
            "--breakdown",
            "--report",
        ])
        .arg(&path)
        .arg("--out")
        .arg(&with)
        .arg("--xlsx")
        .arg(dir.path().join("w.xlsx"))
        .assert()
        .success();
    let csv = std::fs::read_to_string(with.join("breakdown.csv")).unwrap();
    assert!(csv.starts_with("group,name,quantity,unit,year,mean,"));
    assert!(
        csv.contains("by_department,D,opening_cost_scenario_kr,kr.,2015,104000,"),
        "{csv}"
    );
    assert!(csv.contains("by_contact_type,information,contacts_status_quo,contacts,2012,"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(with.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json["breakdown"]["by_area"][1]["name"], "B");
    let html = std::fs::read_to_string(with.join("report.html")).unwrap();
    assert!(
        html.contains("Omkostninger fordelt på"),
        "the report has the breakdown"
    );
    let without = dir.path().join("without");
    bin()
        .args(["run", "-n", "50", "--quiet", "--no-charts"])
        .arg(&path)
        .arg("--out")
        .arg(&without)
        .assert()
        .success();
    assert!(!without.join("breakdown.csv").exists());
    let text = std::fs::read_to_string(without.join("summary.json")).unwrap();
    assert!(!text.contains("\"breakdown\""));
}

/// Areas of a scenario without departments form the department "none".
#[test]
fn areas_without_a_department_are_the_group_none() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/vallensbaek-2012.toml");
    let r = summary_of(&path, 200);
    let b = r.breakdown.unwrap();
    assert_eq!(b.by_area.len(), 35);
    assert_eq!(b.by_department.len(), 1);
    assert_eq!(b.by_department[0].name, "none");
    assert_eq!(
        b.by_department[0]
            .opening_cost_scenario_kr
            .as_ref()
            .unwrap()[0]
            .max,
        0.0
    );
    // Vallensbæk's own split by type (transactions 57 %, case information
    // 25 %, information 18 %, the 2012 seed's Side 15): the scenario gives
    // 58 / 26 / 16 % of the 2012 handling cost (means; within 2 points).
    let total: f64 = b.by_contact_type.iter().map(|g| g.mean_cost(0, 0)).sum();
    let share = |name: &str| {
        b.by_contact_type
            .iter()
            .find(|g| g.name == name)
            .unwrap()
            .mean_cost(0, 0)
            / total
    };
    for (name, seed) in [
        ("transaction", 0.57),
        ("case_information", 0.25),
        ("information", 0.18),
    ] {
        assert!(
            (share(name) - seed).abs() < 0.025,
            "{name}: {}",
            share(name)
        );
    }
}
