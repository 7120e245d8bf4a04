//! Sound cues: select, correct, wrong, the timer's last five seconds, the final fanfare.
//! Without a sound card Bevy logs one warning and the game runs silently.

use bevy::audio::Volume;
use bevy::prelude::*;

use crate::game::{Clock, Game, Overlay, Phase, Screen};
use crate::persist::UserSettings;
use crate::theme::focus::Activate;

/// The loaded cues.
#[derive(Resource, Debug, Clone, Default)]
struct Cues {
    select: Handle<AudioSource>,
    correct: Handle<AudioSource>,
    wrong: Handle<AudioSource>,
    tick: Handle<AudioSource>,
    fanfare: Handle<AudioSource>,
}

/// Present when the game runs without a sound card, so settings can say why it is silent.
#[derive(Resource, Debug, Clone, Copy)]
pub struct NoSoundCard;

/// Whether this machine has a sound card. Without one, ALSA would print a screenful of
/// errors when Bevy opens the default device; checking first keeps it to one line.
pub fn sound_available() -> bool {
    if cfg!(target_os = "linux") {
        match std::fs::read_to_string("/proc/asound/cards") {
            Ok(cards) => !cards.trim().is_empty() && !cards.contains("no soundcards"),
            Err(_) => false,
        }
    } else {
        true
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Cues>()
        .add_systems(Startup, load)
        .add_observer(on_select)
        .add_systems(Update, (follow_settings, countdown))
        .add_systems(OnEnter(Phase::Reveal), on_reveal)
        .add_systems(OnEnter(Screen::Results), on_results);
}

/// The cues in the binary, so no folder beside it is needed.
fn load(mut sources: ResMut<Assets<AudioSource>>, mut cues: ResMut<Cues>) {
    use crate::shipped::sounds;
    let mut add = |bytes: &'static [u8]| sources.add(AudioSource { bytes: bytes.into() });
    *cues = Cues {
        select: add(sounds::SELECT),
        correct: add(sounds::CORRECT),
        wrong: add(sounds::WRONG),
        tick: add(sounds::TICK),
        fanfare: add(sounds::FANFARE),
    };
}

fn play(commands: &mut Commands, cue: &Handle<AudioSource>) {
    commands.spawn((Name::new("Sound cue"), AudioPlayer::new(cue.clone()), PlaybackSettings::DESPAWN));
}

fn follow_settings(settings: Res<UserSettings>, mut volume: ResMut<GlobalVolume>) {
    if settings.is_changed() {
        let level = if settings.muted { 0.0 } else { settings.volume };
        volume.volume = Volume::Linear(level);
    }
}

fn on_select(_: On<Activate>, cues: Res<Cues>, mut commands: Commands) {
    play(&mut commands, &cues.select);
}

fn on_reveal(game: Res<Game>, cues: Res<Cues>, mut commands: Commands) {
    let anyone_right = game.last_round().is_some_and(|r| r.outcomes.iter().any(|o| o.correct));
    play(&mut commands, if anyone_right { &cues.correct } else { &cues.wrong });
}

fn on_results(cues: Res<Cues>, mut commands: Commands) {
    play(&mut commands, &cues.fanfare);
}

/// One tick per second over the last five seconds of a timed question.
fn countdown(
    clock: Res<Clock>,
    phase: Option<Res<State<Phase>>>,
    overlay: Option<Res<State<Overlay>>>,
    cues: Res<Cues>,
    mut last: Local<Option<u64>>,
    mut commands: Commands,
) {
    let running =
        phase.is_some_and(|p| *p.get() == Phase::Question) && overlay.is_some_and(|o| *o.get() == Overlay::None);
    let Some(left) = clock.remaining().filter(|_| running) else {
        *last = None;
        return;
    };
    let second = left.as_secs_f32().ceil() as u64;
    if (1..=5).contains(&second) && *last != Some(second) {
        play(&mut commands, &cues.tick);
    }
    *last = Some(second);
}
