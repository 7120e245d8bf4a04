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
    let dirs = if args.from.is_empty() { paths::pack_dirs() } else { args.from.clone() };
    let library = PackLibrary::load_paths(&dirs);
    for problem in library.problems() {
        eprintln!("{problem} (pack skipped)");
    }
    let settings = args.game.overrides().apply(GameSettings::default());
    match sheet::sheet(&library, &settings, seed) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(shortfall) => {
            eprintln!("error: {shortfall}");
            ExitCode::from(1)
        }
    }
}
