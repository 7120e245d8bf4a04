//! The game's states: which screen, which phase of a round, and what overlays it.

use bevy::prelude::*;

/// The screen the game is on. The core drives the in-game screens; menus are the UI's.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Reading packs and settings.
    #[default]
    Loading,
    /// The title screen.
    Title,
    /// Players join a party night.
    Join,
    /// Choosing the next game's settings and players.
    Setup,
    /// A game is under way (see [`Phase`]).
    Playing,
    /// The final results.
    Results,
    /// The pack browser.
    Packs,
    /// The settings screen.
    Settings,
}

/// The phase of the current round, while [`Screen::Playing`].
#[derive(SubStates, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Playing)]
pub enum Phase {
    /// The question is open for answers.
    #[default]
    Question,
    /// The final wager: bets on the last question, before it shows (see [`super::wager`]).
    Wager,
    /// The answer is shown with who got it right.
    Reveal,
    /// The scores so far (party play).
    Standings,
}

/// What covers the game, while [`Screen::Playing`]: nothing, the pause menu, or the
/// "really quit?" question. The question timer only runs under [`Overlay::None`].
#[derive(SubStates, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Playing)]
pub enum Overlay {
    /// Nothing: the game runs.
    #[default]
    None,
    /// Paused.
    Paused,
    /// Asking whether to abandon the game.
    ConfirmQuit,
    /// The host's panel: the clock stops while the host acts.
    Host,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_sub_state::<Phase>().add_sub_state::<Overlay>();
}
