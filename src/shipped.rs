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

/// The built-in packs: each pack file under `quizzes/` by its path there, and its text (a test
/// checks that every file there is here).
pub const PACKS: &[(&str, &str)] = &[
    ("jim-halpert.ron", include_str!("../quizzes/jim-halpert.ron")),
    ("places-and-voices/places-and-voices.ron", include_str!("../quizzes/places-and-voices/places-and-voices.ron")),
];

/// The media files of the built-in packs, by their path inside `quizzes/` (a test checks that
/// every media file a built-in pack names is here).
pub const MEDIA: &[(&str, &[u8])] = &[
    (
        "places-and-voices/media/map-austin-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-austin-named.png"),
    ),
    ("places-and-voices/media/map-austin.png", include_bytes!("../quizzes/places-and-voices/media/map-austin.png")),
    (
        "places-and-voices/media/map-new-york-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-new-york-named.png"),
    ),
    ("places-and-voices/media/map-new-york.png", include_bytes!("../quizzes/places-and-voices/media/map-new-york.png")),
    (
        "places-and-voices/media/map-niagara-falls-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-niagara-falls-named.png"),
    ),
    (
        "places-and-voices/media/map-niagara-falls.png",
        include_bytes!("../quizzes/places-and-voices/media/map-niagara-falls.png"),
    ),
    (
        "places-and-voices/media/map-philadelphia-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-philadelphia-named.png"),
    ),
    (
        "places-and-voices/media/map-philadelphia.png",
        include_bytes!("../quizzes/places-and-voices/media/map-philadelphia.png"),
    ),
    (
        "places-and-voices/media/map-scranton-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-scranton-named.png"),
    ),
    ("places-and-voices/media/map-scranton.png", include_bytes!("../quizzes/places-and-voices/media/map-scranton.png")),
    (
        "places-and-voices/media/map-stamford-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-stamford-named.png"),
    ),
    ("places-and-voices/media/map-stamford.png", include_bytes!("../quizzes/places-and-voices/media/map-stamford.png")),
    (
        "places-and-voices/media/map-tallahassee-named.png",
        include_bytes!("../quizzes/places-and-voices/media/map-tallahassee-named.png"),
    ),
    (
        "places-and-voices/media/map-tallahassee.png",
        include_bytes!("../quizzes/places-and-voices/media/map-tallahassee.png"),
    ),
    (
        "places-and-voices/media/voice-drifting.ogg",
        include_bytes!("../quizzes/places-and-voices/media/voice-drifting.ogg"),
    ),
    (
        "places-and-voices/media/voice-made-up.ogg",
        include_bytes!("../quizzes/places-and-voices/media/voice-made-up.ogg"),
    ),
    ("places-and-voices/media/voice-timing.ogg", include_bytes!("../quizzes/places-and-voices/media/voice-timing.ogg")),
    (
        "places-and-voices/media/voice-turned-down.ogg",
        include_bytes!("../quizzes/places-and-voices/media/voice-turned-down.ogg"),
    ),
];

/// A built-in pack's media file by its path inside `quizzes/`.
pub fn media(path: &str) -> Option<&'static [u8]> {
    MEDIA.iter().find(|(name, _)| *name == path).map(|(_, bytes)| *bytes)
}

/// How a built-in pack is named in problems and listings.
pub fn pack_name(file: &str) -> String {
    format!("built in: {file}")
}
