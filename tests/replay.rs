//! Games replay byte for byte from a seed: a recorded party game and a printed sheet, both
//! pinned in `tests/data/` from before the house was rebuilt (issue 8), must come out the same.
//! Set `BIGTUNA_BLESS=1` to write the files anew after a deliberate change of the rules.

use std::fmt::Write;

use bevy::prelude::*;
use bigtuna::game::{FlowCommand, Game, GameResults, GameSettings, PlayerAction, PlayerSpec, Screen, TimerChoice};

use crate::support::{headless, right_response, root, wrong_response};

const SEED: u64 = 8_008_135;

/// The Jim Halpert bank alone, as when these games were pinned: a pack added beside it (the
/// picture demo) changes what "every pack" draws, not the rules being pinned.
fn bank() -> bigtuna::pack::PackLibrary {
    bigtuna::pack::PackLibrary::load_paths(&[root().join("quizzes/jim-halpert.ron")])
}

fn check_pinned(name: &str, actual: &str) {
    let path = root().join("tests/data").join(name);
    if std::env::var_os("BIGTUNA_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write the pinned file");
        return;
    }
    let pinned = std::fs::read_to_string(&path).expect("the pinned file exists");
    if pinned != actual {
        let line = pinned.lines().zip(actual.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!("{name} differs from the pinned replay, first at line {line}:\n{actual}");
    }
}

/// Four players, each answering at their own pace, right or wrong by a fixed pattern.
fn recorded_game() -> String {
    let settings = GameSettings {
        questions: 12,
        seed: Some(SEED),
        timer: TimerChoice::Seconds20,
        players: (0..4).map(PlayerSpec::numbered).collect(),
        ..GameSettings::default()
    };
    let mut app = headless(bank(), settings);
    app.world_mut().write_message(FlowCommand::StartGame);
    app.update();
    app.update();
    let mut out = String::new();
    let mut n = 0;
    while *app.world().resource::<State<Screen>>().get() == Screen::Playing {
        let drawn = app.world().resource::<Game>().question().expect("a question").clone();
        for frame in 0..20 {
            for player in 0..4 {
                if frame == player * 4 + n % 3 {
                    let response = if (n + player) % 3 == 0 { wrong_response(&drawn) } else { right_response(&drawn) };
                    app.world_mut().write_message(PlayerAction::new(player, response));
                }
            }
            app.update();
        }
        let game = app.world().resource::<Game>();
        let round = game.last_round().expect("the round was scored");
        let _ = writeln!(out, "{} {} {:?}", n + 1, drawn.question.id, drawn.presented);
        for (player, outcome) in round.outcomes.iter().enumerate() {
            let _ = writeln!(
                out,
                "  p{player} {:?} correct={} points={} score={}",
                outcome.time(),
                outcome.correct,
                outcome.points,
                outcome.score_after
            );
        }
        for _ in 0..2 {
            app.world_mut().write_message(FlowCommand::Continue);
            app.update();
            app.update();
        }
        n += 1;
    }
    let results = app.world().resource::<GameResults>();
    let _ = writeln!(out, "seed {}", results.seed);
    for player in &results.players {
        let _ = writeln!(
            out,
            "{} {} {} {}/{} streak {}",
            player.rank, player.name, player.score, player.correct, player.asked, player.best_streak
        );
    }
    for award in &results.awards {
        let _ = writeln!(out, "award {:?} {:?}", award.kind, award.players);
    }
    out
}

#[test]
fn a_recorded_party_game_replays_exactly() {
    check_pinned("replay-party-game.txt", &recorded_game());
}

#[test]
fn a_printed_sheet_replays_exactly() {
    let settings = GameSettings { questions: 20, ..GameSettings::default() };
    let sheet = bigtuna::words::sheet::sheet(&bank(), &settings, SEED).expect("enough questions");
    check_pinned("replay-sheet.md", &sheet);
}
