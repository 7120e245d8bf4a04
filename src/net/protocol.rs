//! The phone protocol, version 3 (2 added lifelines and the wager, 3 the audience; an earlier
//! controller still plays, without them): JSON text messages over a WebSocket. Every message is an
//! object with a `type`; `docs/PROTOCOL.md` documents them for anyone writing a controller.

use serde::{Deserialize, Serialize};

pub use super::error_code::ErrorCode;
pub use super::host_command::HostCommand;
use super::views::{FinalView, HostView, QuestionView, ResultView, WagerView};
use crate::game::{Handicap, Response};
use crate::input::text_entry::TextEntry;

/// The protocol's version, sent in every welcome.
pub const PROTOCOL_VERSION: u32 = 3;

/// The first protocol with an audience: an earlier controller is never seated in it (it would
/// take itself for a player), and hears that the room is full as before.
pub const AUDIENCE_PROTOCOL: u32 = 3;

/// Largest message a client may send, in bytes: an answer is a few dozen.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// What a phone may send.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// Join the room with a name.
    Join {
        /// The room code shown on the TV.
        room: String,
        /// The name to play under.
        name: String,
        /// The protocol the controller speaks; left out, it is taken to speak this one or
        /// an earlier one (which this game still serves). A later one is refused, clearly.
        #[serde(default)]
        version: Option<u32>,
        /// Join the audience rather than the players (protocol 3): play along, scored apart.
        #[serde(default)]
        audience: bool,
        /// How far the player has watched: seasons 1 to this one (1 to 9); left out, the
        /// whole show. A party is asked only what is safe for everyone in it.
        #[serde(default)]
        seasons: Option<u8>,
        /// What evens the player's odds (protocol 3): `more_time`, `double_time`,
        /// `no_timer` or `superfan`; left out, `none`.
        #[serde(default)]
        handicap: Handicap,
    },
    /// Come back as the player this secret belongs to (after a reload or a sleep).
    Rejoin {
        /// The secret the welcome gave.
        secret: String,
        /// As in `join`.
        #[serde(default)]
        version: Option<u32>,
    },
    /// Answer question `question` (0-based, as the game numbers them).
    Answer {
        /// Which question this answers; an answer to another one is refused.
        question: usize,
        /// The answer.
        answer: PhoneAnswer,
    },
    /// Buzz in to answer a typed or number question (buzz-in mode).
    Buzz {
        /// Which question.
        question: usize,
    },
    /// Bet on the final wager's question (protocol 2), while the `wager` message is shown.
    Wager {
        /// Index of the question bet on (as the `wager` message gave it).
        question: usize,
        /// Points bet: more than the score bets the whole score.
        points: u32,
    },
    /// Use a lifeline on question `question` (protocol 2): one of those its view offers.
    Lifeline {
        /// Which question; on another one it is dropped.
        question: usize,
        /// Which lifeline.
        lifeline: PhoneLifeline,
    },
    /// Are you there? (A struct with no fields, so that a field too many is refused like
    /// any other message's.)
    Ping {},
    /// Ask for a generated name nobody in the room has and the host's list allows, to offer
    /// on a join page (any time, joined or not).
    NameIdea {},
    /// Show the game on a streaming overlay (`/overlay`): the question, the standings and,
    /// once revealed, the answer; it plays as nobody.
    Overlay {},
    /// This connection is the host's remote: the host code from the TV's host panel.
    Host {
        /// The host code.
        secret: String,
    },
    /// The host remote acts on the game.
    HostAction {
        /// What to do.
        action: HostCommand,
    },
}

/// A lifeline, as a controller names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneLifeline {
    /// Strike out wrong options (or put an ordering's item in place).
    Remove,
    /// The question's hint.
    Hint,
    /// The audience's votes so far.
    Audience,
    /// Double points on this question.
    Double,
    /// Buzz-in: freeze the leading rival.
    Freeze,
}

impl PhoneLifeline {
    /// The game's lifeline.
    pub fn lifeline(self) -> crate::game::Lifeline {
        use crate::game::Lifeline;
        match self {
            PhoneLifeline::Remove => Lifeline::RemoveWrong,
            PhoneLifeline::Hint => Lifeline::Hint,
            PhoneLifeline::Audience => Lifeline::AskAudience,
            PhoneLifeline::Double => Lifeline::DoublePoints,
            PhoneLifeline::Freeze => Lifeline::Freeze,
        }
    }
}

/// An answer as a phone sends it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PhoneAnswer {
    /// The option at this index, as shown.
    Option {
        /// 0-based.
        index: usize,
    },
    /// Typed text.
    Text {
        /// What was typed.
        text: String,
    },
    /// A number.
    Number {
        /// The number.
        value: f64,
    },
    /// An ordering: indices into the items as shown.
    Order {
        /// The player's order.
        order: Vec<usize>,
    },
    /// No answer.
    Pass,
}

impl PhoneAnswer {
    /// The answer as the game judges it.
    pub fn into_response(self) -> Response {
        match self {
            PhoneAnswer::Option { index } => Response::Option(index),
            // As long as the TV's own field takes, and no longer.
            PhoneAnswer::Text { text } => Response::Text(text.chars().take(TextEntry::MAX_CHARS).collect()),
            PhoneAnswer::Number { value } => Response::Number(value),
            PhoneAnswer::Order { order } => Response::Order(order),
            PhoneAnswer::Pass => Response::Pass,
        }
    }
}

/// What the game sends a phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// You are in: keep the secret to come back as the same player.
    Welcome {
        /// The protocol's version.
        version: u32,
        /// Your player number in this room.
        player: u32,
        /// Your name, as the TV shows it.
        name: String,
        /// Your secret: send it in `rejoin` after a reload.
        secret: String,
        /// You are in the audience (protocol 3): you answer and score apart from the players;
        /// `player` is then your number in the audience. Left out for a player.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        audience: bool,
        /// Why you were seated where you are, when it was not what you asked ("the room is
        /// full: you play along in the audience").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The TV gave you a seat (sent once seated, and again on coming back).
    Seated {
        /// Your name, as the TV shows it.
        name: String,
        /// Your colour on the TV, as `#rrggbb`.
        colour: String,
    },
    /// Your answer (or buzz) to this question arrived.
    Ack {
        /// The question.
        question: usize,
    },
    /// Answer to a ping.
    Pong,
    /// A generated name to offer (answer to `name_idea`); left out when the host's list
    /// blocks every one.
    NameIdea {
        /// The name, free in the room when it was made.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// No question yet: who is in the room.
    Lobby {
        /// The players' names, in order of joining.
        players: Vec<String>,
    },
    /// You joined, and wait for the host to let you in under your name ("approve names",
    /// protocol 3): sent in place of the game's views until then; if the host refuses the
    /// name, an `error` with `name_refused` follows.
    Held {
        /// Your name, as the host sees it.
        name: String,
    },
    /// The question now open, and what this player may do (sent when either changes, and
    /// on joining or coming back).
    Question(Box<QuestionView>),
    /// The final wager: bet on the last question before it shows (protocol 2).
    Wager(Box<WagerView>),
    /// How you did on the question just closed.
    Reveal(Box<ResultView>),
    /// The game is over.
    Over(FinalView),
    /// What the streaming overlay shows (answer to `overlay`, then whenever it changes).
    Overlay(Box<super::overlay_view::OverlayView>),
    /// This connection is the host's remote.
    HostWelcome {
        /// The protocol's version.
        version: u32,
        /// The room's code.
        room: String,
    },
    /// What the host sees, sent whenever it changes.
    HostView(Box<HostView>),
    /// The host's action was taken.
    Done {
        /// Which action.
        action: String,
    },
    /// Something was wrong with what you sent; nothing else happened.
    Error {
        /// What went wrong, for programs.
        code: ErrorCode,
        /// What went wrong, for people.
        message: String,
    },
}

impl ServerMessage {
    /// An error with its message.
    pub fn error(code: ErrorCode, message: impl Into<String>) -> Self {
        ServerMessage::Error { code, message: message.into() }
    }

    /// The message as sent.
    pub fn to_json(&self) -> String {
        // Serializing these plain types cannot fail; an empty object would be refused by any client.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// Reads a client's message; a refusal says what was wrong, for that client alone.
pub fn parse(text: &str) -> Result<ClientMessage, ServerMessage> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(ServerMessage::error(
            ErrorCode::TooLarge,
            format!("messages may be at most {MAX_MESSAGE_BYTES} bytes"),
        ));
    }
    serde_json::from_str(text).map_err(|error| {
        ServerMessage::error(ErrorCode::BadMessage, format!("not a message of protocol {PROTOCOL_VERSION}: {error}"))
    })
}
