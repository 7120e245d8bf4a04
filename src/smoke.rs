//! Runs for machines rather than people: `--exit-after-frames N` with `--screenshot PATH`,
//! and `--script` (hidden), which presses keys and saves screenshots, to test every screen
//! under Xvfb and to measure frames.

use std::path::PathBuf;

use bevy::input::ButtonState;
use bevy::input::gamepad::{
    GamepadButton, GamepadConnection, GamepadConnectionEvent, RawGamepadButtonChangedEvent, RawGamepadEvent,
};
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::mouse::MouseButtonInput;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

use crate::window::Continuous;

/// Options of `bigtuna play` for machines rather than people.
#[derive(Debug, clap::Args, Default, Clone)]
pub struct SmokeArgs {
    /// Render this many frames, then exit (for smoke tests and benchmarks).
    #[arg(long, value_name = "N")]
    pub exit_after_frames: Option<u32>,
    /// Save the last frame to this PNG file (with --exit-after-frames).
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Keys to press, for scripted runs: a comma-separated list such as `enter,wait:30,1`.
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

/// One step of a script.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Press and release a key.
    Key(KeyCode, Option<String>),
    /// Type text, one key per character.
    Type(String),
    /// Let frames pass.
    Wait(u32),
    /// Let this much real time pass (for what the game times in seconds, such as a team talk).
    Sleep(std::time::Duration),
    /// Save a screenshot under this name.
    Shot(String),
    /// Press and release a button of a (simulated) gamepad, connected on first use.
    Pad(GamepadButton),
    /// Move the mouse to this point of the window (logical pixels), then click there.
    Click(Vec2),
    /// Press or release the left mouse button where the pointer is.
    Mouse(ButtonState),
}

/// Parses `enter,wait:10,1,text:Cece,shot:question`.
pub fn parse_script(script: &str) -> Result<Vec<Step>, String> {
    script
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|step| {
            if let Some(ms) = step.strip_prefix("sleep:") {
                return ms
                    .parse()
                    .map(|ms| Step::Sleep(std::time::Duration::from_millis(ms)))
                    .map_err(|_| format!("`{step}`: sleep takes milliseconds"));
            }
            if let Some(n) = step.strip_prefix("wait:") {
                return n.parse().map(Step::Wait).map_err(|_| format!("`{step}`: wait takes a number of frames"));
            }
            if let Some(name) = step.strip_prefix("shot:") {
                return Ok(Step::Shot(name.to_owned()));
            }
            if let Some(text) = step.strip_prefix("text:") {
                return Ok(Step::Type(text.to_owned()));
            }
            if let Some(point) = step.strip_prefix("click:") {
                let xy: Vec<f32> = point.split(':').filter_map(|n| n.parse().ok()).collect();
                return match xy[..] {
                    [x, y] => Ok(Step::Click(Vec2::new(x, y))),
                    _ => Err(format!("`{step}`: click takes x:y in pixels")),
                };
            }
            if let Some(name) = step.strip_prefix("pad:") {
                return pad_button(name).map(Step::Pad).ok_or_else(|| format!("`{step}`: no such gamepad button"));
            }
            key_named(step).ok_or_else(|| {
                format!("`{step}` is not a key, wait:N, sleep:MS, text:T, click:X:Y, pad:BUTTON or shot:NAME")
            })
        })
        .collect()
}

fn pad_button(name: &str) -> Option<GamepadButton> {
    Some(match name {
        "south" => GamepadButton::South,
        "east" => GamepadButton::East,
        "west" => GamepadButton::West,
        "north" => GamepadButton::North,
        "up" => GamepadButton::DPadUp,
        "down" => GamepadButton::DPadDown,
        "left" => GamepadButton::DPadLeft,
        "right" => GamepadButton::DPadRight,
        "start" => GamepadButton::Start,
        _ => return None,
    })
}

const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
];

const LETTERS: [KeyCode; 26] = [
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
];

fn key_named(name: &str) -> Option<Step> {
    let key = match name.to_ascii_lowercase().as_str() {
        "enter" => KeyCode::Enter,
        "space" => KeyCode::Space,
        "esc" => KeyCode::Escape,
        "up" => KeyCode::ArrowUp,
        "down" => KeyCode::ArrowDown,
        "left" => KeyCode::ArrowLeft,
        "right" => KeyCode::ArrowRight,
        "backspace" => KeyCode::Backspace,
        "f11" => KeyCode::F11,
        "f1" => KeyCode::F1,
        "f2" => KeyCode::F2,
        "f3" => KeyCode::F3,
        "f4" => KeyCode::F4,
        digit if digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() => {
            let index = usize::from(digit.as_bytes()[0] - b'0');
            return Some(Step::Key(DIGITS[index], Some(digit.to_owned())));
        }
        letter if letter.len() == 1 && letter.as_bytes()[0].is_ascii_lowercase() => {
            let index = usize::from(letter.as_bytes()[0] - b'a');
            return Some(Step::Key(LETTERS[index], Some(letter.to_owned())));
        }
        _ => return None,
    };
    Some(Step::Key(key, None))
}

/// What is left to do.
#[derive(Resource, Debug, Default)]
struct Run {
    steps: std::collections::VecDeque<Step>,
    waiting: u32,
    sleeping_until: Option<std::time::Instant>,
    exit_after: Option<u32>,
    frames: u32,
    final_shot: Option<PathBuf>,
    shot_dir: PathBuf,
    pending_shots: usize,
    exiting: bool,
    pad: Option<Entity>,
    pad_release: Option<GamepadButton>,
}

/// The plugin for `args`; it adds nothing to a normal game.
pub fn plugin(args: &SmokeArgs) -> SmokePlugin {
    SmokePlugin {
        script: args.script.as_deref().map(parse_script),
        exit_after: args.exit_after_frames,
        final_shot: args.screenshot.clone(),
        shot_dir: args.screenshot_dir.clone().unwrap_or_else(|| PathBuf::from("screens-out")),
        continuous: args.continuous,
    }
}

/// Scripted runs and frame-limited runs, from the `play` options.
pub struct SmokePlugin {
    script: Option<Result<Vec<Step>, String>>,
    exit_after: Option<u32>,
    final_shot: Option<PathBuf>,
    shot_dir: PathBuf,
    continuous: bool,
}

impl Plugin for SmokePlugin {
    fn build(&self, app: &mut App) {
        let SmokePlugin { script, exit_after, final_shot, shot_dir, continuous } = self;
        let (exit_after, final_shot, shot_dir, continuous) =
            (*exit_after, final_shot.clone(), shot_dir.clone(), *continuous);
        let steps = match script.clone() {
            Some(Ok(steps)) => steps,
            Some(Err(error)) => {
                error!("--script: {error}");
                app.add_systems(Startup, |mut exit: MessageWriter<AppExit>| {
                    exit.write(AppExit::from_code(2));
                });
                return;
            }
            None => Vec::new(),
        };
        if continuous || exit_after.is_some() || !steps.is_empty() {
            // Xvfb windows never have focus, and an unfocused reactive app may wait a minute.
            app.insert_resource(Continuous);
        }
        if exit_after.is_none() && steps.is_empty() {
            return;
        }
        app.insert_resource(Run { steps: steps.into(), exit_after, final_shot, shot_dir, ..default() })
            .add_systems(Last, drive)
            .add_observer(|_: On<ScreenshotCaptured>, mut run: ResMut<Run>| {
                run.pending_shots = run.pending_shots.saturating_sub(1);
            });
    }
}

fn shoot(commands: &mut Commands, run: &mut Run, path: PathBuf) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    info!("screenshot {}", path.display());
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path));
    run.pending_shots += 1;
}

fn drive(
    mut commands: Commands,
    mut run: ResMut<Run>,
    window: Query<Entity, With<PrimaryWindow>>,
    mut keys: MessageWriter<KeyboardInput>,
    mut pads: MessageWriter<RawGamepadEvent>,
    mut connections: MessageWriter<GamepadConnectionEvent>,
    mut window_events: MessageWriter<WindowEvent>,
    mut exit: MessageWriter<AppExit>,
    guard: (Option<Res<crate::theme::interaction::Focus>>, Res<Time>),
) {
    let run = &mut *run;
    run.frames += 1;
    // A pressed pad button is released on the next frame, as a thumb would.
    if let (Some(pad), Some(button)) = (run.pad, run.pad_release.take()) {
        pads.write(RawGamepadEvent::Button(RawGamepadButtonChangedEvent::new(pad, button, 0.0)));
        return;
    }
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
            shoot(&mut commands, run, path);
        }
        run.exiting = true;
        return;
    }
    if let Some(until) = run.sleeping_until {
        if std::time::Instant::now() < until {
            return;
        }
        run.sleeping_until = None;
    }
    if run.waiting > 0 {
        run.waiting -= 1;
        return;
    }
    let Ok(window) = window.single() else { return };
    // A screen that just changed takes no keys for a moment (as a person would, the script
    // waits for it to settle before pressing on).
    let (focus, time) = guard;
    if matches!(run.steps.front(), Some(Step::Key(..) | Step::Pad(_) | Step::Click(_)))
        && focus.is_some_and(|f| time.elapsed() < f.guarded_until)
    {
        return;
    }
    let Some(step) = run.steps.pop_front() else {
        if run.exit_after.is_none() {
            run.exiting = true;
        }
        return;
    };
    let press = |key_code: KeyCode, text: Option<String>| {
        let logical_key = match &text {
            Some(t) => Key::Character(t.as_str().into()),
            None => match key_code {
                KeyCode::Enter => Key::Enter,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Escape => Key::Escape,
                _ => Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            },
        };
        let text = text.map(|t| t.as_str().into());
        [ButtonState::Pressed, ButtonState::Released].map(|state| KeyboardInput {
            key_code,
            logical_key: logical_key.clone(),
            state,
            text: if state == ButtonState::Pressed { text.clone() } else { None },
            repeat: false,
            window,
        })
    };
    match step {
        Step::Key(key, text) => {
            keys.write_batch(press(key, text));
        }
        Step::Type(text) => {
            for c in text.chars() {
                let key = if c == ' ' { KeyCode::Space } else { KeyCode::KeyA };
                keys.write_batch(press(key, Some(c.to_string())));
            }
        }
        Step::Wait(frames) => run.waiting = frames,
        Step::Sleep(time) => run.sleeping_until = Some(std::time::Instant::now() + time),
        Step::Pad(button) => match run.pad {
            Some(pad) => {
                pads.write(RawGamepadEvent::Button(RawGamepadButtonChangedEvent::new(pad, button, 1.0)));
                run.pad_release = Some(button);
            }
            None => {
                // Connect a pad the way the gilrs backend does, then press on a later frame.
                let pad = commands.spawn(Name::new("Scripted gamepad")).id();
                let connected =
                    GamepadConnection::Connected { name: "Scripted gamepad".into(), vendor_id: None, product_id: None };
                // As gilrs does: the raw event, and the connection event that adds `Gamepad`.
                let connection = GamepadConnectionEvent::new(pad, connected);
                pads.write(RawGamepadEvent::Connection(connection.clone()));
                connections.write(connection);
                run.pad = Some(pad);
                run.steps.push_front(Step::Pad(button));
                run.waiting = 2;
            }
        },
        Step::Click(position) => {
            // As winit reports them, which is what picking reads: move, then press, then release.
            window_events.write(WindowEvent::CursorMoved(CursorMoved { window, position, delta: None }));
            let steps =
                [Step::Wait(1), Step::Mouse(ButtonState::Pressed), Step::Wait(1), Step::Mouse(ButtonState::Released)];
            for step in steps.into_iter().rev() {
                run.steps.push_front(step);
            }
        }
        Step::Mouse(state) => {
            window_events.write(WindowEvent::MouseButtonInput(MouseButtonInput {
                button: MouseButton::Left,
                state,
                window,
            }));
        }
        Step::Shot(name) => {
            let path = run.shot_dir.join(format!("{name}.png"));
            shoot(&mut commands, run, path);
            // Give the capture a few frames before the next key changes the screen.
            run.waiting = 5;
        }
    }
}
