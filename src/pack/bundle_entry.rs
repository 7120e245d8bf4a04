//! Reading one entry of a `.zip` bundle, by name: the bundle opened within its size limit,
//! the entry refused when it is a link, a folder or larger than its reader allows (whatever
//! size it claims, no more is read). Media homes and the bundle loader both read through it.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use zip::ZipArchive;

/// File name ending of bundles.
pub const BUNDLE_EXTENSION: &str = "zip";

/// Whether `path` names a `.zip` bundle (by its name).
pub fn is_bundle(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case(BUNDLE_EXTENSION))
}

/// The largest bundle file the game opens.
pub const MAX_BUNDLE_BYTES: u64 = 512 * 1024 * 1024;

/// The most entries a bundle may hold (a pack, its pictures and sounds, and folders).
pub const MAX_BUNDLE_FILES: usize = 4096;

/// The most its entries may add up to, unpacked: a small file that unpacks to a huge one is
/// refused from the sizes its directory declares, and no entry is read past its own limit.
pub const MAX_BUNDLE_UNPACKED: u64 = 1024 * 1024 * 1024;

/// Why an entry of a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// No entry of that name.
    Missing,
    /// Larger than allowed (its unpacked size).
    TooBig(u64),
    /// A symbolic link.
    Link,
    /// A folder.
    Folder,
    /// The bundle or the entry is damaged or unreadable.
    Unreadable(String),
}

pub(crate) fn open_archive(zip: &Path) -> Result<ZipArchive<BufReader<File>>, String> {
    let file = File::open(zip).map_err(|e| format!("cannot read the file: {e}"))?;
    let len = file.metadata().map_err(|e| format!("cannot read the file: {e}"))?.len();
    if len > MAX_BUNDLE_BYTES {
        return Err(format!(
            "the bundle is {} MiB; a bundle may be at most {} MiB: split it into several packs",
            len.div_ceil(1024 * 1024),
            MAX_BUNDLE_BYTES / (1024 * 1024)
        ));
    }
    ZipArchive::new(BufReader::new(file)).map_err(|e| {
        format!(
            "this is not a zip bundle the game can read ({e}): make it again with `bigtuna export PACK --format zip`"
        )
    })
}

/// The bytes of the entry `name` of the bundle `zip`, no more than `limit`.
pub fn read_entry(zip: &Path, name: &str, limit: u64) -> Result<Vec<u8>, EntryProblem> {
    let mut archive = open_archive(zip).map_err(EntryProblem::Unreadable)?;
    let at = archive.index_for_name(name).ok_or(EntryProblem::Missing)?;
    let mut entry = archive.by_index(at).map_err(|e| EntryProblem::Unreadable(e.to_string()))?;
    if entry.is_symlink() {
        return Err(EntryProblem::Link);
    }
    if entry.is_dir() {
        return Err(EntryProblem::Folder);
    }
    if entry.size() > limit {
        return Err(EntryProblem::TooBig(entry.size()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    // The declared size may lie: reading stops at the limit whatever the entry holds.
    entry.by_ref().take(limit + 1).read_to_end(&mut bytes).map_err(|e| EntryProblem::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(EntryProblem::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}
