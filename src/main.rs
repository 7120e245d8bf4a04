//! The `bigtuna` command: the game, and tools for pack authors and quiz hosts.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    bigtuna::cli::run(bigtuna::cli::Cli::parse())
}
