//! Where a pack's media files are read from: the folder of its `.ron` file, the `.zip` bundle
//! it came in, or the game's binary (a built-in pack). Every reader of a pack's media (the
//! check at load, the TV, the sound, the phone server) opens files through here, so that a
//! path never leaves the pack whichever home it has.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use super::bundle_entry as bundle;

/// Where the media files named by a pack's questions are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum MediaHome {
    /// A pack read from text alone: its media can be checked for form only.
    #[default]
    Nowhere,
    /// The folder holding the pack file.
    Folder(PathBuf),
    /// A `.zip` bundle, and the folder inside it that holds the pack file (`""` or `x/`).
    Bundle {
        /// The bundle on disk.
        zip: PathBuf,
        /// The pack file's folder inside the bundle, with its trailing `/`.
        dir: String,
    },
    /// A built-in pack: its folder inside the game's `quizzes/` (`""` or `x/`).
    Shipped(String),
}

/// One media file of a pack: its home and its name there, enough to read it on any thread.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MediaFile {
    /// Where the pack's media are.
    pub home: MediaHome,
    /// The file's name as the pack writes it (relative to the pack file).
    pub name: String,
}

impl MediaFile {
    /// Its bytes, at most `limit` of them, or what is wrong ([`MediaHome::read`]).
    pub fn read(&self, noun: &str, limit: u64) -> Result<Vec<u8>, String> {
        self.home.read(&self.name, noun, limit)
    }

    /// Where it is, for logs: a path, `BUNDLE:ENTRY`, or `built in: NAME`.
    pub fn label(&self) -> String {
        let name = self.name.trim();
        match &self.home {
            MediaHome::Nowhere => name.to_owned(),
            MediaHome::Folder(folder) => folder.join(name).display().to_string(),
            MediaHome::Bundle { zip, dir } => format!("{}:{dir}{name}", zip.display()),
            MediaHome::Shipped(dir) => format!("built in: {dir}{name}"),
        }
    }
}

/// A media file opened for reading, and its length in bytes.
pub struct Opened {
    /// Its bytes, from the start.
    pub reader: Box<dyn ReadSeek>,
    /// How many there are.
    pub len: u64,
}

/// What a media file is read through.
pub trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

impl MediaHome {
    /// Opens the media file `name` (already checked by [`super::media::path_problem`]), no
    /// larger than `limit` bytes, or says what is wrong in "what: what to do" form, naming the
    /// file as the `noun` it should be.
    pub fn open(&self, name: &str, noun: &str, limit: u64) -> Result<Opened, String> {
        let name = name.trim();
        let too_big = |len: u64| {
            format!(
                "the {noun} `{name}` is {} MiB; a {noun} may be at most {} MiB: make it smaller",
                len.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            )
        };
        match self {
            MediaHome::Nowhere => {
                Err(format!("the {noun} `{name}` has no folder to be read from: load the pack from its file"))
            }
            MediaHome::Folder(folder) => open_in_folder(folder, name, noun, limit, too_big),
            MediaHome::Bundle { zip, dir } => {
                let bytes = bundle::read_entry(zip, &format!("{dir}{name}"), limit).map_err(|problem| match problem {
                    bundle::EntryProblem::Missing => format!(
                        "the {noun} `{name}` is not in the bundle {}: put it at {dir}{name} in the bundle (paths are relative to the pack file)",
                        zip.display()
                    ),
                    bundle::EntryProblem::TooBig(len) => too_big(len),
                    bundle::EntryProblem::Link => format!(
                        "the {noun} `{name}` is a link in the bundle: put the file itself in the bundle"
                    ),
                    bundle::EntryProblem::Folder => format!("the {noun} `{name}` is a folder: name a file"),
                    bundle::EntryProblem::Unreadable(why) => {
                        format!("the {noun} `{name}` cannot be read from the bundle ({why}): make the bundle again")
                    }
                })?;
                Ok(Opened { len: bytes.len() as u64, reader: Box::new(Cursor::new(bytes)) })
            }
            MediaHome::Shipped(dir) => {
                let bytes = crate::shipped::media(&format!("{dir}{name}")).ok_or_else(|| {
                    format!("the {noun} `{name}` is not built into the game: add it to shipped::MEDIA")
                })?;
                if bytes.len() as u64 > limit {
                    return Err(too_big(bytes.len() as u64));
                }
                Ok(Opened { len: bytes.len() as u64, reader: Box::new(Cursor::new(bytes)) })
            }
        }
    }

    /// The bytes of the media file `name`, no more than `limit` of them ([`MediaHome::open`]).
    pub fn read(&self, name: &str, noun: &str, limit: u64) -> Result<Vec<u8>, String> {
        let mut opened = self.open(name, noun, limit)?;
        let mut bytes = Vec::with_capacity(usize::try_from(opened.len).unwrap_or(0));
        // The length was checked when opened; a file that grew since is cut at the limit.
        opened
            .reader
            .by_ref()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("the {noun} `{}` cannot be read ({e}): check it", name.trim()))?;
        Ok(bytes)
    }

    /// The file on disk whose change means `name` may have changed (for live reload): the
    /// media file itself in a folder, the bundle for a bundle's; none for a built-in pack.
    pub fn watched(&self, name: &str) -> Option<PathBuf> {
        match self {
            MediaHome::Folder(folder) => Some(folder.join(name.trim())),
            MediaHome::Bundle { zip, .. } => Some(zip.clone()),
            MediaHome::Nowhere | MediaHome::Shipped(_) => None,
        }
    }
}

/// A file of `folder`, which must stay inside it once links are followed.
fn open_in_folder(
    folder: &Path,
    name: &str,
    noun: &str,
    limit: u64,
    too_big: impl Fn(u64) -> String,
) -> Result<Opened, String> {
    let path = folder.join(name);
    let missing = || {
        format!("the {noun} `{name}` is not there: put it at {} (paths are relative to the pack file)", path.display())
    };
    let Ok(real) = path.canonicalize() else { return Err(missing()) };
    let home = folder.canonicalize().map_err(|_| missing())?;
    if !real.starts_with(&home) {
        return Err(format!(
            "the {noun} `{name}` is a link to a file outside the pack's folder: copy the file itself into the folder"
        ));
    }
    let metadata =
        std::fs::metadata(&real).map_err(|e| format!("the {noun} `{name}` cannot be read ({e}): check it"))?;
    if !metadata.is_file() {
        return Err(format!("the {noun} `{name}` is a folder: name a file"));
    }
    if metadata.len() > limit {
        return Err(too_big(metadata.len()));
    }
    let file = File::open(&real).map_err(|e| format!("the {noun} `{name}` cannot be read ({e}): check it"))?;
    Ok(Opened { reader: Box::new(BufReader::new(file)), len: metadata.len() })
}
