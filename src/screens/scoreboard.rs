//! A high-score board as a block of text, for the results and title screens: what it is for,
//! then its top 10, best first, with the places the game just played took picked out.

use bevy::prelude::*;

use crate::game::high_scores::{Board, BoardKey};
use crate::game::{DifficultyChoice, TimerChoice};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

/// Places shown per line.
const PER_LINE: usize = 5;

/// The board as a column: a heading, then the entries, `fresh` places (0-based) in the accent.
/// `short` shows the best four, two a line, for a screen short of room (large text).
pub(super) fn board(heading: &str, board: &Board, fresh: &[usize], fonts: &Fonts, short: bool) -> impl Bundle {
    let (per_line, shown) = if short { (2, 4) } else { (PER_LINE, board.entries.len()) };
    let mut lines = Vec::new();
    let entries = &board.entries[..shown.min(board.entries.len())];
    for (row, chunk) in entries.chunks(per_line).enumerate() {
        let mut spans = Vec::new();
        for (i, entry) in chunk.iter().enumerate() {
            let place = row * per_line + i;
            let new = fresh.contains(&place);
            let mark = if new { "★ " } else { "" };
            spans.push((format!("{mark}{}. {} {}", place + 1, entry.name, entry.score), new));
        }
        lines.push(spans);
    }
    let title = format!("{heading} · {}", label(&board.key));
    let heading_colour = if fresh.is_empty() { palette::MUTED } else { palette::ACCENT };
    let rows: Vec<_> = lines
        .into_iter()
        .map(|spans| {
            let texts: Vec<_> = spans
                .into_iter()
                .map(|(text, new)| {
                    let colour = if new { palette::ACCENT } else { palette::TEXT };
                    widgets::text(text, 1.15, colour, &fonts.regular)
                })
                .collect();
            (Node { column_gap: rem(1.2), ..default() }, Children::spawn(SpawnIter(texts.into_iter())))
        })
        .collect();
    (
        Name::new("High scores"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: rem(0.25),
            ..default()
        },
        Children::spawn((
            Spawn(widgets::text(title, if fresh.is_empty() { 1.15 } else { 1.4 }, heading_colour, &fonts.bold)),
            SpawnIter(rows.into_iter()),
        )),
    )
}

/// The board as a narrow column, its best `shown` one per line: beside the title menu.
pub(super) fn column(board: &Board, shown: usize, fonts: &Fonts) -> impl Bundle {
    let entries: Vec<_> = board
        .entries
        .iter()
        .take(shown)
        .enumerate()
        .map(|(place, entry)| {
            widgets::text(format!("{}. {}  {}", place + 1, entry.name, entry.score), 1.1, palette::TEXT, &fonts.regular)
        })
        .collect();
    (
        Name::new("High scores"),
        Node {
            position_type: PositionType::Absolute,
            right: percent(3),
            top: percent(30),
            width: percent(21),
            flex_direction: FlexDirection::Column,
            row_gap: rem(0.3),
            padding: UiRect::all(rem(0.8)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        Children::spawn((
            Spawn(widgets::text("High scores", 1.3, palette::ACCENT, &fonts.bold)),
            Spawn(widgets::text(label(&board.key), 0.95, palette::MUTED, &fonts.regular)),
            SpawnIter(entries.into_iter()),
        )),
    )
}

/// What games a board is for, in a few words: "10 questions · every pack · mixed · 20 s".
pub(super) fn label(key: &BoardKey) -> String {
    let packs = match key.packs.len() {
        0 => "every pack".to_owned(),
        1 => key.packs[0].clone(),
        n => format!("{n} packs"),
    };
    let mut parts = vec![format!("{} questions", key.questions), packs];
    if !key.categories.is_empty() {
        parts.push(crate::words::count(key.categories.len(), "category", "categories"));
    }
    if key.difficulty != DifficultyChoice::Mixed {
        parts.push(key.difficulty.name().to_owned());
    }
    parts.push(match key.timer.limit() {
        Some(limit) if key.timer != TimerChoice::Off => format!("{} s", limit.as_secs()),
        _ => "no timer".to_owned(),
    });
    if key.scoring != "classic" {
        parts.push(key.scoring.clone());
    }
    if key.mode != crate::game::PlayMode::Everyone {
        parts.push(crate::words::mode_name(key.mode).to_lowercase());
    }
    parts.join(" · ")
}
