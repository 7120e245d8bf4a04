//! The seeded draw: which questions a game asks, in what order, with options in what order.
//!
//! Everything random in a game comes from one `StdRng` seeded with the game's seed, consumed
//! in a fixed order, so a seed replays the same game exactly.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::pool::DrawPool;
use super::seen::Seen;
use super::settings::{DifficultyChoice, GameSettings};
use crate::pack::{Answer, AnswerKind, Difficulty, PackLibrary, Question};
use serde::{Deserialize, Serialize};

/// A question as a game asks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawnQuestion {
    /// Id of the pack it comes from.
    pub pack: String,
    /// The question as written.
    pub question: Question,
    /// How it is shown: options and items in their shuffled order.
    pub presented: Presented,
    /// Its `source` as players read it (the pack's titles for its declared sources); empty in
    /// games saved before there were any, which show `question.source`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cited: String,
}

impl DrawnQuestion {
    /// Where the fact comes from, as the reveal, the phones and the printed sheet show it.
    pub fn source(&self) -> &str {
        if self.cited.is_empty() { &self.question.source } else { &self.cited }
    }
}

/// The shuffled face of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Presented {
    /// Options to choose from, and which one is right (multiple choice, true/false).
    Options {
        /// The options in the order shown.
        options: Vec<String>,
        /// Index of the correct option.
        correct: usize,
    },
    /// A text field.
    Typed,
    /// A number field.
    Number,
    /// Items to put in order, in the shuffled order shown.
    Ordering {
        /// The items as first shown.
        shown: Vec<String>,
    },
}

/// Why a draw could not give the game that was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    /// How many questions were asked for.
    pub asked: usize,
    /// How many questions match the filters, counting questions that share a fact once.
    pub available: usize,
    /// Questions that match but share a fact with one counted.
    pub shared: usize,
}

impl std::fmt::Display for Shortfall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.available == 0 {
            write!(f, "No question matches these settings: choose more packs, categories or seasons.")
        } else {
            write!(
                f,
                "Only {} questions match these settings ({} asked for): play {} or widen the filters.",
                self.available, self.asked, self.available
            )?;
            if self.shared > 0 {
                write!(f, " ({} more share a fact with these, and a game asks one of each.)", self.shared)?;
            }
            Ok(())
        }
    }
}

/// The questions of `library` that `settings` allow, with their pack ids, in library order.
pub fn eligible<'a>(library: &'a PackLibrary, settings: &GameSettings) -> Vec<(&'a str, &'a Question)> {
    DrawPool::of(library, settings).questions(library)
}

/// Draws `settings.questions` questions with `seed`: no question twice, at most one of a
/// group (questions that share a fact), options and orderings shuffled. With
/// [`DifficultyChoice::Mixed`] the game ramps from easy to hard.
pub fn draw(library: &PackLibrary, settings: &GameSettings, seed: u64) -> Result<Vec<DrawnQuestion>, Shortfall> {
    draw_from(library, &DrawPool::of(library, settings), settings, seed, None).map(|(questions, _)| questions)
}

/// [`draw`], asking the questions least recently [`Seen`] first: never-seen ones in the
/// seed's order, then those seen longest ago. Also says whether anything seen was in the
/// pool: if not, the game is exactly `draw(seed)`, and the seed replays it.
pub fn draw_least_seen(
    library: &PackLibrary,
    settings: &GameSettings,
    seed: u64,
    seen: &Seen,
) -> Result<(Vec<DrawnQuestion>, bool), Shortfall> {
    draw_from(library, &DrawPool::of(library, settings), settings, seed, Some(seen))
}

/// Pools larger than this are sampled, not shuffled whole: a game of 100 from a million
/// questions then costs what one from a few thousand does. Smaller pools (every real pack
/// today) are drawn as they always were, so their seeds keep replaying the same games.
pub const SAMPLED_POOL: usize = 20_000;

/// Candidates a sampled draw takes per question asked: enough for groups and difficulty
/// shares nearly always; when not, the draw shuffles the whole pool after all.
const SAMPLED_PER_QUESTION: usize = 8;

/// [`draw`] or [`draw_least_seen`] from a pool worked out beforehand ([`DrawPool`]).
pub fn draw_from(
    library: &PackLibrary,
    pool: &DrawPool,
    settings: &GameSettings,
    seed: u64,
    seen: Option<&Seen>,
) -> Result<(Vec<DrawnQuestion>, bool), Shortfall> {
    let seen = seen.filter(|seen| !seen.is_empty());
    if pool.entries.len() > SAMPLED_POOL
        && let Some(drawn) = sampled(library, pool, settings, seed, seen)
    {
        return Ok(drawn);
    }
    let mut pool = pool.questions(library);
    let mut rng = StdRng::seed_from_u64(seed);
    pool.shuffle(&mut rng);
    let mut preferred = false;
    if let Some(seen) = seen {
        // Stable: among questions seen equally long ago, the shuffled order stands.
        pool.sort_by_cached_key(|(pack, q)| seen.last_asked(pack, &q.id));
        preferred = pool.last().is_some_and(|(pack, q)| seen.last_asked(pack, &q.id) > 0);
    }
    let chosen = choose(pool, settings)?;
    Ok((chosen.into_iter().map(|(pack, question)| present(library, pack, question, &mut rng)).collect(), preferred))
}

/// A big pool's draw: a random sample of candidates in random order, chosen from as a whole
/// pool would be. `None` when the sample cannot give the game the whole pool would (too few
/// of a difficulty or of distinct facts, or a question seen before among the chosen, where an
/// unseen one may lie outside the sample): [`draw_from`] then shuffles the whole pool.
/// Public so that the tests can tell that big pools are sampled.
pub fn sampled(
    library: &PackLibrary,
    pool: &DrawPool,
    settings: &GameSettings,
    seed: u64,
    seen: Option<&Seen>,
) -> Option<(Vec<DrawnQuestion>, bool)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let take = settings.questions.saturating_mul(SAMPLED_PER_QUESTION).min(pool.entries.len());
    let picks = rand::seq::index::sample(&mut rng, pool.entries.len(), take);
    let mut candidates: Vec<(&str, &Question)> = picks.iter().filter_map(|i| pool.get(library, i)).collect();
    let mut preferred = false;
    if let Some(seen) = seen {
        // As the whole pool would be: the least recently seen first, the sample's order within.
        candidates.sort_by_cached_key(|(pack, q)| seen.last_asked(pack, &q.id));
        preferred = candidates.last().is_some_and(|(pack, q)| seen.last_asked(pack, &q.id) > 0);
    }
    let candidates = first_of_each_fact(candidates);
    let chosen = choose(candidates.clone(), settings).ok()?;
    // The sample ran out of a difficulty the whole pool has more of: the shares could differ.
    let ran_dry = settings.difficulty == DifficultyChoice::Mixed
        && Difficulty::ALL.iter().enumerate().any(|(level, d)| {
            let sampled = candidates.iter().filter(|(_, q)| q.difficulty == *d).count();
            let taken = chosen.iter().filter(|(_, q)| q.difficulty == *d).count();
            taken == sampled && pool.levels[level] > sampled
        });
    if ran_dry || seen.is_some_and(|seen| chosen.iter().any(|(pack, q)| seen.last_asked(pack, &q.id) > 0)) {
        return None;
    }
    Some((chosen.into_iter().map(|(pack, question)| present(library, pack, question, &mut rng)).collect(), preferred))
}

/// The game's questions from a pool in draw order: the first of each group, then the
/// number asked (in difficulty shares, easy to hard, for a mixed game).
fn choose<'a>(
    pool: Vec<(&'a str, &'a Question)>,
    settings: &GameSettings,
) -> Result<Vec<(&'a str, &'a Question)>, Shortfall> {
    let asked = settings.questions;
    let matching = pool.len();
    let pool = first_of_each_fact(pool);
    if pool.len() < asked || asked == 0 {
        return Err(Shortfall { asked, available: pool.len(), shared: matching - pool.len() });
    }
    let mut chosen = if settings.difficulty == DifficultyChoice::Mixed {
        ramp(pool.clone(), asked)
    } else {
        pool.iter().take(asked).copied().collect()
    };
    if settings.difficulty == DifficultyChoice::Mixed {
        // Stable: within one difficulty the shuffled order stands.
        chosen.sort_by_key(|(_, q)| q.difficulty);
    }
    spread_kinds(&mut chosen, &pool);
    Ok(chosen)
}

/// The kinds that take a while to answer: two of one in a row drag.
fn slow(kind: AnswerKind) -> bool {
    matches!(kind, AnswerKind::Ordering | AnswerKind::Typed | AnswerKind::Number)
}

/// No two of the same slow kind in a row where the pool allows: the next question of another
/// kind and the same difficulty (so a ramp stays a ramp) comes forward; when the game has
/// none, the pool's next unasked one of that difficulty and another kind takes the place.
/// No draw of its own, so a seed still gives one game.
fn spread_kinds<'a>(chosen: &mut [(&'a str, &'a Question)], pool: &[(&'a str, &'a Question)]) {
    for i in 1..chosen.len() {
        let before = chosen[i - 1].1.answer.kind();
        let (kind, level) = (chosen[i].1.answer.kind(), chosen[i].1.difficulty);
        if kind != before || !slow(kind) {
            continue;
        }
        let swap = (i + 1..chosen.len()).find(|j| {
            let q = chosen[*j].1;
            q.difficulty == level && q.answer.kind() != before
        });
        if let Some(j) = swap {
            // Rotate rather than swap: the questions between keep their order.
            chosen[i..=j].rotate_right(1);
            continue;
        }
        let after = chosen.get(i + 1).map(|(_, q)| q.answer.kind());
        let asked = |q: &Question| chosen.iter().any(|(_, c)| std::ptr::eq(*c, q));
        let fits = |q: &Question| {
            let k = q.answer.kind();
            q.difficulty == level && k != before && (!slow(k) || after != Some(k)) && !asked(q)
        };
        if let Some(other) = pool.iter().find(|(_, q)| fits(q)).copied() {
            chosen[i] = other;
        }
    }
}

/// The first of each group in the shuffled pool stands for it: any member, as likely.
fn first_of_each_fact<'a>(mut pool: Vec<(&'a str, &'a Question)>) -> Vec<(&'a str, &'a Question)> {
    let mut groups = std::collections::HashSet::new();
    pool.retain(|(pack, q)| q.group.as_ref().is_none_or(|group| groups.insert((*pack, group.as_str()))));
    pool
}

/// Takes `count` questions from the shuffled `pool` in equal shares of each difficulty
/// where the pool allows, topping up from whatever is left.
fn ramp<'a>(pool: Vec<(&'a str, &'a Question)>, count: usize) -> Vec<(&'a str, &'a Question)> {
    let mut by_level: Vec<std::vec::IntoIter<(&str, &Question)>> = Difficulty::ALL
        .iter()
        .map(|d| pool.iter().filter(|(_, q)| q.difficulty == *d).copied().collect::<Vec<_>>().into_iter())
        .collect();
    let mut chosen = Vec::with_capacity(count);
    // Round-robin over the levels gives equal shares, and spills over when one runs dry.
    while chosen.len() < count {
        let mut took = false;
        for level in by_level.iter_mut() {
            if chosen.len() < count
                && let Some(next) = level.next()
            {
                chosen.push(next);
                took = true;
            }
        }
        if !took {
            break;
        }
    }
    chosen
}

/// Shuffles a question's options or items, and cites its source as the pack declares it.
pub fn present(library: &PackLibrary, pack: &str, question: &Question, rng: &mut StdRng) -> DrawnQuestion {
    let presented = match &question.answer {
        Answer::MultipleChoice { correct, wrong } => {
            let mut options: Vec<String> = std::iter::once(correct.clone()).chain(wrong.iter().cloned()).collect();
            options.shuffle(rng);
            let correct = options.iter().position(|option| option == correct).unwrap_or(0);
            Presented::Options { options, correct }
        }
        Answer::TrueFalse { answer } => Presented::Options {
            // True then False, always: players expect that order.
            options: vec!["True".to_owned(), "False".to_owned()],
            correct: if *answer { 0 } else { 1 },
        },
        Answer::Typed { .. } => Presented::Typed,
        Answer::Number { .. } => Presented::Number,
        Answer::Ordering { items } => {
            let mut shown = items.clone();
            // Shown already in order would give the answer away: shuffle again (bounded).
            for _ in 0..8 {
                shown.shuffle(rng);
                if shown != *items {
                    break;
                }
            }
            Presented::Ordering { shown }
        }
    };
    let cited = library.pack(pack).map(|declared| declared.cite(&question.source)).unwrap_or_default();
    DrawnQuestion { pack: pack.to_owned(), question: question.clone(), presented, cited }
}

/// A fresh seed for a game nobody asked to replay.
pub fn random_seed() -> u64 {
    use rand::RngExt;
    // Shown on the results screen, so keep it short enough to type back in.
    rand::rng().random_range(0..1_000_000_000)
}
