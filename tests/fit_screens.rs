//! Every screen of a game fits the smallest window with the largest text: 800×600 at 200%,
//! with one, three and eight players (a hundred are the crowd test's), and 1280×720 at 100%
//! for the podium. Screenshots are saved for people to look at; each run also checks that
//! it got where the keys took it.

use crate::screens::{XVFB, assert_screens_differ, run_script_with, shots_dir};
use crate::support::scratch_dir;

const NAMES: [&str; 8] = [
    "Angela Martin",
    "Dwight Schrute",
    "Pam Beesly",
    "Stanley Hudson",
    "Kelly Kapoor",
    "Creed Bratton",
    "Oscar Martinez",
    "Meredith Palmer",
];

/// A party of `players` started from the command line, played through a question, its
/// reveal, the standings and the results, in a window of `size` with text at `scale`%.
fn night(name: &str, players: usize, size: (u32, u32), scale: u16) -> String {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let config = crate::screens::sized_config(name, size, scale);
    let names = NAMES[..players].join(",");
    let start: Vec<&str> = if players == 1 {
        // Solo: the title's Play solo, then Start.
        let mut keys = vec!["wait:40", "enter", "wait:5"];
        keys.extend(std::iter::repeat_n("down", bigtuna::game::Setting::GAME.len()));
        keys.extend(["wait:2", "shot:f0-setup", "enter", "wait:10"]);
        keys
    } else {
        vec!["wait:40"]
    };
    let mut steps = start;
    steps.extend(["shot:f1-question", "f2", "wait:10", "shot:f2-reveal", "enter", "wait:10"]);
    if players > 1 {
        steps.extend(["shot:f3-standings", "enter", "wait:10"]);
    }
    steps.extend(["f4", "wait:15", "sleep:1500", "wait:3", "shot:f4-results"]);
    let mut extra = vec!["--count", "5", "--seed", "11", "--timer", "off"];
    if players > 1 {
        extra.extend(["--mode", "everyone", "--players", &names]);
    }
    let dir = shots_dir().join(name);
    let (shots, log) = run_script_with(&steps.join(","), &dir, &config, &extra, &[]);
    // Solo: the setup, the question, the reveal, the results; a party: standings for setup.
    assert_eq!(shots.len(), 4, "{shots:?}\n{log}");
    assert_screens_differ(&dir, &shots, &log);
    let who = if players == 1 { "Pam".to_owned() } else { NAMES[..players].join(", ") };
    assert!(log.contains(&format!("for {who}")), "the game was played by {who}:\n{log}");
    log
}

#[test]
fn a_solo_game_fits_800x600_with_text_at_200_percent() {
    night("fit-solo-800", 1, (800, 600), 200);
}

#[test]
fn three_players_fit_800x600_with_text_at_200_percent() {
    night("fit-3-800", 3, (800, 600), 200);
}

#[test]
fn eight_players_fit_800x600_with_text_at_200_percent() {
    night("fit-8-800", 8, (800, 600), 200);
}

#[test]
fn eight_players_fit_1280x720() {
    night("fit-8-1280", 8, (1280, 720), 100);
}

/// The join screen with three players keeps its title and its buttons at 800×600 and 200%.
#[test]
fn the_join_screen_with_three_players_fits_800x600_with_text_at_200_percent() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let config = scratch_dir("fit-join-config");
    let settings = "(version: 1, text_scale: 200, window_size: Some((800, 600)), solo_name: Some(\"Pam\"))";
    std::fs::write(config.join("settings.ron"), settings).expect("settings");
    let steps = "wait:40,down,enter,wait:5,1,q,a,wait:8,shot:j1-join-three";
    let dir = shots_dir().join("fit-join-800");
    let (shots, log) = run_script_with(steps, &dir, &config, &[], &[]);
    assert_eq!(shots, ["j1-join-three.png"], "{log}");
    for seat in 1..=3 {
        assert!(log.contains(&format!("took seat {seat} with Keys(")), "three rows joined:\n{log}");
    }
    assert_screens_differ(&dir, &shots, &log);
}
