//! Every number a player sees adds up to the score, round by round: a wrong buzz's penalty
//! (no more than there was to lose), the host's points (as applied, a score stopping at
//! zero), a skip kept under the question skipped, and the game record adding up the same.

use bevy::prelude::*;
use bigtuna::game::{FlowCommand, GameSettings, HostAction, Phase, PlayMode, Screen};
use bigtuna::pack::AnswerKind;
use bigtuna::persist::game_log::GameLog;
use bigtuna::words::signed;

use crate::support::{
    answer, command, game, headless, phase, right_response, screen, send, settings, start, synthetic_library,
    wrong_response,
};

fn host(app: &mut App, action: HostAction) {
    send(app, action);
    app.update();
}

/// What the standings show beside a score: the change since the last standings.
fn standings_change(app: &App, player: usize) -> i64 {
    let game = game(app);
    i64::from(game.players[player].score) - i64::from(game.score_before_last_round(player))
}

/// What the reveal shows: the round's own change, then the host's.
fn reveal_changes(app: &App, player: usize) -> (i64, i64) {
    let game = game(app);
    let round = game.last_round().expect("a round");
    (round.outcomes[player].change(), game.host_points(player, round.question))
}

#[test]
fn penalties_host_points_and_skips_add_up_on_screen_and_in_the_record() {
    let s = GameSettings {
        mode: PlayMode::Buzz,
        buzz_penalty: true,
        kinds: vec![AnswerKind::TrueFalse],
        ..settings(2, 6, 11)
    };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);

    // Question 1: Bo is right; the host gives Ann 100 on the reveal.
    let drawn = game(&app).question().expect("a question").clone();
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    host(&mut app, HostAction::Points { player: 0, delta: 100 });
    assert_eq!(reveal_changes(&app, 0), (0, 100));
    assert_eq!(standings_change(&app, 0), 100, "the host's +100 shows in the standings, not (+0)");
    let bo_first = game(&app).players[1].score;
    assert!(bo_first > 0);
    assert_eq!(reveal_changes(&app, 1), (i64::from(bo_first), 0));
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Continue);

    // Question 2: both buzz wrong. Ann has 100 to lose, whatever the question was worth.
    let drawn = game(&app).question().expect("a question").clone();
    let value = game(&app).preset.base.of(drawn.question.difficulty);
    answer(&mut app, 0, wrong_response(&drawn));
    answer(&mut app, 1, wrong_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let round = game(&app).last_round().expect("a round").clone();
    assert_eq!(round.outcomes[0].penalty, value.min(100), "no more is taken than there was");
    assert_eq!(round.outcomes[0].change(), -i64::from(value.min(100)), "a wrong buzz reads as a loss, not +0");
    assert_eq!(signed(round.outcomes[0].change()), format!("-{}", value.min(100)));
    assert_eq!(standings_change(&app, 0), round.outcomes[0].change());
    // The host takes 500 from Bo, who has less: what was taken is what is kept.
    let bo = game(&app).players[1].score;
    host(&mut app, HostAction::Points { player: 1, delta: -500 });
    assert_eq!(game(&app).players[1].score, 0);
    let (change, by_host) = reveal_changes(&app, 1);
    assert_eq!(by_host, -i64::from(bo));
    assert_eq!(i64::from(game(&app).score_before_last_round(1)) + change + by_host, 0);
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Continue);

    // Question 3 is skipped: kept as question 3, not 4.
    let skipped = game(&app).current;
    host(&mut app, HostAction::Skip);
    app.update();
    let record = game(&app).host_log.last().expect("the skip is kept");
    assert_eq!((record.question, record.action), (skipped, HostAction::Skip));

    // Question 4: Ann is right, then the host ends the night.
    let drawn = game(&app).question().expect("a question").clone();
    answer(&mut app, 0, right_response(&drawn));
    app.update();
    host(&mut app, HostAction::EndEarly);
    app.update();
    assert_eq!(screen(&app), Screen::Results);

    // Every player's lines, round by round, come to their score.
    let game = game(&app);
    for (player, p) in game.players.iter().enumerate() {
        let rounds: i64 = game.rounds.iter().map(|r| r.outcomes[player].change()).sum();
        let hosted: i64 = game.rounds.iter().map(|r| game.host_points(player, r.question)).sum();
        assert_eq!(rounds + hosted, i64::from(p.score), "{}: the lines add up", p.name);
    }
    // And so does the record.
    let log = GameLog::of(game, 0);
    let skip = log.host.iter().find(|h| h.action == "skipped the question").expect("the skip is logged");
    assert_eq!(skip.question, skipped + 1, "logged 1-based under the question skipped");
    for logged in &log.players {
        let answers: i64 = log
            .rounds
            .iter()
            .flat_map(|r| &r.answers)
            .filter(|a| a.player == logged.name)
            .map(|a| i64::from(a.points) - i64::from(a.penalty))
            .sum();
        let hosted: i64 =
            log.host.iter().filter(|h| h.player.as_deref() == Some(logged.name.as_str())).map(|h| h.points).sum();
        assert_eq!(answers + hosted, i64::from(logged.score), "{}: the record adds up", logged.name);
    }
    let index = log.players.iter().position(|p| p.name == game.players[0].name).expect("Ann");
    let kept: Vec<u32> = log.rounds.iter().map(|r| r.scores[index]).collect();
    assert_eq!(kept.len(), game.rounds.len());
    assert_eq!(kept.last(), Some(&game.players[0].score));
}
