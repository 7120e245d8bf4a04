//! The settings of the setup screen, each in one place: which there are and where each is
//! offered (the game's column, a party's by its mode), how each steps through its values, and
//! which the next session starts from. Adding one is a variant here, its arms in this file's
//! matches (the compiler asks for each), and its words on the setup screen's `label`.

use super::participant::Party;
use super::scoring::ScoringPresets;
use super::settings::{
    DifficultyChoice, GameSettings, OFFERED_COUNTS, PLAYER_COUNT, PlayMode, TEAM_COUNT, TimerChoice, team_name,
};
use crate::pack::{PackLibrary, SEASONS};

/// A setting that the setup screen steps through its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    /// How many players (2 to 8: stepping is for party nights).
    Players,
    /// How many questions, through [`OFFERED_COUNTS`].
    Questions,
    /// The difficulty choice.
    Difficulty,
    /// The last season allowed (spoiler limit).
    Seasons,
    /// Everything, one season, or one episode.
    Watched,
    /// The timer.
    Timer,
    /// The scoring preset, through those offered.
    Scoring,
    /// One category, or all.
    Category,
    /// One pack, or all.
    Pack,
    /// The party mode.
    Mode,
    /// How many teams (2 to 4), in a teams game.
    Teams,
    /// Whether a wrong buzz costs points, in buzz-in.
    BuzzPenalty,
    /// Typed answers typed, or said aloud for the host to judge.
    Aloud,
    /// How many of each lifeline every player gets (0 to 3).
    Lifelines,
    /// A final wager before the last question, or none.
    Wager,
    /// Hot seat: spoilers safe for everyone, or for each player on their turn.
    SpoilersEach,
}

impl Setting {
    /// Every setting: the players' count, the game's own, a party's ways of playing.
    pub fn all() -> impl Iterator<Item = Setting> {
        let party = [
            Setting::Mode,
            Setting::Teams,
            Setting::BuzzPenalty,
            Setting::SpoilersEach,
            Setting::Aloud,
            Setting::Wager,
        ];
        std::iter::once(Setting::Players).chain(Setting::GAME).chain(party)
    }

    /// The game's own settings, in screen order: every game has them.
    pub const GAME: [Setting; 9] = [
        Setting::Questions,
        Setting::Difficulty,
        Setting::Seasons,
        Setting::Watched,
        Setting::Timer,
        Setting::Scoring,
        Setting::Lifelines,
        Setting::Category,
        Setting::Pack,
    ];

    /// A party's settings in a game of this mode, in screen order (none for one player).
    pub fn party(party: bool, mode: PlayMode) -> &'static [Setting] {
        match (party, mode) {
            (false, _) => &[],
            (true, PlayMode::Teams) => &[Setting::Mode, Setting::Teams, Setting::Aloud, Setting::Wager],
            (true, PlayMode::Buzz) => &[Setting::Mode, Setting::BuzzPenalty, Setting::Aloud, Setting::Wager],
            (true, PlayMode::HotSeat) => &[Setting::Mode, Setting::SpoilersEach, Setting::Aloud, Setting::Wager],
            (true, PlayMode::Everyone) => &[Setting::Mode, Setting::Aloud, Setting::Wager],
        }
    }

    /// What the player chose for this setting in `now`, against what the session started with
    /// (`start`), becomes the next session's default in `defaults`; what was given only on the
    /// command line, and the party's ways of playing, do not.
    pub fn remember(self, now: &GameSettings, start: &GameSettings, defaults: &mut GameSettings) {
        macro_rules! keep {
            ($field:ident) => {
                if now.$field != start.$field {
                    defaults.$field = now.$field.clone();
                }
            };
        }
        match self {
            Setting::Players => keep!(players),
            Setting::Questions => keep!(questions),
            Setting::Difficulty => keep!(difficulty),
            Setting::Seasons => keep!(max_season),
            Setting::Timer => keep!(timer),
            Setting::Scoring => keep!(scoring),
            Setting::Category => keep!(categories),
            Setting::Pack => keep!(packs),
            Setting::Lifelines => keep!(lifelines),
            // What is about this week's episode, and how tonight's party plays, is for tonight.
            Setting::Watched
            | Setting::Mode
            | Setting::Teams
            | Setting::BuzzPenalty
            | Setting::Aloud
            | Setting::Wager
            | Setting::SpoilersEach => {}
        }
    }

    /// Steps the setting in `settings` by `delta` (-1 or +1), wrapping around, among the
    /// values `library` and `presets` offer. Players are the exception: they stop at 2 and 8
    /// rather than wrap.
    pub fn step(self, settings: &mut GameSettings, delta: i32, library: &PackLibrary, presets: &ScoringPresets) {
        let s = settings;
        match self {
            Setting::Players => {
                let n = (s.players.len() as i32 + delta).clamp(2, *PLAYER_COUNT.end() as i32) as usize;
                s.players.truncate(n);
                while s.players.len() < n {
                    s.players.push(s.players.new_player());
                }
            }
            Setting::Questions => {
                // A count set elsewhere (the command line, a shortfall) steps from the next offered one.
                let current = OFFERED_COUNTS.iter().copied().find(|c| *c >= s.questions).unwrap_or(OFFERED_COUNTS[1]);
                s.questions = cycle(&OFFERED_COUNTS, &current, delta);
            }
            Setting::Difficulty => s.difficulty = cycle(&DifficultyChoice::ALL, &s.difficulty, delta),
            Setting::Seasons => {
                let seasons: Vec<u8> = SEASONS.collect();
                s.max_season = cycle(&seasons, &s.max_season, delta);
            }
            Setting::Watched => {
                let choices = super::watched::Watched::choices(library);
                s.watched = cycle(&choices, &s.watched, delta);
            }
            Setting::Timer => s.timer = cycle(&TimerChoice::ALL, &s.timer, delta),
            Setting::Scoring => {
                let ids: Vec<String> = presets.0.iter().map(|p| p.id.clone()).collect();
                if !ids.is_empty() {
                    s.scoring = cycle(&ids, &s.scoring, delta);
                }
            }
            Setting::Category => {
                let mut categories: Vec<String> = library.questions().map(|(_, q)| q.category.clone()).collect();
                categories.sort();
                categories.dedup();
                s.categories = cycle_filter(&categories, s.categories.first(), delta).into_iter().collect();
            }
            Setting::Pack => {
                let ids: Vec<String> = library.packs.iter().map(|p| p.id.clone()).collect();
                s.packs = cycle_filter(&ids, s.packs.first(), delta).into_iter().collect();
            }
            Setting::Mode => s.mode = cycle(&PlayMode::ALL, &s.mode, delta),
            Setting::Teams => {
                let counts: Vec<usize> = TEAM_COUNT.collect();
                let n = cycle(&counts, &s.team_count(), delta);
                s.teams = (0..n).map(|i| s.teams.get(i).cloned().unwrap_or_else(|| team_name(i))).collect();
            }
            Setting::BuzzPenalty => s.buzz_penalty = !s.buzz_penalty,
            Setting::Aloud => s.aloud = !s.aloud,
            Setting::Wager => s.wager = !s.wager,
            Setting::SpoilersEach => s.spoilers_each = !s.spoilers_each,
            Setting::Lifelines => {
                let counts: Vec<u8> = (0..=super::lifeline::MOST_EACH).collect();
                s.lifelines = cycle(&counts, &s.lifelines, delta);
            }
        }
    }
}

/// The option `delta` steps from `current`, wrapping; from the first when `current` is not one.
fn cycle<T: Clone + PartialEq>(options: &[T], current: &T, delta: i32) -> T {
    let index = options.iter().position(|o| o == current).unwrap_or(0) as i32;
    options[(index + delta).rem_euclid(options.len() as i32) as usize].clone()
}

/// Steps an optional filter through "all" (`None`) and each of `options`.
fn cycle_filter(options: &[String], current: Option<&String>, delta: i32) -> Option<String> {
    let all: Vec<Option<&String>> = std::iter::once(None).chain(options.iter().map(Some)).collect();
    cycle(&all, &current, delta).cloned()
}
