//! Question packs: the format, loading, validation and the installed library.

pub mod bundle;
pub mod bundle_entry;
pub mod cite;
pub mod format;
pub mod home;
pub mod library;
pub mod line_index;
pub mod lint;
pub mod load;
pub mod media;
pub mod media_check;
pub mod open;
pub mod opentdb;
pub mod problem;
pub mod sheet_media;
pub mod spans;
pub mod spreadsheet;
pub mod validate;
pub mod write;

pub use bundle_entry::is_bundle;
pub use format::{
    Answer, AnswerKind, Difficulty, Origin, Pack, PackSource, Question, SEASONS, SeasonRange, SourceText,
};
pub use home::MediaHome;
pub use library::{PackLibrary, PackPlace, PackStats, SkippedPack};
pub use load::{find_pack_files, parse_pack, parse_pack_in};
pub use media::{MediaKind, Picture, Sound, SoundClock};
pub use open::{load_pack_file, load_pack_file_with};
pub use problem::{Problem, Problems};
