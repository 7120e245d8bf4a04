//! One round: the question opens, answers arrive against the clock, and when everyone has
//! answered, time is up or the host closes it, the round is judged and scored at once,
//! inside [`GameSystems::Flow`]. Whatever reacts to [`Phase::Reveal`] finds it scored.

use std::time::Duration;

use bevy::prelude::*;

use super::GameSystems;
use super::draw::{DrawnQuestion, Presented};
use super::flow::{self, FlowCommand};
use super::judge::{self, Judgement, Response};
use super::model::{Game, Outcome, Pending, Round};
use super::scoring::{Attempt, ScoringPreset};
use super::state::{Overlay, Phase};
use crate::pack::AnswerKind;

/// A player answered the open question.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct PlayerAction {
    /// Index of the player (0-based, as in [`Game::players`]).
    pub player: usize,
    /// What they answered.
    pub response: Response,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayerAction>().add_systems(OnEnter(Phase::Question), open_question).add_systems(
        Update,
        collect_answers.run_if(in_state(Phase::Question)).after(flow::handle_commands).in_set(GameSystems::Flow),
    );
}

fn open_question(mut game: ResMut<Game>) {
    let players = game.players.len();
    game.pending = vec![None; players];
    game.clock.elapsed = Duration::ZERO;
}

fn collect_answers(
    time: Res<Time>,
    mut actions: MessageReader<PlayerAction>,
    mut commands: MessageReader<FlowCommand>,
    overlay: Res<State<Overlay>>,
    game: Option<ResMut<Game>>,
    mut next_phase: ResMut<NextState<Phase>>,
) {
    let closed_by_host = commands.read().filter(|c| **c == FlowCommand::CloseQuestion).count() > 0;
    let Some(mut game) = game else {
        actions.clear();
        return;
    };
    if *overlay.get() != Overlay::None {
        // Paused: the clock stands still, and answers given now are dropped (the question is
        // hidden behind the pause menu, so they cannot be meant).
        actions.clear();
        return;
    }
    game.clock.elapsed += time.delta();
    let elapsed = game.clock.elapsed.min(game.clock.limit.unwrap_or(Duration::MAX));
    for action in actions.read() {
        let fits = game.question().is_some_and(|q| response_fits(q, &action.response));
        if let Some(slot @ None) = game.pending.get_mut(action.player)
            && fits
        {
            *slot = Some(Pending { response: action.response.clone(), time: elapsed });
        }
    }
    if closed_by_host || game.all_answered() || game.clock.expired() {
        score_round(&mut game);
        next_phase.set(Phase::Reveal);
    }
}

/// Whether a response is of the kind the question asks for (so a stray key cannot answer a
/// typed question with an option).
fn response_fits(question: &DrawnQuestion, response: &Response) -> bool {
    match (&question.presented, response) {
        (Presented::Options { options, .. }, Response::Option(i)) => *i < options.len(),
        (Presented::Typed, Response::Text(text)) => !text.trim().is_empty(),
        (Presented::Number, Response::Number(n)) => n.is_finite(),
        (Presented::Ordering { shown }, Response::Order(order)) => order.len() == shown.len(),
        (_, Response::Pass) => true,
        _ => false,
    }
}

/// Judges and scores the round that just closed, and logs it: the log is the record a
/// dispute (or a screen test) goes back to.
fn score_round(game: &mut Game) {
    let Some(drawn) = game.questions.get(game.current) else { return };
    let judgements: Vec<Option<(Judgement, Duration, Response)>> = game
        .pending
        .iter()
        .map(|pending| pending.as_ref().map(|p| (judge::judge(drawn, &p.response), p.time, p.response.clone())))
        .collect();
    let closest = closest_players(&game.preset, drawn, &judgements);
    let difficulty = drawn.question.difficulty;
    let mut outcomes = Vec::with_capacity(game.players.len());
    for (index, player) in game.players.iter_mut().enumerate() {
        let entry = judgements.get(index).cloned().flatten();
        let judgement = entry.as_ref().map_or(Judgement::WRONG, |(j, _, _)| *j);
        let correct = judgement.correct || closest.contains(&index);
        player.streak = if correct { player.streak + 1 } else { 0 };
        player.best_streak = player.best_streak.max(player.streak);
        let time = entry.as_ref().map(|(_, t, _)| *t);
        let attempt =
            Attempt { correct, credit: judgement.credit, time: time.unwrap_or_default(), streak: player.streak };
        let points = if entry.is_some() { game.preset.points(difficulty, attempt, game.clock.limit) } else { 0 };
        player.score = player.score.saturating_add(points);
        info!(
            "round {} of {} (`{}`): {} answered {:?}: {}, +{points}, {} points",
            game.current + 1,
            game.questions.len(),
            drawn.question.id,
            player.name,
            entry.as_ref().map(|(_, _, r)| r),
            if correct { "right" } else { "wrong" },
            player.score
        );
        outcomes.push(Outcome {
            answer: entry.map(|(_, time, response)| Pending { response, time }),
            judgement,
            correct,
            points,
            score_after: player.score,
        });
    }
    game.rounds.push(Round { question: game.current, outcomes });
}

/// In a closest-wins round with two or more players, the players nearest the number.
fn closest_players(
    preset: &ScoringPreset,
    drawn: &DrawnQuestion,
    judgements: &[Option<(Judgement, Duration, Response)>],
) -> Vec<usize> {
    if !preset.closest_wins || judgements.len() < 2 || drawn.question.answer.kind() != AnswerKind::Number {
        return Vec::new();
    }
    let distances: Vec<(usize, f64)> = judgements
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.as_ref().and_then(|(j, _, _)| j.distance).map(|d| (i, d)))
        .collect();
    let Some(best) = distances.iter().map(|(_, d)| *d).reduce(f64::min) else { return Vec::new() };
    distances.into_iter().filter(|(_, d)| *d == best).map(|(i, _)| i).collect()
}
