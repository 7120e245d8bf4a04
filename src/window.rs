//! The window: fullscreen (F11 and settings), Ctrl+Q, a remembered size, a title and an icon,
//! and redrawing only when needed (reactive updates, faster only while a timer runs).

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowMode, WindowResized};
use bevy::winit::{EventLoopProxyWrapper, UpdateMode, WinitSettings, WinitUserEvent};
use winit::event_loop::EventLoopProxy;

use crate::game::{FlowCommand, Game, Overlay, Phase, Screen};
use crate::input::AppCommand;
use crate::net::inbound::PhoneLink;
use crate::persist::UserSettings;

/// How far the timer bar may move between two redraws, in pixels: small enough to look smooth.
pub const TIMER_STEP_PX: f32 = 4.0;
/// Never redraw a running timer more often than this ...
pub const TIMER_FRAME_MIN: Duration = Duration::from_millis(50);
/// ... nor less often (the seconds count down too).
pub const TIMER_FRAME_MAX: Duration = Duration::from_millis(500);

/// Time between redraws while a timer of `limit` drains a bar `bar_px` wide: the bar moves
/// [`TIMER_STEP_PX`] per redraw. Under reduced motion it steps once a second, with the count.
pub fn timer_frame(limit: Duration, bar_px: f32, reduced_motion: bool) -> Duration {
    if reduced_motion {
        return Duration::from_secs(1);
    }
    let per_step = limit.as_secs_f32() * TIMER_STEP_PX / bar_px.max(1.0);
    Duration::from_secs_f32(per_step).clamp(TIMER_FRAME_MIN, TIMER_FRAME_MAX)
}
/// Redraws while the caret of a text field blinks.
pub const CARET_FRAME: Duration = Duration::from_millis(250);

/// Set when the app was asked to redraw every frame (smoke tests, measurements).
#[derive(Resource, Debug, Clone, Copy)]
pub struct Continuous;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, install_wake)
        .add_systems(Update, (app_commands, follow_fullscreen, remember_size, pace_frames, set_icon, wake_on_phones));
}

/// Side of the window icon, in pixels.
const ICON_SIZE: u32 = 64;

/// The icon: a gold tuna on a navy disc, drawn here so no image file can go missing.
pub fn icon_pixels() -> Vec<u8> {
    icon_of_side(ICON_SIZE)
}

/// The icon drawn `side` pixels square, as RGBA rows (the desktop's menu takes 256).
pub fn icon_of_side(side: u32) -> Vec<u8> {
    let size = side as f32;
    let mut pixels = Vec::with_capacity((side * side * 4) as usize);
    for y in 0..side {
        for x in 0..side {
            let (px, py) = ((x as f32 + 0.5) / size * 2.0 - 1.0, (y as f32 + 0.5) / size * 2.0 - 1.0);
            let disc = px * px + py * py <= 1.0;
            // Body: an ellipse; tail: a triangle to its right; eye: a dot.
            let body = ((px + 0.12) / 0.58).powi(2) + (py / 0.30).powi(2) <= 1.0;
            let tail = px > 0.38 && px < 0.78 && py.abs() < (px - 0.38) * 1.0 + 0.04;
            let eye = (px + 0.45).powi(2) + (py + 0.06).powi(2) < 0.006;
            let rgba = if eye {
                [20, 30, 51, 255]
            } else if body || tail {
                [242, 177, 52, 255]
            } else if disc {
                [20, 30, 51, 255]
            } else {
                [0, 0, 0, 0]
            };
            pixels.extend_from_slice(&rgba);
        }
    }
    pixels
}

/// winit windows appear after start-up and their icon can only be set on the main thread.
fn set_icon(
    mut done: Local<bool>,
    windows: Query<Entity, With<PrimaryWindow>>,
    _main_thread: bevy::ecs::system::NonSendMarker,
) {
    if *done {
        return;
    }
    let Ok(entity) = windows.single() else { return };
    bevy::winit::WINIT_WINDOWS.with_borrow(|winit_windows| {
        if let Some(window) = winit_windows.get_window(entity) {
            match winit::window::Icon::from_rgba(icon_pixels(), ICON_SIZE, ICON_SIZE) {
                Ok(icon) => window.set_window_icon(Some(icon)),
                Err(error) => warn!("cannot set the window icon: {error}"),
            }
            *done = true;
        }
    });
}

/// F11, Ctrl+Q and M, on every screen.
fn app_commands(
    mut commands: MessageReader<AppCommand>,
    mut settings: ResMut<UserSettings>,
    screen: Option<Res<State<Screen>>>,
    overlay: Option<Res<State<Overlay>>>,
    mut flow: MessageWriter<FlowCommand>,
    mut exit: MessageWriter<AppExit>,
) {
    for command in commands.read() {
        match command {
            AppCommand::ToggleFullscreen => settings.fullscreen = !settings.fullscreen,
            // During a game, Ctrl+Q asks first; pressed again on that question, it quits.
            AppCommand::Quit
                if screen.as_ref().is_some_and(|s| *s.get() == Screen::Playing)
                    && overlay.as_ref().is_none_or(|o| *o.get() != Overlay::ConfirmQuit) =>
            {
                flow.write(FlowCommand::Quit);
            }
            AppCommand::Quit => {
                exit.write(AppExit::Success);
            }
            AppCommand::ToggleMute => {
                settings.muted = !settings.muted;
                info!("sound {}", if settings.muted { "muted" } else { "on" });
            }
            // The host's keys are the host screen's; F6 is the flags'.
            AppCommand::HostPanel
            | AppCommand::RevealNow
            | AppCommand::SkipQuestion
            | AppCommand::EndGame
            | AppCommand::ShowHostCode
            | AppCommand::FlagQuestion
            | AppCommand::HearAgain => {}
        }
    }
}

fn follow_fullscreen(settings: Res<UserSettings>, mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    if !settings.is_changed() {
        return;
    }
    for mut window in &mut windows {
        let mode = if settings.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        window.reborrow().map_unchanged(|v| &mut v.mode).set_if_neq(mode);
    }
}

fn remember_size(mut resized: MessageReader<WindowResized>, mut settings: ResMut<UserSettings>) {
    let Some(last) = resized.read().last() else { return };
    if settings.fullscreen {
        return;
    }
    let size = (last.width.round() as u32, last.height.round() as u32);
    if size.0 >= 800 && size.1 >= 600 && settings.window_size != Some(size) {
        settings.window_size = Some(size);
    }
}

/// Something on screen is in motion (an animation, a banner counting down): while any is, the
/// window updates every frame.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct Moving;

/// Reactive updates everywhere; while something moves, every frame; while a timer runs, a steady 20 updates a second so the bar
/// drains smoothly; while a caret blinks, 4.
fn pace_frames(
    windows: Query<&Window, With<PrimaryWindow>>,
    settings: Res<UserSettings>,
    game: Option<Res<Game>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Option<Res<State<Overlay>>>,
    continuous: Option<Res<Continuous>>,
    moving: Query<(), With<Moving>>,
    mut winit: ResMut<WinitSettings>,
) {
    let wanted = if continuous.is_some() || !moving.is_empty() {
        WinitSettings::game()
    } else {
        let asking =
            phase.is_some_and(|p| *p.get() == Phase::Question) && overlay.is_some_and(|o| *o.get() == Overlay::None);
        let question = game.as_ref().and_then(|g| g.question()).map(|q| &q.presented);
        let limit = game.as_ref().and_then(|g| g.time_limit(g.current));
        let typing = matches!(question, Some(crate::game::Presented::Typed | crate::game::Presented::Number));
        // The bar spans the window, less its margins.
        let bar_px = windows.single().map_or(1280.0, |w| w.width() * 0.95);
        match (asking, limit, typing) {
            (true, Some(limit), _) => {
                let frame = timer_frame(limit, bar_px, settings.reduced_motion);
                // A blinking caret needs its own pace too.
                let frame = if typing { frame.min(CARET_FRAME) } else { frame };
                WinitSettings { focused_mode: UpdateMode::reactive(frame), unfocused_mode: UpdateMode::reactive(frame) }
            }
            (true, None, true) => WinitSettings {
                focused_mode: UpdateMode::reactive(CARET_FRAME),
                unfocused_mode: UpdateMode::reactive(CARET_FRAME),
            },
            _ => WinitSettings::desktop_app(),
        }
    };
    if winit.focused_mode != wanted.focused_mode || winit.unfocused_mode != wanted.unfocused_mode {
        *winit = wanted;
    }
}

/// Wakes the window's loop, which otherwise waits for local input, from another thread (the
/// phone server, the pack watcher). Absent headless, where the loop never waits.
#[derive(Resource, Clone)]
pub struct Wake(pub Arc<dyn Fn() + Send + Sync>);

fn install_wake(mut commands: Commands, proxy: Option<Res<EventLoopProxyWrapper>>) {
    let Some(proxy) = proxy else { return };
    let proxy: EventLoopProxy<WinitUserEvent> = (**proxy).clone();
    commands.insert_resource(Wake(Arc::new(move || {
        // The loop may be closing: then there is nobody to wake.
        let _ = proxy.send_event(WinitUserEvent::WakeUp);
    })));
}

/// A phone's message wakes the window's loop.
fn wake_on_phones(link: Option<Res<PhoneLink>>, wake: Option<Res<Wake>>) {
    let (Some(link), Some(wake)) = (link, wake) else { return };
    if link.is_added() {
        link.0.set_waker(wake.0.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_redraws_as_often_as_the_bar_moves() {
        // 20 s over 1216 px: 4 px every 66 ms.
        assert_eq!(timer_frame(Duration::from_secs(20), 1216.0, false).as_millis(), 65);
        assert_eq!(timer_frame(Duration::from_secs(10), 1216.0, false), TIMER_FRAME_MIN);
        assert_eq!(timer_frame(Duration::from_secs(60), 400.0, false), TIMER_FRAME_MAX);
        assert_eq!(timer_frame(Duration::from_secs(20), 1216.0, true), Duration::from_secs(1));
    }
}
