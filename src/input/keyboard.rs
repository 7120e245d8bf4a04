//! Keyboard mapping. Solo: 1-6 or A-F answer, Tab opens the lifelines. Party: one row of
//! keys per player (1-6, Q-Y, A-H, Z-N), so four people can buzz on one keyboard, and the
//! key after each row (7, U, J, M) opens that player's lifelines.

use bevy::input::ButtonState;
use bevy::input::keyboard::{KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

use super::lifeline_menu::{LIFELINE_KEYS, MenuInput, MenuPress, menu_keys};
use super::seats::JoinRequest;
use super::{AppCommand, InputContext, NavAction};
use crate::game::Party;
use crate::game::wager::SHARES;
use crate::game::{BuzzIn, Device, GameSettings, GameSystems, PlaceBet, PlayerAction, Response, Seat, Stake};

/// The answer rows of party play, one per keyboard player.
pub const PARTY_ROWS: [[KeyCode; 6]; 4] = [
    [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3, KeyCode::Digit4, KeyCode::Digit5, KeyCode::Digit6],
    [KeyCode::KeyQ, KeyCode::KeyW, KeyCode::KeyE, KeyCode::KeyR, KeyCode::KeyT, KeyCode::KeyY],
    [KeyCode::KeyA, KeyCode::KeyS, KeyCode::KeyD, KeyCode::KeyF, KeyCode::KeyG, KeyCode::KeyH],
    [KeyCode::KeyZ, KeyCode::KeyX, KeyCode::KeyC, KeyCode::KeyV, KeyCode::KeyB, KeyCode::KeyN],
];

/// A party key as its keycap reads: `Digit1` is "1", `KeyQ` is "Q".
pub fn key_label(key: KeyCode) -> String {
    let name = format!("{key:?}");
    name.strip_prefix("Digit").or_else(|| name.strip_prefix("Key")).unwrap_or(&name).to_owned()
}

/// Menu navigation of a key.
pub fn nav_for_key(key: KeyCode) -> Option<NavAction> {
    Some(match key {
        KeyCode::ArrowUp => NavAction::Up,
        KeyCode::ArrowDown => NavAction::Down,
        KeyCode::ArrowLeft => NavAction::Left,
        KeyCode::ArrowRight => NavAction::Right,
        KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Space => NavAction::Confirm,
        KeyCode::Escape => NavAction::Back,
        _ => return None,
    })
}

/// App-wide command of a key; `ctrl` is whether Ctrl is held, `typing` whether letters are text.
pub fn app_command_for_key(key: KeyCode, ctrl: bool, typing: bool) -> Option<AppCommand> {
    match key {
        KeyCode::F11 => Some(AppCommand::ToggleFullscreen),
        // The host's keys: no player's row uses the F-keys.
        KeyCode::F1 => Some(AppCommand::HostPanel),
        KeyCode::F2 => Some(AppCommand::RevealNow),
        KeyCode::F3 => Some(AppCommand::SkipQuestion),
        KeyCode::F4 => Some(AppCommand::EndGame),
        KeyCode::F5 => Some(AppCommand::ShowHostCode),
        KeyCode::F6 => Some(AppCommand::FlagQuestion),
        KeyCode::F7 => Some(AppCommand::HearAgain),
        KeyCode::KeyQ if ctrl => Some(AppCommand::Quit),
        KeyCode::KeyM if !ctrl && !typing => Some(AppCommand::ToggleMute),
        // Always mutes: M is row four's lifeline key while a question is open.
        KeyCode::F8 => Some(AppCommand::ToggleMute),
        _ => None,
    }
}

/// The (player, option) a key answers with, on a question with `count` options.
pub fn answer_for_key(key: KeyCode, count: usize, party: bool) -> Option<(usize, usize)> {
    let (player, option) = if party {
        PARTY_ROWS
            .iter()
            .enumerate()
            .find_map(|(player, row)| row.iter().position(|k| *k == key).map(|option| (player, option)))?
    } else {
        let option = match key {
            KeyCode::Digit1 | KeyCode::Numpad1 | KeyCode::KeyA => 0,
            KeyCode::Digit2 | KeyCode::Numpad2 | KeyCode::KeyB => 1,
            KeyCode::Digit3 | KeyCode::Numpad3 | KeyCode::KeyC => 2,
            KeyCode::Digit4 | KeyCode::Numpad4 | KeyCode::KeyD => 3,
            KeyCode::Digit5 | KeyCode::Numpad5 | KeyCode::KeyE => 4,
            KeyCode::Digit6 | KeyCode::Numpad6 | KeyCode::KeyF => 5,
            _ => return None,
        };
        (0, option)
    };
    (option < count).then_some((player, option))
}

/// What a key means to the lifeline menus, where keys answer a question.
fn menu_press(key: KeyCode, context: InputContext, settings: &GameSettings) -> Option<MenuPress> {
    let party = menu_keys(context)?;
    if key == KeyCode::Tab {
        return Some(MenuPress::Screen);
    }
    if party && let Some(row) = LIFELINE_KEYS.iter().position(|k| *k == key) {
        return Some(MenuPress::Toggle(settings.players.player_for_row(row)));
    }
    let (row, index) = answer_for_key(key, PARTY_ROWS[0].len(), party)?;
    let player = if party { settings.players.player_for_row(row) } else { Some(0) };
    Some(MenuPress::Pick { player, index })
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, read_keys.in_set(GameSystems::Input).after(super::context::DeriveContext));
}

pub(super) fn read_keys(
    mut keys: MessageReader<KeyboardInput>,
    mut ctrl: Local<[bool; 2]>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    context: Res<InputContext>,
    mut nav: MessageWriter<NavAction>,
    mut commands: MessageWriter<AppCommand>,
    mut answers: MessageWriter<PlayerAction>,
    mut buzzes: MessageWriter<BuzzIn>,
    mut bets: MessageWriter<PlaceBet>,
    mut joins: MessageWriter<JoinRequest>,
    settings: Res<GameSettings>,
    mut menus: MenuInput,
) {
    let typing = *context == InputContext::TextEntry;
    // Messages keep the order of presses within a frame: who buzzed first counts, and Ctrl
    // is followed press by press (a quick Ctrl+Q can start and end within one frame).
    if focus_lost.read().count() > 0 {
        // Keys released while the window was away never arrive: start from nothing held.
        *ctrl = [false; 2];
    }
    for key in keys.read() {
        let pressed = key.state == ButtonState::Pressed;
        match key.key_code {
            KeyCode::ControlLeft => ctrl[0] = pressed,
            KeyCode::ControlRight => ctrl[1] = pressed,
            _ => {}
        }
        if !pressed {
            continue;
        }
        // A held key repeats: only the arrows should act on that (holding F11 must not flicker).
        if key.repeat
            && !matches!(key.key_code, KeyCode::ArrowUp | KeyCode::ArrowDown | KeyCode::ArrowLeft | KeyCode::ArrowRight)
        {
            continue;
        }
        // Before the app's keys: row four's lifeline key is M, which mutes where it is not.
        if let Some(press) = menu_press(key.key_code, *context, &settings)
            && menus.press(press, Device::Keyboard)
        {
            continue;
        }
        if let Some(command) = app_command_for_key(key.key_code, ctrl[0] || ctrl[1], typing) {
            commands.write(command);
            continue;
        }
        if *context == InputContext::Joining
            && let Some(row) = PARTY_ROWS.iter().position(|row| row[0] == key.key_code)
        {
            joins.write(JoinRequest::device(Seat::Keys(row)));
            continue;
        }
        if *context == InputContext::Buzzers
            && let Some((row, _)) = answer_for_key(key.key_code, PARTY_ROWS[0].len(), true)
        {
            if let Some(player) = settings.players.player_for_row(row) {
                buzzes.write(BuzzIn { player, device: Device::Keyboard });
            }
            continue;
        }
        if let InputContext::Wager { party } = *context
            && let Some((row, share)) = answer_for_key(key.key_code, SHARES.len(), party)
        {
            if let Some(player) = if party { settings.players.player_for_row(row) } else { Some(0) } {
                bets.write(PlaceBet { player, stake: Stake::Share(SHARES[share]), device: Device::Keyboard });
            }
            continue;
        }
        if let InputContext::Options { count, party } = *context
            && let Some((row, option)) = answer_for_key(key.key_code, count, party)
        {
            // A row nobody joined with answers for nobody.
            if let Some(player) = if party { settings.players.player_for_row(row) } else { Some(0) } {
                answers.write(PlayerAction { player, response: Response::Option(option), device: Device::Keyboard });
            }
            continue;
        }
        // While typing, Space is a character and Enter submits the text.
        if typing && key.key_code == KeyCode::Space {
            continue;
        }
        if typing && matches!(key.key_code, KeyCode::Enter | KeyCode::NumpadEnter) {
            nav.write(NavAction::Submit);
            continue;
        }
        if let Some(action) = nav_for_key(key.key_code) {
            nav.write(action);
        }
    }
}
