//! One connection to the phone server: a phone that joins and plays, or the host's remote.
//! Each message in gets one reply ([`super::requests`]); what the TV shows is pushed as it
//! changes, each session sending only its own part (a phone never sees the answer key or
//! another's result). A connection that ends for a reason of the server's is told why, in an
//! `error` and in the WebSocket close code.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as HttpResponse};
use bevy::log::{info, warn};
use tokio::sync::{Notify, OwnedSemaphorePermit, watch};
use tokio::time::Instant;

use super::audience_view::AudienceSnapshot;
use super::per_address::AddressSlot;

use super::protocol::{ErrorCode, MAX_MESSAGE_BYTES, ServerMessage};
pub use super::rate::MAX_PER_SECOND;
use super::rate::Rate;
use super::requests::{Role, handle};
use super::room::REMOVED;
use super::server_state::{Holder, Inbound, MAX_CONNECTIONS, SEND_TIMEOUT, Shared, Snapshot};

/// Close codes (RFC 6455, section 7.4.1, and this protocol's own from 4000).
mod close {
    /// The server closes an idle connection.
    pub const GOING_AWAY: u16 = 1001;
    /// A frame no client may send (unmasked, broken).
    pub const PROTOCOL: u16 = 1002;
    /// Text that is not UTF-8.
    pub const NOT_UTF8: u16 = 1007;
    /// A message over the limit.
    pub const TOO_BIG: u16 = 1009;
    /// Another device plays as this player now.
    pub const REPLACED: u16 = 4001;
    /// The host changed the host code: this remote signed in with the old one.
    pub const HOST_CODE_CHANGED: u16 = 4002;
}

/// `GET /ws`: a WebSocket, if a connection is free.
pub(super) async fn upgrade(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    ws: WebSocketUpgrade,
) -> HttpResponse {
    let Some(slot) = shared.addresses.take(peer.ip()) else {
        warn!("phone server: {} holds as many connections as one device may: refused one more", peer.ip());
        return (StatusCode::SERVICE_UNAVAILABLE, "too many connections from this device: close a tab and try again")
            .into_response();
    };
    let Ok(permit) = shared.connections.clone().try_acquire_owned() else {
        warn!("phone server: a connection was refused, {MAX_CONNECTIONS} are open");
        return (StatusCode::SERVICE_UNAVAILABLE, "too many connections: try again in a moment").into_response();
    };
    // Small buffers: a phone's messages are small, and a thousand connections at tungstenite's
    // default 128 KiB each would hold 140 MiB; the write buffer is bounded for a phone that
    // stops reading.
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_write_buffer_size(MAX_WRITE_BUFFER)
        .on_upgrade(move |socket| session(socket, shared, (permit, slot)))
}

/// Bytes read from a connection at a time.
const READ_BUFFER: usize = 4 * 1024;

/// Bytes a connection may have waiting to be sent: far more than any one message.
const MAX_WRITE_BUFFER: usize = 1024 * 1024;

/// Why a connection ends with a word to the client: the error for the reply and the close code.
struct Ending {
    code: ErrorCode,
    close: u16,
    message: String,
}

/// Whether a connection still plays its role after the TV changed something.
enum Standing {
    Kept,
    /// The host took this phone out of the party.
    Removed(u32),
    /// The host refused this phone its name: what it hears.
    Refused(u32, String),
    /// The host closed the audience.
    AudienceClosed,
    /// The connection ends, with this word.
    Ended(Ending),
}

fn standing(shared: &Shared, role: Role) -> Standing {
    match role {
        Role::Player(phone) if shared.room().is_refused(phone) => {
            let name = shared.room().phones.get(phone as usize).map(|p| p.name.clone()).unwrap_or_default();
            Standing::Refused(phone, super::room::refusal(&name))
        }
        Role::Player(phone) if shared.room().is_removed(phone) => Standing::Removed(phone),
        Role::Audience(_) if !shared.room().audience_open => Standing::AudienceClosed,
        Role::Host(epoch) if epoch != shared.host_epoch.load(std::sync::atomic::Ordering::SeqCst) => {
            Standing::Ended(Ending {
                code: ErrorCode::WrongHostCode,
                close: close::HOST_CODE_CHANGED,
                message: "the host code was changed on the TV: open the host page with the new one".into(),
            })
        }
        _ => Standing::Kept,
    }
}

/// One connection: a message in, a reply out; and what the game shows pushed as it changes.
/// Ends when the phone closes, idles, misbehaves, or another device takes its seat.
async fn session(mut socket: WebSocket, shared: Arc<Shared>, _held: (OwnedSemaphorePermit, AddressSlot)) {
    let me = Holder { connection: shared.next_connection(), kick: Arc::new(Notify::new()) };
    let mut role = Role::Nobody;
    let mut rate = Rate::default();
    let mut updates = shared.state.subscribe();
    let mut audience = shared.audience.subscribe();
    // The last view sent, so that a change elsewhere (another player answered) sends nothing.
    let mut shown: Option<ServerMessage> = None;
    // The seat the TV gave this phone (its colour), once seated.
    let mut seated: Option<ServerMessage> = None;
    // The question an audience member's answer was acked for: the game keeps no turn for them.
    let mut answered: Option<usize> = None;
    let (mut idle, mut heard) = (shared.idle.subscribe(), Instant::now());
    let ending = loop {
        let quiet_until = heard + *idle.borrow_and_update();
        tokio::select! {
            next = socket.recv() => {
                heard = Instant::now();
                let message = match next {
                    Some(Ok(message)) => message,
                    other => break ended(other, role),
                };
                let before = role;
                let reply = match message {
                    Message::Text(text) => {
                        // Not borrowed while handled: the host's actions may change the snapshot.
                        let players = host_names(role, &updates);
                        answer(&shared, &me, &mut role, &players, &mut rate, text.as_str())
                    }
                    Message::Binary(_) => ServerMessage::error(ErrorCode::BadMessage, "send JSON text, not binary"),
                    // Pings are answered by the WebSocket itself.
                    Message::Ping(_) | Message::Pong(_) => continue,
                    Message::Close(_) => break None,
                };
                if let (Role::Audience(_), ServerMessage::Ack { question }) = (role, &reply) {
                    answered = Some(*question);
                }
                if send(&mut socket, &reply).await.is_err() {
                    info!("{role:?}: too slow to take a reply, closed");
                    break None;
                }
                // Just joined, back, or the room changed for the host: show what the TV shows.
                if before != role || matches!(role, Role::Host(_)) {
                    (shown, seated) = (None, None);
                }
            }
            changed = changed(role, &mut updates, &mut audience), if role != Role::Nobody => {
                if changed.is_err() {
                    break None;
                }
            }
            () = tokio::time::sleep_until(quiet_until) => break idled(&mut socket, role, &idle).await,
            // A new idle time: wait again with it.
            Ok(()) = idle.changed() => continue,
            () = me.kick.notified() => {
                info!("{role:?}: another device came back as this player: closed");
                break Some(replaced());
            }
        }
        if role == Role::Nobody {
            continue;
        }
        match stand(&mut socket, &shared, &me, &mut role).await {
            Ok(true) => {}
            // Still connected, to join again.
            Ok(false) => {
                (shown, seated, answered) = (None, None, None);
                continue;
            }
            Err(ending) => break ending,
        }
        let me_now = Viewer { role, answered };
        let watched = (&mut updates, &mut audience);
        if push(&mut socket, &shared, me_now, watched, (&mut seated, &mut shown)).await.is_err() {
            info!("{role:?}: too slow to take an update, closed");
            break None;
        }
    };
    finish(socket, &shared, (role, &me), ending).await;
}

/// The players' names, which only the host's actions need (a new name is checked against
/// them): nobody else's message copies them.
fn host_names(role: Role, updates: &watch::Receiver<Snapshot>) -> Vec<String> {
    match role {
        Role::Host(_) => updates.borrow().host.players.iter().map(|p| p.name.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Closes a connection that sent nothing for the idle time.
async fn idled(socket: &mut WebSocket, role: Role, idle: &watch::Receiver<Duration>) -> Option<Ending> {
    info!("{role:?}: idle for {:?}, closed", *idle.borrow());
    let _ = close_with(socket, close::GOING_AWAY, "idle").await;
    None
}

/// Waits for what the TV shows `role` to change: the audience's part, or the rest.
async fn changed(
    role: Role,
    updates: &mut watch::Receiver<Snapshot>,
    audience: &mut watch::Receiver<AudienceSnapshot>,
) -> Result<(), watch::error::RecvError> {
    match role {
        Role::Audience(_) => audience.changed().await,
        _ => updates.changed().await,
    }
}

fn replaced() -> Ending {
    Ending {
        code: ErrorCode::Replaced,
        close: close::REPLACED,
        message: "you are playing on another device now: this one is closed".into(),
    }
}

/// Whether the connection still plays its role after the TV changed something: `Ok(true)`
/// it does; `Ok(false)` it was told why not and joins again as nobody; `Err` it ends.
async fn stand(socket: &mut WebSocket, shared: &Shared, me: &Holder, role: &mut Role) -> Result<bool, Option<Ending>> {
    let why = match standing(shared, *role) {
        Standing::Kept => return Ok(true),
        Standing::Removed(phone) => {
            shared.release(phone, me.connection);
            ServerMessage::error(ErrorCode::Removed, REMOVED)
        }
        Standing::Refused(phone, why) => {
            shared.release(phone, me.connection);
            ServerMessage::error(ErrorCode::NameRefused, why)
        }
        Standing::AudienceClosed => ServerMessage::error(ErrorCode::AudienceClosed, super::room::AUDIENCE_CLOSED),
        Standing::Ended(ending) => return Err(Some(ending)),
    };
    *role = Role::Nobody;
    send(socket, &why).await.map_err(|()| None)?;
    Ok(false)
}

/// Tells the phone why it ends, if it does for a reason, and frees its seat for its return.
async fn finish(mut socket: WebSocket, shared: &Shared, (role, me): (Role, &Holder), ending: Option<Ending>) {
    if let Some(Ending { code, close, message }) = ending {
        // It may not hear any more: then there is nobody to tell.
        let _ = send(&mut socket, &ServerMessage::error(code, message.clone())).await;
        let _ = close_with(&mut socket, close, &message).await;
    }
    if let Role::Player(phone) = role
        && shared.release(phone, me.connection)
    {
        shared.tell_game(Inbound::Left { phone });
    }
}

/// The reply to a text message: a flood's extra messages are dropped with a word, the rest
/// handled for this connection's role.
fn answer(
    shared: &Shared,
    me: &Holder,
    role: &mut Role,
    players: &[String],
    rate: &mut Rate,
    text: &str,
) -> ServerMessage {
    if !rate.allow(tokio::time::Instant::now()) {
        return ServerMessage::error(
            ErrorCode::TooMany,
            format!("more than {MAX_PER_SECOND} messages a second: this one was dropped, slow down"),
        );
    }
    handle(shared, me, role, players, text)
}

/// The socket closed (`None`) or broke: what to tell the phone, if it still hears.
fn ended(next: Option<Result<Message, axum::Error>>, role: Role) -> Option<Ending> {
    let Some(Err(error)) = next else { return None };
    let ending = broken(error);
    if let Some(ending) = &ending {
        warn!("{role:?}: {}: closed", ending.message);
    }
    ending
}

/// Who a connection shows the game to, and what only the connection knows of it.
#[derive(Debug, Clone, Copy)]
struct Viewer {
    role: Role,
    /// An audience member's last acked answer.
    answered: Option<usize>,
}

/// Sends what changed for `viewer` since it was last sent: its seat, then its view.
async fn push(
    socket: &mut WebSocket,
    shared: &Shared,
    viewer: Viewer,
    (updates, audience): (&mut watch::Receiver<Snapshot>, &mut watch::Receiver<AudienceSnapshot>),
    (seated, shown): (&mut Option<ServerMessage>, &mut Option<ServerMessage>),
) -> Result<(), ()> {
    let (seat, now) = if let Role::Audience(member) = viewer.role {
        (None, super::audience_view::view(&audience.borrow_and_update(), member, viewer.answered))
    } else {
        let snapshot = updates.borrow_and_update();
        let seat = match viewer.role {
            Role::Player(id) => {
                snapshot.seats.get(&id).cloned().map(|(name, colour)| ServerMessage::Seated { name, colour })
            }
            _ => None,
        };
        (seat, super::shown::view(&snapshot, viewer.role, shared))
    };
    for (now, shown) in [(seat, seated), (now, shown)] {
        if now.is_some() && now != *shown {
            if let Some(message) = &now {
                send(socket, message).await?;
            }
            *shown = now;
        }
    }
    Ok(())
}

/// What a broken frame ends the connection with, if it still hears (an I/O error: nothing).
fn broken(error: axum::Error) -> Option<Ending> {
    let error = error.into_inner();
    let Some(error) = error.downcast_ref::<tungstenite::Error>() else {
        return Some(Ending { code: ErrorCode::BadFrame, close: close::PROTOCOL, message: error.to_string() });
    };
    let (code, close, message) = match error {
        tungstenite::Error::Capacity(_) => {
            (ErrorCode::TooLarge, close::TOO_BIG, format!("messages may be at most {MAX_MESSAGE_BYTES} bytes"))
        }
        tungstenite::Error::Utf8(_) => (ErrorCode::BadFrame, close::NOT_UTF8, "a text frame that is not UTF-8".into()),
        tungstenite::Error::Protocol(tungstenite::error::ProtocolError::UnmaskedFrameFromClient) => {
            (ErrorCode::BadFrame, close::PROTOCOL, "an unmasked frame: a client masks every frame".into())
        }
        // The phone went away without saying goodbye (a tab closed, a lost signal).
        tungstenite::Error::Protocol(tungstenite::error::ProtocolError::ResetWithoutClosingHandshake) => return None,
        tungstenite::Error::Protocol(problem) => {
            (ErrorCode::BadFrame, close::PROTOCOL, format!("a broken frame: {problem}"))
        }
        _ => return None,
    };
    Some(Ending { code, close, message: format!("{message}: the connection is closed") })
}

async fn send(socket: &mut WebSocket, message: &ServerMessage) -> Result<(), ()> {
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Text(message.to_json().into()))).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}

async fn close_with(socket: &mut WebSocket, code: u16, reason: &str) -> Result<(), ()> {
    // A close reason is at most 123 bytes; ours are short, and cut at a character if not.
    let mut reason = reason.to_owned();
    while reason.len() > 123 {
        reason.pop();
    }
    let frame = Message::Close(Some(CloseFrame { code, reason: reason.into() }));
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(frame)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}
