//! Names for a room of mixed company: a generated, Office-flavoured name a phone can take
//! instead of typing one (phrases of the project's own making, not lines from the show), and
//! the host's optional list of words no name may contain
//! (`blocked-names.txt` in the config folder), matched after folding case, accents and
//! look-alike letters, so `B4D`, `bäd` and `bаd` with a Cyrillic `а` are all `bad`.

use std::path::{Path, PathBuf};

use rand::RngExt;
use rand::seq::IndexedRandom;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The word list's file name, in the config folder.
pub const BLOCKED_FILE: &str = "blocked-names.txt";

/// First words of a generated name (at most 7 letters: a phrase and a number fit a name).
const FIRST: [&str; 32] = [
    "Beet", "Stapler", "Jello", "Paper", "Sales", "Prank", "Dundie", "Memo", "Copier", "Filing", "Fax", "Cubicle",
    "Desk", "Office", "Coffee", "Pretzel", "Casual", "Branch", "Printer", "Carpool", "Safety", "Hay", "Lunch", "Party",
    "Budget", "Client", "Toner", "Mug", "Lobby", "Parking", "Kitchen", "Stamp",
];

/// Second words of a generated name (at most 5 letters).
const SECOND: [&str; 32] = [
    "Baron", "Pilot", "Comet", "Ninja", "Scout", "Sage", "Ace", "Hero", "Guru", "Rebel", "Nomad", "Champ", "Boss",
    "Chief", "Star", "Ghost", "Wolf", "Hawk", "Fox", "Owl", "Bear", "Tiger", "Eagle", "Duke", "Queen", "King", "Whiz",
    "Rogue", "Jet", "Titan", "Mogul", "Bard",
];

/// The host's list of words no name may contain, folded for matching.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockedWords {
    words: Vec<String>,
}

impl BlockedWords {
    /// A list of `words`: one word or phrase each; blank ones are left out.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words: Vec<String> = words.into_iter().map(fold).filter(|w| !w.is_empty()).collect();
        words.sort();
        words.dedup();
        Self { words }
    }

    /// The list in `text`: a word or phrase per line; `#` starts a comment line.
    pub fn parse(text: &str) -> Self {
        Self::new(text.lines().map(str::trim).filter(|l| !l.starts_with('#')))
    }

    /// The list in `BLOCKED_FILE` in the config folder (`$BIGTUNA_CONFIG`, else the platform's):
    /// empty when there is none; a file that cannot be read is said in the log and left out.
    pub fn load() -> Self {
        let Some(path) = file() else { return Self::default() };
        Self::read(&path)
    }

    /// The list in the file at `path`.
    pub fn read(path: &Path) -> Self {
        match std::fs::read(path) {
            Ok(bytes) => {
                let list = Self::parse(&String::from_utf8_lossy(&bytes));
                bevy::log::info!("names: {} blocked words from {}", list.words.len(), path.display());
                list
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Self::default(),
            Err(error) => {
                bevy::log::warn!("names: {} cannot be read ({error}): no words are blocked", path.display());
                Self::default()
            }
        }
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `name` contains a listed word, once both are folded.
    pub fn blocks(&self, name: &str) -> bool {
        let folded = fold(name);
        self.words.iter().any(|word| folded.contains(word.as_str()))
    }
}

/// Where the word list is read from.
pub fn file() -> Option<PathBuf> {
    std::env::var_os(crate::persist::settings_file::CONFIG_ENV)
        .map(PathBuf::from)
        .or_else(crate::paths::config_dir)
        .map(|dir| dir.join(BLOCKED_FILE))
}

/// `text` as it is matched: compatibility forms and accents taken apart and the accents
/// dropped, lower case, look-alike letters and digits as the letter they pass for, and
/// everything that is not a letter or digit left out (so `b.a.d` is `bad`). `i`, `l`, `1`,
/// `|` and `!` pass for one another, so they fold to one.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter_map(|c| match look_alike(c) {
            Some(plain) => Some(plain),
            None if c.is_alphanumeric() => Some(c),
            None => None,
        })
        .collect()
}

/// The Latin letter a digit, sign or Cyrillic or Greek letter is written for.
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        'i' | 'l' | '1' | '|' | '!' | 'ı' | 'і' | 'ӏ' | 'ι' => 'i',
        '0' | 'о' | 'ο' | 'σ' => 'o',
        '3' | 'е' | 'є' | 'ε' => 'e',
        '4' | '@' | 'а' | 'α' => 'a',
        '5' | '$' | 'ѕ' => 's',
        '7' | '+' | 'т' | 'τ' => 't',
        '8' | 'в' | 'β' => 'b',
        '9' => 'g',
        'р' | 'ρ' => 'p',
        'с' | 'ς' => 'c',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'н' | 'η' | 'һ' => 'h',
        'ԁ' => 'd',
        'ɡ' => 'g',
        'ј' => 'j',
        'ν' => 'v',
        'ω' | 'ш' => 'w',
        _ => return None,
    })
}

/// A generated name that `free` accepts (not taken) and the list does not block: a random one
/// of the 1,024 phrases, or, in a room that took them all, one with a number after it; `None`
/// when a list blocks every one.
pub fn draw(rng: &mut impl rand::Rng, blocked: &BlockedWords, free: impl Fn(&str) -> bool) -> Option<String> {
    let ok = |name: &str| !blocked.blocks(name) && free(name);
    for _ in 0..64 {
        let (Some(first), Some(second)) = (FIRST.choose(rng), SECOND.choose(rng)) else { break };
        let name = format!("{first} {second}");
        if ok(&name) {
            return Some(name);
        }
    }
    // A crowded room: every phrase from a random start, then the numbered ones.
    let phrases: Vec<String> = FIRST.iter().flat_map(|f| SECOND.iter().map(move |s| format!("{f} {s}"))).collect();
    let start = rng.random_range(0..phrases.len());
    (1..100).find_map(|n| {
        (0..phrases.len()).map(|k| &phrases[(start + k) % phrases.len()]).find_map(|phrase| {
            let name = if n == 1 { phrase.clone() } else { format!("{phrase} {n}") };
            ok(&name).then_some(name)
        })
    })
}
