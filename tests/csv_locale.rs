//! `--csv-locale da` writes CSV files that Excel with Danish settings opens
//! as numbers: semicolons, decimal commas, a UTF-8 byte order mark. The
//! default (`en`) is unchanged: commas and decimal points.

mod common;
use common::{bin, scenario};

use std::path::Path;

const BOM: &str = "\u{feff}";

/// The rows of a Danish CSV file, read as Excel would: fields at semicolons.
fn read_danish(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let body = text
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("{}: no byte order mark", path.display()));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

/// A Danish number ("74571,42857142857") as f64.
fn danish_number(text: &str) -> f64 {
    assert!(!text.contains('.'), "a decimal point in {text}");
    text.replace(',', ".").parse().unwrap()
}

fn run(file: &Path, out: &Path, extra: &[&str]) {
    bin()
        .arg("run")
        .arg(file)
        .args(["--trials", "50", "--quiet", "--no-charts", "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

#[test]
fn danish_years_csv_has_semicolons_decimal_commas_and_the_known_savings() {
    let dir = tempfile::tempdir().unwrap();
    let file = scenario("model-worked-example-hours.toml");
    run(&file, &dir.path().join("da"), &["--csv-locale", "da"]);
    let rows = read_danish(&dir.path().join("da/years.csv"));
    assert_eq!(rows[0][..4], ["metric", "unit", "year", "mean"]);
    let savings = rows
        .iter()
        .find(|r| r[0] == "savings_kr" && r[2] == "2013")
        .expect("a savings_kr row for 2013");
    assert_eq!(savings.len(), 11);
    // MODEL.md section 12: 74,571.43 kr. a year.
    assert!(savings[3].starts_with("74571,42857"), "{savings:?}");
    assert!((danish_number(&savings[8]) - 74_571.428_571).abs() < 1e-3);
    // Every numeric field is a Danish number or empty (a missing value).
    for r in &rows[1..] {
        for f in &r[3..] {
            if !f.is_empty() {
                danish_number(f);
            }
        }
    }
    // The default is the English layout, without a byte order mark.
    run(&file, &dir.path().join("en"), &[]);
    let en = std::fs::read_to_string(dir.path().join("en/years.csv")).unwrap();
    assert!(en.starts_with("metric,unit,year,mean,sd,se,p5,p25,p50,p75,p95\n"));
    assert!(en.contains("\nsavings_kr,kr.,2013,74571.42857"), "{en}");
    // Same numbers, other layout.
    let da = std::fs::read_to_string(dir.path().join("da/years.csv")).unwrap();
    assert_eq!(da.lines().count(), en.lines().count());
}

#[test]
fn danish_goals_and_sensitivity_csv_with_danish_letters() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(
        &scenario("solrod-2011-proposal-1.toml"),
        &out,
        &["--csv-locale", "DA"],
    );
    let goals = read_danish(&out.join("goals.csv"));
    assert_eq!(goals[0][0], "goal");
    let row = goals
        .iter()
        .find(|r| r[0] == "Selvbetjening 40 %: pladsanvisning")
        .expect("the goal by its Danish name");
    assert_eq!(row[4], "0,4", "{row:?}");
    let p = danish_number(&row[5]);
    assert!((0.0..=1.0).contains(&p), "{row:?}");
    let sens = read_danish(&out.join("sensitivity.csv"));
    assert_eq!(sens[0][5], "spearman");
    assert!(sens.len() > 10);
    for r in &sens[1..] {
        let rho = danish_number(&r[5]);
        assert!((-1.0..=1.0).contains(&rho), "{r:?}");
    }
}

#[test]
fn danish_comparison_csv() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("compare")
        .arg(scenario("solrod-2011.toml"))
        .arg(scenario("solrod-2011-proposal-1.toml"))
        .arg(scenario("solrod-2011-proposal-2.toml"))
        .args([
            "--trials",
            "50",
            "--quiet",
            "--no-charts",
            "--csv-locale",
            "da",
            "--out",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let rows = read_danish(&dir.path().join("comparison.csv"));
    assert_eq!(rows[0].len(), 13);
    assert_eq!(rows.len(), 1 + 2 * 5, "{rows:?}");
    assert!(rows[1][0].contains("Forslag 1"), "{rows:?}");
    for r in &rows[1..] {
        let cost = danish_number(&r[2]);
        assert!(cost > 1e6, "{r:?}");
    }
}

#[test]
fn an_unknown_csv_locale_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("run")
        .arg(scenario("model-worked-example.toml"))
        .args(["--trials", "5", "--quiet", "--csv-locale", "de", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("[possible values: en, da]"));
}
