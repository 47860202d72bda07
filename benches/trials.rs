//! Trials per second of the engine on the shipped Vallensbæk scenario
//! (35 areas x 3 contact types = 105 cells, monthly 2012-2015, scenario and
//! status quo), on one thread and on all threads.
//!
//! Run: `cargo bench --bench trials`. The README records the figures.

use std::path::Path;

use channelshift::engine::Engine;
use channelshift::scenario::Scenario;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/vallensbaek-2012.toml");
    let scenario = Scenario::from_file(&path).expect("shipped scenario is valid");
    let engine = Engine::new(&scenario, 1);
    let n = 20_000;
    let mut group = c.benchmark_group("vallensbaek-2012");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_with_input(
            BenchmarkId::new("trials", format!("{threads}-thread")),
            &threads,
            |b, _| {
                b.iter(|| pool.install(|| engine.run(n)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
