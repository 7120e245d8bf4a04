//! Load + validate against plain `ron` parsing of the same text, measured alternately in one
//! process (A, B, A, B ...) and compared by their fastest runs, so that the noise of a shared
//! machine falls on both sides alike. Sizes: 1,000, 10,000 and 100,000 questions in one pack,
//! and 1,000,000 in a library of 20 packs read on every core.
//!
//! Run: `cargo bench --profile dev --bench load_ratio`; figures go in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bigtuna::pack::load::ron_options;
use bigtuna::pack::{Pack, PackLibrary, PackPlace, PackSource, parse_pack};

#[path = "generated.rs"]
mod generated;

/// The fastest of `runs` alternating runs of `a` and `b`.
fn fastest_alternating(runs: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let (mut best_a, mut best_b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        let start = Instant::now();
        a();
        best_a = best_a.min(start.elapsed());
        let start = Instant::now();
        b();
        best_b = best_b.min(start.elapsed());
    }
    (best_a, best_b)
}

fn report(what: &str, (validated, plain): (Duration, Duration)) {
    println!(
        "{what}: load + validate {:.1} ms, plain ron {:.1} ms, ratio {:.2}",
        validated.as_secs_f64() * 1000.0,
        plain.as_secs_f64() * 1000.0,
        validated.as_secs_f64() / plain.as_secs_f64()
    );
}

fn main() {
    for (n, runs) in [(1_000, 60), (10_000, 20), (100_000, 8)] {
        let text = generated::pack(n, "generated");
        let times = fastest_alternating(
            runs,
            || assert!(parse_pack("generated.ron", black_box(text.as_bytes())).is_ok()),
            || assert!(ron_options().from_str::<Pack>(black_box(&text)).is_ok()),
        );
        report(&format!("{n} questions in one pack"), times);
    }
    let dir = tempfile::tempdir().expect("a scratch folder");
    let texts: Vec<String> = (0..20).map(|i| generated::pack(50_000, &format!("generated-{i:02}"))).collect();
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("generated-{i:02}.ron")), text).expect("written");
    }
    let sources = [PackPlace::Disk(dir.path().to_path_buf(), PackSource::UserFolder)];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let times = fastest_alternating(
        4,
        || assert_eq!(PackLibrary::load_sources(black_box(&sources)).packs.len(), 20),
        || {
            // The same texts parsed by plain `ron` on every core, split as the library splits files.
            let next = AtomicUsize::new(0);
            let work = || {
                while let Some(text) = texts.get(next.fetch_add(1, Ordering::Relaxed)) {
                    assert!(ron_options().from_str::<Pack>(text).is_ok());
                }
            };
            std::thread::scope(|scope| {
                for _ in 1..cores {
                    scope.spawn(work);
                }
                work();
            });
        },
    );
    report(&format!("1,000,000 questions in 20 packs on {cores} cores (files read, too)"), times);
}
