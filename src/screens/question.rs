//! The question: prompt, answer tiles (colour, shape and key label), a text or number field,
//! or a list to reorder; a timer bar that drains; who has answered, in party play.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use crate::game::judge::parse_number;
use crate::game::{FlowCommand, Game, Overlay, Phase, PlayerAction, Presented, Response};
use crate::input::gamepad::ANSWER_LABELS;
use crate::input::{InputContext, NavAction};
use crate::pack::Answer;
use crate::persist::UserSettings;
use crate::theme::interaction::{Activated, Focus, FocusStyle, Focusable};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

#[derive(Component)]
struct AnswerTile(usize);

#[derive(Component)]
struct TimerBar;

#[derive(Component)]
struct TimerText;

#[derive(Component)]
struct EntryText;

/// Whose turn it is to type, in party play.
#[derive(Component)]
struct TypistLabel;

#[derive(Component)]
struct OrderItem(usize);

#[derive(Component)]
struct SubmitOrder;

/// Lets a player without a keyboard move on from a typed or number question.
#[derive(Component)]
struct PassButton;

/// Lets the host of a party close the question for players who cannot or will not answer.
#[derive(Component)]
struct CloseButton;

#[derive(Component)]
struct AnsweredMarks;

/// What the player has typed so far.
#[derive(Resource, Debug, Default)]
struct Entry(String);

/// The number typed could not be read: the hint says so until the player types again.
#[derive(Resource, Debug, Default)]
struct EntryInvalid(bool);

/// The line under the text field, which turns into an error when the entry is not a number.
#[derive(Component)]
struct EntryHint(&'static str);

/// The player's current order (indices into the shown items) and the item picked up.
#[derive(Resource, Debug, Default)]
struct OrderState {
    order: Vec<usize>,
    held: Option<usize>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Entry>()
        .init_resource::<EntryInvalid>()
        .init_resource::<OrderState>()
        .add_systems(OnEnter(Phase::Question), spawn)
        .add_systems(OnExit(Phase::Question), leave)
        .add_systems(
            Update,
            (choose_tile, type_entry, reorder, pause, show_timer, show_entry, show_order, show_answered)
                .run_if(in_state(Phase::Question))
                .in_set(crate::game::GameSystems::Screens),
        );
}

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    mut context: ResMut<InputContext>,
    mut focus: ResMut<Focus>,
    mut entry: ResMut<Entry>,
    mut invalid: ResMut<EntryInvalid>,
    mut order: ResMut<OrderState>,
) {
    let Some(drawn) = game.question() else { return };
    let party = game.players.len() > 1;
    entry.0.clear();
    invalid.0 = false;
    *order = OrderState::default();
    let q = &drawn.question;
    let header = format!("Question {} of {}", game.current + 1, game.questions.len());
    let tag = format!("{} · {}", q.category, widgets::capitalise(q.difficulty.name()));
    let root = commands.spawn((widgets::screen_root("Question screen"), DespawnOnExit(Phase::Question))).id();
    commands.entity(root).with_children(|root| {
        // Top bar: where we are, what kind of question, and the timer.
        root.spawn((Node {
            position_type: PositionType::Absolute,
            top: rem(1.0),
            left: rem(2.0),
            right: rem(2.0),
            flex_direction: FlexDirection::Column,
            row_gap: rem(0.5),
            ..default()
        },))
            .with_children(|bar| {
                bar.spawn(Node { justify_content: JustifyContent::SpaceBetween, ..default() }).with_children(|line| {
                    line.spawn(widgets::text(header, 1.4, palette::MUTED, &fonts.bold));
                    line.spawn((TimerText, widgets::text("", 1.4, palette::TEXT, &fonts.bold)));
                    line.spawn(widgets::text(tag, 1.4, palette::ACCENT, &fonts.bold));
                });
                if game.clock.limit.is_some() {
                    bar.spawn((
                        Node {
                            height: rem(0.6),
                            width: percent(100),
                            border_radius: BorderRadius::all(rem(0.3)),
                            ..default()
                        },
                        BackgroundColor(palette::PANEL),
                    ))
                    .with_children(|track| {
                        track.spawn((
                            TimerBar,
                            Node {
                                height: percent(100),
                                width: percent(100),
                                border_radius: BorderRadius::all(rem(0.3)),
                                ..default()
                            },
                            BackgroundColor(palette::ACCENT),
                        ));
                    });
                }
            });
        root.spawn((
            Name::new("Prompt"),
            Node { max_width: percent(85), margin: UiRect::bottom(rem(1.5)), ..default() },
            children![(
                widgets::text(q.prompt.clone(), 3.0, palette::TEXT, &fonts.bold),
                TextLayout::justify(Justify::Center)
            )],
        ));
        match &drawn.presented {
            Presented::Options { options, .. } => {
                *context = InputContext::Options { count: options.len(), party };
                focus.columns = 2;
                root.spawn(Node {
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                    column_gap: rem(1.0),
                    row_gap: rem(1.0),
                    width: percent(85),
                    ..default()
                })
                .with_children(|grid| {
                    for (i, option) in options.iter().enumerate() {
                        let mut tile = grid.spawn(tile(i, option, party, &fonts));
                        // Solo tiles take focus, Enter and clicks. Party tiles are answered with
                        // each player's own keys only, so no stray press answers for player 1.
                        if !party {
                            let (colour, _, _) = palette::TILES[i % palette::TILES.len()];
                            tile.insert((
                                Button,
                                Focusable { order: i },
                                FocusStyle { normal: colour, focused: colour.lighter(0.12) },
                            ));
                        }
                    }
                });
            }
            Presented::Typed | Presented::Number => {
                *context = InputContext::TextEntry;
                let unit = match &q.answer {
                    Answer::Number { unit: Some(unit), .. } => unit.clone(),
                    _ => String::new(),
                };
                let hint = match (party, drawn.presented == Presented::Number) {
                    (true, _) => "Players answer in turn, hidden from the others: type, then Enter (or Pass)",
                    (false, true) => "Type a number, then Enter (or Pass)",
                    (false, false) => "Type your answer, then Enter (or Pass)",
                };
                if party {
                    root.spawn((TypistLabel, widgets::text("", 2.0, palette::ACCENT, &fonts.bold)));
                }
                root.spawn(Node { align_items: AlignItems::Center, column_gap: rem(1.0), ..default() }).with_children(
                    |row| {
                        row.spawn((
                            Node {
                                min_width: rem(24.0),
                                padding: UiRect::axes(rem(1.0), rem(0.6)),
                                border: UiRect::all(rem(0.2)),
                                border_radius: BorderRadius::all(rem(0.5)),
                                ..default()
                            },
                            BackgroundColor(palette::PANEL),
                            BorderColor::all(palette::ACCENT),
                            children![(EntryText, widgets::text("", 2.4, palette::TEXT, &fonts.bold))],
                        ));
                        row.spawn(widgets::text(unit, 2.0, palette::MUTED, &fonts.regular));
                    },
                );
                root.spawn((EntryHint(hint), widgets::text(hint, 1.3, palette::MUTED, &fonts.regular)));
                root.spawn(widgets::button("Pass", PassButton, 0, &fonts));
            }
            Presented::Ordering { shown } => {
                *context = InputContext::Menu;
                let mut state = OrderState { order: (0..shown.len()).collect(), held: None };
                std::mem::swap(&mut *order, &mut state);
                root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.5), ..default() })
                    .with_children(|list| {
                        for slot in 0..shown.len() {
                            list.spawn((
                                Name::new("Order item"),
                                Button,
                                OrderItem(slot),
                                Focusable { order: slot },
                                Node {
                                    min_width: rem(34.0),
                                    padding: UiRect::axes(rem(1.2), rem(0.5)),
                                    border: UiRect::all(rem(0.2)),
                                    border_radius: BorderRadius::all(rem(0.5)),
                                    ..default()
                                },
                                BackgroundColor(palette::PANEL),
                                BorderColor::all(palette::PANEL),
                                children![widgets::text("", 1.8, palette::TEXT, &fonts.bold)],
                            ));
                        }
                        list.spawn((widgets::button("Submit this order", SubmitOrder, shown.len(), &fonts),));
                    });
                root.spawn(widgets::text(
                    "Enter picks an item up or puts it down · ↑ ↓ move it · then Submit",
                    1.3,
                    palette::MUTED,
                    &fonts.regular,
                ));
            }
        }
        if party {
            // Focus order after the Pass button, when there is one.
            root.spawn(widgets::button("Reveal the answer", CloseButton, 1, &fonts));
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

/// An answer tile: its colour, its shape, its keys (1 or A) and its gamepad button.
fn tile(i: usize, option: &str, party: bool, fonts: &Fonts) -> impl Bundle {
    let (colour, shape, shape_name) = palette::TILES[i % palette::TILES.len()];
    let keys = if party { format!("{}", i + 1) } else { format!("{} · {}", i + 1, char::from(b'A' + i as u8)) };
    (
        Name::new(format!("Answer tile {} ({shape_name})", i + 1)),
        AnswerTile(i),
        Node {
            min_height: rem(6.0),
            padding: UiRect::axes(rem(1.2), rem(0.8)),
            align_items: AlignItems::Center,
            column_gap: rem(1.0),
            border: UiRect::all(rem(0.3)),
            border_radius: BorderRadius::all(rem(0.6)),
            ..default()
        },
        BackgroundColor(colour),
        BorderColor::all(colour),
        children![
            widgets::text(shape, 2.6, palette::TEXT, &fonts.regular),
            (
                Node { flex_grow: 1.0, ..default() },
                children![widgets::text(option.to_owned(), 2.0, palette::TEXT, &fonts.bold)]
            ),
            (
                // Key labels never wrap: the option text gives way instead.
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::End,
                    flex_shrink: 0.0,
                    ..default()
                },
                children![
                    widgets::text(keys, 1.3, palette::TEXT, &fonts.bold),
                    widgets::text(
                        format!("pad {}", ANSWER_LABELS[i % ANSWER_LABELS.len()]),
                        1.0,
                        palette::TEXT,
                        &fonts.regular
                    ),
                ]
            ),
        ],
    )
}

fn leave(mut context: ResMut<InputContext>, mut focus: ResMut<Focus>) {
    *context = InputContext::Menu;
    focus.columns = 1;
}

fn choose_tile(
    game: Res<Game>,
    mut activated: MessageReader<Activated>,
    tiles: Query<&AnswerTile>,
    pass: Query<(), With<PassButton>>,
    close: Query<(), With<CloseButton>>,
    mut answers: MessageWriter<PlayerAction>,
    mut flow: MessageWriter<FlowCommand>,
) {
    for Activated(entity) in activated.read() {
        if let Ok(AnswerTile(i)) = tiles.get(*entity) {
            answers.write(PlayerAction { player: 0, response: Response::Option(*i) });
        } else if pass.contains(*entity) {
            answers.write(PlayerAction { player: typist(&game), response: Response::Pass });
        } else if close.contains(*entity) {
            flow.write(FlowCommand::CloseQuestion);
        }
    }
}

/// Who types now: the one player in solo; in party play, the first who has not answered.
fn typist(game: &Game) -> usize {
    game.pending.iter().position(Option::is_none).unwrap_or(0)
}

fn type_entry(
    mut keys: MessageReader<KeyboardInput>,
    mut nav: MessageReader<NavAction>,
    game: Res<Game>,
    overlay: Res<State<Overlay>>,
    mut entry: ResMut<Entry>,
    mut invalid: ResMut<EntryInvalid>,
    mut answers: MessageWriter<PlayerAction>,
) {
    let numeric = match game.question().map(|q| &q.presented) {
        Some(Presented::Number) => true,
        Some(Presented::Typed) => false,
        _ => {
            keys.clear();
            nav.clear();
            return;
        }
    };
    if *overlay.get() != Overlay::None {
        keys.clear();
        nav.clear();
        return;
    }
    for key in keys.read() {
        if key.state != ButtonState::Pressed {
            continue;
        }
        match &key.logical_key {
            Key::Backspace => {
                entry.0.pop();
                invalid.0 = false;
            }
            _ => {
                let Some(text) = &key.text else { continue };
                for c in text.chars().filter(|c| !c.is_control()) {
                    // A minus sign only leads a number.
                    let allowed =
                        !numeric || c.is_ascii_digit() || matches!(c, '.' | ',') || (c == '-' && entry.0.is_empty());
                    if allowed && entry.0.chars().count() < 60 {
                        entry.0.push(c);
                        invalid.0 = false;
                    }
                }
            }
        }
    }
    if nav.read().filter(|a| **a == NavAction::Submit).count() > 0 && !entry.0.trim().is_empty() {
        let response = if numeric {
            match parse_number(&entry.0) {
                Some(n) => Response::Number(n),
                None => {
                    // Say so, rather than swallow the Enter.
                    invalid.0 = true;
                    return;
                }
            }
        } else {
            Response::Text(entry.0.clone())
        };
        answers.write(PlayerAction { player: typist(&game), response });
        // In party play the next player types into an empty field.
        entry.0.clear();
    }
}

fn reorder(
    mut activated: MessageReader<Activated>,
    mut nav: MessageReader<NavAction>,
    items: Query<&OrderItem>,
    submit: Query<(), With<SubmitOrder>>,
    mut state: ResMut<OrderState>,
    mut answers: MessageWriter<PlayerAction>,
) {
    for Activated(entity) in activated.read() {
        if let Ok(OrderItem(slot)) = items.get(*entity) {
            state.held = match state.held {
                // Picking up, or putting down where it is.
                None => Some(*slot),
                Some(held) if held == *slot => None,
                // A click on another slot moves the held item there.
                Some(held) => {
                    let item = state.order.remove(held);
                    state.order.insert(*slot, item);
                    None
                }
            };
        } else if submit.get(*entity).is_ok() && !state.order.is_empty() {
            answers.write(PlayerAction { player: 0, response: Response::Order(state.order.clone()) });
        }
    }
    for action in nav.read() {
        let Some(held) = state.held else { continue };
        let target = match action {
            NavAction::Up if held > 0 => held - 1,
            NavAction::Down if held + 1 < state.order.len() => held + 1,
            _ => continue,
        };
        state.order.swap(held, target);
        state.held = Some(target);
    }
}

fn pause(mut nav: MessageReader<NavAction>, overlay: Res<State<Overlay>>, mut flow: MessageWriter<FlowCommand>) {
    let pressed = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Pause)).count() > 0;
    if pressed && *overlay.get() == Overlay::None {
        flow.write(FlowCommand::Pause);
    }
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

fn show_entry(
    entry: Res<Entry>,
    game: Res<Game>,
    time: Res<Time<Real>>,
    settings: Option<Res<UserSettings>>,
    mut texts: Query<&mut Text, (With<EntryText>, Without<TypistLabel>)>,
    mut labels: Query<(&mut Text, &mut TextColor), (With<TypistLabel>, Without<EntryHint>)>,
    invalid: Res<EntryInvalid>,
    mut hints: Query<(&EntryHint, &mut Text, &mut TextColor), (Without<TypistLabel>, Without<EntryText>)>,
) {
    if invalid.is_changed() {
        for (hint, mut text, mut colour) in &mut hints {
            let (line, tint) = if invalid.0 {
                ("That is not a number: type digits, such as 2005 or 3.5", palette::WRONG)
            } else {
                (hint.0, palette::MUTED)
            };
            text.0 = line.to_owned();
            colour.0 = tint;
        }
    }
    if let Some(player) = game.players.get(typist(&game)) {
        for (mut text, mut colour) in &mut labels {
            let label = format!("{}, your answer:", player.name);
            if text.0 != label {
                text.0 = label;
                colour.0 = palette::player(player.colour);
            }
        }
    }
    // A blinking caret, steady under reduced motion.
    let steady = settings.is_some_and(|s| s.reduced_motion);
    let caret = if steady || time.elapsed_secs() % 1.0 < 0.5 { "|" } else { " " };
    // In party play the others are in the room: dots, not the answer.
    let typed = if game.players.len() > 1 { "•".repeat(entry.0.chars().count()) } else { entry.0.clone() };
    let shown = format!("{typed}{caret}");
    for mut text in &mut texts {
        if text.0 != shown {
            text.0.clone_from(&shown);
        }
    }
}

fn show_order(
    state: Res<OrderState>,
    game: Res<Game>,
    items: Query<(&OrderItem, &Children, Entity)>,
    mut texts: Query<&mut Text>,
    mut looks: Query<&mut FocusStyle>,
    mut commands: Commands,
) {
    let Some(Presented::Ordering { shown }) = game.question().map(|q| &q.presented) else { return };
    for (OrderItem(slot), children, entity) in &items {
        let Some(item) = state.order.get(*slot).and_then(|i| shown.get(*i)) else { continue };
        let held = state.held == Some(*slot);
        let label = if held { format!("{}.  ⇅ {item}", slot + 1) } else { format!("{}.  {item}", slot + 1) };
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child)
                && text.0 != label
            {
                text.0.clone_from(&label);
            }
        }
        let style = if held {
            FocusStyle { normal: palette::ACCENT.darker(0.25), focused: palette::ACCENT.darker(0.15) }
        } else {
            FocusStyle { normal: palette::PANEL, focused: palette::PANEL_FOCUSED }
        };
        match looks.get_mut(entity) {
            Ok(mut current) => {
                if *current != style {
                    *current = style;
                }
            }
            Err(_) => {
                commands.entity(entity).insert(style);
            }
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
