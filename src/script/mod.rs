//! Scripted input for tests (the `dev` feature): `--script` presses keys, types, clicks,
//! presses buttons of a simulated gamepad and saves screenshots, to test every screen under
//! Xvfb as a person would use it.

mod keys;

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::input::ButtonState;
use bevy::input::gamepad::{
    GamepadButton, GamepadConnection, GamepadConnectionEvent, RawGamepadButtonChangedEvent, RawGamepadEvent,
};
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::mouse::MouseButtonInput;
use bevy::prelude::*;
use bevy::ui::{ComputedNode, UiGlobalTransform};
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

use crate::frame_limit::{MachineArgs, Unattended, count_frames, refuse};
use crate::theme::focus::FocusGuard;

/// One step of a script.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Press and release a key.
    Key(KeyCode, Option<String>),
    /// Press a letter with Ctrl held (`ctrl+v`); Ctrl is let go on the next frame, so the
    /// game sees it held as the letter lands.
    Ctrl(KeyCode, String),
    /// Let go of a key held down.
    KeyUp(KeyCode),
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
    /// Click the middle of the UI node with this `Name` ("Start button"), once it is shown.
    ClickOn(String),
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
                    _ if !point.trim().is_empty() && !point.contains(':') => Ok(Step::ClickOn(point.trim().to_owned())),
                    _ => Err(format!("`{step}`: click takes x:y in pixels, or the name of what to click")),
                };
            }
            if let Some(letter) = step.strip_prefix("ctrl+") {
                return match keys::key_named(letter) {
                    Some(Step::Key(key, Some(text))) => Ok(Step::Ctrl(key, text)),
                    _ => Err(format!("`{step}`: ctrl+ takes a letter")),
                };
            }
            if let Some(name) = step.strip_prefix("pad:") {
                return keys::pad_button(name)
                    .map(Step::Pad)
                    .ok_or_else(|| format!("`{step}`: no such gamepad button"));
            }
            keys::key_named(step).ok_or_else(|| {
                format!(
                    "`{step}` is not a key, wait:N, sleep:MS, text:T, click:X:Y, click:NAME, pad:BUTTON or shot:NAME"
                )
            })
        })
        .collect()
}

/// What is left of the script.
#[derive(Resource, Debug, Default)]
struct Script {
    steps: VecDeque<Step>,
    waiting: u32,
    sleeping_until: Option<std::time::Instant>,
    shot_dir: PathBuf,
    pad: Option<Entity>,
    pad_release: Option<GamepadButton>,
    /// Frames spent looking for what a `click:NAME` names.
    looked: u32,
}

/// How long a `click:NAME` waits for its node to be shown, in frames.
const LOOK_FOR: u32 = 120;

/// The UI nodes shown, by name, where a script can click them.
#[derive(bevy::ecs::system::SystemParam)]
struct Named<'w, 's> {
    nodes: Query<
        'w,
        's,
        (&'static Name, &'static UiGlobalTransform, &'static ComputedNode, &'static InheritedVisibility, Has<Text>),
    >,
    texts: Query<'w, 's, (&'static Text, &'static ComputedNode, &'static InheritedVisibility)>,
}

impl Named<'_, '_> {
    /// The middle of the node called `name`, in logical pixels, if it is shown.
    fn middle_of(&self, name: &str) -> Option<Vec2> {
        self.nodes
            .iter()
            .find(|(n, _, node, seen, _)| n.as_str() == name && seen.get() && node.size() != Vec2::ZERO)
            .map(|(_, at, node, _, _)| at.affine().translation * node.inverse_scale_factor())
    }

    /// Every text shown, in no particular order: what a screen test reads of a shot.
    fn shown(&self) -> Vec<&str> {
        let shown = self.texts.iter().filter(|(_, node, seen)| seen.get() && node.size() != Vec2::ZERO);
        let mut texts: Vec<&str> = shown.map(|(text, ..)| text.0.as_str()).filter(|t| !t.trim().is_empty()).collect();
        texts.sort_unstable();
        texts
    }

    /// The texts shown that run past the edge of a window of `size` (logical pixels): words
    /// a player cannot read, which a screen test should hear of.
    fn cut_off(&self, size: Vec2) -> Vec<String> {
        let mut cut: Vec<String> = self
            .nodes
            .iter()
            .filter(|(_, _, node, seen, text)| *text && seen.get() && node.size() != Vec2::ZERO)
            .filter(|(_, at, node, _, _)| {
                let middle = at.affine().translation * node.inverse_scale_factor();
                let half = node.size() * node.inverse_scale_factor() / 2.0;
                // A pixel of rounding either way is not a cut.
                (middle - half).cmplt(Vec2::splat(-1.0)).any() || (middle + half).cmpgt(size + 1.0).any()
            })
            .map(|(name, ..)| name.to_string())
            .collect();
        cut.sort();
        cut
    }
}

/// The plugin that plays `--script`, saving its screenshots in `--screenshot-dir`; it adds
/// nothing without a script.
pub fn plugin(args: &MachineArgs) -> impl Fn(&mut App) + use<> {
    let (script, shot_dir) = (args.script.clone(), args.screenshot_dir.clone());
    move |app: &mut App| {
        let Some(script) = &script else { return };
        let steps = match parse_script(script) {
            Ok(steps) => steps,
            Err(error) => return refuse(app, &format!("--script: {error}")),
        };
        let shot_dir = shot_dir.clone().unwrap_or_else(|| PathBuf::from("screens-out"));
        app.insert_resource(Script { steps: steps.into(), shot_dir, ..default() })
            .add_systems(Last, drive.after(count_frames));
    }
}

/// The input devices a script plays, as the platform would report them.
#[derive(bevy::ecs::system::SystemParam)]
struct Devices<'w> {
    keys: MessageWriter<'w, KeyboardInput>,
    pads: MessageWriter<'w, RawGamepadEvent>,
    connections: MessageWriter<'w, GamepadConnectionEvent>,
    window_events: MessageWriter<'w, WindowEvent>,
}

fn drive(
    mut commands: Commands,
    mut script: ResMut<Script>,
    mut run: ResMut<Unattended>,
    window: Query<(Entity, &Window), With<PrimaryWindow>>,
    mut devices: Devices,
    guard: (Option<Res<FocusGuard>>, Res<Time>),
    named: Named,
) {
    let script = &mut *script;
    if run.exiting {
        return;
    }
    // A pressed pad button is released on the next frame, as a thumb would.
    if let (Some(pad), Some(button)) = (script.pad, script.pad_release.take()) {
        devices.pads.write(RawGamepadEvent::Button(RawGamepadButtonChangedEvent::new(pad, button, 0.0)));
        return;
    }
    if let Some(until) = script.sleeping_until {
        if std::time::Instant::now() < until {
            return;
        }
        script.sleeping_until = None;
    }
    if script.waiting > 0 {
        script.waiting -= 1;
        return;
    }
    let Ok((window, size)) = window.single() else { return };
    // A screen that just changed takes no keys for a moment (as a person would, the script
    // waits for it to settle before pressing on).
    let (focus, time) = guard;
    if matches!(
        script.steps.front(),
        Some(Step::Key(..) | Step::Ctrl(..) | Step::Pad(_) | Step::Click(_) | Step::ClickOn(_))
    ) && focus.is_some_and(|f| time.elapsed() < f.0)
    {
        return;
    }
    let Some(step) = script.steps.pop_front() else {
        if run.exit_after.is_none() {
            run.exiting = true;
        }
        return;
    };
    match step {
        Step::Key(..) | Step::Ctrl(..) | Step::KeyUp(_) | Step::Type(_) => {
            keys(&mut devices.keys, &mut script.steps, window, step);
        }
        Step::Wait(frames) => script.waiting = frames,
        Step::Sleep(time) => script.sleeping_until = Some(std::time::Instant::now() + time),
        Step::Pad(button) => pad(&mut commands, script, &mut devices, button),
        Step::Click(position) => {
            // As winit reports them, which is what picking reads: move, then press, then release.
            devices.window_events.write(WindowEvent::CursorMoved(CursorMoved { window, position, delta: None }));
            let steps =
                [Step::Wait(1), Step::Mouse(ButtonState::Pressed), Step::Wait(1), Step::Mouse(ButtonState::Released)];
            for step in steps.into_iter().rev() {
                script.steps.push_front(step);
            }
        }
        Step::ClickOn(name) => click_on(script, &named, name),
        Step::Mouse(state) => {
            let button = MouseButtonInput { button: MouseButton::Left, state, window };
            devices.window_events.write(WindowEvent::MouseButtonInput(button));
        }
        Step::Shot(name) => {
            warn_of_cut_words(&named, size.size(), &name);
            info!("--script: shot {name} shows: {}", named.shown().join(" | "));
            run.shoot(&mut commands, script.shot_dir.join(format!("{name}.png")));
            // Give the capture a few frames before the next key changes the screen.
            script.waiting = 5;
        }
    }
}

/// The keyboard's steps: a key, a chord (Ctrl let go on the next frame), a key let go, text.
fn keys(keys: &mut MessageWriter<KeyboardInput>, steps: &mut VecDeque<Step>, window: Entity, step: Step) {
    match step {
        Step::Key(key, text) => {
            keys.write_batch(press(window, key, text));
        }
        Step::Ctrl(key, text) => {
            let [ctrl, _] = press(window, KeyCode::ControlLeft, None);
            keys.write(ctrl);
            keys.write_batch(press(window, key, Some(text)));
            steps.push_front(Step::KeyUp(KeyCode::ControlLeft));
        }
        Step::KeyUp(key) => {
            let [_, up] = press(window, key, None);
            keys.write(up);
        }
        Step::Type(text) => {
            for c in text.chars() {
                let key = if c == ' ' { KeyCode::Space } else { KeyCode::KeyA };
                keys.write_batch(press(window, key, Some(c.to_string())));
            }
        }
        _ => {}
    }
}

/// Names in the log the words of shot `name` that run past the window's edge (the screen
/// test that shot it reads this).
fn warn_of_cut_words(named: &Named, window: Vec2, name: &str) {
    let cut = named.cut_off(window);
    if !cut.is_empty() {
        warn!("--script: shot {name}: cut off at the window's edge: {}", cut.join(", "));
    }
}

/// Clicks the node called `name` once it is shown, looking for it a few frames first.
fn click_on(script: &mut Script, named: &Named, name: String) {
    match named.middle_of(&name) {
        Some(middle) => {
            script.looked = 0;
            script.steps.push_front(Step::Click(middle));
        }
        None if script.looked < LOOK_FOR => {
            script.looked += 1;
            script.steps.push_front(Step::ClickOn(name));
        }
        None => {
            // The screen test that wrote the step sees this in the log, and what it shot.
            error!("--script: nothing called {name:?} is on screen to click");
            script.looked = 0;
        }
    }
}

/// A key pressed and released, with the text it types.
fn press(window: Entity, key_code: KeyCode, text: Option<String>) -> [KeyboardInput; 2] {
    let logical_key = match &text {
        Some(t) => Key::Character(t.as_str().into()),
        None => match key_code {
            KeyCode::Enter => Key::Enter,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Escape => Key::Escape,
            KeyCode::Tab => Key::Tab,
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
}

/// Presses a button of the script's gamepad, connecting one first (as the gilrs backend
/// does) and pressing on a later frame.
fn pad(commands: &mut Commands, script: &mut Script, devices: &mut Devices, button: GamepadButton) {
    if let Some(pad) = script.pad {
        devices.pads.write(RawGamepadEvent::Button(RawGamepadButtonChangedEvent::new(pad, button, 1.0)));
        script.pad_release = Some(button);
        return;
    }
    let pad = commands.spawn(Name::new("Scripted gamepad")).id();
    let connected = GamepadConnection::Connected { name: "Scripted gamepad".into(), vendor_id: None, product_id: None };
    // As gilrs does: the raw event, and the connection event that adds `Gamepad`.
    let connection = GamepadConnectionEvent::new(pad, connected);
    devices.pads.write(RawGamepadEvent::Connection(connection.clone()));
    devices.connections.write(connection);
    script.pad = Some(pad);
    script.steps.push_front(Step::Pad(button));
    script.waiting = 2;
}
