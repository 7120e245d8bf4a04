//! Phones as controllers, over the local network: a versioned JSON protocol over WebSocket
//! ([`protocol`]), the room and its players' secrets ([`room`]), and the server on its own
//! thread ([`server`]), which hands the game what phones send through a channel.

pub mod link;
pub mod protocol;
pub mod room;
pub mod server;
