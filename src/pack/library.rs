//! The installed packs, as one resource the game draws from.

use std::collections::BTreeMap;
use std::path::PathBuf;

use bevy::prelude::*;
use serde::Serialize;

use super::format::{AnswerKind, Difficulty, Pack, Question};
use super::load::{find_pack_files, load_pack_file};
use super::problem::{Problem, Problems};

/// Every pack that loaded, and every pack file that was skipped with its problems.
#[derive(Resource, Debug, Clone, Default)]
pub struct PackLibrary {
    /// Packs that loaded and validated, in the order they were found.
    pub packs: Vec<Pack>,
    /// Files that were skipped, with why.
    pub skipped: Vec<SkippedPack>,
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
        let (files, missing) = find_pack_files(paths);
        let mut library = PackLibrary::default();
        for problem in missing {
            library.skipped.push(SkippedPack { file: problem.file.clone(), problems: Problems(vec![problem]) });
        }
        for file in files {
            library.add(file.display().to_string(), load_pack_file(&file));
        }
        library
    }

    /// Adds the outcome of loading one file. A pack whose id is already taken is skipped:
    /// the first one found keeps it, so the built-in packs (read first) cannot be shadowed.
    pub fn add(&mut self, file: String, loaded: Result<Pack, Problems>) {
        match loaded {
            Ok(pack) => match self.packs.iter().find(|other| other.id == pack.id) {
                Some(other) => {
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

    /// The pack with this id.
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|pack| pack.id == id)
    }

    /// Every question of every pack, with its pack.
    pub fn questions(&self) -> impl Iterator<Item = (&Pack, &Question)> {
        self.packs.iter().flat_map(|pack| pack.questions.iter().map(move |q| (pack, q)))
    }

    /// Every problem of every skipped file.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.skipped.iter().flat_map(|skipped| skipped.problems.0.iter())
    }
}

/// Question counts of one pack, by answer kind, difficulty and category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackStats {
    /// The pack's id.
    pub id: String,
    /// The pack's title.
    pub title: String,
    /// The file it was read from.
    pub file: String,
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
            questions: pack.questions.len(),
            by_kind,
            by_difficulty,
            by_category,
        }
    }
}
