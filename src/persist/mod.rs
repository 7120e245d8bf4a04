//! What the game keeps between runs: the user's settings, written atomically.

pub mod atomic;
pub mod settings_file;

pub use settings_file::UserSettings;
