//! Settings: volume, mute, fullscreen, text size, reduced motion, pictures. Saved as soon as
//! changed.

use bevy::prelude::*;

use super::go_to;
use crate::game::Screen;
use crate::persist::UserSettings;
use crate::persist::settings_file::TEXT_SCALE;
use crate::theme::focus::{Adjust, Cancel};
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, rem};

/// A row of the screen: what it changes, and what its label shows.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum SettingsRow {
    Volume,
    Mute,
    Fullscreen,
    TextScale,
    ReducedMotion,
    Pictures,
}

const ROWS: [SettingsRow; 6] = [
    SettingsRow::Volume,
    SettingsRow::Mute,
    SettingsRow::Fullscreen,
    SettingsRow::TextScale,
    SettingsRow::ReducedMotion,
    SettingsRow::Pictures,
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Settings), spawn)
        .add_systems(Update, refresh.run_if(in_state(Screen::Settings)).in_set(crate::game::GameSystems::Screens));
}

fn spawn(mut commands: Commands, fonts: Res<Fonts>) {
    commands.spawn((widgets::screen_root("Settings screen"), DespawnOnExit(Screen::Settings))).with_children(|root| {
        root.spawn(widgets::text("Settings", 3.0, palette::ACCENT, &fonts.bold));
        root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.4), ..default() }).with_children(
            |list| {
                for (order, row) in ROWS.into_iter().enumerate() {
                    let action = move |adjust: On<Adjust>, mut settings: ResMut<UserSettings>| {
                        apply(row, adjust.delta, adjust.wraps, &mut settings);
                    };
                    list.spawn((widgets::stepper(order, &fonts, action), row));
                }
            },
        );
        root.spawn((widgets::button("Back", ROWS.len(), &fonts, go_to(Screen::Title)), Cancel));
        root.spawn(widgets::hints("↑ ↓ move · ← → change · Enter toggle · Esc back", &fonts));
    });
}

/// Steps a setting; Enter (`wraps`) steps the volume and text size up, past the top to the bottom.
fn apply(row: SettingsRow, delta: i32, wraps: bool, settings: &mut UserSettings) {
    match row {
        SettingsRow::Volume if wraps && settings.volume >= 1.0 => settings.volume = 0.0,
        SettingsRow::Volume => {
            settings.volume = ((settings.volume * 10.0).round() + delta as f32).clamp(0.0, 10.0) / 10.0
        }
        SettingsRow::Mute => settings.muted = !settings.muted,
        SettingsRow::Fullscreen => settings.fullscreen = !settings.fullscreen,
        SettingsRow::TextScale if wraps && settings.text_scale >= *TEXT_SCALE.end() => {
            settings.text_scale = *TEXT_SCALE.start()
        }
        SettingsRow::TextScale => {
            let step = 25 * delta;
            settings.text_scale = (i32::from(settings.text_scale) + step)
                .clamp(i32::from(*TEXT_SCALE.start()), i32::from(*TEXT_SCALE.end()))
                as u16;
        }
        SettingsRow::ReducedMotion => settings.reduced_motion = !settings.reduced_motion,
        SettingsRow::Pictures => settings.pictures = !settings.pictures,
    }
}

fn refresh(
    settings: Res<UserSettings>,
    mut rows: Query<(&SettingsRow, &mut ButtonText)>,
    fresh: Query<(), Added<SettingsRow>>,
    no_sound_card: Option<Res<crate::audio::NoSoundCard>>,
) {
    if fresh.is_empty() && !settings.is_changed() {
        return;
    }
    let on_off = |on: bool| if on { "On" } else { "Off" };
    for (row, mut text) in &mut rows {
        let label = match row {
            SettingsRow::Volume => format!("Volume   ‹ {:.0}% ›", settings.volume * 100.0),
            SettingsRow::Mute if no_sound_card.is_some() => "Sound   (no sound card found)".to_owned(),
            SettingsRow::Mute => format!("Sound   ‹ {} ›", if settings.muted { "Muted" } else { "On" }),
            SettingsRow::Fullscreen => format!("Fullscreen   ‹ {} ›", on_off(settings.fullscreen)),
            SettingsRow::TextScale => format!("Text size   ‹ {}% ›", settings.text_scale),
            SettingsRow::ReducedMotion => format!("Reduced motion   ‹ {} ›", on_off(settings.reduced_motion)),
            SettingsRow::Pictures => format!("Pictures   ‹ {} ›", on_off(settings.pictures)),
        };
        text.set_if_neq(ButtonText(label));
    }
}
