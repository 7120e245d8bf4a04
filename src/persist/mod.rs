//! What the game keeps between runs: the user's settings, a log of each game (written
//! atomically), and the questions players flagged.

pub mod atomic;
pub mod flags;
pub mod game_log;
pub mod keepables;
pub mod kept;
pub mod kept_resource;
pub mod saved_game;
pub mod settings_file;

pub use settings_file::UserSettings;
