//! Flagging a question while playing: F6 or the reveal's button appends it to the flags file
//! once per question, and `bigtuna flags` lists the flags by pack for the authors.

use bevy::prelude::*;
use bigtuna::game::FlowCommand;
use bigtuna::input::AppCommand;
use bigtuna::persist::flags::{FlagQuestion, Flagged, FlagsFile, read};

use crate::support::{command, game, headless, scratch_dir, send, settings, start, synthetic_library};

fn heard(app: &mut App) -> Vec<Result<String, String>> {
    let messages = app.world_mut().resource_mut::<Messages<Flagged>>();
    let mut cursor = messages.get_cursor();
    cursor.read(&messages).map(|f| f.0.clone()).collect()
}

#[test]
fn a_flag_is_kept_once_per_question_and_listed_by_pack() {
    let dir = scratch_dir("flags");
    let file = dir.join("flags.jsonl");
    let mut app = headless(synthetic_library(4), settings(1, 5, 3));
    app.add_plugins(bigtuna::persist::flags::plugin);
    app.add_message::<AppCommand>();
    app.insert_resource(FlagsFile(Some(file.clone())));
    start(&mut app);
    let first = game(&app).question().expect("q").question.clone();
    send(&mut app, FlagQuestion);
    app.update();
    send(&mut app, AppCommand::FlagQuestion);
    app.update();
    let said = heard(&mut app);
    assert!(said.iter().any(|s| s.as_ref().is_ok_and(|t| t.contains(&first.id))), "{said:?}");
    assert!(said.iter().any(|s| s.as_deref() == Ok("Already flagged")), "{said:?}");
    // The next question, flagged with F6.
    send(&mut app, bigtuna::game::PlayerAction::new(0, bigtuna::game::Response::Pass));
    app.update();
    command(&mut app, FlowCommand::Continue);
    let second = game(&app).question().expect("q").question.clone();
    assert_ne!(first.id, second.id);
    send(&mut app, AppCommand::FlagQuestion);
    app.update();
    let (flags, bad) = read(&file).expect("the flags file");
    assert!(bad.is_empty());
    let ids: Vec<&str> = flags.iter().map(|f| f.question.as_str()).collect();
    assert_eq!(ids, [first.id.as_str(), second.id.as_str()], "once per question, in order");
    assert!(flags.iter().all(|f| f.pack == "synthetic" && f.time > 1_700_000_000));
    assert_eq!(flags[0].prompt, first.prompt);
    // A damaged line is reported and skipped; the authors' list groups by pack.
    let mut text = std::fs::read_to_string(&file).expect("text");
    text.push_str("not json\n");
    std::fs::write(&file, text).expect("written");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .arg("flags")
        .env("BIGTUNA_FLAGS", &file)
        .output()
        .expect("runs");
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{err}");
    assert!(out.starts_with("synthetic: 2 flags\n"), "{out}");
    assert!(out.contains(&format!("  {}: {}", first.id, first.prompt)), "{out}");
    assert!(err.contains("flags.jsonl:3: skipped a line that is not a flag"), "{err}");
}
