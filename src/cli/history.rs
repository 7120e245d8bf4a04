//! `bigtuna history`: the games played on this computer, newest first, from the record each
//! game leaves (`~/.local/share/bigtuna/games`): when, how, how long, and who won.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

use crate::paths;
use crate::persist::game_log::GameLog;
use crate::words::mode_name;

/// Runs the command; returns the process exit code.
pub fn run() -> ExitCode {
    let Some(dir) = paths::games_dir() else {
        eprintln!("bigtuna history: this system has no data folder, so no games were recorded");
        return ExitCode::from(1);
    };
    let (games, damaged) = read(&dir);
    for (file, why) in &damaged {
        eprintln!("{file}: skipped, not a game record: {why}");
    }
    if games.is_empty() {
        println!("No game recorded yet in {}.", dir.display());
        return ExitCode::SUCCESS;
    }
    let mut out = String::new();
    // Numbered as `bigtuna results N` takes them.
    let width = games.len().to_string().len();
    for (n, game) in games.iter().enumerate() {
        out.push_str(&format!("{:>width$}  {}\n", n + 1, line(game)));
    }
    out.push_str(&format!(
        "({} games in {}; replay one with: bigtuna play --seed SEED; \
         its report with: bigtuna results N)\n",
        games.len(),
        dir.display()
    ));
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::SUCCESS
}

/// Every record in `dir`, newest first, and the files that are not records (file, why).
pub fn read(dir: &Path) -> (Vec<GameLog>, Vec<(String, String)>) {
    let mut games = Vec::new();
    let mut damaged = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return (games, damaged) };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let is_record = path.extension().is_some_and(|e| e == "ron")
            && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("game-"));
        if !is_record {
            continue;
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                damaged.push((path.display().to_string(), error.to_string()));
                continue;
            }
        };
        match ron::from_str::<GameLog>(&text) {
            Ok(game) => games.push(game),
            Err(error) => damaged.push((path.display().to_string(), error.to_string())),
        }
    }
    games.sort_by_key(|g| std::cmp::Reverse(g.ended));
    (games, damaged)
}

/// `2026-12-02 21:40 UTC · everyone · 10 questions · Ann 420, Bo 300 · seed 7`.
pub fn line(game: &GameLog) -> String {
    let when = when(game.ended);
    let mut players: Vec<_> = game.players.iter().collect();
    players.sort_by_key(|p| std::cmp::Reverse(p.score));
    let scores: Vec<String> = players.iter().map(|p| format!("{} {}", p.name, p.score)).collect();
    let how = if game.players.len() > 1 { mode_name(game.mode).to_lowercase() } else { "solo".to_owned() };
    format!("{when} · {how} · {} questions · {} · seed {}", game.rounds.len(), scores.join(", "), game.seed)
}

/// When a game ended (seconds since 1970), to the minute: `2026-12-07 21:40 UTC`.
pub fn when(ended: u64) -> String {
    let when = humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(ended)).to_string();
    format!("{} UTC", when.replacen('T', " ", 1).trim_end_matches('Z').get(..16).unwrap_or_default())
}
