//! Menu focus shared by every screen: arrows, d-pad and mouse move it; Enter, South or a
//! click trigger [`Activate`] on the item, and left and right trigger [`Adjust`] on an
//! [`Adjustable`] one. Each button carries its own observers (see [`super::widgets`]), so no
//! screen matches entities against an action enum.

use bevy::prelude::*;
pub use bevy::ui_widgets::Activate;

use super::palette;
use crate::game::{Overlay, Phase, Screen};
use crate::input::{InputContext, NavAction};

/// Something that can take the focus. The focus moves in `order`; only the highest `layer`
/// present is reachable, so an open pause menu takes the focus from the screen beneath.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focusable {
    /// Position in the focus order.
    pub order: usize,
}

/// Esc (or a gamepad's East) activates this item: the screen's way back.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancel;

/// Puts a [`Focusable`] on a layer above the screen (overlays).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusLayer(pub u8);

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

/// Which item has the focus.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Focus {
    /// Index into the reachable items, sorted by order.
    pub index: usize,
    /// Until when (game time) keys and pads do not act: the screen has just changed.
    pub guarded_until: std::time::Duration,
}

/// How long after a screen changes keys and pads are not taken: a press meant for the
/// question as its time ran out must not act on the reveal. Shorter than anyone reads a
/// new screen and reacts to it.
pub const SCREEN_GUARD: std::time::Duration = std::time::Duration::from_millis(250);

/// The item's place in a grid (the answer tiles, the host's buttons): up and down move to
/// the nearest item of the row above or below, left and right along the row.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// Row, from the top.
    pub row: usize,
    /// Column, from the left.
    pub col: usize,
}

/// The items of a query that the focus can reach.
type Items<'w, 's> = Query<
    'w,
    's,
    (Entity, &'static Focusable, Option<&'static FocusLayer>, Has<Adjustable>, Option<&'static GridCell>),
>;

/// A reachable item: the entity, whether it adjusts, and its place in a grid.
type Item = (Entity, bool, Option<GridCell>);

/// Where the focus goes from `index` in a grid, by `rows` or `cols` (-1 or +1).
fn grid_step(list: &[Item], index: usize, rows: isize, cols: isize) -> Option<usize> {
    let here = list.get(index)?.2?;
    let row = here.row.checked_add_signed(rows)?;
    let candidates = list.iter().enumerate().filter_map(|(i, (_, _, cell))| cell.map(|c| (i, c)));
    if rows != 0 {
        // The nearest column of the row above or below.
        candidates.filter(|(_, c)| c.row == row).min_by_key(|(_, c)| c.col.abs_diff(here.col)).map(|(i, _)| i)
    } else {
        let col = here.col.checked_add_signed(cols)?;
        candidates.filter(|(_, c)| c.row == row && c.col == col).map(|(i, _)| i).next()
    }
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

/// Focus, keys and pads on menus (public so that a headless test can drive it).
pub fn plugin(app: &mut App) {
    app.init_resource::<Focus>().add_observer(activating_steps).add_systems(
        Update,
        (
            reset_focus
                .run_if(state_changed::<Screen>.or_eager(state_changed::<Phase>).or_eager(state_changed::<Overlay>)),
            navigate,
            mouse,
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

fn reset_focus(mut focus: ResMut<Focus>, time: Res<Time>) {
    *focus = Focus { index: 0, guarded_until: time.elapsed() + SCREEN_GUARD };
}

/// The reachable items, in focus order.
fn reachable(items: &Items) -> Vec<Item> {
    let top = items.iter().map(|(_, _, layer, _, _)| layer.map_or(0, |l| l.0)).max().unwrap_or(0);
    let mut list: Vec<(usize, Item)> = items
        .iter()
        .filter(|(_, _, layer, _, _)| layer.map_or(0, |l| l.0) == top)
        .map(|(entity, focusable, _, adjustable, cell)| (focusable.order, (entity, adjustable, cell.copied())))
        .collect();
    list.sort_by_key(|(order, (entity, _, _))| (*order, *entity));
    list.into_iter().map(|(_, item)| item).collect()
}

fn navigate(
    mut nav: MessageReader<NavAction>,
    items: Items,
    cancels: Query<(), With<Cancel>>,
    context: Res<InputContext>,
    mut focus: ResMut<Focus>,
    time: Res<Time>,
    mut commands: Commands,
) {
    if time.elapsed() < focus.guarded_until {
        nav.clear();
        return;
    }
    let list = reachable(&items);
    // While typing, Esc belongs to the text field.
    let cancel = list.iter().map(|(entity, _, _)| *entity).find(|e| cancels.contains(*e));
    let cancel = cancel.filter(|_| *context != InputContext::TextEntry);
    if list.is_empty() {
        nav.clear();
        return;
    }
    let last = list.len() - 1;
    focus.index = focus.index.min(last);
    for action in nav.read() {
        let (entity, adjustable, cell) = list[focus.index];
        match action {
            NavAction::Up | NavAction::Down => {
                let rows = if *action == NavAction::Up { -1 } else { 1 };
                // In a grid, to the row above or below; past its edge (or outside one), in order.
                let linear = focus.index.saturating_add_signed(rows).min(last);
                focus.index = grid_step(&list, focus.index, rows, 0).unwrap_or(linear);
            }
            NavAction::Left | NavAction::Right => {
                let delta = if *action == NavAction::Left { -1 } else { 1 };
                if adjustable {
                    commands.trigger(Adjust { entity, delta, wraps: false });
                } else if cell.is_some() {
                    focus.index = grid_step(&list, focus.index, 0, delta as isize).unwrap_or(focus.index);
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

/// The pointer moves the focus; a click activates through the widget's own `Activate`.
fn mouse(
    mut moved: MessageReader<bevy::window::CursorMoved>,
    changed: Query<(Entity, &Interaction), Changed<Interaction>>,
    items: Items,
    mut focus: ResMut<Focus>,
) {
    // A button that appears under a resting pointer must not steal the keyboard's focus:
    // hovering only counts when the mouse moves.
    let mouse_moved = moved.read().count() > 0;
    let list = reachable(&items);
    for (entity, interaction) in &changed {
        let Some(index) = list.iter().position(|(e, _, _)| *e == entity) else { continue };
        if *interaction == Interaction::Pressed || (*interaction == Interaction::Hovered && mouse_moved) {
            focus.index = index;
        }
    }
}

fn style(
    focus: Res<Focus>,
    items: Items,
    mut looks: Query<(&mut BackgroundColor, &mut BorderColor, Option<&FocusStyle>)>,
) {
    let list = reachable(&items);
    let focused = list.get(focus.index).map(|(entity, _, _)| *entity);
    for (entity, _, _) in list {
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
