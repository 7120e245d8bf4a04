//! Joining a party night: each player presses their keyboard row's first key (1, Q, A, Z) or
//! a gamepad's A to take a seat. The screen shows who joined, with name (Enter on it to type
//! another), colour, device and team (for a teams game; ← → to choose); Leave frees a seat.
//! Continue leads to the game's settings.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use super::go_to;
use super::lobby;
use crate::game::settings::{TEAM_COUNT, team_name};
use crate::game::{GameSettings, PlayerLeft, Screen, Seat};
use crate::input::keyboard::PARTY_ROWS;
use crate::input::text_entry::type_line;
use crate::input::{NavAction, TakesText};
use crate::net::inbound::PhoneLink;
use crate::persist::UserSettings;
use crate::theme::focus::{Activate, Adjust, Cancel, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, Room, rem};
use crate::words::names_within;

/// The screen's own state: how many seats it shows, and whose name is being typed.
#[derive(Component, Debug)]
struct JoinRoot {
    seats: usize,
    editing: Option<usize>,
    /// Whether the phone lobby had its column when built.
    phones: bool,
    /// The room it was laid out for (a resize or a new text size lays it out again).
    room: Room,
}

/// A player's name button.
#[derive(Component)]
struct NameButton(usize);

/// A player's team, for a teams game.
#[derive(Component)]
struct TeamButton(usize);

#[derive(Component)]
struct JoinNotice;

/// Longest player name, in characters.
const NAME_LENGTH: usize = crate::game::settings::NAME_CHARS;

/// Players shown as full rows (name, team, device, Leave) at 100% text, fewer at larger
/// text; a crowd of phones beyond them is listed by name, in as many letters as two lines hold.
const ROWS_SHOWN: usize = 7;

/// A player's row across, at 100% text, in rem.
const ROW_WIDTH: f32 = 66.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Join), (prepare, spawn).chain()).add_systems(
        Update,
        (type_name, rebuild, lobby::fill, refresh)
            .chain()
            .run_if(in_state(Screen::Join))
            .in_set(crate::game::GameSystems::Screens),
    );
}

/// The players are the seats: a player without one (from an earlier solo game or the command
/// line) has no device here.
fn prepare(mut settings: ResMut<GameSettings>) {
    settings.players.retain(|p| p.seat.is_some());
}

fn spawn(
    mut commands: Commands,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
    phones: Option<Res<PhoneLink>>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
) {
    let room = Room::of(window.iter().next(), user.as_deref());
    build(&mut commands, &fonts, &settings, phones.is_some(), room);
}

fn build(commands: &mut Commands, fonts: &Fonts, settings: &GameSettings, phones: bool, room: Room) {
    let count = settings.players.len();
    let side = if phones { lobby::width(room) + 2.0 } else { 0.0 };
    // The width a row of its own takes (name, team, device, Leave); a window too narrow
    // for it (4:3 beside the lobby, large text) lists every player by name instead.
    let free = room.width - 4.0 - side;
    let rows_shown = if free >= ROW_WIDTH * (1.0 + 0.4 * (room.scale - 1.0)) { room.rows(ROWS_SHOWN) } else { 0 };
    let root = JoinRoot { seats: count, editing: None, phones, room };
    let mut screen =
        commands.spawn((widgets::screen_root("Join screen"), root, TakesText::default(), DespawnOnExit(Screen::Join)));
    if phones {
        // Room on the right for the phone lobby's column.
        screen.entry::<Node>().and_modify(move |mut node| node.padding.right = rem(side));
    }
    screen.with_children(|root| {
        root.spawn(widgets::text("Who's playing?", 3.0, palette::ACCENT, &fonts.bold));
        root.spawn(widgets::text(
            "Press 1, Q, A or Z on the keyboard, or A on a gamepad, to join",
            1.6,
            palette::TEXT,
            &fonts.regular,
        ));
        if phones {
            root.spawn(lobby::panel(true, room));
        }
        root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.4), ..default() }).with_children(
            |list| {
                for (i, player) in settings.players.iter().enumerate().take(rows_shown) {
                    let Some(seat) = player.seat else { continue };
                    list.spawn(Node { column_gap: rem(1.0), align_items: AlignItems::Center, ..default() })
                        .with_children(|row| {
                            player_row(row, i, (seat, player.watched_to), player.colour, phones, fonts)
                        });
                }
            },
        );
        if count > rows_shown {
            let names: Vec<&str> = settings.players.iter().skip(rows_shown).map(|p| p.name.as_str()).collect();
            // Two lines of the list's width (three when nobody has a row of their own).
            let width = free * 0.9;
            let lines = if rows_shown == 0 { 3 } else { 2 };
            let lead = if rows_shown == 0 { "Here" } else { "Also here" };
            let crowd =
                format!("{lead}: {}", names_within(&names, (lines * room.letters(width, 1.2)).saturating_sub(12)));
            root.spawn((
                Node { max_width: rem(width), ..default() },
                children![(
                    widgets::text(crowd, 1.2, palette::TEXT, &fonts.regular),
                    TextLayout::justify(Justify::Center)
                )],
            ));
        }
        root.spawn((JoinNotice, widgets::text("", 1.3, palette::ACCENT, &fonts.regular)));
        let rows = count.min(rows_shown);
        choices(root, rows, fonts);
        if !phones {
            root.spawn(lobby::panel(false, room));
        }
        root.spawn(widgets::hints("Enter on a name to type it · ← → on a team to choose it · Esc back", fonts));
    });
}

/// A player's row: colour, name (Enter types it), team, device and Leave.
fn player_row(
    row: &mut ChildSpawnerCommands,
    i: usize,
    (seat, watched_to): (Seat, Option<u8>),
    colour: usize,
    phones: bool,
    fonts: &Fonts,
) {
    row.spawn((
        Node { width: rem(1.2), height: rem(1.2), border_radius: BorderRadius::all(rem(0.6)), ..default() },
        BackgroundColor(palette::player(colour)),
    ));
    row.spawn((widgets::button("", 3 * i, fonts, edit_name(i)), NameButton(i), GridCell { row: i, col: 0 }));
    row.spawn((widgets::stepper(3 * i + 1, fonts, choose_team(i)), TeamButton(i), GridCell { row: i, col: 1 }));
    row.spawn((
        // Narrower beside the phone lobby's column.
        Node { width: rem(if phones { 8.0 } else { 12.0 }), ..default() },
        children![widgets::text(device_label(seat, watched_to), 1.3, palette::MUTED, &fonts.regular)],
    ));
    row.spawn((widgets::button("Leave", 3 * i + 2, fonts, leave(i)), GridCell { row: i, col: 2 }));
}

/// Continue, Phones and Back, on the grid's row below the players' rows.
fn choices(root: &mut ChildSpawnerCommands, rows: usize, fonts: &Fonts) {
    let row = Node {
        column_gap: rem(1.0),
        row_gap: rem(0.5),
        flex_wrap: FlexWrap::Wrap,
        justify_content: JustifyContent::Center,
        ..default()
    };
    root.spawn(row).with_children(|buttons| {
        let cell = |col| GridCell { row: rows, col };
        // Narrower than other buttons: the three share a line even beside the lobby.
        let narrow = |mut node: Mut<Node>| node.min_width = rem(12.0);
        buttons
            .spawn((widgets::button("Continue", 3 * rows, fonts, go_on), cell(0)))
            .entry::<Node>()
            .and_modify(narrow);
        buttons.spawn((lobby::phones_button(3 * rows + 1, fonts), cell(1))).entry::<Node>().and_modify(narrow);
        buttons
            .spawn((widgets::button("Back", 3 * rows + 2, fonts, go_to(Screen::Title)), Cancel, cell(2)))
            .entry::<Node>()
            .and_modify(narrow);
    });
}

/// "Keys 1 2 3 4", "Gamepad", and how far the player has watched: "Phone S1-2".
fn device_label(seat: Seat, watched_to: Option<u8>) -> String {
    let device = match seat {
        Seat::Keys(row) => {
            let keys: Vec<String> = PARTY_ROWS
                .get(row)
                .map(|keys| {
                    keys[..4].iter().map(|k| format!("{k:?}").replace("Digit", "").replace("Key", "")).collect()
                })
                .unwrap_or_default();
            format!("Keys {}", keys.join(" "))
        }
        Seat::Pad(Some(_)) => "Gamepad".to_owned(),
        Seat::Pad(None) => "Gamepad (away)".to_owned(),
        Seat::Phone(_) => "Phone".to_owned(),
    };
    match watched_to {
        Some(1) => format!("{device} S1"),
        Some(n) => format!("{device} S1-{n}"),
        None => device,
    }
}

/// Leave: the seat is freed (a phone is told, and may join again under any name).
fn leave(
    player: usize,
) -> impl FnMut(On<Activate>, ResMut<GameSettings>, MessageWriter<PlayerLeft>) + Send + Sync + 'static {
    move |_, mut settings, mut left| {
        if player < settings.players.len() {
            let spec = settings.players.remove(player);
            info!("{} left the party", spec.name);
            left.write(PlayerLeft { id: spec.id, name: spec.name, seat: spec.seat });
        }
    }
}

/// Left, right or Enter on a player's team: no team (dealt in turn), or one of the four.
fn choose_team(player: usize) -> impl FnMut(On<Adjust>, ResMut<GameSettings>) + Send + Sync + 'static {
    move |adjust, mut settings| {
        let choices: Vec<Option<usize>> = std::iter::once(None).chain((0..*TEAM_COUNT.end()).map(Some)).collect();
        let Some(spec) = settings.players.get_mut(player) else { return };
        let at = choices.iter().position(|c| *c == spec.team).unwrap_or(0) as i32;
        spec.team = choices[(at + adjust.delta).rem_euclid(choices.len() as i32) as usize];
        // Name the teams as they are chosen.
        let wanted = spec.team.map_or(0, |t| t + 1);
        while settings.teams.len() < wanted {
            let n = settings.teams.len();
            settings.teams.push(team_name(n));
        }
    }
}

/// Continue, with two players at least.
fn go_on(_: On<Activate>, settings: Res<GameSettings>, mut next: ResMut<NextState<Screen>>) {
    if settings.players.len() >= 2 {
        next.set(Screen::Setup);
    }
}

fn edit_name(player: usize) -> impl FnMut(On<Activate>, Query<&mut JoinRoot>) + Send + Sync + 'static {
    move |_, mut roots| {
        for mut root in &mut roots {
            root.editing = Some(player);
        }
    }
}

/// Typing a player's name; Enter or Esc ends it.
fn type_name(
    mut nav: MessageReader<NavAction>,
    mut typed: MessageReader<KeyboardInput>,
    mut roots: Query<&mut JoinRoot>,
    mut settings: ResMut<GameSettings>,
) {
    let finish = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Submit)).count() > 0;
    let Ok(mut root) = roots.single_mut() else { return };
    let Some(i) = root.editing else {
        typed.clear();
        return;
    };
    let Some(player) = settings.players.get_mut(i) else {
        root.editing = None;
        return;
    };
    for key in typed.read().filter(|k| k.state == ButtonState::Pressed) {
        type_line(&mut player.name, &key.logical_key, key.text.as_deref(), NAME_LENGTH, |_, _| true);
    }
    if finish {
        let trimmed = player.name.trim().to_owned();
        player.name = if trimmed.is_empty() { format!("Player {}", i + 1) } else { trimmed };
        root.editing = None;
    }
}

/// Someone joined or left: the list is built again.
fn rebuild(
    roots: Query<(Entity, &JoinRoot)>,
    mut commands: Commands,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
    phones: Option<Res<PhoneLink>>,
    window: Query<&Window>,
    user: Option<Res<UserSettings>>,
) {
    let room = Room::of(window.iter().next(), user.as_deref());
    for (entity, root) in &roots {
        if root.seats != settings.players.len() || root.phones != phones.is_some() || root.room != room {
            commands.entity(entity).despawn();
            build(&mut commands, &fonts, &settings, phones.is_some(), room);
        }
    }
}

fn refresh(
    settings: Res<GameSettings>,
    mut roots: Query<(Ref<JoinRoot>, &mut TakesText)>,
    mut names: Query<(&NameButton, &mut ButtonText), Without<TeamButton>>,
    mut teams: Query<(&TeamButton, &mut ButtonText)>,
    mut notice: Query<&mut Text, With<JoinNotice>>,
) {
    let Ok((root, mut field)) = roots.single_mut() else { return };
    if !settings.is_changed() && !root.is_changed() {
        return;
    }
    // Letters are text while a name is typed (`input::context` reads this).
    field.set_if_neq(TakesText { now: root.editing.is_some() });
    for (NameButton(i), mut text) in &mut names {
        let name = settings.players.get(*i).map_or("", |p| p.name.as_str());
        let label = if root.editing == Some(*i) { format!("{name}|") } else { format!("✎  {name}") };
        text.set_if_neq(ButtonText(label));
    }
    for (TeamButton(i), mut text) in &mut teams {
        let team = settings.players.get(*i).and_then(|p| p.team);
        let label = match team {
            Some(t) => format!("‹ {} ›", settings.teams.get(t).cloned().unwrap_or_else(|| team_name(t))),
            None => "‹ Any team ›".to_owned(),
        };
        text.set_if_neq(ButtonText(label));
    }
    let message = match settings.players.len() {
        0 => "Nobody has joined yet".to_owned(),
        1 => "One more player, and the night can begin".to_owned(),
        n => format!("{n} players · Continue when everyone is in"),
    };
    // Everyone sees every question: the lowest limit of the room is the night's.
    let message = match settings.spoiler_limit() {
        limit if limit < *crate::pack::SEASONS.end() && settings.players.iter().any(|p| p.watched_to.is_some()) => {
            format!("{message} · no spoilers past season {limit}")
        }
        _ => message,
    };
    for mut text in &mut notice {
        if text.0 != message {
            text.0.clone_from(&message);
        }
    }
}
