//! The question clock: time on the open question. It is kept apart from [`super::Game`], so
//! the game changes only when something happens in it (an answer, a ruling, a round scored),
//! not every frame, and whatever shows the game can react to its changes.

use std::time::Duration;

use bevy::prelude::*;

/// Time spent on the open question. Reset as each question opens ([`super::round`]), stopped
/// while the game is paused; not saved (a resumed question opens anew).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    /// Time the question has been open (pauses excluded).
    pub elapsed: Duration,
    /// Time the question stays open, if timed: the longest time of anyone answering it
    /// (a player's handicap may give them more than the others).
    pub limit: Option<Duration>,
    /// When the first answering player's own time is up: what the TV counts down to before
    /// it shows the extra time of those with more. The same as `limit` when all have one time.
    pub base: Option<Duration>,
    /// The question's sound is playing and its clock starts once it has: at most this long
    /// from now, should the TV never say it has (no sound card, a sound that fails).
    pub sound_hold: Option<Duration>,
}

/// The open question's sound has played to its end on the TV, or could not be played: a
/// question that waits for its sound starts its clock.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoundPlayed;

/// The longest a question waits for its sound: the longest sound a pack may have, and a
/// moment more.
pub const SOUND_HOLD: Duration = Duration::from_secs(62);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Clock>().add_message::<SoundPlayed>().add_systems(
        Update,
        // Before the answers are collected (`round` orders itself after it).
        hold_for_sound.run_if(in_state(super::Phase::Question)).in_set(super::GameSystems::Flow),
    );
}

/// Counts down the wait for the question's sound, and ends it when the sound has played.
pub(super) fn hold_for_sound(
    time: Res<Time>,
    mut played: MessageReader<SoundPlayed>,
    overlay: Res<State<super::Overlay>>,
    mut clock: ResMut<Clock>,
) {
    let done = played.read().count() > 0;
    let Some(hold) = clock.sound_hold else { return };
    if done {
        clock.sound_hold = None;
    } else if *overlay.get() == super::Overlay::None {
        clock.sound_hold = Some(hold.saturating_sub(time.delta())).filter(|left| !left.is_zero());
    }
}

impl Clock {
    /// Time left, if timed.
    pub fn remaining(&self) -> Option<Duration> {
        self.limit.map(|limit| limit.saturating_sub(self.elapsed))
    }

    /// Whether the players with no handicap are out of time and some have extra time left.
    pub fn in_extra_time(&self) -> bool {
        self.base.is_some_and(|base| self.elapsed >= base) && !self.expired() && self.limit != self.base
    }

    /// What the TV's clock shows: the share of the time left (1 to 0) and the seconds, up to
    /// `base`; then, in extra time, of the extra time ("+12"; "+" alone with no timer).
    pub fn shown(&self) -> (f32, String) {
        let Some(base) = self.base else {
            return (1.0, String::new());
        };
        let seconds = |d: Duration| d.as_secs_f32().ceil() as u32;
        if !self.in_extra_time() {
            let left = base.saturating_sub(self.elapsed);
            let share = if base.is_zero() { 0.0 } else { left.as_secs_f32() / base.as_secs_f32() };
            return (share.clamp(0.0, 1.0), seconds(left).to_string());
        }
        match self.limit {
            Some(limit) => {
                let (left, extra) = (limit.saturating_sub(self.elapsed), limit.saturating_sub(base));
                let share = if extra.is_zero() { 0.0 } else { left.as_secs_f32() / extra.as_secs_f32() };
                (share.clamp(0.0, 1.0), format!("+{}", seconds(left)))
            }
            None => (1.0, "+".to_owned()),
        }
    }

    /// Whether time is up.
    pub fn expired(&self) -> bool {
        self.limit.is_some_and(|limit| self.elapsed >= limit)
    }
}
