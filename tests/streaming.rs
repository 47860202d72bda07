//! Runs beyond `--stream-above` trials are summarised block by block
//! (src/stream.rs): counts, means, standard deviations, minima and maxima
//! equal the exact run's; percentiles are within the sketch's 0.1 %; the
//! result is the same on one or two threads; `--monthly` is refused.
//! Blocks are 65,536 trials, so 70,000 trials make two.

use assert_cmd::Command;
use serde_json::Value;

const SCENARIO: &str = "scenarios/national-2015.toml";
const TRIALS: &str = "70000";

fn run(dir: &std::path::Path, out: &str, extra: &[&str]) -> Value {
    Command::cargo_bin("channelshift")
        .unwrap()
        .args([
            "run",
            SCENARIO,
            "-n",
            TRIALS,
            "--seed",
            "3",
            "--quiet",
            "--no-charts",
        ])
        .args(["--no-sensitivity"])
        .args(extra)
        .arg("--out")
        .arg(dir.join(out))
        .assert()
        .success();
    serde_json::from_slice(&std::fs::read(dir.join(out).join("summary.json")).unwrap()).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn a_streamed_run_matches_the_exact_run_within_the_sketch_accuracy() {
    let dir = tempfile::tempdir().unwrap();
    let exact = run(dir.path(), "exact", &[]);
    let one = run(
        dir.path(),
        "one",
        &["--stream-above", "50000", "--threads", "1"],
    );
    run(
        dir.path(),
        "two",
        &["--stream-above", "50000", "--threads", "2"],
    );
    // The same bits on one or two threads.
    assert_eq!(
        std::fs::read(dir.path().join("one/summary.json")).unwrap(),
        std::fs::read(dir.path().join("two/summary.json")).unwrap()
    );
    assert!(exact.get("streamed").is_none());
    let info = &one["streamed"];
    assert_eq!(info["quantiles"], "ddsketch");
    assert_eq!(f(&info["relative_accuracy"]), 0.001);
    assert_eq!(info["exact_up_to_trials"], 50_000);
    assert_eq!(info["per_trial_outputs_trials"], 70_000);
    assert_eq!(one["trials"], 70_000);

    // Counts are exact: goal probabilities, first year met, payback.
    assert_eq!(exact["payback"], one["payback"]);
    for (a, b) in exact["goals"]
        .as_array()
        .unwrap()
        .iter()
        .zip(one["goals"].as_array().unwrap())
    {
        assert_eq!(a["probability"], b["probability"]);
        assert_eq!(a["first_year_met"], b["first_year_met"]);
    }
    assert_eq!(
        exact["shapes"][0]["prob_positive"],
        one["shapes"][0]["prob_positive"]
    );

    // Moments and extremes to rounding; percentiles within 0.1 % of the
    // value, plus a rank's worth for type 7's interpolation between
    // neighbouring order statistics, which the sketch does not do (at
    // 70,000 trials neighbours lie about 5e-5 standard deviations apart
    // near the quartiles of a smooth distribution; 1e-3 sd is ample).
    let mut checked = 0;
    for (key, m) in exact["metrics"].as_object().unwrap() {
        for (a, b) in m["values"]
            .as_array()
            .unwrap()
            .iter()
            .zip(one["metrics"][key]["values"].as_array().unwrap())
        {
            for s in ["mean", "sd"] {
                let (x, y) = (f(&a[s]), f(&b[s]));
                assert!(
                    (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                    "{key} {s}: {x} vs {y}"
                );
            }
            assert_eq!(a["min"], b["min"], "{key}");
            assert_eq!(a["max"], b["max"], "{key}");
            for p in ["p5", "p25", "p50", "p75", "p95"] {
                let (x, y) = (f(&a[p]), f(&b[p]));
                let tol = 0.001 * x.abs() + 1e-3 * f(&a["sd"]);
                assert!((x - y).abs() <= tol, "{key} {p}: {x} vs {y}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    // The convergence chart's points cover the whole run.
    let last = one["convergence"]["points"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["trials"], 70_000);
}

#[test]
fn monthly_results_are_refused_beyond_the_streaming_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("channelshift")
        .unwrap()
        .args([
            "run",
            SCENARIO,
            "-n",
            "2000",
            "--stream-above",
            "1000",
            "--monthly",
            "--quiet",
        ])
        .arg("--out")
        .arg(dir.path().join("x"))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("--monthly keeps every month of every trial"),
        "{err}"
    );
    assert!(err.contains("--trials 1000 or fewer"), "{err}");
    assert!(!dir.path().join("x").exists());
}

#[test]
fn a_streamed_breakdown_sums_each_departments_costs_trial_by_trial() {
    let dir = tempfile::tempdir().unwrap();
    let go = |out: &str, extra: &[&str]| -> Value {
        Command::cargo_bin("channelshift")
            .unwrap()
            .args([
                "run",
                "scenarios/solrod-2011-proposal-1.toml",
                "-n",
                "3000",
                "--seed",
                "3",
            ])
            .args(["--quiet", "--no-charts", "--no-sensitivity", "--breakdown"])
            .args(extra)
            .arg("--out")
            .arg(dir.path().join(out))
            .assert()
            .success();
        serde_json::from_slice(&std::fs::read(dir.path().join(out).join("summary.json")).unwrap())
            .unwrap()
    };
    let exact = go("exact", &[]);
    let streamed = go("streamed", &["--stream-above", "1000"]);
    let depts = |v: &Value| v["breakdown"]["by_department"].as_array().unwrap().clone();
    let mut checked = 0;
    for (a, b) in depts(&exact).iter().zip(&depts(&streamed)) {
        for key in ["cost_status_quo_kr", "cost_scenario_kr"] {
            let (Some(xs), Some(ys)) = (a[key].as_array(), b[key].as_array()) else {
                continue;
            };
            for (x, y) in xs.iter().zip(ys) {
                let (mx, my) = (f(&x["mean"]), f(&y["mean"]));
                assert!((mx - my).abs() <= 1e-9 * mx.abs(), "{key}: {mx} vs {my}");
                let (px, py) = (f(&x["p50"]), f(&y["p50"]));
                let tol = 0.001 * px.abs() + 0.01 * f(&x["sd"]);
                assert!((px - py).abs() <= tol, "{key}: {px} vs {py}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn a_streamed_run_without_uncertainty_draws_its_charts() {
    // Every trial is the same: the histograms have one bin, as in an exact run.
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("channelshift")
        .unwrap()
        .args(["run", "scenarios/model-worked-example.toml", "-n", "3000"])
        .args(["--stream-above", "1000", "--quiet", "--no-sensitivity"])
        .arg("--out")
        .arg(dir.path().join("o"))
        .assert()
        .success();
    assert!(dir.path().join("o/summary.json").exists());
    assert!(dir.path().join("o/cost-fan.png").exists());
}
