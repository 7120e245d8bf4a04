//! What the host remote may do: each `host_action`'s `kind` (`docs/PROTOCOL.md`, *Host*).

use serde::{Deserialize, Serialize};

use crate::game::Handicap;

/// What the host remote may do (see `docs/PROTOCOL.md`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum HostCommand {
    /// Stop the clock.
    Pause,
    /// Start it again.
    Resume,
    /// Close the open question now and reveal it.
    Close,
    /// Go on from the reveal or the standings.
    Next,
    /// Drop the open question: nobody scores.
    Skip,
    /// Count the player's last answer right.
    Accept {
        /// The player (0-based, as in `host_view`).
        player: usize,
    },
    /// Count the player's last answer wrong.
    Reject {
        /// The player.
        player: usize,
    },
    /// Give or take points.
    Points {
        /// The player.
        player: usize,
        /// Points to add; negative takes them.
        delta: i32,
    },
    /// Take the player out of the game (the score stays).
    Kick {
        /// The player.
        player: usize,
    },
    /// Give the player a handicap, or take it away (protocol 3).
    Handicap {
        /// The player.
        player: usize,
        /// `none`, `more_time`, `double_time`, `no_timer` or `superfan`.
        handicap: Handicap,
    },
    /// Give the player another name (protocol 3): checked as a phone's name is (length, the
    /// host's word list, nobody else's), and shown at once on the TV and their phone.
    Rename {
        /// The player.
        player: usize,
        /// Their new name.
        name: String,
    },
    /// Refuse new players.
    Lock,
    /// Allow new players again.
    Unlock,
    /// Close the audience (protocol 3): nobody joins it, and its phones stop playing along.
    CloseAudience,
    /// Open it again.
    OpenAudience,
    /// Let a phone waiting under its name into the party ("approve names", protocol 3).
    Admit {
        /// The phone's number, as in `host_view`'s `waiting`.
        phone: u32,
    },
    /// Refuse a waiting phone its name: it hears why, and may join again with another.
    Refuse {
        /// The phone's number.
        phone: u32,
    },
    /// Hold each new phone until the host lets it in.
    ApproveNames,
    /// Let new phones straight in again (those waiting come in now).
    AnyNames,
    /// End the game now, with results.
    End,
}

impl HostCommand {
    /// Its name in the protocol.
    pub fn name(&self) -> &'static str {
        match self {
            HostCommand::Pause => "pause",
            HostCommand::Resume => "resume",
            HostCommand::Close => "close",
            HostCommand::Next => "next",
            HostCommand::Skip => "skip",
            HostCommand::Accept { .. } => "accept",
            HostCommand::Reject { .. } => "reject",
            HostCommand::Points { .. } => "points",
            HostCommand::Kick { .. } => "kick",
            HostCommand::Handicap { .. } => "handicap",
            HostCommand::Rename { .. } => "rename",
            HostCommand::Lock => "lock",
            HostCommand::Unlock => "unlock",
            HostCommand::CloseAudience => "close_audience",
            HostCommand::OpenAudience => "open_audience",
            HostCommand::Admit { .. } => "admit",
            HostCommand::Refuse { .. } => "refuse",
            HostCommand::ApproveNames => "approve_names",
            HostCommand::AnyNames => "any_names",
            HostCommand::End => "end",
        }
    }

    /// The player it names, if any.
    pub fn player(&self) -> Option<usize> {
        match self {
            HostCommand::Accept { player }
            | HostCommand::Reject { player }
            | HostCommand::Points { player, .. }
            | HostCommand::Kick { player }
            | HostCommand::Handicap { player, .. }
            | HostCommand::Rename { player, .. } => Some(*player),
            _ => None,
        }
    }
}
