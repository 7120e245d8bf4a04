//! High scores: the top 10 of each way of playing (the packs and the settings that make
//! scores comparable), entered as a game reaches its results.
//! [`crate::persist::high_scores_file`] keeps them between runs.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Game;
use super::settings::{DifficultyChoice, GameSettings, PlayMode, TimerChoice};
use super::state::Screen;
use super::watched::Watched;
use crate::pack::AnswerKind;

/// Scores kept per board.
pub const TOP: usize = 10;

/// Boards kept at most; the least recently played go first.
pub const MAX_BOARDS: usize = 200;

/// What makes two games' scores comparable: the same packs and settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BoardKey {
    /// Pack ids, sorted; empty is every pack.
    pub packs: Vec<String>,
    /// Categories, sorted; empty is every one.
    pub categories: Vec<String>,
    /// Answer kinds, sorted; empty is every kind.
    pub kinds: Vec<AnswerKind>,
    /// Difficulty.
    pub difficulty: DifficultyChoice,
    /// Questions in the game.
    pub questions: usize,
    /// Time to answer.
    pub timer: TimerChoice,
    /// Scoring preset.
    pub scoring: String,
    /// How the party played (solo games are "everyone").
    pub mode: PlayMode,
    /// Spoiler-safe limit.
    pub max_season: u8,
    /// One season or episode.
    pub watched: Watched,
}

impl BoardKey {
    /// The board of games played with `settings`.
    pub fn of(settings: &GameSettings) -> Self {
        let sorted = |list: &[String]| {
            let mut list = list.to_vec();
            list.sort();
            list
        };
        let mut kinds = settings.kinds.clone();
        kinds.sort();
        Self {
            packs: sorted(&settings.packs),
            categories: sorted(&settings.categories),
            kinds,
            difficulty: settings.difficulty,
            questions: settings.questions,
            timer: settings.timer,
            scoring: settings.scoring.clone(),
            mode: settings.mode,
            max_season: settings.max_season,
            watched: settings.watched.clone(),
        }
    }
}

/// One high score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Who (a team's name, in a teams game).
    pub name: String,
    /// Points.
    pub score: u32,
    /// Questions answered right.
    pub correct: usize,
    /// When, in seconds since 1970.
    pub when: u64,
}

/// The top scores of one way of playing, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Which games count.
    pub key: BoardKey,
    /// Best first; at most [`TOP`]. Equal scores keep the earlier first.
    pub entries: Vec<Entry>,
    /// When a game last counted here, in seconds since 1970.
    pub played: u64,
}

/// Every board.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HighScores {
    /// The boards, most recently played first.
    pub boards: Vec<Board>,
}

/// What the game just played did on its board: the places it took (0-based), by entry name.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct NewHighScores {
    /// The board the game counted on.
    pub key: Option<BoardKey>,
    /// (name, place) for each entry that made the top 10.
    pub places: Vec<(String, usize)>,
}

impl HighScores {
    /// The board of these settings, if any game counted there.
    pub fn board(&self, key: &BoardKey) -> Option<&Board> {
        self.boards.iter().find(|board| board.key == *key)
    }

    /// Enters scores on the board of `key`; returns the places taken (0-based), by index into
    /// `entries`; entries that did not make the top 10 take none.
    pub fn enter(&mut self, key: BoardKey, entries: Vec<Entry>, when: u64) -> Vec<Option<usize>> {
        let at = match self.boards.iter().position(|board| board.key == key) {
            Some(at) => at,
            None => {
                self.boards.push(Board { key, entries: Vec::new(), played: when });
                self.boards.len() - 1
            }
        };
        let mut board = self.boards.remove(at);
        board.played = when;
        let mut places: Vec<Option<usize>> = Vec::with_capacity(entries.len());
        for entry in entries {
            // After every equal score: the earlier keeps its place.
            let place = board.entries.iter().position(|e| e.score < entry.score).unwrap_or(board.entries.len());
            if place < TOP {
                board.entries.insert(place, entry);
                board.entries.truncate(TOP);
                // Earlier entries of this game that moved down.
                for earlier in places.iter_mut().flatten() {
                    if *earlier >= place {
                        *earlier += 1;
                    }
                }
                places.push(Some(place));
            } else {
                places.push(None);
            }
        }
        for place in &mut places {
            *place = place.filter(|p| *p < TOP);
        }
        self.boards.insert(0, board);
        self.boards.truncate(MAX_BOARDS);
        places
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HighScores>()
        .init_resource::<NewHighScores>()
        .add_systems(OnTransition { exited: Screen::Playing, entered: Screen::Results }, enter_game);
}

/// The game's players (or teams) go on its board; players the host removed, and scores of
/// nothing, do not.
fn enter_game(game: Option<Res<Game>>, mut scores: ResMut<HighScores>, mut new: ResMut<NewHighScores>) {
    let Some(game) = game else { return };
    if game.rounds.is_empty() {
        *new = NewHighScores::default();
        return;
    }
    let when = crate::unix_time::now();
    let correct =
        |player: usize| game.rounds.iter().filter(|r| r.outcomes.get(player).is_some_and(|o| o.correct)).count();
    let entries: Vec<Entry> = if game.teams.is_empty() {
        game.players
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.removed)
            .map(|(i, p)| Entry { name: p.name.clone(), score: p.score, correct: correct(i), when })
            .collect()
    } else {
        let scores = game.team_scores();
        game.teams
            .iter()
            .enumerate()
            .map(|(t, team)| {
                let members = (0..game.players.len()).filter(|p| game.players[*p].team == Some(t));
                Entry { name: team.name.clone(), score: scores[t], correct: members.map(correct).sum(), when }
            })
            .collect()
    };
    // No points, no place on a board.
    let entries: Vec<Entry> = entries.into_iter().filter(|entry| entry.score > 0).collect();
    if entries.is_empty() {
        *new = NewHighScores::default();
        return;
    }
    let key = BoardKey::of(&game.settings);
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let places = scores.enter(key.clone(), entries, when);
    *new = NewHighScores {
        key: Some(key),
        places: names.into_iter().zip(places).filter_map(|(name, place)| Some((name, place?))).collect(),
    };
}
