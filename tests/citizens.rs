//! Citizens' capabilities, completion of started self-service and solution
//! launches (docs/model.md), each on a tiny scenario worked out by hand in
//! the comments.

use assert_cmd::Command;
use std::path::Path;

use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// Two areas of 12,000 transactions a year (1,000 a month), 2012-2015, no
/// growth; the mix is personal 0.4, phone 0.3, letter 0.2, self-service
/// 0.1 and adoption is negligible (p = 1e-9, q = 0) unless a test says
/// otherwise.
fn tiny_text(adoption: &str, extra: &str) -> String {
    format!(
        r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = 100
phone = 50
letter = 120
self_service = 5
[defaults]
type_split = {{ transaction = 1.0 }}
adoption = {adoption}
[[areas]]
name = "A"
volume = 12000
[areas.mix]
transaction = {{ personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }}
[[areas]]
name = "B"
volume = 12000
[areas.mix]
transaction = {{ personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }}
{extra}
"#
    )
}

const FLAT: &str = "{ p = 0.000000001, q = 0.0, ceiling = 0.9 }";

fn write(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn run(adoption: &str, extra: &str, n: usize) -> RunSummary {
    let text = tiny_text(adoption, extra);
    let s = Scenario::from_text(Path::new("tiny.toml"), &text).unwrap_or_else(|e| panic!("{e}"));
    let e = Engine::new(&s, 3);
    e.probe().unwrap_or_else(|e| panic!("{e}"));
    let t = e.run(n);
    RunSummary::new(&s, &e.layout, &t, 3, None)
}

fn p50(r: &RunSummary, key: &str, year: usize) -> f64 {
    r.metric(key)[year].p50
}

fn close(actual: f64, expected: f64, what: &str) {
    // Adoption at p = 1e-9 moves volumes by about 1e-9 of themselves.
    assert!(
        (actual - expected).abs() < 1e-2,
        "{what}: {actual} instead of {expected}"
    );
}

fn close_share(actual: f64, expected: f64, what: &str) {
    // Per-year metrics below core money are kept as f32 (7 digits).
    assert!(
        (actual - expected).abs() < 1e-6,
        "{what}: {actual} instead of {expected}"
    );
}

#[test]
fn a_capability_diffuses_from_todays_share_in_the_bass_closed_form() {
    // q = 0, ceiling 1: F(t) = 1 - (1 - F0) e^{-p t}. With F0 = 0.2 and
    // p = 0.5 a year, month m shows 1 - 0.8 e^{-m/24}; 2012's value is the
    // mean of months 0-11, and a year-end goal reads December (m = 11).
    let r = run(
        FLAT,
        r#"[citizens.nemid]
today = 0.2
p = 0.5
q = 0.0
ceiling = 1.0
[[goals]]
name = "NemID by the end of 2012"
metric = "citizens"
capability = "nemid"
op = ">="
target = 0.3
year = 2012
at = "year_end"
"#,
        1,
    );
    let month = |m: f64| 1.0 - 0.8 * (-m / 24.0).exp();
    let mean_2012: f64 = (0..12).map(|m| month(m as f64)).sum::<f64>() / 12.0;
    let mean_2013: f64 = (12..24).map(|m| month(m as f64)).sum::<f64>() / 12.0;
    close_share(p50(&r, "citizens.nemid", 0), mean_2012, "2012 mean share");
    close_share(p50(&r, "citizens.nemid", 1), mean_2013, "2013 mean share");
    // December 2012: 1 - 0.8 e^{-11/24} = 0.494...
    let g = &r.goals[0];
    assert!(
        (g.value[0].p50 - month(11.0)).abs() < 1e-12,
        "{:?}",
        g.value[0]
    );
    assert_eq!(g.probability[0], Some(1.0));
}

#[test]
fn a_law_floor_lifts_digital_post_and_the_letters_follow_registration() {
    // Registration 30 % and frozen (p = 1e-9, q = 0) until the law of
    // 1 Nov 2014 with 20 % exempt: 80 % from November. 2014's mean share
    // = (10 x 0.3 + 2 x 0.8) / 12 = 0.383333.
    // Outbound: 1,000 letters a month follow registration: paper letters
    // 2014 = 10 x 700 + 2 x 200 = 7,400; cost = 7,400 x 10 + 4,600 x 1 =
    // 78,600 kr. (2013: 8,400 x 10 + 3,600 x 1 = 87,600 kr.).
    let r = run(
        FLAT,
        r#"[outbound_mail]
letters_per_year = 12000
price_letter_kr = 10
price_digital_post_kr = 1
[citizens.digital_post]
today = 0.3
p = 0.000000001
q = 0.0
ceiling = 0.9
drives_outbound = true
[[events]]
name = "Digital Post law"
kind = "external"
start = "2014-11"
[events.citizens.digital_post]
exemption = 0.2
[[goals]]
name = "Half on Digital Post"
metric = "citizens"
capability = "digital_post"
op = ">="
target = 0.5
from_year = 2012
"#,
        1,
    );
    close_share(
        p50(&r, "citizens.digital_post", 2),
        4.6 / 12.0,
        "2014 share",
    );
    close_share(p50(&r, "citizens.digital_post", 3), 0.8, "2015 share");
    close(
        p50(&r, "paper_letters_scenario", 2),
        7400.0,
        "paper letters 2014",
    );
    close(
        p50(&r, "outbound_mail_cost_scenario_kr", 1),
        87600.0,
        "outbound 2013",
    );
    close(
        p50(&r, "outbound_mail_cost_scenario_kr", 2),
        78600.0,
        "outbound 2014",
    );
    let g = &r.goals[0];
    assert_eq!(g.probability[2], Some(0.0), "2014 mean is 38 %");
    assert_eq!(g.probability[3], Some(1.0), "2015 is 80 %");
}

#[test]
fn failed_attempts_come_back_and_a_better_form_saves_their_cost() {
    // Completion 50 %, all failures come back (default), an abandoned
    // attempt costs 2 kr. Attempt share a0 = 0.1 / 0.5 = 0.2: a month has
    // 200 attempts, 100 completed, 100 failed and back through personal /
    // phone / letter in 4:3:2, so the mix is still 400 / 300 / 200 / 100.
    // Cost a month: 40,000 + 15,000 + 24,000 + 500 + 100 x 2 = 79,700;
    // a year 956,400 kr. per area.
    // From 2013 a policy event raises area A's rate by 0.3 to 0.8:
    // 160 completed, 40 back, non-digital 800 + 40 = 840 = 373.33 / 280 /
    // 186.67: 37,333.33 + 14,000 + 22,400 + 800 + 80 = 74,613.33 a month,
    // 895,360 a year: savings 61,040 kr. in 2013.
    // Both areas in 2013: attempts 4,800, completed 1,920 + 1,200 = 3,120,
    // fallbacks 480 + 1,200 = 1,680, completion rate 0.65.
    let r = run(
        FLAT,
        r#"[completion]
rate = 0.5
abandoned_price_kr = 2
[[events]]
name = "Better form"
kind = "policy"
start = "2013-01"
areas = ["A"]
completion_add = 0.3
[[goals]]
name = "Completion in A"
metric = "completion_rate"
areas = ["A"]
op = ">="
target = 0.75
from_year = 2012
"#,
        1,
    );
    close(
        p50(&r, "cost_status_quo_kr", 0),
        2.0 * 956_400.0,
        "cost 2012",
    );
    close(p50(&r, "savings_kr", 0), 0.0, "savings 2012");
    close(p50(&r, "savings_kr", 1), 61_040.0, "savings 2013");
    close(p50(&r, "self_service_attempts", 1), 4800.0, "attempts 2013");
    close(
        p50(&r, "self_service_completed", 1),
        3120.0,
        "completed 2013",
    );
    close(p50(&r, "fallback_contacts", 1), 1680.0, "fallbacks 2013");
    close_share(p50(&r, "completion_rate", 1), 0.65, "completion rate 2013");
    close(
        p50(&r, "volume_scenario.self_service", 1),
        3120.0,
        "self-service 2013",
    );
    close(
        p50(&r, "volume_scenario.personal", 0),
        2.0 * 4800.0,
        "personal 2012",
    );
    let g = &r.goals[0];
    assert!((g.value[0].p50 - 0.5).abs() < 1e-9);
    assert!((g.value[1].p50 - 0.8).abs() < 1e-9);
    assert_eq!(g.probability[..2], [Some(0.0), Some(1.0)]);
}

#[test]
fn when_only_some_failures_come_back_the_todays_mix_is_still_reproduced() {
    // comes_back 0.5, rate 0.5: a0 = 0.1 / (0.5 + 0.1 x 0.5 x 0.5) =
    // 0.190476, needs per counted contact k = 1 / (1 - a0 x 0.5 x 0.5) = 1.05:
    // 1,050 needs, 200 attempts, 100 completed, 50 back, 50 give up;
    // non-digital 850 + 50 = 900: the written mix, 1,000 contacts a month.
    let r = run(FLAT, "[completion]\nrate = 0.5\ncomes_back = 0.5\n", 1);
    close(p50(&r, "contacts_scenario", 0), 24_000.0, "contacts 2012");
    close(
        p50(&r, "volume_scenario.self_service", 0),
        2400.0,
        "self-service 2012",
    );
    close(p50(&r, "volume_scenario.phone", 0), 7200.0, "phone 2012");
    close(p50(&r, "self_service_attempts", 0), 4800.0, "attempts 2012");
    close(p50(&r, "fallback_contacts", 0), 1200.0, "fallbacks 2012");
}

#[test]
fn a_cell_keeps_todays_share_until_its_solution_launches() {
    // p = 0.6, q = 0, ceiling 1: once live, month k after launch shows
    // 1 - 0.9 e^{-0.05 k}. Area A's solution launches in January 2013, so
    // A has 0.1 x 12,000 = 1,200 self-service contacts in 2012 and
    // 1,000 x sum_{k=0..11} (1 - 0.9 e^{-0.05 k}) in 2013; B has no
    // solution of its own listed and diffuses from the start. Solutions
    // live at the end of each year: 2012: 1 (B's, live), 2013 on: 2.
    let adoption = "{ p = 0.6, q = 0.0, ceiling = 1.0 }";
    let r = run(
        adoption,
        r#"[[solutions]]
name = "A's form"
areas = ["A"]
launch = "2013-01"
[[solutions]]
name = "B's form"
areas = ["B"]
[[goals]]
name = "Two solutions"
metric = "solutions"
op = ">="
target = 2
from_year = 2012
"#,
        1,
    );
    let curve = |k: f64| 1.0 - 0.9 * (-0.05 * k).exp();
    let year = |from: usize| {
        (from..from + 12)
            .map(|k| 1000.0 * curve(k as f64))
            .sum::<f64>()
    };
    close(
        p50(&r, "volume_scenario.self_service", 0),
        1200.0 + year(0),
        "self-service 2012",
    );
    close(
        p50(&r, "volume_scenario.self_service", 1),
        year(0) + year(12),
        "self-service 2013",
    );
    close(p50(&r, "solutions_live", 0), 1.0, "live 2012");
    close(p50(&r, "solutions_live", 1), 2.0, "live 2013");
    assert_eq!(r.goals[0].probability[..2], [Some(0.0), Some(1.0)]);
}

#[test]
fn an_uncertain_launch_delay_gives_the_probability_of_being_live() {
    // Launch January 2013 plus a delay uniform on [0, 24) months, rounded
    // down: live by December 2013 when the delay is below 12, probability
    // 0.5; by December 2014 always. 4,000 trials: se = 0.0079.
    let r = run(
        FLAT,
        r#"[[solutions]]
name = "A's form"
areas = ["A"]
launch = "2013-01"
delay_months = { uniform = [0, 24] }
[[goals]]
name = "Live"
metric = "solutions"
op = ">="
target = 1
from_year = 2013
"#,
        4000,
    );
    let p = r.goals[0].probability[1].unwrap();
    assert!((p - 0.5).abs() < 4.0 * 0.0079, "P(live by 2013) = {p}");
    assert_eq!(r.goals[0].probability[2], Some(1.0));
}

#[test]
fn nemid_caps_the_self_service_share_of_transactions() {
    // NemID 5 % and frozen; transactions' self-service share 10 % is
    // capped at 5 %: 600 self-service contacts a year per area, and the
    // other 950 a month split 4:3:2 (422.22 / 316.67 / 211.11).
    let r = run(
        FLAT,
        r#"[citizens.nemid]
today = 0.05
p = 0.000000001
q = 0.0
ceiling = 0.9
limits_self_service = ["transaction"]
"#,
        1,
    );
    close(
        p50(&r, "volume_scenario.self_service", 0),
        1200.0,
        "self-service 2012",
    );
    close(
        p50(&r, "volume_scenario.phone", 0),
        2.0 * 12.0 * 950.0 / 3.0,
        "phone 2012",
    );
}

fn check_fails(extra: &str, wanted: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, &tiny_text(FLAT, extra));
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
fn bad_citizens_completion_and_solutions_are_refused_with_a_located_error() {
    check_fails(
        "[completion]\nrate = 1.2\n",
        &["completion.rate", "between 0 and 1"],
    );
    check_fails(
        "[[solutions]]\nname = \"s\"\nlaunch = \"2010-05\"\n",
        &["before the horizon starts", "remove `launch`"],
    );
    check_fails(
        "[[goals]]\nname = \"g\"\nmetric = \"citizens\"\ncapability = \"nemid\"\nop = \">=\"\ntarget = 0.5\nyear = 2013\n",
        &["no [citizens.nemid]"],
    );
    check_fails(
        "[[events]]\nname = \"e\"\nkind = \"policy\"\nstart = \"2013-01\"\ncompletion_add = 0.1\n",
        &["none of its cells has one"],
    );
    check_fails(
        "[citizens.nemid]\ntoday = 0.5\np = 0.1\nq = 0.2\nceiling = 0.9\nshare = 3\n",
        &["unknown field `share`"],
    );
    check_fails(
        "[citizens.nemid]\ntoday = 0.5\np = 0.1\nq = 0.2\nceiling = 0.9\ndrives_outbound = true\n",
        &["only digital_post"],
    );
    check_fails(
        "[[goals]]\nname = \"g\"\nmetric = \"solutions\"\nop = \">=\"\ntarget = 3\nyear = 2013\n",
        &["no [[solutions]]"],
    );
}
