//! What each message a connection sends does, and the reply to its sender: joining and
//! coming back (taking the seat from a device that held it), answers and buzzes for the game,
//! and the host's actions. A connection acts only for who it joined as.

use std::sync::atomic::Ordering;

use bevy::log::{info, warn};

use super::protocol::AUDIENCE_PROTOCOL;
use super::protocol::{ClientMessage, ErrorCode, HostCommand, PROTOCOL_VERSION, ServerMessage, parse};
use super::room::{HELD, Held, Joined, Room};
use super::server_state::{Holder, Inbound, Shared};

/// Who a connection speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Not yet joined.
    Nobody,
    /// A player's phone, by its number in the room.
    Player(u32),
    /// An audience member's phone, by its number in the audience.
    Audience(u32),
    /// The host's remote, signed in while the host code had this epoch (a new code ends it).
    Host(u64),
    /// A streaming overlay: it only watches.
    Overlay,
}

/// What a message does, and the reply to its sender. `role` is who this connection speaks
/// for: it can act for no one else.
/// `players` are the game's players' names, for the host (an action names one of them).
pub(super) fn handle(shared: &Shared, me: &Holder, role: &mut Role, players: &[String], text: &str) -> ServerMessage {
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
        (ClientMessage::Ping {}, _) => ServerMessage::Pong,
        (ClientMessage::NameIdea {}, _) => ServerMessage::NameIdea { name: shared.room().name_idea() },
        (ClientMessage::Overlay {}, Role::Nobody | Role::Overlay) => {
            *role = Role::Overlay;
            let now = shared.state.borrow();
            let view = super::overlay_view::view(now.stage, now.question.as_ref(), &now.host, now.overlay_delay);
            ServerMessage::Overlay(Box::new(view))
        }
        (ClientMessage::Overlay {}, _) => refused(ErrorCode::AlreadyJoined, "this connection already plays".into()),
        (_, Role::Overlay) => refused(ErrorCode::NotAPlayer, "an overlay only watches".into()),
        (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. }, Role::Player(id)) => {
            refused(ErrorCode::AlreadyJoined, format!("this connection already plays as player {id}"))
        }
        (
            ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. },
            Role::Audience(id),
        ) => refused(ErrorCode::AlreadyJoined, format!("this connection already plays along as audience member {id}")),
        (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. }, Role::Host(_)) => {
            refused(ErrorCode::AlreadyJoined, "this connection is the host's remote".into())
        }
        (
            message @ (ClientMessage::Join { .. } | ClientMessage::Rejoin { .. } | ClientMessage::Host { .. }),
            Role::Nobody,
        ) => sign_in(shared, me, role, message).unwrap_or_else(|(code, message)| refused(code, message)),
        (
            message @ (ClientMessage::Answer { .. }
            | ClientMessage::Buzz { .. }
            | ClientMessage::Lifeline { .. }
            | ClientMessage::Wager { .. }),
            Role::Player(id),
        ) => play(shared, id, message).unwrap_or_else(|(code, message)| refused(code, message)),
        (ClientMessage::Answer { question, answer }, Role::Audience(member)) => {
            shared.tell_game(Inbound::AudienceAnswer { member, question, response: answer.into_response() });
            ServerMessage::Ack { question }
        }
        (
            ClientMessage::Buzz { .. } | ClientMessage::Lifeline { .. } | ClientMessage::Wager { .. },
            Role::Audience(_),
        ) => refused(
            ErrorCode::NotAPlayer,
            "the audience answers along: buzzes, bets and lifelines are the players'".into(),
        ),
        (
            ClientMessage::Answer { .. }
            | ClientMessage::Buzz { .. }
            | ClientMessage::Lifeline { .. }
            | ClientMessage::Wager { .. },
            _,
        ) => refused(ErrorCode::NotJoined, "join the room first".into()),
        (ClientMessage::HostAction { action }, Role::Host(epoch))
            if epoch == shared.host_epoch.load(Ordering::SeqCst) =>
        {
            host_action(shared, players, action)
        }
        (ClientMessage::HostAction { .. }, Role::Host(_)) => refused(
            ErrorCode::WrongHostCode,
            "the host code was changed on the TV: open the host page with the new one".into(),
        ),
        (ClientMessage::HostAction { .. }, _) => {
            refused(ErrorCode::NotHost, "only the host remote may do that: send the host code first".into())
        }
    }
}

/// A player's answer, buzz, lifeline or bet, for the game (not before the host let them in).
fn play(shared: &Shared, id: u32, message: ClientMessage) -> Result<ServerMessage, (ErrorCode, String)> {
    if shared.room().is_held(id) {
        return Err((ErrorCode::NotJoined, "the host has not let you in yet: wait a moment".into()));
    }
    let arrival = || shared.arrival.fetch_add(1, Ordering::SeqCst);
    let (question, event) = match message {
        ClientMessage::Answer { question, answer } => {
            (question, Inbound::Answer { phone: id, question, response: answer.into_response(), arrival: arrival() })
        }
        ClientMessage::Buzz { question } => (question, Inbound::Buzz { phone: id, question, arrival: arrival() }),
        ClientMessage::Lifeline { question, lifeline } => {
            (question, Inbound::Lifeline { phone: id, question, lifeline: lifeline.lifeline() })
        }
        ClientMessage::Wager { question, points } => (question, Inbound::Wager { phone: id, question, points }),
        _ => return Err((ErrorCode::BadMessage, "not a move in the game".into())),
    };
    shared.tell_game(event);
    Ok(ServerMessage::Ack { question })
}

/// A new phone joins, a phone comes back with its secret, or the host's remote signs in with
/// the host code: the welcome, or why not.
fn sign_in(
    shared: &Shared,
    me: &Holder,
    role: &mut Role,
    message: ClientMessage,
) -> Result<ServerMessage, (ErrorCode, String)> {
    let version = match &message {
        ClientMessage::Join { version, .. } | ClientMessage::Rejoin { version, .. } => *version,
        _ => None,
    };
    if let Some(later) = version.filter(|v| *v > PROTOCOL_VERSION) {
        return Err((
            ErrorCode::NewerProtocol,
            format!(
                "this controller speaks protocol {later}, and this game protocol {PROTOCOL_VERSION}: update Big Tuna Trivia, or open the page the TV shows"
            ),
        ));
    }
    match message {
        ClientMessage::Join { room, name, audience, seasons, handicap, .. } => {
            if let Some(n) = seasons.filter(|n| !crate::pack::SEASONS.contains(n)) {
                let (first, last) = (crate::pack::SEASONS.start(), crate::pack::SEASONS.end());
                return Err((ErrorCode::BadMessage, format!("seasons is {first} to {last} (or left out), not {n}")));
            }
            let mut room_state = shared.room();
            if audience {
                return join_audience(shared, role, &mut room_state, (&room, &name), None);
            }
            let overflow = version.is_some_and(|v| v >= AUDIENCE_PROTOCOL) && room_state.audience_open;
            match room_state.join(&room, &name) {
                Ok(joined) => {
                    let phone = joined.id;
                    *role = Role::Player(phone);
                    shared.hold(phone, me);
                    seat(shared, &mut room_state, phone, Held { watched_to: seasons, handicap })
                }
                // A full or locked room seats a controller that knows the audience there.
                Err((code @ (ErrorCode::RoomFull | ErrorCode::RoomLocked), why)) if overflow => {
                    let note = match code {
                        ErrorCode::RoomFull => "The room is full: you play along in the audience",
                        _ => "The host has locked the room: you play along in the audience",
                    };
                    info!("{why}: a phone joins the audience instead");
                    join_audience(shared, role, &mut room_state, (&room, &name), Some(note.to_owned()))
                }
                Err(refusal) => Err(refusal),
            }
        }
        ClientMessage::Rejoin { secret, .. } => {
            let room_state = shared.room();
            let returning = room_state.rejoin(&secret)?;
            match returning {
                Joined::Player(phone) => {
                    *role = Role::Player(phone.id);
                    shared.hold(phone.id, me);
                    shared.tell_game(Inbound::Returned { phone: phone.id });
                }
                // Two devices may follow one audience member: nothing of theirs is another's.
                Joined::Audience(member) => *role = Role::Audience(member.id),
            }
            let note = matches!(returning, Joined::Player(phone) if room_state.is_held(phone.id)).then(|| HELD.into());
            Ok(welcome(returning, note))
        }
        ClientMessage::Host { secret } => {
            let room = shared.room();
            if !room.is_host_code(&secret) {
                return Err((
                    ErrorCode::WrongHostCode,
                    "that is not the host code: on the TV, F1 opens the host panel and F5 shows it".into(),
                ));
            }
            *role = Role::Host(shared.host_epoch.load(Ordering::SeqCst));
            info!("the host remote connected");
            Ok(ServerMessage::HostWelcome { version: PROTOCOL_VERSION, room: room.code.clone() })
        }
        _ => Err((ErrorCode::BadMessage, "not a way to sign in".into())),
    }
}

/// A new player's phone is in the room: the game hears of it, or, while the host approves
/// names, the phone waits for them (and the host remote hears of it).
fn seat(shared: &Shared, room_state: &mut Room, phone: u32, asked: Held) -> Result<ServerMessage, (ErrorCode, String)> {
    let held = room_state.hold(phone, asked);
    let joined =
        room_state.phones.get(phone as usize).ok_or((ErrorCode::BadMessage, "the room lost its new player".into()))?;
    let name = joined.name.clone();
    if held {
        // Nothing in the game changed to wake the host's remote, which lists who waits.
        shared.state.send_modify(|_| {});
        shared.tell_game(Inbound::Waiting { phone, name });
        Ok(welcome(Joined::Player(joined), Some(HELD.to_owned())))
    } else {
        shared.tell_game(Inbound::Joined { phone, name, watched_to: asked.watched_to, handicap: asked.handicap });
        Ok(welcome(Joined::Player(joined), None))
    }
}

/// The host's action: the room's own (lock) here, the game's through the channel.
fn host_action(shared: &Shared, players: &[String], action: HostCommand) -> ServerMessage {
    let done = action.name();
    if let Some(player) = action.player()
        && player >= players.len()
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
        HostCommand::CloseAudience | HostCommand::OpenAudience => {
            shared.set_audience_open(action == HostCommand::OpenAudience);
        }
        HostCommand::Admit { phone } | HostCommand::Refuse { phone } => {
            let done =
                if matches!(action, HostCommand::Admit { .. }) { shared.admit(phone) } else { shared.refuse(phone) };
            if !done {
                warn!("host: {action:?}, but that phone does not wait");
                return ServerMessage::error(ErrorCode::NoSuchPlayer, format!("no phone {phone} waits to be let in"));
            }
        }
        HostCommand::Rename { player, name } => {
            let others = players.iter().enumerate().filter(|(i, _)| *i != player).map(|(_, name)| name.as_str());
            let name = match shared.room().new_name(&name, &players[player], others) {
                Ok(name) => name,
                Err((code, why)) => return ServerMessage::error(code, why),
            };
            shared.tell_game(Inbound::Host(HostCommand::Rename { player, name }));
        }
        HostCommand::ApproveNames | HostCommand::AnyNames => {
            // The room's at once; the game keeps the host's setting (the TV shows it).
            shared.set_approve(action == HostCommand::ApproveNames);
            shared.tell_game(Inbound::Host(action));
        }
        _ => shared.tell_game(Inbound::Host(action)),
    }
    ServerMessage::Done { action: done.to_owned() }
}

/// Seats a phone in the audience.
fn join_audience(
    shared: &Shared,
    role: &mut Role,
    room_state: &mut Room,
    (room, name): (&str, &str),
    note: Option<String>,
) -> Result<ServerMessage, (ErrorCode, String)> {
    let member = room_state.join_audience(room, name)?;
    *role = Role::Audience(member.id);
    shared.tell_game(Inbound::AudienceJoined { member: member.id, name: member.name.clone() });
    Ok(welcome(Joined::Audience(member), note))
}

fn welcome(joined: Joined<'_>, note: Option<String>) -> ServerMessage {
    let (player, name, secret, audience) = match joined {
        Joined::Player(phone) => (phone.id, &phone.name, &phone.secret, false),
        Joined::Audience(member) => (member.id, &member.name, &member.secret, true),
    };
    ServerMessage::Welcome {
        version: PROTOCOL_VERSION,
        player,
        name: name.clone(),
        secret: secret.clone(),
        audience,
        note,
    }
}
