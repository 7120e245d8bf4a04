//! The codes an `error` message carries (`docs/PROTOCOL.md`, *Errors*): what a controller
//! can act on (which field to fix, whether to join again) without reading the words.

use serde::{Deserialize, Serialize};

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON, or not one of the messages.
    BadMessage,
    /// Over [`super::protocol::MAX_MESSAGE_BYTES`].
    TooLarge,
    /// The room code is not this room's.
    WrongRoom,
    /// No player has that secret.
    UnknownSecret,
    /// Someone in the room already has that name.
    NameTaken,
    /// The name is empty or too long.
    BadName,
    /// The name contains a word the host's list blocks.
    NameBlocked,
    /// Join first.
    NotJoined,
    /// Already joined on this connection.
    AlreadyJoined,
    /// The room has no seat left.
    RoomFull,
    /// The host locked the room.
    RoomLocked,
    /// Only the host remote may do that.
    NotHost,
    /// Not the host code.
    WrongHostCode,
    /// The host named a player who is not in the game.
    NoSuchPlayer,
    /// Too many messages in a second: this one was dropped.
    TooMany,
    /// A frame no client may send (text that is not UTF-8, an unmasked or broken frame):
    /// the connection is closed.
    BadFrame,
    /// Another device came back with this player's secret and plays as them now: this
    /// connection is closed.
    Replaced,
    /// The host took this player out of the party: join again to play.
    Removed,
    /// The controller speaks a later protocol than this game (protocol 2).
    NewerProtocol,
    /// The host closed the audience (protocol 3).
    AudienceClosed,
    /// Buzzes, bets and lifelines are the players': an audience member only answers
    /// (protocol 3).
    NotAPlayer,
    /// The host did not let this phone in under its name ("approve names", protocol 3):
    /// join again with another name.
    NameRefused,
}
