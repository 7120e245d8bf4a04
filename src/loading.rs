//! Start-up: reads every installed pack through the asset system into the [`PackLibrary`],
//! and the scoring presets; broken packs are skipped with their problems in the log.

use bevy::asset::{AssetPath, LoadState};
use bevy::prelude::*;

use crate::game::scoring::PRESETS_FILE;
use crate::game::{ScoringPresets, Screen};
use crate::pack::load::PackLoadError;
use crate::pack::{Pack, PackLibrary, PackLoader, Problem, Problems, find_pack_files};
use crate::paths;

/// Packs still loading: the file as users know it, and the handle.
#[derive(Resource, Default)]
struct PendingPacks(Vec<(String, Handle<Pack>)>);

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<Pack>()
        .init_asset_loader::<PackLoader>()
        .init_resource::<PendingPacks>()
        .add_systems(OnEnter(Screen::Loading), (start_loading, load_presets))
        .add_systems(Update, finish_loading.run_if(in_state(Screen::Loading)));
}

fn start_loading(asset_server: Res<AssetServer>, mut pending: ResMut<PendingPacks>, mut library: ResMut<PackLibrary>) {
    for (source, dir) in paths::pack_sources() {
        let (files, problems) = find_pack_files(std::slice::from_ref(&dir));
        for problem in problems {
            warn!("{problem}");
            library.add(problem.file.clone(), Err(Problems(vec![problem])));
        }
        for file in files {
            let Ok(relative) = file.strip_prefix(&dir) else { continue };
            // Built from the path, not a string: a `#` in a file name is not an asset label.
            let asset_path = AssetPath::from_path_buf(relative.to_path_buf()).with_source(source);
            pending.0.push((file.display().to_string(), asset_server.load(asset_path)));
        }
    }
}

fn finish_loading(
    asset_server: Res<AssetServer>,
    mut packs: ResMut<Assets<Pack>>,
    mut pending: ResMut<PendingPacks>,
    mut library: ResMut<PackLibrary>,
    mut next: ResMut<NextState<Screen>>,
) {
    let done = pending
        .0
        .iter()
        .all(|(_, handle)| matches!(asset_server.load_state(handle), LoadState::Loaded | LoadState::Failed(_)));
    if !done {
        return;
    }
    for (file, handle) in std::mem::take(&mut pending.0) {
        let loaded = match asset_server.load_state(&handle) {
            LoadState::Failed(error) => Err(problems_of(&file, &error)),
            _ => match packs.remove(&handle) {
                Some(mut pack) => {
                    pack.origin.file.clone_from(&file);
                    Ok(pack)
                }
                None => Err(Problems(vec![Problem {
                    file: file.clone(),
                    line: 1,
                    col: 1,
                    message: "the pack vanished while loading: try again".into(),
                }])),
            },
        };
        if let Err(problems) = &loaded {
            warn!("skipped pack {file}:\n{problems}");
        }
        library.add(file, loaded);
    }
    info!(
        "{} packs, {} questions, {} skipped",
        library.packs.len(),
        library.packs.iter().map(|p| p.questions.len()).sum::<usize>(),
        library.skipped.len()
    );
    next.set(Screen::Title);
}

/// The problems behind a failed load, named with the file as the user knows it.
fn problems_of(file: &str, error: &bevy::asset::AssetLoadError) -> Problems {
    if let bevy::asset::AssetLoadError::AssetLoaderError(loader_error) = error
        && let Some(PackLoadError::Invalid(problems)) = loader_error.error().downcast_ref::<PackLoadError>()
    {
        return Problems(problems.0.iter().map(|p| Problem { file: file.to_owned(), ..p.clone() }).collect());
    }
    Problems(vec![Problem {
        file: file.to_owned(),
        line: 1,
        col: 1,
        message: format!("cannot load the pack: {error}"),
    }])
}

fn load_presets(mut commands: Commands) {
    let (presets, problem) = ScoringPresets::load_or_builtin(&paths::data_dir().join(PRESETS_FILE));
    if let Some(problem) = problem {
        warn!("{problem} (using the built-in scoring presets)");
    }
    commands.insert_resource(presets);
}
