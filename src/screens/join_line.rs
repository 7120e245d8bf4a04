//! While phones are on and the room is open, the question and the standings keep a small
//! line with the join address and the room code above their key hints, so that a latecomer
//! can join without going back to the lobby.

use bevy::prelude::*;

use crate::game::{GameSettings, GameSystems, Phase};
use crate::net::inbound::PhoneLink;
use crate::net::lifecycle::PhoneAddress;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, Hints};

/// The join line, inside a screen's hints.
#[derive(Component)]
struct JoinLine;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (add_line, follow_room).chain().in_set(GameSystems::Screens));
}

/// "Join at 192.168.1.20:8862 · room ABCD", or nothing when nobody can join now.
fn words(address: Option<&PhoneAddress>, link: Option<&PhoneLink>, streamer: bool) -> Option<String> {
    let (address, link) = (address?, link?);
    // The stream sees the TV: the host gives the code out (it is on the host remote).
    if streamer {
        return None;
    }
    let shown = address.url.trim_start_matches("http://");
    let at = shown.split('/').next().unwrap_or(shown);
    // A locked room still seats an audience, if it is open.
    match (link.0.locked(), link.0.audience_open()) {
        (false, _) => Some(format!("Join on your phone at {at} · room {}", link.0.code())),
        (true, true) => Some(format!("Play along in the audience at {at} · room {}", link.0.code())),
        (true, false) => None,
    }
}

/// The question's and the standings' hints get the line as they appear.
fn add_line(
    mut commands: Commands,
    hints: Query<Entity, Added<Hints>>,
    phase: Option<Res<State<Phase>>>,
    address: Option<Res<PhoneAddress>>,
    link: Option<Res<PhoneLink>>,
    fonts: Res<Fonts>,
    settings: Res<GameSettings>,
) {
    let Some(phase) = phase else { return };
    if !matches!(phase.get(), Phase::Question | Phase::Standings) || link.is_none() {
        return;
    }
    for entity in &hints {
        let text = words(address.as_deref(), link.as_deref(), settings.streamer).unwrap_or_default();
        let line = commands.spawn((JoinLine, widgets::text(text, 1.0, palette::ACCENT, &fonts.bold))).id();
        commands.entity(entity).insert_children(0, &[line]);
    }
}

/// The host locks or opens the room: the line goes or comes back.
fn follow_room(
    address: Option<Res<PhoneAddress>>,
    link: Option<Res<PhoneLink>>,
    mut lines: Query<(&mut Text, &mut Node), With<JoinLine>>,
    settings: Res<GameSettings>,
) {
    let wanted = words(address.as_deref(), link.as_deref(), settings.streamer);
    for (mut text, mut node) in &mut lines {
        let display = if wanted.is_some() { Display::Flex } else { Display::None };
        node.reborrow().map_unchanged(|v| &mut v.display).set_if_neq(display);
        if let Some(wanted) = &wanted
            && text.0 != *wanted
        {
            text.0.clone_from(wanted);
        }
    }
}
