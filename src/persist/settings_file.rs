//! The user's settings, saved as RON in the config folder. A corrupt file is kept aside as
//! `.bak` with a message and the defaults are used: nothing the user wrote is lost.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::user_file::{self, KeptFile};
use crate::game::Party;
use crate::game::settings::{PLAYER_COUNT, QUESTION_COUNT};
use crate::game::{GameSettings, Setting};
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
    /// The file's format version ([`KeptFile::VERSION`] when written by this game).
    pub version: u32,
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
    /// Questions' pictures shown; off, their alt text is shown instead.
    pub pictures: bool,
    /// Window size at the last exit, in logical pixels.
    pub window_size: Option<(u32, u32)>,
    /// Defaults of the next game.
    pub game: GameSettings,
    /// The solo player's name, once asked (high scores are kept under it); `None`: not yet
    /// asked.
    pub solo_name: Option<String>,
}

impl Default for UserSettings {
    fn default() -> Self {
        Self {
            version: Self::VERSION,
            volume: 0.7,
            muted: false,
            fullscreen: false,
            text_scale: 100,
            reduced_motion: false,
            pictures: true,
            window_size: None,
            game: GameSettings::default(),
            solo_name: None,
        }
    }
}

impl KeptFile for UserSettings {
    const WHAT: &'static str = "the settings file";
    const WITHOUT: &'static str = "the defaults are used";
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
}

impl UserSettings {
    /// The settings file: `$BIGTUNA_CONFIG/settings.ron`, else the platform's config folder.
    pub fn path() -> Option<PathBuf> {
        std::env::var_os(CONFIG_ENV).map(PathBuf::from).or_else(paths::config_dir).map(|dir| dir.join("settings.ron"))
    }

    /// Reads the settings at `path`. Missing: defaults. Unreadable, broken or from a newer
    /// game: the file is moved aside (`settings.ron.bak`, then `.bak.2` ...), the defaults are
    /// used, and the message says so. The returned flag says whether saving may write `path`:
    /// not when a broken file could not be moved aside, for nothing the user wrote is
    /// overwritten.
    pub fn load(path: &Path) -> Loaded {
        let kept = user_file::load::<Self>(path);
        Loaded {
            settings: kept.value.map(Self::sanitized).unwrap_or_default(),
            notice: kept.notice,
            writable: kept.writable,
        }
    }

    /// Saves to `path` atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        user_file::save(self, path)
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
        self.game.players.mend_ids();
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
    for setting in Setting::all() {
        setting.remember(&game, &start, &mut defaults);
    }
    // Solo or party answer kinds are no setting of their own: they come with the choice.
    if game.kinds != start.kinds {
        defaults.kinds.clone_from(&game.kinds);
    }
    defaults.seed = None;
    settings.reborrow().map_unchanged(|v| &mut v.game).set_if_neq(defaults);
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
