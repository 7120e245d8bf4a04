//! The reveal's answer: the right option (with how many picked each), the right order, or the
//! answer in words, and beside it the question's answer in a picture.

use bevy::prelude::*;

use super::picture::PictureSlot;
use crate::game::{DrawnQuestion, Presented, Response, Round};
use crate::pack::PackLibrary;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, Room, rem};
use crate::words::answer_text;

/// The answer in words, and beside it the answer in a picture: side by side, the picture has
/// the room of a line of options, not what is left under them.
pub(super) fn spawn(
    root: &mut ChildSpawnerCommands,
    (drawn, round): (&DrawnQuestion, &Round),
    (solo, compact, room): (bool, bool, Room),
    library: &PackLibrary,
    fonts: &Fonts,
) {
    let q = &drawn.question;
    // The answer in words, and beside it the answer in a picture: side by side, the
    // picture has the room of a line of options, not what is left under them.
    let mut answer = root.spawn(Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        column_gap: rem(2.0),
        max_width: percent(96),
        ..default()
    });
    answer.with_children(|root| {
        root.spawn(Node { flex_direction: FlexDirection::Column, align_items: AlignItems::Center, ..default() })
            .with_children(|root| match &drawn.presented {
                Presented::Options { options, correct } => {
                    options_answer(root, options, *correct, round, solo, room, fonts);
                }
                Presented::Ordering { shown } => ordering_answer(root, (drawn, shown), round, solo, compact, fonts),
                _ => {
                    root.spawn((
                        Node {
                            padding: UiRect::axes(rem(1.5), rem(0.6)),
                            border_radius: BorderRadius::all(rem(0.5)),
                            ..default()
                        },
                        BackgroundColor(palette::RIGHT),
                        children![widgets::text(format!("✓  {}", answer_text(drawn)), 2.2, palette::TEXT, &fonts.bold)],
                    ));
                }
            });
        if let Some(picture) = &q.reveal_image {
            let height = if compact { vh(20) } else { vh(36) };
            root.spawn(super::picture::slot_beside(PictureSlot::new(library, &drawn.pack, picture, height)));
        }
    });
}

/// The right option and the wrong ones someone chose: what there is to learn, in as little
/// room as big text needs. A party sees how many picked each option, as bars (every option
/// when the room allows, so an empty bar says nobody fell for it).
fn options_answer(
    root: &mut ChildSpawnerCommands,
    options: &[String],
    correct: usize,
    round: &Round,
    solo: bool,
    room: Room,
    fonts: &Fonts,
) {
    let chosen: Vec<usize> = round
        .outcomes
        .iter()
        .filter_map(|o| match o.response() {
            Some(Response::Option(i)) => Some(*i),
            _ => None,
        })
        .collect();
    let bars = !solo;
    let every = bars && room.scale < 1.5;
    root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.4), ..default() }).with_children(|list| {
        for (i, option) in options.iter().enumerate() {
            let (tile_colour, shape, _) = palette::TILES[i % palette::TILES.len()];
            let (mark, background) = if i == correct {
                ("✓", palette::RIGHT)
            } else if chosen.contains(&i) {
                ("✗", palette::PANEL)
            } else if every {
                (" ", palette::PANEL)
            } else {
                continue;
            };
            let picked = chosen.iter().filter(|c| **c == i).count();
            let mut line = list.spawn(marked_line(
                background,
                rem(30.0),
                children![
                    widgets::text(mark, 1.8, palette::TEXT, &fonts.bold),
                    widgets::text(shape, 1.8, tile_colour, &fonts.regular),
                    (
                        Node { flex_grow: 1.0, ..default() },
                        children![widgets::text(option.clone(), 1.8, palette::TEXT, &fonts.bold)]
                    ),
                ],
            ));
            if bars {
                line.with_children(|line| {
                    line.spawn(answer_bar(picked, chosen.len(), tile_colour));
                    line.spawn(widgets::text(picked.to_string(), 1.6, palette::TEXT, &fonts.bold));
                });
            }
        }
    });
}

/// The right order, each place marked for the (first) player: a column, or at large text
/// places side by side as the width allows.
fn ordering_answer(
    root: &mut ChildSpawnerCommands,
    (drawn, shown): (&DrawnQuestion, &[String]),
    round: &Round,
    solo: bool,
    compact: bool,
    fonts: &Fonts,
) {
    let given: Vec<&String> = match round.outcomes.first().and_then(|o| o.response()) {
        Some(Response::Order(order)) => order.iter().filter_map(|i| shown.get(*i)).collect(),
        _ => Vec::new(),
    };
    let items = match &drawn.question.answer {
        crate::pack::Answer::Ordering { items } => items.clone(),
        _ => Vec::new(),
    };
    let flow = if compact {
        Node {
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::Center,
            column_gap: rem(0.5),
            row_gap: rem(0.3),
            max_width: percent(95),
            ..default()
        }
    } else {
        Node { flex_direction: FlexDirection::Column, row_gap: rem(0.3), max_width: percent(85), ..default() }
    };
    root.spawn(flow).with_children(|list| {
        for (place, item) in items.iter().enumerate() {
            let in_place = given.get(place) == Some(&item);
            let (mark, background) = match (solo, in_place) {
                (true, true) => ("✓", palette::RIGHT),
                (true, false) => ("✗", palette::PANEL),
                (false, _) => (" ", palette::PANEL),
            };
            list.spawn(marked_line(
                background,
                Val::Auto,
                children![
                    widgets::text(mark, 1.6, palette::TEXT, &fonts.bold),
                    widgets::text(format!("{}. {item}", place + 1), 1.6, palette::TEXT, &fonts.bold),
                ],
            ));
        }
    });
}

/// How many of those who answered picked an option, as a bar in the option's colour.
fn answer_bar(picked: usize, answered: usize, colour: Color) -> impl Bundle {
    let share = if answered == 0 { 0.0 } else { picked as f32 / answered as f32 };
    (
        Node {
            width: rem(8.0),
            height: rem(1.0),
            align_self: AlignSelf::Center,
            border_radius: BorderRadius::all(rem(0.3)),
            ..default()
        },
        BackgroundColor(palette::BACKGROUND),
        children![(
            Node {
                width: percent(100.0 * share),
                height: percent(100),
                border_radius: BorderRadius::all(rem(0.3)),
                ..default()
            },
            BackgroundColor(colour),
        )],
    )
}

/// A line of the answer with its ✓ or ✗ on a band of colour.
fn marked_line(background: Color, min_width: Val, content: impl Bundle) -> impl Bundle {
    (
        Node {
            min_width,
            padding: UiRect::axes(rem(1.0), rem(0.35)),
            column_gap: rem(1.0),
            border_radius: BorderRadius::all(rem(0.5)),
            ..default()
        },
        BackgroundColor(background),
        content,
    )
}
