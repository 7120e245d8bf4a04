//! What the game keeps between runs: the user's settings, the game under way, a log of each
//! game, the high scores, the questions seen and the questions players flagged (each written
//! atomically), all where one [`Paths`] says.

pub mod atomic;
pub mod flags;
pub mod game_log;
pub mod resource_file;
pub mod saved_game;
pub mod settings_file;
pub mod user_file;

pub use settings_file::UserSettings;

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::game::Seen;
use crate::game::high_scores::HighScores;
use resource_file::{Keepable, KeptPath};

/// Where the player's files live, said in one place: the app takes the standard folders, a
/// test or a benchmark one scratch folder, and nothing at all keeps nothing. [`plugin`] reads
/// it as the app is built.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Paths {
    /// The saved game, the high scores and the questions seen.
    pub saves: Option<PathBuf>,
    /// One record per finished game.
    pub games: Option<PathBuf>,
    /// The flags file.
    pub flags: Option<PathBuf>,
}

impl Paths {
    /// The platform's folders, or the ones the environment names (`BIGTUNA_SAVES`, ...).
    pub fn standard() -> Self {
        Self { saves: crate::paths::saves_dir(), games: crate::paths::games_dir(), flags: flags::flags_file() }
    }

    /// Everything in `dir`: records in `dir/games`, flags in `dir/flags.jsonl`.
    pub fn in_folder(dir: &Path) -> Self {
        Self { saves: Some(dir.to_owned()), games: Some(dir.join("games")), flags: Some(dir.join("flags.jsonl")) }
    }

    fn kept<R: Keepable>(&self) -> KeptPath<R> {
        KeptPath::new(self.saves.as_ref().map(|dir| dir.join(R::FILE)))
    }
}

/// What the game keeps between runs, but the settings (read before the window opens): the
/// game under way, each game's record, the high scores, the questions seen and the flags,
/// where [`Paths`] says (nowhere, when the app has none).
pub fn plugin(app: &mut App) {
    let paths = app.world().get_resource::<Paths>().cloned().unwrap_or_default();
    app.insert_resource(saved_game::SavedGamePath(paths.saves.as_ref().map(|dir| dir.join(saved_game::FILE))))
        .insert_resource(paths.kept::<Seen>())
        .insert_resource(paths.kept::<HighScores>())
        .insert_resource(game_log::GamesDir(paths.games.clone()))
        .insert_resource(flags::FlagsFile(paths.flags.clone()))
        .add_plugins((
            user_file::plugin,
            game_log::plugin,
            flags::plugin,
            saved_game::plugin,
            resource_file::plugin::<Seen>,
            resource_file::plugin::<HighScores>,
        ));
}

// What the game keeps as resources in the saves folder: the questions seen in earlier games
// (so the least recently seen come first across runs) and the high scores.
impl Keepable for Seen {
    const FILE: &'static str = "seen.ron";
    const WHAT: &'static str = "the record of questions seen";
    const WITHOUT: &'static str = "every question counts as new";
    const VERSION: u32 = 1;
}

impl Keepable for HighScores {
    const FILE: &'static str = "high-scores.ron";
    const WHAT: &'static str = "the high scores";
    const WITHOUT: &'static str = "the high scores start empty";
    const VERSION: u32 = 1;
}
