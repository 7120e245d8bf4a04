//! Who sits where at a party: seat N is player N. Players join on the join screen with their
//! keyboard row's first key or a gamepad's South; from then on that row or pad answers for
//! that seat. A pad that drops out keeps its seat (and its player's score) until a pad
//! connects and takes it back. With nobody joined (a night prepared on the command line), row
//! N and the N-th pad connected are player N.

use bevy::prelude::*;

use crate::game::settings::{PHONE_PLAYERS as PHONE_SEATS, PLAYER_COUNT};
use crate::game::{GameSettings, JoinGame, PlayerSpec};

/// Seats whoever asks, on any screen: the join screen shows them, and a phone that joins
/// during a game plays from the open question on. After every device's input (keys, pads,
/// phones), so that a join is seated in the frame it arrives: a TV that waits for input may
/// not update again for a minute.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, take_seats.in_set(crate::game::GameSystems::Navigate));
}

fn take_seats(
    mut joins: MessageReader<JoinRequest>,
    mut seats: ResMut<PartySeats>,
    mut settings: ResMut<GameSettings>,
    mut joined: MessageWriter<JoinGame>,
) {
    for JoinRequest { seat, name } in joins.read() {
        let phone = matches!(seat, Seat::Phone(_));
        let (phones, others) = seats.0.iter().fold((0, 0), |(p, o), s| match s {
            Seat::Phone(_) => (p + 1, o),
            _ => (p, o + 1),
        });
        let full = if phone { phones >= PHONE_SEATS } else { others >= *PLAYER_COUNT.end() };
        if seats.seated(*seat) || full {
            continue;
        }
        if seats.0.is_empty() {
            // A night prepared on the command line: row N and pad N were player N; say so
            // now that seats are taken one by one.
            seats.0 =
                (0..settings.players.len()).map(|i| if i < 4 { Seat::Keys(i) } else { Seat::Pad(None) }).collect();
        }
        settings.players.truncate(seats.0.len());
        let n = seats.0.len();
        // A colour nobody at the table has (past the palette's, colours repeat).
        let colour = (0..).find(|c| settings.players.iter().all(|p| p.colour != *c)).unwrap_or(n);
        seats.0.push(*seat);
        let numbered = PlayerSpec::numbered(n);
        let spec = PlayerSpec { colour, name: name.clone().unwrap_or(numbered.name), ..numbered };
        info!("{} took seat {} with {seat:?}", spec.name, n + 1);
        joined.write(JoinGame { name: spec.name.clone(), colour });
        settings.players.push(spec);
    }
}

/// Which gamepad is which player: seats are taken in connection order and kept, so a pad
/// that drops out leaves its seat empty (for the next pad) instead of renumbering the others.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct GamepadSeats(pub Vec<Option<Entity>>);

impl GamepadSeats {
    /// The seat (player index) of a gamepad.
    pub fn seat(&self, gamepad: Entity) -> Option<usize> {
        self.0.iter().position(|seat| *seat == Some(gamepad))
    }
}

/// What holds a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// A keyboard row (index into [`super::keyboard::PARTY_ROWS`]).
    Keys(usize),
    /// A gamepad; `None` while the pad is away.
    Pad(Option<Entity>),
    /// A phone, by its number in the room (it keeps it when it reconnects, and when its game
    /// is resumed: the room is kept with the saved game).
    Phone(u32),
}

/// A device asks to join the party (the join screen seats it).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    /// What asks for the seat.
    pub seat: Seat,
    /// The name it brings (a phone's player typed one), if any.
    pub name: Option<String>,
}

impl JoinRequest {
    /// A device joining without a name of its own.
    pub fn device(seat: Seat) -> Self {
        Self { seat, name: None }
    }
}

/// The seats taken, in order: seat N is player N.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct PartySeats(pub Vec<Seat>);

impl PartySeats {
    /// The player a keyboard row answers for.
    pub fn player_for_row(&self, row: usize) -> Option<usize> {
        if self.0.is_empty() {
            return Some(row);
        }
        self.0.iter().position(|seat| *seat == Seat::Keys(row))
    }

    /// The player a gamepad answers for.
    pub fn player_for_pad(&self, pad: Entity, connected: &GamepadSeats) -> Option<usize> {
        if self.0.is_empty() {
            return connected.seat(pad);
        }
        self.0.iter().position(|seat| *seat == Seat::Pad(Some(pad)))
    }

    /// The player a phone answers for.
    pub fn player_for_phone(&self, phone: u32) -> Option<usize> {
        self.0.iter().position(|seat| *seat == Seat::Phone(phone))
    }

    /// Whether the player answers on a phone of their own (not the shared keyboard).
    pub fn on_phone(&self, player: usize) -> bool {
        matches!(self.0.get(player), Some(Seat::Phone(_)))
    }

    /// Whether this device already has a seat.
    pub fn seated(&self, seat: Seat) -> bool {
        self.0.contains(&seat)
    }

    /// A pad went away: its seat waits for the next pad.
    pub fn pad_left(&mut self, pad: Entity) {
        for seat in &mut self.0 {
            if *seat == Seat::Pad(Some(pad)) {
                *seat = Seat::Pad(None);
            }
        }
    }

    /// A pad arrived: it takes the first seat a pad left, if any. Returns that seat.
    pub fn pad_arrived(&mut self, pad: Entity) -> Option<usize> {
        let free = self.0.iter().position(|seat| *seat == Seat::Pad(None))?;
        self.0[free] = Seat::Pad(Some(pad));
        Some(free)
    }
}
