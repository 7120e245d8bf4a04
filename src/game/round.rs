//! One round: the question opens, answers arrive against the clock, and when everyone has
//! answered, time is up or the host closes it, the round is judged and scored at once,
//! inside [`GameSystems::Flow`]. Whatever reacts to [`Phase::Reveal`] finds it scored.

use std::time::Duration;

use bevy::prelude::*;

use super::GameSystems;
use super::clock::{self, Clock, SOUND_HOLD};
use super::draw::{DrawnQuestion, Presented};
use super::events::RoundScored;
use super::flow::{self, FlowCommand};
use super::judge::{self, Judgement, Response};
use super::lifeline;
use super::mode::{TEAM_TALK, arrival_order};
use super::model::{Buzz, Device, Game, Outcome, Pending, PlayerRound, Round};
use super::scoring::{Attempt, ScoringPreset};
use super::settings::PlayMode;
use super::state::{Overlay, Phase};
use super::wager;
use crate::pack::{AnswerKind, SoundClock};

/// A player answered the open question.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct PlayerAction {
    /// Index of the player (0-based, as in [`Game::players`]).
    pub player: usize,
    /// What they answered.
    pub response: Response,
    /// What they answered with.
    pub device: Device,
}

impl PlayerAction {
    /// An answer from a script or a test.
    pub fn new(player: usize, response: Response) -> Self {
        Self { player, response, device: Device::Script }
    }
}

/// A player buzzed in to answer a typed or number question (buzz-in mode).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuzzIn {
    /// Index of the player.
    pub player: usize,
    /// What they buzzed with.
    pub device: Device,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayerAction>()
        .add_message::<BuzzIn>()
        .add_systems(OnEnter(Phase::Question), open_question)
        .add_systems(
            Update,
            collect_answers
                .run_if(in_state(Phase::Question))
                .after(flow::handle_commands)
                .after(clock::hold_for_sound)
                .in_set(GameSystems::Flow),
        );
}

fn open_question(mut game: ResMut<Game>, mut clock: ResMut<Clock>) {
    for player in &mut game.players {
        player.this_round = PlayerRound::default();
    }
    game.buzz = Buzz::default();
    game.talk_over = false;
    game.audience.answers.clear();
    // Typed answers and orderings take longer to give than a tap: the preset says how much.
    // A question whose sound must be heard first holds its clock until the sound has played.
    let hear_first =
        game.question().and_then(|q| q.question.sound.as_ref()).is_some_and(|s| s.clock == SoundClock::AfterSound);
    let sound_hold = hear_first.then_some(SOUND_HOLD);
    // A handicap may give some more time than others: the question stays open for the
    // longest, and each answer is taken within its player's own time.
    let (base, limit) = game.round_times();
    *clock = Clock { elapsed: Duration::ZERO, limit, base, sound_hold };
}

/// Presses that arrived while the game was paused, for the question they answer.
#[derive(Default)]
pub(super) struct Held {
    question: Option<usize>,
    presses: Vec<(Device, Press)>,
}

/// A press of this frame: an answer, or a buzz.
#[derive(Clone)]
enum Press {
    Answer(usize, Response, Device),
    Buzz(usize),
}

pub(super) fn collect_answers(
    time: Res<Time>,
    mut actions: MessageReader<PlayerAction>,
    mut buzzes: MessageReader<BuzzIn>,
    mut commands: MessageReader<FlowCommand>,
    overlay: Res<State<Overlay>>,
    game: Option<ResMut<Game>>,
    mut clock: ResMut<Clock>,
    mut held: Local<Held>,
    mut next_phase: ResMut<NextState<Phase>>,
    mut scored: MessageWriter<RoundScored>,
) {
    let closed_by_host = commands.read().filter(|c| **c == FlowCommand::CloseQuestion).count() > 0;
    let mut presses: Vec<(Device, Press)> =
        actions.read().map(|a| (a.device, Press::Answer(a.player, a.response.clone(), a.device))).collect();
    presses.extend(buzzes.read().map(|b| (b.device, Press::Buzz(b.player))));
    let Some(mut game) = game else { return };
    if held.question != Some(game.current) {
        *held = Held { question: Some(game.current), presses: Vec::new() };
    }
    if *overlay.get() != Overlay::None {
        // Paused: the clock stands still. A phone still shows the question and may have sent
        // its answer as the pause began; it was told the answer arrived, so it is kept and
        // counts, at the time it had, as play goes on (keys and pads steer the menu now).
        held.presses.extend(presses);
        return;
    }
    if !held.presses.is_empty() {
        let mut kept = std::mem::take(&mut held.presses);
        kept.extend(presses);
        presses = kept;
    }
    if clock.sound_hold.is_none() {
        clock.elapsed += time.delta();
    }
    let teams = game.settings.mode == PlayMode::Teams;
    if teams && !game.talk_over && clock.elapsed >= TEAM_TALK {
        game.talk_over = true;
    }
    // Answer times run from when answering opens (after a team talk).
    let opened = if teams { TEAM_TALK } else { Duration::ZERO };
    let elapsed = clock.elapsed.min(clock.limit.unwrap_or(Duration::MAX)).saturating_sub(opened);
    let now = clock.elapsed;
    for press in arrival_order(game.seed, game.current, &presses) {
        match press {
            Press::Buzz(player) if game.may_buzz(player) && !game.held_back(player, now) => {
                game.buzz.holder = Some(player);
            }
            Press::Answer(player, mut response, device) => {
                let fits = game.question().is_some_and(|q| response_fits(q, &response));
                if let (Response::Order(order), Some(fixed)) =
                    (&mut response, game.players.get(player).and_then(|p| p.this_round.fixed))
                {
                    // Whatever the device sent, the item the lifeline placed stays in its place.
                    lifeline::keep_fixed(order, fixed);
                }
                // An option shredded for this player is no longer theirs to choose.
                let shredded = matches!(response, Response::Option(i) if game.players.get(player).is_some_and(|p| p.this_round.removed.contains(&i)));
                if fits && !shredded && game.may_answer(player) && !game.held_back(player, now) {
                    take_answer(&mut game, player, Pending { response, time: elapsed, device });
                }
            }
            Press::Buzz(_) => {}
        }
    }
    if closed_by_host || game.round_over() || clock.expired() || game.everyone_out_of_time(now) {
        if game.said_aloud() {
            for speaker in game.speakers() {
                if let Some(slot @ None) = game.players.get_mut(speaker).map(|p| &mut p.this_round.pending) {
                    *slot = Some(Pending { response: Response::Aloud, time: elapsed, device: Device::Voice });
                }
            }
        }
        score_round(&mut game);
        scored.write(RoundScored { question: game.current, skipped: false });
        next_phase.set(Phase::Reveal);
    }
}

/// Records an answer; in buzz-in it is judged at once: right wins the round, wrong locks out.
fn take_answer(game: &mut Game, player: usize, answer: Pending) {
    if game.settings.mode == PlayMode::Buzz
        && let Some(drawn) = game.question()
    {
        let right = judge::judge(drawn, &answer.response).correct;
        game.buzz.won |= right;
        game.buzz.holder = None;
        if let Some(p) = game.players.get_mut(player) {
            p.this_round.locked_out |= !right;
        }
    }
    if let Some(p) = game.players.get_mut(player) {
        p.this_round.pending = Some(answer);
    }
}

/// Whether a response is of the kind the question asks for (so a stray key cannot answer a
/// typed question with an option).
pub(super) fn response_fits(question: &DrawnQuestion, response: &Response) -> bool {
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
    // Speed is judged against each player's own time; the audience has the question's.
    let limits: Vec<Option<Duration>> = (0..game.players.len()).map(|p| game.time_for(p, game.current)).collect();
    let limit = game.time_limit(game.current);
    let judgements: Vec<Option<(Judgement, Pending)>> = game
        .players
        .iter()
        .map(|player| player.this_round.pending.as_ref().map(|p| (judge::judge(drawn, &p.response), p.clone())))
        .collect();
    let closest = closest_players(&game.preset, drawn, &judgements);
    let difficulty = drawn.question.difficulty;
    let asked: Vec<bool> = (0..game.players.len()).map(|p| game.asked(p)).collect();
    let buzz_penalty = game.settings.mode == PlayMode::Buzz && game.settings.buzz_penalty;
    let doubled: Vec<bool> = (0..game.players.len()).map(|p| game.doubled(p)).collect();
    let bets: Vec<Option<u32>> = (0..game.players.len()).map(|p| game.bet_on_this(p)).collect();
    // Teams answer as one: a member's bet rides on the team's answer.
    let team_right = team_answers(game, &judgements);
    let mut outcomes = Vec::with_capacity(game.players.len());
    for (index, player) in game.players.iter_mut().enumerate() {
        let entry = judgements.get(index).cloned().flatten();
        let judgement = entry.as_ref().map_or(Judgement::WRONG, |(j, _)| *j);
        let team = player.team.and_then(|t| team_right.get(t).copied().flatten());
        let correct = judgement.correct || closest.contains(&index) || bets[index].is_some() && team == Some(true);
        let asked = asked[index];
        if asked {
            player.streak = if correct { player.streak.saturating_add(1) } else { 0 };
            player.best_streak = player.best_streak.max(player.streak);
        }
        let time = entry.as_ref().map(|(_, p)| p.time);
        let attempt =
            Attempt { correct, credit: judgement.credit, time: time.unwrap_or_default(), streak: player.streak };
        let points = if entry.is_some() { game.preset.points(difficulty, attempt, limits[index]) } else { 0 };
        let points = if doubled[index] { points.saturating_mul(2) } else { points };
        let points = player.handicap.points(points);
        // A wrong buzz costs the question's value, as on the quiz shows.
        let penalty = if buzz_penalty && entry.is_some() && !correct { game.preset.base.of(difficulty) } else { 0 };
        // A score stops at zero: the penalty kept is what was taken, so the lines add up.
        let penalty = penalty.min(player.score.saturating_add(points));
        // The wager's question scores only the bet, and no answer loses it.
        let (points, penalty) = match bets[index] {
            Some(bet) => wager::settle(bet, correct, player.score),
            None => (points, penalty),
        };
        player.score = player.score.saturating_add(points).saturating_sub(penalty);
        if asked {
            let change = if penalty > 0 { format!("-{penalty}") } else { format!("+{points}") };
            info!(
                "round {} of {} (`{}`): {} answered {:?}: {}, {change}, {} points",
                game.current + 1,
                game.questions.len(),
                drawn.question.id,
                player.name,
                entry.as_ref().map(|(_, p)| &p.response),
                if correct { "right" } else { "wrong" },
                player.score
            );
        }
        outcomes.push(Outcome {
            answer: entry.map(|(_, pending)| pending),
            judgement,
            correct,
            asked,
            points,
            penalty,
            score_after: player.score,
            lifelines: player.this_round.used.clone(),
            wager: bets[index],
        });
    }
    game.rounds.push(Round { question: game.current, outcomes, skipped: false });
    if let Some(drawn) = game.questions.get(game.current) {
        game.audience.score_round((game.current, drawn), &game.preset, limit);
    }
}

/// Teams: whether each team's answer was right (`None`: the team did not answer).
fn team_answers(game: &Game, judgements: &[Option<(Judgement, Pending)>]) -> Vec<Option<bool>> {
    (0..game.teams.len())
        .map(|team| {
            let members = game.players.iter().zip(judgements).filter(|(p, _)| p.team == Some(team));
            members.filter_map(|(_, j)| j.as_ref().map(|(j, _)| j.correct)).reduce(|a, b| a || b)
        })
        .collect()
}

/// In a closest-wins round with two or more players, the players nearest the number.
fn closest_players(
    preset: &ScoringPreset,
    drawn: &DrawnQuestion,
    judgements: &[Option<(Judgement, Pending)>],
) -> Vec<usize> {
    if !preset.closest_wins || judgements.len() < 2 || drawn.question.answer.kind() != AnswerKind::Number {
        return Vec::new();
    }
    let distances: Vec<(usize, f64)> = judgements
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.as_ref().and_then(|(j, _)| j.distance).map(|d| (i, d)))
        .collect();
    let Some(best) = distances.iter().map(|(_, d)| *d).reduce(f64::min) else { return Vec::new() };
    distances.into_iter().filter(|(_, d)| *d == best).map(|(i, _)| i).collect()
}
