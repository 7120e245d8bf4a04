//! A game and its challenge code, both ways: the code of a game played ([`code_of`]), and the
//! questions a code asks, from this computer's packs ([`questions_of`]), refused with the
//! pack and version to fetch when they are not the ones the code's game was played with.

use super::code::{ChallengeCode, MOST_RIVALS, NAME_CHARS, Pick, RANKED, RivalScore, is_order_of, rank, unrank};
use super::stamp::{print, stamp};
use crate::game::rivals::Rival;
use crate::game::{DrawnQuestion, Game, Presented, ScoringPresets};
use crate::pack::{Answer, PackLibrary, Question};

/// Why a code's game cannot be played here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No installed pack has the id.
    Pack {
        /// The pack's id.
        id: String,
        /// Its version in the code's game.
        version: String,
    },
    /// The pack is installed, with other questions.
    Changed {
        /// The pack's id.
        id: String,
        /// Its version in the code's game.
        theirs: String,
        /// Its version here.
        ours: String,
    },
    /// The scoring preset is not among this computer's.
    Scoring(String),
}

fn version(version: &str) -> String {
    if version.is_empty() { "a version with no number".to_owned() } else { format!("version {version}") }
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Pack { id, version: v } => write!(
                f,
                "this challenge needs the pack `{id}` ({}), which is not installed here: ask your friend for the pack file and add it to your packs folder (Question packs on the title screen shows where)",
                version(v)
            ),
            Missing::Changed { id, theirs, ours } if theirs == ours => write!(
                f,
                "this challenge was played with other questions in the pack `{id}` (both copies say {}, but one was edited): ask your friend for their copy of the pack",
                version(theirs)
            ),
            Missing::Changed { id, theirs, ours } => write!(
                f,
                "this challenge needs the pack `{id}` as it was in {}; this computer has {}, whose questions differ: ask your friend for their copy of the pack",
                version(theirs),
                version(ours)
            ),
            Missing::Scoring(id) => write!(
                f,
                "this challenge was scored with the preset `{id}`, which this computer does not have (assets/scoring.ron): ask your friend for their scoring file"
            ),
        }
    }
}

/// The code of `game`, with its best players' scores: the questions its rounds asked (not
/// those the host skipped, nor those after an early end), so a friend plays what the scores
/// were made of. `None` when no round was asked, when a question is no longer in its pack as
/// it was asked (the pack was edited during the game), or has more than [`RANKED`] options.
pub fn code_of(game: &Game, library: &PackLibrary) -> Option<ChallengeCode> {
    let mut packs = Vec::new();
    let asked: Vec<&DrawnQuestion> =
        game.rounds.iter().filter(|r| !r.skipped).filter_map(|r| game.questions.get(r.question)).collect();
    if asked.is_empty() {
        return None;
    }
    let mut questions = Vec::with_capacity(asked.len());
    for drawn in asked {
        let pack = library.pack(&drawn.pack)?;
        let question = pack.questions.iter().position(|q| *q == drawn.question)?;
        let index = match packs.iter().position(|id| *id == drawn.pack) {
            Some(index) => index,
            None => {
                packs.push(drawn.pack.clone());
                packs.len() - 1
            }
        };
        questions.push(Pick { pack: index, question, shown: rank(&shown_order(drawn)?) });
    }
    let packs = packs.iter().map(|id| library.pack(id).map(stamp)).collect::<Option<Vec<_>>>()?;
    let mut players: Vec<_> = game.players.iter().filter(|p| !p.removed).collect();
    // Stable: tied players keep their seats' order.
    players.sort_by_key(|p| std::cmp::Reverse(p.score));
    let rivals = players
        .iter()
        .take(MOST_RIVALS)
        .map(|p| RivalScore { name: p.name.chars().take(NAME_CHARS).collect(), score: p.score })
        .collect();
    let settings = &game.settings;
    Some(ChallengeCode {
        seed: game.seed,
        timer: settings.timer,
        scoring: game.preset.id.clone(),
        lifelines: settings.lifelines,
        wager: settings.wager,
        mode: settings.mode,
        packs,
        questions,
        rivals,
    })
}

/// Where each shown option or item is in the question as written.
fn shown_order(drawn: &DrawnQuestion) -> Option<Vec<usize>> {
    let written = written(&drawn.question);
    let shown = match &drawn.presented {
        Presented::Options { options, .. } if matches!(drawn.question.answer, Answer::MultipleChoice { .. }) => options,
        Presented::Ordering { shown } => shown,
        _ => return Some(Vec::new()),
    };
    let mut taken = vec![false; written.len()];
    let order: Vec<usize> = shown
        .iter()
        .map(|item| {
            let at = (0..written.len()).find(|i| !taken[*i] && written[*i] == *item)?;
            taken[at] = true;
            Some(at)
        })
        .collect::<Option<_>>()?;
    (is_order_of(&order, written.len()) && order.len() <= RANKED).then_some(order)
}

/// A question's options (the right one first) or items, as written.
fn written(question: &Question) -> Vec<String> {
    match &question.answer {
        Answer::MultipleChoice { correct, wrong } => std::iter::once(correct).chain(wrong).cloned().collect(),
        Answer::Ordering { items } => items.clone(),
        _ => Vec::new(),
    }
}

/// The questions `code` asks, shown as its game showed them, from this computer's packs.
pub fn questions_of(
    code: &ChallengeCode,
    library: &PackLibrary,
    presets: &ScoringPresets,
) -> Result<Vec<DrawnQuestion>, Missing> {
    let mut packs = Vec::with_capacity(code.packs.len());
    for wanted in &code.packs {
        let Some(pack) = library.pack(&wanted.id) else {
            return Err(Missing::Pack { id: wanted.id.clone(), version: wanted.version.clone() });
        };
        if print(pack) != wanted.print {
            let (theirs, ours) = (wanted.version.clone(), pack.version.clone());
            return Err(Missing::Changed { id: wanted.id.clone(), theirs, ours });
        }
        packs.push(pack);
    }
    if !presets.0.iter().any(|p| p.id == code.scoring) {
        return Err(Missing::Scoring(code.scoring.clone()));
    }
    code.questions
        .iter()
        .map(|pick| {
            let Some(pack) = packs.get(pick.pack).copied() else {
                return Err(Missing::Pack { id: format!("#{}", pick.pack), version: String::new() });
            };
            // The print matched, so the pack is the one the code was made from: a question or an
            // order out of place is a forged code, refused as the pack it claims to need.
            let changed =
                || Missing::Changed { id: pack.id.clone(), theirs: pack.version.clone(), ours: pack.version.clone() };
            let question = pack.questions.get(pick.question).ok_or_else(changed)?;
            let presented = presented(question, pick.shown).ok_or_else(changed)?;
            let cited = pack.cite(&question.source);
            Ok(DrawnQuestion { pack: pack.id.clone(), question: question.clone(), presented, cited })
        })
        .collect()
}

/// The face of `question` in the code's order.
fn presented(question: &Question, shown: u64) -> Option<Presented> {
    let written = written(question);
    let order = unrank(written.len(), shown)?;
    let in_order = || order.iter().map(|i| written[*i].clone()).collect::<Vec<_>>();
    Some(match &question.answer {
        Answer::MultipleChoice { .. } => {
            Presented::Options { options: in_order(), correct: order.iter().position(|i| *i == 0)? }
        }
        Answer::TrueFalse { answer } => {
            Presented::Options { options: vec!["True".to_owned(), "False".to_owned()], correct: usize::from(!answer) }
        }
        Answer::Typed { .. } => Presented::Typed,
        Answer::Number { .. } => Presented::Number,
        Answer::Ordering { .. } => Presented::Ordering { shown: in_order() },
    })
}

/// The rivals of a code, as a game keeps them.
pub fn rivals(code: &ChallengeCode) -> Vec<Rival> {
    code.rivals.iter().map(|r| Rival { name: r.name.clone(), score: r.score }).collect()
}
