//! One connection to the phone server: a phone that joins and plays, or the host's remote.
//! Each message in gets one reply; what the TV shows is pushed as it changes, each session
//! sending only its own part (a phone never sees the answer key or another's result).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as HttpResponse};
use bevy::log::{info, warn};
use tokio::sync::OwnedSemaphorePermit;

use super::protocol::{
    ClientMessage, ErrorCode, HostCommand, MAX_MESSAGE_BYTES, PROTOCOL_VERSION, ServerMessage, Stage, Turn, parse,
};
use super::room::Phone;
use super::shared::{IDLE_TIMEOUT, Inbound, MAX_CONNECTIONS, SEND_TIMEOUT, Shared, Snapshot};

/// Who a connection speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not yet joined.
    Nobody,
    /// A player's phone, by its number in the room.
    Player(u32),
    /// The host's remote.
    Host,
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

/// One connection: a message in, a reply out; and what the game shows pushed as it changes.
/// Ends when the phone closes, idles or misbehaves.
async fn session(mut socket: WebSocket, shared: Arc<Shared>, _permit: OwnedSemaphorePermit) {
    let mut role = Role::Nobody;
    let mut rate = Rate::default();
    let mut updates = shared.state.subscribe();
    // The last view sent, so that a change elsewhere (another player answered) sends nothing.
    let mut shown: Option<ServerMessage> = None;
    // The seat the TV gave this phone (its colour), once seated.
    let mut seated: Option<ServerMessage> = None;
    loop {
        tokio::select! {
            next = tokio::time::timeout(IDLE_TIMEOUT, socket.recv()) => {
                let message = match next {
                    Err(_) => {
                        info!("{role:?}: idle for {} s, closed", IDLE_TIMEOUT.as_secs());
                        break;
                    }
                    Ok(None) => break,
                    Ok(Some(Err(error))) => {
                        // An oversized or broken frame ends the connection; say why, if it still hears.
                        warn!("{role:?}: {error}: closed");
                        let reply = ServerMessage::error(ErrorCode::TooLarge, format!("{error}: the connection is closed"));
                        let _ = send(&mut socket, &reply).await;
                        break;
                    }
                    Ok(Some(Ok(message))) => message,
                };
                let before = role;
                let flooding = !rate.allow(tokio::time::Instant::now());
                let reply = match message {
                    Message::Text(_) if flooding => ServerMessage::error(
                        ErrorCode::TooMany,
                        format!("more than {MAX_PER_SECOND} messages a second: this one was dropped, slow down"),
                    ),
                    Message::Text(text) => handle(&shared, &mut role, &updates.borrow(), text.as_str()),
                    Message::Binary(_) => ServerMessage::error(ErrorCode::BadMessage, "send JSON text, not binary"),
                    // Pings are answered by the WebSocket itself.
                    Message::Ping(_) | Message::Pong(_) => continue,
                    Message::Close(_) => break,
                };
                if send(&mut socket, &reply).await.is_err() {
                    info!("{role:?}: too slow to take a reply, closed");
                    break;
                }
                // Just joined, back, or the room changed for the host: show what the TV shows.
                if before != role || role == Role::Host {
                    (shown, seated) = (None, None);
                }
            }
            changed = updates.changed(), if role != Role::Nobody => {
                if changed.is_err() {
                    break;
                }
            }
        }
        if role == Role::Nobody {
            continue;
        }
        let (seat, now) = {
            let snapshot = updates.borrow_and_update();
            let seat = match role {
                Role::Player(id) => {
                    snapshot.seats.get(&id).cloned().map(|(name, colour)| ServerMessage::Seated { name, colour })
                }
                _ => None,
            };
            (seat, view(&snapshot, role, &shared))
        };
        let mut too_slow = false;
        for (now, shown) in [(seat, &mut seated), (now, &mut shown)] {
            if now.is_some() && now != *shown {
                if let Some(message) = &now
                    && send(&mut socket, message).await.is_err()
                {
                    too_slow = true;
                    break;
                }
                *shown = now;
            }
        }
        if too_slow {
            info!("{role:?}: too slow to take an update, closed");
            break;
        }
    }
    if let Role::Player(phone) = role {
        shared.tell_game(Inbound::Left { phone });
    }
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
        Role::Host => {
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
                (question.turn, question.note) = match snapshot.turns.get(&id) {
                    Some((turn, note)) => (*turn, note.clone()),
                    None => (Turn::Wait, "You play from the next question".to_owned()),
                };
                ServerMessage::Question(Box::new(question))
            }
            None => lobby(),
        },
        Stage::Reveal | Stage::Standings => {
            snapshot.results.get(&id).map_or_else(lobby, |result| ServerMessage::Reveal(result.clone()))
        }
        Stage::Over => snapshot.finals.get(&id).map_or_else(lobby, |end| ServerMessage::Over(end.clone())),
    })
}

async fn send(socket: &mut WebSocket, message: &ServerMessage) -> Result<(), ()> {
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Text(message.to_json().into()))).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}

/// What a message does, and the reply to its sender. `role` is who this connection speaks
/// for: it can act for no one else.
fn handle(shared: &Shared, role: &mut Role, snapshot: &Snapshot, text: &str) -> ServerMessage {
    let who = *role;
    let message = match parse(text) {
        Ok(message) => message,
        Err(reply) => {
            warn!("{who:?}: refused a message: {reply:?}");
            return reply;
        }
    };
    let refused = |code, message: String| {
        warn!("{who:?}: {message}");
        ServerMessage::error(code, message)
    };
    match (message, who) {
        (ClientMessage::Ping, _) => ServerMessage::Pong,
        (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. }, Role::Player(id)) => {
            refused(ErrorCode::AlreadyJoined, format!("this connection already plays as player {id}"))
        }
        (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. }, Role::Host) => {
            refused(ErrorCode::AlreadyJoined, "this connection is the host's remote".into())
        }
        (ClientMessage::Join { room, name }, Role::Nobody) => {
            let mut room_state = shared.room();
            match room_state.join(&room, &name) {
                Ok(joined) => {
                    let welcome = welcome(joined);
                    *role = Role::Player(joined.id);
                    shared.tell_game(Inbound::Joined { phone: joined.id, name: joined.name.clone() });
                    welcome
                }
                Err((code, message)) => refused(code, message),
            }
        }
        (ClientMessage::Rejoin { secret }, Role::Nobody) => match shared.room().rejoin(&secret) {
            Ok(returning) => {
                *role = Role::Player(returning.id);
                shared.tell_game(Inbound::Returned { phone: returning.id });
                welcome(returning)
            }
            Err((code, message)) => refused(code, message),
        },
        (ClientMessage::Host { secret }, Role::Nobody) => {
            let room = shared.room();
            if room.is_host_code(&secret) {
                *role = Role::Host;
                info!("the host remote connected");
                ServerMessage::HostWelcome { version: PROTOCOL_VERSION, room: room.code.clone() }
            } else {
                refused(ErrorCode::WrongHostCode, "that is not the host code: see the host panel (F1) on the TV".into())
            }
        }
        (ClientMessage::Answer { question, answer }, Role::Player(id)) => {
            let arrival = shared.arrival.fetch_add(1, Ordering::SeqCst);
            shared.tell_game(Inbound::Answer { phone: id, question, response: answer.into_response(), arrival });
            ServerMessage::Ack { question }
        }
        (ClientMessage::Buzz { question }, Role::Player(id)) => {
            let arrival = shared.arrival.fetch_add(1, Ordering::SeqCst);
            shared.tell_game(Inbound::Buzz { phone: id, question, arrival });
            ServerMessage::Ack { question }
        }
        (ClientMessage::Answer { .. } | ClientMessage::Buzz { .. }, _) => {
            refused(ErrorCode::NotJoined, "join the room first".into())
        }
        (ClientMessage::HostAction { action }, Role::Host) => host_action(shared, snapshot, action),
        (ClientMessage::HostAction { .. }, _) => {
            refused(ErrorCode::NotHost, "only the host remote may do that: send the host code first".into())
        }
    }
}

/// The host's action: the room's own (lock) here, the game's through the channel.
fn host_action(shared: &Shared, snapshot: &Snapshot, action: HostCommand) -> ServerMessage {
    if let Some(player) = action.player()
        && player >= snapshot.host.players.len()
    {
        warn!("host: {action:?} names no player");
        return ServerMessage::error(ErrorCode::NoSuchPlayer, format!("there is no player {player} in the game"));
    }
    match action {
        HostCommand::Lock | HostCommand::Unlock => {
            let locked = action == HostCommand::Lock;
            shared.room().locked = locked;
            info!("the host {} the room", if locked { "locked" } else { "unlocked" });
        }
        _ => shared.tell_game(Inbound::Host(action)),
    }
    ServerMessage::Done { action: action.name().to_owned() }
}

fn welcome(phone: &Phone) -> ServerMessage {
    ServerMessage::Welcome {
        version: PROTOCOL_VERSION,
        player: phone.id,
        name: phone.name.clone(),
        secret: phone.secret.clone(),
    }
}
