//! `--precision` on any statistic: a percentile, another output, a goal's
//! probability.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn run(file: &str, precision: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("channelshift")
        .unwrap()
        .args([
            "run",
            "-q",
            "--no-charts",
            "--no-sensitivity",
            "--batch",
            "500",
        ])
        .args(["--max-trials", "20000", "--precision", precision, "--out"])
        .arg(dir.path())
        .arg(scenario(file))
        .assert()
        .success();
    serde_json::from_str(&std::fs::read_to_string(dir.path().join("summary.json")).unwrap())
        .unwrap()
}

#[test]
fn a_percentile_another_output_and_a_goal_probability_can_be_controlled() {
    let v = run("solrod-2011-proposal-1.toml", "p95=1%");
    let p = &v["precision"];
    assert_eq!(p["statistic"], "p95");
    assert_eq!(p["metric"], "cumulative_net_savings_kr");
    assert_eq!(p["reached"], true);
    // The reported interval of the 95th percentile is within the target.
    let q = &v["metrics"]["cumulative_net_savings_kr"]["values"][4];
    let (lo, hi) = (
        q["ci95"]["p95"][0].as_f64().unwrap(),
        q["ci95"]["p95"][1].as_f64().unwrap(),
    );
    assert!((hi - lo) / 2.0 / q["p95"].as_f64().unwrap() <= 0.01);
    assert_eq!(v["trials"].as_u64().unwrap() % 500, 0);
    // Deterministic: the same run stops at the same trial.
    assert_eq!(
        run("solrod-2011-proposal-1.toml", "p95=1%")["trials"],
        v["trials"]
    );

    let v = run("solrod-2011-proposal-1.toml", "savings_kr@2013:p50=1%");
    assert_eq!(v["precision"]["metric"], "savings_kr");
    assert_eq!(v["precision"]["year"], 2013);
    assert_eq!(v["precision"]["statistic"], "p50");
    assert_eq!(v["precision"]["reached"], true);

    let v = run("solrod-2011-proposal-1.toml", "goal4@2013=2pp");
    let p = &v["precision"];
    assert_eq!(p["statistic"], "goal_probability");
    assert_eq!(p["reached"], true);
    assert!(p["achieved_relative"].as_f64().unwrap() <= 0.02);
}

#[test]
fn bad_precision_specs_are_usage_errors() {
    for (spec, msg) in [
        ("nothing_kr@2013:mean=1%", "unknown output \"nothing_kr\""),
        ("goal9@2013=1pp", "goal 9 does not exist"),
        ("savings_kr@1999:p50=1%", "outside the horizon"),
        ("q95=1%", "unknown statistic"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("channelshift")
            .unwrap()
            .args(["run", "-q", "--precision", spec, "--out"])
            .arg(dir.path().join("o"))
            .arg(scenario("solrod-2011-proposal-1.toml"))
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg), "{spec}: {err}");
    }
}

/// The precision is checked after each batch and the run stops at the
/// first batch that meets it: Solrød's 95th percentile is known within 1 %
/// after the first default batch of 10,000 trials, so the run stops there
/// (it used to run a second batch, 20,000 trials, whatever the target).
#[test]
fn the_run_stops_at_the_first_batch_that_meets_the_target() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("channelshift")
        .unwrap()
        .args(["run", "-q", "--no-charts", "--no-sensitivity"])
        .args(["--precision", "p95=1%", "--out"])
        .arg(dir.path())
        .arg(scenario("solrod-2011-proposal-1.toml"))
        .assert()
        .success();
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(v["trials"], 10_000);
    assert_eq!(v["precision"]["reached"], true);
    let achieved = v["precision"]["achieved_relative"].as_f64().unwrap();
    assert!(achieved <= 0.01 && achieved > 0.001, "{achieved}");
    // --help says when the run stops.
    let help = Command::cargo_bin("channelshift")
        .unwrap()
        .args(["run", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).to_string();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("the run stops at the first batch where the target is met, once it has at least 100 trials"),
        "{help}"
    );
}
