//! The question: prompt, a timer bar that drains, and the answer in its kind's own way
//! ([`options`] tiles, an [`entry`] field, an [`ordering`] list); who has answered, and the
//! host's "Reveal the answer", in party play.

mod entry;
mod options;
mod ordering;

use bevy::prelude::*;

use crate::game::{FlowCommand, Game, Phase, Presented};
use crate::input::InputContext;
use crate::theme::interaction::Focus;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};

#[derive(Component)]
struct TimerBar;

#[derive(Component)]
struct TimerText;

#[derive(Component)]
struct AnsweredMarks;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Question), spawn).add_systems(OnExit(Phase::Question), leave).add_systems(
        Update,
        (show_timer, show_answered).run_if(in_state(Phase::Question)).in_set(crate::game::GameSystems::Screens),
    );
    app.add_plugins((entry::plugin, ordering::plugin));
}

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    mut context: ResMut<InputContext>,
    mut focus: ResMut<Focus>,
) {
    let Some(drawn) = game.question() else { return };
    let party = game.is_party();
    let q = &drawn.question;
    let root = commands.spawn((widgets::screen_root("Question screen"), DespawnOnExit(Phase::Question))).id();
    commands.entity(root).with_children(|root| {
        root.spawn(top_bar(&game, &fonts));
        root.spawn((
            Name::new("Prompt"),
            Node { max_width: percent(85), margin: UiRect::bottom(rem(1.5)), ..default() },
            children![(
                widgets::text(q.prompt.clone(), 3.0, palette::TEXT, &fonts.bold),
                TextLayout::justify(Justify::Center)
            )],
        ));
        *context = match &drawn.presented {
            Presented::Options { options, .. } => {
                focus.columns = 2;
                options::spawn(root, options, party, &fonts);
                InputContext::Options { count: options.len(), party }
            }
            Presented::Typed | Presented::Number => {
                entry::spawn(root, drawn, party, &fonts);
                InputContext::TextEntry
            }
            Presented::Ordering { shown } => {
                ordering::spawn(root, shown.len(), &fonts);
                InputContext::Menu
            }
        };
        if party {
            // Focus order after the Pass button, when there is one.
            root.spawn(widgets::button("Reveal the answer", 1, &fonts, send(FlowCommand::CloseQuestion)));
            root.spawn((
                AnsweredMarks,
                Node { position_type: PositionType::Absolute, bottom: rem(3.0), column_gap: rem(1.5), ..default() },
            ))
            .with_children(|marks| {
                for player in &game.players {
                    marks.spawn(widgets::text(player.name.clone(), 1.4, palette::player(player.colour), &fonts.bold));
                }
            });
        }
        root.spawn(widgets::hints("Esc pause · M mute", &fonts));
    });
}

/// Where we are, what kind of question, and the timer.
fn top_bar(game: &Game, fonts: &Fonts) -> impl Bundle {
    let header = format!("Question {} of {}", game.current + 1, game.questions.len());
    let tag = game
        .question()
        .map(|q| format!("{} · {}", q.question.category, widgets::capitalise(q.question.difficulty.name())))
        .unwrap_or_default();
    let bar = (
        Node { height: rem(0.6), width: percent(100), border_radius: BorderRadius::all(rem(0.3)), ..default() },
        BackgroundColor(palette::PANEL),
        children![(
            TimerBar,
            Node { height: percent(100), width: percent(100), border_radius: BorderRadius::all(rem(0.3)), ..default() },
            BackgroundColor(palette::ACCENT),
        )],
    );
    let timed = game.clock.limit.is_some();
    (
        Node {
            position_type: PositionType::Absolute,
            top: rem(1.0),
            left: rem(2.0),
            right: rem(2.0),
            flex_direction: FlexDirection::Column,
            row_gap: rem(0.5),
            ..default()
        },
        Children::spawn((
            Spawn((
                Node { justify_content: JustifyContent::SpaceBetween, ..default() },
                children![
                    widgets::text(header, 1.4, palette::MUTED, &fonts.bold),
                    (TimerText, widgets::text("", 1.4, palette::TEXT, &fonts.bold)),
                    widgets::text(tag, 1.4, palette::ACCENT, &fonts.bold),
                ],
            )),
            SpawnIter(timed.then_some(bar).into_iter()),
        )),
    )
}

fn leave(mut context: ResMut<InputContext>, mut focus: ResMut<Focus>) {
    *context = InputContext::Menu;
    focus.columns = 1;
}

fn show_timer(
    game: Res<Game>,
    mut bars: Query<&mut Node, With<TimerBar>>,
    mut texts: Query<&mut Text, With<TimerText>>,
) {
    let fraction = game.clock.fraction_left();
    for mut node in &mut bars {
        let width = percent(fraction * 100.0);
        if node.width != width {
            node.width = width;
        }
    }
    let label = game.clock.remaining().map(|left| format!("{}", left.as_secs_f32().ceil() as u32)).unwrap_or_default();
    for mut text in &mut texts {
        if text.0 != label {
            text.0.clone_from(&label);
        }
    }
}

fn show_answered(game: Res<Game>, marks: Query<&Children, With<AnsweredMarks>>, mut texts: Query<&mut Text>) {
    for children in &marks {
        for (i, child) in children.iter().enumerate() {
            let (Some(player), Ok(mut text)) = (game.players.get(i), texts.get_mut(child)) else { continue };
            let answered = game.pending.get(i).is_some_and(Option::is_some);
            let label = if answered { format!("{} ✓", player.name) } else { format!("{} …", player.name) };
            if text.0 != label {
                text.0 = label;
            }
        }
    }
}
