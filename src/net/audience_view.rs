//! What the audience's phones see: the open question (the same for every member, so it is
//! built once), each member's result once the question is revealed, and their place at the
//! end among the audience. As for players, nothing of an answer is in it before the reveal.

use std::collections::HashMap;

use super::protocol::ServerMessage;
use super::views::{FinalView, QuestionView, ResultView, Stage, Turn, WagerView};
use crate::game::Game;
use crate::game::audience::AudienceMember;

/// The audience's part of what the TV shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AudienceSnapshot {
    /// Where the game is (set by the server from the whole snapshot).
    pub stage: Stage,
    /// The players' names, for the lobby (likewise).
    pub lobby: Vec<String>,
    /// The open question, for every member: its `turn` is `answer` or, paused or said aloud, `wait`.
    pub question: Option<QuestionView>,
    /// Each member's result of the round just revealed.
    pub results: HashMap<u32, ResultView>,
    /// Each member's end of the game, ranked among the audience.
    pub finals: HashMap<u32, FinalView>,
    /// The final wager's step, as the audience sees it (the players bet; they do not).
    pub wager: Option<WagerView>,
}

/// The open question as the audience sees it.
pub(super) fn question(game: &Game, mut view: QuestionView, paused: bool) -> QuestionView {
    view.lifelines = Default::default();
    (view.turn, view.note) = if game.audience.closed {
        (Turn::Wait, "The host closed the audience".to_owned())
    } else if paused {
        (Turn::Wait, "Paused: answer when the game goes on".to_owned())
    } else if game.said_aloud() {
        (Turn::Wait, "The players say this one out loud: watch the TV".to_owned())
    } else {
        (Turn::Answer, "You play along in the audience".to_owned())
    };
    view
}

/// The wager's step as the audience sees it: only the category, no bet.
pub(super) fn wager(mut view: WagerView) -> WagerView {
    (view.bets, view.placed, view.score) = (false, None, 0);
    view.presets.clear();
    view.note = "The players bet on the last question: you play along when it shows".to_owned();
    view
}

/// Each member's result of the round revealed, from `template` (the answer, explanation and
/// source every result shares).
pub(super) fn results(game: &Game, template: &ResultView) -> HashMap<u32, ResultView> {
    let ranks = Ranks::new(game);
    game.audience
        .members
        .iter()
        .map(|(id, member)| {
            let last = member.last.filter(|last| last.question == game.current);
            let result = ResultView {
                right: last.is_some_and(|l| l.right),
                points: last.map_or(0, |l| l.points),
                score: member.score,
                rank: ranks.of(member),
                penalty: 0,
                host: 0,
                wager: None,
                ..template.clone()
            };
            (*id, result)
        })
        .collect()
}

/// Each member's end of the game: their place among the audience, and the game's winner.
pub(super) fn finals(game: &Game, winner: &str, tie: bool) -> HashMap<u32, FinalView> {
    let ranks = Ranks::new(game);
    let size = game.audience.members.len();
    game.audience
        .members
        .iter()
        .map(|(id, member)| {
            let view = FinalView {
                score: member.score,
                rank: ranks.of(member),
                players: size,
                winner: winner.to_owned(),
                tie,
                audience: true,
            };
            (*id, view)
        })
        .collect()
}

/// Places among the audience: a thousand members are ranked once, not each against all.
struct Ranks(Vec<u32>);

impl Ranks {
    fn new(game: &Game) -> Self {
        let mut scores: Vec<u32> = game.audience.members.values().map(|m| m.score).collect();
        scores.sort_unstable_by(|a, b| b.cmp(a));
        Self(scores)
    }

    /// 1-based, ties sharing it.
    fn of(&self, member: &AudienceMember) -> usize {
        1 + self.0.partition_point(|other| *other > member.score)
    }
}

/// What an audience member's phone shows of the audience's `part`: `answered` is the
/// question its connection's answer was acked for.
pub(super) fn view(part: &AudienceSnapshot, member: u32, answered: Option<usize>) -> Option<ServerMessage> {
    let lobby = || ServerMessage::Lobby { players: part.lobby.clone() };
    Some(match part.stage {
        Stage::Lobby => lobby(),
        Stage::Question => match &part.question {
            Some(question) => {
                let mut question = question.clone();
                if answered == Some(question.question) {
                    (question.turn, question.note) = (Turn::Answered, String::new());
                }
                ServerMessage::Question(Box::new(question))
            }
            None => lobby(),
        },
        Stage::Reveal | Stage::Standings => {
            part.results.get(&member).map_or_else(lobby, |r| ServerMessage::Reveal(Box::new(r.clone())))
        }
        Stage::Wager => part.wager.clone().map_or_else(lobby, |w| ServerMessage::Wager(Box::new(w))),
        Stage::Over => part.finals.get(&member).map_or_else(lobby, |end| ServerMessage::Over(end.clone())),
    })
}
