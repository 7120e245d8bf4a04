//! The host's powers: skip a question, overrule the judge, give or take points, remove a
//! player, end early. Each acts at once and is kept in [`Game::host_log`], which the results
//! list, so a dispute can be settled afterwards. (Pause and "reveal now" are
//! [`super::FlowCommand`]s.)

use bevy::prelude::*;

use super::GameSystems;
use super::events::{HostActed, RoundScored};
use super::model::{Game, HostAction, HostRecord, Round};
use super::scoring::Attempt;
use super::state::{Phase, Screen};
use super::{flow, round};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<HostAction>().add_systems(
        Update,
        act.run_if(in_state(Screen::Playing))
            .after(flow::handle_commands)
            .before(round::collect_answers)
            .in_set(GameSystems::Flow),
    );
}

fn act(
    mut actions: MessageReader<HostAction>,
    game: Option<ResMut<Game>>,
    phase: Res<State<Phase>>,
    mut next_phase: ResMut<NextState<Phase>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut acted: MessageWriter<HostActed>,
    mut scored: MessageWriter<RoundScored>,
    mut clock: ResMut<super::Clock>,
) {
    let Some(mut game) = game else {
        actions.clear();
        return;
    };
    for action in actions.read() {
        // Kept under the question it happened on (a skip moves to the next one below).
        let question = game.current;
        let mut action = *action;
        let done = match action {
            HostAction::Skip if *phase.get() == Phase::Question => {
                skip(&mut game);
                scored.write(RoundScored { question, skipped: true });
                if game.current + 1 < game.questions.len() {
                    game.current += 1;
                    // Leave and enter the phase anew, so the next question opens.
                    next_phase.set(Phase::Question);
                } else {
                    next_screen.set(Screen::Results);
                }
                true
            }
            HostAction::Accept(player) => overrule(&mut game, player, true),
            HostAction::Reject(player) => overrule(&mut game, player, false),
            HostAction::Points { player, delta } => match game.players.get_mut(player) {
                Some(p) => {
                    let before = p.score;
                    p.score = p.score.saturating_add_signed(delta);
                    // What was taken, not what was asked: a score stops at zero, and the
                    // record must add up to it.
                    let applied = i64::from(p.score) - i64::from(before);
                    action = HostAction::Points { player, delta: i32::try_from(applied).unwrap_or(delta) };
                    true
                }
                None => false,
            },
            HostAction::Handicap { player, handicap } => {
                let changed = game
                    .players
                    .get_mut(player)
                    .is_some_and(|p| std::mem::replace(&mut p.handicap, handicap) != handicap);
                if changed && *phase.get() == Phase::Question {
                    // On the question now: its clock runs for the longest time anyone has.
                    (clock.base, clock.limit) = game.round_times();
                }
                changed
            }
            HostAction::Remove(player) => {
                let removed = game.players.get_mut(player).is_some_and(|p| !std::mem::replace(&mut p.removed, true));
                // The player being waited for may be the one removed.
                removed && game.active().next().is_some()
            }
            HostAction::EndEarly => {
                next_screen.set(Screen::Results);
                true
            }
            HostAction::Skip => false,
        };
        if done {
            info!("host: {action:?} during question {}", question + 1);
            let record = HostRecord { question, action };
            game.host_log.push(record);
            acted.write(HostActed(record));
        }
    }
}

/// A skipped question is a round where nobody was asked.
fn skip(game: &mut Game) {
    // Nobody was asked, so a lifeline used on it did nothing: it is given back.
    for player in &mut game.players {
        for lifeline in std::mem::take(&mut player.this_round.used) {
            player.lifelines.give_back(lifeline);
        }
    }
    let outcomes = game
        .players
        .iter()
        .map(|p| super::model::Outcome {
            answer: None,
            judgement: super::judge::Judgement::WRONG,
            correct: false,
            asked: false,
            points: 0,
            penalty: 0,
            score_after: p.score,
            lifelines: Vec::new(),
            wager: None,
        })
        .collect();
    game.rounds.push(Round { question: game.current, outcomes, skipped: true });
}

/// Counts a player's answer in the last round as right or wrong, as the host rules: the
/// points and the streak follow.
fn overrule(game: &mut Game, player: usize, right: bool) -> bool {
    // The player's own limit on the round: a faster answer earns more, as when it was scored.
    let limit = game.rounds.last().and_then(|r| game.time_for(player, r.question));
    // The round is still the open one's (each player's part is begun anew as the next opens).
    let doubled = game.doubled(player);
    let Game { rounds, players, preset, questions, .. } = game;
    let Some(round) = rounds.last_mut().filter(|r| !r.skipped) else { return false };
    let (Some(outcome), Some(p), Some(drawn)) =
        (round.outcomes.get_mut(player), players.get_mut(player), questions.get(round.question))
    else {
        return false;
    };
    if outcome.correct == right || outcome.answer.is_none() {
        return false;
    }
    let attempt = Attempt {
        correct: right,
        credit: f32::from(u8::from(right)),
        time: outcome.time().unwrap_or_default(),
        streak: if right { p.streak.saturating_add(1) } else { 0 },
    };
    let before = p.score.saturating_sub(outcome.points).saturating_add(outcome.penalty);
    let (points, penalty) = match outcome.wager {
        Some(bet) => super::wager::settle(bet, right, before),
        None => {
            let points = preset.points(drawn.question.difficulty, attempt, limit);
            (p.handicap.points(if doubled { points.saturating_mul(2) } else { points }), 0)
        }
    };
    p.score = before.saturating_add(points).saturating_sub(penalty);
    // It is the last round, so the streak can follow the ruling.
    p.streak = if right { p.streak.saturating_add(1) } else { 0 };
    p.best_streak = p.best_streak.max(p.streak);
    outcome.correct = right;
    outcome.points = points;
    outcome.penalty = penalty;
    outcome.score_after = p.score;
    true
}
