//! The phone server: HTTP and WebSocket (axum) on a small tokio runtime of its own thread.
//! It checks every message, answers the phone that sent it, and hands the game what phones
//! did through a channel, numbered in order of arrival. A phone is untrusted: it reaches no
//! file, acts only for the player its connection joined as, and is bounded in message size,
//! connections and idle time.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Duration;

use axum::routing::get;
use bevy::log::{info, warn};
use tokio::sync::{Semaphore, oneshot, watch};

use super::room::Room;
use super::server_state::Shared;
pub use super::server_state::{IDLE_TIMEOUT, Inbound, MAX_CONNECTIONS, SEND_TIMEOUT, Snapshot, Waker};
use super::{gate, pages, session};

pub use super::gate::{HEADER_TIMEOUT, MAX_HEADER_BYTES, MAX_OPEN, MAX_WAITING, MAX_WAITING_PER_ADDRESS};

/// The running phone server, while phones are on.
#[derive(bevy::prelude::Resource)]
pub struct PhoneLink(pub PhoneServer);

/// A running phone server. Dropping it stops the server and closes every connection.
pub struct PhoneServer {
    addr: SocketAddr,
    code: String,
    host_code: String,
    inbound: Mutex<mpsc::Receiver<Inbound>>,
    stop: Option<oneshot::Sender<()>>,
    pub(super) shared: Arc<Shared>,
    /// Snapshots handed over by the game (sent or not): the publisher runs on change only.
    handed: std::sync::atomic::AtomicU64,
}

impl PhoneServer {
    /// Starts serving `room` on `bind`. A port in use, or no permission, is an error here,
    /// before anything runs, for the caller to explain.
    pub fn start(bind: SocketAddr, room: Room) -> std::io::Result<Self> {
        super::file_limit::raise();
        let listener = std::net::TcpListener::bind(bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build()?;
        let (sender, inbound) = mpsc::channel();
        let (stop, stopped) = oneshot::channel::<()>();
        let (code, host_code) = (room.code.clone(), room.host_code.clone());
        let shared = Arc::new(Shared {
            host_epoch: AtomicU64::new(0),
            room: Mutex::new(room),
            inbound: Mutex::new(sender),
            arrival: AtomicU64::new(0),
            connections: Arc::new(Semaphore::new(MAX_CONNECTIONS)),
            state: watch::Sender::new(Snapshot::default()),
            audience: watch::Sender::new(Default::default()),
            waker: Mutex::new(None),
            holders: Mutex::new(HashMap::new()),
            media: Mutex::new(HashMap::new()),
            connections_made: AtomicU64::new(0),
            idle: watch::Sender::new(IDLE_TIMEOUT),
            addresses: Arc::default(),
        });
        let published = Arc::clone(&shared);
        std::thread::Builder::new().name("phone-server".into()).spawn(move || {
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => listener,
                    Err(error) => {
                        warn!("the phone server could not start: {error}");
                        return;
                    }
                };
                let app = pages::routes()
                    .route("/ws", get(session::upgrade))
                    .route("/media/{name}", get(super::media::serve))
                    .layer(axum::middleware::map_response(gate::one_request))
                    .with_state(shared);
                // Serve until told to stop (or the game is gone); leaving ends every session.
                tokio::select! {
                    () = gate::serve(listener, app) => {}
                    _ = stopped => {}
                }
            });
        })?;
        info!("phone server on {addr}, room {code}");
        Ok(Self {
            addr,
            code,
            host_code,
            inbound: Mutex::new(inbound),
            stop: Some(stop),
            shared: published,
            handed: 0.into(),
        })
    }

    /// Closes connections that have sent nothing for `idle` (the default is [`IDLE_TIMEOUT`]),
    /// those connected now included: a shorter time frees a crowded room's seats sooner.
    pub fn set_idle_timeout(&self, idle: Duration) {
        self.shared.idle.send_replace(idle);
    }

    /// At most `limit` WebSockets open from one address ([`super::per_address::MAX_PER_ADDRESS`]
    /// unless set); with `loopback_counted`, this computer's own count too (for tests).
    pub fn set_address_limit(&self, limit: usize, loopback_counted: bool) {
        self.shared.addresses.set_limit(limit, loopback_counted);
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The room code players type.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The host remote's code, for the TV's host panel only.
    pub fn host_code(&self) -> &str {
        &self.host_code
    }

    /// A new host code, for a host who thinks the old one was seen: every remote signed in
    /// with the old one is closed, and only the new one signs in.
    pub fn change_host_code(&mut self) -> &str {
        let code = {
            let mut room = self.shared.room();
            room.new_host_code();
            room.host_code.clone()
        };
        self.shared.host_epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        // Wakes every session, so that the old remotes hear it now.
        self.shared.state.send_modify(|_| {});
        info!("the host code was changed: remotes with the old one are closed");
        self.host_code = code;
        &self.host_code
    }

    /// The room as it stands: its codes and every phone with its secret.
    pub fn room(&self) -> Room {
        self.shared.room().clone()
    }

    /// The host took `phone` out of the party: its name is free again, and its connection is
    /// told so and goes back to joining.
    pub fn remove_phone(&self, phone: u32) {
        if self.shared.room().remove(phone) {
            // Wakes every session, so that the phone hears it now.
            self.shared.state.send_modify(|_| {});
            info!("phone {phone} was taken out of the party");
        }
    }

    /// The host renamed the player on `phone`: the room knows it by its new name (its seat's
    /// name, pushed to it, comes with the game's next snapshot).
    pub fn rename_phone(&self, phone: u32, name: &str) {
        self.shared.room().rename(phone, name);
    }

    /// Whether the audience is open.
    pub fn audience_open(&self) -> bool {
        self.shared.room().audience_open
    }

    /// Opens or closes the audience (the TV's host panel): closed, nobody joins it and its
    /// phones are told and stop playing along; the game hears it too.
    pub fn set_audience_open(&self, open: bool) {
        if self.audience_open() != open {
            self.shared.set_audience_open(open);
        }
    }

    /// Whether the host locked the room.
    pub fn locked(&self) -> bool {
        self.shared.room().locked
    }

    /// Shows every phone what the TV shows now; each session sends its own phone's part.
    /// Nothing is sent when nothing changed.
    pub fn publish(&self, mut snapshot: Snapshot) {
        self.handed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut audience = std::mem::take(&mut snapshot.audience);
        (audience.stage, audience.lobby) = (snapshot.stage, snapshot.lobby.clone());
        self.shared.audience.send_if_modified(|now| {
            let changed = *now != audience;
            if changed {
                *now = audience;
            }
            changed
        });
        self.shared.state.send_if_modified(|now| {
            let changed = *now != snapshot;
            if changed {
                *now = snapshot;
            }
            changed
        });
    }

    /// Puts `shelf` up as the pictures phones may fetch, in place of the last.
    pub fn shelve(&self, shelf: super::server_state::Shelf) {
        if let Ok(mut now) = self.shared.media.lock() {
            let same = now.len() == shelf.len() && shelf.keys().all(|name| now.contains_key(name));
            if !same {
                *now = shelf;
            }
        }
    }

    /// How many snapshots the game handed over so far, changed or not.
    pub fn snapshots_handed(&self) -> u64 {
        self.handed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Calls `wake` whenever a phone did something, so a game that waits for input looks.
    pub fn set_waker(&self, wake: Waker) {
        *self.shared.waker.lock().unwrap_or_else(PoisonError::into_inner) = Some(wake);
    }

    /// What phones did since the last call, in order of arrival.
    pub fn drain(&self) -> Vec<Inbound> {
        self.inbound.lock().unwrap_or_else(PoisonError::into_inner).try_iter().collect()
    }
}

impl Drop for PhoneServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
