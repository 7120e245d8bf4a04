//! Packs that travel as one `.zip` bundle: a pack file and its pictures and sounds, as the
//! folder they were in. A bundle is read in place, never unpacked, so no entry can be written
//! anywhere; an entry whose name would leave the bundle (`../x`, `/etc/x`) is never read, and
//! the bundle as a whole is bounded in size and in files before anything in it is.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;

use super::bundle_entry::open_archive;
pub use super::bundle_entry::{
    BUNDLE_EXTENSION, EntryProblem, MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES, MAX_BUNDLE_UNPACKED, read_entry,
};
use super::format::Pack;
use super::home::MediaHome;
use super::load::{MAX_PACK_BYTES, PACK_EXTENSION, parse_pack_in};
use super::media_check::Depth;
use super::problem::{Problem, Problems};

/// Loads every pack file in the bundle at `zip`, each named `BUNDLE:ENTRY` in problems, with
/// its media read from the bundle to `depth`. A bundle that cannot be used at all gives one
/// failed entry named by the bundle.
pub fn load(zip: &Path, depth: Depth) -> Vec<(String, Result<Pack, Problems>)> {
    let shown = zip.display().to_string();
    let problem = |message: String| Problem { file: shown.clone(), line: 1, col: 1, message };
    let listed = match list(zip) {
        Ok(listed) => listed,
        Err(message) => return vec![(shown.clone(), Err(Problems(vec![problem(message)])))],
    };
    let refused: Vec<Problem> = listed.refused.iter().map(|message| problem(message.clone())).collect();
    listed
        .packs
        .iter()
        .map(|entry| {
            let file = format!("{shown}:{entry}");
            let loaded = load_entry(zip, entry, &file, depth).map(|mut pack| {
                pack.origin.left_out.splice(0..0, refused.iter().cloned());
                pack
            });
            (file, loaded)
        })
        .collect()
}

/// What a bundle holds, once it is known to be within its limits.
struct Listed {
    /// Its pack files.
    packs: Vec<String>,
    /// What is wrong with its entries that are never read (names that leave it, damage).
    refused: Vec<String>,
}

fn list(zip: &Path) -> Result<Listed, String> {
    // Its file count and directory size are checked as it opens.
    let archive = open_archive(zip)?;
    let mut unpacked = 0u64;
    let mut listed = Listed { packs: Vec::new(), refused: Vec::new() };
    for at in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(at) else {
            listed.refused.push(format!(
                "the bundle's entry number {} is damaged: it is never read; make the bundle again",
                at + 1
            ));
            continue;
        };
        unpacked = unpacked.saturating_add(entry.size());
        let Ok(name) = entry.name().map(|name| name.into_owned()) else {
            listed.refused.push(format!(
                "the bundle's entry number {}'s name is not UTF-8: it is never read; make the bundle again",
                at + 1
            ));
            continue;
        };
        // The crate's check, and ours: it would take `/etc/x` as `etc/x`, which is not what
        // the bundle says.
        let absolute = name.starts_with('/') || name.as_bytes().get(1) == Some(&b':');
        if entry.enclosed_name().is_none() || absolute || name.contains('\\') || name.split('/').any(|c| c == "..") {
            listed.refused.push(format!(
                "the bundle's entry `{name}` names a place outside the bundle: it is never read; make the bundle again without it"
            ));
        } else if !entry.is_dir()
            && !entry.is_symlink()
            && !name.starts_with("__MACOSX/")
            && name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(PACK_EXTENSION))
        {
            listed.packs.push(name);
        }
    }
    if unpacked > MAX_BUNDLE_UNPACKED {
        return Err(format!(
            "the bundle unpacks to {} MiB; a bundle may unpack to at most {} MiB: split it into several packs",
            unpacked.div_ceil(1024 * 1024),
            MAX_BUNDLE_UNPACKED / (1024 * 1024)
        ));
    }
    if listed.packs.is_empty() {
        return Err("the bundle holds no pack file (`.ron`): put the pack file in it beside its media".into());
    }
    Ok(listed)
}

/// One pack file of the bundle, its media at home in the bundle beside it.
fn load_entry(zip: &Path, entry: &str, file: &str, depth: Depth) -> Result<Pack, Problems> {
    let at_start = |message: String| Problems(vec![Problem { file: file.to_owned(), line: 1, col: 1, message }]);
    match read_entry(zip, entry, MAX_PACK_BYTES as u64) {
        Ok(bytes) => {
            let dir = entry.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/"));
            parse_pack_in(file, &bytes, &MediaHome::Bundle { zip: zip.to_path_buf(), dir }, depth)
        }
        Err(EntryProblem::TooBig(len)) => Err(at_start(format!(
            "the file is {} MiB; packs may be at most {} MiB: split it into several packs",
            len / (1024 * 1024),
            MAX_PACK_BYTES / (1024 * 1024)
        ))),
        Err(other) => {
            Err(at_start(format!("cannot read the pack file from the bundle ({other:?}): make the bundle again")))
        }
    }
}

/// A bundle of `entries` (names inside the bundle, and bytes), in order.
/// Pictures and sounds are already compressed, so they are stored as they are; text is
/// deflated. Entries carry no dates, so the same pack gives the same bundle.
pub fn bundle_bytes(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let text = name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(PACK_EXTENSION));
        let method = if text { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .unix_permissions(0o644)
            .last_modified_time(zip::DateTime::default());
        zip.start_file(name.as_str(), options).map_err(|e| format!("cannot write {name} into the bundle: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("cannot write {name} into the bundle: {e}"))?;
    }
    Ok(zip.finish().map_err(|e| format!("cannot finish the bundle: {e}"))?.into_inner())
}
