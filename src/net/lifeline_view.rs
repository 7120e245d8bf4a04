//! A player's lifelines as their phone sees them: what they may use now, and what those they
//! used did (the options struck out, the item put in place, the hint, the audience's votes,
//! a freeze). Built for each phone's own part of the snapshot, never for another's.

use std::time::Duration;

use super::views::{FixedView, LifelineOffer, LifelineView};
use crate::game::Game;
use crate::game::lifeline::Lifeline;

/// `player`'s lifelines on the open question at `elapsed` on its clock; nothing while paused
/// (the clock, and the lifelines, wait).
pub fn lifeline_view(game: &Game, player: usize, elapsed: Duration, paused: bool) -> LifelineView {
    let Some(p) = game.players.get(player) else { return LifelineView::default() };
    let round = &p.this_round;
    let offered = if paused {
        Vec::new()
    } else {
        Lifeline::ALL
            .into_iter()
            .filter(|l| game.lifeline_offered(player, *l, true).is_ok())
            .map(|l| LifelineOffer {
                lifeline: l.key().to_owned(),
                title: l.title().to_owned(),
                blurb: l.blurb().to_owned(),
                left: p.lifelines.of(l),
            })
            .collect()
    };
    let used = |l: Lifeline| round.used.contains(&l);
    let frozen_ms = round
        .frozen_until
        .filter(|until| *until > elapsed)
        .map(|until| u64::try_from((until - elapsed).as_millis()).unwrap_or(u64::MAX));
    let frozen_by = frozen_ms.and_then(|_| {
        game.players.iter().find(|rival| rival.this_round.froze == Some(player)).map(|rival| rival.name.clone())
    });
    LifelineView {
        offered,
        used: round.used.iter().map(|l| l.key().to_owned()).collect(),
        removed: round.removed.clone(),
        fixed: round.fixed.map(|f| FixedView { item: f.item, slot: f.slot }),
        hint: used(Lifeline::Hint).then(|| game.question().and_then(|q| q.question.hint.clone())).flatten(),
        audience: used(Lifeline::AskAudience).then(|| round.audience.clone()).flatten(),
        frozen_ms,
        frozen_by,
    }
}
