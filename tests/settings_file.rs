//! The settings file: saved atomically, read back, and a corrupt one kept aside.

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
    let (loaded, notice) = UserSettings::load(&path);
    assert_eq!(notice, None);
    assert_eq!(loaded, settings);
}

#[test]
fn a_corrupt_file_is_kept_as_bak_and_defaults_are_used() {
    let dir = scratch_dir("settings-bad");
    let path = dir.join("settings.ron");
    std::fs::write(&path, "(volume: 0.5, muted: maybe)").expect("write");
    let (loaded, notice) = UserSettings::load(&path);
    assert_eq!(loaded, UserSettings::default());
    let notice = notice.expect("a message");
    assert!(notice.contains("settings.ron:1:") && notice.contains("settings.ron.bak"), "{notice}");
    assert_eq!(std::fs::read_to_string(dir.join("settings.ron.bak")).expect("kept"), "(volume: 0.5, muted: maybe)");
    assert!(!path.exists());
}

#[test]
fn hand_edited_values_are_brought_into_range() {
    let dir = scratch_dir("settings-range");
    let path = dir.join("settings.ron");
    std::fs::write(&path, "(volume: 7.0, text_scale: 900, game: (questions: 1000, max_season: 0, players: []))")
        .expect("write");
    let (loaded, notice) = UserSettings::load(&path);
    assert_eq!(notice, None);
    assert_eq!((loaded.volume, loaded.text_scale, loaded.game.questions, loaded.game.max_season), (1.0, 200, 100, 1));
    assert_eq!(loaded.game.players.len(), 1);
}
