//! Standings between rounds of a party game: who leads, by how much.

use bevy::prelude::*;

use crate::game::{FlowCommand, Game, Phase};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};
use crate::words::ordinal;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Standings), spawn);
}

fn spawn(mut commands: Commands, game: Res<Game>, fonts: Res<Fonts>) {
    let mut order: Vec<usize> = (0..game.players.len()).collect();
    order.sort_by_key(|i| (std::cmp::Reverse(game.players[*i].score), *i));
    let top = game.players.iter().map(|p| p.score).max().unwrap_or(0).max(1);
    let last_gain = |i: usize| game.last_round().and_then(|r| r.outcomes.get(i)).map_or(0, |o| o.points);
    let title = format!("Standings after {} of {}", game.current + 1, game.questions.len());
    commands.spawn((widgets::screen_root("Standings screen"), DespawnOnExit(Phase::Standings))).with_children(|root| {
        root.spawn(widgets::text(title, 3.0, palette::ACCENT, &fonts.bold));
        if !game.teams.is_empty() {
            let scores = game.team_scores();
            root.spawn(Node { column_gap: rem(3.0), ..default() }).with_children(|row| {
                for (team, score) in game.teams.iter().zip(scores) {
                    let line = format!("{}  {score}", team.name);
                    row.spawn(widgets::text(line, 2.4, palette::player(team.colour), &fonts.bold));
                }
            });
        }
        root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.6), width: percent(70), ..default() })
            .with_children(|list| {
                for i in order {
                    let player = &game.players[i];
                    let rank = 1 + game.players.iter().filter(|p| p.score > player.score).count();
                    let colour = palette::player(player.colour);
                    list.spawn(Node { align_items: AlignItems::Center, column_gap: rem(1.0), ..default() })
                        .with_children(|row| {
                            row.spawn((
                                Node { width: rem(4.0), ..default() },
                                children![widgets::text(ordinal(rank), 1.8, palette::MUTED, &fonts.bold)],
                            ));
                            row.spawn((
                                Node { width: rem(12.0), ..default() },
                                children![widgets::text(player.name.clone(), 1.8, colour, &fonts.bold)],
                            ));
                            row.spawn((
                                Node {
                                    flex_grow: 1.0,
                                    flex_shrink: 1.0,
                                    min_width: rem(4.0),
                                    height: rem(1.6),
                                    ..default()
                                },
                                BackgroundColor(palette::PANEL),
                            ))
                            .with_children(|track| {
                                track.spawn((
                                    Node {
                                        width: percent(100.0 * player.score as f32 / top as f32),
                                        height: percent(100),
                                        ..default()
                                    },
                                    BackgroundColor(colour),
                                ));
                            });
                            row.spawn((
                                Node {
                                    min_width: rem(10.0),
                                    flex_shrink: 0.0,
                                    justify_content: JustifyContent::End,
                                    ..default()
                                },
                                children![widgets::text(
                                    format!("{} (+{})", player.score, last_gain(i)),
                                    1.8,
                                    palette::TEXT,
                                    &fonts.bold
                                )],
                            ));
                        });
                }
            });
        root.spawn(widgets::button("Next question", 0, &fonts, send(FlowCommand::Continue)));
        root.spawn(widgets::hints("Enter continue · Esc pause", &fonts));
    });
}
