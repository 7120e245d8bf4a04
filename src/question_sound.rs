//! A question's sound on the TV: played as the question opens and again on F7 (or the
//! "Hear it again" button), at the game's volume and mute. When it has played to its end, or
//! cannot be played (no sound card, a file that fails), the core hears [`SoundPlayed`] and a
//! question that waits for its sound starts its clock. Each play is logged, which is how the
//! screen tests on machines with no sound card know what the game played.

use bevy::prelude::*;

use crate::audio::NoSoundCard;
use crate::game::{Game, Phase, SoundPlayed};
use crate::input::AppCommand;
use crate::pack::PackLibrary;
use crate::pack::media::MAX_SOUND_BYTES;

/// The question's sound while it plays (the screens show a "playing" mark for it).
#[derive(Component, Debug, Clone, Copy)]
pub struct QuestionSound;

/// Asks for the open question's sound to play again (F7, or the question screen's button).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct HearAgain;

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<HearAgain>()
        .add_systems(OnEnter(Phase::Question), play_on_open)
        .add_systems(OnExit(Phase::Question), stop)
        .add_systems(Update, (hear_again, finished).run_if(in_state(Phase::Question)));
}

fn play_on_open(
    mut commands: Commands,
    game: Res<Game>,
    library: Res<PackLibrary>,
    no_card: Option<Res<NoSoundCard>>,
    sources: Option<ResMut<Assets<AudioSource>>>,
    mut played: MessageWriter<SoundPlayed>,
) {
    play(&mut commands, &game, &library, no_card.is_some(), sources, &mut played);
}

fn hear_again(
    mut commands: Commands,
    mut asked: MessageReader<HearAgain>,
    mut keys: MessageReader<AppCommand>,
    playing: Query<Entity, With<QuestionSound>>,
    (game, library): (Res<Game>, Res<PackLibrary>),
    no_card: Option<Res<NoSoundCard>>,
    sources: Option<ResMut<Assets<AudioSource>>>,
    mut played: MessageWriter<SoundPlayed>,
) {
    let by_key = keys.read().filter(|c| **c == AppCommand::HearAgain).count();
    if asked.read().count() + by_key == 0 {
        return;
    }
    // Already playing: it is being heard (starting it over would start the clock early).
    if playing.is_empty() {
        play(&mut commands, &game, &library, no_card.is_some(), sources, &mut played);
    }
}

/// Plays the open question's sound, if it has one; says at once that it has played where it
/// cannot be.
fn play(
    commands: &mut Commands,
    game: &Game,
    library: &PackLibrary,
    no_card: bool,
    sources: Option<ResMut<Assets<AudioSource>>>,
    played: &mut MessageWriter<SoundPlayed>,
) {
    let Some(drawn) = game.question() else { return };
    let Some(sound) = &drawn.question.sound else { return };
    let bytes = library
        .media_file(&drawn.pack, &sound.file)
        .ok_or_else(|| "its pack has no folder to read it from".to_owned())
        .and_then(|file| file.read("sound", MAX_SOUND_BYTES));
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            warn!("sound {} not played ({error})", sound.file);
            played.write(SoundPlayed);
            return;
        }
    };
    let Some(mut sources) = sources.filter(|_| !no_card) else {
        info!("sound {} not played (no sound card)", sound.file);
        played.write(SoundPlayed);
        return;
    };
    let source = sources.add(AudioSource { bytes: bytes.into() });
    commands.spawn((Name::new("Question sound"), QuestionSound, AudioPlayer::new(source), PlaybackSettings::DESPAWN));
    info!("sound {} played", sound.file);
}

/// The sound has played to its end: its player is gone.
fn finished(mut gone: RemovedComponents<QuestionSound>, mut played: MessageWriter<SoundPlayed>) {
    if gone.read().count() > 0 {
        played.write(SoundPlayed);
    }
}

fn stop(mut commands: Commands, playing: Query<Entity, With<QuestionSound>>) {
    for entity in &playing {
        commands.entity(entity).despawn();
    }
}
