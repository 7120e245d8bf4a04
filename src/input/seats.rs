//! Who sits where at a party: seat N is player N. Players join on the join screen with their
//! keyboard row's first key or a gamepad's South; from then on that row or pad answers for
//! that seat. A pad that drops out keeps its seat (and its player's score) until a pad
//! connects and takes it back. With nobody joined (a night prepared on the command line), row
//! N and the N-th pad connected are player N.

use bevy::prelude::*;

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
    /// A phone, by its number in the room (it keeps it when it reconnects).
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
