//! Lifelines on the TV: a row of buttons for whoever the shared screen plays for (the solo
//! player, the one on the hot seat), what a lifeline used on it did (options shredded, the
//! hint, the audience's votes), and a line that tells the room who used what.

use bevy::prelude::*;

use crate::game::lifeline::Lifeline;
use crate::game::{Device, Game, GameSettings, GameSystems, LifelineUsed, Phase, Seat, UseLifeline};
use crate::input::gamepad::ANSWER_LABELS;
use crate::input::keyboard::{PARTY_ROWS, key_label};
use crate::input::lifeline_menu::{LifelineMenus, on_menu};
use crate::theme::focus::{Activate, FocusStyle};
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, rem};

/// A lifeline's button.
#[derive(Component)]
struct LifelineButton(Lifeline);

/// What the screen player's lifelines showed: the hint, the audience's votes.
#[derive(Component)]
struct LifelineNote;

/// The room is told who used what.
#[derive(Component)]
struct UsedLine;

/// The lifeline menus open on keys and pads, and what each lists.
#[derive(Component)]
struct MenuLine;

/// An answer tile, by its option's index (shredded ones are emptied).
#[derive(Component)]
pub(super) struct AnswerTile(pub usize);

/// Focus order of the first lifeline button: after the answers and the sound's button.
const FIRST_ORDER: usize = 60;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            announce,
            show_effects.run_if(resource_exists_and_changed::<Game>),
            show_menus.run_if(resource_changed::<LifelineMenus>.or_eager(resource_exists_and_changed::<Game>)),
        )
            .run_if(in_state(Phase::Question))
            .in_set(GameSystems::Screens),
    );
}

/// The row of buttons (when the screen plays for someone), the note and the line for the room.
pub(super) fn spawn(root: &mut ChildSpawnerCommands, game: &Game, compact: bool, fonts: &Fonts) {
    root.spawn((LifelineNote, widgets::text("", if compact { 1.2 } else { 1.5 }, palette::ACCENT, &fonts.bold)));
    if let Some(player) = game.screen_player() {
        let offered: Vec<Lifeline> =
            Lifeline::ALL.into_iter().filter(|l| game.lifeline_offered(player, *l, false).is_ok()).collect();
        root.spawn(Node { column_gap: rem(0.8), margin: UiRect::top(rem(0.6)), ..default() }).with_children(|row| {
            for (i, lifeline) in offered.into_iter().enumerate() {
                let label = format!("{} {}", lifeline.icon(), lifeline.title());
                // Named by its title alone, for a script's `click:` (the label has its icon).
                row.spawn((
                    LifelineButton(lifeline),
                    widgets::small_button(label, FIRST_ORDER + i, fonts, use_it(lifeline)),
                ))
                .insert(Name::new(format!("{} button", lifeline.title())));
            }
        });
    }
    root.spawn((MenuLine, widgets::text("", 1.3, palette::TEXT, &fonts.bold)));
    root.spawn((UsedLine, widgets::text("", 1.2, palette::MUTED, &fonts.regular)));
}

/// Each open menu: "Ann: 1 ★ Double Dundie · 2 ❄ Jello", with the keys (or buttons) that pick.
fn show_menus(
    menus: Res<LifelineMenus>,
    game: Option<Res<Game>>,
    settings: Res<GameSettings>,
    mut lines: Query<&mut Text, With<MenuLine>>,
) {
    let Some(game) = game else { return };
    let line: Vec<String> = menus
        .0
        .iter()
        .filter_map(|player| {
            let name = &game.players.get(*player)?.name;
            let key = |k: usize| match settings.players.get(*player).and_then(|p| p.seat) {
                Some(Seat::Keys(row)) => {
                    PARTY_ROWS.get(row).and_then(|r| r.get(k)).map_or(String::new(), |key| key_label(*key))
                }
                Some(Seat::Pad(_)) => ANSWER_LABELS.get(k).map_or(String::new(), |l| (*l).to_owned()),
                _ if game.is_party() => {
                    PARTY_ROWS.get(*player).and_then(|r| r.get(k)).map_or(String::new(), |key| key_label(*key))
                }
                _ => (k + 1).to_string(),
            };
            let listed: Vec<String> = on_menu(&game, *player)
                .iter()
                .enumerate()
                .map(|(k, l)| format!("[{}] {} {}", key(k), l.icon(), l.title()))
                .collect();
            Some(format!("{name}'s lifelines: {}", listed.join("  ")))
        })
        .collect();
    let line = line.join("   ·   ");
    for mut text in &mut lines {
        if text.0 != line {
            text.0.clone_from(&line);
        }
    }
}

/// Uses `lifeline` for whoever the screen plays for when the button is pressed.
fn use_it(lifeline: Lifeline) -> impl FnMut(On<Activate>, Res<Game>, MessageWriter<UseLifeline>) {
    move |_, game, mut uses| {
        if let Some(player) = game.screen_player() {
            uses.write(UseLifeline { player, lifeline, device: Device::Screen });
        }
    }
}

/// Who used what on this question, for the room: "Ann ✂ Shredder · Bob ❄ froze Cy".
fn announce(
    mut used: MessageReader<LifelineUsed>,
    game: Option<Res<Game>>,
    mut lines: Query<&mut Text, With<UsedLine>>,
) {
    if used.read().count() == 0 {
        return;
    }
    let Some(game) = game else { return };
    let name = |p: usize| game.players.get(p).map_or("?", |p| p.name.as_str());
    let said: Vec<String> = game
        .players
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.this_round.used.iter().map(move |l| match (l, p.this_round.froze) {
                (Lifeline::Freeze, Some(rival)) => format!("{} {} froze {}", name(i), l.icon(), name(rival)),
                _ => format!("{} {} {}", name(i), l.icon(), l.title()),
            })
        })
        .collect();
    for mut text in &mut lines {
        text.0 = said.join("  ·  ");
    }
}

/// On the screen player's own screen: used buttons marked, shredded tiles emptied, the hint
/// and the audience's votes shown.
fn show_effects(
    game: Res<Game>,
    mut buttons: Query<(&LifelineButton, &mut ButtonText), Without<AnswerTile>>,
    mut tiles: Query<
        (&AnswerTile, &mut BackgroundColor, &mut BorderColor, Option<&mut FocusStyle>, &Children),
        Without<LifelineButton>,
    >,
    mut notes: Query<&mut Text, With<LifelineNote>>,
    mut visibility: Query<&mut Visibility>,
) {
    let Some(player) = game.screen_player() else { return };
    let Some(round) = game.players.get(player).map(|p| &p.this_round) else { return };
    for (LifelineButton(lifeline), mut text) in &mut buttons {
        if round.used.contains(lifeline) {
            text.set_if_neq(ButtonText(format!("{} {} ✓ used", lifeline.icon(), lifeline.title())));
        }
    }
    for (AnswerTile(i), mut background, mut border, style, children) in &mut tiles {
        if round.removed.contains(i) {
            if let Some(mut style) = style {
                *style = FocusStyle { normal: palette::PANEL, focused: palette::PANEL_FOCUSED };
            }
            background.0 = palette::PANEL;
            *border = BorderColor::all(palette::PANEL);
            for child in children.iter() {
                if let Ok(mut shown) = visibility.get_mut(child) {
                    shown.set_if_neq(Visibility::Hidden);
                }
            }
        }
    }
    let hint = round.used.contains(&Lifeline::Hint).then(|| game.question().and_then(|q| q.question.hint.clone()));
    let mut note = hint.flatten().map(|h| format!("✎ Pam says: {h}")).unwrap_or_default();
    if let Some(shares) = &round.audience {
        let bars: Vec<String> =
            shares.iter().enumerate().map(|(i, pc)| format!("{} {pc}%", char::from(b'A' + i as u8))).collect();
        note = [note, format!("☎ The audience says: {}", bars.join("  "))].join("   ").trim().to_owned();
    }
    for mut text in &mut notes {
        if text.0 != note {
            text.0.clone_from(&note);
        }
    }
}
