//! The title screen: start solo or a party night, browse packs, settings, quit.

use bevy::prelude::*;

use crate::game::settings::PARTY_KINDS;
use crate::game::{GameSettings, PlayerSpec, Screen};
use crate::input::AppCommand;
use crate::pack::PackLibrary;
use crate::theme::interaction::Activated;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum TitleAction {
    Solo,
    Party,
    Packs,
    Settings,
    Quit,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn)
        .add_systems(Update, act.run_if(in_state(Screen::Title)).in_set(crate::game::GameSystems::Screens));
}

fn spawn(mut commands: Commands, fonts: Res<Fonts>, library: Res<PackLibrary>) {
    let questions: usize = library.packs.iter().map(|p| p.questions.len()).sum();
    let packs = library.packs.len();
    let mut status = format!("{packs} pack{} · {questions} questions", if packs == 1 { "" } else { "s" });
    if !library.skipped.is_empty() {
        let n = library.skipped.len();
        status.push_str(&format!(" · {n} pack{} skipped: see Packs", if n == 1 { "" } else { "s" }));
    }
    let status_colour = if library.skipped.is_empty() { palette::MUTED } else { palette::ACCENT };
    commands.spawn((
        widgets::screen_root("Title screen"),
        DespawnOnExit(Screen::Title),
        children![
            widgets::text("BIG TUNA TRIVIA", 5.0, palette::ACCENT, &fonts.bold),
            widgets::text("How well do you know Jim Halpert?", 1.8, palette::TEXT, &fonts.regular),
            (Node { height: rem(1.5), ..default() }),
            widgets::button("Play solo", TitleAction::Solo, 0, &fonts),
            widgets::button("Party night", TitleAction::Party, 1, &fonts),
            widgets::button("Question packs", TitleAction::Packs, 2, &fonts),
            widgets::button("Settings", TitleAction::Settings, 3, &fonts),
            widgets::button("Quit", TitleAction::Quit, 4, &fonts),
            (Node { height: rem(1.0), ..default() }),
            (Name::new("Pack status"), widgets::text(status, 1.2, status_colour, &fonts.regular)),
            widgets::hints("↑ ↓ move · Enter choose · F11 fullscreen · M mute · Ctrl+Q quit", &fonts),
        ],
    ));
}

fn act(
    mut activated: MessageReader<Activated>,
    actions: Query<&TitleAction>,
    mut settings: ResMut<GameSettings>,
    mut next: ResMut<NextState<Screen>>,
    mut app_commands: MessageWriter<AppCommand>,
) {
    for Activated(entity) in activated.read() {
        let Ok(action) = actions.get(*entity) else { continue };
        match action {
            TitleAction::Solo => {
                settings.players.truncate(1);
                if settings.players.is_empty() {
                    settings.players.push(PlayerSpec::numbered(0));
                }
                settings.kinds.clear();
                next.set(Screen::Setup);
            }
            TitleAction::Party => {
                while settings.players.len() < 2 {
                    let n = settings.players.len();
                    settings.players.push(PlayerSpec::numbered(n));
                }
                settings.kinds = PARTY_KINDS.to_vec();
                next.set(Screen::Setup);
            }
            TitleAction::Packs => next.set(Screen::Packs),
            TitleAction::Settings => next.set(Screen::Settings),
            TitleAction::Quit => {
                app_commands.write(AppCommand::Quit);
            }
        }
    }
}
