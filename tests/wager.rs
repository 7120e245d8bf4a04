//! The final wager, headless: a bet is its own step before the last question (hidden, no
//! question clock), never more than the score, nothing when not placed in time; the last
//! question scores only the bet (right wins it, wrong or no answer loses it); whole games
//! with lifelines and a wager in every party mode; a resume in the middle keeps the bets;
//! a phone bets and never sees the question before every bet is in.

use bevy::prelude::*;
use bigtuna::game::wager::{SHARES, WAGER_TIME, settle, share_of};
use bigtuna::game::{Device, FlowCommand, GameSettings, Lifeline, Phase, PlaceBet, PlayMode, Stake, UseLifeline};
use bigtuna::pack::AnswerKind;
use proptest::prelude::*;

use crate::support::*;

fn wager_settings(players: usize, questions: usize, seed: u64, mode: PlayMode) -> GameSettings {
    let teams = if mode == PlayMode::Teams { vec!["Red".into(), "Blue".into()] } else { Vec::new() };
    GameSettings {
        mode,
        teams,
        wager: true,
        lifelines: 1,
        kinds: vec![AnswerKind::MultipleChoice],
        ..settings(players, questions, seed)
    }
}

/// Plays every question but the last, each answered by whoever may (right when `right`
/// says so), and goes on to what follows: the wager step.
fn play_to_the_wager(app: &mut App, right: impl Fn(usize, usize) -> bool) {
    let last = game(app).questions.len() - 1;
    while game(app).current < last {
        let question = game(app).current;
        let drawn = game(app).question().expect("a question").clone();
        for player in 0..game(app).players.len() {
            if game(app).may_answer(player) {
                let response = if right(question, player) { right_response(&drawn) } else { wrong_response(&drawn) };
                answer(app, player, response);
            }
        }
        for _ in 0..400 {
            if phase(app) == Some(Phase::Question) && game(app).current == question {
                app.update();
            } else {
                break;
            }
        }
        while game(app).current == question {
            command(app, FlowCommand::Continue);
        }
    }
    app.update();
}

fn bet(app: &mut App, player: usize, stake: Stake) {
    send(app, PlaceBet { player, stake, device: Device::Keyboard });
    app.update();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(200), ..ProptestConfig::default() })]

    #[test]
    fn a_bet_is_never_more_than_the_score_and_settles_exactly(score in 0u32..100_000, asked in any::<u32>(), right in any::<bool>()) {
        for share in SHARES {
            prop_assert!(share_of(score, share) <= score);
        }
        prop_assert_eq!(share_of(score, 100), score);
        prop_assert_eq!(share_of(score, 0), 0);
        let bet = asked.min(score);
        let (won, lost) = settle(bet, right, score);
        prop_assert_eq!(i64::from(won) - i64::from(lost), if right { i64::from(bet) } else { -i64::from(bet) });
    }

    #[test]
    fn a_placed_bet_is_at_most_the_score_whatever_was_asked(asked in any::<u32>(), seed in 0u64..50) {
        let mut app = headless(synthetic_library(6), wager_settings(2, 3, seed, PlayMode::Everyone));
        start(&mut app);
        play_to_the_wager(&mut app, |_, _| true);
        prop_assert_eq!(phase(&app), Some(Phase::Wager));
        let score = game(&app).players[0].score;
        bet(&mut app, 0, Stake::Points(asked));
        prop_assert_eq!(game(&app).players[0].wager, Some(asked.min(score)));
    }
}

#[test]
fn the_bet_is_its_own_step_and_a_bet_not_placed_in_time_is_nothing() {
    let mut app = headless(synthetic_library(6), wager_settings(2, 3, 5, PlayMode::Everyone));
    start(&mut app);
    play_to_the_wager(&mut app, |_, _| true);
    assert_eq!(phase(&app), Some(Phase::Wager), "the last question is bet on first");
    assert_eq!(game(&app).current, 2);
    assert!(game(&app).players.iter().all(|p| p.score > 0 && p.wager.is_none()));
    // No answer counts while bets are placed: the question is not open.
    let drawn = game(&app).question().expect("the last question").clone();
    answer(&mut app, 0, right_response(&drawn));
    assert!(game(&app).pending(0).is_none());
    bet(&mut app, 0, Stake::Share(50));
    let half = share_of(game(&app).players[0].score, 50);
    assert_eq!(game(&app).players[0].wager, Some(half));
    // A second bet does not change the first.
    bet(&mut app, 0, Stake::Share(100));
    assert_eq!(game(&app).players[0].wager, Some(half));
    // Pausing stops the bets' clock.
    command(&mut app, FlowCommand::Pause);
    for _ in 0..(WAGER_TIME.as_millis() / FRAME.as_millis() + 20) {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Wager), "paused, the bets' time stands still");
    command(&mut app, FlowCommand::Resume);
    for _ in 0..(WAGER_TIME.as_millis() / FRAME.as_millis() + 5) {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Question));
    assert_eq!(game(&app).players[1].wager, Some(0), "no bet in time is a bet of nothing");
}

#[test]
fn the_last_question_scores_only_the_bet_and_no_answer_loses_it() {
    let mut app = headless(synthetic_library(6), wager_settings(3, 3, 9, PlayMode::Everyone));
    start(&mut app);
    play_to_the_wager(&mut app, |_, _| true);
    let before: Vec<u32> = game(&app).players.iter().map(|p| p.score).collect();
    for player in 0..3 {
        bet(&mut app, player, Stake::Share(100));
    }
    app.update();
    assert_eq!(phase(&app), Some(Phase::Question), "every bet in: the question opens at once");
    assert!(
        game(&app).lifeline_offered(0, Lifeline::DoublePoints, true).is_err(),
        "Double Dundie is not offered on the wager's question"
    );
    send(&mut app, UseLifeline { player: 0, lifeline: Lifeline::DoublePoints, device: Device::Phone });
    app.update();
    assert_eq!(game(&app).players[0].lifelines.of(Lifeline::DoublePoints), 1, "not used up");
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 1, wrong_response(&drawn));
    // Player 2 runs out the clock.
    for _ in 0..400 {
        if phase(&app) != Some(Phase::Question) {
            break;
        }
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let round = game(&app).rounds.last().expect("the last round").clone();
    assert_eq!(game(&app).players[0].score, before[0] * 2, "right doubles an all-in bet");
    assert_eq!(game(&app).players[1].score, 0, "wrong loses it");
    assert_eq!(game(&app).players[2].score, 0, "no answer loses it too");
    assert_eq!(
        round.outcomes.iter().map(|o| o.wager).collect::<Vec<_>>(),
        before.iter().map(|b| Some(*b)).collect::<Vec<_>>()
    );
    assert_eq!(round.outcomes[2].change(), -i64::from(before[2]));
}

#[test]
fn whole_games_with_lifelines_and_a_wager_in_every_party_mode() {
    for mode in [PlayMode::Everyone, PlayMode::Buzz, PlayMode::HotSeat, PlayMode::Teams] {
        let mut app = headless(synthetic_library(8), wager_settings(4, 5, 21, mode));
        start(&mut app);
        send(&mut app, UseLifeline { player: 0, lifeline: Lifeline::DoublePoints, device: Device::Keyboard });
        app.update();
        play_to_the_wager(&mut app, |q, p| (q + p) % 2 == 0);
        assert_eq!(phase(&app), Some(Phase::Wager), "{mode:?}");
        let bettors: Vec<usize> = (0..4).filter(|p| game(&app).bets(*p)).collect();
        let expected = if mode == PlayMode::HotSeat { 1 } else { 4 };
        assert_eq!(bettors.len(), expected, "{mode:?}: who bets");
        let before: Vec<u32> = game(&app).players.iter().map(|p| p.score).collect();
        for (n, player) in bettors.iter().enumerate() {
            bet(&mut app, *player, Stake::Share(SHARES[n % SHARES.len()]));
        }
        app.update();
        assert_eq!(phase(&app), Some(Phase::Question), "{mode:?}");
        let drawn = game(&app).question().expect("question").clone();
        let answering: Vec<usize> = (0..4).filter(|p| game(&app).may_answer(*p)).collect();
        if let Some(first) = answering.first() {
            answer(&mut app, *first, right_response(&drawn));
        }
        for _ in 0..400 {
            if phase(&app) != Some(Phase::Question) {
                break;
            }
            app.update();
        }
        assert_eq!(phase(&app), Some(Phase::Reveal), "{mode:?}");
        let round = game(&app).rounds.last().expect("round").clone();
        for (player, before) in before.iter().copied().enumerate() {
            let outcome = &round.outcomes[player];
            let bet = game(&app).players[player].wager;
            assert_eq!(outcome.wager, bet.filter(|_| bettors.contains(&player)), "{mode:?} player {player}");
            let change = outcome.change();
            let expected = match outcome.wager {
                Some(bet) if outcome.correct => i64::from(bet),
                Some(bet) => -i64::from(bet.min(before)),
                None => 0,
            };
            assert_eq!(change, expected, "{mode:?} player {player}: {outcome:?}");
            assert_eq!(i64::from(game(&app).players[player].score), i64::from(before) + change);
        }
        // The lifeline used on the first question is in its record.
        assert_eq!(game(&app).rounds[0].outcomes[0].lifelines, vec![Lifeline::DoublePoints], "{mode:?}");
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
        assert_eq!(screen(&app), bigtuna::game::Screen::Results, "{mode:?}");
    }
}

#[test]
fn a_game_resumed_during_the_bets_keeps_those_placed_and_asks_the_rest() {
    let dir = scratch_dir("wager-resume");
    let s = wager_settings(2, 3, 14, PlayMode::Everyone);
    let mut app = crate::resume::saving_app_with(&dir, s.clone(), |_| {});
    start(&mut app);
    play_to_the_wager(&mut app, |_, _| true);
    bet(&mut app, 0, Stake::Share(25));
    let placed = game(&app).players[0].wager;
    assert!(placed.is_some());
    app.update();
    drop(app);
    let mut app = crate::resume::resumed(&dir, s);
    assert_eq!(phase(&app), Some(Phase::Wager), "back to the bets, not to the hidden question");
    assert_eq!(game(&app).players[0].wager, placed, "the bet placed stands");
    assert_eq!(game(&app).players[1].wager, None, "the other is asked again");
    bet(&mut app, 1, Stake::Share(100));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Question));
}

#[test]
fn without_the_setting_there_is_no_wager() {
    let s = GameSettings { wager: false, ..wager_settings(2, 3, 5, PlayMode::Everyone) };
    let mut app = headless(synthetic_library(6), s);
    start(&mut app);
    play_to_the_wager(&mut app, |_, _| true);
    assert_eq!(phase(&app), Some(Phase::Question));
    assert!(!game(&app).is_wager_round());
}

#[test]
fn a_phone_bets_and_sees_nothing_of_the_question_until_every_bet_is_in() {
    use crate::phone_games::{Night, pump};
    use crate::phones::{say, until};
    use bigtuna::net::protocol::ServerMessage;
    let Night { mut app, mut phones, .. } = phones_at_the_wager();
    let prompt = game(&app).question().expect("last").question.prompt.clone();
    let seen = until(&mut phones[0], |m| matches!(m, ServerMessage::Wager(_)));
    let ServerMessage::Wager(view) = seen else { unreachable!() };
    assert!(view.bets && view.placed.is_none());
    assert_eq!(view.question, 1);
    assert_eq!(view.presets.last().copied(), Some(view.score));
    assert!(!serde_json::to_string(&view).expect("json").contains(&prompt), "the question stays hidden");
    let json = format!(r#"{{"type":"wager","question":1,"points":{}}}"#, u64::from(view.score) + 1000);
    assert_eq!(say(&mut phones[0], &json), ServerMessage::Ack { question: 1 });
    pump(&mut app, |app| game(app).players[0].wager.is_some());
    assert_eq!(game(&app).players[0].wager, Some(view.score), "more than the score bets all of it");
    let placed = until(&mut phones[0], |m| matches!(m, ServerMessage::Wager(v) if v.placed.is_some()));
    let ServerMessage::Wager(placed) = placed else { unreachable!() };
    assert_eq!(placed.placed, Some(view.score));
    let json = r#"{"type":"wager","question":1,"points":0}"#;
    assert_eq!(say(&mut phones[1], json), ServerMessage::Ack { question: 1 });
    pump(&mut app, |app| phase(app) == Some(Phase::Question));
    let open = until(&mut phones[1], |m| matches!(m, ServerMessage::Question(_)));
    let ServerMessage::Question(open) = open else { unreachable!() };
    assert_eq!(open.prompt, prompt);
}

#[test]
fn junk_and_borrowed_bets_from_phones_are_refused_or_dropped() {
    use crate::phone_games::{Night, connect_to};
    use crate::phones::{error_code, say};
    use bigtuna::net::protocol::ErrorCode;
    let Night { mut app, mut phones, addr } = phones_at_the_wager();
    // Junk: a negative, fractional or textual bet, a field too many, a bet for another player.
    for junk in [
        r#"{"type":"wager","question":1,"points":-5}"#,
        r#"{"type":"wager","question":1,"points":2.5}"#,
        r#"{"type":"wager","question":1,"points":"all"}"#,
        r#"{"type":"wager","question":1,"points":5,"player":1}"#,
        r#"{"type":"wager","question":1}"#,
    ] {
        assert_eq!(error_code(&say(&mut phones[0], junk)), ErrorCode::BadMessage, "{junk}");
    }
    // A connection that never joined cannot bet for anyone.
    let mut stranger = connect_to(addr);
    assert_eq!(error_code(&say(&mut stranger, r#"{"type":"wager","question":1,"points":5}"#)), ErrorCode::NotJoined);
    // A bet on another question is dropped; nothing changed any bet.
    say(&mut phones[0], r#"{"type":"wager","question":0,"points":5}"#);
    for _ in 0..20 {
        app.update();
    }
    assert!(game(&app).players.iter().all(|p| p.wager.is_none()), "no junk placed a bet");
    assert_eq!(phase(&app), Some(Phase::Wager));
}

/// Ann and Bo on phones, both right on the first of two questions, at the wager's step.
fn phones_at_the_wager() -> crate::phone_games::Night {
    use crate::phone_games::{Night, phone_night, pump};
    let s = GameSettings {
        wager: true,
        kinds: vec![AnswerKind::MultipleChoice],
        questions: 2,
        seed: Some(6),
        ..GameSettings::default()
    };
    let Night { mut app, phones, addr } = phone_night(&["Ann", "Bo"], s);
    let drawn = game(&app).question().expect("first").clone();
    for player in 0..2 {
        answer(&mut app, player, right_response(&drawn));
    }
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    command(&mut app, FlowCommand::Continue);
    command(&mut app, FlowCommand::Continue);
    pump(&mut app, |app| phase(app) == Some(Phase::Wager));
    Night { app, phones, addr }
}
