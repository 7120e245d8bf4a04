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
    /// Time allowed, if timed.
    pub limit: Option<Duration>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Clock>();
}

impl Clock {
    /// Time left, if timed.
    pub fn remaining(&self) -> Option<Duration> {
        self.limit.map(|limit| limit.saturating_sub(self.elapsed))
    }

    /// Share of the time left, 1 to 0; 1 when untimed.
    pub fn fraction_left(&self) -> f32 {
        match self.limit {
            Some(limit) if !limit.is_zero() => {
                (self.remaining().unwrap_or_default().as_secs_f32() / limit.as_secs_f32()).clamp(0.0, 1.0)
            }
            _ => 1.0,
        }
    }

    /// Whether time is up.
    pub fn expired(&self) -> bool {
        self.limit.is_some_and(|limit| self.elapsed >= limit)
    }
}
