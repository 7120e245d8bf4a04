//! What happened in a game reaches the rest of the app as messages, and the game itself
//! changes only when something happens: a running clock is not a change of the game.

use bevy::prelude::*;
use bigtuna::game::{
    Clock, Game, GameSettings, HostActed, HostAction, JoinGame, Phase, PlayMode, PlayerId, PlayerJoined, PlayerSpec,
    Response, RoundScored, TimerChoice,
};
use bigtuna::pack::AnswerKind;

use crate::support::{answer, game, headless, phase, right_response, send, settings, start, synthetic_library};

/// Every message of the three kinds, in the order they were read.
#[derive(Resource, Default)]
struct Heard {
    scored: Vec<RoundScored>,
    acted: Vec<HostActed>,
    joined: Vec<PlayerJoined>,
}

fn listen(
    mut heard: ResMut<Heard>,
    mut scored: MessageReader<RoundScored>,
    mut acted: MessageReader<HostActed>,
    mut joined: MessageReader<PlayerJoined>,
) {
    heard.scored.extend(scored.read().copied());
    heard.acted.extend(acted.read().copied());
    heard.joined.extend(joined.read().copied());
}

fn listening(s: GameSettings) -> App {
    let mut app = headless(synthetic_library(4), s);
    app.init_resource::<Heard>().add_systems(Last, listen);
    start(&mut app);
    app
}

fn heard(app: &App) -> &Heard {
    app.world().resource::<Heard>()
}

fn game_changed_at(app: &App) -> bevy::ecs::change_detection::Tick {
    app.world().resource_ref::<Game>().last_changed()
}

#[test]
fn a_running_clock_leaves_the_game_unchanged_and_an_answer_changes_it() {
    let mut s = settings(2, 3, 11);
    s.timer = TimerChoice::Seconds30;
    s.kinds = vec![AnswerKind::MultipleChoice];
    let mut app = listening(s);
    app.update();
    let changed = game_changed_at(&app);
    let started = app.world().resource::<Clock>().elapsed;
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(game_changed_at(&app), changed, "20 frames of a running question did not touch the game");
    let clock = app.world().resource::<Clock>();
    assert!(clock.elapsed > started, "the clock ran: {:?} -> {:?}", started, clock.elapsed);
    assert!(clock.limit.is_some() && !clock.expired());
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    assert_ne!(game_changed_at(&app), changed, "an answer is a change of the game");
    assert!(heard(&app).scored.is_empty(), "one of two answered: the round is still open");
}

#[test]
fn a_round_closes_with_one_message() {
    let mut app = listening(settings(2, 3, 12));
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 1, right_response(&drawn));
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert_eq!(heard(&app).scored, vec![RoundScored { question: 0, skipped: false }]);
    assert_eq!(game(&app).rounds.len(), 1, "the message came with the round it tells of");
}

#[test]
fn a_skip_is_a_round_that_closed_with_nobody_scoring() {
    let mut app = listening(settings(2, 3, 12));
    send(&mut app, HostAction::Skip);
    app.update();
    app.update();
    assert_eq!(heard(&app).scored, vec![RoundScored { question: 0, skipped: true }]);
    assert_eq!((game(&app).current, phase(&app)), (1, Some(Phase::Question)));
}

#[test]
fn the_host_acting_is_heard_once_and_a_ruling_that_changes_nothing_not_at_all() {
    let s = GameSettings { mode: PlayMode::Everyone, kinds: vec![AnswerKind::Typed], ..settings(2, 3, 7) };
    let mut app = listening(s);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, Response::Text("Scrantonicity".into()));
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    send(&mut app, HostAction::Accept(0));
    app.update();
    let acted: Vec<HostAction> = heard(&app).acted.iter().map(|a| a.0.action).collect();
    assert_eq!(acted, vec![HostAction::Accept(0)]);
    assert_eq!(heard(&app).acted[0].0, *game(&app).host_log.last().expect("logged"));
    // Already right: accepting again, or accepting the one who was right, changes nothing.
    send(&mut app, HostAction::Accept(0));
    send(&mut app, HostAction::Accept(1));
    app.update();
    app.update();
    assert_eq!(heard(&app).acted.len(), 1, "no ruling, no message");
    assert_eq!(game(&app).host_log.len(), 1);
}

#[test]
fn a_phone_joining_mid_game_is_heard_with_its_seat() {
    let mut app = listening(settings(2, 3, 13));
    let karen = PlayerSpec { name: "Karen".into(), colour: 3, ..PlayerSpec::numbered(7) };
    send(&mut app, JoinGame(karen.clone()));
    app.update();
    assert_eq!(heard(&app).joined, vec![PlayerJoined { player: 2, id: PlayerId(7) }]);
    assert_eq!((game(&app).players[2].name.as_str(), game(&app).players[2].id), ("Karen", PlayerId(7)));
    // The same participant told twice is seated once.
    send(&mut app, JoinGame(karen));
    app.update();
    assert_eq!(game(&app).players.len(), 3);
    assert_eq!(heard(&app).joined.len(), 1);
}
