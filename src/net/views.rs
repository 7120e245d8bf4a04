//! What the game shows phones and the host remote: the open question, each player's result,
//! the end of the game, and the host's view with the answer key (part of the protocol).

use serde::{Deserialize, Serialize};

/// A question as a phone shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// The game's 0-based number of the question: send it back with the answer.
    pub question: usize,
    /// 1-based, for people: "3 of 10".
    pub number: usize,
    /// How many questions the game has.
    pub of: usize,
    /// The question.
    pub prompt: String,
    /// How it is answered.
    pub shape: AnswerShape,
    /// The options (multiple choice, true/false) or the items to order, as shown on the TV.
    pub choices: Vec<String>,
    /// The unit of a number answer; left out when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit goes before the number ("season 4"); left out when it goes after it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unit_first: bool,
    /// Seconds to answer; left out when untimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    /// What this player may do now.
    #[serde(default)]
    pub turn: Turn,
    /// Why, for people, when they must wait ("Ann's turn on the hot seat").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The question's picture; left out when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<PictureView>,
    /// This player's lifelines on this question (protocol 2); left out when they have none.
    #[serde(default, skip_serializing_if = "LifelineView::is_empty")]
    pub lifelines: LifelineView,
}

/// A player's lifelines on the open question, as their phone shows them: what they may use
/// now, and what those they used did. Only their own phone is sent it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LifelineView {
    /// The lifelines they may use now, in menu order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<LifelineOffer>,
    /// Those they used on this question (`remove`, `hint`, `audience`, `double`, `freeze`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used: Vec<String>,
    /// Options struck out for them (indices into `choices`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<usize>,
    /// Ordering: an item put in its place (`item` into `choices`, `slot` 0-based), to keep there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<FixedView>,
    /// The question's hint, once they asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The audience's share of votes per choice, in percent, once they asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Vec<u32>>,
    /// A rival froze them: milliseconds until they may buzz or answer; left out when not frozen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen_ms: Option<u64>,
    /// Who froze them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen_by: Option<String>,
}

impl LifelineView {
    /// Nothing to show: the field is left out of the message.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A lifeline a player may use now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifelineOffer {
    /// What to send back (`remove`, `hint`, `audience`, `double`, `freeze`).
    pub lifeline: String,
    /// Its name in the game ("Shredder").
    pub title: String,
    /// What it does ("shred wrong options").
    pub blurb: String,
    /// How many they have left.
    pub left: u8,
}

/// Ordering: an item the lifeline put in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedView {
    /// Index into `choices`.
    pub item: usize,
    /// Its right place, 0-based.
    pub slot: usize,
}

/// A question's picture on a phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureView {
    /// Where the game serves it (`/media/<hash>.png`: the name tells nothing of the answer);
    /// left out where the host keeps pictures on the TV, or it cannot be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// What it shows, in words.
    pub alt: String,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerShape {
    /// Pick one of the choices.
    Options,
    /// Type text.
    Typed,
    /// Type a number.
    Number,
    /// Put the choices in order.
    Ordering,
    /// Said aloud in the room: nothing to send.
    Aloud,
}

/// What a player may do with the open question now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Turn {
    /// Answer it.
    Answer,
    /// Buzz first (buzz-in mode).
    Buzz,
    /// Not now: another's turn, a team's talk, locked out or out of the game.
    #[default]
    Wait,
    /// Answered: locked in.
    Answered,
}

/// One player's result of a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultView {
    /// The question.
    pub question: usize,
    /// The right answer, in words.
    pub answer: String,
    /// Counted right.
    pub right: bool,
    /// Points earned.
    pub points: u32,
    /// Points lost for a wrong buzz; left out when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub penalty: u32,
    /// Points the host gave (or, negative, took) this round; left out when none.
    #[serde(default, skip_serializing_if = "is_zero_signed")]
    pub host: i64,
    /// Score after the round.
    pub score: u32,
    /// Place in the game (1-based; ties share it).
    pub rank: usize,
    /// What the question teaches; left out when it has nothing to add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Where the fact comes from, as players read it (a title and section, never a file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The answer in a picture (the question's `reveal_image`); left out when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<PictureView>,
    /// The final wager's question: what this player bet (`points` or `penalty` is the bet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wager: Option<u32>,
}

/// One player's end of the game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinalView {
    /// Final score.
    pub score: u32,
    /// Final place (1-based; ties share it).
    pub rank: usize,
    /// Players in the game.
    pub players: usize,
    /// Who won (the first place's name, or the winning team's); in a tie, every first
    /// place's, joined by " & ".
    pub winner: String,
    /// More than one player (or team) shares first place; left out when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tie: bool,
    /// An audience member's end (protocol 3): `score`, `rank` and `players` are among the
    /// audience; `winner` is still the players'. Left out for a player.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub audience: bool,
}

/// Where the game is, for the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No game under way.
    #[default]
    Lobby,
    /// A question is open.
    Question,
    /// Its answer is shown.
    Reveal,
    /// The standings between questions.
    Standings,
    /// The final wager: bets on the last question, which is not shown yet.
    Wager,
    /// The results.
    Over,
}

/// What the host remote shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostView {
    /// Where the game is.
    pub stage: Stage,
    /// The clock is stopped.
    pub paused: bool,
    /// New players are refused.
    pub locked: bool,
    /// The open (or just revealed) question.
    pub question: Option<QuestionView>,
    /// Its right answer, in words: only the host sees it before the reveal.
    pub key: Option<String>,
    /// What the question teaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Where the fact comes from, as players read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Everyone in the game, in seat order.
    pub players: Vec<HostPlayer>,
    /// Phones in the audience (protocol 3).
    #[serde(default)]
    pub audience: usize,
    /// The audience may join and play along (protocol 3).
    #[serde(default)]
    pub audience_open: bool,
    /// New phones wait for the host to let them in (protocol 3).
    #[serde(default)]
    pub approve_names: bool,
    /// The phones waiting, in order of joining (protocol 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiting: Vec<WaitingPhone>,
}

/// A phone waiting for the host to let it in, as the host sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingPhone {
    /// Its number, to name it in `admit` or `refuse`.
    pub phone: u32,
    /// The name it asks for.
    pub name: String,
}

/// One player, as the host sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostPlayer {
    /// The player's number, to name them in an action.
    pub player: usize,
    /// Name.
    pub name: String,
    /// Colour on the TV, `#rrggbb`.
    pub colour: String,
    /// Score.
    pub score: u32,
    /// Answered the open question.
    pub answered: bool,
    /// The answer in words, once given.
    pub said: Option<String>,
    /// The verdict, once revealed.
    pub right: Option<bool>,
    /// Taken out of the game by the host.
    pub removed: bool,
    /// What evens their odds (protocol 3).
    pub handicap: crate::game::Handicap,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_signed(n: &i64) -> bool {
    *n == 0
}

/// The final wager's step as a phone shows it: the last question's category only (the
/// question stays on the game until every bet is in), and what this phone may bet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WagerView {
    /// Index of the question bet on (0-based): a bet names it, as an answer does.
    pub question: usize,
    /// Its number as shown (1-based), and of how many.
    pub number: usize,
    /// How many questions the game has.
    pub of: usize,
    /// The question's category.
    pub category: String,
    /// This player's score: the most they may bet.
    pub score: u32,
    /// The preset bets in points (nothing, a quarter, half, three quarters, everything).
    pub presets: Vec<u32>,
    /// Whether this player bets (not so on another's hot-seat turn, or once removed).
    pub bets: bool,
    /// Their bet, once placed.
    pub placed: Option<u32>,
    /// Seconds to bet, from when the step opened.
    pub seconds: u32,
    /// Why they do not bet, if they do not.
    pub note: String,
}
