//! "Approve names": while the host has it on, a new phone waits in the lobby under its name
//! until the host lets it in (on the TV or the host remote) or refuses the name, and the phone
//! hears which. The room keeps who waits ([`Held`]); the game keeps the list the TV shows
//! ([`WaitingPhones`]) from what the server tells it, and puts the host's setting
//! ([`crate::game::GameSettings::approve_names`]) into the room.

use bevy::prelude::*;

use super::room::Room;
pub use super::room::{HELD, Held, refusal};
use super::server::PhoneLink;
use super::server_state::{Inbound, Shared};
use crate::game::GameSettings;

impl Room {
    /// A phone just joined: held for the host, if they approve names. Whether it is.
    pub fn hold(&mut self, phone: u32, held: Held) -> bool {
        let approve = self.approve;
        match self.phones.get_mut(phone as usize) {
            Some(phone) if approve => {
                phone.held = Some(held);
                true
            }
            _ => false,
        }
    }

    /// Whether `phone` waits for the host.
    pub fn is_held(&self, phone: u32) -> bool {
        self.phones.get(phone as usize).is_some_and(|p| p.held.is_some() && !p.removed)
    }

    /// Whether the host refused `phone`'s name.
    pub fn is_refused(&self, phone: u32) -> bool {
        self.phones.get(phone as usize).is_some_and(|p| p.refused)
    }

    /// The host lets `phone` in: its name, and what its player asked for, if it waited.
    pub fn admit(&mut self, phone: u32) -> Option<(String, Held)> {
        let phone = self.phones.get_mut(phone as usize).filter(|p| !p.removed)?;
        let held = phone.held.take()?;
        Some((phone.name.clone(), held))
    }

    /// The host refuses `phone` its name: it is out, and nobody joins under that name tonight.
    /// Whether it waited.
    pub fn refuse(&mut self, phone: u32) -> bool {
        let Some(phone) = self.phones.get_mut(phone as usize).filter(|p| p.held.is_some() && !p.removed) else {
            return false;
        };
        (phone.held, phone.removed, phone.refused) = (None, true, true);
        let key = super::names::key(&phone.name);
        self.refused_names.push(key);
        true
    }

    /// The phones waiting for the host, in order of joining: number and name.
    pub fn waiting(&self) -> impl Iterator<Item = (u32, &str)> {
        self.present().filter(|p| p.held.is_some()).map(|p| (p.id, p.name.as_str()))
    }
}

impl Shared {
    /// Lets `phone` in: the game seats it as if it had just joined. Whether it waited.
    pub(super) fn admit(&self, phone: u32) -> bool {
        let admitted = self.room().admit(phone);
        let Some((name, held)) = admitted else { return false };
        bevy::log::info!("the host let {name} in");
        self.tell_game(Inbound::Joined { phone, name, watched_to: held.watched_to, handicap: held.handicap });
        // Wakes its session, which shows it the game from now on.
        self.state.send_modify(|_| {});
        true
    }

    /// Refuses `phone` its name: its session tells it why. Whether it waited.
    pub(super) fn refuse(&self, phone: u32) -> bool {
        if !self.room().refuse(phone) {
            return false;
        }
        bevy::log::info!("the host refused phone {phone}'s name");
        self.tell_game(Inbound::Refused { phone });
        self.state.send_modify(|_| {});
        true
    }

    /// Holds new phones for the host, or not; turned off, those waiting come in now.
    pub(super) fn set_approve(&self, on: bool) {
        let waiting: Vec<u32> = {
            let mut room = self.room();
            room.approve = on;
            if on { Vec::new() } else { room.waiting().map(|(phone, _)| phone).collect() }
        };
        for phone in waiting {
            self.admit(phone);
        }
        // The host remote shows the setting.
        self.state.send_modify(|_| {});
    }
}

impl super::server::PhoneServer {
    /// Lets a waiting phone in (the TV's "Let in"): whether it waited.
    pub fn admit(&self, phone: u32) -> bool {
        self.shared.admit(phone)
    }

    /// Refuses a waiting phone its name (the TV's "Refuse"): whether it waited.
    pub fn refuse(&self, phone: u32) -> bool {
        self.shared.refuse(phone)
    }

    /// Whether new phones wait for the host.
    pub fn approving(&self) -> bool {
        self.shared.room().approve
    }

    /// Holds new phones for the host, or not; turned off, those waiting come in now.
    pub fn set_approve(&self, on: bool) {
        self.shared.set_approve(on);
    }

    /// The phones waiting for the host: number and name.
    pub fn waiting(&self) -> Vec<(u32, String)> {
        self.shared.room().waiting().map(|(phone, name)| (phone, name.to_owned())).collect()
    }
}

/// The phones waiting for the host to let them in, as the TV lists them: number and name.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct WaitingPhones(pub Vec<(u32, String)>);

impl WaitingPhones {
    /// What the server said of a phone: it waits, or it is in or out.
    pub(super) fn follow(&mut self, event: &Inbound) {
        match event {
            Inbound::Waiting { phone, name } if !self.0.iter().any(|(p, _)| p == phone) => {
                self.0.push((*phone, name.clone()));
            }
            Inbound::Joined { phone, .. } | Inbound::Refused { phone } => self.0.retain(|(p, _)| p != phone),
            _ => {}
        }
    }
}

/// Keeps the room's "approve names" in step with the host's setting, and the TV's list
/// with the room as phones go on and off.
pub fn plugin(app: &mut App) {
    app.init_resource::<WaitingPhones>().add_systems(
        Update,
        (
            setting.run_if(resource_exists::<PhoneLink>),
            forget.run_if(resource_removed::<PhoneLink>),
            restore.run_if(resource_added::<PhoneLink>),
        )
            .in_set(crate::game::GameSystems::Input),
    );
}

fn setting(link: Res<PhoneLink>, settings: Res<GameSettings>) {
    if (link.is_added() || settings.is_changed()) && link.0.approving() != settings.approve_names {
        link.0.set_approve(settings.approve_names);
    }
}

/// A resumed room's phones may still wait.
fn restore(link: Res<PhoneLink>, mut waiting: ResMut<WaitingPhones>) {
    waiting.0 = link.0.waiting();
}

fn forget(mut waiting: ResMut<WaitingPhones>) {
    waiting.0.clear();
}
