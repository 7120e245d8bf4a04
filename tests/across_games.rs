//! What outlives a game: the questions seen (the next games ask the least recently seen
//! first, until the bank runs out) and the high scores (top 10 per packs and settings), both
//! kept in files that a later run reads back.

use std::collections::HashSet;
use std::path::Path;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bigtuna::game::high_scores::{BoardKey, Entry, HighScores, NewHighScores, TOP};
use bigtuna::game::{FlowCommand, GameSettings, Screen, Seen};
use bigtuna::persist::user_file::FileNotice;

use crate::support::*;

/// A headless game keeping its record and high scores in `dir`; 10 questions in the bank.
fn keeping_app(dir: &Path, settings: GameSettings) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    app.insert_resource(synthetic_library(2));
    app.insert_resource(settings);
    app.insert_resource(bigtuna::persist::Paths::in_folder(dir));
    app.add_plugins((bigtuna::game::plugin, bigtuna::persist::plugin));
    app.update();
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.update();
    app
}

/// Plays a whole game, player 1 right on the first `right` questions; returns its question ids.
fn play_game(app: &mut App, right: usize) -> HashSet<String> {
    start(app);
    let ids = game(app).questions.iter().map(|q| q.question.id.clone()).collect();
    while screen(app) == Screen::Playing {
        let drawn = game(app).question().expect("question").clone();
        let response = if game(app).current < right { right_response(&drawn) } else { wrong_response(&drawn) };
        answer(app, 0, response);
        app.update();
        command(app, FlowCommand::Continue);
    }
    assert_eq!(screen(app), Screen::Results);
    command(app, FlowCommand::BackToTitle);
    ids
}

fn unseeded(questions: usize) -> GameSettings {
    GameSettings { seed: None, ..settings(1, questions, 0) }
}

#[test]
fn later_runs_ask_the_least_recently_seen_questions_first() {
    let dir = scratch_dir("seen");
    // 10 questions, 4 a game: two runs of the game see 8 different ones.
    let first = play_game(&mut keeping_app(&dir, unseeded(4)), 0);
    let mut app = keeping_app(&dir, unseeded(4));
    let second = play_game(&mut app, 0);
    assert!(first.is_disjoint(&second), "the second run asks new questions: {first:?} {second:?}");
    // Two new ones are left: they come first, then the two seen longest ago (the first run's).
    let third = play_game(&mut app, 0);
    let fresh: HashSet<String> = (0..2)
        .flat_map(|i| (0..5).map(move |k| format!("q{i}-{k}")))
        .filter(|id| !first.contains(id) && !second.contains(id))
        .collect();
    assert_eq!(fresh.len(), 2);
    assert!(fresh.is_subset(&third), "the unseen first: {fresh:?} in {third:?}");
    assert_eq!(third.difference(&fresh).filter(|id| first.contains(*id)).count(), 2, "then the oldest seen");
    let seen = app.world().resource::<Seen>();
    assert_eq!(seen.games, 3);
    // A game quit at its second question counts its first two as seen.
    start(&mut app);
    let asked: Vec<String> = game(&app).questions.iter().take(2).map(|q| q.question.id.clone()).collect();
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, wrong_response(&drawn));
    app.update();
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Quit);
    command(&mut app, FlowCommand::ConfirmQuit);
    let seen = app.world().resource::<Seen>();
    assert_eq!(seen.games, 4);
    assert!(asked.iter().all(|id| seen.last_asked("synthetic", id) == 4), "{asked:?}");
}

#[test]
fn boards_keep_the_top_ten_best_first_and_equal_scores_in_the_order_made() {
    let mut scores = HighScores::default();
    let key = BoardKey::of(&GameSettings::default());
    let entry = |name: &str, score| Entry { name: name.into(), score, correct: 0, when: 0 };
    for i in 0..12 {
        scores.enter(key.clone(), vec![entry(&format!("p{i}"), 100 * (i % 6))], i.into());
    }
    let board = scores.board(&key).expect("a board");
    assert_eq!(board.entries.len(), TOP);
    let listed: Vec<(String, u32)> = board.entries.iter().map(|e| (e.name.clone(), e.score)).collect();
    assert_eq!(listed[0], ("p5".into(), 500), "the first 500 stays above the later one");
    assert_eq!(listed[1], ("p11".into(), 500));
    assert!(board.entries.windows(2).all(|w| w[0].score >= w[1].score));
    // A party's two entries: both places are told, the first moved down by the second.
    let places = scores.enter(key.clone(), vec![entry("a", 450), entry("b", 9000)], 20);
    assert_eq!(places, vec![Some(3), Some(0)]);
    let places = scores.enter(key.clone(), vec![entry("low", 1)], 21);
    assert_eq!(places, vec![None], "not good enough for the top ten");
    // Other settings, another board.
    let other = BoardKey::of(&GameSettings { questions: 20, ..GameSettings::default() });
    scores.enter(other.clone(), vec![entry("z", 1)], 22);
    assert_eq!(scores.boards[0].key, other, "the board played last comes first");
    assert_eq!(scores.board(&key).expect("kept").entries[0].name, "b");
}

#[test]
fn a_game_enters_its_board_and_the_board_is_there_on_the_next_run() {
    let dir = scratch_dir("high-scores");
    let mut app = keeping_app(&dir, unseeded(5));
    play_game(&mut app, 3);
    let new = app.world().resource::<NewHighScores>().clone();
    assert_eq!(new.places, vec![("Player 1".to_owned(), 0)]);
    let score = app.world().resource::<HighScores>().boards[0].entries[0].clone();
    assert!(score.score > 0 && score.correct == 3, "{score:?}");
    // A game of no points takes no place.
    play_game(&mut app, 0);
    assert_eq!(app.world().resource::<NewHighScores>().places, Vec::new());
    drop(app);
    let app = keeping_app(&dir, unseeded(5));
    let board = app.world().resource::<HighScores>().board(&BoardKey::of(&unseeded(5))).cloned();
    assert_eq!(board.expect("read back").entries, vec![score]);
}

#[test]
fn broken_record_files_are_kept_aside_and_the_game_starts_empty() {
    let dir = scratch_dir("high-scores-broken");
    std::fs::write(dir.join("high-scores.ron"), "(version: 1, data: (boards: [(key: 12)]))").expect("write");
    std::fs::write(dir.join("seen.ron"), [0xff, 0x00, 0x12]).expect("write");
    let app = keeping_app(&dir, unseeded(5));
    assert_eq!(screen(&app), Screen::Title);
    assert!(app.world().resource::<HighScores>().boards.is_empty());
    assert!(dir.join("high-scores.ron.bak").exists() && dir.join("seen.ron.bak").exists());
    assert_eq!(app.world().resource::<Messages<FileNotice>>().len(), 2, "both are reported");
    assert_eq!(std::fs::read(dir.join("seen.ron.bak")).expect("kept"), [0xff, 0x00, 0x12], "byte for byte");
}
