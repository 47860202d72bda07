//! Bad input and extreme values: a clear error (file:line:col, what is
//! wrong, how to fix it, exit 2), never a panic, a hang, an abort or a NaN or
//! infinity in an output; `check` catches what `run` would fail on.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("channelshift").unwrap()
}

/// A small valid scenario; tests replace one piece of it.
const BASE: &str = r#"name = "bounds"
[horizon]
base_year = 2011
end_year = 2015
[simulation]
trials = 200
[prices]
personal = 100
phone = 50
self_service = 5
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.03, q = 0.38, ceiling = 0.6 }
[[areas]]
name = "A"
volume = 10000
[areas.mix]
transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }
"#;

/// A staffed phone line (Erlang C) open one hour a week.
const STAFFED: &str = r#"[[departments]]
name = "d"
hours.phone = "Mon 9-10"
[departments.staffing.phone]
aht_seconds = 180
service_level = 0.8
answer_within_seconds = 20
hourly_wage_kr = 400
shrinkage = 0.3
[[areas]]"#;

fn write(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("s.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// BASE with `from` replaced by `to` (which must occur once).
fn variant(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "{from}");
    BASE.replacen(from, to, 1)
}

struct Outcome {
    code: i32,
    stderr: String,
    wrote: bool,
    elapsed: Duration,
}

fn command(sub: &str, text: &str, extra: &[&str]) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), text);
    let out = dir.path().join("out");
    let mut cmd = bin();
    cmd.arg(sub).arg(&file);
    if sub != "check" {
        cmd.args(["--quiet", "--no-charts", "--no-sensitivity", "--out"])
            .arg(&out);
    }
    cmd.args(extra).timeout(Duration::from_secs(60));
    let t = Instant::now();
    let o = cmd.output().unwrap();
    Outcome {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        wrote: out.exists(),
        elapsed: t.elapsed(),
    }
}

/// `check` and `run` both exit 2 with every fragment in the message, and
/// `run` creates no output directory.
fn rejected(text: &str, fragments: &[&str]) -> String {
    for sub in ["check", "run"] {
        let o = command(sub, text, &[]);
        assert_eq!(o.code, 2, "{sub}: {}", o.stderr);
        assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
        for f in fragments {
            assert!(
                o.stderr.contains(f),
                "{sub}: missing {f:?} in:\n{}",
                o.stderr
            );
        }
        assert!(o.stderr.contains("help:"), "{}", o.stderr);
        assert!(!o.wrote, "{sub} wrote an output directory");
    }
    command("check", text, &[]).stderr
}

#[test]
fn huge_fixed_inputs_name_the_input_the_limit_and_the_place() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("volume = 10000", "volume = 1e308", &["s.toml:16:10: areas.A.volume = 1e308 is above the limit of 1e10 contacts per year"]),
        ("personal = 100", "personal = 1e40", &["s.toml:8:12: prices.personal = 1e40 is above the limit of 1e7 kr. per contact"]),
        ("p = 0.03", "p = 5e-324", &["s.toml:13:18: defaults.adoption.p = 5e-324 is below the smallest Bass innovation of 1e-9 per year", "between 1e-9 and 1"]),
        ("p = 0.03", "p = 3", &["defaults.adoption.p = 3 is above the limit of 1 per year"]),
        ("q = 0.38", "q = 1e6", &["defaults.adoption.q = 1e6 is above the limit of 10 per year"]),
        ("[prices]", "[economics]\nprice_index = 2.5\n[prices]", &["economics.price_index = 2.5 is above the limit of 1 share per year"]),
        ("trials = 200", "trials = 9223372036854775807", &["s.toml:6:10: trials = 9223372036854775807 is above the limit of 1000000000 trials", "--precision"]),
    ];
    for (from, to, fragments) in cases {
        let msg = rejected(&variant(from, to), fragments);
        assert!(msg.contains("help:"), "{msg}");
    }
    // Population 1e308 with a per-1,000 volume (the NaN calls of the
    // Erlang C panic).
    let text = variant("volume = 10000", "volume_per_1000 = 700").replacen(
        "[prices]",
        "[population]\nbase = 1e308\n[prices]",
        1,
    );
    rejected(
        &text,
        &["s.toml:8:8: population.base = 1e308 is above the limit of 1e10 citizens"],
    );
    // The product of the two, each within its own limit.
    let text = variant("volume = 10000", "volume_per_1000 = 1e7").replacen(
        "[prices]",
        "[population]\nbase = 1e9\n[prices]",
        1,
    );
    rejected(
        &text,
        &["gives up to 1e13 contacts a year, above the limit of 1e10 for an area"],
    );
}

#[test]
fn distributions_are_bounded_over_everything_they_can_draw() {
    // A log-normal handling time with mu = 800 is infinite (the Erlang C
    // panic on infinite handling time).
    let staffed = variant("[[areas]]", STAFFED).replacen(
        "aht_seconds = 180",
        "aht_seconds = { lognormal = { mu = 800, sigma = 1 } }",
        1,
    );
    rejected(
        &staffed,
        &[
            "departments.d.staffing.phone.aht_seconds",
            "can give values up to inf seconds, above the limit of 86400",
            "99.99 % quantile",
        ],
    );
    // A normal without max is checked at its 99.99 % quantile, 3.7 sd out:
    // 100 + 3.72 x 3e6 > 1e7.
    rejected(
        &variant(
            "personal = 100",
            "personal = { normal = [100, 3e6], min = 0 }",
        ),
        &[
            "prices.personal",
            "can give values up to 1.1",
            "above the limit of 1e7",
            "give the normal a max",
        ],
    );
    // ... while the same normal with a max inside the limit is fine.
    let ok = command(
        "check",
        &variant(
            "personal = 100",
            "personal = { normal = [100, 3e6], min = 0, max = 5e6 }",
        ),
        &[],
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    // A uniform whose top is above the limit.
    rejected(
        &variant("volume = 10000", "volume = { uniform = [1, 1e12] }"),
        &[
            "s.toml:16:10: areas.A.volume: uniform(",
            "can give values up to 1e12 contacts per year, above the limit of 1e10",
        ],
    );
}

#[test]
fn pert_and_beta_shapes_are_bounded_and_rejected_fast() {
    let o = command(
        "check",
        &variant(
            "personal = 100",
            "personal = { pert = [80, 100, 130], lambda = 1e308 }",
        ),
        &[],
    );
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr.contains("s.toml:8:12")
            && o.stderr
                .contains("pert lambda 1.00000e308 is above the limit of 10000")
            && o.stderr.contains("write the mode 100 as a plain number"),
        "{}",
        o.stderr
    );
    assert!(o.elapsed < Duration::from_secs(2), "{:?}", o.elapsed);
    // Distribution errors say how to fix them in the message itself.
    let text = variant(
        "personal = 100",
        "personal = { beta = [1e300, 1e300], min = 80, max = 130 }",
    );
    for sub in ["check", "run"] {
        let o = command(sub, &text, &[]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(
            o.stderr.contains(
                "s.toml:8:12: beta shapes [1.00000e300, 1.00000e300] exceed the limit of 1000000"
            ) && o.stderr.contains("write its mean as a plain number"),
            "{}",
            o.stderr
        );
        assert!(!o.wrote && o.elapsed < Duration::from_secs(2));
    }
}

#[test]
fn overflowing_combinations_are_caught_by_check_and_run_writes_nothing() {
    // Each input within its limit, but 1e10 contacts x 1e7 kr. doubling in
    // volume and in price every year for 51 years overflow the f32
    // breakdowns (1e47 kr.).
    let fixed = variant("personal = 100", "personal = 1e7")
        .replacen("volume = 10000", "volume = 1e10", 1)
        .replacen(
            "base_year = 2011\nend_year = 2015",
            "base_year = 2000\nend_year = 2050",
            1,
        )
        .replacen(
            "[prices]",
            "[economics]\nprice_index = 1.0\n[population]\ngrowth = 1.0\n[prices]",
            1,
        );
    let msg = rejected(
        &fixed,
        &[
            "scenario \"bounds\" gives handling_cost_status_quo_kr",
            "= inf with every uncertain input at its median",
            "no output was written",
            "no uncertain input explains it",
        ],
    );
    assert!(msg.contains("s.toml: "), "{msg}");
    // With uncertain growth and price index, the error names both, and
    // points at the first one's line.
    let uncertain = fixed
        .replacen("price_index = 1.0", "price_index = { uniform = [0, 1] }", 1)
        .replacen("growth = 1.0", "growth = { triangular = [0, 0.1, 1] }", 1);
    rejected(
        &uncertain,
        &[
            "with every uncertain input at the largest value it can draw",
            "the inputs involved: ",
            "population.growth = ",
            "economics.price_index = ",
            "(uniform(0, 1), at ",
        ],
    );
}

#[test]
fn an_impossible_call_load_is_an_error_not_a_panic_or_a_hang() {
    // 1e10 calls a year into one open hour a week at a day per call:
    // 4.6e9 Erlang, beyond any staffing (and beyond u32 agents).
    let text = variant("[[areas]]", STAFFED)
        .replacen("aht_seconds = 180", "aht_seconds = 86400", 1)
        .replacen("volume = 10000", "volume = 1e10", 1)
        .replacen(
            "transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }",
            "transaction = { phone = 0.99, self_service = 0.01 }",
            1,
        );
    let msg = rejected(
        &text,
        &[
            "staffing.d.phone",
            "= NaN with every uncertain input at its median",
        ],
    );
    assert!(msg.contains("no output was written"), "{msg}");
}

#[test]
fn a_heavy_but_possible_call_load_is_staffed_quickly() {
    // About 2e7 Erlang in the open hour: walking agents one by one took
    // minutes a trial; the shortened recursion takes milliseconds.
    let text = variant("[[areas]]", STAFFED)
        .replacen(
            "aht_seconds = 180",
            "aht_seconds = { triangular = [3000, 3600, 4000] }",
            1,
        )
        .replacen("volume = 10000", "volume = 1e9", 1)
        .replacen(
            "transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }",
            "transaction = { phone = 0.99, self_service = 0.01 }",
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &text);
    let out = dir.path().join("out");
    let t = Instant::now();
    bin()
        .arg("run")
        .arg(&file)
        .args([
            "--quiet",
            "--no-charts",
            "--no-sensitivity",
            "--trials",
            "20",
            "--out",
        ])
        .arg(&out)
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    let elapsed = t.elapsed();
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let agents = v["metrics"]["staffing.d.phone.scenario.agents_per_open_hour"]["values"][0]
        ["mean"]
        .as_f64()
        .unwrap();
    // 1e9 x 0.99 calls a year in 52 one-hour openings at about an hour each.
    assert!(agents > 1.5e7 && agents < 2.5e7, "{agents}");
}

fn run_flags(extra: &[&str]) -> Outcome {
    command("run", BASE, extra)
}

#[test]
fn resource_sized_arguments_are_refused_up_front() {
    // Streamed runs (above --stream-above) are flat in memory: a run of
    // more than 1,000,000,000 trials is refused for its time instead.
    for trials in ["18446744073709551615", "1000000000000"] {
        let o = run_flags(&["--trials", trials]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(
            o.stderr.contains(&format!(
                "--trials asks for {trials} trials, more than the 1000000000 a run takes"
            )) && o.stderr.contains("help: run fewer trials")
                && o.stderr.contains("--precision"),
            "{}",
            o.stderr
        );
        assert!(!o.wrote);
        assert!(o.elapsed < Duration::from_secs(5), "{:?}", o.elapsed);
    }
    // Kept in memory (no streaming), the same count is refused for memory.
    let o = run_flags(&[
        "--trials",
        "1000000000000",
        "--stream-above",
        "1000000000000",
    ]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("--trials asks for 1000000000000 trials, which need about")
            && o.stderr.contains("GiB of memory")
            && o.stderr.contains("help: at most about"),
        "{}",
        o.stderr
    );
    assert!(!o.wrote);
    let o = run_flags(&["--precision", "1%", "--max-trials", "1000000000000"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("--max-trials asks for 1000000000000 trials"),
        "{}",
        o.stderr
    );
    let o = run_flags(&["--threads", "10000"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("--threads 10000 is more than this machine can use: at most")
            && o.stderr.contains("help: use --threads"),
        "{}",
        o.stderr
    );
    assert!(!o.wrote);
    // compare keeps every option's rows: refused the same way.
    let dir = tempfile::tempdir().unwrap();
    let base = write(dir.path(), BASE);
    let o = bin()
        .arg("compare")
        .arg(&base)
        .arg(&base)
        .args([
            "--quiet",
            "--no-charts",
            "--trials",
            "1000000000000",
            "--out",
        ])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("GiB of memory"));
    assert!(!dir.path().join("out").exists());
}

fn precision_run(text: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), text);
    bin()
        .arg("run")
        .arg(&file)
        .args(["--quiet", "--no-charts", "--no-sensitivity", "--out"])
        .arg(dir.path().join("out"))
        .args(extra)
        .assert()
        .success();
    serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/summary.json")).unwrap())
        .unwrap()
}

#[test]
fn precision_is_not_reached_by_one_trial() {
    let uncertain = variant("phone = 50", "phone = { triangular = [40, 50, 65] }");
    // Before: one trial, se = 0, "reached". Now it runs on to --max-trials.
    let v = precision_run(
        &uncertain,
        &[
            "--precision",
            "0.00001%",
            "--batch",
            "1",
            "--max-trials",
            "150",
        ],
    );
    assert_eq!(v["trials"], 150);
    assert_eq!(v["precision"]["reached"], false);
    assert!(v["precision"]["achieved_relative"].as_f64().unwrap() > 1e-7);
    // Without uncertainty the spread is truly 0: reached, but only after
    // the minimum of 100 trials, and then at the first batch (a second
    // batch is not required: 500 trials, not 1,000).
    let v = precision_run(BASE, &["--precision", "1%", "--batch", "1"]);
    assert_eq!(v["trials"], 100);
    assert_eq!(v["precision"]["reached"], true);
    assert_eq!(v["precision"]["achieved_relative"], 0.0);
    let v = precision_run(BASE, &["--precision", "1%", "--batch", "500"]);
    assert_eq!(v["trials"], 500);
    assert_eq!(v["precision"]["reached"], true);
}

#[test]
fn shipped_scenarios_and_the_benchmark_pass_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    let bench = root.join("../shared/bench/every-input-uncertain.toml");
    if bench.exists() {
        files.push(bench);
    }
    assert!(files.len() >= 2);
    for f in files {
        let o = bin().arg("check").arg(&f).output().unwrap();
        assert!(
            o.status.success(),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}
