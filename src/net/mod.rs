//! Phones as controllers, over the local network: a versioned JSON protocol over WebSocket
//! ([`protocol`], [`views`]), the room and its players' secrets ([`room`]), the server on its
//! own thread ([`server`]: its door `gate` bounds connections before they are HTTP, then one
//! [`session`] per WebSocket does what each message asks (`requests`), sharing [`shared`];
//! the built-in [`pages`]; the [`names`] players may take), and the game's end of it ([`link`] in, [`publish`] out, [`switch`] on and off, [`address`]).

pub mod address;
mod gate;
pub mod link;
pub mod names;
pub mod pages;
pub mod protocol;
pub mod publish;
mod requests;
pub mod room;
pub mod server;
pub mod session;
pub mod shared;
pub mod switch;
pub mod views;

use bevy::prelude::*;

/// Phones on and off, and the game's end of the server.
pub fn plugin(app: &mut App) {
    app.add_plugins((switch::plugin, link::plugin, publish::plugin));
}
