//! What the game keeps between runs: the user's settings, a log of each game (written
//! atomically), and the questions players flagged.

pub mod atomic;
pub mod flags;
pub mod game_log;
pub mod settings_file;

pub use settings_file::UserSettings;
