//! A pack as a spreadsheet (CSV), both ways: one row per question under a header row that
//! names the columns (`docs/PACKS.md`), and the pack's own fields (its sources and spoiler
//! words included) in `pack_*` columns of the first row, so that export then import gives the
//! same pack. Reads what spreadsheets really
//! write: a byte-order mark, `;` or tab separators, quoted newlines, CRLF.

use super::format::{Answer, Difficulty, Pack, Question, SeasonRange, SourceText};
use super::sheet_media::{self, CellError, MEDIA_COLUMNS};

/// The question columns, in the order export writes them.
pub const QUESTION_COLUMNS: [&str; 22] = [
    "id",
    "kind",
    "prompt",
    "correct",
    "wrong1",
    "wrong2",
    "wrong3",
    "wrong4",
    "wrong5",
    "accept",
    "number",
    "unit",
    "tolerance",
    "items",
    "difficulty",
    "category",
    "tags",
    "seasons",
    "group",
    "explanation",
    "hint",
    "source",
];

/// The pack's own columns, filled on the first row only.
pub const PACK_COLUMNS: [&str; 10] = [
    "pack_id",
    "pack_title",
    "pack_description",
    "pack_author",
    "pack_version",
    "pack_language",
    "pack_licence",
    "pack_attribution",
    "pack_sources",
    "pack_spoilers",
];

/// A row that could not become a question: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row as the spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column at fault, if one is.
    pub column: Option<String>,
    /// What is wrong, and what to do.
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(f, "row {}, column {column}: {}", self.row, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

/// The pack read from a sheet, and the rows left out.
#[derive(Debug, Clone, PartialEq)]
pub struct FromSheet {
    /// The pack (its id and title empty when the sheet has no `pack_*` columns).
    pub pack: Pack,
    /// Rows that could not become questions (skipped).
    pub problems: Vec<RowProblem>,
}

/// Lists in a cell (wrong options aside): one per line; a one-line cell may use ` | `.
fn split_list(cell: &str) -> Vec<String> {
    let parts: Vec<&str> = if cell.contains('\n') { cell.lines().collect() } else { cell.split(" | ").collect() };
    parts.into_iter().map(|p| p.trim().trim_end_matches('\r').to_owned()).filter(|p| !p.is_empty()).collect()
}

/// The separator of a sheet: the one its header row uses most.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t'].into_iter().max_by_key(|s| header.bytes().filter(|b| b == s).count()).unwrap_or(b',')
}

/// Reads a sheet. A sheet that cannot be read at all (no header, not CSV) is an error.
pub fn from_csv(text: &str) -> Result<FromSheet, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the header row cannot be read: {e}"))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut problems = Vec::new();
    for name in &header {
        let known = [&QUESTION_COLUMNS[..], &MEDIA_COLUMNS, &PACK_COLUMNS].iter().any(|c| c.contains(&name.as_str()));
        if !name.is_empty() && !known {
            problems.push(RowProblem {
                row: 1,
                column: Some(name.clone()),
                message: format!("not a column of a pack sheet (it is ignored): use {}", QUESTION_COLUMNS.join(", ")),
            });
        }
    }
    for needed in ["kind", "prompt"] {
        if !header.iter().any(|h| h == needed) {
            return Err(format!(
                "the header row has no `{needed}` column: name the columns in row 1 (see docs/PACKS.md)"
            ));
        }
    }
    let mut pack = Pack::new("", "", Vec::new());
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(RowProblem { row, column: None, message: format!("cannot be read: {e}") });
                continue;
            }
        };
        let cell = |name: &str| -> String {
            let raw = header.iter().position(|h| h == name).and_then(|at| record.get(at)).unwrap_or_default();
            // A newline in a cell is `\n`, whichever line ends the sheet was saved with.
            raw.trim().replace("\r\n", "\n")
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        read_pack_fields(&mut pack, &cell);
        if let Err(message) = read_pack_lists(&mut pack, &cell) {
            problems.push(RowProblem { row, column: Some("pack_sources".into()), message });
        }
        if cell("kind").is_empty() && cell("prompt").is_empty() {
            continue;
        }
        match question(&cell, pack.questions.len()).map(|q| Question { source: pack.uncite(&q.source), ..q }) {
            Ok(q) if pack.questions.iter().any(|seen| seen.id == q.id) => problems.push(RowProblem {
                row,
                column: Some("id".into()),
                message: format!("the id `{}` is already used by an earlier row: give this question its own", q.id),
            }),
            Ok(q) => pack.questions.push(q),
            Err((column, message)) => problems.push(RowProblem { row, column: Some(column.into()), message }),
        }
    }
    Ok(FromSheet { pack, problems })
}

fn read_pack_fields(pack: &mut Pack, cell: &dyn Fn(&str) -> String) {
    let fields: [(&str, &mut String); 8] = [
        ("pack_id", &mut pack.id),
        ("pack_title", &mut pack.title),
        ("pack_description", &mut pack.description),
        ("pack_author", &mut pack.author),
        ("pack_version", &mut pack.version),
        ("pack_language", &mut pack.language),
        ("pack_licence", &mut pack.licence),
        ("pack_attribution", &mut pack.attribution),
    ];
    for (name, field) in fields {
        let value = cell(name);
        if !value.is_empty() {
            *field = value;
        }
    }
}

/// The pack's sources (one per line: `id | title | link | licence | file`, the last three
/// optional) and spoiler words (one per line), where the sheet has them.
fn read_pack_lists(pack: &mut Pack, cell: &dyn Fn(&str) -> String) -> Result<(), String> {
    let spoilers = split_list(&cell("pack_spoilers"));
    if !spoilers.is_empty() {
        pack.spoilers = spoilers;
    }
    let lines = cell("pack_sources");
    for line in lines.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let mut fields = line.split(" | ").map(str::trim);
        let (Some(id), Some(title)) = (fields.next(), fields.next()) else {
            return Err(format!("\"{line}\" is not `id | title`, optionally followed by ` | link | licence | file`"));
        };
        let mut rest = || fields.next().unwrap_or_default().to_owned();
        let (link, licence, file) = (rest(), rest(), rest());
        pack.sources.push(SourceText { id: id.to_owned(), title: title.to_owned(), file, link, licence });
    }
    Ok(())
}

/// The pack's sources as [`read_pack_lists`] reads them.
fn sources_cell(pack: &Pack) -> String {
    let line = |text: &SourceText| {
        let fields = [&text.id, &text.title, &text.link, &text.licence, &text.file];
        let last = fields.iter().rposition(|f| !f.is_empty()).unwrap_or(1).max(1);
        fields[..=last].iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" | ")
    };
    pack.sources.iter().map(line).collect::<Vec<_>>().join("\n")
}

fn question(cell: &dyn Fn(&str) -> String, index: usize) -> Result<Question, CellError> {
    let kind = cell("kind").to_ascii_lowercase().replace([' ', '-'], "_");
    let answer = match kind.as_str() {
        "multiple_choice" | "multiple" | "mc" => {
            let correct = required(cell, "correct", "write the right option")?;
            let wrong: Vec<String> = (1..=5).map(|n| cell(&format!("wrong{n}"))).filter(|w| !w.is_empty()).collect();
            if wrong.is_empty() {
                return Err(("wrong1", "a multiple-choice question needs a wrong option in wrong1".into()));
            }
            Answer::MultipleChoice { correct, wrong }
        }
        "true_false" | "boolean" | "tf" => match cell("correct").to_ascii_lowercase().as_str() {
            "true" | "yes" => Answer::TrueFalse { answer: true },
            "false" | "no" => Answer::TrueFalse { answer: false },
            other => return Err(("correct", format!("\"{other}\" is not true or false"))),
        },
        "typed" => {
            let accept = split_list(&cell("accept"));
            if accept.is_empty() {
                return Err(("accept", "a typed question needs the accepted answers, one per line".into()));
            }
            Answer::Typed { accept }
        }
        "number" => {
            let answer =
                number(&cell("number")).ok_or(("number", format!("\"{}\" is not a number", cell("number"))))?;
            let tolerance = match cell("tolerance").as_str() {
                "" => 0.0,
                text => number(text).ok_or(("tolerance", format!("\"{text}\" is not a number")))?,
            };
            let unit = Some(cell("unit")).filter(|u| !u.is_empty());
            Answer::Number { answer, unit, tolerance }
        }
        "ordering" | "order" => Answer::Ordering { items: split_list(&cell("items")) },
        "" => return Err(("kind", "the kind is empty: multiple_choice, true_false, typed, number or ordering".into())),
        other => {
            return Err((
                "kind",
                format!("\"{other}\" is not a kind: multiple_choice, true_false, typed, number or ordering"),
            ));
        }
    };
    let difficulty = match cell("difficulty").to_ascii_lowercase().as_str() {
        "easy" => Difficulty::Easy,
        "" | "medium" => Difficulty::Medium,
        "hard" => Difficulty::Hard,
        other => return Err(("difficulty", format!("\"{other}\" is not easy, medium or hard"))),
    };
    let seasons = match cell("seasons").as_str() {
        "" => None,
        text => {
            Some(seasons(text).ok_or(("seasons", format!("\"{text}\" is not a season or a range such as 3 to 5")))?)
        }
    };
    let id = Some(cell("id")).filter(|i| !i.is_empty()).unwrap_or_else(|| format!("q-{:03}", index + 1));
    let mut question = Question {
        id,
        prompt: required(cell, "prompt", "write the question players will read")?,
        difficulty,
        category: required(cell, "category", "name a category such as \"Career\"")?,
        tags: split_list(&cell("tags")),
        seasons,
        group: Some(cell("group")).filter(|g| !g.is_empty()),
        explanation: required(cell, "explanation", "add a sentence or two players read after answering")?,
        hint: Some(cell("hint")).filter(|h| !h.is_empty()),
        source: required(cell, "source", "name where the fact comes from")?,
        answer,
        image: None,
        sound: None,
        reveal_image: None,
    };
    sheet_media::read(cell, &mut question)?;
    Ok(question)
}

fn required(cell: &dyn Fn(&str) -> String, name: &'static str, fix: &str) -> Result<String, CellError> {
    let value = cell(name);
    if value.is_empty() { Err((name, format!("empty: {fix}"))) } else { Ok(value) }
}

/// A number as spreadsheets write it: `1.5`, or `1,5` where a comma is the decimal mark.
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    text.parse()
        .ok()
        .or_else(|| if text.matches(',').count() == 1 { text.replace(',', ".").parse().ok() } else { None })
}

/// Seasons as a sheet holds them: `4 to 5` (as written, since spreadsheets turn `4-5` into
/// the 4th of May), and also `4-5`, `4–5`, `S4-S5`, `seasons 4 to 5` or one season, `9`.
fn seasons(text: &str) -> Option<SeasonRange> {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_start_matches("seasons").trim_start_matches("season").trim();
    let (first, last) =
        [" to ", "-", "–", "—"].iter().find_map(|mark| lower.split_once(mark)).unwrap_or((lower, lower));
    let season = |part: &str| part.trim().trim_start_matches('s').trim().parse::<u8>().ok();
    Some(SeasonRange(season(first)?, season(last)?))
}

/// Seasons as a sheet gets them: a form no spreadsheet reads as a date (`4 to 5`, or `9`).
fn seasons_cell(range: SeasonRange) -> String {
    if range.first() == range.last() {
        range.first().to_string()
    } else {
        format!("{} to {}", range.first(), range.last())
    }
}

/// The pack as a sheet with a header row; lists one per line inside their cell.
pub fn to_csv(pack: &Pack) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let header: Vec<&str> = QUESTION_COLUMNS.iter().chain(&MEDIA_COLUMNS).chain(&PACK_COLUMNS).copied().collect();
    writer.write_record(&header).map_err(|e| e.to_string())?;
    for (i, q) in pack.questions.iter().enumerate() {
        let mut row = vec![String::new(); header.len()];
        let mut set = |name: &str, value: String| {
            if let Some(at) = header.iter().position(|h| *h == name) {
                row[at] = value;
            }
        };
        set("id", q.id.clone());
        set("prompt", q.prompt.clone());
        set("difficulty", format!("{:?}", q.difficulty).to_lowercase());
        set("category", q.category.clone());
        set("tags", q.tags.join("\n"));
        set("seasons", q.seasons.map_or(String::new(), seasons_cell));
        set("group", q.group.clone().unwrap_or_default());
        set("explanation", q.explanation.clone());
        set("hint", q.hint.clone().unwrap_or_default());
        // Each row shows its source as players read it, title and section; the table in
        // `pack_sources` turns it back into the id on import.
        set("source", pack.cite(&q.source));
        set("kind", q.answer.kind().name().to_owned());
        match &q.answer {
            Answer::MultipleChoice { correct, wrong } => {
                set("correct", correct.clone());
                for (n, w) in wrong.iter().enumerate() {
                    set(&format!("wrong{}", n + 1), w.clone());
                }
            }
            Answer::TrueFalse { answer } => set("correct", answer.to_string()),
            Answer::Typed { accept } => set("accept", accept.join("\n")),
            Answer::Number { answer, unit, tolerance } => {
                set("number", answer.to_string());
                set("unit", unit.clone().unwrap_or_default());
                set("tolerance", if *tolerance == 0.0 { String::new() } else { tolerance.to_string() });
            }
            Answer::Ordering { items } => set("items", items.join("\n")),
        }
        sheet_media::write(q, &mut set);
        if i == 0 {
            let fields = [
                &pack.id,
                &pack.title,
                &pack.description,
                &pack.author,
                &pack.version,
                &pack.language,
                &pack.licence,
                &pack.attribution,
                &sources_cell(pack),
                &pack.spoilers.join("\n"),
            ];
            for (name, value) in PACK_COLUMNS.iter().zip(fields) {
                set(name, value.clone());
            }
        }
        writer.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
