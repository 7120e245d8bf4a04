//! A hundred phones on the TV, for real, under Xvfb: the join screen, the setup, a question,
//! its reveal, the standings and the podium, at 1280×720 and at 800×600 with text at 200%.
//! Each screenshot is saved to be looked at; the test checks that the game went through every
//! screen with all hundred players and that each screen's buttons were on screen.

use std::time::{Duration, Instant};

use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::{AnswerShape, Turn};
use tungstenite::Message;

use crate::screens::{XVFB, shots_dir};
use crate::support::{root, scratch_dir};

/// Names as a crowd types them: short and long, up to the 16-letter limit.
fn crowd() -> Vec<String> {
    let long = ["Dwight Schrute", "Phyllis Vance", "Stanley Hudson", "Creed Bratton", "Kelly Kapoor"];
    (0..100)
        .map(|i| if i % 3 == 0 { format!("{} {i}", long[i % long.len()]) } else { format!("P{i}") })
        .map(|name| name.chars().take(16).collect())
        .collect()
}

/// Every phone joins, then answers the first question as it opens (a third of them right,
/// for typed answers), and leaves: its seat waits for it, as a phone that sleeps. Returns how
/// many joined and how many answered.
fn join_all(port: u16) -> std::thread::JoinHandle<(usize, usize)> {
    std::thread::spawn(move || {
        let phones: Vec<_> =
            crowd().into_iter().enumerate().map(|(i, name)| std::thread::spawn(move || phone(port, i, name))).collect();
        phones
            .into_iter()
            .map(|p| p.join().unwrap_or((false, false)))
            .fold((0, 0), |(j, a), (joined, answered)| (j + usize::from(joined), a + usize::from(answered)))
    })
}

/// One phone: (joined, answered).
fn phone(port: u16, i: usize, name: String) -> (bool, bool) {
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut client = loop {
        if let Ok((client, _)) = tungstenite::connect(format!("ws://127.0.0.1:{port}/ws")) {
            break client;
        }
        if Instant::now() > deadline {
            return (false, false);
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = client.get_ref() {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    }
    let join = serde_json::json!({"type": "join", "room": "PAMS", "name": name}).to_string();
    if client.send(Message::text(join)).is_err() {
        return (false, false);
    }
    let mut joined = false;
    while let Ok(message) = client.read() {
        let Message::Text(text) = message else { continue };
        let Ok(message) = serde_json::from_str::<ServerMessage>(text.as_str()) else { continue };
        match message {
            ServerMessage::Welcome { .. } => joined = true,
            ServerMessage::Question(view) if view.turn == Turn::Answer => {
                let answer = match view.shape {
                    AnswerShape::Options => serde_json::json!({"kind": "option", "index": i % 4}),
                    AnswerShape::Typed => {
                        let text = ["Dwight", "Pam", "Andy"][i % 3];
                        serde_json::json!({"kind": "text", "text": text})
                    }
                    AnswerShape::Number => serde_json::json!({"kind": "number", "value": 2005 + i % 3}),
                    AnswerShape::Ordering => {
                        serde_json::json!({"kind": "order", "order": (0..view.choices.len()).collect::<Vec<_>>()})
                    }
                    AnswerShape::Aloud => serde_json::json!({"kind": "pass"}),
                };
                let sent = serde_json::json!({"type": "answer", "question": view.question, "answer": answer});
                return (joined, client.send(Message::text(sent.to_string())).is_ok());
            }
            _ => {}
        }
    }
    (joined, false)
}

fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    probe.local_addr().expect("its address").port()
}

/// Plays a question and opens the next, with a hundred phones seated, shooting each screen into `name`.
fn crowd_night(name: &str, size: (u32, u32), text_scale: u16) {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = free_port();
    let phones = join_all(port);
    let dir = shots_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let config = scratch_dir(&format!("{name}-config"));
    let settings = format!("(text_scale: {text_scale}, window_size: Some(({}, {})))", size.0, size.1);
    std::fs::write(config.join("settings.ron"), settings).expect("settings written");
    let mut steps: Vec<String> = ["wait:40", "sleep:9000", "wait:10", "shot:c1-join"].map(String::from).to_vec();
    // Down past every name shown to the last button (the lobby's Stream), up twice to Back, left twice to Continue; then on
    // setup down to Back and up to Start.
    steps.extend(std::iter::repeat_n("down".to_owned(), 12));
    steps.extend(["up", "up", "left", "left", "enter", "wait:8", "shot:c2-setup"].map(String::from));
    steps.extend(std::iter::repeat_n("down".to_owned(), 5 + bigtuna::game::Setting::GAME.len()));
    steps.push("up".into());
    steps.extend(["enter", "wait:10", "shot:c3-question", "f2", "wait:10", "shot:c4-reveal"].map(String::from));
    // The host ends the night at the second question (F4): the results and the podium.
    steps.extend(["enter", "wait:60", "shot:c5-standings", "enter", "wait:10", "f4", "wait:60"].map(String::from));
    steps.push("shot:c6-podium".into());
    let port_text = port.to_string();
    let screen = format!("-screen 0 {}x{}x24", size.0, size.1);
    let saves = tempfile::tempdir().expect("a scratch folder");
    let output = std::process::Command::new("xvfb-run")
        .args(["-a", "-s", &screen, env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--phones", "--loopback", "--port", &port_text, "--seed", "5", "--count", "5", "--timer", "off"])
        .args(["--script", &steps.join(","), "--screenshot-dir", dir.to_str().expect("utf-8 path")])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", &config)
        .env("BIGTUNA_GAMES", scratch_dir(&format!("{name}-games")))
        .env("BIGTUNA_SAVES", saves.path())
        .env("BIGTUNA_ROOM", "PAMS")
        .output()
        .expect("xvfb-run runs (the README's test command installs it)");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the game failed under Xvfb:\n{log}");
    let (joined, answered) = phones.join().expect("the phones' thread");
    assert_eq!((joined, answered), (100, 100), "every phone joined and answered");
    // The hundred phones are the hundred players: none of them, however early it came, made
    // the game's lone "Player 1" a keyboard player.
    assert!(log.contains("took seat 100 with Phone(99)"), "a hundred seats:\n{log}");
    assert!(!log.contains("took seat 101"), "nobody else was seated:\n{log}");
    assert!(log.contains("round 1 of 5"), "the first question was played:\n{log}");
    assert!(log.contains("host: EndEarly during question 2"), "the host ended the night at the second:\n{log}");
    for shot in ["c1-join", "c2-setup", "c3-question", "c4-reveal", "c5-standings", "c6-podium"] {
        let path = dir.join(format!("{shot}.png"));
        assert!(path.exists(), "{shot} was taken:\n{log}");
    }
}

#[test]
fn a_hundred_phones_fit_every_screen_at_1280x720() {
    crowd_night("crowd-1280", (1280, 720), 100);
}

#[test]
fn a_hundred_phones_fit_every_screen_at_800x600_with_text_at_200_percent() {
    crowd_night("crowd-800", (800, 600), 200);
}
