//! The rules a pack must follow beyond its syntax: what would break a game or confuse a player.

use std::collections::HashMap;

use super::format::{Answer, Pack, Question, SEASONS};
use super::line_index::Source;
use super::problem::Problem;
use super::spans::{Node, NodeKind, Step};

/// Fewest and most wrong options of a multiple-choice question.
pub const WRONG_OPTIONS: std::ops::RangeInclusive<usize> = 1..=5;
/// Fewest and most items of an ordering question.
pub const ORDERING_ITEMS: std::ops::RangeInclusive<usize> = 3..=8;

/// Checks a pack that deserialized. `root` is the pack's structure, for positions.
pub(crate) fn validate_pack(pack: &Pack, source: &Source, root: Option<&Node>) -> Vec<Problem> {
    let fallback = Node { start: 0, end: 0, kind: NodeKind::Atom };
    let root = root.unwrap_or(&fallback);
    let mut problems = Vec::new();
    let at = |path: &[Step]| root.locate(path).start;
    if pack.id.trim().is_empty() {
        problems.push(source.problem_at(
            at(&[Step::Field("id")]),
            "the pack id is empty: give the pack a short unique id such as \"my-office-pack\"",
        ));
    }
    if pack.title.trim().is_empty() {
        problems.push(
            source
                .problem_at(at(&[Step::Field("title")]), "the pack title is empty: give it the title players will see"),
        );
    }
    if pack.questions.is_empty() {
        problems.push(source.problem_at(
            at(&[Step::Field("questions")]),
            "the pack has no questions: add at least one to `questions: [..]`",
        ));
    }
    let nodes = root.field("questions").map(Node::list_items).unwrap_or_default();
    let questions: Vec<(&Question, &Node)> =
        pack.questions.iter().enumerate().map(|(i, question)| (question, nodes.get(i).unwrap_or(root))).collect();
    problems.extend(validate_questions(&questions, source));
    problems.extend(validate_sources(pack, &questions, source, root));
    problems
}

/// A pack that declares its sources names each once, with a title, and every question's
/// `source` starts with a declared id: that is what lets players read a title, not a file.
fn validate_sources(pack: &Pack, questions: &[(&Question, &Node)], source: &Source, root: &Node) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, declared) in pack.sources.iter().enumerate() {
        let at = |field| root.locate(&[Step::Field("sources"), Step::Index(i), Step::Field(field)]).start;
        if declared.id.trim().is_empty() {
            problems.push(source.problem_at(at("id"), "a source's id is empty: give it a short id such as \"wiki\""));
        } else if pack.sources[..i].iter().any(|earlier| earlier.id == declared.id) {
            problems.push(source.problem_at(
                at("id"),
                format!("the source id `{}` is declared twice: give each source its own id", declared.id),
            ));
        }
        if declared.title.trim().is_empty() {
            problems.push(source.problem_at(
                at("title"),
                format!(
                    "the source `{}` has no title: write what players should read, such as the article's name",
                    declared.id
                ),
            ));
        }
    }
    if pack.sources.is_empty() {
        return problems;
    }
    let ids: Vec<&str> = pack.sources.iter().map(|declared| declared.id.as_str()).collect();
    for (question, node) in questions {
        for (id, _) in super::cite::references(&question.source) {
            if !ids.contains(&id) {
                let mut check = Checker { source, node, question, problems: &mut problems };
                check.error(
                    &[Step::Field("source")],
                    format!(
                        "the source `{id}` is not one of the pack's `sources`: start it with one of {} and a comma, or declare it",
                        ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
        }
    }
    problems
}

/// Checks questions, each with the node it was read from.
pub(crate) fn validate_questions(questions: &[(&Question, &Node)], source: &Source) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut first_use: HashMap<&str, usize> = HashMap::new();
    for (question, node) in questions {
        let mut check = Checker { source, node, question, problems: &mut problems };
        if let Some(first) = first_use.get(question.id.as_str()) {
            let (line, _) = source.lines().position(source.text, *first);
            check.error(
                &[Step::Field("id")],
                format!(
                    "duplicate question id `{}`, first used on line {line}: give each question its own id",
                    question.id
                ),
            );
        } else {
            first_use.insert(question.id.as_str(), node.locate(&[Step::Field("id")]).start);
        }
        check.question();
    }
    // A group joins questions that share a fact: one on its own is a typo or a leftover.
    let mut members: HashMap<&str, usize> = HashMap::new();
    for (question, _) in questions {
        if let Some(group) = &question.group {
            *members.entry(group.as_str()).or_default() += 1;
        }
    }
    for (question, node) in questions {
        let Some(group) = &question.group else { continue };
        let members = members.get(group.as_str()).copied().unwrap_or(0);
        let mut check = Checker { source, node, question, problems: &mut problems };
        if group.trim().is_empty() {
            check.error(&[Step::Field("group")], "the group is empty: name the fact the questions share, or remove it");
        } else if members < 2 {
            check.error(
                &[Step::Field("group")],
                format!("the group `{group}` has no other question: give it to the questions that share this fact, or remove it"),
            );
        }
    }
    problems
}

struct Checker<'a, 'p> {
    source: &'a Source<'a>,
    node: &'a Node<'a>,
    question: &'a Question,
    problems: &'p mut Vec<Problem>,
}

impl Checker<'_, '_> {
    fn error(&mut self, path: &[Step], what_and_fix: impl AsRef<str>) {
        let offset = self.node.locate(path).start;
        let what_and_fix = what_and_fix.as_ref();
        // "what is wrong (the question id): how to fix it"
        let message = match what_and_fix.split_once(": ") {
            Some((what, fix)) => format!("{what} (question `{}`): {fix}", self.question.id),
            None => format!("{what_and_fix} (question `{}`)", self.question.id),
        };
        self.problems.push(self.source.problem_at(offset, message));
    }

    fn not_empty(&mut self, path: &[Step], value: &str, what: &str, fix: &str) {
        if value.trim().is_empty() {
            self.error(path, format!("{what} is empty: {fix}"));
        }
    }

    fn question(&mut self) {
        let q = self.question;
        if q.id.trim().is_empty() {
            self.problems.push(self.source.problem_at(
                self.node.locate(&[Step::Field("id")]).start,
                "a question id is empty: give every question a short unique id such as \"q-001\"",
            ));
        }
        self.not_empty(&[Step::Field("prompt")], &q.prompt, "the prompt", "write the question players will read");
        self.not_empty(&[Step::Field("category")], &q.category, "the category", "name a category such as \"Career\"");
        self.not_empty(
            &[Step::Field("explanation")],
            &q.explanation,
            "the explanation",
            "add a sentence or two that players read after answering",
        );
        self.not_empty(&[Step::Field("source")], &q.source, "the source", "name where the fact comes from");
        if let Some(hint) = &q.hint {
            self.not_empty(
                &[Step::Field("hint")],
                hint,
                "the hint",
                "write a nudge toward the answer, or leave `hint` out",
            );
        }
        for (i, tag) in q.tags.iter().enumerate() {
            self.not_empty(&[Step::Field("tags"), Step::Index(i)], tag, "a tag", "remove it or write the tag");
        }
        if let Some(range) = q.seasons {
            let path = [Step::Field("seasons")];
            if !SEASONS.contains(&range.first()) || !SEASONS.contains(&range.last()) {
                self.error(
                    &path,
                    format!(
                        "the season range ({}, {}) is outside seasons {}-{}: use seasons of The Office",
                        range.first(),
                        range.last(),
                        SEASONS.start(),
                        SEASONS.end()
                    ),
                );
            } else if range.first() > range.last() {
                self.error(
                    &path,
                    format!(
                        "the season range ({}, {}) is reversed: write ({}, {}), first season first",
                        range.first(),
                        range.last(),
                        range.last(),
                        range.first()
                    ),
                );
            }
        }
        self.answer();
    }

    fn answer(&mut self) {
        let answer = Step::Field("answer");
        match &self.question.answer {
            Answer::MultipleChoice { correct, wrong } => {
                self.not_empty(&[answer, Step::Field("correct")], correct, "the correct option", "write it");
                self.count(
                    &[answer, Step::Field("wrong")],
                    wrong.len(),
                    WRONG_OPTIONS,
                    "a multiple-choice question has",
                    "wrong options",
                    "",
                );
                self.distinct(&[answer, Step::Field("wrong")], wrong, "wrong option", |entry| {
                    same_text(entry, correct).then(|| {
                        format!("the correct option \"{correct}\" is repeated among the wrong options: remove it from `wrong`")
                    })
                });
            }
            Answer::TrueFalse { .. } => {}
            Answer::Typed { accept } => {
                if accept.is_empty() {
                    self.error(
                        &[answer, Step::Field("accept")],
                        "a typed answer accepts no answer: list at least one accepted form",
                    );
                }
                for (i, form) in accept.iter().enumerate() {
                    self.not_empty(
                        &[answer, Step::Field("accept"), Step::Index(i)],
                        form,
                        "an accepted answer",
                        "write it or remove it",
                    );
                }
            }
            Answer::Number { answer: value, tolerance, .. } => {
                if !value.is_finite() {
                    self.error(&[answer, Step::Field("answer")], "the number is not finite: write a plain number");
                }
                if !tolerance.is_finite() || *tolerance < 0.0 {
                    self.error(
                        &[answer, Step::Field("tolerance")],
                        format!(
                            "the tolerance {tolerance} is not zero or more: use 0 for exact answers or a positive margin"
                        ),
                    );
                }
            }
            Answer::Ordering { items } => {
                self.count(
                    &[answer, Step::Field("items")],
                    items.len(),
                    ORDERING_ITEMS,
                    "an ordering has",
                    "items",
                    ", in the correct order",
                );
                self.distinct(&[answer, Step::Field("items")], items, "item", |_| None);
            }
        }
    }

    /// `len` must lie in `range`: "{what} 6 {unit}: give 1 to 5{unit_after}".
    fn count(
        &mut self,
        path: &[Step],
        len: usize,
        range: std::ops::RangeInclusive<usize>,
        what: &str,
        unit: &str,
        after: &str,
    ) {
        if !range.contains(&len) {
            self.error(path, format!("{what} {len} {unit}: give {} to {} {unit}{after}", range.start(), range.end()));
        }
    }

    /// Every entry of the list at `path` is written, and none is listed twice (ignoring case
    /// and surrounding space, as players would). `clash` reports other forbidden entries.
    /// Allocates nothing for a sound list: packs of a million questions run this for each.
    fn distinct(&mut self, path: &[Step], entries: &[String], noun: &str, clash: impl Fn(&str) -> Option<String>) {
        for (i, entry) in entries.iter().enumerate() {
            let problem = if entry.trim().is_empty() {
                Some(format!("a {noun} is empty: write it or remove it"))
            } else if let Some(problem) = clash(entry) {
                Some(problem)
            } else if entries[..i].iter().any(|earlier| same_text(earlier, entry)) {
                Some(format!("the {noun} \"{entry}\" is listed twice: every {noun} must differ"))
            } else {
                None
            };
            if let Some(problem) = problem {
                let mut at = path.to_vec();
                at.push(Step::Index(i));
                self.error(&at, problem);
            }
        }
    }
}

/// Two options that differ only in case or surrounding space look the same to a player.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { a.to_lowercase() == b.to_lowercase() }
}
