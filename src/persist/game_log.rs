//! The record of every game played to its results: each round, every answer with its time and
//! device, and every host action, written as RON in the user's data folder
//! (`~/.local/share/bigtuna/games` on Linux), so a dispute can be settled afterwards.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use crate::challenge::code_of;
use crate::game::audience::AudienceRound;
use crate::game::rivals::ChallengedBy;
use crate::game::{Game, HostAction, PlayMode, Round, Screen};
use crate::pack::PackLibrary;
use crate::words::{host_action_text, response_text};

/// Where game logs are written; `None` when the platform has no data folder.
#[derive(Resource, Debug, Clone, Default)]
pub struct GamesDir(pub Option<PathBuf>);

/// One game, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameLog {
    /// When the game ended, in seconds since 1970.
    pub ended: u64,
    /// The seed that replays it.
    pub seed: u64,
    /// How the party played.
    pub mode: PlayMode,
    /// The players, with their final scores.
    pub players: Vec<LoggedPlayer>,
    /// Every round, in order.
    pub rounds: Vec<LoggedRound>,
    /// What the host did, in order.
    pub host: Vec<LoggedHostAction>,
    /// The audience that played along, best first (none in older records, or with no audience).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<LoggedAudienceMember>,
    /// The code a friend plays the same questions with (none in older records, or when a
    /// pack changed while the game was played).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The challenge the game answered: the code and its game's best scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<ChallengedBy>,
}

/// An audience member at the end of the game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedAudienceMember {
    /// Place among the audience (ties share it).
    pub rank: usize,
    /// Name.
    pub name: String,
    /// Score, apart from the players'.
    pub score: u32,
    /// Questions answered right.
    pub right: u32,
}

/// A player at the end of the game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedPlayer {
    /// Name.
    pub name: String,
    /// Team, in a teams game.
    pub team: Option<String>,
    /// Final score.
    pub score: u32,
    /// Removed by the host.
    pub removed: bool,
}

/// One round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedRound {
    /// `pack/question-id`.
    pub question: String,
    /// The question as asked.
    pub prompt: String,
    /// The host skipped it.
    pub skipped: bool,
    /// Every answer given.
    pub answers: Vec<LoggedAnswer>,
    /// Each player's score as the round was scored, in the order of `players` (empty in
    /// records from before it was kept).
    #[serde(default)]
    pub scores: Vec<u32>,
    /// The lifelines used on it, who used each (none in older records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifelines: Vec<LoggedLifeline>,
    /// The final wager's question: each bet, whether it was won (none on other rounds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bets: Vec<LoggedBet>,
    /// What the audience did on it: how many answered, how many right, the votes per option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<AudienceRound>,
}

/// A lifeline used on a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedLifeline {
    /// Who used it.
    pub player: String,
    /// Its name, as the game shows it ("Shredder").
    pub lifeline: String,
}

/// A bet on the final wager's question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedBet {
    /// Who bet.
    pub player: String,
    /// Points bet.
    pub bet: u32,
    /// Won (right) or lost (wrong, or no answer).
    pub won: bool,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedAnswer {
    /// Who answered.
    pub player: String,
    /// What, as text.
    pub answer: String,
    /// Seconds after answering opened.
    pub seconds: f64,
    /// Keyboard, Gamepad, Screen...
    pub device: String,
    /// Counted right (by the judge, or as the host ruled).
    pub correct: bool,
    /// Points earned.
    pub points: u32,
    /// Points lost (a wrong buzz).
    pub penalty: u32,
}

/// One host action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedHostAction {
    /// During which question (1-based).
    pub question: usize,
    /// What was done, in words.
    pub action: String,
    /// Points it gave (or, negative, took), as applied; 0 for other actions and in records
    /// from before it was kept.
    #[serde(default)]
    pub points: i64,
    /// The player it gave or took them from, if it did.
    #[serde(default)]
    pub player: Option<String>,
}

/// Writes the log as a game reaches its results.
pub fn plugin(app: &mut App) {
    app.init_resource::<GamesDir>().add_systems(OnEnter(Screen::Results), write_log);
}

impl GameLog {
    /// The record of `game`, ended at `ended`.
    pub fn of(game: &Game, ended: u64) -> Self {
        let name = |p: usize| game.players.get(p).map_or_else(String::new, |p| p.name.clone());
        let rounds = game.rounds.iter().filter_map(|round| logged_round(game, round)).collect();
        Self {
            ended,
            seed: game.seed,
            mode: game.settings.mode,
            players: game
                .players
                .iter()
                .map(|p| LoggedPlayer {
                    name: p.name.clone(),
                    team: p.team.and_then(|t| game.teams.get(t)).map(|t| t.name.clone()),
                    score: p.score,
                    removed: p.removed,
                })
                .collect(),
            rounds,
            host: game
                .host_log
                .iter()
                .map(|r| {
                    let (points, player) = match r.action {
                        HostAction::Points { player, delta } => (i64::from(delta), Some(name(player))),
                        _ => (0, None),
                    };
                    LoggedHostAction {
                        question: r.question + 1,
                        action: host_action_text(game, r.action),
                        points,
                        player,
                    }
                })
                .collect(),
            audience: game
                .audience
                .top(usize::MAX)
                .into_iter()
                .map(|(rank, _, m)| LoggedAudienceMember { rank, name: m.name.clone(), score: m.score, right: m.right })
                .collect(),
            code: None,
            challenge: game.challenge.clone(),
        }
    }

    /// Writes the log into `dir` as `game-<ended>-<seed>.ron`; returns the file.
    pub fn write(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let path = dir.join(format!("game-{}-{}.ron", self.ended, self.seed));
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|error| std::io::Error::other(error.to_string()))?;
        write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }
}

/// The record of one round of `game`.
fn logged_round(game: &Game, round: &Round) -> Option<LoggedRound> {
    let name = |p: usize| game.players.get(p).map_or_else(String::new, |p| p.name.clone());
    let drawn = game.questions.get(round.question)?;
    let answers = round
        .outcomes
        .iter()
        .enumerate()
        .filter_map(|(player, outcome)| {
            let answer = outcome.answer.as_ref()?;
            Some(LoggedAnswer {
                player: name(player),
                answer: response_text(&drawn.presented, &answer.response),
                seconds: answer.time.as_secs_f64(),
                device: format!("{:?}", answer.device),
                correct: outcome.correct,
                points: outcome.points,
                penalty: outcome.penalty,
            })
        })
        .collect();
    Some(LoggedRound {
        question: format!("{}/{}", drawn.pack, drawn.question.id),
        prompt: drawn.question.prompt.clone(),
        skipped: round.skipped,
        answers,
        scores: round.outcomes.iter().map(|o| o.score_after).collect(),
        lifelines: round
            .outcomes
            .iter()
            .enumerate()
            .flat_map(|(p, o)| {
                o.lifelines.iter().map(move |l| LoggedLifeline { player: name(p), lifeline: l.title().into() })
            })
            .collect(),
        bets: round
            .outcomes
            .iter()
            .enumerate()
            .filter_map(|(p, o)| Some(LoggedBet { player: name(p), bet: o.wager?, won: o.correct }))
            .collect(),
        audience: game.audience.round(round.question).filter(|r| r.members > 0 && !round.skipped).cloned(),
    })
}

fn write_log(game: Option<Res<Game>>, dir: Res<GamesDir>, library: Option<Res<PackLibrary>>) {
    let (Some(game), Some(dir)) = (game, dir.0.as_deref()) else { return };
    let ended = crate::unix_time::now();
    let mut log = GameLog::of(&game, ended);
    log.code = library.and_then(|library| code_of(&game, &library)).map(|code| code.to_text());
    match log.write(dir) {
        Ok(path) => info!("game log written to {}", path.display()),
        // The game goes on: the results are on screen, only the record is missing.
        Err(error) => warn!("could not write the game log in {}: {error}", dir.display()),
    }
}
