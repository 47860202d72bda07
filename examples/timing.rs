//! Times the engine and the summary separately: `cargo run --release --example timing -- FILE N`.
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let s = channelshift::scenario::Scenario::from_file(std::path::Path::new(&args[1])).unwrap();
    let n: usize = args[2].parse().unwrap();
    let e = channelshift::engine::Engine::new(&s, 1);
    let t = Instant::now();
    let tr = e.run(n);
    let run = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _sum = channelshift::summary::RunSummary::new(&s, &e.layout, &tr, 1, None);
    let sum = t.elapsed().as_secs_f64();
    println!(
        "engine {run:.3} s ({:.0} trials/s), summary {sum:.3} s, threads {}",
        n as f64 / run,
        rayon::current_num_threads()
    );
}
