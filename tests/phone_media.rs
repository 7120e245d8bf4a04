//! Pictures on the phones, through 127.0.0.1 as a phone gets them: the open question's picture
//! under a name made of its bytes (nothing of the file's name, so nothing of the answer),
//! served with its type and cached for good; no other question's picture, no file, nothing
//! else; the reveal's picture (the answer) only once the answer is out; and only words where
//! the host keeps pictures on the TV.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

use bigtuna::game::{FlowCommand, GameSettings, Phase, PlayMode, TimerChoice};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::views::{QuestionView, Turn};
use bigtuna::pack::PackLibrary;

use crate::phone_games::{join, question_for, reveal_for};
use crate::phones::server;
use crate::support::{command, headless, phase, scratch_dir, start};

/// The name the game serves `bytes` of a PNG under: its SHA-1.
fn hashed(bytes: &[u8]) -> String {
    use sha1::Digest;
    let hash: String = sha1::Sha1::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    format!("/media/{hash}.png")
}

/// Five picture questions in `dir`, each with its own picture (`pic-N.png`) and reveal picture
/// (`answer-N.png`, after them in the list).
fn picture_pack(dir: &Path) -> Vec<Vec<u8>> {
    std::fs::create_dir_all(dir.join("media")).expect("folder");
    let mut pictures = Vec::new();
    let mut questions = String::new();
    for n in 0..5u8 {
        let image = image::RgbImage::from_pixel(32, 24, image::Rgb([n * 40, 100, 200]));
        let path = dir.join(format!("media/pic-{n}-scranton.png"));
        image.save(&path).expect("png");
        pictures.push(std::fs::read(&path).expect("read"));
        let answer = image::RgbImage::from_pixel(48, 30, image::Rgb([200, n * 40, 90]));
        answer.save(dir.join(format!("media/answer-{n}-scranton.png"))).expect("png");
        questions.push_str(&format!(
            "        (id: \"q{n}\", prompt: \"Which city? ({n})\", difficulty: Easy, category: \"Career\", explanation: \"It is.\", source: \"test\",\n         answer: MultipleChoice(correct: \"Scranton\", wrong: [\"Utica\", \"Nashua\", \"Stamford\"]),\n         image: (file: \"media/pic-{n}-scranton.png\", alt: \"A map, one city marked\"),\n         reveal_image: (file: \"media/answer-{n}-scranton.png\", alt: \"The map, Scranton named\")),\n"
        ));
    }
    let text = format!("Pack(id: \"pictures\", title: \"Pictures\", questions: [\n{questions}])\n");
    std::fs::write(dir.join("pictures.ron"), text).expect("pack");
    for n in 0..5u8 {
        pictures.push(std::fs::read(dir.join(format!("media/answer-{n}-scranton.png"))).expect("read"));
    }
    pictures
}

/// One HTTP GET through 127.0.0.1: the status line, the headers (lowercase) and the body.
fn get(addr: SocketAddr, path: &str) -> (String, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: tv\r\nConnection: close\r\n\r\n").as_bytes()).expect("sent");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a head");
    let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
    let status = head.lines().next().unwrap_or_default().to_owned();
    (status, head, response[split + 4..].to_vec())
}

/// A phone night of the picture pack, not started; the server's address and the pictures.
fn room(on_phones: bool, name: &str) -> (bevy::prelude::App, SocketAddr, Vec<Vec<u8>>) {
    let dir = scratch_dir(&format!("phone-media-{name}"));
    let pictures = picture_pack(&dir);
    let library = PackLibrary::load_paths(std::slice::from_ref(&dir));
    assert!(library.problems().next().is_none(), "{:?}", library.problems().collect::<Vec<_>>());
    let settings = GameSettings {
        questions: 5,
        seed: Some(5),
        timer: TimerChoice::Off,
        mode: PlayMode::Everyone,
        players: Vec::new(),
        pictures_on_phones: on_phones,
        ..GameSettings::default()
    };
    let server = server();
    let addr = server.addr();
    let mut app = headless(library, settings);
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(PhoneLink(server));
    (app, addr, pictures)
}

/// A phone night of the picture pack; the phone, the server's address and the pictures.
fn night(on_phones: bool, name: &str) -> (bevy::prelude::App, crate::phones::Client, SocketAddr, Vec<Vec<u8>>) {
    let (mut app, addr, pictures) = room(on_phones, name);
    let phone = join(&mut app, addr, "Ann");
    start(&mut app);
    (app, phone, addr, pictures)
}

fn src(view: &QuestionView) -> String {
    let picture = view.picture.as_ref().expect("the question's picture");
    assert_eq!(picture.alt, "A map, one city marked");
    picture.src.clone().expect("a picture to fetch")
}

#[test]
fn a_phone_gets_the_open_questions_picture_by_a_name_that_tells_nothing_and_nothing_else() {
    let (mut app, mut phone, addr, pictures) = night(true, "served");
    let first = question_for(&mut phone, 0, Turn::Answer);
    let name = src(&first);
    assert!(name.starts_with("/media/") && name.ends_with(".png") && name.len() == "/media/".len() + 40 + 4, "{name}");
    assert!(!name.contains("scranton") && !name.contains("pic"), "{name}");
    let (status, head, body) = get(addr, &name);
    assert!(status.contains("200"), "{status}");
    assert!(
        head.contains("content-type: image/png") && head.contains("immutable") && head.contains("nosniff"),
        "{head}"
    );
    assert!(pictures.contains(&body), "the picture's own bytes: {head}\n{} bytes", body.len());
    // Nothing else: not the file by its name, not the pack, not a path out.
    for path in [
        "/media/pic-0-scranton.png",
        "/media/media/pic-0-scranton.png",
        "/media/..%2Fpictures.ron",
        "/media/",
        "/pictures.ron",
    ] {
        let (status, _, body) = get(addr, path);
        assert!(status.contains("404"), "{path}: {status}");
        assert!(!pictures.contains(&body));
    }
    // The answer's picture is not served while the question is open, by any name.
    let reveals: Vec<String> = pictures[5..].iter().map(|bytes| hashed(bytes)).collect();
    for reveal in &reveals {
        assert!(get(addr, reveal).0.contains("404"), "{reveal} served before its reveal");
    }
    command(&mut app, FlowCommand::CloseQuestion);
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let result = reveal_for(&mut phone, 0);
    let picture = result.picture.expect("the reveal's picture");
    assert_eq!(picture.alt, "The map, Scranton named");
    let reveal = picture.src.expect("a reveal picture to fetch");
    assert!(reveals.contains(&reveal), "{reveal}");
    let (status, _, body) = get(addr, &reveal);
    assert!(status.contains("200") && pictures[5..].contains(&body), "{status}");
    assert!(get(addr, &name).0.contains("200"), "the question's picture stays up at its reveal");
    // The next question's picture cannot be fetched before it opens; then the first's is gone.
    command(&mut app, FlowCommand::Continue);
    if phase(&app) == Some(Phase::Standings) {
        command(&mut app, FlowCommand::Continue);
    }
    let second = src(&question_for(&mut phone, 1, Turn::Answer));
    assert_ne!(second, name);
    assert!(get(addr, &second).0.contains("200"));
    assert!(get(addr, &name).0.contains("404"), "the closed question's picture is off the shelf");
    assert!(get(addr, &reveal).0.contains("404"), "and so is its reveal's");
}

#[test]
fn where_the_host_keeps_pictures_on_the_tv_phones_get_their_words() {
    let (mut app, mut phone, _addr, _) = night(false, "words");
    let view = question_for(&mut phone, 0, Turn::Answer);
    let picture = view.picture.expect("the picture's words");
    assert_eq!((picture.src, picture.alt.as_str()), (None, "A map, one city marked"));
    command(&mut app, FlowCommand::CloseQuestion);
    let picture = reveal_for(&mut phone, 0).picture.expect("the reveal picture's words");
    assert_eq!((picture.src, picture.alt.as_str()), (None, "The map, Scranton named"));
}

#[test]
fn the_phone_page_shows_the_picture_and_the_reveals_in_chromium() {
    let (mut app, addr, _) = room(true, "chromium");
    let dir = crate::screens::shots_dir().join("phone-picture");
    let url = format!("http://{addr}/?room=TUNA");
    let (mut browser, heard) = crate::support::browser_script("picture.js", &[&url, "Pam"], &dir);
    let mut said: Vec<String> = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    while std::time::Instant::now() < deadline
        && !said.iter().any(|l| l == "done" || l.starts_with("failed") || l.starts_with("console"))
    {
        app.update();
        std::thread::sleep(Duration::from_millis(10));
        said.extend(heard.try_iter());
        if said.iter().any(|l| l == "joined") && crate::support::screen(&app) != bigtuna::game::Screen::Playing {
            start(&mut app);
        }
        if said.iter().any(|l| l.starts_with("picture ")) && phase(&app) == Some(Phase::Question) {
            command(&mut app, FlowCommand::CloseQuestion);
        }
    }
    let _ = browser.wait();
    assert_eq!(said.last().map(String::as_str), Some("done"), "{said:?}");
    let picture = said.iter().find(|l| l.starts_with("picture ")).expect("the picture was shown");
    // Its own 32×24 pixels, by a name of its bytes, filling the phone's width, with its words.
    let parts: Vec<&str> = picture.splitn(5, ' ').collect();
    assert_eq!(parts[1], "32x24", "{picture}");
    assert!(parts[2].starts_with("/media/") && !parts[2].contains("scranton"), "{picture}");
    let width: u32 = parts[3].parse().expect("a width");
    assert!((200..=360).contains(&width), "{picture}");
    assert_eq!(parts[4], "A map, one city marked", "{picture}");
    assert!(dir.join("phone-picture.png").exists());
    let reveal = said.iter().find(|l| l.starts_with("reveal ")).expect("the reveal picture was shown");
    let parts: Vec<&str> = reveal.splitn(5, ' ').collect();
    assert_eq!(parts[1], "48x30", "{reveal}");
    assert!(parts[2].starts_with("/media/") && !parts[2].contains("answer"), "{reveal}");
    assert_eq!(parts[4], "The map, Scranton named", "{reveal}");
    assert!(dir.join("phone-reveal-picture.png").exists());
}
