//! Every shipped scenario's summary.json, byte for byte.
//!
//! Restructuring must not move a number: this test runs each file in
//! `scenarios/` with a fixed seed and trial count and compares summary.json
//! with the copy in `tests/golden/`. A deliberate model change regenerates
//! them with `UPDATE_GOLDEN=1 cargo test --release --test golden` and says in
//! its commit which numbers moved and why.

use std::path::Path;

use assert_cmd::Command;

const TRIALS: &str = "200";
const SEED: &str = "7";

#[test]
fn every_shipped_scenario_summary_is_byte_identical_to_its_golden_copy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected the shipped scenarios");
    let mut differ = Vec::new();
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let out = tempfile::tempdir().unwrap();
        Command::cargo_bin("channelshift")
            .unwrap()
            .current_dir(root)
            .args(["run", "--quiet", "--no-charts", "--threads", "2"])
            .args(["--trials", TRIALS, "--seed", SEED, "--out"])
            .arg(out.path())
            .arg(Path::new("scenarios").join(file.file_name().unwrap()))
            .assert()
            .success();
        let actual = std::fs::read(out.path().join("summary.json")).unwrap();
        let golden = root
            .join("tests/golden")
            .join(format!("{stem}.summary.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read(&golden).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}; create it with UPDATE_GOLDEN=1",
                golden.display()
            )
        });
        if expected != actual {
            differ.push(stem);
        }
    }
    assert!(
        differ.is_empty(),
        "summary.json differs from tests/golden for: {differ:?} (regenerate with UPDATE_GOLDEN=1 after an intended change, and say which numbers moved)"
    );
}
