//! Moving a game along: starting one (the seeded draw, least seen questions first), and the
//! commands of whoever runs it: continue, pause, quit, play again. Commands arrive as
//! [`FlowCommand`] messages, so the same systems run with a window, headless in tests, or
//! driven by a script. Answers and scoring are [`super::round`]'s.

use bevy::prelude::*;

use super::GameSystems;
use super::draw::{self, DrawnQuestion, Shortfall};
use super::events::PlayerJoined;
use super::handicap::Handicap;
use super::model::{Buzz, Game, Player, Team};
use super::participant::PlayerSpec;
use super::pool::DrawPool;
use super::scoring::ScoringPresets;
use super::seen::Seen;
use super::settings::{GameSettings, PlayMode, team_name};
use super::state::{Overlay, Phase, Screen};
use crate::pack::PackLibrary;

/// A request to move the game along, from whoever runs it (a key, a button, a test).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowCommand {
    /// Start a game with the current [`GameSettings`].
    StartGame,
    /// From the reveal or the standings, go on.
    Continue,
    /// Close the open question now: who has not answered gets no points (a party host's
    /// way on when a player cannot answer). Handled by [`super::round`].
    CloseQuestion,
    /// Pause the game (the question timer stops).
    Pause,
    /// Resume after a pause, or close the host's panel.
    Resume,
    /// Open the host's panel (the clock stops).
    OpenHost,
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

/// Why the last [`FlowCommand::StartGame`] did not start a game: shown on the setup screen,
/// which offers to play the questions there are.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartProblem(pub Shortfall);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<FlowCommand>()
        .init_resource::<GameSettings>()
        .init_resource::<ScoringPresets>()
        .init_resource::<PackLibrary>()
        .add_message::<JoinGame>()
        .add_systems(Update, (handle_commands, join_game).in_set(GameSystems::Flow))
        .add_systems(OnExit(Screen::Playing), record_seen);
}

/// A participant joined the party (a phone, in the lobby or during a game), already kept in
/// the settings for the next game: seated in the game under way, if any.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct JoinGame(pub PlayerSpec);

fn join_game(
    mut joins: MessageReader<JoinGame>,
    game: Option<ResMut<Game>>,
    screen: Res<State<Screen>>,
    mut joined: MessageWriter<PlayerJoined>,
) {
    let Some(mut game) = game.filter(|_| *screen.get() == Screen::Playing) else {
        joins.clear();
        return;
    };
    for JoinGame(spec) in joins.read() {
        if game.index_of(spec.id).is_some() {
            warn!("{} is already in the game under way (id {}): not seated twice", spec.name, spec.id.0);
            continue;
        }
        let player = game.add_player(spec);
        info!("{} joined the game under way as player {}", spec.name, player + 1);
        joined.write(PlayerJoined { player, id: spec.id });
    }
}

/// Draws and sets up a game from `seed`, from the eligible questions in `pool`. With `seen`, the questions least recently seen come
/// first ([`draw::draw_least_seen`]); without, the game is exactly `draw(seed)`, which is how a
/// seed replays a game.
pub fn new_game(
    library: &PackLibrary,
    settings: &GameSettings,
    presets: &ScoringPresets,
    seed: u64,
    seen: Option<&Seen>,
    pool: &DrawPool,
) -> Result<Game, Shortfall> {
    let (questions, least_seen) = draw::draw_from(library, pool, settings, seed, seen)?;
    let mut game = game_of(questions, settings, presets, seed, least_seen);
    if game.settings.spoilers_each_turn() {
        super::spoiler_deal::deal(&mut game.questions, &game.settings, library, seed)?;
    }
    Ok(game)
}

/// A game of `questions` (drawn, or a challenge's), seated and dealt as `settings` say.
pub fn game_of(
    mut questions: Vec<DrawnQuestion>,
    settings: &GameSettings,
    presets: &ScoringPresets,
    seed: u64,
    least_seen: bool,
) -> Game {
    let preset = presets.get(&settings.scoring).cloned().unwrap_or_else(|| ScoringPresets::default().0.remove(0));
    // Party modes need a party: one player alone just answers.
    let mut settings = settings.clone();
    if settings.players.len() < 2 {
        settings.mode = PlayMode::Everyone;
        settings.aloud = false;
    }
    let (players, teams) = seat_players(&settings);
    if settings.mode == PlayMode::HotSeat {
        // The wager's question stays last: it is everyone's.
        let dealt = questions.len().saturating_sub(usize::from(settings.wager));
        superfans_take_the_hard_ones(&mut questions[..dealt], &players);
    }
    let names: Vec<&str> = players.iter().map(|p| p.name.as_str()).collect();
    info!("a game of {} questions started, seed {seed}, for {}", questions.len(), names.join(", "));
    Game {
        seed,
        least_seen,
        settings,
        preset,
        players,
        questions,
        current: 0,
        rounds: Vec::new(),
        talk_over: false,
        teams,
        buzz: Buzz::default(),
        host_log: Vec::new(),
        audience: default(),
        challenge: None,
    }
}

/// Puts `game` under way: its first question shows on the next frame.
pub fn begin(
    commands: &mut Commands,
    game: Game,
    next_screen: &mut NextState<Screen>,
    next_phase: &mut NextState<Phase>,
) {
    commands.insert_resource(game);
    commands.remove_resource::<StartProblem>();
    next_screen.set(Screen::Playing);
    next_phase.set(Phase::Question);
}

/// Hot seat: a superfan's turns get the hardest questions drawn, everyone else's the rest in
/// the draw's order (the questions are the same; only who gets which changes). Turns go round
/// the players as they sit at the start: the host removing one later shifts the turns.
fn superfans_take_the_hard_ones(questions: &mut [DrawnQuestion], players: &[Player]) {
    let superfan =
        |slot: usize| players.get(slot % players.len().max(1)).is_some_and(|p| p.handicap == Handicap::Superfan);
    let fans = (0..questions.len()).filter(|slot| superfan(*slot)).count();
    if fans == 0 {
        return;
    }
    let mut hardest: Vec<usize> = (0..questions.len()).collect();
    // Stable: of equally hard questions, the draw's order.
    hardest.sort_by_key(|i| std::cmp::Reverse(questions[*i].question.difficulty));
    hardest.truncate(fans);
    let rest: Vec<usize> = (0..questions.len()).filter(|i| !hardest.contains(i)).collect();
    let (mut hard, mut others) = (hardest.into_iter(), rest.into_iter());
    let order: Vec<usize> =
        (0..questions.len()).filter_map(|slot| if superfan(slot) { hard.next() } else { others.next() }).collect();
    let dealt: Vec<DrawnQuestion> = order.iter().map(|i| questions[*i].clone()).collect();
    questions.clone_from_slice(&dealt);
}

/// The players of a new game and, in a teams game, the teams (named ones first).
fn seat_players(settings: &GameSettings) -> (Vec<Player>, Vec<Team>) {
    let teams: Vec<Team> = if settings.mode == PlayMode::Teams {
        (0..settings.team_count())
            .map(|i| Team { name: settings.teams.get(i).cloned().unwrap_or_else(|| team_name(i)), colour: i })
            .collect()
    } else {
        Vec::new()
    };
    let players = settings
        .players
        .iter()
        .zip(settings.player_teams())
        .map(|(spec, team)| Player::new(spec, team, settings.lifelines))
        .collect();
    (players, teams)
}

pub(super) fn handle_commands(
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
    mut seen_record: ResMut<Seen>,
    pool: Res<DrawPool>,
    mut game: Option<ResMut<Game>>,
) {
    let playing = *screen.get() == Screen::Playing;
    let overlay = overlay.map(|o| *o.get());
    for command in reader.read() {
        match command {
            FlowCommand::StartGame | FlowCommand::PlayAgain if !playing => {
                // A seed the settings fix replays its game exactly; any other game asks the
                // questions seen least first. Play again draws anew, even when a seed is fixed.
                let (seed, seen) = match (command, settings.seed, game.as_deref()) {
                    (FlowCommand::PlayAgain, _, Some(previous)) => (next_seed(previous.seed), Some(&*seen_record)),
                    (_, Some(seed), _) => (seed, None),
                    _ => (draw::random_seed(), Some(&*seen_record)),
                };
                // Worked out as the settings changed; only a change this very frame is not in it.
                let fresh;
                let pool = if pool.fits(&settings) && !library.is_changed() {
                    &*pool
                } else {
                    fresh = DrawPool::of(&library, &settings);
                    &fresh
                };
                match new_game(&library, &settings, &presets, seed, seen, pool) {
                    Ok(new) => begin(&mut commands, new, &mut next_screen, &mut next_phase),
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
                if go_on(game, phase.as_ref().map(|p| *p.get()), &mut next_phase, &mut next_screen) {
                    return;
                }
            }
            FlowCommand::Pause if playing && overlay == Some(Overlay::None) => next_overlay.set(Overlay::Paused),
            FlowCommand::Resume if matches!(overlay, Some(Overlay::Paused | Overlay::Host)) => {
                next_overlay.set(Overlay::None)
            }
            FlowCommand::OpenHost if playing && overlay == Some(Overlay::None) => next_overlay.set(Overlay::Host),
            FlowCommand::Quit if playing => next_overlay.set(Overlay::ConfirmQuit),
            FlowCommand::CancelQuit if overlay == Some(Overlay::ConfirmQuit) => next_overlay.set(Overlay::None),
            FlowCommand::ConfirmQuit if overlay == Some(Overlay::ConfirmQuit) => {
                // The game goes before the screen changes: what it showed counts as seen now.
                if let Some(game) = game.as_deref() {
                    record_seen_of(game, &mut seen_record);
                }
                commands.remove_resource::<Game>();
                next_screen.set(Screen::Title);
                return;
            }
            FlowCommand::BackToTitle if !playing => next_screen.set(Screen::Title),
            _ => {}
        }
    }
}

/// Continue from a reveal or the standings: a party sees the standings after each reveal,
/// then the next question, or the results after the last. False when there is nothing to
/// go on from.
fn go_on(
    game: &mut Game,
    phase: Option<Phase>,
    next_phase: &mut NextState<Phase>,
    next_screen: &mut NextState<Screen>,
) -> bool {
    match phase {
        Some(Phase::Reveal) if game.is_party() => next_phase.set(Phase::Standings),
        Some(Phase::Reveal | Phase::Standings) => {
            game.current += 1;
            if game.current < game.questions.len() {
                // The last question of a wager game is bet on before it shows.
                let bets = (0..game.players.len()).any(|p| game.bets(p));
                next_phase.set(if bets { Phase::Wager } else { Phase::Question });
            } else {
                next_screen.set(Screen::Results);
            }
        }
        _ => return false,
    }
    true
}

/// A new seed derived from the last, so "play again" is new yet still reproducible.
fn next_seed(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407) % 1_000_000_000
}

/// The questions a game showed (up to the one open when it ended) count as seen.
fn record_seen(game: Option<Res<Game>>, mut seen: ResMut<Seen>) {
    if let Some(game) = game {
        record_seen_of(&game, &mut seen);
    }
}

fn record_seen_of(game: &Game, seen: &mut Seen) {
    let shown = (game.current + 1).min(game.questions.len());
    seen.record(game.questions[..shown].iter().map(|q| (q.pack.as_str(), q.question.id.as_str())));
}
