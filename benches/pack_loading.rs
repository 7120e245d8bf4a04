//! Loading + validating packs of 1,000, 10,000 and 100,000 questions, and a library of a
//! million in 20 packs read on every core, beside plain `ron::from_str` of the same text into
//! the same types: validation's cost as a ratio. Then drawing a game of 100 from libraries of
//! 1,000 to 1,000,000 questions.
//!
//! Run: `cargo bench --profile dev --bench pack_loading`; figures go in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::Duration;

use std::sync::atomic::{AtomicUsize, Ordering};

use bigtuna::game::GameSettings;
use bigtuna::game::draw::draw_from;
use bigtuna::game::pool::DrawPool;
use bigtuna::pack::load::ron_options;
use bigtuna::pack::{Pack, PackLibrary, PackSource, parse_pack};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A pack of `n` questions cycling through the five answer kinds.
fn generated_pack(n: usize) -> String {
    generated_pack_with_id(n, "generated")
}

fn generated_pack_with_id(n: usize, id: &str) -> String {
    let mut text = format!("Pack(\n    id: \"{id}\",\n    title: \"Generated\",\n    questions: [\n");
    for i in 0..n {
        let answer = match i % 5 {
            0 => format!("MultipleChoice(correct: \"Right {i}\", wrong: [\"Wrong a\", \"Wrong b\", \"Wrong c\"])"),
            1 => format!("TrueFalse(answer: {})", i % 2 == 0),
            2 => format!("Typed(accept: [\"Answer {i}\", \"Ans {i}\"])"),
            3 => format!("Number(answer: {i}, unit: \"years\", tolerance: 1)"),
            _ => "Ordering(items: [\"first\", \"second\", \"third\", \"fourth\"])".to_owned(),
        };
        text.push_str(&format!(
            "        (\n            id: \"q-{i}\",\n            prompt: \"Generated question number {i}: which one is right?\",\n            difficulty: Medium,\n            category: \"Category {}\",\n            tags: [\"generated\"],\n            seasons: (1, {}),\n            explanation: \"A sentence of context, as long as a real explanation tends to be.\",\n            source: \"generated\",\n            answer: {answer},\n        ),\n",
            i % 10,
            1 + i % 9
        ));
    }
    text.push_str("    ],\n)\n");
    text
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

/// The same texts parsed by plain `ron` on every core, split as the library splits its files.
fn ron_on_all_cores(texts: &[String]) {
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(text) = texts.get(next.fetch_add(1, Ordering::Relaxed)) {
            black_box(ron_options().from_str::<Pack>(text).is_ok());
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 1..cores {
            scope.spawn(work);
        }
        work();
    });
}

fn million(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let texts: Vec<String> = (0..20).map(|i| generated_pack_with_id(50_000, &format!("generated-{i:02}"))).collect();
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("generated-{i:02}.ron")), text).expect("written");
    }
    let sources = [(dir.path().to_path_buf(), PackSource::UserFolder)];
    let mut group = c.benchmark_group("library_1m_in_20_packs");
    group.sample_size(10).measurement_time(Duration::from_secs(60)).throughput(Throughput::Elements(1_000_000));
    group.bench_function("load_and_validate_all_cores", |b| {
        b.iter(|| {
            let library = PackLibrary::load_sources(black_box(&sources));
            assert_eq!(library.packs.len(), 20, "every pack loads");
        })
    });
    group.bench_function("ron_from_str_all_cores", |b| b.iter(|| ron_on_all_cores(black_box(&texts))));
    group.finish();
}

fn drawing(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_100");
    let settings = GameSettings { questions: 100, ..GameSettings::default() };
    for n in [1_000usize, 100_000, 1_000_000] {
        let packs: Vec<Pack> = (0..n.div_ceil(50_000))
            .map(|i| {
                let text = generated_pack_with_id(n.min(50_000), &format!("generated-{i:02}"));
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
    }
    group.finish();
}

criterion_group!(benches, loading, million, drawing);
criterion_main!(benches);
