//! Trials per second on the two scenarios the README's performance section
//! quotes, on one and on two threads:
//!
//! - `vallensbaek-2012`: the shipped Vallensbæk scenario (35 areas x 3
//!   contact types = 105 cells, monthly 2012-2015, scenario and status quo);
//! - `every-input-uncertain`: the hard benchmark (105 cells, 60 months, 361
//!   uncertain inputs, per-cell adoption parameters, one counter option).
//!
//! Each benchmark is what a run does between reading the scenario and
//! writing files: the trials, then their summaries (percentiles, goals,
//! payback, shapes). Run: `cargo bench --bench trials`.

use std::path::Path;

use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const TRIALS: usize = 20_000;

fn bench_scenario(c: &mut Criterion, name: &str, file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let scenario = Scenario::from_file(&path).expect("shipped scenario is valid");
    let engine = Engine::new(&scenario, 5);
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(TRIALS as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        group.bench_with_input(
            BenchmarkId::new("trials+summary", format!("{threads}-thread")),
            &threads,
            |b, _| {
                b.iter(|| {
                    pool.install(|| {
                        let trials = engine.run(TRIALS);
                        RunSummary::new(&scenario, &engine.layout, &trials, 5, None)
                    })
                });
            },
        );
    }
    group.finish();
}

fn bench(c: &mut Criterion) {
    bench_scenario(c, "vallensbaek-2012", "scenarios/vallensbaek-2012.toml");
    bench_scenario(
        c,
        "every-input-uncertain",
        "tests/data/every-input-uncertain.toml",
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
