//! Pictures for phones. The game puts the open question's picture on a shelf under a name
//! made from its bytes (`/media/<sha1>.png`: no file name, so nothing of the answer), and the
//! server serves what is on the shelf and nothing else: no request reaches a file, a picture
//! of a question not yet open cannot be fetched, and a reveal's picture (the answer) is put
//! up only once the answer is out.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha1::{Digest, Sha1};

use super::server_state::{Shared, Shelf, Shelved};
use super::views::PictureView;
use crate::game::{Game, GameSettings};
use crate::pack::PackLibrary;
use crate::pack::Picture;
use crate::pack::home::MediaFile;
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
pub(super) struct Read(HashMap<MediaFile, Option<(String, Shelved)>>);

/// The open question's pictures as phones show them: the question's, and once `revealed`,
/// the reveal's; and the shelf that serves them.
pub(super) fn question_pictures(
    game: &Game,
    library: &PackLibrary,
    settings: &GameSettings,
    revealed: bool,
    read: &mut Read,
) -> (Option<PictureView>, Option<PictureView>, Shelf) {
    let mut shelf = Shelf::new();
    let Some(drawn) = game.question() else { return (None, None, shelf) };
    let mut put_up = |picture: Option<&Picture>| {
        let picture = picture?;
        let src = settings
            .pictures_on_phones
            .then(|| library.media_file(&drawn.pack, &picture.file))
            .flatten()
            .and_then(|file| read.0.entry(file.clone()).or_insert_with(|| shelve(&file)).clone())
            .map(|(name, item)| {
                shelf.insert(name.clone(), item);
                format!("/media/{name}")
            });
        Some(PictureView { src, alt: picture.alt.clone() })
    };
    let question = put_up(drawn.question.image.as_ref());
    let reveal = if revealed { put_up(drawn.question.reveal_image.as_ref()) } else { None };
    (question, reveal, shelf)
}

/// A picture file, named by its content.
fn shelve(file: &MediaFile) -> Option<(String, Shelved)> {
    let bytes = file.read("picture", MAX_IMAGE_BYTES).ok()?;
    let (kind, extension) = match image::guess_format(&bytes).ok()? {
        image::ImageFormat::Png => ("image/png", "png"),
        image::ImageFormat::Jpeg => ("image/jpeg", "jpg"),
        _ => return None,
    };
    let hash: String = Sha1::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    Some((format!("{hash}.{extension}"), Shelved { bytes: bytes.into(), kind }))
}
