//! The names players take in a room: what a name may hold, and when two names are the same.
//! A name is read by people across a room, so two names that look alike are the same name
//! ("Ann" and "Ann" with a zero-width space, "ÉLODIE" and "élodie"), and a character nobody
//! can see (or one that turns the text around) has no place in one.

use unicode_normalization::UnicodeNormalization;

use crate::game::settings::NAME_CHARS as MAX_NAME_CHARS;

/// Why a name is refused, for the person typing it.
pub fn refusal(name: &str) -> Option<String> {
    let length = name.chars().count();
    if length == 0 || length > MAX_NAME_CHARS {
        return Some(format!("a name has 1 to {MAX_NAME_CHARS} letters"));
    }
    if let Some(c) = name.chars().find(|c| hidden(*c)) {
        return Some(format!(
            "a name cannot hold invisible or direction characters (U+{:04X}): type it again with letters, digits and spaces",
            u32::from(c)
        ));
    }
    None
}

/// The name as kept and shown: trimmed, in composed form (NFC), so that one name is one
/// sequence of characters however a keyboard produced it.
pub fn tidy(name: &str) -> String {
    name.trim().nfc().collect()
}

/// What two names are compared by: compatibility-normalised (NFKC), case-folded, with runs of
/// spaces as one. Two names with the same key are the same name.
pub fn key(name: &str) -> String {
    let folded: String = name.nfkc().flat_map(char::to_lowercase).collect::<String>().nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters a reader cannot see or that reorder the text around them: controls, format
/// characters (zero-width spaces and joiners, direction marks, overrides and isolates, the
/// byte-order mark), Unicode's default-ignorable code points (fillers, variation selectors,
/// tags) and spaces other than the plain one.
pub fn hidden(c: char) -> bool {
    if c.is_control() || (c.is_whitespace() && c != ' ') {
        return true;
    }
    matches!(
        u32::from(c),
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x2800
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFFB
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_alike_have_one_key_and_hidden_characters_are_refused() {
        assert_eq!(key("ÉLODIE"), key("élodie"));
        assert_eq!(key("E\u{301}lodie"), key("élodie"), "decomposed accents");
        assert_eq!(key("Ａｎｎ"), key("ann"), "full-width letters");
        assert_eq!(key("Ann  Bo"), key("ann bo"));
        assert_ne!(key("Ann"), key("Anne"));
        for sneaky in ["Ann\u{200B}", "\u{202E}nnA", "A\u{2066}nn", "Ann\u{FEFF}", "\u{3164}", "Ann\u{E0041}", "A\tnn"]
        {
            assert!(refusal(sneaky).is_some(), "{sneaky:?}");
        }
        for fine in ["Ann", "Élodie", "José María", "Zoë", "李雷", "O'Brien"] {
            assert_eq!(refusal(fine), None, "{fine:?}");
        }
        assert!(refusal(&"x".repeat(MAX_NAME_CHARS + 1)).is_some());
    }
}
