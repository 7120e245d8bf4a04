//! Where the game finds its files: the shipped data (assets/, quizzes/) and the user's own.

use std::path::{Path, PathBuf};

/// Environment variable naming the folder that holds `assets/` and `quizzes/`.
pub const DATA_ENV: &str = "BIGTUNA_DATA";

/// The folder holding the shipped `assets/` and `quizzes/`: `$BIGTUNA_DATA`, else the current
/// folder or a parent of the executable that has `quizzes/`, else the source checkout.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_ENV) {
        return PathBuf::from(dir);
    }
    let has_quizzes = |dir: &Path| dir.join("quizzes").is_dir();
    if let Ok(cwd) = std::env::current_dir()
        && has_quizzes(&cwd)
    {
        return cwd;
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.ancestors().skip(1).find(|dir| has_quizzes(dir))
    {
        return dir.to_path_buf();
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in packs.
pub fn builtin_quizzes_dir() -> PathBuf {
    data_dir().join("quizzes")
}

/// The shipped assets (fonts, sounds, scoring presets).
pub fn assets_dir() -> PathBuf {
    data_dir().join("assets")
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "bigtuna")
}

/// Environment variable naming another folder for the user's packs (authors, tests).
pub const PACKS_ENV: &str = "BIGTUNA_PACKS";

/// Where users put their own packs: `$BIGTUNA_PACKS`, else `~/.local/share/bigtuna/packs`
/// on Linux (the platform's data folder elsewhere).
pub fn user_packs_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(PACKS_ENV) {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|dirs| dirs.data_dir().join("packs"))
}

/// Environment variable naming another folder for game logs (tests).
pub const GAMES_ENV: &str = "BIGTUNA_GAMES";

/// Where each game's log is written: `$BIGTUNA_GAMES`, else `~/.local/share/bigtuna/games`.
pub fn games_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(GAMES_ENV) {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|dirs| dirs.data_dir().join("games"))
}

/// Environment variable naming another folder for the saved game, high scores and the
/// questions seen (tests, portable installs).
pub const SAVES_ENV: &str = "BIGTUNA_SAVES";

/// Where the game under way, the high scores and the questions seen are kept:
/// `$BIGTUNA_SAVES`, else `~/.local/share/bigtuna` on Linux.
pub fn saves_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(SAVES_ENV) {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|dirs| dirs.data_dir().to_path_buf())
}

/// Where settings are saved (`~/.config/bigtuna` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().to_path_buf())
}

/// Every folder packs are installed in: built-in first, then the user's folder when it
/// exists (whose copy of a pack wins).
pub fn pack_dirs() -> Vec<PathBuf> {
    pack_sources().into_iter().map(|(dir, _)| dir).collect()
}

/// [`pack_dirs`], each with where it is, in the order packs are read (later ones win an id).
pub fn pack_sources() -> Vec<(PathBuf, crate::pack::PackSource)> {
    let mut dirs = vec![(builtin_quizzes_dir(), crate::pack::PackSource::Builtin)];
    dirs.extend(user_packs_dir().filter(|dir| dir.is_dir()).map(|dir| (dir, crate::pack::PackSource::UserFolder)));
    dirs
}
