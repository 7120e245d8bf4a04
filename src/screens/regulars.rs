//! Last night's players, for the join screen: the settings file keeps the last party (without
//! its devices), and a keyboard or gamepad player who types a name from it gets that player's
//! spoiler limit and handicap back. (A phone keeps its own, on the phone.)

use bevy::prelude::*;

use crate::game::PlayerSpec;
use crate::net::names::key;

/// Players remembered by name, most recent first.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Regulars(Vec<PlayerSpec>);

/// Names remembered at most.
const KEPT: usize = 64;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Regulars>();
}

/// "Player 3" is anybody's name: it brings nobody's limit back.
fn anybody(name: &str) -> bool {
    name.strip_prefix("Player ").is_some_and(|n| n.parse::<u32>().is_ok())
}

impl Regulars {
    /// Remembers `players` (their names, limits and handicaps), before those already known.
    pub(super) fn remember<'a>(&mut self, players: impl Iterator<Item = &'a PlayerSpec>) {
        let fresh: Vec<PlayerSpec> = players.filter(|p| !anybody(&p.name)).cloned().collect();
        self.0.retain(|old| fresh.iter().all(|new| key(&new.name) != key(&old.name)));
        self.0.splice(0..0, fresh);
        self.0.truncate(KEPT);
    }

    /// `player`'s limit and handicap from the last time someone of that name played, if
    /// anyone did: whether they came back.
    pub(super) fn recall(&self, player: &mut PlayerSpec) -> bool {
        let wanted = key(&player.name);
        let Some(known) = self.0.iter().find(|p| key(&p.name) == wanted).filter(|_| !anybody(&player.name)) else {
            return false;
        };
        (player.watched_to, player.handicap) = (known.watched_to, known.handicap);
        true
    }
}
