//! Each player's own time on the open question (a handicap may give some more than others):
//! whose time is up, how long the question stays open, and when it closes for want of time.

use std::time::Duration;

use super::model::Game;
use super::settings::PlayMode;

impl Game {
    /// The time `player` has on question `question`: the question's time, stretched (or
    /// lifted) by their handicap.
    pub fn time_for(&self, player: usize, question: usize) -> Option<Duration> {
        let handicap = self.players.get(player).map(|p| p.handicap).unwrap_or_default();
        handicap.time(self.time_limit(question))
    }

    /// The times of those who answer the open question (on the hot seat, only the player
    /// whose turn it is): the shortest, when the TV's clock first runs out, and the longest,
    /// how long the question stays open. `None`: no clock (for the longest: until everyone
    /// answered or the host closes it).
    pub fn round_times(&self) -> (Option<Duration>, Option<Duration>) {
        let Some(base) = self.time_limit(self.current) else { return (None, None) };
        let answering: Vec<usize> = match self.settings.mode {
            PlayMode::HotSeat => self.turn().into_iter().collect(),
            _ => self.active().collect(),
        };
        if answering.is_empty() {
            return (Some(base), Some(base));
        }
        let times: Vec<Option<Duration>> = answering.iter().map(|p| self.time_for(*p, self.current)).collect();
        let shortest = times.iter().flatten().min().copied();
        let longest = times.iter().try_fold(Duration::ZERO, |longest, time| time.map(|t| longest.max(t)));
        (shortest, longest)
    }

    /// Whether `player`'s own time on the open question is up, `elapsed` into it.
    pub fn out_of_time(&self, player: usize, elapsed: Duration) -> bool {
        self.time_for(player, self.current).is_some_and(|limit| elapsed >= limit)
    }

    /// Whether `player` may not buzz or answer now, `elapsed` into the question: a rival
    /// froze them, or their own time is up.
    pub fn held_back(&self, player: usize, elapsed: Duration) -> bool {
        self.frozen(player, elapsed) || self.out_of_time(player, elapsed)
    }

    /// Whether everyone who could still answer the open question has run out of their own
    /// time (a player with more time keeps the round open for themselves only).
    pub fn everyone_out_of_time(&self, elapsed: Duration) -> bool {
        let waiting: Vec<usize> = self.active().filter(|p| self.may_answer(*p) || self.may_buzz(*p)).collect();
        !waiting.is_empty() && waiting.iter().all(|p| self.out_of_time(*p, elapsed))
    }
}
