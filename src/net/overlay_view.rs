//! What the streaming overlay (`/overlay`) shows: the question as the TV shows it, the
//! standings, and once revealed the answer, never before. It holds nothing of any one
//! player's (no answers given, no secrets, no room code), so a page on the stream may show
//! all of it; the reveal waits `delay` seconds on the page, a host's setting.

use serde::{Deserialize, Serialize};

use super::views::{HostView, QuestionView, Stage, Turn};

/// The overlay's view, sent whenever it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverlayView {
    /// Where the game is.
    pub stage: Stage,
    /// The question open or just revealed, as every phone sees it (no turn, no note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionView>,
    /// Its right answer in words: only once revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The players still in, best first: name, colour (`#rrggbb`) and score.
    pub standings: Vec<OverlayLine>,
    /// Seconds the page waits before it shows a reveal.
    pub delay: u32,
}

/// One line of the overlay's standings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverlayLine {
    /// The player's name.
    pub name: String,
    /// Their colour on the TV.
    pub colour: String,
    /// Their score.
    pub score: u32,
}

/// Players the overlay lists: a stream shows the leaders, not a hundred names.
pub const LINES: usize = 10;

/// The overlay's part of what the TV shows now: at `stage`, the open `question` (as phones
/// see it), the host's view (for the standings and the key) and the host's `delay`.
pub fn view(stage: Stage, question: Option<&QuestionView>, host: &HostView, delay: u32) -> OverlayView {
    let revealed = matches!(stage, Stage::Reveal | Stage::Standings | Stage::Over);
    let shown = matches!(stage, Stage::Question | Stage::Reveal | Stage::Standings);
    let question = question.filter(|_| shown).cloned().map(|mut question| {
        (question.turn, question.note, question.seconds) = (Turn::Wait, String::new(), None);
        question.lifelines = Default::default();
        question
    });
    let mut standings: Vec<OverlayLine> = host
        .players
        .iter()
        .filter(|p| !p.removed)
        .map(|p| OverlayLine { name: p.name.clone(), colour: p.colour.clone(), score: p.score })
        .collect();
    standings.sort_by_key(|line| std::cmp::Reverse(line.score));
    standings.truncate(LINES);
    OverlayView {
        stage,
        answer: host.key.clone().filter(|_| revealed && question.is_some()),
        question,
        standings,
        delay,
    }
}
