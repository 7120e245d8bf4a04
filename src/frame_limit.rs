//! Runs for machines rather than people, in every build: `--exit-after-frames N` with
//! `--screenshot PATH` (benchmarks and smoke checks), and `--continuous`. Scripted input
//! (`--script`) is a test tool, compiled only with the `dev` feature ([`crate::script`]).

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use crate::window::Continuous;

/// Options of `bigtuna play` for machines rather than people.
#[derive(Debug, clap::Args, Default, Clone)]
pub struct MachineArgs {
    /// Render this many frames, then exit (for smoke tests and benchmarks).
    #[arg(long, value_name = "N")]
    pub exit_after_frames: Option<u32>,
    /// Save the last frame to this PNG file (with --exit-after-frames).
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Keys to press, for scripted runs: a comma-separated list such as `enter,wait:30,1`
    /// (builds with the `dev` feature only).
    #[arg(long, value_name = "KEYS", hide = true)]
    pub script: Option<String>,
    /// Folder to save a screenshot of every screen into (with --script).
    #[arg(long, value_name = "DIR", hide = true)]
    pub screenshot_dir: Option<PathBuf>,
    /// Redraw every frame, even when nothing moves (for measuring the reactive mode).
    #[arg(long, hide = true)]
    pub continuous: bool,
    /// Run an empty Bevy app with the game's window and engine features instead of the game,
    /// to measure what the game adds to start-up and memory (`scripts/startup.sh`).
    #[arg(long, hide = true)]
    pub bare: bool,
}

/// An unattended run: frames counted, screenshots waited for, and when to exit.
#[derive(Resource, Debug, Default)]
pub(crate) struct Unattended {
    /// Frames drawn so far.
    pub frames: u32,
    /// The frame the run ends at; without one, a script's end ends it.
    pub exit_after: Option<u32>,
    final_shot: Option<PathBuf>,
    pending_shots: usize,
    /// Set when the run is over: it exits once every screenshot asked for is on disk.
    pub exiting: bool,
}

impl Unattended {
    /// Saves the window as it is now to `path` (a folder is made for it); the run does not
    /// exit before it is written.
    pub fn shoot(&mut self, commands: &mut Commands, path: PathBuf) {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        info!("screenshot {}", path.display());
        // Written beside it and renamed: whoever waits for the file never reads half a PNG.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let part = path.with_file_name(format!(".{name}.part.png"));
        let mut save = save_to_disk(part.clone());
        commands.spawn(Screenshot::primary_window()).observe(move |captured: On<ScreenshotCaptured>| {
            save(captured);
            if let Err(error) = std::fs::rename(&part, &path) {
                error!("cannot save screenshot {}: {error}", path.display());
            }
        });
        self.pending_shots += 1;
    }
}

/// The plugin for `args`; it adds nothing to a normal game.
pub fn plugin(args: &MachineArgs) -> FrameLimitPlugin {
    FrameLimitPlugin { args: args.clone() }
}

/// Frame-limited runs and scripted ones, from the `play` options.
pub struct FrameLimitPlugin {
    args: MachineArgs,
}

impl Plugin for FrameLimitPlugin {
    fn build(&self, app: &mut App) {
        let args = &self.args;
        let scripted = args.script.is_some();
        if args.continuous || args.exit_after_frames.is_some() || scripted {
            // Xvfb windows never have focus, and an unfocused reactive app may wait a minute.
            app.insert_resource(Continuous);
        }
        if args.exit_after_frames.is_none() && !scripted {
            return;
        }
        app.insert_resource(Unattended {
            exit_after: args.exit_after_frames,
            final_shot: args.screenshot.clone(),
            ..default()
        })
        .add_systems(Last, count_frames)
        .add_observer(|_: On<ScreenshotCaptured>, mut run: ResMut<Unattended>| {
            run.pending_shots = run.pending_shots.saturating_sub(1);
        });
        if scripted && !cfg!(feature = "dev") {
            refuse(app, "--script: this build has no scripted input (it is a test tool: build with `--features dev`)");
        }
    }
}

/// Exits at once with code 2, having said why.
pub(crate) fn refuse(app: &mut App, error: &str) {
    error!("{error}");
    app.add_systems(Startup, |mut exit: MessageWriter<AppExit>| {
        exit.write(AppExit::from_code(2));
    });
}

/// Counts frames, and ends the run at its frame limit (with its screenshot) or once it is over.
pub(crate) fn count_frames(mut commands: Commands, mut run: ResMut<Unattended>, mut exit: MessageWriter<AppExit>) {
    run.frames += 1;
    if run.exiting {
        if run.pending_shots == 0 {
            exit.write(AppExit::Success);
        }
        return;
    }
    if let Some(limit) = run.exit_after
        && run.frames >= limit
    {
        if let Some(path) = run.final_shot.clone() {
            run.shoot(&mut commands, path);
        }
        run.exiting = true;
    }
}
