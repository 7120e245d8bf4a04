//! A solo player's name, asked once: high scores are kept under it, not under "Player 1".
//! The solo setup shows it in its first row (Enter types a new one); the first Start of a
//! player who was never asked opens that row for typing, and Enter then starts the game.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use crate::game::{FlowCommand, GameSettings, Screen};
use crate::input::{InputContext, NavAction};
use crate::persist::UserSettings;
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts};

/// Longest name, as on the join screen.
const NAME_LENGTH: usize = 20;

/// The setup row with the solo player's name.
#[derive(Component)]
pub(super) struct SoloNameRow;

/// The name being typed, and whether Enter then starts the game (it was asked at Start).
#[derive(Resource, Debug, Default)]
pub(super) struct Typing {
    name: Option<String>,
    then_start: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typing>()
        .add_systems(OnEnter(Screen::Setup), use_kept_name)
        .add_systems(OnExit(Screen::Setup), stop_typing)
        .add_systems(
            Update,
            (type_name, show_name).chain().run_if(in_state(Screen::Setup)).in_set(crate::game::GameSystems::Screens),
        );
}

/// The row: "Playing as Pam  ✎"; Enter or a click types a new name.
pub(super) fn row(order: usize, fonts: &Fonts) -> impl Bundle {
    (SoloNameRow, widgets::button("", order, fonts, begin))
}

fn begin(_: On<Activate>, mut typing: ResMut<Typing>, mut context: ResMut<InputContext>) {
    if typing.name.is_none() {
        typing.name = Some(String::new());
        typing.then_start = false;
        *context = InputContext::TextEntry;
    }
}

/// Whether Start must first ask the name (a solo game, never asked): then it is asked.
pub(super) fn ask_first(
    settings: &GameSettings,
    user: Option<&UserSettings>,
    typing: &mut Typing,
    context: &mut InputContext,
) -> bool {
    let asked = user.is_none_or(|u| u.solo_name.is_some());
    if settings.players.len() != 1 || asked {
        return false;
    }
    typing.name = Some(String::new());
    typing.then_start = true;
    *context = InputContext::TextEntry;
    true
}

/// A solo game plays under the name kept from before.
fn use_kept_name(mut settings: ResMut<GameSettings>, user: Option<Res<UserSettings>>) {
    let Some(name) = user.and_then(|u| u.solo_name.clone()) else { return };
    if let [player] = settings.players.as_mut_slice()
        && player.name != name
    {
        player.name = name;
    }
}

fn stop_typing(mut typing: ResMut<Typing>, mut context: ResMut<InputContext>) {
    if typing.name.take().is_some() {
        *context = InputContext::Menu;
    }
}

/// Typing; Enter keeps the name (an empty one keeps "Player 1"), Esc keeps the old one.
fn type_name(
    mut nav: MessageReader<NavAction>,
    mut keys: MessageReader<KeyboardInput>,
    mut typing: ResMut<Typing>,
    mut context: ResMut<InputContext>,
    mut settings: ResMut<GameSettings>,
    user: Option<ResMut<UserSettings>>,
    mut flow: MessageWriter<FlowCommand>,
) {
    let ended = nav.read().find(|a| matches!(a, NavAction::Back | NavAction::Submit)).copied();
    let Some(name) = typing.name.as_mut() else {
        keys.clear();
        return;
    };
    for key in keys.read().filter(|k| k.state == ButtonState::Pressed) {
        if key.logical_key == Key::Backspace {
            name.pop();
        } else if let Some(text) = &key.text {
            name.extend(
                text.chars().filter(|c| !c.is_control()).take(NAME_LENGTH.saturating_sub(name.chars().count())),
            );
        }
    }
    let Some(ended) = ended else { return };
    let typed = name.trim().to_owned();
    let current = settings.players.first().map(|p| p.name.clone()).unwrap_or_default();
    let chosen = if ended == NavAction::Submit && !typed.is_empty() { typed } else { current };
    if let Some(player) = settings.players.first_mut()
        && player.name != chosen
    {
        player.name.clone_from(&chosen);
    }
    if let Some(mut user) = user {
        user.solo_name = Some(chosen);
    }
    *context = InputContext::Menu;
    let then_start = std::mem::take(&mut typing.then_start);
    typing.name = None;
    if then_start && ended == NavAction::Submit {
        flow.write(FlowCommand::StartGame);
    }
}

fn show_name(
    typing: Res<Typing>,
    settings: Res<GameSettings>,
    rows: Query<&Children, With<SoloNameRow>>,
    mut texts: Query<(&mut Text, &mut TextColor)>,
) {
    let name = settings.players.first().map_or("", |p| p.name.as_str());
    let (line, colour) = match &typing.name {
        Some(typed) if typing.then_start => (format!("Your name, for the high scores: {typed}|"), palette::ACCENT),
        Some(typed) => (format!("Your name: {typed}|"), palette::ACCENT),
        None => (format!("Playing as {name}  ✎"), palette::TEXT),
    };
    for children in &rows {
        for child in children.iter() {
            if let Ok((mut text, mut tint)) = texts.get_mut(child)
                && text.0 != line
            {
                text.0.clone_from(&line);
                tint.0 = colour;
            }
        }
    }
}
