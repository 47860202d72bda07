//! Campaigns, laws and goals (MODEL.md sections 7 and 9) on tiny scenarios
//! whose numbers can be worked out by hand.

use channelshift::attribution;
use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

/// One area, transactions only, 12,000 contacts a year (1,000 a month), no
/// growth, no uncertainty unless the extra text adds some.
fn tiny(extra: &str) -> Scenario {
    Scenario::from_text(std::path::Path::new("tiny.toml"), &tiny_text(extra))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn tiny_text(extra: &str) -> String {
    format!(
        r#"name = "tiny"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = 100
phone = 50
letter = 120
self_service = 5
[defaults]
type_split = {{ transaction = 1.0 }}
adoption = {{ p = 0.000000001, q = 0.0, ceiling = 0.9 }}
[[areas]]
name = "A"
volume = 12000
[areas.mix]
transaction = {{ personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }}
[[areas]]
name = "B"
volume = 12000
[areas.mix]
transaction = {{ personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }}
{extra}
"#
    )
}

fn run(s: &Scenario, n: usize) -> RunSummary {
    let e = Engine::new(s, 3);
    let t = e.run(n);
    RunSummary::new(s, &e.layout, &t, 3, None)
}

fn p50(r: &RunSummary, key: &str, year: usize) -> f64 {
    r.metric(key)[year].p50
}

#[test]
fn mandatory_floor_is_reached_exactly_after_the_ramp() {
    // Floor 0.8 on area A from 2013-01, ramped over 12 months: month k of 2013
    // has floor 0.8 k / 12; Bass adoption is negligible (p = 1e-9, q = 0).
    let s = tiny(
        r#"[[events]]
name = "wave"
kind = "external"
start = "2013-01"
areas = ["A"]
floor = 0.8
ramp_months = 12
[[goals]]
name = "A self-service"
metric = "share"
channels = ["self_service"]
areas = ["A"]
op = ">="
target = 0.8
from_year = 2012
"#,
    );
    let r = run(&s, 10);
    let g = &r.goals[0];
    // 2012: today's 10 %.
    assert!((g.value[0].p50 - 0.1).abs() < 1e-5, "{}", g.value[0].p50);
    // 2013: mean over months of max(0.1, 0.8 k/12).
    let expected: f64 = (1..=12)
        .map(|k| (0.8 * k as f64 / 12.0f64).max(0.1))
        .sum::<f64>()
        / 12.0;
    assert!(
        (g.value[1].p50 - expected).abs() < 1e-5,
        "{} vs {expected}",
        g.value[1].p50
    );
    // 2014 and 2015: at the floor (the state continues from 0.8).
    assert!((g.value[2].p50 - 0.8).abs() < 1e-5);
    assert_eq!(g.probability[2], Some(1.0));
    assert_eq!(g.probability[0], Some(0.0));
    assert_eq!(
        g.first_year_met
            .get(&channelshift::summary::FirstMet::Year(2014)),
        Some(&1.0)
    );
    // External: the status quo has it too, so nothing is saved.
    for y in 0..4 {
        assert_eq!(p50(&r, "savings_kr", y), 0.0);
    }
}

#[test]
fn closing_a_channel_moves_its_volume_exactly_in_the_touched_areas_only() {
    // Area A's letters (20 % of 12,000 = 2,400 a year) go 60 % to
    // self-service, 30 % to phone, 10 % avoided; area B keeps its letters.
    let s = tiny(
        r#"[[events]]
name = "no paper forms"
kind = "policy"
start = "2013-01"
areas = ["A"]
close_channel = "letter"
close_to = { self_service = 0.6, phone = 0.3 }
"#,
    );
    let r = run(&s, 10);
    let y = 1; // 2013
    let letters = p50(&r, "volume_scenario.letter", y);
    assert!(
        (letters - 2400.0).abs() < 1e-3,
        "only B's letters remain: {letters}"
    );
    assert!((p50(&r, "volume_status_quo.letter", y) - 4800.0).abs() < 1e-3);
    assert!((p50(&r, "closure_avoided", y) - 240.0).abs() < 1e-3);
    let ss =
        p50(&r, "volume_scenario.self_service", y) - p50(&r, "volume_status_quo.self_service", y);
    let ph = p50(&r, "volume_scenario.phone", y) - p50(&r, "volume_status_quo.phone", y);
    assert!((ss - 1440.0).abs() < 1e-2, "{ss}");
    assert!((ph - 720.0).abs() < 1e-2, "{ph}");
    // Savings: 2,400 letters at 120 kr. replaced by 1,440 x 5 + 720 x 50.
    let expected = 2400.0 * 120.0 - 1440.0 * 5.0 - 720.0 * 50.0;
    assert!(
        (p50(&r, "savings_kr", y) - expected).abs() < 1e-3,
        "{}",
        p50(&r, "savings_kr", y)
    );
    assert_eq!(p50(&r, "savings_kr", 0), 0.0, "nothing before the start");
}

#[test]
fn digital_post_share_after_november_2014_is_one_minus_the_exemption() {
    let s = tiny(
        r#"[outbound_mail]
letters_per_year = 12000
digital_share = 0.0
price_letter_kr = 10
price_digital_post_kr = 2
[[events]]
name = "Digital Post"
kind = "external"
start = "2014-11"
digital_post_exemption = 0.2
"#,
    );
    let r = run(&s, 10);
    // 2014: 10 months of 1,000 paper letters, 2 months of 200.
    assert!((p50(&r, "paper_letters_scenario", 2) - 10_400.0).abs() < 1e-3);
    // 2015: every month 20 % paper.
    assert!((p50(&r, "paper_letters_scenario", 3) - 2_400.0).abs() < 1e-3);
    assert!((p50(&r, "digital_post_letters_scenario", 3) - 9_600.0).abs() < 1e-3);
    assert!(
        (p50(&r, "outbound_mail_cost_scenario_kr", 3) - (2_400.0 * 10.0 + 9_600.0 * 2.0)).abs()
            < 1e-3
    );
    assert_eq!(
        p50(&r, "savings_kr", 3),
        0.0,
        "an external event saves nothing against the status quo"
    );
}

#[test]
fn a_policy_event_changes_only_the_scenario_and_its_cost_is_counted() {
    let s = tiny(
        r#"[[events]]
name = "campaign"
kind = "policy"
start = "2013-01"
p_add = 0.5
cost_one_off_kr = 100000
cost_monthly_kr = 1000
"#,
    );
    let r = run(&s, 10);
    // Status quo unchanged by the event.
    let base = tiny("");
    let rb = run(&base, 10);
    for y in 0..4 {
        assert_eq!(
            p50(&r, "cost_status_quo_kr", y),
            p50(&rb, "cost_scenario_kr", y)
        );
    }
    assert_eq!(p50(&r, "campaign_cost_scenario_kr", 1), 112_000.0);
    assert_eq!(p50(&r, "campaign_cost_scenario_kr", 2), 12_000.0);
    assert_eq!(p50(&r, "campaign_cost_status_quo_kr", 1), 0.0);
    // The campaign shifts contacts to self-service, so 2015 handling costs fall.
    assert!(p50(&r, "handling_cost_scenario_kr", 3) < p50(&r, "handling_cost_status_quo_kr", 3));
}

#[test]
fn attribution_of_an_event_without_effect_is_exactly_zero() {
    let s = tiny(
        r#"[[events]]
name = "does nothing"
kind = "policy"
start = "2013-01"
p_add = 0
[[events]]
name = "campaign"
kind = "policy"
start = "2013-01"
p_add = { uniform = [0.2, 0.6] }
cost_one_off_kr = 50000
[[goals]]
name = "self-service"
metric = "share"
channels = ["self_service"]
op = ">="
target = 0.3
year = 2015
"#,
    );
    let e = Engine::new(&s, 5);
    let t = e.run(500);
    let rows = attribution::attribute(&e, &t, &|_| {});
    assert_eq!(rows.len(), 2);
    let none = rows.iter().find(|r| r.event == "does nothing").unwrap();
    for v in [
        none.marginal_net_savings_kr.min,
        none.marginal_net_savings_kr.max,
        none.cost_kr.max,
    ] {
        assert_eq!(v, 0.0);
    }
    assert!(none.goal_probability_change[0]
        .iter()
        .flatten()
        .all(|d| *d == 0.0));
    let c = rows.iter().find(|r| r.event == "campaign").unwrap();
    assert_eq!(c.cost_kr.p50, 50_000.0);
    assert!(c.gross_savings_kr.p50 > 0.0);
    assert!((c.gross_savings_kr.p50 - c.marginal_net_savings_kr.p50 - 50_000.0).abs() < 1e-6);
    // The campaign raises the goal's probability in 2015.
    assert!(c.goal_probability_change[0][3].unwrap() > 0.0);
}

#[test]
fn a_lower_target_is_met_at_least_as_often() {
    let mut goals = String::new();
    for (i, t) in [0.2, 0.3, 0.4, 0.5].iter().enumerate() {
        goals.push_str(&format!(
            "[[goals]]\nname = \"g{i}\"\nmetric = \"share\"\nchannels = [\"self_service\"]\nop = \">=\"\ntarget = {t}\nfrom_year = 2012\n"
        ));
    }
    let s = tiny(&format!(
        "[[events]]\nname = \"c\"\nkind = \"policy\"\nstart = \"2012-06\"\np_add = {{ uniform = [0.0, 0.8] }}\nq_add = {{ uniform = [0.0, 0.5] }}\n{goals}"
    ));
    let r = run(&s, 2000);
    for y in 0..4 {
        let p: Vec<f64> = r.goals.iter().map(|g| g.probability[y].unwrap()).collect();
        assert!(p.windows(2).all(|w| w[0] >= w[1]), "year {y}: {p:?}");
    }
    // Something in between is genuinely uncertain.
    assert!(r.goals.iter().any(|g| g.probability[3]
        .map(|p| p > 0.05 && p < 0.95)
        .unwrap_or(false)));
}

#[test]
fn share_bookkeeping_conserves_volume() {
    // Hours cut on the counter and phone, a closure and campaigns: every
    // contact of the status quo is either counted in a channel of the
    // scenario or avoided (displaced and avoided, or closed and avoided).
    let s = tiny(
        r#"[[departments]]
name = "d"
hours.counter = "Mon-Fri 9-15"
hours.phone = "Mon-Fri 8-16"
[displacement.counter]
retime = { uniform = [0.2, 0.6] }
to_digital = 0.2
to_phone = 0.1
[displacement.phone]
retime = 0.5
to_digital = 0.3
[proposal]
name = "shorter"
start = "2012-07"
[proposal.hours.d]
counter = "Mon-Thu 10-14"
phone = "Mon-Fri 9-13"
[[events]]
name = "no letters"
kind = "policy"
start = "2013-03"
close_channel = "letter"
close_to = { email = 0.5, self_service = 0.3 }
[[events]]
name = "campaign"
kind = "policy"
start = "2012-01"
p_add = { uniform = [0.1, 0.5] }
"#
        .replace("email = 0.5", "phone = 0.5")
        .as_str(),
    );
    let e = Engine::new(&s, 9);
    let t = e.run(200);
    let l = &e.layout;
    for i in 0..t.n {
        for y in 0..4 {
            let d = |slot: usize| t.detail[i * l.detail_len + slot] as f64;
            let sq = d(l.slots.contacts[0] + y);
            let scn = d(l.slots.contacts[1] + y);
            let avoided = d(l.slots.displaced[3] + y) + d(l.slots.closure_avoided + y);
            assert!(
                (sq - scn - avoided).abs() < 1e-6 * sq,
                "trial {i} year {y}: {sq} vs {scn} + {avoided}"
            );
        }
    }
}

#[test]
fn a_department_can_send_its_displaced_contacts_elsewhere() {
    // Both departments halve their counter hours (rho = 0.5). Scenario-wide,
    // displaced counter contacts go to self-service; "pas" (passports must be
    // collected in person) retimes all of them instead.
    let text = r#"name = "two departments"
[horizon]
base_year = 2012
end_year = 2013
[prices]
personal = 100
phone = 50
self_service = 5
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.000000001, q = 0.0, ceiling = 0.5 }
[[departments]]
name = "pas"
hours.counter = "Mon-Fri 8-16"
[departments.displacement.counter]
retime = 1.0
[[departments]]
name = "flyt"
hours.counter = "Mon-Fri 8-16"
[displacement.counter]
to_digital = 1.0
[proposal]
name = "half"
start = "2012-01"
[proposal.hours.pas]
counter = "Mon-Fri 8-12"
[proposal.hours.flyt]
counter = "Mon-Fri 8-12"
[[areas]]
name = "Pas"
department = "pas"
volume = 1200
[areas.mix]
transaction = { personal = 0.5, phone = 0.25, self_service = 0.25 }
[[areas]]
name = "Flytning"
department = "flyt"
volume = 1200
[areas.mix]
transaction = { personal = 0.5, phone = 0.25, self_service = 0.25 }
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.toml");
    std::fs::write(&path, text).unwrap();
    let s = Scenario::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let r = run(&s, 5);
    // 600 counter contacts each; half displaced: 300 retimed (pas), 300 to self-service (flyt).
    assert!((p50(&r, "displaced_retimed", 0) - 300.0).abs() < 1e-3);
    assert!((p50(&r, "displaced_to_digital", 0) - 300.0).abs() < 1e-3);
    assert!((p50(&r, "volume_scenario.personal", 0) - 900.0).abs() < 1e-3);
    assert!((p50(&r, "volume_scenario.self_service", 0) - 900.0).abs() < 1e-3);
}

#[test]
fn an_area_can_have_its_own_prices() {
    // Area A's letters cost 20 kr. instead of 120 kr.: 2,400 letters a year
    // save 2,400 x 100 kr. of handling cost against an otherwise equal run.
    let base = tiny("");
    assert!(base.areas[0].prices.iter().all(|p| p.is_none()));
    let cheaper_text = r#"[[areas]]
name = "A"
volume = 12000
prices = { letter = 20 }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
"#;
    // An option-style override of area A (same name replaces it).
    let dir = tempfile::tempdir().unwrap();
    let basefile = dir.path().join("base.toml");
    std::fs::write(&basefile, tiny_text("")).unwrap();
    let opt = dir.path().join("opt.toml");
    std::fs::write(
        &opt,
        format!("extends = \"base.toml\"\nname = \"cheaper letters\"\n{cheaper_text}"),
    )
    .unwrap();
    let s = Scenario::from_file(&opt).unwrap_or_else(|e| panic!("{e}"));
    let r0 = run(&base, 5);
    let r1 = run(&s, 5);
    let d = p50(&r0, "handling_cost_scenario_kr", 0) - p50(&r1, "handling_cost_scenario_kr", 0);
    assert!((d - 2400.0 * 100.0).abs() < 0.5, "{d}");
    assert_eq!(
        s.areas[0].prices[channelshift::domain::Channel::Letter.index()],
        Some(channelshift::scenario::Param::Fixed(20.0))
    );
}
