//! The pack format: every validation rule reports the right line and column, and a folder
//! mixing good and broken packs still loads the good ones.

use bigtuna::pack::{Answer, PackLibrary, parse_pack};

use crate::support::{mc, pack_text, position_of, problems, scratch_dir};

fn only_problem_at(text: &str, needle: &str, words: &[&str]) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let problem = &found[0];
    assert_eq!((problem.line, problem.col), position_of(text, needle), "{problem}");
    for word in words {
        assert!(problem.message.contains(word), "{problem} should mention {word:?}");
    }
    let line = problem.to_string();
    assert!(line.starts_with(&format!("test.ron:{}:{}: error: ", problem.line, problem.col)), "{line}");
}

#[test]
fn a_valid_pack_loads_with_every_answer_kind() {
    let questions = format!(
        "{}\n        (id: \"tf\", prompt: \"Jim sells paper.\", difficulty: Medium, category: \"Career\", tags: [\"sales\"], seasons: (1, 3), explanation: \"He does.\", source: \"s\", answer: TrueFalse(answer: true)),\n        (id: \"ty\", prompt: \"Daughter?\", difficulty: Hard, category: \"Family\", explanation: \"e\", source: \"s\", answer: Typed(accept: [\"Cecelia\", \"Cece\"])),\n        (id: \"nu\", prompt: \"Months?\", difficulty: Easy, category: \"Pam & Jim\", explanation: \"e\", source: \"s\", answer: Number(answer: 3, unit: \"months\", tolerance: 0.5)),\n        (id: \"or\", prompt: \"Order?\", difficulty: Easy, category: \"Career\", explanation: \"e\", source: \"s\", answer: Ordering(items: [\"a\", \"b\", \"c\"])),",
        mc("mc")
    );
    let text = pack_text("good", &questions);
    let pack = parse_pack("good.ron", text.as_bytes()).expect("valid");
    assert_eq!(pack.questions.len(), 5);
    assert_eq!(pack.language, "en", "language defaults to English");
    assert_eq!(
        pack.questions[3].answer,
        Answer::Number { answer: 3.0, unit: Some("months".into()), tolerance: 0.5 },
        "`unit: \"months\"` needs no Some(..) and an integer reads as a number"
    );
    assert_eq!(pack.questions[1].seasons.map(|s| (s.first(), s.last())), Some((1, 3)));
    assert_eq!((pack.origin.id_line, pack.origin.id_col), (2, 9), "the pack id's value");
}

#[test]
fn syntax_error_points_at_the_broken_spot() {
    let text = pack_text("p", &mc("a")).replace("\"Which branch?\",", "\"Which branch?\" oops");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].line, found[0].col), position_of(&text, "oops"), "{}", found[0]);
    assert!(found[0].message.contains("put a comma"), "{}", found[0]);
}

#[test]
fn unknown_field_is_reported_at_the_field_with_the_question_id() {
    let text = pack_text("p", &mc("q-7").replace("category:", "categroy:"));
    only_problem_at(&text, "categroy", &["categroy", "q-7", "spelling"]);
}

#[test]
fn missing_field_is_reported_at_the_question() {
    let text = pack_text("p", &mc("q-8").replace("            source: \"test\",\n", ""));
    only_problem_at(&text, "(\n            id: \"q-8\"", &["source", "q-8", "add the field"]);
}

#[test]
fn every_broken_question_is_reported_not_only_the_first() {
    let questions =
        [mc("a").replace("prompt:", "promt:"), mc("b"), mc("c").replace("difficulty: Easy", "difficulty: Trivial")]
            .join("\n");
    let text = pack_text("p", &questions);
    let found = problems(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].line, found[0].col), position_of(&text, "promt"));
    assert_eq!(found[1].line, position_of(&text, "Trivial").0);
    assert!(found[1].message.contains("`c`"), "{}", found[1]);
}

#[test]
fn duplicate_question_id_points_at_the_second() {
    let text = pack_text("p", &format!("{}\n{}", mc("twin"), mc("twin")));
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let second = text.match_indices("\"twin\"").nth(1).map(|(i, _)| i).expect("two");
    let before = &text[..second];
    let expected = (before.matches('\n').count() + 1, before.rsplit('\n').next().map_or(0, str::len) + 1);
    assert_eq!((found[0].line, found[0].col), expected, "{}", found[0]);
    assert!(found[0].message.contains("duplicate question id `twin`, first used on line 6"), "{}", found[0]);
}

#[test]
fn empty_prompt_and_empty_answers() {
    only_problem_at(&pack_text("p", &mc("e1").replace("\"Which branch?\"", "\"  \"")), "\"  \"", &["prompt", "e1"]);
    only_problem_at(&pack_text("p", &mc("e2").replace("\"Utica\"", "\"\"")), "\"\"", &["wrong option is empty", "e2"]);
    let typed = mc("e3").replace(
        "MultipleChoice(correct: \"Stamford\", wrong: [\"Nashua\", \"Utica\", \"Albany\"])",
        "Typed(accept: [])",
    );
    only_problem_at(&pack_text("p", &typed), "[]", &["accepts no answer", "e3"]);
}

#[test]
fn correct_option_repeated_among_wrong_ones() {
    let text = pack_text("p", &mc("rep").replace("\"Utica\"", "\"stamford \""));
    only_problem_at(&text, "\"stamford \"", &["repeated among the wrong options", "rep", "remove it"]);
}

#[test]
fn too_few_and_too_many_options() {
    let none = mc("few").replace("[\"Nashua\", \"Utica\", \"Albany\"]", "[]");
    only_problem_at(&pack_text("p", &none), "[]", &["0 wrong options", "1 to 5"]);
    let six = mc("many").replace("[\"Nashua\", \"Utica\", \"Albany\"]", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]");
    only_problem_at(&pack_text("p", &six), "[\"a\"", &["6 wrong options"]);
}

#[test]
fn ordering_needs_three_items() {
    let q = mc("ord").replace(
        "MultipleChoice(correct: \"Stamford\", wrong: [\"Nashua\", \"Utica\", \"Albany\"])",
        "Ordering(items: [\"first\", \"second\"])",
    );
    only_problem_at(&pack_text("p", &q), "[\"first\"", &["2 items", "3 to 8", "ord"]);
}

#[test]
fn season_range_reversed_or_outside_the_show() {
    let reversed = mc("rev").replace("difficulty: Easy,", "difficulty: Easy, seasons: (5, 3),");
    only_problem_at(&pack_text("p", &reversed), "(5, 3)", &["reversed", "write (3, 5)", "rev"]);
    let outside = mc("out").replace("difficulty: Easy,", "difficulty: Easy, seasons: (2, 10),");
    only_problem_at(&pack_text("p", &outside), "(2, 10)", &["outside seasons 1-9", "out"]);
}

#[test]
fn negative_tolerance() {
    let q = mc("tol").replace(
        "MultipleChoice(correct: \"Stamford\", wrong: [\"Nashua\", \"Utica\", \"Albany\"])",
        "Number(answer: 2005, tolerance: -1)",
    );
    only_problem_at(&pack_text("p", &q), "-1", &["not zero or more", "tol"]);
}

#[test]
fn hostile_bytes_are_errors_with_a_position() {
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"   \n\t".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x41],
        b"Pack(id: \"x\", title: \"\xff\")".to_vec(),
        "[".repeat(10_000).into_bytes(),
        "(a:".repeat(5_000).into_bytes(),
        (0..=255u8).cycle().take(100_000).collect(),
        b"\"unterminated".to_vec(),
        b"r#\"raw".to_vec(),
        b"/* never closed".to_vec(),
    ];
    // A BOM before a valid pack is fine.
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(pack_text("bom", &mc("a")).into_bytes());
    assert!(parse_pack("bom.ron", &bom).is_ok(), "a BOM is not an error");
    // 50 MB of questions: parsed without a panic, every one of them.
    let big = pack_text("big", &(0..170_000).map(|i| mc(&format!("q{i}"))).collect::<Vec<_>>().join("\n"));
    assert!(big.len() > 50_000_000, "{} bytes", big.len());
    assert_eq!(parse_pack("big.ron", big.as_bytes()).map(|p| p.questions.len()), Ok(170_000));
    for bytes in cases {
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        let problems = problems_of_bytes(&bytes);
        let first = &problems[0];
        assert!(first.line >= 1 && first.line <= lines && first.col >= 1, "a position in the file: {first}");
        assert!(first.to_string().starts_with(&format!("junk.ron:{}:{}: error: ", first.line, first.col)), "{first}");
        assert!(first.message.len() > 10, "says what is wrong: {first}");
    }
    let invalid = problems_of_bytes(b"Pack(\n  id: \"x\xff\")");
    assert_eq!((invalid[0].line, invalid[0].col), (2, 9), "the first bad byte: {}", invalid[0]);
    assert!(invalid[0].message.contains("UTF-8"));
    let empty = problems_of_bytes(b"");
    assert!(empty[0].message.contains("empty"), "{}", empty[0]);
}

fn problems_of_bytes(bytes: &[u8]) -> Vec<bigtuna::pack::Problem> {
    parse_pack("junk.ron", bytes).expect_err("must fail").0
}

#[test]
fn a_folder_of_good_and_broken_packs_loads_the_good_ones() {
    let dir = scratch_dir("mixed");
    std::fs::write(dir.join("a-good.ron"), pack_text("good-one", &format!("{}\n{}", mc("1"), mc("2")))).expect("write");
    std::fs::write(dir.join("b-broken.ron"), "Pack(id: \"broken\", title: ").expect("write");
    std::fs::create_dir_all(dir.join("more")).expect("dir");
    std::fs::write(dir.join("more/c-good.ron"), pack_text("good-two", &mc("1"))).expect("write");
    // Same id as a-good: skipped, and the problem names the other file.
    std::fs::write(dir.join("more/d-dup.ron"), pack_text("good-one", &mc("1"))).expect("write");
    std::fs::write(dir.join("notes.txt"), "not a pack").expect("write");
    let library = PackLibrary::load_paths(std::slice::from_ref(&dir));
    let ids: Vec<&str> = library.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["good-one", "good-two"]);
    assert_eq!(library.questions().count(), 3);
    assert_eq!(library.skipped.len(), 2);
    let dup = library.problems().find(|p| p.file.ends_with("d-dup.ron")).expect("duplicate reported");
    assert_eq!((dup.line, dup.col), (2, 9));
    assert!(dup.message.contains("already used by") && dup.message.contains("a-good.ron"), "{dup}");
}

#[test]
fn the_example_in_the_authors_guide_is_a_valid_pack() {
    let guide = std::fs::read_to_string(crate::support::root().join("docs/PACKS.md")).expect("docs/PACKS.md");
    let start = guide.find("```ron\n").expect("a RON example") + "```ron\n".len();
    let end = start + guide[start..].find("```").expect("closed");
    let pack = parse_pack("docs/PACKS.md", &guide.as_bytes()[start..end]).unwrap_or_else(|p| panic!("{p}"));
    let kinds: std::collections::HashSet<_> = pack.questions.iter().map(|q| q.answer.kind()).collect();
    assert_eq!(kinds.len(), 5, "the example shows every answer kind");
}

#[test]
fn a_header_mistake_names_the_pack_not_a_question() {
    let text = pack_text("my-pack", &mc("a")).replace("    title:", "    titel:");
    only_problem_at(&text, "titel", &["(pack `my-pack`)", "titel"]);
}

#[test]
fn a_group_needs_two_members_and_a_name() {
    let grouped = |id: &str, group: &str| {
        mc(id).replace("category: \"Career\",", &format!("category: \"Career\",\n            group: \"{group}\","))
    };
    // Two questions that share a fact load.
    let text = pack_text("g", &format!("{}\n{}", grouped("a", "branch"), grouped("b", "branch")));
    let pack = bigtuna::pack::parse_pack("g.ron", text.as_bytes()).expect("a group of two loads");
    assert_eq!(pack.questions[0].group.as_deref(), Some("branch"));
    // One alone, or an empty name, is told where and what to do.
    let text = pack_text("g", &format!("{}\n{}", grouped("a", "branch"), grouped("b", " ")));
    let found = problems(&text);
    let messages: Vec<String> = found.iter().map(|p| format!("{}:{}: {}", p.line, p.col, p.message)).collect();
    assert!(
        messages.iter().any(|m| m.contains("the group `branch` has no other question") && m.contains("(question `a`)")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("the group is empty") && m.contains("(question `b`)")), "{messages:?}");
    let line = text.lines().position(|l| l.contains("group: \"branch\"")).expect("the line") + 1;
    assert!(found.iter().any(|p| p.line == line && p.col == 20), "at the group's value: {found:?}");
}
