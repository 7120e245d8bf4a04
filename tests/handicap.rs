//! A handicap per player: more time (×1.5, ×2, no timer) for one player leaves everyone
//! else's time as it was; a superfan scores half; the host can change it on the open
//! question; a phone says its player's handicap when it joins and counts down its own time.

use std::time::Duration;

use bigtuna::game::{Clock, FlowCommand, GameSettings, Handicap, HostAction, Phase, PlayMode, PlayerSpec};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::Turn;

use crate::phones::say;
use crate::support::*;

/// A game of `handicaps.len()` players, each with their handicap, on the question screen.
fn game_with(handicaps: &[Handicap], mode: PlayMode) -> bevy::prelude::App {
    let players =
        handicaps.iter().enumerate().map(|(i, h)| PlayerSpec { handicap: *h, ..PlayerSpec::numbered(i) }).collect();
    let settings = GameSettings { mode, players, ..settings(handicaps.len(), 4, 7) };
    let mut app = headless(synthetic_library(6), settings);
    start(&mut app);
    app
}

fn clock(app: &bevy::prelude::App) -> Clock {
    *app.world().resource::<Clock>()
}

/// Runs frames until `elapsed` into the open question (the clock counts 100 ms a frame).
fn run_to(app: &mut bevy::prelude::App, elapsed: Duration) {
    while phase(app) == Some(Phase::Question) && clock(app).elapsed < elapsed {
        app.update();
    }
}

#[test]
fn double_time_doubles_that_players_time_only() {
    let mut app = game_with(&[Handicap::None, Handicap::DoubleTime], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("a timed question");
    assert_eq!(game(&app).time_for(0, 0), Some(base));
    assert_eq!(game(&app).time_for(1, 0), Some(base * 2), "player 2 has twice the time");
    assert_eq!((clock(&app).base, clock(&app).limit), (Some(base), Some(base * 2)));
    // Past player 1's time: the question is still open, for player 2 only.
    run_to(&mut app, base + Duration::from_millis(500));
    assert_eq!(phase(&app), Some(Phase::Question), "the question waits for the player with more time");
    assert!(clock(&app).in_extra_time());
    let drawn = game(&app).question().expect("open").clone();
    answer(&mut app, 0, right_response(&drawn));
    assert!(game(&app).pending(0).is_none(), "player 1's time is up: a late answer is refused");
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal), "everyone who still had time answered");
    let round = game(&app).last_round().expect("scored");
    assert!(round.outcomes[0].answer.is_none());
    assert!(round.outcomes[1].correct);
    let taken = round.outcomes[1].time().expect("timed");
    assert!(taken > base && taken < base * 2, "answered in the extra time, at {taken:?}");
}

#[test]
fn a_player_with_more_time_keeps_the_question_open_until_their_own_time_is_up() {
    let mut app = game_with(&[Handicap::None, Handicap::MoreTime], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("timed");
    let longer = base * 3 / 2;
    assert_eq!(clock(&app).limit, Some(longer));
    run_to(&mut app, longer - Duration::from_millis(200));
    assert_eq!(phase(&app), Some(Phase::Question));
    run_to(&mut app, longer + Duration::from_millis(300));
    assert_eq!(phase(&app), Some(Phase::Reveal), "closed when the longest time ran out");
}

#[test]
fn the_question_closes_when_everyone_still_waiting_is_out_of_their_own_time() {
    // Player 2 (twice the time) answered at once; player 1 did not answer: the question
    // closes at player 1's time, not player 2's.
    let mut app = game_with(&[Handicap::None, Handicap::DoubleTime], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("timed");
    let drawn = game(&app).question().expect("open").clone();
    answer(&mut app, 1, right_response(&drawn));
    run_to(&mut app, base + Duration::from_millis(300));
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert!(clock(&app).elapsed < base + Duration::from_millis(400), "no waiting out the extra time");
}

#[test]
fn the_speed_bonus_is_measured_against_each_players_own_time_and_a_superfan_scores_half() {
    let mut app = game_with(&[Handicap::None, Handicap::DoubleTime, Handicap::Superfan], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("timed");
    let drawn = game(&app).question().expect("open").clone();
    // Player 1 and the superfan at a quarter of the time, player 2 at half of their double time.
    run_to(&mut app, base / 4);
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 2, right_response(&drawn));
    run_to(&mut app, base / 2);
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let round = game(&app).last_round().expect("scored");
    let points: Vec<u32> = round.outcomes.iter().map(|o| o.points).collect();
    assert!(round.outcomes.iter().all(|o| o.correct));
    // A quarter of the way into one's own time either way: the same speed bonus.
    assert!(points[0].abs_diff(points[1]) <= 5, "same share of their own time, same points: {points:?}");
    let full = points[0];
    assert!(points[2] <= full / 2 + 5 && points[2] >= full / 2 - 5, "a superfan keeps half: {points:?}");
}

#[test]
fn no_timer_waits_for_that_player_and_gives_no_speed_bonus() {
    let mut app = game_with(&[Handicap::None, Handicap::NoTimer], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("timed");
    assert_eq!(clock(&app).limit, None, "the question has no end of its own");
    run_to(&mut app, base * 4);
    assert_eq!(phase(&app), Some(Phase::Question));
    assert_eq!(clock(&app).shown().1, "+", "the TV's clock says extra time, with no count");
    let drawn = game(&app).question().expect("open").clone();
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let round = game(&app).last_round().expect("scored");
    let preset = &game(&app).preset;
    assert_eq!(round.outcomes[1].points, preset.base.of(drawn.question.difficulty), "base points, no speed bonus");
}

#[test]
fn on_the_hot_seat_the_clock_is_the_time_of_the_player_whose_turn_it_is() {
    let mut app = game_with(&[Handicap::DoubleTime, Handicap::None], PlayMode::HotSeat);
    let base = game(&app).time_limit(0).expect("timed");
    assert_eq!(game(&app).turn(), Some(0));
    assert_eq!((clock(&app).base, clock(&app).limit), (Some(base * 2), Some(base * 2)));
    command(&mut app, FlowCommand::CloseQuestion);
    command(&mut app, FlowCommand::Continue);
    while phase(&app) != Some(Phase::Question) {
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(game(&app).turn(), Some(1));
    let base = game(&app).time_limit(game(&app).current).expect("timed");
    assert_eq!((clock(&app).base, clock(&app).limit), (Some(base), Some(base)));
}

#[test]
fn the_host_gives_a_handicap_on_the_open_question_and_it_is_logged() {
    let mut app = game_with(&[Handicap::None, Handicap::None], PlayMode::Everyone);
    let base = game(&app).time_limit(0).expect("timed");
    assert_eq!(clock(&app).limit, Some(base));
    send(&mut app, HostAction::Handicap { player: 1, handicap: Handicap::DoubleTime });
    app.update();
    assert_eq!(game(&app).players[1].handicap, Handicap::DoubleTime);
    assert_eq!(clock(&app).limit, Some(base * 2), "the open question's clock follows at once");
    run_to(&mut app, base + Duration::from_millis(500));
    assert_eq!(phase(&app), Some(Phase::Question));
    let said = bigtuna::words::host_action_text(game(&app), game(&app).host_log[0].action);
    assert_eq!(said, "set Player 2's handicap: ×2 time");
}

#[test]
fn a_saved_game_keeps_each_players_handicap_and_older_files_have_none() {
    let app = game_with(&[Handicap::Superfan, Handicap::None], PlayMode::Everyone);
    let text = ron::to_string(game(&app)).expect("saved");
    assert_eq!(text.matches("handicap:").count(), 2, "the superfan's, once on the player and once on the spec");
    let back: bigtuna::game::Game = ron::from_str(&text).expect("read back");
    assert_eq!(back.players[0].handicap, Handicap::Superfan);
    assert_eq!(back.players[1].handicap, Handicap::None);
}

#[test]
fn a_phone_joins_with_a_handicap_and_counts_down_its_own_time() {
    let mut app = headless(synthetic_library(6), GameSettings { questions: 4, ..GameSettings::default() });
    let server = crate::phones::server();
    let addr = server.addr();
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(PhoneLink(server));
    let mut kid = crate::phone_games::connect_to(addr);
    let mut pam = crate::phone_games::connect_to(addr);
    let join =
        |name: &str, extra: &str| format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3{extra}}}"#);
    let junk = say(&mut kid, &join("Kid", r#","handicap":"forever""#));
    assert_eq!(crate::phones::error_code(&junk), bigtuna::net::protocol::ErrorCode::BadMessage);
    assert!(matches!(say(&mut kid, &join("Kid", r#","handicap":"double_time""#)), ServerMessage::Welcome { .. }));
    assert!(matches!(say(&mut pam, &join("Pam", "")), ServerMessage::Welcome { .. }));
    crate::phone_games::pump(&mut app, |app| app.world().resource::<GameSettings>().players.len() == 2);
    let handicaps: Vec<Handicap> = app.world().resource::<GameSettings>().players.iter().map(|p| p.handicap).collect();
    assert_eq!(handicaps, [Handicap::DoubleTime, Handicap::None]);
    command(&mut app, FlowCommand::StartGame);
    let base = game(&app).time_limit(0).expect("timed").as_secs() as u32;
    let kid_sees = crate::phone_games::question_for(&mut kid, 0, Turn::Answer);
    let pam_sees = crate::phone_games::question_for(&mut pam, 0, Turn::Answer);
    assert_eq!(kid_sees.seconds, Some(base * 2), "the kid's phone counts down twice the time");
    assert_eq!(pam_sees.seconds, Some(base), "Pam's phone, the question's own time");
}

#[test]
fn the_host_remote_gives_a_phone_player_more_time_and_their_phone_hears_it() {
    let settings = GameSettings { timer: bigtuna::game::TimerChoice::Seconds20, ..settings(2, 4, 3) };
    let crate::phone_games::Night { mut app, mut phones, addr } =
        crate::phone_games::phone_night(&["Ann", "Bo"], settings);
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = crate::phone_games::connect_to(addr);
    let welcome = say(&mut remote, &format!(r#"{{"type":"host","secret":"{code}"}}"#));
    assert!(matches!(welcome, ServerMessage::HostWelcome { .. }), "{welcome:?}");
    let junk = say(&mut remote, r#"{"type":"host_action","action":{"kind":"handicap","player":1,"handicap":"lots"}}"#);
    assert_eq!(crate::phones::error_code(&junk), bigtuna::net::protocol::ErrorCode::BadMessage);
    let nobody =
        say(&mut remote, r#"{"type":"host_action","action":{"kind":"handicap","player":9,"handicap":"no_timer"}}"#);
    assert_eq!(crate::phones::error_code(&nobody), bigtuna::net::protocol::ErrorCode::NoSuchPlayer);
    let done =
        say(&mut remote, r#"{"type":"host_action","action":{"kind":"handicap","player":1,"handicap":"double_time"}}"#);
    assert!(matches!(done, ServerMessage::Done { .. }), "{done:?}");
    crate::phone_games::pump(&mut app, |app| game(app).players[1].handicap == Handicap::DoubleTime);
    let base = game(&app).time_limit(0).expect("timed").as_secs() as u32;
    let seen = crate::phones::until(
        &mut phones[1],
        |m| matches!(m, ServerMessage::Question(v) if v.seconds == Some(base * 2)),
    );
    assert!(matches!(seen, ServerMessage::Question(_)), "Bo's phone counts down twice the time");
    let view = crate::phones::until(
        &mut remote,
        |m| matches!(m, ServerMessage::HostView(v) if v.players.get(1).is_some_and(|p| p.handicap == Handicap::DoubleTime)),
    );
    assert!(matches!(view, ServerMessage::HostView(_)), "the remote shows Bo's handicap");
    assert_eq!(game(&app).players[0].handicap, Handicap::None, "nobody else's time changed");
}

#[test]
fn on_the_hot_seat_a_superfans_turns_get_the_hardest_questions_drawn() {
    use bigtuna::pack::Difficulty;
    let handicaps = [Handicap::None, Handicap::Superfan];
    let players: Vec<PlayerSpec> =
        handicaps.iter().enumerate().map(|(i, h)| PlayerSpec { handicap: *h, ..PlayerSpec::numbered(i) }).collect();
    for seed in 0..20 {
        let plain = GameSettings { mode: PlayMode::HotSeat, ..settings(2, 12, seed) };
        let fan = GameSettings { players: players.clone(), ..plain.clone() };
        let mut app = headless(synthetic_library(12), plain);
        start(&mut app);
        let before: Vec<String> = game(&app).questions.iter().map(|q| q.question.id.clone()).collect();
        let mut app = headless(synthetic_library(12), fan);
        start(&mut app);
        let questions = &game(&app).questions;
        let mut after: Vec<String> = questions.iter().map(|q| q.question.id.clone()).collect();
        let hardness = |slot: usize| questions[slot].question.difficulty;
        let fan_turns: Vec<Difficulty> = (0..12).filter(|s| s % 2 == 1).map(hardness).collect();
        let other_turns: Vec<Difficulty> = (0..12).filter(|s| s % 2 == 0).map(hardness).collect();
        assert!(
            fan_turns.iter().min() >= other_turns.iter().max(),
            "seed {seed}: the superfan's {fan_turns:?}, the other's {other_turns:?}"
        );
        after.sort();
        let mut sorted = before.clone();
        sorted.sort();
        assert_eq!(after, sorted, "seed {seed}: the same questions, only dealt differently");
    }
}
