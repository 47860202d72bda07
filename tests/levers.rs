//! The levers of docs/model.md beyond MODEL.md: partial channel shifts, unit
//! price changes, volume factors and negative event costs, each on a tiny
//! scenario whose numbers are worked out by hand in the comments.

use assert_cmd::Command;
use std::path::Path;

use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// Two areas of 12,000 transactions a year (1,000 a month), 2012-2015, no
/// growth, no price index; the mix is personal 0.4, phone 0.3, letter 0.2,
/// self-service 0.1 and adoption is negligible (p = 1e-9, q = 0), so a
/// contact of the mix costs 0.4 x 100 + 0.3 x 50 + 0.2 x 120 + 0.1 x 5 =
/// 79.5 kr.
fn tiny_text(extra: &str) -> String {
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
adoption = {{ p = 0.000000001, q = 0.0, ceiling = 0.9 }}
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

fn write(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn run(extra: &str, n: usize) -> RunSummary {
    run_text(&tiny_text(extra), n)
}

/// Runs a whole scenario text (probe first, so a bad case fails loudly).
fn run_text(text: &str, n: usize) -> RunSummary {
    let s = Scenario::from_text(Path::new("levers.toml"), text).unwrap_or_else(|e| panic!("{e}"));
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

#[test]
fn a_partial_shift_moves_its_ramped_share_and_avoids_the_rest() {
    // Half of area A's letters (200 a month) move from 2013-01, ramped over
    // 4 months: 60 % to self-service, 20 % to phone, 20 % avoided. Ramp
    // factors in 2013: 1/4, 2/4, 3/4, then 1 for 9 months = 10.5 months of
    // full effect: 200 x 0.5 x 10.5 = 1,050 letters moved; 2014: 1,200.
    let r = run(
        r#"[[events]]
name = "letters seep away"
kind = "policy"
start = "2013-01"
areas = ["A"]
shift_channel = "letter"
shift_share = 0.5
shift_to = { self_service = 0.6, phone = 0.2 }
ramp_months = 4
"#,
        20,
    );
    close(p50(&r, "volume_scenario.letter", 0), 4800.0, "letters 2012");
    close(
        p50(&r, "volume_scenario.letter", 1),
        4800.0 - 1050.0,
        "letters 2013",
    );
    close(
        p50(&r, "volume_scenario.letter", 2),
        4800.0 - 1200.0,
        "letters 2014",
    );
    close(
        p50(&r, "volume_status_quo.letter", 1),
        4800.0,
        "status quo letters",
    );
    close(
        p50(&r, "volume_scenario.self_service", 1),
        2400.0 + 630.0,
        "self-service 2013",
    );
    close(
        p50(&r, "volume_scenario.phone", 1),
        7200.0 + 210.0,
        "phone 2013",
    );
    close(p50(&r, "shift_avoided", 1), 210.0, "avoided 2013");
    close(p50(&r, "shift_avoided", 2), 240.0, "avoided 2014");
    // Savings 2013: 1,050 letters x 120 = 126,000 kr. less 630 x 5 + 210 x 50
    // = 13,650 kr. in the new channels: 112,350 kr.; 2014: 144,000 - 15,600.
    assert_eq!(p50(&r, "savings_kr", 0), 0.0, "nothing before the start");
    close(p50(&r, "savings_kr", 1), 112_350.0, "savings 2013");
    close(p50(&r, "savings_kr", 2), 128_400.0, "savings 2014");
    // The avoided letters are valued at the letter price: 210 x 120.
    close(
        p50(&r, "savings_avoided_contacts_kr", 1),
        25_200.0,
        "avoided value 2013",
    );
}

#[test]
fn a_unit_price_change_applies_only_in_its_areas_and_months() {
    // Self-service in area B costs 2 kr. instead of 5 from 2014-01:
    // 1,200 self-service contacts a year x 3 kr. = 3,600 kr. a year.
    let r = run(
        r#"[[events]]
name = "integrated form"
kind = "policy"
start = "2014-01"
areas = ["B"]
price_channel = "self_service"
price_kr = 2
"#,
        20,
    );
    assert_eq!(p50(&r, "savings_kr", 1), 0.0);
    close(p50(&r, "savings_kr", 2), 3_600.0, "savings 2014");
    close(p50(&r, "savings_kr", 3), 3_600.0, "savings 2015");
    // A factor of 0.5 from July 2014: 600 contacts x 2.5 kr. in 2014.
    let r = run(
        r#"[[events]]
name = "cheaper handling"
kind = "policy"
start = "2014-07"
areas = ["B"]
price_channel = "self_service"
price_factor = 0.5
"#,
        20,
    );
    close(p50(&r, "savings_kr", 2), 1_500.0, "savings 2014");
    close(p50(&r, "savings_kr", 3), 3_000.0, "savings 2015");
    // External: both paths pay the new price, nothing is saved, the cost falls.
    let r = run(
        r#"[[events]]
name = "national price"
kind = "external"
start = "2014-01"
end = "2014-12"
price_channel = "self_service"
price_kr = 2
"#,
        20,
    );
    assert_eq!(p50(&r, "savings_kr", 2), 0.0);
    let base = 24_000.0 * 79.5;
    close(p50(&r, "cost_status_quo_kr", 1), base, "cost 2013");
    close(
        p50(&r, "cost_status_quo_kr", 2),
        base - 2_400.0 * 3.0,
        "cost 2014",
    );
    close(
        p50(&r, "cost_status_quo_kr", 3),
        base,
        "cost 2015, after the end",
    );
}

#[test]
fn a_volume_factor_scales_every_channel_of_its_areas() {
    // Area A's volume halves from 2014-07 (tasks taken over by Udbetaling
    // Danmark): 6 months x 1,000 x 0.5 = 3,000 fewer contacts in 2014, at
    // 79.5 kr. each = 238,500 kr.; 6,000 in 2015 = 477,000 kr.
    let r = run(
        r#"[[events]]
name = "Udbetaling Danmark"
kind = "policy"
start = "2014-07"
areas = ["A"]
volume_factor = 0.5
"#,
        20,
    );
    close(p50(&r, "contacts_scenario", 2), 21_000.0, "contacts 2014");
    close(
        p50(&r, "contacts_status_quo", 2),
        24_000.0,
        "status quo contacts",
    );
    close(p50(&r, "savings_kr", 2), 238_500.0, "savings 2014");
    close(p50(&r, "savings_kr", 3), 477_000.0, "savings 2015");
}

#[test]
fn an_uncertain_volume_factor_gives_the_mean_of_its_distribution() {
    // Triangular(0.4, 0.5, 0.6) has mean 0.5 and variance (0.16 + 0.36 +
    // 0.25 - 0.24 - 0.2 - 0.3) / 18 = 0.03 / 18: 2015 savings have mean
    // 12,000 x (1 - 0.5) x 79.5 = 477,000 kr. and sd 12,000 x 79.5 x
    // sqrt(0.03 / 18) = 38,947 kr.; with 4,000 trials the mean's standard
    // error is 616 kr.: 4 se = 2,463 kr.
    let r = run(
        r#"[[events]]
name = "transfer"
kind = "policy"
start = "2015-01"
areas = ["A"]
volume_factor = { triangular = [0.4, 0.5, 0.6] }
"#,
        4000,
    );
    let s = r.metric("savings_kr")[3];
    assert!((s.mean - 477_000.0).abs() < 2_463.0, "mean {}", s.mean);
    assert!((s.sd - 38_947.0).abs() < 0.05 * 38_947.0, "sd {}", s.sd);
}

#[test]
fn a_negative_event_cost_is_a_saving() {
    // A reallocation of 50,000 kr. in 2013 is counted as such.
    let r = run(
        r#"[[events]]
name = "reallocation"
kind = "policy"
start = "2013-03"
cost_one_off_kr = -50000
"#,
        20,
    );
    close(p50(&r, "savings_kr", 1), 50_000.0, "savings 2013");
    close(
        p50(&r, "savings_initiatives_kr", 1),
        50_000.0,
        "initiatives 2013",
    );
    close(
        p50(&r, "cumulative_net_savings_kr", 3),
        50_000.0,
        "cumulative",
    );
}

fn check_error(extra: &str, wanted: &[&str]) {
    check_text_fails(&tiny_text(extra), wanted);
}

/// `channelshift check` on a whole scenario text exits 2 with a located
/// error that contains every `wanted` text.
fn check_text_fails(text: &str, wanted: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, text);
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
fn bad_levers_are_refused_with_a_located_error() {
    let ev = "[[events]]\nname = \"e\"\nkind = \"policy\"\nstart = \"2013-01\"\n";
    check_error(
        &format!(
            "{ev}shift_channel = \"letter\"\nshift_share = 0.5\nshift_to = {{ letter = 0.5 }}\n"
        ),
        &["moves letter contacts to letter itself"],
    );
    check_error(
        &format!("{ev}shift_channel = \"letter\"\n"),
        &["gives no shift_share", "shift_share = 0.3"],
    );
    check_error(
        &format!("{ev}shift_share = 0.5\n"),
        &["shift_share but no shift_channel"],
    );
    check_error(
        &format!("{ev}shift_channel = \"letter\"\nshift_share = 1.5\n"),
        &["shift_share", "between 0 and 1"],
    );
    check_error(
        &format!(
            "{ev}shift_channel = \"letter\"\nshift_share = 0.5\nshift_to = {{ self_service = 0.7, phone = 0.6 }}\n"
        ),
        &["shift_to shares sum to 1.3"],
    );
    check_error(
        &format!("{ev}shift_channel = \"letter\"\nshift_share = 0.5\nshift_to = {{ email = 1 }}\n"),
        &["email, which has no price"],
    );
    check_error(
        &format!("{ev}price_channel = \"self_service\"\nprice_kr = 2\nprice_factor = 0.5\n"),
        &["both price_kr and price_factor"],
    );
    check_error(
        &format!("{ev}price_channel = \"self_service\"\n"),
        &["neither price_kr nor price_factor"],
    );
    check_error(
        &format!("{ev}price_channel = \"email\"\nprice_kr = 2\n"),
        &["price of email, which has no price"],
    );
    check_error(
        &format!("{ev}volume_factor = -1\n"),
        &["volume_factor", "must not be negative"],
    );
}

#[test]
fn a_price_change_on_a_staffed_channel_is_refused() {
    let extra = r#"[[departments]]
name = "d"
hours.phone = "Mon 9-15"
[departments.staffing.phone]
aht_seconds = 240
hourly_wage_kr = 300
shrinkage = 0.3
service_level = 0.8
answer_within_seconds = 60
[[events]]
name = "cheap phone"
kind = "policy"
start = "2013-01"
price_channel = "phone"
price_kr = 10
"#;
    let text = tiny_text(extra).replace(
        "name = \"A\"\nvolume = 12000",
        "name = \"A\"\nvolume = 12000\ndepartment = \"d\"",
    );
    check_text_fails(&text, &["department \"d\" staffs that channel"]);
}

#[test]
fn an_area_can_displace_its_contacts_differently_from_its_department() {
    // Counter hours halve from 2013 (Mon-Fri 9-15 -> 9-12, flat demand):
    // half of each area's 4,800 counter contacts a year are displaced. The
    // department sends them half to self-service, half to the phone; area A
    // (passports: attendance needed) sends all of them to the phone.
    // Savings 2013: B 2,400 x 100 - (1,200 x 5 + 1,200 x 50) = 174,000 kr.;
    // A 2,400 x 100 - 2,400 x 50 = 120,000 kr.; together 294,000 kr.
    let extra = r#"[[departments]]
name = "d"
hours.counter = "Mon-Fri 9-15"
[displacement.counter]
retime = 0
to_digital = 0.5
to_phone = 0.5
[proposal]
name = "shorter hours"
start = "2013-01"
[proposal.hours.d]
counter = "Mon-Fri 9-12"
"#;
    let text = tiny_text(extra)
        .replace(
            "name = \"A\"\nvolume = 12000",
            "name = \"A\"\nvolume = 12000\ndepartment = \"d\"\ndisplacement.counter = { to_digital = 0, to_phone = 1 }",
        )
        .replace(
            "name = \"B\"\nvolume = 12000",
            "name = \"B\"\nvolume = 12000\ndepartment = \"d\"",
        );
    let r = run_text(&text, 20);
    assert_eq!(p50(&r, "savings_kr", 0), 0.0);
    close(
        p50(&r, "displaced_to_digital", 1),
        1_200.0,
        "to digital 2013",
    );
    close(p50(&r, "displaced_to_phone", 1), 3_600.0, "to phone 2013");
    close(p50(&r, "savings_kr", 1), 294_000.0, "savings 2013");
}

#[test]
fn a_staged_proposal_starts_each_department_at_its_own_month() {
    // Two departments with counters open Mon-Fri 9-15; both halve their
    // hours (rho = 0.5), department e only from 2014-01. Every displaced
    // contact is avoided (no [displacement]): area A (department d) saves
    // 2,400 counter contacts x 100 kr. = 240,000 kr. a year from 2013, area
    // B (department e) the same from 2014.
    let extra = r#"[[departments]]
name = "d"
hours.counter = "Mon-Fri 9-15"
[[departments]]
name = "e"
hours.counter = "Mon-Fri 9-15"
[proposal]
name = "shorter hours"
start = "2013-01"
[proposal.hours.d]
counter = "Mon-Fri 9-12"
[proposal.hours.e]
counter = "Mon-Fri 9-12"
counter_start = "2014-01"
"#;
    let text = tiny_text(extra)
        .replace(
            "name = \"A\"\nvolume = 12000",
            "name = \"A\"\nvolume = 12000\ndepartment = \"d\"",
        )
        .replace(
            "name = \"B\"\nvolume = 12000",
            "name = \"B\"\nvolume = 12000\ndepartment = \"e\"",
        );
    let r = run_text(&text, 20);
    assert_eq!(p50(&r, "savings_kr", 0), 0.0);
    close(p50(&r, "savings_kr", 1), 240_000.0, "savings 2013");
    close(p50(&r, "savings_kr", 2), 480_000.0, "savings 2014");
    close(p50(&r, "displaced_avoided", 1), 2_400.0, "avoided 2013");
    // `check` lists the staged department.
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, &text);
    let out = Command::cargo_bin("channelshift")
        .unwrap()
        .args(["check", "--lang", "en", path.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("e counter: new hours from 2014-01"), "{text}");
    // A stage without new hours is refused.
    let bad = tiny_text(
        r#"[[departments]]
name = "d"
hours.counter = "Mon-Fri 9-15"
hours.phone = "Mon-Fri 9-15"
[proposal]
name = "p"
start = "2013-01"
[proposal.hours.d]
counter = "Mon-Fri 9-12"
phone_start = "2014-01"
"#,
    );
    check_text_fails(
        &bad,
        &["stages phone hours of \"d\" but sets no new phone hours"],
    );
}

#[test]
fn a_year_end_goal_is_judged_on_december() {
    // A mandatory floor on area A's self-service ramps to 0.6 over 2013
    // (0.05 k in month k, never below today's 0.1): December's share is 0.6,
    // the year's is (0.1 + 0.05 x (2 + ... + 12)) / 12 = 3.95 / 12 = 0.32917.
    // A 50 % goal is met at the year end, not over the year. December's
    // self-service at an annual rate is 0.6 x 12,000 = 7,200 contacts.
    let goals = |at: &str| {
        format!(
            r#"[[events]]
name = "law"
kind = "external"
start = "2013-01"
areas = ["A"]
floor = 0.6
ramp_months = 12
[[goals]]
name = "half self-service"
metric = "share"
channels = ["self_service"]
areas = ["A"]
op = ">="
target = 0.5
year = 2013
{at}
[[goals]]
name = "self-service volume"
metric = "volume"
channels = ["self_service"]
areas = ["A"]
op = ">="
target = 7000
year = 2013
{at}
"#
        )
    };
    let year = run(&goals(""), 20);
    let end = run(&goals("at = \"year_end\""), 20);
    close(year.goals[0].value[1].p50, 3.95 / 12.0, "share over 2013");
    close(end.goals[0].value[1].p50, 0.6, "share in December 2013");
    assert_eq!(year.goals[0].probability[1], Some(0.0));
    assert_eq!(end.goals[0].probability[1], Some(1.0));
    close(
        year.goals[1].value[1].p50,
        3.95 / 12.0 * 12_000.0,
        "volume 2013",
    );
    close(
        end.goals[1].value[1].p50,
        7_200.0,
        "December at an annual rate",
    );
    assert!(end.goals[0].year_end);
    assert!(!year.goals[0].year_end);
    // summary.json: `at = "year_end"`, left out for a goal over the year.
    let json = |g| serde_json::to_value(g).unwrap();
    assert_eq!(json(&end.goals[0])["at"], "year_end");
    assert_eq!(json(&year.goals[0]).get("at"), None);
    let label = channelshift::report::chart_data::goal_row_label(
        &end.goals[0],
        channelshift::i18n::Lang::En,
    );
    assert_eq!(label, "half self-service (≥ 50 % in December)");
    check_error(
        "[[goals]]\nname = \"g\"\nmetric = \"cost\"\nop = \"<=\"\ntarget = 1\nyear = 2013\nat = \"year_end\"\n",
        &["applies only to the share, volume, citizens and completion_rate metrics"],
    );
}
