//! The phone page in a real browser: Debian's Chromium, headless at 360×640, driven by
//! playwright-core (`tests/browser/phone.js`) through the page the game serves on a loopback
//! port, while the game runs here headless. Pam plays on the page (taken out of the party once
//! and joining again), Bo over a WebSocket; the test checks that the game received each of
//! Pam's answers as she gave them.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bigtuna::game::{Device, FlowCommand, GameSettings, Phase, PlayMode, Presented, Response, Screen, TimerChoice};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::pack::{Answer, AnswerKind};

use crate::phone_games::{answer_json, join};
use crate::phones::{say, server};
use crate::support::{builtin_library, command, game, headless, phase, right_response, root, screen};

/// Where the browser's screenshots go (looked at by people; the best are in the README).
fn shots() -> std::path::PathBuf {
    root().join("screens-out").join("phone")
}

/// What Pam's page should answer, as the test's script reads it.
fn wanted(drawn: &bigtuna::game::DrawnQuestion) -> serde_json::Value {
    match (right_response(drawn), &drawn.question.answer) {
        (Response::Option(index), _) => serde_json::json!({ "option": index }),
        (_, Answer::Typed { accept }) => serde_json::json!({ "text": accept[0] }),
        (Response::Number(value), _) => serde_json::json!({ "number": value }),
        (Response::Order(order), _) => serde_json::json!({ "order": order }),
        (other, _) => panic!("no phone answer for {other:?}"),
    }
}

#[test]
fn a_player_joins_and_plays_in_chromium() {
    let dir = shots();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let mut settings = GameSettings {
        mode: PlayMode::Everyone,
        questions: 5,
        seed: None,
        timer: TimerChoice::Off,
        kinds: vec![
            AnswerKind::MultipleChoice,
            AnswerKind::Typed,
            AnswerKind::Ordering,
            AnswerKind::Number,
            AnswerKind::TrueFalse,
        ],
        players: Vec::new(),
        ..GameSettings::default()
    };
    // A seed whose five questions ask every way a phone answers: tap, type, number, order.
    let library = builtin_library();
    let every_way = |seed: u64| {
        let Ok(drawn) = bigtuna::game::draw::draw(&library, &settings, seed) else { return false };
        let has = |f: fn(&Presented) -> bool| drawn.iter().any(|d| f(&d.presented));
        has(|p| matches!(p, Presented::Options { .. }))
            && has(|p| matches!(p, Presented::Typed))
            && has(|p| matches!(p, Presented::Number))
            && has(|p| matches!(p, Presented::Ordering { .. }))
    };
    settings.seed = (1..500).find(|seed| every_way(*seed));
    assert!(settings.seed.is_some(), "a seed draws every kind");
    let server = server();
    let addr = server.addr();
    let mut app = headless(library, settings);
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.add_plugins(bigtuna::net::departures::plugin);
    app.insert_resource(PhoneLink(server));
    let script = root().join("tests/browser/phone.js");
    // The host code, as the TV's host panel shows it, in the host page's address.
    let host_url = format!("http://{addr}/host#{}", app.world().resource::<PhoneLink>().0.host_code());
    let mut browser = Command::new("node")
        .arg(&script)
        .args([&format!("http://{addr}/?room=TUNA"), "Pam", dir.to_str().expect("utf-8 path"), &host_url])
        .env("NODE_PATH", root().join("tests/browser/node_modules"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (the README's test command installs it, Chromium and playwright-core)");
    let (lines, heard) = mpsc::channel();
    let stdout = browser.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let mut said: Vec<String> = Vec::new();
    let mut bo = None;
    let mut opened = None;
    let mut since = Instant::now();
    let mut paused = false;
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        app.update();
        std::thread::sleep(Duration::from_millis(10));
        said.extend(heard.try_iter().inspect(|line| println!("browser: {line}")));
        if said.iter().any(|l| l == "done" || l.starts_with("failed") || l.starts_with("console")) {
            break;
        }
        if said.iter().any(|l| l == "joined") && !said.iter().any(|l| l.starts_with("removed")) {
            // Pam is in the lobby; Leave on the TV's join screen takes her out again.
            let settings = app.world().resource::<GameSettings>();
            if let Some(at) = settings.players.iter().position(|p| p.name == "Pam") {
                let spec = app.world_mut().resource_mut::<GameSettings>().players.remove(at);
                app.world_mut().write_message(bigtuna::game::PlayerLeft {
                    id: spec.id,
                    name: spec.name,
                    seat: spec.seat,
                });
            }
        }
        if bo.is_none() && said.iter().any(|l| l == "joined again") {
            // Pam is in the lobby on her phone; Bo joins, and the night begins.
            bo = Some(join(&mut app, addr, "Bo"));
            command(&mut app, FlowCommand::StartGame);
            assert_eq!(screen(&app), Screen::Playing);
        }
        let Some(bo) = bo.as_mut() else { continue };
        paused |= crate::support::overlay(&app) == Some(bigtuna::game::Overlay::Paused);
        match (screen(&app), phase(&app)) {
            (Screen::Playing, Some(Phase::Question)) => {
                let current = game(&app).current;
                if opened != Some(current) {
                    opened = Some(current);
                    let drawn = game(&app).question().expect("question").clone();
                    let file = dir.join(format!("answer-{current}.json"));
                    std::fs::write(file, wanted(&drawn).to_string()).expect("answer file");
                    since = Instant::now();
                }
                // Bo answers a second after Pam, so her page shows "locked in" for a while.
                let pam = game(&app).pending(0).is_some();
                if pam && game(&app).pending(1).is_none() && since.elapsed() > Duration::from_secs(1) {
                    let drawn = game(&app).question().expect("question").clone();
                    let reply = say(bo, &answer_json(current, &right_response(&drawn)));
                    assert!(matches!(reply, bigtuna::net::protocol::ServerMessage::Ack { .. }), "{reply:?}");
                } else if !pam {
                    since = Instant::now();
                }
            }
            (Screen::Playing, Some(Phase::Reveal | Phase::Standings))
                if since.elapsed() > Duration::from_millis(1500) =>
            {
                command(&mut app, FlowCommand::Continue);
                since = Instant::now();
            }
            _ => {}
        }
    }
    let status = browser.wait().expect("node ran");
    assert!(status.success() && said.iter().any(|l| l == "done"), "the browser played to the end: {said:?}");
    assert_eq!(screen(&app), Screen::Results);
    // Every answer Pam's page reported is the answer the game received from her phone.
    let game = game(&app);
    assert_eq!(game.players[0].name, "Pam");
    let mut kinds = Vec::new();
    for round in &game.rounds {
        let drawn = &game.questions[round.question];
        let given = round.outcomes[0].answer.as_ref().expect("Pam answered");
        assert_eq!(given.device, Device::Phone);
        let line = said.iter().find(|l| l.starts_with(&format!("answered {} ", round.question))).expect("reported");
        let expected = match &given.response {
            Response::Option(i) => format!("option {i}"),
            Response::Text(text) => format!("text {text}"),
            Response::Number(n) => format!("number {n}"),
            Response::Order(order) => {
                format!("order {}", order.iter().map(usize::to_string).collect::<Vec<_>>().join(" "))
            }
            other => panic!("{other:?}"),
        };
        assert!(line.ends_with(&expected), "{line} vs {expected}");
        assert!(round.outcomes[0].correct, "{line}: {:?}", drawn.question.answer);
        kinds.push(std::mem::discriminant(&drawn.presented));
        assert!(said.iter().any(|l| l == &format!("revealed {} Right!", round.question)), "{said:?}");
        // The source as players read it: the declared title and section, never a file.
        assert_eq!(
            said.iter().find(|l| l.starts_with(&format!("source {} ", round.question))),
            Some(&format!("source {} Source: {}", round.question, drawn.source())),
            "{said:?}"
        );
        assert!(!drawn.source().contains(".txt"), "{}", drawn.source());
    }
    assert_eq!(kinds.len(), 5);
    let distinct: std::collections::HashSet<_> = kinds.iter().collect();
    assert!(distinct.len() >= 4, "tapped, typed, a number and an order");
    assert!(said.iter().any(|l| l == "over You finished 1st of 2"), "{said:?}");
    let removed = "removed The host took you out of the party: join again to play";
    assert!(said.iter().any(|l| l == removed), "the page said why it was back at joining: {said:?}");
    assert!(said.iter().any(|l| l == "reloaded over"), "a reload brings Pam back: {said:?}");
    assert!(said.iter().any(|l| l == "moved both ways"), "a second tab takes Pam's seat, and back: {said:?}");
    // The host's remote showed the first question's key, and its Pause paused the TV.
    let key = bigtuna::words::answer_text(&game.questions[0]);
    assert!(said.iter().any(|l| *l == format!("host key {key}")), "{key}: {said:?}");
    assert!(paused && said.iter().any(|l| l == "host resumed"), "{said:?}");
    assert!(said.iter().any(|l| l == "host renamed Bo Peep"), "{said:?}");
    assert_eq!(game.players[1].name, "Bo Peep", "the remote's Rename reached the game");
    let names = [
        "phone-join",
        "phone-removed",
        "phone-options",
        "phone-typed",
        "phone-number",
        "phone-ordering",
        "phone-reveal",
        "phone-over",
        "host-remote",
        "host-renamed",
    ];
    for name in names.map(|n| format!("{n}.png")) {
        assert!(dir.join(&name).exists(), "{name}");
    }
}
