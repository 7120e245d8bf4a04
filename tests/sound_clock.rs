//! A sound question's clock waits for its sound: it starts when the TV says the sound has
//! played (`SoundPlayed`), at once for a sound marked `AtOnce`, and after the longest a
//! sound may play should the TV never say so.

use std::time::Duration;

use bevy::prelude::*;
use bigtuna::game::{Clock, GameSettings, SOUND_HOLD, SoundPlayed, TimerChoice};
use bigtuna::pack::{Sound, SoundClock};

use crate::support::{FRAME, headless, phase, settings, start, synthetic_library};

/// A headless game whose every question plays a sound with `clock`, timed at 20 s.
fn sound_game(clock: SoundClock) -> App {
    let mut library = synthetic_library(6);
    for q in &mut library.packs[0].questions {
        q.sound = Some(Sound { file: "ring.ogg".into(), alt: "A phone rings".into(), credit: String::new(), clock });
    }
    let s = GameSettings { timer: TimerChoice::Seconds20, ..settings(1, 5, 7) };
    let mut app = headless(library, s);
    start(&mut app);
    app
}

fn clock(app: &App) -> Clock {
    *app.world().resource::<Clock>()
}

fn frames(app: &mut App, n: usize) {
    for _ in 0..n {
        app.update();
    }
}

#[test]
fn the_clock_waits_for_the_sound_then_runs() {
    let mut app = sound_game(SoundClock::AfterSound);
    frames(&mut app, 30);
    assert_eq!(clock(&app).elapsed, Duration::ZERO, "{:?}", clock(&app));
    assert!(clock(&app).sound_hold.is_some());
    app.world_mut().write_message(SoundPlayed);
    frames(&mut app, 30);
    assert_eq!(clock(&app).sound_hold, None);
    assert!(clock(&app).elapsed > Duration::ZERO, "{:?} in {:?}", clock(&app), phase(&app));
}

#[test]
fn a_sound_marked_at_once_does_not_hold_the_clock() {
    let mut app = sound_game(SoundClock::AtOnce);
    frames(&mut app, 30);
    assert_eq!(clock(&app).sound_hold, None);
    assert!(clock(&app).elapsed > Duration::ZERO);
}

#[test]
fn a_sound_the_tv_never_finishes_holds_the_clock_no_longer_than_the_longest_sound() {
    let mut app = sound_game(SoundClock::AfterSound);
    let before = clock(&app).sound_hold.expect("held");
    assert!(before <= SOUND_HOLD && before > SOUND_HOLD - Duration::from_secs(1), "{before:?}");
    // Frames of a known length: up to just before the hold ends, then a second past it.
    let hold_frames = (SOUND_HOLD.as_millis() / FRAME.as_millis()) as usize;
    frames(&mut app, hold_frames - 5);
    assert!(clock(&app).sound_hold.is_some() && clock(&app).elapsed.is_zero(), "{:?}", clock(&app));
    frames(&mut app, 15);
    assert_eq!(clock(&app).sound_hold, None, "{:?}", clock(&app));
    assert!(clock(&app).elapsed > Duration::ZERO);
    assert_eq!(phase(&app), Some(bigtuna::game::Phase::Question), "the question is still open");
}
