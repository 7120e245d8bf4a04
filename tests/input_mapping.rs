//! Keys and gamepad buttons become the right core action for the right player.

use bevy::input::ButtonState;
use bevy::input::gamepad::{Gamepad, GamepadButton};
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bigtuna::game::{PlayerAction, Response};
use bigtuna::input::gamepad::{answer_for_button, nav_for_button};
use bigtuna::input::keyboard::{PARTY_ROWS, answer_for_key, app_command_for_key, nav_for_key};
use bigtuna::input::{AppCommand, InputContext, NavAction};

#[test]
fn solo_keys_answer_for_player_one() {
    let keys = [
        (KeyCode::Digit1, 0),
        (KeyCode::Digit2, 1),
        (KeyCode::Digit3, 2),
        (KeyCode::Digit4, 3),
        (KeyCode::KeyA, 0),
        (KeyCode::KeyB, 1),
        (KeyCode::KeyC, 2),
        (KeyCode::KeyD, 3),
        (KeyCode::Numpad3, 2),
        (KeyCode::Digit6, 5),
        (KeyCode::KeyE, 4),
    ];
    for (key, option) in keys {
        assert_eq!(answer_for_key(key, 6, false), Some((0, option)), "{key:?}");
    }
    assert_eq!(answer_for_key(KeyCode::Digit3, 2, false), None, "true/false has two options");
    assert_eq!(answer_for_key(KeyCode::KeyQ, 4, false), None);
}

#[test]
fn party_rows_answer_for_their_player() {
    for (player, row) in PARTY_ROWS.iter().enumerate() {
        for (option, key) in row.iter().enumerate() {
            assert_eq!(answer_for_key(*key, 6, true), Some((player, option)), "{key:?}");
        }
    }
    assert_eq!(answer_for_key(KeyCode::KeyB, 6, true), Some((3, 4)), "B is player 4's fifth key");
    assert_eq!(answer_for_key(KeyCode::KeyB, 4, true), None, "no fifth option on this question");
    assert_eq!(answer_for_key(KeyCode::KeyU, 6, true), None, "U is no party key");
}

#[test]
fn navigation_and_app_keys() {
    assert_eq!(nav_for_key(KeyCode::Enter), Some(NavAction::Confirm));
    assert_eq!(nav_for_key(KeyCode::Space), Some(NavAction::Confirm));
    assert_eq!(nav_for_key(KeyCode::Escape), Some(NavAction::Back));
    assert_eq!(nav_for_key(KeyCode::ArrowLeft), Some(NavAction::Left));
    assert_eq!(nav_for_key(KeyCode::KeyX), None);
    assert_eq!(app_command_for_key(KeyCode::F11, false, false), Some(AppCommand::ToggleFullscreen));
    assert_eq!(app_command_for_key(KeyCode::KeyQ, true, false), Some(AppCommand::Quit));
    assert_eq!(app_command_for_key(KeyCode::KeyQ, false, false), None);
    assert_eq!(app_command_for_key(KeyCode::KeyM, false, false), Some(AppCommand::ToggleMute));
    assert_eq!(app_command_for_key(KeyCode::KeyM, false, true), None, "M is a letter while typing");
}

#[test]
fn gamepad_buttons() {
    assert_eq!(nav_for_button(GamepadButton::South), Some(NavAction::Confirm));
    assert_eq!(nav_for_button(GamepadButton::East), Some(NavAction::Back));
    assert_eq!(nav_for_button(GamepadButton::Start), Some(NavAction::Pause));
    assert_eq!(nav_for_button(GamepadButton::DPadDown), Some(NavAction::Down));
    let buttons = [
        GamepadButton::South,
        GamepadButton::East,
        GamepadButton::West,
        GamepadButton::North,
        GamepadButton::LeftTrigger,
        GamepadButton::RightTrigger,
    ];
    for (option, button) in buttons.into_iter().enumerate() {
        assert_eq!(answer_for_button(button, 6), Some(option));
    }
    assert_eq!(answer_for_button(GamepadButton::West, 2), None);
}

fn input_app(context: InputContext) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_message::<KeyboardInput>();
    app.add_plugins((bigtuna::game::plugin, bigtuna::input::plugin));
    app.update();
    // Set here as a screen would have it (the context is derived only when what it follows
    // changes, and nothing does in these tests).
    app.insert_resource(context);
    app
}

fn actions(app: &App) -> Vec<PlayerAction> {
    let messages = app.world().resource::<Messages<PlayerAction>>();
    messages.iter_current_update_messages().cloned().collect()
}

fn press(app: &mut App, key: KeyCode) {
    key_event(app, key, ButtonState::Pressed);
}

fn key_event(app: &mut App, key: KeyCode, state: ButtonState) {
    app.world_mut().write_message(KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
}

#[test]
fn key_presses_in_one_frame_keep_their_order() {
    let mut app = input_app(InputContext::Options { count: 4, party: true });
    press(&mut app, KeyCode::KeyE);
    press(&mut app, KeyCode::Digit4);
    press(&mut app, KeyCode::KeyZ);
    app.update();
    let got: Vec<(usize, Response)> = actions(&app).into_iter().map(|a| (a.player, a.response)).collect();
    assert_eq!(got, vec![(1, Response::Option(2)), (0, Response::Option(3)), (3, Response::Option(0))]);
}

#[test]
fn gamepads_are_players_in_connection_order() {
    let mut app = input_app(InputContext::Options { count: 4, party: true });
    let first = app.world_mut().spawn(Gamepad::default()).id();
    let second = app.world_mut().spawn(Gamepad::default()).id();
    app.world_mut().get_mut::<Gamepad>(second).expect("pad").digital_mut().press(GamepadButton::North);
    app.world_mut().get_mut::<Gamepad>(first).expect("pad").digital_mut().press(GamepadButton::East);
    app.update();
    let mut got: Vec<(usize, Response)> = actions(&app).into_iter().map(|a| (a.player, a.response)).collect();
    got.sort_by_key(|(p, _)| *p);
    assert_eq!(got, vec![(0, Response::Option(1)), (1, Response::Option(3))]);
    // The first pad drops out: the second keeps its seat, a new pad takes the free one.
    app.world_mut().despawn(first);
    app.update();
    let third = app.world_mut().spawn(Gamepad::default()).id();
    app.update();
    let seats = app.world().resource::<bigtuna::input::seats::GamepadSeats>();
    assert_eq!((seats.seat(third), seats.seat(second)), (Some(0), Some(1)));
}

#[test]
fn in_menus_keys_navigate_and_do_not_answer() {
    let mut app = input_app(InputContext::Menu);
    press(&mut app, KeyCode::Digit1);
    press(&mut app, KeyCode::Enter);
    app.update();
    assert!(actions(&app).is_empty());
    let nav: Vec<NavAction> =
        app.world().resource::<Messages<NavAction>>().iter_current_update_messages().copied().collect();
    assert_eq!(nav, vec![NavAction::Confirm]);
}

#[test]
fn while_typing_enter_submits_and_letters_are_text() {
    let mut app = input_app(InputContext::TextEntry);
    press(&mut app, KeyCode::KeyM);
    press(&mut app, KeyCode::Space);
    press(&mut app, KeyCode::Enter);
    app.update();
    let nav: Vec<NavAction> =
        app.world().resource::<Messages<NavAction>>().iter_current_update_messages().copied().collect();
    assert_eq!(nav, vec![NavAction::Submit], "Enter submits; M and Space are text");
    let commands = app.world().resource::<Messages<AppCommand>>().iter_current_update_messages().count();
    assert_eq!(commands, 0, "M does not mute while typing");
}

#[test]
fn a_quick_ctrl_q_within_one_frame_quits_and_a_lone_q_does_not() {
    let mut app = input_app(InputContext::Menu);
    key_event(&mut app, KeyCode::KeyQ, ButtonState::Pressed);
    key_event(&mut app, KeyCode::ControlLeft, ButtonState::Pressed);
    key_event(&mut app, KeyCode::KeyQ, ButtonState::Pressed);
    key_event(&mut app, KeyCode::KeyQ, ButtonState::Released);
    key_event(&mut app, KeyCode::ControlLeft, ButtonState::Released);
    key_event(&mut app, KeyCode::KeyQ, ButtonState::Pressed);
    app.update();
    let commands: Vec<AppCommand> =
        app.world().resource::<Messages<AppCommand>>().iter_current_update_messages().copied().collect();
    assert_eq!(commands, vec![AppCommand::Quit], "only the Q pressed while Ctrl was down");
}

#[test]
fn held_keys_repeat_only_for_arrows() {
    let mut app = input_app(InputContext::Menu);
    for key in [KeyCode::F11, KeyCode::KeyM, KeyCode::ArrowDown] {
        app.world_mut().write_message(KeyboardInput {
            key_code: key,
            logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            state: ButtonState::Pressed,
            text: None,
            repeat: true,
            window: Entity::PLACEHOLDER,
        });
    }
    app.update();
    let commands = app.world().resource::<Messages<AppCommand>>().iter_current_update_messages().count();
    let nav: Vec<NavAction> =
        app.world().resource::<Messages<NavAction>>().iter_current_update_messages().copied().collect();
    assert_eq!(commands, 0, "holding F11 or M does not toggle again and again");
    assert_eq!(nav, vec![NavAction::Down], "holding an arrow keeps moving");
}

#[test]
fn joined_seats_decide_who_a_row_or_pad_answers_for() {
    use bigtuna::game::Seat;
    use bigtuna::input::seats::JoinRequest;

    use crate::support::{seat, seats};
    let mut app = input_app(InputContext::Joining);
    let pad = app.world_mut().spawn(Gamepad::default()).id();
    app.update();
    press(&mut app, KeyCode::KeyA);
    press(&mut app, KeyCode::Digit2);
    app.world_mut().get_mut::<Gamepad>(pad).expect("pad").digital_mut().press(GamepadButton::South);
    app.update();
    let joins: Vec<JoinRequest> =
        app.world().resource::<Messages<JoinRequest>>().iter_current_update_messages().cloned().collect();
    assert_eq!(
        joins,
        [JoinRequest::device(Seat::Keys(2)), JoinRequest::device(Seat::Pad(Some(pad)))],
        "first keys and South join"
    );
    // Seated in that order, with row 0 third: each answers for its own seat.
    seat(&mut app, [Seat::Keys(2), Seat::Pad(Some(pad)), Seat::Keys(0)]);
    app.world_mut().insert_resource(InputContext::Options { count: 4, party: true });
    app.world_mut().get_mut::<Gamepad>(pad).expect("pad").digital_mut().reset_all();
    app.update();
    press(&mut app, KeyCode::KeyS);
    press(&mut app, KeyCode::Digit3);
    press(&mut app, KeyCode::KeyW);
    app.world_mut().get_mut::<Gamepad>(pad).expect("pad").digital_mut().press(GamepadButton::North);
    app.update();
    let got: Vec<(usize, Response)> = actions(&app).into_iter().map(|a| (a.player, a.response)).collect();
    assert_eq!(
        got,
        [(0, Response::Option(1)), (2, Response::Option(2)), (1, Response::Option(3))],
        "row 2 is player 1, row 0 player 3, row 1 nobody, the pad player 2"
    );
    // The pad drops out: its seat waits; the next pad takes it back.
    app.world_mut().despawn(pad);
    app.update();
    assert_eq!(seats(&app)[1], Some(Seat::Pad(None)));
    let again = app.world_mut().spawn(Gamepad::default()).id();
    app.update();
    assert_eq!(seats(&app)[1], Some(Seat::Pad(Some(again))), "a new pad takes the seat back");
}

/// Which focusable items were activated, in order.
#[derive(Resource, Default)]
struct Activated(Vec<Entity>);

/// A press meant for the question as its time ran out (here: Down, then Enter) must not act
/// on the screen that replaced it; a press after a moment does.
#[test]
fn keys_pressed_as_the_screen_changes_do_not_act_on_the_next() {
    use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
    use bigtuna::game::Screen;
    use bigtuna::theme::focus::SCREEN_GUARD;
    let frame = std::time::Duration::from_millis(50);
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(frame));
    app.insert_resource(bigtuna::pack::PackLibrary::default());
    app.insert_resource(bigtuna::game::GameSettings::default());
    // The pointer's messages are the window's; headless, the test registers them.
    app.add_message::<bevy::window::CursorMoved>();
    app.add_plugins((bigtuna::game::plugin, bigtuna::input::plugin, bigtuna::theme::focus::plugin));
    app.init_resource::<Activated>();
    app.add_observer(|activate: On<bigtuna::theme::focus::Activate>, mut seen: ResMut<Activated>| {
        seen.0.push(activate.entity);
    });
    let screen = app.world_mut().spawn(TabGroup::new(0)).id();
    let first = app.world_mut().spawn((TabIndex(0), ChildOf(screen))).id();
    let second = app.world_mut().spawn((TabIndex(1), ChildOf(screen))).id();
    for _ in 0..10 {
        app.update();
    }
    app.world_mut().write_message(NavAction::Confirm);
    app.update();
    assert_eq!(app.world().resource::<Activated>().0, vec![first], "a press on a settled screen acts");

    // The screen changes, and in that very frame the keys meant for the old one arrive.
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.world_mut().write_message(NavAction::Down);
    app.world_mut().write_message(NavAction::Confirm);
    app.update();
    app.world_mut().write_message(NavAction::Confirm);
    app.update();
    assert_eq!(app.world().resource::<Activated>().0, vec![first], "presses within the guard do nothing");

    let frames = SCREEN_GUARD.as_millis() / frame.as_millis() + 1;
    for _ in 0..frames {
        app.update();
    }
    app.world_mut().write_message(NavAction::Confirm);
    app.update();
    assert_eq!(
        app.world().resource::<Activated>().0,
        vec![first, first],
        "after the guard a press acts, on the first item (the Down was not taken)"
    );
    assert!(!app.world().resource::<Activated>().0.contains(&second), "the focus never moved to the second");
}

/// A party tile lists each row's own key for it, as the keycaps read.
#[test]
fn each_party_row_reads_its_own_key_for_a_tile() {
    use bigtuna::input::keyboard::key_label;
    let first: Vec<String> = PARTY_ROWS.iter().map(|row| key_label(row[0])).collect();
    assert_eq!(first, ["1", "Q", "A", "Z"]);
    let fourth: Vec<String> = PARTY_ROWS.iter().map(|row| key_label(row[3])).collect();
    assert_eq!(fourth, ["4", "R", "F", "V"]);
}
