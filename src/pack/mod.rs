//! Question packs: the format, loading, validation and the installed library.

pub mod cite;
pub mod format;
pub mod library;
pub mod line_index;
pub mod lint;
pub mod load;
pub mod opentdb;
pub mod problem;
pub mod spans;
pub mod spreadsheet;
pub mod validate;
pub mod write;

pub use format::{
    Answer, AnswerKind, Difficulty, Origin, Pack, PackSource, Question, SEASONS, SeasonRange, SourceText,
};
pub use library::{PackLibrary, PackPlace, PackStats, SkippedPack};
pub use load::{find_pack_files, load_pack_file, parse_pack};
pub use problem::{Problem, Problems};
