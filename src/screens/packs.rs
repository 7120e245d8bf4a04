//! The pack browser: installed packs with their counts and where each comes from, and
//! skipped packs with their errors; shown again whenever the packs reload.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;

use super::go_to;
use crate::game::{GameSystems, Screen};
use crate::input::NavAction;
use crate::pack::{Pack, PackLibrary, PackStats, SkippedPack};
use crate::paths;
use crate::theme::focus::Cancel;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};
use crate::words::count;

/// The scrolling list of packs.
#[derive(Component)]
struct PackList;

/// The screen, to build again when the packs reload.
#[derive(Component)]
struct PacksRoot;

/// How far one wheel notch or arrow press scrolls, in logical pixels.
const SCROLL_STEP: f32 = 48.0;

/// Problems shown per skipped pack; the rest are one `bigtuna validate` away.
const PROBLEMS_SHOWN: usize = 3;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Packs), spawn)
        .add_systems(Update, (rebuild, scroll).chain().run_if(in_state(Screen::Packs)).in_set(GameSystems::Screens));
}

fn rebuild(
    mut commands: Commands,
    library: Res<PackLibrary>,
    fonts: Res<Fonts>,
    roots: Query<Entity, With<PacksRoot>>,
) {
    if library.is_changed() && !library.is_added() {
        for root in &roots {
            commands.entity(root).despawn();
        }
        spawn(commands, library, fonts);
    }
}

fn spawn(mut commands: Commands, library: Res<PackLibrary>, fonts: Res<Fonts>) {
    let screen = (widgets::screen_root("Packs screen"), PacksRoot, DespawnOnExit(Screen::Packs));
    commands.spawn(screen).with_children(|root| {
        root.spawn(widgets::text("Question packs", 3.0, palette::ACCENT, &fonts.bold));
        // Many packs, or long error lists, scroll (mouse wheel, arrow keys, d-pad) rather than
        // run off the window.
        root.spawn((
            PackList,
            ScrollPosition::default(),
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: rem(0.8),
                max_width: percent(90),
                max_height: Val::Vh(60.0),
                overflow: Overflow::scroll_y(),
                ..default()
            },
        ))
        .with_children(|list| {
            for pack in &library.packs {
                list.spawn(pack_card(pack, &library, &fonts));
            }
            for skipped in &library.skipped {
                list.spawn(skipped_card(skipped, &library, &fonts));
            }
        });
        for replaced in &library.replaced {
            root.spawn(widgets::text(replaced.clone(), 1.0, palette::MUTED, &fonts.regular));
        }
        let folder =
            paths::user_packs_dir().map_or_else(String::new, |d| format!("Add your own packs in {}", d.display()));
        root.spawn(widgets::text(folder, 1.1, palette::MUTED, &fonts.regular));
        root.spawn((widgets::button("Back", 0, &fonts, go_to(Screen::Title)), Cancel));
        root.spawn(widgets::hints("Enter or Esc back", &fonts));
    });
}

/// A pack's title and size, its levels, categories, kinds and where it comes from.
fn pack_card(pack: &Pack, library: &PackLibrary, fonts: &Fonts) -> impl Bundle {
    let stats = PackStats::of(pack);
    let kinds =
        stats.by_kind.iter().map(|(k, n)| format!("{} {n}", k.replace('_', " "))).collect::<Vec<_>>().join(" · ");
    let levels = stats.by_difficulty.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(" · ");
    // Two packs with one title (two imports of one category) are told apart by id.
    let twins = library.packs.iter().filter(|p| p.title == pack.title).count() > 1;
    let title = if twins { format!("{} ({})", pack.title, pack.id) } else { pack.title.clone() };
    let categories = count(stats.by_category.len(), "category", "categories");
    let by = if pack.author.trim().is_empty() { String::new() } else { format!("  ·  by {}", pack.author) };
    let origin = format!("{}: {}", widgets::capitalise(pack.origin.source.label()), pack.origin.file);
    (
        card(),
        children![
            widgets::text(format!("{title}  ·  {} questions", stats.questions), 1.7, palette::TEXT, &fonts.bold),
            widgets::text(format!("{levels}  ·  {categories}{by}"), 1.2, palette::MUTED, &fonts.regular),
            widgets::text(kinds, 1.2, palette::MUTED, &fonts.regular),
            widgets::text(origin, 1.0, palette::MUTED, &fonts.regular),
        ],
    )
}

/// A pack that did not load, edged in red, with its first problems and how to see the rest.
fn skipped_card(skipped: &SkippedPack, library: &PackLibrary, fonts: &Fonts) -> impl Bundle {
    let mut lines: Vec<String> = skipped.problems.0.iter().take(PROBLEMS_SHOWN).map(ToString::to_string).collect();
    let more = skipped.problems.0.len().saturating_sub(PROBLEMS_SHOWN);
    if more > 0 {
        lines.push(format!("… and {more} more: run  bigtuna validate {}", skipped.file));
    }
    let heading = if library.still_played(&skipped.file) {
        format!("Errors in {}: its last good version is still played", skipped.file)
    } else {
        format!("Skipped: {}", skipped.file)
    };
    let (node, background) = card();
    (
        Node { border: UiRect::left(rem(0.4)), ..node },
        background,
        BorderColor::all(palette::WRONG),
        children![
            widgets::text(heading, 1.5, palette::WRONG, &fonts.bold),
            widgets::text(lines.join("\n"), 1.1, palette::TEXT, &fonts.regular),
        ],
    )
}

/// One pack in the list: a panel that keeps its size (the list scrolls instead).
fn card() -> (Node, BackgroundColor) {
    (
        Node {
            flex_direction: FlexDirection::Column,
            flex_shrink: 0.0,
            padding: UiRect::all(rem(0.8)),
            border_radius: BorderRadius::all(rem(0.5)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
    )
}

fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    mut nav: MessageReader<NavAction>,
    mut lists: Query<&mut ScrollPosition, With<PackList>>,
) {
    let lines: f32 = wheel
        .read()
        .map(|event| match event.unit {
            MouseScrollUnit::Line => -event.y * SCROLL_STEP,
            MouseScrollUnit::Pixel => -event.y,
        })
        .sum();
    let keys: f32 = nav
        .read()
        .map(|action| match action {
            NavAction::Up => -SCROLL_STEP,
            NavAction::Down => SCROLL_STEP,
            _ => 0.0,
        })
        .sum();
    let delta = lines + keys;
    if delta == 0.0 {
        return;
    }
    for mut position in &mut lists {
        // Layout keeps the position within the content; below zero is ours to prevent.
        position.0.y = (position.0.y + delta).max(0.0);
    }
}
