//! A handicap per player: more time to answer for a child or a newcomer, fewer points for a
//! superfan. Each player has their own; everyone else plays as before. What the round does
//! with it (whose time is up, when the round closes) is [`super::own_time`].

use std::time::Duration;

use serde::{Deserialize, Serialize};
/// What evens one player's odds. Saved with the player (older files have none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handicap {
    /// Plays as everyone does.
    #[default]
    None,
    /// Half as long again to answer.
    MoreTime,
    /// Twice as long to answer.
    DoubleTime,
    /// No clock at all: the round waits for them (or the host closes it). No speed bonus.
    NoTimer,
    /// A superfan scores half the points of a right answer (a bet in the final wager is
    /// settled as it is: it is the player's own stake).
    Superfan,
}

impl Handicap {
    /// In the order the join screen, the phone and the host remote step through them.
    pub const ALL: [Handicap; 5] =
        [Handicap::None, Handicap::MoreTime, Handicap::DoubleTime, Handicap::NoTimer, Handicap::Superfan];

    /// Whether this is no handicap (left out of saved files).
    pub fn is_none(&self) -> bool {
        *self == Handicap::None
    }

    /// The time this player has, of `limit` (the question's time for everyone).
    pub fn time(self, limit: Option<Duration>) -> Option<Duration> {
        let limit = limit?;
        match self {
            Handicap::MoreTime => Some(limit.saturating_mul(3) / 2),
            Handicap::DoubleTime => Some(limit.saturating_mul(2)),
            Handicap::NoTimer => None,
            Handicap::None | Handicap::Superfan => Some(limit),
        }
    }

    /// The points this player keeps of `points` earned on a question.
    pub fn points(self, points: u32) -> u32 {
        match self {
            Handicap::Superfan => points / 2,
            _ => points,
        }
    }

    /// The small badge beside the player's name; `None` for no handicap.
    pub fn badge(self) -> Option<&'static str> {
        match self {
            Handicap::None => None,
            Handicap::MoreTime => Some("×1.5 time"),
            Handicap::DoubleTime => Some("×2 time"),
            Handicap::NoTimer => Some("no timer"),
            Handicap::Superfan => Some("superfan ½ pts"),
        }
    }

    /// The choice as the join screen shows it, in few letters.
    pub fn choice(self) -> &'static str {
        match self {
            Handicap::Superfan => "Superfan",
            Handicap::NoTimer => "No timer",
            other => other.badge().unwrap_or("Even"),
        }
    }

    /// The next choice, round the list (Enter on the join screen).
    pub fn next(self) -> Handicap {
        let at = Self::ALL.iter().position(|h| *h == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }
}
