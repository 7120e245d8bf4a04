//! The audience on the TV, in a real window under Xvfb: `bigtuna play --phones` with Pam on a
//! phone, a keyboard player, and six audience phones (WebSocket clients here, on 127.0.0.1)
//! that vote 4 to 2. After the reveal the TV shows what the audience said with its bars, and
//! the results its top three; the log and the game's record say the same.

use std::time::{Duration, Instant};

use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::{AnswerShape, Turn};
use tungstenite::Message;

use crate::screens::{XVFB, shots_dir, text_pixel_share};
use crate::support::scratch_dir;

const FANS: usize = 6;

/// A phone that keeps trying until the game listens, joins as `name` (in the audience, or
/// not), answers each question with the option that reads `pick` (the test pack's options
/// are the same on every question), and returns what the game sent it.
fn phone(port: u16, name: String, audience: bool, pick: &'static str) -> std::thread::JoinHandle<Vec<ServerMessage>> {
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
        let join = format!(r#"{{"type":"join","room":"PAMS","name":"{name}","version":3,"audience":{audience}}}"#);
        client.send(Message::text(join)).expect("join sent");
        let mut heard = Vec::new();
        while let Ok(Message::Text(text)) = client.read() {
            let Ok(message) = serde_json::from_str::<ServerMessage>(text.as_str()) else { continue };
            if let ServerMessage::Question(view) = &message
                && view.turn == Turn::Answer
                && view.shape == AnswerShape::Options
            {
                let index = view.choices.iter().position(|c| c == pick).unwrap_or(0);
                let sent = format!(
                    r#"{{"type":"answer","question":{},"answer":{{"kind":"option","index":{index}}}}}"#,
                    view.question
                );
                client.send(Message::text(sent)).expect("answer sent");
            }
            let over = matches!(message, ServerMessage::Over(_));
            heard.push(message);
            if over {
                break;
            }
        }
        heard
    })
}

#[test]
fn the_tv_shows_what_the_audience_said_and_its_top_three() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = crate::phone_screens::free_port();
    let pam = phone(port, "Pam".into(), false, "Nashua");
    // Four fans are right, two wrong.
    let pick = |n: usize| if n < 4 { "Stamford" } else { "Nashua" };
    let fans: Vec<_> = (0..FANS).map(|n| phone(port, format!("Fan {}", n + 1), true, pick(n))).collect();
    let reveal = ["f2", "wait:8", "sleep:1500"];
    let steps = ["wait:40", "sleep:4000", "1", "wait:5", "shot:a0-lobby", "down", "down", "enter", "wait:5"]
        .into_iter()
        .map(String::from)
        .chain(std::iter::repeat_n("down".to_owned(), 3 + bigtuna::game::Setting::GAME.len()))
        .chain(["enter", "wait:8", "sleep:3000", "wait:4", "shot:a1-question"].map(String::from))
        .chain(reveal.map(String::from))
        .chain(["shot:a2-reveal", "enter", "wait:8", "sleep:2000", "shot:a3-next"].map(String::from))
        .chain(["enter", "wait:8", "sleep:2000", "shot:a4-next"].map(String::from))
        .chain(reveal.map(String::from))
        // The host ends the night early (F4): its record is written.
        .chain(["shot:a5-reveal", "f4", "wait:60", "sleep:1000", "shot:a6-results"].map(String::from))
        .collect::<Vec<_>>();
    let dir = shots_dir().join("audience");
    let (config, games) = (scratch_dir("audience-config"), scratch_dir("audience-games"));
    // Options questions only: the audience's bars.
    let pack = scratch_dir("audience-pack").join("audience.ron");
    let questions: String = (0..5).map(|i| crate::support::mc(&format!("aud-{i}"))).collect();
    std::fs::write(&pack, crate::support::pack_text("audience", &questions)).expect("the pack written");
    let port_text = port.to_string();
    let pack_text = pack.to_string_lossy().into_owned();
    let args = ["--phones", "--loopback", "--port", &port_text, "--seed", "5", "--count", "5", "--timer", "off"];
    let args = [&args[..], &["--from", &pack_text, "--pack", "audience"]].concat();
    let env = [("BIGTUNA_ROOM", std::path::Path::new("PAMS")), ("BIGTUNA_GAMES", games.as_path())];
    let (names, log) = crate::screens::run_script_with(&steps.join(","), &dir, &config, &args, &env);
    let heard: Vec<Vec<ServerMessage>> = fans.into_iter().map(|f| f.join().expect("a fan's thread")).collect();
    let _ = pam.join();
    assert!(log.contains("round 1: the audience: 6 of 6 answered"), "{log}");
    let (records, _) = bigtuna::cli::history::read(&games);
    let rounds: Vec<_> = records.first().map(|r| r.rounds.clone()).unwrap_or_default();
    let first = rounds.first().and_then(|r| r.audience.clone()).expect("the record keeps the audience");
    assert_eq!((first.members, first.answered, first.votes.iter().sum::<u32>()), (6, 6, 6));
    let mut votes = first.votes.clone();
    votes.sort_unstable();
    assert_eq!(votes.iter().rev().take(2).copied().collect::<Vec<_>>(), [4, 2], "{:?}", first.votes);
    assert_eq!(first.right, 4);
    assert!(log.contains(": 67% (6 of 6 answered · 4 right)"), "the TV said what the audience picked:\n{log}");
    assert!(log.contains("results: Audience top three of 6: 1st Fan"), "and its top three:\n{log}");
    for fan in &heard {
        assert!(fan.iter().any(|m| matches!(m, ServerMessage::Reveal(_))), "{fan:?}");
        assert!(fan.iter().any(|m| matches!(m, ServerMessage::Over(end) if end.audience && end.players == FANS)));
    }
    for name in ["a2-reveal.png", "a5-reveal.png", "a6-results.png"] {
        assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        assert!(text_pixel_share(&dir.join(name)) > 0.004, "{name} shows something");
    }
}
