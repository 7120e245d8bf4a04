//! The rules of the party modes ([`PlayMode`]): who may answer a question, and when its round is over. Everyone answers at
//! once; in buzz-in the first buzz answers alone and a wrong one is locked out; in the hot
//! seat players take turns; teams answer once per team, after a short team talk.

use std::time::Duration;

use super::draw::Presented;
use super::model::{Device, Game};
use super::settings::PlayMode;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

/// How long a team talks before any member may answer for it.
pub const TEAM_TALK: Duration = Duration::from_secs(5);

impl Game {
    /// Players still in the game (the host may remove one), in seat order.
    pub fn active(&self) -> impl Iterator<Item = usize> + '_ {
        self.players.iter().enumerate().filter(|(_, p)| !p.removed).map(|(i, _)| i)
    }

    /// Hot seat: whose turn it is; the players in the game take the questions in turn.
    pub fn turn(&self) -> Option<usize> {
        let active: Vec<usize> = self.active().collect();
        (self.settings.mode == PlayMode::HotSeat && !active.is_empty()).then(|| active[self.current % active.len()])
    }

    /// Teams: whether the team talk is still on.
    pub fn team_talk(&self) -> bool {
        self.settings.mode == PlayMode::Teams && !self.talk_over
    }

    /// Whether this player's team (or, outside teams, the player) has answered.
    fn side_answered(&self, player: usize) -> bool {
        match self.players.get(player).and_then(|p| p.team) {
            Some(team) if self.settings.mode == PlayMode::Teams => {
                self.players.iter().any(|member| member.team == Some(team) && member.this_round.pending.is_some())
            }
            _ => self.pending(player).is_some(),
        }
    }

    /// Whether `player` may answer the open question now.
    pub fn may_answer(&self, player: usize) -> bool {
        let Some(p) = self.players.get(player) else { return false };
        // Said aloud, answers are the room's words, which only the host judges.
        if p.removed || self.side_answered(player) || self.said_aloud() {
            return false;
        }
        match self.settings.mode {
            PlayMode::Everyone => true,
            PlayMode::HotSeat => self.turn() == Some(player),
            PlayMode::Teams => !self.team_talk(),
            PlayMode::Buzz => {
                let options = matches!(self.question().map(|q| &q.presented), Some(Presented::Options { .. }));
                !self.locked_out(player) && !self.buzz.won && (options || self.buzz.holder == Some(player))
            }
        }
    }

    /// Buzz-in on a typed or number question: whether `player` may buzz to answer now.
    pub fn may_buzz(&self, player: usize) -> bool {
        self.settings.mode == PlayMode::Buzz
            && self.buzz.holder.is_none()
            && !self.buzz.won
            && self.players.get(player).is_some_and(|p| !p.removed)
            && !self.locked_out(player)
    }

    /// Whether the open question is a typed or number one that the party says aloud.
    pub fn said_aloud(&self) -> bool {
        let typed = matches!(self.question().map(|q| &q.presented), Some(Presented::Typed | Presented::Number));
        self.settings.aloud && self.is_party() && typed
    }

    /// Said aloud: who speaks for the round when it closes, each to be judged by the host
    /// (everyone; the player on the hot seat; the one who buzzed; a member of each team).
    pub fn speakers(&self) -> Vec<usize> {
        match self.settings.mode {
            PlayMode::Everyone => self.active().collect(),
            PlayMode::HotSeat => self.turn().into_iter().collect(),
            PlayMode::Buzz => self.buzz.holder.into_iter().collect(),
            PlayMode::Teams => {
                let mut seen = Vec::new();
                self.active()
                    .filter(|p| {
                        let team = self.players[*p].team;
                        let first = !seen.contains(&team);
                        seen.push(team);
                        first
                    })
                    .collect()
            }
        }
    }

    /// Whether the open question has had every answer it can take.
    pub fn round_over(&self) -> bool {
        if self.said_aloud() {
            // The room talks until the host reveals (or time is up); a buzz gives the floor.
            return self.settings.mode == PlayMode::Buzz && self.buzz.holder.is_some();
        }
        let active: Vec<usize> = self.active().collect();
        match self.settings.mode {
            PlayMode::Everyone | PlayMode::Teams => active.iter().all(|p| self.side_answered(*p)),
            PlayMode::HotSeat => self.turn().is_none_or(|p| self.side_answered(p)),
            PlayMode::Buzz => self.buzz.won || active.iter().all(|p| self.locked_out(*p)),
        }
    }

    /// Who types a typed or number answer on the shared keyboard now: the player on the hot
    /// seat, the one who buzzed, or the first (of the first team) who has not answered.
    pub fn typist(&self) -> Option<usize> {
        self.typist_among(|_| true)
    }

    /// [`Game::typist`] among the players `at_keyboard` says type on the shared keyboard (the
    /// others answer on devices of their own, such as phones).
    pub fn typist_among(&self, at_keyboard: impl Fn(usize) -> bool) -> Option<usize> {
        match self.settings.mode {
            PlayMode::HotSeat => self.turn().filter(|p| at_keyboard(*p)),
            PlayMode::Buzz => self.buzz.holder.filter(|p| at_keyboard(*p)),
            PlayMode::Everyone | PlayMode::Teams => self.active().find(|p| !self.side_answered(*p) && at_keyboard(*p)),
        }
    }

    /// Whether this player was asked the current question (not so on another's hot-seat turn,
    /// nor once removed).
    pub fn asked(&self, player: usize) -> bool {
        self.players.get(player).is_some_and(|p| !p.removed) && self.turn().is_none_or(|turn| turn == player)
    }
}

/// Orders presses that arrived in one frame. Each device's messages keep their order of
/// arrival; across devices there is no order to read, so a true tie is broken by a draw from
/// the game's seed and the question, which replays the same way.
pub fn arrival_order<T: Clone>(seed: u64, question: usize, presses: &[(Device, T)]) -> Vec<T> {
    let mut devices: Vec<Device> = Vec::new();
    for (device, _) in presses {
        if !devices.contains(device) {
            devices.push(*device);
        }
    }
    if devices.len() > 1 {
        let mut rng = StdRng::seed_from_u64(seed ^ (question as u64).rotate_left(32) ^ 0x5eed_b022);
        devices.sort();
        devices.shuffle(&mut rng);
    }
    devices
        .iter()
        .flat_map(|device| presses.iter().filter(move |(d, _)| d == device).map(|(_, press)| press.clone()))
        .collect()
}
