//! The pack browser: installed packs with their counts, and skipped packs with their errors.

use bevy::prelude::*;

use crate::game::{GameSystems, Screen};
use crate::input::NavAction;
use crate::pack::{PackLibrary, PackStats};
use crate::paths;
use crate::theme::interaction::Activated;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

#[derive(Component)]
struct BackButton;

/// Problems shown per skipped pack; the rest are one `bigtuna validate` away.
const PROBLEMS_SHOWN: usize = 3;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Packs), spawn)
        .add_systems(Update, back.run_if(in_state(Screen::Packs)).in_set(GameSystems::Screens));
}

fn spawn(mut commands: Commands, library: Res<PackLibrary>, fonts: Res<Fonts>) {
    commands.spawn((widgets::screen_root("Packs screen"), DespawnOnExit(Screen::Packs))).with_children(|root| {
        root.spawn(widgets::text("Question packs", 3.0, palette::ACCENT, &fonts.bold));
        root.spawn(Node {
            flex_direction: FlexDirection::Column,
            row_gap: rem(0.8),
            max_width: percent(90),
            ..default()
        })
        .with_children(|list| {
            for pack in &library.packs {
                let stats = PackStats::of(pack);
                let kinds = stats
                    .by_kind
                    .iter()
                    .map(|(k, n)| format!("{} {n}", k.replace('_', " ")))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let levels =
                    stats.by_difficulty.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(" · ");
                list.spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(rem(0.8)),
                        border_radius: BorderRadius::all(rem(0.5)),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                    children![
                        widgets::text(
                            format!("{}  ·  {} questions", pack.title, stats.questions),
                            1.7,
                            palette::TEXT,
                            &fonts.bold
                        ),
                        widgets::text(
                            format!("{}  ·  {} categories  ·  by {}", levels, stats.by_category.len(), pack.author),
                            1.2,
                            palette::MUTED,
                            &fonts.regular
                        ),
                        widgets::text(kinds, 1.2, palette::MUTED, &fonts.regular),
                    ],
                ));
            }
            for skipped in &library.skipped {
                let mut lines: Vec<String> =
                    skipped.problems.0.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect();
                let more = skipped.problems.0.len().saturating_sub(PROBLEMS_SHOWN);
                if more > 0 {
                    lines.push(format!("… and {more} more: run  bigtuna validate {}", skipped.file));
                }
                list.spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(rem(0.8)),
                        border: UiRect::left(rem(0.4)),
                        border_radius: BorderRadius::all(rem(0.5)),
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                    BorderColor::all(palette::WRONG),
                    children![
                        widgets::text(format!("Skipped: {}", skipped.file), 1.5, palette::WRONG, &fonts.bold),
                        widgets::text(lines.join("\n"), 1.1, palette::TEXT, &fonts.regular),
                    ],
                ));
            }
        });
        let folder =
            paths::user_packs_dir().map_or_else(String::new, |d| format!("Add your own packs in {}", d.display()));
        root.spawn(widgets::text(folder, 1.1, palette::MUTED, &fonts.regular));
        root.spawn(widgets::button("Back", BackButton, 0, &fonts));
        root.spawn(widgets::hints("Enter or Esc back", &fonts));
    });
}

fn back(
    mut activated: MessageReader<Activated>,
    mut nav: MessageReader<NavAction>,
    buttons: Query<(), With<BackButton>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let clicked = activated.read().filter(|Activated(e)| buttons.get(*e).is_ok()).count() > 0;
    if clicked || nav.read().filter(|a| **a == NavAction::Back).count() > 0 {
        next.set(Screen::Title);
    }
}
