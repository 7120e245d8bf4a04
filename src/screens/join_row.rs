//! The choices on a player's row of the join screen (team, seasons seen, handicap, Leave),
//! each a button that carries its own action, and what the row says of the device.

use bevy::prelude::*;

use crate::game::settings::{TEAM_COUNT, team_name};
use crate::game::{GameSettings, PlayerLeft, Seat};
use crate::input::keyboard::PARTY_ROWS;
use crate::theme::focus::Activate;

/// A player's team, for a teams game.
#[derive(Component)]
pub(super) struct TeamButton(pub(super) usize);

/// How far a player has watched.
#[derive(Component)]
pub(super) struct SeenButton(pub(super) usize);

/// A player's handicap.
#[derive(Component)]
pub(super) struct HandicapButton(pub(super) usize);

/// Focusable items on a player's row: name, seen, handicap, team, Leave.
pub(super) const PER_ROW: usize = 5;

/// "Keys 1234", "Gamepad" or "Phone".
pub(super) fn device_label(seat: Seat) -> String {
    match seat {
        Seat::Keys(row) => {
            let keys: Vec<String> = PARTY_ROWS
                .get(row)
                .map(|keys| {
                    keys[..4].iter().map(|k| format!("{k:?}").replace("Digit", "").replace("Key", "")).collect()
                })
                .unwrap_or_default();
            format!("Keys {}", keys.concat())
        }
        Seat::Pad(Some(_)) => "Gamepad".to_owned(),
        Seat::Pad(None) => "Gamepad (away)".to_owned(),
        Seat::Phone(_) => "Phone".to_owned(),
    }
}

/// Enter (or a click) on how far a player has watched: the whole show, or seasons 1 to N, in
/// turn. A button, not a stepper: left and right move along the row to the next choice.
pub(super) fn choose_seen(player: usize) -> impl FnMut(On<Activate>, ResMut<GameSettings>) + Send + Sync + 'static {
    move |_, mut settings| {
        let choices: Vec<Option<u8>> = std::iter::once(None).chain(crate::pack::SEASONS.map(Some)).collect();
        let Some(spec) = settings.players.get_mut(player) else { return };
        let at = choices.iter().position(|c| *c == spec.watched_to).unwrap_or(0) as i32;
        spec.watched_to = choices[(at + 1).rem_euclid(choices.len() as i32) as usize];
        info!("{} has seen {}", spec.name, seen_label(spec.watched_to));
    }
}

/// "all", "S1", "S1-4".
pub(super) fn seen_label(watched_to: Option<u8>) -> String {
    match watched_to {
        None => "all".to_owned(),
        Some(1) => "S1".to_owned(),
        Some(n) => format!("S1-{n}"),
    }
}

/// Enter (or a click) on a player's handicap: more time, no timer, or a superfan's, in turn.
pub(super) fn choose_handicap(player: usize) -> impl FnMut(On<Activate>, ResMut<GameSettings>) + Send + Sync + 'static {
    move |_, mut settings| {
        let Some(spec) = settings.players.get_mut(player) else { return };
        spec.handicap = spec.handicap.next();
        info!("{}'s handicap: {}", spec.name, spec.handicap.choice());
    }
}

/// Leave: the seat is freed (a phone is told, and may join again under any name).
pub(super) fn leave(
    player: usize,
) -> impl FnMut(On<Activate>, ResMut<GameSettings>, MessageWriter<PlayerLeft>) + Send + Sync + 'static {
    move |_, mut settings, mut left| {
        if player < settings.players.len() {
            let spec = settings.players.remove(player);
            info!("{} left the party", spec.name);
            left.write(PlayerLeft { id: spec.id, name: spec.name, seat: spec.seat });
        }
    }
}

/// Enter (or a click) on a player's team: no team (dealt in turn), or one of the four, in turn.
pub(super) fn choose_team(player: usize) -> impl FnMut(On<Activate>, ResMut<GameSettings>) + Send + Sync + 'static {
    move |_, mut settings| {
        let choices: Vec<Option<usize>> = std::iter::once(None).chain((0..*TEAM_COUNT.end()).map(Some)).collect();
        let Some(spec) = settings.players.get_mut(player) else { return };
        let at = choices.iter().position(|c| *c == spec.team).unwrap_or(0) as i32;
        spec.team = choices[(at + 1).rem_euclid(choices.len() as i32) as usize];
        // Name the teams as they are chosen.
        let wanted = spec.team.map_or(0, |t| t + 1);
        while settings.teams.len() < wanted {
            let n = settings.teams.len();
            settings.teams.push(team_name(n));
        }
    }
}
