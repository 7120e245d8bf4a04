//! The question-pack format: the types a `.ron` pack file deserializes into.
//!
//! `docs/PACKS.md` documents this format for authors; keep the two in step.

use bevy::reflect::Reflect;
use serde::{Deserialize, Serialize};

use super::media::{Picture, Sound};

/// The seasons of *The Office* (US) a season range may name.
pub const SEASONS: std::ops::RangeInclusive<u8> = 1..=9;

/// One question pack, as written in a `.ron` file.
///
/// `Q` is [`Question`] for a pack in use; the loader also reads a `Pack<IgnoredAny>` to
/// check the header of a pack whose questions do not parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack<Q = Question> {
    /// Stable identifier, unique across installed packs (`jim-halpert`).
    pub id: String,
    /// Title shown in the pack browser.
    pub title: String,
    /// One or two sentences about the pack.
    #[serde(default)]
    pub description: String,
    /// Who wrote the pack.
    #[serde(default)]
    pub author: String,
    /// The pack's own version, for authors (`1.0.0`).
    #[serde(default)]
    pub version: String,
    /// Language of the questions, as a BCP 47 tag (`en`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Licence of the questions (`CC BY-SA 4.0`).
    #[serde(default)]
    pub licence: String,
    /// Credit owed to the sources the questions were built from.
    #[serde(default)]
    pub attribution: String,
    /// The texts the facts come from, each named once; a question's `source` then starts
    /// with one's id (`"encyclopedia, Seasons 1-3"`) and players read its title instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceText>,
    /// Words that give later seasons away (names that only appear late): `bigtuna validate`
    /// warns when a question with no `seasons` uses one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spoilers: Vec<String>,
    /// The questions, in any order: the game draws from them at random.
    pub questions: Vec<Q>,
    /// Where the pack was read from: filled in by the loader, never written in files.
    #[serde(skip)]
    pub origin: Origin,
}

/// A text a pack's facts come from, declared once in the pack's `sources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    /// What questions' `source` names it by (`encyclopedia`).
    pub id: String,
    /// What players read (`the encyclopedia article "Jim Halpert"`).
    pub title: String,
    /// The file the facts were taken from, for authors and reviewers (never shown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// Where it can be read, if anywhere public.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    /// Its licence (`CC BY-SA 4.0`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
}

/// The file a pack was read from, and where its `id` stands, for problems found later
/// (a pack id used twice is only seen once every pack is read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file as named in problems.
    pub file: String,
    /// Where it was found: the game's own packs, the user's folder, or the command line.
    pub source: PackSource,
    /// 1-based line of the pack's `id` field.
    pub id_line: usize,
    /// 1-based column of the pack's `id` field.
    pub id_col: usize,
    /// What `bigtuna validate` warns about (spoilers, give-aways): the pack plays all the same.
    pub warnings: Vec<super::problem::Problem>,
    /// Questions left out because of their media (a missing or unreadable file): the rest of
    /// the pack plays, and `validate` reports these as errors.
    pub left_out: Vec<super::problem::Problem>,
    /// Where its media files are read from.
    pub home: super::home::MediaHome,
}

/// Where a pack was found. When two packs share an id, the later kind wins: the user's copy
/// of a built-in pack is the one played.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PackSource {
    /// The game's own: built into it, or a checkout's `quizzes/` (`BIGTUNA_DATA`).
    #[default]
    Builtin,
    /// The user's packs folder.
    UserFolder,
    /// A file or folder named on the command line.
    CommandLine,
}

impl PackSource {
    /// In words, for the pack browser.
    pub fn label(self) -> &'static str {
        match self {
            PackSource::Builtin => "built-in",
            PackSource::UserFolder => "your packs folder",
            PackSource::CommandLine => "named on the command line",
        }
    }
}

fn default_language() -> String {
    "en".to_owned()
}

/// One question of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, unique inside its pack; saves and statistics refer to it.
    pub id: String,
    /// What the player reads.
    pub prompt: String,
    /// How hard a fan would find it.
    pub difficulty: Difficulty,
    /// Category shown with the question and used by the category filter.
    pub category: String,
    /// Free tags for authors and filters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The seasons the fact belongs to; `None` for facts outside the story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasons: Option<SeasonRange>,
    /// Questions of one pack with the same group share a fact (or one gives another away):
    /// a game asks at most one of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Shown after the answer: context that teaches something.
    pub explanation: String,
    /// A nudge toward the answer for a player who asks for one (the hint lifeline): it must
    /// not give the answer away. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Where the fact comes from: a declared source's id and the section (`"encyclopedia,
    /// Casting"`), several joined by `; `; in a pack that declares no sources, any text.
    pub source: String,
    /// The answer, and so the kind of question.
    pub answer: Answer,
    /// A picture shown with the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Picture>,
    /// A sound played on the TV as the question opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sound: Option<Sound>,
    /// A picture shown at the reveal: the answer in a picture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal_image: Option<Picture>,
}

/// How hard a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Reflect)]
pub enum Difficulty {
    /// A casual viewer knows it.
    Easy,
    /// A fan knows it.
    Medium,
    /// A superfan, or behind-the-scenes knowledge.
    Hard,
}

impl<Q> Pack<Q> {
    /// A pack of `questions` with an id and title, everything else empty or default (an
    /// importer or a test fills in what it knows).
    pub fn new(id: impl Into<String>, title: impl Into<String>, questions: Vec<Q>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            author: String::new(),
            version: String::new(),
            language: default_language(),
            licence: String::new(),
            attribution: String::new(),
            sources: Vec::new(),
            spoilers: Vec::new(),
            questions,
            origin: Origin::default(),
        }
    }
}

impl Difficulty {
    /// All difficulties, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    /// Lowercase name, as used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// An inclusive range of seasons, written `(first, last)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeasonRange(pub u8, pub u8);

impl SeasonRange {
    /// The first season of the range.
    pub fn first(self) -> u8 {
        self.0
    }
    /// The last season a viewer must have seen for the question not to spoil anything.
    pub fn last(self) -> u8 {
        self.1
    }
}

/// The answer of a question; its variant is the question's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Answer {
    /// One correct option and 1 to 5 wrong ones, shuffled at play time.
    MultipleChoice {
        /// The correct option.
        correct: String,
        /// The wrong options.
        wrong: Vec<String>,
    },
    /// A statement that is true or false.
    TrueFalse {
        /// Whether the statement in the prompt is true.
        answer: bool,
    },
    /// A typed answer, matched leniently; the first accepted form is shown at the reveal.
    Typed {
        /// Accepted forms.
        accept: Vec<String>,
    },
    /// A number: exact or within `tolerance` is correct, otherwise the closest wins.
    Number {
        /// The correct number.
        answer: f64,
        /// Unit shown after the number (`months`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// How far off still counts as correct.
        #[serde(default, skip_serializing_if = "is_zero")]
        tolerance: f64,
    },
    /// Items to put in order; written in the correct order, shown shuffled.
    Ordering {
        /// The items, in the correct order.
        items: Vec<String>,
    },
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

/// The five kinds of answer, for counting and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnswerKind {
    /// [`Answer::MultipleChoice`].
    MultipleChoice,
    /// [`Answer::TrueFalse`].
    TrueFalse,
    /// [`Answer::Typed`].
    Typed,
    /// [`Answer::Number`].
    Number,
    /// [`Answer::Ordering`].
    Ordering,
}

impl AnswerKind {
    /// All kinds, in the order the format documents them.
    pub const ALL: [AnswerKind; 5] = [
        AnswerKind::MultipleChoice,
        AnswerKind::TrueFalse,
        AnswerKind::Typed,
        AnswerKind::Number,
        AnswerKind::Ordering,
    ];

    /// snake_case name, as used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            AnswerKind::MultipleChoice => "multiple_choice",
            AnswerKind::TrueFalse => "true_false",
            AnswerKind::Typed => "typed",
            AnswerKind::Number => "number",
            AnswerKind::Ordering => "ordering",
        }
    }
}

impl Answer {
    /// The kind of this answer.
    pub fn kind(&self) -> AnswerKind {
        match self {
            Answer::MultipleChoice { .. } => AnswerKind::MultipleChoice,
            Answer::TrueFalse { .. } => AnswerKind::TrueFalse,
            Answer::Typed { .. } => AnswerKind::Typed,
            Answer::Number { .. } => AnswerKind::Number,
            Answer::Ordering { .. } => AnswerKind::Ordering,
        }
    }
}

/// The tag that ties a question to an episode: `episode:Casino Night`.
pub const EPISODE_TAG: &str = "episode:";

impl Question {
    /// The episodes it is tagged with (`episode:` tags).
    pub fn episodes(&self) -> impl Iterator<Item = &str> {
        self.tags.iter().filter_map(|tag| tag.strip_prefix(EPISODE_TAG)).map(str::trim).filter(|e| !e.is_empty())
    }

    /// Whether a viewer who has seen seasons `1..=max_season` can see this question without spoilers.
    pub fn within_seasons(&self, max_season: u8) -> bool {
        self.seasons.is_none_or(|range| range.last() <= max_season)
    }
}
