//! The host's panel (F1) and keys: reveal now (F2), skip (F3), end the game (F4); on the
//! panel, overrule the judge, give or take points, remove a player. The clock stops while it
//! is open. Whatever the host does shows at once in a banner over the game.

use bevy::prelude::*;

use crate::game::{FlowCommand, Game, HostAction, Overlay, Screen};
use crate::input::AppCommand;
use crate::net::address::short_url;
use crate::net::link::PhoneLink;
use crate::net::switch::PhoneAddress;
use crate::theme::interaction::{FocusLayer, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};
use crate::window::Moving;
use crate::words::host_action_text;

/// A player's line on the panel: name, score, last verdict.
#[derive(Component)]
struct PlayerLine(usize);

/// The banner that tells the room what the host just did.
#[derive(Component)]
struct Banner(Timer);

/// How long the banner stays.
const BANNER_SECONDS: f32 = 4.0;

/// Points the panel's buttons give or take.
const POINTS_STEP: i32 = 100;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Overlay::Host), spawn_panel).add_systems(
        Update,
        (host_keys, show_players.run_if(in_state(Overlay::Host)), announce)
            .run_if(in_state(Screen::Playing))
            .in_set(crate::game::GameSystems::Screens),
    );
}

fn host_keys(
    mut commands: MessageReader<AppCommand>,
    overlay: Res<State<Overlay>>,
    mut flow: MessageWriter<FlowCommand>,
    mut host: MessageWriter<HostAction>,
) {
    for command in commands.read() {
        match command {
            AppCommand::HostPanel if *overlay.get() == Overlay::Host => {
                flow.write(FlowCommand::Resume);
            }
            AppCommand::HostPanel => {
                flow.write(FlowCommand::OpenHost);
            }
            AppCommand::RevealNow => {
                flow.write(FlowCommand::CloseQuestion);
            }
            AppCommand::SkipQuestion => {
                host.write(HostAction::Skip);
            }
            AppCommand::EndGame => {
                host.write(HostAction::EndEarly);
            }
            _ => {}
        }
    }
}

/// Players the TV's panel lists; a bigger party is run from the host remote.
const PLAYERS_LISTED: usize = 10;

fn spawn_panel(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    phones: Option<Res<PhoneLink>>,
    address: Option<Res<PhoneAddress>>,
) {
    let cell = |row, col| (FocusLayer(1), GridCell { row, col });
    commands.spawn((widgets::overlay("Host panel"), DespawnOnExit(Overlay::Host))).with_children(|root| {
        root.spawn(widgets::card()).with_children(|card| {
            card.spawn(widgets::text("Host", 3.0, palette::ACCENT, &fonts.bold));
            if let (Some(phones), Some(address)) = (&phones, &address) {
                // Only the host sees this panel: the code opens the remote with the answer key.
                let remote = format!("Host remote: {}/host · code {}", short_url(&address.url), phones.0.host_code());
                card.spawn(widgets::text(remote, 1.2, palette::TEXT, &fonts.regular));
            }
            card.spawn(Node { column_gap: rem(0.6), ..default() }).with_children(|row| {
                let actions: [(&str, FlowCommand); 2] =
                    [("Back to the game", FlowCommand::Resume), ("Reveal now · F2", FlowCommand::CloseQuestion)];
                for (col, (label, command)) in actions.into_iter().enumerate() {
                    row.spawn((widgets::button(label, col, &fonts, send(command)), cell(0, col))).insert(small());
                }
                let host: [(&str, HostAction); 2] =
                    [("Skip question · F3", HostAction::Skip), ("End game · F4", HostAction::EndEarly)];
                for (i, (label, action)) in host.into_iter().enumerate() {
                    row.spawn((widgets::button(label, 2 + i, &fonts, send(action)), cell(0, 2 + i))).insert(small());
                }
            });
            for (i, player) in game.players.iter().enumerate().take(PLAYERS_LISTED) {
                let order = 4 + i * 5;
                card.spawn(Node { column_gap: rem(0.6), align_items: AlignItems::Center, ..default() }).with_children(
                    |row| {
                        row.spawn((
                            Node { width: rem(16.0), ..default() },
                            children![(
                                PlayerLine(i),
                                widgets::text(player.name.clone(), 1.3, palette::player(player.colour), &fonts.bold)
                            )],
                        ));
                        let actions = [
                            ("✓ Right", HostAction::Accept(i)),
                            ("✗ Wrong", HostAction::Reject(i)),
                            ("+100", HostAction::Points { player: i, delta: POINTS_STEP }),
                            ("−100", HostAction::Points { player: i, delta: -POINTS_STEP }),
                            ("Remove", HostAction::Remove(i)),
                        ];
                        for (col, (label, action)) in actions.into_iter().enumerate() {
                            row.spawn((widgets::button(label, order + col, &fonts, send(action)), cell(1 + i, col)))
                                .insert(small());
                        }
                    },
                );
            }
            if game.players.len() > PLAYERS_LISTED {
                let more = game.players.len() - PLAYERS_LISTED;
                let line = format!("…and {more} more: the host remote on your phone lists everyone");
                card.spawn(widgets::text(line, 1.1, palette::MUTED, &fonts.regular));
            }
            card.spawn(widgets::text(
                "Right / Wrong overrule the last answer · Esc or F1 back to the game",
                1.0,
                palette::MUTED,
                &fonts.regular,
            ));
        });
    });
}

/// The layout of a button narrow enough for five in a row.
fn small() -> Node {
    Node {
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        ..widgets::bordered(UiRect::axes(rem(0.8), rem(0.3)), 0.5)
    }
}

fn show_players(game: Res<Game>, mut lines: Query<(&PlayerLine, &mut Text)>) {
    if !game.is_changed() {
        return;
    }
    for (PlayerLine(i), mut text) in &mut lines {
        let Some(player) = game.players.get(*i) else { continue };
        let last = game.last_round().and_then(|r| r.outcomes.get(*i)).filter(|o| o.answer.is_some());
        let verdict = match last {
            Some(o) if o.correct => "  ✓",
            Some(_) => "  ✗",
            None => "",
        };
        let removed = if player.removed { " (out)" } else { "" };
        let label = format!("{}{removed}  {}{verdict}", player.name, player.score);
        if text.0 != label {
            text.0 = label;
        }
    }
}

/// Each new host action shows in a banner over the game for a few seconds.
fn announce(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    time: Res<Time>,
    mut seen: Local<usize>,
    mut banners: Query<(Entity, &mut Banner)>,
) {
    for (entity, mut banner) in &mut banners {
        if banner.0.tick(time.delta()).is_finished() {
            commands.entity(entity).despawn();
        }
    }
    // A new game starts its log anew.
    if game.is_added() {
        *seen = 0;
    }
    // Several actions in one frame: the last says where things stand.
    let latest = game.host_log.get(*seen..).and_then(<[_]>::last).copied();
    *seen = game.host_log.len();
    let Some(record) = latest else { return };
    for (entity, _) in &banners {
        // It may have just timed out above.
        commands.entity(entity).try_despawn();
    }
    commands.spawn((
        Name::new("Host banner"),
        Banner(Timer::from_seconds(BANNER_SECONDS, TimerMode::Once)),
        // Keeps the window updating, so the banner goes when its time is up.
        Moving,
        DespawnOnExit(Screen::Playing),
        GlobalZIndex(20),
        Node {
            position_type: PositionType::Absolute,
            top: rem(3.0),
            width: percent(100),
            justify_content: JustifyContent::Center,
            ..default()
        },
        children![(
            Node { padding: UiRect::axes(rem(1.2), rem(0.4)), border_radius: BorderRadius::all(rem(0.5)), ..default() },
            BackgroundColor(palette::ACCENT),
            children![widgets::text(
                format!("Host: {}", host_action_text(&game, record.action)),
                1.5,
                palette::BACKGROUND,
                &fonts.bold
            )],
        )],
    ));
}
