//! The Excel workbooks end to end: `run --xlsx`'s per-trial sheet (each
//! trial's cost components and input draws beside its outcomes, and
//! Excel's column limit) and `compare --xlsx`'s comparison.xlsx, read back
//! with calamine and checked against comparison.json and hand-computed
//! numbers.

mod common;
use common::{bin, cell_f64, cell_str, scenario};

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use serde_json::Value;

/// `cell` holds `json`'s number: equal up to the last bit that
/// serde_json's parser (not correctly rounded) may lose.
fn same(cell: &Data, json: &Value) -> bool {
    match (cell_f64(cell), json.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-14 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.sheet_names()
}

fn header(range: &Range<Data>, row: usize) -> Vec<String> {
    range
        .rows()
        .nth(row)
        .unwrap()
        .iter()
        .map(cell_str)
        .collect()
}

fn column(head: &[String], name: &str) -> usize {
    head.iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {head:?}"))
}

/// The MODEL.md worked example with the price of personal attendance
/// uncertain: the status quo's handling cost is then 4,000 x that price
/// + 4,000 x 50 + 2,000 x 5 kr. in every year of every trial.
fn uncertain_price_scenario(dir: &Path) -> PathBuf {
    let path = dir.join("uncertain-price.toml");
    std::fs::write(
        &path,
        format!(
            "extends = {:?}\nname = \"Uncertain price\"\n\n[prices]\npersonal = {{ triangular = [80, 100, 130] }}\n",
            scenario("model-worked-example.toml").display().to_string()
        ),
    )
    .unwrap();
    path
}

/// `channelshift run` of [`uncertain_price_scenario`] in `dir` with `args`,
/// quiet, no charts, in English, writing `dir/book.xlsx`; returns its path.
fn uncertain_price_book(dir: &Path, args: &[&str]) -> PathBuf {
    let file = uncertain_price_scenario(dir);
    let book = dir.join("book.xlsx");
    bin()
        .arg("run")
        .arg(&file)
        .args(args)
        .args(["-q", "--no-charts", "--lang", "en", "--xlsx"])
        .arg(&book)
        .arg("--out")
        .arg(dir.join("out"))
        .assert()
        .success();
    book
}

/// By default the per-trial sheet holds the first 2,000 trials: 10,000
/// rows for a five-year horizon (10,000 trials made 50,000 rows and a
/// workbook of 26-35 MB), trials 0 to 1,999 in order; `--help` says so.
#[test]
fn the_per_trial_sheet_holds_2000_trials_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let book = uncertain_price_book(dir.path(), &["-n", "2500", "--no-sensitivity"]);
    let t = sheet(&book, "Trials");
    assert_eq!(t.height(), 1 + 10_000, "2,000 trials x 5 years");
    let trial = column(&header(&t, 0), "Trial no.");
    let last = t.rows().next_back().unwrap();
    assert_eq!(cell_f64(&last[trial]), Some(1_999.0));
    let help = bin().args(["run", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).to_string();
    let squashed = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squashed.contains("The default, 2,000, is 10,000 rows for a five-year horizon"),
        "{help}"
    );
    assert!(squashed.contains("[default: 2000]"), "{help}");
}

#[test]
fn each_trial_row_holds_its_input_draws_and_cost_components() {
    let dir = tempfile::tempdir().unwrap();
    let book = uncertain_price_book(dir.path(), &["-n", "40", "--xlsx-trials", "25"]);
    let t = sheet(&book, "Trials");
    assert_eq!(t.height(), 1 + 25 * 5, "25 trials x 5 years");
    let head = header(&t, 0);
    let price = column(&head, "Input: Price: personal attendance (prices.personal)");
    assert_eq!(price, head.len() - 1, "the one input is the last column");
    let sq_handling = column(&head, "Handling cost, status quo");
    let sq_cost = column(&head, "Cost, status quo");
    let mut prices = Vec::new();
    for row in t.rows().skip(1) {
        let p = cell_f64(&row[price]).unwrap();
        assert!((80.0..=130.0).contains(&p), "{p}");
        let expected = 4_000.0 * p + 4_000.0 * 50.0 + 2_000.0 * 5.0;
        // Handling cost is kept as f32: 7 significant digits.
        let handling = cell_f64(&row[sq_handling]).unwrap();
        assert!(
            (handling - expected).abs() < 0.1,
            "{handling} vs {expected}"
        );
        let cost = cell_f64(&row[sq_cost]).unwrap();
        assert!((cost - expected).abs() < 1e-6, "{cost} vs {expected}");
        for part in [
            "Opening cost, status quo",
            "Campaign cost, status quo",
            "Outbound mail cost, status quo",
        ] {
            assert_eq!(cell_f64(&row[column(&head, part)]), Some(0.0), "{part}");
        }
        prices.push((cell_f64(&row[0]).unwrap(), p));
    }
    // One draw per trial, repeated on its year rows; trials differ.
    for k in 0..25 {
        let rows = &prices[k * 5..(k + 1) * 5];
        assert!(rows
            .iter()
            .all(|&(trial, p)| trial == k as f64 && p == rows[0].1));
    }
    assert_ne!(prices[0].1, prices[5].1);
    // Danish headers for the same columns.
    let da = dir.path().join("da.xlsx");
    bin()
        .arg("run")
        .arg(dir.path().join("uncertain-price.toml"))
        .args(["-n", "3", "-q", "--no-charts", "--xlsx"])
        .arg(&da)
        .arg("--out")
        .arg(dir.path().join("da"))
        .assert()
        .success();
    let head = header(&sheet(&da, "Simuleringer"), 0);
    column(
        &head,
        "Antagelse: Pris: personligt fremmøde (prices.personal)",
    );
    column(&head, "Ekspeditionsomkostning, status quo");
    column(&head, "Besparelse: henvendelser i billigere kanaler");
}

/// A scenario of the worked example with `goals` goals (one per-trial
/// column each).
fn many_goals_scenario(dir: &Path, goals: usize) -> PathBuf {
    let mut text = format!(
        "extends = {:?}\nname = \"Many goals\"\n",
        scenario("model-worked-example.toml").display().to_string()
    );
    for i in 0..goals {
        text.push_str(&format!(
            "\n[[goals]]\nname = \"g{i}\"\nmetric = \"share\"\nchannels = [\"self_service\"]\nop = \">=\"\ntarget = 0.1\nyear = 2015\n"
        ));
    }
    let path = dir.join(format!("goals-{goals}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_per_trial_sheet_wider_than_excel_is_refused_before_running() {
    let dir = tempfile::tempdir().unwrap();
    // 8 outcome columns + 13 cost components and savings sources + one per
    // goal: 16,363 goals fill Excel's 16,384 columns exactly.
    let fits = many_goals_scenario(dir.path(), 16_363);
    let book = dir.path().join("fits.xlsx");
    bin()
        .arg("run")
        .arg(&fits)
        .args(["-n", "2", "-q", "--no-charts", "--no-sensitivity", "--xlsx"])
        .arg(&book)
        .arg("--out")
        .arg(dir.path().join("fits"))
        .assert()
        .success();
    let t = sheet(&book, "Simuleringer");
    assert_eq!(t.width(), 16_384);
    assert_eq!(header(&t, 0)[8 + 16_362], "Mål: g16362");

    let over = many_goals_scenario(dir.path(), 16_364);
    let out = dir.path().join("over");
    bin()
        .arg("run")
        .arg(&over)
        .args(["-n", "2", "-q", "--xlsx"])
        .arg(dir.path().join("over.xlsx"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "error: {}: the workbook's per-trial sheet would need 16385 columns",
            over.display()
        )))
        .stderr(predicates::str::contains("16364 goals, 0 inputs"))
        .stderr(predicates::str::contains("help: leave out --xlsx"));
    assert!(!out.exists() && !dir.path().join("over.xlsx").exists());
    // Without --xlsx the same scenario runs.
    bin()
        .arg("run")
        .arg(&over)
        .args(["-n", "2", "-q", "--no-charts", "--no-sensitivity", "--out"])
        .arg(&out)
        .assert()
        .success();
}

fn compare_solrod(dir: &Path, lang: &str) -> (PathBuf, Value, String) {
    let out = dir.join(format!("cmp-{lang}"));
    let assert = bin()
        .arg("compare")
        .arg(scenario("solrod-2011.toml"))
        .arg(scenario("solrod-2011-proposal-1.toml"))
        .arg(scenario("solrod-2011-proposal-2.toml"))
        .args([
            "-n",
            "300",
            "--seed",
            "4",
            "--no-charts",
            "--xlsx",
            "--lang",
            lang,
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("comparison.json")).unwrap())
            .unwrap();
    (out.join("comparison.xlsx"), json, stdout)
}

/// The row of `range` whose cells in `key_cols` read `keys`.
fn find_row<'a>(range: &'a Range<Data>, key_cols: &[usize], keys: &[String]) -> &'a [Data] {
    range
        .rows()
        .find(|r| {
            key_cols
                .iter()
                .zip(keys)
                .all(|(c, k)| cell_str(&r[*c]) == *k)
        })
        .unwrap_or_else(|| panic!("no row {keys:?}"))
}

#[test]
fn comparison_workbook_holds_the_numbers_of_comparison_json() {
    let dir = tempfile::tempdir().unwrap();
    let (book, c, stdout) = compare_solrod(dir.path(), "en");
    assert!(stdout.contains("Wrote 3 files"), "{stdout}");
    assert_eq!(
        sheet_names(&book),
        [
            "Comparison",
            "Pairwise",
            "Payback",
            "Opening hours",
            "By year · Forslag 1",
            "Goals · Forslag 1",
            "By year · Forslag 2",
            "Goals · Forslag 2",
        ]
    );
    let options = c["options"].as_array().unwrap();
    let cmp = sheet(&book, "Comparison");
    let head = header(&cmp, 3);
    let col = |name: &str| column(&head, name);
    let checks = [
        ("Cost, option, median", "cost_kr", "p50"),
        ("Cost, status quo, median", "cost_status_quo_kr", "p50"),
        ("Savings P5", "savings_kr", "p5"),
        ("Savings P50", "savings_kr", "p50"),
        ("Savings P95", "savings_kr", "p95"),
        (
            "Cumulative net savings P50",
            "cumulative_net_savings_kr",
            "p50",
        ),
        ("Net present value P5", "npv_kr", "p5"),
        ("Net present value P50", "npv_kr", "p50"),
        ("Net present value P95", "npv_kr", "p95"),
        ("Opening cost, option, median", "opening_cost_kr", "p50"),
        (
            "Displaced contacts: avoided, median",
            "displaced_avoided",
            "p50",
        ),
    ];
    assert_eq!(cmp.height(), 4 + 2 * 5);
    for o in options {
        for y in o["years"].as_array().unwrap() {
            let year = y["year"].as_i64().unwrap().to_string();
            let row = find_row(&cmp, &[0, 1], &[o["name"].as_str().unwrap().into(), year]);
            for (name, key, stat) in checks {
                let cell = &row[col(name)];
                assert!(
                    same(cell, &y[key][stat]),
                    "{name}: {cell:?} {}",
                    y[key][stat]
                );
            }
        }
    }
    // Forslag 2 against Forslag 1: the paired probabilities and differences.
    let pw = sheet(&book, "Pairwise");
    let head = header(&pw, 0);
    for p in c["pairwise"].as_array().unwrap() {
        for y in p["years"].as_array().unwrap() {
            let keys = [
                p["a"].as_str().unwrap().to_string(),
                p["b"].as_str().unwrap().to_string(),
                y["year"].as_i64().unwrap().to_string(),
            ];
            let row = find_row(&pw, &[0, 1, 2], &keys);
            let cell = |name: &str| &row[column(&head, name)];
            assert!(same(
                cell("Probability that A saves more than B that year"),
                &y["prob_a_saves_more"]
            ));
            assert!(same(
                cell("Probability that A's cumulative net savings exceed B's"),
                &y["prob_a_cumulative_more"]
            ));
            assert!(same(
                cell("Savings A - B P50"),
                &y["savings_difference_kr"]["p50"]
            ));
            assert!(same(
                cell("Cumulative net savings A - B P95"),
                &y["cumulative_difference_kr"]["p95"]
            ));
        }
    }
    // Payback: every option's shares, which add up to 1.
    let pb = sheet(&book, "Payback");
    for o in options {
        let name = o["name"].as_str().unwrap();
        let mut total = 0.0;
        for (k, share) in o["payback"].as_object().unwrap() {
            let row = find_row(&pb, &[0, 1], &[name.into(), k.clone()]);
            assert!(same(&row[2], share));
            total += share.as_f64().unwrap();
        }
        assert!((total - 1.0).abs() < 1e-12, "{name}: {total}");
    }
    // Each option's own sheets: every goal's probability per year, and the
    // per-year summary of every metric.
    for o in options {
        let name = o["name"].as_str().unwrap();
        let goals = sheet(&book, &format!("Goals · {name}"));
        let gh = header(&goals, 0);
        let p = column(&gh, "Probability of meeting the goal");
        let mut checked = 0;
        for g in o["goals"].as_array().unwrap() {
            for (y, prob) in g["probability"].as_array().unwrap().iter().enumerate() {
                let year = c["years"][y].as_i64().unwrap().to_string();
                let row = find_row(&goals, &[0, 3], &[g["name"].as_str().unwrap().into(), year]);
                assert!(same(&row[p], prob), "{name}: {:?} {prob}", row[p]);
                checked += 1;
            }
        }
        assert_eq!(checked, 6 * 5, "Solrød has 6 goals");
        let years = sheet(&book, &format!("By year · {name}"));
        let yh = header(&years, 3);
        let p50 = column(&yh, "P50 (median)");
        for (y, oy) in o["years"].as_array().unwrap().iter().enumerate() {
            let year = c["years"][y].as_i64().unwrap().to_string();
            let row = find_row(&years, &[1, 3], &["npv_kr".into(), year.clone()]);
            assert!(same(&row[p50], &oy["npv_kr"]["p50"]));
            let row = find_row(&years, &[1, 3], &["savings_kr".into(), year]);
            assert!(same(&row[p50], &oy["savings_kr"]["p50"]));
        }
    }
    // Weekly hours: Borgerservice phone 36.5 today, 23 and 20 (DOMAIN.md).
    let hours = sheet(&book, "Opening hours");
    let row = find_row(&hours, &[0, 1], &["Borgerservice".into(), "Phone".into()]);
    let row: Vec<Option<f64>> = row[2..5].iter().map(cell_f64).collect();
    assert_eq!(row, [Some(36.5), Some(23.0), Some(20.0)]);
}

#[test]
fn comparison_workbook_in_danish_with_hand_computed_numbers_and_unique_sheet_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cmp");
    // The worked example's shorter hours, given twice: two options that are
    // the same in every trial, with names too long for a sheet.
    bin()
        .arg("compare")
        .arg(scenario("model-worked-example.toml"))
        .arg(scenario("model-worked-example-hours.toml"))
        .arg(scenario("model-worked-example-hours.toml"))
        .args(["-n", "20", "-q", "--no-charts", "--xlsx", "--out"])
        .arg(&out)
        .assert()
        .success();
    let book = out.join("comparison.xlsx");
    let names = sheet_names(&book);
    assert_eq!(
        names,
        [
            "Sammenligning",
            "Parvis",
            "Tilbagebetaling",
            "Åbningstider",
            "Pr. år · model-worked-example-h",
            "Pr. år · model-worked-examp (2)",
        ]
    );
    assert!(names.iter().all(|n| n.encode_utf16().count() <= 31));
    let cmp = sheet(&book, "Sammenligning");
    let head = header(&cmp, 3);
    assert_eq!(&head[..2], ["Forslag", "År"]);
    let rows: Vec<&[Data]> = cmp.rows().skip(4).collect();
    assert_eq!(rows.len(), 2 * 5);
    // MODEL.md section 12: 610,000 - 535,428.57 = 74,571.43 kr. (522,000 / 7)
    // saved a year, no discounting, so the net present value through 2015
    // is 5 x 74,571.43 = 372,857.14 kr.
    let saved = 522_000.0 / 7.0;
    let savings = column(&head, "Besparelse P50");
    let npv = column(&head, "Nettonutidsværdi P95");
    let cost = column(&head, "Omkostning med forslaget, median");
    for (i, row) in rows.iter().enumerate() {
        let years = (i % 5 + 1) as f64;
        assert!((cell_f64(&row[savings]).unwrap() - saved).abs() < 1e-6);
        assert!((cell_f64(&row[npv]).unwrap() - years * saved).abs() < 1e-6);
        assert!((cell_f64(&row[cost]).unwrap() - 3_748_000.0 / 7.0).abs() < 1e-6);
    }
    assert!(cell_str(&rows[0][0]).ends_with("(1)"));
    assert!(cell_str(&rows[5][0]).ends_with("(2)"));
    // The same option twice: never more savings in any trial.
    let pw = sheet(&book, "Parvis");
    let data: Vec<&[Data]> = pw
        .rows()
        .skip(1)
        .filter(|r| cell_f64(&r[2]).is_some())
        .collect();
    assert_eq!(data.len(), 2 * 5, "two ordered pairs x 5 years");
    for r in data {
        assert_eq!(cell_f64(&r[3]), Some(0.0));
        assert_eq!(cell_f64(&r[5]), Some(0.0), "median difference");
    }
    let pb = sheet(&book, "Tilbagebetaling");
    assert_eq!(
        header(&pb, 0),
        ["Forslag", "Tilbagebetalingsår", "Andel af simuleringerne"]
    );
    for r in pb.rows().skip(1).take(2) {
        assert_eq!(
            (cell_f64(&r[1]), cell_f64(&r[2])),
            (Some(2011.0), Some(1.0))
        );
    }
}

#[test]
fn comparison_workbook_is_pruned_when_not_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cmp");
    let compare = |xlsx: bool| {
        let mut cmd = bin();
        cmd.arg("compare")
            .arg(scenario("model-worked-example.toml"))
            .arg(scenario("model-worked-example-hours.toml"))
            .args(["-n", "5", "--no-charts", "--lang", "en", "--out"])
            .arg(&out);
        if xlsx {
            cmd.arg("--xlsx");
        }
        let assert = cmd.assert().success();
        String::from_utf8(assert.get_output().stdout.clone()).unwrap()
    };
    assert!(compare(true).contains("Wrote 3 files"));
    assert!(out.join("comparison.xlsx").is_file());
    assert!(compare(false).contains("Wrote 2 files"));
    assert!(
        !out.join("comparison.xlsx").exists(),
        "a stale workbook stays"
    );
    // run --xlsx may not overwrite compare's workbook in --out.
    bin()
        .arg("run")
        .arg(scenario("model-worked-example.toml"))
        .args(["-n", "5", "-q", "--out"])
        .arg(&out)
        .arg("--xlsx")
        .arg(out.join("comparison.xlsx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "would replace the run's own comparison.xlsx",
        ));
}

/// The same run gives the same workbook bytes on one thread and on two
/// (the per-trial sheet, streamed row by row, included), and so does
/// compare's workbook.
#[test]
fn workbooks_are_byte_identical_for_any_threads() {
    let dir = tempfile::tempdir().unwrap();
    let file = uncertain_price_scenario(dir.path());
    let run = |threads: &str| {
        let book = dir.path().join(format!("run-{threads}.xlsx"));
        bin()
            .arg("run")
            .arg(&file)
            .args([
                "-n",
                "300",
                "-q",
                "--no-charts",
                "--threads",
                threads,
                "--xlsx",
            ])
            .arg(&book)
            .arg("--out")
            .arg(dir.path().join(format!("out-{threads}")))
            .assert()
            .success();
        std::fs::read(book).unwrap()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert!(one.len() > 10_000);
    let compare = |threads: &str| {
        let out = dir.path().join(format!("cmp-{threads}"));
        bin()
            .arg("compare")
            .arg(scenario("solrod-2011.toml"))
            .arg(scenario("solrod-2011-proposal-1.toml"))
            .args([
                "-n",
                "100",
                "-q",
                "--no-charts",
                "--xlsx",
                "--threads",
                threads,
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        std::fs::read(out.join("comparison.xlsx")).unwrap()
    };
    assert_eq!(compare("1"), compare("2"));
}
