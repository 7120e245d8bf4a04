//! Lifelines: the kinds, how many a player has left, and the pure rules of what each does
//! (strike out wrong options, fix an ordering's item, count votes). When one is offered and
//! what using it does to a game: [`super::lifeline_use`].

use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use serde::{Deserialize, Serialize};

use crate::pack::Answer;

/// How long a frozen rival may neither buzz nor answer.
pub const FREEZE: Duration = Duration::from_secs(3);

/// Most of each lifeline a player may be given for a game.
pub const MOST_EACH: u8 = 3;

/// The lifelines, in the order menus list them: a key row's answer keys and a pad's answer
/// buttons pick them by this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lifeline {
    /// Multiple choice: strike out all wrong options but one. Ordering: put one item in its
    /// place and keep it there.
    RemoveWrong,
    /// Show the question's `hint`.
    Hint,
    /// Show how the audience has voted so far, as bars (options questions, an audience present).
    AskAudience,
    /// Double this question's points.
    DoublePoints,
    /// Buzz-in: the leading rival may neither buzz nor answer for [`FREEZE`].
    Freeze,
}

impl Lifeline {
    /// Every lifeline, in menu order.
    pub const ALL: [Lifeline; 5] =
        [Lifeline::RemoveWrong, Lifeline::Hint, Lifeline::AskAudience, Lifeline::DoublePoints, Lifeline::Freeze];

    /// Its name in the game, after the show.
    pub fn title(self) -> &'static str {
        match self {
            Lifeline::RemoveWrong => "Shredder",
            Lifeline::Hint => "Ask Pam",
            Lifeline::AskAudience => "Ask the Office",
            Lifeline::DoublePoints => "Double Dundie",
            Lifeline::Freeze => "Jello",
        }
    }

    /// Its mark beside a player's name once used (the game's font has each).
    pub fn icon(self) -> &'static str {
        match self {
            Lifeline::RemoveWrong => "✂",
            Lifeline::Hint => "✎",
            Lifeline::AskAudience => "☎",
            Lifeline::DoublePoints => "★",
            Lifeline::Freeze => "❄",
        }
    }

    /// What it does, in a few words.
    pub fn blurb(self) -> &'static str {
        match self {
            Lifeline::RemoveWrong => "shred wrong options",
            Lifeline::Hint => "a hint",
            Lifeline::AskAudience => "the audience's votes",
            Lifeline::DoublePoints => "double points",
            Lifeline::Freeze => "freeze the leader 3 s",
        }
    }

    /// Its short name on the wire and in files (`remove`, `hint`, `audience`, `double`, `freeze`).
    pub fn key(self) -> &'static str {
        match self {
            Lifeline::RemoveWrong => "remove",
            Lifeline::Hint => "hint",
            Lifeline::AskAudience => "audience",
            Lifeline::DoublePoints => "double",
            Lifeline::Freeze => "freeze",
        }
    }

    /// Whether what it does is something to see, which the room would see too on a shared screen.
    pub fn shows(self) -> bool {
        matches!(self, Lifeline::RemoveWrong | Lifeline::Hint | Lifeline::AskAudience)
    }
}

/// How many of each lifeline a player has left.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifelinesLeft([u8; 5]);

impl LifelinesLeft {
    /// `each` of every lifeline (at most [`MOST_EACH`]).
    pub fn each(each: u8) -> Self {
        Self([each.min(MOST_EACH); 5])
    }

    /// How many of `lifeline` are left.
    pub fn of(&self, lifeline: Lifeline) -> u8 {
        self.0[lifeline as usize]
    }

    /// One of `lifeline` back (a question skipped after it was used).
    pub fn give_back(&mut self, lifeline: Lifeline) {
        let left = &mut self.0[lifeline as usize];
        *left = left.saturating_add(1).min(MOST_EACH);
    }

    pub(super) fn take(&mut self, lifeline: Lifeline) {
        let left = &mut self.0[lifeline as usize];
        *left = left.saturating_sub(1);
    }
}

/// Ordering: the item a player's lifeline put in its place, which their answer keeps there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedItem {
    /// Index into the shown items.
    pub item: usize,
    /// Its right place, 0-based.
    pub slot: usize,
}

/// Why a lifeline is not offered to a player now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOffered {
    /// The game has no lifelines, or this player has none of it left.
    NoneLeft,
    /// They used it on this question already.
    UsedHere,
    /// They cannot answer the open question (answered, locked out, not their turn, removed).
    NotAnswering,
    /// It does nothing on this kind of question (or in this mode, or with no hint or audience).
    DoesNotApply,
    /// It shows something, and others answering at the same screen would see it.
    SharedScreen,
    /// Buzz-in with no rival left to freeze.
    NoRival,
}

/// Votes as whole percentages of all votes (all zero when nobody voted).
pub fn percentages(votes: &[u32]) -> Vec<u32> {
    let total: u64 = votes.iter().map(|v| u64::from(*v)).sum();
    votes
        .iter()
        .map(|v| (u64::from(*v) * 100).checked_div(total).map_or(0, |pc| u32::try_from(pc).unwrap_or(100)))
        .collect()
}

/// Which of `count` options to strike out, `correct` being right: every wrong one but one,
/// drawn from `rng`, in ascending order. Never `correct`.
pub fn remove_wrong(count: usize, correct: usize, rng: &mut StdRng) -> Vec<usize> {
    let wrong: Vec<usize> = (0..count).filter(|i| *i != correct).collect();
    let keep = wrong.choose(rng).copied();
    let mut removed: Vec<usize> = wrong.into_iter().filter(|i| Some(*i) != keep).collect();
    removed.sort_unstable();
    removed
}

/// Ordering: one of the shown items, drawn from `rng`, and its right place.
pub(super) fn fix_one(shown: &[String], answer: &Answer, rng: &mut StdRng) -> Option<FixedItem> {
    let Answer::Ordering { items } = answer else { return None };
    let mut picks: Vec<usize> = (0..shown.len()).collect();
    picks.shuffle(rng);
    picks.into_iter().find_map(|item| {
        let slot = items.iter().position(|right| Some(right) == shown.get(item))?;
        Some(FixedItem { item, slot })
    })
}

/// An ordering with `fixed` kept in its place: the item moved there, the others keeping
/// their order around it.
pub fn keep_fixed(order: &mut Vec<usize>, fixed: FixedItem) {
    if let Some(at) = order.iter().position(|i| *i == fixed.item) {
        let item = order.remove(at);
        order.insert(fixed.slot.min(order.len()), item);
    }
}
