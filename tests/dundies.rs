//! Dundie certificates, for real: a party night's results save a picture per player, drawn by
//! the game off screen, as PNG files in the pictures folder, and the button says where.

use bigtuna::game::draw::draw;
use bigtuna::game::settings::PARTY_KINDS;
use bigtuna::game::{GameSettings, Presented};

use crate::screens::{XVFB, run_script_with, shots_dir, shows};
use crate::support::{builtin_library, scratch_dir};

/// A seed whose party game opens on a question with options, and its right option.
fn seed_and_answer() -> (u64, usize) {
    (1..1000)
        .find_map(|seed| {
            let settings = GameSettings { questions: 5, kinds: PARTY_KINDS.to_vec(), ..GameSettings::default() };
            match draw(&builtin_library(), &settings, seed).ok()?[0].presented {
                Presented::Options { correct, .. } => Some((seed, correct)),
                _ => None,
            }
        })
        .expect("a seed")
}

#[test]
fn the_results_save_a_dundie_certificate_for_each_player() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (seed, correct) = seed_and_answer();
    // Ann answers the first question right, Bo wrong, Cy not at all; the host reveals and ends.
    let (right, wrong) = (["1", "2", "3", "4"][correct], ["q", "w", "e", "r"][(correct + 1) % 4]);
    let steps = ["wait:40", right, wrong, "wait:3", "f2", "wait:8", "f4", "wait:60", "shot:d1-results"];
    let mut steps: Vec<String> = steps.map(String::from).to_vec();
    steps.extend(["click:Dundie certificates button", "wait:80", "shot:d2-saved"].map(String::from));
    let dir = shots_dir().join("dundies");
    let pictures = scratch_dir("dundies-pictures");
    let extra = ["--mode", "everyone", "--players", "Ann,Bo,Cy", "--count", "5", "--seed", &seed.to_string()];
    let env = [("BIGTUNA_PICTURES", pictures.as_path())];
    let (names, log) = run_script_with(&steps.join(","), &dir, &scratch_dir("dundies-config"), &extra, &env);
    assert!(names.contains(&"d2-saved.png".to_owned()), "{names:?}\n{log}");
    let folders: Vec<_> = std::fs::read_dir(&pictures).expect("the folder").filter_map(Result::ok).collect();
    let [folder] = &folders[..] else { panic!("one folder of certificates: {folders:?}\n{log}") };
    let mut files: Vec<String> = std::fs::read_dir(folder.path())
        .expect("certificates")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["dundie-01-Ann.png", "dundie-02-Bo.png", "dundie-03-Cy.png"], "{log}");
    for file in &files {
        let reader =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(folder.path().join(file)).expect("a file")));
        let info = reader.read_info().expect("a PNG").info().clone();
        assert_eq!((info.width, info.height), (1600, 1131), "{file}");
        // Drawn, not blank: the cream sheet and its words.
        let share = crate::screens::text_pixel_share(&folder.path().join(file));
        assert!(share > 0.3, "{file}: {share}");
    }
    let saved = shows(&log, "d2-saved");
    assert!(saved.contains("Saved 3 certificates"), "{saved}");
    assert!(saved.contains("Dundie certificates saved in ") && saved.contains("dundies-pictures/dundies-"), "{saved}");
    // The winner's certificate names her place and the award she won.
    assert!(log.contains("drawing 3 Dundie certificates into"), "{log}");
    let copies = shots_dir().join("dundies").join("certificates");
    let _ = std::fs::create_dir_all(&copies);
    for file in &files {
        let _ = std::fs::copy(folder.path().join(file), copies.join(file));
    }
}
