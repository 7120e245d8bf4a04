//! Reading pack files: bytes in, a typed [`Pack`] or every [`Problem`] out.
//!
//! This is the one way a pack is read: the game (at start-up, and again when a file
//! changes), the command line and the tests all call [`super::open::load_pack_file`] (which comes here for `.ron` files) or [`parse_pack`], so
//! a pack the game skips is reported by `bigtuna validate` with the same words.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::de::IgnoredAny;

use super::bundle_entry::is_bundle;
use super::format::{Origin, Pack, Question};
use super::home::MediaHome;
use super::line_index::{LineIndex, Source, quoted_field};
use super::media_check::{self, Depth};
use super::problem::{Problem, Problems};
use super::spans::{self, Node};
use super::{lint, validate};

/// File name ending of question packs.
pub const PACK_EXTENSION: &str = "ron";

/// Packs larger than this are refused before parsing: no real pack comes near it, and a
/// runaway file must not freeze the game.
pub const MAX_PACK_BYTES: usize = 64 * 1024 * 1024;

/// The RON options every pack is read with: `Some(..)` may be left out (`unit: "months"`).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses and validates one pack. `file` is the name used in problems.
///
/// Never panics, whatever the bytes: empty, binary, a BOM, huge, deeply nested.
pub fn parse_pack(file: &str, bytes: &[u8]) -> Result<Pack, Problems> {
    parse_pack_in(file, bytes, &MediaHome::Nowhere, Depth::Headers)
}

/// [`parse_pack`] for a pack whose media files are in `home`, read to `depth`: questions
/// whose media fail are left out (`origin.left_out` says why).
pub fn parse_pack_in(file: &str, bytes: &[u8], home: &MediaHome, depth: Depth) -> Result<Pack, Problems> {
    let at_start = |message: String| Problems(vec![Problem { file: file.to_owned(), line: 1, col: 1, message }]);
    if bytes.len() > MAX_PACK_BYTES {
        return Err(at_start(format!(
            "the file is {} MiB; packs may be at most {} MiB: split it into several packs",
            bytes.len() / (1024 * 1024),
            MAX_PACK_BYTES / (1024 * 1024)
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The valid prefix is UTF-8 by definition, so this always succeeds.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = LineIndex::new(prefix).position(prefix, prefix.len());
            return Err(Problems(vec![Problem {
                file: file.to_owned(),
                line,
                col,
                message: "the file is not valid UTF-8 text: save it as UTF-8 in your editor".into(),
            }]));
        }
    };
    // Editors on Windows often save a byte-order mark; it is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(at_start(
            "the file is empty: a pack starts with `Pack(id: \"my-pack\", title: \"..\", questions: [..])` (see docs/PACKS.md)".into(),
        ));
    }
    let source = Source::new(file, text);
    match ron_options().from_str::<Pack>(text) {
        Ok(mut pack) => {
            // Validate without positions first: a sound pack (nearly every load) never pays
            // for indexing its structure. Only a pack with problems is read again for where.
            if !validate::validate_pack(&pack, &source, None).is_empty() {
                let root = spans::index(text);
                return Err(Problems(validate::validate_pack(&pack, &source, root.as_ref())));
            }
            let id_offset = spans::top_field(text, "id").unwrap_or(0);
            let (id_line, id_col) = LineIndex::new(&text[..id_offset]).position(text, id_offset);
            // The same for warnings: most packs have none to place.
            let mut warnings = lint::lint_pack(&pack, &source, None);
            if !warnings.is_empty() {
                warnings = lint::lint_pack(&pack, &source, spans::index(text).as_ref());
            }
            let left_out = media_check::check_pack(&mut pack, &source, home, depth);
            let home = home.clone();
            pack.origin =
                Origin { file: file.to_owned(), id_line, id_col, warnings, left_out, home, ..Origin::default() };
            Ok(pack)
        }
        Err(error) => Err(Problems(explain_failure(&source, error))),
    }
}

/// The whole file did not deserialize. When its structure is readable, deserialize the
/// header and each question on its own, so that every broken question is reported, not only
/// the first; otherwise report `ron`'s syntax error.
fn explain_failure(source: &Source, whole: ron::error::SpannedError) -> Vec<Problem> {
    let Some(root) = spans::index(source.text) else {
        return vec![ron_problem(source, 0, &whole, None)];
    };
    let mut problems = Vec::new();
    if let Err(error) = ron_options().from_str::<Pack<IgnoredAny>>(source.text) {
        // Question errors surface here too; they are reported one by one below.
        if !questions_contain(&root, source, &error) {
            problems.push(ron_problem(source, 0, &error, Some((&root, "pack"))));
        }
    }
    let mut questions = Vec::new();
    for node in root.field("questions").map(Node::list_items).unwrap_or_default() {
        let slice = &source.text[node.start..node.end];
        match ron_options().from_str::<Question>(slice) {
            Ok(question) => questions.push((question, node)),
            Err(error) => problems.push(ron_problem(source, node.start, &error, Some((node, "question")))),
        }
    }
    let questions: Vec<(&Question, &Node)> = questions.iter().map(|(q, node)| (q, *node)).collect();
    problems.extend(validate::validate_questions(&questions, source));
    if problems.is_empty() {
        problems.push(ron_problem(source, 0, &whole, None));
    }
    problems.sort_by_key(|problem| (problem.line, problem.col));
    problems
}

fn questions_contain(root: &Node, source: &Source, error: &ron::error::SpannedError) -> bool {
    let offset = source.lines().offset(source.text, error.span.start.line, error.span.start.col);
    root.field("questions")
        .is_some_and(|questions| questions.list_items().iter().any(|node| (node.start..=node.end).contains(&offset)))
}

/// A `ron` error as a problem. `base` is the byte offset the parsed text started at; `parsed`,
/// the value that was parsed and what it is, names it by id and places errors that `ron`
/// puts at its end.
fn ron_problem(
    source: &Source,
    base: usize,
    error: &ron::error::SpannedError,
    parsed: Option<(&Node, &str)>,
) -> Problem {
    let node = parsed.map(|(node, _)| node);
    let slice = &source.text[base..];
    let local = LineIndex::new(slice).offset(slice, error.span.start.line, error.span.start.col);
    let mut offset = base + local;
    // "question `q-7`" or "pack `my-pack`": what the id names.
    let named = parsed.and_then(|(node, what)| quoted_field(source.text, node, "id").map(|id| (what, id)));
    let hint = match &error.code {
        ron::Error::MissingStructField { .. } => {
            // ron reports a missing field where the struct closes; its start is easier to find.
            if let Some(node) = node {
                offset = node.start;
            }
            "add the field (see docs/PACKS.md for every field)"
        }
        ron::Error::NoSuchStructField { .. } => "check the spelling, or remove the field",
        ron::Error::NoSuchEnumVariant { .. } => "use one of the names listed",
        ron::Error::DuplicateStructField { .. } => "keep only one of them",
        ron::Error::Eof => "the file ends too early: look for a missing `)` or `]`",
        ron::Error::ExpectedComma => "put a comma between two fields, or between two items of a list",
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            "write text in double quotes, and write a quote inside text as \\\""
        }
        ron::Error::ExpectedArray | ron::Error::ExpectedArrayEnd => {
            "a list is written [\"a\", \"b\"], with a comma after each item"
        }
        ron::Error::ExpectedStructLike | ron::Error::ExpectedStructLikeEnd => {
            "a question is written (id: \"..\", prompt: \"..\", ..) with a comma after each field"
        }
        ron::Error::ExpectedInteger | ron::Error::IntegerOutOfBounds | ron::Error::InvalidIntegerDigit { .. } => {
            "write a whole number here (seasons run from 1 to 9)"
        }
        ron::Error::ExpectedBoolean => "write true or false",
        ron::Error::TrailingCharacters => {
            "the pack ends at its closing `)`: remove what follows, or look for an extra `)`"
        }
        ron::Error::UnclosedBlockComment => "a /* comment is never closed with */",
        ron::Error::ExceededRecursionLimit => "the text is nested far too deeply: is it a pack?",
        _ => "see docs/PACKS.md for the format",
    };
    let what = match named {
        Some((what, id)) => format!(" ({what} `{id}`)"),
        None => String::new(),
    };
    source.problem_at(offset, format!("{}{what}: {hint}", error.code))
}

/// Reads and parses the pack file (`.ron`) at `path`, naming it in problems as displayed, its
/// media read from its folder to `depth` ([`super::open`] opens bundles too).
pub fn load_ron_file(path: &Path, depth: Depth) -> Result<Pack, Problems> {
    let file = path.display().to_string();
    let folder = path.parent().map_or(Path::new("."), |p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
    match std::fs::read(path) {
        Ok(bytes) => parse_pack_in(&file, &bytes, &MediaHome::Folder(folder.to_path_buf()), depth),
        Err(error) => {
            Err(Problems(vec![Problem { file, line: 1, col: 1, message: format!("cannot read the file: {error}") }]))
        }
    }
}

/// The pack files named by `paths`: files as given, folders searched (recursively) for
/// `*.ron` and `*.zip` bundles, sorted so reports are stable. Paths that do not exist are returned as problems.
pub fn find_pack_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &mut files, &mut problems);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            problems.push(Problem {
                file: path.display().to_string(),
                line: 1,
                col: 1,
                message: "no such file or folder: check the path".into(),
            });
        }
    }
    (files, problems)
}

fn collect_dir(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(Problem {
                file: dir.display().to_string(),
                line: 1,
                col: 1,
                message: format!("cannot read the folder: {error}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_dir(&path, files, problems);
        } else if path.extension().is_some_and(|ext| ext == PACK_EXTENSION) || is_bundle(&path) {
            files.push(path);
        }
    }
}
