//! Menu focus shared by every screen, on Bevy's own focus: which item has it is
//! [`InputFocus`]; an item takes part with a [`TabIndex`] (its place in the order) under a
//! [`TabGroup`] (each screen's root; an overlay's root is a modal group, so an open pause menu
//! takes the focus from the screen beneath); up and down step through the order with
//! [`TabNavigation`], and a grid's items ([`GridCell`]) are joined in Bevy's
//! [`DirectionalNavigationMap`]. Arrows, d-pad and mouse move the focus; Enter, South or a
//! click trigger [`Activate`] on the item, and left and right trigger [`Adjust`] on an
//! [`Adjustable`] one. Each button carries its own observers (see [`super::widgets`]), so no
//! screen matches entities against an action enum.
//!
//! Keys and pads reach the focus only as [`NavAction`]s (devices → actions): Bevy's dispatch
//! of raw keys to the focused entity is left out of the app (`app.rs`), or a button would be
//! activated twice by one Enter.

use bevy::input_focus::directional_navigation::{DirectionalNavigation, DirectionalNavigationMap};
use bevy::input_focus::tab_navigation::{NavAction as Step, TabGroup, TabIndex, TabNavigation};
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::math::CompassOctant;
use bevy::prelude::*;
pub use bevy::ui_widgets::Activate;

use super::palette;
use crate::game::{Overlay, Phase, Screen};
use crate::input::{InputContext, NavAction};

/// Esc (or a gamepad's East) activates this item: the screen's way back.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancel;

/// Left and right change this item's value instead of moving the focus.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustable;

/// Colours of a focusable item at rest and under focus (default: the panel colours).
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct FocusStyle {
    /// At rest.
    pub normal: Color,
    /// Focused.
    pub focused: Color,
}

/// Until when (game time) keys and pads do not act: the screen has just changed.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FocusGuard(pub std::time::Duration);

/// How long after a screen changes keys and pads are not taken: a press meant for the
/// question as its time ran out must not act on the reveal. Shorter than anyone reads a
/// new screen and reacts to it.
pub const SCREEN_GUARD: std::time::Duration = std::time::Duration::from_millis(250);

/// The item's place in a grid (the answer tiles, the host's buttons): up and down move to
/// the nearest item of the row above or below, left and right along the row. The cells of
/// each group are joined in Bevy's [`DirectionalNavigationMap`] as they appear.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// Row, from the top.
    pub row: usize,
    /// Column, from the left.
    pub col: usize,
}

/// An [`Adjustable`] item's value steps: left (-1) or right (+1), or activated (+1, and past
/// the last value back to the first).
#[derive(EntityEvent, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjust {
    /// The item.
    pub entity: Entity,
    /// -1 or +1.
    pub delta: i32,
    /// Activated rather than stepped: a value at its end starts over rather than stop.
    pub wraps: bool,
}

/// Where the focus goes when its item goes: the first item after a change of screen, else
/// the item that took the place of the one that went (a list laid out again keeps the focus
/// where it was), by its place in the order.
/// Kept with whether the place was on an overlay: an overlay that opens or closes starts at
/// its first item, whatever the place was beneath.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
struct FocusRestore(Option<(bool, i32)>);

/// Focus, keys and pads on menus (public so that a headless test can drive it).
pub fn plugin(app: &mut App) {
    app.init_resource::<InputFocus>()
        .init_resource::<DirectionalNavigationMap>()
        .init_resource::<FocusGuard>()
        .init_resource::<FocusRestore>()
        .add_observer(activating_steps)
        .add_observer(focus_first)
        .add_systems(
            Update,
            (
                reset_focus.run_if(
                    state_changed::<Screen>.or_eager(state_changed::<Phase>).or_eager(state_changed::<Overlay>),
                ),
                join_grids,
                keep_focus,
                navigate,
                mouse,
                remember_place,
                style,
            )
                .chain()
                .in_set(crate::game::GameSystems::Navigate),
        );
}

/// Enter or a click on an adjustable item steps its value on, so every device reaches it.
fn activating_steps(activate: On<Activate>, adjustable: Query<(), With<Adjustable>>, mut commands: Commands) {
    if adjustable.contains(activate.entity) {
        commands.trigger(Adjust { entity: activate.entity, delta: 1, wraps: true });
    }
}

/// A screen laid out again in place (not a new screen) starts its focus over, on its first
/// item.
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusFirst;

fn focus_first(_: On<FocusFirst>, mut focus: ResMut<InputFocus>, mut restore: ResMut<FocusRestore>) {
    if focus.get().is_some() {
        focus.clear();
    }
    restore.0 = None;
}

fn reset_focus(
    mut focus: ResMut<InputFocus>,
    mut restore: ResMut<FocusRestore>,
    mut guard: ResMut<FocusGuard>,
    time: Res<Time>,
) {
    if focus.get().is_some() {
        focus.clear();
    }
    restore.0 = None;
    guard.0 = time.elapsed() + SCREEN_GUARD;
}

/// What the focus may reach: the items of the open overlay's modal group, else those of the
/// screens' groups.
#[derive(bevy::ecs::system::SystemParam)]
struct Reach<'w, 's> {
    groups: Query<'w, 's, (Entity, &'static TabGroup)>,
    parents: Query<'w, 's, &'static ChildOf>,
    items: Query<'w, 's, (Entity, &'static TabIndex, Has<Adjustable>, Has<GridCell>)>,
    tabs: TabNavigation<'w, 's>,
}

impl Reach<'_, '_> {
    /// The topmost modal group there is (an overlay), if any.
    fn modal(&self) -> Option<Entity> {
        self.groups.iter().filter(|(_, g)| g.modal).max_by_key(|(e, g)| (g.order, *e)).map(|(e, _)| e)
    }

    /// The group an entity belongs to: its nearest ancestor with a [`TabGroup`].
    fn group_of(&self, entity: Entity) -> Option<Entity> {
        self.parents.iter_ancestors(entity).find(|a| self.groups.contains(*a))
    }

    /// Whether `entity` takes the focus now: it has a place in the order (an item hidden for
    /// a while loses it) and is in the open overlay or, with none open, on the screen.
    fn reaches(&self, entity: Entity, modal: Option<Entity>) -> bool {
        if !self.items.contains(entity) {
            return false;
        }
        match (self.group_of(entity), modal) {
            (Some(group), Some(modal)) => group == modal,
            (Some(group), None) => self.groups.get(group).is_ok_and(|(_, g)| !g.modal),
            (None, _) => false,
        }
    }

    /// The reachable items, with their place in the order.
    fn reachable(&self) -> Vec<(Entity, i32)> {
        let modal = self.modal();
        self.items.iter().filter(|(e, ..)| self.reaches(*e, modal)).map(|(e, index, ..)| (e, index.0)).collect()
    }

    /// The first or last reachable item, in Bevy's tab order.
    fn end(&self, step: Step) -> Option<Entity> {
        match self.modal() {
            Some(modal) => self.tabs.initialize(modal, step).ok(),
            None => self.tabs.navigate(&InputFocus::default(), step).ok(),
        }
    }
}

/// The focus is always on a reachable item: the first after a change of screen, else (its
/// item went, or an overlay opened or closed) the one in its place.
fn keep_focus(reach: Reach, mut focus: ResMut<InputFocus>, restore: Res<FocusRestore>) {
    let modal = reach.modal();
    if focus.get().is_some_and(|entity| reach.reaches(entity, modal)) {
        return;
    }
    let reachable = reach.reachable();
    if reachable.is_empty() {
        return;
    }
    let place = restore.0.filter(|(on_overlay, _)| *on_overlay == modal.is_some()).and_then(|(_, was)| {
        // The item now at that place, or the one before it: the list may have grown shorter.
        reachable.iter().filter(|(_, index)| *index <= was).max_by_key(|(e, index)| (*index, *e)).map(|(e, _)| *e)
    });
    if let Some(entity) = place.or_else(|| reach.end(Step::First)) {
        focus.set(entity, FocusCause::Navigated);
    }
}

/// Where the focus is in the order, once keys, pads and the pointer moved it this frame: where
/// it goes back to should its item go.
fn remember_place(focus: Res<InputFocus>, reach: Reach, mut restore: ResMut<FocusRestore>) {
    if let Some((_, index, ..)) = focus.get().and_then(|entity| reach.items.get(entity).ok()) {
        restore.set_if_neq(FocusRestore(Some((reach.modal().is_some(), index.0))));
    }
}

fn navigate(
    mut nav: MessageReader<NavAction>,
    reach: Reach,
    cancels: Query<Entity, With<Cancel>>,
    context: Res<InputContext>,
    guard: Res<FocusGuard>,
    time: Res<Time>,
    mut directions: DirectionalNavigation,
    mut commands: Commands,
) {
    if time.elapsed() < guard.0 {
        nav.clear();
        return;
    }
    let modal = reach.modal();
    // While typing, Esc belongs to the text field.
    let cancel = cancels.iter().find(|e| reach.reaches(*e, modal)).filter(|_| *context != InputContext::TextEntry);
    for action in nav.read() {
        let Some(entity) = directions.focus.get() else { continue };
        let Ok((_, _, adjustable, in_grid)) = reach.items.get(entity) else { continue };
        match action {
            NavAction::Up | NavAction::Down => {
                let (octant, step, end) = if *action == NavAction::Up {
                    (CompassOctant::North, Step::Previous, Step::First)
                } else {
                    (CompassOctant::South, Step::Next, Step::Last)
                };
                // In a grid, to the row above or below; past its edge (or outside one), in
                // order, stopping at the ends rather than wrap around.
                if in_grid && directions.navigate(octant).is_ok() {
                    continue;
                }
                if reach.end(end) != Some(entity)
                    && let Ok(next) = reach.tabs.navigate(&directions.focus, step)
                {
                    directions.focus.set(next, FocusCause::Navigated);
                }
            }
            NavAction::Left | NavAction::Right => {
                let (delta, octant) =
                    if *action == NavAction::Left { (-1, CompassOctant::West) } else { (1, CompassOctant::East) };
                if adjustable {
                    commands.trigger(Adjust { entity, delta, wraps: false });
                } else if in_grid {
                    // Along the row; at its end the focus stays.
                    let _ = directions.navigate(octant);
                }
            }
            NavAction::Confirm => commands.trigger(Activate { entity }),
            NavAction::Back => {
                if let Some(entity) = cancel {
                    commands.trigger(Activate { entity });
                }
            }
            NavAction::Pause | NavAction::Submit => {}
        }
    }
}

/// Joins each group's grid cells in Bevy's directional map as they appear or go: up and down
/// to the nearest column of the row above or below, left and right to the next column.
fn join_grids(
    added: Query<(), Added<GridCell>>,
    mut removed: RemovedComponents<GridCell>,
    cells: Query<(Entity, &GridCell)>,
    reach: Reach,
    mut map: ResMut<DirectionalNavigationMap>,
) {
    let removed = removed.read().count() > 0;
    if added.is_empty() && !removed {
        return;
    }
    map.clear();
    let cells: Vec<(Entity, GridCell, Option<Entity>)> =
        cells.iter().map(|(e, cell)| (e, *cell, reach.group_of(e))).collect();
    for (entity, here, group) in &cells {
        let peers = || cells.iter().filter(|(_, _, g)| g == group);
        for (octant, rows) in [(CompassOctant::North, -1), (CompassOctant::South, 1)] {
            let Some(row) = here.row.checked_add_signed(rows) else { continue };
            let nearest =
                peers().filter(|(_, c, _)| c.row == row).min_by_key(|(e, c, _)| (c.col.abs_diff(here.col), *e));
            if let Some((to, ..)) = nearest {
                map.add_edge(*entity, *to, octant);
            }
        }
        for (octant, cols) in [(CompassOctant::West, -1), (CompassOctant::East, 1)] {
            let Some(col) = here.col.checked_add_signed(cols) else { continue };
            if let Some((to, ..)) = peers().find(|(_, c, _)| c.row == here.row && c.col == col) {
                map.add_edge(*entity, *to, octant);
            }
        }
    }
}

/// The pointer moves the focus; a click activates through the widget's own `Activate`.
fn mouse(
    mut moved: MessageReader<bevy::window::CursorMoved>,
    changed: Query<(Entity, &Interaction), Changed<Interaction>>,
    reach: Reach,
    mut focus: ResMut<InputFocus>,
) {
    // A button that appears under a resting pointer must not steal the keyboard's focus:
    // hovering only counts when the mouse moves. The first position a window hears (it
    // opened under the pointer, or the pointer came in) has no delta: that is no move.
    let mouse_moved = moved.read().fold(false, |any, m| any | m.delta.is_some_and(|d| d != Vec2::ZERO));
    let modal = reach.modal();
    for (entity, interaction) in &changed {
        if !reach.items.contains(entity) || !reach.reaches(entity, modal) || focus.get() == Some(entity) {
            continue;
        }
        match interaction {
            Interaction::Pressed => focus.set(entity, FocusCause::Pressed),
            Interaction::Hovered if mouse_moved => focus.set(entity, FocusCause::Navigated),
            _ => {}
        }
    }
}

fn style(
    focus: Res<InputFocus>,
    reach: Reach,
    mut looks: Query<(&mut BackgroundColor, &mut BorderColor, Option<&FocusStyle>)>,
) {
    let focused = focus.get();
    for (entity, _) in reach.reachable() {
        let Ok((mut background, mut border, custom)) = looks.get_mut(entity) else { continue };
        let style = custom.copied().unwrap_or(FocusStyle { normal: palette::PANEL, focused: palette::PANEL_FOCUSED });
        let is_focused = Some(entity) == focused;
        let colour = if is_focused { style.focused } else { style.normal };
        let edge = if is_focused { palette::ACCENT } else { style.normal };
        // Only write on change: a write would wake the reactive renderer every frame.
        background.reborrow().map_unchanged(|v| &mut v.0).set_if_neq(colour);
        let wanted = BorderColor::all(edge);
        border.set_if_neq(wanted);
    }
}
