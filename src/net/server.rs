//! The phone server: HTTP and WebSocket (axum) on a small tokio runtime of its own thread.
//! It checks every message, answers the phone that sent it, and hands the game what phones
//! did through a channel, numbered in order of arrival. A phone is untrusted: it reaches no
//! file, acts only for the player its connection joined as, and is bounded in message size,
//! connections and idle time.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::get;
use bevy::log::{info, warn};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot, watch};

use super::protocol::{
    ClientMessage, ErrorCode, MAX_MESSAGE_BYTES, PROTOCOL_VERSION, QuestionView, ResultView, ServerMessage, parse,
};
use super::room::Room;
use crate::game::Response;

/// Connections open at once, at most: a party of a hundred, each reloading once, fits.
pub const MAX_CONNECTIONS: usize = 256;

/// A connection that sends nothing for this long is closed (a phone that slept reconnects).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(120);

/// A reply a phone does not take within this time ends its connection (a slow client).
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

/// What a phone did, for the game, in order of arrival.
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    /// A new player joined.
    Joined {
        /// The phone's number in the room.
        phone: u32,
        /// Its name.
        name: String,
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
    /// A player's connection closed (they may come back).
    Left {
        /// The phone's number.
        phone: u32,
    },
}

/// What the TV shows phones now: the open question, or each phone's result of the last one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// The question open (or just closed).
    pub question: Option<QuestionView>,
    /// Each phone's result, once the question is revealed, by phone number.
    pub results: HashMap<u32, ResultView>,
}

/// What the sessions share.
struct Shared {
    room: Mutex<Room>,
    inbound: Mutex<mpsc::Sender<Inbound>>,
    arrival: AtomicU64,
    connections: Arc<Semaphore>,
    state: watch::Sender<Snapshot>,
}

impl Shared {
    fn room(&self) -> std::sync::MutexGuard<'_, Room> {
        // A session that panicked cannot leave the room half-changed: every change is one push.
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn tell_game(&self, event: Inbound) {
        // The game may be gone (shutting down): then nobody needs to hear it.
        let _ = self.inbound.lock().unwrap_or_else(PoisonError::into_inner).send(event);
    }
}

/// A running phone server. Dropping it stops the server and closes every connection.
pub struct PhoneServer {
    addr: SocketAddr,
    code: String,
    inbound: Mutex<mpsc::Receiver<Inbound>>,
    stop: Option<oneshot::Sender<()>>,
    shared: Arc<Shared>,
}

impl PhoneServer {
    /// Starts serving `room` on `bind`. A port in use, or no permission, is an error here,
    /// before anything runs, for the caller to explain.
    pub fn start(bind: SocketAddr, room: Room) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build()?;
        let (sender, inbound) = mpsc::channel();
        let (stop, stopped) = oneshot::channel::<()>();
        let code = room.code.clone();
        let shared = Arc::new(Shared {
            room: Mutex::new(room),
            inbound: Mutex::new(sender),
            arrival: AtomicU64::new(0),
            connections: Arc::new(Semaphore::new(MAX_CONNECTIONS)),
            state: watch::Sender::new(Snapshot::default()),
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
                let app = Router::new().route("/ws", get(upgrade)).with_state(shared);
                let server = tokio::spawn(async move { axum::serve(listener, app).await });
                // Serve until told to stop (or the game is gone); leaving ends every session.
                let _ = stopped.await;
                server.abort();
            });
        })?;
        info!("phone server on {addr}, room {code}");
        Ok(Self { addr, code, inbound: Mutex::new(inbound), stop: Some(stop), shared: published })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The room code players type.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Shows every phone what the TV shows now; each session sends its own phone's part.
    pub fn publish(&self, snapshot: Snapshot) {
        self.shared.state.send_replace(snapshot);
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

async fn upgrade(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> HttpResponse {
    let Ok(permit) = shared.connections.clone().try_acquire_owned() else {
        warn!("phone server: a connection was refused, {MAX_CONNECTIONS} are open");
        return (StatusCode::SERVICE_UNAVAILABLE, "too many connections: try again in a moment").into_response();
    };
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| session(socket, shared, permit))
}

/// One phone's connection: a message in, a reply out; and what the game shows (the open
/// question, then the player's result) pushed as it changes. Ends when the phone closes,
/// idles or misbehaves.
async fn session(mut socket: WebSocket, shared: Arc<Shared>, _permit: OwnedSemaphorePermit) {
    let mut phone: Option<u32> = None;
    let mut updates = shared.state.subscribe();
    loop {
        tokio::select! {
            next = tokio::time::timeout(IDLE_TIMEOUT, socket.recv()) => {
                let message = match next {
                    Err(_) => {
                        info!("phone {phone:?}: idle for {} s, closed", IDLE_TIMEOUT.as_secs());
                        break;
                    }
                    Ok(None) => break,
                    Ok(Some(Err(error))) => {
                        // An oversized or broken frame ends the connection; say why, if it still hears.
                        warn!("phone {phone:?}: {error}: closed");
                        let reply = ServerMessage::error(ErrorCode::TooLarge, format!("{error}: the connection is closed"));
                        let _ = send(&mut socket, &reply).await;
                        break;
                    }
                    Ok(Some(Ok(message))) => message,
                };
                let joined_before = phone.is_some();
                let reply = match message {
                    Message::Text(text) => handle(&shared, &mut phone, text.as_str()),
                    Message::Binary(_) => ServerMessage::error(ErrorCode::BadMessage, "send JSON text, not binary"),
                    // Pings are answered by the WebSocket itself.
                    Message::Ping(_) | Message::Pong(_) => continue,
                    Message::Close(_) => break,
                };
                if send(&mut socket, &reply).await.is_err() {
                    info!("phone {phone:?}: too slow to take a reply, closed");
                    break;
                }
                // Just joined or back: show what the TV shows now.
                if !joined_before && let Some(id) = phone {
                    let now = view_for(&updates.borrow_and_update(), id);
                    if let Some(now) = now && send(&mut socket, &now).await.is_err() {
                        break;
                    }
                }
            }
            changed = updates.changed(), if phone.is_some() => {
                if changed.is_err() {
                    break;
                }
                let now = phone.and_then(|id| view_for(&updates.borrow_and_update(), id));
                if let Some(now) = now && send(&mut socket, &now).await.is_err() {
                    info!("phone {phone:?}: too slow to take an update, closed");
                    break;
                }
            }
        }
    }
    if let Some(phone) = phone {
        shared.tell_game(Inbound::Left { phone });
    }
}

/// What phone `id` should see of `snapshot`: its result once revealed, else the question.
fn view_for(snapshot: &Snapshot, id: u32) -> Option<ServerMessage> {
    match (&snapshot.question, snapshot.results.get(&id)) {
        (_, Some(result)) => Some(ServerMessage::Reveal(result.clone())),
        (Some(question), None) => Some(ServerMessage::Question(question.clone())),
        (None, None) => None,
    }
}

async fn send(socket: &mut WebSocket, message: &ServerMessage) -> Result<(), ()> {
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Text(message.to_json().into()))).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}

/// What a message does, and the reply to its sender. `phone` is who this connection joined
/// as: it can act for no one else.
fn handle(shared: &Shared, phone: &mut Option<u32>, text: &str) -> ServerMessage {
    let message = match parse(text) {
        Ok(message) => message,
        Err(reply) => {
            warn!("phone {phone:?}: refused a message: {reply:?}");
            return reply;
        }
    };
    let who = *phone;
    let refused = |code, message: String| {
        warn!("phone {who:?}: {message}");
        ServerMessage::error(code, message)
    };
    match (message, who) {
        (ClientMessage::Ping, _) => ServerMessage::Pong,
        (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. }, Some(id)) => {
            refused(ErrorCode::AlreadyJoined, format!("this connection already plays as player {id}"))
        }
        (ClientMessage::Join { room, name }, None) => {
            let mut room_state = shared.room();
            match room_state.join(&room, &name) {
                Ok(joined) => {
                    let welcome = welcome(joined);
                    *phone = Some(joined.id);
                    shared.tell_game(Inbound::Joined { phone: joined.id, name: joined.name.clone() });
                    welcome
                }
                Err((code, message)) => refused(code, message),
            }
        }
        (ClientMessage::Rejoin { secret }, None) => match shared.room().rejoin(&secret) {
            Ok(returning) => {
                *phone = Some(returning.id);
                shared.tell_game(Inbound::Returned { phone: returning.id });
                welcome(returning)
            }
            Err((code, message)) => refused(code, message),
        },
        (ClientMessage::Answer { question, answer }, Some(id)) => {
            let arrival = shared.arrival.fetch_add(1, Ordering::SeqCst);
            shared.tell_game(Inbound::Answer { phone: id, question, response: answer.into_response(), arrival });
            ServerMessage::Ack { question }
        }
        (ClientMessage::Buzz { question }, Some(id)) => {
            let arrival = shared.arrival.fetch_add(1, Ordering::SeqCst);
            shared.tell_game(Inbound::Buzz { phone: id, question, arrival });
            ServerMessage::Ack { question }
        }
        (ClientMessage::Answer { .. } | ClientMessage::Buzz { .. }, None) => {
            refused(ErrorCode::NotJoined, "join the room first".into())
        }
    }
}

fn welcome(phone: &super::room::Phone) -> ServerMessage {
    ServerMessage::Welcome {
        version: PROTOCOL_VERSION,
        player: phone.id,
        name: phone.name.clone(),
        secret: phone.secret.clone(),
    }
}
