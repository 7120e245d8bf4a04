//! A pack's pictures and sounds as `export` and `import` carry them: into a `.zip` bundle,
//! out of one, and beside a spreadsheet. Only the files the pack's questions name travel, each
//! read through the pack's own home (so never from outside it), and no file of the user's is
//! replaced unless asked.

use std::path::{Path, PathBuf};

use crate::pack::bundle::{self, bundle_bytes};
use crate::pack::bundle::{MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES, MAX_BUNDLE_UNPACKED};
use crate::pack::home::{MediaFile, MediaHome};
use crate::pack::media::{MAX_IMAGE_BYTES, MAX_SOUND_BYTES, MediaKind, path_problem};
use crate::pack::{Pack, Problems};
use crate::persist::atomic::write_atomic;

/// The media files `pack`'s questions name, each once, in question order.
pub fn named(pack: &Pack) -> Vec<(String, MediaKind)> {
    let mut files: Vec<(String, MediaKind)> = Vec::new();
    for media in pack.questions.iter().flat_map(|q| q.media()) {
        let name = media.file.trim().to_owned();
        if !files.iter().any(|(other, _)| *other == name) {
            files.push((name, media.kind));
        }
    }
    files
}

/// The bytes of one media file of `pack`.
fn read(pack: &Pack, name: &str, kind: MediaKind) -> Result<Vec<u8>, String> {
    let limit = if kind == MediaKind::Image { MAX_IMAGE_BYTES } else { MAX_SOUND_BYTES };
    MediaFile { home: pack.origin.home.clone(), name: name.to_owned() }
        .read(kind.noun(), limit)
        .map_err(|problem| format!("{}: {problem}", pack.origin.file))
}

/// The pack file's own text, as its author wrote it (comments and all).
pub fn pack_text(pack: &Pack) -> Result<Vec<u8>, String> {
    let file = &pack.origin.file;
    match &pack.origin.home {
        MediaHome::Bundle { zip, .. } => {
            let entry = file.strip_prefix(&format!("{}:", zip.display())).unwrap_or(file);
            bundle::read_entry(zip, entry, crate::pack::load::MAX_PACK_BYTES as u64)
                .map_err(|problem| format!("cannot read {file} again ({problem:?})"))
        }
        MediaHome::Shipped(_) => crate::shipped::PACKS
            .iter()
            .find(|(name, _)| crate::shipped::pack_name(name) == *file)
            .map(|(_, text)| text.as_bytes().to_vec())
            .ok_or_else(|| format!("{file} is not built into the game")),
        MediaHome::Folder(_) | MediaHome::Nowhere => {
            std::fs::read(file).map_err(|e| format!("cannot read {file} again: {e}"))
        }
    }
}

/// `pack` as a bundle: its file and its media under one folder named by its id, as the
/// folder a pack with media is.
pub fn to_bundle(pack: &Pack) -> Result<Vec<u8>, String> {
    refuse_left_out(pack)?;
    let mut entries = vec![(format!("{}/{}.ron", pack.id, pack.id), pack_text(pack)?)];
    for (name, kind) in named(pack) {
        entries.push((format!("{}/{name}", pack.id), read(pack, &name, kind)?));
    }
    // The game's limits, so that no bundle is written that it would refuse.
    let unpacked: u64 = entries.iter().map(|(_, bytes)| bytes.len() as u64).sum();
    if entries.len() > MAX_BUNDLE_FILES || unpacked > MAX_BUNDLE_UNPACKED {
        return Err(format!(
            "{} has {} files and {} MiB of them; a bundle may hold at most {MAX_BUNDLE_FILES} files and {} MiB: split the pack",
            pack.origin.file,
            entries.len(),
            unpacked.div_ceil(1024 * 1024),
            MAX_BUNDLE_UNPACKED / (1024 * 1024)
        ));
    }
    let bytes = bundle_bytes(&entries)?;
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(format!(
            "{} makes a bundle of {} MiB; a bundle may be at most {} MiB: split the pack",
            pack.origin.file,
            (bytes.len() as u64).div_ceil(1024 * 1024),
            MAX_BUNDLE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// A pack whose questions were left out for their media cannot travel whole: say which.
fn refuse_left_out(pack: &Pack) -> Result<(), String> {
    if pack.origin.left_out.is_empty() {
        return Ok(());
    }
    let problems = Problems(pack.origin.left_out.clone());
    Err(format!("{} has questions whose media are not right; fix them first:\n{problems}", pack.origin.file))
}

/// What [`copy_into`] did.
#[derive(Debug, Default)]
pub struct Copied {
    /// How many files it wrote.
    pub written: usize,
    /// The files it could not read, each with what is wrong.
    pub unreadable: Vec<String>,
}

/// Writes the media files of `pack` into `folder`, at the paths its questions name. A file
/// already there with the same bytes is left alone; anything else there is replaced only with
/// `force`. A file that cannot be read is listed, and the others copied. Every place is
/// checked before anything is written, so a refusal leaves nothing half done.
pub fn copy_into(pack: &Pack, folder: &Path, force: bool) -> Result<Copied, String> {
    let mut copied = Copied::default();
    let same_folder = |home: &MediaHome| match (home, folder.canonicalize()) {
        (MediaHome::Folder(from), Ok(to)) => from.canonicalize().is_ok_and(|from| from == to),
        _ => false,
    };
    if same_folder(&pack.origin.home) {
        return Ok(copied);
    }
    let mut planned = Vec::new();
    for (name, kind) in named(pack) {
        // A name that would leave the folder is never written (the pack check refuses it too).
        if let Some(problem) = path_problem(kind.noun(), &name) {
            copied.unreadable.push(format!("{}: {problem}", pack.origin.file));
            continue;
        }
        let to = folder.join(&name);
        let bytes = match read(pack, &name, kind) {
            Ok(bytes) => bytes,
            Err(problem) => {
                copied.unreadable.push(problem);
                continue;
            }
        };
        match std::fs::symlink_metadata(&to) {
            Err(_) => {}
            // Only a plain file of the same length is read to compare (never a pipe or a link).
            Ok(there) if there.is_file() && there.len() == bytes.len() as u64 => {
                if std::fs::read(&to).is_ok_and(|there| there == bytes) {
                    continue;
                }
            }
            Ok(_) => {}
        }
        if to.symlink_metadata().is_ok() && !force {
            return Err(format!("{} exists: choose another folder, or add --force to replace it", to.display()));
        }
        planned.push((to, bytes));
    }
    for (to, bytes) in planned {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot make the folder {}: {e}", parent.display()))?;
        }
        write_atomic(&to, &bytes).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        copied.written += 1;
    }
    Ok(copied)
}

/// The one pack of the bundle at `zip`, read with its media checked through: a bundle with
/// problems, or with several packs, is refused with what to do.
pub fn bundled_pack(zip: &Path) -> Result<Pack, String> {
    let mut loaded = bundle::load(zip, crate::pack::media_check::Depth::Decode);
    if loaded.len() != 1 {
        let names: Vec<&str> = loaded.iter().map(|(name, _)| name.as_str()).collect();
        return Err(format!(
            "{} holds {} packs ({}): a bundle imports one pack; install it in the packs folder instead",
            zip.display(),
            loaded.len(),
            names.join(", ")
        ));
    }
    match loaded.pop() {
        Some((_, Ok(pack))) => refuse_left_out(&pack).map(|()| pack),
        Some((name, Err(problems))) => Err(format!("{name} does not validate:\n{problems}")),
        None => Err(format!("{} holds no pack", zip.display())),
    }
}

/// Where `export --format zip` writes by default: `ID.zip` in the current folder.
pub fn default_bundle_path(pack: &Pack) -> PathBuf {
    PathBuf::from(format!("{}.{}", pack.id, bundle::BUNDLE_EXTENSION))
}
