//! `bigtuna package-files DIR` (hidden): what a release installs beside the binary, written
//! from the game itself so that none of it can disagree with the game: the man page and the
//! shell completions from the command-line definitions, the icon from the window's drawing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

/// Arguments of `bigtuna package-files`.
#[derive(Debug, Args)]
pub struct PackageFilesArgs {
    /// The folder to write into (made if missing).
    pub dir: PathBuf,
}

/// Side of the icon file, in pixels.
pub const ICON_SIDE: u32 = 256;

/// Writes the man pages (`bigtuna.6`, and `bigtuna-play.6` and so on for each command the
/// first one names), `bigtuna.png`, and the completions `bigtuna.bash`, `_bigtuna` (zsh)
/// and `bigtuna.fish` into the folder.
pub fn run(args: &PackageFilesArgs) -> ExitCode {
    match write_all(&args.dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bigtuna package-files: {}: {error}", args.dir.display());
            ExitCode::from(1)
        }
    }
}

fn write_all(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let command = Cli::command();
    let pages = std::iter::once(command.clone()).chain(
        command
            .get_subcommands()
            .filter(|sub| !sub.is_hide_set())
            // clap names are static; this command runs once and exits, so a few names leak.
            .map(|sub| sub.clone().name(&*format!("bigtuna-{}", sub.get_name()).leak())),
    );
    for page in pages {
        let mut man = Vec::new();
        // Section 6: games.
        clap_mangen::Man::new(page.clone()).section("6").render(&mut man)?;
        std::fs::write(dir.join(format!("{}.6", page.get_name())), man)?;
    }
    for (shell, file) in [(Shell::Bash, "bigtuna.bash"), (Shell::Zsh, "_bigtuna"), (Shell::Fish, "bigtuna.fish")] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "bigtuna", &mut script);
        std::fs::write(dir.join(file), script)?;
    }
    write_icon(&dir.join("bigtuna.png"))
}

fn write_icon(path: &Path) -> std::io::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, ICON_SIDE, ICON_SIDE);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(std::io::Error::other)?;
    writer.write_image_data(&crate::window::icon_of_side(ICON_SIDE)).map_err(std::io::Error::other)?;
    writer.finish().map_err(std::io::Error::other)
}
