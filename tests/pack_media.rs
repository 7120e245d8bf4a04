//! Pictures and sounds in packs: every bad file refused at its `file`, with what to do, while
//! the rest of the pack plays; what the game reads at start (headers) and what `validate`
//! reads (everything); and media columns through a spreadsheet and back.

use std::path::Path;

use bigtuna::pack::media_check::Depth;
use bigtuna::pack::{Pack, load_pack_file_with, spreadsheet};

use crate::support::{mc, pack_text, position_of, root, scratch_dir};

/// A PNG of `width`×`height` pixels.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("header");
    writer.write_image_data(&vec![200; (width * height * 3) as usize]).expect("pixels");
    writer.finish().expect("png");
    bytes
}

/// A PNG whose header says it is `side`×`side` pixels, followed by a tiny picture's data: a
/// few hundred bytes that would ask a decoder for gigabytes.
fn png_bomb(side: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    // The header chunk follows the 8-byte signature: length, "IHDR", width, height, .., CRC.
    bytes[16..20].copy_from_slice(&side.to_be_bytes());
    bytes[20..24].copy_from_slice(&side.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// CRC-32 as PNG chunks carry it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

pub(crate) fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([90, 120, 200]));
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Jpeg).expect("jpeg");
    bytes
}

pub(crate) fn wav(seconds: f32) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    let spec =
        hound::WavSpec { channels: 1, sample_rate: 8000, bits_per_sample: 16, sample_format: hound::SampleFormat::Int };
    let mut writer = hound::WavWriter::new(&mut bytes, spec).expect("wav");
    for i in 0..(seconds * 8000.0) as i32 {
        writer.write_sample(((i % 40) * 500 - 10_000) as i16).expect("sample");
    }
    writer.finalize().expect("wav");
    bytes.into_inner()
}

pub(crate) fn ogg(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/data/media").join(name)).expect("the Ogg fixture")
}

/// A question entry with `media` fields (RON) after its answer.
pub(crate) fn with_media(id: &str, media: &str) -> String {
    mc(id).replacen("        ),", &format!("            {media}\n        ),"), 1)
}

/// The pack's folder: every kind of file, good and bad, and the pack naming them.
pub(crate) fn media_pack(dir: &Path) -> String {
    let media = dir.join("media");
    std::fs::create_dir_all(&media).expect("folder");
    let truncated_wav = wav(1.0)[..3000].to_vec();
    let mut truncated_png = png(64, 64);
    truncated_png.truncate(truncated_png.len() - 40);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("map.png", png(40, 30)),
        ("photo.jpg", jpeg(40, 30)),
        ("ring.wav", wav(0.5)),
        ("ring.ogg", ogg("ring.ogg")),
        ("long.ogg", ogg("long.ogg")),
        ("bomb.png", png_bomb(100_000)),
        ("text.png", b"not a picture at all".to_vec()),
        ("photo-named.png", jpeg(20, 20)),
        ("ogg-named.wav", ogg("ring.ogg")),
        ("cut.png", truncated_png),
        ("cut.wav", truncated_wav),
    ];
    for (name, bytes) in files {
        std::fs::write(media.join(name), bytes).expect("write");
    }
    let outside = dir.parent().expect("parent").join(format!("{}-outside.png", dir.display()));
    std::fs::write(&outside, png(10, 10)).expect("write");
    std::os::unix::fs::symlink(&outside, media.join("link.png")).expect("symlink");
    let questions = [
        with_media(
            "good",
            r#"image: (file: "media/map.png", alt: "A map", credit: "Drawn for the test, CC0"),
            sound: (file: "media/ring.wav", alt: "A phone rings", clock: AtOnce),
            reveal_image: (file: "media/photo.jpg", alt: "A blue square"),"#,
        ),
        with_media("good-ogg", r#"sound: (file: "media/ring.ogg"),"#),
        with_media("cut-png", r#"image: (file: "media/cut.png", alt: "Cut short"),"#),
        with_media("cut-wav", r#"sound: (file: "media/cut.wav"),"#),
        with_media("missing", r#"image: (file: "media/not-there.png", alt: "Nothing"),"#),
        with_media("text", r#"image: (file: "media/text.png", alt: "Text"),"#),
        with_media("misnamed", r#"image: (file: "media/photo-named.png", alt: "A JPEG"),"#),
        with_media("misnamed-sound", r#"sound: (file: "media/ogg-named.wav"),"#),
        with_media("bomb", r#"image: (file: "media/bomb.png", alt: "Huge"),"#),
        with_media("long", r#"sound: (file: "media/long.ogg"),"#),
        with_media("up", r#"image: (file: "../up.png", alt: "Outside"),"#),
        with_media("absolute", r#"image: (file: "/etc/passwd.png", alt: "Outside"),"#),
        with_media("link", r#"reveal_image: (file: "media/link.png", alt: "A link"),"#),
        with_media("no-alt", r#"image: (file: "media/map2.png", alt: ""),"#),
        with_media("gif", r#"image: (file: "media/map.gif", alt: "A GIF"),"#),
        mc("plain"),
    ];
    let text = pack_text("media", &questions.join("\n"));
    std::fs::write(dir.join("pack.ron"), &text).expect("write");
    text
}

/// The questions loaded, and each left-out problem as `(line, col, message)`.
fn load(dir: &Path, depth: Depth) -> (Pack, Vec<(usize, usize, String)>) {
    let pack = load_pack_file_with(&dir.join("pack.ron"), depth).unwrap_or_else(|p| panic!("{p}"));
    let left_out = pack.origin.left_out.iter().map(|p| (p.line, p.col, p.message.clone())).collect();
    (pack, left_out)
}

/// What is said of question `id`, which must be at the file `file`.
fn said_of<'a>(left_out: &'a [(usize, usize, String)], text: &str, id: &str, file: &str) -> &'a str {
    let (line, col) = position_of(text, &format!("\"{file}\""));
    let found = left_out.iter().find(|(.., message)| message.contains(&format!("(question `{id}`)")));
    let (l, c, message) = found.unwrap_or_else(|| panic!("nothing said of `{id}`: {left_out:#?}"));
    assert_eq!((*l, *c), (line, col), "{message}");
    assert!(message.ends_with("until then the question is left out and the rest of the pack plays"), "{message}");
    message
}

#[test]
fn every_bad_picture_or_sound_is_refused_at_its_file_and_the_rest_of_the_pack_plays() {
    let dir = scratch_dir("pack-media");
    let text = media_pack(&dir);
    let (pack, left_out) = load(&dir, Depth::Headers);
    let ids: Vec<&str> = pack.questions.iter().map(|q| q.id.as_str()).collect();
    // Headers alone cannot see a file cut short: those two play until they are shown.
    assert_eq!(ids, ["good", "good-ogg", "cut-png", "cut-wav", "plain"], "{left_out:#?}");
    assert_eq!(left_out.len(), 11, "{left_out:#?}");
    // Each as "what (question `id`): what to do".
    let cases = [
        ("missing", "media/not-there.png", "is not there", "put it at "),
        ("text", "media/text.png", "is not a picture", "save a PNG or JPEG"),
        ("misnamed", "media/photo-named.png", "is a JPEG picture, not what its name says", "rename it to end in .jpg"),
        (
            "misnamed-sound",
            "media/ogg-named.wav",
            "is an Ogg sound, not what its name says",
            "rename it to end in .ogg",
        ),
        (
            "bomb",
            "media/bomb.png",
            "is 100000×100000 pixels; pictures may be at most 8192 pixels a side",
            "scale it down",
        ),
        ("long", "media/long.ogg", "plays 61 seconds; sounds may play at most 60", "cut it shorter"),
        ("up", "../up.png", "leaves the pack's folder (`..`)", "copy the file into the pack's folder"),
        ("absolute", "/etc/passwd.png", "is an absolute path", "write it relative to the pack file"),
        ("link", "media/link.png", "is a link to a file outside the pack's folder", "copy the file itself"),
        ("no-alt", "media/map2.png", "has no alt text", "say in `alt` what it shows"),
        ("gif", "media/map.gif", "is not a PNG or JPEG picture (.png, .jpg)", "convert it"),
    ];
    for (id, file, what, fix) in cases {
        let message = said_of(&left_out, &text, id, file);
        let (said_what, said_fix) = message.split_once(&format!(" (question `{id}`): ")).expect("what: fix");
        assert!(said_what.contains(what) && said_fix.starts_with(fix), "{id}: {message}");
    }
    let good = &pack.questions[0];
    assert_eq!(good.image.as_ref().map(|p| p.credit.as_str()), Some("Drawn for the test, CC0"));
    assert_eq!(good.sound.as_ref().map(|s| s.clock), Some(bigtuna::pack::SoundClock::AtOnce));
    // Read through, as `validate` does, the files cut short are found too.
    let (pack, left_out) = load(&dir, Depth::Decode);
    let ids: Vec<&str> = pack.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["good", "good-ogg", "plain"], "{left_out:#?}");
    assert!(said_of(&left_out, &text, "cut-png", "media/cut.png").contains("is damaged or cut short"));
    assert!(said_of(&left_out, &text, "cut-wav", "media/cut.wav").contains("is damaged or cut short"));
}

#[test]
fn validate_reads_media_through_and_reports_each_failure_as_an_error() {
    let dir = scratch_dir("pack-media-validate");
    media_pack(&dir);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(["validate", "pack.ron"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    let errors: Vec<&str> = said.lines().filter(|l| l.starts_with("pack.ron:") && l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 13, "{said}");
    assert!(said.trim_end().ends_with("1 pack, 16 questions: 1 pack with 13 errors"), "{said}");
}

#[test]
fn media_columns_go_out_to_a_sheet_and_come_back() {
    let dir = scratch_dir("pack-media-sheet");
    media_pack(&dir);
    let (pack, _) = load(&dir, Depth::Headers);
    let sheet = spreadsheet::to_csv(&pack).expect("csv");
    let header = sheet.lines().next().expect("header");
    assert!(header.contains("image,image_alt,image_credit,sound,sound_alt,sound_credit,sound_clock,reveal_image"));
    let back = spreadsheet::from_csv(&sheet).expect("read back");
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.pack.questions, pack.questions);
}
