//! The pause menu and the "abandon this game?" question, over the game.

use bevy::prelude::*;

use crate::game::{FlowCommand, Overlay};
use crate::input::NavAction;
use crate::theme::interaction::{Activated, FocusLayer};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum PauseAction {
    Resume,
    Quit,
    ConfirmQuit,
    CancelQuit,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Overlay::Paused), spawn_pause)
        .add_systems(OnEnter(Overlay::ConfirmQuit), spawn_confirm)
        .add_systems(
            Update,
            // Runs on every frame, after input, not only under the overlay: its readers must not
            // keep the Esc that opened the pause menu and read it as "resume" on the next frame.
            act.in_set(crate::game::GameSystems::Screens),
        );
}

fn overlay(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node { position_type: PositionType::Absolute, ..widgets::full_window_column() },
        BackgroundColor(palette::BACKGROUND.with_alpha(0.85)),
        GlobalZIndex(10),
    )
}

/// The solid card the overlay's words and buttons sit on, so nothing beneath shows through.
fn card() -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: rem(1.0),
            padding: UiRect::axes(rem(3.0), rem(2.0)),
            border: UiRect::all(rem(0.2)),
            border_radius: BorderRadius::all(rem(1.0)),
            ..default()
        },
        BackgroundColor(palette::BACKGROUND),
        BorderColor::all(palette::ACCENT),
    )
}

fn spawn_pause(mut commands: Commands, fonts: Res<Fonts>) {
    commands.spawn((overlay("Pause menu"), DespawnOnExit(Overlay::Paused))).with_children(|root| {
        root.spawn(card()).with_children(|card| {
            card.spawn(widgets::text("Paused", 3.5, palette::ACCENT, &fonts.bold));
            card.spawn(widgets::text("The clock has stopped.", 1.6, palette::MUTED, &fonts.regular));
            card.spawn((widgets::button("Resume", PauseAction::Resume, 0, &fonts), FocusLayer(1)));
            card.spawn((widgets::button("Quit this game", PauseAction::Quit, 1, &fonts), FocusLayer(1)));
        });
        root.spawn(widgets::hints("Enter choose · Esc resume", &fonts));
    });
}

fn spawn_confirm(mut commands: Commands, fonts: Res<Fonts>) {
    commands.spawn((overlay("Confirm quit"), DespawnOnExit(Overlay::ConfirmQuit))).with_children(|root| {
        root.spawn(card()).with_children(|card| {
            card.spawn(widgets::text("Quit this game?", 3.0, palette::ACCENT, &fonts.bold));
            card.spawn(widgets::text("The scores of this game will be lost.", 1.6, palette::MUTED, &fonts.regular));
            card.spawn((widgets::button("Keep playing", PauseAction::CancelQuit, 0, &fonts), FocusLayer(1)));
            card.spawn((widgets::button("Quit to title", PauseAction::ConfirmQuit, 1, &fonts), FocusLayer(1)));
        });
    });
}

fn act(
    mut activated: MessageReader<Activated>,
    mut nav: MessageReader<NavAction>,
    actions: Query<&PauseAction>,
    overlay: Option<Res<State<Overlay>>>,
    mut flow: MessageWriter<FlowCommand>,
) {
    let overlay = overlay.map(|o| *o.get());
    if !matches!(overlay, Some(Overlay::Paused | Overlay::ConfirmQuit)) {
        activated.clear();
        nav.clear();
        return;
    }
    for Activated(entity) in activated.read() {
        let command = match actions.get(*entity) {
            Ok(PauseAction::Resume) => FlowCommand::Resume,
            Ok(PauseAction::Quit) => FlowCommand::Quit,
            Ok(PauseAction::ConfirmQuit) => FlowCommand::ConfirmQuit,
            Ok(PauseAction::CancelQuit) => FlowCommand::CancelQuit,
            Err(_) => continue,
        };
        flow.write(command);
    }
    if nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Pause)).count() > 0 {
        flow.write(match overlay {
            Some(Overlay::ConfirmQuit) => FlowCommand::CancelQuit,
            _ => FlowCommand::Resume,
        });
    }
}
