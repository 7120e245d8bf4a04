//! `bigtuna export PACK --format csv|json|zip [-o FILE]`: a pack (an installed one's id, or a
//! pack file) as a spreadsheet or JSON, so that it can be edited elsewhere and imported back,
//! or as one `.zip` bundle with its pictures and sounds, to pass on. A sheet's media files are
//! copied beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::import::write_new;
use super::media_files;
use crate::pack::{Pack, PackLibrary, load_pack_file, spreadsheet, write};
use crate::paths;

/// Arguments of `bigtuna export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// An installed pack's id (`bigtuna packs` lists them), or a pack file.
    pub pack: String,
    /// csv (for spreadsheets; `bigtuna import csv` reads it back), json, or zip (the pack and
    /// its pictures and sounds as one bundle to install or pass on).
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write (default: the standard output; for zip, ID.zip here). A sheet's
    /// pictures and sounds are copied beside it.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A sheet with a header row (docs/PACKS.md).
    Csv,
    /// The pack's fields as JSON.
    Json,
    /// The pack file and its media as one bundle (docs/PACKS.md).
    Zip,
}

/// Runs the command; returns the process exit code.
pub fn run(args: &ExportArgs) -> ExitCode {
    super::exit_code("export", export(args))
}

fn export(args: &ExportArgs) -> Result<(), String> {
    let pack = find(&args.pack)?;
    let media = media_files::named(&pack).len();
    let text = match args.format {
        Format::Csv => spreadsheet::to_csv(&pack)?,
        Format::Json => write::to_json(&pack)?,
        Format::Zip => {
            let bytes = media_files::to_bundle(&pack)?;
            let path = args.output.clone().unwrap_or_else(|| media_files::default_bundle_path(&pack));
            write_new(&path, &bytes, args.force)?;
            eprintln!(
                "wrote `{}` ({} questions, {media} pictures and sounds) to {}: drop it in the packs folder to install it",
                pack.id,
                pack.questions.len(),
                path.display()
            );
            return Ok(());
        }
    };
    match &args.output {
        Some(path) => {
            super::import::refuse_existing(path, args.force)?;
            let folder = path
                .parent()
                .map_or(PathBuf::from("."), |p| if p.as_os_str().is_empty() { ".".into() } else { p.to_path_buf() });
            let copied = if args.format == Format::Csv {
                media_files::copy_into(&pack, &folder, args.force)?.written
            } else {
                0
            };
            write_new(path, text.as_bytes(), args.force)?;
            eprintln!("wrote {} questions of `{}` to {}", pack.questions.len(), pack.id, path.display());
            if copied > 0 {
                eprintln!("copied {copied} pictures and sounds beside it, at the paths the sheet names");
            }
        }
        None => {
            if media > 0 {
                eprintln!("the pack names {media} pictures and sounds: give -o FILE to have them copied beside it");
            }
            // A reader that stops early (`| head`) is not an error worth a panic.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
        }
    }
    Ok(())
}

/// A pack file, or an installed pack by id.
fn find(name: &str) -> Result<Pack, String> {
    let path = PathBuf::from(name);
    if path.is_file() {
        return load_pack_file(&path).map_err(|problems| format!("{name} does not validate:\n{problems}"));
    }
    let library = PackLibrary::load_sources(&paths::pack_sources());
    library.pack(name).cloned().ok_or_else(|| {
        let ids: Vec<&str> = library.packs.iter().map(|p| p.id.as_str()).collect();
        format!("no pack file or installed pack `{name}`: installed packs are {}", ids.join(", "))
    })
}
