//! The question: prompt, a timer bar that drains, and the answer in its kind's own way
//! ([`options`] tiles, an [`entry`] field, an [`ordering`] list); in party play, the
//! [`party`] mode's line, who has answered, and the host's "Reveal the answer".

mod entry;
mod lifelines;
mod options;
mod ordering;
mod party;

use bevy::prelude::*;

use super::picture::PictureSlot;
use crate::game::Party;
use crate::game::{Clock, DrawnQuestion, Game, GameSettings, Phase, Presented, Seat};
use crate::pack::PackLibrary;
use crate::persist::UserSettings;
use crate::question_sound::{HearAgain, QuestionSound};
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, Room, rem};

#[derive(Component)]
struct TimerBar;

#[derive(Component)]
struct TimerText;

/// The question's sound: "playing" while it plays, then a button to hear it again.
#[derive(Component)]
struct SoundMark;

const PLAYING: &str = "♪  Playing…";
const HEAR_AGAIN: &str = "♪  Hear it again";

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Question), spawn).add_systems(
        Update,
        (show_timer, show_sound).run_if(in_state(Phase::Question)).in_set(crate::game::GameSystems::Screens),
    );
    app.add_plugins((entry::plugin, lifelines::plugin, ordering::plugin, party::plugin));
}

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    seating: Res<GameSettings>,
    fonts: Res<Fonts>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
    library: Res<PackLibrary>,
) {
    let Some(drawn) = game.question() else { return };
    let party = game.is_party();
    // Large text: a smaller prompt and tiles, so that the question and four options fit 800×600.
    let compact = Room::of(window.iter().next(), user.as_deref()).scale >= 1.5;
    // A picture question: a smaller prompt, for the picture is half of what is asked.
    let (prompt_size, prompt_gap) = match (compact, drawn.question.image.is_some()) {
        (true, true) => (1.6, 0.3),
        (true, false) => (2.2, 0.6),
        (false, true) => (2.3, 0.8),
        (false, false) => (3.0, 1.5),
    };
    let q = &drawn.question;
    let root = commands.spawn((widgets::screen_root("Question screen"), DespawnOnExit(Phase::Question))).id();
    if q.image.is_some() {
        // The picture gives way to everything else: keep the top bar's room free, so that it
        // shrinks rather than pushing the prompt under the bar.
        // Large text makes the bar and the hints taller: more room kept above and below.
        let (top, bottom) = if compact { (rem(5.5), rem(3.0)) } else { (rem(4.0), rem(2.0)) };
        let padding = UiRect { top, bottom, ..UiRect::all(rem(2.0)) };
        commands.entity(root).insert(Node { padding, ..widgets::full_window_column() });
    }
    commands.entity(root).with_children(|root| {
        root.spawn(top_bar(&game, &fonts));
        root.spawn((
            Name::new("Prompt"),
            Node { max_width: percent(85), margin: UiRect::bottom(rem(prompt_gap)), ..default() },
            children![(
                widgets::text(q.prompt.clone(), prompt_size, palette::TEXT, &fonts.bold),
                TextLayout::justify(Justify::Center)
            )],
        ));
        media(root, drawn, &library, compact, &fonts);
        match &drawn.presented {
            Presented::Options { options, .. } => {
                options::spawn(root, options, party, &key_rows(&game, &seating), compact, &fonts);
            }
            Presented::Typed | Presented::Number if game.said_aloud() => {
                entry::spawn_aloud(root, &fonts);
            }
            Presented::Typed | Presented::Number => {
                // With every player on a phone, the TV has no field of its own.
                let at_tv = !party || game.active().any(|p| !seating.players.on_phone(p));
                // Its field takes text, which sets what the keys mean (`input::context`).
                entry::spawn(root, drawn, &game, at_tv, &fonts);
            }
            Presented::Ordering { shown } => {
                ordering::spawn(root, shown.len(), &fonts);
            }
        }
        if game.is_wager_round() {
            root.spawn(crate::screens::wager::banner(&game, &fonts));
        }
        lifelines::spawn(root, &game, compact, &fonts);
        if party {
            party::spawn(root, &game, compact, &fonts);
        }
        let hints = match (party, q.sound.is_some()) {
            // M is row four's lifeline key here.
            (true, true) => "Esc pause · F1 host · F7 hear again · F8 mute",
            (true, false) => "Esc pause · F1 host · F8 mute",
            (false, true) => "Esc pause · F7 hear again · M mute",
            (false, false) => "Esc pause · M mute",
        };
        root.spawn(widgets::hints(hints, &fonts));
    });
}

/// The key rows players answer on. No seats taken: a night prepared on the command line,
/// where row N is player N.
fn key_rows(game: &Game, seating: &GameSettings) -> Vec<usize> {
    if !seating.players.seated() {
        return (0..game.players.len().min(4)).collect();
    }
    seating.players.iter().filter_map(|p| if let Some(Seat::Keys(row)) = p.seat { Some(row) } else { None }).collect()
}

/// The question's picture and its sound's button, under the prompt.
fn media(root: &mut ChildSpawnerCommands, drawn: &DrawnQuestion, library: &PackLibrary, compact: bool, fonts: &Fonts) {
    let q = &drawn.question;
    if let Some(picture) = &q.image {
        let height = if compact { vh(22) } else { vh(46) };
        root.spawn(super::picture::slot(PictureSlot::new(library, &drawn.pack, picture, height)));
    }
    // Under the picture (or the prompt): what is heard belongs with the question.
    if q.sound.is_some() {
        let again = |_: On<Activate>, mut again: MessageWriter<HearAgain>| {
            again.write(HearAgain);
        };
        root.spawn((SoundMark, widgets::button(PLAYING, 50, fonts, again)));
    }
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
    let timed = game.time_limit(game.current).is_some();
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

fn show_timer(
    clock: Res<Clock>,
    mut bars: Query<&mut Node, With<TimerBar>>,
    mut texts: Query<&mut Text, With<TimerText>>,
) {
    // Past the time of those without a handicap, the clock counts the extra time.
    let (fraction, label) = clock.shown();
    for mut node in &mut bars {
        let width = percent(fraction * 100.0);
        node.reborrow().map_unchanged(|v| &mut v.width).set_if_neq(width);
    }
    for mut text in &mut texts {
        if text.0 != label {
            text.0.clone_from(&label);
        }
    }
}

/// Whether the question's sound is playing, on its mark.
fn show_sound(playing: Query<(), With<QuestionSound>>, mut marks: Query<&mut ButtonText, With<SoundMark>>) {
    let label = if playing.is_empty() { HEAR_AGAIN } else { PLAYING };
    for mut text in &mut marks {
        text.set_if_neq(ButtonText(label.to_owned()));
    }
}
