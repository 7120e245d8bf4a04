//! Bounded fuzzing of what a user or a file from elsewhere can hand the game: Open Trivia DB
//! replies, spreadsheets, packs, the flags file, game records, settings, high scores, the
//! questions seen and the saved game (which, if it loads, is then played on). Any input is a
//! result or an error that says why, never a panic. (The phone protocol and the typed-answer
//! matcher have their own cases in `phones.rs` and `matcher.rs`.)
//!
//! `BIGTUNA_FUZZ_CASES` raises the number of cases: `scripts/fuzz-campaign.sh` runs these
//! same strategies for as long as it is given.

use std::sync::OnceLock;

use bevy::prelude::*;
use bigtuna::game::high_scores::HighScores;
use bigtuna::game::{FlowCommand, PlayerAction, Response, ResumeGame, Seen};
use bigtuna::pack::{opentdb, parse_pack, spreadsheet};
use bigtuna::persist::UserSettings;
use bigtuna::persist::resource_file::Stored;
use bigtuna::persist::saved_game::SavedGame;
use bigtuna::persist::user_file::{self, Kept};
use proptest::prelude::*;

use crate::support::{fuzz_cases, headless, synthetic_library};

/// A change to a text: where, what kind, and what it brings.
type Edit = (usize, u8, String);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let junk = prop_oneof![".{0,8}", "[0-9]{1,12}", Just("(".to_owned()), Just("]".to_owned()), Just("-1".to_owned())];
    proptest::collection::vec((any::<usize>(), 0u8..5, junk), 1..6)
}

/// Numbers changed, and nothing else: the text stays well-formed, so the game's own checks
/// (not the parser) must catch what does not fit.
fn number_edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec((any::<usize>(), Just(3u8), "[0-9]{1,20}"), 1..4)
}

/// Applies edits to a valid text: cut it short, delete a span, insert junk, replace a number
/// with another, or repeat a span.
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut text = text.to_owned();
    for (at, kind, junk) in edits {
        if text.is_empty() {
            break;
        }
        let mut at = at % text.len();
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + 1 + junk.len() * 3).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        match kind {
            0 => text.truncate(at),
            1 => text.replace_range(at..end, ""),
            2 => text.insert_str(at, junk),
            3 => {
                // The next number in the text becomes `junk` (numbers are where files go wrong).
                let Some(start) = text[at..].find(|c: char| c.is_ascii_digit()).map(|i| i + at) else { continue };
                let stop = text[start..].find(|c: char| !c.is_ascii_digit()).map_or(text.len(), |i| i + start);
                text.replace_range(start..stop, junk);
            }
            _ => {
                let span = text[at..end].to_owned();
                text.insert_str(end, &span);
            }
        }
    }
    text
}

/// A saved game of two rounds played, as the game writes it.
fn saved_game_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let library = synthetic_library(4);
        let settings =
            bigtuna::game::GameSettings { mode: bigtuna::game::PlayMode::Teams, ..crate::support::settings(4, 8, 5) };
        let presets = bigtuna::game::ScoringPresets::default();
        let mut game = bigtuna::game::flow::new_game(
            &library,
            &settings,
            &presets,
            5,
            None,
            &bigtuna::game::pool::DrawPool::of(&library, &settings),
        )
        .expect("a game");
        let mut app = headless(library, settings);
        crate::support::start(&mut app);
        for _ in 0..2 {
            let drawn = crate::support::game(&app).question().expect("a question").clone();
            for player in 0..4 {
                crate::support::answer(&mut app, player, crate::support::right_response(&drawn));
            }
            app.update();
            crate::support::command(&mut app, FlowCommand::Continue);
            crate::support::command(&mut app, FlowCommand::Continue);
        }
        game.clone_from(crate::support::game(&app));
        let saved = SavedGame { version: 1, saved: 1, game, seats: Vec::new(), room: None, port: None };
        ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default()).expect("text")
    })
}

/// Writes `text` to a scratch file and reads it as `T`, the game's way.
fn load_text<T: user_file::KeptFile>(name: &str, text: &str) -> Kept<T> {
    let dir = std::env::temp_dir().join(format!("bigtuna-fuzz-kept-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(format!("{name}-{:?}.ron", std::thread::current().id()));
    std::fs::write(&file, text).expect("written");
    let kept = user_file::load::<T>(&file);
    let _ = std::fs::remove_file(&file);
    for n in ["bak".to_owned()].into_iter().chain((2..=20).map(|n| format!("bak.{n}"))) {
        let _ = std::fs::remove_file(file.with_extension(format!("ron.{n}")));
    }
    kept
}

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
    #![proptest_config(ProptestConfig { cases: fuzz_cases(400), ..ProptestConfig::default() })]

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
        match spreadsheet::from_csv(&text) {
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

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(200), ..ProptestConfig::default() })]

    #[test]
    fn any_damaged_saved_game_is_refused_or_plays_on(
        edits in prop_oneof![edits(), number_edits(), number_edits()],
        answers in proptest::collection::vec(0usize..6, 12)) {
        let text = mutate(saved_game_text(), &edits);
        let kept = load_text::<SavedGame>("saved-game", &text);
        prop_assert!(kept.value.is_some() || kept.notice.as_ref().is_some_and(|n| n.contains("saved game")));
        let Some(saved) = kept.value else { return Ok(()) };
        if saved.game.check().is_err() {
            return Ok(());
        }
        // It loads and its parts agree: it must play on without a panic.
        let mut app = headless(synthetic_library(1), bigtuna::game::GameSettings::default());
        app.world_mut().write_message(ResumeGame(Box::new(saved.game), saved.seats.into_iter().map(Into::into).collect()));
        app.update();
        app.update();
        prop_assert_eq!(crate::support::screen(&app), bigtuna::game::Screen::Playing, "a sound save resumes");
        for answer in answers {
            app.update();
            let players = app.world().get_resource::<bigtuna::game::Game>().map_or(0, |g| g.players.len());
            let response = match answer {
                0..=3 => Response::Option(answer),
                4 => Response::Text("Scranton".into()),
                _ => Response::Number(2005.0),
            };
            for player in 0..players {
                app.world_mut().write_message(PlayerAction::new(player, response.clone()));
            }
            app.update();
            app.world_mut().write_message(FlowCommand::Continue);
        }
    }

    #[test]
    fn any_settings_high_scores_or_seen_file_loads_or_is_set_aside(
        raw in ".{0,300}",
        edits in edits(),
    ) {
        let settings = ron::ser::to_string_pretty(&UserSettings::default(), ron::ser::PrettyConfig::default()).expect("text");
        for text in [raw.clone(), mutate(&settings, &edits)] {
            let dir = std::env::temp_dir().join(format!("bigtuna-fuzz-settings-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("dir");
            let file = dir.join(format!("settings-{:?}.ron", std::thread::current().id()));
            std::fs::write(&file, &text).expect("written");
            let loaded = UserSettings::load(&file);
            // Read or set aside, the settings in use are in range.
            prop_assert!((100..=200).contains(&loaded.settings.text_scale));
            prop_assert!((0.0..=1.0).contains(&loaded.settings.volume));
            prop_assert!((5..=100).contains(&loaded.settings.game.questions));
            let _ = std::fs::remove_file(&file);
            let _ = std::fs::remove_file(file.with_extension("ron.bak"));
        }
        let mut scores = HighScores::default();
        let entry = |score| bigtuna::game::high_scores::Entry { name: "Pam".into(), score, correct: 1, when: 0 };
        scores.enter(bigtuna::game::high_scores::BoardKey::of(&Default::default()), vec![entry(10), entry(20)], 3);
        let scores = ron::to_string(&Stored { version: 1, data: scores }).expect("text");
        for text in [raw.clone(), mutate(&scores, &edits)] {
            let kept = load_text::<Stored<HighScores>>("high-scores", &text);
            prop_assert!(kept.value.is_some() || kept.notice.is_some());
        }
        let mut seen = Seen::default();
        seen.record([("pack", "a"), ("pack", "b")]);
        let seen = ron::to_string(&Stored { version: 1, data: seen }).expect("text");
        for text in [raw, mutate(&seen, &edits)] {
            let kept = load_text::<Stored<Seen>>("seen", &text);
            prop_assert!(kept.value.is_some() || kept.notice.is_some());
        }
    }

    #[test]
    fn any_damaged_pack_loads_or_names_a_place_inside_it(edits in edits()) {
        static PACK: OnceLock<String> = OnceLock::new();
        let pack = PACK.get_or_init(|| {
            std::fs::read_to_string(crate::support::root().join("quizzes/jim-halpert.ron")).expect("the bank")
        });
        let text = mutate(pack, &edits);
        if let Err(problems) = parse_pack("jim-halpert.ron", text.as_bytes()) {
            let lines = text.lines().count().max(1) + 1;
            for problem in &problems.0 {
                prop_assert!(problem.line >= 1 && problem.line <= lines && !problem.message.is_empty(), "{problem:?}");
            }
        }
    }
}
