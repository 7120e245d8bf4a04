//! A question's pictures and sound in a spreadsheet: a column for each file, its alt text and
//! credit (and when a sound's clock starts), so a pack with media goes out and comes back.

use super::format::Question;
use super::media::{Picture, Sound, SoundClock};

/// The media columns, in the order export writes them (after the question's own).
pub const MEDIA_COLUMNS: [&str; 10] = [
    "image",
    "image_alt",
    "image_credit",
    "sound",
    "sound_alt",
    "sound_credit",
    "sound_clock",
    "reveal_image",
    "reveal_image_alt",
    "reveal_image_credit",
];

/// What a cell at fault says: its column, and what to do.
pub(super) type CellError = (&'static str, String);

/// The question's media, read from its row's cells.
pub(super) fn read(cell: &dyn Fn(&str) -> String, question: &mut Question) -> Result<(), CellError> {
    let picture = |field: &str| {
        let file = cell(field);
        (!file.is_empty()).then(|| Picture {
            file,
            alt: cell(&format!("{field}_alt")),
            credit: cell(&format!("{field}_credit")),
        })
    };
    question.image = picture("image");
    question.reveal_image = picture("reveal_image");
    let clock = match cell("sound_clock").to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
        "" | "after_sound" | "aftersound" => SoundClock::AfterSound,
        "at_once" | "atonce" => SoundClock::AtOnce,
        other => return Err(("sound_clock", format!("\"{other}\" is not after_sound or at_once"))),
    };
    let file = cell("sound");
    question.sound =
        (!file.is_empty()).then(|| Sound { file, alt: cell("sound_alt"), credit: cell("sound_credit"), clock });
    Ok(())
}

/// The question's media, written to its row's cells by `set`.
pub(super) fn write(question: &Question, set: &mut dyn FnMut(&str, String)) {
    for (field, picture) in [("image", &question.image), ("reveal_image", &question.reveal_image)] {
        if let Some(picture) = picture {
            set(field, picture.file.clone());
            set(&format!("{field}_alt"), picture.alt.clone());
            set(&format!("{field}_credit"), picture.credit.clone());
        }
    }
    if let Some(sound) = &question.sound {
        set("sound", sound.file.clone());
        set("sound_alt", sound.alt.clone());
        set("sound_credit", sound.credit.clone());
        let clock = match sound.clock {
            SoundClock::AfterSound => "",
            SoundClock::AtOnce => "at_once",
        };
        set("sound_clock", clock.to_owned());
    }
}
