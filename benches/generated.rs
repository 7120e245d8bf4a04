//! Generated packs for the benchmarks.

/// A pack of `n` questions with this id, cycling through the five answer kinds; each
/// question is about 400 bytes of RON.
pub fn pack(n: usize, id: &str) -> String {
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
