//! Game setup: players, length, difficulty, spoiler limit, timer, scoring, category, pack.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use crate::game::flow::StartProblem;
use crate::game::settings::{PLAYER_COUNT, QUESTION_COUNT};
use crate::game::{DifficultyChoice, FlowCommand, GameSettings, PlayerSpec, ScoringPresets, Screen, TimerChoice};
use crate::input::keyboard::PARTY_ROWS;
use crate::input::{InputContext, NavAction};
use crate::pack::PackLibrary;
use crate::theme::interaction::{Activated, Adjustable, Adjusted};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

/// Question counts offered, within [`QUESTION_COUNT`].
const COUNTS: [usize; 10] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100];

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum SetupAction {
    Players,
    PlayerName(usize),
    Questions,
    Difficulty,
    Seasons,
    Timer,
    Scoring,
    Category,
    Pack,
    Start,
    Back,
}

#[derive(Component)]
struct NoticeText;

#[derive(Component)]
struct SetupRoot;

/// The player whose name is being typed, if any.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
struct EditingName(Option<usize>);

/// Set when the number of players changed: the screen is built again with its name rows.
#[derive(Resource, Debug, Default)]
struct Rebuild(bool);

/// Longest player name, in characters.
const NAME_LENGTH: usize = 16;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EditingName>()
        .init_resource::<Rebuild>()
        .add_systems(OnEnter(Screen::Setup), spawn)
        .add_systems(OnExit(Screen::Setup), stop_editing)
        .add_systems(
            Update,
            (adjust, act, keys, rebuild, refresh)
                .chain()
                .run_if(in_state(Screen::Setup))
                .in_set(crate::game::GameSystems::Screens),
        );
}

fn spawn(mut commands: Commands, fonts: Res<Fonts>, settings: Res<GameSettings>) {
    build(&mut commands, &fonts, &settings);
}

/// Party nights put the players in a column of their own beside the game's settings.
fn build(commands: &mut Commands, fonts: &Fonts, settings: &GameSettings) {
    let party = settings.players.len() > 1;
    let player_rows: Vec<SetupAction> = if party {
        std::iter::once(SetupAction::Players).chain((0..settings.players.len()).map(SetupAction::PlayerName)).collect()
    } else {
        Vec::new()
    };
    let game_rows = [
        SetupAction::Questions,
        SetupAction::Difficulty,
        SetupAction::Seasons,
        SetupAction::Timer,
        SetupAction::Scoring,
        SetupAction::Category,
        SetupAction::Pack,
    ];
    let title = if party { "Party night" } else { "Solo game" };
    let count = player_rows.len() + game_rows.len();
    let column = || Node { flex_direction: FlexDirection::Column, row_gap: rem(0.4), ..default() };
    commands.spawn((widgets::screen_root("Setup screen"), SetupRoot, DespawnOnExit(Screen::Setup))).with_children(
        |root| {
            root.spawn(widgets::text(title, 3.0, palette::ACCENT, &fonts.bold));
            root.spawn(Node { column_gap: rem(2.0), align_items: AlignItems::FlexStart, ..default() }).with_children(
                |columns| {
                    if party {
                        columns.spawn(column()).with_children(|list| {
                            for (order, row) in player_rows.iter().enumerate() {
                                let mut entity = list.spawn(widgets::button("", *row, order, fonts));
                                if *row == SetupAction::Players {
                                    entity.insert(Adjustable);
                                }
                            }
                        });
                    }
                    columns.spawn(column()).with_children(|list| {
                        for (i, row) in game_rows.into_iter().enumerate() {
                            list.spawn((widgets::button("", row, player_rows.len() + i, fonts), Adjustable));
                        }
                    });
                },
            );
            root.spawn((NoticeText, widgets::text("", 1.3, palette::ACCENT, &fonts.regular)));
            root.spawn(Node { column_gap: rem(1.0), ..default() }).with_children(|buttons| {
                buttons.spawn(widgets::button("Start", SetupAction::Start, count, fonts));
                buttons.spawn(widgets::button("Back", SetupAction::Back, count + 1, fonts));
            });
            let hint = if party {
                "Enter on a name to type it · Answer keys: P1 1-4 · P2 Q-R · P3 A-F · P4 Z-V · gamepads A B X Y"
            } else {
                "↑ ↓ move · ← → change · Enter choose · Esc back"
            };
            root.spawn(widgets::hints(hint, fonts));
        },
    );
}

fn rebuild(
    mut flag: ResMut<Rebuild>,
    roots: Query<Entity, With<SetupRoot>>,
    mut commands: Commands,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
) {
    if !std::mem::take(&mut flag.0) {
        return;
    }
    for root in &roots {
        commands.entity(root).despawn();
    }
    build(&mut commands, &fonts, &settings);
}

fn stop_editing(mut editing: ResMut<EditingName>, mut context: ResMut<InputContext>) {
    editing.0 = None;
    *context = InputContext::Menu;
}

fn cycle<T: Copy + PartialEq>(options: &[T], current: T, delta: i32) -> T {
    let index = options.iter().position(|o| *o == current).unwrap_or(0) as i32;
    let len = options.len() as i32;
    options[(index + delta).rem_euclid(len) as usize]
}

/// Cycles an optional filter through "all" (`None`) and each of `options`.
fn cycle_filter(options: &[String], current: Option<&String>, delta: i32) -> Option<String> {
    let all: Vec<Option<&String>> = std::iter::once(None).chain(options.iter().map(Some)).collect();
    let index = all.iter().position(|o| *o == current).unwrap_or(0) as i32;
    all[(index + delta).rem_euclid(all.len() as i32) as usize].cloned()
}

fn change(
    action: SetupAction,
    delta: i32,
    settings: &mut GameSettings,
    library: &PackLibrary,
    presets: &ScoringPresets,
) {
    match action {
        SetupAction::Players => {
            let n = (settings.players.len() as i32 + delta).clamp(2, *PLAYER_COUNT.end() as i32) as usize;
            settings.players =
                (0..n).map(|i| settings.players.get(i).cloned().unwrap_or(PlayerSpec::numbered(i))).collect();
        }
        SetupAction::Questions => {
            let current = COUNTS.iter().position(|c| *c >= settings.questions).map_or(COUNTS[1], |i| COUNTS[i]);
            settings.questions = cycle(&COUNTS, current, delta).clamp(*QUESTION_COUNT.start(), *QUESTION_COUNT.end());
        }
        SetupAction::Difficulty => settings.difficulty = cycle(&DifficultyChoice::ALL, settings.difficulty, delta),
        SetupAction::Seasons => {
            settings.max_season = ((settings.max_season as i32 - 1 + delta).rem_euclid(9) + 1) as u8
        }
        SetupAction::Timer => settings.timer = cycle(&TimerChoice::ALL, settings.timer, delta),
        SetupAction::Scoring => {
            let ids: Vec<String> = presets.0.iter().map(|p| p.id.clone()).collect();
            if !ids.is_empty() {
                let current = ids.iter().position(|id| *id == settings.scoring).unwrap_or(0) as i32;
                settings.scoring = ids[(current + delta).rem_euclid(ids.len() as i32) as usize].clone();
            }
        }
        SetupAction::Category => {
            let mut categories: Vec<String> = library.questions().map(|(_, q)| q.category.clone()).collect();
            categories.sort();
            categories.dedup();
            settings.categories = cycle_filter(&categories, settings.categories.first(), delta).into_iter().collect();
        }
        SetupAction::Pack => {
            let ids: Vec<String> = library.packs.iter().map(|p| p.id.clone()).collect();
            settings.packs = cycle_filter(&ids, settings.packs.first(), delta).into_iter().collect();
        }
        SetupAction::PlayerName(_) | SetupAction::Start | SetupAction::Back => {}
    }
}

fn adjust(
    mut rebuild: ResMut<Rebuild>,
    mut adjusted: MessageReader<Adjusted>,
    actions: Query<&SetupAction>,
    mut settings: ResMut<GameSettings>,
    library: Res<PackLibrary>,
    presets: Res<ScoringPresets>,
    mut commands: Commands,
) {
    for Adjusted { entity, delta } in adjusted.read() {
        if let Ok(action) = actions.get(*entity) {
            let before = settings.players.len();
            change(*action, *delta, &mut settings, &library, &presets);
            rebuild.0 |= settings.players.len() != before;
            commands.remove_resource::<StartProblem>();
        }
    }
}

fn act(
    mut editing: ResMut<EditingName>,
    mut context: ResMut<InputContext>,
    mut rebuild: ResMut<Rebuild>,
    mut activated: MessageReader<Activated>,
    actions: Query<&SetupAction>,
    mut settings: ResMut<GameSettings>,
    library: Res<PackLibrary>,
    presets: Res<ScoringPresets>,
    problem: Option<Res<StartProblem>>,
    mut flow: MessageWriter<FlowCommand>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    for Activated(entity) in activated.read() {
        let Ok(action) = actions.get(*entity) else { continue };
        match action {
            SetupAction::Start => {
                // After a shortfall, Start plays the questions there are.
                if let Some(problem) = problem.as_deref()
                    && problem.0.available > 0
                {
                    settings.questions = problem.0.available;
                }
                flow.write(FlowCommand::StartGame);
            }
            SetupAction::Back => next.set(Screen::Title),
            SetupAction::PlayerName(i) => {
                editing.0 = Some(*i);
                *context = InputContext::TextEntry;
            }
            row => {
                let before = settings.players.len();
                change(*row, 1, &mut settings, &library, &presets);
                rebuild.0 |= settings.players.len() != before;
                commands.remove_resource::<StartProblem>();
            }
        }
    }
}

/// Typing a player's name, or Esc back to the title.
fn keys(
    mut nav: MessageReader<NavAction>,
    mut typed: MessageReader<KeyboardInput>,
    mut editing: ResMut<EditingName>,
    mut context: ResMut<InputContext>,
    mut settings: ResMut<GameSettings>,
    mut next: ResMut<NextState<Screen>>,
) {
    let finish = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Submit)).count() > 0;
    let Some(i) = editing.0 else {
        typed.clear();
        if finish {
            next.set(Screen::Title);
        }
        return;
    };
    let Some(player) = settings.players.get_mut(i) else {
        editing.0 = None;
        return;
    };
    for key in typed.read().filter(|k| k.state == ButtonState::Pressed) {
        if key.logical_key == Key::Backspace {
            player.name.pop();
        } else if let Some(text) = &key.text {
            for c in text.chars().filter(|c| !c.is_control()) {
                if player.name.chars().count() < NAME_LENGTH {
                    player.name.push(c);
                }
            }
        }
    }
    if finish {
        let trimmed = player.name.trim().to_owned();
        player.name = if trimmed.is_empty() { format!("Player {}", i + 1) } else { trimmed };
        editing.0 = None;
        *context = InputContext::Menu;
    }
}

fn label(
    action: SetupAction,
    settings: &GameSettings,
    library: &PackLibrary,
    presets: &ScoringPresets,
    editing: EditingName,
) -> String {
    if let SetupAction::PlayerName(i) = action {
        let name = settings.players.get(i).map_or("", |p| p.name.as_str());
        return if editing.0 == Some(i) { format!("{name}|") } else { format!("✎  {name}") };
    }
    let value = match action {
        SetupAction::Players => format!("{} players", settings.players.len()),
        SetupAction::Questions => format!("{} questions", settings.questions),
        SetupAction::Difficulty => match settings.difficulty {
            DifficultyChoice::Mixed => "Mixed, easy to hard".to_owned(),
            other => format!("{} only", widgets::capitalise(other.name())),
        },
        SetupAction::Seasons => {
            if settings.max_season >= 9 {
                "All nine seasons".to_owned()
            } else {
                format!("Seasons 1-{} (no spoilers)", settings.max_season)
            }
        }
        SetupAction::Timer => match settings.timer.limit() {
            Some(limit) => format!("{} s per question", limit.as_secs()),
            None => "No timer".to_owned(),
        },
        SetupAction::Scoring => {
            presets.get(&settings.scoring).map_or_else(|| settings.scoring.clone(), |p| p.name.clone())
        }
        SetupAction::Category => settings.categories.first().cloned().unwrap_or_else(|| "All categories".to_owned()),
        SetupAction::Pack => settings
            .packs
            .first()
            .map(|id| library.pack(id).map_or_else(|| id.clone(), |p| p.title.clone()))
            .unwrap_or_else(|| "All packs".to_owned()),
        SetupAction::PlayerName(_) | SetupAction::Start | SetupAction::Back => return String::new(),
    };
    format!("‹  {value}  ›")
}

fn refresh(
    settings: Res<GameSettings>,
    library: Res<PackLibrary>,
    presets: Res<ScoringPresets>,
    problem: Option<Res<StartProblem>>,
    rows: Query<(&SetupAction, &Children)>,
    mut texts: Query<&mut Text, Without<NoticeText>>,
    mut notice: Query<&mut Text, With<NoticeText>>,
    fresh: Query<(), Added<SetupAction>>,
    editing: Res<EditingName>,
    pads: Query<(), With<bevy::input::gamepad::Gamepad>>,
    mut seen: Local<(usize, bool)>,
) {
    // Redraw when anything shown changed: settings, a start problem appearing or going,
    // a name being edited, a gamepad connecting.
    let now = (pads.iter().count(), problem.is_some());
    let problem_changed = problem.as_ref().is_some_and(|p| p.is_changed()) || now.1 != seen.1;
    let pads_changed = now.0 != seen.0;
    *seen = now;
    if fresh.is_empty() && !settings.is_changed() && !problem_changed && !editing.is_changed() && !pads_changed {
        return;
    }
    for (action, children) in &rows {
        let text = match action {
            SetupAction::Start => match problem.as_deref() {
                Some(StartProblem(shortfall)) if shortfall.available > 0 => {
                    format!("Play {} questions", shortfall.available)
                }
                _ => "Start".to_owned(),
            },
            SetupAction::Back => "Back".to_owned(),
            row => label(*row, &settings, &library, &presets, *editing),
        };
        for child in children.iter() {
            if let Ok(mut t) = texts.get_mut(child)
                && t.0 != text
            {
                t.0.clone_from(&text);
            }
        }
    }
    let message = match problem.as_deref() {
        Some(problem) => problem.0.to_string(),
        None => seats_notice(settings.players.len(), pads.iter().count()),
    };
    for mut t in &mut notice {
        if t.0 != message {
            t.0.clone_from(&message);
        }
    }
}

/// Four players share the keyboard; the fifth and later need a gamepad each to buzz in.
fn seats_notice(players: usize, pads: usize) -> String {
    let keyboard = PARTY_ROWS.len();
    if players <= keyboard || pads >= players - keyboard {
        return String::new();
    }
    format!(
        "Players {} to {players} answer with gamepads ({pads} connected). Without one, the host can reveal the answer.",
        keyboard + 1
    )
}
