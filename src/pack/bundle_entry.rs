//! Reading one entry of a `.zip` bundle, by name: the bundle opened within its size limit,
//! the entry refused when it is a link, a folder or larger than its reader allows (whatever
//! size it claims, no more is read). Media homes and the bundle loader both read through it.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
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

/// The most bytes a bundle's directory may take: [`MAX_BUNDLE_FILES`] headers with names and
/// extra fields of a generous size.
const MAX_DIRECTORY_BYTES: u64 = MAX_BUNDLE_FILES as u64 * 1024;

/// Opens the bundle at `zip` once it is known to fit: its size, then its file count and its
/// directory's size from its end record, before its directory is read (the zip crate makes
/// room for every file a directory claims), and no two entries of one name.
pub(crate) fn open_archive(zip: &Path) -> Result<ZipArchive<BufReader<File>>, String> {
    let mut file = File::open(zip).map_err(|e| format!("cannot read the file: {e}"))?;
    let len = file.metadata().map_err(|e| format!("cannot read the file: {e}"))?.len();
    if len > MAX_BUNDLE_BYTES {
        return Err(format!(
            "the bundle is {} MiB; a bundle may be at most {} MiB: split it into several packs",
            len.div_ceil(1024 * 1024),
            MAX_BUNDLE_BYTES / (1024 * 1024)
        ));
    }
    let (files, directory) = end_record(&mut file, len).map_err(|e| format!("cannot read the file: {e}"))?;
    if files > MAX_BUNDLE_FILES as u64 {
        return Err(format!(
            "the bundle holds {files} files; a bundle may hold at most {MAX_BUNDLE_FILES}: split it into several packs"
        ));
    }
    if directory > MAX_DIRECTORY_BYTES {
        return Err(format!(
            "the bundle's list of files takes {} MiB; it may take at most {} MiB: make the bundle again",
            directory.div_ceil(1024 * 1024),
            MAX_DIRECTORY_BYTES / (1024 * 1024)
        ));
    }
    let archive = ZipArchive::new(BufReader::new(file)).map_err(|e| {
        format!(
            "this is not a zip bundle the game can read ({e}): make it again with `bigtuna export PACK --format zip`"
        )
    })?;
    if archive.has_duplicate_names() {
        return Err("the bundle holds two files of the same name (tools show one, the game could read the other): make the bundle again".into());
    }
    Ok(archive)
}

/// The file count and directory size a zip's end record says (its zip64 record's, where it
/// points to one); `(0, 0)` where there is no end record, which the zip crate then reports.
fn end_record(file: &mut File, len: u64) -> std::io::Result<(u64, u64)> {
    let tail_len = len.min(22 + 65_535);
    let tail_start = len - tail_len;
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or(0)];
    file.seek(SeekFrom::Start(tail_start))?;
    file.read_exact(&mut tail)?;
    let Some(at) = tail.windows(4).rposition(|w| w == b"PK\x05\x06").filter(|at| at + 22 <= tail.len()) else {
        return Ok((0, 0));
    };
    let record = &tail[at..at + 22];
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([record[i], record[i + 1]]));
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([record[i], record[i + 1], record[i + 2], record[i + 3]]));
    let (files, directory) = (u16_at(10), u32_at(12));
    let locator_at = (tail_start + at as u64).checked_sub(20);
    if (files != 0xFFFF && directory != 0xFFFF_FFFF) || locator_at.is_none() {
        return Ok((files, directory));
    }
    // Zip64: the locator just before the end record says where the real counts are.
    let mut locator = [0u8; 20];
    file.seek(SeekFrom::Start(locator_at.unwrap_or(0)))?;
    file.read_exact(&mut locator)?;
    if &locator[..4] != b"PK\x06\x07" {
        return Ok((files, directory));
    }
    let mut offset = [0u8; 8];
    offset.copy_from_slice(&locator[8..16]);
    let mut record = [0u8; 56];
    file.seek(SeekFrom::Start(u64::from_le_bytes(offset)))?;
    file.read_exact(&mut record)?;
    if &record[..4] != b"PK\x06\x06" {
        return Ok((files, directory));
    }
    let u64_at = |i: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&record[i..i + 8]);
        u64::from_le_bytes(bytes)
    };
    Ok((u64_at(32), u64_at(40)))
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
