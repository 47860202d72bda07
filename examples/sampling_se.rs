//! Measures what each sampling method buys: the standard error of the mean
//! of the headline output at equal trials, estimated as the standard
//! deviation of the mean over independent replications (seeds 1..=R).
//!
//! `cargo run --release --example sampling_se -- FILE TRIALS REPLICATIONS [FIRST_SEED [METHOD]]`
//!
//! The headline output is cumulative net savings in the end year, or the
//! scenario's cost in the end year when the scenario saves nothing (no
//! proposal or policy events), as `run --precision` chooses.
use channelshift::engine::Engine;
use channelshift::sampling::{Design, Method};
use channelshift::scenario::Scenario;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !(4..=6).contains(&args.len()) {
        eprintln!("usage: sampling_se FILE TRIALS REPLICATIONS [FIRST_SEED [METHOD]]");
        std::process::exit(2);
    }
    let s = Scenario::from_file(std::path::Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let n: usize = args[2].parse().expect("TRIALS");
    let reps: u64 = args[3].parse().expect("REPLICATIONS");
    let first: u64 = args.get(4).map_or(1, |a| a.parse().expect("FIRST_SEED"));
    let only = args
        .get(5)
        .map(|m| Method::parse(m).expect("METHOD: random, lhs or sobol"));
    let mut random_se = f64::NAN;
    for method in Method::ALL
        .into_iter()
        .filter(|m| only.is_none_or(|o| o == *m))
    {
        let mut means = Vec::new();
        let mut naive = Vec::new();
        let mut metric = "";
        for seed in first..first + reps {
            let e = Engine::with_design(&s, Design::new(method, seed, n as u64));
            let end = e.layout.n_years - 1;
            let slot = if e.plan.identical_paths {
                metric = "cost_scenario_kr";
                e.layout.slots.cost_scenario + end
            } else {
                metric = "cumulative_net_savings_kr";
                e.layout.slots.cumulative + end
            };
            let col = e.run(n).core_column(&e.layout, slot);
            let mean = col.iter().sum::<f64>() / n as f64;
            let var = col.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
            means.push(mean);
            naive.push((var / n as f64).sqrt());
        }
        let m = means.iter().sum::<f64>() / reps as f64;
        let sd = (means.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (reps - 1) as f64).sqrt();
        let naive = naive.iter().sum::<f64>() / reps as f64;
        if method == Method::Random {
            random_se = sd;
        }
        println!(
            "{:<6} {metric} {}: mean of means {m:.0}, SE over {reps} replications {sd:.0} \
             (sd/sqrt(n) {naive:.0}), SE ratio to random {:.3}, variance ratio {:.3}",
            method.key(),
            s.end_year,
            sd / random_se,
            (sd / random_se).powi(2)
        );
    }
}
