//! A Dundie certificate as the game draws it: a cream sheet in a gold frame naming the player,
//! their place, points and awards. Laid out by Bevy's UI like any screen, on a camera of its
//! own that renders into an image ([`super::dundies`] saves it).

use bevy::prelude::*;

use crate::theme::palette;
use crate::theme::widgets::Fonts;

/// The picture's size in pixels: A4 landscape's shape, big enough to print.
pub(super) const SIZE: (u32, u32) = (1600, 1131);

/// What one certificate says.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Certificate {
    /// The player's name.
    pub(super) name: String,
    /// 1-based place (ties share it).
    pub(super) rank: usize,
    /// "2nd place · 1450 points · 8 of 10 right".
    pub(super) standing: String,
    /// "★ Fastest right answer (1.2 s)", each award they won.
    pub(super) awards: Vec<String>,
    /// Their colour in the game.
    pub(super) colour: Color,
    /// "The game of 2026-12-07 21:40 UTC".
    pub(super) when: String,
}

/// The award each place gets: our own names, a nod to the office's awards night.
fn title(rank: usize) -> &'static str {
    match rank {
        1 => "The Big Tuna Award",
        2 => "The Silver Stapler Award",
        3 => "The Bronze Beet Award",
        _ => "The Good Sport Award",
    }
}

fn words(text: impl Into<String>, px: f32, colour: Color, font: &Handle<Font>) -> impl Bundle {
    (
        Text::new(text),
        TextFont { font: font.clone().into(), font_size: FontSize::Px(px), ..default() },
        TextColor(colour),
        TextLayout::justify(Justify::Center),
    )
}

/// The certificate's UI, shown by `camera`.
pub(super) fn sheet(certificate: &Certificate, camera: Entity, fonts: &Fonts) -> impl Bundle {
    let ink = palette::LOWER_THIRD_TEXT;
    (
        Name::new("Dundie certificate"),
        UiTargetCamera(camera),
        Node { width: percent(100), height: percent(100), padding: UiRect::all(px(28.0)), ..default() },
        BackgroundColor(palette::BACKGROUND),
        children![(
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::SpaceEvenly,
                border: UiRect::all(px(14.0)),
                padding: UiRect::axes(px(80.0), px(40.0)),
                border_radius: BorderRadius::all(px(18.0)),
                ..default()
            },
            BackgroundColor(palette::LOWER_THIRD),
            BorderColor::all(palette::ACCENT),
            children![
                words("BIG TUNA TRIVIA  ·  THE DUNDIES", 34.0, palette::ACCENT, &fonts.bold),
                words(title(certificate.rank), 84.0, ink, &fonts.bold),
                words("is hereby presented to", 34.0, ink, &fonts.regular),
                words(certificate.name.clone(), 110.0, certificate.colour, &fonts.bold),
                medal(certificate.rank, fonts),
                words(certificate.standing.clone(), 40.0, ink, &fonts.regular),
                words(certificate.awards.join("\n"), 34.0, ink, &fonts.regular),
                words(
                    format!("{}  ·  drawn by Big Tuna Trivia", certificate.when),
                    26.0,
                    ink.with_alpha(0.6),
                    &fonts.regular
                ),
            ],
        )],
    )
}

/// A gold disc with the place on it.
fn medal(rank: usize, fonts: &Fonts) -> impl Bundle {
    (
        Node {
            width: px(150.0),
            height: px(150.0),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(8.0)),
            border_radius: BorderRadius::all(percent(50)),
            ..default()
        },
        BackgroundColor(palette::ACCENT),
        BorderColor::all(palette::LOWER_THIRD_TEXT),
        children![words(rank.to_string(), 72.0, palette::LOWER_THIRD_TEXT, &fonts.bold)],
    )
}
