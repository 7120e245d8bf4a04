//! The title's "Play a challenge": a friend's code, typed or pasted (Ctrl+V), played at Enter.
//! A code that cannot be played says why under the menu, and stays to be mended.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use crate::challenge::{ChallengeProblem, PlayChallenge};
use crate::game::{GameSystems, Screen};
use crate::input::text_entry::type_line;
use crate::input::{NavAction, TakesText};
use crate::persist::UserSettings;
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, rem};

/// Longest code typed: a game of a hundred questions from the most packs, with dashes.
const CODE_LENGTH: usize = 8000;

/// The code being typed; `None` while the button is just a button.
#[derive(Resource, Debug, Default)]
struct Typing(Option<String>);

/// The title's button.
#[derive(Component)]
struct ChallengeButton;

/// The line under the menu: the code so far, and why it was refused.
#[derive(Component)]
struct ChallengeNote;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typing>()
        .add_systems(OnEnter(Screen::Title), open_if_refused)
        .add_systems(OnExit(Screen::Title), |mut typing: ResMut<Typing>, mut commands: Commands| {
            typing.0 = None;
            commands.remove_resource::<ChallengeProblem>();
        })
        .add_systems(Update, (type_code, show).chain().run_if(in_state(Screen::Title)).in_set(GameSystems::Screens));
}

/// The button, at `order` in the menu.
pub(super) fn button(order: usize, fonts: &Fonts) -> impl Bundle {
    (ChallengeButton, TakesText::default(), widgets::button("Play a challenge", order, fonts, begin))
}

/// The note's place, under the menu (hidden until a code is typed): the code so far, and
/// why it was refused.
pub(super) fn note(fonts: &Fonts) -> impl Bundle {
    (
        Name::new("Challenge note"),
        ChallengeNote,
        Node {
            display: Display::None,
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            max_width: percent(85),
            margin: UiRect::top(rem(0.5)),
            ..default()
        },
        children![
            (CodeLine, widgets::text("", 1.1, palette::TEXT, &fonts.regular), TextLayout::justify(Justify::Center)),
            (WhyLine, widgets::text("", 1.1, palette::ACCENT, &fonts.regular), TextLayout::justify(Justify::Center)),
        ],
    )
}

/// The code as typed.
#[derive(Component)]
struct CodeLine;

/// Why the code was refused.
#[derive(Component)]
struct WhyLine;

/// The button opens the field; pressed again (a click, or a pad's South: no keyboard needed)
/// it pastes the clipboard into an empty field, and plays a field with a code in it.
fn begin(
    _: On<Activate>,
    mut commands: Commands,
    mut typing: ResMut<Typing>,
    user: Option<Res<UserSettings>>,
    mut play: MessageWriter<PlayChallenge>,
) {
    match typing.0.as_mut() {
        None => typing.0 = Some(String::new()),
        Some(code) if code.trim().is_empty() => match super::clipboard::paste() {
            Ok(text) => {
                *code = text.chars().filter(|c| !c.is_control()).take(CODE_LENGTH).collect();
                commands.remove_resource::<ChallengeProblem>();
            }
            Err(why) => commands.insert_resource(ChallengeProblem(why)),
        },
        Some(code) => play_code(code, user.as_deref(), &mut play),
    }
}

/// A friend at home: the code played as a solo game, under the name the high scores know.
fn play_code(code: &str, user: Option<&UserSettings>, play: &mut MessageWriter<PlayChallenge>) {
    let name = user.and_then(|u| u.solo_name.clone()).unwrap_or_else(|| "Player 1".to_owned());
    play.write(PlayChallenge { code: code.to_owned(), solo: Some(name) });
}

/// A code refused as the game started (`bigtuna play --challenge` with packs that changed
/// since it was checked) opens the field, with the reason.
fn open_if_refused(problem: Option<Res<ChallengeProblem>>, mut typing: ResMut<Typing>) {
    if problem.is_some() && typing.0.is_none() {
        typing.0 = Some(String::new());
    }
}

/// Typing, Ctrl+V pastes; Enter plays the code (as a solo game under the kept name), Esc
/// puts it away.
fn type_code(
    mut commands: Commands,
    mut nav: MessageReader<NavAction>,
    mut keys: MessageReader<KeyboardInput>,
    held: Res<ButtonInput<KeyCode>>,
    mut typing: ResMut<Typing>,
    user: Option<Res<UserSettings>>,
    mut play: MessageWriter<PlayChallenge>,
) {
    let ended = nav.read().find(|a| matches!(a, NavAction::Back | NavAction::Submit)).copied();
    let Some(code) = typing.0.as_mut() else {
        keys.clear();
        return;
    };
    let ctrl = held.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let mut changed = false;
    for key in keys.read().filter(|k| k.state == ButtonState::Pressed) {
        if ctrl && matches!(&key.logical_key, Key::Character(c) if c.eq_ignore_ascii_case("v")) {
            match super::clipboard::paste() {
                Ok(text) => {
                    let room = CODE_LENGTH.saturating_sub(code.chars().count());
                    code.extend(text.chars().filter(|c| !c.is_control()).take(room));
                    changed = true;
                }
                // Said under the field; the code as typed stays.
                Err(why) => commands.insert_resource(ChallengeProblem(why)),
            }
        } else if !ctrl {
            let takes = |_: &str, c: char| c.is_ascii_alphanumeric() || c == '-' || c == ' ';
            changed |= type_line(code, &key.logical_key, key.text.as_deref(), CODE_LENGTH, takes);
        }
    }
    if changed {
        // The reason was about the code as it was.
        commands.remove_resource::<ChallengeProblem>();
    }
    match ended {
        Some(NavAction::Back) => {
            typing.0 = None;
            commands.remove_resource::<ChallengeProblem>();
        }
        Some(NavAction::Submit) if !code.trim().is_empty() => play_code(code, user.as_deref(), &mut play),
        _ => {}
    }
}

fn show(
    typing: Res<Typing>,
    problem: Option<Res<ChallengeProblem>>,
    mut buttons: Query<(&mut ButtonText, &mut TakesText), With<ChallengeButton>>,
    mut notes: Query<&mut Node, With<ChallengeNote>>,
    mut codes: Query<(&mut Text, &mut TextColor), (With<CodeLine>, Without<WhyLine>)>,
    mut whys: Query<&mut Text, (With<WhyLine>, Without<CodeLine>)>,
) {
    let label = match typing.0.as_deref().map(str::trim) {
        None => "Play a challenge",
        Some("") => "Paste a challenge code",
        Some(_) => "Play this challenge",
    };
    for (mut text, mut field) in &mut buttons {
        field.set_if_neq(TakesText { now: typing.0.is_some() });
        text.set_if_neq(ButtonText(label.to_owned()));
    }
    let display = if typing.0.is_some() { Display::Flex } else { Display::None };
    for mut node in &mut notes {
        node.reborrow().map_unchanged(|n| &mut n.display).set_if_neq(display);
    }
    let (code, colour) = match typing.0.as_deref() {
        Some("") => (
            "Type the code a friend sent, or paste it (Ctrl+V, or the button) · Enter plays · Esc back".to_owned(),
            palette::MUTED,
        ),
        Some(code) => (format!("{code}|"), palette::TEXT),
        None => (String::new(), palette::TEXT),
    };
    let why = problem.filter(|_| typing.0.is_some()).map(|p| p.0.clone()).unwrap_or_default();
    for (mut text, mut tint) in &mut codes {
        if text.0 != code {
            text.0.clone_from(&code);
        }
        tint.set_if_neq(TextColor(colour));
    }
    for mut text in &mut whys {
        if text.0 != why {
            text.0.clone_from(&why);
        }
    }
}
