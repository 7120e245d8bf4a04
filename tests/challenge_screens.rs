//! A challenge played for real, on another computer's files (its own HOME, config and
//! records): the title's field refuses a damaged code with why, plays the real one, and the
//! results show both games side by side and copy this game's code, which the title pastes.

use bigtuna::challenge::ChallengeCode;
use bigtuna::challenge::code_of;
use bigtuna::game::draw::draw;
use bigtuna::game::flow::game_of;
use bigtuna::game::settings::PARTY_KINDS;
use bigtuna::game::{GameSettings, Presented, ScoringPresets, TimerChoice};
use bigtuna::pack::Answer;

use crate::screens::{XVFB, run_script_with, shots_dir, shows};
use crate::support::{builtin_library, scratch_dir};

/// Pam's game at home: five questions, her score 107.
fn pams_game() -> (Vec<bigtuna::game::DrawnQuestion>, String) {
    let library = builtin_library();
    let mut settings =
        GameSettings { questions: 5, timer: TimerChoice::Off, kinds: PARTY_KINDS.to_vec(), ..GameSettings::default() };
    settings.players[0].name = "Pam".into();
    let drawn = draw(&library, &settings, 4242).expect("enough questions");
    let mut game = game_of(drawn, &settings, &ScoringPresets::default(), 4242, false);
    game.players[0].score = 107;
    crate::challenge::played(&mut game);
    let code = code_of(&game, &library).expect("a code").to_text();
    (game.questions, code)
}

/// The keys that answer each question right.
fn answers(questions: &[bigtuna::game::DrawnQuestion]) -> Vec<String> {
    let mut steps = Vec::new();
    for (n, drawn) in questions.iter().enumerate() {
        match (&drawn.presented, &drawn.question.answer) {
            (Presented::Options { correct, .. }, _) => steps.push(format!("{}", correct + 1)),
            (_, Answer::Typed { accept }) => steps.extend([format!("text:{}", accept[0]), "enter".into()]),
            (_, Answer::Number { answer, .. }) => steps.extend([format!("text:{answer}"), "enter".into()]),
            _ => panic!("a party kind"),
        }
        steps.extend(["wait:8".to_owned(), format!("shot:c-q{}-reveal", n + 1), "enter".into(), "wait:8".into()]);
    }
    steps
}

#[test]
fn a_friend_plays_a_challenge_from_the_title_and_sees_both_scores() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (questions, code) = pams_game();
    let damaged: String = code.chars().skip(1).collect();
    let mut steps: Vec<String> = ["wait:40", "click:Play a challenge button", "wait:5"].map(String::from).to_vec();
    steps.extend([format!("text:{damaged}"), "enter".into(), "wait:5".into(), "shot:c1-refused".into()]);
    steps.extend(["esc", "wait:3", "click:Play a challenge button", "wait:3"].map(String::from));
    steps.extend([format!("text:{code}"), "wait:2".into(), "shot:c2-typed".into(), "enter".into(), "wait:8".into()]);
    steps.extend(answers(&questions));
    steps.extend(
        ["wait:5", "shot:c3-results", "click:Copy challenge code button", "wait:5", "shot:c4-copied"].map(String::from),
    );
    steps.extend(
        ["click:Title screen button", "wait:8", "click:Play a challenge button", "wait:3", "ctrl+v", "wait:3"]
            .map(String::from),
    );
    steps.extend(["shot:c5-pasted", "esc", "wait:3"].map(String::from));
    // By mouse alone: the button opens the field, pastes, and plays.
    let clicks =
        ["click:Play a challenge button", "wait:3", "click:Play a challenge button", "wait:3", "shot:c6-clicked"];
    steps.extend(clicks.map(String::from));
    steps.extend(["click:Play a challenge button", "wait:10", "shot:c7-playing"].map(String::from));
    let dir = shots_dir().join("challenge");
    let (home, games) = (scratch_dir("challenge-home"), scratch_dir("challenge-games"));
    let env = [("HOME", home.as_path()), ("BIGTUNA_GAMES", games.as_path())];
    let (names, log) = run_script_with(&steps.join(","), &dir, &scratch_dir("challenge-config"), &[], &env);
    for shot in ["c1-refused", "c2-typed", "c3-results", "c4-copied", "c5-pasted"] {
        assert!(names.contains(&format!("{shot}.png")), "{shot} missing from {names:?}\n{log}");
    }
    let refused = shows(&log, "c1-refused");
    assert!(refused.contains("this challenge code is damaged"), "{refused}");
    assert!(shows(&log, "c2-typed").contains(&code), "the code typed shows");
    // The record of the friend's game: Pam's questions in Pam's order, and her score beside.
    let (records, broken) = bigtuna::cli::history::read(&games);
    assert!(broken.is_empty(), "{broken:?}");
    let [record] = &records[..] else { panic!("one game recorded: {}\n{log}", records.len()) };
    let asked: Vec<String> = record.rounds.iter().map(|r| r.question.clone()).collect();
    let pams: Vec<String> = questions.iter().map(|q| format!("{}/{}", q.pack, q.question.id)).collect();
    assert_eq!(asked, pams, "the challenge's questions, in its order");
    assert!(record.rounds.iter().all(|r| r.answers.iter().all(|a| a.correct)), "every answer right: {record:?}");
    let challenge = record.challenge.as_ref().expect("the challenge is recorded");
    assert_eq!((challenge.rivals[0].name.as_str(), challenge.rivals[0].score), ("Pam", 107));
    let ours = record.players[0].score;
    let results = shows(&log, "c3-results");
    assert!(results.contains("The challenge of Pam's game"), "{results}");
    assert!(results.contains(&format!("You beat Pam's 107 by {} points", ours - 107)), "{results}");
    // This game's own code plays the same questions again.
    let again = ChallengeCode::from_text(record.code.as_deref().expect("a code")).expect("readable");
    assert_eq!(ChallengeCode::from_text(&code).map(|c| c.questions), Ok(again.questions.clone()));
    assert!(results.contains(record.code.as_deref().unwrap_or("-")), "the results show the code: {results}");
    assert!(shows(&log, "c4-copied").contains("Copied"), "{}", shows(&log, "c4-copied"));
    let pasted = shows(&log, "c5-pasted");
    assert!(pasted.contains(record.code.as_deref().unwrap_or("-")), "Ctrl+V pastes the copied code: {pasted}");
    let clicked = shows(&log, "c6-clicked");
    assert!(
        clicked.contains(record.code.as_deref().unwrap_or("-")) && clicked.contains("Play this challenge"),
        "{clicked}"
    );
    assert!(shows(&log, "c7-playing").contains("Question 1 of"), "a click played it: {}", shows(&log, "c7-playing"));
}
