//! The settings file: saved atomically, read back, and a broken one kept aside, never lost.

use bigtuna::persist::UserSettings;

use crate::support::scratch_dir;

#[test]
fn settings_round_trip() {
    let dir = scratch_dir("settings-ok");
    let path = dir.join("settings.ron");
    let mut settings = UserSettings { volume: 0.3, muted: true, text_scale: 150, ..UserSettings::default() };
    settings.game.questions = 25;
    settings.save(&path).expect("saved");
    assert!(!dir.join("settings.ron.tmp").exists(), "no temporary file left");
    let loaded = UserSettings::load(&path);
    assert_eq!((loaded.notice, loaded.writable), (None, true));
    assert_eq!(loaded.settings, settings);
}

#[test]
fn a_corrupt_file_is_kept_as_bak_and_defaults_are_used() {
    let dir = scratch_dir("settings-bad");
    let path = dir.join("settings.ron");
    std::fs::write(&path, "(volume: 0.5, muted: maybe)").expect("write");
    let loaded = UserSettings::load(&path);
    assert_eq!(loaded.settings, UserSettings::default());
    assert!(loaded.writable, "the broken file is safe aside, so new settings may be saved");
    let notice = loaded.notice.expect("a message");
    assert!(notice.contains("settings.ron:1:") && notice.contains("settings.ron.bak"), "{notice}");
    assert_eq!(std::fs::read_to_string(dir.join("settings.ron.bak")).expect("kept"), "(volume: 0.5, muted: maybe)");
    assert!(!path.exists());
    // A second broken file does not replace the first backup.
    std::fs::write(&path, "(oops").expect("write");
    let again = UserSettings::load(&path);
    assert!(again.notice.expect("a message").contains("settings.ron.bak.2"));
    assert_eq!(
        std::fs::read_to_string(dir.join("settings.ron.bak")).expect("first kept"),
        "(volume: 0.5, muted: maybe)"
    );
    assert_eq!(std::fs::read_to_string(dir.join("settings.ron.bak.2")).expect("second kept"), "(oops");
}

#[test]
fn a_file_that_is_not_text_is_kept_aside_too() {
    let dir = scratch_dir("settings-binary");
    let path = dir.join("settings.ron");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x01]).expect("write");
    let loaded = UserSettings::load(&path);
    assert!(loaded.notice.expect("a message").contains("not UTF-8"));
    assert_eq!(std::fs::read(dir.join("settings.ron.bak")).expect("kept"), [0xff, 0xfe, 0x00, 0x01]);
}

#[test]
fn hand_edited_values_are_brought_into_range() {
    let dir = scratch_dir("settings-range");
    let path = dir.join("settings.ron");
    std::fs::write(
        &path,
        "(volume: 7.0, text_scale: 900, window_size: Some((100000, 10)), game: (questions: 1000, max_season: 0, players: []))",
    )
    .expect("write");
    let loaded = UserSettings::load(&path);
    assert_eq!(loaded.notice, None);
    let s = loaded.settings;
    assert_eq!((s.volume, s.text_scale, s.game.questions, s.game.max_season), (1.0, 200, 100, 1));
    assert_eq!(s.window_size, Some((7680, 600)));
    assert_eq!(s.game.players.len(), 1);
}

#[test]
fn two_writers_saving_at_once_never_leave_a_torn_file_or_a_stray_temporary() {
    use bigtuna::persist::atomic::write_atomic;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let dir = scratch_dir("two-writers");
    let file = dir.join("settings.ron");
    // Each writer's versions are whole and recognisable: a marker line repeated to 8 KiB.
    let version = |writer: usize, n: usize| format!("writer {writer} version {n}\n").repeat(8192 / 24);
    write_atomic(&file, version(0, 0).as_bytes()).expect("first save");
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (file, done) = (file.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                let text = std::fs::read_to_string(&file).expect("the file is always there");
                let first = text.lines().next().expect("never empty").to_owned();
                assert!(text.lines().all(|line| line == first), "a torn file: {} bytes", text.len());
                reads += 1;
            }
            reads
        })
    };
    let writers: Vec<_> = (1..=2)
        .map(|writer| {
            let file = file.clone();
            std::thread::spawn(move || {
                for n in 0..300 {
                    write_atomic(&file, version(writer, n).as_bytes()).expect("a save");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("a writer");
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().expect("the reader") > 0);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["settings.ron"], "no temporary file is left behind");
}

/// Tells the child process where to save settings, and as which writer.
const CHILD_ENV: &str = "BIGTUNA_SETTINGS_CHILD";

/// The child: saves settings 300 times the game's way (run only by the test below).
#[test]
#[ignore = "a child process of the two-processes test, started by it"]
fn saving_settings_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else { return };
    let (writer, file) = spec.split_once(':').expect("WRITER:FILE");
    let writer: u32 = writer.parse().expect("a number");
    for n in 0..300 {
        let settings = UserSettings { window_size: Some((800 + writer, 600 + n)), ..UserSettings::default() };
        settings.save(std::path::Path::new(file)).expect("a save");
    }
}

#[test]
fn two_game_processes_saving_settings_at_once_never_tear_the_file() {
    let dir = scratch_dir("two-processes");
    let file = dir.join("settings.ron");
    UserSettings::default().save(&file).expect("first save");
    let children: Vec<_> = (1..=2)
        .map(|writer| {
            std::process::Command::new(std::env::current_exe().expect("the test binary"))
                .args(["--exact", "settings_file::saving_settings_child", "--ignored", "--quiet"])
                .env(CHILD_ENV, format!("{writer}:{}", file.display()))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("a child starts")
        })
        .collect();
    // Read while they write (bounded: the children stop after 300 saves each).
    let started = std::time::Instant::now();
    let mut reads = 0;
    let mut writers_seen = std::collections::HashSet::new();
    let mut children = children;
    while children.iter_mut().any(|c| c.try_wait().expect("waits").is_none())
        && started.elapsed() < std::time::Duration::from_secs(60)
    {
        let text = std::fs::read_to_string(&file).expect("the file is always there");
        let settings: UserSettings = ron::from_str(&text).unwrap_or_else(|e| panic!("a torn file ({e}): {text}"));
        writers_seen.insert(settings.window_size.map(|(w, _)| w));
        reads += 1;
    }
    for mut child in children {
        assert!(child.wait().expect("the child ends").success(), "a child failed to save");
    }
    assert!(reads > 0);
    eprintln!("two processes: {reads} reads, versions of writers {writers_seen:?}");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["settings.ron"], "no temporary file is left behind");
    assert_eq!(UserSettings::load(&file).notice, None, "the last version is whole");
}
