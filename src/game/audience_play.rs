//! The audience's part in the game's flow: phones that join it (before a game, or during
//! one), the host opening and closing it, and their answers to the open question, taken
//! while it is open and shown. Scoring is the round's ([`super::audience::Audience::score_round`]).

use std::collections::BTreeMap;

use bevy::prelude::*;

use super::GameSystems;
use super::audience::{AlongAnswer, AudienceMember};
use super::clock::Clock;
use super::judge::Response;
use super::model::Game;
use super::state::{Overlay, Phase};

/// A phone joined the audience (or the TV learnt of one from before the game).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct JoinAudience {
    /// Its number in the audience.
    pub member: u32,
    /// Its name.
    pub name: String,
}

/// An audience member answered the question `question`.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct AudienceAction {
    /// Its number in the audience.
    pub member: u32,
    /// The question it answers (an answer to another is dropped).
    pub question: usize,
    /// The answer.
    pub response: Response,
}

/// The host opened (`true`) or closed the audience.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct AudienceDoor(pub bool);

/// Everyone who joined the audience this night, by number, and whether the host closed it,
/// for games yet to start.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct AudienceRoster {
    /// Names by number in the audience.
    pub members: BTreeMap<u32, String>,
    /// The host closed the audience.
    pub closed: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<JoinAudience>()
        .add_message::<AudienceAction>()
        .add_message::<AudienceDoor>()
        .init_resource::<AudienceRoster>()
        .add_systems(
            Update,
            (
                (join, door, seat_roster.run_if(resource_added::<Game>)),
                take_answers.run_if(in_state(Phase::Question)).before(super::round::collect_answers),
            )
                .chain()
                .after(super::flow::handle_commands)
                .in_set(GameSystems::Flow),
        );
}

/// New members join the roster, and the game under way.
fn join(mut joins: MessageReader<JoinAudience>, mut roster: ResMut<AudienceRoster>, game: Option<ResMut<Game>>) {
    let joins: Vec<&JoinAudience> = joins.read().collect();
    if joins.is_empty() {
        return;
    }
    let mut game = game;
    for JoinAudience { member, name } in joins {
        roster.members.insert(*member, name.clone());
        if let Some(game) = game.as_mut() {
            game.audience.members.entry(*member).or_insert_with(|| AudienceMember { name: name.clone(), ..default() });
        }
    }
}

/// The host opened or closed the audience.
fn door(mut doors: MessageReader<AudienceDoor>, mut roster: ResMut<AudienceRoster>, game: Option<ResMut<Game>>) {
    let Some(AudienceDoor(open)) = doors.read().last().copied() else { return };
    roster.closed = !open;
    let Some(mut game) = game else { return };
    game.audience.closed = !open;
    if !open {
        game.audience.answers.clear();
    }
}

/// A game that starts seats the roster in its audience; a resumed one brings its audience
/// back into the roster.
fn seat_roster(mut roster: ResMut<AudienceRoster>, mut game: ResMut<Game>) {
    // A resumed game (the night's first) brings its door as it was; a new one keeps the night's.
    if roster.members.is_empty() {
        roster.closed = game.audience.closed;
    } else {
        game.audience.closed = roster.closed;
    }
    for (id, member) in &game.audience.members {
        roster.members.entry(*id).or_insert_with(|| member.name.clone());
    }
    let members = &roster.members;
    let missing: Vec<(u32, String)> = members
        .iter()
        .filter(|(id, _)| !game.audience.members.contains_key(id))
        .map(|(id, n)| (*id, n.clone()))
        .collect();
    for (id, name) in missing {
        game.audience.members.insert(id, AudienceMember { name, ..default() });
    }
}

/// Takes each member's first answer to the open question, while it is open and shown. The
/// game is not marked changed: the audience's answers change nothing the players see.
fn take_answers(
    mut actions: MessageReader<AudienceAction>,
    overlay: Res<State<Overlay>>,
    clock: Res<Clock>,
    game: Option<ResMut<Game>>,
) {
    let actions: Vec<&AudienceAction> = actions.read().collect();
    let Some(mut game) = game.filter(|_| !actions.is_empty()) else { return };
    let game = game.bypass_change_detection();
    if *overlay.get() != Overlay::None || game.said_aloud() || game.audience.closed {
        info!("{} audience answers came while they could not be taken: dropped", actions.len());
        return;
    }
    let Some(drawn) = game.question() else { return };
    let fits: Vec<(u32, Response)> = actions
        .into_iter()
        .filter(|a| a.question == game.current && a.response != Response::Pass)
        .filter(|a| super::round::response_fits(drawn, &a.response))
        .filter(|a| game.audience.members.contains_key(&a.member))
        .map(|a| (a.member, a.response.clone()))
        .collect();
    for (member, response) in fits {
        game.audience.answers.entry(member).or_insert(AlongAnswer { response, time: clock.elapsed });
    }
}
