//! Bounded fuzzing of what a user or a file from elsewhere can hand the game: Open Trivia DB
//! replies, spreadsheets, the flags file, game records. Any input is a result or an error
//! that says why, never a panic. (The pack loader's hostile bytes and the phone protocol have
//! their own cases in `packs.rs` and `phones.rs`.)

use bigtuna::pack::{opentdb, table};
use proptest::prelude::*;

/// A field as the API might send it, in any of its encodings, or junk.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[A-Za-z0-9+/=]{0,40}",
        "(%[0-9A-F]{2}|[a-z+]){0,30}",
        "(&[a-zA-Z#0-9]{0,8};?|[a-z ]){0,30}",
        Just("multiple".to_owned()),
        Just("boolean".to_owned()),
        Just("True".to_owned()),
    ]
}

fn reply() -> impl Strategy<Value = String> {
    let result = (field(), field(), field(), field(), field(), proptest::collection::vec(field(), 0..5));
    (any::<u8>(), proptest::collection::vec(result, 0..6)).prop_map(|(code, results)| {
        let results: Vec<serde_json::Value> = results
            .into_iter()
            .map(|(category, kind, difficulty, question, correct, wrong)| {
                serde_json::json!({ "category": category, "type": kind, "difficulty": difficulty,
                    "question": question, "correct_answer": correct, "incorrect_answers": wrong })
            })
            .collect();
        serde_json::json!({ "response_code": code % 7, "results": results }).to_string()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_open_trivia_db_reply_imports_or_says_why(text in reply(), raw in ".{0,300}") {
        for input in [text.as_str(), raw.as_str()] {
            match opentdb::import(input, None) {
                Ok(imported) => {
                    for q in &imported.questions {
                        prop_assert!(q.id.starts_with("otdb-") && !q.prompt.is_empty());
                    }
                }
                Err(why) => prop_assert!(!why.is_empty()),
            }
        }
    }

    #[test]
    fn any_sheet_reads_or_says_why(
        rows in proptest::collection::vec(proptest::collection::vec("[^\"]{0,12}|\"[^\"]{0,12}\"", 0..8), 0..8),
        separator in prop_oneof![Just(","), Just(";"), Just("\t")],
    ) {
        let header = "kind,prompt,correct,wrong1,accept,number,items,category,explanation,source".replace(',', separator);
        let body: Vec<String> = rows.iter().map(|r| r.join(separator)).collect();
        let text = format!("{header}\r\n{}", body.join("\r\n"));
        match table::from_csv(&text) {
            Ok(sheet) => {
                for problem in &sheet.problems {
                    prop_assert!(problem.row >= 1 && !problem.message.is_empty());
                }
            }
            Err(why) => prop_assert!(!why.is_empty()),
        }
    }

    #[test]
    fn any_flags_file_or_game_record_reads_or_is_skipped(text in ".{0,400}") {
        let dir = std::env::temp_dir().join(format!("bigtuna-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join(format!("flags-{}.jsonl", text.len()));
        std::fs::write(&file, &text).expect("written");
        let (flags, bad) = bigtuna::persist::flags::read(&file).expect("readable");
        prop_assert!(flags.len() + bad.len() <= text.lines().count());
        std::fs::write(dir.join("game-1-1.ron"), &text).expect("written");
        let (games, damaged) = bigtuna::cli::history::read(&dir);
        prop_assert_eq!(games.len() + damaged.len(), 1);
    }
}
