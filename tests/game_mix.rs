//! The mix of a game: the kinds are spread (no two of one slow kind in a row where the pool
//! allows, the same seed still giving the same game), and the slower kinds get more time.

use std::time::Duration;

use bigtuna::game::draw::draw;
use bigtuna::game::{GameSettings, Phase, TimerChoice};
use bigtuna::pack::AnswerKind;

use crate::support::{builtin_library, command, game, headless, phase, settings, start, synthetic_library};

#[test]
fn no_two_of_one_slow_kind_in_a_row_and_a_seed_gives_one_game() {
    let library = builtin_library();
    let settings = GameSettings { questions: 12, ..GameSettings::default() };
    let slow = [AnswerKind::Ordering, AnswerKind::Typed, AnswerKind::Number];
    let mut back_to_back = Vec::new();
    for seed in 0..300 {
        let drawn = draw(&library, &settings, seed).expect("enough questions");
        assert_eq!(drawn, draw(&library, &settings, seed).expect("again"), "seed {seed} replays");
        let kinds: Vec<AnswerKind> = drawn.iter().map(|d| d.question.answer.kind()).collect();
        for pair in kinds.windows(2) {
            if pair[0] == pair[1] && slow.contains(&pair[0]) {
                back_to_back.push((seed, pair[0]));
            }
        }
        // Still a ramp, easy to hard.
        let levels: Vec<_> = drawn.iter().map(|d| d.question.difficulty).collect();
        assert!(levels.is_sorted(), "seed {seed}: {levels:?}");
    }
    // Before, 114 of these 300 games had one slow kind twice in a row.
    assert!(back_to_back.is_empty(), "one slow kind twice in a row: {back_to_back:?}");
}

#[test]
fn typed_answers_and_orderings_get_more_time_than_a_tap() {
    let kinds = [AnswerKind::TrueFalse, AnswerKind::Ordering, AnswerKind::Typed, AnswerKind::Number];
    let s = GameSettings { timer: TimerChoice::Seconds20, kinds: kinds.to_vec(), ..settings(1, 12, 4) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    let mut seen = std::collections::BTreeMap::new();
    while phase(&app) == Some(Phase::Question) && seen.len() < kinds.len() {
        let kind = game(&app).question().expect("a question").question.answer.kind();
        seen.insert(format!("{kind:?}"), app.world().resource::<bigtuna::game::Clock>().limit);
        crate::support::answer(&mut app, 0, bigtuna::game::Response::Pass);
        app.update();
        command(&mut app, bigtuna::game::FlowCommand::Continue);
        if phase(&app) == Some(Phase::Standings) {
            command(&mut app, bigtuna::game::FlowCommand::Continue);
        }
    }
    let secs = |kind: &str| seen.get(kind).copied().flatten().map(|d: Duration| d.as_secs());
    assert_eq!(secs("TrueFalse"), Some(20), "{seen:?}");
    assert_eq!(secs("Ordering"), Some(30), "{seen:?}");
    assert_eq!(secs("Typed"), Some(30), "{seen:?}");
    assert_eq!(secs("Number"), Some(25), "{seen:?}");
}
