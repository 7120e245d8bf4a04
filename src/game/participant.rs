//! Who takes part: one record per participant ([`PlayerSpec`]: id, name, colour, team, what
//! they answer with, role), kept in [`super::GameSettings::players`] from the join screen through
//! the games of a night. A game copies each into a [`super::Player`] with the same
//! [`PlayerId`]; device input finds its player here, by seat.

use super::handicap::Handicap;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// A participant's identity for the night: given once, never reused while they take part,
/// and kept by a player the host removed (with their score) and by a game saved and resumed.
/// Where they are in a list may change (someone before them left the lobby); this does not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlayerId(pub u32);

/// What a participant does. Only players exist yet; spectators who vote and the host as a
/// participant of their own (not a player) come as further roles, so that code that asks
/// "who answers?" asks this rather than assuming everyone does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Answers questions and scores.
    #[default]
    Player,
}

/// What a participant answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// A keyboard row (index into [`crate::input::keyboard::PARTY_ROWS`]).
    Keys(usize),
    /// A gamepad; `None` while the pad is away.
    Pad(Option<Entity>),
    /// A phone, by its number in the room (it keeps it when it reconnects, and when its game
    /// is resumed: the room is kept with the saved game).
    Phone(u32),
}

/// A participant: who they are, and (once they joined with a device) what they answer with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerSpec {
    /// Who they are; files written before ids had none, and [`Party::mend_ids`] gives
    /// them one.
    #[serde(default)]
    pub id: PlayerId,
    /// Name shown on screen.
    pub name: String,
    /// Index into the player palette.
    pub colour: usize,
    /// The team, in a teams game (index into [`super::GameSettings::teams`]); unset players are
    /// dealt to the teams in turn.
    #[serde(default)]
    pub team: Option<usize>,
    /// What they joined with; `None` for players set up without a device (the command line,
    /// a solo game). While nobody has a seat, keyboard row N and pad N answer for player N;
    /// once anyone joined with a device, a player without one answers with nothing. Devices
    /// are of this run only: a saved game keeps its seats apart
    /// ([`crate::persist::saved_game`]).
    #[serde(skip)]
    pub seat: Option<Seat>,
    /// What they do.
    #[serde(default)]
    pub role: Role,
    /// How far they have watched: seasons `1..=N` (`None`: everything). A party is asked only
    /// what is safe for everyone in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watched_to: Option<u8>,
    /// What evens their odds: more time, or fewer points for a superfan.
    #[serde(default, skip_serializing_if = "Handicap::is_none")]
    pub handicap: Handicap,
}

impl PlayerSpec {
    /// "Player N" with the N-th colour (0-based `index`), id N, no device.
    pub fn numbered(index: usize) -> Self {
        Self {
            id: PlayerId(index as u32),
            name: format!("Player {}", index + 1),
            colour: index,
            team: None,
            seat: None,
            role: Role::Player,
            watched_to: None,
            handicap: Handicap::None,
        }
    }
}

/// The party's participants, in order: a player's place here is their index in the game
/// under way too. What devices ask of it: who a row, pad or phone answers for.
pub trait Party {
    /// A new participant for the end of the list: "Player N", an id nobody has.
    fn new_player(&self) -> PlayerSpec;
    /// Ids for participants read from a file written before there were ids (or edited so that
    /// two share one): by place in the list, as they were then.
    fn mend_ids(&mut self);
    /// Whether anyone joined with a device; if not, keyboard row N and pad N are player N.
    fn seated(&self) -> bool;
    /// Whether this device already answers for someone.
    fn has_seat(&self, seat: Seat) -> bool;
    /// The player a keyboard row answers for.
    fn player_for_row(&self, row: usize) -> Option<usize>;
    /// The player a gamepad answers for; `connected` is the pad's place in connection order,
    /// which counts while nobody is seated.
    fn player_for_pad(&self, pad: Entity, connected: Option<usize>) -> Option<usize>;
    /// The player a phone answers for.
    fn player_for_phone(&self, phone: u32) -> Option<usize>;
    /// Whether the player answers on a phone of their own (not the shared keyboard).
    fn on_phone(&self, player: usize) -> bool;
    /// The phones seated, with their players' places.
    fn phones(&self) -> impl Iterator<Item = (u32, usize)> + '_;
    /// A pad went away: its seat waits for the next pad.
    fn pad_left(&mut self, pad: Entity);
    /// A pad arrived: it takes the first seat a pad left, if any. Returns that player.
    fn pad_arrived(&mut self, pad: Entity) -> Option<usize>;
}

/// The player a device answers for.
fn player_with(players: &[PlayerSpec], seat: Seat) -> Option<usize> {
    players.iter().position(|p| p.seat == Some(seat))
}

impl Party for Vec<PlayerSpec> {
    fn new_player(&self) -> PlayerSpec {
        let id = self.iter().map(|p| p.id.0 + 1).max().unwrap_or(0);
        PlayerSpec { id: PlayerId(id), ..PlayerSpec::numbered(self.len()) }
    }

    fn mend_ids(&mut self) {
        mend_ids(self.iter_mut().map(|p| &mut p.id));
    }

    fn seated(&self) -> bool {
        self.iter().any(|p| p.seat.is_some())
    }

    fn has_seat(&self, seat: Seat) -> bool {
        self.iter().any(|p| p.seat == Some(seat))
    }

    fn player_for_row(&self, row: usize) -> Option<usize> {
        if !self.seated() {
            return Some(row);
        }
        player_with(self, Seat::Keys(row))
    }

    fn player_for_pad(&self, pad: Entity, connected: Option<usize>) -> Option<usize> {
        if !self.seated() {
            return connected;
        }
        player_with(self, Seat::Pad(Some(pad)))
    }

    fn player_for_phone(&self, phone: u32) -> Option<usize> {
        player_with(self, Seat::Phone(phone))
    }

    fn on_phone(&self, player: usize) -> bool {
        matches!(self.get(player).and_then(|p| p.seat), Some(Seat::Phone(_)))
    }

    fn phones(&self) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.iter().enumerate().filter_map(|(player, spec)| match spec.seat {
            Some(Seat::Phone(phone)) => Some((phone, player)),
            _ => None,
        })
    }

    fn pad_left(&mut self, pad: Entity) {
        for spec in self.iter_mut() {
            if spec.seat == Some(Seat::Pad(Some(pad))) {
                spec.seat = Some(Seat::Pad(None));
            }
        }
    }

    fn pad_arrived(&mut self, pad: Entity) -> Option<usize> {
        let free = self.iter().position(|p| p.seat == Some(Seat::Pad(None)))?;
        self[free].seat = Some(Seat::Pad(Some(pad)));
        Some(free)
    }
}

/// Numbers the ids in order when any two are the same (all are 0 in files from before ids).
pub(super) fn mend_ids<'a>(ids: impl Iterator<Item = &'a mut PlayerId>) {
    let mut ids: Vec<&mut PlayerId> = ids.collect();
    let mut seen: Vec<PlayerId> = ids.iter().map(|id| **id).collect();
    seen.sort();
    seen.dedup();
    if seen.len() < ids.len() {
        for (n, id) in ids.iter_mut().enumerate() {
            **id = PlayerId(n as u32);
        }
    }
}
