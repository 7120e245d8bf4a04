//! Party nights on screen, for real, under Xvfb: joining and naming, a round with every
//! player's own keys, buzz-in with the host's panel and the podium, and teams.

use bigtuna::game::draw::draw;
use bigtuna::game::settings::PARTY_KINDS;
use bigtuna::game::{GameSettings, PlayMode, Presented, TimerChoice};
use bigtuna::pack::Answer;

use crate::screens::{COUNT, SEED, XVFB, assert_screens_differ, run_script_with, shots_dir};
use crate::support::{builtin_library, scratch_dir};

#[test]
fn a_party_round_on_screen() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let settings = GameSettings {
        questions: COUNT,
        seed: Some(SEED),
        timer: TimerChoice::Seconds30,
        kinds: PARTY_KINDS.to_vec(),
        ..GameSettings::default()
    };
    let game = draw(&builtin_library(), &settings, SEED).expect("enough questions");
    let first = &game[0];
    // Party night: three players join with their rows' first keys, the first is renamed.
    let mut steps: Vec<String> =
        ["wait:40", "down", "enter", "wait:5", "1", "q", "a", "wait:5", "shot:p0-join", "enter"]
            .map(String::from)
            .to_vec();
    // Tab offers another name of the game's making; then past it, however long.
    steps.extend(["tab", "wait:2"].map(String::from));
    steps.extend(std::iter::repeat_n("backspace".to_owned(), 20));
    steps.extend(["text:Angela", "wait:2", "shot:p1-naming", "enter", "wait:3"].map(String::from));
    // Down the names to Continue; on setup, past the mode, typed-or-aloud, the wager and the
    // game's nine rows to Start.
    steps.extend(["down", "down", "down", "enter", "wait:5", "shot:p2-setup"].map(String::from));
    steps.extend(std::iter::repeat_n("down".to_owned(), 3 + bigtuna::game::Setting::GAME.len()));
    steps.extend(["enter", "wait:8", "shot:p3-question"].map(String::from));
    match (&first.presented, &first.question.answer) {
        // Players 1 and 2 right with their own rows of keys, player 3 wrong.
        (Presented::Options { correct, .. }, _) => {
            let rows = [["1", "2", "3", "4"], ["q", "w", "e", "r"], ["a", "s", "d", "f"]];
            steps.push(rows[0][*correct].into());
            steps.push(rows[1][*correct].into());
            steps.push(rows[2][(correct + 1) % 2].into());
        }
        (_, Answer::Typed { accept }) => {
            for text in [accept[0].as_str(), accept[0].as_str(), "Nashua"] {
                steps.extend([format!("text:{text}"), "enter".into(), "wait:2".into()]);
            }
        }
        (_, Answer::Number { answer, .. }) => {
            for n in [*answer, *answer, answer + 100.0] {
                steps.extend([format!("text:{n}"), "enter".into(), "wait:2".into()]);
            }
        }
        _ => panic!("orderings are not drawn for party nights"),
    }
    steps.extend(["wait:8", "shot:p4-reveal", "enter", "wait:8", "shot:p5-standings"].map(String::from));
    // Quit is offered and turned down ("Keep playing"); the host ends the night early (F4), so
    // its record is written; the podium's Title screen goes back to the title.
    steps.extend(
        ["esc", "wait:5", "down", "enter", "wait:5", "shot:p6-confirm-quit", "enter", "wait:5", "f4", "wait:60"]
            .map(String::from),
    );
    steps.extend(["shot:p7-podium", "down", "enter", "wait:8", "shot:p8-title"].map(String::from));
    let dir = shots_dir().join("party");
    let config = scratch_dir("party-config");
    let games = scratch_dir("party-games");
    let extra = ["--seed", &SEED.to_string(), "--count", "5", "--timer", "30"];
    let (names, log) = run_script_with(&steps.join(","), &dir, &config, &extra, &[("BIGTUNA_GAMES", &games)]);
    for expected in [
        "p0-join.png",
        "p1-naming.png",
        "p2-setup.png",
        "p3-question.png",
        "p4-reveal.png",
        "p5-standings.png",
        "p6-confirm-quit.png",
        "p7-podium.png",
        "p8-title.png",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}\n{log}");
    }
    assert_screens_differ(&dir, &names, &log);
    let rounds = crate::screens::recorded_rounds(&games, &log);
    let rights: Vec<bool> = rounds.iter().map(|r| r.right).collect();
    assert_eq!(rights, [true, true, false], "players 1 and 2 right with their own keys, 3 wrong: {rounds:?}");
    assert!(rounds.iter().all(|r| r.id == first.question.id), "{rounds:?}");
    let defaults = std::fs::read_to_string(config.join("settings.ron")).unwrap_or_default();
    assert!(defaults.contains("Angela"), "the renamed player is saved with the game's defaults: {defaults}");
    // Each joined with a name of the game's making; Tab drew player 1 another.
    let join = crate::screens::shows(&log, "p0-join");
    assert!(!join.contains("Player 1") && !join.contains("Player 2"), "generated names, not numbers: {join}");
    assert!(log.contains("name idea for player 1: "), "Tab drew another name: {log}");
}

/// A seed whose first question, in a party of `mode`, has options to press.
fn seed_with_options_first(mode: PlayMode) -> u64 {
    (1..1000)
        .find(|seed| {
            let settings =
                GameSettings { questions: COUNT, kinds: PARTY_KINDS.to_vec(), mode, ..GameSettings::default() };
            draw(&builtin_library(), &settings, *seed)
                .is_ok_and(|game| matches!(game[0].presented, Presented::Options { .. }))
        })
        .expect("a seed")
}

/// The correct option of the first question of that seed's party game.
fn first_correct(mode: PlayMode, seed: u64) -> usize {
    let settings = GameSettings { questions: COUNT, kinds: PARTY_KINDS.to_vec(), mode, ..GameSettings::default() };
    match draw(&builtin_library(), &settings, seed).expect("a game")[0].presented {
        Presented::Options { correct, .. } => correct,
        _ => unreachable!("chosen for its options"),
    }
}

#[test]
fn a_buzz_in_night_with_the_host_on_screen() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let seed = seed_with_options_first(PlayMode::Buzz);
    let correct = first_correct(PlayMode::Buzz, seed);
    let (rows, wrong) = ([["1", "2", "3", "4"], ["q", "w", "e", "r"]], (correct + 1) % 2);
    // Started from the command line straight into the first question: Ann buzzes wrong and is
    // locked out, Bo buzzes right; the host opens the panel and counts Ann's answer right.
    let steps = [
        "wait:40",
        "shot:b1-buzz-question",
        rows[0][wrong],
        "wait:4",
        "shot:b2-locked-out",
        rows[1][correct],
        "wait:8",
        "shot:b3-reveal",
        "f1",
        "wait:5",
        "shot:b4-host-panel",
        "down",
        "enter",
        "wait:3",
        "esc",
        "wait:5",
        "shot:b5-host-banner",
        "enter",
        "wait:60",
        "shot:b6-standings",
        "f4",
        "wait:60",
        "shot:b7-podium",
    ];
    let extra = ["--mode", "buzz", "--players", "Ann,Bo,Cy", "--seed", &seed.to_string(), "--timer", "30"];
    let (log, games) = night("buzz", &steps, &extra, 7);
    // Ann's answer was judged wrong and Bo's right; the host counted Ann's, so the record has
    // both right, with Ann's points, and Cy's wrong.
    let rounds = crate::screens::recorded_rounds(&games, &log);
    assert_eq!(rounds.iter().map(|r| r.right).collect::<Vec<_>>(), [true, true, false], "{rounds:?}\n{log}");
    assert!(rounds[0].points > 0 && rounds[0].total == rounds[0].points, "{rounds:?}");
    assert!(log.contains("host: Accept(0) during question 1"), "the host's ruling is logged\n{log}");
    // F4 ended the night; its record was written, with the ruling in it.
    let records: Vec<_> = std::fs::read_dir(&games).expect("the games folder").filter_map(Result::ok).collect();
    assert_eq!(records.len(), 1, "one game, one record\n{log}");
    let record = std::fs::read_to_string(records[0].path()).expect("the record");
    assert!(record.contains("counted Ann") && record.contains("ended the game"), "{record}");
}

#[test]
fn a_teams_night_on_screen() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let seed = seed_with_options_first(PlayMode::Teams);
    let correct = first_correct(PlayMode::Teams, seed);
    let rows = [["1", "2", "3", "4"], ["q", "w", "e", "r"]];
    // Team talk first; then Ann answers for Scranton (right), Bo for Stamford (wrong).
    let steps = [
        "wait:30",
        "shot:t1-team-talk",
        // The team talk lasts five seconds of the game's clock, whatever the frame rate.
        "sleep:5500",
        "wait:2",
        "shot:t2-teams-question",
        rows[0][correct],
        rows[1][(correct + 1) % 2],
        "wait:8",
        "shot:t3-reveal",
        "enter",
        "wait:8",
        "shot:t4-standings",
        "f4",
        "wait:60",
        "shot:t5-podium",
    ];
    let seed = seed.to_string();
    let extra = [
        "--mode",
        "teams",
        "--players",
        "Ann,Bo,Cy,Di",
        "--teams",
        "Scranton,Stamford",
        "--seed",
        &seed,
        "--timer",
        "60",
    ];
    let (log, games) = night("teams", &steps, &extra, 5);
    // Scranton answered right and Stamford wrong: the record has it by player, and Ann's team
    // scored while Bo's did not.
    let rounds = crate::screens::recorded_rounds(&games, &log);
    assert_eq!(rounds.iter().map(|r| r.right).collect::<Vec<_>>(), [true, false, false, false], "{rounds:?}\n{log}");
}

/// Runs a night of five questions started from the command line with `extra` and the key
/// `steps`, checks its `shots` screenshots all show something different, and returns the log
/// and the folder its record was written in.
fn night(name: &str, steps: &[&str], extra: &[&str], shots: usize) -> (String, std::path::PathBuf) {
    let dir = shots_dir().join(name);
    let config = scratch_dir(&format!("{name}-config"));
    let games = scratch_dir(&format!("{name}-games"));
    let extra = [extra, &["--count", "5"]].concat();
    let (names, log) = run_script_with(&steps.join(","), &dir, &config, &extra, &[("BIGTUNA_GAMES", &games)]);
    assert_eq!(names.len(), shots, "{names:?}\n{log}");
    assert_screens_differ(&dir, &names, &log);
    (log, games)
}
