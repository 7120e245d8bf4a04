//! Hot seat with a spoiler limit per player ([`GameSettings::spoilers_each_turn`]): the game is
//! drawn from what the widest limit allows, then each turn whose question is past its player's
//! limit gets another, safe for them (of the same difficulty where the pool has one), from the
//! pool in the seed's order. The final wager's question is everyone's: safe for the lowest.
//!
//! Turns go round the players as they sit at the start; the host removing a player later
//! shifts the turns, so a later turn may then fall to a player it was not dealt for.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::draw::{DrawnQuestion, Shortfall, eligible, present};
use super::settings::GameSettings;
use crate::pack::{PackLibrary, Question};

/// Deals each turn of `questions` a question safe for its player; a shortfall when the pool
/// has too few for a player's limit.
pub fn deal(
    questions: &mut [DrawnQuestion],
    settings: &GameSettings,
    library: &PackLibrary,
    seed: u64,
) -> Result<(), Shortfall> {
    let players = settings.players.len().max(1);
    let dealt = questions.len().saturating_sub(usize::from(settings.wager));
    let limit = |slot: usize| if slot < dealt { settings.limit_of(slot % players) } else { settings.lowest_limit() };
    let past: Vec<usize> = (0..questions.len()).filter(|s| !questions[*s].question.within_seasons(limit(*s))).collect();
    if past.is_empty() {
        return Ok(());
    }
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5b01_1e75_eac4);
    let mut pool = eligible(library, settings);
    pool.shuffle(&mut rng);
    // What the game asks already, by question and by fact: a substitute repeats neither.
    let mut asked: HashSet<(String, String)> =
        questions.iter().map(|q| (q.pack.clone(), q.question.id.clone())).collect();
    let mut facts: HashSet<(String, String)> =
        questions.iter().filter_map(|q| Some((q.pack.clone(), q.question.group.clone()?))).collect();
    for slot in past {
        let (limit, level) = (limit(slot), questions[slot].question.difficulty);
        let fits = |(pack, q): &(&str, &Question)| {
            q.within_seasons(limit)
                && !asked.contains(&(pack.to_string(), q.id.clone()))
                && q.group.as_ref().is_none_or(|g| !facts.contains(&(pack.to_string(), g.clone())))
        };
        let pick = pool.iter().find(|c| fits(c) && c.1.difficulty == level).or_else(|| pool.iter().find(|c| fits(c)));
        let Some(&(pack, question)) = pick else {
            // Fewer questions than asked, so that the setup's "play N" is a game that can deal.
            let safe = pool.iter().filter(|(_, q)| q.within_seasons(limit)).count();
            let available = safe.min(questions.len().saturating_sub(1));
            return Err(Shortfall { asked: questions.len(), available, shared: 0 });
        };
        asked.insert((pack.to_owned(), question.id.clone()));
        if let Some(group) = &question.group {
            facts.insert((pack.to_owned(), group.clone()));
        }
        questions[slot] = present(library, pack, question, &mut rng);
    }
    Ok(())
}
