//! Which questions players have seen, and how long ago (counted in games), so the next games
//! ask the least recently seen first, round and round the bank until it runs out.
//! A game's questions are recorded as it ends ([`super::flow`]); `crate::persist` keeps the
//! record between runs.

use std::collections::HashMap;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Questions remembered at most; past it the longest unseen are forgotten (and so come first).
pub const MAX_REMEMBERED: usize = 200_000;

/// When each question was last asked, as the number of the game that asked it.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seen {
    /// Games counted so far.
    pub games: u64,
    /// Pack id, then question id: the game that last asked it.
    pub last: HashMap<String, HashMap<String, u64>>,
}

impl Seen {
    /// The game that last asked this question; 0 if none did.
    pub fn last_asked(&self, pack: &str, question: &str) -> u64 {
        self.last.get(pack).and_then(|questions| questions.get(question)).copied().unwrap_or(0)
    }

    /// Whether no question was ever asked.
    pub fn is_empty(&self) -> bool {
        self.last.values().all(HashMap::is_empty)
    }

    /// Counts a game that asked these questions.
    pub fn record<'a>(&mut self, asked: impl IntoIterator<Item = (&'a str, &'a str)>) {
        self.games = self.games.saturating_add(1);
        let game = self.games;
        for (pack, question) in asked {
            self.last.entry(pack.to_owned()).or_default().insert(question.to_owned(), game);
        }
        self.forget_oldest();
    }

    fn forget_oldest(&mut self) {
        let remembered: usize = self.last.values().map(HashMap::len).sum();
        if remembered <= MAX_REMEMBERED {
            return;
        }
        let mut games: Vec<u64> = self.last.values().flat_map(|q| q.values().copied()).collect();
        games.sort_unstable();
        let cut = games[remembered - MAX_REMEMBERED];
        for questions in self.last.values_mut() {
            questions.retain(|_, game| *game > cut);
        }
        self.last.retain(|_, questions| !questions.is_empty());
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Seen>();
}
