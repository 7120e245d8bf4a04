//! Start-up: reads every installed pack into the [`PackLibrary`] with the same function the
//! command line uses (in the background, by [`crate::library_read`], as a reload does), and
//! the scoring presets. Broken packs are skipped with their problems in the log.

use bevy::prelude::*;

use crate::challenge::PlayChallenge;
use crate::game::scoring::PRESETS_FILE;
use crate::game::{FlowCommand, GameSettings, ScoringPresets, Screen};
use crate::library_read::{Delivered, LibraryRead, ReadFor, Reading};
use crate::pack::PackLibrary;
use crate::paths;
use crate::persist::UserSettings;
use crate::reload::PackSources;

/// Start the game as soon as the packs are read (`bigtuna play --mode ...`: a night prepared
/// on the command line), rather than show the title.
#[derive(Resource, Debug, Clone, Copy)]
pub struct StartAtOnce;

/// Play this challenge code as soon as the packs are read (`bigtuna play --challenge`); alone
/// (`solo`) unless the command line named players.
#[derive(Resource, Debug, Clone)]
pub struct StartChallenge {
    /// The code.
    pub code: String,
    /// A friend at home: one player, under the name the high scores know.
    pub solo: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Loading), (start_loading, load_presets))
        .add_systems(Update, finish_loading.run_if(in_state(Screen::Loading)).after(Delivered));
}

fn start_loading(mut commands: Commands, sources: Option<Res<PackSources>>) {
    let sources = sources.map_or_else(paths::pack_sources, |s| s.0.clone());
    commands.insert_resource(Reading::start(sources, ReadFor::StartUp));
}

fn finish_loading(
    mut commands: Commands,
    read: Option<ResMut<LibraryRead>>,
    mut library: ResMut<PackLibrary>,
    mut next: ResMut<NextState<Screen>>,
    start_at_once: Option<Res<StartAtOnce>>,
    phones: Option<Res<crate::net::lifecycle::Phones>>,
    interrupted: Option<Res<crate::persist::saved_game::Interrupted>>,
    mut settings: ResMut<GameSettings>,
    mut flow: MessageWriter<FlowCommand>,
    (challenge, mut play, user): (Option<Res<StartChallenge>>, MessageWriter<PlayChallenge>, Option<Res<UserSettings>>),
) {
    let Some(loaded) = LibraryRead::take(&mut commands, read, ReadFor::StartUp) else { return };
    for skipped in &loaded.skipped {
        warn!("skipped pack {}:\n{}", skipped.file, skipped.problems);
    }
    for replaced in &loaded.replaced {
        info!("{replaced}");
    }
    info!(
        "{} packs, {} questions, {} skipped",
        loaded.packs.len(),
        loaded.packs.iter().map(|p| p.questions.len()).sum::<usize>(),
        loaded.skipped.len()
    );
    *library = loaded;
    if interrupted.is_some() {
        // A game was cut short: the title offers it first, whatever the command asked for
        // (the same command as before must be able to take it up again).
        next.set(Screen::Title);
    } else if let Some(StartChallenge { code, solo }) = challenge.as_deref() {
        let name = || user.as_ref().and_then(|u| u.solo_name.clone()).unwrap_or_else(|| "Player 1".to_owned());
        play.write(PlayChallenge { code: code.clone(), solo: solo.then(name) });
    } else if start_at_once.is_some() {
        settings.make_party();
        flow.write(FlowCommand::StartGame);
    } else if phones.is_some_and(|p| p.on) {
        // `--phones`: straight to the lobby, where the TV shows how to join.
        settings.make_party();
        next.set(Screen::Join);
    } else {
        next.set(Screen::Title);
    }
}

fn load_presets(mut commands: Commands) {
    let Some(dir) = paths::data_dir() else {
        commands.insert_resource(ScoringPresets::default());
        return;
    };
    let (presets, problem) = ScoringPresets::load_or_builtin(&dir.join(PRESETS_FILE));
    if let Some(problem) = problem {
        warn!("{problem} (using the built-in scoring presets)");
    }
    commands.insert_resource(presets);
}
