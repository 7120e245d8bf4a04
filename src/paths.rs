//! Where the game finds its files: what it ships is in the binary ([`crate::shipped`]), or in
//! a checkout named by `BIGTUNA_DATA`; the user's own files are in the platform's folders.

use std::path::PathBuf;

use crate::pack::{PackPlace, PackSource};

/// Environment variable naming a checkout (a folder holding `assets/` and `quizzes/`) whose
/// built-in packs and scoring presets the game reads instead of its own, and watches: for
/// people who write the built-in bank.
pub const DATA_ENV: &str = "BIGTUNA_DATA";

/// The checkout named by `$BIGTUNA_DATA`, if any. Without one the game needs no folder of
/// its own: it never looks for one beside itself or in the folder it was built in.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_ENV).filter(|dir| !dir.is_empty()).map(PathBuf::from)
}

/// The built-in packs' folder, when a checkout is named (else they are in the binary).
pub fn builtin_quizzes_dir() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("quizzes"))
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

/// Environment variable naming another folder for the Dundie certificates (tests).
pub const PICTURES_ENV: &str = "BIGTUNA_PICTURES";

/// Where the results' Dundie certificates are saved: `$BIGTUNA_PICTURES`, else the user's
/// pictures folder (`~/Pictures/Big Tuna Trivia`), else the data folder's `dundies`.
pub fn pictures_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(PICTURES_ENV) {
        return Some(PathBuf::from(dir));
    }
    let pictures = directories::UserDirs::new().and_then(|dirs| {
        dirs.picture_dir().map(PathBuf::from).or_else(|| Some(dirs.home_dir().join("Pictures")).filter(|p| p.is_dir()))
    });
    pictures
        .map(|dir| dir.join("Big Tuna Trivia"))
        .or_else(|| project_dirs().map(|dirs| dirs.data_dir().join("dundies")))
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

/// Where installed packs are read from, in order (a later place wins a pack id found twice):
/// the built-in packs (from the binary, or the checkout's `quizzes/`), then the user's folder
/// when it exists.
pub fn pack_sources() -> Vec<PackPlace> {
    let builtin = builtin_quizzes_dir().map_or(PackPlace::Shipped, |dir| PackPlace::Disk(dir, PackSource::Builtin));
    let mut places = vec![builtin];
    places.extend(user_packs_dir().filter(|dir| dir.is_dir()).map(|dir| PackPlace::Disk(dir, PackSource::UserFolder)));
    places
}
