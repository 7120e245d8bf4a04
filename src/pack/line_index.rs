//! A pack's text as problems are reported against it: decoded, with its line starts
//! indexed, so a byte offset becomes the line and column an editor shows.

use super::problem::Problem;
use super::spans::Node;

/// Turns byte offsets into 1-based line and column (in characters), as editors count them.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(offset, _)| offset + 1));
        Self { line_starts }
    }

    /// The 1-based (line, column) of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|start| *start <= offset) - 1;
        let start = self.line_starts[line];
        let col = text.get(start..offset).map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, col + 1)
    }

    /// The byte offset of 1-based (line, column), clamped to the text.
    pub fn offset(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(start) = self.line_starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        text[*start..].char_indices().nth(col.saturating_sub(1)).map_or(text.len(), |(offset, _)| start + offset)
    }
}

/// A pack's text, decoded, with the name problems are reported under. Its lines are indexed
/// the first time a position is asked for: a sound pack never needs it.
pub(crate) struct Source<'a> {
    pub(crate) file: &'a str,
    pub(crate) text: &'a str,
    lines: std::cell::OnceCell<LineIndex>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        Self { file, text, lines: std::cell::OnceCell::new() }
    }

    /// The text's line index.
    pub(crate) fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }

    pub(crate) fn problem_at(&self, offset: usize, message: impl Into<String>) -> Problem {
        let (line, col) = self.lines().position(self.text, offset);
        Problem { file: self.file.to_owned(), line, col, message: message.into() }
    }
}

/// The text of a string field written directly in `node` (`id: "x"` gives `x`).
pub(crate) fn quoted_field(text: &str, node: &Node, name: &str) -> Option<String> {
    let value = node.field(name)?;
    ron::from_str::<String>(&text[value.start..value.end]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::spans::{Step, index};

    #[test]
    fn finds_fields_and_items() {
        let text = "#![enable(implicit_some)]\nPack(\n  id: \"p\", // note\n  questions: [\n    (id: \"a\", answer: MultipleChoice(correct: \"x\", wrong: [\"y\", \"z\"])),\n    /* (nested /* */) */ (id: \"b\"),\n  ],\n)\n";
        let root = index(text).expect("well-formed");
        let questions = root.field("questions").expect("questions");
        assert_eq!(questions.list_items().len(), 2);
        let wrong = root.locate(&[
            Step::Field("questions"),
            Step::Index(0),
            Step::Field("answer"),
            Step::Field("wrong"),
            Step::Index(1),
        ]);
        assert_eq!(&text[wrong.start..wrong.end], "\"z\"");
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, wrong.start), (5, 65));
        let second = &questions.list_items()[1];
        assert_eq!(lines.position(text, second.start), (6, 26));
    }

    #[test]
    fn line_index_round_trips() {
        let text = "ab\ncdé\nf";
        let lines = LineIndex::new(text);
        for offset in [0, 1, 3, 5, 8] {
            let (line, col) = lines.position(text, offset);
            assert_eq!(lines.offset(text, line, col), offset);
        }
    }
}
