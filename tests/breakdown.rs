//! `run --breakdown`: cost, savings and contacts by area, department and
//! contact type. A tiny scenario computed by hand, the parts adding up to
//! the totals in every trial of a shipped scenario, and the CLI end to end.

use assert_cmd::Command;
use channelshift::engine::Engine;
use channelshift::model::breakdown::KindOf;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// Area A (department D, counter Mon-Fri 8-16 = 40 h a week at 100 kr. an
/// open hour) and area B (department E, no opening hours), 12,000 contacts a year each,
/// 2012-2015, no growth, adoption negligible (p = 1e-9, q = 0). A is all
/// transactions with personal 0.4, phone 0.3, letter 0.2, self-service 0.1
/// (79.5 kr. a contact: 954,000 kr. a year); B is half transactions (the
/// same mix: 477,000 kr.) and half information by phone (6,000 x 50 =
/// 300,000 kr.). The proposal halves the counter's hours from 2012-01
/// (rho = 0.5) and nothing is displaced anywhere but avoided: A's counter
/// keeps 2,400 of its 4,800 contacts, handling 954,000 - 240,000 = 714,000
/// kr., contacts 9,600; D's opening cost falls from 40 x 52 x 100 =
/// 208,000 to 104,000 kr.
const TINY: &str = r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = 100
phone = 50
letter = 120
self_service = 5
website = 2
[defaults]
adoption = { p = 0.000000001, q = 0.0, ceiling = 0.9 }
[[departments]]
name = "D"
label = "Department D"
hours.counter = "Mon-Fri 8-16"
open_hour_cost_kr = { counter = 100 }
[[departments]]
name = "E"
[[areas]]
name = "A"
department = "D"
volume = 12000
type_split = { transaction = 1.0 }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
[[areas]]
name = "B"
department = "E"
volume = 12000
type_split = { transaction = 0.5, information = 0.5 }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
information = { phone = 1.0 }
[proposal]
name = "half the counter"
start = "2012-01"
[proposal.hours.D]
counter = "Mon-Fri 8-12"
"#;

fn summary_of(path: &std::path::Path, n: usize) -> RunSummary {
    let mut s = Scenario::from_file(path).unwrap_or_else(|e| panic!("{e}"));
    s.breakdown = true;
    let e = Engine::new(&s, 3);
    e.probe().unwrap_or_else(|e| panic!("{e}"));
    let t = e.run(n);
    RunSummary::new(&s, &e.layout, &t, 3, None)
}

fn close(actual: f64, expected: f64, what: &str) {
    // Adoption at p = 1e-9 moves volumes by about 1e-9 of themselves; the
    // breakdown is kept in f32 (7 significant digits).
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0) + 0.07,
        "{what}: {actual} instead of {expected}"
    );
}

#[test]
fn the_tiny_scenario_splits_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, TINY).unwrap();
    let r = summary_of(&path, 10);
    let b = r.breakdown.as_ref().expect("breakdown");
    let names = |k: KindOf| {
        b.groups(k)
            .iter()
            .map(|g| g.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(KindOf::Area), ["A", "B"]);
    assert_eq!(names(KindOf::Department), ["D", "E"]);
    assert_eq!(names(KindOf::ContactType), ["transaction", "information"]);
    assert_eq!(b.by_department[0].label.as_deref(), Some("Department D"));
    for y in 0..4 {
        let a = &b.by_area[0];
        close(
            a.handling_cost_status_quo_kr[y].p50,
            954_000.0,
            "A status quo",
        );
        close(a.handling_cost_scenario_kr[y].p50, 714_000.0, "A scenario");
        close(a.savings_kr[y].p50, 240_000.0, "A savings");
        close(a.contacts_status_quo[y].p50, 12_000.0, "A contacts");
        close(a.contacts_scenario[y].p50, 9_600.0, "A contacts, scenario");
        assert!(
            a.opening_cost_scenario_kr.is_none(),
            "areas carry no opening cost"
        );
        let bb = &b.by_area[1];
        close(bb.handling_cost_status_quo_kr[y].p50, 777_000.0, "B");
        close(bb.handling_cost_scenario_kr[y].p50, 777_000.0, "B scenario");
        close(bb.savings_kr[y].p50, 0.0, "B savings");
        let d = &b.by_department[0];
        close(d.handling_cost_scenario_kr[y].p50, 714_000.0, "D handling");
        let o_sq = d.opening_cost_status_quo_kr.as_ref().unwrap()[y].p50;
        let o_sc = d.opening_cost_scenario_kr.as_ref().unwrap()[y].p50;
        close(o_sq, 208_000.0, "D opening today");
        close(o_sc, 104_000.0, "D opening, proposal");
        close(d.savings_kr[y].p50, 240_000.0 + 104_000.0, "D savings");
        let e = &b.by_department[1];
        close(e.handling_cost_status_quo_kr[y].p50, 777_000.0, "E");
        close(
            e.opening_cost_status_quo_kr.as_ref().unwrap()[y].p50,
            0.0,
            "E opening",
        );
        let t = &b.by_contact_type[0];
        close(
            t.handling_cost_status_quo_kr[y].p50,
            1_431_000.0,
            "transactions",
        );
        close(
            t.handling_cost_scenario_kr[y].p50,
            1_191_000.0,
            "transactions, scenario",
        );
        close(
            t.contacts_scenario[y].p50,
            12_000.0 + 6_000.0 - 2_400.0,
            "transactions",
        );
        let i = &b.by_contact_type[1];
        close(i.handling_cost_scenario_kr[y].p50, 300_000.0, "information");
        close(i.contacts_scenario[y].p50, 6_000.0, "information contacts");
        // The whole: 1,731,000 + 208,000 today; savings 344,000.
        close(r.metric("savings_kr")[y].p50, 344_000.0, "savings");
    }
}

/// Every trial of Solrød's Proposal 1 (staffed phone, three departments,
/// twelve areas, uncertain everything): the groups of each kind add up to
/// the totals to 1e-6 of the cost.
#[test]
fn groups_add_up_to_the_totals_in_every_trial() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/solrod-2011-proposal-1.toml");
    let mut s = Scenario::from_file(&path).unwrap();
    s.breakdown = true;
    let e = Engine::new(&s, 11);
    let t = e.run(300);
    let l = &e.layout;
    let sl = &l.slots;
    let bd = sl.breakdown.as_ref().unwrap();
    let row = |i: usize, slot: usize| f64::from(t.detail[i * l.detail_len + slot]);
    use channelshift::model::layout::SavingsSource as Src;
    for i in 0..t.n {
        for y in 0..l.n_years {
            let cost = t.core[i * l.core_len + sl.cost_status_quo + y];
            let tol = 1e-6 * cost;
            for kind in KindOf::ALL {
                for path in 0..2 {
                    let sum: f64 = bd.of_kind(kind).map(|g| row(i, g.handling[path] + y)).sum();
                    let total = row(i, sl.handling[path] + y);
                    assert!(
                        (sum - total).abs() <= tol,
                        "{kind:?} handling {sum} vs {total}"
                    );
                    let sum: f64 = bd.of_kind(kind).map(|g| row(i, g.contacts[path] + y)).sum();
                    let total = row(i, sl.contacts[path] + y);
                    assert!((sum - total).abs() <= 1e-6 * total, "{kind:?} contacts");
                }
            }
            for path in 0..2 {
                let sum: f64 = bd
                    .of_kind(KindOf::Department)
                    .map(|g| row(i, g.opening.unwrap()[path] + y))
                    .sum();
                let total = row(i, sl.opening[path] + y);
                assert!((sum - total).abs() <= tol, "opening {sum} vs {total}");
            }
            let sum: f64 = bd
                .of_kind(KindOf::Department)
                .map(|g| row(i, g.savings + y))
                .sum();
            let savings = t.core[i * l.core_len + sl.savings + y]
                - row(i, sl.savings_by_source[Src::Initiatives.index()] + y)
                - row(i, sl.savings_by_source[Src::OutboundMail.index()] + y);
            assert!((sum - savings).abs() <= tol, "savings {sum} vs {savings}");
        }
    }
}

#[test]
fn the_cli_writes_the_breakdown_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, TINY).unwrap();
    let bin = || Command::cargo_bin("channelshift").unwrap();
    let with = dir.path().join("with");
    bin()
        .args([
            "run",
            "-n",
            "50",
            "--quiet",
            "--no-charts",
            "--breakdown",
            "--report",
        ])
        .arg(&path)
        .arg("--out")
        .arg(&with)
        .arg("--xlsx")
        .arg(dir.path().join("w.xlsx"))
        .assert()
        .success();
    let csv = std::fs::read_to_string(with.join("breakdown.csv")).unwrap();
    assert!(csv.starts_with("group,name,quantity,unit,year,mean,"));
    assert!(
        csv.contains("by_department,D,opening_cost_scenario_kr,kr.,2015,104000,"),
        "{csv}"
    );
    assert!(csv.contains("by_contact_type,information,contacts_status_quo,contacts,2012,"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(with.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json["breakdown"]["by_area"][1]["name"], "B");
    let html = std::fs::read_to_string(with.join("report.html")).unwrap();
    assert!(
        html.contains("Omkostninger fordelt på"),
        "the report has the breakdown"
    );
    let without = dir.path().join("without");
    bin()
        .args(["run", "-n", "50", "--quiet", "--no-charts"])
        .arg(&path)
        .arg("--out")
        .arg(&without)
        .assert()
        .success();
    assert!(!without.join("breakdown.csv").exists());
    let text = std::fs::read_to_string(without.join("summary.json")).unwrap();
    assert!(!text.contains("\"breakdown\""));
}

/// Areas of a scenario without departments form the department "none".
#[test]
fn areas_without_a_department_are_the_group_none() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/vallensbaek-2012.toml");
    let r = summary_of(&path, 200);
    let b = r.breakdown.unwrap();
    assert_eq!(b.by_area.len(), 35);
    assert_eq!(b.by_department.len(), 1);
    assert_eq!(b.by_department[0].name, "none");
    assert_eq!(
        b.by_department[0]
            .opening_cost_scenario_kr
            .as_ref()
            .unwrap()[0]
            .max,
        0.0
    );
    // Vallensbæk's own split by type (transactions 57 %, case information
    // 25 %, information 18 %, the 2012 seed's Side 15): the scenario gives
    // 58 / 25 / 16 % of the 2012 handling cost (means; within 2.5 points).
    let total: f64 = b.by_contact_type.iter().map(|g| g.mean_cost(0, 0)).sum();
    let share = |name: &str| {
        b.by_contact_type
            .iter()
            .find(|g| g.name == name)
            .unwrap()
            .mean_cost(0, 0)
            / total
    };
    for (name, seed) in [
        ("transaction", 0.57),
        ("case_information", 0.25),
        ("information", 0.18),
    ] {
        assert!(
            (share(name) - seed).abs() < 0.025,
            "{name}: {}",
            share(name)
        );
    }
}

/// The line of `text` that contains `label`.
fn line_with<'a>(text: &'a str, label: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{text}"))
}

/// `cells` appear in `line` in this order.
fn in_order(line: &str, cells: &[&str]) {
    let mut rest = line;
    for c in cells {
        let at = rest
            .find(c)
            .unwrap_or_else(|| panic!("{c:?} missing (or out of order) in {line:?}"));
        rest = &rest[at + c.len()..];
    }
}

/// `run --breakdown` prints the end year by department and by contact type
/// (medians; every trial is the same here): D costs 954,000 + 208,000 =
/// 1,162,000 kr. today and 714,000 + 104,000 = 818,000 kr. with the
/// proposal, saving 344,000 kr. with 9,600 contacts; E 777,000 kr.
/// unchanged with 12,000 contacts; transactions 1,431,000 -> 1,191,000
/// (240,000 saved, 12,000 + 6,000 - 2,400 = 15,600 contacts), information
/// 300,000 with 6,000 contacts.
#[test]
fn the_terminal_shows_the_end_year_by_department_and_by_contact_type() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.toml");
    std::fs::write(&path, TINY).unwrap();
    let print = |lang: &str, breakdown: bool| {
        let mut cmd = Command::cargo_bin("channelshift").unwrap();
        cmd.args([
            "run",
            "-n",
            "20",
            "--no-charts",
            "--no-sensitivity",
            "--lang",
            lang,
        ])
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join(lang));
        if breakdown {
            cmd.arg("--breakdown");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = print("en", true);
    assert!(
        en.contains(
            "cost (status quo, scenario), savings and contacts (scenario) by department and by \
             contact type\n  2015 (kr., median)"
        ),
        "{en}"
    );
    in_order(
        line_with(&en, "Department D"),
        &[
            "department",
            "Department D",
            "1,162,000",
            "818,000",
            "344,000",
            "9,600",
        ],
    );
    in_order(
        line_with(&en, "  E  "),
        &["E", "777,000", "777,000", "0", "12,000"],
    );
    in_order(
        line_with(&en, "Transaction"),
        &[
            "contact type",
            "Transaction",
            "1,431,000",
            "1,191,000",
            "240,000",
            "15,600",
        ],
    );
    in_order(
        line_with(&en, "Information"),
        &["Information", "300,000", "300,000", "0", "6,000"],
    );
    let da = print("da", true);
    in_order(
        line_with(&da, "Department D"),
        &[
            "afdeling",
            "Department D",
            "1.162.000",
            "818.000",
            "344.000",
            "9.600",
        ],
    );
    in_order(
        line_with(&da, "Transaktion (sagsoprettelse)"),
        &[
            "henvendelsestype",
            "1.431.000",
            "1.191.000",
            "240.000",
            "15.600",
        ],
    );
    in_order(
        line_with(&da, "Generel information"),
        &["300.000", "300.000", "0", "6.000"],
    );
    assert!(
        da.contains("besparelse og henvendelser (scenarie) pr. afdeling og"),
        "{da}"
    );
    // Without --breakdown: no such table.
    let plain = print("en", false);
    assert!(!plain.contains("by department"), "{plain}");
}

/// A second option for [`TINY`]: the counter at a quarter of its hours
/// (rho = 0.75): A's counter keeps 1,200 of 4,800 contacts, handling
/// 954,000 - 360,000 = 594,000 kr.; D's opening cost 52,000 kr.; D saves
/// 360,000 + 156,000 = 516,000 kr. a year, 172,000 more than the half.
const QUARTER: &str = r#"extends = "tiny.toml"
[proposal]
name = "a quarter of the counter"
start = "2012-01"
[proposal.hours.D]
counter = "Mon-Fri 8-10"
"#;

/// `compare --breakdown`: each option's breakdown (in comparison.json,
/// comparison-breakdown.csv and breakdown-<option>.csv, the latter the
/// same bytes as `run --breakdown` of that option with the same seed), the
/// paired differences per group, unique file names for a file given twice,
/// and no per-option files left from an earlier compare.
#[test]
fn compare_writes_each_options_breakdown_on_common_random_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = dir.path().join("tiny.toml");
    let quarter = dir.path().join("quarter.toml");
    std::fs::write(&tiny, TINY).unwrap();
    std::fs::write(&quarter, QUARTER).unwrap();
    let out = dir.path().join("cmp");
    let bin = || Command::cargo_bin("channelshift").unwrap();
    let output = bin()
        .args([
            "compare",
            "-n",
            "30",
            "--seed",
            "4",
            "--no-charts",
            "--breakdown",
            "--lang",
            "en",
        ])
        .arg(&tiny)
        .arg(&quarter)
        .arg(&quarter)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for f in [
        "comparison.json",
        "comparison.csv",
        "comparison-breakdown.csv",
        "breakdown-tiny.csv",
        "breakdown-quarter.csv",
        "breakdown-quarter-2.csv",
    ] {
        assert!(out.join(f).exists(), "{f} missing");
    }
    // The terminal: savings by department per option.
    assert!(
        text.contains("savings vs status quo by department and by contact type 2015"),
        "{text}"
    );
    let d = text
        .lines()
        .find(|l| l.starts_with("department") && l.contains("Department D"))
        .unwrap_or_else(|| panic!("no department row in:\n{text}"));
    // Three long option names: amounts in millions so that the table fits.
    assert!(text.contains("2015 (million kr., median;"), "{text}");
    in_order(d, &["Department D", "0.34", "0.52", "0.52"]);
    // breakdown-quarter.csv is what `run --breakdown` writes for that file.
    let run = dir.path().join("run");
    bin()
        .args([
            "run",
            "-n",
            "30",
            "--seed",
            "4",
            "--quiet",
            "--no-charts",
            "--no-sensitivity",
        ])
        .arg("--breakdown")
        .arg(&quarter)
        .arg("--out")
        .arg(&run)
        .assert()
        .success();
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).unwrap();
    assert_eq!(
        read(out.join("breakdown-quarter.csv")),
        read(run.join("breakdown.csv"))
    );
    assert_eq!(
        read(out.join("breakdown-quarter-2.csv")),
        read(run.join("breakdown.csv"))
    );
    let csv = read(out.join("comparison-breakdown.csv"));
    assert!(csv.starts_with("option,group,name,quantity,unit,year,mean,sd,p5,"));
    let rows = csv.lines().count() - 1;
    let per_option = read(run.join("breakdown.csv")).lines().count() - 1;
    assert_eq!(rows, 3 * per_option);
    assert!(csv.contains("\nhalf the counter,by_department,D,cost_scenario_kr,kr.,2015,"));
    // comparison.json: the option's breakdown is run's, and the pairs.
    let json: serde_json::Value = serde_json::from_str(&read(out.join("comparison.json"))).unwrap();
    let summary: serde_json::Value = serde_json::from_str(&read(run.join("summary.json"))).unwrap();
    assert_eq!(json["options"][1]["breakdown"], summary["breakdown"]);
    assert_eq!(
        json["options"][1]["files"],
        serde_json::json!(["breakdown-quarter.csv"])
    );
    // The same file given twice: unique ids, the ones its files are named by.
    assert_eq!(json["options"][1]["id"], "quarter");
    assert_eq!(json["options"][2]["id"], "quarter-2");
    assert_eq!(
        json["options"][2]["files"],
        serde_json::json!(["breakdown-quarter-2.csv"])
    );
    let label_2 = json["options"][2]["name"].as_str().unwrap().to_string();
    let pair = |a: &str, b: &str| -> serde_json::Value {
        json["pairwise"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["a"] == a && p["b"] == b)
            .unwrap_or_else(|| panic!("no pair {a} {b}"))
            .clone()
    };
    let group = |p: &serde_json::Value, kind: &str, name: &str| -> serde_json::Value {
        p["breakdown"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == kind && g["name"] == name)
            .unwrap()
            .clone()
    };
    let half_vs_quarter = pair(
        "half the counter",
        json["options"][1]["name"].as_str().unwrap(),
    );
    for y in 0..4 {
        let d = &group(&half_vs_quarter, "by_department", "D")["years"][y];
        close(
            d["savings_difference_kr"]["p50"].as_f64().unwrap(),
            -172_000.0,
            "D: half - quarter",
        );
        assert_eq!(d["prob_a_saves_more"], 0.0);
        let e = &group(&half_vs_quarter, "by_department", "E")["years"][y];
        assert_eq!(e["savings_difference_kr"]["max"], 0.0, "E is untouched");
    }
    // The same file twice: every group differs by exactly 0.
    let twice = pair(json["options"][1]["name"].as_str().unwrap(), &label_2);
    for g in twice["breakdown"].as_array().unwrap() {
        for y in g["years"].as_array().unwrap() {
            assert_eq!(y["savings_difference_kr"]["min"], 0.0);
            assert_eq!(y["savings_difference_kr"]["max"], 0.0);
        }
    }
    // A compare without --breakdown into the same folder leaves none of
    // the per-option files behind, and comparison.json has no breakdown.
    bin()
        .args(["compare", "-n", "30", "--quiet", "--no-charts"])
        .arg(&tiny)
        .arg(&quarter)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    for f in [
        "comparison-breakdown.csv",
        "breakdown-tiny.csv",
        "breakdown-quarter.csv",
        "breakdown-quarter-2.csv",
    ] {
        assert!(!out.join(f).exists(), "{f} left from the earlier compare");
    }
    let text = read(out.join("comparison.json"));
    assert!(!text.contains("\"breakdown\""));
    assert!(!text.contains("\"files\""));
}

/// `compare --breakdown`'s terminal tables have every option's groups and
/// opening hours, not only the first option's: a department only the
/// second option has gets its rows, "-" under the option without it.
#[test]
fn compare_shows_a_department_only_a_later_option_has() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let option = dir.path().join("p1-teknik.toml");
    std::fs::write(
        &option,
        format!(
            "extends = {:?}\n\n[[departments]]\nname = \"Teknik\"\nlabel = \"Teknik og miljø\"\n\
             hours.counter = \"Mon-Fri 9-15\"\nopen_hour_cost_kr = {{ counter = 400 }}\n\n\
             [[areas]]\nname = \"Byggesag\"\ndepartment = \"Teknik\"\nvolume_per_1000 = 150\n\
             mix.transaction = {{ personal = 0.5, phone = 0.5 }}\n\n\
             [proposal.hours.Teknik]\ncounter = \"Mon-Fri 10-13\"\n",
            scenarios
                .join("solrod-2011-proposal-1.toml")
                .display()
                .to_string()
        ),
    )
    .unwrap();
    let out = dir.path().join("cmp");
    let output = Command::cargo_bin("channelshift")
        .unwrap()
        .arg("compare")
        .arg(scenarios.join("solrod-2011.toml"))
        .arg(scenarios.join("solrod-2011-proposal-2.toml"))
        .arg(&option)
        .args([
            "-n",
            "50",
            "--no-charts",
            "--breakdown",
            "--lang",
            "en",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("comparison.json")).unwrap())
            .unwrap();
    let teknik = c["options"][1]["breakdown"]["by_department"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Teknik")
        .unwrap();
    let saved = teknik["savings_kr"][4]["p50"].as_f64().unwrap();
    assert!(saved > 100_000.0, "15 of 30 counter hours closed: {saved}");
    let table = &stdout[stdout.find("savings vs status quo by department").unwrap()..];
    let line = line_with(table, "Teknik og miljø");
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cells[cells.len() - 2..],
        [
            "-".to_string(),
            channelshift::i18n::format_number(saved, 0, channelshift::i18n::Lang::En)
        ]
    );
    // Its weekly hours: 30 today, none under Forslag 2, 15 under Forslag 1
    // (one decimal, as every hours figure of the table: others have half
    // hours).
    let hours: Vec<&str> = line_with(&stdout, "Teknik og miljø counter")
        .split_whitespace()
        .collect();
    assert_eq!(hours[hours.len() - 3..], ["30.0", "-", "15.0"]);
    // Forslag 2 has no Teknik department at all.
    assert!(c["options"][0]["breakdown"]["by_department"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["name"] != "Teknik"));
}
