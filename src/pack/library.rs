//! The installed packs, as one resource the game draws from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::Serialize;

use super::bundle_entry::is_bundle;
use super::format::{AnswerKind, Difficulty, Pack, PackSource, Question};
use super::home::{MediaFile, MediaHome};
use super::load::{find_pack_files, load_ron_file, parse_pack_in};
use super::media_check::Depth;
use super::problem::{Problem, Problems};

/// Every pack that loaded, and every pack file that was skipped with its problems.
#[derive(Resource, Debug, Clone, Default)]
pub struct PackLibrary {
    /// Packs that loaded and validated, in the order they were found.
    pub packs: Vec<Pack>,
    /// Files that were skipped, with why.
    pub skipped: Vec<SkippedPack>,
    /// Packs set aside for another with the same id (the user's copy wins), in words.
    pub replaced: Vec<String>,
}

/// A place packs are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackPlace {
    /// The packs built into the game ([`crate::shipped::PACKS`]), built-in to the player.
    Shipped,
    /// A pack file or a folder of them, and what it is to the player.
    Disk(PathBuf, PackSource),
}

/// A pack file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedPack {
    /// The file as named in its problems.
    pub file: String,
    /// Everything wrong with it.
    pub problems: Problems,
}

impl PackLibrary {
    /// Loads every pack file under `paths` (files or folders), skipping broken ones.
    pub fn load_paths(paths: &[PathBuf]) -> Self {
        let places: Vec<PackPlace> =
            paths.iter().map(|p| PackPlace::Disk(p.clone(), PackSource::CommandLine)).collect();
        Self::load_sources(&places)
    }

    /// Loads the packs of each place, each marked with where it was found. Files are read on
    /// every core at once; the library is the same as reading them one by one. The shipped
    /// packs are added first: they are built-in, which every other place outranks.
    pub fn load_sources(places: &[PackPlace]) -> Self {
        Self::load_sources_with(places, Depth::Headers)
    }

    /// [`PackLibrary::load_sources`], reading media files to `depth` (`validate` decodes them).
    pub fn load_sources_with(places: &[PackPlace], depth: Depth) -> Self {
        let mut library = PackLibrary::default();
        let mut files = Vec::new();
        for place in places {
            let (path, source) = match place {
                PackPlace::Shipped => {
                    library.add_shipped(depth);
                    continue;
                }
                PackPlace::Disk(path, source) => (path, source),
            };
            let (found, missing) = find_pack_files(std::slice::from_ref(path));
            for problem in missing {
                library.skipped.push(SkippedPack { file: problem.file.clone(), problems: Problems(vec![problem]) });
            }
            files.extend(found.into_iter().map(|file| (file, *source)));
        }
        for loaded in load_all(&files, depth) {
            for (file, loaded) in loaded {
                library.add(file, loaded);
            }
        }
        library
    }

    /// Adds the packs built into the game, their media read from the binary too.
    fn add_shipped(&mut self, depth: Depth) {
        for (file, text) in crate::shipped::PACKS {
            let name = crate::shipped::pack_name(file);
            let dir = file.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/"));
            let home = MediaHome::Shipped(dir);
            let loaded = parse_pack_in(&name, text.as_bytes(), &home, depth).map(|mut pack| {
                pack.origin.source = PackSource::Builtin;
                pack
            });
            self.add(name, loaded);
        }
    }

    /// Adds the outcome of loading one file. A pack whose id is taken by one from a place
    /// that comes later (the user's folder after the built-in packs) replaces it, and the
    /// library says so; from the same place, the first one found keeps the id.
    pub fn add(&mut self, file: String, loaded: Result<Pack, Problems>) {
        match loaded {
            Ok(pack) => match self.packs.iter().position(|other| other.id == pack.id) {
                Some(at) if self.packs[at].origin.source < pack.origin.source => {
                    let other = &self.packs[at];
                    self.replaced.push(format!(
                        "{file}: the pack `{}` from {} replaces the one in {} ({}), which has the same id",
                        pack.id,
                        pack.origin.source.label(),
                        other.origin.file,
                        other.origin.source.label()
                    ));
                    self.packs[at] = pack;
                }
                Some(at) => {
                    let other = &self.packs[at];
                    let problem = Problem {
                        file: file.clone(),
                        line: pack.origin.id_line,
                        col: pack.origin.id_col,
                        message: format!(
                            "the pack id `{}` is already used by {}: give this pack its own id",
                            pack.id, other.origin.file
                        ),
                    };
                    self.skipped.push(SkippedPack { file, problems: Problems(vec![problem]) });
                }
                None => self.packs.push(pack),
            },
            Err(problems) => self.skipped.push(SkippedPack { file, problems }),
        }
    }

    /// This library read again as `fresh`, keeping what authors expect while they edit: a
    /// pack whose file now has errors stays in play in its last good version (its errors
    /// are listed too, in `skipped`), until the file is fixed or removed.
    pub fn reloaded(&self, mut fresh: PackLibrary) -> PackLibrary {
        for skipped in &fresh.skipped {
            let last_good = self.packs.iter().find(|p| read_from(&p.origin.file, &skipped.file));
            if let Some(pack) = last_good.filter(|old| !fresh.packs.iter().any(|p| p.id == old.id)) {
                fresh.packs.push(pack.clone());
            }
        }
        fresh
    }

    /// Whether the file's pack is in play although the file now has errors.
    pub fn still_played(&self, file: &str) -> bool {
        // `file` names a pack file, or a bundle skipped under its own name.
        self.packs.iter().any(|p| read_from(&p.origin.file, file))
            && self.skipped.iter().any(|s| read_from(file, &s.file) || read_from(&s.file, file))
    }

    /// The media `file` of pack `pack`, if the pack has a home for media and `file` stays
    /// inside it.
    pub fn media_file(&self, pack: &str, file: &str) -> Option<MediaFile> {
        let pack = self.pack(pack)?;
        let home = (pack.origin.home != MediaHome::Nowhere).then(|| pack.origin.home.clone())?;
        super::media::path_problem("file", file).is_none().then(|| MediaFile { home, name: file.trim().to_owned() })
    }

    /// The pack with this id.
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|pack| pack.id == id)
    }

    /// Every question of every pack, with its pack.
    pub fn questions(&self) -> impl Iterator<Item = (&Pack, &Question)> {
        self.packs.iter().flat_map(|pack| pack.questions.iter().map(move |q| (pack, q)))
    }

    /// Every problem of every skipped file, then of every question left out of a pack that
    /// plays (for its media).
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        let skipped = self.skipped.iter().flat_map(|skipped| skipped.problems.0.iter());
        skipped.chain(self.packs.iter().flat_map(|pack| pack.origin.left_out.iter()))
    }

    /// The packs that play without some of their questions (their media failed).
    pub fn short_of_questions(&self) -> impl Iterator<Item = &Pack> {
        self.packs.iter().filter(|pack| !pack.origin.left_out.is_empty())
    }
}

/// Whether the pack named `pack` in problems was read from `file`: the file itself, or the
/// bundle it is in (`x.zip` for `x.zip:pack.ron`: a bundle that cannot be opened is skipped
/// under its own name).
fn read_from(pack: &str, file: &str) -> bool {
    pack == file || pack.strip_prefix(file).is_some_and(|rest| rest.starts_with(':'))
}

/// Question counts of one pack, by answer kind, difficulty and category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackStats {
    /// The pack's id.
    pub id: String,
    /// The pack's title.
    pub title: String,
    /// The file it was read from (`built in: NAME` for a pack in the game's binary).
    pub file: String,
    /// Where it comes from, in words: built-in, your packs folder, named on the command line.
    pub from: &'static str,
    /// How many questions it has.
    pub questions: usize,
    /// Counts by answer kind (`multiple_choice`, `true_false`, `typed`, `number`, `ordering`).
    pub by_kind: BTreeMap<String, usize>,
    /// Counts by difficulty (`easy`, `medium`, `hard`).
    pub by_difficulty: BTreeMap<String, usize>,
    /// Counts by category.
    pub by_category: BTreeMap<String, usize>,
}

impl PackStats {
    /// Counts the questions of `pack`. Every kind and difficulty is listed, even at zero.
    pub fn of(pack: &Pack) -> Self {
        let mut by_kind: BTreeMap<String, usize> =
            AnswerKind::ALL.iter().map(|kind| (kind.name().to_owned(), 0)).collect();
        let mut by_difficulty: BTreeMap<String, usize> =
            Difficulty::ALL.iter().map(|d| (d.name().to_owned(), 0)).collect();
        let mut by_category = BTreeMap::new();
        for question in &pack.questions {
            *by_kind.entry(question.answer.kind().name().to_owned()).or_default() += 1;
            *by_difficulty.entry(question.difficulty.name().to_owned()).or_default() += 1;
            *by_category.entry(question.category.clone()).or_default() += 1;
        }
        Self {
            id: pack.id.clone(),
            title: pack.title.clone(),
            file: pack.origin.file.clone(),
            from: pack.origin.source.label(),
            questions: pack.questions.len(),
            by_kind,
            by_difficulty,
            by_category,
        }
    }
}

/// Loads `files` on all cores (this thread helps), each marked with its source; in order.
fn load_all(files: &[(PathBuf, PackSource)], depth: Depth) -> Vec<Loaded> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some((file, source)) = files.get(at) else { return done };
            done.push((at, load_marked(file, *source, depth)));
        }
    };
    let helpers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len()).saturating_sub(1);
    let done = std::thread::scope(|scope| {
        // A helper the system will not start leaves its share to the others.
        let handles: Vec<_> = (0..helpers)
            .filter_map(|_| std::thread::Builder::new().name("pack-reader".into()).spawn_scoped(scope, work).ok())
            .collect();
        let mut done = work();
        for handle in handles {
            // A helper that panicked lost its files: they are read again below.
            done.extend(handle.join().unwrap_or_default());
        }
        done
    });
    let mut results: Vec<Option<Loaded>> = (0..files.len()).map(|_| None).collect();
    for (at, loaded) in done {
        results[at] = Some(loaded);
    }
    results
        .into_iter()
        .zip(files)
        .map(|(loaded, (file, source))| loaded.unwrap_or_else(|| load_marked(file, *source, depth)))
        .collect()
}

/// What one file gave: a pack file one pack, a bundle each of its packs; each named as in
/// problems.
type Loaded = Vec<(String, Result<Pack, Problems>)>;

fn load_marked(file: &Path, source: PackSource, depth: Depth) -> Loaded {
    let loaded = if is_bundle(file) {
        super::bundle::load(file, depth)
    } else {
        vec![(file.display().to_string(), load_ron_file(file, depth))]
    };
    let mark = |mut pack: Pack| {
        pack.origin.source = source;
        pack
    };
    loaded.into_iter().map(|(name, loaded)| (name, loaded.map(mark))).collect()
}
