//! Pictures and sounds in questions, as a pack names them: a picture shown with the question
//! (`image`) or at its reveal (`reveal_image`), and a sound played with it (`sound`), each a
//! file beside the pack with its alt text and credit. `media_check` reads the files.

use serde::{Deserialize, Serialize};

/// Pictures may be at most this wide and this high, in pixels: a 4K screen shows no more.
pub const MAX_IMAGE_SIDE: u32 = 8192;
/// Pictures may have at most this many pixels (a 16-megapixel photo is fine; what decodes to
/// more would take hundreds of MiB on the graphics card).
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// Picture files may be at most this big.
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Sound files may be at most this big.
pub const MAX_SOUND_BYTES: u64 = 16 * 1024 * 1024;
/// Sounds may play at most this long: a round is a clip, not a song.
pub const MAX_SOUND_SECONDS: f64 = 60.0;

/// A picture in a question: a PNG or JPEG file beside the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// The file, relative to the pack file (`pictures/map.png`).
    pub file: String,
    /// What the picture shows, in words: shown where pictures are off, and on phones that
    /// cannot show it.
    pub alt: String,
    /// Who made it and its licence (`Drawn for this pack, CC0`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
}

/// A sound in a question: an Ogg Vorbis or WAV file beside the pack, played on the TV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sound {
    /// The file, relative to the pack file (`sounds/theme.ogg`).
    pub file: String,
    /// What is heard, in words, for players who cannot hear it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    /// Who made it and its licence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    /// When the question's clock starts.
    #[serde(default, skip_serializing_if = "SoundClock::is_default")]
    pub clock: SoundClock,
}

/// When a sound question's clock starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SoundClock {
    /// Once the sound has played: everyone hears it all before time runs.
    #[default]
    AfterSound,
    /// As the question opens, while the sound plays.
    AtOnce,
}

impl SoundClock {
    fn is_default(&self) -> bool {
        *self == SoundClock::default()
    }
}

/// What a media file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// PNG or JPEG.
    Image,
    /// Ogg Vorbis or WAV.
    Sound,
}

impl MediaKind {
    /// The file name endings it may have, lowercase.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            MediaKind::Image => &["png", "jpg", "jpeg"],
            MediaKind::Sound => &["ogg", "wav"],
        }
    }

    /// What it is called in messages.
    pub fn noun(self) -> &'static str {
        match self {
            MediaKind::Image => "picture",
            MediaKind::Sound => "sound",
        }
    }
}

/// One media file a question names: its field, what it must be, the file and its alt text.
#[derive(Debug, Clone, Copy)]
pub struct MediaRef<'q> {
    /// The question's field (`image`, `sound`, `reveal_image`).
    pub field: &'static str,
    /// What the file must be.
    pub kind: MediaKind,
    /// The file as written, relative to the pack.
    pub file: &'q str,
    /// Its alt text.
    pub alt: &'q str,
}

/// What is wrong with how `media` is written, before any file is read: a path that could
/// leave the pack's folder, a kind of file the game cannot play, a picture with no alt text.
pub fn form_problem(media: &MediaRef) -> Option<String> {
    let noun = media.kind.noun();
    if let Some(problem) = path_problem(noun, media.file) {
        return Some(problem);
    }
    let file = media.file.trim();
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !media.kind.extensions().contains(&extension.as_str()) {
        let kinds = match media.kind {
            MediaKind::Image => "a PNG or JPEG picture (.png, .jpg)",
            MediaKind::Sound => "an Ogg Vorbis or WAV sound (.ogg, .wav)",
        };
        return Some(format!("the {noun} `{file}` is not {kinds}: convert it to one of those"));
    }
    if media.kind == MediaKind::Image && media.alt.trim().is_empty() {
        return Some(format!(
            "the picture `{file}` has no alt text: say in `alt` what it shows, for players who cannot see it"
        ));
    }
    None
}

/// What is wrong with `file` as a path inside the pack's folder (the `noun` it names): empty,
/// absolute, with `\` or with `..`.
pub fn path_problem(noun: &str, file: &str) -> Option<String> {
    let file = file.trim();
    if file.is_empty() {
        return Some(format!("the {noun}'s file is empty: name a file beside the pack, such as \"media/one.png\""));
    }
    if file.starts_with('/') || file.starts_with('\\') || file.get(1..2) == Some(":") {
        return Some(format!(
            "the {noun} `{file}` is an absolute path: write it relative to the pack file, and keep the file in the pack's folder"
        ));
    }
    if file.contains('\\') {
        return Some(format!("the {noun} `{file}` uses `\\`: write folders with `/`, as in \"media/one.png\""));
    }
    if file.split('/').any(|part| part == "..") {
        return Some(format!(
            "the {noun} `{file}` leaves the pack's folder (`..`): copy the file into the pack's folder and name it from there"
        ));
    }
    None
}
