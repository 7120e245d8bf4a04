//! The game on screen, for real: a window under Xvfb (software Vulkan), a whole solo game
//! driven with simulated keys, and a screenshot of every screen saved to
//! `target/screens` to be looked at.

use std::path::PathBuf;
use std::process::Command;

use bigtuna::game::draw::draw;
use bigtuna::game::judge::judge;
use bigtuna::game::{GameSettings, Presented, Response, TimerChoice};
use bigtuna::pack::Answer;

use crate::support::{builtin_library, root, scratch_dir};

pub(crate) const SEED: u64 = 20261122;

/// `xvfb-run -a` can pick the same display twice when two start at once: one at a time.
pub(crate) static XVFB: std::sync::Mutex<()> = std::sync::Mutex::new(());
pub(crate) const COUNT: usize = 5;

/// A fresh config folder named for `name` whose settings open the window at `size` with text
/// at `scale`%, for a returning player called Pam.
pub(crate) fn sized_config(name: &str, size: (u32, u32), scale: u16) -> PathBuf {
    let config = scratch_dir(&format!("{name}-config"));
    let settings = format!(
        "(version: 1, text_scale: {scale}, window_size: Some(({}, {})), solo_name: Some(\"Pam\"))",
        size.0, size.1
    );
    std::fs::write(config.join("settings.ron"), settings).expect("settings");
    config
}

pub(crate) fn shots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    target.join("screens")
}

/// The key script for the game this seed draws.
fn script() -> String {
    let game = draw(&builtin_library(), &solo_settings(), SEED).expect("enough questions");
    let mut steps = vec!["wait:40".to_owned(), "shot:01-title".into()];
    // Packs and settings, then back.
    steps.extend(["down", "down", "enter", "wait:5", "shot:02-packs", "esc", "wait:5"].map(String::from));
    steps.extend(["down", "down", "down", "enter", "wait:5", "shot:03-settings", "esc", "wait:5"].map(String::from));
    // Solo game setup, by mouse (a click on Play solo, found by its name); then the rows, and Start.
    steps.extend(["click:Play solo button", "wait:5", "shot:04-setup"].map(String::from));
    steps.extend(std::iter::repeat_n("down".to_owned(), bigtuna::game::Setting::GAME.len()));
    steps.extend(["enter", "wait:8"].map(String::from));
    for (n, drawn) in game.iter().enumerate() {
        steps.push(format!("shot:q{}-question-{:?}", n + 1, drawn.question.answer.kind()).to_lowercase());
        if n == 0 {
            steps.extend(["esc", "wait:5", "shot:05-pause", "esc", "wait:5"].map(String::from));
        }
        match (&drawn.presented, &drawn.question.answer) {
            (Presented::Options { correct, .. }, _) => steps.push(format!("{}", correct + 1)),
            (_, Answer::Typed { accept }) => steps.extend([format!("text:{}", accept[0]), "enter".into()]),
            (_, Answer::Number { answer, .. }) => steps.extend([format!("text:{answer}"), "enter".into()]),
            (Presented::Ordering { shown }, _) => {
                steps.extend(["enter".to_owned(), "down".into(), "enter".into(), "wait:3".into()]);
                steps.push(format!("shot:q{}-ordering-moved", n + 1));
                // From the moved item, in the second slot, down the rest to Submit (the
                // lifelines are below it).
                steps.extend(std::iter::repeat_n("down".to_owned(), shown.len() - 1));
                steps.push("enter".into());
            }
            _ => {}
        }
        // The first reveal goes on by a click on Continue, the others by Enter.
        let next = if n == 0 { "click:Continue button" } else { "enter" };
        steps.extend(["wait:8".to_owned(), format!("shot:q{}-reveal", n + 1), next.into(), "wait:8".into()]);
    }
    steps.extend(["wait:5", "shot:06-results"].map(String::from));
    steps.join(",")
}

#[test]
fn a_whole_solo_game_on_screen() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = shots_dir().join("solo");
    let games = scratch_dir("screens-games");
    let _ = std::fs::remove_dir_all(&dir);
    let xvfb = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--seed", &SEED.to_string(), "--count", &COUNT.to_string(), "--timer", "30", "--difficulty", "mixed"])
        .args(["--script", &script(), "--screenshot-dir", dir.to_str().expect("utf-8 path")])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", returning_player(&scratch_dir("screens-config")))
        .env("BIGTUNA_GAMES", &games)
        .env("BIGTUNA_SAVES", scratch_dir("screens-saves"))
        .env_remove("WAYLAND_DISPLAY")
        .output();
    let output = match xvfb {
        Ok(output) => output,
        Err(error) => panic!("cannot run xvfb-run ({error}): the README's test command installs xvfb"),
    };
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the game failed under Xvfb:\n{log}");
    let mut shots: Vec<(String, u64)> = std::fs::read_dir(&dir)
        .expect("screenshots were saved")
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.metadata().map_or(0, |m| m.len())))
        .collect();
    shots.sort();
    let names: Vec<&str> = shots.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "01-title.png",
        "02-packs.png",
        "03-settings.png",
        "04-setup.png",
        "05-pause.png",
        "06-results.png",
        "q1-reveal.png",
        "q5-reveal.png",
    ] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}\n{log}");
    }
    assert_screens_differ(&dir, &names.iter().map(|n| n.to_string()).collect::<Vec<_>>(), &log);
    assert!(!log.contains("panicked"), "{log}");
    // What happened, as the game's record keeps each round: the keys answered right, except
    // the ordering, where one item was moved down a place.
    let game = draw(&builtin_library(), &solo_settings(), SEED).expect("enough questions");
    let expected: Vec<(String, bool)> = game
        .iter()
        .map(|drawn| {
            let right = match &drawn.presented {
                Presented::Ordering { shown } => {
                    let mut order: Vec<usize> = (0..shown.len()).collect();
                    order.swap(0, 1);
                    judge(drawn, &Response::Order(order)).correct
                }
                _ => true,
            };
            (drawn.question.id.clone(), right)
        })
        .collect();
    let rounds = recorded_rounds(&games, &log);
    let got: Vec<(String, bool)> = rounds.iter().map(|r| (r.id.clone(), r.right)).collect();
    assert_eq!(got, expected, "the rounds the game scored\n{log}");
    let settings = shows(&log, "03-settings");
    assert!(settings.contains("Pictures   ‹ On ›") && settings.contains("Reduced motion   ‹ Off ›"), "{settings}");
    // Each reveal names its source as players read it: the declared title and section.
    for (n, drawn) in game.iter().enumerate() {
        let shown = shows(&log, &format!("q{}-reveal", n + 1));
        assert!(shown.contains(&format!("Source: {}", drawn.source())), "{shown}");
        assert!(drawn.source().starts_with("the ") && !shown.contains(".txt"), "{shown}");
    }
    assert!(rounds.iter().all(|r| r.right == (r.points > 0)), "right answers, and only they, score: {rounds:?}");
    let total: u32 = rounds.iter().map(|r| r.points).sum();
    assert_eq!(rounds.last().map(|r| r.total), Some(total), "the total adds up: {rounds:?}");
}

/// The name of whoever took seat `seat` (1-based), as the log says it: keyboard and gamepad
/// players get a generated name, so tests read it rather than assume "Player 2".
pub(crate) fn seated(log: &str, seat: usize) -> String {
    let marker = format!(" took seat {seat} with ");
    let line = log.lines().find(|l| l.contains(&marker)).unwrap_or_else(|| panic!("seat {seat} taken\n{log}"));
    let before = line.split(&marker).next().unwrap_or_default();
    // After the log's module name and its colour codes.
    before.rsplit("\u{1b}[0m ").next().unwrap_or(before).rsplit(": ").next().unwrap_or(before).trim().to_owned()
}

/// The texts shot `name` shows, as the script logs them.
pub(crate) fn shows<'a>(log: &'a str, name: &str) -> &'a str {
    log.lines()
        .find(|l| l.contains(&format!("shot {name} shows: ")))
        .unwrap_or_else(|| panic!("{name} was shot\n{log}"))
}

/// One player's round, as the game's record keeps it.
#[derive(Debug)]
pub(crate) struct LoggedRound {
    pub(crate) id: String,
    pub(crate) right: bool,
    pub(crate) points: u32,
    pub(crate) total: u32,
}

/// Each player's rounds, as the game's record in `games` (written at its results) keeps them,
/// in order: what counted (the judge's verdict, or the host's ruling), the points, the total.
pub(crate) fn recorded_rounds(games: &std::path::Path, log: &str) -> Vec<LoggedRound> {
    let (records, broken) = bigtuna::cli::history::read(games);
    assert!(broken.is_empty(), "{broken:?}");
    let [record] = &records[..] else {
        panic!("one game, one record: {} in {}\n{log}", records.len(), games.display())
    };
    let mut rounds = Vec::new();
    for round in &record.rounds {
        let id = round.question.rsplit('/').next().unwrap_or_default().to_owned();
        for (n, player) in record.players.iter().enumerate() {
            let answer = round.answers.iter().find(|a| a.player == player.name);
            rounds.push(LoggedRound {
                id: id.clone(),
                right: answer.is_some_and(|a| a.correct),
                points: answer.map_or(0, |a| a.points),
                total: round.scores.get(n).copied().unwrap_or_default(),
            });
        }
    }
    rounds
}

fn solo_settings() -> GameSettings {
    GameSettings { questions: COUNT, seed: Some(SEED), timer: TimerChoice::Seconds30, ..GameSettings::default() }
}

/// Share of pixels much lighter than the background: the text and the bright tiles.
pub(crate) fn text_pixel_share(path: &std::path::Path) -> f64 {
    let file = std::fs::File::open(path).expect("screenshot");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let light = pixels.chunks(channels).filter(|p| p.iter().take(3).map(|c| u32::from(*c)).sum::<u32>() > 450).count();
    light as f64 / (pixels.len() / channels) as f64
}

#[test]
fn a_broken_pack_is_skipped_with_the_validators_words() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let packs = scratch_dir("screens-broken-packs");
    std::fs::write(packs.join("good.ron"), crate::support::pack_text("mine", &crate::support::mc("a"))).expect("write");
    std::fs::write(
        packs.join("broken.ron"),
        "Pack(\n    id: \"broken\",\n    titel: \"Oops\",\n    questions: [],\n)\n",
    )
    .expect("write");
    let shot = shots_dir().join("broken-pack/title-with-skipped-pack.png");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--exit-after-frames", "40", "--screenshot", shot.to_str().expect("utf-8 path")])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", scratch_dir("screens-broken-config"))
        .env("BIGTUNA_SAVES", scratch_dir("screens-broken-saves"))
        .env("BIGTUNA_PACKS", &packs)
        .output()
        .expect("xvfb-run runs (the README's test command installs it)");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "a broken pack must not stop the game:\n{log}");
    let validate = Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(["validate", packs.join("broken.ron").to_str().expect("utf-8 path")])
        .output()
        .expect("validate runs");
    let problem = String::from_utf8_lossy(&validate.stdout).lines().next().expect("a problem").to_owned();
    assert!(problem.contains("broken.ron:3:5: error: ") && problem.contains("titel"), "{problem}");
    assert!(log.contains(&problem), "the log repeats the validator's line {problem:?}:\n{log}");
    // The two built-in packs, the good one beside the broken one; the broken one skipped.
    let builtin: usize = crate::support::builtin_library().packs.iter().map(|p| p.questions.len()).sum();
    assert!(log.contains(&format!("3 packs, {} questions, 1 skipped", builtin + 1)), "{log}");
    assert!(text_pixel_share(&shot) > 0.004, "the title screen shows");
}

/// A returning player, who gave a name before (a first-time player is asked it at the first
/// solo Start, which is tested on its own): the config folder gets settings saying so, unless
/// the test wrote its own.
pub(crate) fn returning_player(config: &std::path::Path) -> &std::path::Path {
    if !config.join("settings.ron").exists() {
        std::fs::create_dir_all(config).expect("a config folder");
        std::fs::write(config.join("settings.ron"), "(version: 1, solo_name: Some(\"Player 1\"))\n").expect("settings");
    }
    config
}

/// Runs the game under Xvfb with a key script, `extra` arguments and `env` over the scratch
/// folders; returns the screenshots' names and the log.
pub(crate) fn run_script_with(
    script: &str,
    dir: &std::path::Path,
    config: &std::path::Path,
    extra: &[&str],
    env: &[(&str, &std::path::Path)],
) -> (Vec<String>, String) {
    let _ = std::fs::remove_dir_all(dir);
    returning_player(config);
    let saves = tempfile::tempdir().expect("a scratch folder");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(extra)
        .args(["--script", script, "--screenshot-dir", dir.to_str().expect("utf-8 path")])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", config)
        // Game logs, saved games and high scores go to scratch folders, not the user's.
        .env("BIGTUNA_GAMES", scratch_dir("games"))
        .env("BIGTUNA_SAVES", saves.path())
        .envs(env.iter().copied())
        .output()
        .expect("xvfb-run runs (the README's test command installs it)");
    let log = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "the game failed under Xvfb:\n{log}");
    // Every screen a test looks at shows all its words inside the window.
    let cut: Vec<&str> = log.lines().filter(|l| l.contains("cut off at the window's edge")).collect();
    assert!(cut.is_empty(), "words run off the window:\n{}", cut.join("\n"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    (names, log)
}

#[test]
fn a_gamepad_alone_plays_a_solo_game() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let settings =
        GameSettings { questions: COUNT, seed: Some(SEED), timer: TimerChoice::Off, ..GameSettings::default() };
    let game = draw(&builtin_library(), &settings, SEED).expect("enough questions");
    let faces = ["pad:south", "pad:east", "pad:west", "pad:north"];
    let mut steps: Vec<String> = vec!["wait:40".into(), "shot:g0-title".into(), "pad:south".into(), "wait:5".into()];
    steps.extend(std::iter::repeat_n("pad:down".to_owned(), bigtuna::game::Setting::GAME.len()));
    steps.extend(["pad:south", "wait:8"].map(String::from));
    let mut passed = None;
    for (n, drawn) in game.iter().enumerate() {
        match &drawn.presented {
            // Face buttons answer directly.
            Presented::Options { correct, .. } => steps.push(faces[*correct].into()),
            // No keyboard: the focused Pass button moves on.
            Presented::Typed | Presented::Number => {
                steps.push("pad:south".into());
                passed.get_or_insert(n + 1);
            }
            // The d-pad reaches Submit below the items.
            Presented::Ordering { shown } => {
                steps.extend(std::iter::repeat_n("pad:down".to_owned(), shown.len()));
                steps.push("pad:south".into());
            }
        }
        steps.extend(["wait:8".to_owned(), format!("shot:g{}-reveal", n + 1), "pad:south".into(), "wait:8".into()]);
    }
    steps.push("shot:g-results".into());
    let dir = shots_dir().join("gamepad");
    let config = scratch_dir("gamepad-config");
    let games = scratch_dir("gamepad-games");
    let extra = ["--seed", &SEED.to_string(), "--count", "5", "--timer", "off"];
    let (names, log) = run_script_with(&steps.join(","), &dir, &config, &extra, &[("BIGTUNA_GAMES", &games)]);
    assert!(names.iter().any(|n| n == "g-results.png"), "the gamepad reached the results: {names:?}\n{log}");
    assert_eq!(names.len(), COUNT + 2, "{names:?}");
    assert_screens_differ(&dir, &names, &log);
    assert!(passed.is_some(), "this seed's game has a typed or number question to pass");
    // Face buttons answered right, passes scored nothing, the ordering went in as shown.
    let expected: Vec<bool> = game
        .iter()
        .map(|drawn| match &drawn.presented {
            Presented::Options { .. } => true,
            Presented::Typed | Presented::Number => false,
            Presented::Ordering { shown } => judge(drawn, &Response::Order((0..shown.len()).collect())).correct,
        })
        .collect();
    let rounds = recorded_rounds(&games, &log);
    assert_eq!(rounds.iter().map(|r| r.right).collect::<Vec<_>>(), expected, "{rounds:?}\n{log}");
    assert!(rounds.iter().all(|r| r.right == (r.points > 0)), "{rounds:?}");
}

/// Every shot shows something, and no two are alike: each step moved the game on.
pub(crate) fn assert_screens_differ(dir: &std::path::Path, names: &[String], log: &str) {
    let mut seen = std::collections::HashMap::new();
    for name in names {
        assert!(text_pixel_share(&dir.join(name)) > 0.004, "{name} looks empty");
        let bytes = std::fs::read(dir.join(name)).expect("screenshot");
        if let Some(earlier) = seen.insert(bytes, name) {
            panic!("{name} shows the same screen as {earlier}: the input did nothing\n{log}");
        }
    }
}
