//! What the sampling methods cost: the uniforms of every uncertain input for
//! 20,000 trials of the hard benchmark scenario (361 inputs), per method,
//! with the inverse CDFs (`input-uniforms`: what a trial pays) and without
//! them (`sampler-only`: the design's own cost). Run: `cargo bench --bench
//! sampling`.

use std::path::Path;

use channelshift::engine::Engine;
use channelshift::sampling::{Design, Method};
use channelshift::scenario::Scenario;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const TRIALS: u64 = 20_000;

fn bench(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/every-input-uncertain.toml");
    let scenario = Scenario::from_file(&path).expect("benchmark scenario is valid");
    let n = scenario.inputs.len();
    let mut group = c.benchmark_group("input-uniforms");
    group.throughput(Throughput::Elements(TRIALS));
    group.sample_size(10);
    for method in Method::ALL {
        let engine = Engine::with_design(&scenario, Design::new(method, 5, TRIALS));
        group.bench_with_input(BenchmarkId::new("method", method.key()), &method, |b, _| {
            b.iter(|| {
                let (mut u, mut v) = (vec![0.0; n], vec![0.0; n]);
                let mut sum = 0.0;
                for t in 0..TRIALS {
                    engine.input_values(t, &mut u, &mut v);
                    sum += u[0];
                }
                sum
            });
        });
    }
    group.finish();
    let keys: Vec<String> = scenario
        .inputs
        .iter()
        .map(|i| i.key.as_stream_key())
        .collect();
    let mut group = c.benchmark_group("sampler-only");
    group.throughput(Throughput::Elements(TRIALS));
    group.sample_size(10);
    for method in Method::ALL {
        let sampler = Design::new(method, 5, TRIALS)
            .with_keys([&keys[..]])
            .sampler(&keys);
        group.bench_with_input(BenchmarkId::new("method", method.key()), &method, |b, _| {
            b.iter(|| {
                let mut u = vec![0.0; n];
                let mut sum = 0.0;
                for t in 0..TRIALS {
                    sampler.fill(t, &mut u);
                    sum += u[0];
                }
                sum
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
