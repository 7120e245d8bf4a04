//! Party modes and the host, headless: buzz-in lock-outs, presses in one frame, a true tie,
//! the hot seat, teams, and every host action with its effect on the scores; whole games
//! in every mode with 2, 4 and 8 players.

use std::time::Duration;

use bevy::prelude::*;
use bigtuna::game::mode::TEAM_TALK;
use bigtuna::game::{
    BuzzIn, Device, FlowCommand, GameResults, GameSettings, HostAction, Phase, PlayMode, PlayerAction, Response, Screen,
};
use bigtuna::pack::AnswerKind;

use crate::support::{
    FRAME, answer, command, game, headless, phase, right_response, screen, send, settings, start, synthetic_library,
    wrong_response,
};

fn party(mode: PlayMode, players: usize, kinds: &[AnswerKind], seed: u64) -> App {
    let s = GameSettings { mode, kinds: kinds.to_vec(), ..settings(players, 5, seed) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    app
}

fn press(app: &mut App, player: usize, response: Response, device: Device) {
    send(app, PlayerAction { player, response, device });
}

#[test]
fn buzz_in_a_wrong_answer_locks_out_and_the_next_buzz_can_win() {
    let mut app = party(PlayMode::Buzz, 3, &[AnswerKind::MultipleChoice], 1);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, wrong_response(&drawn));
    assert_eq!(phase(&app), Some(Phase::Question), "a wrong buzz leaves the question open");
    assert!(game(&app).locked_out(0));
    answer(&mut app, 0, right_response(&drawn));
    assert_eq!(phase(&app), Some(Phase::Question), "a locked-out player cannot answer again");
    answer(&mut app, 2, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal), "a right buzz closes the question");
    let round = game(&app).last_round().expect("round").clone();
    assert!(!round.outcomes[0].correct && round.outcomes[2].correct);
    assert_eq!(round.outcomes[1].answer, None, "player 2 never buzzed");
    assert_eq!((round.outcomes[0].points, round.outcomes[0].penalty), (0, 0), "no penalty unless chosen");
    assert!(round.outcomes[2].points > 0);
}

#[test]
fn buzz_in_with_penalties_costs_the_question_and_all_locked_out_ends_it() {
    let s = GameSettings {
        mode: PlayMode::Buzz,
        buzz_penalty: true,
        kinds: vec![AnswerKind::TrueFalse],
        ..settings(2, 5, 2)
    };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    let first = game(&app).question().expect("question").clone();
    answer(&mut app, 1, right_response(&first));
    app.update();
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Continue);
    let scored = game(&app).players[1].score;
    assert!(scored > 0);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, wrong_response(&drawn));
    answer(&mut app, 1, wrong_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal), "everyone locked out: the answer is revealed");
    let round = game(&app).last_round().expect("round");
    let value = game(&app).preset.base.of(drawn.question.difficulty);
    assert_eq!(round.outcomes[1].penalty, value);
    assert_eq!(game(&app).players[1].score, scored.saturating_sub(value));
    assert_eq!(game(&app).players[0].score, 0, "a score never goes below zero");
}

#[test]
fn presses_in_one_frame_count_in_order_of_arrival() {
    let mut app = party(PlayMode::Buzz, 4, &[AnswerKind::MultipleChoice], 3);
    // Both right, both from the keyboard, in one frame: the first to arrive wins.
    let round = right_in_one_frame(&mut app, &[(3, Device::Keyboard), (1, Device::Keyboard)]);
    assert!(round.outcomes[3].correct && round.outcomes[1].answer.is_none(), "player 4 arrived first");
}

/// These players answer right in one frame, in this order; the round that closed.
fn right_in_one_frame(app: &mut App, presses: &[(usize, Device)]) -> bigtuna::game::Round {
    let drawn = game(app).question().expect("question").clone();
    for (player, device) in presses {
        press(app, *player, right_response(&drawn), *device);
    }
    app.update();
    app.update();
    game(app).last_round().expect("the round closed").clone()
}

/// Who wins a true tie (a keyboard and a gamepad in one frame, both right) for this seed.
fn tie_winner(seed: u64) -> usize {
    let mut app = party(PlayMode::Buzz, 2, &[AnswerKind::MultipleChoice], seed);
    let round = right_in_one_frame(&mut app, &[(0, Device::Keyboard), (1, Device::Gamepad)]);
    assert_eq!(round.outcomes.iter().filter(|o| o.correct).count(), 1, "one winner");
    round.outcomes.iter().position(|o| o.correct).expect("a winner")
}

#[test]
fn a_true_tie_is_broken_fairly_and_the_same_way_on_replay() {
    let winners: Vec<usize> = (0..40).map(tie_winner).collect();
    assert_eq!(winners, (0..40).map(tie_winner).collect::<Vec<_>>(), "the same seed breaks it the same way");
    let keyboard = winners.iter().filter(|w| **w == 0).count();
    assert!((8..=32).contains(&keyboard), "neither device always wins: keyboard {keyboard} of 40");
}

#[test]
fn buzz_in_on_a_typed_question_the_buzzer_answers_alone() {
    let mut app = party(PlayMode::Buzz, 3, &[AnswerKind::Typed], 4);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 1, right_response(&drawn));
    assert!(game(&app).pending(1).is_none(), "no answer before a buzz");
    send(&mut app, BuzzIn { player: 2, device: Device::Keyboard });
    send(&mut app, BuzzIn { player: 1, device: Device::Keyboard });
    app.update();
    assert_eq!((game(&app).buzz.holder, game(&app).typist()), (Some(2), Some(2)), "the first buzz holds");
    answer(&mut app, 1, right_response(&drawn));
    assert!(game(&app).pending(1).is_none(), "only the buzzer answers");
    answer(&mut app, 2, wrong_response(&drawn));
    assert!(game(&app).locked_out(2) && game(&app).buzz.holder.is_none(), "wrong: locked out, buzzer free");
    send(&mut app, BuzzIn { player: 1, device: Device::Gamepad });
    app.update();
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert!(game(&app).last_round().expect("round").outcomes[1].correct);
}

#[test]
fn the_hot_seat_takes_turns_and_only_the_seated_player_answers() {
    let mut app = party(PlayMode::HotSeat, 3, &[AnswerKind::MultipleChoice, AnswerKind::Typed], 5);
    for n in 0..3 {
        let drawn = game(&app).question().expect("question").clone();
        assert_eq!((game(&app).turn(), game(&app).typist()), (Some(n), Some(n)), "question {n} is player {n}'s");
        answer(&mut app, (n + 1) % 3, right_response(&drawn));
        assert_eq!(phase(&app), Some(Phase::Question), "not their turn");
        answer(&mut app, n, right_response(&drawn));
        app.update();
        let round = game(&app).last_round().expect("round").clone();
        assert_eq!(round.outcomes.iter().filter(|o| o.asked).count(), 1, "one player asked");
        assert!(round.outcomes[n].correct && round.outcomes[n].asked);
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
    }
    // The host removes player 2: the turns skip them.
    send(&mut app, HostAction::Remove(1));
    app.update();
    assert_eq!(game(&app).turn(), Some(2), "question 4 of players 1 and 3 goes to player 3");
}

#[test]
fn teams_talk_first_then_one_member_answers_for_the_team() {
    let mut s = GameSettings { mode: PlayMode::Teams, kinds: vec![AnswerKind::MultipleChoice], ..settings(4, 5, 6) };
    s.teams = vec!["Scranton".into(), "Stamford".into()];
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    let teams: Vec<Option<usize>> = game(&app).players.iter().map(|p| p.team).collect();
    assert_eq!(teams, [Some(0), Some(1), Some(0), Some(1)], "players dealt to the teams in turn");
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    assert!(game(&app).pending(0).is_none(), "no answer during the team talk");
    let talk = (TEAM_TALK.as_millis() / FRAME.as_millis()) as usize;
    for _ in 0..talk {
        app.update();
    }
    answer(&mut app, 2, right_response(&drawn));
    answer(&mut app, 0, wrong_response(&drawn));
    assert!(game(&app).pending(0).is_none(), "the team has answered: a teammate cannot");
    assert_eq!(phase(&app), Some(Phase::Question), "team Stamford has not answered");
    answer(&mut app, 3, wrong_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let time = game(&app).last_round().expect("round").outcomes[2].time().expect("answered");
    assert!(time < Duration::from_secs(1), "answer time runs from the end of the talk: {time:?}");
    let scores = game(&app).team_scores();
    assert_eq!(scores[0], game(&app).players[2].score);
    assert!(scores[0] > 0 && scores[1] == 0);
}

#[test]
fn the_host_overrules_gives_points_and_skips() {
    let mut app = party(PlayMode::Everyone, 2, &[AnswerKind::Typed], 7);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, Response::Text("Scrantonicity".into()));
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert!(!game(&app).last_round().expect("round").outcomes[0].correct);
    send(&mut app, HostAction::Accept(0));
    send(&mut app, HostAction::Reject(1));
    app.update();
    let round = game(&app).last_round().expect("round").clone();
    assert!(round.outcomes[0].correct && round.outcomes[0].points > 0, "accepted: right, with points");
    assert!(!round.outcomes[1].correct && round.outcomes[1].points == 0, "rejected: wrong, points gone");
    assert_eq!(game(&app).players[1].score, 0);
    let accepted = game(&app).players[0].score;
    send(&mut app, HostAction::Points { player: 0, delta: 50 });
    send(&mut app, HostAction::Points { player: 1, delta: -50 });
    app.update();
    assert_eq!((game(&app).players[0].score, game(&app).players[1].score), (accepted + 50, 0));
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Continue);
    assert_eq!(game(&app).current, 1);
    send(&mut app, HostAction::Skip);
    app.update();
    app.update();
    assert_eq!((game(&app).current, phase(&app)), (2, Some(Phase::Question)), "skipped to the next question");
    assert!(game(&app).rounds[1].skipped && game(&app).rounds[1].outcomes.iter().all(|o| !o.asked));
    send(&mut app, HostAction::EndEarly);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Results);
    let results = app.world().resource::<GameResults>();
    assert_eq!(results.host.len(), 6, "every host action is listed: {:?}", results.host);
    assert_eq!(results.players[0].asked, 1, "a skipped question was asked of nobody");
}

#[test]
fn removing_the_player_everyone_waits_for_closes_the_question() {
    let mut app = party(PlayMode::Everyone, 3, &[AnswerKind::MultipleChoice], 8);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 1, right_response(&drawn));
    assert_eq!(phase(&app), Some(Phase::Question));
    send(&mut app, HostAction::Remove(2));
    app.update();
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert!(!game(&app).last_round().expect("round").outcomes[2].asked);
}

/// A whole game in `mode` with `players`, everyone answering right: players 1-4 with their
/// keyboard rows, 5-8 with gamepads, through the input plugin as the devices send them.
fn whole_game(mode: PlayMode, players: usize) -> GameResults {
    use bevy::input::ButtonState;
    use bevy::input::gamepad::Gamepad;
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    use bigtuna::game::Presented;
    use bigtuna::game::Seat;
    use bigtuna::input::InputContext;
    use bigtuna::input::gamepad::ANSWER_BUTTONS;
    use bigtuna::input::keyboard::PARTY_ROWS;

    let s = GameSettings {
        mode,
        kinds: vec![AnswerKind::MultipleChoice, AnswerKind::TrueFalse],
        ..settings(players, 5, 9 + players as u64)
    };
    let mut app = headless(synthetic_library(8), s);
    app.add_plugins(bigtuna::input::plugin);
    crate::support::seat(&mut app, (0..players).map(|p| if p < 4 { Seat::Keys(p) } else { Seat::Pad(None) }));
    // The pads connect and take the seats kept for them, in order.
    let pads: Vec<Entity> = (4..players).map(|_| app.world_mut().spawn(Gamepad::default()).id()).collect();
    app.update();
    start(&mut app);
    let talk = if mode == PlayMode::Teams { (TEAM_TALK.as_millis() / FRAME.as_millis()) as usize } else { 0 };
    while screen(&app) == Screen::Playing {
        for _ in 0..talk {
            app.update();
        }
        let drawn = game(&app).question().expect("question").clone();
        let Presented::Options { options, correct } = &drawn.presented else { panic!("options only") };
        // Derived from the question, headless as on screen.
        assert_eq!(
            *app.world().resource::<InputContext>(),
            InputContext::Options { count: options.len(), party: true }
        );
        for row in PARTY_ROWS.iter().take(players.min(4)) {
            app.world_mut().write_message(KeyboardInput {
                key_code: row[*correct],
                logical_key: Key::Unidentified(NativeKey::Unidentified),
                state: ButtonState::Pressed,
                text: None,
                repeat: false,
                window: Entity::PLACEHOLDER,
            });
        }
        for pad in &pads {
            app.world_mut().get_mut::<Gamepad>(*pad).expect("pad").digital_mut().press(ANSWER_BUTTONS[*correct]);
        }
        app.update();
        for pad in &pads {
            // What Bevy's input plugin does between frames: a press is new only once.
            app.world_mut().get_mut::<Gamepad>(*pad).expect("pad").digital_mut().reset_all();
        }
        app.update();
        assert_eq!(phase(&app), Some(Phase::Reveal), "{mode:?} with {players}: the round closes");
        let devices: Vec<Device> = game(&app)
            .last_round()
            .expect("round")
            .outcomes
            .iter()
            .filter_map(|o| o.answer.as_ref())
            .map(|a| a.device)
            .collect();
        assert!(devices.iter().all(|d| matches!(d, Device::Keyboard | Device::Gamepad)), "{devices:?}");
        assert_eq!(*app.world().resource::<InputContext>(), InputContext::Menu, "the reveal is a menu");
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
    }
    app.world().resource::<GameResults>().clone()
}

#[test]
fn whole_games_in_every_mode_with_two_four_and_eight_players() {
    for mode in PlayMode::ALL {
        for players in [2, 4, 8] {
            let results = whole_game(mode, players);
            let asked: usize = results.players.iter().map(|p| p.asked).sum();
            let right: usize = results.players.iter().map(|p| p.correct).sum();
            let expected = if mode == PlayMode::HotSeat { 5 } else { 5 * players };
            assert_eq!(asked, expected, "{mode:?} with {players}: who was asked");
            match mode {
                PlayMode::Everyone => assert_eq!(right, 5 * players),
                PlayMode::Buzz | PlayMode::HotSeat => assert_eq!(right, 5, "{mode:?}: one right answer a question"),
                PlayMode::Teams => {
                    assert_eq!(right, 5 * results.teams.len(), "one answer per team");
                    assert_eq!(
                        results.teams.iter().map(|t| t.score).sum::<u32>(),
                        results.players.iter().map(|p| p.score).sum::<u32>()
                    );
                }
            }
        }
    }
}

#[test]
fn a_finished_game_is_logged_with_answers_devices_and_host_actions() {
    use bigtuna::persist::game_log::{GameLog, GamesDir};
    let dir = crate::support::scratch_dir("game-logs");
    let s = GameSettings { mode: PlayMode::Everyone, kinds: vec![AnswerKind::MultipleChoice], ..settings(2, 5, 10) };
    let mut app = headless(synthetic_library(8), s);
    app.insert_resource(GamesDir(Some(dir.clone())));
    app.add_plugins(bigtuna::persist::game_log::plugin);
    start(&mut app);
    let drawn = game(&app).question().expect("question").clone();
    press(&mut app, 0, right_response(&drawn), Device::Gamepad);
    press(&mut app, 1, wrong_response(&drawn), Device::Keyboard);
    app.update();
    app.update();
    send(&mut app, HostAction::Points { player: 1, delta: 25 });
    app.update();
    send(&mut app, HostAction::EndEarly);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Results);
    let files: Vec<_> = std::fs::read_dir(&dir).expect("the log folder").filter_map(Result::ok).collect();
    assert_eq!(files.len(), 1, "one log for one game");
    let text = std::fs::read_to_string(files[0].path()).expect("the log");
    let log: GameLog = ron::from_str(&text).expect("the log reads back");
    assert_eq!(log.seed, 10);
    assert_eq!(log.rounds.len(), 1);
    let answers = &log.rounds[0].answers;
    assert_eq!((answers[0].device.as_str(), answers[0].correct), ("Gamepad", true));
    assert_eq!((answers[1].device.as_str(), answers[1].correct), ("Keyboard", false));
    assert_eq!(log.players[1].score, 25);
    let host: Vec<&str> = log.host.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(host, ["+25 to Player 2", "ended the game"]);
}

#[test]
fn a_party_mode_left_in_the_settings_does_not_change_a_solo_game() {
    for mode in [PlayMode::Buzz, PlayMode::Teams, PlayMode::HotSeat] {
        let s = GameSettings { mode, aloud: true, kinds: vec![AnswerKind::Typed], ..settings(1, 5, 14) };
        let mut app = headless(synthetic_library(8), s);
        start(&mut app);
        let drawn = game(&app).question().expect("question").clone();
        answer(&mut app, 0, right_response(&drawn));
        app.update();
        assert_eq!(phase(&app), Some(Phase::Reveal), "{mode:?}: a solo answer is taken at once");
        assert!(game(&app).last_round().expect("round").outcomes[0].correct);
    }
}
