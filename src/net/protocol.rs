//! The phone protocol, version 1: JSON text messages over a WebSocket. Every message is an
//! object with a `type`; `docs/PROTOCOL.md` documents them for anyone writing a controller.

use serde::{Deserialize, Serialize};

use crate::game::Response;

/// The protocol's version, sent in every welcome.
pub const PROTOCOL_VERSION: u32 = 1;

/// Largest message a client may send, in bytes: an answer is a few dozen.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// Longest player name, in characters.
pub const MAX_NAME_CHARS: usize = 16;

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
    },
    /// Come back as the player this secret belongs to (after a reload or a sleep).
    Rejoin {
        /// The secret the welcome gave.
        secret: String,
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
    /// Are you there?
    Ping,
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
            PhoneAnswer::Text { text } => Response::Text(text),
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
    },
    /// Your answer (or buzz) to this question arrived.
    Ack {
        /// The question.
        question: usize,
    },
    /// Answer to a ping.
    Pong,
    /// The question now open (sent when it opens, and on joining or coming back).
    Question(QuestionView),
    /// How you did on the question just closed.
    Reveal(ResultView),
    /// Something was wrong with what you sent; nothing else happened.
    Error {
        /// What went wrong, for programs.
        code: ErrorCode,
        /// What went wrong, for people.
        message: String,
    },
}

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON, or not one of the messages.
    BadMessage,
    /// Over [`MAX_MESSAGE_BYTES`].
    TooLarge,
    /// The room code is not this room's.
    WrongRoom,
    /// No player has that secret.
    UnknownSecret,
    /// Someone in the room already has that name.
    NameTaken,
    /// The name is empty or too long.
    BadName,
    /// Join first.
    NotJoined,
    /// Already joined on this connection.
    AlreadyJoined,
    /// The room has no seat left.
    RoomFull,
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
    /// Seconds to answer; left out when untimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
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
    /// Score after the round.
    pub score: u32,
    /// Place in the game (1-based; ties share it).
    pub rank: usize,
}
