//! What a report says about a recorded game: the standings, the awards, and each question with
//! how many got it right, the hardest and the easiest. It is worked out from the record
//! alone, so records written before reports existed get one too.

use std::time::Duration;

use crate::game::PlayMode;
use crate::game::results::{AwardDetail, AwardKind, best_climb, rank_of};
use crate::game::rivals::{ChallengedBy, Rival};
use crate::persist::game_log::{GameLog, LoggedAnswer, LoggedAudienceMember, LoggedRound};
use crate::words::{award_detail, award_name, mode_name};

/// A recorded game, summed up for a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// When it ended, as `2026-12-07 21:40 UTC`.
    pub when: String,
    /// How it was played: "Solo", or the party mode's name.
    pub how: String,
    /// The seed that replays it.
    pub seed: u64,
    /// The players, best first (ties share a rank).
    pub standings: Vec<Standing>,
    /// The awards, in the results screen's order.
    pub awards: Vec<AwardLine>,
    /// Every question, in the order asked.
    pub questions: Vec<QuestionLine>,
    /// The question the fewest got right (as a share of those asked), in a party game whose
    /// questions differ at all.
    pub hardest: Option<usize>,
    /// The question the most got right, if two or more differ.
    pub easiest: Option<usize>,
    /// The audience's best three (ties can make it more), if an audience played along.
    pub audience: Vec<LoggedAudienceMember>,
    /// The code a friend plays the same questions with, if the record has one.
    pub code: Option<String>,
    /// The challenge the game answered, with its game's scores.
    pub challenge: Option<ChallengedBy>,
}

/// One player's line in the standings.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// 1 for the best score; ties share it.
    pub rank: usize,
    /// The player's name.
    pub name: String,
    /// Their team, in a teams game.
    pub team: Option<String>,
    /// Their final score.
    pub score: u32,
    /// Questions they got right.
    pub right: usize,
    /// Questions they answered.
    pub answered: usize,
    /// The host removed them.
    pub removed: bool,
}

/// An award and who won it.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardLine {
    /// "Fastest right answer".
    pub name: &'static str,
    /// Its winners (ties share it).
    pub players: Vec<String>,
    /// What earned it: "1.2 s".
    pub detail: String,
}

/// One question of the game.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionLine {
    /// 1-based, in the order asked.
    pub number: usize,
    /// `pack/question-id`.
    pub id: String,
    /// The question as asked.
    pub prompt: String,
    /// The host skipped it.
    pub skipped: bool,
    /// Players who got it right.
    pub right: usize,
    /// Players who answered it.
    pub answered: usize,
    /// Players it was put to: one in hot seat, the others' answers otherwise.
    pub asked: usize,
    /// The fastest right answer: who, and in how many seconds.
    pub fastest: Option<(String, f64)>,
}

impl QuestionLine {
    /// The share of those asked who got it right, from 0 to 1.
    pub fn share(&self) -> f64 {
        if self.asked == 0 { 0.0 } else { self.right as f64 / self.asked as f64 }
    }
}

impl Summary {
    /// This game's players who were not removed, as a challenge compares them, best first.
    pub fn challengers(&self) -> Vec<Rival> {
        let mut players: Vec<&Standing> = self.standings.iter().filter(|s| !s.removed).collect();
        players.sort_by_key(|s| s.rank);
        players.iter().map(|s| Rival { name: s.name.clone(), score: s.score }).collect()
    }

    /// Sums up `log`.
    pub fn of(log: &GameLog) -> Self {
        let questions: Vec<QuestionLine> =
            log.rounds.iter().enumerate().map(|(i, round)| question_line(log, i, round)).collect();
        // As the results screen recaps it: a party's night, ties to the earlier question.
        let (hardest, easiest) = if log.players.len() > 1 { extremes(&questions) } else { (None, None) };
        let mut audience: Vec<LoggedAudienceMember> = log.audience.iter().filter(|m| m.rank <= 3).cloned().collect();
        audience.sort_by_key(|m| m.rank);
        Self {
            when: crate::cli::history::when(log.ended),
            how: if log.players.len() > 1 { mode_name(log.mode).to_owned() } else { "Solo".to_owned() },
            seed: log.seed,
            standings: standings(log),
            awards: awards(log),
            questions,
            hardest,
            easiest,
            audience,
            code: log.code.clone(),
            challenge: log.challenge.clone(),
        }
    }
}

/// The answers `player` gave in `round`.
fn answers_of<'a>(round: &'a LoggedRound, player: &'a str) -> impl Iterator<Item = &'a LoggedAnswer> {
    round.answers.iter().filter(move |a| a.player == player)
}

fn standings(log: &GameLog) -> Vec<Standing> {
    let scores: Vec<u32> = log.players.iter().map(|p| p.score).collect();
    let mut standings: Vec<Standing> = log
        .players
        .iter()
        .map(|p| {
            let given = log.rounds.iter().filter(|r| !r.skipped).flat_map(|r| answers_of(r, &p.name));
            let (answered, right) = given.fold((0, 0), |(n, r), a| (n + 1, r + usize::from(a.correct)));
            Standing {
                rank: rank_of(p.score, &scores),
                name: p.name.clone(),
                team: p.team.clone(),
                score: p.score,
                right,
                answered,
                removed: p.removed,
            }
        })
        .collect();
    standings.sort_by_key(|s| (s.rank, s.removed));
    standings
}

fn question_line(log: &GameLog, index: usize, round: &LoggedRound) -> QuestionLine {
    let answered = log.players.iter().filter(|p| answers_of(round, &p.name).next().is_some()).count();
    let right = log.players.iter().filter(|p| answers_of(round, &p.name).any(|a| a.correct)).count();
    // Hot seat puts each question to one player; the record keeps the answers given only.
    let asked = match (round.skipped, log.mode) {
        (true, _) => 0,
        (false, PlayMode::HotSeat) => answered.max(1),
        (false, _) => log.players.len(),
    };
    let fastest = round
        .answers
        .iter()
        .filter(|a| a.correct)
        .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
        .map(|a| (a.player.clone(), a.seconds));
    QuestionLine {
        number: index + 1,
        id: round.question.clone(),
        prompt: round.prompt.clone(),
        skipped: round.skipped,
        right,
        answered,
        asked,
        fastest,
    }
}

/// The hardest and the easiest question, when the shares right differ at all.
fn extremes(questions: &[QuestionLine]) -> (Option<usize>, Option<usize>) {
    let asked: Vec<&QuestionLine> = questions.iter().filter(|q| q.asked > 0).collect();
    let hardest = asked.iter().min_by(|a, b| a.share().total_cmp(&b.share()));
    let easiest = asked.iter().rev().max_by(|a, b| a.share().total_cmp(&b.share()));
    match (hardest, easiest) {
        (Some(h), Some(e)) if h.share() < e.share() => (Some(h.number - 1), Some(e.number - 1)),
        _ => (None, None),
    }
}

/// The results screen's awards, from the record: the fastest right answer, the longest
/// streak (2 or more) and the best comeback.
fn awards(log: &GameLog) -> Vec<AwardLine> {
    let mut lines = Vec::new();
    let mut line = |kind: AwardKind, mut players: Vec<String>, detail: AwardDetail| {
        players.dedup();
        lines.push(AwardLine { name: award_name(kind), players, detail: award_detail(detail) });
    };
    let rounds: Vec<&LoggedRound> = log.rounds.iter().filter(|r| !r.skipped).collect();
    let right = || rounds.iter().flat_map(|r| r.answers.iter()).filter(|a| a.correct);
    if let Some(best) = right().map(|a| a.seconds).min_by(f64::total_cmp) {
        let winners = log.players.iter().filter(|p| right().any(|a| a.player == p.name && a.seconds == best));
        let time = Duration::from_secs_f64(best.max(0.0));
        line(AwardKind::FastestCorrect, winners.map(|p| p.name.clone()).collect(), AwardDetail::Time(time));
    }
    let streaks: Vec<u32> = log.players.iter().map(|p| best_streak(log.mode, &rounds, &p.name)).collect();
    let longest = streaks.iter().copied().max().unwrap_or(0);
    if longest >= 2 {
        let winners = log.players.iter().zip(&streaks).filter(|(_, s)| **s == longest).map(|(p, _)| p.name.clone());
        line(AwardKind::LongestStreak, winners.collect(), AwardDetail::Streak(longest));
    }
    let finals: Vec<u32> = log.players.iter().map(|p| p.score).collect();
    if let Some((winners, from, to)) = best_climb(log.rounds.iter().map(|r| r.scores.clone()), &finals) {
        let winners = winners.iter().map(|p| log.players[*p].name.clone()).collect();
        line(AwardKind::BestComeback, winners, AwardDetail::Climb { from, to });
    }
    lines
}

/// Right answers in a row; a question not put to the player (hot seat) does not break it.
fn best_streak(mode: PlayMode, rounds: &[&LoggedRound], player: &str) -> u32 {
    let (mut now, mut best) = (0u32, 0u32);
    for round in rounds {
        let given: Vec<&LoggedAnswer> = answers_of(round, player).collect();
        if given.iter().any(|a| a.correct) {
            now += 1;
        } else if mode != PlayMode::HotSeat || !given.is_empty() {
            now = 0;
        }
        best = best.max(now);
    }
    best
}
