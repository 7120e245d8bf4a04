//! Writing a file so that a crash or power cut leaves either the old file or the new one,
//! never half of each: write a temporary file beside it, flush it to disk, then rename.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, creating its folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temporary = sibling(path, "tmp");
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        // Leave no stray temporary file behind; the old file is untouched.
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// `settings.ron` -> `settings.ron.EXT`.
pub fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}
