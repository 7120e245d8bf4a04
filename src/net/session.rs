//! One connection to the phone server: a phone that joins and plays, or the host's remote.
//! Each message in gets one reply ([`super::requests`]); what the TV shows is pushed as it
//! changes, each session sending only its own part (a phone never sees the answer key or
//! another's result). A connection that ends for a reason of the server's is told why, in an
//! `error` and in the WebSocket close code.

use std::sync::Arc;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as HttpResponse};
use bevy::log::{info, warn};
use tokio::sync::{Notify, OwnedSemaphorePermit};

use super::protocol::{ErrorCode, MAX_MESSAGE_BYTES, ServerMessage};
use super::requests::{Role, handle};
use super::room::REMOVED;
use super::server_state::{Holder, IDLE_TIMEOUT, Inbound, MAX_CONNECTIONS, SEND_TIMEOUT, Shared, Snapshot};
use super::views::{Stage, Turn};

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
pub(super) async fn upgrade(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> HttpResponse {
    let Ok(permit) = shared.connections.clone().try_acquire_owned() else {
        warn!("phone server: a connection was refused, {MAX_CONNECTIONS} are open");
        return (StatusCode::SERVICE_UNAVAILABLE, "too many connections: try again in a moment").into_response();
    };
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| session(socket, shared, permit))
}

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
    /// The connection ends, with this word.
    Ended(Ending),
}

fn standing(shared: &Shared, role: Role) -> Standing {
    match role {
        Role::Player(phone) if shared.room().is_removed(phone) => Standing::Removed(phone),
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
async fn session(mut socket: WebSocket, shared: Arc<Shared>, _permit: OwnedSemaphorePermit) {
    let me = Holder { connection: shared.next_connection(), kick: Arc::new(Notify::new()) };
    let mut role = Role::Nobody;
    let mut rate = Rate::default();
    let mut updates = shared.state.subscribe();
    // The last view sent, so that a change elsewhere (another player answered) sends nothing.
    let mut shown: Option<ServerMessage> = None;
    // The seat the TV gave this phone (its colour), once seated.
    let mut seated: Option<ServerMessage> = None;
    let ending = loop {
        tokio::select! {
            next = tokio::time::timeout(IDLE_TIMEOUT, socket.recv()) => {
                let message = match next {
                    Err(_) => {
                        info!("{role:?}: idle for {} s, closed", IDLE_TIMEOUT.as_secs());
                        let _ = close_with(&mut socket, close::GOING_AWAY, "idle").await;
                        break None;
                    }
                    Ok(Some(Ok(message))) => message,
                    Ok(other) => break ended(other, role),
                };
                let before = role;
                let reply = match message {
                    Message::Text(text) => answer(&shared, &me, &mut role, &updates.borrow(), &mut rate, text.as_str()),
                    Message::Binary(_) => ServerMessage::error(ErrorCode::BadMessage, "send JSON text, not binary"),
                    // Pings are answered by the WebSocket itself.
                    Message::Ping(_) | Message::Pong(_) => continue,
                    Message::Close(_) => break None,
                };
                if send(&mut socket, &reply).await.is_err() {
                    info!("{role:?}: too slow to take a reply, closed");
                    break None;
                }
                // Just joined, back, or the room changed for the host: show what the TV shows.
                if before != role || matches!(role, Role::Host(_)) {
                    (shown, seated) = (None, None);
                }
            }
            changed = updates.changed(), if role != Role::Nobody => {
                if changed.is_err() {
                    break None;
                }
            }
            () = me.kick.notified() => {
                info!("{role:?}: another device came back as this player: closed");
                break Some(Ending {
                    code: ErrorCode::Replaced,
                    close: close::REPLACED,
                    message: "you are playing on another device now: this one is closed".into(),
                });
            }
        }
        if role == Role::Nobody {
            continue;
        }
        match standing(&shared, role) {
            Standing::Kept => {}
            Standing::Removed(phone) => {
                // Still connected, to join again under a name of its choice.
                shared.release(phone, me.connection);
                (role, shown, seated) = (Role::Nobody, None, None);
                if send(&mut socket, &ServerMessage::error(ErrorCode::Removed, REMOVED)).await.is_err() {
                    break None;
                }
                continue;
            }
            Standing::Ended(ending) => break Some(ending),
        }
        if push(&mut socket, &shared, role, &mut updates, (&mut seated, &mut shown)).await.is_err() {
            info!("{role:?}: too slow to take an update, closed");
            break None;
        }
    };
    finish(socket, &shared, (role, &me), ending).await;
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
    snapshot: &Snapshot,
    rate: &mut Rate,
    text: &str,
) -> ServerMessage {
    if !rate.allow(tokio::time::Instant::now()) {
        return ServerMessage::error(
            ErrorCode::TooMany,
            format!("more than {MAX_PER_SECOND} messages a second: this one was dropped, slow down"),
        );
    }
    handle(shared, me, role, snapshot, text)
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

/// Sends what changed for `role` since it was last sent: its seat, then its view.
async fn push(
    socket: &mut WebSocket,
    shared: &Shared,
    role: Role,
    updates: &mut tokio::sync::watch::Receiver<Snapshot>,
    (seated, shown): (&mut Option<ServerMessage>, &mut Option<ServerMessage>),
) -> Result<(), ()> {
    let (seat, now) = {
        let snapshot = updates.borrow_and_update();
        let seat = match role {
            Role::Player(id) => {
                snapshot.seats.get(&id).cloned().map(|(name, colour)| ServerMessage::Seated { name, colour })
            }
            _ => None,
        };
        (seat, view(&snapshot, role, shared))
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

/// Messages a connection may send in a second; a phone sends one or two a question.
pub const MAX_PER_SECOND: u32 = 20;

/// Counts a connection's messages in the current second, so that a flood is dropped before
/// it reaches the game.
#[derive(Debug, Default)]
struct Rate {
    since: Option<tokio::time::Instant>,
    count: u32,
}

impl Rate {
    fn allow(&mut self, now: tokio::time::Instant) -> bool {
        match self.since {
            Some(since) if now.duration_since(since) < std::time::Duration::from_secs(1) => {}
            _ => (self.since, self.count) = (Some(now), 0),
        }
        self.count += 1;
        self.count <= MAX_PER_SECOND
    }
}

/// What `role` should see of `snapshot`.
fn view(snapshot: &Snapshot, role: Role, shared: &Shared) -> Option<ServerMessage> {
    let id = match role {
        Role::Nobody => return None,
        Role::Host(_) => {
            let mut host = snapshot.host.clone();
            host.locked = shared.room().locked;
            return Some(ServerMessage::HostView(Box::new(host)));
        }
        Role::Player(id) => id,
    };
    let lobby = || ServerMessage::Lobby { players: snapshot.lobby.clone() };
    Some(match snapshot.stage {
        Stage::Lobby => lobby(),
        Stage::Question => match &snapshot.question {
            Some(question) => {
                let mut question = question.clone();
                match snapshot.turns.get(&id) {
                    Some(part) => {
                        question.turn = part.turn;
                        question.note.clone_from(&part.note);
                        question.lifelines.clone_from(&part.lifelines);
                    }
                    None => {
                        question.turn = Turn::Wait;
                        question.note = "You play from the next question".to_owned();
                    }
                }
                ServerMessage::Question(Box::new(question))
            }
            None => lobby(),
        },
        Stage::Reveal | Stage::Standings => {
            snapshot.results.get(&id).map_or_else(lobby, |result| ServerMessage::Reveal(Box::new(result.clone())))
        }
        Stage::Over => snapshot.finals.get(&id).map_or_else(lobby, |end| ServerMessage::Over(end.clone())),
        Stage::Wager => snapshot.wagers.get(&id).map_or_else(lobby, |w| ServerMessage::Wager(Box::new(w.clone()))),
    })
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
