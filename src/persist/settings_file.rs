//! The user's settings, saved as RON in the config folder. A corrupt file is kept aside as
//! `.bak` with a message and the defaults are used: nothing the user wrote is lost.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::atomic::{sibling, write_atomic};
use crate::game::GameSettings;
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

    /// Reads the settings at `path`. Missing: defaults. Corrupt: the file is renamed to
    /// `settings.ron.bak`, the defaults are used, and the message says so.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return (Self::default(), None),
            Err(error) => {
                return (
                    Self::default(),
                    Some(format!("{}: cannot read the settings ({error}); using the defaults", path.display())),
                );
            }
        };
        match ron::from_str::<UserSettings>(&text) {
            Ok(settings) => (settings.sanitized(), None),
            Err(error) => {
                let backup = sibling(path, "bak");
                let kept = std::fs::rename(path, &backup).is_ok();
                let where_kept =
                    if kept { format!("kept as {}", backup.display()) } else { "left in place".to_owned() };
                (
                    Self::default(),
                    Some(format!(
                        "{}:{}:{}: error: the settings file is broken ({}); it was {where_kept} and the defaults are used",
                        path.display(),
                        error.span.start.line,
                        error.span.start.col,
                        error.code
                    )),
                )
            }
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
        self.game.questions = self.game.questions.clamp(5, 100);
        self.game.max_season = self.game.max_season.clamp(1, 9);
        self.game.seed = None;
        if self.game.players.is_empty() {
            self.game.players = GameSettings::default().players;
        }
        self.game.players.truncate(8);
        self
    }
}

/// Where settings are saved, if anywhere.
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsPath(pub Option<PathBuf>);

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Update, (remember_game_defaults, save_when_changed).chain());
}

/// Each game's settings become the defaults of the next (its seed excepted).
fn remember_game_defaults(game: Res<GameSettings>, mut settings: ResMut<UserSettings>) {
    if game.is_changed() && !game.is_added() {
        let mut defaults = game.clone();
        defaults.seed = None;
        if settings.game != defaults {
            settings.game = defaults;
        }
    }
}

fn save_when_changed(settings: Res<UserSettings>, path: Res<SettingsPath>) {
    if !settings.is_changed() || settings.is_added() {
        return;
    }
    if let Some(path) = &path.0
        && let Err(error) = settings.save(path)
    {
        warn!("{}: cannot save the settings: {error}", path.display());
    }
}
