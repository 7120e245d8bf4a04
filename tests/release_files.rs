//! Files a player of the last release already has load in this build: the settings, a party
//! saved mid-game with its phones' room, the high scores, the questions seen, a game's record
//! and the flags. `tests/data/release-1/` holds them as release 1 (commit 4ed6ff7) wrote them,
//! playing its own binary (`scripts/release-files.sh`). Each is copied before it is read:
//! loading a broken file moves it aside.

use std::path::PathBuf;

use bevy::prelude::*;
use bigtuna::game::high_scores::HighScores;
use bigtuna::game::{GameSettings, Phase, PlayerId, Screen, Seat, Seen};
use bigtuna::persist::resource_file::Stored;
use bigtuna::persist::saved_game::{InterruptedChoice, SavedGame};
use bigtuna::persist::user_file::load;
use bigtuna::persist::{UserSettings, flags};

use crate::support::{game, root, scratch_dir, send, settings};

/// A copy of a file of release 1, in a scratch folder of its own.
fn copy(name: &str) -> PathBuf {
    let dir = scratch_dir(&format!("release-1-{}", name.replace('/', "-")));
    let to = dir.join(PathBuf::from(name).file_name().expect("a file name"));
    std::fs::copy(root().join("tests/data/release-1").join(name), &to).expect("the release's file");
    to
}

#[test]
fn the_settings_of_the_last_release_load_with_what_the_player_chose() {
    let loaded = UserSettings::load(&copy("config/settings.ron"));
    assert_eq!(loaded.notice, None, "read without a word");
    let defaults = UserSettings::default();
    assert_ne!(loaded.settings.game.difficulty, defaults.game.difficulty, "the difficulty the player chose is kept");
    assert_eq!(loaded.settings.solo_name, None, "a name never asked is asked once");
    // Written before participants had ids: each gets one by place.
    let ids: Vec<PlayerId> = loaded.settings.game.players.iter().map(|p| p.id).collect();
    assert_eq!(ids, [PlayerId(0), PlayerId(1)]);
}

#[test]
fn a_party_saved_by_the_last_release_resumes_with_its_phones_room() {
    let file = copy("saves/saved-game.ron");
    let kept = load::<SavedGame>(&file);
    assert_eq!(kept.notice, None);
    let saved = kept.value.expect("the saved party");
    assert!(saved.game.check().is_ok(), "{:?}", saved.game.check());
    assert!(!saved.game.rounds.is_empty(), "saved after a round");
    let room = saved.room.clone().expect("with its phones' room");
    assert!(room.phones.iter().any(|p| p.name == "Pam"), "{room:?}");
    assert_eq!(saved.port, None, "release 1 did not keep the port");

    // Resumed in this build: the same scores, at the question after the last one played.
    let dir = file.parent().expect("its folder").to_owned();
    let mut app = crate::resume::saving_app_with(&dir, settings(2, 5, 1), |_| {});
    send(&mut app, InterruptedChoice::Resume);
    app.update();
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Playing);
    assert_eq!(app.world().get_resource::<State<Phase>>().map(|p| *p.get()), Some(Phase::Question));
    let scores: Vec<u32> = game(&app).players.iter().map(|p| p.score).collect();
    assert_eq!(scores, saved.game.players.iter().map(|p| p.score).collect::<Vec<_>>());
    assert_eq!(game(&app).current, saved.game.resume_at());
    // Its players get ids by place, and the party is set up again from them, each on the
    // device they had.
    let ids: Vec<PlayerId> = game(&app).players.iter().map(|p| p.id).collect();
    assert_eq!(ids, [PlayerId(0), PlayerId(1)]);
    let party = &app.world().resource::<GameSettings>().players;
    let seated: Vec<(PlayerId, Option<Seat>)> = party.iter().map(|p| (p.id, p.seat)).collect();
    assert_eq!(seated, [(PlayerId(0), Some(Seat::Phone(0))), (PlayerId(1), Some(Seat::Keys(0)))]);
}

#[test]
fn the_high_scores_and_questions_seen_of_the_last_release_load() {
    let scores = load::<Stored<HighScores>>(&copy("saves/high-scores.ron"));
    assert_eq!(scores.notice, None);
    let scores = scores.value.expect("the high scores").data;
    assert!(scores.boards.iter().any(|b| !b.entries.is_empty()), "{scores:?}");
    let seen = load::<Stored<Seen>>(&copy("saves/seen.ron"));
    assert_eq!(seen.notice, None);
    let seen = seen.value.expect("the questions seen").data;
    assert!(!seen.is_empty() && seen.games >= 1, "{seen:?}");
}

#[test]
fn a_game_record_and_the_flags_of_the_last_release_read() {
    let games = root().join("tests/data/release-1/games");
    let (logs, problems) = bigtuna::cli::history::read(&games);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(logs.len(), 1, "the solo game's record");
    assert_eq!(logs[0].rounds.len(), 5);
    assert!(logs[0].rounds.iter().all(|r| r.scores.is_empty()), "release 1 did not keep the scores per round");
    let (flags, bad) = flags::read(&copy("saves/flags.jsonl")).expect("the flags file");
    assert!(bad.is_empty(), "{bad:?}");
    assert!(!flags.is_empty());
}
