//! Bringing questions in and out: Open Trivia DB replies in each of the API's encodings,
//! spreadsheets as they are really saved, export then import with no loss, and the starter
//! pack; each result checked by `bigtuna validate`, as an author would.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use bigtuna::pack::opentdb::{self, Encoding};
use bigtuna::pack::{Answer, Difficulty, Pack, Question, SeasonRange, SourceText, load_pack_file, spreadsheet};

use crate::support::{root, scratch_dir};

/// RFC 3986: everything but letters, digits and `-._~` is percent-encoded.
const UNRESERVED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

fn fixture(name: &str) -> PathBuf {
    root().join("tests/data/opentdb").join(name)
}

fn bigtuna(args: &[&str], dir: &Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_bigtuna")).args(args).current_dir(dir).output().expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.success(), text(&output.stdout), text(&output.stderr))
}

/// The html fixture (a real reply, copied from the shared fixtures with their README), every field decoded, as JSON values to encode again.
fn decoded_results() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(fixture("html-entities-10.json")).expect("fixture");
    let reply: serde_json::Value = serde_json::from_str(&text).expect("json");
    let decode = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => serde_json::Value::String(html_escape::decode_html_entities(s).into_owned()),
        serde_json::Value::Array(items) => serde_json::Value::Array(
            items
                .iter()
                .map(|i| {
                    serde_json::Value::String(
                        html_escape::decode_html_entities(i.as_str().unwrap_or_default()).into_owned(),
                    )
                })
                .collect(),
        ),
        other => other.clone(),
    };
    reply["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            serde_json::Value::Object(
                r.as_object().expect("object").iter().map(|(k, v)| (k.clone(), decode(v))).collect(),
            )
        })
        .collect()
}

/// The same results, encoded as the API's `encode` parameter would.
fn encoded(results: &[serde_json::Value], encode: impl Fn(&str) -> String) -> String {
    let encode_value = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => serde_json::Value::String(encode(s)),
        serde_json::Value::Array(items) => serde_json::Value::Array(
            items.iter().map(|i| serde_json::Value::String(encode(i.as_str().unwrap_or_default()))).collect(),
        ),
        other => other.clone(),
    };
    let results: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            serde_json::Value::Object(
                r.as_object().expect("object").iter().map(|(k, v)| (k.clone(), encode_value(v))).collect(),
            )
        })
        .collect();
    serde_json::json!({ "response_code": 0, "results": results }).to_string()
}

#[test]
fn open_trivia_db_replies_import_alike_in_every_encoding_and_validate() {
    let html = opentdb::import(&std::fs::read_to_string(fixture("html-entities-10.json")).expect("fixture"), None)
        .expect("the html reply");
    assert_eq!((html.encoding, html.questions.len(), html.skipped.len()), (Encoding::Html, 10, 0));
    let prompts: Vec<&str> = html.questions.iter().map(|q| q.prompt.as_str()).collect();
    assert!(prompts.iter().all(|p| !p.contains("&quot;") && !p.contains("&#039;")), "{prompts:?}");
    assert!(prompts.contains(&"In the TV show 'M*A*S*H', what was the nickname of Corporal Walter O'Reilly?"));
    let all_text: String = html.questions.iter().map(|q| format!("{q:?}")).collect();
    assert!(all_text.contains('Δ') && !all_text.contains("&Delta;"), "named entities decoded");
    let results = decoded_results();
    let url3986 = |s: &str| percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string();
    let legacy = |s: &str| url3986(s).replace("%20", "+");
    let base64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    for (encoding, text) in [
        (Encoding::Url3986, encoded(&results, url3986)),
        (Encoding::UrlLegacy, encoded(&results, legacy)),
        (Encoding::Base64, encoded(&results, base64)),
        (Encoding::Html, encoded(&results, |s| html_escape::encode_double_quoted_attribute(s).into_owned())),
    ] {
        for given in [None, Some(encoding)] {
            let again = opentdb::import(&text, given).unwrap_or_else(|e| panic!("{encoding:?}: {e}"));
            assert_eq!(again.encoding, encoding, "detected");
            assert_eq!(again.questions, html.questions, "{encoding:?} ({given:?}) gives the same questions");
        }
    }
    // Through the command line: written, then valid by `bigtuna validate`.
    let dir = scratch_dir("import-opentdb");
    let out = dir.join("tv.ron");
    let from = fixture("base64-5.json");
    let (ok, said, problems) =
        bigtuna(&["import", "opentdb", from.to_str().expect("path"), "-o", "tv.ron", "--id", "tv"], &dir);
    assert!(ok, "{said}{problems}");
    assert!(said.contains("wrote 5 questions to tv.ron (pack `tv`)"), "{said}");
    let pack = load_pack_file(&out).expect("it validates");
    assert_eq!((pack.licence.as_str(), pack.questions.len()), (opentdb::LICENCE, 5));
    assert!(pack.attribution.contains("Open Trivia DB"));
    let bikini = pack.questions.iter().find(|q| q.prompt.starts_with("The bikini")).expect("a boolean question");
    assert_eq!((&bikini.answer, bikini.difficulty), (&Answer::TrueFalse { answer: true }, Difficulty::Medium));
    assert!(bikini.prompt.contains("\"Bikini Atoll\""));
    assert!(bigtuna(&["validate", "tv.ron"], &dir).0);
    // Nothing a user made is lost: an existing file is not replaced without --force.
    let (ok, _, problems) = bigtuna(&["import", "opentdb", from.to_str().expect("path"), "-o", "tv.ron"], &dir);
    assert!(!ok && problems.contains("tv.ron exists"), "{problems}");
}

#[test]
fn an_open_trivia_db_error_reply_says_what_the_code_means() {
    for (code, words) in
        [(1, "no results"), (2, "invalid parameter"), (3, "token not found"), (4, "token empty"), (5, "rate limit")]
    {
        let reply = format!(r#"{{"response_code":{code},"results":[]}}"#);
        let error = opentdb::import(&reply, None).expect_err("an error reply");
        assert!(error.contains(&format!("response_code {code}")) && error.contains(words), "{error}");
    }
    let error = opentdb::import("{\"questions\": 3}", None).expect_err("not a reply");
    assert!(error.contains("not an Open Trivia DB reply"), "{error}");
}

fn tricky_pack() -> Pack {
    let question = |id: &str, answer: Answer| Question {
        id: id.into(),
        prompt: format!("Who said \"Bears, beets, Battlestar Galactica\", ça va? ({id})"),
        difficulty: Difficulty::Hard,
        category: "Pranks, \"mostly\"".into(),
        tags: vec!["quotes".into(), "Dwight; Jim".into()],
        seasons: Some(SeasonRange(3, 5)),
        group: None,
        explanation: "Line one.\nLine two, with a comma; and a semicolon.".into(),
        source: "001.txt, Infobox".into(),
        answer,
        hint: None,
        image: None,
        sound: None,
        reveal_image: None,
    };
    let mut pack = Pack::new(
        "tricky",
        "Tricky, \"quoted\" pack",
        vec![
            question(
                "mc",
                Answer::MultipleChoice {
                    correct: "Jim, as Dwight".into(),
                    wrong: vec!["Dwight".into(), "Mose \"the\" Schrute".into(), "Pam".into()],
                },
            ),
            question("tf", Answer::TrueFalse { answer: false }),
            question("typed", Answer::Typed { accept: vec!["Cécé".into(), "Cecelia Marie".into()] }),
            question("number", Answer::Number { answer: 2.5, unit: Some("years".into()), tolerance: 0.5 }),
            question(
                "order",
                Answer::Ordering { items: vec!["Casino Night".into(), "Gas station, rain".into(), "Niagara".into()] },
            ),
        ],
    );
    pack.description = "Ünïcödé, commas, \"quotes\"\nand newlines".into();
    for q in &mut pack.questions[..2] {
        q.group = Some("the-same-fact".into());
    }
    pack.licence = "CC BY-SA 4.0".into();
    pack
}

#[test]
fn a_pack_exported_as_csv_imports_back_the_same() {
    let pack = tricky_pack();
    let sheet = spreadsheet::to_csv(&pack).expect("csv");
    let back = spreadsheet::from_csv(&sheet).expect("read back");
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.pack, pack);
    // The built-in pack, through the command line: export, import, the same questions.
    let dir = scratch_dir("export-import");
    let (ok, _, problems) = bigtuna(&["export", "jim-halpert", "--format", "csv", "-o", "bank.csv"], &dir);
    assert!(ok, "{problems}");
    let (ok, said, problems) = bigtuna(&["import", "csv", "bank.csv", "-o", "bank.ron"], &dir);
    assert!(ok && problems.is_empty(), "{said}{problems}");
    let original = load_pack_file(&root().join("quizzes/jim-halpert.ron")).expect("the bank");
    let again = load_pack_file(&dir.join("bank.ron")).expect("the import validates");
    assert_eq!(Pack { origin: Default::default(), ..again }, Pack { origin: Default::default(), ..original });
    let (ok, json, _) = bigtuna(&["export", "jim-halpert", "--format", "json"], &dir);
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(ok && value["questions"].as_array().is_some_and(|q| q.len() >= 240));
}

#[test]
fn a_sheet_shows_sources_by_title_and_imports_them_back_as_declared() {
    let mut pack = tricky_pack();
    pack.sources = vec![
        SourceText { id: "enc".into(), title: "the article \"Jim\", long".into(), ..text() },
        // A title that starts the other one: the longer is matched first.
        SourceText { id: "short".into(), title: "the article".into(), ..text() },
        SourceText {
            id: "wiki".into(),
            title: "the fan wiki".into(),
            link: "https://example.org/jim".into(),
            licence: "CC BY-SA".into(),
            file: "002.txt".into(),
        },
    ];
    pack.spoilers = vec!["Athlead".into(), "Cece".into()];
    pack.questions[0].source = "enc, Seasons 1-3; wiki, Summary".into();
    pack.questions[1].source = "short, Casting".into();
    pack.questions[2].source = "wiki".into();
    let sheet = spreadsheet::to_csv(&pack).expect("csv");
    assert!(sheet.contains("the article \"\"Jim\"\", long, Seasons 1-3; the fan wiki, Summary"), "{sheet}");
    assert!(!sheet.contains("enc, Seasons") && !sheet.contains("short, Casting"), "{sheet}");
    let back = spreadsheet::from_csv(&sheet).expect("read back");
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.pack, pack);
    // An author who types the id in a sheet keeps it.
    let typed = sheet.replace("the fan wiki, Summary", "wiki, Summary");
    assert_eq!(spreadsheet::from_csv(&typed).expect("read").pack.questions[0].source, pack.questions[0].source);
}

fn text() -> SourceText {
    SourceText {
        id: String::new(),
        title: String::new(),
        file: String::new(),
        link: String::new(),
        licence: String::new(),
    }
}

#[test]
fn a_real_spreadsheets_csv_with_broken_rows_keeps_the_good_ones() {
    // As a spreadsheet in a comma-decimal locale saves it: BOM, `;`, CRLF, a quoted newline.
    let sheet = "\u{feff}kind;prompt;correct;wrong1;wrong2;accept;number;difficulty;category;explanation;source;colour\r\n\
        multiple_choice;Where does Jim transfer?;Stamford;Nashua;Utica;;;easy;Career;\"He moves,\r\nthen comes back.\";s1;\r\n\
        number;How many children?;;;;;2,0;medium;Family;Two.;s2;\r\n\
        typed;Daughter's name?;;;;\"Cecelia\nCece\";;hard;Family;Born in season six.;s3;\r\n\
        riddle;What is this?;;;;;;easy;Odd;Nothing.;s4;\r\n\
        number;How many seasons?;;;;;nine;easy;Show;Nine.;s5;\r\n\
        true_false;Jim is tall.;maybe;;;;;easy;Jim;Yes.;s6;\r\n\
        multiple_choice;No wrong options?;Right;;;;;easy;Odd;None.;s7;\r\n\
        typed;No source?;;;;Yes;;easy;Odd;Because.;;\r\n";
    let dir = scratch_dir("import-csv");
    std::fs::write(dir.join("sheet.csv"), sheet).expect("written");
    let (ok, said, problems) = bigtuna(&["import", "csv", "sheet.csv", "-o", "sheet.ron", "--title", "My sheet"], &dir);
    assert!(ok, "{said}{problems}");
    for expected in [
        "row 1, column colour: not a column",
        "row 5, column kind: \"riddle\" is not a kind",
        "row 6, column number: \"nine\" is not a number",
        "row 7, column correct: \"maybe\" is not true or false",
        "row 8, column wrong1: a multiple-choice question needs a wrong option",
        "row 9, column source: empty",
    ] {
        assert!(problems.contains(expected), "{expected:?} in:\n{problems}");
    }
    assert!(said.contains("wrote 3 questions to sheet.ron (pack `sheet`)"), "{said}");
    let pack = load_pack_file(&dir.join("sheet.ron")).expect("what was written validates");
    assert_eq!(pack.title, "My sheet");
    assert_eq!(pack.questions[0].explanation, "He moves,\nthen comes back.");
    assert_eq!(pack.questions[1].answer, Answer::Number { answer: 2.0, unit: None, tolerance: 0.0 });
    assert_eq!(pack.questions[2].answer, Answer::Typed { accept: vec!["Cecelia".into(), "Cece".into()] });
}

#[test]
fn new_pack_writes_a_valid_starter_pack_and_never_overwrites() {
    let dir = scratch_dir("new-pack");
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, said, _) = bigtuna(&["new-pack", "My Office Pack!", "--dir", dir.to_str().expect("path")], &root());
    assert!(ok && said.contains("my-office-pack.ron"), "{said}");
    let pack = load_pack_file(&dir.join("my-office-pack.ron")).expect("the starter pack validates");
    assert_eq!((pack.id.as_str(), pack.title.as_str()), ("my-office-pack", "My office pack"));
    let mut kinds: Vec<_> = pack.questions.iter().map(|q| q.answer.kind()).collect();
    kinds.dedup();
    assert_eq!(kinds.len(), 5, "one question of each kind");
    let text = std::fs::read_to_string(dir.join("my-office-pack.ron")).expect("text");
    assert!(text.contains("// ") && text.contains("docs/PACKS.md"), "commented");
    std::fs::write(dir.join("my-office-pack.ron"), "mine").expect("edited");
    let (ok, _, problems) = bigtuna(&["new-pack", "my office pack", "--dir", dir.to_str().expect("path")], &root());
    assert!(!ok && problems.contains("exists"), "{problems}");
    assert_eq!(std::fs::read_to_string(dir.join("my-office-pack.ron")).expect("kept"), "mine");
    // Without --dir it goes to the packs folder the game reads.
    let packs = scratch_dir("new-pack-home");
    let _ = std::fs::remove_dir_all(&packs);
    let output = Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(["new-pack", "friday"])
        .env("BIGTUNA_PACKS", &packs)
        .output()
        .expect("runs");
    assert!(output.status.success() && packs.join("friday.ron").exists());
}
