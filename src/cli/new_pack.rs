//! `bigtuna new-pack NAME [--dir DIR]`: a small, valid, commented pack with one question of
//! each kind, in the user's packs folder unless told otherwise; never over an existing file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::import::{title_from, write_new};
use crate::pack::parse_pack;
use crate::paths;

/// The starter pack, with `{id}`, `{title}` and `{file}` to fill in.
const TEMPLATE: &str = include_str!("../../assets/templates/new-pack.ron");

/// Arguments of `bigtuna new-pack`.
#[derive(Debug, Args)]
pub struct NewPackArgs {
    /// The pack's name: its id and file name (`my-office-pack` -> `my-office-pack.ron`).
    pub name: String,
    /// The folder to write it in (default: your packs folder, which the game reads).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// Runs the command; returns the process exit code.
pub fn run(args: &NewPackArgs) -> ExitCode {
    match new_pack(args) {
        Ok(path) => {
            println!("wrote a starter pack with one question of each kind to {}", path.display());
            println!("edit it, then check it with: bigtuna validate {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bigtuna new-pack: {message}");
            ExitCode::from(1)
        }
    }
}

fn new_pack(args: &NewPackArgs) -> Result<PathBuf, String> {
    let id = pack_id(&args.name)?;
    let dir = args
        .dir
        .clone()
        .or_else(paths::user_packs_dir)
        .ok_or("there is no packs folder on this system (no home folder): name one with --dir".to_owned())?;
    let path = dir.join(format!("{id}.ron"));
    let text = TEMPLATE
        .replace("{id}", &id)
        .replace("{title}", &title_from(&id))
        .replace("{file}", &path.display().to_string());
    // The template is part of the game: it must stay valid, or the author starts from an error.
    parse_pack(&path.display().to_string(), text.as_bytes())
        .map_err(|p| format!("the starter pack is broken:\n{p}"))?;
    write_new(&path, text.as_bytes(), false).map(|()| path)
}

/// `My Office Pack!` -> `my-office-pack`; refuses names with nothing to keep.
fn pack_id(name: &str) -> Result<String, String> {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() { Err(format!("\"{name}\" has no letters or digits to name a pack with")) } else { Ok(id) }
}
