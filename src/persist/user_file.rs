//! Reading and writing the files the game keeps for the user (settings, high scores, the
//! questions seen, the saved game). A missing file is a first run. A broken file, or one a
//! newer version of the game wrote, is moved aside as `.bak` (then `.bak.2` ...), reported in
//! words that name the file and the place, and the game starts without it: nothing the user
//! had is lost, and nothing stops the game from starting.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::atomic::{sibling, write_atomic};

/// A file the game keeps: what it is called in messages, and its format's version.
pub trait KeptFile: Serialize + DeserializeOwned {
    /// What the file holds, for messages: "the settings file".
    const WHAT: &'static str;
    /// What the game does without it, for messages: "the defaults are used".
    const WITHOUT: &'static str;
    /// The format version this game writes and reads (files carry it as `version`).
    const VERSION: u32;
    /// The version the file was read with.
    fn version(&self) -> u32;
}

/// What [`load`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept<T> {
    /// The file's contents, when it was there and whole.
    pub value: Option<T>,
    /// What to tell the user, if anything went wrong.
    pub notice: Option<String>,
    /// Whether saving may write the file: not when a broken file could not be moved aside.
    pub writable: bool,
}

/// Reads `path`. Missing: `None`, no notice. Unreadable, broken or from a newer game: the
/// file is moved aside, the notice says where and why, and `value` is `None`.
pub fn load<T: KeptFile>(path: &Path) -> Kept<T> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Kept { value: None, notice: None, writable: true };
        }
        Err(error) => {
            return Kept {
                value: None,
                notice: Some(format!(
                    "{}: cannot read {} ({error}); {}, and the file is not saved over",
                    path.display(),
                    T::WHAT,
                    T::WITHOUT
                )),
                writable: false,
            };
        }
    };
    let problem = match std::str::from_utf8(&bytes) {
        Err(_) => (1, 1, "it is not UTF-8 text".to_owned()),
        Ok(text) => match ron::from_str::<T>(text) {
            Ok(value) if value.version() <= T::VERSION => {
                return Kept { value: Some(value), notice: None, writable: true };
            }
            Ok(value) => (1, 1, newer(value.version(), T::VERSION)),
            Err(error) => match written_version(text).filter(|v| *v > T::VERSION) {
                Some(version) => (1, 1, newer(version, T::VERSION)),
                None => (error.span.start.line, error.span.start.col, error.code.to_string()),
            },
        },
    };
    let (line, col, why) = problem;
    let (where_kept, writable) = match set_aside(path) {
        Some(backup) => (format!("kept as {}", backup.display()), true),
        None => ("left in place (it could not be moved aside), and will not be saved over".to_owned(), false),
    };
    Kept {
        value: None,
        notice: Some(format!(
            "{}:{line}:{col}: error: {} is broken ({why}); it was {where_kept}, and {}",
            path.display(),
            T::WHAT,
            T::WITHOUT
        )),
        writable,
    }
}

/// Saves `value` to `path` atomically, as pretty RON.
pub fn save<T: KeptFile>(value: &T, path: &Path) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(|error| std::io::Error::other(error.to_string()))?;
    write_atomic(path, text.as_bytes())
}

fn newer(found: u32, known: u32) -> String {
    format!(
        "a newer Big Tuna Trivia wrote it (format {found}; this one reads up to {known}): update the game to use it"
    )
}

/// The `version: N` a file says it has, read without knowing the rest of its format.
fn written_version(text: &str) -> Option<u32> {
    let at = text.find("version")?;
    let rest = text[at + "version".len()..].trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Moves `path` to its first unused backup name; returns that name, or `None` if it could not.
pub fn set_aside(path: &Path) -> Option<PathBuf> {
    free_backup(path).and_then(|backup| std::fs::rename(path, &backup).ok().map(|()| backup))
}

/// The first unused backup name: `NAME.bak`, `NAME.bak.2`, ... `NAME.bak.20`.
fn free_backup(path: &Path) -> Option<PathBuf> {
    std::iter::once(sibling(path, "bak"))
        .chain((2..=20).map(|n| sibling(path, &format!("bak.{n}"))))
        .find(|candidate| !candidate.exists())
}

/// Something went wrong with a kept file (the words name the file and what was done): the
/// screens show it, the log has it.
#[derive(bevy::prelude::Message, Debug, Clone, PartialEq, Eq)]
pub struct FileNotice(pub String);

/// Carries [`FileNotice`]s to whoever shows them.
pub fn plugin(app: &mut bevy::prelude::App) {
    app.add_message::<FileNotice>();
}
