//! Reading the pack library off the main thread (so the window stays responsive with big
//! packs): the game's one way to read it, at start-up and on every reload. Whoever asked
//! hears the library read as a [`LibraryRead`] message and does its own part with it.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use crate::pack::{PackLibrary, PackSource};

/// Why the library is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFor {
    /// The first reading, on the loading screen.
    StartUp,
    /// A pack file was saved, added or removed while the game runs.
    Reload,
}

/// The library being read; at most one reading at a time.
#[derive(Resource)]
pub struct Reading {
    task: Task<PackLibrary>,
    why: ReadFor,
}

impl Reading {
    /// Starts reading the packs of `sources` in the background.
    pub fn start(sources: Vec<(PathBuf, PackSource)>, why: ReadFor) -> Self {
        let task = AsyncComputeTaskPool::get().spawn(async move { PackLibrary::load_sources(&sources) });
        Self { task, why }
    }
}

/// A reading finished: the library as read from disk (not yet in play: the start-up installs
/// it, a reload keeps the last good version of a pack that broke).
#[derive(Message, Debug, Clone)]
pub struct LibraryRead {
    /// Every pack read, the skipped ones with their problems.
    pub library: PackLibrary,
    /// Why it was read.
    pub why: ReadFor,
}

/// Where a finished reading is handed over: its readers run after this.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delivered;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<LibraryRead>().add_systems(Update, deliver.run_if(resource_exists::<Reading>).in_set(Delivered));
}

fn deliver(mut commands: Commands, mut reading: ResMut<Reading>, mut read: MessageWriter<LibraryRead>) {
    let Some(library) = check_ready(&mut reading.task) else { return };
    commands.remove_resource::<Reading>();
    read.write(LibraryRead { library, why: reading.why });
}
