//! Reading the media files a pack names. Each must be in the pack's folder (no `..`, no
//! absolute path, no link that points out), be the kind of file its name says, and fit: a
//! picture by its dimensions, read from its header without decoding it (a small file can
//! decode to a gigantic image), a sound by its length. A question whose media fails is left
//! out with a problem that says where and what to do; the rest of the pack plays.

use std::io::{BufReader, Read, Seek, SeekFrom};

use image::{ImageFormat, ImageReader, Limits};

use super::format::{Pack, Question};
use super::home::{MediaHome, ReadSeek};
use super::line_index::Source;
use super::media::{
    MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_SOUND_BYTES, MAX_SOUND_SECONDS, MediaKind, MediaRef,
    Picture, form_problem,
};
use super::problem::Problem;
use super::spans::{self, Step};

/// How closely media files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Depth {
    /// Headers only (the game at start-up): pictures are decoded when shown, not all at once.
    #[default]
    Headers,
    /// Every byte decoded (`bigtuna validate`): a damaged or cut-short file is found too.
    Decode,
}

impl Question {
    /// The media files this question names, in field order.
    pub fn media(&self) -> Vec<MediaRef<'_>> {
        fn picture<'q>(field: &'static str, p: &'q Option<Picture>) -> Option<MediaRef<'q>> {
            p.as_ref().map(|p| MediaRef { field, kind: MediaKind::Image, file: &p.file, alt: &p.alt })
        }
        let sound = self.sound.as_ref().map(|s| MediaRef {
            field: "sound",
            kind: MediaKind::Sound,
            file: &s.file,
            alt: &s.alt,
        });
        [picture("image", &self.image), sound, picture("reveal_image", &self.reveal_image)]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// Checks the media of every question of `pack`, read from `home` (a pack with no home can
/// only have its media checked for form). Questions whose
/// media fail are taken out of the pack; their problems are returned.
pub(crate) fn check_pack(pack: &mut Pack, source: &Source, home: &MediaHome, depth: Depth) -> Vec<Problem> {
    let mut failed: Vec<(usize, &'static str, String)> = Vec::new();
    for (i, question) in pack.questions.iter().enumerate() {
        for media in question.media() {
            let problem = match (form_problem(&media), home) {
                (Some(problem), _) => Some(problem),
                (None, MediaHome::Nowhere) => None,
                (None, home) => check_file(home, &media, depth).err(),
            };
            if let Some(problem) = problem {
                failed.push((i, media.field, problem));
                // One problem per question is enough to leave it out; fix and look again.
                break;
            }
        }
    }
    if failed.is_empty() {
        return Vec::new();
    }
    let root = spans::index(source.text);
    let nodes = root.as_ref().and_then(|r| r.field("questions")).map(|q| q.list_items()).unwrap_or_default();
    let problems = failed
        .iter()
        .map(|(i, field, problem)| {
            let offset = nodes.get(*i).map_or(0, |node| node.locate(&[Step::Field(field), Step::Field("file")]).start);
            // What to do comes after the last ": " (what went wrong may quote a decoder's own).
            let (what, fix) = problem.rsplit_once(": ").unwrap_or((problem, "fix it"));
            let id = &pack.questions[*i].id;
            source.problem_at(
                offset,
                format!("{what} (question `{id}`): {fix}; until then the question is left out and the rest of the pack plays"),
            )
        })
        .collect();
    let mut at = 0;
    pack.questions.retain(|_| {
        at += 1;
        !failed.iter().any(|(i, ..)| *i == at - 1)
    });
    problems
}

/// The file `media` names, checked, or what is wrong in "what: what to do" form.
pub fn check_file(home: &MediaHome, media: &MediaRef, depth: Depth) -> Result<(), String> {
    let (noun, name) = (media.kind.noun(), media.file.trim());
    let limit = if media.kind == MediaKind::Image { MAX_IMAGE_BYTES } else { MAX_SOUND_BYTES };
    let open = || home.open(name, noun, limit).map(|opened| (BufReader::new(opened.reader), opened.len));
    let (reader, len) = open()?;
    let claimed = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let result = match media.kind {
        MediaKind::Image => check_image(reader, &claimed, depth, || open().map(|(reader, _)| reader)),
        MediaKind::Sound => check_sound(reader, &claimed, depth, len),
    };
    result.map_err(|problem| format!("the {noun} `{name}` {problem}"))
}

/// What a decoder may take for one picture: the largest a pack may have, at four bytes a
/// pixel, with room for its own buffers. Everything that decodes a pack's picture uses it, so
/// a file changed after the check still cannot ask for more.
pub fn picture_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 8 + (1 << 20));
    limits
}

/// A library's error as part of a sentence: no full stop of its own.
fn said(error: &dyn std::fmt::Display) -> String {
    error.to_string().trim_end_matches('.').to_owned()
}

/// A media file as the checks read it.
type Media = BufReader<Box<dyn ReadSeek>>;

/// A picture: PNG or JPEG as its name says, no bigger than a screen can use.
fn check_image(
    file: Media,
    claimed: &str,
    depth: Depth,
    again: impl Fn() -> Result<Media, String>,
) -> Result<(), String> {
    let reader = ImageReader::new(file).with_guessed_format().map_err(|e| format!("cannot be read ({e}): check it"))?;
    let (format, name) = match reader.format() {
        Some(ImageFormat::Png) => (ImageFormat::Png, "PNG"),
        Some(ImageFormat::Jpeg) => (ImageFormat::Jpeg, "JPEG"),
        Some(other) => return Err(format!("is a {other:?} picture: save it as PNG or JPEG")),
        None => return Err("is not a picture: save a PNG or JPEG under that name".into()),
    };
    let says_png = claimed == "png";
    if says_png != (format == ImageFormat::Png) {
        let right = if format == ImageFormat::Png { "png" } else { "jpg" };
        return Err(format!("is a {name} picture, not what its name says: rename it to end in .{right}"));
    }
    let (width, height) =
        reader.into_dimensions().map_err(|e| format!("is damaged or cut short ({}): save it again", said(&e)))?;
    if width == 0 || height == 0 {
        return Err("has no pixels: save it again".into());
    }
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(format!(
            "is {width}×{height} pixels; pictures may be at most {MAX_IMAGE_SIDE} pixels a side and {} megapixels: scale it down",
            MAX_IMAGE_PIXELS / 1_000_000
        ));
    }
    if depth == Depth::Decode {
        // The "what: what to do" of a file that went away since names it already.
        let file =
            again().map_err(|problem| problem.split_once("` ").map_or(problem.clone(), |(_, p)| p.to_owned()))?;
        let mut reader = ImageReader::with_format(file, format);
        reader.limits(picture_limits());
        reader.decode().map_err(|e| format!("is damaged or cut short ({}): save it again", said(&e)))?;
    }
    Ok(())
}

/// A sound: Ogg Vorbis or WAV as its name says, no longer than [`MAX_SOUND_SECONDS`].
fn check_sound(mut file: Media, claimed: &str, depth: Depth, bytes: u64) -> Result<(), String> {
    let mut magic = [0u8; 4];
    file.read_exact(&mut magic).map_err(|_| "is empty or cut short: save it again".to_owned())?;
    file.seek(SeekFrom::Start(0)).map_err(|e| format!("cannot be read ({e}): check it"))?;
    let seconds = match (&magic, claimed) {
        (b"RIFF", "wav") => wav_seconds(file, depth)?,
        (b"OggS", "ogg") => ogg_seconds(file, depth, bytes)?,
        (b"RIFF", _) => return Err("is a WAV sound, not what its name says: rename it to end in .wav".into()),
        (b"OggS", _) => return Err("is an Ogg sound, not what its name says: rename it to end in .ogg".into()),
        _ => return Err("is not an Ogg Vorbis or WAV sound: convert it to one of those".into()),
    };
    if seconds > MAX_SOUND_SECONDS {
        return Err(format!(
            "plays {seconds:.0} seconds; sounds may play at most {MAX_SOUND_SECONDS:.0}: cut it shorter"
        ));
    }
    Ok(())
}

fn wav_seconds(file: Media, depth: Depth) -> Result<f64, String> {
    let damaged =
        |e: hound::Error| format!("is not a WAV sound the game can play ({}): save it again as 16-bit PCM", said(&e));
    let mut reader = hound::WavReader::new(file).map_err(damaged)?;
    let spec = reader.spec();
    if spec.sample_rate == 0 || spec.channels == 0 {
        return Err("says it has no channels or no samples a second: save it again".into());
    }
    let seconds = f64::from(reader.duration()) / f64::from(spec.sample_rate);
    if depth == Depth::Decode {
        let cut = |e: hound::Error| format!("is damaged or cut short ({}): save it again", said(&e));
        match spec.sample_format {
            hound::SampleFormat::Float => reader.samples::<f32>().try_for_each(|s| s.map(drop)).map_err(cut)?,
            hound::SampleFormat::Int => reader.samples::<i32>().try_for_each(|s| s.map(drop)).map_err(cut)?,
        }
    }
    Ok(seconds)
}

fn ogg_seconds(file: Media, depth: Depth, bytes: u64) -> Result<f64, String> {
    let unplayable =
        |e: lewton::VorbisError| format!("is not an Ogg Vorbis sound the game can play ({}): convert it", said(&e));
    let mut reader = lewton::inside_ogg::OggStreamReader::new(file).map_err(unplayable)?;
    let rate = reader.ident_hdr.audio_sample_rate;
    if rate == 0 {
        return Err("says it has no samples a second: save it again".into());
    }
    if depth == Depth::Decode {
        while reader
            .read_dec_packet_itl()
            .map_err(|e| format!("is damaged or cut short ({}): save it again", said(&e)))?
            .is_some()
        {}
    }
    // The last page's granule position is the stream's length in samples: read from the
    // file's end, so that a long sound is not read through to find it.
    let mut file = reader.into_inner().into_inner();
    let tail = bytes.min(64 * 1024);
    let mut end = vec![0u8; usize::try_from(tail).unwrap_or(0)];
    file.seek(SeekFrom::End(-i64::try_from(tail).unwrap_or(0)))
        .and_then(|_| file.read_exact(&mut end))
        .map_err(|e| format!("cannot be read ({e}): check it"))?;
    let samples = end
        .windows(14)
        .rev()
        .find(|w| &w[..4] == b"OggS" && w[4] == 0)
        .and_then(|w| w[6..14].try_into().ok())
        .map(u64::from_le_bytes)
        .filter(|&granule| granule != u64::MAX)
        .ok_or_else(|| "is cut short (it has no last page): save it again".to_owned())?;
    Ok(samples as f64 / f64::from(rate))
}
