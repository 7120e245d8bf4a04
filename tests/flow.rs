//! Whole games, headless: solo and four players, every answer kind, timeouts, pause, quit,
//! play again, shortfalls, and the scoring presets.

use std::collections::HashSet;
use std::time::Duration;

use bevy::prelude::*;
use bigtuna::game::flow::StartProblem;
use bigtuna::game::results::{AwardDetail, AwardKind};
use bigtuna::game::{
    FlowCommand, Game, GameResults, GameSettings, Overlay, Phase, PlayerAction, Response, Screen, TimerChoice,
};
use bigtuna::pack::AnswerKind;

use crate::support::{
    FRAME, answer, command, game, headless, overlay, phase, right_response, screen, send, settings, start,
    synthetic_library, wrong_response,
};

#[test]
fn a_solo_game_answered_right_scores_every_question() {
    let mut app = headless(synthetic_library(6), settings(1, 10, 7));
    start(&mut app);
    let total = game(&app).questions.len();
    let mut kinds = HashSet::new();
    for n in 0..total {
        assert_eq!(game(&app).current, n);
        let drawn = game(&app).question().expect("question").clone();
        kinds.insert(drawn.question.answer.kind());
        answer(&mut app, 0, right_response(&drawn));
        app.update();
        assert_eq!(phase(&app), Some(Phase::Reveal), "one answer closes a solo question");
        let outcome = &game(&app).last_round().expect("round").outcomes[0];
        assert!(outcome.correct, "question {n} ({:?}) judged wrong", drawn.question.answer);
        assert!(outcome.points >= 100, "a right answer earns points");
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(screen(&app), Screen::Results);
    let results = app.world().resource::<GameResults>();
    let player = &results.players[0];
    assert_eq!((player.correct, player.asked, player.rank), (total, total, 1));
    assert_eq!(player.best_streak as usize, total);
    assert_eq!(player.score, game(&app).players[0].score);
    assert!(results.awards.iter().any(|a| a.kind == AwardKind::LongestStreak));
    assert!(kinds.len() >= 4, "a mixed game of 10 mixes kinds: {kinds:?}");
}

#[test]
fn four_players_every_kind_with_a_timeout() {
    let mut s = settings(4, 10, 42);
    s.timer = TimerChoice::Seconds10;
    let mut app = headless(synthetic_library(6), s);
    start(&mut app);
    let total = game(&app).questions.len();
    let mut kinds = HashSet::new();
    for _ in 0..total {
        let drawn = game(&app).question().expect("question").clone();
        kinds.insert(drawn.question.answer.kind());
        // Player 0 right at once, 1 wrong, 3 right a second later; 2 never answers.
        answer(&mut app, 0, right_response(&drawn));
        answer(&mut app, 1, wrong_response(&drawn));
        for _ in 0..10 {
            app.update();
        }
        answer(&mut app, 3, right_response(&drawn));
        assert_eq!(phase(&app), Some(Phase::Question), "player 2 has not answered yet");
        // The kind's own time (typing and ordering get more than a tap).
        let limit = app.world().resource::<bigtuna::game::Clock>().limit.expect("a timed question");
        assert!(limit >= std::time::Duration::from_secs(10), "{limit:?}");
        for _ in 0..limit.as_millis() / crate::support::FRAME.as_millis() {
            app.update();
        }
        assert_eq!(phase(&app), Some(Phase::Reveal), "the timer closes the question");
        let round = game(&app).last_round().expect("round").clone();
        assert!(round.outcomes[0].correct && round.outcomes[3].correct);
        assert!(!round.outcomes[1].correct && !round.outcomes[2].correct);
        assert_eq!(round.outcomes[2].answer, None);
        assert_eq!(round.outcomes[2].points, 0);
        assert!(round.outcomes[0].points > round.outcomes[3].points, "faster earns more speed bonus");
        command(&mut app, FlowCommand::Continue);
        assert_eq!(phase(&app), Some(Phase::Standings), "party games show standings");
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(screen(&app), Screen::Results);
    assert!(kinds.len() >= 4, "{kinds:?}");
    let results = app.world().resource::<GameResults>().clone();
    assert_eq!(results.players[0].player, 0, "the fastest right player wins");
    assert_eq!(results.players[0].rank, 1);
    let last = results.players.last().expect("players");
    assert_eq!(last.score, 0);
    assert_eq!(
        results.players.iter().filter(|p| p.score == 0).map(|p| p.rank).collect::<HashSet<_>>().len(),
        1,
        "ties share a rank"
    );
    let fastest = results.awards.iter().find(|a| a.kind == AwardKind::FastestCorrect).expect("award");
    assert_eq!(fastest.players, vec![0]);
    let avg = results.players.iter().find(|p| p.player == 3).and_then(|p| p.average_time).expect("answered");
    assert!(avg >= Duration::from_millis(1000), "{avg:?}");
}

#[test]
fn pausing_stops_the_clock() {
    let mut s = settings(1, 5, 3);
    s.timer = TimerChoice::Seconds10;
    let mut app = headless(synthetic_library(3), s);
    start(&mut app);
    for _ in 0..30 {
        app.update();
    }
    let before = app.world().resource::<bigtuna::game::Clock>().elapsed;
    command(&mut app, FlowCommand::Pause);
    assert_eq!(overlay(&app), Some(Overlay::Paused));
    // An answer during the pause is not taken.
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    for _ in 0..200 {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Question), "20 s paused did not end a 10 s question");
    assert!(app.world().resource::<bigtuna::game::Clock>().elapsed - before <= FRAME * 2, "the clock stood still");
    command(&mut app, FlowCommand::Resume);
    assert_eq!(overlay(&app), Some(Overlay::None));
    answer(&mut app, 0, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let time = game(&app).last_round().expect("round").outcomes[0].time().expect("answered");
    assert!(time < Duration::from_secs(4), "answer time excludes the pause: {time:?}");
}

#[test]
fn quitting_asks_first() {
    let mut app = headless(synthetic_library(3), settings(1, 5, 3));
    start(&mut app);
    command(&mut app, FlowCommand::Quit);
    assert_eq!(overlay(&app), Some(Overlay::ConfirmQuit));
    command(&mut app, FlowCommand::CancelQuit);
    assert_eq!((screen(&app), overlay(&app)), (Screen::Playing, Some(Overlay::None)));
    command(&mut app, FlowCommand::Quit);
    command(&mut app, FlowCommand::ConfirmQuit);
    assert_eq!(screen(&app), Screen::Title);
    assert!(app.world().get_resource::<Game>().is_none());
}

#[test]
fn play_again_keeps_settings_and_draws_new_questions() {
    let mut app = headless(synthetic_library(10), settings(1, 5, 11));
    start(&mut app);
    let first: HashSet<String> = game(&app).questions.iter().map(|q| q.question.id.clone()).collect();
    let first_seed = game(&app).seed;
    while screen(&app) == Screen::Playing {
        let drawn = game(&app).question().expect("question").clone();
        answer(&mut app, 0, wrong_response(&drawn));
        app.update();
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(screen(&app), Screen::Results);
    command(&mut app, FlowCommand::PlayAgain);
    assert_eq!(screen(&app), Screen::Playing);
    let second: HashSet<String> = game(&app).questions.iter().map(|q| q.question.id.clone()).collect();
    assert_ne!(game(&app).seed, first_seed);
    assert!(first.is_disjoint(&second), "play again asks other questions");
    assert_eq!(game(&app).settings.questions, 5);
    assert_eq!(game(&app).players.len(), 1);
    assert_eq!(game(&app).players[0].score, 0, "scores start over");
}

#[test]
fn too_few_questions_says_so_and_offers_what_there_is() {
    let mut s = settings(1, 50, 1);
    s.kinds = vec![AnswerKind::Typed];
    let mut app = headless(synthetic_library(7), s);
    command(&mut app, FlowCommand::StartGame);
    assert_eq!(screen(&app), Screen::Setup);
    let problem = *app.world().resource::<StartProblem>();
    assert_eq!((problem.0.asked, problem.0.available), (50, 7));
    assert!(problem.0.to_string().contains("Only 7 questions match"));
    app.world_mut().resource_mut::<GameSettings>().questions = 7;
    start(&mut app);
    assert!(app.world().get_resource::<StartProblem>().is_none());
}

#[test]
fn spoiler_limit_keeps_later_seasons_out() {
    let mut s = settings(1, 5, 5);
    s.max_season = 2;
    let mut app = headless(synthetic_library(18), s);
    start(&mut app);
    for drawn in &game(&app).questions {
        assert!(drawn.question.seasons.is_some_and(|r| r.last() <= 2), "{:?}", drawn.question.seasons);
    }
}

#[test]
fn accuracy_preset_has_no_speed_points_and_gives_partial_credit() {
    let mut s = settings(1, 5, 9);
    s.scoring = "accuracy".into();
    s.kinds = vec![AnswerKind::Ordering];
    s.timer = TimerChoice::Seconds30;
    let mut app = headless(synthetic_library(5), s);
    start(&mut app);
    let drawn = game(&app).question().expect("question").clone();
    let Response::Order(mut order) = right_response(&drawn) else { panic!("ordering") };
    order.swap(0, 1);
    answer(&mut app, 0, Response::Order(order));
    app.update();
    let outcome = game(&app).last_round().expect("round").outcomes[0].clone();
    let base = game(&app).preset.base.of(drawn.question.difficulty);
    assert!(!outcome.correct);
    assert_eq!(outcome.points, base / 2, "2 of 4 items in place: half the base points, no speed bonus");
}

#[test]
fn closest_wins_in_party_number_rounds() {
    let mut s = settings(3, 5, 21);
    s.scoring = "closest".into();
    s.kinds = vec![AnswerKind::Number];
    let mut app = headless(synthetic_library(5), s);
    start(&mut app);
    let drawn = game(&app).question().expect("question").clone();
    let Response::Number(right) = right_response(&drawn) else { panic!("number") };
    // All in one frame, so speed bonuses are equal too.
    send(&mut app, PlayerAction::new(0, Response::Number(right + 3.0)));
    send(&mut app, PlayerAction::new(1, Response::Number(right - 3.0)));
    send(&mut app, PlayerAction::new(2, Response::Number(right + 10.0)));
    app.update();
    app.update();
    let round = game(&app).last_round().expect("round").clone();
    assert!(round.outcomes[0].correct && round.outcomes[1].correct, "the two closest share the round");
    assert!(!round.outcomes[2].correct);
    assert_eq!(round.outcomes[0].points, round.outcomes[1].points);
}

#[test]
fn streak_bonus_is_capped() {
    use bigtuna::game::scoring::{Attempt, ScoringPresets};
    use bigtuna::pack::Difficulty;
    let presets = ScoringPresets::default();
    let classic = presets.get("classic").expect("classic");
    let at = |streak| {
        classic.points(Difficulty::Easy, Attempt { correct: true, credit: 1.0, time: Duration::ZERO, streak }, None)
    };
    assert_eq!(at(1), 100);
    assert_eq!(at(2), 125);
    assert_eq!(at(20), 200, "capped at +100");
    let timed = |secs| {
        classic.points(
            Difficulty::Hard,
            Attempt { correct: true, credit: 1.0, time: Duration::from_secs(secs), streak: 1 },
            Some(Duration::from_secs(20)),
        )
    };
    assert_eq!(timed(0), 400);
    assert_eq!(timed(10), 350, "the speed bonus falls linearly");
    assert_eq!(timed(20), 300);
    assert_eq!(presets.0.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["classic", "accuracy", "closest"]);
}

#[test]
fn answers_of_the_wrong_kind_or_player_are_ignored() {
    let mut s = settings(1, 5, 2);
    s.kinds = vec![AnswerKind::Typed];
    let mut app = headless(synthetic_library(5), s);
    start(&mut app);
    answer(&mut app, 0, Response::Option(0));
    answer(&mut app, 5, Response::Text("x".into()));
    answer(&mut app, 0, Response::Text("   ".into()));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Question));
}

#[test]
fn passing_ends_a_solo_question_without_points() {
    let mut s = settings(1, 5, 4);
    s.kinds = vec![AnswerKind::Typed];
    let mut app = headless(synthetic_library(5), s);
    start(&mut app);
    answer(&mut app, 0, Response::Pass);
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let outcome = &game(&app).last_round().expect("round").outcomes[0];
    assert!(!outcome.correct);
    assert_eq!((outcome.points, outcome.response().cloned()), (0, Some(Response::Pass)));
}

#[test]
fn the_host_can_close_a_question_nobody_else_can_answer() {
    let mut app = headless(synthetic_library(5), settings(6, 5, 8));
    start(&mut app);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    command(&mut app, FlowCommand::CloseQuestion);
    assert_eq!(phase(&app), Some(Phase::Reveal), "the untimed question closes on the host's word");
    let round = game(&app).last_round().expect("round").clone();
    assert!(round.outcomes[0].correct);
    assert!(round.outcomes[1..].iter().all(|o| o.answer.is_none() && o.points == 0));
    command(&mut app, FlowCommand::CloseQuestion);
    assert_eq!(phase(&app), Some(Phase::Reveal), "closing twice does nothing more");
}

#[test]
fn a_fresh_draw_is_replayed_by_its_seed_and_a_draw_that_skipped_seen_questions_says_so() {
    let library = synthetic_library(10);
    let mut app = headless(library.clone(), settings(1, 5, 11));
    start(&mut app);
    let first = game(&app).clone();
    assert!(!first.least_seen);
    // What the results screen tells the player: `bigtuna play --seed N` gives this game.
    let replay = bigtuna::game::draw::draw(&library, &first.settings, first.seed).expect("replay");
    assert_eq!(replay, first.questions);
    while screen(&app) == Screen::Playing {
        let drawn = game(&app).question().expect("question").clone();
        answer(&mut app, 0, wrong_response(&drawn));
        app.update();
        command(&mut app, FlowCommand::Continue);
    }
    command(&mut app, FlowCommand::PlayAgain);
    let second = game(&app).clone();
    assert!(second.least_seen, "the first game's questions were put last");
    let seen = app.world().resource::<bigtuna::game::Seen>().clone();
    let (again, _) =
        bigtuna::game::draw::draw_least_seen(&library, &second.settings, second.seed, &seen).expect("draw");
    assert_eq!(again, second.questions, "the same seed and the same record draw the same game");
}

#[test]
fn a_comeback_is_awarded_to_whoever_climbs_most() {
    let mut app = headless(synthetic_library(6), settings(2, 5, 13));
    start(&mut app);
    for round in 0..5 {
        let drawn = game(&app).question().expect("question").clone();
        // Player 1 leads after the first question, player 2 wins every later one.
        let (first, second) = if round == 0 {
            (right_response(&drawn), wrong_response(&drawn))
        } else {
            (wrong_response(&drawn), right_response(&drawn))
        };
        answer(&mut app, 0, first);
        answer(&mut app, 1, second);
        app.update();
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(screen(&app), Screen::Results);
    let results = app.world().resource::<GameResults>();
    let comeback = results.awards.iter().find(|a| a.kind == AwardKind::BestComeback).expect("a comeback");
    assert_eq!(comeback.players, vec![1]);
    assert_eq!(comeback.detail, AwardDetail::Climb { from: 2, to: 1 });
    assert_eq!(bigtuna::words::award_detail(comeback.detail), "from 2nd to 1st");
    assert_eq!(results.players[0].player, 1);
}

#[test]
fn ordinals_read_right() {
    use bigtuna::words::ordinal;
    let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].into_iter().map(ordinal).collect();
    assert_eq!(
        got,
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th"]
    );
}

#[test]
fn broken_or_extreme_presets_fall_back_to_the_shipped_ones_with_a_message() {
    use bigtuna::game::scoring::ScoringPresets;
    let dir = crate::support::scratch_dir("presets");
    let broken = dir.join("scoring.ron");
    std::fs::write(&broken, "[\n    (id: \"classic\", name: 7),\n]").expect("write");
    let (presets, problem) = ScoringPresets::load_or_builtin(&broken);
    assert_eq!(presets, ScoringPresets::default());
    let problem = problem.expect("a problem");
    assert_eq!(problem.line, 2, "{problem}");
    assert!(problem.to_string().starts_with(&format!("{}:2:", broken.display())), "{problem}");
    let huge = bigtuna::game::scoring::BUILTIN_PRESETS.replace("speed_bonus: 100,", "speed_bonus: 4000000000,");
    std::fs::write(&broken, huge).expect("write");
    let (presets, problem) = ScoringPresets::load_or_builtin(&broken);
    assert_eq!(presets, ScoringPresets::default());
    assert!(problem.expect("a problem").message.contains("more than 1000000 points"));
    let (_, none) = ScoringPresets::load_or_builtin(&dir.join("missing.ron"));
    assert_eq!(none, None, "no file: the shipped presets, silently");
}
