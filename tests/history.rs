//! `bigtuna history`: the games recorded on this computer, newest first, with their seeds;
//! a damaged record is reported and skipped.

use crate::support::{game, headless, scratch_dir, settings, start, synthetic_library};

#[test]
fn history_lists_the_games_played_newest_first_with_their_seeds() {
    use bigtuna::persist::game_log::GameLog;

    let games = scratch_dir("history");
    let mut app = headless(synthetic_library(4), settings(2, 5, 41));
    start(&mut app);
    let older = GameLog::of(game(&app), 1_700_000_000);
    older.write(&games).expect("written");
    let mut newer = GameLog::of(game(&app), 1_800_000_000);
    newer.seed = 42;
    newer.players[1].score = 500;
    newer.write(&games).expect("written");
    std::fs::write(games.join("game-3-3.ron"), "(not a game").expect("written");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .arg("history")
        .env("BIGTUNA_GAMES", &games)
        .output()
        .expect("runs");
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(
            "1  2027-01-15 08:00 UTC · everyone answers · 0 questions · Player 2 500, Player 1 0 · seed 42"
        ),
        "{out}"
    );
    assert!(lines[1].starts_with("2  2023-11-14 22:13 UTC") && lines[1].ends_with("seed 41"), "{out}");
    // The number is the one `bigtuna results` takes: 2 is the older game.
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(["results", "2"])
        .env("BIGTUNA_GAMES", &games)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&report.stdout).contains("the game of 2023-11-14 22:13 UTC"), "{report:?}");
    assert!(lines[2].starts_with("(2 games in"), "{out}");
    assert!(err.contains("game-3-3.ron: skipped, not a game record"), "{err}");
}
