//! The game a challenge code came from, kept with the game played from it: its code and its
//! best players' scores, which the results put beside this game's.

use serde::{Deserialize, Serialize};

/// A challenge this game answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengedBy {
    /// The code, as given.
    pub code: String,
    /// The players of the game it came from, best first.
    pub rivals: Vec<Rival>,
    /// How that game was played (in hot seat or teams, each answered only some questions).
    #[serde(default)]
    pub mode: super::settings::PlayMode,
}

/// A player of the challenge's game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rival {
    /// Name.
    pub name: String,
    /// Final score.
    pub score: u32,
}
