//! The game under way, saved as it starts and after every round, so a crash, a power cut or
//! a closed window loses nothing: the next start offers it back on the title screen
//! ("Resume the party from question 12?") with the same questions, players and scores.
//! A game that reaches its results, or that the players quit, is no longer kept; one that is
//! set aside for a new game goes to the game records (`bigtuna history`).

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::game_log::{GameLog, GamesDir};
use super::user_file::{self, FileNotice, KeptFile};
use crate::game::Party;
use crate::game::{
    BetPlaced, Game, GameSettings, GameSystems, HostActed, PlayerJoined, ResumeGame, RoundScored, Screen, Seat,
};
use crate::net::inbound::PhoneLink;
use crate::net::lifecycle::{AwaitingResume, Phones, RestoredRoom};
use crate::net::room::Room;
use crate::paths;

/// The saved game's file in [`paths::saves_dir`].
pub const FILE: &str = "saved-game.ron";

/// The file: a game, and who sat where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedGame {
    /// The file's format version.
    pub version: u32,
    /// When it was saved, in seconds since 1970.
    pub saved: u64,
    /// The game, as it stood after its last finished round.
    pub game: Game,
    /// What each player of the game answered with, in order (empty: nobody joined with a
    /// device, so keyboard row N and pad N are player N).
    pub seats: Vec<SavedSeat>,
    /// The phones' room, when phones were on: its codes and each phone's secret.
    #[serde(default)]
    pub room: Option<Room>,
    /// The port phones were served on, so that a resumed room is served there again.
    #[serde(default)]
    pub port: Option<u16>,
}

/// What a player answered with, as far as it outlives the game: a row of keys is the same
/// row; a pad is whichever connects first; a phone is the same phone, back by its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SavedSeat {
    /// A keyboard row.
    Keys(usize),
    /// A gamepad: the next one to connect takes the seat.
    Pad,
    /// A phone, by its number in the saved room.
    Phone(u32),
    /// Nothing: a player added without a device beside others who joined with one.
    Nothing,
}

impl From<Option<Seat>> for SavedSeat {
    fn from(seat: Option<Seat>) -> Self {
        match seat {
            Some(Seat::Keys(row)) => SavedSeat::Keys(row),
            Some(Seat::Pad(_)) => SavedSeat::Pad,
            Some(Seat::Phone(id)) => SavedSeat::Phone(id),
            None => SavedSeat::Nothing,
        }
    }
}

impl From<SavedSeat> for Option<Seat> {
    fn from(seat: SavedSeat) -> Self {
        match seat {
            SavedSeat::Keys(row) => Some(Seat::Keys(row)),
            SavedSeat::Pad => Some(Seat::Pad(None)),
            SavedSeat::Phone(id) => Some(Seat::Phone(id)),
            SavedSeat::Nothing => None,
        }
    }
}

impl KeptFile for SavedGame {
    const WHAT: &'static str = "the saved game";
    const WITHOUT: &'static str = "no game is offered to resume";
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
}

/// Where the game under way is saved; `None` keeps nothing (tests, no data folder).
#[derive(Resource, Debug, Clone, Default)]
pub struct SavedGamePath(pub Option<PathBuf>);

impl SavedGamePath {
    /// `saved-game.ron` in the saves folder.
    pub fn standard() -> Self {
        Self(paths::saves_dir().map(|dir| dir.join(FILE)))
    }
}

/// A game interrupted earlier, found at start-up: the title screen offers it back.
#[derive(Resource, Debug, Clone)]
pub struct Interrupted(pub SavedGame);

/// What the players chose for the interrupted game.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterruptedChoice {
    /// Go on with it.
    Resume,
    /// Put it away (into the game records) and start afresh.
    Discard,
}

/// Reads the saved game at start-up and keeps the one under way.
pub fn plugin(app: &mut App) {
    app.init_resource::<SavedGamePath>()
        .init_resource::<GameSettings>()
        .init_resource::<Phones>()
        .init_resource::<GamesDir>()
        .add_message::<InterruptedChoice>()
        .add_systems(Startup, find_interrupted)
        .add_systems(
            Update,
            (
                choose.in_set(GameSystems::Screens),
                save_progress.after(GameSystems::Flow).run_if(in_state(Screen::Playing)),
            ),
        )
        .add_systems(OnEnter(Screen::Playing), set_aside_unchosen)
        .add_systems(OnEnter(Screen::Results), forget)
        .add_systems(OnTransition { exited: Screen::Playing, entered: Screen::Title }, forget);
}

fn find_interrupted(mut commands: Commands, mut path: ResMut<SavedGamePath>, mut notices: MessageWriter<FileNotice>) {
    let Some(file) = path.0.clone() else { return };
    let found = user_file::load::<SavedGame>(&file);
    if let Some(notice) = found.notice {
        warn!("{notice}");
        notices.write(FileNotice(notice));
    }
    if !found.writable {
        // Broken and stuck in place: never saved over.
        path.0 = None;
    }
    let Some(saved) = found.value else { return };
    match saved.game.check() {
        Ok(()) => {
            info!("a game was interrupted at question {}: offered on the title screen", saved.game.resume_at() + 1);
            if saved.room.is_some() {
                // Its phones wait for the host's choice: their own room back, or a new one.
                commands.insert_resource(AwaitingResume);
            }
            commands.insert_resource(Interrupted(saved));
        }
        Err(why) => {
            let kept = match user_file::set_aside(&file) {
                Some(backup) => format!("it was kept as {}", backup.display()),
                None => {
                    path.0 = None;
                    "it was left in place, and will not be saved over".to_owned()
                }
            };
            let notice = format!("{}: error: the saved game cannot go on ({why}); {kept}", file.display());
            warn!("{notice}");
            notices.write(FileNotice(notice));
        }
    }
}

fn choose(
    mut commands: Commands,
    mut choices: MessageReader<InterruptedChoice>,
    interrupted: Option<Res<Interrupted>>,
    path: Res<SavedGamePath>,
    games: Res<GamesDir>,
    mut phones: ResMut<Phones>,
    mut resume: MessageWriter<ResumeGame>,
) {
    let Some(choice) = choices.read().last() else { return };
    let Some(interrupted) = interrupted else { return };
    let saved = &interrupted.0;
    commands.remove_resource::<Interrupted>();
    commands.remove_resource::<AwaitingResume>();
    match choice {
        InterruptedChoice::Resume => {
            let seats = saved.seats.iter().map(|seat| Option::<Seat>::from(*seat)).collect();
            if let Some(room) = &saved.room {
                // The same room: the phones come back by themselves, by their secrets.
                commands.insert_resource(RestoredRoom { room: room.clone(), port: saved.port });
                phones.on = true;
            }
            resume.write(ResumeGame(Box::new(saved.game.clone()), seats));
        }
        InterruptedChoice::Discard => {
            // Only once it is in the records: nothing played is lost.
            if archive(&saved.game, &games) {
                remove(path.0.as_deref());
            }
        }
    }
}

/// A new game started while an interrupted one was on offer: that one goes to the records.
fn set_aside_unchosen(
    mut commands: Commands,
    interrupted: Option<Res<Interrupted>>,
    games: Res<GamesDir>,
    path: Res<SavedGamePath>,
    game: Option<Res<Game>>,
) {
    let Some(interrupted) = interrupted else { return };
    if game.is_some_and(|game| game.seed == interrupted.0.game.seed && game.rounds == interrupted.0.game.rounds) {
        return;
    }
    // The new game's first save replaces the file: the old game must be in the records first.
    if !archive(&interrupted.0.game, &games)
        && let Some(file) = path.0.as_deref()
    {
        match user_file::set_aside(file) {
            Some(backup) => warn!("the interrupted game was kept as {}", backup.display()),
            None => warn!("the interrupted game could not be kept: the new game replaces it"),
        }
    }
    commands.remove_resource::<Interrupted>();
    commands.remove_resource::<AwaitingResume>();
}

/// Writes the game under way when it moves on (it starts or resumes, a round is scored, the
/// host acts, a player joins, a bet is placed), not every frame. A failed write is tried again at the next.
fn save_progress(
    game: Option<Res<Game>>,
    screen: Res<State<Screen>>,
    path: Res<SavedGamePath>,
    settings: Res<GameSettings>,
    link: Option<Res<PhoneLink>>,
    mut scored: MessageReader<RoundScored>,
    mut acted: MessageReader<HostActed>,
    mut joined: MessageReader<PlayerJoined>,
    mut bets: MessageReader<BetPlaced>,
) {
    let moved = scored.read().count() + acted.read().count() + joined.read().count() + bets.read().count() > 0;
    let (Some(game), Some(file)) = (game, &path.0) else { return };
    if !(moved || screen.is_changed()) {
        return;
    }
    let saved = SavedGame {
        version: SavedGame::VERSION,
        saved: crate::unix_time::now(),
        game: game.clone(),
        seats: seats_of(&game, &settings),
        room: link.as_ref().map(|link| link.0.room()),
        port: link.map(|link| link.0.addr().port()),
    };
    if let Err(error) = user_file::save(&saved, file) {
        // The game itself goes on.
        warn!("{}: cannot save the game under way: {error}", file.display());
    }
}

/// What each player of `game` answers with, by their ids, when anyone joined with a device.
fn seats_of(game: &Game, settings: &GameSettings) -> Vec<SavedSeat> {
    if !settings.players.seated() {
        return Vec::new();
    }
    let seat = |id| settings.players.iter().find(|spec| spec.id == id).and_then(|spec| spec.seat);
    game.players.iter().map(|player| SavedSeat::from(seat(player.id))).collect()
}

/// The game ended (results, or the players quit): nothing to resume.
fn forget(path: Res<SavedGamePath>) {
    remove(path.0.as_deref());
}

fn remove(file: Option<&Path>) {
    let Some(file) = file else { return };
    match std::fs::remove_file(file) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => warn!("{}: cannot remove the finished game's save: {error}", file.display()),
    }
}

/// Writes an unfinished game to the game records, so its scores stay on file; says whether
/// it did.
fn archive(game: &Game, games: &GamesDir) -> bool {
    let Some(dir) = games.0.as_deref() else {
        warn!("there is no folder for game records: the interrupted game stays saved");
        return false;
    };
    match GameLog::of(game, crate::unix_time::now()).write(dir) {
        Ok(file) => {
            info!("the interrupted game was put away in {}", file.display());
            true
        }
        Err(error) => {
            warn!("cannot record the interrupted game in {}: {error}; it stays saved", dir.display());
            false
        }
    }
}
