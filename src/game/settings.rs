//! What a game is played with: packs, filters, length, timer, scoring and players.

use std::time::Duration;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::pack::{AnswerKind, Difficulty};

/// Fewest and most questions in a game.
pub const QUESTION_COUNT: std::ops::RangeInclusive<usize> = 5..=100;
/// Fewest and most players.
pub const PLAYER_COUNT: std::ops::RangeInclusive<usize> = 1..=8;

/// Answer kinds of party nights: options are answered at once with each player's own keys
/// or gamepad; typed answers and numbers in turn on the shared keyboard. Orderings, which
/// take one player a while, are left to solo games.
pub const PARTY_KINDS: [AnswerKind; 4] =
    [AnswerKind::MultipleChoice, AnswerKind::TrueFalse, AnswerKind::Typed, AnswerKind::Number];

/// The settings of the next game: chosen on the setup screen or the command line.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GameSettings {
    /// Pack ids to draw from; empty means every installed pack.
    pub packs: Vec<String>,
    /// Categories to draw from; empty means every category.
    pub categories: Vec<String>,
    /// Answer kinds to draw; empty means every kind (party nights use [`PARTY_KINDS`]).
    pub kinds: Vec<AnswerKind>,
    /// Which difficulties, and in what order.
    pub difficulty: DifficultyChoice,
    /// How many questions.
    pub questions: usize,
    /// Spoiler-safe play: only questions whose seasons are within `1..=max_season`.
    pub max_season: u8,
    /// Time to answer each question.
    pub timer: TimerChoice,
    /// Id of the scoring preset (see `assets/scoring.ron`).
    pub scoring: String,
    /// Seed of the draw; `None` draws a new one for each game.
    pub seed: Option<u64>,
    /// The players, 1 to 8.
    pub players: Vec<PlayerSpec>,
}

impl Default for GameSettings {
    fn default() -> Self {
        Self {
            packs: Vec::new(),
            categories: Vec::new(),
            kinds: Vec::new(),
            difficulty: DifficultyChoice::Mixed,
            questions: 10,
            max_season: 9,
            timer: TimerChoice::Seconds20,
            scoring: "classic".to_owned(),
            seed: None,
            players: vec![PlayerSpec::numbered(0)],
        }
    }
}

/// Difficulty filter of a game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum DifficultyChoice {
    /// Only easy questions.
    Easy,
    /// Only medium questions.
    Medium,
    /// Only hard questions.
    Hard,
    /// All difficulties, in equal shares where possible, easy first and hard last.
    #[default]
    Mixed,
}

impl DifficultyChoice {
    /// Every choice, as the setup screen cycles through them.
    pub const ALL: [DifficultyChoice; 4] =
        [DifficultyChoice::Easy, DifficultyChoice::Medium, DifficultyChoice::Hard, DifficultyChoice::Mixed];

    /// Whether a question of difficulty `d` may be drawn.
    pub fn allows(self, d: Difficulty) -> bool {
        match self {
            DifficultyChoice::Easy => d == Difficulty::Easy,
            DifficultyChoice::Medium => d == Difficulty::Medium,
            DifficultyChoice::Hard => d == Difficulty::Hard,
            DifficultyChoice::Mixed => true,
        }
    }

    /// Lowercase name, as on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DifficultyChoice::Easy => "easy",
            DifficultyChoice::Medium => "medium",
            DifficultyChoice::Hard => "hard",
            DifficultyChoice::Mixed => "mixed",
        }
    }

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|choice| choice.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Time allowed per question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum TimerChoice {
    /// No timer: take all the time you want.
    Off,
    /// 10 seconds.
    Seconds10,
    /// 20 seconds.
    #[default]
    Seconds20,
    /// 30 seconds.
    Seconds30,
    /// 60 seconds.
    Seconds60,
}

impl TimerChoice {
    /// Every choice, as the setup screen cycles through them.
    pub const ALL: [TimerChoice; 5] = [
        TimerChoice::Off,
        TimerChoice::Seconds10,
        TimerChoice::Seconds20,
        TimerChoice::Seconds30,
        TimerChoice::Seconds60,
    ];

    /// The time limit, or `None` when off.
    pub fn limit(self) -> Option<Duration> {
        match self {
            TimerChoice::Off => None,
            TimerChoice::Seconds10 => Some(Duration::from_secs(10)),
            TimerChoice::Seconds20 => Some(Duration::from_secs(20)),
            TimerChoice::Seconds30 => Some(Duration::from_secs(30)),
            TimerChoice::Seconds60 => Some(Duration::from_secs(60)),
        }
    }

    /// Parses `off` or a number of seconds (10, 20, 30, 60).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().trim_end_matches('s');
        if text.eq_ignore_ascii_case("off") || text == "0" {
            return Some(TimerChoice::Off);
        }
        let seconds: u64 = text.parse().ok()?;
        Self::ALL.into_iter().find(|choice| choice.limit() == Some(Duration::from_secs(seconds)))
    }
}

/// A player or team taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerSpec {
    /// Name shown on screen.
    pub name: String,
    /// Index into the player palette.
    pub colour: usize,
}

impl PlayerSpec {
    /// "Player N" with the N-th colour (0-based `index`).
    pub fn numbered(index: usize) -> Self {
        Self { name: format!("Player {}", index + 1), colour: index }
    }
}
