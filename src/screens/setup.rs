//! Game setup: players, length, difficulty, spoiler limit, timer, scoring, category, pack.

use bevy::prelude::*;

use super::go_to;
use crate::game::Party;
use crate::game::flow::StartProblem;
use crate::game::settings::team_name;
use crate::game::{DifficultyChoice, FlowCommand, GameSettings, PlayMode, ScoringPresets, Screen, Setting, Watched};
use crate::input::keyboard::PARTY_ROWS;
use crate::pack::{PackLibrary, SEASONS};
use crate::persist::UserSettings;
use crate::theme::focus::{Activate, Adjust, Cancel};
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonLabel, ButtonText, Fonts, Room, rem};
use crate::words::mode_name;

/// A row that steps one setting.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
struct SetupRow(Setting);

/// A player's name, typed after Enter.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
struct NameRow(usize);

#[derive(Component)]
struct StartButton;

#[derive(Component)]
struct NoticeText;

/// The screen's own state, gone with it: how many name rows it was built with, and whose
/// name is being typed.
#[derive(Component, Debug)]
struct SetupRoot {
    players: usize,
    mode: PlayMode,
    /// The room it was laid out for.
    room: Room,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Setup), spawn).add_systems(
        Update,
        (rebuild, refresh).chain().run_if(in_state(Screen::Setup)).in_set(crate::game::GameSystems::Screens),
    );
}

fn spawn(
    mut commands: Commands,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
) {
    build(&mut commands, &fonts, &settings, Room::of(window.iter().next(), user.as_deref()));
}

/// Names listed beside the settings at 100% text (fewer at larger text); a crowd's others
/// are counted.
const NAMES_SHOWN: usize = 8;

/// Party nights put the players in a column of their own beside the game's settings.
fn build(commands: &mut Commands, fonts: &Fonts, settings: &GameSettings, room: Room) {
    let players = settings.players.len();
    let names_shown = players.min(room.rows(NAMES_SHOWN - 2));
    // Large text: rows closer together, so that every setting and Start fit 800×600.
    let compact = room.scale >= 1.5;
    let tighten = tightened(compact);
    let label_size = if compact { 1.0 } else { 1.5 };
    let party = players > 1;
    let party_rows = Setting::party(party, settings.mode);
    // In a teams game, left and right move a player to another team.
    let teams = settings.mode == PlayMode::Teams;
    let player_rows = party_rows.len() + if teams { names_shown } else { 0 };
    let count = player_rows + Setting::GAME.len();
    let gap = if compact { 0.15 } else { 0.4 };
    let column = || Node { flex_direction: FlexDirection::Column, row_gap: rem(gap), ..default() };
    let root = SetupRoot { players, mode: settings.mode, room };
    let mut screen = commands.spawn((widgets::screen_root("Setup screen"), root, DespawnOnExit(Screen::Setup)));
    if compact {
        screen.entry::<Node>().and_modify(|mut node| {
            node.row_gap = rem(0.5);
            node.padding = UiRect::all(rem(1.0));
        });
    }
    screen.with_children(|root| {
        root.spawn(widgets::text(if party { "Party night" } else { "Solo game" }, 3.0, palette::ACCENT, &fonts.bold));
        root.spawn(Node { column_gap: rem(2.0), align_items: AlignItems::FlexStart, ..default() }).with_children(
            |columns| {
                if party {
                    columns.spawn(column()).with_children(|list| {
                        party_column(list, party_rows, settings, names_shown, teams, fonts, compact);
                    });
                }
                columns.spawn(column()).with_children(|list| {
                    for (i, setting) in Setting::GAME.into_iter().enumerate() {
                        list.spawn(setting_row(setting, player_rows + i, fonts, label_size))
                            .entry::<Node>()
                            .and_modify(tighten);
                    }
                });
            },
        );
        root.spawn((NoticeText, widgets::text("", 1.3, palette::ACCENT, &fonts.regular)));
        root.spawn(Node { column_gap: rem(1.0), ..default() }).with_children(|buttons| {
            buttons.spawn((widgets::button("Start", count, fonts, start), StartButton));
            let back = if party { Screen::Join } else { Screen::Title };
            buttons.spawn((widgets::button("Back", count + 1, fonts, go_to(back)), Cancel));
        });
        // Solo: who is playing, under the buttons (high scores are kept under the name).
        if !party {
            root.spawn(super::solo_name::row(count + 2, fonts)).entry::<Node>().and_modify(tighten);
        }
        let hint = if teams {
            "← → on a player moves them to another team · Esc back to who's playing"
        } else if party {
            "↑ ↓ move · ← → change · Esc back to who's playing"
        } else {
            "↑ ↓ move · ← → change · Enter choose · Esc back"
        };
        root.spawn(widgets::hints(hint, fonts));
    });
}

/// Large text: rows closer together, so that every setting and Start fit 800×600.
fn tightened(compact: bool) -> impl Fn(Mut<Node>) + Copy {
    move |mut node: Mut<Node>| {
        if compact {
            node.padding = UiRect::axes(rem(0.8), rem(0.15));
            node.min_width = rem(12.0);
        }
    }
}

/// A party's column: its own settings, then the players (each a stepper of their team in a
/// teams game), and a count of those not listed.
fn party_column(
    list: &mut ChildSpawnerCommands,
    party_rows: &[Setting],
    settings: &GameSettings,
    names_shown: usize,
    teams: bool,
    fonts: &Fonts,
    compact: bool,
) {
    let (tighten, label_size) = (tightened(compact), if compact { 1.0 } else { 1.5 });
    for (order, setting) in party_rows.iter().enumerate() {
        list.spawn(setting_row(*setting, order, fonts, label_size)).entry::<Node>().and_modify(tighten);
    }
    for i in 0..names_shown {
        if teams {
            list.spawn((widgets::stepper_sized(party_rows.len() + i, fonts, move_to_team(i), label_size), NameRow(i)))
                .entry::<Node>()
                .and_modify(tighten);
        } else {
            let name = widgets::text("", label_size, palette::player(settings.players[i].colour), &fonts.bold);
            list.spawn((
                NameRow(i),
                ButtonText::default(),
                Node { padding: UiRect::axes(rem(1.5), rem(0.2)), ..default() },
            ))
            .with_child((ButtonLabel, name));
        }
    }
    let players = settings.players.len();
    if players > names_shown {
        let more = players - names_shown;
        let line = if teams { format!("and {more} more, on their teams") } else { format!("and {more} more") };
        list.spawn((
            Node { padding: UiRect::axes(rem(1.5), rem(0.2)), max_width: rem(20.0), ..default() },
            children![widgets::text(line, 1.3, palette::MUTED, &fonts.regular)],
        ));
    }
}

/// A row that steps `setting`; any change clears a "too few questions" notice.
fn setting_row(setting: Setting, order: usize, fonts: &Fonts, size: f32) -> impl Bundle {
    let action = move |adjust: On<Adjust>,
                       mut settings: ResMut<GameSettings>,
                       library: Res<PackLibrary>,
                       presets: Res<ScoringPresets>,
                       mut commands: Commands| {
        setting.step(&mut settings, adjust.delta, &library, &presets);
        commands.remove_resource::<StartProblem>();
    };
    (widgets::stepper_sized(order, fonts, action, size), SetupRow(setting))
}

/// Left and right on a player in a teams game: the next or previous team.
fn move_to_team(player: usize) -> impl FnMut(On<Adjust>, ResMut<GameSettings>) + Send + Sync + 'static {
    move |adjust, mut settings| {
        let count = settings.team_count() as i32;
        let current = settings.player_teams().get(player).copied().flatten().unwrap_or(0) as i32;
        if let Some(spec) = settings.players.get_mut(player) {
            spec.team = Some((current + adjust.delta).rem_euclid(count) as usize);
        }
    }
}

/// Start; after a shortfall, Start plays the questions there are.
fn start(
    _: On<Activate>,
    problem: Option<Res<StartProblem>>,
    mut settings: ResMut<GameSettings>,
    mut flow: MessageWriter<FlowCommand>,
    user: Option<Res<UserSettings>>,
    mut typing: ResMut<super::solo_name::Typing>,
) {
    // A solo player never asked their name is asked it first; Enter then starts.
    if super::solo_name::ask_first(&settings, user.as_deref(), &mut typing) {
        return;
    }
    if let Some(problem) = problem.as_deref()
        && problem.0.available > 0
    {
        settings.questions = problem.0.available;
    }
    flow.write(FlowCommand::StartGame);
}

/// A new number of players brings a new column of names; a new mode, its own rows.
fn rebuild(
    roots: Query<(Entity, &SetupRoot)>,
    mut commands: Commands,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
) {
    let room = Room::of(window.iter().next(), user.as_deref());
    for (entity, root) in &roots {
        if root.players != settings.players.len() || root.mode != settings.mode || root.room != room {
            commands.entity(entity).despawn();
            build(&mut commands, &fonts, &settings, room);
        }
    }
}

fn label(setting: Setting, settings: &GameSettings, library: &PackLibrary, presets: &ScoringPresets) -> String {
    let value = match setting {
        Setting::Players => format!("{} players", settings.players.len()),
        Setting::Questions => format!("{} questions", settings.questions),
        Setting::Difficulty => match settings.difficulty {
            DifficultyChoice::Mixed => "Mixed, easy to hard".to_owned(),
            other => format!("{} only", widgets::capitalise(other.name())),
        },
        Setting::Seasons => {
            if settings.max_season >= *SEASONS.end() {
                "All nine seasons".to_owned()
            } else {
                format!("Seasons 1-{} (no spoilers)", settings.max_season)
            }
        }
        Setting::Watched => match &settings.watched {
            Watched::Everything => "About: the whole show".to_owned(),
            Watched::Season(n) => format!("About: season {n} only"),
            Watched::Episode(title) => format!("About: \u{201c}{title}\u{201d} only"),
        },
        Setting::Timer => match settings.timer.limit() {
            // The preset gives typing and ordering more (see `time` in scoring.ron).
            Some(limit) => format!("Timer: {} s, more to type or order", limit.as_secs()),
            None => "No timer".to_owned(),
        },
        // Each value says what it is about: "Classic" alone tells a new player nothing.
        Setting::Scoring => {
            let name = presets.get(&settings.scoring).map_or_else(|| settings.scoring.clone(), |p| p.name.clone());
            format!("Scoring: {name}")
        }
        Setting::Category => {
            settings.categories.first().map_or_else(|| "All categories".to_owned(), |c| format!("Category: {c}"))
        }
        Setting::Pack => settings
            .packs
            .first()
            .map(|id| format!("Pack: {}", library.pack(id).map_or_else(|| id.clone(), |p| p.title.clone())))
            .unwrap_or_else(|| "All packs".to_owned()),
        Setting::Mode => format!("Mode: {}", mode_name(settings.mode)),
        Setting::Teams => format!("{} teams", settings.team_count()),
        Setting::BuzzPenalty if settings.buzz_penalty => "A wrong buzz costs points".to_owned(),
        Setting::BuzzPenalty => "No penalty for a wrong buzz".to_owned(),
        Setting::Aloud if settings.aloud => "Typed answers: said aloud, host judges".to_owned(),
        Setting::Aloud => "Typed answers: typed in".to_owned(),
        Setting::Lifelines => match settings.lifelines {
            0 => "No lifelines".to_owned(),
            1 => "Lifelines: one of each".to_owned(),
            n => format!("Lifelines: {n} of each"),
        },
        Setting::SpoilersEach if settings.spoilers_each => "Spoilers: each player's own, on their turn".to_owned(),
        Setting::SpoilersEach => "Spoilers: safe for everyone".to_owned(),
        Setting::Wager if settings.wager => "Final wager: on".to_owned(),
        Setting::Wager => "Final wager: off".to_owned(),
    };
    format!("‹  {value}  ›")
}

fn refresh(
    settings: Res<GameSettings>,
    library: Res<PackLibrary>,
    presets: Res<ScoringPresets>,
    problem: Option<Res<StartProblem>>,
    mut rows: Query<(Option<&SetupRow>, Option<&NameRow>, Has<StartButton>, &mut ButtonText)>,
    mut notice: Query<&mut Text, With<NoticeText>>,
    fresh: Query<(), Added<SetupRoot>>,
    pads: Query<(), With<bevy::input::gamepad::Gamepad>>,
    mut seen: Local<(usize, bool)>,
) {
    // Redraw when anything shown changed: settings, a start problem appearing or going,
    // a name being edited, a gamepad connecting.
    let now = (pads.iter().count(), problem.is_some());
    let problem_changed = problem.as_ref().is_some_and(|p| p.is_changed()) || now.1 != seen.1;
    let pads_changed = now.0 != seen.0;
    *seen = now;
    if fresh.is_empty() && !settings.is_changed() && !problem_changed && !pads_changed {
        return;
    }
    let teams = settings.player_teams();
    for (row, name, start, mut shown) in &mut rows {
        let text = match (row, name) {
            (Some(SetupRow(setting)), _) => label(*setting, &settings, &library, &presets),
            (_, Some(NameRow(i))) => {
                let name = settings.players.get(*i).map_or("", |p| p.name.as_str());
                let team = teams.get(*i).copied().flatten().map_or_else(String::new, |t| {
                    format!("  ·  {}", settings.teams.get(t).cloned().unwrap_or_else(|| team_name(t)))
                });
                if team.is_empty() { name.to_owned() } else { format!("‹  {name}{team}  ›") }
            }
            _ if start => match problem.as_deref() {
                Some(StartProblem(shortfall)) if shortfall.available > 0 => {
                    format!("Play {} questions", shortfall.available)
                }
                _ => "Start".to_owned(),
            },
            _ => continue,
        };
        shown.set_if_neq(ButtonText(text));
    }
    let message = match problem.as_deref() {
        Some(problem) => problem.0.to_string(),
        None => {
            // Phones answer on their own; only the players at the TV share its keys and pads.
            let phones = settings.players.phones().count();
            seats_notice(settings.players.len().saturating_sub(phones), pads.iter().count())
        }
    };
    for mut t in &mut notice {
        if t.0 != message {
            t.0.clone_from(&message);
        }
    }
}

/// Four players at the TV share the keyboard; the fifth and later need a gamepad each.
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
