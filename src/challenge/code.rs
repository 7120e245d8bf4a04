//! A challenge code as bytes and as text: what a game was (its packs, each question and the
//! order of its options, its timer and scoring, and the scores it ended with), in a few dozen
//! letters a friend can paste or type. Plain data: [`super::resolve`] ties it to packs.
//!
//! The bytes: a format number, then varints and length-prefixed UTF-8, then a checksum (the
//! first bytes of the payload's SHA-1), so a damaged code is told from a game we lack. The
//! text: Crockford's base 32 (no I, L, O or U; either case; `O` read as 0, `I` and `L` as 1),
//! in groups of five.

use std::sync::LazyLock;

use data_encoding::{Encoding, Specification};
use sha1::{Digest, Sha1};

use crate::game::{PlayMode, TimerChoice};

/// The format this game writes; a code of a newer format is refused as from a newer game.
pub const FORMAT: u8 = 1;
/// Bytes of checksum: one damaged code in sixteen million slips through as another game.
const CHECK: usize = 3;
/// The scoring preset most games use, which a code need not spell out.
const DEFAULT_SCORING: &str = "classic";
/// Most players whose scores a code carries (the best of the game).
pub const MOST_RIVALS: usize = 4;
/// Longest name a code carries, in characters (longer ones are cut).
pub const NAME_CHARS: usize = 16;
/// Longest pack id or version a code carries (they end up in a message).
const ID_CHARS: usize = 64;
/// Most questions and packs a code may name: a game asks at most 100.
const MOST_ITEMS: usize = 100;
/// Most options or items of a question a code can say the order of (20! fits 64 bits).
pub const RANKED: usize = 20;

/// A pack as the game that made the code had it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackStamp {
    /// Its id.
    pub id: String,
    /// Its own version string, as its author set it (often empty).
    pub version: String,
    /// The fingerprint of its questions ([`super::stamp`]).
    pub print: [u8; 4],
}

/// One question of the game: which, and how its options or items were shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Index into [`ChallengeCode::packs`].
    pub pack: usize,
    /// Index of the question in its pack's list.
    pub question: usize,
    /// The order its options or items were shown in, as a rank among all their orders
    /// ([`rank`]; 0 for questions with nothing to shuffle).
    pub shown: u64,
}

/// A player of the game the code comes from, with their final score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RivalScore {
    /// Name (at most [`NAME_CHARS`]).
    pub name: String,
    /// Final score.
    pub score: u32,
}

/// Everything a code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeCode {
    /// The game's seed (lifelines and ties draw from it).
    pub seed: u64,
    /// Time to answer.
    pub timer: TimerChoice,
    /// Scoring preset id.
    pub scoring: String,
    /// Lifelines of each kind each player had.
    pub lifelines: u8,
    /// A final wager on the last question.
    pub wager: bool,
    /// How the party played it.
    pub mode: PlayMode,
    /// The packs its questions come from.
    pub packs: Vec<PackStamp>,
    /// Its questions, in order.
    pub questions: Vec<Pick>,
    /// Its best players' scores, best first.
    pub rivals: Vec<RivalScore>,
}

/// Why a text is not a code this game can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Nothing was given.
    Empty,
    /// A character that is in no code.
    BadLetter(char),
    /// Letters missing, extra or changed: the checksum disagrees.
    Damaged,
    /// A newer game's code.
    Newer(u8),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Empty => write!(f, "no challenge code was given: paste or type the code your friend sent"),
            Unreadable::BadLetter(c) => write!(
                f,
                "`{c}` is in no challenge code (they use the digits and the letters A to Z but I, L, O and U): check the code"
            ),
            Unreadable::Damaged => write!(
                f,
                "this challenge code is damaged (a letter is wrong, missing or extra): copy it again from the message"
            ),
            Unreadable::Newer(format) => write!(
                f,
                "this challenge code comes from a newer Big Tuna Trivia (code format {format}, this one reads {FORMAT}): update the game to play it"
            ),
        }
    }
}

static LETTERS: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = Specification::new();
    spec.symbols.push_str("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    spec.check_trailing_bits = true;
    spec.translate.from.push_str("abcdefghjkmnpqrstvwxyzoOiIlL");
    spec.translate.to.push_str("ABCDEFGHJKMNPQRSTVWXYZ001111");
    // A constant specification, checked by the tests: it cannot fail at run time.
    spec.encoding().unwrap_or_else(|_| data_encoding::BASE32_NOPAD.clone())
});

impl ChallengeCode {
    /// The code as text: groups of five letters joined by dashes.
    pub fn to_text(&self) -> String {
        self.to_text_in_format(FORMAT)
    }

    /// The code as a game writing format `format` would write it (the same fields): how the
    /// tests make a newer game's code.
    #[doc(hidden)]
    pub fn to_text_in_format(&self, format: u8) -> String {
        let mut bytes = self.payload();
        bytes[0] = format;
        let check = checksum(&bytes);
        bytes.extend_from_slice(&check);
        let letters = LETTERS.encode(&bytes);
        let groups: Vec<&str> =
            letters.as_bytes().chunks(5).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
        groups.join("-")
    }

    /// Reads a code typed or pasted: dashes, spaces and line breaks are ignored.
    pub fn from_text(text: &str) -> Result<Self, Unreadable> {
        let letters: String = text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if letters.is_empty() {
            return Err(Unreadable::Empty);
        }
        if let Some(bad) = letters.chars().find(|c| !c.is_ascii_alphanumeric() || matches!(c, 'u' | 'U')) {
            return Err(Unreadable::BadLetter(bad));
        }
        let bytes = LETTERS.decode(letters.as_bytes()).map_err(|_| Unreadable::Damaged)?;
        let Some(split) = bytes.len().checked_sub(CHECK) else { return Err(Unreadable::Damaged) };
        let (payload, check) = bytes.split_at(split);
        if checksum(payload) != check {
            return Err(Unreadable::Damaged);
        }
        match payload.first() {
            Some(&FORMAT) => Reader { bytes: payload, at: 1 }.code().ok_or(Unreadable::Damaged),
            Some(&newer) if newer > FORMAT => Err(Unreadable::Newer(newer)),
            _ => Err(Unreadable::Damaged),
        }
    }

    fn payload(&self) -> Vec<u8> {
        let mut out = vec![FORMAT];
        varint(&mut out, self.seed);
        out.push(timer_index(self.timer) | u8::from(self.wager) << 3 | self.lifelines.min(15) << 4);
        out.push(mode_index(self.mode));
        // The usual preset costs nothing.
        text(&mut out, if self.scoring == DEFAULT_SCORING { "" } else { &self.scoring });
        varint(&mut out, self.packs.len() as u64);
        for pack in &self.packs {
            text(&mut out, &pack.id);
            version(&mut out, &pack.version);
            out.extend_from_slice(&pack.print);
        }
        varint(&mut out, self.questions.len() as u64);
        for pick in &self.questions {
            varint(&mut out, pick.pack as u64);
            varint(&mut out, pick.question as u64);
            varint(&mut out, pick.shown);
        }
        varint(&mut out, self.rivals.len() as u64);
        for rival in &self.rivals {
            text(&mut out, &rival.name);
            varint(&mut out, u64::from(rival.score));
        }
        out
    }
}

fn checksum(payload: &[u8]) -> [u8; CHECK] {
    let digest = Sha1::digest(payload);
    [digest[0], digest[1], digest[2]]
}

/// The timers by the numbers codes give them: fixed, whatever order the game lists them in.
const TIMERS: [(u8, TimerChoice); 5] = [
    (0, TimerChoice::Off),
    (1, TimerChoice::Seconds10),
    (2, TimerChoice::Seconds20),
    (3, TimerChoice::Seconds30),
    (4, TimerChoice::Seconds60),
];

/// The modes by their numbers in codes.
const MODES: [(u8, PlayMode); 4] =
    [(0, PlayMode::Everyone), (1, PlayMode::Buzz), (2, PlayMode::HotSeat), (3, PlayMode::Teams)];

fn timer_index(timer: TimerChoice) -> u8 {
    TIMERS.iter().find(|(_, t)| *t == timer).map_or(0, |(n, _)| *n)
}

fn mode_index(mode: PlayMode) -> u8 {
    MODES.iter().find(|(_, m)| *m == mode).map_or(0, |(n, _)| *n)
}

/// Text a code may carry to the screen: no control characters, at most `chars` of them.
fn plain(text: String, chars: usize) -> Option<String> {
    (text.chars().count() <= chars && !text.chars().any(char::is_control)).then_some(text)
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn text(out: &mut Vec<u8>, value: &str) {
    varint(out, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

/// A version as its author wrote it: `1.0.0`-like ones as three numbers (a byte each, mostly)
/// after a 0, anything else as text after a 1.
fn version(out: &mut Vec<u8>, version: &str) {
    match semver(version) {
        Some(parts) => {
            out.push(0);
            for part in parts {
                varint(out, part);
            }
        }
        None => {
            out.push(1);
            text(out, version);
        }
    }
}

/// `1.0.0` as its three numbers, if it is just that (no leading zeros, so it reads back the same).
fn semver(version: &str) -> Option<[u64; 3]> {
    let parts: Vec<u64> =
        version.split('.').map(|p| p.parse().ok().filter(|n: &u64| n.to_string() == p)).collect::<Option<_>>()?;
    parts.try_into().ok()
}

/// The rank of an order of `0..n` among all of them (Lehmer code): a byte for four options.
/// `order[i]` is the written position of the `i`-th shown option.
pub fn rank(order: &[usize]) -> u64 {
    let mut left: Vec<usize> = (0..order.len()).collect();
    let mut rank = 0u64;
    for (i, item) in order.iter().enumerate() {
        let at = left.iter().position(|l| l == item).unwrap_or(0);
        left.remove(at);
        rank = rank.saturating_mul((order.len() - i) as u64).saturating_add(at as u64);
    }
    rank
}

/// The order of `0..n` of a rank; `None` when the rank is out of range or `n` over [`RANKED`].
pub fn unrank(n: usize, mut rank: u64) -> Option<Vec<usize>> {
    if n > RANKED {
        return None;
    }
    let mut radices = Vec::with_capacity(n);
    for base in 1..=n as u64 {
        radices.push(rank % base);
        rank /= base;
    }
    if rank != 0 {
        return None;
    }
    let mut left: Vec<usize> = (0..n).collect();
    Some(radices.iter().rev().map(|digit| left.remove(*digit as usize)).collect())
}

/// Reads a payload back; `None` on anything out of place (which the checksum makes a bug or
/// a deliberately forged code, never a typo).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn count(&mut self, most: usize) -> Option<usize> {
        usize::try_from(self.varint()?).ok().filter(|n| *n <= most)
    }

    fn text(&mut self) -> Option<String> {
        let len = self.count(self.bytes.len())?;
        let slice = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        String::from_utf8(slice.to_vec()).ok()
    }

    fn version(&mut self) -> Option<String> {
        match self.byte()? {
            0 => {
                let parts = [self.varint()?, self.varint()?, self.varint()?];
                Some(format!("{}.{}.{}", parts[0], parts[1], parts[2]))
            }
            1 => self.text(),
            _ => None,
        }
    }

    fn code(&mut self) -> Option<ChallengeCode> {
        let seed = self.varint()?;
        let flags = self.byte()?;
        let timer = TIMERS.iter().find(|(n, _)| *n == flags & 0x07)?.1;
        let mode_byte = self.byte()?;
        let mode = MODES.iter().find(|(n, _)| *n == mode_byte)?.1;
        let lifelines = Some(flags >> 4).filter(|n| *n <= crate::game::lifeline::MOST_EACH)?;
        let scoring = Some(self.text()?).filter(|s| !s.is_empty()).unwrap_or_else(|| DEFAULT_SCORING.to_owned());
        let packs = (0..self.count(MOST_ITEMS)?)
            .map(|_| {
                let (id, version) = (plain(self.text()?, ID_CHARS)?, plain(self.version()?, ID_CHARS)?);
                let print = [self.byte()?, self.byte()?, self.byte()?, self.byte()?];
                Some(PackStamp { id, version, print })
            })
            .collect::<Option<Vec<_>>>()?;
        let questions = (0..self.count(MOST_ITEMS)?)
            .map(|_| {
                let pack = self.count(packs.len().checked_sub(1)?)?;
                Some(Pick { pack, question: self.count(usize::MAX)?, shown: self.varint()? })
            })
            .collect::<Option<Vec<_>>>()?;
        let rivals = (0..self.count(MOST_RIVALS)?)
            .map(|_| {
                let name = plain(self.text()?, NAME_CHARS)?;
                Some(RivalScore { name, score: u32::try_from(self.varint()?).ok()? })
            })
            .collect::<Option<Vec<_>>>()?;
        (self.at == self.bytes.len()).then_some(ChallengeCode {
            seed,
            timer,
            scoring,
            lifelines,
            wager: flags & 0x08 != 0,
            mode,
            packs,
            questions,
            rivals,
        })
    }
}

/// Whether `order` holds each of `0..n` once.
pub fn is_order_of(order: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n && order.iter().all(|i| *i < n && !std::mem::replace(&mut seen[*i], true))
}
