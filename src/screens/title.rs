//! The title screen: start solo or a party night, browse packs, settings, quit.

use bevy::prelude::*;

use super::go_to;
use crate::game::{GameSettings, Screen};
use crate::input::AppCommand;
use crate::pack::PackLibrary;
use crate::theme::interaction::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};
use crate::words::count;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn);
}

fn spawn(mut commands: Commands, fonts: Res<Fonts>, library: Res<PackLibrary>) {
    let questions: usize = library.packs.iter().map(|p| p.questions.len()).sum();
    let mut status = format!("{} · {questions} questions", count(library.packs.len(), "pack", "packs"));
    if !library.skipped.is_empty() {
        status.push_str(&format!(" · {} skipped: see Packs", count(library.skipped.len(), "pack", "packs")));
    }
    let status_colour = if library.skipped.is_empty() { palette::MUTED } else { palette::ACCENT };
    commands.spawn((
        widgets::screen_root("Title screen"),
        DespawnOnExit(Screen::Title),
        children![
            widgets::text("BIG TUNA TRIVIA", 5.0, palette::ACCENT, &fonts.bold),
            widgets::text("How well do you know Jim Halpert?", 1.8, palette::TEXT, &fonts.regular),
            (Node { height: rem(1.5), ..default() }),
            widgets::button("Play solo", 0, &fonts, prepare(GameSettings::make_solo, Screen::Setup)),
            widgets::button("Party night", 1, &fonts, prepare(GameSettings::make_party, Screen::Join)),
            widgets::button("Question packs", 2, &fonts, go_to(Screen::Packs)),
            widgets::button("Settings", 3, &fonts, go_to(Screen::Settings)),
            widgets::button("Quit", 4, &fonts, send(AppCommand::Quit)),
            (Node { height: rem(1.0), ..default() }),
            (Name::new("Pack status"), widgets::text(status, 1.2, status_colour, &fonts.regular)),
            widgets::hints("↑ ↓ move · Enter choose · F11 fullscreen · M mute · Ctrl+Q quit", &fonts),
        ],
    ));
}

/// The action of a button that prepares the settings (solo or party), then opens `screen`.
fn prepare(
    prepare: fn(&mut GameSettings),
    screen: Screen,
) -> impl FnMut(On<Activate>, ResMut<GameSettings>, ResMut<NextState<Screen>>) + Send + Sync + 'static {
    move |_, mut settings, mut next| {
        prepare(&mut settings);
        next.set(screen);
    }
}
