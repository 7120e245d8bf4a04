//! The `bigtuna` command: the game, and tools for pack authors and quiz hosts.

use std::process::ExitCode;

use bigtuna::app::{self, Launch};
use bigtuna::cli::{self, Cli, Command};
use clap::Parser;

fn main() -> ExitCode {
    match Cli::parse().command {
        None => app::run(Launch::default()),
        Some(Command::Play(args)) => {
            // A code that cannot be played here is refused before any window opens.
            if let Some(code) = &args.challenge
                && let Err(why) = cli::challenge::check(code, &args.from)
            {
                return cli::exit_code("play --challenge", Err(why));
            }
            let packs = args.from.clone();
            app::run(Launch {
                overrides: args.game.overrides(),
                phones: args.phones(),
                packs,
                machine: args.machine,
                challenge: args.challenge,
            })
        }
        Some(Command::Validate(args)) => cli::validate::run(&args),
        Some(Command::Packs(args)) => cli::packs::run(&args),
        Some(Command::Sheet(args)) => cli::sheet::run(&args),
        Some(Command::NewPack(args)) => cli::new_pack::run(&args),
        Some(Command::Import(args)) => cli::import::run(&args),
        Some(Command::Export(args)) => cli::export::run(&args),
        Some(Command::Flags) => cli::flags::run(),
        Some(Command::History) => cli::history::run(),
        Some(Command::Results(args)) => cli::results::run(&args),
        Some(Command::PackageFiles(args)) => cli::package_files::run(&args),
    }
}
