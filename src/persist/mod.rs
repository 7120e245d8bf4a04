//! What the game keeps between runs: the user's settings and a log of each game, written
//! atomically.

pub mod atomic;
pub mod game_log;
pub mod settings_file;

pub use settings_file::UserSettings;
