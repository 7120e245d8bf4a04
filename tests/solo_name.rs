//! A first-time solo player is asked their name once, at the first Start, and their high
//! score is kept under it, not under "Player 1"; the next session plays under it unasked.

use bigtuna::game::draw::draw;
use bigtuna::game::{GameSettings, Presented};

use crate::screens::{XVFB, run_script_with, shots_dir, text_pixel_share};
use crate::support::{builtin_library, scratch_dir};

#[test]
fn the_first_solo_start_asks_a_name_and_the_scores_are_kept_under_it() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // No settings file: this player never played.
    let config = scratch_dir("solo-name-config");
    std::fs::write(config.join("settings.ron"), "(version: 1)\n").expect("a first-time player's settings");
    let saves = scratch_dir("solo-name-saves");
    let dir = shots_dir().join("solo-name");
    // A seed whose first question has options: its right key answers it.
    let library = builtin_library();
    let (seed, key) = (1..200)
        .find_map(|seed| {
            let settings = GameSettings { questions: 5, seed: Some(seed), ..GameSettings::default() };
            match &draw(&library, &settings, seed).ok()?.first()?.presented {
                Presented::Options { correct, .. } => Some((seed, (correct + 1).to_string())),
                _ => None,
            }
        })
        .expect("a seed that opens with options");
    let mut steps = vec!["wait:40", "enter", "wait:5"];
    steps.extend(std::iter::repeat_n("down", bigtuna::game::Setting::GAME.len()));
    steps.extend(["enter", "wait:5", "shot:n1-asked", "text:Pam", "wait:2", "shot:n2-typed", "enter", "wait:10"]);
    steps.extend(["shot:n3-question", &key, "wait:10", "f4", "wait:10", "shot:n4-results"]);
    let seed = seed.to_string();
    let args = ["--count", "5", "--seed", &seed];
    let (names, log) = run_script_with(&steps.join(","), &dir, &config, &args, &[("BIGTUNA_SAVES", saves.as_path())]);
    assert_eq!(names, ["n1-asked.png", "n2-typed.png", "n3-question.png", "n4-results.png"], "{log}");
    for name in &names {
        assert!(text_pixel_share(&dir.join(name)) > 0.004, "{name} shows something");
    }
    let settings = std::fs::read_to_string(config.join("settings.ron")).expect("the settings were saved");
    assert!(settings.contains("solo_name: Some(\"Pam\")"), "the name is kept:\n{settings}");
    let scores = std::fs::read_to_string(saves.join("high-scores.ron")).expect("a high score");
    assert!(scores.contains("\"Pam\"") && !scores.contains("Player 1"), "{scores}");

    // The next session: Start plays at once, as Pam.
    let steps = ["wait:40", "enter", "wait:5"]
        .into_iter()
        .chain(std::iter::repeat_n("down", bigtuna::game::Setting::GAME.len()))
        .chain(["enter", "wait:10", "shot:n5-again"])
        .collect::<Vec<_>>()
        .join(",");
    let dir = shots_dir().join("solo-name-again");
    let (names, log) = run_script_with(&steps, &dir, &config, &args, &[("BIGTUNA_SAVES", saves.as_path())]);
    assert_eq!(names, ["n5-again.png"], "{log}");
    assert!(
        log.contains(&format!("a game of 5 questions started, seed {seed}, for Pam")),
        "Start played at once, as Pam:\n{log}"
    );
}
