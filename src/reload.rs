//! Packs reload while the game runs: a thread of its own looks at the pack folders (and
//! files named on the command line) every second, and wakes the game when a file was saved,
//! added or removed (and when a picture or sound a pack names changed); the library is then
//! read again in the background. A pack whose file became invalid stays in play in its last good
//! version, and its errors are told (a toast, the Packs screen) until the file is fixed.
//! Questions already drawn keep their answers; upcoming ones take new wording.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use bevy::prelude::*;

use crate::game::{Game, Screen};
use crate::library_read::{Delivered, LibraryRead, ReadFor, Reading};
use crate::pack::{PackLibrary, PackPlace, find_pack_files};
use crate::window::Wake;

/// How often the folders are looked at.
pub const POLL: Duration = Duration::from_secs(1);

/// Where packs are read from, in order (a later place wins a pack id found twice).
#[derive(Resource, Debug, Clone, Default)]
pub struct PackSources(pub Vec<PackPlace>);

/// The library was read again: what changed, for people.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PacksReloaded {
    /// One line per change ("reloaded my-pack.ron: 12 questions").
    pub changes: Vec<String>,
    /// Every problem now, as the validator words it (FILE:LINE:COL: error: ...).
    pub problems: Vec<String>,
}

/// Each pack file's modification time and size.
type Stamps = BTreeMap<PathBuf, (SystemTime, u64)>;

/// The pictures and sounds the library's packs name, for the watcher to look at too.
#[derive(Resource, Debug, Clone, Default)]
struct MediaFiles(std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>);

/// The watcher's news: something changed on disk.
#[derive(Resource)]
struct Watcher(std::sync::Mutex<mpsc::Receiver<()>>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PackSources>()
        .init_resource::<MediaFiles>()
        .add_message::<PacksReloaded>()
        .add_systems(OnExit(Screen::Loading), (list_media, watch).chain())
        .add_systems(
            Update,
            (look.run_if(resource_exists::<Watcher>), finish.after(Delivered), list_media.after(finish))
                .run_if(resource_exists::<PackLibrary>),
        );
}

/// Starts the watcher once the library is loaded: what is on disk now is what was read.
fn watch(mut commands: Commands, sources: Res<PackSources>, media: Res<MediaFiles>, wake: Option<Res<Wake>>) {
    let (news, heard) = mpsc::channel();
    let sources = sources.clone();
    let media = media.clone();
    let wake = wake.map(|w| w.0.clone());
    let started = std::thread::Builder::new().name("pack-watcher".into()).spawn(move || {
        let mut seen = scan(&sources, &media);
        loop {
            std::thread::sleep(POLL);
            let now = scan(&sources, &media);
            if now != seen {
                seen = now;
                // The game is gone: nobody to tell.
                if news.send(()).is_err() {
                    return;
                }
                if let Some(wake) = &wake {
                    wake();
                }
            }
        }
    });
    match started {
        Ok(_) => commands.insert_resource(Watcher(std::sync::Mutex::new(heard))),
        Err(error) => warn!("packs will not reload while the game runs: {error}"),
    }
}

/// What is on disk now (the packs in the binary do not change).
fn scan(sources: &PackSources, media: &MediaFiles) -> Stamps {
    let paths: Vec<PathBuf> = sources
        .0
        .iter()
        .filter_map(|place| match place {
            PackPlace::Disk(path, _) => Some(path.clone()),
            PackPlace::Shipped => None,
        })
        .collect();
    let (mut files, _) = find_pack_files(&paths);
    files.extend(media.0.lock().map(|media| media.clone()).unwrap_or_default());
    files
        .into_iter()
        .filter_map(|file| {
            let meta = std::fs::metadata(&file).ok()?;
            Some((file, (meta.modified().unwrap_or(SystemTime::UNIX_EPOCH), meta.len())))
        })
        .collect()
}

fn look(mut commands: Commands, watcher: Res<Watcher>, sources: Res<PackSources>, reading: Option<Res<Reading>>) {
    if reading.is_some() {
        // A change during a reading is read by the next one: the news stays until then.
        return;
    }
    let changed = watcher.0.lock().map(|heard| heard.try_iter().count() > 0).unwrap_or(false);
    if changed {
        commands.insert_resource(Reading::start(sources.0.clone(), ReadFor::Reload));
    }
}

fn finish(
    mut commands: Commands,
    read: Option<ResMut<LibraryRead>>,
    mut library: ResMut<PackLibrary>,
    game: Option<ResMut<Game>>,
    mut told: MessageWriter<PacksReloaded>,
) {
    let Some(fresh) = LibraryRead::take(&mut commands, read, ReadFor::Reload) else { return };
    let fresh = library.reloaded(fresh);
    let changes = changes(&library, &fresh);
    let problems: Vec<String> = fresh.problems().map(ToString::to_string).collect();
    for line in changes.iter().chain(&problems) {
        info!("packs: {line}");
    }
    if let Some(mut game) = game {
        refresh_upcoming(&mut game, &fresh);
    }
    *library = fresh;
    told.write(PacksReloaded { changes, problems });
}

/// Keeps the watcher's list of media files up with the library.
fn list_media(library: Res<PackLibrary>, media: Res<MediaFiles>) {
    if !library.is_changed() {
        return;
    }
    let files: Vec<PathBuf> = library
        .questions()
        .flat_map(|(pack, q)| q.media().into_iter().filter_map(|m| pack.origin.home.watched(m.file)))
        .collect();
    if let Ok(mut list) = media.0.lock() {
        *list = files;
    }
}

/// What differs between two readings, in words.
fn changes(before: &PackLibrary, after: &PackLibrary) -> Vec<String> {
    let mut lines = Vec::new();
    for pack in &after.packs {
        let file = &pack.origin.file;
        let (was_broken, is_broken) = (before.still_played(file), after.still_played(file));
        match before.packs.iter().find(|p| p.origin.file == *file) {
            None => lines.push(format!("new pack {} ({} questions) from {file}", pack.id, pack.questions.len())),
            Some(_) if is_broken && !was_broken => {
                lines.push(format!("{file} has errors: its last good version is still played"));
            }
            Some(_) if was_broken && !is_broken => {
                lines.push(format!("{file} is fixed: {} questions", pack.questions.len()));
            }
            Some(old) if old != pack => lines.push(format!("reloaded {file}: {} questions", pack.questions.len())),
            Some(_) => {}
        }
    }
    for skipped in &after.skipped {
        let new = !before.skipped.iter().any(|s| s.file == skipped.file);
        if new && !after.still_played(&skipped.file) {
            lines.push(format!("{} has errors: it is not played", skipped.file));
        }
    }
    for pack in &before.packs {
        if !after.packs.iter().any(|p| p.origin.file == pack.origin.file) {
            lines.push(format!("pack {} is gone ({} was removed)", pack.id, pack.origin.file));
        }
    }
    lines.extend(after.replaced.iter().filter(|r| !before.replaced.contains(r)).cloned());
    lines
}

/// Questions still to come take the new wording of their pack's file, when their answer is
/// unchanged (a changed answer would change how they are shown: it waits for the next game).
fn refresh_upcoming(game: &mut Game, library: &PackLibrary) {
    let next = game.current + 1;
    for drawn in game.questions.iter_mut().skip(next) {
        let fresh = library.pack(&drawn.pack).and_then(|p| p.questions.iter().find(|q| q.id == drawn.question.id));
        if let Some(fresh) = fresh.filter(|q| q.answer == drawn.question.answer) {
            drawn.question = fresh.clone();
        }
    }
}
