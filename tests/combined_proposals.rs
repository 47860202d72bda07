//! `[proposal] combine = [...]`: the hours of several named `[[proposals]]`
//! in one option, each from its own start; conflicting hours for the same
//! department and channel are refused with a located error.

use assert_cmd::Command;
use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// Areas A (department D, counter Mon-Fri 8-16) and B (department E, phone
/// Mon-Fri 8-16), 12,000 transactions a year each, 2012-2015, adoption
/// negligible; mix personal 0.4, phone 0.3, letter 0.2, self-service 0.1.
/// No displacement fractions: every displaced contact is avoided.
const BASE: &str = r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = 100
phone = 50
letter = 120
self_service = 5
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.000000001, q = 0.0, ceiling = 0.9 }
[[departments]]
name = "D"
hours.counter = "Mon-Fri 8-16"
[[departments]]
name = "E"
hours.phone = "Mon-Fri 8-16"
[[areas]]
name = "A"
department = "D"
volume = 12000
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
[[areas]]
name = "B"
department = "E"
volume = 12000
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
[[proposals]]
name = "counter cut"
start = "2013-01"
[proposals.hours.D]
counter = "Mon-Fri 8-12"
[[proposals]]
name = "phone cut"
start = "2014-01"
[proposals.hours.E]
phone = "Mon-Fri 8-12"
"#;

fn run(text: &str) -> RunSummary {
    let s = Scenario::from_text(std::path::Path::new("tiny.toml"), text)
        .unwrap_or_else(|e| panic!("{e}"));
    let e = Engine::new(&s, 3);
    let t = e.run(10);
    RunSummary::new(&s, &e.layout, &t, 3, None)
}

#[test]
fn combined_proposals_act_each_from_its_own_start() {
    // 2013: A's counter keeps half its 4,800 contacts: 2,400 x 100 =
    // 240,000 kr. saved; from 2014 also B's phone: 1,800 x 50 = 90,000 kr.
    let r = run(&format!(
        "{BASE}[proposal]\nname = \"both\"\nstart = \"2013-01\"\ncombine = [\"counter cut\", \"phone cut\"]\n"
    ));
    let savings: Vec<f64> = r.metric("savings_kr").iter().map(|q| q.p50).collect();
    let expected = [0.0, 240_000.0, 330_000.0, 330_000.0];
    for (a, e) in savings.iter().zip(expected) {
        assert!((a - e).abs() < 0.05, "{savings:?}");
    }
    // The same hours written as one staged proposal give the same bits.
    let staged = run(&format!(
        "{BASE}[proposal]\nname = \"both\"\nstart = \"2013-01\"\n[proposal.hours.D]\ncounter = \"Mon-Fri 8-12\"\n[proposal.hours.E]\nphone = \"Mon-Fri 8-12\"\nstart = \"2014-01\"\n"
    ));
    for key in [
        "cost_scenario_kr",
        "savings_kr",
        "cumulative_net_savings_kr",
    ] {
        let a: Vec<f64> = r.metric(key).iter().map(|q| q.mean).collect();
        let b: Vec<f64> = staged.metric(key).iter().map(|q| q.mean).collect();
        assert_eq!(a, b, "{key}");
    }
    // Summary's hours table shows the combined hours.
    assert_eq!(r.hours.len(), 2);
    assert!(r
        .hours
        .iter()
        .all(|h| h.proposal_hours_per_week == Some(20.0)));
    // Without combine the [[proposals]] do nothing.
    let alone = run(&format!(
        "{BASE}[proposal]\nname = \"none\"\nstart = \"2013-01\"\n"
    ));
    assert!(alone.metric("savings_kr").iter().all(|q| q.max == 0.0));
}

fn check_fails(text: &str, wanted: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("channelshift")
        .unwrap()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("tiny.toml:"), "no location: {err}");
    for w in wanted {
        assert!(err.contains(w), "{w:?} missing in: {err}");
    }
}

#[test]
fn conflicting_or_unknown_proposals_are_refused() {
    // The proposal's own counter hours for D and "counter cut"'s: the
    // error points at the second (line 35 of the file: counter = "Mon-Fri 8-12").
    check_fails(
        &format!(
            "{BASE}[proposal]\nname = \"both\"\nstart = \"2013-01\"\ncombine = [\"counter cut\"]\n[proposal.hours.D]\ncounter = \"Mon-Fri 9-12\"\n"
        ),
        &[
            "tiny.toml:35:11",
            "proposal \"counter cut\" sets counter hours for \"D\", which proposal \"both\" already sets",
            "different departments or channels",
        ],
    );
    check_fails(
        &format!(
            "{BASE}[proposal]\nname = \"x\"\nstart = \"2013-01\"\ncombine = [\"phone cutt\"]\n"
        ),
        &[
            "combines \"phone cutt\", but there is no [[proposals]] of that name",
            "counter cut, phone cut",
        ],
    );
    check_fails(
        &format!("{BASE}[proposal]\nname = \"x\"\nstart = \"2013-01\"\ncombine = [\"phone cut\", \"phone cut\"]\n"),
        &["combines \"phone cut\" twice"],
    );
    check_fails(
        &BASE.replace(
            "name = \"phone cut\"\n",
            "name = \"phone cut\"\ncombine = [\"counter cut\"]\n",
        ),
        &["has combine, which only [proposal] may have"],
    );
    check_fails(
        &BASE.replace("[proposals.hours.E]", "[proposals.hours.F]"),
        &["unknown department \"F\""],
    );
    check_fails(
        &format!(
            "{BASE}[proposal]\nname = \"x\"\nstart = \"2013-01\"\ncombine = \"counter cut\"\n"
        ),
        &["combine"],
    );
}
