//! A pack written out: RON as the game reads it (for importers and `new-pack`), or JSON (for
//! `export`).

use super::format::Pack;

/// The pack as a RON file, with a comment saying where it came from.
pub fn to_ron(pack: &Pack, comment: &str) -> Result<String, String> {
    // Lists on one line and text as written (no `\'`): what an author would type.
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .compact_arrays(true)
        .escape_strings(false);
    let body =
        ron::ser::to_string_pretty(pack, config).map_err(|e| format!("the pack cannot be written as RON: {e}"))?;
    let header: String = comment.lines().map(|line| format!("// {line}\n")).collect();
    Ok(format!("{header}{body}\n"))
}

/// The pack as JSON, the same fields as the RON format.
pub fn to_json(pack: &Pack) -> Result<String, String> {
    serde_json::to_string_pretty(pack).map_err(|e| format!("the pack cannot be written as JSON: {e}"))
}
