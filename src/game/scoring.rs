//! Scoring presets, read from `assets/scoring.ron`, and the points they give.

use std::path::Path;
use std::time::Duration;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::pack::{AnswerKind, Difficulty, Problem};

/// The presets shipped with the game; the fallback when the user's file is broken.
pub const BUILTIN_PRESETS: &str = include_str!("../../assets/scoring.ron");

/// Where the presets users may edit live, relative to the game's data folder.
pub const PRESETS_FILE: &str = "assets/scoring.ron";

/// One way of scoring a game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringPreset {
    /// Stable id used in settings and on the command line.
    pub id: String,
    /// Name shown on the setup screen.
    pub name: String,
    /// One line for the setup screen.
    pub description: String,
    /// Points for a correct answer, by difficulty.
    pub base: BasePoints,
    /// Bonus for an instant answer, falling linearly to zero over the timer.
    pub speed_bonus: u32,
    /// Bonus per correct answer in a row after the first.
    pub streak_bonus: u32,
    /// Most streak bonus one answer can earn.
    pub streak_cap: u32,
    /// Orderings earn base points times the share of items in place.
    pub partial_credit: bool,
    /// Number questions in party play: the closest player(s) win the round.
    pub closest_wins: bool,
    /// The timer for each kind of question, in percent of the timer chosen: the slower kinds
    /// get more (presets from before it was kept get the shipped shares).
    #[serde(default)]
    pub time: KindTime,
}

/// The timer for each kind of question, in percent of the timer chosen in setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KindTime {
    /// Multiple choice.
    pub multiple_choice: u32,
    /// True or false.
    pub true_false: u32,
    /// A typed answer.
    pub typed: u32,
    /// A number.
    pub number: u32,
    /// Putting items in order.
    pub ordering: u32,
}

impl Default for KindTime {
    fn default() -> Self {
        Self { multiple_choice: 100, true_false: 100, typed: 150, number: 125, ordering: 150 }
    }
}

impl KindTime {
    /// The timer for a question of `kind` when the setup's timer is `limit`.
    pub fn limit(self, kind: AnswerKind, limit: Option<Duration>) -> Option<Duration> {
        let percent = match kind {
            AnswerKind::MultipleChoice => self.multiple_choice,
            AnswerKind::TrueFalse => self.true_false,
            AnswerKind::Typed => self.typed,
            AnswerKind::Number => self.number,
            AnswerKind::Ordering => self.ordering,
        };
        // Whole seconds, as the timer shows them; never less than a second, nor absurdly long.
        limit.map(|limit| Duration::from_secs((limit.as_secs() * u64::from(percent.clamp(10, 1000)) / 100).max(1)))
    }
}

/// Points by difficulty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasePoints {
    /// Easy questions.
    pub easy: u32,
    /// Medium questions.
    pub medium: u32,
    /// Hard questions.
    pub hard: u32,
}

impl BasePoints {
    /// Points for a question of difficulty `d`.
    pub fn of(self, d: Difficulty) -> u32 {
        match d {
            Difficulty::Easy => self.easy,
            Difficulty::Medium => self.medium,
            Difficulty::Hard => self.hard,
        }
    }
}

/// How one player did on one question, as scoring sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    /// Counts as correct (judged right, or won a closest-wins round).
    pub correct: bool,
    /// Share that was right, for partial credit.
    pub credit: f32,
    /// Time taken to answer.
    pub time: Duration,
    /// Correct answers in a row, this one included.
    pub streak: u32,
}

/// Most points any one value of a preset may give: far above any sensible game.
pub const MAX_POINTS: u32 = 1_000_000;

impl ScoringPreset {
    /// The largest number in the preset: at most [`MAX_POINTS`] in a sound one.
    pub fn largest_value(&self) -> u32 {
        [self.base.easy, self.base.medium, self.base.hard, self.speed_bonus, self.streak_bonus, self.streak_cap]
            .into_iter()
            .max()
            .unwrap_or(0)
    }

    /// Points for one attempt at a question of `difficulty` with `limit` to answer.
    pub fn points(&self, difficulty: Difficulty, attempt: Attempt, limit: Option<Duration>) -> u32 {
        let base = self.base.of(difficulty);
        if !attempt.correct {
            return if self.partial_credit && attempt.credit > 0.0 {
                (base as f32 * attempt.credit.clamp(0.0, 1.0)).floor() as u32
            } else {
                0
            };
        }
        let speed = match limit {
            Some(limit) if !limit.is_zero() => {
                let left = limit.saturating_sub(attempt.time).as_secs_f64() / limit.as_secs_f64();
                (f64::from(self.speed_bonus) * left).floor() as u32
            }
            _ => 0,
        };
        let streak = (self.streak_bonus.saturating_mul(attempt.streak.saturating_sub(1))).min(self.streak_cap);
        // Presets are user-edited: huge values must saturate, not wrap or panic.
        base.saturating_add(speed).saturating_add(streak)
    }
}

/// The scoring presets the game offers.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ScoringPresets(pub Vec<ScoringPreset>);

impl Default for ScoringPresets {
    fn default() -> Self {
        // The shipped file is parsed by a test, so this cannot fail in a release.
        Self(Self::parse("scoring.ron", BUILTIN_PRESETS).unwrap_or_default())
    }
}

impl ScoringPresets {
    /// Parses presets from RON text, naming `file` in problems.
    pub fn parse(file: &str, text: &str) -> Result<Vec<ScoringPreset>, Problem> {
        let presets: Vec<ScoringPreset> = ron::from_str(text).map_err(|error| Problem {
            file: file.to_owned(),
            line: error.span.start.line,
            col: error.span.start.col,
            message: format!("{}: fix the preset, or delete the file to get the shipped presets back", error.code),
        })?;
        if let Some(preset) = presets.iter().find(|p| p.largest_value() > MAX_POINTS) {
            return Err(Problem {
                file: file.to_owned(),
                line: 1,
                col: 1,
                message: format!(
                    "the preset `{}` gives more than {MAX_POINTS} points for one answer: use smaller numbers",
                    preset.id
                ),
            });
        }
        if presets.is_empty() {
            return Err(Problem {
                file: file.to_owned(),
                line: 1,
                col: 1,
                message: "no scoring preset is defined: keep at least one".into(),
            });
        }
        Ok(presets)
    }

    /// Reads the user's presets from `path`; on any problem, says so and uses the built-in ones.
    pub fn load_or_builtin(path: &Path) -> (Self, Option<Problem>) {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => match Self::parse(&file, &text) {
                Ok(presets) => (Self(presets), None),
                Err(problem) => (Self::default(), Some(problem)),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(error) => (
                Self::default(),
                Some(Problem { file, line: 1, col: 1, message: format!("cannot read the scoring presets: {error}") }),
            ),
        }
    }

    /// The preset with this id, or the first one.
    pub fn get(&self, id: &str) -> Option<&ScoringPreset> {
        self.0.iter().find(|preset| preset.id == id).or_else(|| self.0.first())
    }
}
