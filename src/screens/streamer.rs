//! Streamer mode, on the TV: the join screen's button (Enter steps it: off, on, then on with
//! the overlay's reveal held 3, 5 or 10 seconds), and F5 there, which shows the hidden room
//! code and QR code for a few seconds. Turned on, it also has the host approve every name.

use std::time::Duration;

use bevy::prelude::*;

use crate::game::{GameSettings, GameSystems, Screen};
use crate::input::AppCommand;
use crate::theme::focus::Activate;
use crate::theme::widgets::{self, ButtonText, Fonts};

/// How long F5 shows the room code in streamer mode.
pub(super) const SHOWN_FOR: Duration = Duration::from_secs(8);

/// The overlay's reveal delays the button steps through, in seconds, once streamer mode is on.
const DELAYS: [u8; 4] = [0, 3, 5, 10];

/// Until when (real time) the join screen shows the room code although streamer mode hides it.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct CodeReveal(pub(super) Option<Duration>);

impl CodeReveal {
    /// Whether the code is hidden now.
    pub(super) fn hides(&self, settings: &GameSettings, now: Duration) -> bool {
        settings.streamer && self.0.is_none_or(|until| now >= until)
    }
}

/// The button's label.
#[derive(Component)]
struct StreamerButton;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CodeReveal>()
        .add_systems(Update, (reveal.run_if(in_state(Screen::Join)), label).in_set(GameSystems::Screens));
}

/// The button, in focus order `order`.
pub(super) fn streamer_button(order: usize, fonts: &Fonts) -> impl Bundle {
    (widgets::small_button("Stream: off", order, fonts, step), StreamerButton)
}

/// Off, on, then each longer reveal delay, then off again.
fn step(_: On<Activate>, mut settings: ResMut<GameSettings>) {
    let at = DELAYS.iter().position(|d| *d == settings.overlay_delay);
    match (settings.streamer, at) {
        (false, _) => {
            settings.streamer = true;
            settings.overlay_delay = 0;
            // A stream's room is anyone watching it: the host sees every name first.
            settings.approve_names = true;
        }
        (true, Some(i)) if i + 1 < DELAYS.len() => settings.overlay_delay = DELAYS[i + 1],
        (true, _) => (settings.streamer, settings.overlay_delay) = (false, 0),
    }
}

fn label(settings: Res<GameSettings>, mut buttons: Query<&mut ButtonText, With<StreamerButton>>) {
    let wanted = match (settings.streamer, settings.overlay_delay) {
        (false, _) => "Stream: off".to_owned(),
        (true, 0) => "Stream: on".to_owned(),
        (true, delay) => format!("Stream: on · +{delay} s"),
    };
    for mut text in &mut buttons {
        text.set_if_neq(ButtonText(wanted.clone()));
    }
}

/// F5 on the join screen shows the hidden code for a while.
fn reveal(
    mut commands: MessageReader<AppCommand>,
    settings: Res<GameSettings>,
    time: Res<Time<Real>>,
    mut shown: ResMut<CodeReveal>,
) {
    for command in commands.read() {
        if *command == AppCommand::ShowHostCode && settings.streamer {
            shown.0 = Some(time.elapsed() + SHOWN_FOR);
        }
    }
}
