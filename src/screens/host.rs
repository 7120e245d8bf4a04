//! The host's panel (F1) and keys: reveal now (F2), skip (F3), end the game (F4); on the
//! panel, overrule the judge, give or take points, remove a player. The clock stops while it
//! is open. Whatever the host does shows at once in a banner over the game.

use bevy::prelude::*;

use super::doorway::{WaitingList, approve_button};
use crate::game::{FlowCommand, Game, HostActed, HostAction, Overlay, Presented, Screen};
use crate::input::AppCommand;
use crate::net::address::short_url;
use crate::net::inbound::PhoneLink;
use crate::net::lifecycle::PhoneAddress;
use crate::theme::focus::GridCell;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};
use crate::window::Moving;
use crate::words::{clipped, host_action_text, response_text};

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

/// The host remote's line on the panel: its code hidden, unless the host asked to see it.
#[derive(Component)]
struct RemoteLine;

/// How long the host code shows when the host asks (F5, or "Show code").
const CODE_SECONDS: f32 = 8.0;

/// Until when (real time) the panel shows the host code: the room sees the TV, and the code
/// opens a remote that has every answer.
#[derive(Resource, Default)]
struct CodeShown(Option<std::time::Duration>);

/// The host asks to see the code (or a new one, which shows at once), or opens or closes
/// the audience.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
enum CodeRequest {
    Show,
    Change,
    Audience,
}

/// The audience's line on the panel: how many, open or closed.
#[derive(Component)]
struct AudienceLine;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CodeShown>()
        .add_message::<CodeRequest>()
        .add_systems(OnEnter(Overlay::Host), spawn_panel)
        .add_systems(OnExit(Overlay::Host), |mut shown: ResMut<CodeShown>| shown.0 = None)
        .add_systems(
            Update,
            (host_keys, (code_requests, show_code, show_players).chain().run_if(in_state(Overlay::Host)), announce)
                .run_if(in_state(Screen::Playing))
                .in_set(crate::game::GameSystems::Screens),
        );
}

fn host_keys(
    mut commands: MessageReader<AppCommand>,
    overlay: Res<State<Overlay>>,
    mut flow: MessageWriter<FlowCommand>,
    mut host: MessageWriter<HostAction>,
    mut code: MessageWriter<CodeRequest>,
) {
    for command in commands.read() {
        match command {
            AppCommand::ShowHostCode if *overlay.get() == Overlay::Host => {
                code.write(CodeRequest::Show);
            }
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
    let cell = |row, col| GridCell { row, col };
    commands.spawn((widgets::overlay("Host panel"), DespawnOnExit(Overlay::Host))).with_children(|root| {
        root.spawn(widgets::card()).with_children(|card| {
            card.spawn(widgets::text("Host", 3.0, palette::ACCENT, &fonts.bold));
            if let (Some(_), Some(address)) = (&phones, &address) {
                remote_row(card, address, &fonts);
            }
            card.spawn(Node { column_gap: rem(0.6), ..default() }).with_children(|row| {
                let actions: [(&str, FlowCommand); 2] =
                    [("Back to the game", FlowCommand::Resume), ("Reveal now · F2", FlowCommand::CloseQuestion)];
                for (col, (label, command)) in actions.into_iter().enumerate() {
                    row.spawn((widgets::button(label, col, &fonts, send(command)), cell(1, col))).insert(small());
                }
                let host: [(&str, HostAction); 2] =
                    [("Skip question · F3", HostAction::Skip), ("End game · F4", HostAction::EndEarly)];
                for (i, (label, action)) in host.into_iter().enumerate() {
                    row.spawn((widgets::button(label, 2 + i, &fonts, send(action)), cell(1, 2 + i))).insert(small());
                }
                if phones.is_some() {
                    row.spawn((approve_button(1003, &fonts), cell(1, 4))).insert(small());
                }
            });
            for (i, player) in game.players.iter().enumerate().take(PLAYERS_LISTED) {
                let order = 4 + i * 5;
                card.spawn(Node { column_gap: rem(0.6), align_items: AlignItems::Center, ..default() }).with_children(
                    |row| {
                        row.spawn((
                            Node { width: rem(22.0), ..default() },
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
                            row.spawn((widgets::button(label, order + col, &fonts, send(action)), cell(2 + i, col)))
                                .insert(small());
                        }
                    },
                );
            }
            if phones.is_some() {
                card.spawn(WaitingList::at(2 + game.players.len().min(PLAYERS_LISTED), 900));
            }
            if game.players.len() > PLAYERS_LISTED {
                let more = game.players.len() - PLAYERS_LISTED;
                let line = format!("…and {more} more: the host remote on your phone lists everyone");
                card.spawn(widgets::text(line, 1.1, palette::MUTED, &fonts.regular));
            }
            card.spawn(widgets::text(
                "Right / Wrong overrule the last answer · F5 shows the host code · Esc or F1 back to the game",
                1.0,
                palette::MUTED,
                &fonts.regular,
            ));
        });
    });
}

/// The host remote's line (its code hidden), its buttons, and the audience's line.
fn remote_row(card: &mut ChildSpawnerCommands, address: &PhoneAddress, fonts: &Fonts) {
    let cell = |row, col| GridCell { row, col };
    // The room sees the TV, and the code opens a remote with every answer: it
    // shows only when the host asks, for a few seconds.
    card.spawn(Node { column_gap: rem(0.6), align_items: AlignItems::Center, ..default() }).with_children(|row| {
        row.spawn((RemoteLine, widgets::text(remote_line(&address.url, None), 1.2, palette::TEXT, &fonts.regular)));
        let buttons = [
            ("Show code · F5", CodeRequest::Show),
            ("New code", CodeRequest::Change),
            ("Open / close audience", CodeRequest::Audience),
        ];
        for (i, (label, request)) in buttons.into_iter().enumerate() {
            row.spawn((widgets::button(label, 1000 + i, fonts, send(request)), cell(0, i))).insert(small());
        }
        row.spawn((AudienceLine, widgets::text("", 1.1, palette::MUTED, &fonts.regular)));
    });
}

/// "Host remote: 192.168.1.20:8862/host · code ABCDEFGH", the code as dots unless shown.
fn remote_line(url: &str, code: Option<&str>) -> String {
    let code = code.map_or_else(|| "•".repeat(8), str::to_owned);
    format!("Host remote: {}/host · code {code}", short_url(url))
}

/// "Show code" shows it for a while; "New code" makes one (the old remotes are closed) and
/// shows it.
fn code_requests(
    mut requests: MessageReader<CodeRequest>,
    link: Option<ResMut<PhoneLink>>,
    time: Res<Time<Real>>,
    mut shown: ResMut<CodeShown>,
) {
    let Some(mut link) = link else {
        requests.clear();
        return;
    };
    for request in requests.read() {
        match request {
            CodeRequest::Audience => {
                let open = !link.0.audience_open();
                link.0.set_audience_open(open);
                continue;
            }
            CodeRequest::Change => _ = link.0.change_host_code(),
            CodeRequest::Show => {}
        }
        shown.0 = Some(time.elapsed() + std::time::Duration::from_secs_f32(CODE_SECONDS));
    }
}

fn show_code(
    mut commands: Commands,
    link: Option<Res<PhoneLink>>,
    address: Option<Res<PhoneAddress>>,
    time: Res<Time<Real>>,
    mut shown: ResMut<CodeShown>,
    mut lines: Query<(Entity, &mut Text, Has<Moving>), With<RemoteLine>>,
    mut audience: Query<&mut Text, (With<AudienceLine>, Without<RemoteLine>)>,
    game: Res<Game>,
) {
    let (Some(link), Some(address)) = (link, address) else { return };
    let state = if link.0.audience_open() { "open" } else { "closed" };
    let count = format!("Audience: {} · {state}", game.audience.members.len());
    for mut text in &mut audience {
        text.reborrow().map_unchanged(|v| &mut v.0).set_if_neq(count.clone());
    }
    if shown.0.is_some_and(|until| time.elapsed() >= until) {
        shown.0 = None;
    }
    let visible = shown.0.is_some();
    let line = remote_line(&address.url, visible.then(|| link.0.host_code()));
    for (entity, mut text, moving) in &mut lines {
        if text.0 != line {
            text.0.clone_from(&line);
        }
        // While it shows, the window keeps drawing, so that the code goes when its time is up.
        if visible && !moving {
            commands.entity(entity).insert(Moving);
        } else if !visible && moving {
            commands.entity(entity).remove::<Moving>();
        }
    }
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
        // What they typed, so the host can rule on it without asking.
        let said = last
            .zip(game.last_round().and_then(|r| game.questions.get(r.question)))
            .filter(|(_, drawn)| !matches!(drawn.presented, Presented::Options { .. }))
            .and_then(|(o, drawn)| {
                o.response().map(|r| format!("  \u{201c}{}\u{201d}", clipped(&response_text(&drawn.presented, r), 16)))
            })
            .unwrap_or_default();
        let label = format!("{}{removed}  {}{verdict}{said}", player.name, player.score);
        text.reborrow().map_unchanged(|v| &mut v.0).set_if_neq(label);
    }
}

/// Each new host action shows in a banner over the game for a few seconds.
fn announce(
    mut commands: Commands,
    game: Res<Game>,
    fonts: Res<Fonts>,
    time: Res<Time>,
    mut acted: MessageReader<HostActed>,
    mut banners: Query<(Entity, &mut Banner)>,
) {
    for (entity, mut banner) in &mut banners {
        if banner.0.tick(time.delta()).is_finished() {
            commands.entity(entity).despawn();
        }
    }
    // Several actions in one frame: the last says where things stand.
    let Some(HostActed(record)) = acted.read().last().copied() else { return };
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
