//! The game as a windowed Bevy app: the core plugins plus window, screens, input and sound.

use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;

use crate::frame_limit::MachineArgs;
use crate::game::GameOverrides;
use crate::net::lifecycle::Phones;
use crate::persist::UserSettings;
use crate::persist::settings_file::{self, SessionStart, SettingsPath};
use crate::{audio, frame_limit, game, input, loading, net, paths, persist, reload, screens, theme, window};

/// How to start the game: plain settings, whoever gathered them.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Settings of the first game, over the saved defaults (not saved themselves).
    pub overrides: GameOverrides,
    /// Scripted or frame-limited runs, for tests and benchmarks.
    pub machine: MachineArgs,
    /// Phones as controllers (`--phones`, `--port`).
    pub phones: Phones,
    /// Pack files or folders named on the command line (`--from`), read after the others.
    pub packs: Vec<std::path::PathBuf>,
    /// A challenge code to play as soon as the packs are read (`--challenge`).
    pub challenge: Option<String>,
}

/// Opens the game window and runs until it closes.
pub fn run(launch: Launch) -> ExitCode {
    crate::no_gpu::explain_missing_driver();
    let start = UserStart::read();
    let (width, height) = start.user.window_size.unwrap_or((1280, 720));
    let mut app = App::new();
    app.add_plugins(engine(width, height));
    if launch.machine.bare {
        // The same engine, window and features, and nothing of the game but a camera.
        app.add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        });
        app.insert_resource(ClearColor(theme::palette::BACKGROUND));
        app.add_plugins(frame_limit::plugin(&launch.machine));
        return exit_code(app.run());
    }
    app.add_plugins(GamePlugin { launch, start });
    exit_code(app.run())
}

/// The user's settings as the game starts: read once, before the window opens (it takes
/// their size), with a word for the player if the file could not be read.
#[derive(Debug, Clone)]
struct UserStart {
    user: UserSettings,
    /// Where to save them; none when the file is not the game's to write.
    path: Option<std::path::PathBuf>,
    notice: Option<String>,
}

impl UserStart {
    fn read() -> Self {
        let Some(path) = UserSettings::path() else {
            return Self { user: UserSettings::default(), path: None, notice: None };
        };
        let loaded = UserSettings::load(&path);
        let path = loaded.writable.then_some(path);
        Self { user: loaded.settings, path, notice: loaded.notice }
    }
}

/// The whole game on Bevy's engine plugins: its rules, screens, input, sound, files, phones
/// and pack reloading, started from the command line's `launch`.
struct GamePlugin {
    launch: Launch,
    start: UserStart,
}

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        let (launch, start) = (&self.launch, &self.start);
        if audio::sound_available() {
            app.add_plugins(audio::plugin);
        } else {
            info!("no sound card found: the game plays silently");
            app.insert_resource(audio::NoSoundCard);
        }
        // A quiz mostly waits for the player: only redraw when something happens.
        app.insert_resource(WinitSettings::desktop_app());
        let game_settings = launch.overrides.apply(start.user.game.clone());
        if let Some(code) = &launch.challenge {
            let solo = launch.overrides.players.is_empty();
            app.insert_resource(loading::StartChallenge { code: code.clone(), solo });
        } else if launch.overrides.mode.is_some() {
            app.insert_resource(loading::StartAtOnce);
        }
        app.insert_resource(SessionStart(game_settings.clone()))
            .insert_resource(game_settings)
            .insert_resource(start.user.clone())
            .insert_resource(SettingsPath(start.path.clone()))
            .insert_resource(ClearColor(theme::palette::BACKGROUND));
        app.add_plugins((
            game::plugin,
            crate::challenge::plugin,
            crate::question_sound::plugin,
            loading::plugin,
            crate::library_read::plugin,
            input::plugin,
            theme::plugin,
            screens::plugin,
            window::plugin,
            settings_file::plugin,
            net::plugin,
            reload::plugin,
        ));
        // The player's files, where the platform (or the environment) keeps them.
        app.insert_resource(persist::Paths::standard()).add_plugins(persist::plugin);
        let mut sources = paths::pack_sources();
        sources.extend(
            launch
                .packs
                .iter()
                .map(|path| crate::pack::PackPlace::Disk(path.clone(), crate::pack::PackSource::CommandLine)),
        );
        app.insert_resource(reload::PackSources(sources)).insert_resource(launch.phones.clone());
        // The names offered to keyboard and gamepad players pass the host's list too.
        app.insert_resource(input::seats::BlockedNames(crate::net::name_ideas::BlockedWords::load()));
        app.add_plugins(frame_limit::plugin(&launch.machine));
        #[cfg(feature = "dev")]
        app.add_plugins(crate::script::plugin(&launch.machine));
        if let Some(notice) = start.notice.clone() {
            warn!("{notice}");
            app.world_mut().write_message(crate::persist::user_file::FileNotice(notice));
        }
    }
}

/// Bevy's plugins as the game runs them: its window, its assets, no audio without a sound card.
fn engine(width: u32, height: u32) -> bevy::app::PluginGroupBuilder {
    let absolute = |path: std::path::PathBuf| std::path::absolute(&path).unwrap_or(path).display().to_string();
    // Keys and pads reach the menus as actions (`input`), never as raw keys sent to the
    // focused button, which would activate it a second time on Enter.
    let mut plugins = DefaultPlugins.build().disable::<bevy::input_focus::InputDispatchPlugin>();
    if !audio::sound_available() {
        plugins = plugins.disable::<bevy::audio::AudioPlugin>();
    }
    plugins
        .set(WindowPlugin {
            primary_window: Some(Window {
                title: "Big Tuna Trivia".into(),
                name: Some("bigtuna".into()),
                resolution: WindowResolution::new(width, height),
                resize_constraints: WindowResizeConstraints { min_width: 800.0, min_height: 600.0, ..default() },
                ..default()
            }),
            ..default()
        })
        // Nothing is loaded from a file: what the game shows and plays is in its binary.
        .set(AssetPlugin { file_path: absolute(paths::data_dir().unwrap_or_default().join("assets")), ..default() })
        // Vulkan, or OpenGL on winit's display where no Vulkan driver answers (`graphics`).
        .add_before::<bevy::render::RenderPlugin>(crate::graphics::ChosenRenderer)
        .disable::<bevy::render::RenderPlugin>()
}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
