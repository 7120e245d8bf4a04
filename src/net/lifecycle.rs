//! Phones on and off: the server starts when the host turns phones on (the join screen's
//! Phones button, or `bigtuna play --phones`), on the port asked for or the first free one
//! from [`DEFAULT_PORT`], and stops when they are turned off. A busy port is a notice on the
//! TV with the way out, never a crash.

use std::net::{Ipv4Addr, SocketAddr};

use bevy::prelude::*;

use super::address::{self, DEFAULT_PORT, PORTS_TRIED};
use super::inbound::PhoneLink;
use super::room::Room;
use super::server::PhoneServer;

/// Whether the host wants phones, and on which port.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Phones {
    /// Serve phones.
    pub on: bool,
    /// The port asked for (`--port`); `None` takes the first free from the default.
    pub port: Option<u16>,
    /// Listen on this machine only (tests): phones elsewhere cannot join.
    pub loopback_only: bool,
}

/// Where phones join, while the server runs: for the TV's lobby.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct PhoneAddress {
    /// The join address with the room code, as the QR code holds it.
    pub url: String,
    /// The QR code's modules, dark = true.
    pub qr: Vec<Vec<bool>>,
    /// Why phones elsewhere cannot reach it, when they cannot.
    pub reach: Option<String>,
}

/// The room of a resumed game: the next server serves it instead of a new one, so phones
/// come back as the same players by the secrets they kept, and nobody else can take a seat.
#[derive(Resource, Debug, Clone)]
pub struct RestoredRoom {
    /// The room, with its codes and every phone's secret.
    pub room: Room,
    /// The port it was served on: the phones' pages reconnect to it by themselves.
    pub port: Option<u16>,
}

/// A saved party with phones is on offer: phones are not served until the host chooses, so
/// that a resumed party gets its own room back (and its phones their seats), never a new
/// room that tells them their game is over.
#[derive(Resource, Debug, Clone, Copy)]
pub struct AwaitingResume;

/// Why phones are off when the host wanted them on, for the TV to say.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneNotice(pub Option<String>);

/// Keeps the server in step with [`Phones`].
pub fn plugin(app: &mut App) {
    app.init_resource::<Phones>().init_resource::<PhoneNotice>().add_systems(
        Update,
        // Eager: each condition sees every frame, so none reacts later to a stale change.
        follow.run_if(
            resource_changed::<Phones>
                .or_eager(resource_removed::<AwaitingResume>)
                .or_eager(resource_added::<RestoredRoom>),
        ),
    );
}

fn follow(
    mut commands: Commands,
    mut phones: ResMut<Phones>,
    link: Option<Res<PhoneLink>>,
    restored: Option<Res<RestoredRoom>>,
    awaiting: Option<Res<AwaitingResume>>,
    mut notice: ResMut<PhoneNotice>,
) {
    if awaiting.is_some() && restored.is_none() {
        return;
    }
    match (phones.on, link.is_some()) {
        (true, false) => match start(&phones, restored.as_deref()) {
            Ok(server) => {
                let url = address::join_url(server.addr(), server.code());
                let reach = if phones.loopback_only {
                    Some("Only this computer can join (loopback)".to_owned())
                } else if url.contains("127.0.0.1") {
                    Some("No network found: connect this computer to the phones' Wi-Fi".to_owned())
                } else {
                    None
                };
                info!("phones join at {url}");
                let qr = address::qr_modules(&url).unwrap_or_default();
                commands.insert_resource(PhoneAddress { url, qr, reach });
                commands.insert_resource(PhoneLink(server));
                commands.remove_resource::<RestoredRoom>();
                notice.0 = None;
            }
            Err(problem) => {
                warn!("{problem}");
                notice.0 = Some(problem);
                // Leave the way out open: pressing Phones again tries the free ports.
                phones.bypass_change_detection().on = false;
                phones.bypass_change_detection().port = None;
            }
        },
        // A server started by someone else (a test, a benchmark) is not ours to stop at once.
        (false, true) if !phones.is_added() => {
            // Dropping the server closes every connection; seats and scores stay.
            commands.remove_resource::<PhoneLink>();
            commands.remove_resource::<PhoneAddress>();
            info!("phones are off");
        }
        _ => {}
    }
}

/// A new room; `BIGTUNA_ROOM` fixes its code (for demos and tests: four letters).
fn room() -> Room {
    match std::env::var("BIGTUNA_ROOM") {
        Ok(code) if code.len() == 4 && code.chars().all(|c| c.is_ascii_uppercase()) => Room::with_code(code),
        Ok(code) => {
            warn!("BIGTUNA_ROOM={code:?} is not four capital letters: using a random room code");
            Room::new()
        }
        Err(_) => Room::new(),
    }
}

/// The server on the port asked for, or on the first free one of [`PORTS_TRIED`], with the
/// `restored` room or a new one.
fn start(phones: &Phones, restored: Option<&RestoredRoom>) -> Result<PhoneServer, String> {
    let ip = if phones.loopback_only { Ipv4Addr::LOCALHOST } else { Ipv4Addr::UNSPECIFIED };
    let mut ports: Vec<u16> = match phones.port {
        Some(port) => vec![port],
        None => (0..PORTS_TRIED).map(|i| DEFAULT_PORT + i).collect(),
    };
    // A resumed room first tries its own port, where its phones will knock again.
    if phones.port.is_none()
        && let Some(port) = restored.and_then(|r| r.port).filter(|p| *p != 0)
    {
        ports.retain(|p| *p != port);
        ports.insert(0, port);
    }
    let mut last = None;
    // Read anew each time phones are turned on: a host who edits the list turns them off and on.
    let blocked = super::name_ideas::BlockedWords::load();
    for port in &ports {
        let mut room = restored.map(|r| r.room.clone()).unwrap_or_else(room);
        room.blocked = blocked.clone();
        match PhoneServer::start(SocketAddr::from((ip, *port)), room) {
            Ok(server) => return Ok(server),
            Err(error) => last = Some((*port, error)),
        }
    }
    let Some((port, error)) = last else { return Err("no port to try".into()) };
    Err(match (error.kind(), phones.port) {
        (std::io::ErrorKind::AddrInUse, Some(_)) => format!(
            "Phones are off: port {port} is busy (another program, or another Big Tuna, uses it). \
             Press Phones to take a free port, or start with another --port."
        ),
        (std::io::ErrorKind::AddrInUse, None) => format!(
            "Phones are off: ports {DEFAULT_PORT} to {port} are all busy. Close the other program, \
             or start with --port and a free port."
        ),
        _ => format!("Phones are off: the game could not listen on port {port}: {error}."),
    })
}
