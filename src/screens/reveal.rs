//! The reveal: the right answer with a mark (not only colour), who got it and their points,
//! and the explanation in a lower third like the documentary's talking-head captions.

use bevy::prelude::*;

use crate::game::{DrawnQuestion, FlowCommand, Game, HostActed, Phase, Presented, Round};
use crate::pack::PackLibrary;
use crate::persist::UserSettings;
use crate::persist::flags::FlagQuestion;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, Room, rem, send};
use crate::words::{response_text, signed};

/// The reveal's root, rebuilt when the host rules.
#[derive(Component)]
struct RevealRoot;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Reveal), spawn)
        .add_systems(Update, follow_rulings.run_if(in_state(Phase::Reveal)).in_set(crate::game::GameSystems::Screens));
}

/// The host overruled an answer or changed a score: show the round as it now stands.
fn follow_rulings(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    roots: Query<Entity, With<RevealRoot>>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
    library: Res<PackLibrary>,
    mut acted: MessageReader<HostActed>,
) {
    if acted.read().count() == 0 {
        return;
    }
    for entity in &roots {
        commands.entity(entity).despawn();
    }
    spawn(commands, game, fonts, window, user, library);
}

/// Players' lines at 100% text, at most (fewer at larger text): a crowd sees how many were
/// right, those who were first, and a count of the rest.
const LINES: usize = 8;

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
    library: Res<PackLibrary>,
) {
    let (Some(drawn), Some(round)) = (game.question(), game.last_round()) else { return };
    let solo = game.players.len() == 1;
    let room = Room::of(window.iter().next(), user.as_deref());
    // Large text: the answer and its story take the room, the prompt (on screen a moment
    // ago) makes way.
    let compact = room.scale >= 1.5;
    let q = &drawn.question;
    let (headline, colour) = match (solo, round.outcomes.first()) {
        (true, Some(o)) if o.correct => ("✓  Correct!", palette::RIGHT),
        (true, Some(o)) if o.answer.is_none() => ("✗  Time's up", palette::WRONG),
        (true, _) => ("✗  Not quite", palette::WRONG),
        (false, _) => ("The answer", palette::ACCENT),
    };
    commands.spawn((widgets::screen_root("Reveal screen"), RevealRoot, DespawnOnExit(Phase::Reveal))).with_children(
        |root| {
            // Spacers above the answer and above the lower third centre the answer in the room left.
            root.spawn(Node { flex_grow: 1.0, ..default() });
            // Large text and a picture beside the answer: a party's "The answer" makes way for
            // the picture (the answer in green says it); a solo player's verdict stays.
            if !(compact && !solo && q.reveal_image.is_some()) {
                root.spawn(widgets::text(headline, 3.2, colour, &fonts.bold));
            }
            if !compact {
                root.spawn((
                    Node { max_width: percent(80), ..default() },
                    children![(
                        widgets::text(q.prompt.clone(), 1.6, palette::MUTED, &fonts.regular),
                        TextLayout::justify(Justify::Center)
                    )],
                ));
            }
            super::reveal_answer::spawn(root, (drawn, round), (solo, compact, room), &library, &fonts);
            player_lines(root, &game, drawn, round, room, &fonts);
            super::audience::reveal(root, &game, drawn, compact, &fonts);
            root.spawn(Node { flex_grow: 1.0, ..default() });
            lower_third(root, drawn, &fonts);
            root.spawn(widgets::hints("Enter continue · Esc pause · F1 host · F6 flag a wrong question", &fonts));
        },
    );
}

/// Who got it and the points: right answers first (most points first), then the others, in
/// seat order, as many as the room has lines for and a count of the rest.
fn player_lines(
    root: &mut ChildSpawnerCommands,
    game: &Game,
    drawn: &DrawnQuestion,
    round: &Round,
    room: Room,
    fonts: &Fonts,
) {
    let solo = game.players.len() == 1;
    // Large text leaves the story the room: a crowd's best line and the count.
    let fit = if room.scale >= 1.5 { 2 } else { room.rows(LINES) };
    let mut order: Vec<usize> = (0..round.outcomes.len().min(game.players.len())).collect();
    if order.len() > fit {
        order.sort_by_key(|i| (!round.outcomes[*i].correct, std::cmp::Reverse(round.outcomes[*i].points), *i));
    }
    let unlisted = order.len().saturating_sub(fit.saturating_sub(1).max(1));
    if unlisted > 0 {
        order.truncate(order.len() - unlisted);
    }
    let ordering_len = match &drawn.presented {
        Presented::Ordering { shown } => Some(shown.len()),
        _ => None,
    };
    root.spawn(Node {
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        row_gap: rem(0.2),
        ..default()
    })
    .with_children(|list| {
        for (index, player, outcome) in order.iter().map(|i| (*i, &game.players[*i], &round.outcomes[*i])) {
            let answer = outcome.response().map(|r| response_text(&drawn.presented, r));
            // Not asked (another's hot-seat turn, or removed): no cross for a question not theirs.
            let mark = match (outcome.correct, outcome.asked) {
                (true, _) => "✓",
                (false, true) => "✗",
                (false, false) => "·",
            };
            let said = match answer {
                Some(_) if let Some(len) = ordering_len => {
                    format!("  {:.0} of {len} in place", outcome.judgement.credit * len as f32)
                }
                Some(text) if !matches!(drawn.presented, Presented::Options { .. }) || !solo => {
                    format!("  “{text}”")
                }
                Some(_) => String::new(),
                None if !outcome.asked && player.removed => "  out of the game".to_owned(),
                None if !outcome.asked => "  not their turn".to_owned(),
                None => "  no answer".to_owned(),
            };
            let name = if solo { "You".to_owned() } else { player.name.clone() };
            // The round's own change, the host's on top, and the score they come to.
            let host = game.host_points(index, round.question);
            let host = if host == 0 { String::new() } else { format!(" · host {}", signed(host)) };
            let bet = outcome.wager.map_or(String::new(), |bet| format!(" (bet {bet})"));
            let change = signed(outcome.change());
            let line = format!("{mark} {name}{said}   {change}{bet}{host}   ({} points)", player.score);
            list.spawn(widgets::text(line, 1.5, palette::player(player.colour), &fonts.bold));
        }
        if unlisted > 0 {
            let right = round.outcomes.iter().filter(|o| o.correct).count();
            let line = format!("… and {unlisted} more · {right} of {} right", round.outcomes.len());
            list.spawn(widgets::text(line, 1.3, palette::MUTED, &fonts.regular));
        }
    });
}

/// The lower third, in the flow at the bottom (so large text pushes, never covers), with
/// Continue beside it.
fn lower_third(root: &mut ChildSpawnerCommands, drawn: &DrawnQuestion, fonts: &Fonts) {
    let q = &drawn.question;
    root.spawn(Node {
        width: percent(100),
        justify_content: JustifyContent::SpaceBetween,
        align_items: AlignItems::End,
        column_gap: rem(2.0),
        // Room for the key hints below, at any text size.
        margin: UiRect::bottom(rem(3.0)),
        ..default()
    })
    .with_children(|row| {
        row.spawn((
            Name::new("Lower third"),
            Node { max_width: percent(75), flex_direction: FlexDirection::Row, ..default() },
            children![
                (Node { width: rem(0.6), ..default() }, BackgroundColor(palette::ACCENT)),
                (
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::axes(rem(1.2), rem(0.7)),
                        row_gap: rem(0.3),
                        ..default()
                    },
                    BackgroundColor(palette::LOWER_THIRD),
                    children![
                        widgets::text("THE STORY", 1.0, palette::ACCENT.darker(0.2), &fonts.bold),
                        widgets::text(q.explanation.clone(), 1.5, palette::LOWER_THIRD_TEXT, &fonts.regular),
                        widgets::text(
                            format!("Source: {}{}", drawn.source(), credits(q)),
                            0.95,
                            palette::LOWER_THIRD_TEXT.lighter(0.3),
                            &fonts.regular
                        ),
                    ]
                ),
            ],
        ));
        row.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.5), ..default() }).with_children(
            |buttons| {
                buttons.spawn(widgets::button("Continue", 0, fonts, send(FlowCommand::Continue)));
                buttons.spawn(widgets::button("Flag question", 1, fonts, send(FlagQuestion)));
            },
        );
    });
}

/// The credits of the question's pictures and sound, after its source (` · Picture: ..`).
fn credits(q: &crate::pack::Question) -> String {
    let pictures = [&q.image, &q.reveal_image].into_iter().flatten().map(|p| p.credit.as_str());
    let mut credits: Vec<String> = Vec::new();
    for credit in pictures.filter(|c| !c.is_empty()) {
        if !credits.iter().any(|c| c.ends_with(credit)) {
            credits.push(format!("Picture: {credit}"));
        }
    }
    if let Some(sound) = q.sound.as_ref().filter(|s| !s.credit.is_empty()) {
        credits.push(format!("Sound: {}", sound.credit));
    }
    credits.iter().map(|c| format!(" · {c}")).collect()
}
