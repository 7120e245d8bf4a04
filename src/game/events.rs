//! What happened in a game, as messages for whatever shows, saves or sends it: those systems
//! react to these rather than poll the game for a change. Each is written in
//! [`super::GameSystems::Flow`] after the game already holds what it tells.

use bevy::prelude::*;

use super::model::HostRecord;
use super::participant::PlayerId;

/// A round closed and was scored (or the host skipped it): [`super::Game::rounds`] ends
/// with it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundScored {
    /// Index into [`super::Game::questions`].
    pub question: usize,
    /// The host skipped it: nobody scored.
    pub skipped: bool,
}

/// The host acted, and it changed the game: the record is the last of
/// [`super::Game::host_log`].
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostActed(pub HostRecord);

/// A player joined the game under way (a phone seated mid-game).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlayerJoined {
    /// Index into [`super::Game::players`].
    pub player: usize,
    /// Who they are.
    pub id: PlayerId,
}

/// A player's bet on the final wager's question is placed (or, at the step's end, set to 0):
/// [`super::Player::wager`] holds it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct BetPlaced {
    /// Index into [`super::Game::players`].
    pub player: usize,
    /// The points bet.
    pub bet: u32,
}

/// A participant left the party before a game (Leave on the join screen): their seat is free.
/// (A player the host removes from a game stays in it, with their score: that is a
/// [`HostActed`].)
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PlayerLeft {
    /// Who left.
    pub id: PlayerId,
    /// The name they played under, for whoever says so.
    pub name: String,
    /// The device they had: a phone is told, and its name is free again.
    pub seat: Option<crate::game::Seat>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<RoundScored>()
        .add_message::<HostActed>()
        .add_message::<PlayerJoined>()
        .add_message::<BetPlaced>()
        .add_message::<PlayerLeft>();
}
