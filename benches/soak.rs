//! Memory over a long night: a headless party of four plays 2,000 questions (twenty games of
//! 100 from the built-in bank, one after another by "play again"), with everything the game
//! keeps between games switched on (saved game, high scores, questions seen, game records).
//! Prints the resident memory after question 100 and after question 2,000; they should be
//! within 5% of each other (docs/PERFORMANCE.md).
//!
//! Run: `cargo bench --profile dev --bench soak`.

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bigtuna::game::{FlowCommand, Game, GameSettings, Phase, PlayerAction, PlayerSpec, Presented, Response, Screen};
use bigtuna::pack::PackLibrary;

const QUESTIONS: usize = 2_000;
const PER_GAME: usize = 100;

/// Resident memory of this process, in KiB (Linux).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(100)));
    app.insert_resource(PackLibrary::load_sources(&bigtuna::paths::pack_sources()));
    app.insert_resource(GameSettings {
        questions: PER_GAME,
        players: (0..4).map(PlayerSpec::numbered).collect(),
        ..GameSettings::default()
    });
    app.insert_resource(bigtuna::persist::Paths::in_folder(dir.path()));
    app.add_plugins((bigtuna::game::plugin, bigtuna::persist::plugin));
    app.update();
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.update();
    let command = |app: &mut App, command: FlowCommand| {
        app.world_mut().write_message(command);
        app.update();
        app.update();
    };
    command(&mut app, FlowCommand::StartGame);
    let started = std::time::Instant::now();
    let mut after_100 = 0;
    for asked in 1..=QUESTIONS {
        let game = app.world().resource::<Game>();
        let drawn = game.question().expect("a question").clone();
        let players = game.players.len();
        for player in 0..players {
            // Everyone answers; who is right changes from question to question.
            let response = match &drawn.presented {
                Presented::Options { options, correct } => Response::Option((correct + player) % options.len()),
                Presented::Typed => Response::Text("Scranton".into()),
                Presented::Number => Response::Number(2005.0 + player as f64),
                Presented::Ordering { shown } => Response::Order((0..shown.len()).collect()),
            };
            app.world_mut().write_message(PlayerAction::new(player, response));
            app.update();
        }
        app.update();
        assert_eq!(app.world().resource::<State<Phase>>().get(), &Phase::Reveal, "question {asked} closed");
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
        if asked % PER_GAME == 0 {
            assert_eq!(app.world().resource::<State<Screen>>().get(), &Screen::Results);
            command(&mut app, FlowCommand::PlayAgain);
        }
        if asked == 100 {
            after_100 = rss_kib();
        }
    }
    let after_all = rss_kib();
    let change = (after_all as f64 / after_100 as f64 - 1.0) * 100.0;
    println!(
        "soak: {QUESTIONS} questions in {:.1} s; resident memory after question 100: {:.1} MiB, after question {QUESTIONS}: {:.1} MiB ({change:+.1}%)",
        started.elapsed().as_secs_f64(),
        after_100 as f64 / 1024.0,
        after_all as f64 / 1024.0
    );
}
