//! Attribution keeps common random numbers under correlated inputs: a
//! variant (the scenario less an event or the proposal) draws, for every
//! input it shares with the full scenario, exactly the full run's value in
//! every trial, under every sampling method and both ways of imposing
//! correlations, also when the removed item's own inputs take part in a
//! declared correlation.

use channelshift::attribution;
use channelshift::engine::Engine;
use channelshift::sampling::{CorrelationMethod, Design, Method};
use channelshift::scenario::{Correlation, Param, Scenario};

/// Two areas, a department whose hours the proposal shortens, and a
/// campaign (a policy event) whose uncertain `p_add` and cost are
/// correlated with inputs that belong to no event: the personal price (a
/// pair) and, through a three-input matrix, the phone price and the
/// counter's retiming share (which belongs to the proposal's displacement).
fn scenario() -> Scenario {
    let text = r#"name = "correlated attribution"
[horizon]
base_year = 2012
end_year = 2015
[prices]
personal = { triangular = [80, 100, 130] }
phone = { uniform = [40, 60] }
letter = 120
self_service = 5
[defaults]
type_split = { transaction = 1.0 }
adoption = { p = { uniform = [0.01, 0.03] }, q = 0.2, ceiling = 0.9 }
[[areas]]
name = "A"
volume = { uniform = [10000, 14000] }
[areas.mix]
transaction = { personal = 0.4, phone = 0.3, letter = 0.2, self_service = 0.1 }
[[departments]]
name = "d"
hours.counter = "Mon-Fri 9-15"
[displacement.counter]
retime = { uniform = [0.2, 0.6] }
to_digital = 0.2
to_phone = 0.1
[proposal]
name = "shorter"
start = "2013-01"
[proposal.hours.d]
counter = "Mon-Thu 10-14"
[[events]]
name = "campaign"
kind = "policy"
start = "2013-01"
p_add = { uniform = [0.1, 0.5] }
cost_one_off_kr = { uniform = [40000, 60000] }
[[events]]
name = "letters"
kind = "policy"
start = "2014-01"
close_channel = "letter"
close_to = { self_service = 0.5, phone = 0.3 }
cost_one_off_kr = { uniform = [10000, 20000] }
[[correlations]]
inputs = ["events.campaign.p_add", "prices.personal"]
rank_correlation = 0.8
[[correlations]]
inputs = ["events.campaign.cost_one_off_kr", "prices.phone"]
rank_correlation = -0.6
[[correlations]]
inputs = ["prices.phone", "displacement.counter.retime"]
rank_correlation = 0.5
[[correlations]]
inputs = ["events.letters.cost_one_off_kr", "displacement.counter.retime"]
rank_correlation = 0.4
"#;
    Scenario::from_text(std::path::Path::new("correlated.toml"), text)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Trials to compare: the first batches of the Latin hypercube and
/// Iman-Conover design (batch 1,000), and trials past the first batch.
const TRIALS: u64 = 2_300;

#[test]
fn every_variant_draws_the_full_runs_value_of_every_shared_input() {
    let s = scenario();
    let keys: Vec<String> = s.inputs.iter().map(|i| i.key.to_string()).collect();
    for k in [
        "events.campaign.p_add",
        "events.campaign.cost_one_off_kr",
        "prices.personal",
        "prices.phone",
        "displacement.counter.retime",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} among {keys:?}");
    }
    for method in Method::ALL {
        for correlation in [CorrelationMethod::Copula, CorrelationMethod::ImanConover] {
            let design = Design::new(method, 17, TRIALS).with_correlation(correlation);
            let full = Engine::with_design(&s, design);
            let variants = attribution::variants(&s);
            assert_eq!(variants.len(), 3, "the proposal and two events");
            for v in &variants {
                let engine = Engine::variant_of(&full, &v.scenario);
                let shared: Vec<(usize, usize)> = v
                    .scenario
                    .inputs
                    .iter()
                    .enumerate()
                    .filter_map(|(j, x)| {
                        let name = x.key.to_string();
                        keys.iter().position(|k| *k == name).map(|i| (i, j))
                    })
                    .collect();
                assert!(!shared.is_empty());
                let n_full = s.inputs.len();
                let n_var = v.scenario.inputs.len();
                let (mut uf, mut vf) = (vec![0.0; n_full], vec![0.0; n_full]);
                let (mut uv, mut vv) = (vec![0.0; n_var], vec![0.0; n_var]);
                for t in 0..TRIALS {
                    full.input_values(t, &mut uf, &mut vf);
                    engine.input_values(t, &mut uv, &mut vv);
                    for &(i, j) in &shared {
                        assert_eq!(
                            vf[i].to_bits(),
                            vv[j].to_bits(),
                            "{method} {correlation:?} without {}: {} in trial {t}",
                            v.name,
                            keys[i]
                        );
                    }
                }
            }
        }
    }
}

/// The scenario less the campaign and less the campaign's two inputs, with
/// the declared correlations that involve them dropped and the indices
/// after them moved down: what a variant would be if removing an item also
/// removed its inputs. The campaign's inputs sit in the middle of the
/// correlated ones, so a sampler built over the variant's own inputs and
/// correlations would re-pair the inputs after them.
fn without_campaign_and_its_inputs(s: &Scenario) -> Scenario {
    let mut v = s.clone();
    v.events.retain(|e| e.name != "campaign");
    let removed: Vec<usize> = (0..s.inputs.len())
        .filter(|&i| s.inputs[i].key.to_string().starts_with("events.campaign."))
        .collect();
    assert_eq!(removed.len(), 2);
    let new_index = |i: usize| -> Option<usize> {
        (!removed.contains(&i)).then(|| i - removed.iter().filter(|&&r| r < i).count())
    };
    v.inputs = s
        .inputs
        .iter()
        .enumerate()
        .filter(|(i, _)| new_index(*i).is_some())
        .map(|(_, x)| x.clone())
        .collect();
    v.correlations = s
        .correlations
        .iter()
        .filter_map(|c| {
            Some(Correlation {
                a: new_index(c.a)?,
                b: new_index(c.b)?,
                rho: c.rho,
            })
        })
        .collect();
    // Only the letters event's cost comes after the campaign's inputs.
    let letters_cost = s
        .inputs
        .iter()
        .position(|x| x.key.to_string() == "events.letters.cost_one_off_kr")
        .unwrap();
    assert!(removed.iter().all(|&r| r < letters_cost));
    assert_eq!(letters_cost + 1, s.inputs.len());
    let letters = v.events.iter_mut().find(|e| e.name == "letters").unwrap();
    assert!(matches!(letters.cost_one_off_kr, Some(Param::Input(i)) if i == letters_cost));
    letters.cost_one_off_kr = Some(Param::Input(new_index(letters_cost).unwrap()));
    v
}

#[test]
fn a_variant_without_the_removed_items_inputs_keeps_the_full_runs_values() {
    let s = scenario();
    let v = without_campaign_and_its_inputs(&s);
    assert_eq!(v.inputs.len() + 2, s.inputs.len());
    assert_eq!(v.correlations.len() + 2, s.correlations.len());
    let key_in_full = |j: usize| {
        s.inputs
            .iter()
            .position(|x| x.key == v.inputs[j].key)
            .unwrap()
    };
    for method in Method::ALL {
        for correlation in [CorrelationMethod::Copula, CorrelationMethod::ImanConover] {
            let design = Design::new(method, 23, TRIALS).with_correlation(correlation);
            let full = Engine::with_design(&s, design);
            let engine = Engine::variant_of(&full, &v);
            // What a sampler built over the variant's own inputs draws (the
            // design shared, the correlations the variant's own).
            let own = Engine::with_design(&v, full.design.clone());
            let (mut uf, mut vf) = (vec![0.0; s.inputs.len()], vec![0.0; s.inputs.len()]);
            let (mut uv, mut vv) = (vec![0.0; v.inputs.len()], vec![0.0; v.inputs.len()]);
            let mut wo = vec![0.0; v.inputs.len()];
            let mut repaired = 0;
            for t in 0..TRIALS {
                full.input_values(t, &mut uf, &mut vf);
                own.input_values(t, &mut uv, &mut wo);
                repaired += (0..wo.len())
                    .filter(|&j| wo[j] != vf[key_in_full(j)])
                    .count();
                engine.input_values(t, &mut uv, &mut vv);
                for (j, x) in vv.iter().enumerate() {
                    assert_eq!(
                        vf[key_in_full(j)].to_bits(),
                        x.to_bits(),
                        "{method} {correlation:?}: {} in trial {t}",
                        v.inputs[j].key
                    );
                }
            }
            // Without the shared sampler the test would fail: an own
            // sampler re-pairs thousands of the 2,300 trials' values.
            assert!(
                repaired > 1_000,
                "{method} {correlation:?}: only {repaired} values re-paired"
            );
        }
    }
}
