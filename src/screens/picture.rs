//! A question's picture on the TV: a slot the question or reveal screen places, filled once
//! the file is decoded on a worker thread (only the pictures shown are decoded, never the
//! whole library at start); its alt text instead where pictures are off or the file fails.

use std::collections::HashMap;

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use image::ImageReader;

use crate::pack::home::MediaFile;
use crate::pack::media::{MAX_IMAGE_BYTES, Picture};
use crate::pack::{PackLibrary, media_check};
use crate::persist::UserSettings;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem};

/// Where a picture goes: its file, and what to show if it cannot be.
#[derive(Component, Debug, Clone)]
pub(super) struct PictureSlot {
    file: Option<MediaFile>,
    alt: String,
    /// The slot's height: pictures keep their shape inside it.
    height: Val,
}

impl PictureSlot {
    /// The slot for `picture` of pack `pack`, `height` high (a share of the window's, so that
    /// larger text leaves the picture its room).
    pub(super) fn new(library: &PackLibrary, pack: &str, picture: &Picture, height: Val) -> Self {
        Self { file: library.media_file(pack, &picture.file), alt: picture.alt.clone(), height }
    }
}

/// The slot as a UI node, centred.
pub(super) fn slot(slot: PictureSlot) -> impl Bundle {
    let height = slot.height;
    (
        Name::new("Picture"),
        slot,
        Node {
            // As high as asked where there is room; less where larger text needs it.
            flex_basis: height,
            flex_shrink: 1.0,
            min_height: px(0),
            max_width: percent(80),
            margin: UiRect::bottom(rem(1.0)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
    )
}

/// The slot as a UI node of its own height, beside something else in a row (the reveal's
/// picture beside the answer).
pub(super) fn slot_beside(slot: PictureSlot) -> impl Bundle {
    let height = slot.height;
    (
        Name::new("Picture"),
        slot,
        Node {
            height,
            max_width: percent(50),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
    )
}

enum Decoded {
    Decoding(Task<Result<Image, String>>),
    Ready(Handle<Image>, UVec2),
    Failed,
}

/// How many decoded pictures are kept before those off screen are let go.
const KEPT: usize = 8;

/// Pictures decoded this session, by file: each is decoded when first shown, and kept while
/// fewer than [`KEPT`] are (the question's picture for its reveal, a picture shown again).
#[derive(Resource, Default)]
struct Pictures(HashMap<MediaFile, Decoded>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pictures>().add_systems(Update, (forget, start, finish, fill).chain());
}

/// The packs were read again (a picture may have changed): pictures decode anew when next shown.
fn forget(library: Option<Res<PackLibrary>>, mut pictures: ResMut<Pictures>) {
    if library.is_some_and(|l| l.is_changed() && !l.is_added()) {
        pictures.0.retain(|_, decoded| matches!(decoded, Decoded::Decoding(_)));
    }
}

fn start(
    slots: Query<&PictureSlot, Added<PictureSlot>>,
    every_slot: Query<&PictureSlot>,
    mut pictures: ResMut<Pictures>,
    user: Option<Res<UserSettings>>,
) {
    if user.is_some_and(|u| !u.pictures) {
        return;
    }
    if !slots.is_empty() && pictures.0.len() >= KEPT {
        // A night of picture questions keeps only what is on screen, not every picture shown.
        let shown: Vec<&MediaFile> = every_slot.iter().filter_map(|s| s.file.as_ref()).collect();
        pictures.0.retain(|file, decoded| shown.contains(&file) || matches!(decoded, Decoded::Decoding(_)));
    }
    for file in slots.iter().filter_map(|s| s.file.clone()) {
        pictures
            .0
            .entry(file.clone())
            .or_insert_with(|| Decoded::Decoding(AsyncComputeTaskPool::get().spawn(async move { decode(&file) })));
    }
}

/// Reads and decodes one picture, within the limits the pack check applies (the file may
/// have changed since).
fn decode(file: &MediaFile) -> Result<Image, String> {
    let bytes = file.read("picture", MAX_IMAGE_BYTES)?;
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    reader.limits(media_check::picture_limits());
    let picture = reader.decode().map_err(|e| e.to_string())?;
    Ok(Image::from_dynamic(picture, true, RenderAssetUsages::RENDER_WORLD))
}

fn finish(mut pictures: ResMut<Pictures>, mut images: ResMut<Assets<Image>>) {
    for (file, decoded) in &mut pictures.0 {
        let Decoded::Decoding(task) = decoded else { continue };
        let Some(result) = check_ready(task) else { continue };
        *decoded = match result {
            Ok(image) => {
                let size = image.size();
                info!("picture {} shown ({}×{})", file.label(), size.x, size.y);
                Decoded::Ready(images.add(image), size)
            }
            Err(error) => {
                warn!("picture {} cannot be shown ({error}): its alt text is shown instead", file.label());
                Decoded::Failed
            }
        };
    }
}

/// Puts each waiting slot's picture in, or its alt text where there is none to show.
fn fill(
    mut commands: Commands,
    mut slots: Query<(Entity, &PictureSlot, &mut Node), Without<Children>>,
    pictures: Res<Pictures>,
    user: Option<Res<UserSettings>>,
    fonts: Res<Fonts>,
) {
    let off = user.is_some_and(|u| !u.pictures);
    for (entity, slot, mut node) in &mut slots {
        let decoded = slot.file.as_ref().and_then(|file| pictures.0.get(file));
        match decoded {
            Some(Decoded::Decoding(_)) if !off => {}
            Some(Decoded::Ready(handle, size)) if !off => {
                // Its own shape, as high as the slot allows.
                let aspect = size.x as f32 / size.y.max(1) as f32;
                commands.entity(entity).with_child((
                    ImageNode::new(handle.clone()),
                    Node { height: percent(100), aspect_ratio: Some(aspect), max_width: percent(100), ..default() },
                ));
            }
            _ => {
                // Words need only their own height.
                node.flex_basis = Val::Auto;
                commands.entity(entity).with_child((
                    Node {
                        padding: UiRect::all(rem(1.0)),
                        border_radius: BorderRadius::all(rem(0.5)),
                        align_items: AlignItems::Center,
                        ..default()
                    },
                    BackgroundColor(palette::PANEL),
                    children![(
                        widgets::text(format!("Picture: {}", slot.alt), 1.4, palette::TEXT, &fonts.regular),
                        TextLayout::justify(Justify::Center),
                    )],
                ));
            }
        }
    }
}
