//! No character the shipped fonts cannot draw: a missing glyph shows as a box (the stopwatch
//! that once stood before "Time's up"). Checked over every string the game can put on the
//! TV: the code's literals (but the command line's, which a terminal draws, and the phone
//! page's, which a browser draws), and every text of the shipped packs and presets.

use std::path::{Path, PathBuf};

use skrifa::{FontRef, MetadataProvider};

use crate::support::root;

/// The characters of `line` that a screen could show: every one that is not ASCII, and the
/// `\u{...}` escapes of Rust literals.
fn shown_chars(line: &str) -> Vec<char> {
    let mut chars: Vec<char> = line.chars().filter(|c| !c.is_ascii()).collect();
    let mut rest = line;
    while let Some(start) = rest.find("\\u{") {
        rest = &rest[start + 3..];
        let Some(end) = rest.find('}') else { break };
        if let Some(c) = u32::from_str_radix(&rest[..end], 16).ok().and_then(char::from_u32) {
            chars.push(c);
        }
        rest = &rest[end..];
    }
    chars
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

#[test]
fn every_string_the_game_shows_has_a_glyph_in_the_shipped_fonts() {
    let fonts: Vec<Vec<u8>> = ["assets/fonts/DejaVuSans.ttf", "assets/fonts/DejaVuSans-Bold.ttf"]
        .iter()
        .map(|f| std::fs::read(root().join(f)).expect("a shipped font"))
        .collect();
    let charmaps: Vec<_> = fonts.iter().map(|data| FontRef::new(data).expect("a font file").charmap()).collect();
    assert!(charmaps.iter().all(|map| map.map('✓').is_some()), "the check itself reads the fonts");

    let mut sources = Vec::new();
    files(&root().join("src"), "rs", &mut sources);
    sources.retain(|p| !p.starts_with(root().join("src/cli")));
    files(&root().join("quizzes"), "ron", &mut sources);
    files(&root().join("assets"), "ron", &mut sources);
    assert!(sources.len() > 50, "the code and packs were found: {}", sources.len());

    let mut missing = Vec::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).expect("readable");
        // A file's own unit tests (at its end) feed it what no screen shows as such.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in shipped.lines().enumerate() {
            // Comments are for readers of the code, not players.
            if line.trim_start().starts_with("//") {
                continue;
            }
            for c in shown_chars(line) {
                if c.is_control() || charmaps.iter().any(|map| map.map(c).is_none()) {
                    let file = path.strip_prefix(root()).unwrap_or(path).display().to_string();
                    missing.push(format!("{file}:{}: {c:?} (U+{:04X})", n + 1, u32::from(c)));
                }
            }
        }
    }
    assert!(missing.is_empty(), "characters the fonts cannot draw:\n{}", missing.join("\n"));
}
