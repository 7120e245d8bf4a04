//! Typed and number answers: a field with a caret, masked as dots in party play (the others
//! are in the room), taken in turn; Pass for a player without a keyboard.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use crate::game::{Device, DrawnQuestion, Game, Overlay, Phase, PlayerAction, Presented, Response};
use crate::input::NavAction;
use crate::input::seats::PartySeats;
use crate::input::text_entry::TextEntry;
use crate::pack::Answer;
use crate::persist::UserSettings;
use crate::theme::interaction::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

/// The answer field, holding what has been typed (gone with the screen).
#[derive(Component, Debug)]
struct Field(TextEntry);

/// Whose turn it is to type, in party play.
#[derive(Component)]
struct TypistLabel;

/// The line under the field, which turns into an error when the entry is not a number.
#[derive(Component)]
struct EntryHint(&'static str);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (type_answer, show_entry).chain().run_if(in_state(Phase::Question)).in_set(crate::game::GameSystems::Screens),
    );
}

pub(super) fn spawn(root: &mut ChildSpawnerCommands, drawn: &DrawnQuestion, party: bool, fonts: &Fonts) {
    let numeric = drawn.presented == Presented::Number;
    let unit = match &drawn.question.answer {
        Answer::Number { unit: Some(unit), .. } => unit.clone(),
        _ => String::new(),
    };
    let hint = match (party, numeric) {
        (true, _) => "Players answer in turn, hidden from the others: type, then Enter (or Pass)",
        (false, true) => "Type a number, then Enter (or Pass)",
        (false, false) => "Type your answer, then Enter (or Pass)",
    };
    if party {
        root.spawn((TypistLabel, widgets::text("", 2.0, palette::ACCENT, &fonts.bold)));
    }
    root.spawn(Node { align_items: AlignItems::Center, column_gap: rem(1.0), ..default() }).with_children(|row| {
        row.spawn((
            Node { min_width: rem(24.0), ..widgets::bordered(UiRect::axes(rem(1.0), rem(0.6)), 0.5) },
            BackgroundColor(palette::PANEL),
            BorderColor::all(palette::ACCENT),
            children![(Field(TextEntry::new(numeric)), widgets::text("", 2.4, palette::TEXT, &fonts.bold))],
        ));
        row.spawn(widgets::text(unit, 2.0, palette::MUTED, &fonts.regular));
    });
    root.spawn((EntryHint(hint), widgets::text(hint, 1.3, palette::MUTED, &fonts.regular)));
    root.spawn(widgets::button("Pass", 0, fonts, pass));
}

/// Say it aloud: no field, the room answers out loud and the host judges at the reveal.
pub(super) fn spawn_aloud(root: &mut ChildSpawnerCommands, fonts: &Fonts) {
    root.spawn((
        Node { padding: UiRect::axes(rem(1.5), rem(0.8)), ..widgets::bordered(UiRect::ZERO, 0.6) },
        BackgroundColor(palette::PANEL),
        BorderColor::all(palette::ACCENT),
        children![widgets::text("Say it aloud!", 2.6, palette::ACCENT, &fonts.bold)],
    ));
    root.spawn(widgets::text(
        "Host: reveal the answer (F2), then mark who was right on the host panel (F1)",
        1.3,
        palette::MUTED,
        &fonts.regular,
    ));
}

/// The player whose turn it is passes.
fn pass(_: On<Activate>, game: Res<Game>, seats: Res<PartySeats>, mut answers: MessageWriter<PlayerAction>) {
    if let Some(player) = game.typist_among(|p| !seats.on_phone(p)) {
        answers.write(PlayerAction { player, response: Response::Pass, device: Device::Screen });
    }
}

fn type_answer(
    mut keys: MessageReader<KeyboardInput>,
    mut nav: MessageReader<NavAction>,
    game: Res<Game>,
    seats: Res<PartySeats>,
    overlay: Res<State<Overlay>>,
    mut fields: Query<&mut Field>,
    mut answers: MessageWriter<PlayerAction>,
) {
    let submitted = nav.read().filter(|a| **a == NavAction::Submit).count() > 0;
    let pressed: Vec<&KeyboardInput> = keys.read().filter(|k| k.state == ButtonState::Pressed).collect();
    if *overlay.get() != Overlay::None {
        return;
    }
    for mut field in &mut fields {
        for key in &pressed {
            field.0.key(&key.logical_key, key.text.as_deref());
        }
        if submitted
            && let Some(player) = game.typist_among(|p| !seats.on_phone(p))
            && let Some(response) = field.0.submit()
        {
            answers.write(PlayerAction { player, response, device: Device::Keyboard });
        }
    }
}

fn show_entry(
    game: Res<Game>,
    seats: Res<PartySeats>,
    time: Res<Time<Real>>,
    settings: Option<Res<UserSettings>>,
    mut fields: Query<(Ref<Field>, &mut Text), (Without<TypistLabel>, Without<EntryHint>)>,
    mut labels: Query<(&mut Text, &mut TextColor), (With<TypistLabel>, Without<EntryHint>)>,
    mut hints: Query<(&EntryHint, &mut Text, &mut TextColor), Without<TypistLabel>>,
) {
    let typist = game.typist_among(|p| !seats.on_phone(p)).and_then(|p| game.players.get(p));
    let (label, tint) = match typist {
        Some(player) => (format!("{}, your answer:", player.name), palette::player(player.colour)),
        // Everyone left to answer has a phone: the keyboard waits.
        None if game.is_party() && !seats.0.is_empty() => ("Answer on your phones".to_owned(), palette::ACCENT),
        None => (String::new(), palette::ACCENT),
    };
    if !label.is_empty() {
        for (mut text, mut colour) in &mut labels {
            if text.0 != label {
                text.0.clone_from(&label);
                colour.0 = tint;
            }
        }
    }
    // A blinking caret, steady under reduced motion.
    let steady = settings.is_some_and(|s| s.reduced_motion);
    let caret = if steady || time.elapsed_secs() % 1.0 < 0.5 { "|" } else { " " };
    for (field, mut text) in &mut fields {
        let entry = &field.0;
        let typed = if game.is_party() { "•".repeat(entry.text.chars().count()) } else { entry.text.clone() };
        let shown = format!("{typed}{caret}");
        if text.0 != shown {
            text.0 = shown;
        }
        if field.is_changed() {
            for (hint, mut text, mut colour) in &mut hints {
                let (line, tint) = if entry.invalid {
                    ("That is not a number: type digits, such as 2005 or 3.5", palette::WRONG)
                } else {
                    (hint.0, palette::MUTED)
                };
                if text.0 != line {
                    text.0 = line.to_owned();
                    colour.0 = tint;
                }
            }
        }
    }
}
