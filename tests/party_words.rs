//! What the TV says over a party's answer field: a keyboard-only buzz-in game is told to buzz
//! (never "Answer on your phones"), the buzzer is named, and a game of phones says so.

use bevy::prelude::*;
use bigtuna::game::{BuzzIn, Device, GameSettings, PlayMode};
use bigtuna::pack::AnswerKind;
use bigtuna::words::entry_prompt;

use crate::support::{game, headless, send, settings, start, synthetic_library};

fn party(mode: PlayMode) -> App {
    let s = GameSettings { mode, kinds: vec![AnswerKind::Typed], ..settings(2, 5, 3) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    app
}

#[test]
fn a_keyboard_buzz_in_game_is_told_to_buzz_and_then_who_answers() {
    let mut app = party(PlayMode::Buzz);
    let at_keyboard = |_: usize| true;
    assert_eq!(entry_prompt(game(&app), at_keyboard, false), "Buzz in to answer");
    send(&mut app, BuzzIn { player: 1, device: Device::Keyboard });
    app.update();
    assert_eq!(entry_prompt(game(&app), at_keyboard, false), "Player 2, your answer:");
}

#[test]
fn a_game_of_phones_says_so_and_a_keyboard_game_names_the_typist() {
    let app = party(PlayMode::Everyone);
    assert_eq!(entry_prompt(game(&app), |_| false, true), "Answer on your phones");
    assert_eq!(entry_prompt(game(&app), |_| true, false), "Player 1, your answer:");
    assert_eq!(entry_prompt(game(&app), |p| p == 1, true), "Player 2, your answer:");
}

/// The night's recap: the question fewest got right, and the one most got right.
#[test]
fn the_results_recap_the_hardest_and_the_easiest_question() {
    use bigtuna::game::{FlowCommand, GameResults, Phase, PlayerAction, Screen};

    use crate::support::{command, phase, right_response, screen, wrong_response};
    let s = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..settings(3, 5, 9) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    // Question n: n of the three right (capped), so question 1 is the hardest, 3 on the easiest.
    let mut asked = Vec::new();
    while screen(&app) == Screen::Playing {
        let (n, drawn) = (game(&app).current, game(&app).question().expect("a question").clone());
        asked.push(n);
        for player in 0..3 {
            let response = if player < n.min(3) { right_response(&drawn) } else { wrong_response(&drawn) };
            send(&mut app, PlayerAction::new(player, response));
        }
        app.update();
        app.update();
        assert_eq!(phase(&app), Some(Phase::Reveal));
        command(&mut app, FlowCommand::Continue);
        if phase(&app) == Some(Phase::Standings) {
            command(&mut app, FlowCommand::Continue);
        }
    }
    let results = app.world().resource::<GameResults>();
    let recap = results.recap.clone().expect("a party of five rounds has a recap");
    assert_eq!(recap.hardest, (0, 0, 3), "nobody got question 1");
    assert_eq!(recap.easiest, (3, 3, 3), "the first that everyone got");
}
