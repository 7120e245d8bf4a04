//! The audience of a game: phones beyond the players that answer every question along with
//! them and score apart. What it holds (members, scores, the open question's answers, each
//! round's tally) and how a round scores it; they never change what the players score.
//! [`super::audience_play`] takes their joins and answers.

use std::collections::BTreeMap;
use std::time::Duration;

use bevy::log::info;
use serde::{Deserialize, Serialize};

use super::draw::{DrawnQuestion, Presented};
use super::judge::{self, Response};
use super::scoring::{Attempt, ScoringPreset};

/// Audience members a game takes at most, beside its players.
pub const MAX_AUDIENCE: usize = 1000;

/// The audience of a game: who, their scores, the open question's answers and each round's tally.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Audience {
    /// Members, by their number in the audience.
    pub members: BTreeMap<u32, AudienceMember>,
    /// The host closed the audience: its answers are not taken, Ask the Office is not offered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// The open question's answers so far, by member (a resumed question is asked again).
    #[serde(skip)]
    pub answers: BTreeMap<u32, AlongAnswer>,
    /// What the audience did on each scored round, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<AudienceRound>,
}

/// One audience member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceMember {
    /// Name.
    pub name: String,
    /// Score, apart from the players'.
    pub score: u32,
    /// Questions answered right.
    pub right: u32,
    /// Right answers in a row.
    pub streak: u32,
    /// How they did on the last round scored.
    #[serde(default)]
    pub last: Option<MemberResult>,
}

/// An audience member's result of one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberResult {
    /// The question (0-based).
    pub question: usize,
    /// They answered.
    pub answered: bool,
    /// Right.
    pub right: bool,
    /// Points earned.
    pub points: u32,
}

/// An audience member's answer to the open question.
#[derive(Debug, Clone, PartialEq)]
pub struct AlongAnswer {
    /// The answer.
    pub response: Response,
    /// When, on the question's clock.
    pub time: Duration,
}

/// What the audience did on one round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceRound {
    /// The question (0-based).
    pub question: usize,
    /// Members in the audience then.
    pub members: u32,
    /// Members who answered.
    pub answered: u32,
    /// Members who answered right.
    pub right: u32,
    /// Options questions: votes per option, as shown (empty otherwise).
    pub votes: Vec<u32>,
}

impl AudienceRound {
    /// The option most voted for (the first among equals) and its share of the votes in
    /// percent; `None` when nobody voted or the question had no options.
    pub fn top_vote(&self) -> Option<(usize, u32)> {
        let total: u32 = self.votes.iter().sum();
        let (index, most) = self.votes.iter().enumerate().max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))?;
        (total > 0).then(|| (index, (most * 100 + total / 2) / total))
    }
}

impl Audience {
    /// Whether an audience plays along now.
    pub fn present(&self) -> bool {
        !self.closed && !self.members.is_empty()
    }

    /// Votes per option of a question with `options` options, from the answers so far.
    pub fn votes(&self, options: usize) -> Vec<u32> {
        let mut votes = vec![0; options];
        for answer in self.answers.values() {
            if let Response::Option(i) = answer.response
                && let Some(slot) = votes.get_mut(i)
            {
                *slot += 1;
            }
        }
        votes
    }

    /// The best `n` members, best first (score, then right answers, then who joined first),
    /// with their rank (ties share it).
    pub fn top(&self, n: usize) -> Vec<(usize, u32, &AudienceMember)> {
        let mut ranked: Vec<(u32, &AudienceMember)> = self.members.iter().map(|(id, m)| (*id, m)).collect();
        ranked.sort_by_key(|(id, m)| (std::cmp::Reverse(m.score), std::cmp::Reverse(m.right), *id));
        // Best first: a member's place is one after everyone with more points.
        let scores: Vec<u32> = ranked.iter().map(|(_, m)| m.score).collect();
        let rank = |score: u32| 1 + scores.partition_point(|other| *other > score);
        ranked.iter().take(n).map(|(id, m)| (rank(m.score), *id, *m)).collect()
    }

    /// The round of `question`, once scored.
    pub fn round(&self, question: usize) -> Option<&AudienceRound> {
        self.rounds.iter().rev().find(|r| r.question == question)
    }

    /// Judges and scores the answers to question `question` (`drawn`), just closed, apart
    /// from the players, and keeps the round's tally.
    pub fn score_round(
        &mut self,
        (question, drawn): (usize, &DrawnQuestion),
        preset: &ScoringPreset,
        limit: Option<Duration>,
    ) {
        let votes = match &drawn.presented {
            Presented::Options { options, .. } => self.votes(options.len()),
            _ => Vec::new(),
        };
        let mut round = AudienceRound { question, members: self.members.len() as u32, votes, ..Default::default() };
        let answers = std::mem::take(&mut self.answers);
        for (id, member) in &mut self.members {
            let answer = answers.get(id);
            let judgement = answer.map_or(judge::Judgement::WRONG, |a| judge::judge(drawn, &a.response));
            member.streak = if judgement.correct { member.streak.saturating_add(1) } else { 0 };
            let attempt = Attempt {
                correct: judgement.correct,
                credit: judgement.credit,
                time: answer.map(|a| a.time).unwrap_or_default(),
                streak: member.streak,
            };
            let points = if answer.is_some() { preset.points(drawn.question.difficulty, attempt, limit) } else { 0 };
            member.score = member.score.saturating_add(points);
            member.right += u32::from(judgement.correct);
            round.answered += u32::from(answer.is_some());
            round.right += u32::from(judgement.correct);
            member.last = Some(MemberResult { question, answered: answer.is_some(), right: judgement.correct, points });
        }
        if round.members > 0 {
            info!(
                "round {}: the audience: {} of {} answered, {} right, votes {:?}",
                question + 1,
                round.answered,
                round.members,
                round.right,
                round.votes
            );
        }
        self.rounds.push(round);
    }
}
