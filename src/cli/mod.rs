//! The command line: its arguments, and the tools `validate`, `packs` and `sheet`. `main.rs`
//! dispatches; `play` hands plain settings to [`crate::app::run`].

pub mod challenge;
pub mod export;
pub mod flags;
pub mod history;
pub mod import;
pub mod media_files;
pub mod new_pack;
pub mod package_files;
pub mod packs;
pub mod results;
pub mod sheet;
pub mod validate;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::frame_limit::MachineArgs;
use crate::game::{DifficultyChoice, GameOverrides, PlayMode, TimerChoice};
use crate::net::lifecycle::Phones;
use crate::pack::SEASONS;

/// A command's exit code: 0 when it did its work, else 1 after saying why on stderr.
pub fn exit_code(command: &str, outcome: Result<(), String>) -> std::process::ExitCode {
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bigtuna {command}: {message}");
            std::process::ExitCode::from(1)
        }
    }
}

/// Big Tuna Trivia: a trivia game about Jim Halpert of The Office (US).
#[derive(Debug, Parser)]
#[command(name = "bigtuna", version, about, long_about = None)]
pub struct Cli {
    /// What to do; without one, the game starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the game window (the default).
    Play(PlayArgs),
    /// Check question packs (files or folders) and report every problem as FILE:LINE:COL.
    Validate(ValidateArgs),
    /// List the installed packs with their question counts.
    Packs(PacksArgs),
    /// Print the game a seed would play as a Markdown question sheet and answer key.
    Sheet(SheetArgs),
    /// Write a small, valid, commented pack to start from (one question of each kind).
    NewPack(new_pack::NewPackArgs),
    /// Make a pack from an Open Trivia DB reply or a spreadsheet (CSV).
    Import(import::ImportArgs),
    /// Write a pack as CSV (for spreadsheets) or JSON.
    Export(export::ExportArgs),
    /// List the questions players flagged as wrong (F6 while playing), by pack.
    Flags,
    /// List the games played on this computer, newest first, with their seeds.
    History,
    /// Write a finished game's report (standings, awards, every question) as Markdown, CSV
    /// or an HTML page.
    Results(results::ResultsArgs),
    /// Write the man page, shell completions and icon a release installs (for packagers).
    #[command(hide = true)]
    PackageFiles(package_files::PackageFilesArgs),
}

/// Arguments of `bigtuna validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Pack files, or folders searched for `*.ron` packs; without any, the installed packs
    /// (the built-in ones and your packs folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `bigtuna packs`.
#[derive(Debug, Args)]
pub struct PacksArgs {
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Game settings given on the command line; unset ones keep the saved defaults.
#[derive(Debug, Args, Default, Clone)]
pub struct GameArgs {
    /// Seed of the draw: the same seed and settings give the same game.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Number of questions (5 to 100).
    #[arg(long, value_parser = clap::value_parser!(u16).range(5..=100))]
    pub count: Option<u16>,
    /// Only questions from this pack (by id); repeat for several.
    #[arg(long = "pack", value_name = "ID")]
    pub packs: Vec<String>,
    /// Only questions of this category; repeat for several.
    #[arg(long = "category", value_name = "NAME")]
    pub categories: Vec<String>,
    /// easy, medium, hard or mixed (easy to hard).
    #[arg(long, value_parser = parse_difficulty)]
    pub difficulty: Option<DifficultyChoice>,
    /// Spoiler-safe: only questions about seasons 1 to S.
    #[arg(long, value_parser = clap::value_parser!(u8).range(i64::from(*SEASONS.start())..=i64::from(*SEASONS.end())))]
    pub max_season: Option<u8>,
    /// Only questions about this season ("what I watched this week").
    #[arg(long, conflicts_with = "episode", value_parser = clap::value_parser!(u8).range(i64::from(*SEASONS.start())..=i64::from(*SEASONS.end())))]
    pub season: Option<u8>,
    /// Only questions about this episode, by title ("Casino Night").
    #[arg(long)]
    pub episode: Option<String>,
    /// Seconds per question: off, 10, 20, 30 or 60.
    #[arg(long, value_parser = parse_timer)]
    pub timer: Option<TimerChoice>,
    /// Scoring preset id: classic, accuracy, closest (see assets/scoring.ron).
    #[arg(long)]
    pub scoring: Option<String>,
    /// Player names, comma-separated (1 to 8 players); `Ann@Red` puts Ann in team Red.
    #[arg(long, value_delimiter = ',')]
    pub players: Vec<String>,
    /// Party mode: everyone (all answer), buzz (first to buzz answers), hotseat (turns), teams.
    #[arg(long, value_parser = parse_mode)]
    pub mode: Option<PlayMode>,
    /// Team names for --mode teams, comma-separated (2 to 4); players without `@Team` are
    /// dealt to them in turn.
    #[arg(long, value_delimiter = ',')]
    pub teams: Vec<String>,
    /// Questions' pictures: `tv` (on the TV only; phones show what they show, in words) or
    /// `phones` (on the TV and the phones, the default).
    #[arg(long, value_parser = ["tv", "phones"])]
    pub pictures: Option<String>,
    /// How many of each lifeline every player gets: 0 (none) to 3.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(crate::game::lifeline::MOST_EACH)))]
    pub lifelines: Option<u8>,
    /// A final wager: before the last question, each player bets part of their score on it.
    #[arg(long)]
    pub wager: bool,
    /// With phones: each new phone waits in the lobby until the host lets it in under its
    /// name (on the TV, or the host remote), or refuses the name.
    #[arg(long)]
    pub approve_names: bool,
    /// With phones: streamer mode. The TV hides the room code and its QR code (the host
    /// remote shows them; F5 on the join screen for 8 seconds), the host approves every name,
    /// and /overlay shows the game for streaming software.
    #[arg(long)]
    pub streamer: bool,
    /// Seconds the streaming overlay holds each reveal (0 to 30).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=30))]
    pub overlay_delay: Option<u8>,
    /// Hot seat: each player is asked, on their turn, only what is safe for how far they have
    /// watched (without it, every question is safe for the lowest limit in the room).
    #[arg(long)]
    pub spoilers_per_player: bool,
}

impl GameArgs {
    /// The settings these arguments override, as plain data for the game.
    pub fn overrides(&self) -> GameOverrides {
        GameOverrides {
            seed: self.seed,
            questions: self.count.map(usize::from),
            packs: self.packs.clone(),
            categories: self.categories.clone(),
            difficulty: self.difficulty,
            max_season: self.max_season,
            watched: match (self.season, &self.episode) {
                (Some(season), _) => Some(crate::game::Watched::Season(season)),
                (None, Some(episode)) => Some(crate::game::Watched::Episode(episode.trim().to_owned())),
                (None, None) => None,
            },
            timer: self.timer,
            scoring: self.scoring.clone(),
            players: self.players.clone(),
            mode: self.mode,
            teams: self.teams.clone(),
            pictures_on_phones: self.pictures.as_deref().map(|on| on == "phones"),
            lifelines: self.lifelines,
            wager: self.wager.then_some(true),
            approve_names: (self.approve_names || self.streamer).then_some(true),
            streamer: self.streamer.then_some(true),
            overlay_delay: self.overlay_delay,
            spoilers_each: self.spoilers_per_player.then_some(true),
        }
    }
}

fn parse_difficulty(text: &str) -> Result<DifficultyChoice, String> {
    DifficultyChoice::parse(text)
        .ok_or_else(|| format!("`{text}` is not a difficulty: use easy, medium, hard or mixed"))
}

fn parse_mode(text: &str) -> Result<PlayMode, String> {
    PlayMode::parse(text).ok_or_else(|| format!("`{text}` is not a mode: use everyone, buzz, hotseat or teams"))
}

fn parse_timer(text: &str) -> Result<TimerChoice, String> {
    TimerChoice::parse(text).ok_or_else(|| format!("`{text}` is not a timer: use off, 10, 20, 30 or 60"))
}

/// Arguments of `bigtuna play`.
#[derive(Debug, Args, Default, Clone)]
pub struct PlayArgs {
    /// Settings of the first game.
    #[command(flatten)]
    pub game: GameArgs,
    /// Let players join and answer from their phones, on the local network (the TV shows
    /// the address, a QR code and the room code).
    #[arg(long)]
    pub phones: bool,
    /// The port phones connect to (with --phones); without it, 8862 or the next free one.
    #[arg(long, requires = "phones")]
    pub port: Option<u16>,
    /// Serve phones on this computer only (127.0.0.1), for trying it out and for tests.
    #[arg(long, requires = "phones")]
    pub loopback: bool,
    /// Also play the packs in this file or folder (repeat for more); they win a pack id
    /// found twice, and reload when saved, like your packs folder.
    #[arg(long = "from", value_name = "PATH")]
    pub from: Vec<std::path::PathBuf>,
    /// Play the same questions as a friend's game, from the code its results gave (`bigtuna
    /// results` prints it too); both scores show side by side at the end.
    #[arg(long, value_name = "CODE", conflicts_with = "seed")]
    pub challenge: Option<String>,
    /// Scripted and frame-limited runs, for tests and benchmarks.
    #[command(flatten)]
    pub machine: MachineArgs,
}

impl PlayArgs {
    /// Whether and where to serve phones.
    pub fn phones(&self) -> Phones {
        Phones { on: self.phones, port: self.port, loopback_only: self.loopback }
    }
}

/// Arguments of `bigtuna sheet`.
#[derive(Debug, Args)]
pub struct SheetArgs {
    /// Settings of the game to print; --seed is required so the sheet can be printed again.
    #[command(flatten)]
    pub game: GameArgs,
    /// Pack folders or files to draw from, instead of the installed packs.
    #[arg(long = "from", value_name = "PATH")]
    pub from: Vec<PathBuf>,
}
