//! The screens, one plugin each. Screens show the game's state and turn activations into
//! core commands; they never change the rules.

mod packs;
mod pause;
mod question;
mod results;
mod reveal;
mod settings;
mod setup;
mod standings;
mod title;

use bevy::prelude::*;

use crate::game::{FlowCommand, GameSystems, Overlay, Phase};
use crate::input::NavAction;
use crate::theme::interaction::Activated;

/// The "go on" button of the reveal and standings screens.
#[derive(Component)]
struct ContinueButton;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera);
    app.add_systems(Update, continue_or_pause.in_set(GameSystems::Screens));
    app.add_plugins((
        title::plugin,
        setup::plugin,
        question::plugin,
        reveal::plugin,
        standings::plugin,
        results::plugin,
        packs::plugin,
        settings::plugin,
        pause::plugin,
    ));
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
}

/// Reveal and standings: Continue moves on, Esc or Start pauses.
fn continue_or_pause(
    mut activated: MessageReader<Activated>,
    mut nav: MessageReader<NavAction>,
    buttons: Query<(), With<ContinueButton>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Option<Res<State<Overlay>>>,
    mut flow: MessageWriter<FlowCommand>,
) {
    // Read everything every frame, so no press is left over for a later screen.
    let clicked = activated.read().filter(|Activated(e)| buttons.get(*e).is_ok()).count() > 0;
    let paused = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Pause)).count() > 0;
    let between_questions = matches!(phase.map(|p| *p.get()), Some(Phase::Reveal | Phase::Standings));
    if !between_questions || overlay.map(|o| *o.get()) != Some(Overlay::None) {
        return;
    }
    if clicked {
        flow.write(FlowCommand::Continue);
    } else if paused {
        flow.write(FlowCommand::Pause);
    }
}
