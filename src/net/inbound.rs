//! The game's end of the phone server, inbound: what phones did becomes join requests and the
//! same [`PlayerAction`]s as keys and pads, for the seat each phone joined (an answer to a
//! question no longer open is dropped); the host remote's actions become the host's.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::protocol::HostCommand;
use super::server::Inbound;
use crate::game::Party;
use crate::game::{
    AudienceAction, AudienceDoor, BuzzIn, Device, FlowCommand, Game, GameSettings, GameSystems, HostAction,
    JoinAudience, PlaceBet, PlayerAction, RenamePlayer, Seat, Stake, UseLifeline,
};
use crate::input::seats::JoinRequest;

pub use super::server::PhoneLink;

/// Turns what phones send into the game's messages (runs only while phones are on).
pub fn plugin(app: &mut App) {
    // Bevy's window plugin has it already; headless, it is registered here.
    app.add_message::<RequestRedraw>()
        .init_resource::<super::admission::WaitingPhones>()
        .add_systems(Update, receive.run_if(resource_exists::<PhoneLink>).in_set(GameSystems::Input));
}

fn receive(
    link: Res<PhoneLink>,
    mut settings: ResMut<GameSettings>,
    game: Option<Res<Game>>,
    mut joins: MessageWriter<JoinRequest>,
    mut answers: MessageWriter<PlayerAction>,
    mut buzzes: MessageWriter<BuzzIn>,
    mut lifelines: MessageWriter<UseLifeline>,
    mut bets: MessageWriter<PlaceBet>,
    mut host: MessageWriter<HostAction>,
    mut flow: MessageWriter<FlowCommand>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut audience: AudienceWriters,
    mut waiting: ResMut<super::admission::WaitingPhones>,
) {
    let current = game.as_ref().map(|g| g.current);
    let events = link.0.drain();
    if !events.is_empty() {
        // What a phone did may take a frame more to show (a state that changes next frame):
        // a window waiting for input must not sleep before it does.
        redraw.write(RequestRedraw);
    }
    // In order of arrival across phones, so buzz-in stays fair.
    for event in events {
        waiting.follow(&event);
        match event {
            Inbound::Joined { phone, name, watched_to, handicap } => {
                joins.write(JoinRequest { seat: Seat::Phone(phone), name: Some(name), watched_to, handicap });
            }
            Inbound::Answer { phone, question, response, .. } if Some(question) == current => {
                if let Some(player) = settings.players.player_for_phone(phone) {
                    answers.write(PlayerAction { player, response, device: Device::Phone });
                }
            }
            Inbound::Buzz { phone, question, .. } if Some(question) == current => {
                if let Some(player) = settings.players.player_for_phone(phone) {
                    buzzes.write(BuzzIn { player, device: Device::Phone });
                }
            }
            Inbound::Lifeline { phone, question, lifeline } if Some(question) == current => {
                if let Some(player) = settings.players.player_for_phone(phone) {
                    lifelines.write(UseLifeline { player, lifeline, device: Device::Phone });
                }
            }
            Inbound::Wager { phone, question, points } if Some(question) == current => {
                if let Some(player) = settings.players.player_for_phone(phone) {
                    bets.write(PlaceBet { player, stake: Stake::Points(points), device: Device::Phone });
                }
            }
            Inbound::Answer { phone, question, .. }
            | Inbound::Buzz { phone, question, .. }
            | Inbound::Lifeline { phone, question, .. }
            | Inbound::Wager { phone, question, .. } => {
                info!("phone {phone}: an answer to question {} came after it closed", question + 1);
            }
            Inbound::AudienceJoined { member, name } => {
                audience.joins.write(JoinAudience { member, name });
            }
            Inbound::AudienceAnswer { member, question, response } => {
                audience.answers.write(AudienceAction { member, question, response });
            }
            Inbound::AudienceOpen(open) => {
                audience.doors.write(AudienceDoor(open));
            }
            Inbound::Waiting { phone, name } => info!("phone {phone} waits for the host to let {name} in"),
            Inbound::Refused { phone } => info!("the host refused phone {phone}'s name"),
            Inbound::Returned { phone } => info!("phone {phone} is back"),
            Inbound::Left { phone } => info!("phone {phone} lost its connection (its seat waits)"),
            Inbound::Host(command) => {
                info!("the host remote: {command:?}");
                host_event(command, &mut settings, &link, &mut flow, &mut host, &mut audience.renames);
            }
        }
    }
}

/// Where the audience's doings go.
#[derive(bevy::ecs::system::SystemParam)]
struct AudienceWriters<'w> {
    joins: MessageWriter<'w, JoinAudience>,
    answers: MessageWriter<'w, AudienceAction>,
    doors: MessageWriter<'w, AudienceDoor>,
    /// The host's renames (beside the audience's: a system takes sixteen parameters at most).
    renames: MessageWriter<'w, RenamePlayer>,
}

/// The host remote's command: the game's setting or a rename, else its flow and host messages.
fn host_event(
    command: HostCommand,
    settings: &mut GameSettings,
    link: &PhoneLink,
    flow: &mut MessageWriter<FlowCommand>,
    host: &mut MessageWriter<HostAction>,
    renames: &mut MessageWriter<RenamePlayer>,
) {
    match command {
        // The host's setting, kept by the game (the room has it already).
        HostCommand::ApproveNames | HostCommand::AnyNames => {
            settings.approve_names = command == HostCommand::ApproveNames;
        }
        HostCommand::Rename { player, name } => {
            // Its phone's name in the room too, so that the old one is free and this one taken.
            if let Some(Seat::Phone(phone)) = settings.players.get(player).and_then(|p| p.seat) {
                link.0.rename_phone(phone, &name);
            }
            renames.write(RenamePlayer { player, name });
        }
        command => host_command(command, flow, host),
    }
}

/// The host remote's command, as the game's own flow and host messages.
fn host_command(command: HostCommand, flow: &mut MessageWriter<FlowCommand>, host: &mut MessageWriter<HostAction>) {
    match command {
        HostCommand::Pause => {
            flow.write(FlowCommand::Pause);
        }
        HostCommand::Resume => {
            flow.write(FlowCommand::Resume);
        }
        HostCommand::Close => {
            flow.write(FlowCommand::CloseQuestion);
        }
        HostCommand::Next => {
            flow.write(FlowCommand::Continue);
        }
        HostCommand::Skip => {
            host.write(HostAction::Skip);
        }
        HostCommand::Accept { player } => {
            host.write(HostAction::Accept(player));
        }
        HostCommand::Reject { player } => {
            host.write(HostAction::Reject(player));
        }
        HostCommand::Points { player, delta } => {
            host.write(HostAction::Points { player, delta });
        }
        HostCommand::Kick { player } => {
            host.write(HostAction::Remove(player));
        }
        HostCommand::Handicap { player, handicap } => {
            host.write(HostAction::Handicap { player, handicap });
        }
        HostCommand::End => {
            host.write(HostAction::EndEarly);
        }
        // The room's own, done by the server (the audience's door is told apart).
        HostCommand::Lock
        | HostCommand::Unlock
        | HostCommand::CloseAudience
        | HostCommand::OpenAudience
        | HostCommand::Admit { .. }
        | HostCommand::Refuse { .. }
        | HostCommand::ApproveNames
        | HostCommand::AnyNames
        | HostCommand::Rename { .. } => {}
    }
}
