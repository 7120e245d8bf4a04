//! `bigtuna play --challenge CODE`, checked before the window opens: a damaged code, or one
//! whose packs this computer lacks or has in another version, is refused with what to do.

use std::path::PathBuf;

use crate::challenge::{ChallengeCode, resolve::questions_of};
use crate::game::ScoringPresets;
use crate::pack::{PackLibrary, PackPlace, PackSource};
use crate::paths;

/// Whether `code` can be played from the installed packs and those named by `--from`.
pub fn check(code: &str, from: &[PathBuf]) -> Result<(), String> {
    let code = ChallengeCode::from_text(code).map_err(|e| e.to_string())?;
    let mut sources = paths::pack_sources();
    sources.extend(from.iter().map(|path| PackPlace::Disk(path.clone(), PackSource::CommandLine)));
    let library = PackLibrary::load_sources(&sources);
    let presets = match paths::data_dir() {
        Some(dir) => ScoringPresets::load_or_builtin(&dir.join(crate::game::scoring::PRESETS_FILE)).0,
        None => ScoringPresets::default(),
    };
    questions_of(&code, &library, &presets).map(drop).map_err(|e| e.to_string())
}
