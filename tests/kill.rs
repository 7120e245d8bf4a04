//! Saves that survive a kill: a child process saves a file over and over (each version whole
//! and recognisable) and is killed at random moments; the file is always one whole version,
//! never torn, empty or missing, and no temporary file is left but the one being written.
//! Up to 1,000 kills, bounded to 45 s.

use std::process::Command;
use std::time::{Duration, Instant};

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
    for n in 1.. {
        bigtuna::persist::atomic::write_atomic(&file, version(n).as_bytes()).expect("a save");
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = crate::support::scratch_dir("kill");
    let file = dir.join("settings.ron");
    bigtuna::persist::atomic::write_atomic(&file, version(0).as_bytes()).expect("first save");
    let mut rng = rand::rng();
    let started = Instant::now();
    let mut kills = 0;
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
        // At most the one temporary the killed save was writing remains; clear it.
        let strays: Vec<_> =
            std::fs::read_dir(&dir).expect("dir").filter_map(Result::ok).filter(|e| e.path() != file).collect();
        assert!(strays.len() <= 1, "{} temporaries after one kill", strays.len());
        for stray in strays {
            std::fs::remove_file(stray.path()).expect("a stray temporary");
        }
    }
    assert!(kills >= 20, "enough kills in the time: {kills}");
}
