//! Saves that survive a kill: a child process saves files over and over (a 64 KiB file whose
//! every line names its version, then each kind the game keeps: settings, the saved game,
//! high scores, the questions seen) and is killed at random moments; every file is always
//! one whole version, never torn, empty or missing, and no temporary file is left but the one
//! being written. Up to 1,000 kills, bounded to 45 s.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use bigtuna::persist::UserSettings;
use bigtuna::persist::saved_game::{self, SavedGame};
use rand::RngExt;

/// Tells the child process where to save.
const CHILD_ENV: &str = "BIGTUNA_KILL_CHILD_FILE";

/// One version of the saved file: a marker line repeated to 64 KiB, so a torn write shows.
fn version(n: u64) -> String {
    format!("version {n:012}\n").repeat(65536 / 21)
}

/// The child: saves forever (run only by the test below, which kills it).
#[test]
#[ignore = "the child process of the kill test, started by it"]
fn saving_child() {
    let Some(file) = std::env::var_os(CHILD_ENV) else { return };
    let file = std::path::PathBuf::from(file);
    let dir = file.parent().expect("a folder").to_path_buf();
    for n in 1.. {
        bigtuna::persist::atomic::write_atomic(&file, version(n).as_bytes()).expect("a save");
        save_each_kind(&dir, n);
    }
}

/// Version `n` of every file the game keeps, saved the game's way.
fn save_each_kind(dir: &Path, n: u64) {
    use bigtuna::game::high_scores::{BoardKey, Entry, HighScores};
    use bigtuna::persist::resource_file::Stored;
    use bigtuna::persist::user_file::save;

    let settings = UserSettings { window_size: Some((800 + n as u32 % 1000, 600)), ..UserSettings::default() };
    settings.save(&dir.join("settings.ron")).expect("settings");
    let library = crate::support::synthetic_library(4);
    let presets = bigtuna::game::ScoringPresets::default();
    let game = bigtuna::game::flow::new_game(
        &library,
        &crate::support::settings(2, 10, n),
        &presets,
        n,
        None,
        &bigtuna::game::pool::DrawPool::of(&library, &crate::support::settings(2, 10, n)),
    )
    .expect("a game");
    let saved = SavedGame { version: 1, saved: n, game, seats: Vec::new(), room: None, port: None };
    save(&saved, &dir.join(saved_game::FILE)).expect("saved game");
    let mut scores = HighScores::default();
    let entries = (0..10).map(|i| Entry { name: format!("player {i}"), score: n as u32 + i, correct: 1, when: n });
    scores.enter(BoardKey::of(&crate::support::settings(1, 10, 0)), entries.collect(), n);
    save(&Stored { version: 1, data: scores }, &dir.join("high-scores.ron")).expect("high scores");
    let mut seen = bigtuna::game::Seen::default();
    seen.record((0..200).map(|i| ("pack", if i % 2 == 0 { "even" } else { "odd" })));
    seen.games = n;
    save(&Stored { version: 1, data: seen }, &dir.join("seen.ron")).expect("seen");
}

/// Every kept file reads back whole: a value, and nothing to report.
fn assert_each_kind_whole(dir: &Path, kills: usize) {
    use bigtuna::game::high_scores::HighScores;
    use bigtuna::persist::resource_file::Stored;
    use bigtuna::persist::user_file::load;

    let settings = UserSettings::load(&dir.join("settings.ron"));
    assert_eq!(settings.notice, None, "settings after kill {kills}");
    let saved = load::<SavedGame>(&dir.join(saved_game::FILE));
    assert!(saved.value.is_some() && saved.notice.is_none(), "saved game after kill {kills}: {:?}", saved.notice);
    let scores = load::<Stored<HighScores>>(&dir.join("high-scores.ron"));
    assert!(scores.value.is_some() && scores.notice.is_none(), "high scores after kill {kills}: {:?}", scores.notice);
    let seen = load::<Stored<bigtuna::game::Seen>>(&dir.join("seen.ron"));
    assert!(seen.value.is_some() && seen.notice.is_none(), "seen after kill {kills}: {:?}", seen.notice);
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = crate::support::scratch_dir("kill");
    let file = dir.join("marker.txt");
    bigtuna::persist::atomic::write_atomic(&file, version(0).as_bytes()).expect("first save");
    save_each_kind(&dir, 0);
    let mut rng = rand::rng();
    let started = Instant::now();
    let mut kills = 0;
    // Kills that caught a save half-written (its temporary left behind).
    let mut mid_save = 0;
    // Bounded in count and time.
    while kills < 1000 && started.elapsed() < Duration::from_secs(45) {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args(["--exact", "kill::saving_child", "--ignored", "--quiet"])
            .env(CHILD_ENV, &file)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("the child starts");
        std::thread::sleep(Duration::from_millis(rng.random_range(5..60)));
        child.kill().expect("killed");
        let _ = child.wait();
        kills += 1;
        let text = std::fs::read_to_string(&file).expect("the file is always there");
        let first = text.lines().next().expect("never empty").to_owned();
        assert!(text.lines().all(|line| line == first), "torn after kill {kills}: {} bytes", text.len());
        assert_eq!(text.len(), version(0).len(), "a whole version");
        assert_each_kind_whole(&dir, kills);
        // At most the one temporary the killed save was writing remains; clear it.
        let kept = ["settings.ron", saved_game::FILE, "high-scores.ron", "seen.ron"].map(|name| dir.join(name));
        let strays: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.path() != file && !kept.contains(&e.path()))
            .collect();
        assert!(strays.len() <= 1, "{} temporaries after one kill", strays.len());
        mid_save += strays.len();
        for stray in strays {
            std::fs::remove_file(stray.path()).expect("a stray temporary");
        }
    }
    eprintln!("kill test: {kills} kills in {:.1} s, {mid_save} mid-save", started.elapsed().as_secs_f64());
    assert!(kills >= 20, "enough kills in the time: {kills}");
}
