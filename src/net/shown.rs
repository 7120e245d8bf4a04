//! What a connection is shown of what the TV shows: the host the whole room (with the
//! room's own lock, audience and door), a player their own part of the game's stage, a phone
//! that waits for the host only that it waits.

use super::protocol::ServerMessage;
use super::requests::Role;
use super::server_state::{Shared, Snapshot};
use super::views::{Stage, Turn};

/// What `role` should see of `snapshot`.
pub(super) fn view(snapshot: &Snapshot, role: Role, shared: &Shared) -> Option<ServerMessage> {
    let id = match role {
        Role::Nobody | Role::Audience(_) => return None,
        Role::Host(_) => {
            let mut host = snapshot.host.clone();
            let room = shared.room();
            (host.locked, host.audience_open, host.audience) = (room.locked, room.audience_open, room.audience.len());
            host.approve_names = room.approve;
            host.waiting = room
                .waiting()
                .map(|(phone, name)| super::views::WaitingPhone { phone, name: name.to_owned() })
                .collect();
            return Some(ServerMessage::HostView(Box::new(host)));
        }
        Role::Overlay => {
            let (stage, question, delay) = (snapshot.stage, snapshot.question.as_ref(), snapshot.overlay_delay);
            return Some(ServerMessage::Overlay(Box::new(super::overlay_view::view(
                stage,
                question,
                &snapshot.host,
                delay,
            ))));
        }
        Role::Player(id) => id,
    };
    if let Some(phone) = shared.room().phones.get(id as usize).filter(|p| p.held.is_some()) {
        return Some(ServerMessage::Held { name: phone.name.clone() });
    }
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
                        question.seconds = part.seconds;
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
