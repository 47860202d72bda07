//! `[calibration]`: the written mix is the one observed in a named period;
//! the model starts in January of the base year from the digital share that
//! reproduces it there. Computed by hand with q = 0, where the Bass curve is
//! `s(m) = c (1 - (1 - s0/c) e^{-p m/12})`.

use assert_cmd::Command;
use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// One area, 12,000 transactions a year (1,000 a month), personal 0.8 and
/// self-service 0.2 as counted in May 2012; p = 0.3, q = 0, ceiling 0.8.
/// May is month 4, so s0 = 0.8 (1 - (1 - 0.2/0.8) e^{0.3 x 4/12}) =
/// 0.8 (1 - 0.75 e^{0.1}) = 0.136897449...
fn text(calibration: &str) -> String {
    format!(
        r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2013
[prices]
personal = 100
self_service = 5
[defaults]
type_split = {{ transaction = 1.0 }}
adoption = {{ p = 0.3, q = 0.0, ceiling = 0.8 }}
[[areas]]
name = "A"
volume = 12000
[areas.mix]
transaction = {{ personal = 0.8, self_service = 0.2 }}
{calibration}
"#
    )
}

fn monthly_self_service(calibration: &str) -> Vec<f64> {
    monthly_of_path(&text(calibration), "scenario")
}

/// The median monthly self-service contacts of `path` ("scenario" or
/// "status_quo") in a run of the scenario `toml`.
fn monthly_of_path(toml: &str, path_key: &str) -> Vec<f64> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, toml).unwrap();
    let mut s = Scenario::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
    s.monthly = true;
    let e = Engine::new(&s, 1);
    let t = e.run(3);
    let r = RunSummary::new(&s, &e.layout, &t, 1, None);
    let m = r.monthly.unwrap();
    m.series
        .iter()
        .find(|x| x.key.to_string() == "volume.self_service" && x.path.key() == path_key)
        .unwrap()
        .values
        .iter()
        .map(|q| q.p50)
        .collect()
}

#[test]
fn the_written_share_is_reproduced_in_the_observed_month() {
    let s0 = 0.8 * (1.0 - 0.75 * 0.1f64.exp());
    let ss = monthly_self_service("[calibration]\nmix_observed_from = \"2012-05\"\n");
    let close = |a: f64, b: f64, what: &str| {
        assert!((a - b).abs() < 1e-4 * b, "{what}: {a} instead of {b}");
    };
    close(ss[0], 1000.0 * s0, "January 2012");
    close(ss[4], 200.0, "May 2012, as counted");
    // Without calibration January shows the written mix.
    let plain = monthly_self_service("");
    close(plain[0], 200.0, "January without calibration");
    assert!(plain[4] > 200.0);
    // A two-month period: the volume-weighted mean of May and June is 0.2
    // (flat volume: the plain mean), so May is below and June above.
    let ss = monthly_self_service(
        "[calibration]\nmix_observed_from = \"2012-05\"\nmix_observed_to = \"2012-06\"\n",
    );
    close((ss[4] + ss[5]) / 2.0, 200.0, "May-June");
    assert!(ss[4] < 200.0 && ss[5] > 200.0);
    // January alone is the written mix.
    let jan = monthly_self_service("[calibration]\nmix_observed_from = \"2012-01\"\n");
    assert_eq!(jan[0], plain[0]);
}

/// The tiny scenario counted in `counted` ("from" and optionally "to"
/// lines) with `events` appended.
fn with_events(counted: &str, events: &str) -> String {
    format!("{}{events}", text(&format!("[calibration]\n{counted}")))
}

fn close(a: f64, b: f64, what: &str) {
    // The monthly series are kept in f32 (7 significant digits).
    assert!(
        (a - b).abs() < 1e-6 * b.abs().max(1.0),
        "{what}: {a} instead of {b}"
    );
}

/// Events of the status quo that act on adoption before the counted
/// period ends are part of the path that must show the counted mix; with
/// q = 0 the share after stepping through months with innovation p_j is
/// `c (1 - (1 - s0/c) e^{-Σ p_j/12})`.
#[test]
fn an_event_in_the_counted_period_is_on_the_calibrated_path() {
    let may = "mix_observed_from = \"2012-05\"\n";
    // p rises from 0.3 to 0.6 from March (month 2): May's exponent is
    // 2 x 0.3/12 + 2 x 0.6/12 = 0.15, so s0 = 0.8 (1 - 0.75 e^{0.15}) =
    // 0.1028994543... and January shows 102.90 self-service contacts.
    let faster =
        "[[events]]\nname = \"Kampagne\"\nkind = \"external\"\nstart = \"2012-03\"\np_add = 0.3\n";
    let s0 = 0.8 * (1.0 - 0.75 * 0.15f64.exp());
    for path in ["status_quo", "scenario"] {
        let ss = monthly_of_path(&with_events(may, faster), path);
        close(ss[0], 1000.0 * s0, "January, external p_add from March");
        close(ss[4], 200.0, "May, as counted");
    }
    // The same campaign as a policy is not in the status quo: the January
    // share is the one without events, 0.8 (1 - 0.75 e^{0.1}); only the
    // scenario path then runs faster.
    let policy = faster.replace("external", "policy");
    let plain = 0.8 * (1.0 - 0.75 * 0.1f64.exp());
    let sq = monthly_of_path(&with_events(may, &policy), "status_quo");
    let sc = monthly_of_path(&with_events(may, &policy), "scenario");
    close(sq[0], 1000.0 * plain, "January, policy campaign");
    close(
        sc[0],
        1000.0 * plain,
        "January of the scenario: the same s0",
    );
    close(sq[4], 200.0, "May of the status quo");
    assert!(sc[4] > 200.5, "the policy campaign raises May: {}", sc[4]);
    // An event that starts after the period changes nothing before it.
    let later = faster.replace("2012-03", "2012-06");
    let ss = monthly_of_path(&with_events(may, &later), "status_quo");
    close(ss[0], 1000.0 * plain, "January, campaign from June");
}

/// A mandatory floor inside the counted period: counted May-June, a floor
/// of 0.3 from June. June shows 0.3 (the path alone would show 0.117), so
/// May must show 0.1: s0 = 0.8 (1 - 0.875 e^{0.1}) = 0.0263803573...
#[test]
fn a_floor_in_the_counted_period_by_hand() {
    let may_june = "mix_observed_from = \"2012-05\"\nmix_observed_to = \"2012-06\"\n";
    let law = "[[events]]\nname = \"Lov\"\nkind = \"external\"\nstart = \"2012-06\"\nfloor = 0.3\n";
    let ss = monthly_of_path(&with_events(may_june, law), "status_quo");
    let s0 = 0.8 * (1.0 - 0.875 * 0.1f64.exp());
    close(ss[0], 1000.0 * s0, "January");
    close(ss[4], 100.0, "May");
    close(ss[5], 300.0, "June, at the floor");
    close((ss[4] + ss[5]) / 2.0, 200.0, "May-June as counted");
}

fn check_fails(calibration: &str, wanted: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, text(calibration)).unwrap();
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
fn a_bad_period_is_a_located_error() {
    check_fails(
        "[calibration]\nmix_observed_from = \"2012-05\"\nmix_observed_to = \"2012-04\"\n",
        &[
            "tiny.toml:18:",
            "mix_observed_to 2012-04 is before mix_observed_from 2012-05",
        ],
    );
    check_fails(
        "[calibration]\nmix_observed_from = \"2011-05\"\n",
        &["outside the horizon"],
    );
    check_fails(
        "[calibration]\nmix_observed_from = \"May 2012\"\n",
        &["is not a month"],
    );
    check_fails(
        "[calibration]\nmix_observed = \"2012-05\"\n",
        &["mix_observed"],
    );
}
