//! The TV with phones on, in a real window under Xvfb: `bigtuna play --phones` opens on the
//! lobby with the join address, its QR code and the room code; a phone (a WebSocket client
//! here, on 127.0.0.1) joins and appears beside a keyboard player, then answers the first
//! question, and the game's log shows the phone's answer judged.

use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::AnswerShape;
use tungstenite::Message;

use crate::screens::{XVFB, shots_dir, text_pixel_share};
use crate::support::scratch_dir;

/// A port free on loopback now (the game takes it a moment later).
pub(crate) fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    probe.local_addr().expect("its address").port()
}

/// A phone that keeps trying until the game listens, joins as `name` (who has seen seasons
/// 1 to 2), answers the first question, and returns everything the game sent it.
fn phone(port: u16, name: &'static str) -> std::thread::JoinHandle<Vec<ServerMessage>> {
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut client = loop {
            if let Ok((client, _)) = tungstenite::connect(format!("ws://127.0.0.1:{port}/ws")) {
                break client;
            }
            assert!(Instant::now() < deadline, "the game never listened on {port}");
            std::thread::sleep(Duration::from_millis(200));
        };
        if let tungstenite::stream::MaybeTlsStream::Plain(stream) = client.get_ref() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        }
        // The room code is on the TV (and in the QR code's address); the test fixed it.
        let room = "PAMS";
        let join = format!(r#"{{"type":"join","room":"{room}","name":"{name}","seasons":2,"handicap":"more_time"}}"#);
        client.send(Message::text(join)).expect("join sent");
        let mut heard = Vec::new();
        while let Ok(Message::Text(text)) = client.read() {
            let Ok(message) = serde_json::from_str::<ServerMessage>(text.as_str()) else { continue };
            if let ServerMessage::Question(view) = &message {
                let answer = match view.shape {
                    AnswerShape::Options => r#"{"kind":"option","index":0}"#.to_owned(),
                    AnswerShape::Typed => r#"{"kind":"text","text":"Scranton"}"#.to_owned(),
                    AnswerShape::Number => r#"{"kind":"number","value":2005}"#.to_owned(),
                    AnswerShape::Ordering => {
                        format!(r#"{{"kind":"order","order":{:?}}}"#, (0..view.choices.len()).collect::<Vec<_>>())
                    }
                    AnswerShape::Aloud => r#"{"kind":"pass"}"#.to_owned(),
                };
                if view.turn == bigtuna::net::views::Turn::Answer {
                    let sent = format!(r#"{{"type":"answer","question":{},"answer":{answer}}}"#, view.question);
                    client.send(Message::text(sent)).expect("answer sent");
                }
            }
            let done = matches!(message, ServerMessage::Reveal(_));
            heard.push(message);
            if done {
                break;
            }
        }
        heard
    })
}

#[test]
fn the_tv_lobby_shows_how_to_join_and_a_phone_plays_beside_a_keyboard() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = free_port();
    let pam = phone(port, "Pam");
    // Player 2 (keys) steps their handicap twice, to twice the time, by keys alone.
    let steps = [
        "wait:40",
        "sleep:4000",
        "1",
        "wait:5",
        "down",
        "right",
        "right",
        "enter",
        "enter",
        "left",
        "left",
        "wait:3",
        "shot:t0-lobby",
        "down",
        "enter",
        "wait:5",
    ]
    .map(String::from)
    .into_iter()
    .chain(std::iter::repeat_n("down".to_owned(), 3 + bigtuna::game::Setting::GAME.len()))
    .chain(
        [
            "enter",
            "wait:8",
            "sleep:3000",
            "wait:4",
            "shot:t1-question",
            "f1",
            "wait:5",
            "shot:t1-host",
            "f1",
            "wait:3",
            "f2",
            "wait:8",
            "sleep:1000",
            "shot:t2-reveal",
        ]
        .map(String::from),
    )
    .collect::<Vec<_>>();
    let dir = shots_dir().join("phones-lobby");
    let config = scratch_dir("phones-lobby-config");
    let port_text = port.to_string();
    let args = ["--phones", "--loopback", "--port", &port_text, "--seed", "5", "--count", "5", "--timer", "off"];
    let (names, log) = crate::screens::run_script_with(
        &steps.join(","),
        &dir,
        &config,
        &args,
        &[("BIGTUNA_ROOM", std::path::Path::new("PAMS"))],
    );
    let heard = pam.join().expect("the phone's thread");
    assert!(log.contains(&format!("phones join at http://127.0.0.1:{port}/?room=")), "{log}");
    assert!(
        log.contains("Pam took seat 1 with Phone(0), seen seasons 1-2, handicap ×1.5 time"),
        "the phone joined in the lobby, with its limit and handicap:\n{log}"
    );
    let keys = crate::screens::seated(&log, 2);
    assert!(log.contains(&format!("{keys} took seat 2 with Keys(0)")), "beside a keyboard row:\n{log}");
    assert!(log.contains(&format!("{keys}'s handicap: ×2 time")), "keys reached and stepped the handicap:\n{log}");
    assert!(log.contains("): Pam answered"), "the game judged the phone's answer:\n{log}");
    assert!(heard.iter().any(|m| matches!(m, ServerMessage::Seated { name, .. } if name == "Pam")), "{heard:?}");
    assert!(heard.iter().any(|m| matches!(m, ServerMessage::Reveal(_))), "the phone heard the reveal: {heard:?}");
    // The QR code on the TV, read back from the screenshot as a phone's camera would.
    let scanned = std::process::Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(dir.join("t0-lobby.png"))
        .output()
        .expect("zbarimg runs (the README's test command installs zbar-tools)");
    let scanned = String::from_utf8_lossy(&scanned.stdout);
    assert_eq!(scanned.trim(), format!("http://127.0.0.1:{port}/?room=PAMS"), "the QR code holds the join address");
    for name in ["t0-lobby.png", "t1-question.png", "t1-host.png", "t2-reveal.png"] {
        assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        assert!(text_pixel_share(&dir.join(name)) > 0.004, "{name} shows something");
    }
}

/// Ends the game (xvfb-run, Xvfb and the game: one process group) however the test ends.
pub(crate) struct Stop(pub(crate) u32);

impl Drop for Stop {
    fn drop(&mut self) {
        // `--`: procps' kill reads a bare "-PID" as an option.
        let _ = std::process::Command::new("kill").args(["-s", "KILL", "--", &format!("-{}", self.0)]).status();
    }
}

/// Joins as `name` and returns how long the TV took to seat the phone.
fn seated_after(port: u16, name: &str) -> Duration {
    let (mut client, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}/ws")).expect("the game listens");
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = client.get_ref() {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(90)));
    }
    let sent = Instant::now();
    client.send(Message::text(format!(r#"{{"type":"join","room":"PAMS","name":"{name}"}}"#))).expect("join sent");
    loop {
        match client.read() {
            Ok(Message::Text(text)) => {
                if let Ok(ServerMessage::Seated { name: seated, .. }) = serde_json::from_str(text.as_str()) {
                    assert_eq!(seated, name);
                    return sent.elapsed();
                }
            }
            Ok(_) => {}
            Err(error) => panic!("{name} was never seated: {error}"),
        }
    }
}

#[test]
fn a_phone_joining_an_idle_unfocused_tv_is_seated_at_once() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = free_port();
    let saves = tempfile::tempdir().expect("a scratch folder");
    // The log goes to a file: a pipe nobody reads while the game runs would fill and stall it.
    let log_path = saves.path().join("game.log");
    let log_file = std::fs::File::create(&log_path).expect("a log file");
    // As a host starts it: no script, so the window waits for input (and never has focus).
    let mut game = std::process::Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--phones", "--loopback", "--port", &port.to_string()])
        .current_dir(crate::support::root())
        .env("BIGTUNA_CONFIG", scratch_dir("idle-tv-config"))
        .env("BIGTUNA_GAMES", scratch_dir("idle-tv-games"))
        .env("BIGTUNA_SAVES", saves.path())
        .env("BIGTUNA_ROOM", "PAMS")
        .stderr(log_file)
        .process_group(0)
        .spawn()
        .expect("xvfb-run runs (the README's test command installs it)");
    let stop = Stop(game.id());
    let deadline = Instant::now() + Duration::from_secs(90);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the game never listened on {port}");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The TV has nothing to do, and sleeps.
    std::thread::sleep(Duration::from_secs(4));
    let pam = seated_after(port, "Pam");
    std::thread::sleep(Duration::from_secs(3));
    let jim = seated_after(port, "Jim");
    drop(stop);
    let _ = game.wait();
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(log.contains("Pam took seat 1 with Phone(0)") && log.contains("Jim took seat 2 with Phone(1)"), "{log}");
    for (name, took) in [("Pam", pam), ("Jim", jim)] {
        assert!(took < Duration::from_millis(200), "{name} was seated after {took:?}\n{log}");
    }
}
