//! Picture questions on the TV, for real under Xvfb: the picture with the question and the
//! answer's picture at the reveal, at 1280×720 and at 800×600 with text at 200%, and the alt
//! text where pictures are turned off; the built-in demo's maps, read from the binary.
//! Screenshots are saved for people to look at.

use std::path::Path;

use crate::screens::{XVFB, assert_screens_differ, run_script_with, shots_dir, shows};
use crate::support::scratch_dir;

/// A map-like picture, `width`×`height`: sea, land, and a marked city, with `named` drawing
/// a label bar beside the mark (the reveal's version).
fn map(width: u32, height: u32, named: bool) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let land = (fx - 0.55).powi(2) / 0.16 + (fy - 0.5).powi(2) / 0.2 < 1.0;
        let city = (fx - 0.6).powi(2) + (fy - 0.42).powi(2) < 0.0016;
        let label = named && (0.64..0.9).contains(&fx) && (0.38..0.46).contains(&fy);
        match (city, label, land) {
            (true, ..) => image::Rgb([220, 40, 40]),
            (_, true, _) => image::Rgb([250, 250, 250]),
            (_, _, true) => image::Rgb([120, 170, 90]),
            _ => image::Rgb([60, 110, 180]),
        }
    })
}

/// A pack of five picture questions in `dir`, each with a reveal picture (and with `sound`,
/// a sound).
fn picture_pack(dir: &Path, sound: bool) {
    std::fs::create_dir_all(dir.join("media")).expect("folder");
    map(480, 320, false).save(dir.join("media/map.png")).expect("png");
    map(480, 320, true).save(dir.join("media/map-named.jpg")).expect("jpeg");
    let ring = crate::support::root().join("tests/data/media/ring.ogg");
    std::fs::copy(ring, dir.join("media/ring.ogg")).expect("the Ogg fixture");
    let sound = if sound {
        "\n            sound: (file: \"media/ring.ogg\", alt: \"A phone rings\", credit: \"Made for the tests, CC0\"),"
    } else {
        ""
    };
    let question = |n: usize| {
        format!(
            r#"        (
            id: "pic-{n}",
            prompt: "Which city is marked in red on this map? ({n})",
            difficulty: Easy,
            category: "Career",
            explanation: "Jim's branch of Dunder Mifflin is in Scranton.",
            source: "test",
            answer: MultipleChoice(correct: "Scranton", wrong: ["Stamford", "Utica", "Nashua"]),
            image: (file: "media/map.png", alt: "A map with one city marked in red", credit: "Drawn by the test, CC0"),
            reveal_image: (file: "media/map-named.jpg", alt: "The same map, the city named"),{sound}
        ),
"#
        )
    };
    let questions: String = (1..=5).map(question).collect();
    let text =
        format!("Pack(\n    id: \"pictures\",\n    title: \"Pictures\",\n    questions: [\n{questions}    ],\n)\n");
    std::fs::write(dir.join("pictures.ron"), text).expect("pack");
}

/// A two-player night of the picture pack in a window of `size`, text at `scale`%, pictures
/// on or off: the question, then the reveal. Returns the log.
fn night(name: &str, size: (u32, u32), scale: u16, pictures: bool) -> String {
    night_with(
        name,
        size,
        scale,
        pictures,
        "wait:60,sleep:500,wait:5,shot:p1-question,f2,wait:30,sleep:500,wait:5,shot:p2-reveal",
        false,
    )
}

fn night_with(name: &str, size: (u32, u32), scale: u16, pictures: bool, script: &str, sound: bool) -> String {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let packs = scratch_dir(&format!("{name}-pack"));
    picture_pack(&packs, sound);
    let config = scratch_dir(&format!("{name}-config"));
    let settings = format!(
        "(version: 1, text_scale: {scale}, pictures: {pictures}, window_size: Some(({}, {})), solo_name: Some(\"Pam\"))",
        size.0, size.1
    );
    std::fs::write(config.join("settings.ron"), settings).expect("settings");
    let from = packs.to_str().expect("utf-8 path");
    let extra = [
        "--from",
        from,
        "--pack",
        "pictures",
        "--count",
        "5",
        "--seed",
        "3",
        "--timer",
        "20",
        "--mode",
        "everyone",
        "--players",
        "Ann,Bob",
    ];
    let dir = shots_dir().join(name);
    let (shots, log) = run_script_with(script, &dir, &config, &extra, &[]);
    assert_eq!(shots, ["p1-question.png", "p2-reveal.png"], "{log}");
    assert_screens_differ(&dir, &shots, &log);
    log
}

#[test]
fn a_picture_question_and_its_reveal_picture_on_the_tv() {
    let log = night("pictures-1280", (1280, 720), 100, true);
    assert!(log.contains("media/map.png shown (480×320)"), "{log}");
    assert!(log.contains("media/map-named.jpg shown (480×320)"), "{log}");
    assert!(shows(&log, "p1-question").contains("Which city is marked in red on this map?"), "{log}");
    assert!(!shows(&log, "p1-question").contains("Picture: "), "{log}");
    // The picture's credit goes with the source.
    assert!(shows(&log, "p2-reveal").contains("Source: test · Picture: Drawn by the test, CC0"), "{log}");
}

#[test]
fn a_picture_question_fits_800x600_with_text_at_200_percent() {
    let log = night("pictures-800", (800, 600), 200, true);
    assert!(log.contains("media/map.png shown (480×320)"), "{log}");
    assert!(shows(&log, "p2-reveal").contains("Scranton"), "{log}");
}

#[test]
fn with_pictures_off_the_tv_shows_their_alt_text() {
    let log = night("pictures-off", (1280, 720), 100, false);
    assert!(!log.contains("shown (480×320)"), "no picture is decoded: {log}");
    assert!(shows(&log, "p1-question").contains("Picture: A map with one city marked in red"), "{log}");
    assert!(shows(&log, "p2-reveal").contains("Picture: The same map, the city named"), "{log}");
}

#[test]
fn a_sound_question_plays_its_sound_again_on_f7_and_then_runs_its_clock() {
    let script = "wait:60,sleep:500,wait:5,f7,wait:5,sleep:1200,wait:5,shot:p1-question,f2,wait:30,sleep:500,wait:5,shot:p2-reveal";
    let log = night_with("sound-1280", (1280, 720), 100, true, script, true);
    // Played as the question opened, and again on F7: through a sound card, or (as on
    // machines with none, such as CI) said not to be, which starts the clock at once.
    let plays: Vec<&str> = log.lines().filter(|l| l.contains("sound media/ring.ogg ")).collect();
    assert_eq!(plays.len(), 2, "{log}");
    let question = shows(&log, "p1-question");
    assert!(question.contains("♪  Hear it again") && question.contains("F7 hear again"), "{question}");
    // The clock runs once the sound has played: the timer shows fewer than 20 seconds.
    let seconds: Vec<u32> = question.split(" | ").filter_map(|t| t.trim().parse().ok()).collect();
    assert!(seconds.iter().any(|s| (1..20).contains(s)), "{question}");
    assert!(shows(&log, "p2-reveal").contains("Sound: Made for the tests, CC0"), "{log}");
}

#[test]
fn a_picture_saved_while_the_game_runs_is_read_again_like_its_pack() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let packs = scratch_dir("media-reload-packs");
    picture_pack(&packs, false);
    // The author, in another window, saves something that is not a picture over it.
    let picture = packs.join("media/map.png");
    let author = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(6));
        std::fs::write(&picture, b"not a picture any more").expect("saved");
    });
    let dir = shots_dir().join("media-reload");
    let config = scratch_dir("media-reload-config");
    let (_, log) =
        run_script_with("wait:40,sleep:9000,shot:m-reloaded", &dir, &config, &[], &[("BIGTUNA_PACKS", &packs)]);
    author.join().expect("the author's thread");
    let problem = log.lines().find(|l| l.contains("packs: ") && l.contains("media/map.png` is not a picture"));
    assert!(problem.is_some_and(|l| l.contains("pictures.ron:") && l.contains("(question `pic-1`)")), "{log}");
}

/// The built-in demo from the game's own binary (no checkout named): its first question, a
/// map, and that map named at the reveal. Returns the log.
fn demo_night(name: &str, size: (u32, u32), scale: u16) -> String {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let config = crate::screens::sized_config(name, size, scale);
    let extra = ["--pack", "places-and-voices", "--count", "5", "--seed", "3", "--timer", "20"];
    let extra = [&extra[..], &["--mode", "everyone", "--players", "Ann,Bob"]].concat();
    let dir = shots_dir().join(name);
    let script = "wait:60,sleep:800,wait:5,shot:p1-question,f2,wait:30,sleep:800,wait:5,shot:p2-reveal";
    let (shots, log) = run_script_with(script, &dir, &config, &extra, &[]);
    assert_eq!(shots, ["p1-question.png", "p2-reveal.png"], "{log}");
    assert_screens_differ(&dir, &shots, &log);
    log
}

#[test]
fn the_built_in_demo_shows_its_own_maps_from_the_binary() {
    let log = demo_night("demo-1280", (1280, 720), 100);
    assert!(log.contains("picture built in: places-and-voices/media/map-stamford.png shown (1200×760)"), "{log}");
    assert!(log.contains("places-and-voices/media/map-stamford-named.png shown (1200×760)"), "{log}");
    assert!(shows(&log, "p1-question").contains("in the starred city. Which city is it?"), "{log}");
    let reveal = shows(&log, "p2-reveal");
    assert!(reveal.contains("Stamford") && reveal.contains("Picture: Map drawn by Big Tuna Trivia"), "{reveal}");
}

#[test]
fn the_built_in_demo_fits_800x600_with_text_at_200_percent() {
    let log = demo_night("demo-800", (800, 600), 200);
    assert!(log.contains("map-stamford.png shown (1200×760)"), "{log}");
    assert!(shows(&log, "p2-reveal").contains("Stamford"), "{log}");
}
