//! Loading + validating packs of 1,000, 10,000 and 100,000 questions beside plain
//! `ron::from_str` of the same text into the same types (`load_ratio.rs` compares the two
//! more tightly, and at a million); then drawing a game of 100 from libraries of 1,000 to
//! 1,000,000 questions.
//!
//! Run: `cargo bench --profile dev --bench pack_loading`; figures go in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::Duration;

use bigtuna::game::draw::draw_from;
use bigtuna::game::pool::DrawPool;
use bigtuna::game::{GameSettings, Seen};
use bigtuna::pack::load::ron_options;
use bigtuna::pack::{Pack, PackLibrary, parse_pack};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "generated.rs"]
mod generated;

fn generated_pack(n: usize) -> String {
    generated::pack(n, "generated")
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("pack_loading");
    for n in [1_000, 10_000, 100_000] {
        let text = generated_pack(n);
        assert!(parse_pack("generated.ron", text.as_bytes()).is_ok(), "the generated pack is valid");
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10).measurement_time(Duration::from_secs(20));
        } else {
            group.sample_size(20).measurement_time(Duration::from_secs(5));
        }
        group.bench_with_input(BenchmarkId::new("load_and_validate", n), &text, |b, text| {
            b.iter(|| parse_pack("generated.ron", black_box(text.as_bytes())))
        });
        group.bench_with_input(BenchmarkId::new("ron_from_str", n), &text, |b, text| {
            b.iter(|| ron_options().from_str::<Pack>(black_box(text)))
        });
    }
    group.finish();
}

fn drawing(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_100");
    let settings = GameSettings { questions: 100, ..GameSettings::default() };
    for n in [1_000usize, 100_000, 1_000_000] {
        let packs: Vec<Pack> = (0..n.div_ceil(50_000))
            .map(|i| {
                let text = generated::pack(n.min(50_000), &format!("generated-{i:02}"));
                parse_pack("generated.ron", text.as_bytes()).expect("valid")
            })
            .collect();
        let library = PackLibrary { packs, ..PackLibrary::default() };
        // What the setup screen works out as its filters change, once.
        group.bench_with_input(BenchmarkId::new("eligible_pool", n), &library, |b, library| {
            b.iter(|| DrawPool::of(black_box(library), &settings))
        });
        let pool = DrawPool::of(&library, &settings);
        // What starting a game costs then.
        group.bench_with_input(BenchmarkId::new("draw", n), &library, |b, library| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                draw_from(black_box(library), &pool, &settings, seed, None).expect("a game")
            })
        });
        // The same with a long record of questions seen (up to its 200,000 limit, a fifth of
        // the pool at most): the least recently seen come first.
        let mut seen = Seen::default();
        for game in library.questions().take(200_000).collect::<Vec<_>>().chunks(100) {
            seen.record(game.iter().map(|(pack, q)| (pack.id.as_str(), q.id.as_str())));
        }
        group.bench_with_input(BenchmarkId::new("draw_after_seen", n), &library, |b, library| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                draw_from(black_box(library), &pool, &settings, seed, Some(&seen)).expect("a game")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, loading, drawing);
criterion_main!(benches);
