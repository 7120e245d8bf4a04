//! A resource kept in a file of the saves folder: read at start-up (a broken file set aside
//! and reported, see [`super::user_file`]), written whenever it changes. The questions seen and
//! the high scores are kept this way.

use std::marker::PhantomData;
use std::path::PathBuf;

use bevy::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::user_file::{self, FileNotice, KeptFile};
use crate::paths;

/// A resource that outlives the run.
pub trait Keepable:
    Resource + Component<Mutability = bevy::ecs::component::Mutable> + Clone + Serialize + DeserializeOwned
{
    /// The file's name in the saves folder.
    const FILE: &'static str;
    /// What it holds, for messages.
    const WHAT: &'static str;
    /// What the game does without it, for messages.
    const WITHOUT: &'static str;
    /// The format version this game writes.
    const VERSION: u32;
}

/// The file: a version, then the resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "")]
pub struct Stored<R: Keepable> {
    /// The file's format version.
    pub version: u32,
    /// What is kept.
    pub data: R,
}

impl<R: Keepable> KeptFile for Stored<R> {
    const WHAT: &'static str = R::WHAT;
    const WITHOUT: &'static str = R::WITHOUT;
    const VERSION: u32 = R::VERSION;
    fn version(&self) -> u32 {
        self.version
    }
}

/// Where `R` is kept; `None` keeps it only while the game runs (tests, or a broken file that
/// could not be moved aside, which is never saved over).
#[derive(Resource, Debug, Clone)]
pub struct KeptPath<R>(pub Option<PathBuf>, PhantomData<R>);

impl<R: Keepable> KeptPath<R> {
    /// At `file`, or nowhere.
    pub fn new(file: Option<PathBuf>) -> Self {
        Self(file, PhantomData)
    }

    /// Its file in the saves folder.
    pub fn standard() -> Self {
        Self::new(paths::saves_dir().map(|dir| dir.join(R::FILE)))
    }
}

impl<R: Keepable> Default for KeptPath<R> {
    fn default() -> Self {
        Self::new(None)
    }
}

/// Reads `R` at start-up and writes it when it changes.
pub fn plugin<R: Keepable>(app: &mut App) {
    app.init_resource::<KeptPath<R>>()
        .add_systems(Startup, read::<R>)
        .add_systems(Update, write::<R>.run_if(resource_changed::<R>));
}

fn read<R: Keepable>(mut path: ResMut<KeptPath<R>>, mut kept: ResMut<R>, mut notices: MessageWriter<FileNotice>) {
    let Some(file) = &path.0 else { return };
    let found = user_file::load::<Stored<R>>(file);
    if !found.writable {
        path.0 = None;
    }
    if let Some(notice) = found.notice {
        warn!("{notice}");
        notices.write(FileNotice(notice));
    }
    if let Some(stored) = found.value {
        *kept = stored.data;
    }
}

fn write<R: Keepable>(path: Res<KeptPath<R>>, kept: Res<R>) {
    let Some(file) = &path.0 else { return };
    if kept.is_added() {
        return;
    }
    let stored = Stored { version: R::VERSION, data: kept.clone() };
    if let Err(error) = user_file::save(&stored, file) {
        warn!("{}: cannot save {}: {error}", file.display(), R::WHAT);
    }
}
