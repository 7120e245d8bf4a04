//! The game model: a game under way, its players, its rounds and its clock. Plain data; the
//! systems that move it on live in [`super::flow`] (commands, the start of a game) and
//! [`super::round`] (answers, judging, scoring).

use std::time::Duration;

use bevy::prelude::*;

use super::draw::DrawnQuestion;
use super::judge::{Judgement, Response};
use super::scoring::ScoringPreset;
use super::settings::GameSettings;

/// The game under way (and, on the results screen, the game just played).
#[derive(Resource, Debug, Clone)]
pub struct Game {
    /// The seed that drew it: the same seed and settings replay it.
    pub seed: u64,
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
    /// Time on the current question.
    pub clock: Clock,
    /// Answers given to the current question so far, by player.
    pub pending: Vec<Option<Pending>>,
}

/// A player's running state.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
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
}

/// An answer given: what, and after how long.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// What was answered.
    pub response: Response,
    /// How long it took.
    pub time: Duration,
}

/// One finished round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Index into [`Game::questions`].
    pub question: usize,
    /// One outcome per player.
    pub outcomes: Vec<Outcome>,
}

/// How one player did in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// What they answered and when, if they answered before the question closed.
    pub answer: Option<Pending>,
    /// The judge's verdict.
    pub judgement: Judgement,
    /// Counted as correct for scoring (judged right, or closest in a closest-wins round).
    pub correct: bool,
    /// Points earned this round.
    pub points: u32,
    /// Score after the round.
    pub score_after: u32,
}

/// Time spent on the current question.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Clock {
    /// Time the question has been open (pauses excluded).
    pub elapsed: Duration,
    /// Time allowed, if timed.
    pub limit: Option<Duration>,
}

impl Outcome {
    /// What they answered, if anything.
    pub fn response(&self) -> Option<&Response> {
        self.answer.as_ref().map(|a| &a.response)
    }

    /// How long they took, if they answered.
    pub fn time(&self) -> Option<Duration> {
        self.answer.as_ref().map(|a| a.time)
    }
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

impl Game {
    /// The question being asked or revealed.
    pub fn question(&self) -> Option<&DrawnQuestion> {
        self.questions.get(self.current)
    }

    /// The latest finished round.
    pub fn last_round(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// Whether every player has answered the current question.
    pub fn all_answered(&self) -> bool {
        self.pending.iter().all(Option::is_some)
    }

    /// Whether more than one player (or team) takes part.
    pub fn is_party(&self) -> bool {
        self.players.len() > 1
    }

    /// Who answers a typed or number question now. They share one keyboard, so they take
    /// turns in seat order: the first player who has not answered yet (player 0 in solo).
    pub fn typist(&self) -> usize {
        self.pending.iter().position(Option::is_none).unwrap_or(0)
    }

    /// Whether this is the last question of the game.
    pub fn on_last_question(&self) -> bool {
        self.current + 1 >= self.questions.len()
    }
}
