//! The final wager: before the last question, each player it will ask bets part of their
//! score (0 to all of it). The bet is its own step ([`Phase::Wager`]): the question stays
//! hidden (only its category shows) and its clock has not started; a bet not placed in
//! [`WAGER_TIME`] is a bet of nothing. The last question then scores only the bet: right wins
//! it, wrong or no answer at all loses it, so running out the clock dodges nothing.

use std::time::Duration;

use bevy::prelude::*;

use super::GameSystems;
use super::clock::Clock;
use super::events::BetPlaced;
use super::flow::{self, FlowCommand};
use super::model::{Device, Game, PlayerRound};
use super::state::{Overlay, Phase};

/// Time to place a bet (the host may close the step sooner).
pub const WAGER_TIME: Duration = Duration::from_secs(20);

/// The bets keys, pads and the TV's buttons offer, as shares of the score in percent: the
/// first answer key or button bets nothing, the last everything.
pub const SHARES: [u32; 5] = [0, 25, 50, 75, 100];

/// A player bets on the last question.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceBet {
    /// Index of the player.
    pub player: usize,
    /// How much.
    pub stake: Stake,
    /// What they bet with.
    pub device: Device,
}

/// How much a bet stakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stake {
    /// Points: more than the score stakes the whole score.
    Points(u32),
    /// A share of the score, in percent (one of [`SHARES`] from keys and pads).
    Share(u32),
}

/// `share` percent of `score`, rounded down: what a preset bet stakes.
pub fn share_of(score: u32, share: u32) -> u32 {
    u32::try_from(u64::from(score) * u64::from(share.min(100)) / 100).unwrap_or(score)
}

impl Game {
    /// The question the final wager is on (the last one), when the game has one: the setting
    /// is on and there is a question before it to earn a score on.
    pub fn wager_question(&self) -> Option<usize> {
        (self.settings.wager && self.questions.len() >= 2).then(|| self.questions.len() - 1)
    }

    /// Whether the open question is the one the final wager is on.
    pub fn is_wager_round(&self) -> bool {
        self.wager_question() == Some(self.current)
    }

    /// Whether `player` bets on the wager question: those it will ask (not so on another's
    /// hot-seat turn, nor once removed).
    pub fn bets(&self, player: usize) -> bool {
        self.is_wager_round() && self.asked(player)
    }

    /// Whether everyone who bets has placed a bet.
    pub fn bets_in(&self) -> bool {
        (0..self.players.len()).filter(|p| self.bets(*p)).all(|p| self.players[p].wager.is_some())
    }

    /// `player` stakes `stake` (at most their score); a bet once placed stands. The bet
    /// placed, or `None` if they do not bet now.
    pub fn place_bet(&mut self, player: usize, stake: Stake) -> Option<u32> {
        if !self.bets(player) {
            return None;
        }
        let p = self.players.get_mut(player).filter(|p| p.wager.is_none())?;
        let bet = match stake {
            Stake::Points(points) => points.min(p.score),
            Stake::Share(share) => share_of(p.score, share),
        };
        p.wager = Some(bet);
        Some(bet)
    }

    /// The step is over: whoever has not bet bets nothing. Those players.
    pub fn close_bets(&mut self) -> Vec<usize> {
        let late: Vec<usize> =
            (0..self.players.len()).filter(|p| self.bets(*p) && self.players[*p].wager.is_none()).collect();
        for player in &late {
            self.players[*player].wager = Some(0);
        }
        late
    }

    /// The bet `player` has on the open question, if it is the wager's.
    pub fn bet_on_this(&self, player: usize) -> Option<u32> {
        self.bets(player).then(|| self.players.get(player).and_then(|p| p.wager)).flatten()
    }
}

/// What a bet does to a score: (points won, points lost). Right wins the bet; wrong, or no
/// answer, loses it (never more than the score holds).
pub fn settle(bet: u32, right: bool, score: u32) -> (u32, u32) {
    if right { (bet, 0) } else { (0, bet.min(score)) }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlaceBet>().add_systems(OnEnter(Phase::Wager), open_bets).add_systems(
        Update,
        take_bets.run_if(in_state(Phase::Wager)).after(flow::handle_commands).in_set(GameSystems::Flow),
    );
}

fn open_bets(mut clock: ResMut<Clock>, mut game: ResMut<Game>) {
    *clock = Clock { elapsed: Duration::ZERO, limit: Some(WAGER_TIME), base: Some(WAGER_TIME), sound_hold: None };
    // The last round's answers are not this question's: nothing shows as answered. The
    // lifelines used stay, for the host may still overrule that round.
    for player in &mut game.players {
        player.this_round = PlayerRound { used: std::mem::take(&mut player.this_round.used), ..default() };
    }
}

fn take_bets(
    time: Res<Time>,
    mut bets: MessageReader<PlaceBet>,
    mut commands: MessageReader<FlowCommand>,
    overlay: Res<State<Overlay>>,
    game: Option<ResMut<Game>>,
    mut clock: ResMut<Clock>,
    mut next_phase: ResMut<NextState<Phase>>,
    mut placed: MessageWriter<BetPlaced>,
) {
    let closed_by_host = commands.read().any(|c| *c == FlowCommand::CloseQuestion);
    let Some(mut game) = game else { return };
    // A bet is no answer: one placed during a pause counts (the question is still hidden).
    for bet in bets.read() {
        if let Some(amount) = game.place_bet(bet.player, bet.stake) {
            let name = &game.players[bet.player].name;
            info!("the final wager: {name} bet {amount} (with {:?})", bet.device);
            placed.write(BetPlaced { player: bet.player, bet: amount });
        }
    }
    if *overlay.get() == Overlay::None {
        clock.elapsed += time.delta();
    }
    if closed_by_host || game.bets_in() || clock.expired() {
        for player in game.close_bets() {
            info!("the final wager: {} placed no bet in time: 0", game.players[player].name);
            placed.write(BetPlaced { player, bet: 0 });
        }
        next_phase.set(Phase::Question);
    }
}
