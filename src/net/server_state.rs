//! What the phone server's sessions share with each other and with the game: the room, the
//! channel to the game, the order of arrival, the bound on connections, and the snapshot of
//! what the TV shows.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Duration;

use tokio::sync::{Notify, Semaphore, watch};

use super::protocol::HostCommand;
use super::room::Room;
use super::views::{FinalView, HostView, QuestionView, ResultView, Stage, Turn, WagerView};
use crate::game::Response;

/// Connections open at once, at most: a party of a hundred, each reloading once, beside a full
/// audience, a tenth of it reloading, fits.
pub const MAX_CONNECTIONS: usize = 2 * super::room::MAX_PHONES + super::room::MAX_AUDIENCE * 11 / 10;

/// A connection that sends nothing for this long is closed (a phone that slept reconnects).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(120);

/// A reply a phone does not take within this time ends its connection (a slow client).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(5);

/// What a phone did, for the game, in order of arrival.
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    /// A new player joined.
    Joined {
        /// The phone's number in the room.
        phone: u32,
        /// Its name.
        name: String,
        /// How far its player has watched (seasons `1..=N`), if they said.
        watched_to: Option<u8>,
        /// What evens its player's odds.
        handicap: crate::game::Handicap,
    },
    /// A new phone waits for the host to let it in under its name ("approve names").
    Waiting {
        /// The phone's number in the room.
        phone: u32,
        /// The name it asks for.
        name: String,
    },
    /// The host refused a waiting phone its name.
    Refused {
        /// The phone's number.
        phone: u32,
    },
    /// A player came back (reload, sleep) with their secret.
    Returned {
        /// The phone's number.
        phone: u32,
    },
    /// A player answered.
    Answer {
        /// The phone's number.
        phone: u32,
        /// The question it answers (0-based).
        question: usize,
        /// The answer.
        response: Response,
        /// Its place in the order of arrival, across all phones.
        arrival: u64,
    },
    /// A player buzzed in.
    Buzz {
        /// The phone's number.
        phone: u32,
        /// The question.
        question: usize,
        /// Its place in the order of arrival.
        arrival: u64,
    },
    /// A phone's bet on the final wager's question.
    Wager {
        /// The phone.
        phone: u32,
        /// Index of the question bet on.
        question: usize,
        /// Points bet.
        points: u32,
    },
    /// A player used a lifeline.
    Lifeline {
        /// The phone's number.
        phone: u32,
        /// The question (0-based).
        question: usize,
        /// Which.
        lifeline: crate::game::Lifeline,
    },
    /// A phone joined the audience.
    AudienceJoined {
        /// Its number in the audience.
        member: u32,
        /// Its name.
        name: String,
    },
    /// An audience member answered.
    AudienceAnswer {
        /// Its number in the audience.
        member: u32,
        /// The question it answers (0-based).
        question: usize,
        /// The answer.
        response: Response,
    },
    /// The host opened or closed the audience (the room's own, and already done).
    AudienceOpen(bool),
    /// A player's connection closed (they may come back).
    Left {
        /// The phone's number.
        phone: u32,
    },
    /// The host remote acted (lock and unlock are the room's, and already done).
    Host(HostCommand),
}

/// One phone's part of the open question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhoneTurn {
    /// What it may do now.
    pub turn: Turn,
    /// Why not, for people.
    pub note: String,
    /// Its player's lifelines.
    pub lifelines: super::views::LifelineView,
    /// Its player's own time on the question (a handicap may give more), if timed.
    pub seconds: Option<u32>,
}

/// What the TV shows now, for phones and the host remote; each session sends its own part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// Where the game is.
    pub stage: Stage,
    /// The players' names, in seat order (for the lobby).
    pub lobby: Vec<String>,
    /// Each seated phone's name and colour (`#rrggbb`) on the TV.
    pub seats: HashMap<u32, (String, String)>,
    /// The question open (or just closed); its `turn` is each phone's, in `turns`.
    pub question: Option<QuestionView>,
    /// What each phone may do with the open question, why not, and its lifelines.
    pub turns: HashMap<u32, PhoneTurn>,
    /// Each phone's result, once the question is revealed, by phone number.
    pub results: HashMap<u32, ResultView>,
    /// Each phone's end of the game.
    pub finals: HashMap<u32, FinalView>,
    /// The final wager's step, for each phone.
    pub wagers: HashMap<u32, WagerView>,
    /// What the audience's phones see.
    pub audience: super::audience_view::AudienceSnapshot,
    /// The host remote's view.
    pub host: HostView,
    /// Seconds the streaming overlay waits before it shows a reveal.
    pub overlay_delay: u32,
}

/// What the sessions share.
pub(super) struct Shared {
    pub(super) room: Mutex<Room>,
    pub(super) inbound: Mutex<mpsc::Sender<Inbound>>,
    /// Order of arrival of answers and buzzes, across phones.
    pub(super) arrival: AtomicU64,
    pub(super) connections: Arc<Semaphore>,
    pub(super) state: watch::Sender<Snapshot>,
    /// The audience's part, apart: what the players do changes it rarely, and a thousand
    /// audience phones are not woken by each player's answer.
    pub(super) audience: watch::Sender<super::audience_view::AudienceSnapshot>,
    /// Wakes the game's loop when a phone did something (a window waits for input).
    pub(super) waker: Mutex<Option<Waker>>,
    /// The connection that plays as each phone now.
    pub(super) holders: Mutex<HashMap<u32, Holder>>,
    /// Numbers connections, for [`Holder`].
    pub(super) connections_made: AtomicU64,
    /// Counts changes of the host code: a remote signed in before the last change is out.
    pub(super) host_epoch: AtomicU64,
    /// The pictures phones may fetch now (the open question's).
    pub(super) media: Mutex<Shelf>,
    /// How long a connection may send nothing ([`IDLE_TIMEOUT`] unless set): watched, so that
    /// a change applies to every waiting connection at once.
    pub(super) idle: watch::Sender<Duration>,
    /// Open WebSockets by address, so that one device cannot take them all.
    pub(super) addresses: Arc<super::per_address::Addresses>,
}

/// A connection that plays as a phone, and what closes it when another device takes over.
#[derive(Debug, Clone)]
pub(super) struct Holder {
    /// Which connection.
    pub(super) connection: u64,
    /// Told when another device comes back with the same secret.
    pub(super) kick: std::sync::Arc<Notify>,
}

/// What wakes the game.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

impl Shared {
    pub(super) fn room(&self) -> std::sync::MutexGuard<'_, Room> {
        // A session that panicked cannot leave the room half-changed: every change is one push.
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A number for a new connection.
    pub(super) fn next_connection(&self) -> u64 {
        self.connections_made.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// `holder` plays as `phone` from now on: a device that did until now is closed, so two
    /// devices never play one seat.
    pub(super) fn hold(&self, phone: u32, holder: &Holder) {
        let before = self.holders.lock().unwrap_or_else(PoisonError::into_inner).insert(phone, holder.clone());
        if let Some(before) = before.filter(|before| before.connection != holder.connection) {
            before.kick.notify_one();
        }
    }

    /// `connection` ended: whether it still played as `phone` (else a newer device does).
    pub(super) fn release(&self, phone: u32, connection: u64) -> bool {
        let mut holders = self.holders.lock().unwrap_or_else(PoisonError::into_inner);
        let held = holders.get(&phone).is_some_and(|holder| holder.connection == connection);
        if held {
            holders.remove(&phone);
        }
        held
    }

    /// Opens or closes the audience: its phones hear it now, and the game is told.
    pub(super) fn set_audience_open(&self, open: bool) {
        self.room().audience_open = open;
        // Wakes every session, so that the audience's phones (and the host remote) hear it now.
        self.state.send_modify(|_| {});
        self.audience.send_modify(|_| {});
        self.tell_game(Inbound::AudienceOpen(open));
        bevy::log::info!("the audience is {}", if open { "open" } else { "closed" });
    }

    pub(super) fn tell_game(&self, event: Inbound) {
        // The game may be gone (shutting down): then nobody needs to hear it.
        let _ = self.inbound.lock().unwrap_or_else(PoisonError::into_inner).send(event);
        if let Some(wake) = self.waker.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
            wake();
        }
    }
}

/// A picture on the shelf: its bytes and content type.
#[derive(Debug, Clone)]
pub struct Shelved {
    /// The file's bytes, read by the game.
    pub bytes: std::sync::Arc<[u8]>,
    /// `image/png` or `image/jpeg`.
    pub kind: &'static str,
}

/// The pictures phones may fetch now, by name.
pub type Shelf = HashMap<String, Shelved>;
