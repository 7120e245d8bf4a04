//! Orderings: Enter (or a click) picks an item up, the arrows move it, Enter puts it down;
//! then Submit. The list holds the player's draft (gone with the screen).

use bevy::prelude::*;

use crate::game::{Device, Game, Phase, PlayerAction, Presented};
use crate::input::NavAction;
use crate::input::ordering::OrderDraft;
use crate::theme::focus::{Activate, FocusStyle};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

/// The list of items, with the player's draft.
#[derive(Component, Debug)]
struct OrderList(OrderDraft);

/// A place in the list.
#[derive(Component)]
struct Slot(usize);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (pin, nudge, show_order).chain().run_if(in_state(Phase::Question)).in_set(crate::game::GameSystems::Screens),
    );
}

pub(super) fn spawn(root: &mut ChildSpawnerCommands, len: usize, fonts: &Fonts) {
    root.spawn((
        Name::new("Order list"),
        OrderList(OrderDraft::new(len)),
        Node { flex_direction: FlexDirection::Column, row_gap: rem(0.5), ..default() },
    ))
    .with_children(|list| {
        for slot in 0..len {
            list.spawn((
                Name::new("Order item"),
                Slot(slot),
                widgets::focusable(slot),
                Node { min_width: rem(34.0), ..widgets::bordered(UiRect::axes(rem(1.2), rem(0.5)), 0.5) },
                BackgroundColor(palette::PANEL),
                BorderColor::all(palette::PANEL),
                children![widgets::text("", 1.8, palette::TEXT, &fonts.bold)],
            ))
            .observe(pick_or_place);
        }
        list.spawn(widgets::button("Submit this order", len, fonts, submit));
    });
    root.spawn(widgets::text(
        "Enter picks an item up or puts it down · ↑ ↓ move it · then Submit",
        1.3,
        palette::MUTED,
        &fonts.regular,
    ));
}

fn pick_or_place(activate: On<Activate>, slots: Query<&Slot>, mut lists: Query<&mut OrderList>) {
    let Ok(Slot(slot)) = slots.get(activate.entity) else { return };
    for mut list in &mut lists {
        list.0.activate(*slot);
    }
}

fn submit(_: On<Activate>, lists: Query<&OrderList>, mut answers: MessageWriter<PlayerAction>) {
    for list in &lists {
        answers.write(PlayerAction { player: 0, response: list.0.response(), device: Device::Screen });
    }
}

/// The lifeline put an item in its place: the draft keeps it there.
fn pin(game: Res<Game>, mut lists: Query<&mut OrderList>) {
    if !game.is_changed() {
        return;
    }
    let Some(fixed) = game.screen_player().and_then(|p| game.players.get(p)).and_then(|p| p.this_round.fixed) else {
        return;
    };
    for mut list in &mut lists {
        if list.0.pinned != Some(fixed) {
            list.0.pin(fixed);
        }
    }
}

/// The arrows move the held item (and the focus moves with it).
fn nudge(mut nav: MessageReader<NavAction>, mut lists: Query<&mut OrderList>) {
    for action in nav.read() {
        let delta = match action {
            NavAction::Up => -1,
            NavAction::Down => 1,
            _ => continue,
        };
        for mut list in &mut lists {
            if list.0.held.is_some() {
                list.0.nudge(delta);
            }
        }
    }
}

fn show_order(
    game: Res<Game>,
    lists: Query<&OrderList, Changed<OrderList>>,
    slots: Query<(Entity, &Slot, &Children)>,
    mut texts: Query<&mut Text>,
    mut commands: Commands,
) {
    let Some(Presented::Ordering { shown }) = game.question().map(|q| &q.presented) else { return };
    let Ok(list) = lists.single() else { return };
    let draft = &list.0;
    for (entity, Slot(slot), children) in &slots {
        let Some(item) = draft.order.get(*slot).and_then(|i| shown.get(*i)) else { continue };
        let held = draft.held == Some(*slot);
        let label = if held {
            format!("{}.  ⇅ {item}", slot + 1)
        } else if draft.is_pinned(*slot) {
            format!("{}.  ✂ {item}  (in its place)", slot + 1)
        } else {
            format!("{}.  {item}", slot + 1)
        };
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child)
                && text.0 != label
            {
                text.0.clone_from(&label);
            }
        }
        let style = if held {
            FocusStyle { normal: palette::ACCENT.darker(0.25), focused: palette::ACCENT.darker(0.15) }
        } else {
            FocusStyle { normal: palette::PANEL, focused: palette::PANEL_FOCUSED }
        };
        commands.entity(entity).insert(style);
    }
}
