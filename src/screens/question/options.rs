//! Answer tiles: each with its colour, shape, key label and gamepad button. Solo tiles take
//! the focus and answer for the player when activated; party tiles are answered with each
//! player's own keys or pad only, so no stray Enter answers for player 1.

use bevy::prelude::*;

use crate::game::{Device, PlayerAction, Response};
use crate::input::gamepad::ANSWER_LABELS;
use crate::input::keyboard::{PARTY_ROWS, key_label};
use crate::theme::focus::{FocusStyle, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};

/// `rows`: the keyboard rows of the players at the keyboard (party play), whose keys each
/// tile lists, so every row knows what to press.
/// `compact`: large text, where tiles and their words are smaller so that four fit.
pub(super) fn spawn(
    root: &mut ChildSpawnerCommands,
    options: &[String],
    party: bool,
    rows: &[usize],
    compact: bool,
    fonts: &Fonts,
) {
    root.spawn(Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
        column_gap: rem(if compact { 0.6 } else { 1.0 }),
        row_gap: rem(if compact { 0.6 } else { 1.0 }),
        width: percent(if compact { 94 } else { 85 }),
        ..default()
    })
    .with_children(|grid| {
        for (i, option) in options.iter().enumerate() {
            let mut tile = grid.spawn((tile(i, option, party, rows, compact, fonts), super::lifelines::AnswerTile(i)));
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
fn tile(i: usize, option: &str, party: bool, rows: &[usize], compact: bool, fonts: &Fonts) -> impl Bundle {
    let (words, keys_size, pad_size, height) = if compact { (1.4, 0.9, 0.7, 3.5) } else { (2.0, 1.3, 1.0, 6.0) };
    let (colour, shape, shape_name) = palette::TILES[i % palette::TILES.len()];
    let keys = if party {
        // Each row's own key for this tile ("1 Q A Z"); none when nobody plays at the keyboard.
        rows.iter()
            .filter_map(|row| PARTY_ROWS.get(*row)?.get(i).map(|key| key_label(*key)))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        format!("{} · {}", i + 1, char::from(b'A' + i as u8))
    };
    (
        Name::new(format!("Answer tile {} ({shape_name})", i + 1)),
        Node {
            min_height: rem(height),
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
                children![widgets::text(option.to_owned(), words, palette::TEXT, &fonts.bold)]
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
                    widgets::text(keys, keys_size, palette::TEXT, &fonts.bold),
                    widgets::text(
                        format!("pad {}", ANSWER_LABELS[i % ANSWER_LABELS.len()]),
                        pad_size,
                        palette::TEXT,
                        &fonts.regular
                    ),
                ]
            ),
        ],
    )
}
