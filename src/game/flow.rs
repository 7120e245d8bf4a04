//! The systems that run a game: start, collect answers against the clock, reveal, score,
//! advance, pause and quit. Input arrives as [`PlayerAction`] and [`FlowCommand`] messages,
//! so the same systems run with a window, headless in tests, or driven by a script.

use std::collections::HashSet;
use std::time::Duration;

use bevy::prelude::*;

use super::GameSystems;
use super::draw::{self, DrawnQuestion, Presented, Shortfall};
use super::judge::{self, Judgement, Response};
use super::results::GameResults;
use super::scoring::{Attempt, ScoringPreset, ScoringPresets};
use super::settings::GameSettings;
use super::state::{Overlay, Phase, Screen};
use crate::pack::{AnswerKind, PackLibrary};

/// A player answered the open question.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct PlayerAction {
    /// Index of the player (0-based, as in [`Game::players`]).
    pub player: usize,
    /// What they answered.
    pub response: Response,
}

/// A request to move the game along, from whoever runs it (a key, a button, a test).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowCommand {
    /// Start a game with the current [`GameSettings`].
    StartGame,
    /// From the reveal or the standings, go on.
    Continue,
    /// Close the open question now: who has not answered gets no points (a party host's
    /// way on when a player cannot answer).
    CloseQuestion,
    /// Pause the game (the question timer stops).
    Pause,
    /// Resume after a pause.
    Resume,
    /// Ask to abandon the game.
    Quit,
    /// Yes, abandon it: back to the title.
    ConfirmQuit,
    /// No, keep playing.
    CancelQuit,
    /// From the results: the same settings, new questions.
    PlayAgain,
    /// From the results or setup: back to the title.
    BackToTitle,
}

/// The game under way (and, on the results screen, the game just played).
#[derive(Resource, Debug, Clone)]
pub struct Game {
    /// The seed that drew it: the same seed and settings replay it.
    pub seed: u64,
    /// The settings it was drawn with.
    pub settings: GameSettings,
    /// How it is scored.
    pub preset: ScoringPreset,
    /// The questions, in order, as shown.
    pub questions: Vec<DrawnQuestion>,
    /// Index of the current question.
    pub current: usize,
    /// The players and their running totals.
    pub players: Vec<Player>,
    /// What happened in each finished round.
    pub rounds: Vec<Round>,
    /// Time on the current question.
    pub clock: Clock,
    /// Answers given to the current question so far, by player.
    pub pending: Vec<Option<Pending>>,
}

/// A player's running state.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    /// Name shown on screen.
    pub name: String,
    /// Index into the player palette.
    pub colour: usize,
    /// Points so far.
    pub score: u32,
    /// Correct answers in a row right now.
    pub streak: u32,
    /// Longest streak this game.
    pub best_streak: u32,
}

/// An answer waiting for the reveal.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// What was answered.
    pub response: Response,
    /// How long it took.
    pub time: Duration,
}

/// One finished round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Index into [`Game::questions`].
    pub question: usize,
    /// One outcome per player.
    pub outcomes: Vec<Outcome>,
}

/// How one player did in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// What they answered, if anything before time ran out.
    pub response: Option<Response>,
    /// How long they took.
    pub time: Option<Duration>,
    /// The judge's verdict.
    pub judgement: Judgement,
    /// Counted as correct for scoring (judged right, or closest in a closest-wins round).
    pub correct: bool,
    /// Points earned this round.
    pub points: u32,
    /// Score after the round.
    pub score_after: u32,
}

/// Time spent on the current question.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Clock {
    /// Time the question has been open (pauses excluded).
    pub elapsed: Duration,
    /// Time allowed, if timed.
    pub limit: Option<Duration>,
}

impl Clock {
    /// Time left, if timed.
    pub fn remaining(&self) -> Option<Duration> {
        self.limit.map(|limit| limit.saturating_sub(self.elapsed))
    }

    /// Share of the time left, 1 to 0; 1 when untimed.
    pub fn fraction_left(&self) -> f32 {
        match self.limit {
            Some(limit) if !limit.is_zero() => {
                (self.remaining().unwrap_or_default().as_secs_f32() / limit.as_secs_f32()).clamp(0.0, 1.0)
            }
            _ => 1.0,
        }
    }

    /// Whether time is up.
    pub fn expired(&self) -> bool {
        self.limit.is_some_and(|limit| self.elapsed >= limit)
    }
}

impl Game {
    /// The question being asked or revealed.
    pub fn question(&self) -> Option<&DrawnQuestion> {
        self.questions.get(self.current)
    }

    /// The latest finished round.
    pub fn last_round(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// Whether every player has answered the current question.
    pub fn all_answered(&self) -> bool {
        self.pending.iter().all(Option::is_some)
    }
}

/// Why the last [`FlowCommand::StartGame`] did not start a game: shown on the setup screen,
/// which offers to play the questions there are.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartProblem(pub Shortfall);

/// Questions asked since the game was opened, so "play again" asks new ones while it can.
#[derive(Resource, Debug, Clone, Default)]
pub struct AskedRecently(pub HashSet<(String, String)>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayerAction>()
        .add_message::<FlowCommand>()
        .init_resource::<GameSettings>()
        .init_resource::<ScoringPresets>()
        .init_resource::<PackLibrary>()
        .init_resource::<AskedRecently>()
        .add_systems(
            Update,
            (handle_commands, collect_answers.run_if(in_state(Phase::Question))).chain().in_set(GameSystems::Flow),
        )
        .add_systems(OnEnter(Phase::Question), open_question)
        .add_systems(OnEnter(Phase::Reveal), score_round)
        .add_systems(OnEnter(Screen::Results), compute_results);
}

/// Draws and sets up a game from `seed`, or from a seed after it whose draw avoids the
/// questions in `avoid`; [`Game::seed`] is the one used, and replays the game exactly.
pub fn new_game(
    library: &PackLibrary,
    settings: &GameSettings,
    presets: &ScoringPresets,
    seed: u64,
    avoid: &HashSet<(String, String)>,
) -> Result<Game, Shortfall> {
    // Prefer questions not asked recently, but keep every game exactly `draw(seed)`, so the seed
    // on the results screen replays it: try the seeds that follow this one and keep the first
    // (or, failing that, the least) overlapping draw.
    let mut best: Option<(usize, u64, Vec<DrawnQuestion>)> = None;
    let mut candidate = seed;
    for _ in 0..SEED_TRIES {
        let questions = draw::draw(library, settings, candidate)?;
        let repeats = questions.iter().filter(|q| avoid.contains(&(q.pack.clone(), q.question.id.clone()))).count();
        if best.as_ref().is_none_or(|(fewest, _, _)| repeats < *fewest) {
            best = Some((repeats, candidate, questions));
        }
        if repeats == 0 {
            break;
        }
        candidate = next_seed(candidate);
    }
    let Some((_, seed, questions)) = best else {
        return Err(Shortfall { asked: settings.questions, available: 0 });
    };
    let preset = presets.get(&settings.scoring).cloned().unwrap_or_else(|| ScoringPresets::default().0.remove(0));
    let players = settings
        .players
        .iter()
        .map(|spec| Player { name: spec.name.clone(), colour: spec.colour, score: 0, streak: 0, best_streak: 0 })
        .collect::<Vec<_>>();
    Ok(Game {
        seed,
        settings: settings.clone(),
        preset,
        pending: vec![None; players.len()],
        players,
        questions,
        current: 0,
        rounds: Vec::new(),
        clock: Clock { elapsed: Duration::ZERO, limit: settings.timer.limit() },
    })
}

fn handle_commands(
    mut commands: Commands,
    mut reader: MessageReader<FlowCommand>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Option<Res<State<Overlay>>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: ResMut<NextState<Phase>>,
    mut next_overlay: ResMut<NextState<Overlay>>,
    library: Res<PackLibrary>,
    settings: Res<GameSettings>,
    presets: Res<ScoringPresets>,
    mut asked: ResMut<AskedRecently>,
    mut game: Option<ResMut<Game>>,
) {
    let playing = *screen.get() == Screen::Playing;
    let overlay = overlay.map(|o| *o.get());
    for command in reader.read() {
        match command {
            FlowCommand::StartGame | FlowCommand::PlayAgain if !playing => {
                let seed = match (command, settings.seed, game.as_deref()) {
                    // Play again draws anew, even when the settings fix a seed.
                    (FlowCommand::PlayAgain, _, Some(previous)) => next_seed(previous.seed),
                    (_, Some(seed), _) => seed,
                    _ => draw::random_seed(),
                };
                match new_game(&library, &settings, &presets, seed, &asked.0) {
                    Ok(new) => {
                        remember_asked(&mut asked, &library, &new);
                        commands.insert_resource(new);
                        commands.remove_resource::<StartProblem>();
                        commands.remove_resource::<GameResults>();
                        next_screen.set(Screen::Playing);
                        next_phase.set(Phase::Question);
                    }
                    Err(shortfall) => {
                        info!("{shortfall}");
                        commands.insert_resource(StartProblem(shortfall));
                        next_screen.set(Screen::Setup);
                    }
                }
                return;
            }
            FlowCommand::Continue if playing && overlay == Some(Overlay::None) => {
                let Some(game) = game.as_deref_mut() else { continue };
                match phase.as_ref().map(|p| *p.get()) {
                    Some(Phase::Reveal) if game.players.len() > 1 => next_phase.set(Phase::Standings),
                    Some(Phase::Reveal | Phase::Standings) => {
                        game.current += 1;
                        if game.current < game.questions.len() {
                            next_phase.set(Phase::Question);
                        } else {
                            next_screen.set(Screen::Results);
                        }
                    }
                    _ => continue,
                }
                return;
            }
            FlowCommand::CloseQuestion
                if overlay == Some(Overlay::None) && phase.as_ref().is_some_and(|p| *p.get() == Phase::Question) =>
            {
                next_phase.set(Phase::Reveal);
            }
            FlowCommand::Pause if playing && overlay == Some(Overlay::None) => next_overlay.set(Overlay::Paused),
            FlowCommand::Resume if overlay == Some(Overlay::Paused) => next_overlay.set(Overlay::None),
            FlowCommand::Quit if playing => next_overlay.set(Overlay::ConfirmQuit),
            FlowCommand::CancelQuit if overlay == Some(Overlay::ConfirmQuit) => next_overlay.set(Overlay::None),
            FlowCommand::ConfirmQuit if overlay == Some(Overlay::ConfirmQuit) => {
                commands.remove_resource::<Game>();
                next_screen.set(Screen::Title);
                return;
            }
            FlowCommand::BackToTitle if !playing => next_screen.set(Screen::Title),
            _ => {}
        }
    }
}

/// A new seed derived from the last, so "play again" is new yet still reproducible.
/// Seeds tried for a game without recent questions: drawing is a shuffle of a few hundred
/// questions, so this costs a few milliseconds at most.
const SEED_TRIES: usize = 256;

fn next_seed(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407) % 1_000_000_000
}

fn remember_asked(asked: &mut AskedRecently, library: &PackLibrary, game: &Game) {
    if draw::eligible(library, &game.settings).len() < 2 * game.questions.len() + asked.0.len() {
        // Not enough left for another fresh game: start remembering anew.
        asked.0.clear();
    }
    asked.0.extend(game.questions.iter().map(|q| (q.pack.clone(), q.question.id.clone())));
}

fn open_question(mut game: ResMut<Game>) {
    let players = game.players.len();
    game.pending = vec![None; players];
    game.clock.elapsed = Duration::ZERO;
}

fn collect_answers(
    time: Res<Time>,
    mut actions: MessageReader<PlayerAction>,
    overlay: Res<State<Overlay>>,
    game: Option<ResMut<Game>>,
    mut next_phase: ResMut<NextState<Phase>>,
) {
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
    if game.all_answered() || game.clock.expired() {
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

/// Judges and scores the round that just closed; runs on entering [`Phase::Reveal`].
pub fn score_round(mut game: ResMut<Game>) {
    let game = &mut *game;
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
        outcomes.push(Outcome {
            response: entry.map(|(_, _, r)| r),
            time,
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

/// Sums up the game just finished into [`GameResults`].
pub fn compute_results(mut commands: Commands, game: Option<Res<Game>>) {
    if let Some(game) = game {
        commands.insert_resource(GameResults::of(&game));
    }
}
