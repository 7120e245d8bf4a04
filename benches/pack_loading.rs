//! Loading + validating packs of 1,000, 10,000 and 100,000 questions, beside plain
//! `ron::from_str` of the same text into the same types: validation's cost as a ratio.
//!
//! Run: `cargo bench --bench pack_loading`; figures go in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::Duration;

use bigtuna::pack::load::ron_options;
use bigtuna::pack::{Pack, parse_pack};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A pack of `n` questions cycling through the five answer kinds.
fn generated_pack(n: usize) -> String {
    let mut text = String::from("Pack(\n    id: \"generated\",\n    title: \"Generated\",\n    questions: [\n");
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

criterion_group!(benches, loading);
criterion_main!(benches);
