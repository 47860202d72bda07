//! Percentile confidence intervals end to end: summary.json, the workbook
//! and the report carry them, and they bracket their percentiles.

use std::path::Path;

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};

#[test]
fn summary_workbook_and_report_carry_the_percentile_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/solrod-2011-proposal-1.toml");
    let book = dir.path().join("book.xlsx");
    Command::cargo_bin("channelshift")
        .unwrap()
        .args([
            "run",
            "-q",
            "--no-charts",
            "-n",
            "1000",
            "--lang",
            "en",
            "--report",
        ])
        .arg("--out")
        .arg(dir.path().join("out"))
        .arg("--xlsx")
        .arg(&book)
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("out/summary.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let q = &v["metrics"]["cumulative_net_savings_kr"]["values"][4];
    for p in ["p5", "p25", "p50", "p75", "p95"] {
        let (lo, hi) = (
            q["ci95"][p][0].as_f64().unwrap(),
            q["ci95"][p][1].as_f64().unwrap(),
        );
        let x = q[p].as_f64().unwrap();
        assert!(lo <= x && x <= hi && lo < hi, "{p}: {lo} {x} {hi}");
    }
    // n = 1000, p = 0.95: the 936th and 964th smallest values (exact
    // binomial sums: F(935) = 0.0207 <= 0.025 < F(936) = 0.0284, F(962) = 0.9693 < 0.975 <= F(963) = 0.9788).
    let (l, u) = channelshift::stats::ci::ranks(1000, 0.95, 0.95);
    assert_eq!((l, u), (936, 964));
    let html = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    assert!(html.contains("the 95th percentile is"), "report sentence");
    assert!(html.contains("95 % CI"));
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let sheet = wb.worksheet_range("By year").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .nth(3)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header
        .iter()
        .position(|h| h == "P95 95 % CI high")
        .expect("CI column");
    assert_eq!(header[col - 1], "P95 95 % CI low");
    let row = sheet
        .rows()
        .find(|r| {
            r.get(1) == Some(&Data::String("cumulative_net_savings_kr".into()))
                && r.get(3).map(|y| y.to_string()) == Some("2015".into())
        })
        .expect("cumulative net savings 2015");
    let hi = match &row[col] {
        Data::Float(x) => *x,
        other => panic!("{other:?}"),
    };
    assert_eq!(hi, q["ci95"]["p95"][1].as_f64().unwrap());
}
