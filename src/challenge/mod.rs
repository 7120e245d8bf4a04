//! Challenge codes: a short code for a game played, with which a friend at home plays the
//! same questions in the same order, and sees both scores side by side. No server: the code
//! carries the packs' ids and fingerprints, each question and its options' order, the timer
//! and scoring, and the best scores.

pub mod code;
pub mod play;
pub mod resolve;
pub mod stamp;

pub use code::{ChallengeCode, Unreadable};
pub use play::{ChallengeProblem, PlayChallenge, challenge_game};
pub use resolve::{Missing, code_of};

/// Starts challenge games ([`play`]).
pub fn plugin(app: &mut bevy::prelude::App) {
    play::plugin(app);
}
