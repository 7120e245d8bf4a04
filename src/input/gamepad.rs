//! Gamepad mapping: d-pad or stick move, South confirms, East goes back, Start pauses;
//! on a question, the face buttons answer directly. Gamepads join as players in the order
//! they were connected; a missing gamepad is simply not a player's buzzer.

use bevy::input::gamepad::{Gamepad, GamepadButton};
use bevy::prelude::*;

use super::lifeline_menu::{MenuInput, MenuPress, menu_keys};
use super::seats::{GamepadSeats, JoinRequest};
use super::{InputContext, NavAction};
use crate::game::Party;
use crate::game::wager::SHARES;
use crate::game::{BuzzIn, Device, GameSettings, GameSystems, PlaceBet, PlayerAction, Response, Seat, Stake};

/// Buttons for answer tiles 1-6: the face buttons, labelled A, B, X, Y as on most pads, then
/// the bumpers for packs with five or six options.
pub const ANSWER_BUTTONS: [GamepadButton; 6] = [
    GamepadButton::South,
    GamepadButton::East,
    GamepadButton::West,
    GamepadButton::North,
    GamepadButton::LeftTrigger,
    GamepadButton::RightTrigger,
];

/// Labels of [`ANSWER_BUTTONS`] shown on the tiles.
pub const ANSWER_LABELS: [&str; 6] = ["A", "B", "X", "Y", "LB", "RB"];

/// Menu navigation of a button.
pub fn nav_for_button(button: GamepadButton) -> Option<NavAction> {
    Some(match button {
        GamepadButton::DPadUp => NavAction::Up,
        GamepadButton::DPadDown => NavAction::Down,
        GamepadButton::DPadLeft => NavAction::Left,
        GamepadButton::DPadRight => NavAction::Right,
        GamepadButton::South => NavAction::Confirm,
        GamepadButton::East => NavAction::Back,
        GamepadButton::Start => NavAction::Pause,
        _ => return None,
    })
}

/// The option a face button answers with, on a question with `count` options.
pub fn answer_for_button(button: GamepadButton, count: usize) -> Option<usize> {
    ANSWER_BUTTONS.iter().position(|b| *b == button).filter(|option| *option < count)
}

/// Stick deflection that counts as a press.
const STICK_THRESHOLD: f32 = 0.6;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GamepadSeats>().add_systems(
        Update,
        // After the keys, so that presses of one frame keep one order (who joined first).
        (seat_gamepads, read_gamepads)
            .chain()
            .in_set(GameSystems::Input)
            .after(super::context::DeriveContext)
            .after(super::keyboard::read_keys),
    );
}

fn seat_gamepads(
    connected: Query<Entity, Added<Gamepad>>,
    present: Query<(), With<Gamepad>>,
    mut seats: ResMut<GamepadSeats>,
    mut party: ResMut<GameSettings>,
) {
    for seat in seats.0.iter_mut() {
        if let Some(pad) = seat.filter(|pad| !present.contains(*pad)) {
            info!("a gamepad was disconnected: its seat waits for the next pad");
            party.players.pad_left(pad);
            *seat = None;
        }
    }
    for pad in &connected {
        match seats.0.iter_mut().find(|seat| seat.is_none()) {
            Some(free) => *free = Some(pad),
            None => seats.0.push(Some(pad)),
        }
        if let Some(seat) = party.players.pad_arrived(pad) {
            info!("a gamepad took seat {} back", seat + 1);
        }
    }
}

/// What a pad's press can turn into.
#[derive(bevy::ecs::system::SystemParam)]
struct PadPresses<'w> {
    nav: MessageWriter<'w, NavAction>,
    answers: MessageWriter<'w, PlayerAction>,
    buzzes: MessageWriter<'w, BuzzIn>,
    bets: MessageWriter<'w, PlaceBet>,
    menus: MenuInput<'w>,
}

impl PadPresses<'_> {
    /// `button` pressed on a pad that plays for `player` (`None`: unseated).
    fn press(&mut self, button: GamepadButton, player: Option<usize>, context: InputContext) {
        // Solo: every pad plays for the one player.
        let solo = matches!(context, InputContext::Options { party: false, .. } | InputContext::Wager { party: false });
        let player = if solo { Some(0) } else { player };
        let press = if button == GamepadButton::Select {
            Some(MenuPress::Toggle(player))
        } else {
            answer_for_button(button, ANSWER_BUTTONS.len()).map(|index| MenuPress::Pick { player, index })
        };
        if menu_keys(context).is_some()
            && let Some(press) = press
            && self.menus.press(press, Device::Gamepad)
        {
            return;
        }
        if context == InputContext::Buzzers && answer_for_button(button, ANSWER_BUTTONS.len()).is_some() {
            if let Some(player) = player {
                self.buzzes.write(BuzzIn { player, device: Device::Gamepad });
            }
            return;
        }
        if let InputContext::Wager { .. } = context
            && let Some(share) = answer_for_button(button, SHARES.len())
        {
            if let Some(player) = player {
                self.bets.write(PlaceBet { player, stake: Stake::Share(SHARES[share]), device: Device::Gamepad });
            }
            return;
        }
        if let InputContext::Options { count, .. } = context
            && let Some(option) = answer_for_button(button, count)
        {
            if let Some(player) = player {
                let response = Response::Option(option);
                self.answers.write(PlayerAction { player, response, device: Device::Gamepad });
            }
            return;
        }
        if let Some(action) = nav_for_button(button) {
            self.nav.write(action);
        }
    }
}

fn read_gamepads(
    gamepads: Query<(Entity, &Gamepad)>,
    seats: Res<GamepadSeats>,
    party: Res<GameSettings>,
    context: Res<InputContext>,
    mut joins: MessageWriter<JoinRequest>,
    mut stick_held: Local<Vec<(Entity, IVec2)>>,
    mut presses: PadPresses,
) {
    for (entity, gamepad) in &gamepads {
        if *context == InputContext::Joining
            && !party.players.has_seat(Seat::Pad(Some(entity)))
            && gamepad.just_pressed(GamepadButton::South)
        {
            joins.write(JoinRequest::device(Seat::Pad(Some(entity))));
            continue;
        }
        // Unseated pads still move around menus; they answer for nobody.
        let player = party.players.player_for_pad(entity, seats.seat(entity));
        for button in gamepad.get_just_pressed() {
            presses.press(*button, player, *context);
        }
        // The stick moves focus once per deflection, like a d-pad press.
        let stick = gamepad.left_stick();
        let direction = IVec2::new(
            i32::from(stick.x > STICK_THRESHOLD) - i32::from(stick.x < -STICK_THRESHOLD),
            i32::from(stick.y > STICK_THRESHOLD) - i32::from(stick.y < -STICK_THRESHOLD),
        );
        let previous = match stick_held.iter_mut().find(|(e, _)| *e == entity) {
            Some((_, held)) => std::mem::replace(held, direction),
            None => {
                stick_held.push((entity, direction));
                IVec2::ZERO
            }
        };
        if direction != previous && direction != IVec2::ZERO {
            let action = match (direction.x, direction.y) {
                (_, 1) => NavAction::Up,
                (_, -1) => NavAction::Down,
                (-1, _) => NavAction::Left,
                _ => NavAction::Right,
            };
            presses.nav.write(action);
        }
    }
}
