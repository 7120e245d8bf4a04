//! The phone lobby on the join screen: the Phones button, and while phones are on the join
//! address, its QR code and the room code, big enough to read across a room; when they could
//! not start, why and what to do.

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::streamer::CodeReveal;
use crate::game::audience_play::AudienceRoster;
use crate::game::{GameSettings, GameSystems, Screen};
use crate::net::address::short_url;
use crate::net::inbound::PhoneLink;
use crate::net::lifecycle::{PhoneAddress, PhoneNotice, Phones};
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts, Room, rem};
use crate::window::Moving;

/// Where the lobby is drawn (spawned empty by the join screen, filled here).
#[derive(Component)]
pub(super) struct LobbyPanel;

/// The Phones button, whose label says whether they are on.
#[derive(Component)]
struct PhonesButton;

/// The lobby's width at 100% text, in rem: the join screen leaves it free.
const WIDTH: f32 = 16.0;

/// The lobby's width in `room`, in rem: wider as its text grows, so the address fits a line.
pub(super) fn width(room: Room) -> f32 {
    WIDTH.max(WIDTH * room.size(1.2) / 1.2 * 0.85)
}

/// Light modules around a QR code, as its standard asks, so phones find its edges.
const QUIET_ZONE: usize = 4;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (label, audience_count).run_if(in_state(Screen::Join)).in_set(GameSystems::Screens));
}

/// The panel's line that counts the audience.
#[derive(Component)]
struct AudienceCount;

/// "Audience: 12 playing along", once anyone joined it (and whether the host closed it).
fn audience_count(roster: Res<AudienceRoster>, mut lines: Query<&mut Text, With<AudienceCount>>) {
    let n = roster.members.len();
    let closed = if roster.closed { " (closed)" } else { "" };
    let wanted = if n == 0 { String::new() } else { format!("Audience: {n} playing along{closed}") };
    for mut text in &mut lines {
        text.reborrow().map_unchanged(|t| &mut t.0).set_if_neq(wanted.clone());
    }
}

/// The panel, for the join screen to place: a column on the right while phones are on,
/// else a line under the buttons.
pub(super) fn panel(column: bool, room: Room) -> impl Bundle {
    let node =
        Node { flex_direction: FlexDirection::Column, align_items: AlignItems::Center, row_gap: rem(0.5), ..default() };
    let node = if column {
        Node { position_type: PositionType::Absolute, right: rem(1.0), top: rem(1.5), width: rem(width(room)), ..node }
    } else {
        Node { max_width: percent(80), ..node }
    };
    (LobbyPanel, node)
}

/// The Phones button, in focus order `order`.
pub(super) fn phones_button(order: usize, fonts: &Fonts) -> impl Bundle {
    (widgets::button("Phones: off", order, fonts, toggle), PhonesButton)
}

fn toggle(_: On<Activate>, mut phones: ResMut<Phones>) {
    phones.on = !phones.on;
}

fn label(link: Option<Res<PhoneLink>>, mut buttons: Query<&mut ButtonText, With<PhonesButton>>) {
    let wanted = if link.is_some() { "Phones: on" } else { "Phones: off" };
    for mut text in &mut buttons {
        text.set_if_neq(ButtonText(wanted.to_owned()));
    }
}

/// Builds the panel again when phones go on or off, or a new panel appears. The join screen
/// runs it after its own rebuild, whose despawns must land first.
pub(super) fn fill(
    mut commands: Commands,
    mut panels: Query<(Entity, &mut Node), With<LobbyPanel>>,
    fresh: Query<(), Added<LobbyPanel>>,
    address: Option<Res<PhoneAddress>>,
    link: Option<Res<PhoneLink>>,
    notice: Res<PhoneNotice>,
    fonts: Res<Fonts>,
    mut images: ResMut<Assets<Image>>,
    mut shown: Local<Option<(Option<String>, Option<String>, bool)>>,
    (settings, reveal, time): (Res<GameSettings>, Res<CodeReveal>, Res<Time<Real>>),
) {
    let hidden = reveal.hides(&settings, time.elapsed());
    let now = (address.as_ref().map(|a| a.url.clone()), notice.0.clone(), hidden);
    if fresh.is_empty() && shown.as_ref() == Some(&now) {
        return;
    }
    *shown = Some(now);
    let qr = address.as_ref().map(|a| images.add(qr_image(&a.qr)));
    // Nothing to say (phones off, no problem): the panel takes no room.
    let empty = link.is_none() && notice.0.is_none();
    for (panel, mut node) in &mut panels {
        node.display = if empty { Display::None } else { Display::Flex };
        // While F5 shows a hidden code, the window keeps drawing, so that it hides in time.
        if settings.streamer && !hidden {
            commands.entity(panel).insert(Moving);
        } else {
            commands.entity(panel).remove::<Moving>();
        }
        commands.entity(panel).despawn_related::<Children>().with_children(|panel| match (&address, &link) {
            (Some(_), Some(link)) if hidden => streamer_panel(panel, link, &fonts),
            (Some(address), Some(link)) => {
                panel.spawn(widgets::text("Join on your phone", 1.7, palette::ACCENT, &fonts.bold));
                if let Some(qr) = &qr {
                    panel.spawn((
                        Name::new("QR code"),
                        ImageNode::new(qr.clone()),
                        Node { width: rem(13.0), height: rem(13.0), ..default() },
                    ));
                }
                panel.spawn(widgets::text(short_url(&address.url), 1.25, palette::TEXT, &fonts.regular));
                panel.spawn(widgets::text("Room code", 1.2, palette::MUTED, &fonts.regular));
                panel.spawn(widgets::text(link.0.code(), 3.2, palette::ACCENT, &fonts.bold));
                panel.spawn((AudienceCount, widgets::text("", 1.1, palette::MUTED, &fonts.regular)));
                if let Some(reach) = &address.reach {
                    panel.spawn(widgets::text(reach.clone(), 1.1, palette::WRONG, &fonts.regular));
                }
                room_buttons(panel, &fonts);
            }
            _ => {
                // Off: the button says so; only a problem (a busy port) needs words here.
                if let Some(problem) = &notice.0 {
                    panel.spawn(widgets::text(problem.clone(), 1.2, palette::WRONG, &fonts.regular));
                }
            }
        });
    }
}

/// In streamer mode the stream sees the TV: no code, no QR code, and where the overlay is.
fn streamer_panel(panel: &mut ChildSpawnerCommands, link: &PhoneLink, fonts: &Fonts) {
    panel.spawn(widgets::text("Streamer mode", 1.7, palette::ACCENT, &fonts.bold));
    let why = format!(
        "The room code is hidden: F5 shows it for {} seconds, and the host remote shows it",
        super::streamer::SHOWN_FOR.as_secs()
    );
    panel.spawn((widgets::text(why, 1.15, palette::TEXT, &fonts.regular), TextLayout::justify(Justify::Center)));
    panel.spawn(widgets::text("Overlay for your stream", 1.2, palette::MUTED, &fonts.regular));
    let overlay = format!("localhost:{}/overlay", link.0.addr().port());
    panel.spawn(widgets::text(overlay, 1.2, palette::ACCENT, &fonts.bold));
    panel.spawn((AudienceCount, widgets::text("", 1.1, palette::MUTED, &fonts.regular)));
    room_buttons(panel, fonts);
}

/// Focus order of the room's own buttons: after the join screen's (tab order only; the
/// panel is not part of the screen's grid).
const ROOM_BUTTONS: usize = 9_000;

/// The room's own settings, under its code: who lets names in, and streamer mode.
fn room_buttons(panel: &mut ChildSpawnerCommands, fonts: &Fonts) {
    let column =
        Node { flex_direction: FlexDirection::Column, align_items: AlignItems::Center, row_gap: rem(0.4), ..default() };
    panel.spawn(column).with_children(|buttons| {
        buttons.spawn(super::doorway::approve_button(ROOM_BUTTONS, fonts));
        buttons.spawn(super::streamer::streamer_button(ROOM_BUTTONS + 1, fonts));
    });
}

/// The QR code as an image, one pixel per module (drawn sharp, without smoothing).
fn qr_image(modules: &[Vec<bool>]) -> Image {
    let size = modules.len() + 2 * QUIET_ZONE;
    let mut pixels = vec![255u8; size * size * 4];
    for (y, row) in modules.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                let at = ((y + QUIET_ZONE) * size + x + QUIET_ZONE) * 4;
                pixels[at..at + 3].fill(0);
            }
        }
    }
    let extent = Extent3d { width: size as u32, height: size as u32, depth_or_array_layers: 1 };
    let mut image = Image::new(
        extent,
        TextureDimension::D2,
        pixels,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = ImageSampler::nearest();
    image
}
