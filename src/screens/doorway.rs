//! The door the host keeps when they approve names: the toggle ("Names: anyone" or "Names:
//! host lets in"), the list of phones waiting with Let in and Refuse (on the join screen and
//! the host panel), and a line over the game that says someone waits.

use bevy::prelude::*;

use crate::game::{GameSettings, GameSystems, Overlay, Screen};
use crate::net::admission::WaitingPhones;
use crate::net::inbound::PhoneLink;
use crate::theme::focus::{Activate, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, rem};

/// Where a screen lists the waiting phones: their rows start at grid row `row`, their
/// buttons at focus order `order`.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct WaitingList {
    row: usize,
    order: usize,
}

impl WaitingList {
    /// A list whose rows start at grid row `row` and focus order `order`.
    pub(super) fn at(row: usize, order: usize) -> impl Bundle {
        (
            WaitingList { row, order },
            Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                row_gap: rem(0.3),
                ..default()
            },
        )
    }
}

/// The "approve names" toggle's label.
#[derive(Component)]
struct ApproveButton;

/// The line over the game that says who waits, and its text.
#[derive(Component)]
struct WaitingNotice;

#[derive(Component)]
struct WaitingNoticeText;

/// Waiting phones a list shows; the host remote lists every one.
const SHOWN: usize = 4;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (fill, label, notice).in_set(GameSystems::Screens));
}

/// The toggle, in focus order `order`.
pub(super) fn approve_button(order: usize, fonts: &Fonts) -> impl Bundle {
    (widgets::small_button("Names: anyone", order, fonts, toggle), ApproveButton)
}

fn toggle(_: On<Activate>, mut settings: ResMut<GameSettings>) {
    settings.approve_names = !settings.approve_names;
}

fn label(settings: Res<GameSettings>, mut buttons: Query<&mut ButtonText, With<ApproveButton>>) {
    let wanted = if settings.approve_names { "Names: host lets in" } else { "Names: anyone" };
    for mut text in &mut buttons {
        text.set_if_neq(ButtonText(wanted.to_owned()));
    }
}

/// Lists the waiting phones again when one comes or goes, or a new list appears.
fn fill(
    mut commands: Commands,
    lists: Query<(Entity, &WaitingList)>,
    fresh: Query<(), Added<WaitingList>>,
    waiting: Res<WaitingPhones>,
    fonts: Res<Fonts>,
) {
    if fresh.is_empty() && !waiting.is_changed() {
        return;
    }
    for (entity, list) in &lists {
        commands.entity(entity).despawn_related::<Children>().with_children(|rows| {
            for (k, (phone, name)) in waiting.0.iter().take(SHOWN).enumerate() {
                let (row, order) = (list.row + k, list.order + 2 * k);
                rows.spawn(Node { column_gap: rem(0.8), align_items: AlignItems::Center, ..default() }).with_children(
                    |line| {
                        line.spawn(widgets::text(format!("{name} waits to join"), 1.3, palette::ACCENT, &fonts.bold));
                        line.spawn((
                            widgets::small_button("Let in", order, &fonts, door(*phone, true)),
                            GridCell { row, col: 0 },
                        ));
                        line.spawn((
                            widgets::small_button("Refuse", order + 1, &fonts, door(*phone, false)),
                            GridCell { row, col: 1 },
                        ));
                    },
                );
            }
            if waiting.0.len() > SHOWN {
                let more = format!("…and {} more waiting: the host remote lists everyone", waiting.0.len() - SHOWN);
                rows.spawn(widgets::text(more, 1.1, palette::MUTED, &fonts.regular));
            }
        });
    }
}

/// Let in (or refuse) `phone`: the server tells it, and the game seats it or forgets it.
fn door(phone: u32, admit: bool) -> impl FnMut(On<Activate>, Option<Res<PhoneLink>>) + Send + Sync + 'static {
    move |_, link| {
        let Some(link) = link else { return };
        if admit {
            link.0.admit(phone);
        } else {
            link.0.refuse(phone);
        }
    }
}

/// Over the game, while someone waits and the host panel is shut: who, and where to let them in.
fn notice(
    mut commands: Commands,
    waiting: Res<WaitingPhones>,
    screen: Option<Res<State<Screen>>>,
    overlay: Option<Res<State<Overlay>>>,
    fonts: Res<Fonts>,
    notices: Query<Entity, With<WaitingNotice>>,
    mut texts: Query<&mut Text, With<WaitingNoticeText>>,
) {
    // Not built again every frame: only when who waits, the screen or the panel changes.
    let moved = screen.as_ref().is_some_and(|s| s.is_changed()) || overlay.as_ref().is_some_and(|o| o.is_changed());
    if !waiting.is_changed() && !moved {
        return;
    }
    let playing = screen.is_some_and(|s| *s.get() == Screen::Playing);
    let panel = overlay.is_some_and(|o| *o.get() == Overlay::Host);
    let wanted = (playing && !panel && !waiting.0.is_empty()).then(|| {
        let names: Vec<&str> = waiting.0.iter().map(|(_, name)| name.as_str()).collect();
        // Short, between the question's number and its category.
        format!("Waiting to join: {} · F1", crate::words::names_within(&names, 28))
    });
    match (wanted, notices.iter().next()) {
        (Some(line), Some(_)) => {
            for mut text in &mut texts {
                text.reborrow().map_unchanged(|t| &mut t.0).set_if_neq(line.clone());
            }
        }
        (Some(line), None) => {
            commands.spawn((
                Name::new("Waiting notice"),
                WaitingNotice,
                DespawnOnExit(Screen::Playing),
                GlobalZIndex(15),
                Node {
                    position_type: PositionType::Absolute,
                    top: rem(0.7),
                    width: percent(100),
                    justify_content: JustifyContent::Center,
                    ..default()
                },
                children![(WaitingNoticeText, widgets::text(line, 1.1, palette::ACCENT, &fonts.bold))],
            ));
        }
        (None, Some(entity)) => commands.entity(entity).despawn(),
        (None, None) => {}
    }
}
