//! `run --monthly`: per month the cost, the contacts per channel and the
//! monthly goal values. MODEL.md's worked example with the shorter counter
//! hours from July 2012, computed by hand; the months add up to the years
//! on a shipped scenario; the CLI end to end and on 1 or 2 threads.

use assert_cmd::Command;
use channelshift::engine::Engine;
use channelshift::monthly::Monthly;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// MODEL.md section 12 (10,000 contacts a year: personal 40 %, phone 40 %,
/// self-service 20 %; 610,000 kr. a year, 50,833.33 a month), the counter
/// cut from 31.5 to 18 hours from 2012-07 (rho = 13.5/31.5, retime 0.5,
/// to_digital 0.3, to_phone 0.1): from then 535,428.57 / 12 = 44,619.05
/// kr. a month; the counter keeps 3,142.857 / 12 = 261.905 contacts a
/// month (333.333 before); self-service's share of the handled contacts
/// is 2,514.286 / 9,828.571 = 11/43 (0.2 before).
const WORKED: &str = r#"name = "worked example, hours from July 2012"
[horizon]
base_year = 2011
end_year = 2015
[prices]
personal = 100
phone = 50
self_service = 5
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.03, q = 0.38, ceiling = 0.2 }
[[areas]]
name = "Example area"
volume = 10000
[areas.mix]
transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }
[[departments]]
name = "counter"
hours.counter = "Mon-Wed 9-15; Thu 9-18.30; Fri 9-13"
[displacement.counter]
retime = 0.5
to_digital = 0.3
to_phone = 0.1
[proposal]
name = "18 hours a week"
start = "2012-07"
[proposal.hours.counter]
counter = "Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13"
[[goals]]
name = "self-service"
metric = "share"
channels = ["self_service"]
op = ">="
target = 0.25
year = 2015
[[goals]]
name = "savings"
metric = "savings"
op = ">="
target = 0
year = 2015
"#;

fn monthly_of(path: &std::path::Path, n: usize) -> (Monthly, RunSummary) {
    let mut s = Scenario::from_file(path).unwrap_or_else(|e| panic!("{e}"));
    s.monthly = true;
    let e = Engine::new(&s, 5);
    e.probe().unwrap_or_else(|e| panic!("{e}"));
    let t = e.run(n);
    let r = RunSummary::new(&s, &e.layout, &t, 5, None);
    (r.monthly.clone().expect("monthly"), r)
}

fn series<'a>(m: &'a Monthly, key: &str, path: &str) -> &'a [channelshift::stats::Summary] {
    &m.series
        .iter()
        .find(|s| s.key.to_string() == key && s.path.key() == path)
        .unwrap_or_else(|| panic!("no series {key} {path}"))
        .values
}

fn close(actual: f64, expected: f64, what: &str) {
    // f32 storage: 7 significant digits.
    assert!(
        (actual - expected).abs() <= 2e-7 * expected.abs() + 1e-9,
        "{what}: {actual} instead of {expected}"
    );
}

#[test]
fn the_worked_example_month_by_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.toml");
    std::fs::write(&path, WORKED).unwrap();
    let (m, _) = monthly_of(&path, 5);
    assert_eq!(m.months.len(), 60);
    assert_eq!(m.months[0], "2011-01");
    assert_eq!(m.months[18], "2012-07");
    let before = 610_000.0 / 12.0;
    let after = 535_428.571_428_571_4 / 12.0;
    let sq = series(&m, "cost_kr", "status_quo");
    let sc = series(&m, "cost_kr", "scenario");
    let personal = series(&m, "volume.personal", "scenario");
    let goal = &m
        .series
        .iter()
        .find(|s| s.key.to_string() == "goal")
        .expect("the share goal has a monthly series");
    assert_eq!(goal.goal.as_deref(), Some("self-service"));
    assert_eq!(
        m.series
            .iter()
            .filter(|s| s.key.to_string() == "goal")
            .count(),
        1,
        "money goals have no monthly series"
    );
    for mo in 0..60 {
        close(sq[mo].p50, before, "status quo");
        let (cost, counter, share) = if mo < 18 {
            (before, 4000.0 / 12.0, 0.2)
        } else {
            (
                after,
                (4000.0 * (1.0 - 13.5 / 31.5) + 4000.0 * 13.5 / 31.5 * 0.5) / 12.0,
                11.0 / 43.0,
            )
        };
        close(sc[mo].p50, cost, "scenario cost");
        close(sc[mo].p95, cost, "no uncertainty");
        close(personal[mo].p50, counter, "counter contacts");
        close(goal.values[mo].p50, share, "self-service share");
    }
}

/// Solrød's Proposal 1 (staffed phone, three departments, uncertain
/// everything): the twelve months' mean cost adds up to the year's mean
/// cost, and the annual figures are those of a run without --monthly.
#[test]
fn months_add_up_to_the_years() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/solrod-2011-proposal-1.toml");
    let (m, r) = monthly_of(&path, 200);
    let plain = {
        let s = Scenario::from_file(&path).unwrap();
        let e = Engine::new(&s, 5);
        let t = e.run(200);
        RunSummary::new(&s, &e.layout, &t, 5, None)
    };
    for (key, path) in [
        ("cost_status_quo_kr", "status_quo"),
        ("cost_scenario_kr", "scenario"),
    ] {
        let months = series(&m, "cost_kr", path);
        for (y, year) in r.metric(key).iter().enumerate() {
            let sum: f64 = months[y * 12..(y + 1) * 12].iter().map(|q| q.mean).sum();
            assert!(
                (sum - year.mean).abs() <= 1e-6 * year.mean,
                "{key} {y}: {sum} vs {}",
                year.mean
            );
            let other = plain.metric(key)[y].mean;
            assert!(
                (year.mean - other).abs() <= 1e-12 * other,
                "{key} {y}: {} vs {other}",
                year.mean
            );
        }
    }
}

#[test]
fn the_cli_writes_monthly_files_only_when_asked_and_the_same_on_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.toml");
    std::fs::write(&path, WORKED).unwrap();
    let run = |out: &str, extra: &[&str]| {
        Command::cargo_bin("channelshift")
            .unwrap()
            .args(["run", "-n", "300", "--quiet", "--no-charts"])
            .args(extra)
            .arg(&path)
            .arg("--out")
            .arg(dir.path().join(out))
            .assert()
            .success();
    };
    run("one", &["--monthly", "--threads", "1"]);
    run("two", &["--monthly", "--threads", "2"]);
    run("none", &[]);
    let read = |d: &str, f: &str| std::fs::read(dir.path().join(d).join(f)).unwrap();
    assert_eq!(read("one", "monthly.json"), read("two", "monthly.json"));
    assert_eq!(read("one", "monthly.csv"), read("two", "monthly.csv"));
    let csv = String::from_utf8(read("one", "monthly.csv")).unwrap();
    assert!(csv.starts_with("series,path,goal,unit,month,mean,p5,p25,p50,p75,p95\n"));
    assert!(csv.contains("\ngoal,scenario,self-service,share,2015-12,"));
    assert!(!dir.path().join("none/monthly.csv").exists());
    assert!(!dir.path().join("none/monthly.json").exists());
}

/// Only the channels a scenario can use are kept per month (memory): those
/// in a cell's mix, its digital channel, the targets of closures and shifts,
/// and the phone when opening hours change. Here personal 80 % and
/// self-service 20 % (ceiling 0.2: no adoption); the counter cut from 31.5
/// to 18 hours from July 2012 (rho = 3/7, to_phone 0.1) sends
/// 8,000 x 3/7 x 0.1 / 12 = 28.571 contacts a month to the phone, which no
/// mix has; from January 2013 a policy shift moves 10 % of the counter's
/// contacts to chat before the hours act: chat 800 / 12 = 66.667 a month,
/// phone 7,200 x 3/7 x 0.1 / 12 = 25.714.
#[test]
fn only_channels_in_use_are_kept_and_their_months_are_exact() {
    let text = r#"name = "phone and chat from events"
[horizon]
base_year = 2012
end_year = 2013
[prices]
personal = 100
phone = 50
self_service = 5
chat = 30
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.03, q = 0.38, ceiling = 0.2 }
[[areas]]
name = "A"
volume = 10000
[areas.mix]
transaction = { personal = 0.8, self_service = 0.2 }
[[departments]]
name = "counter"
hours.counter = "Mon-Wed 9-15; Thu 9-18.30; Fri 9-13"
[displacement.counter]
retime = 0.5
to_digital = 0.3
to_phone = 0.1
[proposal]
name = "18 hours a week"
start = "2012-07"
[proposal.hours.counter]
counter = "Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13"
[[events]]
name = "chat"
kind = "policy"
start = "2013-01"
shift_channel = "personal"
shift_share = 0.1
shift_to = { chat = 1.0 }
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let mut s = Scenario::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
    s.monthly = true;
    let layout = channelshift::model::layout::Layout::new(&s);
    let slots = layout.slots.monthly.as_ref().unwrap();
    use channelshift::domain::Channel;
    assert_eq!(
        slots.channels,
        [
            Channel::SelfService,
            Channel::Phone,
            Channel::Personal,
            Channel::Chat
        ]
    );
    // 2 costs + 4 channels x 2 paths, 24 months each; no goals.
    let plain = {
        let mut s = s.clone();
        s.monthly = false;
        channelshift::model::layout::Layout::new(&s).detail_len
    };
    assert_eq!(layout.detail_len - plain, (2 + 2 * 4) * 24);
    let (m, _) = monthly_of(&path, 3);
    let keys: Vec<(String, &str)> = m
        .series
        .iter()
        .map(|x| (x.key.to_string(), x.path.key()))
        .collect();
    let k = |a: &str, b: &'static str| (a.to_string(), b);
    // Channels without contacts in any month (the status quo's phone and
    // chat) are left out, as before.
    assert_eq!(
        keys,
        [
            k("cost_kr", "status_quo"),
            k("cost_kr", "scenario"),
            k("volume.self_service", "status_quo"),
            k("volume.personal", "status_quo"),
            k("volume.self_service", "scenario"),
            k("volume.phone", "scenario"),
            k("volume.personal", "scenario"),
            k("volume.chat", "scenario"),
        ]
    );
    let phone = series(&m, "volume.phone", "scenario");
    let chat = series(&m, "volume.chat", "scenario");
    assert_eq!(phone[5].p50, 0.0, "June 2012");
    close(phone[6].p50, 8000.0 * 3.0 / 7.0 * 0.1 / 12.0, "July 2012");
    assert_eq!(chat[11].p50, 0.0, "December 2012");
    close(chat[12].p50, 800.0 / 12.0, "January 2013");
    close(
        phone[12].p50,
        7200.0 * 3.0 / 7.0 * 0.1 / 12.0,
        "January 2013",
    );
}

/// The terminal points to the monthly files with the costliest month:
/// the worked example costs 610,000 / 12 = 50,833.33 kr. a month until
/// the counter is cut in July 2012, then 44,619.05 kr.; the status quo's
/// highest month is the same month and amount, so only the scenario's is
/// given.
#[test]
fn the_terminal_points_to_the_monthly_files_with_the_costliest_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.toml");
    std::fs::write(&path, WORKED).unwrap();
    let print = |lang: &str, extra: &[&str]| {
        let out = Command::cargo_bin("channelshift")
            .unwrap()
            .args([
                "run",
                "-n",
                "20",
                "--no-charts",
                "--no-sensitivity",
                "--lang",
                lang,
            ])
            .args(extra)
            .arg(&path)
            .arg("--out")
            .arg(dir.path().join(lang))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = print("en", &["--monthly"]);
    assert!(
        en.contains(
            "\nmonthly results in monthly.csv and monthly.json (60 months, 2011-01 .. 2015-12); \
             highest median\n  monthly cost: scenario 50,833 kr. in 2011-01\n"
        ),
        "{en}"
    );
    let da = print("da", &["--monthly"]);
    assert!(
        da.contains(
            "\nmånedlige resultater i monthly.csv og monthly.json (60 måneder, 2011-01 .. \
             2015-12); højeste\n  median månedsomkostning: scenariet 50.833 kr. i 2011-01\n"
        ),
        "{da}"
    );
    assert!(!print("en", &[]).contains("monthly results"));
}

/// `compare --monthly` writes each option's monthly-<option>.csv and .json,
/// byte for byte what `run --monthly` writes for that file with the same
/// seed (common random numbers: an input draws the same in every option),
/// and names them on the terminal; a later compare without the flag leaves
/// none behind.
#[test]
fn compare_writes_each_options_monthly_files() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("w.toml");
    // The worked example with uncertain prices, so that common random
    // numbers matter.
    let text = WORKED.replace(
        "personal = 100",
        "personal = { triangular = [80, 100, 130] }",
    );
    std::fs::write(&base, &text).unwrap();
    let later = dir.path().join("later.toml");
    std::fs::write(
        &later,
        "extends = \"w.toml\"\n[proposal]\nname = \"from 2013\"\nstart = \"2013-01\"\n\
         [proposal.hours.counter]\ncounter = \"Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13\"\n",
    )
    .unwrap();
    let bin = || Command::cargo_bin("channelshift").unwrap();
    let out = dir.path().join("cmp");
    let o = bin()
        .args([
            "compare",
            "-n",
            "40",
            "--seed",
            "9",
            "--no-charts",
            "--monthly",
            "--lang",
            "en",
        ])
        .arg(&base)
        .arg(&later)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let terminal = String::from_utf8(o.stdout).unwrap();
    assert!(
        terminal.contains("from 2013: monthly results in monthly-later.csv and monthly-later.json"),
        "{terminal}"
    );
    for (file, stem) in [(&base, "w"), (&later, "later")] {
        let run = dir.path().join(format!("run-{stem}"));
        bin()
            .args([
                "run",
                "-n",
                "40",
                "--seed",
                "9",
                "--quiet",
                "--no-charts",
                "--no-sensitivity",
            ])
            .arg("--monthly")
            .arg(file)
            .arg("--out")
            .arg(&run)
            .assert()
            .success();
        for ext in ["csv", "json"] {
            let a = std::fs::read(out.join(format!("monthly-{stem}.{ext}"))).unwrap();
            let b = std::fs::read(run.join(format!("monthly.{ext}"))).unwrap();
            assert!(a == b, "monthly-{stem}.{ext} differs from run's");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("comparison.json")).unwrap())
            .unwrap();
    assert_eq!(
        json["options"][1]["files"],
        serde_json::json!(["monthly-later.csv", "monthly-later.json"])
    );
    bin()
        .args(["compare", "-n", "40", "--quiet", "--no-charts"])
        .arg(&base)
        .arg(&later)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    for f in [
        "monthly-w.csv",
        "monthly-w.json",
        "monthly-later.csv",
        "monthly-later.json",
    ] {
        assert!(!out.join(f).exists(), "{f} left behind");
    }
}
