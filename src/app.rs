//! The game as a windowed Bevy app: the core plugins plus window, screens, input and sound.

use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;

use crate::game::GameOverrides;
use crate::net::switch::Phones;
use crate::persist::UserSettings;
use crate::persist::settings_file::{self, SessionStart, SettingsPath};
use crate::smoke::SmokeArgs;
use crate::{audio, game, input, loading, net, paths, persist, reload, screens, smoke, theme, window};

/// How to start the game: plain settings, whoever gathered them.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Settings of the first game, over the saved defaults (not saved themselves).
    pub overrides: GameOverrides,
    /// Scripted or frame-limited runs, for tests and benchmarks.
    pub smoke: SmokeArgs,
    /// Phones as controllers (`--phones`, `--port`).
    pub phones: Phones,
    /// Pack files or folders named on the command line (`--from`), read after the others.
    pub packs: Vec<std::path::PathBuf>,
}

/// Opens the game window and runs until it closes.
pub fn run(launch: Launch) -> ExitCode {
    let mut settings_path = UserSettings::path();
    let (user, notice) = match &settings_path {
        Some(path) => {
            let loaded = UserSettings::load(path);
            if !loaded.writable {
                settings_path = None;
            }
            (loaded.settings, loaded.notice)
        }
        None => (UserSettings::default(), None),
    };
    let (width, height) = user.window_size.unwrap_or((1280, 720));
    let mut app = App::new();
    app.add_plugins(engine(width, height));
    if launch.smoke.bare {
        // The same engine, window and features, and nothing of the game but a camera.
        app.add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        });
        app.insert_resource(ClearColor(theme::palette::BACKGROUND));
        app.add_plugins(smoke::plugin(&launch.smoke));
        return exit_code(app.run());
    }
    let sound = audio::sound_available();
    if sound {
        app.add_plugins(audio::plugin);
    } else {
        info!("no sound card found: the game plays silently");
        app.insert_resource(audio::NoSoundCard);
    }
    // A quiz mostly waits for the player: only redraw when something happens.
    app.insert_resource(WinitSettings::desktop_app());
    let game_settings = launch.overrides.apply(user.game.clone());
    if launch.overrides.mode.is_some() {
        app.insert_resource(loading::StartAtOnce);
    }
    app.insert_resource(SessionStart(game_settings.clone()));
    app.insert_resource(game_settings);
    app.insert_resource(user);
    app.insert_resource(SettingsPath(settings_path));
    app.insert_resource(ClearColor(theme::palette::BACKGROUND));
    app.add_plugins((
        game::plugin,
        loading::plugin,
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
    sources.extend(launch.packs.iter().map(|path| (path.clone(), crate::pack::PackSource::CommandLine)));
    app.insert_resource(reload::PackSources(sources));
    app.insert_resource(launch.phones.clone());
    app.add_plugins(smoke::plugin(&launch.smoke));
    if let Some(notice) = notice {
        warn!("{notice}");
        app.world_mut().write_message(crate::persist::kept::FileNotice(notice));
    }
    exit_code(app.run())
}

/// Bevy's plugins as the game runs them: its window, its assets, no audio without a sound card.
fn engine(width: u32, height: u32) -> bevy::app::PluginGroupBuilder {
    let absolute = |path: std::path::PathBuf| std::path::absolute(&path).unwrap_or(path).display().to_string();
    let mut plugins = DefaultPlugins.build();
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
        .set(AssetPlugin { file_path: absolute(paths::assets_dir()), ..default() })
}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
