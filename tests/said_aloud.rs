//! Typed answers said aloud: the room answers out loud until the reveal and the host judges
//! who was right; in buzz-in, the first buzz has the floor.

use bigtuna::game::{BuzzIn, Device, FlowCommand, GameSettings, HostAction, Phase, PlayMode, Response};
use bigtuna::pack::AnswerKind;

use crate::support::{
    answer, command, game, headless, phase, right_response, send, settings, start, synthetic_library,
};

#[test]
fn said_aloud_the_room_answers_until_the_reveal_and_the_host_judges() {
    let s = GameSettings { aloud: true, kinds: vec![AnswerKind::Typed], ..settings(3, 5, 12) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Question), "said aloud, the question stays open for the host");
    command(&mut app, FlowCommand::CloseQuestion);
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let round = game(&app).last_round().expect("round").clone();
    assert!(round.outcomes.iter().all(|o| o.response() == Some(&Response::Aloud) && !o.correct));
    assert!(round.outcomes.iter().all(|o| o.answer.as_ref().is_some_and(|a| a.device == Device::Voice)));
    send(&mut app, HostAction::Accept(1));
    app.update();
    assert!(game(&app).last_round().expect("round").outcomes[1].correct);
    assert!(game(&app).players[1].score > 0 && game(&app).players[0].score == 0, "only whom the host counted right");
}

#[test]
fn said_aloud_in_buzz_in_the_first_buzz_has_the_floor() {
    let s = GameSettings { aloud: true, mode: PlayMode::Buzz, kinds: vec![AnswerKind::Number], ..settings(3, 5, 13) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    send(&mut app, BuzzIn { player: 2, device: Device::Gamepad });
    app.update();
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal), "a buzz gives the floor: the host judges at the reveal");
    let round = game(&app).last_round().expect("round");
    let spoke: Vec<bool> = round.outcomes.iter().map(|o| o.answer.is_some()).collect();
    assert_eq!(spoke, [false, false, true]);
}
