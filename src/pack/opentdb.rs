//! Open Trivia DB replies (`{"response_code": .., "results": [..]}`, or a bare list of
//! results) as questions: any of the API's four encodings, detected or given; `multiple` and
//! `boolean` questions, with their difficulty and category; ids from a hash of the decoded
//! question, so the same question imported twice has the same id.

use base64::Engine;
use serde::Deserialize;
use sha1::{Digest, Sha1};

use super::format::{Answer, Difficulty, Pack, Question};

/// The licence of Open Trivia DB's questions.
pub const LICENCE: &str = "CC BY-SA 4.0";

/// The credit the licence asks for.
pub const ATTRIBUTION: &str = "Questions from Open Trivia DB (https://opentdb.com), licensed CC BY-SA 4.0.";

/// How the API encoded the text of a reply (its `encode` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The default: HTML entities, named ones included (`&quot;`, `&eacute;`, `&pi;`).
    Html,
    /// `encode=url3986`: percent-encoding, spaces as `%20`.
    Url3986,
    /// `encode=urlLegacy`: percent-encoding, spaces as `+`.
    UrlLegacy,
    /// `encode=base64`: every field in base64.
    Base64,
}

impl Encoding {
    /// The name the API uses (`html` for its default).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Html => "html",
            Encoding::Url3986 => "url3986",
            Encoding::UrlLegacy => "urlLegacy",
            Encoding::Base64 => "base64",
        }
    }

    /// The name the API uses, or `html`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "default" => Some(Encoding::Html),
            "url3986" => Some(Encoding::Url3986),
            "urllegacy" => Some(Encoding::UrlLegacy),
            "base64" => Some(Encoding::Base64),
            _ => None,
        }
    }

    /// Decodes one field.
    pub fn decode(self, text: &str) -> Result<String, String> {
        match self {
            Encoding::Html => Ok(html_escape::decode_html_entities(text).into_owned()),
            Encoding::Url3986 => percent(text),
            Encoding::UrlLegacy => percent(&text.replace('+', " ")),
            Encoding::Base64 => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(text.trim())
                    .map_err(|e| format!("\"{text}\" is not base64 ({e})"))?;
                String::from_utf8(bytes).map_err(|_| format!("\"{text}\" is base64 of something that is not text"))
            }
        }
    }
}

fn percent(text: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| format!("\"{text}\" is percent-encoded bytes that are not UTF-8 text"))
}

/// One result as the API sends it.
#[derive(Debug, Clone, Deserialize)]
struct RawResult {
    category: String,
    #[serde(rename = "type")]
    kind: String,
    difficulty: String,
    question: String,
    correct_answer: String,
    #[serde(default)]
    incorrect_answers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Reply {
    Full { response_code: u32, results: Vec<RawResult> },
    Bare(Vec<RawResult>),
}

/// What an import gave: the questions, and why any result was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The questions, in the reply's order.
    pub questions: Vec<Question>,
    /// "result 3: ...", one line per result left out.
    pub skipped: Vec<String>,
    /// The encoding used.
    pub encoding: Encoding,
}

/// What a non-zero `response_code` means, and what to do.
pub fn response_meaning(code: u32) -> String {
    let meaning = match code {
        1 => "no results: the database has too few questions for that query (ask for fewer, or another category)",
        2 => "invalid parameter: the request's arguments were not valid",
        3 => "token not found: the session token does not exist (request a new one)",
        4 => "token empty: this session token has seen every question of the query (reset the token)",
        5 => "rate limit: too many requests from one address (wait 5 seconds between requests)",
        _ => "an error the API's documentation does not list",
    };
    format!("Open Trivia DB answered with response_code {code}, {meaning}")
}

/// Reads a reply; `encoding` is detected when not given.
pub fn import(text: &str, encoding: Option<Encoding>) -> Result<Imported, String> {
    let reply: Reply = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!("not an Open Trivia DB reply (an object with `response_code` and `results`, or a list of results): {e}")
    })?;
    let results = match reply {
        Reply::Full { response_code: 0, results } | Reply::Bare(results) => results,
        Reply::Full { response_code, .. } => return Err(response_meaning(response_code)),
    };
    let encoding = encoding.unwrap_or_else(|| detect(&results));
    let mut imported = Imported { questions: Vec::new(), skipped: Vec::new(), encoding };
    for (i, raw) in results.iter().enumerate() {
        match question(raw, encoding) {
            Ok(q) if imported.questions.iter().any(|seen| seen.id == q.id) => {
                imported.skipped.push(format!("result {}: the same question as an earlier one", i + 1));
            }
            Ok(q) => imported.questions.push(q),
            Err(why) => imported.skipped.push(format!("result {}: {why}", i + 1)),
        }
    }
    Ok(imported)
}

/// The encoding of a reply, from its `type` fields (plain words unless base64) and the
/// marks each encoding leaves in the text.
fn detect(results: &[RawResult]) -> Encoding {
    let plain_types = results.iter().all(|r| matches!(r.kind.as_str(), "multiple" | "boolean"));
    if !plain_types {
        return Encoding::Base64;
    }
    let texts = || results.iter().flat_map(|r| [&r.question, &r.category, &r.correct_answer]);
    let percent_coded = texts().any(|t| t.contains("%20") || t.contains("%3A") || t.contains("%27"));
    let spaced = texts().any(|t| t.contains(' '));
    if spaced {
        Encoding::Html
    } else if percent_coded && !texts().any(|t| t.contains('+')) {
        Encoding::Url3986
    } else if texts().any(|t| t.contains('+') || t.contains('%')) {
        Encoding::UrlLegacy
    } else {
        Encoding::Html
    }
}

fn question(raw: &RawResult, encoding: Encoding) -> Result<Question, String> {
    let decode = |text: &str| encoding.decode(text).map(|t| t.trim().to_owned());
    let (kind, prompt, correct) = (decode(&raw.kind)?, decode(&raw.question)?, decode(&raw.correct_answer)?);
    let category = decode(&raw.category)?;
    let difficulty = match decode(&raw.difficulty)?.as_str() {
        "easy" => Difficulty::Easy,
        "medium" => Difficulty::Medium,
        "hard" => Difficulty::Hard,
        other => return Err(format!("difficulty \"{other}\" is not easy, medium or hard")),
    };
    let answer = match kind.as_str() {
        "multiple" => Answer::MultipleChoice {
            correct: correct.clone(),
            wrong: raw.incorrect_answers.iter().map(|w| decode(w)).collect::<Result<_, _>>()?,
        },
        "boolean" => match correct.as_str() {
            "True" => Answer::TrueFalse { answer: true },
            "False" => Answer::TrueFalse { answer: false },
            other => return Err(format!("a boolean question's answer is \"{other}\", not True or False")),
        },
        other => return Err(format!("type \"{other}\" is not multiple or boolean")),
    };
    if prompt.is_empty() {
        return Err("the question is empty".into());
    }
    Ok(Question {
        id: stable_id(&prompt),
        prompt,
        difficulty,
        category: if category.is_empty() { "Open Trivia DB".into() } else { category.clone() },
        tags: vec!["opentdb".into()],
        seasons: None,
        group: None,
        explanation: format!("The answer is {correct}. (From Open Trivia DB's {category} questions.)"),
        source: "Open Trivia DB (https://opentdb.com)".into(),
        answer,
        hint: None,
        image: None,
        sound: None,
        reveal_image: None,
    })
}

/// `otdb-` and the first 12 hex digits of the SHA-1 of the decoded question.
pub fn stable_id(prompt: &str) -> String {
    let digest = Sha1::digest(prompt.as_bytes());
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("otdb-{hex}")
}

/// A title for imported questions that tells one import from another in the pack browser:
/// their category (when they share one), how many, how hard, and the pack's own id
/// ("Open Trivia DB: Film, 10 medium questions (film-night)").
pub fn title(imported: &Imported, id: &str) -> String {
    let questions = &imported.questions;
    let shared = |values: Vec<&str>| match values.split_first() {
        Some((first, rest)) if rest.iter().all(|v| v == first) => Some(first.to_string()),
        _ => None,
    };
    let category = shared(questions.iter().map(|q| q.category.as_str()).collect());
    let difficulty = shared(questions.iter().map(|q| q.difficulty.name()).collect());
    let count = match (questions.len(), difficulty) {
        (1, Some(d)) => format!("1 {d} question"),
        (1, None) => "1 question".to_owned(),
        (n, Some(d)) => format!("{n} {d} questions"),
        (n, None) => format!("{n} questions, mixed difficulty"),
    };
    match category {
        Some(category) => format!("Open Trivia DB: {category}, {count} ({id})"),
        None => format!("Open Trivia DB: {count} ({id})"),
    }
}

/// The imported questions as a pack, with the licence and credit Open Trivia DB asks for.
pub fn pack(imported: Imported, id: &str, title: &str) -> Pack {
    let mut pack = Pack::new(id, title, imported.questions);
    pack.description = "Questions imported from Open Trivia DB.".into();
    pack.author = "Open Trivia DB contributors".into();
    pack.licence = LICENCE.into();
    pack.attribution = ATTRIBUTION.into();
    pack
}
