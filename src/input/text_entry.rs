//! A typed answer being composed: keystrokes in, a [`Response`] out on Enter. Plain data, so
//! the rules of the field (what a number field accepts, when Enter is refused) are tested
//! without a window.

use bevy::input::keyboard::Key;

use crate::game::Response;
use crate::game::judge::parse_number;

/// One key press on a line of text (an answer, a player's name): Backspace deletes the last
/// character; a key's text is typed, character by character, while the line has fewer than
/// `limit` and `takes` (the line so far, the character) allows it. Control characters never
/// are. Says whether the line changed.
pub fn type_line(
    line: &mut String,
    key: &Key,
    text: Option<&str>,
    limit: usize,
    takes: impl Fn(&str, char) -> bool,
) -> bool {
    if *key == Key::Backspace {
        return line.pop().is_some();
    }
    let mut changed = false;
    for c in text.unwrap_or_default().chars().filter(|c| !c.is_control()) {
        if line.chars().count() < limit && takes(line, c) {
            line.push(c);
            changed = true;
        }
    }
    changed
}

/// The text typed so far into an answer field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextEntry {
    /// What has been typed.
    pub text: String,
    /// A number field: digits, `.` and `,`, and a leading minus only.
    pub numeric: bool,
    /// The last Enter found no number in the text; cleared by the next keystroke.
    pub invalid: bool,
}

impl TextEntry {
    /// Longest answer, in characters.
    pub const MAX_CHARS: usize = 60;

    /// An empty field; `numeric` for number questions.
    pub fn new(numeric: bool) -> Self {
        Self { numeric, ..Self::default() }
    }

    /// One key press: Backspace deletes, a character is typed if the field takes it.
    pub fn key(&mut self, key: &Key, text: Option<&str>) {
        let numeric = self.numeric;
        // A minus sign only leads a number.
        let takes = |so_far: &str, c: char| {
            !numeric || c.is_ascii_digit() || matches!(c, '.' | ',') || (c == '-' && so_far.is_empty())
        };
        if type_line(&mut self.text, key, text, Self::MAX_CHARS, takes) || *key == Key::Backspace {
            self.invalid = false;
        }
    }

    /// Enter: the answer, and an empty field for the next player; `None` when there is
    /// nothing to submit, or (marked `invalid`) when a number field holds no number.
    pub fn submit(&mut self) -> Option<Response> {
        if self.text.trim().is_empty() {
            return None;
        }
        let response = if self.numeric {
            let Some(n) = parse_number(&self.text) else {
                self.invalid = true;
                return None;
            };
            Response::Number(n)
        } else {
            Response::Text(self.text.clone())
        };
        self.text.clear();
        Some(response)
    }
}
