//! What `bigtuna validate` warns about while the game plays the pack all the same: spoilers (a
//! question for viewers who have not got there naming an episode of a later season, or a word
//! the pack lists as a spoiler) and a category that names the right answer.

use std::collections::HashMap;

use super::format::{Answer, Pack, Question};
use super::line_index::Source;
use super::problem::Problem;
use super::spans::{Node, NodeKind, Step};

/// Short words a category shares with answers without pointing to one.
const PLAIN_WORDS: [&str; 12] = ["and", "the", "for", "with", "his", "her", "its", "of", "at", "in", "on", "jim"];

/// Warnings for `pack`; `root` is its structure, for positions (none: every position is the
/// file's start, which is enough to know whether there is anything to say).
pub(crate) fn lint_pack(pack: &Pack, source: &Source, root: Option<&Node>) -> Vec<Problem> {
    let fallback = Node { start: 0, end: 0, kind: NodeKind::Atom };
    let root = root.unwrap_or(&fallback);
    let episodes = episode_seasons(pack);
    let nodes = root.field("questions").map(Node::list_items).unwrap_or_default();
    let mut warnings = Vec::new();
    for (i, question) in pack.questions.iter().enumerate() {
        let node = nodes.get(i).unwrap_or(root);
        let mut lint = Lint { source, node, question, warnings: &mut warnings };
        for (path, what, text) in texts(question) {
            lint.episodes(&path, what, text, &episodes);
            lint.spoiler_words(&path, what, text, &pack.spoilers);
        }
        lint.category();
        lint.hint();
    }
    warnings
}

/// The season each episode the pack tags is in, as far as the pack says: each question tagged
/// with it places it in its own seasons, so it is no earlier than the latest of their firsts.
/// A question tagged with one episode says so for that one; one tagged with several (an
/// ordering from the first episode to the last) only counts for an episode no such question
/// places.
fn episode_seasons(pack: &Pack) -> HashMap<&str, u8> {
    let mut alone: HashMap<&str, u8> = HashMap::new();
    let mut together: HashMap<&str, u8> = HashMap::new();
    for question in &pack.questions {
        let Some(range) = question.seasons else { continue };
        let episodes: Vec<&str> = question.episodes().collect();
        let seasons = if episodes.len() == 1 { &mut alone } else { &mut together };
        for episode in episodes {
            let season = seasons.entry(episode).or_insert(range.first());
            *season = (*season).max(range.first());
        }
    }
    for (episode, season) in together {
        alone.entry(episode).or_insert(season);
    }
    alone
}

/// Every text of a question a player reads, with where it is and what to call it.
fn texts(question: &Question) -> Vec<(Vec<Step<'static>>, &'static str, &str)> {
    let mut texts = vec![
        (vec![Step::Field("prompt")], "the prompt", question.prompt.as_str()),
        (vec![Step::Field("explanation")], "the explanation", question.explanation.as_str()),
        (vec![Step::Field("source")], "the source", question.source.as_str()),
    ];
    let answer = Step::Field("answer");
    let (field, what, items): (&'static str, &'static str, &[String]) = match &question.answer {
        Answer::MultipleChoice { correct, wrong } => {
            texts.push((vec![answer, Step::Field("correct")], "the correct option", correct.as_str()));
            ("wrong", "a wrong option", wrong)
        }
        Answer::Typed { accept } => ("accept", "an accepted answer", accept),
        Answer::Ordering { items } => ("items", "an item", items),
        Answer::TrueFalse { .. } | Answer::Number { .. } => ("", "", &[]),
    };
    for (i, item) in items.iter().enumerate() {
        texts.push((vec![answer, Step::Field(field), Step::Index(i)], what, item.as_str()));
    }
    texts
}

/// The right answer in words and the wrong options, for the answers that have words to give
/// away (multiple choice, and typed answers by their first accepted form).
fn right_and_wrong(answer: &Answer) -> Option<(&str, &[String])> {
    match answer {
        Answer::MultipleChoice { correct, wrong } => Some((correct, wrong)),
        Answer::Typed { accept } => accept.first().map(|first| (first.as_str(), &[][..])),
        _ => None,
    }
}

/// Whether `word` stands in `text` as a word of its own (not inside a longer one).
fn names(text: &str, word: &str, ignore_case: bool) -> bool {
    let (text, word) =
        if ignore_case { (text.to_lowercase(), word.to_lowercase()) } else { (text.to_owned(), word.to_owned()) };
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words of `text` a player would read as naming something, lowercased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() >= 3 && !PLAIN_WORDS.contains(&word.as_str()))
        .collect()
}

struct Lint<'a, 'w> {
    source: &'a Source<'a>,
    node: &'a Node<'a>,
    question: &'a Question,
    warnings: &'w mut Vec<Problem>,
}

impl Lint<'_, '_> {
    fn warn(&mut self, path: &[Step], message: String) {
        let offset = self.node.locate(path).start;
        self.warnings.push(self.source.problem_at(offset, message));
    }

    fn episodes(&mut self, path: &[Step], what: &str, text: &str, episodes: &HashMap<&str, u8>) {
        let id = &self.question.id;
        let mut named: Vec<(&str, u8)> =
            episodes.iter().filter(|(episode, _)| names(text, episode, false)).map(|(e, s)| (*e, *s)).collect();
        named.sort();
        for (episode, season) in named {
            match self.question.seasons {
                None => self.warn(
                    path,
                    format!(
                        "{what} names the episode \"{episode}\" (season {season}) but the question (`{id}`) has no `seasons`, so every spoiler-limited game asks it: give it `seasons`, or reword it"
                    ),
                ),
                Some(range) if season > range.last() => self.warn(
                    path,
                    format!(
                        "{what} names the episode \"{episode}\" (season {season}), after this question's seasons ({}, {}) (question `{id}`): reword it, or widen `seasons` to ({}, {season})",
                        range.first(),
                        range.last(),
                        range.first()
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    fn spoiler_words(&mut self, path: &[Step], what: &str, text: &str, spoilers: &[String]) {
        if self.question.seasons.is_some() {
            return;
        }
        let id = &self.question.id;
        for word in spoilers.iter().map(|word| word.trim()).filter(|word| !word.is_empty()) {
            if names(text, word, true) {
                self.warn(
                    path,
                    format!(
                        "{what} uses \"{word}\", one of the pack's `spoilers`, but the question (`{id}`) has no `seasons`: give it `seasons`, or reword it"
                    ),
                );
            }
        }
    }

    /// A hint is a nudge: one that names the right answer (and no wrong option) gives it away.
    fn hint(&mut self) {
        let question = self.question;
        let Some(hint) = &question.hint else { return };
        let Some((right, wrong)) = right_and_wrong(&question.answer) else { return };
        if !right.trim().is_empty() && names(hint, right.trim(), true) && !wrong.iter().any(|w| names(hint, w, true)) {
            let message = format!(
                "the hint names the right answer \"{right}\" (question `{}`): hint at it without saying it",
                question.id
            );
            self.warn(&[Step::Field("hint")], message);
        }
    }

    /// The category is shown above the prompt: it must not name the right answer alone.
    fn category(&mut self) {
        let question = self.question;
        let Some((right, wrong)) = right_and_wrong(&question.answer) else { return };
        let category = words(&question.category);
        let right_words = words(right);
        let given = right_words
            .iter()
            .find(|word| category.contains(word) && !wrong.iter().any(|option| words(option).contains(word)));
        if let Some(word) = given {
            let message = format!(
                "the category \"{}\" names the right answer \"{right}\" (\"{word}\"), which players read above the prompt (question `{}`): choose a category that does not point to it",
                question.category, question.id
            );
            self.warn(&[Step::Field("category")], message);
        }
    }
}
