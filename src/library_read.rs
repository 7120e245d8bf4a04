//! Reading the pack library off the main thread (so the window stays responsive with big
//! packs): the game's one way to read it, at start-up and on every reload. Whoever asked
//! takes the library read from [`LibraryRead`] (handed over, not copied) and does its own part
//! with it.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use crate::pack::{PackLibrary, PackPlace};

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
    pub fn start(sources: Vec<PackPlace>, why: ReadFor) -> Self {
        let task = AsyncComputeTaskPool::get().spawn(async move { PackLibrary::load_sources(&sources) });
        Self { task, why }
    }
}

/// A reading finished: the library as read from disk (not yet in play: the start-up installs
/// it, a reload keeps the last good version of a pack that broke). Whoever asked takes it
/// ([`LibraryRead::take`]) in the frame it arrives.
#[derive(Resource, Debug)]
pub struct LibraryRead {
    /// Every pack read, the skipped ones with their problems.
    pub library: PackLibrary,
    /// Why it was read.
    pub why: ReadFor,
}

impl LibraryRead {
    /// The library read for `why`, if that is what this reading was for; it is then gone.
    pub fn take(commands: &mut Commands, read: Option<ResMut<Self>>, why: ReadFor) -> Option<PackLibrary> {
        let mut read = read.filter(|r| r.why == why)?;
        commands.remove_resource::<Self>();
        Some(std::mem::take(&mut read.library))
    }
}

/// Where a finished reading is handed over: its readers run after this.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delivered;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, deliver.run_if(resource_exists::<Reading>).in_set(Delivered));
}

fn deliver(mut commands: Commands, mut reading: ResMut<Reading>) {
    let Some(library) = check_ready(&mut reading.task) else { return };
    commands.remove_resource::<Reading>();
    commands.insert_resource(LibraryRead { library, why: reading.why });
}
