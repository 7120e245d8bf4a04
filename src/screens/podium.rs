//! The podium at the end of a party night: the top three (teams, in a teams game) on steps,
//! the winner in the middle and highest. The steps rise into place, unless motion is reduced.

use bevy::prelude::*;

use crate::game::{GameResults, Screen};
use crate::persist::UserSettings;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};
use crate::window::Moving;
use crate::words::ordinal;

/// A step rising to its height, in rem.
#[derive(Component)]
struct Rise {
    height: f32,
    timer: Timer,
}

/// How long the steps take to rise.
const RISE_SECONDS: f32 = 0.8;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, rise.run_if(in_state(Screen::Results)));
}

/// One place on the podium.
struct Place {
    name: String,
    colour: usize,
    score: u32,
    rank: usize,
}

/// The podium for these results: teams when there are teams, else players.
/// `low` makes the steps lower, for a screen short of room (large text).
pub(super) fn spawn(
    root: &mut ChildSpawnerCommands,
    results: &GameResults,
    fonts: &Fonts,
    reduced_motion: bool,
    low: bool,
) {
    let mut places: Vec<Place> = if results.teams.is_empty() {
        results
            .players
            .iter()
            .map(|p| Place { name: p.name.clone(), colour: p.colour, score: p.score, rank: p.rank })
            .collect()
    } else {
        results
            .teams
            .iter()
            .map(|t| Place { name: t.name.clone(), colour: t.colour, score: t.score, rank: t.rank })
            .collect()
    };
    places.truncate(3);
    // Second on the left, the winner in the middle, third on the right.
    let order = [1, 0, 2];
    root.spawn(Node {
        width: percent(100),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::End,
        column_gap: rem(1.0),
        ..default()
    })
    .with_children(|steps| {
        for index in order {
            let Some(place) = places.get(index) else { continue };
            // By rank, not place: those who tie stand as high as each other.
            let height = [9.0, 6.5, 4.5][place.rank.saturating_sub(1).min(2)] * if low { 0.8 } else { 1.0 };
            let colour = palette::player(place.colour);
            steps
                // A third of a narrow window at most: a long name wraps under itself. A set
                // width, so that the name is measured as it will wrap and the steps stand level.
                .spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    width: percent(30),
                    max_width: rem(22.0),
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|column| {
                    column.spawn((
                        widgets::text(place.name.clone(), if low { 1.4 } else { 2.0 }, colour, &fonts.bold),
                        TextLayout::justify(Justify::Center),
                    ));
                    column.spawn(widgets::text(format!("{} points", place.score), 1.3, palette::TEXT, &fonts.regular));
                    column.spawn((
                        Rise {
                            height,
                            timer: Timer::from_seconds(
                                if reduced_motion { 0.0 } else { RISE_SECONDS },
                                TimerMode::Once,
                            ),
                        },
                        Moving,
                        Node {
                            width: rem(12.0),
                            height: rem(if reduced_motion { height } else { 0.0 }),
                            justify_content: JustifyContent::Center,
                            padding: UiRect::top(rem(0.4)),
                            border_radius: BorderRadius::top(rem(0.6)),
                            overflow: Overflow::clip(),
                            ..default()
                        },
                        BackgroundColor(colour),
                        children![widgets::text(ordinal(place.rank), 2.4, palette::BACKGROUND, &fonts.bold)],
                    ));
                });
        }
    });
}

/// Whether the user asked for reduced motion.
pub(super) fn reduced_motion(settings: Option<&UserSettings>) -> bool {
    settings.is_some_and(|s| s.reduced_motion)
}

fn rise(time: Res<Time>, mut steps: Query<(Entity, &mut Rise, &mut Node)>, mut commands: Commands) {
    for (entity, mut step, mut node) in &mut steps {
        if step.timer.is_finished() {
            node.height = rem(step.height);
            commands.entity(entity).remove::<(Rise, Moving)>();
            continue;
        }
        step.timer.tick(time.delta());
        // Ease out: fast at first, settling into place.
        let t = step.timer.fraction();
        let eased = 1.0 - (1.0 - t) * (1.0 - t);
        node.height = rem(step.height * eased);
    }
}
