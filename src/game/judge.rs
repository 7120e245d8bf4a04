//! Whether an answer is right: exact for options, lenient for typed text, by distance for numbers.

use unicode_normalization::UnicodeNormalization;

use super::draw::{DrawnQuestion, Presented};
use crate::pack::Answer;
use serde::{Deserialize, Serialize};

/// What a player answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Chose the option at this index of the presented options (multiple choice, true/false).
    Option(usize),
    /// Typed this text.
    Text(String),
    /// Submitted this number.
    Number(f64),
    /// Put the presented items in this order: indices into the presented (shuffled) items.
    Order(Vec<usize>),
    /// Chose not to answer (a player with only a gamepad or a mouse facing a typed question).
    Pass,
    /// Said the answer aloud, for the host to judge (a typed or number question played
    /// "say it aloud"): wrong until the host counts it right.
    Aloud,
}

/// The verdict on one response.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    /// Fully right.
    pub correct: bool,
    /// Share of the answer that was right, 0 to 1 (orderings: items in place).
    pub credit: f32,
    /// For numbers: how far from the answer.
    pub distance: Option<f64>,
}

impl Judgement {
    /// A wrong answer (or none).
    pub const WRONG: Judgement = Judgement { correct: false, credit: 0.0, distance: None };

    fn of(correct: bool) -> Self {
        Judgement { correct, credit: if correct { 1.0 } else { 0.0 }, distance: None }
    }
}

/// Judges `response` to the drawn question. A response of the wrong kind is wrong.
pub fn judge(drawn: &DrawnQuestion, response: &Response) -> Judgement {
    match (&drawn.presented, &drawn.question.answer, response) {
        (Presented::Options { correct, .. }, _, Response::Option(chosen)) => Judgement::of(chosen == correct),
        (Presented::Typed, Answer::Typed { accept }, Response::Text(text)) => {
            Judgement::of(accept.iter().any(|form| matches_leniently(text, form)))
        }
        (Presented::Number, Answer::Number { answer, tolerance, .. }, Response::Number(given)) => {
            let distance = (given - answer).abs();
            let correct = distance.is_finite() && distance <= tolerance.max(0.0);
            Judgement { distance: Some(distance), ..Judgement::of(correct) }
        }
        (Presented::Ordering { shown }, Answer::Ordering { items }, Response::Order(order)) => {
            let placed: Vec<Option<&String>> = order.iter().map(|&i| shown.get(i)).collect();
            let valid = placed.len() == items.len() && placed.iter().all(Option::is_some) && {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                sorted.dedup();
                sorted.len() == items.len()
            };
            if !valid {
                return Judgement::WRONG;
            }
            let in_place = placed.iter().zip(items).filter(|(given, item)| **given == Some(*item)).count();
            Judgement { correct: in_place == items.len(), credit: in_place as f32 / items.len() as f32, distance: None }
        }
        _ => Judgement::WRONG,
    }
}

/// Reads a number as players type it: `2005`, `3.5`, `2,5` (decimal comma), `1,000` and
/// `1.000.000` (thousands separators), `-4`. `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let plain = match (commas, dots) {
        (0, 0) | (0, 1) => digits.to_owned(),
        // Both: the last one is the decimal point, the other groups thousands.
        (_, _) if commas > 0 && dots > 0 => {
            let decimal = if digits.rfind(',') > digits.rfind('.') { ',' } else { '.' };
            let grouping = if decimal == ',' { '.' } else { ',' };
            digits.replace(grouping, "").replace(decimal, ".")
        }
        // One comma before exactly three digits groups thousands; otherwise it is a decimal comma.
        (1, 0) if digits.split(',').nth(1).is_some_and(|tail| tail.len() != 3) => digits.replace(',', "."),
        (_, 0) => digits.replace(',', ""),
        (0, _) => digits.replace('.', ""),
        _ => return None,
    };
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some(sign * value)
}

/// Folds what a player may type differently without being wrong: case, accents,
/// punctuation, spacing, "&" for "and", and a leading "the".
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .replace('&', " and ")
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        // Apostrophes join words ("Jim's" is "jims"), other punctuation separates them.
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}'))
        .collect();
    let mut words = text_words(&folded);
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

fn text_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_owned).collect()
}

/// Typos forgiven in an answer: none under 5 letters, one from 5, two from 10.
pub fn typos_allowed(normalized_answer: &str) -> usize {
    match normalized_answer.chars().filter(|c| !c.is_whitespace()).count() {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// Whether `typed` matches the accepted `form` after [`normalize`], allowing typos by length.
pub fn matches_leniently(typed: &str, form: &str) -> bool {
    let typed = normalize(typed);
    let form = normalize(form);
    if typed.is_empty() || form.is_empty() {
        return false;
    }
    if typed == form || typed.replace(' ', "") == form.replace(' ', "") {
        return true;
    }
    // Optimal string alignment: a swap of two neighbouring letters is one typo, as people make them.
    strsim::osa_distance(&typed, &form) <= typos_allowed(&form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_what_players_type_differently() {
        assert_eq!(normalize("  The Dundies! "), "dundies");
        assert_eq!(normalize("Café au lait"), "cafe au lait");
        assert_eq!(normalize("Pam & Jim"), "pam and jim");
        assert_eq!(normalize("Pam&Jim"), "pam and jim");
        assert_eq!(normalize("Dunder-Mifflin"), "dunder mifflin");
        assert_eq!(normalize("Jim's"), "jims");
        assert_eq!(normalize("Other"), "other");
    }

    #[test]
    fn forgives_typos_by_length() {
        assert!(matches_leniently("Stanford", "Stamford"));
        assert!(!matches_leniently("Pum", "Pam"));
        assert!(matches_leniently("Athlaep", "Athleap"));
        assert!(matches_leniently("Ceclia Marie Halprt", "Cecelia Marie Halpert"));
        assert!(!matches_leniently("Cecelia Marie Smith", "Cecelia Marie Halpert"));
        assert!(matches_leniently("Big Tuna", "big tuna"));
        assert!(matches_leniently("bigtuna", "Big Tuna"));
        assert!(!matches_leniently("", "Jim"));
    }

    #[test]
    fn numbers_are_read_as_players_type_them() {
        for (text, value) in [
            ("2005", 2005.0),
            (" 3.5 ", 3.5),
            ("2,5", 2.5),
            ("1,000", 1000.0),
            ("1,000,000", 1_000_000.0),
            ("1.000.000", 1_000_000.0),
            ("1,234.5", 1234.5),
            ("1.234,5", 1234.5),
            ("-4", -4.0),
            ("+7", 7.0),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text:?}");
        }
        for text in ["", "-", "4-", "1-2", "abc", "1e5", "..", "NaN"] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }
}
