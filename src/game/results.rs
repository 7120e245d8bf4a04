//! The end of a game: scores, ranks, statistics and awards, computed as the game moves to
//! [`Screen::Results`], so the results screen (and anything else) just reads them.

use std::time::Duration;

use bevy::prelude::*;

use super::model::{Game, HostRecord};
use super::state::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnTransition { exited: Screen::Playing, entered: Screen::Results }, compute_results).add_systems(
        OnEnter(Screen::Playing),
        |mut commands: Commands| {
            commands.remove_resource::<GameResults>();
        },
    );
}

fn compute_results(mut commands: Commands, game: Option<Res<Game>>) {
    if let Some(game) = game {
        commands.insert_resource(GameResults::of(&game));
    }
}

/// The results of the game just played.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct GameResults {
    /// The seed that drew the game, to replay it.
    pub seed: u64,
    /// The draw put questions seen in earlier games last: the seed alone does not replay it.
    pub least_seen: bool,
    /// Every player, best first; ties share a rank.
    pub players: Vec<PlayerResult>,
    /// Awards given.
    pub awards: Vec<Award>,
    /// In a teams game, the teams, best first.
    pub teams: Vec<TeamResult>,
    /// What the host did, in order.
    pub host: Vec<HostRecord>,
    /// The hardest and the easiest question of the night (party games of two rounds or more).
    pub recap: Option<Recap>,
}

/// The night in two questions: the fewest right and the most right.
#[derive(Debug, Clone, PartialEq)]
pub struct Recap {
    /// The fewest right: (index into the game's questions, right, asked).
    pub hardest: (usize, usize, usize),
    /// The most right.
    pub easiest: (usize, usize, usize),
}

/// Who got each asked round right, and the hardest and easiest of them; ties go to the
/// earlier question, so a replay recaps the same.
fn recap(game: &Game) -> Option<Recap> {
    if game.players.len() < 2 {
        return None;
    }
    let rounds: Vec<(usize, usize, usize)> = game
        .rounds
        .iter()
        .filter(|r| !r.skipped)
        .map(|r| {
            (
                r.question,
                r.outcomes.iter().filter(|o| o.asked && o.correct).count(),
                r.outcomes.iter().filter(|o| o.asked).count(),
            )
        })
        .filter(|(_, _, asked)| *asked > 0)
        .collect();
    if rounds.len() < 2 {
        return None;
    }
    let share = |(_, right, asked): &(usize, usize, usize)| *right as f64 / *asked as f64;
    let hardest = *rounds.iter().reduce(|a, b| if share(b) < share(a) { b } else { a })?;
    let easiest = *rounds.iter().reduce(|a, b| if share(b) > share(a) { b } else { a })?;
    (hardest.0 != easiest.0).then_some(Recap { hardest, easiest })
}

/// One team's result: its members' points summed.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamResult {
    /// Index into the game's teams.
    pub team: usize,
    /// Name.
    pub name: String,
    /// Palette index.
    pub colour: usize,
    /// The sum of the members' scores.
    pub score: u32,
    /// 1-based rank; tied scores share the rank.
    pub rank: usize,
}

/// One player's results.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerResult {
    /// Index into the game's players.
    pub player: usize,
    /// Name.
    pub name: String,
    /// Palette index.
    pub colour: usize,
    /// Final score.
    pub score: u32,
    /// 1-based rank; tied scores share the rank.
    pub rank: usize,
    /// Questions answered correctly.
    pub correct: usize,
    /// Questions asked.
    pub asked: usize,
    /// Average time of the answers given.
    pub average_time: Option<Duration>,
    /// Longest streak of correct answers.
    pub best_streak: u32,
    /// (category, correct, asked), by category name.
    pub by_category: Vec<(String, usize, usize)>,
}

impl PlayerResult {
    /// Share of questions answered correctly, 0 to 1.
    pub fn accuracy(&self) -> f32 {
        if self.asked == 0 { 0.0 } else { self.correct as f32 / self.asked as f32 }
    }
}

/// What an award is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardKind {
    /// The fastest correct answer of the game.
    FastestCorrect,
    /// The longest streak of correct answers (at least 2).
    LongestStreak,
    /// Climbed the most places from their worst rank to their final one.
    BestComeback,
}

/// An award to one or more players (ties share it).
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    /// Which award.
    pub kind: AwardKind,
    /// Player indices.
    pub players: Vec<usize>,
    /// What earned it.
    pub detail: AwardDetail,
}

/// What earned an award, for the results screen to put in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AwardDetail {
    /// The time of the fastest right answer.
    Time(Duration),
    /// Right answers in a row.
    Streak(u32),
    /// From this rank (1-based) to that one.
    Climb {
        /// The worst rank held after any round.
        from: usize,
        /// The final rank.
        to: usize,
    },
}

impl GameResults {
    /// Sums up `game`.
    pub fn of(game: &Game) -> Self {
        let mut players: Vec<PlayerResult> = game
            .players
            .iter()
            .enumerate()
            .map(|(index, player)| {
                let mut correct = 0;
                let mut times = Vec::new();
                // (correct, asked) by category, in name order.
                let mut by_category: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
                let mut asked = 0;
                for round in &game.rounds {
                    let Some(outcome) = round.outcomes.get(index).filter(|o| o.asked) else { continue };
                    asked += 1;
                    let category =
                        game.questions.get(round.question).map(|q| q.question.category.clone()).unwrap_or_default();
                    let entry = by_category.entry(category).or_default();
                    entry.1 += 1;
                    if outcome.correct {
                        correct += 1;
                        entry.0 += 1;
                    }
                    times.extend(outcome.time());
                }
                let by_category = by_category.into_iter().map(|(name, (right, asked))| (name, right, asked)).collect();
                let average_time = (!times.is_empty())
                    .then(|| times.iter().fold(Duration::ZERO, |sum, t| sum.saturating_add(*t)) / times.len() as u32);
                PlayerResult {
                    player: index,
                    name: player.name.clone(),
                    colour: player.colour,
                    score: player.score,
                    rank: 0,
                    correct,
                    asked,
                    average_time,
                    best_streak: player.best_streak,
                    by_category,
                }
            })
            .collect();
        let scores: Vec<u32> = players.iter().map(|p| p.score).collect();
        for player in &mut players {
            player.rank = rank_of(player.score, &scores);
        }
        players.sort_by_key(|p| (p.rank, p.player));
        let team_scores = game.team_scores();
        let mut teams: Vec<TeamResult> = game
            .teams
            .iter()
            .enumerate()
            .map(|(i, team)| TeamResult {
                team: i,
                name: team.name.clone(),
                colour: team.colour,
                score: team_scores[i],
                rank: rank_of(team_scores[i], &team_scores),
            })
            .collect();
        teams.sort_by_key(|t| (t.rank, t.team));
        Self {
            seed: game.seed,
            least_seen: game.least_seen,
            awards: awards(game),
            players,
            teams,
            host: game.host_log.clone(),
            recap: recap(game),
        }
    }
}

/// Competition ranking: 1 + the number of strictly higher scores (ties share a place).
pub fn rank_of(score: u32, scores: &[u32]) -> usize {
    1 + scores.iter().filter(|other| **other > score).count()
}

fn awards(game: &Game) -> Vec<Award> {
    let mut awards = Vec::new();
    let fastest = game
        .rounds
        .iter()
        .flat_map(|round| round.outcomes.iter().enumerate())
        .filter(|(_, o)| o.correct)
        .filter_map(|(player, o)| o.time().map(|t| (player, t)));
    if let Some(best) = fastest.clone().map(|(_, t)| t).min() {
        let mut winners: Vec<usize> = fastest.filter(|(_, t)| *t == best).map(|(p, _)| p).collect();
        winners.sort_unstable();
        winners.dedup();
        awards.push(Award { kind: AwardKind::FastestCorrect, players: winners, detail: AwardDetail::Time(best) });
    }
    let longest = game.players.iter().map(|p| p.best_streak).max().unwrap_or(0);
    if longest >= 2 {
        let winners = (0..game.players.len()).filter(|i| game.players[*i].best_streak == longest).collect();
        awards.push(Award { kind: AwardKind::LongestStreak, players: winners, detail: AwardDetail::Streak(longest) });
    }
    let finals: Vec<u32> = game.players.iter().map(|p| p.score).collect();
    let rounds = game.rounds.iter().map(|round| round.outcomes.iter().map(|o| o.score_after).collect());
    if let Some((players, from, to)) = best_climb(rounds, &finals) {
        awards.push(Award { kind: AwardKind::BestComeback, players, detail: AwardDetail::Climb { from, to } });
    }
    awards
}

/// The best comeback of a party: who climbed most from their worst rank after any round (each
/// round's scores, in player order) to their final one, and from which rank to which.
pub fn best_climb(rounds: impl IntoIterator<Item = Vec<u32>>, finals: &[u32]) -> Option<(Vec<usize>, usize, usize)> {
    if finals.len() < 2 {
        return None;
    }
    let mut worst = vec![1usize; finals.len()];
    // A round before a late joiner came (or of an old record, with no scores) has fewer.
    for scores in rounds {
        for (worst, score) in worst.iter_mut().zip(&scores) {
            *worst = (*worst).max(rank_of(*score, &scores));
        }
    }
    let climbs: Vec<(usize, usize, usize)> = (0..finals.len())
        .map(|p| (p, worst[p], rank_of(finals[p], finals)))
        .filter(|(_, worst, last)| worst > last)
        .collect();
    let best = climbs.iter().map(|(_, w, l)| w - l).max()?;
    let chosen: Vec<&(usize, usize, usize)> = climbs.iter().filter(|(_, w, l)| w - l == best).collect();
    let (_, from, to) = **chosen.first()?;
    Some((chosen.iter().map(|c| c.0).collect(), from, to))
}
