//! Words as people read them: numbers with their units, seasons a spreadsheet keeps as text,
//! and imported packs whose titles tell them apart.

use std::process::Command;

use bigtuna::pack::{Answer, Difficulty, Pack, Question, SeasonRange, load_pack_file, spreadsheet};
use bigtuna::words::{quantity, singular, unit_leads};

use crate::support::{builtin_library, root, scratch_dir};

#[test]
fn numbers_read_with_their_units_as_the_words_need_them() {
    assert_eq!(quantity(4.0, Some("season")), "season 4");
    assert_eq!(quantity(1.0, Some("children")), "1 child");
    assert_eq!(quantity(2.0, Some("children")), "2 children");
    assert_eq!(quantity(1.0, Some("people")), "1 person");
    assert_eq!(quantity(1.0, Some("entries")), "1 entry");
    assert_eq!(quantity(1.0, Some("nieces and nephews")), "1 niece or nephew");
    assert_eq!(quantity(3.0, Some("months")), "3 months");
    assert_eq!(quantity(1.5, Some("months")), "1.5 months");
    assert_eq!(quantity(7.0, None), "7");
    assert_eq!(singular("Boxes"), "Box");
    assert_eq!(singular("Children"), "Child");
    assert!(unit_leads("Season") && !unit_leads("seasons"), "how many seasons counts; which season names one");
}

/// Every number question of the built-in bank, as the reveal says its answer: no "4 season",
/// no "1 children".
#[test]
fn the_banks_number_answers_read_right() {
    let library = builtin_library();
    for q in library.packs.iter().flat_map(|p| &p.questions) {
        let Answer::Number { answer, unit: Some(unit), .. } = &q.answer else { continue };
        let said = quantity(*answer, Some(unit));
        if unit_leads(unit) {
            assert!(said.starts_with(unit.as_str()), "{}: {said}", q.id);
        } else if *answer == 1.0 {
            assert_ne!(said, format!("1 {unit}"), "{}: one of them reads in the singular", q.id);
        }
    }
}

fn question(id: &str, seasons: Option<SeasonRange>) -> Question {
    Question {
        id: id.into(),
        prompt: format!("Question {id}?"),
        difficulty: Difficulty::Easy,
        category: "Career".into(),
        tags: Vec::new(),
        seasons,
        group: None,
        explanation: "Because it is so.".into(),
        source: "test, section".into(),
        answer: Answer::TrueFalse { answer: true },
        hint: None,
        image: None,
        sound: None,
        reveal_image: None,
    }
}

/// A spreadsheet turns `9-9` into the 9th of September, and then the sheet fails to import:
/// seasons go out as `9` and `3 to 5`, and come back from either form.
#[test]
fn sheets_keep_seasons_as_text_and_read_every_form() {
    let pack = Pack::new(
        "seasons",
        "Seasons",
        vec![question("q1", Some(SeasonRange(9, 9))), question("q2", Some(SeasonRange(3, 5))), question("q3", None)],
    );
    let sheet = spreadsheet::to_csv(&pack).expect("csv");
    assert!(!sheet.contains("9-9") && !sheet.contains("3-5"), "{sheet}");
    assert!(sheet.contains(",9,") && sheet.contains(",3 to 5,"), "{sheet}");
    let back = spreadsheet::from_csv(&sheet).expect("read back");
    assert_eq!(back.pack.questions, pack.questions);
    for (cell, range) in
        [("4-5", (4, 5)), ("4 – 5", (4, 5)), ("S4-S5", (4, 5)), ("seasons 6 to 7", (6, 7)), ("8", (8, 8))]
    {
        let old = sheet.replace(",3 to 5,", &format!(",{cell},"));
        let read = spreadsheet::from_csv(&old).expect("read");
        assert!(read.problems.is_empty(), "{cell}: {:?}", read.problems);
        assert_eq!(read.pack.questions[1].seasons, Some(SeasonRange(range.0, range.1)), "{cell}");
    }
}

/// Two imports of Open Trivia DB replies land in the pack browser under titles that differ.
#[test]
fn two_open_trivia_db_imports_get_titles_that_tell_them_apart() {
    let dir = scratch_dir("two-imports");
    let fixture = root().join("tests/data/opentdb/html-entities-10.json");
    let mut titles = Vec::new();
    for name in ["quiz-one.ron", "quiz-two.ron"] {
        let output = Command::new(env!("CARGO_BIN_EXE_bigtuna"))
            .args(["import", "opentdb", fixture.to_str().expect("path"), "-o", name])
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let pack = load_pack_file(&dir.join(name)).expect("the import validates");
        assert!(pack.title.starts_with("Open Trivia DB") && pack.title.contains("10 "), "{}", pack.title);
        titles.push(pack.title);
    }
    assert_ne!(titles[0], titles[1]);
}
