//! Streamer mode: the overlay's view over the wire (the question and the standings, and the
//! answer only once revealed; nothing of the room's codes), and as people see it (the TV hides
//! its room code until F5; the overlay page at 1920×1080 in Chromium holds the reveal).

use std::time::{Duration, Instant};

use bigtuna::game::{FlowCommand, GameSettings};
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::views::Stage;

use crate::phone_games::{Night, connect_to, phone_night, pump};
use crate::phones::{error_code, reply, say};
use crate::support::*;

#[test]
fn the_overlay_shows_the_question_and_standings_and_the_answer_only_once_revealed() {
    let settings = GameSettings { overlay_delay: 4, ..settings(2, 4, 3) };
    let Night { mut app, phones: _phones, addr } = phone_night(&["Ann", "Bo"], settings);
    let mut overlay = connect_to(addr);
    overlay.send(tungstenite::Message::text(r#"{"type":"overlay"}"#)).expect("sent");
    let mut heard = vec![reply(&mut overlay)];
    let answer = r#"{"type":"answer","question":0,"answer":{"kind":"pass"}}"#;
    assert_eq!(error_code(&say(&mut overlay, answer)), ErrorCode::NotAPlayer, "an overlay plays nothing");
    let join = r#"{"type":"join","room":"TUNA","name":"Eve","version":3}"#;
    assert_eq!(error_code(&say(&mut overlay, join)), ErrorCode::NotAPlayer, "nor joins as anyone");
    let key = bigtuna::words::answer_text(game(&app).question().expect("a question open"));
    command(&mut app, FlowCommand::CloseQuestion);
    pump(&mut app, |app| phase(app) == Some(bigtuna::game::Phase::Reveal));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !heard.iter().any(|m| matches!(m, ServerMessage::Overlay(v) if v.stage == Stage::Reveal)) {
        assert!(Instant::now() < deadline, "the overlay never heard the reveal: {heard:?}");
        app.update();
        heard.push(reply(&mut overlay));
    }
    let views: Vec<_> =
        heard.iter().filter_map(|m| if let ServerMessage::Overlay(v) = m { Some(v) } else { None }).collect();
    for view in &views {
        let shown = serde_json::to_string(view).expect("json");
        assert!(!shown.contains("TUNA") && !shown.contains("secret"), "nothing of the room's codes: {shown}");
        if view.stage == Stage::Question {
            assert_eq!(view.answer, None, "no answer before its reveal: {shown}");
            assert_eq!(view.question.as_ref().map(|q| q.question), Some(0), "{shown}");
        }
    }
    let revealed = views.last().expect("a view");
    assert_eq!(revealed.answer.as_deref(), Some(key.as_str()));
    assert_eq!(revealed.delay, 4, "the page holds the reveal as long as the host set");
    let names: Vec<&str> = revealed.standings.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(revealed.standings.windows(2).all(|w| w[0].score >= w[1].score), "best first");
}

#[test]
fn streamer_mode_hides_the_code_until_f5_and_the_overlay_page_holds_each_reveal() {
    let _turn = crate::screens::XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = crate::phone_screens::free_port();
    let page_dir = crate::screens::shots_dir().join("overlay-page");
    let url = format!("http://127.0.0.1:{port}/overlay");
    let browser = browser_when_listening(port, "overlay.js", url, page_dir);
    let steps = [
        "wait:40",
        "sleep:2000",
        "1",
        "q",
        "wait:10",
        "shot:s0-hidden",
        "f5",
        "wait:10",
        "shot:s1-shown",
        "click:Continue button",
        "wait:10",
        "click:Start button",
        "wait:20",
        "sleep:8000",
        "shot:s2-question",
        "f2",
        "wait:10",
        "sleep:8000",
        "shot:s3-reveal",
    ];
    let tv_dir = crate::screens::shots_dir().join("streamer-tv");
    let port_text = port.to_string();
    let args = ["--phones", "--loopback", "--port", &port_text, "--streamer", "--overlay-delay", "3"];
    let args = [&args[..], &["--seed", "5", "--count", "5", "--timer", "off"]].concat();
    let env = [("BIGTUNA_ROOM", std::path::Path::new("PAMS"))];
    let (names, log) =
        crate::screens::run_script_with(&steps.join(","), &tv_dir, &scratch_dir("streamer-config"), &args, &env);
    let said = browser.join().expect("the browser's thread");
    let shown = |shot: &str| log.lines().find(|l| l.contains(&format!("shot {shot} shows:"))).unwrap_or_default();
    assert!(shown("s0-hidden").contains("Streamer mode") && !shown("s0-hidden").contains("PAMS"), "{log}");
    assert!(shown("s0-hidden").contains(&format!("localhost:{port}/overlay")), "where the overlay is: {log}");
    assert!(shown("s1-shown").contains("PAMS"), "F5 shows the code: {log}");
    assert!(!shown("s2-question").contains("PAMS") && !shown("s2-question").contains("Join on your phone"), "{log}");
    let line = |prefix: &str| said.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or_default().to_owned();
    let (prompt, hidden) =
        line("question ").split_once('|').map(|(a, b)| (a.to_owned(), b.to_owned())).unwrap_or_default();
    assert!(!prompt.is_empty() && shown("s2-question").contains(&prompt), "the TV's question: {said}");
    assert_eq!(hidden, "true", "no answer while the question is open: {said}");
    let (answer, held) = line("answer ").split_once('|').map(|(a, b)| (a.to_owned(), b.to_owned())).unwrap_or_default();
    assert!(answer.starts_with("Answer: "), "{said}");
    let held: i64 = held.trim_start_matches("held ").parse().unwrap_or(-1);
    assert!(held >= 2900, "the page held the reveal the host's 3 seconds, not {held} ms: {said}");
    let (first, second) = (crate::screens::seated(&log, 1), crate::screens::seated(&log, 2));
    assert!(line("board ").contains(&first) && line("board ").contains(&second), "{first}, {second}: {said}");
    assert!(said.contains("problems 0"), "{said}");
    for name in ["s0-hidden.png", "s1-shown.png", "s2-question.png", "s3-reveal.png"] {
        assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
    }
}

/// A streaming overlay's view, as a spy in `phone_room` checks it: an answer only with the
/// stage past its question, and only of a question the overlay was shown open (`shown`);
/// the reveals it showed go in `overlaid`.
pub(crate) fn overlay_seen(
    app: &bevy::prelude::App,
    view: &bigtuna::net::overlay_view::OverlayView,
    text: &str,
    (shown, overlaid): (&mut std::collections::BTreeSet<usize>, &mut std::collections::BTreeSet<usize>),
) {
    let Some(question) = view.question.as_ref().map(|q| q.question) else { return };
    match (view.stage, &view.answer) {
        (Stage::Question, None) => _ = shown.insert(question),
        (Stage::Reveal | Stage::Standings, Some(answer)) => {
            assert!(shown.contains(&question), "the overlay heard answer {question} before it was asked: {text}");
            assert_eq!(*answer, bigtuna::words::answer_text(&game(app).questions[question]), "{text}");
            overlaid.insert(question);
        }
        (stage, answer) => panic!("the overlay at {stage:?} with answer {answer:?}: {text}"),
    }
}
