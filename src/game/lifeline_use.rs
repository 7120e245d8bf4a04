//! When a player is offered a lifeline, and using it. A lifeline that cannot do anything on
//! the open question is not offered, so it is never used up for nothing; one that shows
//! something (wrong options struck out, a hint, the audience's votes) is offered on a screen
//! the whole room sees only when nobody else answers the question (solo, the hot seat), and
//! on a player's own phone always.

use std::time::Duration;

use bevy::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::GameSystems;
use super::clock::Clock;
use super::draw::Presented;
use super::lifeline::{FREEZE, FixedItem, Lifeline, NotOffered, fix_one, percentages, remove_wrong};
use super::model::{Device, Game};
use super::settings::PlayMode;
use super::state::{Overlay, Phase};
use crate::pack::Answer;

/// A player uses a lifeline on the open question.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct UseLifeline {
    /// Index of the player.
    pub player: usize,
    /// Which one.
    pub lifeline: Lifeline,
    /// What they used it with: only a phone is private to its player.
    pub device: Device,
}

/// A lifeline was used: the player's [`super::model::PlayerRound`] holds what it did.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifelineUsed {
    /// Index of the player.
    pub player: usize,
    /// Which one.
    pub lifeline: Lifeline,
    /// The rival frozen, for [`Lifeline::Freeze`].
    pub target: Option<usize>,
}

/// Whether `lifeline` can do something on the open question of `game`, whoever asks: the
/// rule for each answer kind (see the module's table in `docs/PLAYING.md`).
pub fn applies(game: &Game, lifeline: Lifeline) -> bool {
    let Some(drawn) = game.question() else { return false };
    let options = match &drawn.presented {
        Presented::Options { options, .. } => Some(options.len()),
        _ => None,
    };
    match lifeline {
        Lifeline::RemoveWrong => match (&drawn.presented, &drawn.question.answer) {
            (Presented::Options { options, .. }, Answer::MultipleChoice { .. }) => options.len() >= 3,
            (Presented::Ordering { shown }, _) => shown.len() >= 3,
            _ => false,
        },
        Lifeline::Hint => drawn.question.hint.is_some(),
        Lifeline::AskAudience => options.is_some() && game.audience_votes().is_some(),
        // The wager question scores the bet alone: nothing to double.
        Lifeline::DoublePoints => !game.is_wager_round(),
        Lifeline::Freeze => game.settings.mode == PlayMode::Buzz,
    }
}

impl Game {
    /// The audience's votes on the open question's options so far, while an audience plays
    /// along (none on questions without options).
    pub fn audience_votes(&self) -> Option<Vec<u32>> {
        let Presented::Options { options, .. } = &self.question()?.presented else { return None };
        self.audience.present().then(|| self.audience.votes(options.len()))
    }

    /// Whether `player` is offered `lifeline` now, on a private device (their phone) or not.
    pub fn lifeline_offered(&self, player: usize, lifeline: Lifeline, private: bool) -> Result<(), NotOffered> {
        let Some(p) = self.players.get(player) else { return Err(NotOffered::NotAnswering) };
        if p.lifelines.of(lifeline) == 0 {
            return Err(NotOffered::NoneLeft);
        }
        if p.this_round.used.contains(&lifeline) {
            return Err(NotOffered::UsedHere);
        }
        if !self.may_yet_answer(player) {
            return Err(NotOffered::NotAnswering);
        }
        if !applies(self, lifeline) {
            return Err(NotOffered::DoesNotApply);
        }
        if lifeline.shows() && !private && !self.answers_alone(player) {
            return Err(NotOffered::SharedScreen);
        }
        if lifeline == Lifeline::Freeze && self.freeze_target(player).is_none() {
            return Err(NotOffered::NoRival);
        }
        Ok(())
    }

    /// Whether `player` has still to answer the open question and may (now, or once a team
    /// talk or a rival's buzz is over).
    fn may_yet_answer(&self, player: usize) -> bool {
        let Some(p) = self.players.get(player) else { return false };
        let answered = match (self.settings.mode, p.team) {
            (PlayMode::Teams, Some(team)) => {
                self.players.iter().any(|m| m.team == Some(team) && m.this_round.pending.is_some())
            }
            _ => p.this_round.pending.is_some(),
        };
        !p.removed && !answered && !p.this_round.locked_out && !self.buzz.won && self.asked(player)
    }

    /// Whether nobody but `player` answers the open question, so the room's screen is theirs.
    pub fn answers_alone(&self, player: usize) -> bool {
        self.turn() == Some(player) || self.active().all(|p| p == player)
    }

    /// Buzz-in: the rival a freeze would catch: the one with the most points (the first in
    /// seat order among equals) who may still answer and is not frozen already.
    pub fn freeze_target(&self, player: usize) -> Option<usize> {
        self.active()
            .filter(|p| *p != player && self.may_yet_answer(*p))
            .filter(|p| self.players[*p].this_round.frozen_until.is_none())
            .min_by_key(|p| (std::cmp::Reverse(self.players[*p].score), *p))
    }

    /// Who the room's shared screen (its buttons, Enter, a pad's South) plays for now: the solo
    /// player, or the one on the hot seat; nobody when several answer at once.
    pub fn screen_player(&self) -> Option<usize> {
        self.turn().or_else(|| (self.players.len() == 1).then_some(0))
    }

    /// Whether `player` is frozen at `elapsed` on the open question's clock.
    pub fn frozen(&self, player: usize, elapsed: Duration) -> bool {
        self.players.get(player).and_then(|p| p.this_round.frozen_until).is_some_and(|until| elapsed < until)
    }

    /// Whether `player`'s side (their team, in a teams game) doubled the open question.
    pub fn doubled(&self, player: usize) -> bool {
        let Some(p) = self.players.get(player) else { return false };
        let side = |m: &super::model::Player| match (self.settings.mode, p.team) {
            (PlayMode::Teams, Some(team)) => m.team == Some(team),
            _ => std::ptr::eq(m, p),
        };
        self.players.iter().filter(|m| side(m)).any(|m| m.this_round.used.contains(&Lifeline::DoublePoints))
    }

    /// Uses `lifeline` for `player` at `elapsed`, if it is offered: takes one from what they
    /// have left and does what it does. Returns the rival frozen, if any, or why not.
    pub fn use_lifeline(
        &mut self,
        player: usize,
        lifeline: Lifeline,
        private: bool,
        elapsed: Duration,
    ) -> Result<Option<usize>, NotOffered> {
        self.lifeline_offered(player, lifeline, private)?;
        let target = if lifeline == Lifeline::Freeze { self.freeze_target(player) } else { None };
        let mut rng = StdRng::seed_from_u64(
            self.seed ^ (self.current as u64).rotate_left(24) ^ u64::from(self.players[player].id.0).rotate_left(48),
        );
        let effect = match (lifeline, self.question().map(|q| &q.presented)) {
            (Lifeline::RemoveWrong, Some(Presented::Options { options, correct })) => {
                Effect::Removed(remove_wrong(options.len(), *correct, &mut rng))
            }
            (Lifeline::RemoveWrong, Some(Presented::Ordering { shown })) => self
                .question()
                .and_then(|q| fix_one(shown, &q.question.answer, &mut rng))
                .map_or(Effect::None, Effect::Fixed),
            (Lifeline::AskAudience, _) => {
                self.audience_votes().map_or(Effect::None, |v| Effect::Audience(percentages(&v)))
            }
            _ => Effect::None,
        };
        if let Some(rival) = target.and_then(|t| self.players.get_mut(t)) {
            rival.this_round.frozen_until = Some(elapsed + FREEZE);
        }
        let p = &mut self.players[player];
        p.lifelines.take(lifeline);
        p.this_round.used.push(lifeline);
        p.this_round.froze = target;
        match effect {
            Effect::Removed(removed) => p.this_round.removed = removed,
            Effect::Fixed(fixed) => p.this_round.fixed = Some(fixed),
            Effect::Audience(shares) => p.this_round.audience = Some(shares),
            Effect::None => {}
        }
        Ok(target)
    }
}

enum Effect {
    Removed(Vec<usize>),
    Fixed(FixedItem),
    Audience(Vec<u32>),
    None,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<UseLifeline>().add_message::<LifelineUsed>().add_systems(
        Update,
        use_lifelines
            .run_if(in_state(Phase::Question))
            .after(super::flow::handle_commands)
            .before(super::round::collect_answers)
            .in_set(GameSystems::Flow),
    );
}

fn use_lifelines(
    mut asked: MessageReader<UseLifeline>,
    overlay: Res<State<Overlay>>,
    clock: Res<Clock>,
    game: Option<ResMut<Game>>,
    mut used: MessageWriter<LifelineUsed>,
) {
    let uses: Vec<UseLifeline> = asked.read().copied().collect();
    // Paused, nothing is used: the phone's button is still there when play goes on.
    let (Some(mut game), Overlay::None) = (game, overlay.get()) else { return };
    for request in uses {
        let private = request.device == Device::Phone;
        match game.use_lifeline(request.player, request.lifeline, private, clock.elapsed) {
            Ok(target) => {
                info!(
                    "question {}: {} used {}",
                    game.current + 1,
                    game.players[request.player].name,
                    request.lifeline.title()
                );
                used.write(LifelineUsed { player: request.player, lifeline: request.lifeline, target });
            }
            Err(why) => debug!("lifeline {:?} not offered to player {}: {why:?}", request.lifeline, request.player),
        }
    }
}
