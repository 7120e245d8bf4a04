//! `bigtuna results [GAME] [--format markdown|csv|html] [-o FILE]`: a night's report, from the
//! record a finished game left: the newest game by default, or one `bigtuna history` lists
//! (by its number there) or a record file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::import::write_new;
use crate::paths;
use crate::persist::game_log::GameLog;
use crate::report::{markdown, page, summary::Summary, table};

/// Arguments of `bigtuna results`.
#[derive(Debug, Args)]
pub struct ResultsArgs {
    /// Which game: its number in `bigtuna history` (1, the default, is the newest), or a
    /// record file (`game-*.ron`).
    #[arg(value_name = "GAME")]
    pub game: Option<String>,
    /// markdown, csv (a row per player per question) or html (one page, opens offline); by
    /// default the output file's extension, else markdown.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// The file to write (default: the standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// What `results` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Standings, awards and questions, for a chat or a wiki.
    Markdown,
    /// A row per player per question: answer, right, points, time, device.
    Csv,
    /// One self-contained page.
    Html,
}

impl ReportFormat {
    /// The format a file's name asks for: `.csv`, `.html`/`.htm`, else Markdown.
    pub fn of_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Self::Csv,
            Some("html" | "htm") => Self::Html,
            _ => Self::Markdown,
        }
    }
}

/// Runs the command; returns the process exit code.
pub fn run(args: &ResultsArgs) -> ExitCode {
    super::exit_code("results", results(args))
}

fn results(args: &ResultsArgs) -> Result<(), String> {
    let log = find(args.game.as_deref().unwrap_or("1"))?;
    let format = args.format.or(args.output.as_deref().map(ReportFormat::of_path)).unwrap_or(ReportFormat::Markdown);
    let text = report(&log, format)?;
    // The table has no place for it; the other reports say it in their text.
    if let (ReportFormat::Csv, Some(code)) = (format, &log.code) {
        eprintln!("challenge code of this game: {code} (a friend plays it with `bigtuna play --challenge {code}`)");
    }
    match &args.output {
        Some(path) => {
            write_new(path, text.as_bytes(), args.force)?;
            eprintln!("wrote the report of the game of {} to {}", Summary::of(&log).when, path.display());
        }
        // A reader that stops early (`| head`) is not an error worth a panic.
        None => {
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
        }
    }
    Ok(())
}

/// The report of `log` in `format`.
pub fn report(log: &GameLog, format: ReportFormat) -> Result<String, String> {
    Ok(match format {
        ReportFormat::Markdown => markdown::to_markdown(&Summary::of(log)),
        ReportFormat::Csv => table::to_csv(log)?,
        ReportFormat::Html => page::to_html(&Summary::of(log)),
    })
}

/// A record file, or the game numbered `which` in `bigtuna history`.
fn find(which: &str) -> Result<GameLog, String> {
    let path = PathBuf::from(which);
    if path.is_file() {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {which}: {e}"))?;
        return ron::from_str(&text).map_err(|e| format!("{which} is not a game record: {e}"));
    }
    let Ok(number) = which.parse::<usize>() else {
        return Err(format!(
            "no file `{which}`: give a game's number from `bigtuna history` (1 is the newest) or a record file"
        ));
    };
    let dir = paths::games_dir().ok_or("this system has no data folder, so no games were recorded")?;
    let (mut games, damaged) = super::history::read(&dir);
    for (file, why) in &damaged {
        eprintln!("{file}: skipped, not a game record: {why}");
    }
    match games.len() {
        0 => Err(format!("no game recorded yet in {}: a game is recorded when it reaches its results", dir.display())),
        n if number == 0 || number > n => Err(format!(
            "there {} {n} game{} recorded, numbered 1 (the newest) to {n}: `bigtuna history` lists them",
            if n == 1 { "is" } else { "are" },
            if n == 1 { "" } else { "s" }
        )),
        _ => Ok(games.swap_remove(number - 1)),
    }
}
