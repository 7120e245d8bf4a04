//! A solo player's name, asked once: high scores are kept under it, not under "Player 1".
//! The solo setup shows it in its first row (Enter types a new one); the first Start of a
//! player who was never asked opens that row for typing, and Enter then starts the game.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use crate::game::{FlowCommand, GameSettings, Screen};
use crate::input::text_entry::type_line;
use crate::input::{NavAction, TakesText};
use crate::persist::UserSettings;
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonLabel, ButtonText, Fonts};

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
    (SoloNameRow, TakesText::default(), widgets::button("", order, fonts, begin))
}

impl Typing {
    /// A name is asked, from nothing; `then_start`: Enter then starts the game.
    fn ask(&mut self, then_start: bool) {
        self.name = Some(String::new());
        self.then_start = then_start;
    }
}

fn begin(_: On<Activate>, mut typing: ResMut<Typing>) {
    if typing.name.is_none() {
        typing.ask(false);
    }
}

/// Whether Start must first ask the name (a solo game, never asked): then it is asked.
pub(super) fn ask_first(settings: &GameSettings, user: Option<&UserSettings>, typing: &mut Typing) -> bool {
    let asked = user.is_none_or(|u| u.solo_name.is_some());
    if settings.players.len() != 1 || asked {
        return false;
    }
    typing.ask(true);
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

fn stop_typing(mut typing: ResMut<Typing>) {
    typing.name = None;
}

/// Typing; Enter keeps the name (an empty one keeps "Player 1"), Esc keeps the old one.
fn type_name(
    mut nav: MessageReader<NavAction>,
    mut keys: MessageReader<KeyboardInput>,
    mut typing: ResMut<Typing>,
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
        type_line(name, &key.logical_key, key.text.as_deref(), NAME_LENGTH, |_, _| true);
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
    let then_start = std::mem::take(&mut typing.then_start);
    typing.name = None;
    if then_start && ended == NavAction::Submit {
        flow.write(FlowCommand::StartGame);
    }
}

fn show_name(
    typing: Res<Typing>,
    settings: Res<GameSettings>,
    mut rows: Query<(Entity, &mut ButtonText, &mut TakesText), With<SoloNameRow>>,
    mut labels: Query<(&ChildOf, &mut TextColor), With<ButtonLabel>>,
) {
    let name = settings.players.first().map_or("", |p| p.name.as_str());
    let (line, colour) = match &typing.name {
        Some(typed) if typing.then_start => (format!("Your name, for the high scores: {typed}|"), palette::ACCENT),
        Some(typed) => (format!("Your name: {typed}|"), palette::ACCENT),
        None => (format!("Playing as {name}  ✎"), palette::TEXT),
    };
    for (row, mut text, mut field) in &mut rows {
        // Letters are text while the name is typed (`input::context` reads this).
        field.set_if_neq(TakesText { now: typing.name.is_some() });
        text.set_if_neq(ButtonText(line.clone()));
        for (_, mut tint) in labels.iter_mut().filter(|(parent, _)| parent.parent() == row) {
            tint.set_if_neq(TextColor(colour));
        }
    }
}
