//! Pictures for phones. The game puts the open question's picture on a shelf under a name
//! made from its bytes (`/media/<sha1>.png`: no file name, so nothing of the answer), and the
//! server serves what is on the shelf and nothing else: no request reaches a file, and a
//! picture of a question not yet open cannot be fetched.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha1::{Digest, Sha1};

use super::server_state::{Shared, Shelf, Shelved};
use super::views::PictureView;
use crate::game::{Game, GameSettings};
use crate::pack::PackLibrary;
use crate::pack::media::MAX_IMAGE_BYTES;

/// Serves `/media/{name}` from the shelf; anything else is a 404.
pub(super) async fn serve(State(shared): State<Arc<Shared>>, Path(name): Path<String>) -> Response {
    let found = shared.media.lock().ok().and_then(|shelf| shelf.get(&name).cloned());
    match found {
        Some(picture) => (
            [
                (header::CONTENT_TYPE, picture.kind),
                // The name is the content: it never changes under the same name.
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            picture.bytes.to_vec(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Pictures read this game, by file, so a question shown again is not read again.
#[derive(Default)]
pub(super) struct Read(HashMap<PathBuf, Option<(String, Shelved)>>);

/// The open question's picture as phones show it, and the shelf that serves it.
pub(super) fn question_picture(
    game: &Game,
    library: &PackLibrary,
    settings: &GameSettings,
    read: &mut Read,
) -> (Option<PictureView>, Shelf) {
    let mut shelf = Shelf::new();
    let Some(drawn) = game.question() else { return (None, shelf) };
    let Some(picture) = &drawn.question.image else { return (None, shelf) };
    let view = |src| Some(PictureView { src, alt: picture.alt.clone() });
    if !settings.pictures_on_phones {
        return (view(None), shelf);
    }
    let Some(path) = library.media_path(&drawn.pack, &picture.file) else { return (view(None), shelf) };
    let shelved = read.0.entry(path.clone()).or_insert_with(|| shelve(&path)).clone();
    match shelved {
        Some((name, item)) => {
            shelf.insert(name.clone(), item);
            (view(Some(format!("/media/{name}"))), shelf)
        }
        None => (view(None), shelf),
    }
}

/// A picture file, named by its content.
fn shelve(path: &std::path::Path) -> Option<(String, Shelved)> {
    let bytes = std::fs::read(path).ok().filter(|b| b.len() as u64 <= MAX_IMAGE_BYTES)?;
    let (kind, extension) = match image::guess_format(&bytes).ok()? {
        image::ImageFormat::Png => ("image/png", "png"),
        image::ImageFormat::Jpeg => ("image/jpeg", "jpg"),
        _ => return None,
    };
    let hash: String = Sha1::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    Some((format!("{hash}.{extension}"), Shelved { bytes: bytes.into(), kind }))
}
