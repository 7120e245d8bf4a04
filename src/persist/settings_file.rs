//! The user's settings, saved as RON in the config folder. A corrupt file is kept aside as
//! `.bak` with a message and the defaults are used: nothing the user wrote is lost.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::atomic::{sibling, write_atomic};
use crate::game::GameSettings;
use crate::game::settings::{PLAYER_COUNT, QUESTION_COUNT};
use crate::pack::format::SEASONS;
use crate::paths;

/// Environment variable naming another config folder (tests, portable installs).
pub const CONFIG_ENV: &str = "BIGTUNA_CONFIG";

/// Lowest and highest text scale, in percent.
pub const TEXT_SCALE: std::ops::RangeInclusive<u16> = 100..=200;

/// Settings of the game itself, and the defaults of the next game.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserSettings {
    /// Sound volume, 0 to 1.
    pub volume: f32,
    /// Sound off.
    pub muted: bool,
    /// Fullscreen window.
    pub fullscreen: bool,
    /// Text size, 100 to 200 percent.
    pub text_scale: u16,
    /// No animation beyond what information needs (the timer bar still drains).
    pub reduced_motion: bool,
    /// Window size at the last exit, in logical pixels.
    pub window_size: Option<(u32, u32)>,
    /// Defaults of the next game.
    pub game: GameSettings,
}

impl Default for UserSettings {
    fn default() -> Self {
        Self {
            volume: 0.7,
            muted: false,
            fullscreen: false,
            text_scale: 100,
            reduced_motion: false,
            window_size: None,
            game: GameSettings::default(),
        }
    }
}

impl UserSettings {
    /// The settings file: `$BIGTUNA_CONFIG/settings.ron`, else the platform's config folder.
    pub fn path() -> Option<PathBuf> {
        std::env::var_os(CONFIG_ENV).map(PathBuf::from).or_else(paths::config_dir).map(|dir| dir.join("settings.ron"))
    }

    /// Reads the settings at `path`. Missing: defaults. Unreadable or broken: the file is
    /// moved aside (`settings.ron.bak`, then `.bak.2` ...), the defaults are used, and the
    /// message says so. The returned flag says whether saving may write `path`: not when a
    /// broken file could not be moved aside, for nothing the user wrote is overwritten.
    pub fn load(path: &Path) -> Loaded {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Loaded { settings: Self::default(), notice: None, writable: true };
            }
            Err(error) => {
                return Loaded {
                    settings: Self::default(),
                    notice: Some(format!(
                        "{}: cannot read the settings ({error}); using the defaults without saving over the file",
                        path.display()
                    )),
                    writable: false,
                };
            }
        };
        let parsed =
            std::str::from_utf8(&bytes).map_err(|_| (1, 1, "it is not UTF-8 text".to_owned())).and_then(|text| {
                ron::from_str::<UserSettings>(text)
                    .map_err(|e| (e.span.start.line, e.span.start.col, e.code.to_string()))
            });
        let (line, col, why) = match parsed {
            Ok(settings) => return Loaded { settings: settings.sanitized(), notice: None, writable: true },
            Err(problem) => problem,
        };
        let kept = free_backup(path).and_then(|backup| std::fs::rename(path, &backup).ok().map(|()| backup));
        let (where_kept, writable) = match &kept {
            Some(backup) => (format!("kept as {}", backup.display()), true),
            None => ("left in place (it could not be moved aside), and will not be saved over".to_owned(), false),
        };
        Loaded {
            settings: Self::default(),
            notice: Some(format!(
                "{}:{line}:{col}: error: the settings file is broken ({why}); it was {where_kept}, and the defaults are used",
                path.display()
            )),
            writable,
        }
    }

    /// Saves to `path` atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|error| std::io::Error::other(error.to_string()))?;
        write_atomic(path, text.as_bytes())
    }

    /// Brings hand-edited values back into range.
    pub fn sanitized(mut self) -> Self {
        self.volume = if self.volume.is_finite() { self.volume.clamp(0.0, 1.0) } else { 0.7 };
        self.text_scale = self.text_scale.clamp(*TEXT_SCALE.start(), *TEXT_SCALE.end());
        self.game.questions = self.game.questions.clamp(*QUESTION_COUNT.start(), *QUESTION_COUNT.end());
        self.game.max_season = self.game.max_season.clamp(*SEASONS.start(), *SEASONS.end());
        self.game.seed = None;
        if self.game.players.is_empty() {
            self.game.players = GameSettings::default().players;
        }
        self.game.players.truncate(*PLAYER_COUNT.end());
        // A window larger than any screen, or smaller than the game fits in, is a typo.
        self.window_size = self.window_size.map(|(w, h)| (w.clamp(800, 7680), h.clamp(600, 4320)));
        self
    }
}

/// What [`UserSettings::load`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The settings to use.
    pub settings: UserSettings,
    /// What to tell the user, if anything went wrong.
    pub notice: Option<String>,
    /// Whether saving may write the file.
    pub writable: bool,
}

/// The first unused backup name: `settings.ron.bak`, `settings.ron.bak.2`, ... `.bak.20`.
fn free_backup(path: &Path) -> Option<PathBuf> {
    std::iter::once(sibling(path, "bak"))
        .chain((2..=20).map(|n| sibling(path, &format!("bak.{n}"))))
        .find(|candidate| !candidate.exists())
}

/// Where settings are saved, if anywhere.
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsPath(pub Option<PathBuf>);

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Update, (remember_game_defaults, save_when_changed).chain());
}

/// The game settings the session started with (saved defaults plus command-line options).
#[derive(Resource, Debug, Clone)]
pub struct SessionStart(pub GameSettings);

/// What players choose on the setup screen becomes the defaults of the next session; what
/// was only given on the command line for this session (and not changed since) does not.
fn remember_game_defaults(
    game: Res<GameSettings>,
    start: Option<Res<SessionStart>>,
    mut settings: ResMut<UserSettings>,
) {
    if !game.is_changed() || game.is_added() {
        return;
    }
    let start = start.map_or_else(GameSettings::default, |s| s.0.clone());
    let mut defaults = settings.game.clone();
    macro_rules! keep_changed {
        ($($field:ident),*) => {$(
            if game.$field != start.$field {
                defaults.$field = game.$field.clone();
            }
        )*};
    }
    keep_changed!(packs, categories, kinds, difficulty, questions, max_season, timer, scoring, players);
    defaults.seed = None;
    if settings.game != defaults {
        settings.game = defaults;
    }
}

/// Saves each change at once, except the window size while it is being dragged, which is
/// saved when the game closes (a resize sends many changes).
fn save_when_changed(
    settings: Res<UserSettings>,
    path: Res<SettingsPath>,
    mut exit: MessageReader<AppExit>,
    mut saved: Local<Option<UserSettings>>,
) {
    let Some(file) = &path.0 else { return };
    let closing = exit.read().count() > 0;
    if settings.is_added() && saved.is_none() {
        *saved = Some(settings.clone());
        return;
    }
    let Some(last) = saved.as_ref() else { return };
    if *last == *settings {
        return;
    }
    let only_window = UserSettings { window_size: settings.window_size, ..last.clone() } == *settings;
    if only_window && !closing {
        return;
    }
    match settings.save(file) {
        Ok(()) => *saved = Some(settings.clone()),
        Err(error) => warn!("{}: cannot save the settings: {error}", file.display()),
    }
}
