//! A pack's fingerprint: the first bytes of the SHA-1 of its questions as RON, so a code
//! names the version of a pack its game was played with, whatever the file's comments,
//! layout or title say.

use sha1::{Digest, Sha1};

use super::code::PackStamp;
use crate::pack::Pack;

/// The stamp of `pack` as it is now.
pub fn stamp(pack: &Pack) -> PackStamp {
    PackStamp { id: pack.id.clone(), version: pack.version.clone(), print: print(pack) }
}

/// The fingerprint of a pack's questions.
pub fn print(pack: &Pack) -> [u8; 4] {
    // Serialising plain data to a string cannot fail; an empty text would only make every
    // pack's print the same, which the tests would see.
    let questions = ron::to_string(&pack.questions).unwrap_or_default();
    let digest = Sha1::digest(questions.as_bytes());
    [digest[0], digest[1], digest[2], digest[3]]
}
