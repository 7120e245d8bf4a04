//! What the game keeps as resources in the saves folder: the questions seen in earlier games
//! (so the least recently seen come first across runs) and the high scores.

use super::kept_resource::Keepable;
use crate::game::Seen;

impl Keepable for Seen {
    const FILE: &'static str = "seen.ron";
    const WHAT: &'static str = "the record of questions seen";
    const WITHOUT: &'static str = "every question counts as new";
    const VERSION: u32 = 1;
}

impl Keepable for crate::game::high_scores::HighScores {
    const FILE: &'static str = "high-scores.ron";
    const WHAT: &'static str = "the high scores";
    const WITHOUT: &'static str = "the high scores start empty";
    const VERSION: u32 = 1;
}
