//! The names a script gives keys and gamepad buttons.

use bevy::input::gamepad::GamepadButton;
use bevy::prelude::*;

use super::Step;

/// A gamepad button by its script name (`south`, `up`, `start`).
pub(super) fn pad_button(name: &str) -> Option<GamepadButton> {
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
        "select" => GamepadButton::Select,
        "lb" => GamepadButton::LeftTrigger,
        "rb" => GamepadButton::RightTrigger,
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

/// A key by its script name (`enter`, `f1`, a digit or a letter), as a step that presses it.
pub(super) fn key_named(name: &str) -> Option<Step> {
    let key = match name.to_ascii_lowercase().as_str() {
        "enter" => KeyCode::Enter,
        "space" => KeyCode::Space,
        "tab" => KeyCode::Tab,
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
        "f5" => KeyCode::F5,
        "f6" => KeyCode::F6,
        "f7" => KeyCode::F7,
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
