//! Output safety end to end: all files or none, checked paths, no control
//! characters or formulas from scenario names in any output, byte-identical
//! reruns, and charts that survive absurd names.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};

fn bin() -> Command {
    Command::cargo_bin("channelshift").unwrap()
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// The name used for hostile texts: an ANSI "clear screen", a bell and a
/// newline, after a formula start.
const NASTY_TOML: &str = r#"=HYPERLINK(\"http://x\")\u001b[2J\u0007\nend"#;
/// The same text as the program reads it.
const NASTY: &str = "=HYPERLINK(\"http://x\")\u{1b}[2J\u{7}\nend";

/// Copies solrod-2011.toml and its Forslag 1 into `dir` with hostile names:
/// the base scenario's name, the first goal's name, the proposal's name.
fn hostile_scenarios(dir: &Path) -> (PathBuf, PathBuf) {
    let base = std::fs::read_to_string(shipped("solrod-2011.toml")).unwrap();
    let base = base
        .replacen(
            "name = \"Solrød 2011: dagens åbningstider\"",
            &format!("name = \"{NASTY_TOML}\""),
            1,
        )
        .replacen(
            "name = \"Selvbetjening 40 %: sygesikring\"",
            &format!("name = \"{NASTY_TOML} goal\""),
            1,
        );
    let option = std::fs::read_to_string(shipped("solrod-2011-proposal-1.toml"))
        .unwrap()
        .replacen(
            "name = \"Forslag 1\"",
            "name = \"@SUM(A1)\\u001b[31mred\\u0007\"",
            1,
        );
    let b = dir.join("solrod-2011.toml");
    let o = dir.join("option.toml");
    std::fs::write(&b, base).unwrap();
    std::fs::write(&o, option).unwrap();
    (b, o)
}

/// Every file in `dir` by name (no sub-directories expected).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A control character that must never reach a human-facing output
/// (tab, newline and carriage return are layout, not content).
fn bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[test]
fn hostile_names_reach_no_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    let (base, _) = hostile_scenarios(dir.path());
    let out = dir.path().join("out");
    let xlsx = dir.path().join("book.xlsx");
    let assert = bin()
        .args([
            "run", "--trials", "200", "--seed", "5", "--lang", "en", "--report", "--out",
        ])
        .arg(&out)
        .arg("--xlsx")
        .arg(&xlsx)
        .arg(&base)
        .assert()
        .success();
    // Terminal: no escape sequence, no bell; the name is on one line.
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!stdout.chars().any(bad_control), "{stdout}");
    assert!(stdout.contains("=HYPERLINK(\"http://x\")\u{fffd}[2J\u{fffd} end: 200 trials"));

    let all = files(&out);
    let mut svgs = 0;
    for (name, bytes) in &all {
        if name.ends_with(".png") || name == "summary.json" {
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text.chars().any(bad_control),
            "{name} has a control character"
        );
        if name.ends_with(".svg") {
            svgs += 1;
            // Valid XML 1.0 characters only (no C0 but tab, LF, CR).
            assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
            assert!(text.starts_with("<svg"));
        }
    }
    assert!(svgs >= 5, "only {svgs} SVG charts");
    let subtitled = all
        .iter()
        .filter(|(n, b)| {
            n.ends_with(".svg")
                && String::from_utf8_lossy(b)
                    .contains("=HYPERLINK(&quot;http://x&quot;)\u{fffd}[2J\u{fffd} end")
        })
        .count();
    assert!(subtitled >= 3, "the cleaned name is in {subtitled} charts");
    // The report shows the name escaped and cleaned.
    let html = String::from_utf8(all["report.html"].clone()).unwrap();
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;)\u{fffd}[2J\u{fffd} end"));

    // CSV: the formula is neutralised, the control characters gone.
    let goals = String::from_utf8(all["goals.csv"].clone()).unwrap();
    assert!(
        goals.contains(
            "\"'=HYPERLINK(\"\"http://x\"\")\u{fffd}[2J\u{fffd} end goal\",share,>=,2011,"
        ),
        "{goals}"
    );
    // Numbers are never prefixed, not even negative ones.
    for csv in ["years.csv", "sensitivity.csv"] {
        let text = String::from_utf8(all[csv].clone()).unwrap();
        assert!(!text.contains(",'"), "a number was prefixed in {csv}");
    }
    let sens = String::from_utf8(all["sensitivity.csv"].clone()).unwrap();
    assert!(
        sens.lines().any(|l| l.contains(",-0.")),
        "negative correlations are written as numbers"
    );

    // summary.json keeps the original text, escaped by JSON.
    let json: serde_json::Value = serde_json::from_slice(&all["summary.json"]).unwrap();
    assert_eq!(json["scenario"], NASTY);
    assert_eq!(json["goals"][0]["name"], format!("{NASTY} goal"));
    assert!(!String::from_utf8_lossy(&all["summary.json"]).contains('\u{1b}'));

    // The workbook: every text cell is clean; the goal name is text.
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let mut found = false;
    for sheet in wb.sheet_names().to_owned() {
        let range = wb.worksheet_range(&sheet).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                assert!(!s.chars().any(bad_control), "{sheet}: {s:?}");
                found |= s == "=HYPERLINK(\"http://x\")\u{fffd}[2J\u{fffd} end goal";
            }
        }
    }
    assert!(found, "the goal name is not in the workbook");
}

#[test]
fn comparison_names_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let (base, option) = hostile_scenarios(dir.path());
    let out = dir.path().join("cmp");
    let assert = bin()
        .args([
            "compare",
            "--trials",
            "100",
            "--seed",
            "2",
            "--no-charts",
            "--out",
        ])
        .arg(&out)
        .arg(&base)
        .arg(&option)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!stdout.chars().any(bad_control), "{stdout}");
    assert!(stdout.contains("@SUM(A1)\u{fffd}[31mred\u{fffd}"));
    let csv = std::fs::read_to_string(out.join("comparison.csv")).unwrap();
    let first = csv.lines().nth(1).unwrap();
    assert!(
        first.starts_with("'@SUM(A1)\u{fffd}[31mred\u{fffd},2011,"),
        "{first}"
    );
}

/// Runs solrod-2011 Forslag 1 with everything switched on.
fn full_run(out: &Path, threads: &str) {
    bin()
        .args([
            "run", "--quiet", "--trials", "400", "--seed", "11", "--report",
        ])
        .args(["--threads", threads, "--attribution", "--out"])
        .arg(out)
        .arg("--xlsx")
        .arg(out.join("book.xlsx"))
        .arg(shipped("solrod-2011-proposal-1.toml"))
        .assert()
        .success();
}

#[test]
fn identical_runs_write_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    full_run(&a, "1");
    full_run(&b, "2");
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for want in [
        "summary.json",
        "years.csv",
        "goals.csv",
        "sensitivity.csv",
        "report.html",
        "book.xlsx",
        "cost-fan.svg",
        "savings-histogram.svg",
    ] {
        assert!(fa.contains_key(want), "{want} missing");
    }
    for (name, bytes) in &fa {
        assert!(
            bytes == &fb[name],
            "{name} differs between --threads 1 and 2"
        );
    }
    // Once more into the same directory: still the same bytes.
    full_run(&a, "2");
    assert!(files(&a) == fb);
}

#[test]
fn bad_output_paths_are_refused_before_simulating() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // --xlsx is a directory.
    let a = bin()
        .args(["run", "--quiet", "--trials", "50", "--out"])
        .arg(&out)
        .arg("--xlsx")
        .arg(dir.path())
        .arg(shipped("solrod-2011.toml"))
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("is a directory"), "{err}");
    assert!(!out.exists(), "nothing is written");

    // --xlsx would replace a file the run writes.
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("summary.json"), "keep").unwrap();
    for name in ["summary.json", "goals.csv", "cost-fan.png", "report.html"] {
        let a = bin()
            .args(["run", "--quiet", "--trials", "50", "--out"])
            .arg(&out)
            .arg("--xlsx")
            .arg(dir.path().join("out/./").join(name))
            .arg(shipped("solrod-2011.toml"))
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert!(
            err.contains(&format!("would replace the run's own {name}")),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(out.join("summary.json")).unwrap(),
        "keep"
    );

    // --out is a file.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    bin()
        .args(["run", "--quiet", "--trials", "50", "--out"])
        .arg(&file)
        .arg(shipped("solrod-2011.toml"))
        .assert()
        .code(2);
}

#[test]
fn a_late_failure_leaves_out_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = |xlsx: Option<&Path>| {
        let mut c = bin();
        c.args(["run", "--quiet", "--trials", "60", "--seed", "4", "--out"])
            .arg(&out)
            .arg(shipped("solrod-2011.toml"));
        if let Some(x) = xlsx {
            c.arg("--xlsx").arg(x);
        }
        c.assert()
    };
    run(None).success();
    let before = files(&out);
    // The workbook cannot be written: its "directory" is a file. This is
    // found only when writing, after the simulation.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "x").unwrap();
    let a = run(Some(&blocker.join("book.xlsx"))).code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("blocker"), "the error names the path: {err}");
    assert!(!err.contains("Custom {"), "no debug dump: {err}");
    assert!(files(&out) == before, "--out changed after a failed run");
    let mut beside = names(dir.path());
    beside.sort();
    assert_eq!(beside, vec!["blocker", "out"], "staging left behind");
}

#[test]
fn leftovers_of_killed_runs_go_and_user_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // What a killed run and an earlier run leave behind, and a user's file.
    std::fs::write(out.join(".summary.json.tmp-31337"), "").unwrap();
    std::fs::write(out.join(".goals.csv.tmp-aB3dE9"), "").unwrap();
    std::fs::write(out.join(".cost-fan.31337-2.tmp.png"), "").unwrap();
    std::fs::write(out.join("attribution.png"), "stale chart").unwrap();
    std::fs::write(out.join("comparison.csv"), "stale").unwrap();
    std::fs::write(out.join("notes.md"), "my notes").unwrap();
    let dead = dir.path().join(".out.channelshift-staging-999999999");
    std::fs::create_dir(&dead).unwrap();
    std::fs::write(dead.join("summary.json"), "half").unwrap();
    bin()
        .args(["run", "--quiet", "--trials", "60", "--no-charts", "--out"])
        .arg(&out)
        .arg(shipped("solrod-2011.toml"))
        .assert()
        .success();
    assert_eq!(
        names(&out),
        vec![
            "goals.csv",
            "notes.md",
            "sensitivity.csv",
            "summary.json",
            "years.csv"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.md")).unwrap(),
        "my notes"
    );
    assert_eq!(names(dir.path()), vec!["out"]);
}

#[test]
fn a_megabyte_name_is_drawn_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = "Åbningstider".repeat(90_000); // about 1.1 MB
    let text = std::fs::read_to_string(shipped("solrod-2011.toml"))
        .unwrap()
        .replacen(
            "name = \"Solrød 2011: dagens åbningstider\"",
            &format!("name = \"{long}\""),
            1,
        )
        .replacen(
            "name = \"Selvbetjening 40 %: sygesikring\"",
            &format!("name = \"{long}\""),
            1,
        );
    let file = dir.path().join("long.toml");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("out");
    let start = Instant::now();
    bin()
        .args(["run", "--quiet", "--trials", "50", "--report", "--out"])
        .arg(&out)
        .arg(&file)
        .timeout(Duration::from_secs(300))
        .assert()
        .success();
    // Generous: quadratic shortening took minutes for a tenth of this.
    assert!(start.elapsed() < Duration::from_secs(300));
    let goals = std::fs::read_to_string(out.join("goals.svg")).unwrap();
    assert!(
        goals.contains("Åbningstider…")
            || goals.contains("Åbningstide…")
            || goals.contains("Åbningstid…")
    );
    assert!(goals.len() < 200_000, "the name is shortened in the chart");
    let tornado = std::fs::read_to_string(out.join("cost-fan.svg")).unwrap();
    assert!(tornado.len() < 200_000, "the subtitle is shortened");
}

#[test]
fn a_killed_run_leaves_the_old_or_the_new_run_and_the_next_run_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let args = |trials: &str| -> Vec<String> {
        [
            "run", "--quiet", "--report", "--seed", "9", "--trials", trials, "--out",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([
            out.to_string_lossy().into_owned(),
            shipped("solrod-2011-proposal-1.toml")
                .to_string_lossy()
                .into_owned(),
        ])
        .collect()
    };
    bin().args(args("50")).assert().success();
    let old = files(&out);
    let exe = assert_cmd::cargo::cargo_bin("channelshift");
    // Kill runs at different moments: while simulating, while writing, after.
    for delay_ms in [100, 400, 900, 1_600] {
        let mut child = std::process::Command::new(&exe)
            .args(args("20000"))
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = files(&out);
        if now != old {
            // Then the swap happened: a complete new run.
            let json: serde_json::Value = serde_json::from_slice(&now["summary.json"]).unwrap();
            assert_eq!(json["trials"], 20000);
            assert!(now.contains_key("report.html") && now.contains_key("cost-fan.png"));
            assert_eq!(
                now.keys().collect::<Vec<_>>(),
                old.keys().collect::<Vec<_>>()
            );
        }
        assert!(
            !names(&out).iter().any(|n| n.starts_with('.')),
            "temporary files inside --out"
        );
    }
    bin().args(args("50")).assert().success();
    assert!(files(&out) == old, "the same run gives the same files");
    assert_eq!(names(dir.path()), vec!["out"], "leftovers beside --out");
}

/// A run writes exactly its files; a later run without `--breakdown` leaves
/// no breakdown.csv of the run before, keeps the user's own files, and
/// does so whether --out is swapped whole or filled file by file (a folder
/// in it).
#[test]
fn a_run_without_breakdown_prunes_the_breakdown_of_the_run_before() {
    for folder in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let run = |breakdown: bool| {
            let mut c = bin();
            c.args(["run", "--quiet", "--no-charts", "-n", "60", "--out"])
                .arg(&out)
                .arg(shipped("solrod-2011-proposal-1.toml"));
            if breakdown {
                c.arg("--breakdown");
            }
            c.assert().success();
        };
        run(true);
        assert_eq!(
            names(&out),
            vec![
                "breakdown.csv",
                "goals.csv",
                "sensitivity.csv",
                "summary.json",
                "years.csv"
            ]
        );
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        if folder {
            std::fs::create_dir(out.join("sub")).unwrap();
        }
        run(false);
        let mut want = vec![
            "goals.csv",
            "notes.txt",
            "sensitivity.csv",
            "summary.json",
            "years.csv",
        ];
        if folder {
            want.push("sub");
            want.sort_unstable();
        }
        assert_eq!(names(&out), want, "folder in --out: {folder}");
    }
}

#[test]
fn a_run_without_uncertainty_draws_no_distribution_charts() {
    // model-worked-example.toml has no uncertain input: every trial gives
    // 610,000 kr. A histogram would be one wide bar, an S-curve a step and
    // the fan chart's bands empty.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .args(["run", "--trials", "200", "--quiet", "--out"])
        .arg(&out)
        .arg(shipped("model-worked-example.toml"))
        .assert()
        .success();
    let written = files(&out);
    for absent in [
        "cost-histogram.png",
        "cost-histogram.svg",
        "savings-histogram.svg",
        "savings-s-curve.svg",
    ] {
        assert!(!written.contains_key(absent), "{absent} written");
    }
    let fan = String::from_utf8(written["cost-fan.svg"].clone()).unwrap();
    assert!(fan.contains("Status quo"), "the fan chart's legend");
    assert!(!fan.contains("50 %-interval"), "a band for no spread");
    assert!(!fan.contains("90 %-interval"), "a band for no spread");
    assert!(fan.contains("Alle simuleringer giver det samme tal"));

    // With uncertainty the bands and the distribution charts are there.
    let solrod = dir.path().join("solrod");
    bin()
        .args([
            "run",
            "--trials",
            "200",
            "--quiet",
            "--no-sensitivity",
            "--out",
        ])
        .arg(&solrod)
        .arg(shipped("solrod-2011-proposal-1.toml"))
        .assert()
        .success();
    let written = files(&solrod);
    assert!(written.contains_key("savings-histogram.svg"));
    assert!(written.contains_key("savings-s-curve.svg"));
    let fan = String::from_utf8(written["cost-fan.svg"].clone()).unwrap();
    assert!(fan.contains("50 %-interval") && fan.contains("90 %-interval"));
}

/// `--xlsx out/book.xlsx` is not one of the run's fixed names: a later run
/// that does not write it removes it (it would otherwise look current), a
/// later run writing another name replaces it, and a copy the user saved
/// over it (changed since) or their own workbook stay.
#[test]
fn a_workbook_written_into_out_goes_with_the_next_run_that_does_not_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = |xlsx: Option<&str>| {
        let mut c = bin();
        c.args(["run", "--quiet", "--no-charts", "-n", "60", "--out"])
            .arg(&out)
            .arg(shipped("solrod-2011.toml"));
        if let Some(x) = xlsx {
            c.arg("--xlsx").arg(out.join(x));
        }
        c.assert().success();
    };
    let ours = ["goals.csv", "sensitivity.csv", "summary.json", "years.csv"];
    let with = |extra: &[&str]| {
        let mut v: Vec<String> = ours.iter().chain(extra).map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    run(Some("book.xlsx"));
    assert_eq!(
        names(&out),
        with(&[".channelshift-chosen-files", "book.xlsx"])
    );
    std::fs::write(out.join("mine.xlsx"), "the user's").unwrap();
    run(None);
    assert_eq!(names(&out), with(&["mine.xlsx"]));
    run(Some("book.xlsx"));
    run(Some("other.xlsx"));
    assert_eq!(
        names(&out),
        with(&[".channelshift-chosen-files", "mine.xlsx", "other.xlsx"])
    );
    // Saved over by the user: theirs now, kept.
    std::fs::write(out.join("other.xlsx"), "edited").unwrap();
    run(None);
    assert_eq!(names(&out), with(&["mine.xlsx", "other.xlsx"]));
    assert_eq!(
        std::fs::read_to_string(out.join("other.xlsx")).unwrap(),
        "edited"
    );
}
