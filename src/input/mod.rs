//! Keys and gamepads become actions: menu navigation, app commands, and answers for the core.
//! The mapping is plain functions, so tests check every key without a window.

pub mod context;
pub mod gamepad;
pub mod keyboard;
pub mod lifeline_menu;
pub mod ordering;
pub mod seats;
pub mod text_entry;

use bevy::prelude::*;

pub use context::{InputContext, TakesText};

/// Moving around menus and confirming, from any input device.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavAction {
    /// Previous item.
    Up,
    /// Next item.
    Down,
    /// Decrease a value, or previous item in a row.
    Left,
    /// Increase a value, or next item in a row.
    Right,
    /// Activate the focused item.
    Confirm,
    /// Go back (or pause, in a game).
    Back,
    /// Pause the game (gamepad Start).
    Pause,
    /// Enter while typing an answer: submit the text (it does not press the focused button).
    Submit,
}

/// Commands that work on every screen.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppCommand {
    /// F11.
    ToggleFullscreen,
    /// Ctrl+Q.
    Quit,
    /// M.
    ToggleMute,
    /// F1: the host's panel, open or closed.
    HostPanel,
    /// F2: the host reveals the answer now.
    RevealNow,
    /// F3: the host skips the question.
    SkipQuestion,
    /// F4: the host ends the game, with results.
    EndGame,
    /// F6: flag the question on screen as wrong, for the pack's author.
    FlagQuestion,
    /// F5: the host panel shows the host remote's code for a few seconds.
    ShowHostCode,
    /// F7: the question's sound again.
    HearAgain,
}

/// Keyboard and gamepad mapping; runs headless too (tests write `KeyboardInput` themselves).
pub fn plugin(app: &mut App) {
    // The messages read here are Bevy's input plugin's; registering them too (a no-op when it
    // already has) lets the mapping run headless in tests.
    app.add_message::<bevy::input::keyboard::KeyboardInput>()
        .add_message::<bevy::input::keyboard::KeyboardFocusLost>()
        .add_message::<NavAction>()
        .add_message::<AppCommand>()
        .add_message::<seats::JoinRequest>()
        .add_plugins((context::plugin, keyboard::plugin, gamepad::plugin, seats::plugin, lifeline_menu::plugin));
}
