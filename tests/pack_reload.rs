//! Packs that change while the game runs: your copy of a pack wins its id, a pack that breaks
//! keeps its last good version in play with its errors told, and the fix clears them; in the
//! running game under Xvfb, with the toast looked at.

use std::time::Duration;

use bigtuna::pack::{PackLibrary, PackPlace, PackSource};

use crate::screens::{XVFB, run_script_with, shots_dir, text_pixel_share};
use crate::support::{mc, pack_text, root, scratch_dir};

fn sources(user: &std::path::Path) -> Vec<PackPlace> {
    vec![
        PackPlace::Disk(root().join("quizzes"), PackSource::Builtin),
        PackPlace::Disk(user.to_path_buf(), PackSource::UserFolder),
    ]
}

#[test]
fn your_copy_of_a_pack_wins_and_a_broken_save_keeps_the_last_good_version() {
    let dir = scratch_dir("reload-library");
    // A copy of the built-in pack's id in the user's folder: it is played, and that is said.
    std::fs::write(dir.join("mine.ron"), pack_text("jim-halpert", &mc("only-mine"))).expect("written");
    std::fs::write(dir.join("extra.ron"), pack_text("extra", &format!("{}\n{}", mc("a"), mc("b")))).expect("written");
    let library = PackLibrary::load_sources(&sources(&dir));
    let played = library.pack("jim-halpert").expect("the id is played");
    assert_eq!((played.questions.len(), played.origin.source), (1, PackSource::UserFolder));
    assert!(library.replaced[0].contains("replaces the one in") && library.replaced[0].contains("built-in"));
    assert!(library.skipped.is_empty());
    // The author saves a broken version: the last good one stays, its error is listed.
    std::fs::write(dir.join("extra.ron"), pack_text("extra", "        (id: \"a\", promt: \"?\"),")).expect("written");
    let broken = library.reloaded(PackLibrary::load_sources(&sources(&dir)));
    assert_eq!(broken.pack("extra").map(|p| p.questions.len()), Some(2), "the last good version is played");
    let file = dir.join("extra.ron").display().to_string();
    assert!(broken.still_played(&file));
    let problem = broken.problems().next().expect("the error").to_string();
    assert!(problem.starts_with(&format!("{file}:5:")) && problem.contains("promt"), "{problem}");
    // Fixed: the new version, no error.
    std::fs::write(dir.join("extra.ron"), pack_text("extra", &mc("c"))).expect("written");
    let fixed = broken.reloaded(PackLibrary::load_sources(&sources(&dir)));
    assert_eq!(fixed.pack("extra").map(|p| p.questions[0].id.as_str()), Some("c"));
    assert!(fixed.skipped.is_empty() && !fixed.still_played(&file));
    // Deleted: gone from the library.
    std::fs::remove_file(dir.join("extra.ron")).expect("removed");
    let gone = fixed.reloaded(PackLibrary::load_sources(&sources(&dir)));
    assert!(gone.pack("extra").is_none());
}

#[test]
fn the_running_game_reloads_a_saved_pack_and_shows_its_errors_until_fixed() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let packs = scratch_dir("reload-packs");
    let file = packs.join("friday.ron");
    std::fs::write(&file, pack_text("friday", &mc("f1"))).expect("written");
    // The author, in another window: a new question, then a typo, then the fix.
    let author = {
        let file = file.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(8));
            std::fs::write(&file, pack_text("friday", &format!("{}\n{}", mc("f1"), mc("f2")))).expect("saved");
            std::thread::sleep(Duration::from_secs(8));
            let typo = pack_text("friday", &mc("f3")).replace("category:", "categroy:");
            std::fs::write(&file, typo).expect("saved");
            std::thread::sleep(Duration::from_secs(8));
            std::fs::write(&file, pack_text("friday", &format!("{}\n{}\n{}", mc("f1"), mc("f2"), mc("f3"))))
                .expect("saved");
        })
    };
    // To the Packs screen, then look after each save.
    let steps =
        "wait:40,down,down,enter,wait:5,sleep:9000,shot:r0-reloaded,sleep:8000,shot:r1-error,sleep:8000,shot:r2-fixed";
    let dir = shots_dir().join("reload");
    let config = scratch_dir("reload-config");
    let (names, log) = run_script_with(steps, &dir, &config, &[], &[("BIGTUNA_PACKS", &packs)]);
    author.join().expect("the author's thread");
    let shown = file.display().to_string();
    assert!(log.contains(&format!("packs: reloaded {shown}: 2 questions")), "{log}");
    assert!(log.contains(&format!("packs: {shown} has errors: its last good version is still played")), "{log}");
    assert!(log.contains(&format!("packs: {shown}:")) && log.contains("categroy"), "the validator's line:\n{log}");
    assert!(log.contains(&format!("packs: {shown} is fixed: 3 questions")), "{log}");
    for name in ["r0-reloaded.png", "r1-error.png", "r2-fixed.png"] {
        assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        assert!(text_pixel_share(&dir.join(name)) > 0.004);
    }
}
