//! Menu focus on Bevy's own: `InputFocus` holds the focused item, `TabIndex` orders items
//! within each screen's `TabGroup`, an overlay's modal group keeps the focus while it is
//! open, and grid cells are joined in Bevy's directional map.

use bevy::input_focus::InputFocus;
use bevy::input_focus::directional_navigation::DirectionalNavigationMap;
use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::math::CompassOctant;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bigtuna::game::Screen;
use bigtuna::input::NavAction;
use bigtuna::theme::focus::GridCell;

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(std::time::Duration::from_millis(50)));
    app.insert_resource(bigtuna::pack::PackLibrary::default());
    app.insert_resource(bigtuna::game::GameSettings::default());
    app.add_message::<bevy::window::CursorMoved>();
    app.add_plugins((bigtuna::game::plugin, bigtuna::input::plugin, bigtuna::theme::focus::plugin));
    settle(&mut app);
    app
}

/// Past the guard that follows a change of screen.
fn settle(app: &mut App) {
    for _ in 0..8 {
        app.update();
    }
}

fn focused(app: &App) -> Option<Entity> {
    app.world().resource::<InputFocus>().get()
}

fn press(app: &mut App, action: NavAction) {
    app.world_mut().write_message(action);
    app.update();
}

/// A group holding items of these orders.
fn group(app: &mut App, group: TabGroup, orders: &[i32]) -> (Entity, Vec<Entity>) {
    let root = app.world_mut().spawn(group).id();
    let items = orders.iter().map(|order| app.world_mut().spawn((TabIndex(*order), ChildOf(root))).id()).collect();
    (root, items)
}

#[test]
fn up_and_down_step_through_the_order_and_stop_at_the_ends() {
    let mut app = app();
    let (_, items) = group(&mut app, TabGroup::new(0), &[2, 0, 1]);
    app.update();
    assert_eq!(focused(&app), Some(items[1]), "the first in order takes the focus");
    press(&mut app, NavAction::Up);
    assert_eq!(focused(&app), Some(items[1]), "no way up from the first");
    press(&mut app, NavAction::Down);
    press(&mut app, NavAction::Down);
    assert_eq!(focused(&app), Some(items[0]));
    press(&mut app, NavAction::Down);
    assert_eq!(focused(&app), Some(items[0]), "no wrapping past the last");
}

#[test]
fn an_open_overlay_keeps_the_focus_and_gives_it_back_when_it_closes() {
    let mut app = app();
    let (_, screen) = group(&mut app, TabGroup::new(0), &[0, 1, 2]);
    app.update();
    press(&mut app, NavAction::Down);
    assert_eq!(focused(&app), Some(screen[1]));
    let (overlay, buttons) = group(&mut app, TabGroup::modal(), &[0, 1]);
    app.update();
    assert_eq!(focused(&app), Some(buttons[0]), "the overlay takes the focus");
    press(&mut app, NavAction::Down);
    press(&mut app, NavAction::Down);
    assert_eq!(focused(&app), Some(buttons[1]), "and keeps it: the screen beneath is out of reach");
    app.world_mut().entity_mut(overlay).despawn();
    app.update();
    assert!(focused(&app).is_some_and(|e| screen.contains(&e)), "back on the screen");
}

#[test]
fn a_grid_is_joined_in_bevys_directional_map_and_moved_through_by_rows_and_columns() {
    let mut app = app();
    let root = app.world_mut().spawn(TabGroup::new(0)).id();
    // Two tiles above, one wide one below (the answer tiles and a button under them).
    let cells = [(0, 0, 0), (1, 0, 1), (2, 1, 0)];
    let tiles: Vec<Entity> = cells
        .iter()
        .map(|(order, row, col)| {
            app.world_mut().spawn((TabIndex(*order), GridCell { row: *row, col: *col }, ChildOf(root))).id()
        })
        .collect();
    app.update();
    let map = app.world().resource::<DirectionalNavigationMap>();
    assert_eq!(map.get_neighbor(tiles[0], CompassOctant::East).get(), Some(tiles[1]));
    assert_eq!(map.get_neighbor(tiles[1], CompassOctant::South).get(), Some(tiles[2]));
    press(&mut app, NavAction::Right);
    assert_eq!(focused(&app), Some(tiles[1]));
    press(&mut app, NavAction::Right);
    assert_eq!(focused(&app), Some(tiles[1]), "the row's end");
    press(&mut app, NavAction::Down);
    assert_eq!(focused(&app), Some(tiles[2]), "the nearest of the row below");
    press(&mut app, NavAction::Up);
    assert_eq!(focused(&app), Some(tiles[0]), "the nearest of the row above: its first column");
}

#[test]
fn a_list_laid_out_again_keeps_the_focus_in_its_place_and_a_new_screen_starts_at_the_top() {
    let mut app = app();
    let (root, items) = group(&mut app, TabGroup::new(0), &[0, 1, 2, 3]);
    app.update();
    for _ in 0..2 {
        press(&mut app, NavAction::Down);
    }
    assert_eq!(focused(&app), Some(items[2]));
    // The screen builds its list again (a player joined): the item at that place has it.
    app.world_mut().entity_mut(root).despawn();
    let (_, again) = group(&mut app, TabGroup::new(0), &[0, 1, 2, 3, 4]);
    app.update();
    assert_eq!(focused(&app), Some(again[2]));
    // A change of screen starts over at the first.
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Settings);
    app.update();
    assert_eq!(focused(&app), Some(again[0]));
}

#[test]
fn an_item_that_leaves_the_order_gives_the_focus_on() {
    let mut app = app();
    let (_, items) = group(&mut app, TabGroup::new(0), &[0, 1]);
    app.update();
    assert_eq!(focused(&app), Some(items[0]));
    // Hidden for a while (Pass when nobody at the keyboard may answer): it keeps its entity.
    app.world_mut().entity_mut(items[0]).remove::<TabIndex>();
    app.update();
    assert_eq!(focused(&app), Some(items[1]));
    press(&mut app, NavAction::Up);
    assert_eq!(focused(&app), Some(items[1]), "keys still act on the focus");
}

#[test]
fn a_window_that_opens_under_a_resting_pointer_keeps_the_first_item_focused_until_the_mouse_moves() {
    let mut app = app();
    let window = app.world_mut().spawn_empty().id();
    let (_, items) = group(&mut app, TabGroup::new(0), &[0, 1]);
    app.update();
    assert_eq!(focused(&app), Some(items[0]));
    // The window appears with the pointer over the second item: its first position has no delta.
    let over = |delta| bevy::window::CursorMoved { window, position: Vec2::new(640.0, 360.0), delta };
    app.world_mut().write_message(over(None));
    app.world_mut().entity_mut(items[1]).insert(Interaction::Hovered);
    app.update();
    assert_eq!(focused(&app), Some(items[0]), "Enter still plays the first item");
    // The player moves the mouse off and back onto it: now the pointer chooses.
    app.world_mut().entity_mut(items[1]).insert(Interaction::None);
    app.update();
    app.world_mut().write_message(over(Some(Vec2::new(3.0, 0.0))));
    app.world_mut().entity_mut(items[1]).insert(Interaction::Hovered);
    app.update();
    assert_eq!(focused(&app), Some(items[1]));
}
