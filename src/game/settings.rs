//! What a game is played with: packs, filters, length, timer, scoring and players.

use std::time::Duration;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::participant::Party;
use super::participant::PlayerSpec;
use crate::pack::{AnswerKind, Difficulty, SEASONS};

/// Fewest and most questions in a game.
pub const QUESTION_COUNT: std::ops::RangeInclusive<usize> = 5..=100;
/// Fewest and most players.
pub const PLAYER_COUNT: std::ops::RangeInclusive<usize> = 1..=8;
/// Question counts the setup screen offers, within [`QUESTION_COUNT`].
pub const OFFERED_COUNTS: [usize; 10] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100];

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
    /// Only questions about this season or episode ("what I watched this week").
    pub watched: super::watched::Watched,
    /// Time to answer each question.
    pub timer: TimerChoice,
    /// Id of the scoring preset (see `assets/scoring.ron`).
    pub scoring: String,
    /// Seed of the draw; `None` draws a new one for each game.
    pub seed: Option<u64>,
    /// The players, 1 to 8.
    pub players: Vec<PlayerSpec>,
    /// How a party plays.
    pub mode: PlayMode,
    /// Buzz-in: a wrong buzz costs the question's points.
    pub buzz_penalty: bool,
    /// Party play: typed and number questions are said aloud, and the host judges.
    pub aloud: bool,
    /// Team names, in a teams game (2 to 4).
    pub teams: Vec<String>,
    /// Questions' pictures on the players' phones too (off: on the TV only, phones read their
    /// alt text).
    pub pictures_on_phones: bool,
    /// How many of each lifeline every player gets (0 to 3; 0: none).
    pub lifelines: u8,
    /// Each new phone waits in the lobby until the host lets it in under its name.
    pub approve_names: bool,
    /// Streamer mode: the TV hides the room code and its QR code (the host remote shows
    /// them; F5 on the join screen for a few seconds).
    pub streamer: bool,
    /// Seconds the streaming overlay (`/overlay`) waits before it shows a reveal.
    pub overlay_delay: u8,
    /// A final wager before the last question.
    pub wager: bool,
    /// Hot seat: each player's turns are safe for their own spoiler limit, rather than every
    /// question for the lowest limit in the room.
    pub spoilers_each: bool,
}

impl Default for GameSettings {
    fn default() -> Self {
        Self {
            packs: Vec::new(),
            categories: Vec::new(),
            kinds: Vec::new(),
            difficulty: DifficultyChoice::Mixed,
            questions: 10,
            max_season: *SEASONS.end(),
            watched: super::watched::Watched::Everything,
            timer: TimerChoice::Seconds20,
            scoring: "classic".to_owned(),
            seed: None,
            players: vec![PlayerSpec::numbered(0)],
            mode: PlayMode::Everyone,
            buzz_penalty: false,
            aloud: false,
            teams: Vec::new(),
            pictures_on_phones: true,
            lifelines: 1,
            wager: false,
            approve_names: false,
            streamer: false,
            overlay_delay: 0,
            spoilers_each: false,
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

/// Longest player name, in characters (keys, pads and phones alike).
pub const NAME_CHARS: usize = 16;

/// Phones a party seats at most, beside the keyboard rows and pads.
pub const PHONE_PLAYERS: usize = 100;

/// "Team 1", "Team 2": names for teams nobody named.
pub fn team_name(index: usize) -> String {
    format!("Team {}", index + 1)
}

/// How a party plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum PlayMode {
    /// Everyone answers; answers stay hidden until all have answered or time is up.
    #[default]
    Everyone,
    /// The first to buzz answers alone; a wrong answer locks that player out.
    Buzz,
    /// Players take turns, one question each.
    HotSeat,
    /// Teams of players give one answer per team.
    Teams,
}

impl PlayMode {
    /// Every mode, as setup cycles through them.
    pub const ALL: [PlayMode; 4] = [PlayMode::Everyone, PlayMode::Buzz, PlayMode::HotSeat, PlayMode::Teams];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            PlayMode::Everyone => "everyone",
            PlayMode::Buzz => "buzz",
            PlayMode::HotSeat => "hotseat",
            PlayMode::Teams => "teams",
        }
    }

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Teams in a teams game.
pub const TEAM_COUNT: std::ops::RangeInclusive<usize> = 2..=4;

impl GameSettings {
    /// The last season every question may be from: the game's own limit, or the lowest of
    /// the players' (everyone watches the same screen).
    pub fn spoiler_limit(&self) -> u8 {
        if self.spoilers_each_turn() {
            // The draw's pool is the widest of them; each turn is then dealt a question safe
            // for its player (`super::spoiler_deal`).
            let widest = self.players.iter().map(|p| p.watched_to.unwrap_or(u8::MAX)).max();
            return widest.unwrap_or(u8::MAX).min(self.max_season);
        }
        self.lowest_limit()
    }

    /// The lowest limit in the room: what everyone may see.
    pub fn lowest_limit(&self) -> u8 {
        let players = self.players.iter().filter_map(|p| p.watched_to);
        players.fold(self.max_season, u8::min)
    }

    /// The last season `player` (a seat) may be asked about: their own limit, within the game's.
    pub fn limit_of(&self, player: usize) -> u8 {
        let own = self.players.get(player).and_then(|p| p.watched_to).unwrap_or(u8::MAX);
        own.min(self.max_season)
    }

    /// Whether each turn of this game is safe for its own player (hot seat, chosen, a party).
    pub fn spoilers_each_turn(&self) -> bool {
        self.spoilers_each && self.mode == PlayMode::HotSeat && self.players.len() > 1
    }

    /// One player, every answer kind, no party mode.
    pub fn make_solo(&mut self) {
        self.players.truncate(1);
        if self.players.is_empty() {
            self.players.push(PlayerSpec::numbered(0));
        }
        // Alone, they answer with whatever is at hand, not only the phone or pad they joined with.
        self.players[0].seat = None;
        self.kinds.clear();
        self.mode = PlayMode::Everyone;
        self.aloud = false;
    }

    /// At least two players, and the answer kinds of party nights ([`PARTY_KINDS`]).
    pub fn make_party(&mut self) {
        while self.players.len() < 2 {
            self.players.push(self.players.new_player());
        }
        self.kinds = PARTY_KINDS.to_vec();
    }

    /// Each player's team in a teams game (`None` in other modes): the team set for them,
    /// else dealt to the teams in turn.
    pub fn player_teams(&self) -> Vec<Option<usize>> {
        if self.mode != PlayMode::Teams {
            return vec![None; self.players.len()];
        }
        let count = self.team_count();
        let mut dealt = 0;
        self.players
            .iter()
            .map(|spec| {
                Some(spec.team.filter(|t| *t < count).unwrap_or_else(|| {
                    dealt += 1;
                    (dealt - 1) % count
                }))
            })
            .collect()
    }

    /// How many teams a teams game of these settings has.
    pub fn team_count(&self) -> usize {
        let named = self.players.iter().filter_map(|p| p.team).max().map_or(0, |t| t + 1);
        self.teams.len().max(named).clamp(*TEAM_COUNT.start(), *TEAM_COUNT.end())
    }
}
