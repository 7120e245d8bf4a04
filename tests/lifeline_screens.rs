//! Lifelines and the final wager on screen, for real, under Xvfb: a hot-seat night of five
//! questions started from the command line. Ann shreds from her key row's lifeline key, Bo
//! picks from his menu; on the last question (Ann's turn) Ann bets with a pad on the wager
//! step and asks Pam with the pad's Select. The TV shows each, and the record keeps each.

use bigtuna::game::draw::draw;
use bigtuna::game::settings::PARTY_KINDS;
use bigtuna::game::{GameSettings, PlayMode, Presented};
use bigtuna::pack::Answer;

use crate::screens::{XVFB, assert_screens_differ, run_script_with, shots_dir};
use crate::support::{builtin_library, scratch_dir};

const QUESTIONS: usize = 5;

/// A hot-seat seed whose five questions are multiple choice (so the Shredder applies), with
/// each question's right option.
fn seed_of_three_choices() -> (u64, Vec<usize>) {
    let settings = GameSettings {
        questions: QUESTIONS,
        kinds: PARTY_KINDS.to_vec(),
        mode: PlayMode::HotSeat,
        ..GameSettings::default()
    };
    (1..2000)
        .find_map(|seed| {
            let game = draw(&builtin_library(), &settings, seed).ok()?;
            let rights: Option<Vec<usize>> = game
                .iter()
                .map(|q| match (&q.presented, &q.question.answer) {
                    (Presented::Options { options, correct }, Answer::MultipleChoice { .. }) if options.len() >= 4 => {
                        Some(*correct)
                    }
                    _ => None,
                })
                .collect();
            Some((seed, rights?))
        })
        .expect("a seed of five multiple-choice questions")
}

#[test]
fn lifelines_from_a_key_row_and_a_pad_and_a_wager_on_screen() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (seed, rights) = seed_of_three_choices();
    let ann = ["1", "2", "3", "4"];
    let bo = ["q", "w", "e", "r"];
    let faces = ["pad:south", "pad:east", "pad:west", "pad:north"];
    let mut steps: Vec<String> =
        ["wait:40", "shot:l0-question", "7", "wait:4", "shot:l1-menu", "1", "wait:6"].map(String::from).to_vec();
    steps.extend(["shot:l2-shredded".into(), ann[rights[0]].into(), "wait:8".into(), "shot:l3-reveal".into()]);
    // The standings, then Bo's turn: his lifeline key, then his row's first key picks.
    steps.extend(["enter", "wait:8", "enter", "wait:8", "u", "wait:3", "q", "wait:6", "shot:l4-bo"].map(String::from));
    steps.extend([
        bo[rights[1]].into(),
        "wait:8".into(),
        "enter".into(),
        "wait:8".into(),
        "enter".into(),
        "wait:8".into(),
    ]);
    // Questions 3 (Ann's) and 4 (Bo's), answered plainly; then the wager step.
    for (keys, right) in [(ann, rights[2]), (bo, rights[3])] {
        steps.extend([keys[right], "wait:8", "enter", "wait:8", "enter", "wait:8"].map(String::from));
    }
    // The wager step: Ann bets three quarters with the pad (Y), and the last question opens.
    steps.extend(
        ["shot:l5-wager", "pad:north", "wait:10", "pad:select", "wait:3", "pad:south", "wait:6"].map(String::from),
    );
    steps.extend(["shot:l6-pad-hint".into(), faces[rights[4]].into(), "wait:8".into(), "shot:l7-final-reveal".into()]);
    steps.extend(["enter", "wait:8", "enter", "wait:60", "shot:l8-podium"].map(String::from));
    let dir = shots_dir().join("lifelines");
    let config = scratch_dir("lifelines-config");
    let games = scratch_dir("lifelines-games");
    let seed = seed.to_string();
    let extra = [
        "--mode",
        "hotseat",
        "--players",
        "Ann,Bo",
        "--lifelines",
        "1",
        "--wager",
        "--seed",
        &seed,
        "--count",
        "5",
        "--timer",
        "30",
    ];
    let (names, log) = run_script_with(&steps.join(","), &dir, &config, &extra, &[("BIGTUNA_GAMES", &games)]);
    assert_eq!(names.len(), 9, "{names:?}\n{log}");
    assert_screens_differ(&dir, &names, &log);
    assert!(log.contains("question 1: Ann used Shredder"), "Ann's row key and her first key\n{log}");
    assert!(log.contains("question 2: Bo used"), "Bo's menu\n{log}");
    assert!(log.contains("the final wager: Ann bet") && log.contains("(with Gamepad)"), "the pad's bet\n{log}");
    assert!(log.contains("question 5: Ann used Ask Pam"), "the pad's Select, then A\n{log}");
    let reveal = log.lines().find(|l| l.contains("shot l7-final-reveal shows")).unwrap_or_default();
    assert!(reveal.contains("· Bo  not their turn"), "the reveal marks whose turn it was not: {reveal}");
    let (records, broken) = bigtuna::cli::history::read(&games);
    assert!(broken.is_empty(), "{broken:?}");
    let [record] = &records[..] else { panic!("one record: {}\n{log}", records.len()) };
    let used: Vec<(&str, &str)> = record
        .rounds
        .iter()
        .flat_map(|r| r.lifelines.iter().map(|l| (l.player.as_str(), l.lifeline.as_str())))
        .collect();
    assert_eq!(used.first(), Some(&("Ann", "Shredder")), "{used:?}");
    assert!(used.contains(&("Ann", "Ask Pam")), "{used:?}");
    let last = record.rounds.last().expect("the last round");
    let [bet] = &last.bets[..] else { panic!("one bet, Ann's: {:?}", last.bets) };
    let before = record.rounds[record.rounds.len() - 2].scores[0];
    assert_eq!((bet.player.as_str(), bet.bet, bet.won), ("Ann", before * 3 / 4, true), "{last:?}");
    assert_eq!(last.scores[0], before + bet.bet);
}
