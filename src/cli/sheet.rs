//! `bigtuna sheet --seed N --count K ...`

use std::process::ExitCode;

use super::SheetArgs;
use crate::game::GameSettings;
use crate::pack::PackLibrary;
use crate::paths;
use crate::words::sheet;

/// Runs the command; returns the process exit code.
pub fn run(args: &SheetArgs) -> ExitCode {
    let Some(seed) = args.game.seed else {
        eprintln!("error: give --seed N, so the same sheet can be printed again");
        return ExitCode::from(2);
    };
    let library = if args.from.is_empty() {
        PackLibrary::load_sources(&paths::pack_sources())
    } else {
        PackLibrary::load_paths(&args.from)
    };
    for problem in library.problems() {
        eprintln!("{problem} (pack skipped)");
    }
    let settings = args.game.overrides().apply(GameSettings::default());
    match sheet::sheet(&library, &settings, seed) {
        Ok(text) => {
            // A reader that stops early (`| head`) is not an error worth a panic.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(shortfall) => {
            eprintln!("error: {shortfall}");
            ExitCode::from(1)
        }
    }
}
