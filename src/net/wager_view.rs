//! The final wager's step as each phone sees it: the category, the score and the preset
//! bets, and whether this phone bets at all. Nothing of the question itself.

use super::views::WagerView;
use crate::game::wager::{SHARES, WAGER_TIME, share_of};
use crate::game::{Game, PlayMode};

/// What `player`'s phone shows while bets are placed.
pub fn wager_view(game: &Game, player: usize) -> WagerView {
    let p = game.players.get(player);
    let score = p.map_or(0, |p| p.score);
    let bets = game.bets(player);
    let note = match (bets, p.is_some_and(|p| p.removed), game.settings.mode, game.turn()) {
        (true, ..) => String::new(),
        (false, true, ..) => "The host took you out of this game".to_owned(),
        (false, false, PlayMode::HotSeat, Some(turn)) => {
            format!("{} is on the hot seat for the last question", game.players[turn].name)
        }
        _ => "You play from the next game".to_owned(),
    };
    WagerView {
        question: game.current,
        number: game.current + 1,
        of: game.questions.len(),
        category: game.question().map(|q| q.question.category.clone()).unwrap_or_default(),
        score,
        presets: SHARES.iter().map(|share| share_of(score, *share)).collect(),
        bets,
        placed: p.and_then(|p| p.wager),
        seconds: WAGER_TIME.as_secs() as u32,
        note,
    }
}
