//! The final wager's step on the TV: the last question's category (the question itself stays
//! hidden), the time left to bet, and each player's bet placed or not (its amount stays
//! hidden until the reveal). Solo, five buttons bet; a party bets on its key rows, pads and
//! phones, as the legend says, and the host may close the step.

use bevy::prelude::*;

use crate::game::wager::{SHARES, share_of};
use crate::game::{Clock, Device, FlowCommand, Game, GameSystems, Phase, PlaceBet, Stake};
use crate::input::gamepad::ANSWER_LABELS;
use crate::input::keyboard::{PARTY_ROWS, key_label};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};

/// The line with the time left to bet.
#[derive(Component)]
struct BetClock;

/// A player's line: whether their bet is in.
#[derive(Component)]
struct BetLine(usize);

/// What each preset bet is called, as shares of [`SHARES`].
const SHARE_NAMES: [&str; 5] = ["Nothing", "A quarter", "Half", "Three quarters", "Everything"];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Phase::Wager), spawn)
        .add_systems(Update, (show_clock, show_bets).run_if(in_state(Phase::Wager)).in_set(GameSystems::Screens));
}

fn spawn(mut commands: Commands, game: Res<Game>, fonts: Res<Fonts>) {
    let category = game.question().map(|q| q.question.category.clone()).unwrap_or_default();
    let party = game.is_party();
    let root = commands.spawn((widgets::screen_root("Wager screen"), DespawnOnExit(Phase::Wager))).id();
    commands.entity(root).with_children(|root| {
        root.spawn(widgets::text("The final wager", 3.0, palette::ACCENT, &fonts.bold));
        root.spawn(widgets::text(format!("The last question is about: {category}"), 2.0, palette::TEXT, &fonts.bold));
        root.spawn((
            Node { max_width: percent(80), margin: UiRect::vertical(rem(0.6)), ..default() },
            children![(
                widgets::text(
                    "Bet part of your score on it. Right wins the bet; wrong, or no answer, loses it.",
                    1.4,
                    palette::MUTED,
                    &fonts.regular
                ),
                TextLayout::justify(Justify::Center)
            )],
        ));
        root.spawn((widgets::text("", 1.6, palette::TEXT, &fonts.bold), BetClock));
        if party {
            party_lines(root, &game, &fonts);
        } else {
            solo_buttons(root, &game, &fonts);
        }
        let hints = if party { "Esc pause · F1 host · F8 mute" } else { "1-5 bet · Esc pause · M mute" };
        root.spawn(widgets::hints(hints, &fonts));
    });
}

/// Solo: a button per preset bet, with its key and the points it stakes.
fn solo_buttons(root: &mut ChildSpawnerCommands, game: &Game, fonts: &Fonts) {
    let score = game.players.first().map_or(0, |p| p.score);
    root.spawn(widgets::text(format!("You have {score} points."), 1.6, palette::TEXT, &fonts.regular));
    root.spawn(Node {
        flex_direction: FlexDirection::Column,
        row_gap: rem(0.5),
        margin: UiRect::top(rem(0.6)),
        ..default()
    })
    .with_children(|list| {
        for (i, (share, name)) in SHARES.iter().zip(SHARE_NAMES).enumerate() {
            let label = format!("{}  {name}: {}", i + 1, share_of(score, *share));
            let bet = PlaceBet { player: 0, stake: Stake::Share(*share), device: Device::Screen };
            list.spawn(widgets::button(label, i, fonts, send(bet))).insert(Name::new(format!("Bet {name}")));
        }
    });
}

/// A party: each betting player's line, the keys and buttons that bet, and the host's way on.
fn party_lines(root: &mut ChildSpawnerCommands, game: &Game, fonts: &Fonts) {
    root.spawn(Node {
        flex_direction: FlexDirection::Column,
        row_gap: rem(0.3),
        margin: UiRect::vertical(rem(0.6)),
        ..default()
    })
    .with_children(|list| {
        for player in (0..game.players.len()).filter(|p| game.bets(*p)) {
            let colour = palette::player(game.players[player].colour);
            list.spawn((widgets::text("", 1.6, colour, &fonts.bold), BetLine(player)));
        }
    });
    let keys: Vec<String> =
        PARTY_ROWS.iter().map(|row| row[..SHARES.len()].iter().map(|k| key_label(*k)).collect()).collect();
    let legend = format!(
        "Keys: your row's five keys ({}) bet nothing, a quarter, half, three quarters or everything; pads: {}; phones: on the phone.",
        keys.join(" "),
        ANSWER_LABELS[..SHARES.len()].join(" "),
    );
    root.spawn((
        Node { max_width: percent(85), margin: UiRect::bottom(rem(0.6)), ..default() },
        children![(widgets::text(legend, 1.2, palette::MUTED, &fonts.regular), TextLayout::justify(Justify::Center))],
    ));
    root.spawn(widgets::button("Close the bets", 0, fonts, send(FlowCommand::CloseQuestion)));
}

/// The line over the wager's question: what is at stake (solo: the bet itself).
pub(super) fn banner(game: &Game, fonts: &Fonts) -> impl Bundle {
    let line = match game.players.first().and_then(|p| p.wager).filter(|_| !game.is_party()) {
        Some(bet) => format!("The final wager: you bet {bet}. Right wins it; wrong, or no answer, loses it."),
        None => "The final wager: right wins your bet; wrong, or no answer, loses it.".to_owned(),
    };
    widgets::text(line, 1.3, palette::ACCENT, &fonts.bold)
}

fn show_clock(clock: Res<Clock>, mut lines: Query<&mut Text, With<BetClock>>) {
    let left = clock.remaining().map_or(0, |left| left.as_secs_f32().ceil() as u32);
    let label = format!("Bets close in {left} s");
    for mut text in &mut lines {
        if text.0 != label {
            text.0.clone_from(&label);
        }
    }
}

fn show_bets(game: Res<Game>, mut lines: Query<(&BetLine, &mut Text)>) {
    if !game.is_changed() {
        return;
    }
    for (BetLine(player), mut text) in &mut lines {
        let Some(p) = game.players.get(*player) else { continue };
        let state = if p.wager.is_some() { "✓ bet placed" } else { "betting…" };
        let label = format!("{}  ({} points): {state}", p.name, p.score);
        if text.0 != label {
            text.0 = label;
        }
    }
}
