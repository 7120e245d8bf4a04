//! What `validate` says beyond errors, on small packs written for it: the spoiler check (a
//! tagged episode of a later season, a listed spoiler word in an untagged question), the
//! category give-away check, and declared sources (players read their titles; a question
//! naming none is an error).

use bigtuna::pack::problem::Warning;
use bigtuna::pack::{Pack, parse_pack};

/// A pack of `questions` (RON question entries), with `header` fields before them.
fn pack(header: &str, questions: &str) -> String {
    format!("Pack(\n    id: \"p\",\n    title: \"P\",\n{header}    questions: [\n{questions}    ],\n)\n")
}

/// One question entry, with `extra` fields (seasons, tags) and an explanation.
fn question(id: &str, extra: &str, category: &str, explanation: &str, answer: &str) -> String {
    format!(
        "        (\n            id: \"{id}\",\n            prompt: \"What happens?\",\n            difficulty: Easy,\n            category: \"{category}\",\n{extra}            explanation: \"{explanation}\",\n            source: \"notes\",\n            answer: {answer},\n        ),\n"
    )
}

const TRUE: &str = "TrueFalse(answer: true)";

fn loaded(text: &str) -> Pack {
    parse_pack("p.ron", text.as_bytes()).unwrap_or_else(|problems| panic!("{problems}"))
}

fn warnings(pack: &Pack) -> Vec<String> {
    pack.origin.warnings.iter().map(|w| Warning(w).to_string()).collect()
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|line| line.contains(needle)).map(|i| i + 1).expect("the needle is in the text")
}

#[test]
fn a_season_one_question_naming_a_season_nine_episode_is_warned_about_where_it_names_it() {
    let text = pack(
        "",
        &[
            question(
                "early",
                "            seasons: (1, 1),\n            tags: [\"episode:Diversity Day\"],\n",
                "Story",
                "It happens in Diversity Day, long before Finale.",
                TRUE,
            ),
            question(
                "last",
                "            seasons: (9, 9),\n            tags: [\"episode:Finale\"],\n",
                "Story",
                "The very last one.",
                TRUE,
            ),
        ]
        .concat(),
    );
    let said = warnings(&loaded(&text));
    let line = line_of(&text, "long before Finale");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with(&format!("p.ron:{line}:26: warning: the explanation names the episode \"Finale\" (season 9), after this question's seasons (1, 1) (question `early`)")), "{said:?}");
    assert!(said[0].ends_with("widen `seasons` to (1, 9)"), "{said:?}");
}

#[test]
fn a_question_over_several_episodes_does_not_place_an_earlier_one_late() {
    // The season-3 question looks back at Casino Night; the question about Casino Night
    // alone places it in season 2, so a season-2 question may name it and a season-1 one
    // is told season 2, not 3.
    let text = pack(
        "",
        &[
            question(
                "after",
                "            seasons: (3, 3),\n            tags: [\"episode:Cocktails\", \"episode:Casino Night\"],\n",
                "Story",
                "After the kiss.",
                TRUE,
            ),
            question(
                "kiss",
                "            seasons: (2, 2),\n            tags: [\"episode:Casino Night\"],\n",
                "Story",
                "The kiss.",
                TRUE,
            ),
            question("before", "            seasons: (2, 2),\n", "Story", "Just before Casino Night.", TRUE),
            question("early", "            seasons: (1, 1),\n", "Story", "Long before Casino Night.", TRUE),
        ]
        .concat(),
    );
    let said = warnings(&loaded(&text));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains(
            "names the episode \"Casino Night\" (season 2), after this question's seasons (1, 1) (question `early`)"
        ),
        "{said:?}"
    );
}

#[test]
fn an_untagged_question_naming_a_tagged_episode_or_a_listed_spoiler_word_is_warned_about() {
    let text = pack(
        "    spoilers: [\"Athlead\"],\n",
        &[
            question("any", "", "Story", "He co-founds athlead and leaves before Finale.", TRUE),
            question(
                "last",
                "            seasons: (9, 9),\n            tags: [\"episode:Finale\"],\n",
                "Story",
                "The very last one, with Athlead.",
                TRUE,
            ),
        ]
        .concat(),
    );
    let said = warnings(&loaded(&text));
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said.iter()
            .any(|w| w.contains("names the episode \"Finale\" (season 9) but the question (`any`) has no `seasons`")),
        "{said:?}"
    );
    // In any case; and not in the question that has seasons.
    assert!(
        said.iter()
            .any(|w| w
                .contains("uses \"Athlead\", one of the pack's `spoilers`, but the question (`any`) has no `seasons`")),
        "{said:?}"
    );
}

#[test]
fn a_category_that_names_the_right_answer_is_warned_about_and_a_fair_one_is_not() {
    let mc = |right: &str| format!("MultipleChoice(correct: \"{right}\", wrong: [\"Michael\", \"Andy\", \"Ryan\"])");
    let text = pack(
        "",
        &[
            question("given", "", "Pranks & Dwight", "Dwight is the one he pranks most.", &mc("Dwight")),
            question("fair", "", "Pranks", "Dwight is the one he pranks most.", &mc("Dwight")),
            // Every option has the word: the category points to none of them.
            question(
                "shared",
                "",
                "Branch",
                "The branch.",
                "MultipleChoice(correct: \"Scranton branch\", wrong: [\"Stamford branch\", \"Nashua branch\"])",
            ),
        ]
        .concat(),
    );
    let said = warnings(&loaded(&text));
    assert_eq!(said.len(), 1, "{said:?}");
    let line = line_of(&text, "category: \"Pranks & Dwight\"");
    assert!(
        said[0].starts_with(&format!(
            "p.ron:{line}:23: warning: the category \"Pranks & Dwight\" names the right answer \"Dwight\""
        )),
        "{said:?}"
    );
}

#[test]
fn a_clean_pack_has_nothing_to_warn_about_and_validate_says_so() {
    let text = pack(
        "    spoilers: [\"Athlead\"],\n",
        &[
            question(
                "early",
                "            seasons: (1, 1),\n            tags: [\"episode:Diversity Day\"],\n",
                "Story",
                "It happens in Diversity Day.",
                TRUE,
            ),
            question(
                "late",
                "            seasons: (1, 9),\n",
                "Story",
                "Later, Athlead; and Diversity Day before it.",
                TRUE,
            ),
        ]
        .concat(),
    );
    assert!(warnings(&loaded(&text)).is_empty());
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("clean.ron"), &text).expect("written");
    let spoiled = text.replacen("id: \"p\"", "id: \"p2\"", 1).replace("seasons: (1, 9),\n", "");
    std::fs::write(dir.path().join("spoiled.ron"), &spoiled).expect("written");
    let library = bigtuna::pack::PackLibrary::load_paths(&[dir.path().to_path_buf()]);
    // A warning does not keep the pack out of the game.
    assert_eq!(library.packs.len(), 1 + 1, "{:?}", library.skipped);
    assert_eq!(bigtuna::cli::validate::summary(&library), "2 packs, 4 questions: all valid (2 warnings)");
}

const SOURCES: &str = "    sources: [\n        (id: \"enc\", title: \"the encyclopedia article \\\"Jim Halpert\\\"\", file: \"001.txt\"),\n        (id: \"wiki\", title: \"the fan wiki\"),\n    ],\n";

#[test]
fn declared_sources_are_cited_by_title_and_section_never_by_file() {
    let text = pack(SOURCES, &question("q", "", "Story", "Something to learn.", TRUE))
        .replace("source: \"notes\"", "source: \"enc, Casting; wiki, Summary\"");
    let pack = loaded(&text);
    assert_eq!(
        pack.cite(&pack.questions[0].source),
        "the encyclopedia article \"Jim Halpert\", Casting; the fan wiki, Summary"
    );
    // A pack with none shows its sources as written.
    let plain = loaded(&self::pack("", &question("q", "", "Story", "Something to learn.", TRUE)));
    assert_eq!(plain.cite("001.txt, Infobox"), "001.txt, Infobox");
}

#[test]
fn a_question_naming_no_declared_source_is_an_error_where_it_names_it() {
    let text = pack(SOURCES, &question("q", "", "Story", "Something to learn.", TRUE))
        .replace("source: \"notes\"", "source: \"enc, Casting; 002.txt, Summary\"");
    let problems = parse_pack("p.ron", text.as_bytes()).expect_err("an undeclared source");
    let line = line_of(&text, "source: \"enc");
    assert_eq!(
        problems.to_string(),
        format!(
            "p.ron:{line}:21: error: the source `002.txt` is not one of the pack's `sources` (question `q`): start it with one of `enc`, `wiki` and a comma, or declare it"
        )
    );
    let twice =
        pack(&SOURCES.replace("id: \"wiki\"", "id: \"enc\""), &question("q", "", "Story", "Something to learn.", TRUE))
            .replace("source: \"notes\"", "source: \"enc\"");
    let problems = parse_pack("p.ron", twice.as_bytes()).expect_err("a source declared twice");
    assert!(problems.to_string().contains("error: the source id `enc` is declared twice"), "{problems}");
}

#[test]
fn a_hint_that_names_the_right_answer_is_warned_about_an_empty_one_refused_and_a_fair_one_kept() {
    let answer = r#"MultipleChoice(correct: "Stamford", wrong: ["Utica", "Nashua", "Albany"])"#;
    let text = pack(
        "",
        &[
            question("told", "            hint: \"It is Stamford, in Connecticut.\",\n", "Career", "He moved.", answer),
            question("fair", "            hint: \"It is in Connecticut.\",\n", "Career", "He moved.", answer),
        ]
        .concat(),
    );
    let pack = loaded(&text);
    let said = warnings(&pack);
    assert_eq!(said.len(), 1, "{said:#?}");
    let (line, col) = crate::support::position_of(&text, "\"It is Stamford");
    assert!(
        said[0].starts_with(&format!(
            "p.ron:{line}:{col}: warning: the hint names the right answer \"Stamford\" (question `told`)"
        )),
        "{said:#?}"
    );
    assert_eq!(pack.questions[1].hint.as_deref(), Some("It is in Connecticut."));
    // Through a sheet and back, the hint stays.
    let sheet = bigtuna::pack::spreadsheet::to_csv(&pack).expect("csv");
    let back = bigtuna::pack::spreadsheet::from_csv(&sheet).expect("read back");
    assert_eq!(back.pack.questions, pack.questions);
    // An empty hint is an error at the hint, with what to do.
    let empty = pack_text_with_hint("");
    let problems = parse_pack("p.ron", empty.as_bytes()).expect_err("an empty hint is refused");
    assert!(
        problems.to_string().contains("the hint is empty") && problems.to_string().contains("leave `hint` out"),
        "{problems}"
    );
}

fn pack_text_with_hint(hint: &str) -> String {
    pack("", &question("q", &format!("            hint: \"{hint}\",\n"), "Career", "He moved.", TRUE))
}
