//! What the game carries inside its binary, so that `bigtuna` runs from any folder, for any
//! user, with no checkout on the machine: its fonts, its sound cues and the built-in packs.
//! (The phone pages, the scoring presets and the pack template are embedded where they are
//! used.) `BIGTUNA_DATA` points the game at a checkout's `quizzes/` instead, for authors.

/// DejaVu Sans, the text of every screen.
pub const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// DejaVu Sans Bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// The sound cues, WAV files by name.
pub mod sounds {
    /// A menu choice.
    pub const SELECT: &[u8] = include_bytes!("../assets/sounds/select.wav");
    /// A right answer.
    pub const CORRECT: &[u8] = include_bytes!("../assets/sounds/correct.wav");
    /// A wrong answer.
    pub const WRONG: &[u8] = include_bytes!("../assets/sounds/wrong.wav");
    /// Each of the timer's last five seconds.
    pub const TICK: &[u8] = include_bytes!("../assets/sounds/tick.wav");
    /// The results.
    pub const FANFARE: &[u8] = include_bytes!("../assets/sounds/fanfare.wav");
}

/// The built-in packs: each file of `quizzes/` by name, and its text (a test checks that
/// every file there is here).
pub const PACKS: &[(&str, &str)] = &[("jim-halpert.ron", include_str!("../quizzes/jim-halpert.ron"))];

/// How a built-in pack is named in problems and listings.
pub fn pack_name(file: &str) -> String {
    format!("built in: {file}")
}
