//! Packs that travel as one `.zip` bundle: read in place with the same checks as a folder,
//! refused when unsafe or too big while the other packs play, and exported, imported and
//! installed as a user does it; a sheet's pictures and sounds travel beside it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bigtuna::pack::media_check::Depth;
use bigtuna::pack::{Pack, PackLibrary, load_pack_file, load_pack_file_with};
use zip::write::SimpleFileOptions;

use crate::pack_media::{jpeg, media_pack, ogg, png, wav, with_media};
use crate::support::{mc, pack_text, position_of, scratch_dir};

/// Zips `entries` (name, bytes) into `out`, then links (name, target).
fn zip_of(out: &Path, entries: &[(String, Vec<u8>)], links: &[(&str, &str)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).expect("create"));
    let options = SimpleFileOptions::default();
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).expect("entry");
        zip.write_all(bytes).expect("bytes");
    }
    for (name, target) in links {
        zip.add_symlink(*name, *target, options).expect("link");
    }
    zip.finish().expect("zip");
}

/// Every file under `dir` (links left out), as bundle entries named from `dir`.
fn entries_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut entries = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() {
                let name = path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                entries.push((name, std::fs::read(&path).expect("read")));
            }
        }
    }
    entries.sort();
    entries
}

fn bigtuna(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(args)
        .current_dir(dir)
        .env("BIGTUNA_CONFIG", dir.join("config"))
        .env("BIGTUNA_SAVES", dir.join("saves"))
        .env("BIGTUNA_PACKS", dir.join("packs"))
        .output()
        .expect("the binary runs")
}

fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn a_bundle_is_checked_as_its_folder_is_and_its_unsafe_entries_are_never_read() {
    let dir = scratch_dir("bundle-checks");
    let folder = dir.join("pack");
    let text = media_pack(&folder);
    let mut entries = entries_of(&folder);
    entries.push(("../escaped.png".into(), png(4, 4)));
    entries.push(("~etc/escaped.png".into(), png(4, 4)));
    let bundle = dir.join("media.zip");
    zip_of(&bundle, &entries, &[("media/link.png", "../../outside.png")]);
    // Zip writers make names relative; a hostile one need not. Same length, so only the name
    // changes, in both its headers.
    let bytes = std::fs::read(&bundle).expect("read");
    let hostile = bytes.windows(5).map(|w| w == b"~etc/").collect::<Vec<_>>();
    let mut bytes = bytes;
    for (at, _) in hostile.iter().enumerate().filter(|(_, found)| **found) {
        bytes[at] = b'/';
    }
    std::fs::write(&bundle, bytes).expect("write");

    let from_folder = load_pack_file_with(&folder.join("pack.ron"), Depth::Decode).expect("folder pack");
    let from_bundle = load_pack_file_with(&bundle, Depth::Decode).expect("bundle pack");
    assert_eq!(from_bundle.questions, from_folder.questions, "the same questions play");
    let shown = format!("{}:pack.ron", bundle.display());
    assert_eq!(from_bundle.origin.file, shown);
    let said: Vec<String> = from_bundle.origin.left_out.iter().map(ToString::to_string).collect();
    // The bundle's two entries that leave it, then each question left out, as in the folder.
    assert_eq!(said.len(), 2 + from_folder.origin.left_out.len(), "{said:#?}");
    for name in ["../escaped.png", "/etc/escaped.png"] {
        assert!(
            said.iter().any(|s| s.contains(&format!("the bundle's entry `{name}` names a place outside the bundle"))),
            "{said:#?}"
        );
    }
    for (id, file, what) in [
        ("missing", "media/not-there.png", "is not in the bundle"),
        ("link", "media/link.png", "is a link in the bundle (question `link`): put the file itself in the bundle"),
        ("bomb", "media/bomb.png", "is 100000×100000 pixels"),
        ("cut-png", "media/cut.png", "is damaged or cut short"),
        ("long", "media/long.ogg", "plays 61 seconds"),
    ] {
        let (line, col) = position_of(&text, &format!("\"{file}\""));
        let at = format!("{shown}:{line}:{col}: error: ");
        assert!(
            said.iter().any(|s| s.starts_with(&at) && s.contains(what) && s.contains(&format!("(question `{id}`)"))),
            "{id}: nothing at {at} saying {what}: {said:#?}"
        );
    }
    // `validate` says so, counting the questions (not the bundle's own problems) once each.
    let output = bigtuna(&dir, &["validate", "media.zip"]);
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{printed}");
    let summary = printed.lines().last().unwrap_or_default();
    assert_eq!(summary, format!("1 pack, 16 questions: 1 pack with {} errors", said.len()), "{printed}");
    // Nothing was unpacked anywhere.
    assert!(!dir.join("escaped.png").exists() && !folder.join("escaped.png").exists());
}

#[test]
fn a_bundle_too_big_too_full_or_not_a_bundle_is_refused_and_the_other_packs_play() {
    let dir = scratch_dir("bundle-limits");
    std::fs::write(dir.join("good.ron"), pack_text("good", &mc("1"))).expect("write");
    let pack = pack_text("zipped", &mc("1")).into_bytes();
    let many: Vec<(String, Vec<u8>)> = std::iter::once(("zipped.ron".to_owned(), pack.clone()))
        .chain((0..4100).map(|i| (format!("media/{i}.png"), Vec::new())))
        .collect();
    zip_of(&dir.join("many.zip"), &many, &[]);
    // A few bytes whose directory says they unpack to 4 GiB: refused before anything is read.
    let inflated = dir.join("inflated.zip");
    zip_of(&inflated, &[("zipped.ron".into(), pack.clone()), ("media/huge.png".into(), vec![0; 10])], &[]);
    let mut bytes = std::fs::read(&inflated).expect("read");
    let at = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").expect("central directory entry");
    bytes[at + 24..at + 28].copy_from_slice(&0xFFFF_0000u32.to_le_bytes());
    std::fs::write(&inflated, bytes).expect("write");
    std::fs::write(dir.join("text.zip"), "this is not a zip file").expect("write");
    zip_of(&dir.join("empty.zip"), &[("readme.txt".into(), b"no pack here".to_vec())], &[]);

    let library = PackLibrary::load_paths(std::slice::from_ref(&dir));
    let ids: Vec<&str> = library.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["good"], "{:#?}", library.skipped);
    let said_of = |name: &str| {
        let file = dir.join(name).display().to_string();
        let skipped = library.skipped.iter().find(|s| s.file == file);
        skipped.map(|s| s.problems.to_string()).unwrap_or_else(|| panic!("{name} not refused: {:#?}", library.skipped))
    };
    assert!(said_of("many.zip").contains("the bundle holds 4101 files; a bundle may hold at most 4096"));
    assert!(
        said_of("inflated.zip").contains("the bundle unpacks to 4096 MiB; a bundle may unpack to at most 1024 MiB")
    );
    assert!(said_of("text.zip").contains("this is not a zip bundle the game can read"));
    assert!(said_of("empty.zip").contains("the bundle holds no pack file (`.ron`)"));
}

/// A pack with good media only, and a comment its author wrote.
fn good_pack(dir: &Path) -> (PathBuf, String) {
    let media = dir.join("media");
    std::fs::create_dir_all(&media).expect("folder");
    for (name, bytes) in
        [("map.png", png(40, 30)), ("photo.jpg", jpeg(40, 30)), ("ring.wav", wav(0.5)), ("ring.ogg", ogg("ring.ogg"))]
    {
        std::fs::write(media.join(name), bytes).expect("write");
    }
    let questions = [
        with_media(
            "pictured",
            r#"image: (file: "media/map.png", alt: "A map", credit: "Drawn for the test, CC0"),
            reveal_image: (file: "media/photo.jpg", alt: "A blue square"),"#,
        ),
        with_media("heard", r#"sound: (file: "media/ring.ogg", alt: "A phone rings", clock: AtOnce),"#),
        with_media("both", r#"image: (file: "media/map.png", alt: "A map"), sound: (file: "media/ring.wav"),"#),
        mc("plain"),
    ];
    let text = format!("// Written by hand, comments and all.\n{}", pack_text("travel", &questions.join("\n")));
    let file = dir.join("travel.ron");
    std::fs::write(&file, &text).expect("write");
    (file, text)
}

fn media_bytes(pack: &Pack, dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<String> = pack.questions.iter().flat_map(|q| q.media()).map(|m| m.file.to_owned()).collect();
    names.sort();
    names.dedup();
    names.into_iter().map(|name| (name.clone(), std::fs::read(dir.join(&name)).expect("media file"))).collect()
}

#[test]
fn a_bundle_exported_imported_and_installed_gives_the_same_pack_and_the_same_bytes() {
    let dir = scratch_dir("bundle-travel");
    let (file, text) = good_pack(&dir.join("author"));
    let original = load_pack_file(&file).expect("the pack");

    let output = bigtuna(&dir, &["export", file.to_str().expect("utf-8"), "--format", "zip", "-o", "travel.zip"]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(said(&output).contains("4 questions, 4 pictures and sounds"), "{}", said(&output));
    let bundle = std::fs::read(dir.join("travel.zip")).expect("the bundle");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bundle)).expect("a zip");
    let mut sorted: Vec<String> = archive.file_names().map(|name| name.expect("utf-8").into_owned()).collect();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "travel/media/map.png",
            "travel/media/photo.jpg",
            "travel/media/ring.ogg",
            "travel/media/ring.wav",
            "travel/travel.ron"
        ]
    );
    let mut ron = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("travel/travel.ron").expect("the pack file"), &mut ron)
        .expect("text");
    assert_eq!(ron, text, "the pack file travels as its author wrote it");
    // The same pack gives the same bundle.
    let again = bigtuna(&dir, &["export", file.to_str().expect("utf-8"), "--format", "zip", "-o", "again.zip"]);
    assert!(again.status.success(), "{}", said(&again));
    assert_eq!(std::fs::read(dir.join("again.zip")).expect("again"), bundle);

    let output = bigtuna(&dir, &["import", "zip", "travel.zip", "-o", "back/travel.ron"]);
    assert!(output.status.success(), "{}", said(&output));
    let back = load_pack_file(&dir.join("back/travel.ron")).expect("imported back");
    assert_eq!(back.questions, original.questions);
    assert_eq!(std::fs::read_to_string(dir.join("back/travel.ron")).expect("text"), text);
    assert_eq!(media_bytes(&back, &dir.join("back")), media_bytes(&original, &dir.join("author")));

    // Installed by dropping it in the packs folder; validated; played from with --from.
    std::fs::create_dir_all(dir.join("packs")).expect("packs folder");
    std::fs::copy(dir.join("travel.zip"), dir.join("packs/travel.zip")).expect("install");
    let packs = bigtuna(&dir, &["packs"]);
    assert!(said(&packs).contains("travel") && said(&packs).contains("travel.zip"), "{}", said(&packs));
    let valid = bigtuna(&dir, &["validate", "travel.zip"]);
    assert_eq!(valid.status.code(), Some(0), "{}", said(&valid));
    assert!(said(&valid).trim_end().ends_with("1 pack, 4 questions: all valid"), "{}", said(&valid));
    let library = PackLibrary::load_paths(&[dir.join("packs/travel.zip")]);
    assert_eq!(library.packs.len(), 1);
    let pack = &library.packs[0];
    let file = library.media_file(&pack.id, "media/ring.ogg").expect("its sound");
    assert_eq!(file.read("sound", 1 << 20).expect("read from the bundle"), ogg("ring.ogg"));
    // Saved over with something broken while the game runs: the last good version plays on,
    // its error told, as for a pack file.
    std::fs::write(dir.join("packs/travel.zip"), "half a download").expect("write");
    let broken = library.reloaded(PackLibrary::load_paths(&[dir.join("packs/travel.zip")]));
    assert_eq!(broken.pack("travel").map(|p| p.questions.len()), Some(4), "{:#?}", broken.skipped);
    assert!(broken.still_played(&pack.origin.file));
    assert!(broken.problems().next().is_some_and(|p| p.message.contains("not a zip bundle")));
}

#[test]
fn a_sheet_carries_its_pictures_and_sounds_beside_it_both_ways() {
    let dir = scratch_dir("bundle-sheet");
    let (file, _) = good_pack(&dir.join("author"));
    let original = load_pack_file(&file).expect("the pack");
    let output = bigtuna(&dir, &["export", file.to_str().expect("utf-8"), "--format", "csv", "-o", "sheet/travel.csv"]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(said(&output).contains("copied 4 pictures and sounds beside it"), "{}", said(&output));
    assert_eq!(media_bytes(&original, &dir.join("sheet")), media_bytes(&original, &dir.join("author")));

    let output = bigtuna(&dir, &["import", "csv", "sheet/travel.csv", "-o", "edited/travel.ron"]);
    assert!(output.status.success(), "{}", said(&output));
    let edited = load_pack_file_with(&dir.join("edited/travel.ron"), Depth::Decode).expect("imported");
    assert!(edited.origin.left_out.is_empty(), "{:#?}", edited.origin.left_out);
    assert_eq!(edited.questions, original.questions);
    assert_eq!(media_bytes(&edited, &dir.join("edited")), media_bytes(&original, &dir.join("author")));
    // A cell naming a picture outside the folder (here back into the sheet's own folder, from
    // one below it): that question is left out, and nothing is written outside the output's.
    let sheet = std::fs::read_to_string(dir.join("sheet/travel.csv")).expect("the sheet");
    std::fs::create_dir_all(dir.join("sheet/deeper")).expect("folder");
    std::fs::write(dir.join("sheet/deeper/travel.csv"), sheet.replace("media/photo.jpg", "../media/photo.jpg"))
        .expect("write");
    let output = bigtuna(&dir, &["import", "csv", "sheet/deeper/travel.csv", "-o", "out/inner/travel.ron"]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(said(&output).contains("skipped question `pictured`") && said(&output).contains(".."), "{}", said(&output));
    assert!(!dir.join("out/media").exists(), "nothing written outside out/inner: {}", said(&output));
    // A file missing beside the sheet is named; the pack is written all the same.
    std::fs::remove_file(dir.join("sheet/media/ring.wav")).expect("remove");
    let output = bigtuna(&dir, &["import", "csv", "sheet/travel.csv", "-o", "short/travel.ron"]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(said(&output).contains("not copied:") && said(&output).contains("media/ring.wav"), "{}", said(&output));
}
