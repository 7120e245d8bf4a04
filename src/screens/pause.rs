//! The pause menu and the "abandon this game?" question, over the game.

use bevy::prelude::*;

use crate::game::{FlowCommand, Overlay};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, send};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Overlay::Paused), spawn_pause).add_systems(OnEnter(Overlay::ConfirmQuit), spawn_confirm);
}

/// An overlay over the game: a title, a line, two buttons (the first focused), and hints.
fn spawn_dialog<S: States>(
    commands: &mut Commands,
    fonts: &Fonts,
    state: S,
    (title, line): (&str, &str),
    buttons: [(&str, FlowCommand); 2],
    hint: &str,
) {
    commands.spawn((widgets::overlay(title), DespawnOnExit(state))).with_children(|root| {
        root.spawn(widgets::card()).with_children(|card| {
            card.spawn(widgets::text(title, 3.2, palette::ACCENT, &fonts.bold));
            card.spawn(widgets::text(line, 1.6, palette::MUTED, &fonts.regular));
            for (order, (label, command)) in buttons.into_iter().enumerate() {
                card.spawn(widgets::button(label, order, fonts, send(command)));
            }
            // On the card: the screen's own hints show through the veil at the bottom.
            card.spawn(widgets::text(hint, 1.0, palette::MUTED, &fonts.regular));
        });
    });
}

fn spawn_pause(mut commands: Commands, fonts: Res<Fonts>) {
    spawn_dialog(
        &mut commands,
        &fonts,
        Overlay::Paused,
        ("Paused", "The clock has stopped."),
        [("Resume", FlowCommand::Resume), ("Quit this game", FlowCommand::Quit)],
        "Enter choose · Esc resume",
    );
}

fn spawn_confirm(mut commands: Commands, fonts: Res<Fonts>) {
    spawn_dialog(
        &mut commands,
        &fonts,
        Overlay::ConfirmQuit,
        ("Quit this game?", "The scores of this game will be lost."),
        [("Keep playing", FlowCommand::CancelQuit), ("Quit to title", FlowCommand::ConfirmQuit)],
        "Enter choose · Esc keep playing",
    );
}
