//! The room: its code, and the phones that joined it, each with a name and a secret that
//! brings the same player back after a reload. Only the server's own thread touches it.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::names;
use super::protocol::ErrorCode;

/// Letters of room codes: no I, O or similar that read as digits across a room.
const CODE_LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Players a room takes at most: the phones a party seats.
pub const MAX_PHONES: usize = crate::game::settings::PHONE_PLAYERS;

/// Joins a room takes in all, phones taken out included: a host who frees seats all night
/// still has a bounded room.
pub const MAX_JOINS: usize = 4 * MAX_PHONES;

/// Audience members a room takes at most, beside its players.
pub const MAX_AUDIENCE: usize = crate::game::audience::MAX_AUDIENCE;

/// What an audience member hears when the host closes the audience.
pub const AUDIENCE_CLOSED: &str = "the host closed the audience: ask them to open it to play along";

/// What a phone taken out of the party hears.
pub const REMOVED: &str = "the host took you out of the party: join again to play";

/// A joined phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// Its number in the room, from 0.
    pub id: u32,
    /// The name it plays under.
    pub name: String,
    /// What brings it back.
    pub secret: String,
    /// The host took it out of the party: its name is free, its secret brings nobody back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// It waits for the host to let it in under its name ("approve names"): what its player
    /// asked for, to be told to the game once in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
    /// The host did not let it in under its name: it hears why, and may join again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refused: bool,
}

/// What a waiting phone's player asked for, told to the game once they are let in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    /// How far they have watched, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watched_to: Option<u8>,
    /// Their handicap.
    #[serde(default, skip_serializing_if = "crate::game::Handicap::is_none")]
    pub handicap: crate::game::Handicap,
}

/// What a phone whose name the host refused hears.
pub fn refusal(name: &str) -> String {
    format!("the host did not let you in as {name}: choose another name and join again")
}

/// What a phone that waits for the host hears as it joins.
pub const HELD: &str = "The host lets each new player in: it will not be long";

/// A phone in the audience: it answers every question and scores apart from the players.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudiencePhone {
    /// Its number in the audience, from 0 (apart from the players' numbers).
    pub id: u32,
    /// The name it plays under.
    pub name: String,
    /// Its name as compared with others' ([`names::key`]), kept so that a thousand members
    /// are not normalised again at every join.
    pub key: String,
    /// What brings it back.
    pub secret: String,
}

/// Who a secret or a join seats: a player, or a member of the audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined<'a> {
    /// A player's phone.
    Player(&'a Phone),
    /// An audience member's.
    Audience(&'a AudiencePhone),
}

/// A room and its phones (kept with a saved game, so that phones come back by their secrets
/// when it resumes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    /// The code players type to join.
    pub code: String,
    /// Who joined, in order.
    pub phones: Vec<Phone>,
    /// The host remote's code, shown only on the TV's host panel.
    pub host_code: String,
    /// The host locked the room: nobody new joins.
    pub locked: bool,
    /// The audience, in order of joining (none in rooms saved before there was one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<AudiencePhone>,
    /// The audience may join and play (the host can close it).
    #[serde(default = "open")]
    pub audience_open: bool,
    /// The host lets each new player in ("approve names"): a new phone waits until then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approve: bool,
    /// The names the host refused tonight, as compared ([`names::key`]): nobody joins as one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused_names: Vec<String>,
    /// The host's list of words no name may contain: read from the config folder each time
    /// phones are turned on, never saved with the room.
    #[serde(skip)]
    pub blocked: super::name_ideas::BlockedWords,
}

fn open() -> bool {
    true
}

impl Room {
    /// A room with a fresh four-letter code.
    pub fn new() -> Self {
        let mut rng = rand::rng();
        let code = (0..4).map(|_| char::from(CODE_LETTERS[rng.random_range(0..CODE_LETTERS.len())])).collect();
        Self::with_code(code)
    }

    /// A room with this code.
    pub fn with_code(code: String) -> Self {
        let mut rng = rand::rng();
        let host_code = (0..8).map(|_| char::from(CODE_LETTERS[rng.random_range(0..CODE_LETTERS.len())])).collect();
        Self {
            code,
            phones: Vec::new(),
            host_code,
            locked: false,
            audience: Vec::new(),
            audience_open: true,
            approve: false,
            refused_names: Vec::new(),
            blocked: Default::default(),
        }
    }

    /// A fresh host code, never the one before.
    pub fn new_host_code(&mut self) {
        let mut rng = rand::rng();
        let old = self.host_code.clone();
        while self.host_code == old {
            self.host_code =
                (0..8).map(|_| char::from(CODE_LETTERS[rng.random_range(0..CODE_LETTERS.len())])).collect();
        }
    }

    /// Whether `code` is the host's (any case): 24^8 codes, and a wrong one closes nothing
    /// but that attempt.
    pub fn is_host_code(&self, code: &str) -> bool {
        code.trim().eq_ignore_ascii_case(&self.host_code)
    }

    /// A new player joins under `name`, with the room's `code`.
    pub fn join(&mut self, code: &str, name: &str) -> Result<&Phone, (ErrorCode, String)> {
        if !code.trim().eq_ignore_ascii_case(&self.code) {
            return Err((ErrorCode::WrongRoom, "that is not this room's code: check the TV".into()));
        }
        let name = self.acceptable(name)?;
        self.name_free(&name)?;
        if self.locked {
            return Err((ErrorCode::RoomLocked, "the host has locked the room: ask them to unlock it".into()));
        }
        // Numbers of phones taken out stay theirs (a saved game may name them): the room
        // takes a bounded number of joins in all, not only at once.
        if self.present().count() >= MAX_PHONES || self.phones.len() >= MAX_JOINS {
            return Err((ErrorCode::RoomFull, format!("the room is full ({MAX_PHONES} players)")));
        }
        let id = self.phones.len() as u32;
        self.phones.push(Phone { id, name, secret: new_secret(), removed: false, held: None, refused: false });
        Ok(&self.phones[id as usize])
    }

    /// A new audience member joins under `name`, with the room's `code`: the room may be
    /// full or locked to players, but not the audience closed.
    pub fn join_audience(&mut self, code: &str, name: &str) -> Result<&AudiencePhone, (ErrorCode, String)> {
        if !code.trim().eq_ignore_ascii_case(&self.code) {
            return Err((ErrorCode::WrongRoom, "that is not this room's code: check the TV".into()));
        }
        let name = self.acceptable(name)?;
        let key = self.name_free(&name)?;
        if !self.audience_open {
            return Err((ErrorCode::AudienceClosed, AUDIENCE_CLOSED.into()));
        }
        if self.audience.len() >= MAX_AUDIENCE {
            return Err((
                ErrorCode::RoomFull,
                format!("the room is full ({MAX_PHONES} players and {MAX_AUDIENCE} in the audience)"),
            ));
        }
        let id = self.audience.len() as u32;
        self.audience.push(AudiencePhone { id, name, key, secret: new_secret() });
        Ok(&self.audience[id as usize])
    }

    /// `name` as kept, if a name may be that: letters people can see, of a sensible length,
    /// and no word the host's list blocks.
    fn acceptable(&self, name: &str) -> Result<String, (ErrorCode, String)> {
        let name = names::tidy(name);
        if let Some(why) = names::refusal(&name) {
            return Err((ErrorCode::BadName, why));
        }
        if self.refused_names.contains(&names::key(&name)) {
            return Err((ErrorCode::NameRefused, "the host did not accept that name tonight: choose another".into()));
        }
        if self.blocked.blocks(&name) {
            return Err((ErrorCode::NameBlocked, "that name is not allowed in this room: choose another".into()));
        }
        Ok(name)
    }

    /// The host renames the player now called `current`: the new name as kept, if it is one
    /// a phone could join under and nobody else (`others`: the game's other players; the
    /// room's phones and audience) goes by.
    pub fn new_name<'a>(
        &'a self,
        name: &str,
        current: &str,
        others: impl Iterator<Item = &'a str>,
    ) -> Result<String, (ErrorCode, String)> {
        let name = self.acceptable(name)?;
        let (wanted, mine) = (names::key(&name), names::key(current));
        let phones = self.present().map(|p| p.name.as_str()).filter(|n| names::key(n) != mine);
        let audience = self.audience.iter().map(|m| m.name.as_str());
        match others.chain(phones).chain(audience).find(|n| names::key(n) == wanted) {
            Some(taken) => {
                Err((ErrorCode::NameTaken, format!("someone here is already called {taken}: pick another name")))
            }
            None => Ok(name),
        }
    }

    /// The phone now goes by `name` (the host renamed its player): its old name is free.
    pub fn rename(&mut self, phone: u32, name: &str) {
        if let Some(phone) = self.phones.get_mut(phone as usize) {
            phone.name = name.to_owned();
        }
    }

    /// A generated name nobody here goes by and the host's list allows, for a phone to offer.
    pub fn name_idea(&self) -> Option<String> {
        // The keys once, so that a crowded room is not walked again for every name tried.
        let taken: std::collections::HashSet<String> =
            (self.present().map(|p| names::key(&p.name))).chain(self.audience.iter().map(|m| m.key.clone())).collect();
        super::name_ideas::draw(&mut rand::rng(), &self.blocked, |name| !taken.contains(&names::key(name)))
    }

    /// Whether nobody in the room (players or audience) goes by `name`: its key, if so.
    fn name_free(&self, name: &str) -> Result<String, (ErrorCode, String)> {
        let wanted = names::key(name);
        let player = self.present().find(|p| names::key(&p.name) == wanted).map(|p| &p.name);
        let taken = player.or_else(|| self.audience.iter().find(|m| m.key == wanted).map(|m| &m.name));
        match taken {
            Some(name) => {
                Err((ErrorCode::NameTaken, format!("someone here is already called {name}: pick another name")))
            }
            None => Ok(wanted),
        }
    }

    /// The player, or audience member, this secret belongs to.
    pub fn rejoin(&self, secret: &str) -> Result<Joined<'_>, (ErrorCode, String)> {
        if let Some(member) = self.audience.iter().find(|m| m.secret == secret) {
            if !self.audience_open {
                return Err((ErrorCode::AudienceClosed, AUDIENCE_CLOSED.into()));
            }
            return Ok(Joined::Audience(member));
        }
        match self.phones.iter().find(|p| p.secret == secret) {
            Some(phone) if phone.refused => Err((ErrorCode::NameRefused, refusal(&phone.name))),
            Some(phone) if phone.removed => Err((ErrorCode::Removed, REMOVED.into())),
            Some(phone) => Ok(Joined::Player(phone)),
            None => Err((ErrorCode::UnknownSecret, "no player here has that secret: join again".into())),
        }
    }

    /// The host took `phone` out of the party (Leave on the join screen): its name is free
    /// for a new player, and it is told. Whether it was in.
    pub fn remove(&mut self, phone: u32) -> bool {
        let Some(phone) = self.phones.get_mut(phone as usize).filter(|p| !p.removed) else { return false };
        phone.removed = true;
        true
    }

    /// Whether `phone` was taken out of the party.
    pub fn is_removed(&self, phone: u32) -> bool {
        self.phones.get(phone as usize).is_some_and(|p| p.removed)
    }

    /// The phones still in the party (those waiting for the host included: their names are
    /// taken).
    pub(super) fn present(&self) -> impl Iterator<Item = &Phone> {
        self.phones.iter().filter(|p| !p.removed)
    }
}

impl Default for Room {
    fn default() -> Self {
        Self::new()
    }
}

/// 128 random bits, as hex: not guessable, so nobody can act for another player.
fn new_secret() -> String {
    let mut rng = rand::rng();
    (0..4).map(|_| format!("{:08x}", rng.random::<u32>())).collect()
}
