//! Who sits where at a party. Players join on the join screen with their keyboard row's
//! first key or a gamepad's South (a phone joins from its page); from then on that row, pad
//! or phone answers for them: the seat is part of their participant record
//! ([`crate::game::PlayerSpec::seat`]). A pad that drops out keeps its seat (and its
//! player's score) until a pad connects and takes it back. With nobody joined (a night
//! prepared on the command line), row N and the N-th pad connected are player N.

use bevy::prelude::*;

use crate::game::Party;
use crate::game::settings::{PHONE_PLAYERS as PHONE_SEATS, PLAYER_COUNT};
use crate::game::{Game, GameSettings, JoinGame, PlayerSpec, Screen, Seat};

/// Seats whoever asks, on any screen: the join screen shows them, and a phone that joins
/// during a game plays from the open question on. After every device's input (keys, pads,
/// phones), so that a join is seated in the frame it arrives: a TV that waits for input may
/// not update again for a minute.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, take_seats.in_set(crate::game::GameSystems::Navigate));
}

/// The host's list of words no name may contain (`blocked-names.txt`), read as the game
/// starts: the names offered to keyboard and gamepad players pass it, as phones' do.
#[derive(Resource, Debug, Clone, Default)]
pub struct BlockedNames(pub crate::net::name_ideas::BlockedWords);

/// A generated name nobody at the table has, that the host's list lets through.
pub fn name_idea(settings: &GameSettings, blocked: Option<&BlockedNames>) -> Option<String> {
    let taken: Vec<String> = settings.players.iter().map(|p| crate::net::names::key(&p.name)).collect();
    let none = crate::net::name_ideas::BlockedWords::default();
    let blocked = blocked.map_or(&none, |b| &b.0);
    crate::net::name_ideas::draw(&mut rand::rng(), blocked, |name| !taken.contains(&crate::net::names::key(name)))
}

fn take_seats(
    mut joins: MessageReader<JoinRequest>,
    mut settings: ResMut<GameSettings>,
    (pads, blocked): (Res<GamepadSeats>, Option<Res<BlockedNames>>),
    game: Option<Res<Game>>,
    screen: Res<State<Screen>>,
    mut joined: MessageWriter<JoinGame>,
) {
    let playing = game.filter(|_| *screen.get() == Screen::Playing);
    for JoinRequest { seat, name, watched_to, handicap } in joins.read() {
        let phone = matches!(seat, Seat::Phone(_));
        let (phones, others) = settings.players.iter().filter_map(|p| p.seat).fold((0, 0), |(p, o), s| match s {
            Seat::Phone(_) => (p + 1, o),
            _ => (p, o + 1),
        });
        let full = if phone { phones >= PHONE_SEATS } else { others >= *PLAYER_COUNT.end() };
        if settings.players.has_seat(*seat) || full {
            continue;
        }
        // The game's own lone "Player 1" (nobody set a night up) is no night prepared: a
        // phone that joins while the title is still up must not seat them on keyboard row 1.
        let untouched = settings.players.len() == 1
            && settings.players.iter().all(|p| *p == PlayerSpec { id: p.id, ..PlayerSpec::numbered(0) });
        if !settings.players.seated() && !untouched {
            // A night prepared on the command line: row N and pad N were player N; say so
            // now that seats are taken one by one (the fifth player on is the pad they had).
            for (i, spec) in settings.players.iter_mut().enumerate() {
                let pad = pads.0.get(i).copied().flatten();
                spec.seat = Some(if i < 4 { Seat::Keys(i) } else { Seat::Pad(pad) });
            }
        }
        // Players set up without a device give way to those who join with one; during a
        // game, everyone in it stays where they are (their place is their place in the game).
        if playing.is_none() {
            settings.players.retain(|p| p.seat.is_some());
        }
        let n = settings.players.len();
        // A colour nobody at the table has (past the palette's, colours repeat).
        let colour = (0..).find(|c| settings.players.iter().all(|p| p.colour != *c)).unwrap_or(n);
        let mut fresh = settings.players.new_player();
        // Nobody's id twice, not even one of a player of the game under way.
        let past_game = playing.as_ref().and_then(|g| g.players.iter().map(|p| p.id.0 + 1).max()).unwrap_or(0);
        fresh.id.0 = fresh.id.0.max(past_game);
        // A keyboard or gamepad player starts with a name of the game's making (Tab, while
        // the name is typed on the join screen, draws another); a phone brings its own.
        let idea = || name_idea(&settings, blocked.as_deref());
        let name = name.clone().or_else(|| (!phone).then(idea).flatten()).unwrap_or(fresh.name.clone());
        let spec =
            PlayerSpec { colour, name, seat: Some(*seat), watched_to: *watched_to, handicap: *handicap, ..fresh };
        let limit = watched_to.map(|s| format!(", seen seasons 1-{s}")).unwrap_or_default();
        let badge = handicap.badge().map(|b| format!(", handicap {b}")).unwrap_or_default();
        info!("{} took seat {} with {seat:?}{limit}{badge}", spec.name, n + 1);
        joined.write(JoinGame(spec.clone()));
        settings.players.push(spec);
    }
}

/// Which gamepad is which player: seats are taken in connection order and kept, so a pad
/// that drops out leaves its seat empty (for the next pad) instead of renumbering the others.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct GamepadSeats(pub Vec<Option<Entity>>);

impl GamepadSeats {
    /// The seat (player index) of a gamepad.
    pub fn seat(&self, gamepad: Entity) -> Option<usize> {
        self.0.iter().position(|seat| *seat == Some(gamepad))
    }
}

/// A device asks to join the party (the join screen seats it).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    /// What asks for the seat.
    pub seat: Seat,
    /// The name it brings (a phone's player typed one), if any.
    pub name: Option<String>,
    /// How far its player has watched (seasons `1..=N`), if they said.
    pub watched_to: Option<u8>,
    /// What evens its player's odds, if they said.
    pub handicap: crate::game::Handicap,
}

impl JoinRequest {
    /// A device joining without a name of its own.
    pub fn device(seat: Seat) -> Self {
        Self { seat, name: None, watched_to: None, handicap: crate::game::Handicap::None }
    }
}
