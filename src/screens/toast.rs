//! Toasts: a short note over any screen when the packs reload ("reloaded my-pack.ron: 12
//! questions") or a question was flagged; when a pack file has errors, the validator's own
//! lines (FILE:LINE:COL) in red until the next reload says it is fixed.

use std::time::Duration;

use bevy::prelude::*;

use crate::game::GameSystems;
use crate::persist::flags::Flagged;
use crate::persist::user_file::FileNotice;
use crate::reload::PacksReloaded;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};
use crate::window::Moving;

/// How long a note stays; errors stay until the next reload.
const SHOWN: Duration = Duration::from_secs(6);

/// Problems a toast lists; the Packs screen has them all.
const PROBLEMS_SHOWN: usize = 3;

/// A toast, and when it goes (never, for errors).
#[derive(Component)]
struct Toast(Option<Duration>);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (show, flagged, file_notices, expire).chain().in_set(GameSystems::Screens));
}

fn flagged(
    mut commands: Commands,
    mut flags: MessageReader<Flagged>,
    toasts: Query<Entity, With<Toast>>,
    fonts: Res<Fonts>,
    time: Res<Time<Real>>,
) {
    let Some(Flagged(outcome)) = flags.read().last() else { return };
    let (title, line, edge) = match outcome {
        Ok(line) => ("Thanks", line, palette::ACCENT),
        Err(line) => ("Not flagged", line, palette::WRONG),
    };
    toast(&mut commands, &toasts, &fonts, (title, edge), vec![line.clone()], Some(time.elapsed() + SHOWN));
}

/// A kept file was broken or from a newer game: what happened to it, long enough to read.
fn file_notices(
    mut commands: Commands,
    mut notices: MessageReader<FileNotice>,
    toasts: Query<Entity, With<Toast>>,
    fonts: Res<Fonts>,
    time: Res<Time<Real>>,
) {
    let lines: Vec<String> = notices.read().map(|notice| notice.0.clone()).collect();
    if lines.is_empty() {
        return;
    }
    let title = "A saved file could not be used";
    toast(&mut commands, &toasts, &fonts, (title, palette::WRONG), lines, Some(time.elapsed() + 3 * SHOWN));
}

fn show(
    mut commands: Commands,
    mut reloads: MessageReader<PacksReloaded>,
    toasts: Query<Entity, With<Toast>>,
    fonts: Res<Fonts>,
    time: Res<Time<Real>>,
) {
    let Some(reload) = reloads.read().last() else { return };
    let errors = !reload.problems.is_empty();
    let mut lines: Vec<String> = reload.changes.clone();
    lines.extend(reload.problems.iter().take(PROBLEMS_SHOWN).cloned());
    if reload.problems.len() > PROBLEMS_SHOWN {
        lines.push(format!("… and {} more on the Packs screen", reload.problems.len() - PROBLEMS_SHOWN));
    }
    if lines.is_empty() {
        return;
    }
    let (edge, until) = if errors { (palette::WRONG, None) } else { (palette::RIGHT, Some(time.elapsed() + SHOWN)) };
    let title = if errors { "Pack problems" } else { "Packs reloaded" };
    toast(&mut commands, &toasts, &fonts, (title, edge), lines, until);
}

/// A toast in place of any other, going at `until` (or staying).
fn toast(
    commands: &mut Commands,
    toasts: &Query<Entity, With<Toast>>,
    fonts: &Fonts,
    (title, edge): (&str, Color),
    lines: Vec<String>,
    until: Option<Duration>,
) {
    for toast in toasts {
        commands.entity(toast).despawn();
    }
    let mut toast = commands.spawn((
        Name::new("Toast"),
        Toast(until),
        GlobalZIndex(20),
        Node {
            position_type: PositionType::Absolute,
            top: rem(0.8),
            left: percent(5),
            right: percent(5),
            flex_direction: FlexDirection::Column,
            row_gap: rem(0.2),
            padding: UiRect::axes(rem(1.0), rem(0.6)),
            border: UiRect::left(rem(0.4)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        BorderColor::all(edge),
        children![widgets::text(title, 1.3, edge, &fonts.bold)],
    ));
    toast.with_children(|toast| {
        for line in lines {
            toast.spawn(widgets::text(line, 1.05, palette::TEXT, &fonts.regular));
        }
    });
    if until.is_some() {
        // Keep frames coming until it goes; an error toast waits for the next reload.
        toast.insert(Moving);
    }
}

fn expire(mut commands: Commands, toasts: Query<(Entity, &Toast)>, time: Res<Time<Real>>) {
    for (entity, toast) in &toasts {
        if toast.0.is_some_and(|until| time.elapsed() >= until) {
            commands.entity(entity).despawn();
        }
    }
}
