//! "Save Dundie certificates" on the results: a picture per player ([`super::certificate`]),
//! drawn one after another off screen and saved as PNG files in the pictures folder; the
//! button then says how many and where.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::asset::RenderAssetUsages;
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat, TextureUsages};
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::RequestRedraw;

use super::certificate::{Certificate, SIZE, sheet};
use crate::game::{Game, GameResults, GameSystems, Screen};
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts};
use crate::words::{award_detail, award_name, ordinal};

/// Most certificates one press draws: a crowd's best (and every award winner among them).
const MOST: usize = 24;
/// Frames a certificate is laid out before it is captured (its glyphs are made on the first).
const SETTLE: u32 = 4;

/// The certificates still to draw, the one being drawn, and what came of them.
#[derive(Resource, Debug, Default)]
struct Dundies {
    queue: VecDeque<(Certificate, PathBuf)>,
    drawing: Option<Drawing>,
    saved: Vec<PathBuf>,
    failed: Option<String>,
    asked: usize,
    /// Which press this batch is: a capture arriving after the results were left (and a
    /// new batch begun) is not counted in it.
    batch: u32,
}

#[derive(Debug)]
struct Drawing {
    camera: Entity,
    sheet: Entity,
    image: Handle<Image>,
    path: PathBuf,
    frames: u32,
}

/// The results' button.
#[derive(Component)]
struct DundieButton;

/// The line under the results that says where the certificates went.
#[derive(Component)]
struct DundieNote;

/// That line, hidden until certificates are saved.
pub(super) fn note(root: &mut ChildSpawnerCommands, fonts: &Fonts) {
    root.spawn((
        DundieNote,
        Node { display: Display::None, ..default() },
        widgets::text("", 0.85, palette::MUTED, &fonts.regular),
    ));
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Dundies>()
        .add_systems(OnExit(Screen::Results), put_away)
        .add_systems(Update, (draw_next, label).chain().run_if(in_state(Screen::Results)).in_set(GameSystems::Screens));
}

/// The button, at `order` among the results' buttons.
pub(super) fn button(buttons: &mut ChildSpawnerCommands, order: usize, fonts: &Fonts) {
    buttons.spawn((DundieButton, widgets::button("Dundie certificates", order, fonts, save)));
}

/// Each player's certificate, best first.
fn certificates(results: &GameResults, game: &Game) -> Vec<Certificate> {
    let when = format!("The game of {}", crate::cli::history::when(crate::unix_time::now()));
    results
        .players
        .iter()
        .filter(|r| game.players.get(r.player).is_some_and(|p| !p.removed))
        .take(MOST)
        .map(|r| Certificate {
            name: r.name.clone(),
            rank: r.rank,
            standing: format!(
                "{} place  ·  {} points  ·  {} of {} right",
                ordinal(r.rank),
                r.score,
                r.correct,
                r.asked
            ),
            awards: results
                .awards
                .iter()
                .filter(|a| a.players.contains(&r.player))
                .map(|a| format!("★ {} ({})", award_name(a.kind), award_detail(a.detail)))
                .collect(),
            colour: palette::player(r.colour),
            when: when.clone(),
        })
        .collect()
}

/// A file name a player's name can be part of anywhere: letters and digits, else `-`.
fn file_name(place: usize, name: &str) -> String {
    let safe: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).take(40).collect::<String>();
    format!("dundie-{place:02}-{}.png", safe.trim_matches('-'))
}

fn save(_: On<Activate>, results: Option<Res<GameResults>>, game: Option<Res<Game>>, mut dundies: ResMut<Dundies>) {
    let (Some(results), Some(game)) = (results, game) else { return };
    if dundies.drawing.is_some() || !dundies.queue.is_empty() {
        return;
    }
    let Some(root) = crate::paths::pictures_dir() else {
        dundies.failed = Some("this system has no pictures folder".to_owned());
        return;
    };
    let when = crate::cli::history::when(crate::unix_time::now()).replace([' ', ':'], "-");
    let dir = root.join(format!("dundies-{}-{}", when.trim_end_matches("-UTC"), game.seed));
    if let Err(error) = std::fs::create_dir_all(&dir) {
        dundies.failed = Some(format!("cannot make {}: {error}", dir.display()));
        return;
    }
    let certificates = certificates(&results, &game);
    dundies.asked = certificates.len();
    dundies.saved.clear();
    dundies.failed = None;
    dundies.queue = certificates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let path = dir.join(file_name(i + 1, &c.name));
            (c, path)
        })
        .collect();
    info!("drawing {} Dundie certificates into {}", dundies.asked, dir.display());
}

/// One certificate at a time: laid out, captured after [`SETTLE`] frames, then the next.
fn draw_next(
    mut commands: Commands,
    mut dundies: ResMut<Dundies>,
    mut images: ResMut<Assets<Image>>,
    fonts: Res<Fonts>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    // Counting frames is no change the button shows: only what is drawn or saved is.
    if dundies.drawing.is_none() && dundies.queue.is_empty() {
        return;
    }
    let batch = dundies.batch;
    if let Some(drawing) = &mut dundies.bypass_change_detection().drawing {
        // The game only redraws on input: the capture needs frames.
        redraw.write(RequestRedraw);
        drawing.frames += 1;
        if drawing.frames == SETTLE {
            let (camera, sheet, path) = (drawing.camera, drawing.sheet, drawing.path.clone());
            commands.spawn(Screenshot::image(drawing.image.clone())).observe(
                move |captured: On<ScreenshotCaptured>, mut dundies: ResMut<Dundies>, mut commands: Commands| {
                    commands.entity(camera).try_despawn();
                    commands.entity(sheet).try_despawn();
                    if dundies.batch != batch {
                        return;
                    }
                    let written = captured
                        .image
                        .clone()
                        .try_into_dynamic()
                        .map_err(|e| e.to_string())
                        .and_then(|picture| picture.to_rgb8().save(&path).map_err(|e| e.to_string()));
                    match written {
                        Ok(()) => dundies.saved.push(path.clone()),
                        Err(error) => dundies.failed = Some(format!("cannot save {}: {error}", path.display())),
                    }
                    dundies.drawing = None;
                },
            );
        }
        return;
    }
    let Some((certificate, path)) = dundies.queue.pop_front() else { return };
    let size = Extent3d { width: SIZE.0, height: SIZE.1, ..default() };
    let mut image = Image::new_fill(
        size,
        TextureDimension::D2,
        &[0, 0, 0, 255],
        TextureFormat::Bgra8UnormSrgb,
        RenderAssetUsages::default(),
    );
    image.texture_descriptor.usage = TextureUsages::TEXTURE_BINDING
        | TextureUsages::COPY_DST
        | TextureUsages::COPY_SRC
        | TextureUsages::RENDER_ATTACHMENT;
    let image = images.add(image);
    // Before the window's camera, which leaves the picture alone.
    let camera = commands
        .spawn((
            Name::new("Dundie camera"),
            Camera2d,
            Camera { order: -1, ..default() },
            RenderTarget::Image(image.clone().into()),
        ))
        .id();
    let sheet = commands.spawn(sheet(&certificate, camera, &fonts)).id();
    // A change the button shows: "Drawing 2 of 5".
    dundies.drawing = Some(Drawing { camera, sheet, image, path, frames: 0 });
    redraw.write(RequestRedraw);
}

/// `~/Pictures/…` rather than `/home/pam/Pictures/…`.
fn shown_path(path: &std::path::Path) -> String {
    let home = directories::UserDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match home.and_then(|home| path.strip_prefix(home).ok().map(std::path::Path::to_path_buf)) {
        Some(inside) => format!("~/{}", inside.display()),
        None => path.display().to_string(),
    }
}

/// The button says how it is going, then how many were saved; the results' last line where.
fn label(
    dundies: Res<Dundies>,
    mut buttons: Query<&mut ButtonText, With<DundieButton>>,
    mut notes: Query<(&mut Text, &mut Node), With<DundieNote>>,
) {
    if !dundies.is_changed() {
        return;
    }
    let busy = dundies.drawing.is_some() || !dundies.queue.is_empty();
    let text = match (&dundies.failed, busy, dundies.saved.first()) {
        (Some(why), _, _) => format!("Not saved: {why}"),
        (None, true, _) => format!("Drawing {} of {}", dundies.saved.len() + 1, dundies.asked),
        (None, false, Some(_)) => {
            let n = dundies.saved.len();
            format!("Saved {n} certificate{}", if n == 1 { "" } else { "s" })
        }
        (None, false, None) => "Dundie certificates".to_owned(),
    };
    if let (Some(first), false) = (dundies.saved.first(), busy) {
        let dir = first.parent().map(shown_path).unwrap_or_default();
        info!("{text} in {dir}");
        for (mut note, mut node) in &mut notes {
            note.0 = format!("Dundie certificates saved in {dir}");
            node.display = Display::Flex;
        }
    }
    for mut button in &mut buttons {
        button.set_if_neq(ButtonText(text.clone()));
    }
}

/// Leaving the results stops a batch half drawn (what was saved stays).
fn put_away(mut commands: Commands, mut dundies: ResMut<Dundies>) {
    if let Some(drawing) = dundies.drawing.take() {
        commands.entity(drawing.camera).try_despawn();
        commands.entity(drawing.sheet).try_despawn();
    }
    let batch = dundies.batch.wrapping_add(1);
    *dundies = Dundies { batch, ..Dundies::default() };
}
