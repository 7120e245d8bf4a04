//! The one clock files are stamped with: seconds since 1970 (saved games, records, flags,
//! high scores), and "saved just now" on the title.

/// Now, in seconds since 1970 (0 on a machine whose clock is before it).
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
