//! The game model: a game under way, its players and its rounds. Plain data; the
//! systems that move it on live in [`super::flow`] (commands, the start of a game) and
//! [`super::round`] (answers, judging, scoring).

use std::time::Duration;

use bevy::prelude::*;

use super::draw::DrawnQuestion;
use super::handicap::Handicap;
use super::judge::{Judgement, Response};
use super::lifeline::{FixedItem, Lifeline, LifelinesLeft};
use super::participant::{PlayerId, PlayerSpec};
use super::scoring::ScoringPreset;
use super::settings::GameSettings;
use serde::{Deserialize, Serialize};

/// The game under way (and, on the results screen, the game just played).
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Game {
    /// The seed that drew it: the same seed and settings replay it, unless `least_seen`.
    pub seed: u64,
    /// The draw put questions seen in earlier games last, so the seed alone does not replay it.
    #[serde(default)]
    pub least_seen: bool,
    /// The settings it was drawn with.
    pub settings: GameSettings,
    /// How it is scored.
    pub preset: ScoringPreset,
    /// The questions, in order, as shown.
    pub questions: Vec<DrawnQuestion>,
    /// Index of the current question.
    pub current: usize,
    /// The players and their running totals.
    pub players: Vec<Player>,
    /// What happened in each finished round.
    pub rounds: Vec<Round>,
    /// Teams: the team talk of the open question is over (set once by [`super::round`]; the
    /// time itself is the [`super::clock::Clock`], kept out of the game).
    #[serde(default)]
    pub talk_over: bool,
    /// The teams, in a teams game.
    pub teams: Vec<Team>,
    /// Buzz-in: who holds the buzzer, whether it was won (who is locked out is each
    /// player's [`Player::this_round`]).
    pub buzz: Buzz,
    /// What the host did, in order.
    pub host_log: Vec<HostRecord>,
    /// The audience playing along: its members, scores and tallies (none in games saved
    /// before there was one).
    #[serde(default)]
    pub audience: super::audience::Audience,
    /// The challenge this game answers: the game it came from, to put beside this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<super::rivals::ChallengedBy>,
}

/// The buzz-in state of the open question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buzz {
    /// Who buzzed and is typing their answer (typed and number questions).
    pub holder: Option<usize>,
    /// Someone answered right: the round is over.
    pub won: bool,
}

/// Where an answer came from. Messages of one device keep their order of arrival; across
/// devices, presses within one frame are a tie (see [`super::mode::arrival_order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Device {
    /// The keyboard (solo keys or a party key row).
    Keyboard,
    /// A gamepad.
    Gamepad,
    /// A button on the screen (a click, or the focus and Enter or South).
    Screen,
    /// A phone on the local network.
    Phone,
    /// Said aloud in the room, and judged by the host.
    Voice,
    /// A script or a test.
    Script,
}

/// A team of a teams game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Name shown on screen.
    pub name: String,
    /// Index into the player palette.
    pub colour: usize,
}

/// Something the host did, and during which question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostRecord {
    /// Index into [`Game::questions`].
    pub question: usize,
    /// What was done.
    pub action: HostAction,
}

/// The host's powers over a game (pause and "reveal now" are [`super::FlowCommand`]s).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostAction {
    /// Drop the open question: nobody scores, the next one comes.
    Skip,
    /// The last round: count this player's answer as right (the matcher was too strict).
    Accept(usize),
    /// The last round: count this player's answer as wrong.
    Reject(usize),
    /// Give (or, negative, take) points.
    Points {
        /// The player.
        player: usize,
        /// Points to add; negative takes them away (never below zero).
        delta: i32,
    },
    /// Take a player out of the game: no more turns or answers; their score stays.
    Remove(usize),
    /// Give a player a handicap (or take it away): on the open question at once, if any.
    Handicap {
        /// The player.
        player: usize,
        /// Their handicap from now on.
        handicap: Handicap,
    },
    /// End the game now, with results for the rounds played.
    EndEarly,
}

/// A player's running state. Their index in [`Game::players`] stays theirs for the game (a
/// player who joins comes last; one the host removes stays, marked), so rounds, host actions
/// and devices name players by it; [`Player::id`] is who they are across the night.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Player {
    /// The participant's id (as in [`super::GameSettings::players`]); games saved before ids
    /// get theirs by place as they resume.
    #[serde(default)]
    pub id: PlayerId,
    /// Name shown on screen.
    pub name: String,
    /// Index into the player palette.
    pub colour: usize,
    /// Points so far.
    pub score: u32,
    /// Correct answers in a row right now.
    pub streak: u32,
    /// Longest streak this game.
    pub best_streak: u32,
    /// The team, in a teams game (index into [`Game::teams`]).
    pub team: Option<usize>,
    /// Removed by the host.
    pub removed: bool,
    /// Their part in the open question, begun anew as each question opens.
    #[serde(default)]
    pub this_round: PlayerRound,
    /// The lifelines they have left (none in games saved before there were any).
    #[serde(default)]
    pub lifelines: LifelinesLeft,
    /// Their bet on the last question, once placed (the final wager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wager: Option<u32>,
    /// What evens their odds (none in games saved before handicaps).
    #[serde(default, skip_serializing_if = "Handicap::is_none")]
    pub handicap: Handicap,
}

impl Player {
    /// A participant at the start of their game: no points yet, `lifelines` of each lifeline.
    pub fn new(spec: &PlayerSpec, team: Option<usize>, lifelines: u8) -> Self {
        Self {
            id: spec.id,
            name: spec.name.clone(),
            colour: spec.colour,
            score: 0,
            streak: 0,
            best_streak: 0,
            team,
            removed: false,
            this_round: PlayerRound::default(),
            lifelines: LifelinesLeft::each(lifelines),
            wager: None,
            handicap: spec.handicap,
        }
    }
}

/// One player's part in the open question: what belongs to a player for one question only
/// lives here, so a player who joins or is removed takes all of it with them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlayerRound {
    /// What they answered so far, if they did.
    pub pending: Option<Pending>,
    /// Buzz-in: they answered wrong and may not buzz again.
    pub locked_out: bool,
    /// The lifelines they used on it, in order.
    #[serde(default)]
    pub used: Vec<Lifeline>,
    /// Options struck out for them (indices into the options as shown).
    #[serde(default)]
    pub removed: Vec<usize>,
    /// Ordering: the item put in its place for them.
    #[serde(default)]
    pub fixed: Option<FixedItem>,
    /// Buzz-in: a rival froze them until this time on the question's clock.
    #[serde(default)]
    pub frozen_until: Option<Duration>,
    /// Buzz-in: the rival they froze.
    #[serde(default)]
    pub froze: Option<usize>,
    /// The audience's votes per option, in percent, as they stood when they asked.
    #[serde(default)]
    pub audience: Option<Vec<u32>>,
}

/// An answer given: what, and after how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// What was answered.
    pub response: Response,
    /// How long it took.
    pub time: Duration,
    /// What it was given with.
    pub device: Device,
}

/// One finished round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// Index into [`Game::questions`].
    pub question: usize,
    /// One outcome per player.
    pub outcomes: Vec<Outcome>,
    /// The host skipped the question: nobody was asked.
    pub skipped: bool,
}

/// How one player did in one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// What they answered and when, if they answered before the question closed.
    pub answer: Option<Pending>,
    /// The judge's verdict.
    pub judgement: Judgement,
    /// Counted as correct for scoring (judged right, or closest in a closest-wins round,
    /// or as the host ruled).
    pub correct: bool,
    /// The player was asked (not so on another's hot-seat turn, or once removed).
    pub asked: bool,
    /// Points earned this round.
    pub points: u32,
    /// Points lost for a wrong buzz.
    pub penalty: u32,
    /// Score after the round.
    pub score_after: u32,
    /// The lifelines they used on it, in order (the points are already doubled by one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifelines: Vec<Lifeline>,
    /// The final wager's question: what they bet (the points or penalty are the bet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wager: Option<u32>,
}

impl Outcome {
    /// What the round did to the score: its points less any penalty.
    pub fn change(&self) -> i64 {
        i64::from(self.points) - i64::from(self.penalty)
    }

    /// What they answered, if anything.
    pub fn response(&self) -> Option<&Response> {
        self.answer.as_ref().map(|a| &a.response)
    }

    /// How long they took, if they answered.
    pub fn time(&self) -> Option<Duration> {
        self.answer.as_ref().map(|a| a.time)
    }
}

impl Game {
    /// The question being asked or revealed.
    pub fn question(&self) -> Option<&DrawnQuestion> {
        self.questions.get(self.current)
    }

    /// The time allowed for question `question` (by its kind, as the preset says), if timed.
    pub fn time_limit(&self, question: usize) -> Option<Duration> {
        let kind = self.questions.get(question)?.question.answer.kind();
        self.preset.time.limit(kind, self.settings.timer.limit())
    }

    /// The latest finished round.
    pub fn last_round(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// The points the host gave `player` (or, negative, took) while question `question` was
    /// open or on show, as they were applied.
    pub fn host_points(&self, player: usize, question: usize) -> i64 {
        self.host_log
            .iter()
            .filter(|record| record.question == question)
            .filter_map(|record| match record.action {
                HostAction::Points { player: p, delta } if p == player => Some(i64::from(delta)),
                _ => None,
            })
            .sum()
    }

    /// `player`'s score before the last round, as the standings before it showed it: the
    /// score now less the round's own change and the host's points while it was on. (Every
    /// change is kept as applied, so this is exact.)
    pub fn score_before_last_round(&self, player: usize) -> u32 {
        let Some(round) = self.last_round() else { return self.players.get(player).map_or(0, |p| p.score) };
        let now = i64::from(self.players.get(player).map_or(0, |p| p.score));
        let change = round.outcomes.get(player).map_or(0, Outcome::change);
        let before = now - change - self.host_points(player, round.question);
        u32::try_from(before.max(0)).unwrap_or(u32::MAX)
    }

    /// Whether more than one player (or team) takes part.
    pub fn is_party(&self) -> bool {
        self.players.len() > 1
    }

    /// A player joins a game under way (a phone between questions): no points yet, asked
    /// from the open question on; in a teams game, on the team with the fewest members.
    pub fn add_player(&mut self, spec: &PlayerSpec) -> usize {
        let team = (!self.teams.is_empty()).then(|| {
            (0..self.teams.len())
                .min_by_key(|t| self.players.iter().filter(|p| p.team == Some(*t)).count())
                .unwrap_or(0)
        });
        self.players.push(Player::new(spec, team, self.settings.lifelines));
        self.players.len() - 1
    }

    /// Where the player with this id is in [`Game::players`].
    pub fn index_of(&self, id: PlayerId) -> Option<usize> {
        self.players.iter().position(|p| p.id == id)
    }

    /// What `player` answered to the open question so far.
    pub fn pending(&self, player: usize) -> Option<&Pending> {
        self.players.get(player).and_then(|p| p.this_round.pending.as_ref())
    }

    /// Buzz-in: whether `player` answered the open question wrong and may not buzz again.
    pub fn locked_out(&self, player: usize) -> bool {
        self.players.get(player).is_some_and(|p| p.this_round.locked_out)
    }

    /// Each team's score: the sum of its members'.
    pub fn team_scores(&self) -> Vec<u32> {
        (0..self.teams.len())
            .map(|team| {
                self.players.iter().filter(|p| p.team == Some(team)).fold(0u32, |sum, p| sum.saturating_add(p.score))
            })
            .collect()
    }
}
