//! Standings between rounds of a party game: who leads, by how much.

use bevy::prelude::*;

use crate::game::results::rank_of;
use crate::game::{FlowCommand, Game, Phase, Player};
use crate::persist::UserSettings;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, Room, rem, send};
use crate::window::Moving;
use crate::words::{ordinal, signed};

/// A row sliding from its place before this round to its place now.
#[derive(Component)]
struct Slide {
    from: f32,
    to: f32,
    timer: Timer,
}

/// Height of a row at 100% text, gap included, in rem (it grows with the text).
const ROW: f32 = 2.6;

/// Rows shown at 100% text, at most (fewer at larger text): the top of a crowd, and a count of
/// the others.
const TOP: usize = 10;

/// How long the rows take to change places.
const SLIDE_SECONDS: f32 = 0.9;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Standings), spawn).add_systems(Update, slide.run_if(in_state(Phase::Standings)));
}

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    settings: Option<Res<UserSettings>>,
    window: Query<&Window>,
) {
    let room = Room::of(window.iter().next(), settings.as_deref());
    let pitch = ROW * room.size(1.8) / 1.8;
    let mut order: Vec<usize> = (0..game.players.len()).collect();
    order.sort_by_key(|i| (std::cmp::Reverse(game.players[*i].score), *i));
    // A crowd (phones bring one) sees the top of the table; everyone else, the count.
    let shown = order.len().min(room.rows(if game.teams.is_empty() { TOP } else { TOP - 2 }));
    let hidden = order.len() - shown;
    order.truncate(shown);
    // Where each player stood before this round, so the rows can move to where they stand now.
    let before: Vec<u32> = (0..game.players.len()).map(|i| game.score_before_last_round(i)).collect();
    let mut old_order: Vec<usize> = (0..game.players.len()).collect();
    old_order.sort_by_key(|i| (std::cmp::Reverse(before.get(*i).copied().unwrap_or(0)), *i));
    let seconds = if settings.is_some_and(|s| s.reduced_motion) { 0.0 } else { SLIDE_SECONDS };
    let top = game.players.iter().map(|p| p.score).max().unwrap_or(0).max(1);
    // From the last standings to now: the round, its penalty and the host's points together.
    let last_gain = |i: usize| i64::from(game.players[i].score) - i64::from(before[i]);
    let scores: Vec<u32> = game.players.iter().map(|p| p.score).collect();
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
        root.spawn(Node {
            width: percent(90),
            max_width: rem(80.0),
            height: rem(pitch * order.len() as f32),
            ..default()
        })
        .with_children(|list| {
            for (place, i) in order.iter().copied().enumerate() {
                let player = &game.players[i];
                let rank = rank_of(player.score, &scores);
                let was = old_order.iter().position(|p| *p == i).unwrap_or(place).min(order.len()) as f32 * pitch;
                let now = place as f32 * pitch;
                list.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        top: rem(was),
                        width: percent(100),
                        align_items: AlignItems::Center,
                        column_gap: rem(1.0),
                        ..default()
                    },
                    Slide { from: was, to: now, timer: Timer::from_seconds(seconds, TimerMode::Once) },
                    Moving,
                ))
                .with_children(|row| row_cells(row, rank, player, top, last_gain(i), room, &fonts));
            }
        });
        if hidden > 0 {
            root.spawn(widgets::text(format!("… and {hidden} more"), 1.4, palette::MUTED, &fonts.regular));
        }
        root.spawn(widgets::button("Next question", 0, &fonts, send(FlowCommand::Continue)));
        root.spawn(widgets::hints("Enter continue · Esc pause · F1 host", &fonts));
    });
}

/// A standings row: rank, name (cut, never wrapped), a bar of the score beside the leader's,
/// and the score with its change.
fn row_cells(
    row: &mut ChildSpawnerCommands,
    rank: usize,
    player: &Player,
    top: u32,
    gain: i64,
    room: Room,
    fonts: &Fonts,
) {
    let colour = palette::player(player.colour);
    row.spawn((
        Node { width: rem(2.4 * room.size(1.8)), flex_shrink: 0.0, ..default() },
        children![widgets::text(ordinal(rank), 1.8, palette::MUTED, &fonts.bold)],
    ));
    row.spawn((
        Node { width: rem(9.0 * room.size(1.8)), flex_shrink: 1.0, overflow: Overflow::clip(), ..default() },
        children![(widgets::text(player.name.clone(), 1.8, colour, &fonts.bold), TextLayout::no_wrap())],
    ));
    row.spawn((
        Node { flex_grow: 1.0, flex_shrink: 1.0, min_width: rem(4.0), height: rem(1.6), ..default() },
        BackgroundColor(palette::PANEL),
        children![(
            Node { width: percent(100.0 * player.score as f32 / top as f32), height: percent(100), ..default() },
            BackgroundColor(colour),
        )],
    ));
    row.spawn((
        Node {
            min_width: rem(5.5 * room.size(1.8)),
            flex_shrink: 0.0,
            justify_content: JustifyContent::End,
            ..default()
        },
        children![widgets::text(format!("{} ({})", player.score, signed(gain)), 1.8, palette::TEXT, &fonts.bold)],
    ));
}

fn slide(time: Res<Time>, mut rows: Query<(Entity, &mut Slide, &mut Node)>, mut commands: Commands) {
    for (entity, mut slide, mut node) in &mut rows {
        slide.timer.tick(time.delta());
        // Ease in and out: the rows glide past each other.
        let t = slide.timer.fraction();
        let eased = t * t * (3.0 - 2.0 * t);
        node.top = rem(slide.from + (slide.to - slide.from) * eased);
        if slide.timer.is_finished() {
            commands.entity(entity).remove::<(Slide, Moving)>();
        }
    }
}
