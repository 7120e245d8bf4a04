//! Answer tiles: each with its colour, shape, key label and gamepad button. Solo tiles take
//! the focus and answer for the player when activated; party tiles are answered with each
//! player's own keys or pad only, so no stray Enter answers for player 1.

use bevy::prelude::*;

use crate::game::{Device, PlayerAction, Response};
use crate::input::gamepad::ANSWER_LABELS;
use crate::theme::interaction::{FocusStyle, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};

pub(super) fn spawn(root: &mut ChildSpawnerCommands, options: &[String], party: bool, fonts: &Fonts) {
    root.spawn(Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
        column_gap: rem(1.0),
        row_gap: rem(1.0),
        width: percent(85),
        ..default()
    })
    .with_children(|grid| {
        for (i, option) in options.iter().enumerate() {
            let mut tile = grid.spawn(tile(i, option, party, fonts));
            if !party {
                let (colour, _, _) = palette::TILES[i % palette::TILES.len()];
                tile.insert((
                    widgets::focusable(i),
                    GridCell { row: i / 2, col: i % 2 },
                    FocusStyle { normal: colour, focused: colour.lighter(0.12) },
                    bevy::ui_widgets::observe(send(PlayerAction {
                        player: 0,
                        response: Response::Option(i),
                        device: Device::Screen,
                    })),
                ));
            }
        }
    });
}

/// An answer tile: its colour, its shape, its keys (1 or A) and its gamepad button.
fn tile(i: usize, option: &str, party: bool, fonts: &Fonts) -> impl Bundle {
    let (colour, shape, shape_name) = palette::TILES[i % palette::TILES.len()];
    let keys = if party { format!("{}", i + 1) } else { format!("{} · {}", i + 1, char::from(b'A' + i as u8)) };
    (
        Name::new(format!("Answer tile {} ({shape_name})", i + 1)),
        Node {
            min_height: rem(6.0),
            padding: UiRect::axes(rem(1.2), rem(0.8)),
            align_items: AlignItems::Center,
            column_gap: rem(1.0),
            border: UiRect::all(rem(0.3)),
            border_radius: BorderRadius::all(rem(0.6)),
            ..default()
        },
        BackgroundColor(colour),
        BorderColor::all(colour),
        children![
            widgets::text(shape, 2.6, palette::TEXT, &fonts.regular),
            (
                Node { flex_grow: 1.0, ..default() },
                children![widgets::text(option.to_owned(), 2.0, palette::TEXT, &fonts.bold)]
            ),
            (
                // Key labels never wrap: the option text gives way instead.
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::End,
                    flex_shrink: 0.0,
                    ..default()
                },
                children![
                    widgets::text(keys, 1.3, palette::TEXT, &fonts.bold),
                    widgets::text(
                        format!("pad {}", ANSWER_LABELS[i % ANSWER_LABELS.len()]),
                        1.0,
                        palette::TEXT,
                        &fonts.regular
                    ),
                ]
            ),
        ],
    )
}
