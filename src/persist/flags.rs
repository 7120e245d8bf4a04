//! Flagged questions: a player who thinks a question is wrong presses F6 (no player row uses
//! it) or the reveal's Flag button, and the question is appended to the flags file in the
//! user's data folder (`flags.jsonl`, one JSON object a line) with its pack, id, prompt and
//! time. `bigtuna flags` lists them by pack, for authors to fix.

use std::io::Write;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::game::{Game, Screen};
use crate::input::AppCommand;
use crate::paths;

/// Environment variable naming another flags file (tests).
pub const FLAGS_ENV: &str = "BIGTUNA_FLAGS";

/// Flag the question on screen (the reveal's button sends it; F6 too).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagQuestion;

/// A question was flagged, for the screen to say so.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct Flagged(pub Result<String, String>);

/// Where flags are appended (`None`: nowhere to keep them).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct FlagsFile(pub Option<PathBuf>);

impl Default for FlagsFile {
    fn default() -> Self {
        Self(flags_file())
    }
}

/// One flag, as a line of the flags file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// The pack's id.
    pub pack: String,
    /// The question's id in its pack.
    pub question: String,
    /// The prompt as it was shown.
    pub prompt: String,
    /// When, in seconds since 1970 (UTC).
    pub time: u64,
}

/// The flags file: `$BIGTUNA_FLAGS`, else `flags.jsonl` in the user's data folder.
pub fn flags_file() -> Option<PathBuf> {
    if let Some(file) = std::env::var_os(FLAGS_ENV) {
        return Some(PathBuf::from(file));
    }
    paths::games_dir().and_then(|games| games.parent().map(|data| data.join("flags.jsonl")))
}

/// Appends one flag (a single write of one line, so flags from two games never mix).
pub fn append(file: &Path, flag: &Flag) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(flag).map_err(std::io::Error::other)?;
    line.push('\n');
    let mut out = std::fs::OpenOptions::new().create(true).append(true).open(file)?;
    out.write_all(line.as_bytes())?;
    out.sync_data()
}

/// Every flag in the file, and the lines that could not be read (line number, why).
pub fn read(file: &Path) -> std::io::Result<(Vec<Flag>, Vec<(usize, String)>)> {
    let text = std::fs::read_to_string(file)?;
    let mut flags = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str(line) {
            Ok(flag) => flags.push(flag),
            Err(error) => bad.push((i + 1, error.to_string())),
        }
    }
    Ok((flags, bad))
}

/// Flags the question on screen when asked (runs headless too).
pub fn plugin(app: &mut App) {
    // F6 is read here too; registering it (a no-op beside the input plugin) lets the
    // plugin run headless.
    app.add_message::<FlagQuestion>()
        .add_message::<Flagged>()
        .add_message::<AppCommand>()
        .init_resource::<FlagsFile>()
        .add_systems(Update, flag.run_if(in_state(Screen::Playing)));
}

fn flag(
    mut asked: MessageReader<FlagQuestion>,
    mut keys: MessageReader<AppCommand>,
    game: Option<Res<Game>>,
    file: Res<FlagsFile>,
    mut done: MessageWriter<Flagged>,
    mut flagged: Local<Option<(u64, usize)>>,
) {
    let wanted = asked.read().count() + keys.read().filter(|c| **c == AppCommand::FlagQuestion).count() > 0;
    let Some(game) = game.filter(|_| wanted) else { return };
    let Some(drawn) = game.question() else { return };
    // Once per question: a second press is not a second complaint.
    if *flagged == Some((game.seed, game.current)) {
        done.write(Flagged(Ok("Already flagged".to_owned())));
        return;
    }
    let flag = Flag {
        pack: drawn.pack.clone(),
        question: drawn.question.id.clone(),
        prompt: drawn.question.prompt.clone(),
        time: crate::unix_time::now(),
    };
    let outcome = match &file.0 {
        Some(file) => match append(file, &flag) {
            Ok(()) => {
                info!("flagged question `{}` of pack `{}` in {}", flag.question, flag.pack, file.display());
                *flagged = Some((game.seed, game.current));
                Ok(format!("Flagged for the pack's author: {} ({})", flag.question, flag.pack))
            }
            Err(error) => Err(format!("The flag could not be saved in {}: {error}", file.display())),
        },
        None => Err("The flag could not be saved: this system has no data folder".to_owned()),
    };
    if let Err(problem) = &outcome {
        warn!("{problem}");
    }
    done.write(Flagged(outcome));
}
