//! The audience on the TV: after each reveal, what it picked ("The audience said B: 62%")
//! with a bar per option, the right one marked; at the end, its top three. Nothing shows
//! while no audience plays along.

use bevy::prelude::*;

use crate::game::{DrawnQuestion, Game, Presented};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};
use crate::words::{letter, ordinal};

/// The tallest bar.
const BAR: f32 = 4.0;

/// What the audience said on the question just revealed; `compact` (large text) leaves the
/// bars out.
pub(super) fn reveal(
    root: &mut ChildSpawnerCommands,
    game: &Game,
    drawn: &DrawnQuestion,
    compact: bool,
    fonts: &Fonts,
) {
    let Some(round) = game.audience.round(game.current).filter(|r| r.members > 0) else { return };
    let headline = match round.top_vote() {
        Some((index, share)) => format!("The audience said {}: {share}%", letter(index)),
        None if round.answered == 0 => "The audience did not answer".to_owned(),
        None => format!("The audience: {} of {} right", round.right, round.answered),
    };
    let detail = format!("{} of {} answered · {} right", round.answered, round.members, round.right);
    info!("reveal: {headline} ({detail})");
    let correct = match &drawn.presented {
        Presented::Options { correct, .. } => Some(*correct),
        _ => None,
    };
    let total: u32 = round.votes.iter().sum();
    root.spawn((
        Name::new("Audience"),
        Node { column_gap: rem(1.5), align_items: AlignItems::End, margin: UiRect::top(rem(0.4)), ..default() },
    ))
    .with_children(|row| {
        row.spawn(Node { flex_direction: FlexDirection::Column, align_items: AlignItems::End, ..default() })
            .with_children(|words| {
                words.spawn(widgets::text(headline, 1.4, palette::ACCENT, &fonts.bold));
                words.spawn(widgets::text(detail, 1.0, palette::MUTED, &fonts.regular));
            });
        if compact || total == 0 {
            return;
        }
        for (index, votes) in round.votes.iter().enumerate() {
            let share = (votes * 100 + total / 2) / total;
            let right = correct == Some(index);
            let colour = if right { palette::RIGHT } else { palette::MUTED.darker(0.25) };
            let label = format!("{}{} {share}%", if right { "✓" } else { "" }, letter(index));
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::End,
                height: rem(BAR + 1.6),
                ..default()
            })
            .with_children(|bar| {
                let height = 0.15 + BAR * share as f32 / 100.0;
                bar.spawn((Node { width: rem(3.0), height: rem(height), ..default() }, BackgroundColor(colour)));
                bar.spawn(widgets::text(label, 1.1, colour, &fonts.bold));
            });
        }
    });
}

/// The audience's top three, in a line.
pub(super) fn top_three(root: &mut ChildSpawnerCommands, game: &Game, fonts: &Fonts) {
    let top = game.audience.top(3);
    if top.is_empty() {
        return;
    }
    let names: Vec<String> =
        top.iter().map(|(rank, _, member)| format!("{} {} ({})", ordinal(*rank), member.name, member.score)).collect();
    let line = format!("Audience top three of {}: {}", game.audience.members.len(), names.join(" · "));
    info!("results: {line}");
    root.spawn(widgets::text(line, 1.4, palette::TEXT, &fonts.bold));
}
