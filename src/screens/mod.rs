//! The screens, one plugin each. Screens show the game's state and turn activations into
//! core commands; they never change the rules. Each button carries its own action.

mod audience;
mod certificate;
mod challenge_entry;
mod challenge_results;
mod clipboard;
mod doorway;
mod dundies;
mod host;
mod join;
mod join_line;
mod join_row;
mod lobby;
mod packs;
mod pause;
mod picture;
mod podium;
mod question;
mod regulars;
mod results;
mod reveal;
mod reveal_answer;
mod scoreboard;
mod settings;
mod setup;
mod solo_name;
mod standings;
mod streamer;
mod title;
mod toast;
mod wager;

use bevy::prelude::*;

use crate::game::{FlowCommand, GameSystems, Overlay, Screen};
use crate::input::NavAction;
use crate::theme::focus::Activate;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera);
    app.add_systems(Update, back_in_game.in_set(GameSystems::Screens));
    app.add_plugins((
        title::plugin,
        join::plugin,
        join_line::plugin,
        lobby::plugin,
        setup::plugin,
        solo_name::plugin,
        question::plugin,
        picture::plugin,
        reveal::plugin,
        standings::plugin,
        results::plugin,
        packs::plugin,
        settings::plugin,
        pause::plugin,
    ));
    app.add_plugins((
        host::plugin,
        podium::plugin,
        toast::plugin,
        wager::plugin,
        doorway::plugin,
        streamer::plugin,
        regulars::plugin,
        challenge_entry::plugin,
        challenge_results::plugin,
        dundies::plugin,
    ));
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
}

/// The action of a button that leads to another screen.
fn go_to(screen: Screen) -> impl FnMut(On<Activate>, ResMut<NextState<Screen>>) + Send + Sync + 'static {
    move |_, mut next| next.set(screen)
}

/// In a game, Esc or Start pauses, and on the pause menu or the "quit?" question goes back.
fn back_in_game(
    mut nav: MessageReader<NavAction>,
    overlay: Option<Res<State<Overlay>>>,
    mut flow: MessageWriter<FlowCommand>,
) {
    // Read every frame, so no press is left over for a later screen.
    let pressed = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Pause)).count() > 0;
    let Some(overlay) = overlay.filter(|_| pressed) else { return };
    flow.write(match overlay.get() {
        Overlay::None => FlowCommand::Pause,
        Overlay::Paused | Overlay::Host => FlowCommand::Resume,
        Overlay::ConfirmQuit => FlowCommand::CancelQuit,
    });
}
