//! Phones as controllers, over the local network: a versioned JSON protocol over WebSocket
//! ([`protocol`], [`views`]), the room and its players' secrets ([`room`]), the server on its
//! own thread ([`server`]: its door `gate` bounds connections before they are HTTP, then one
//! [`session`] per WebSocket does what each message asks (`requests`), sharing
//! [`server_state`]; what each is shown, `shown`; waiting for the host, [`admission`]; the built-in [`pages`]; the [`names`] players may take), and the game's
//! end of it ([`inbound`] in, [`publish`] out, [`departures`] for players who leave, [`lifecycle`]
//! on and off, [`address`]).

pub mod address;
pub mod admission;
pub mod audience_view;
pub mod departures;
pub mod error_code;
pub mod file_limit;
mod gate;
pub mod host_command;
pub mod inbound;
pub mod lifecycle;
pub mod lifeline_view;
pub mod media;
pub mod name_ideas;
pub mod names;
pub mod overlay_view;
pub mod pages;
pub mod per_address;
pub mod protocol;
pub mod publish;
mod rate;
mod requests;
pub mod room;
pub mod server;
pub mod server_state;
pub mod session;
mod shown;
pub mod views;
pub mod wager_view;

use bevy::prelude::*;

/// Phones on and off, and the game's end of the server.
pub fn plugin(app: &mut App) {
    app.add_plugins((lifecycle::plugin, inbound::plugin, publish::plugin, departures::plugin, admission::plugin));
}
