//! The rules of the game, as plugins that run the same with or without a window.

pub mod audience;
pub mod audience_play;
pub mod clock;
pub mod draw;
pub mod events;
pub mod flow;
pub mod handicap;
pub mod high_scores;
pub mod host;
pub mod judge;
pub mod lifeline;
pub mod lifeline_use;
pub mod mode;
pub mod model;
pub mod overrides;
pub mod own_time;
pub mod participant;
pub mod pool;
pub mod rename;
pub mod results;
pub mod resume;
pub mod rivals;
pub mod round;
pub mod scoring;
pub mod seen;
pub mod setting;
pub mod settings;
pub mod spoiler_deal;
pub mod state;
pub mod wager;
pub mod watched;

use bevy::prelude::*;

pub use audience_play::{AudienceAction, AudienceDoor, JoinAudience};
pub use clock::{Clock, SOUND_HOLD, SoundPlayed};
pub use draw::{DrawnQuestion, Presented, Shortfall};
pub use events::{BetPlaced, HostActed, PlayerJoined, PlayerLeft, RoundScored};
pub use flow::{FlowCommand, JoinGame};
pub use handicap::Handicap;
pub use judge::{Judgement, Response};
pub use lifeline::Lifeline;
pub use lifeline_use::{LifelineUsed, UseLifeline};
pub use model::{Device, Game, HostAction, Outcome, Player, Round, Team};
pub use overrides::GameOverrides;
pub use participant::{Party, PlayerId, PlayerSpec, Role, Seat};
pub use rename::RenamePlayer;
pub use results::GameResults;
pub use resume::ResumeGame;
pub use round::{BuzzIn, PlayerAction};
pub use scoring::{ScoringPreset, ScoringPresets};
pub use seen::Seen;
pub use setting::Setting;
pub use settings::{DifficultyChoice, GameSettings, PlayMode, TimerChoice};
pub use state::{Overlay, Phase, Screen};
pub use wager::{PlaceBet, Stake};
pub use watched::Watched;

/// Order of the game's systems within `Update`, so a press is handled in the frame it
/// arrives: input becomes actions, menu focus turns them into activations, screens turn
/// those into commands, then the core acts.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSystems {
    /// Keys, buttons and gamepads become navigation, [`PlayerAction`]s and app commands.
    Input,
    /// Menu focus moves and activates items.
    Navigate,
    /// Screens turn activations into [`FlowCommand`]s and answers.
    Screens,
    /// The core reads them and moves the game on: a round closed here is scored here too, so
    /// whatever shows or sounds a reveal just reads it.
    Flow,
}

/// The game core: states, flow, rounds (judging and scoring) and results. Needs only `MinimalPlugins` and
/// `StatesPlugin`, and a [`crate::pack::PackLibrary`] to draw from.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (GameSystems::Input, GameSystems::Navigate, GameSystems::Screens, GameSystems::Flow).chain(),
    );
    app.add_plugins((
        state::plugin,
        clock::plugin,
        events::plugin,
        flow::plugin,
        round::plugin,
        lifeline_use::plugin,
        audience_play::plugin,
        wager::plugin,
        host::plugin,
        rename::plugin,
        results::plugin,
        resume::plugin,
        seen::plugin,
        high_scores::plugin,
        pool::plugin,
    ));
}
