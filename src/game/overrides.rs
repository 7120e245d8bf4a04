//! Settings given for one launch (on the command line), over the saved defaults.

use super::participant::PlayerSpec;
use super::settings::{DifficultyChoice, GameSettings, PLAYER_COUNT, PlayMode, TEAM_COUNT, TimerChoice};

/// Settings given for one launch (on the command line), over the saved defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GameOverrides {
    /// Seed of the draw.
    pub seed: Option<u64>,
    /// Number of questions.
    pub questions: Option<usize>,
    /// Only these packs.
    pub packs: Vec<String>,
    /// Only these categories.
    pub categories: Vec<String>,
    /// The difficulty choice.
    pub difficulty: Option<DifficultyChoice>,
    /// The spoiler limit.
    pub max_season: Option<u8>,
    /// Only one season or episode.
    pub watched: Option<super::watched::Watched>,
    /// The timer.
    pub timer: Option<TimerChoice>,
    /// The scoring preset id.
    pub scoring: Option<String>,
    /// Player names, in seat order; `Name@Team` puts a player in a team.
    pub players: Vec<String>,
    /// How a party plays.
    pub mode: Option<PlayMode>,
    /// Team names, for a teams game.
    pub teams: Vec<String>,
    /// Questions' pictures on the TV only, not on the phones (`Some(false)`), or on both.
    pub pictures_on_phones: Option<bool>,
    /// How many of each lifeline every player gets.
    pub lifelines: Option<u8>,
    /// A final wager before the last question (`Some(true)`), or none.
    pub wager: Option<bool>,
    /// New phones wait for the host to let them in (`Some(true)`).
    pub approve_names: Option<bool>,
    /// Streamer mode (`Some(true)`).
    pub streamer: Option<bool>,
    /// Seconds the streaming overlay holds each reveal.
    pub overlay_delay: Option<u8>,
    /// Hot seat: each turn safe for its own player's spoiler limit (`Some(true)`).
    pub spoilers_each: Option<bool>,
}

impl GameOverrides {
    /// `base` with these overrides applied; at most [`PLAYER_COUNT`] players are kept.
    pub fn apply(&self, mut base: GameSettings) -> GameSettings {
        base.seed = self.seed.or(base.seed);
        base.questions = self.questions.unwrap_or(base.questions);
        base.difficulty = self.difficulty.unwrap_or(base.difficulty);
        base.max_season = self.max_season.unwrap_or(base.max_season);
        base.watched = self.watched.clone().unwrap_or(base.watched);
        base.timer = self.timer.unwrap_or(base.timer);
        if let Some(scoring) = &self.scoring {
            base.scoring.clone_from(scoring);
        }
        if !self.packs.is_empty() {
            base.packs.clone_from(&self.packs);
        }
        if !self.categories.is_empty() {
            base.categories.clone_from(&self.categories);
        }
        base.mode = self.mode.unwrap_or(base.mode);
        base.pictures_on_phones = self.pictures_on_phones.unwrap_or(base.pictures_on_phones);
        base.lifelines = self.lifelines.unwrap_or(base.lifelines);
        base.wager = self.wager.unwrap_or(base.wager);
        base.approve_names = self.approve_names.unwrap_or(base.approve_names);
        base.streamer = self.streamer.unwrap_or(base.streamer);
        base.overlay_delay = self.overlay_delay.unwrap_or(base.overlay_delay);
        base.spoilers_each = self.spoilers_each.unwrap_or(base.spoilers_each);
        if !self.teams.is_empty() {
            base.teams = self.teams.iter().map(|t| t.trim().to_owned()).collect();
        }
        if !self.players.is_empty() {
            base.players = self
                .players
                .iter()
                .take(*PLAYER_COUNT.end())
                .enumerate()
                .map(|(i, given)| {
                    let (name, team) = match given.split_once('@') {
                        Some((name, team)) => (name, team_index(&mut base.teams, team.trim())),
                        None => (given.as_str(), None),
                    };
                    PlayerSpec { name: name.trim().to_owned(), team, ..PlayerSpec::numbered(i) }
                })
                .collect();
        }
        base
    }
}

/// The index of the team named `name`, added to `teams` when new (up to four).
fn team_index(teams: &mut Vec<String>, name: &str) -> Option<usize> {
    if let Some(index) = teams.iter().position(|t| t.eq_ignore_ascii_case(name)) {
        return Some(index);
    }
    (teams.len() < *TEAM_COUNT.end() && !name.is_empty()).then(|| {
        teams.push(name.to_owned());
        teams.len() - 1
    })
}
