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
    // The intervals are labelled as the simulation's precision, not the
    // forecast's spread.
    assert!(html.contains("95 % CI"));
    assert!(
        html.contains("they say how precisely the simulations have found the figure, not how uncertain the forecast is"),
        "report"
    );
    assert!(
        html.contains("the simulation's precision, not the forecast's uncertainty"),
        "report"
    );
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

fn cell_f64(c: &Data) -> Option<f64> {
    match c {
        Data::Float(x) => Some(*x),
        Data::Int(x) => Some(*x as f64),
        _ => None,
    }
}

/// Millions of kroner as the English terminal prints an interval's ends:
/// two decimals, more when the interval is narrower than 0.1 million (one
/// significant digit of its width).
fn mkr(x: f64, width: f64) -> String {
    let d = ((-(width / 1e6).log10()).ceil() as usize).max(2);
    format!("{:.*}", d, x / 1e6)
}

/// The Wilson score 95 % interval written out (Wilson 1927; the same
/// formula as docs/model.md's --precision goalN@YEAR).
fn wilson_by_hand(p: f64, n: f64) -> [f64; 2] {
    let z: f64 = 1.959_963_984_540_054;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}

/// 100 trials of Solrød's Proposal 1 with attribution: the terminal, the
/// goals sheet and the attribution sheet show the intervals of ranks
/// worked out by hand from the trials in the workbook's per-trial sheet.
#[test]
fn terminal_goals_and_attribution_show_the_intervals_of_the_trials() {
    let dir = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/solrod-2011-proposal-1.toml");
    let book = dir.path().join("book.xlsx");
    let run = |lang: &str| {
        let out = Command::cargo_bin("channelshift")
            .unwrap()
            .args(["run", "--no-charts", "--no-sensitivity", "--attribution"])
            .args(["-n", "100", "-s", "3", "--lang", lang])
            .arg("--out")
            .arg(dir.path().join(format!("out-{lang}")))
            .arg("--xlsx")
            .arg(&book)
            .arg(&file)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let da = run("da");
    let en = run("en");
    // The 100 trials' cumulative net savings in 2015, from the Trials sheet.
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let trials = wb.worksheet_range("Trials").unwrap();
    let mut x: Vec<f64> = trials
        .rows()
        .skip(1)
        .filter(|r| cell_f64(&r[1]) == Some(2015.0))
        .map(|r| cell_f64(&r[5]).unwrap())
        .collect();
    assert_eq!(x.len(), 100);
    x.sort_by(f64::total_cmp);
    // Ranks for n = 100 (binomial sums by hand): the median's interval is
    // x_(40) .. x_(61) (F(39) = 0.0176 <= 0.025 < F(40) = 0.0284, F(59) =
    // 0.9716 < 0.975 <= F(60) = 0.9824); the 5th percentile's x_(1) ..
    // x_(11) (F(0) = 0.0059 <= 0.025 < F(1) = 0.0371, F(9) = 0.9718 < 0.975
    // <= F(10) = 0.9885); the 95th's x_(90) .. x_(100) by symmetry.
    use channelshift::stats::ci::ranks;
    assert_eq!(ranks(100, 0.5, 0.95), (40, 61));
    assert_eq!(ranks(100, 0.05, 0.95), (1, 11));
    assert_eq!(ranks(100, 0.95, 0.95), (90, 100));
    let median_ci = [x[39], x[60]];
    let p5_ci = [x[0], x[10]];
    let p95_ci = [x[89], x[99]];
    // Type-7 percentiles of the same trials.
    let type7 = |p: f64| {
        let h = 99.0 * p;
        let (lo, frac) = (h.floor() as usize, h - h.floor());
        x[lo] + frac * (x[(lo + 1).min(99)] - x[lo])
    };
    let shown = |q: f64, ci: [f64; 2]| {
        let w = ci[1] - ci[0];
        format!("{} ({}–{})", mkr(q, w), mkr(ci[0], w), mkr(ci[1], w))
    };
    // The end-year line: every percentile with its interval.
    let line = format!(
        "5 % {}, median {}, 95 % {} million kr.",
        shown(type7(0.05), p5_ci),
        shown(type7(0.5), median_ci),
        shown(type7(0.95), p95_ci)
    );
    let flat = en.replace("\n  ", " ");
    assert!(
        flat.contains(&format!(
            "cumulative net savings 2015, percentiles (simulation precision, 95 % CI): {line}"
        )),
        "{line}\n{en}"
    );
    // Under the per-year table, 2015's median interval; in the attribution
    // table the proposal's marginal median (without the proposal and the
    // scenario's no events, nothing is saved: the marginal is the trial's
    // cumulative net savings).
    let w = median_ci[1] - median_ci[0];
    let median_cell = format!("{}–{}", mkr(median_ci[0], w), mkr(median_ci[1], w));
    assert!(
        flat.contains(
            "simulation precision of the medians of cumulative net savings (95 % CI: where the \
             median would lie with endlessly many trials, not the forecast range): 2011 "
        ) && flat.contains(&format!("2015 {median_cell}\n")),
        "{median_cell}\n{en}"
    );
    let attribution_row = en
        .lines()
        .find(|l| l.starts_with("Opening hours: Forslag 1"))
        .unwrap();
    assert!(attribution_row.contains(&median_cell), "{attribution_row}");
    // Danish: the same numbers with decimal commas and "95 %-KI".
    let da_flat = da.replace("\n  ", " ");
    assert!(
        da_flat.contains(&format!(
            "akkumuleret nettobesparelse 2015, fraktiler (simuleringspræcision, 95 %-KI): {}",
            line.replace('.', ",").replace("million kr,", "mio. kr.")
        )),
        "{da}"
    );
    assert!(da_flat.contains(
        "simuleringspræcision for medianerne af akkumuleret nettobesparelse (95 %-KI: hvor \
         medianen ville ligge med uendeligt mange simuleringer, ikke prognosens interval): 2011 "
    ));
    // The ± after the mean and the NPV median's interval say what they are
    // and what they are not, in both languages.
    for (flat, mean, npv) in [
        (
            &flat,
            "(simulation precision: 95 % CI of the mean, not the forecast range [5 % .. 95 %])",
            "; simulation precision of the median (95 % CI) ",
        ),
        (
            &da_flat,
            "(simuleringspræcision: 95 %-KI for gennemsnittet, ikke prognosens interval [5 % .. 95 %])",
            "; medianens simuleringspræcision (95 %-KI) ",
        ),
    ] {
        let line = flat.lines().find(|l| l.contains(" ± ")).unwrap();
        assert!(line.ends_with(mean), "{line}");
        assert!(flat.contains(npv), "{flat}");
    }

    // The attribution sheet: P50, P5, P95, then their intervals.
    let measures = wb.worksheet_range("Measures").unwrap();
    let head: Vec<String> = measures
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |h: &str| {
        head.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h}: {head:?}"))
    };
    let row = measures
        .rows()
        .find(|r| r[0] == Data::String("Opening hours: Forslag 1".into()))
        .unwrap();
    for (stat, ci) in [("P50", median_ci), ("P5", p5_ci), ("P95", p95_ci)] {
        let low = col(&format!("Extra net savings {stat} 95 % CI low"));
        let high = col(&format!("Extra net savings {stat} 95 % CI high"));
        assert_eq!(
            [cell_f64(&row[low]), cell_f64(&row[high])],
            ci.map(Some),
            "{stat}"
        );
    }
    assert_eq!(col("Extra net savings P50 95 % CI low"), 4);

    // The goals sheet: each probability's Wilson interval over 100 trials.
    let goals = wb.worksheet_range("Goals").unwrap();
    let head: Vec<String> = goals
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &head[5..8],
        [
            "Probability of meeting the goal",
            "Probability, 95 % CI low (Wilson)",
            "Probability, 95 % CI high (Wilson)"
        ]
    );
    let mut checked = 0;
    let mut zero = 0;
    // The per-goal-and-year rows end at the blank row before "First year met".
    for r in goals.rows().skip(1).take_while(|r| r[0] != Data::Empty) {
        let Some(p) = r.get(5).and_then(cell_f64) else {
            continue;
        };
        let [low, high] = wilson_by_hand(p, 100.0);
        let (l, h) = (cell_f64(&r[6]).unwrap(), cell_f64(&r[7]).unwrap());
        assert!(
            (l - low).abs() < 1e-12 && (h - high).abs() < 1e-12,
            "{p}: {l} {h}"
        );
        if p == 0.0 {
            // No trial of 100 meets it: [0, z²/(n + z²)] = [0, 3.8415/103.8415].
            assert_eq!(l, 0.0);
            assert!((h - 0.036_994).abs() < 1e-6, "{h}");
            zero += 1;
        }
        checked += 1;
    }
    assert!(checked >= 20 && zero >= 1, "{checked} {zero}");
}
