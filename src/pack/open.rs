//! Opening any pack file a user names: a `.ron` pack file, or a `.zip` bundle of one pack.
//! The game, the command line and the tests all open files through here, so a pack the game
//! skips is reported by `bigtuna validate` with the same words.

use std::path::Path;

use super::bundle;
use super::bundle_entry::is_bundle;
use super::format::Pack;
use super::load::load_ron_file;
use super::media_check::Depth;
use super::problem::{Problem, Problems};

/// Reads and parses the pack at `path`, naming it in problems as displayed.
pub fn load_pack_file(path: &Path) -> Result<Pack, Problems> {
    load_pack_file_with(path, Depth::Headers)
}

/// [`load_pack_file`], reading the pack's media files to `depth`. A bundle must hold exactly
/// one pack to be read this way (the library reads every pack of a bundle).
pub fn load_pack_file_with(path: &Path, depth: Depth) -> Result<Pack, Problems> {
    if !is_bundle(path) {
        return load_ron_file(path, depth);
    }
    let mut loaded = bundle::load(path, depth);
    if loaded.len() > 1 {
        let message =
            format!("the bundle holds {} packs: install it in the packs folder to play them all", loaded.len());
        return Err(Problems(vec![Problem { file: path.display().to_string(), line: 1, col: 1, message }]));
    }
    loaded.pop().map_or_else(|| Err(Problems(Vec::new())), |(_, loaded)| loaded)
}
