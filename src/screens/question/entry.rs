//! Typed and number answers: a field with a caret, masked as dots in party play (the others
//! are in the room), taken in turn; Pass for a player without a keyboard.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use crate::game::Party;
use crate::game::{
    Device, DrawnQuestion, Game, GameSettings, Overlay, Phase, PlayMode, PlayerAction, Presented, Response,
};
use crate::input::text_entry::TextEntry;
use crate::input::{NavAction, TakesText};
use crate::pack::Answer;
use crate::persist::UserSettings;
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};
use crate::words::{entry_prompt, unit_leads};
use bevy::input_focus::tab_navigation::TabIndex;
use bevy::input_focus::{FocusCause, InputFocus};

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
        (type_answer, show_entry, show_pass)
            .chain()
            .run_if(in_state(Phase::Question))
            .in_set(crate::game::GameSystems::Screens),
    );
}

/// The Pass button: shown only while someone at the TV may type.
#[derive(Component)]
struct PassButton;

/// What the TV shows for a typed or number question. `at_tv` says whether anyone answers at
/// the keyboard at all: with every player on a phone, the TV shows no field of its own.
pub(super) fn spawn(root: &mut ChildSpawnerCommands, drawn: &DrawnQuestion, game: &Game, at_tv: bool, fonts: &Fonts) {
    let party = game.is_party();
    let numeric = drawn.presented == Presented::Number;
    let unit = match &drawn.question.answer {
        Answer::Number { unit: Some(unit), .. } => unit.clone(),
        _ => String::new(),
    };
    if !at_tv {
        root.spawn(widgets::text("Answer on your phones", 2.4, palette::ACCENT, &fonts.bold));
        return;
    }
    let hint = match (party, game.settings.mode, numeric) {
        (true, PlayMode::Buzz, _) => "Buzz with any key of your row, then type your answer and press Enter",
        (true, _, _) => "Players answer in turn, hidden from the others: type, then Enter (or Pass)",
        (false, _, true) => "Type a number, then Enter (or Pass)",
        (false, _, false) => "Type your answer, then Enter (or Pass)",
    };
    if party {
        root.spawn((TypistLabel, widgets::text("", 2.0, palette::ACCENT, &fonts.bold)));
    }
    // "season [ 4 ]" but "[ 3 ] months", as the words go.
    let leads = unit_leads(&unit);
    root.spawn(Node { align_items: AlignItems::Center, column_gap: rem(1.0), ..default() }).with_children(|row| {
        if leads {
            row.spawn(widgets::text(unit.clone(), 2.0, palette::MUTED, &fonts.regular));
        }
        row.spawn((
            Node { min_width: rem(24.0), ..widgets::bordered(UiRect::axes(rem(1.0), rem(0.6)), 0.5) },
            BackgroundColor(palette::PANEL),
            BorderColor::all(palette::ACCENT),
            children![(
                Field(TextEntry::new(numeric)),
                TakesText { now: true },
                widgets::text("", 2.4, palette::TEXT, &fonts.bold)
            )],
        ));
        if !leads {
            row.spawn(widgets::text(unit, 2.0, palette::MUTED, &fonts.regular));
        }
    });
    root.spawn((EntryHint(hint), widgets::text(hint, 1.3, palette::MUTED, &fonts.regular)));
    // Hidden until a player at the keyboard has the turn (in buzz-in, until one buzzes).
    root.spawn((PassButton, widgets::button("Pass", 0, fonts, pass)));
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

/// Who types at the TV's keyboard now: the typist, if they are not on a phone.
fn tv_typist(game: &Game, party: &GameSettings) -> Option<usize> {
    game.typist_among(|p| !party.players.on_phone(p))
}

/// The player whose turn it is passes.
fn pass(_: On<Activate>, game: Res<Game>, party: Res<GameSettings>, mut answers: MessageWriter<PlayerAction>) {
    if let Some(player) = tv_typist(&game, &party) {
        answers.write(PlayerAction { player, response: Response::Pass, device: Device::Screen });
    }
}

fn type_answer(
    mut keys: MessageReader<KeyboardInput>,
    mut nav: MessageReader<NavAction>,
    game: Res<Game>,
    party: Res<GameSettings>,
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
            && let Some(player) = tv_typist(&game, &party)
            && let Some(response) = field.0.submit()
        {
            answers.write(PlayerAction { player, response, device: Device::Keyboard });
        }
    }
}

/// Pass is there, and takes the focus, only while a player at the keyboard may answer.
fn show_pass(
    game: Res<Game>,
    party: Res<GameSettings>,
    mut passes: Query<(Entity, &mut Node, Has<TabIndex>), With<PassButton>>,
    mut focus: ResMut<InputFocus>,
    mut commands: Commands,
) {
    let typing = tv_typist(&game, &party).is_some();
    for (entity, mut node, focusable) in &mut passes {
        let display = if typing { Display::Flex } else { Display::None };
        node.reborrow().map_unchanged(|v| &mut v.display).set_if_neq(display);
        if typing && !focusable {
            commands.entity(entity).insert(TabIndex(0));
            focus.set(entity, FocusCause::Navigated);
        } else if !typing && focusable {
            commands.entity(entity).remove::<TabIndex>();
        }
    }
}

fn show_entry(
    game: Res<Game>,
    party: Res<GameSettings>,
    time: Res<Time<Real>>,
    settings: Option<Res<UserSettings>>,
    mut fields: Query<(Ref<Field>, &mut Text), (Without<TypistLabel>, Without<EntryHint>)>,
    mut labels: Query<(&mut Text, &mut TextColor), (With<TypistLabel>, Without<EntryHint>)>,
    mut hints: Query<(&EntryHint, &mut Text, &mut TextColor), Without<TypistLabel>>,
) {
    let phones = party.players.phones().next().is_some();
    let label = entry_prompt(&game, |p| !party.players.on_phone(p), phones);
    let tint = game
        .typist_among(|p| !party.players.on_phone(p))
        .and_then(|p| game.players.get(p))
        .map_or(palette::ACCENT, |p| palette::player(p.colour));
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
        text.reborrow().map_unchanged(|v| &mut v.0).set_if_neq(shown);
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
