//! Players who leave the party before a game: a phone among them is told, goes back to its
//! join form, and its name is free for someone else.

use bevy::prelude::*;

use super::inbound::PhoneLink;
use crate::game::{GameSystems, PlayerLeft, Seat};

/// Frees the phones of players who left (runs only while phones are on): wired in by the
/// net plugin, and by tests that run a room without its lifecycle.
pub fn plugin(app: &mut App) {
    app.add_systems(Update, free_phones.run_if(resource_exists::<PhoneLink>).after(GameSystems::Flow));
}

fn free_phones(link: Res<PhoneLink>, mut left: MessageReader<PlayerLeft>) {
    for PlayerLeft { seat, .. } in left.read() {
        if let Some(Seat::Phone(phone)) = seat {
            link.0.remove_phone(*phone);
        }
    }
}
