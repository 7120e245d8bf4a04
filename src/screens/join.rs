//! Joining a party night: each player presses their keyboard row's first key (1, Q, A, Z) or
//! a gamepad's A to take a seat. The screen shows who joined, with name (Enter on it to type
//! another), colour, device and team (for a teams game; ← → to choose); Leave frees a seat.
//! Continue leads to the game's settings.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use super::doorway::WaitingList;
use super::go_to;
use super::join_row::{
    HandicapButton, PER_ROW, SeenButton, TeamButton, choose_handicap, choose_seen, choose_team, device_label, leave,
    seen_label,
};
use super::lobby;
use super::regulars::Regulars;
use crate::game::settings::team_name;
use crate::game::{GameSettings, Screen, Seat};
use crate::input::seats::{BlockedNames, name_idea};
use crate::input::text_entry::type_line;
use crate::input::{NavAction, TakesText};
use crate::net::inbound::PhoneLink;
use crate::persist::UserSettings;
use crate::theme::focus::{Activate, Cancel, GridCell};
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

#[derive(Component)]
struct JoinNotice;

/// Longest player name, in characters.
const NAME_LENGTH: usize = crate::game::settings::NAME_CHARS;

/// Players shown as full rows (name, team, device, Leave) at 100% text, fewer at larger
/// text; a crowd of phones beyond them is listed by name, in as many letters as two lines hold.
const ROWS_SHOWN: usize = 7;

/// A player's row across, at 100% text, in rem.
const ROW_WIDTH: f32 = 70.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Join), (prepare, spawn).chain()).add_systems(
        Update,
        (type_name, rebuild, lobby::fill, refresh)
            .chain()
            .run_if(in_state(Screen::Join))
            .in_set(crate::game::GameSystems::Screens),
    );
}

/// The players are the seats: a player without one (from an earlier night, a solo game or the
/// command line) has no device here, but is remembered by name.
fn prepare(mut settings: ResMut<GameSettings>, mut regulars: ResMut<Regulars>) {
    regulars.remember(settings.players.iter().filter(|p| p.seat.is_none()));
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
                        .with_children(|row| player_row(row, i, seat, player.colour, phones, fonts));
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
        if phones {
            root.spawn(WaitingList::at(rows + 1, PER_ROW * rows + 3));
        }
        if !phones {
            root.spawn(lobby::panel(false, room));
        }
        root.spawn(widgets::hints(
            "← → along a row · Enter on a name to type it (Tab: another idea), on a choice to change it · Esc back",
            fonts,
        ));
    });
}

/// A player's row: colour, name (Enter types it), team, seasons seen, handicap, device and
/// Leave.
fn player_row(row: &mut ChildSpawnerCommands, i: usize, seat: Seat, colour: usize, phones: bool, fonts: &Fonts) {
    let at = |k: usize| PER_ROW * i + k;
    let cell = |col| GridCell { row: i, col };
    // The three choices share the row's width: narrower than a settings row's stepper, and
    // as wide on every row, so that the rows line up.
    let narrow = |width: f32| {
        move |mut node: Mut<Node>| {
            // A minimum, not a width: a fixed width here has the text laid out on two lines'
            // height (seen under Xvfb), and the widths fit the longest labels anyway.
            node.min_width = rem(width);
            node.padding = UiRect::axes(rem(0.6), rem(0.6));
        }
    };
    row.spawn((
        Node { width: rem(1.2), height: rem(1.2), border_radius: BorderRadius::all(rem(0.6)), ..default() },
        BackgroundColor(palette::player(colour)),
    ));
    row.spawn((widgets::button("", at(0), fonts, edit_name(i)), NameButton(i), cell(0)));
    // The choices are buttons Enter steps, not steppers: left and right go along the row.
    row.spawn((widgets::small_button("", at(1), fonts, choose_seen(i)), SeenButton(i), cell(1)))
        .entry::<Node>()
        .and_modify(narrow(9.5));
    row.spawn((widgets::small_button("", at(2), fonts, choose_handicap(i)), HandicapButton(i), cell(2)))
        .entry::<Node>()
        .and_modify(narrow(10.0));
    row.spawn((widgets::small_button("", at(3), fonts, choose_team(i)), TeamButton(i), cell(3)))
        .entry::<Node>()
        .and_modify(narrow(11.0));
    row.spawn((
        // Narrower beside the phone lobby's column.
        Node { width: rem(if phones { 7.5 } else { 10.0 }), ..default() },
        children![widgets::text(device_label(seat), 1.2, palette::MUTED, &fonts.regular)],
    ));
    row.spawn((widgets::small_button("Leave", at(4), fonts, leave(i)), cell(4)));
}

/// Continue, Phones and Back (and with phones on, whether the host lets names in), on the
/// grid's row below the players' rows.
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
            .spawn((widgets::button("Continue", PER_ROW * rows, fonts, go_on), cell(0)))
            .entry::<Node>()
            .and_modify(narrow);
        buttons.spawn((lobby::phones_button(PER_ROW * rows + 1, fonts), cell(1))).entry::<Node>().and_modify(narrow);
        buttons
            .spawn((widgets::button("Back", PER_ROW * rows + 2, fonts, go_to(Screen::Title)), Cancel, cell(2)))
            .entry::<Node>()
            .and_modify(narrow);
    });
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
    (link, regulars, blocked): (Option<Res<PhoneLink>>, Res<Regulars>, Option<Res<BlockedNames>>),
) {
    let finish = nav.read().filter(|a| matches!(a, NavAction::Back | NavAction::Submit)).count() > 0;
    let Ok(mut root) = roots.single_mut() else { return };
    let Some(i) = root.editing else {
        typed.clear();
        return;
    };
    if i >= settings.players.len() {
        root.editing = None;
        return;
    }
    let mut idea = false;
    for key in typed.read().filter(|k| k.state == ButtonState::Pressed) {
        if key.logical_key == Key::Tab {
            idea = true;
        } else if let Some(player) = settings.players.get_mut(i) {
            type_line(&mut player.name, &key.logical_key, key.text.as_deref(), NAME_LENGTH, |_, _| true);
        }
    }
    // Tab: another name of the game's making, in place of what is typed.
    if idea && let Some(name) = name_idea(&settings, blocked.as_deref()) {
        info!("name idea for player {}: {name}", i + 1);
        if let Some(player) = settings.players.get_mut(i) {
            player.name = name;
        }
    }
    let Some(player) = settings.players.get_mut(i) else { return };
    if finish {
        let trimmed = player.name.trim().to_owned();
        player.name = if trimmed.is_empty() { format!("Player {}", i + 1) } else { trimmed };
        // A phone player's room knows them by the host's name now: the old one is free.
        if let (Some(Seat::Phone(phone)), Some(link)) = (player.seat, &link) {
            link.0.rename_phone(phone, &player.name);
        } else if regulars.recall(player) {
            let limit = seen_label(player.watched_to);
            let badge = player.handicap.badge().unwrap_or("no handicap");
            info!("{} is back: seen {limit}, {badge}", player.name);
        }
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
    mut teams: Query<(&TeamButton, &mut ButtonText), Without<NameButton>>,
    mut seen: Query<(&SeenButton, &mut ButtonText), (Without<NameButton>, Without<TeamButton>)>,
    mut handicaps: Query<
        (&HandicapButton, &mut ButtonText),
        (Without<NameButton>, Without<TeamButton>, Without<SeenButton>),
    >,
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
            Some(t) => settings.teams.get(t).cloned().unwrap_or_else(|| team_name(t)),
            None => "Any team".to_owned(),
        };
        text.set_if_neq(ButtonText(label));
    }
    for (SeenButton(i), mut text) in &mut seen {
        let watched_to = settings.players.get(*i).and_then(|p| p.watched_to);
        text.set_if_neq(ButtonText(format!("Seen {}", seen_label(watched_to))));
    }
    for (HandicapButton(i), mut text) in &mut handicaps {
        let handicap = settings.players.get(*i).map(|p| p.handicap).unwrap_or_default();
        text.set_if_neq(ButtonText(handicap.choice().to_owned()));
    }
    let message = match settings.players.len() {
        0 => "Nobody has joined yet".to_owned(),
        1 => "One more player, and the night can begin".to_owned(),
        n => format!("{n} players · Continue when everyone is in"),
    };
    // Everyone sees every question: the lowest limit of the room is the night's.
    let message = match settings.lowest_limit() {
        _ if settings.spoilers_each_turn() && settings.players.iter().any(|p| p.watched_to.is_some()) => {
            format!("{message} · spoilers: each player's own, on their turn")
        }
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
