//! "Approve names": a new phone waits under its name until the host lets it in or refuses
//! the name, over the wire (the host remote, and a phone that tries to act before it is in or
//! to let itself in), and as people see it (the TV under Xvfb, the phone page in Chromium).

use bigtuna::game::{GameSettings, Handicap, Seat};
use bigtuna::net::admission::{HELD, WaitingPhones};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};

use crate::phone_games::{connect_to, pump};
use crate::phones::{Client, error_code, say, until};
use crate::support::*;

fn join(name: &str, extra: &str) -> String {
    format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3{extra}}}"#)
}

fn host(action: &str) -> String {
    format!(r#"{{"type":"host_action","action":{action}}}"#)
}

/// Joins as `name`: the welcome's note and secret.
fn joins(phone: &mut Client, name: &str, extra: &str) -> (Option<String>, String) {
    match say(phone, &join(name, extra)) {
        ServerMessage::Welcome { note, secret, .. } => (note, secret),
        other => panic!("{name} was not welcomed: {other:?}"),
    }
}

fn waiting(app: &bevy::prelude::App) -> Vec<(u32, String)> {
    app.world().resource::<WaitingPhones>().0.clone()
}

fn players(app: &bevy::prelude::App) -> usize {
    app.world().resource::<GameSettings>().players.len()
}

#[test]
fn approval_holds_a_phone_until_the_host_lets_it_in_and_a_refused_one_hears_why() {
    let settings = GameSettings { questions: 4, approve_names: true, players: Vec::new(), ..GameSettings::default() };
    let mut app = headless(synthetic_library(6), settings);
    let server = crate::phones::server();
    let addr = server.addr();
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::admission::plugin));
    app.insert_resource(PhoneLink(server));
    app.update();
    assert!(app.world().resource::<PhoneLink>().0.approving(), "the host's setting reached the room");
    let mut kid = connect_to(addr);
    let (note, _) = joins(&mut kid, "Kid", r#","seasons":2,"handicap":"double_time""#);
    assert_eq!(note.as_deref(), Some(HELD), "the phone hears why it waits");
    until(&mut kid, |m| matches!(m, ServerMessage::Held { name } if name == "Kid"));
    let early = say(&mut kid, r#"{"type":"answer","question":0,"answer":{"kind":"pass"}}"#);
    assert_eq!(error_code(&early), ErrorCode::NotJoined, "a waiting phone plays nothing");
    pump(&mut app, |app| !waiting(app).is_empty());
    assert_eq!(waiting(&app), [(0, "Kid".to_owned())]);
    assert_eq!(players(&app), 0, "nobody is seated before the host says so");

    // The host remote lists who waits; a phone cannot let itself in.
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = connect_to(addr);
    assert!(matches!(
        say(&mut remote, &format!(r#"{{"type":"host","secret":"{code}"}}"#)),
        ServerMessage::HostWelcome { .. }
    ));
    let view = until(&mut remote, |m| matches!(m, ServerMessage::HostView(v) if v.waiting.len() == 1));
    let ServerMessage::HostView(view) = view else { unreachable!() };
    assert!(view.approve_names && view.waiting[0].name == "Kid" && view.waiting[0].phone == 0, "{view:?}");
    assert_eq!(error_code(&say(&mut kid, &host(r#"{"kind":"admit","phone":0}"#))), ErrorCode::NotHost);
    assert_eq!(error_code(&say(&mut remote, &host(r#"{"kind":"admit","phone":7}"#))), ErrorCode::NoSuchPlayer);
    assert!(matches!(say(&mut remote, &host(r#"{"kind":"admit","phone":0}"#)), ServerMessage::Done { .. }));
    pump(&mut app, |app| players(app) == 1);
    let seated = app.world().resource::<GameSettings>().players[0].clone();
    assert_eq!((seated.name.as_str(), seated.seat, seated.watched_to), ("Kid", Some(Seat::Phone(0)), Some(2)));
    assert_eq!(seated.handicap, Handicap::DoubleTime, "what the phone asked for came in with it");
    until(&mut kid, |m| matches!(m, ServerMessage::Lobby { .. }));
    assert!(waiting(&app).is_empty());
    assert_eq!(error_code(&say(&mut remote, &host(r#"{"kind":"refuse","phone":0}"#))), ErrorCode::NoSuchPlayer);

    // A refused name: the phone hears it, its secret brings nobody back, the name is free.
    let mut rude = connect_to(addr);
    let (_, secret) = joins(&mut rude, "Rude Dude", "");
    let ServerMessage::HostView(view) =
        until(&mut remote, |m| matches!(m, ServerMessage::HostView(v) if v.waiting.len() == 1))
    else {
        unreachable!()
    };
    assert_eq!(view.waiting[0].phone, 1, "{view:?}");
    pump(&mut app, |app| waiting(app).len() == 1);
    assert!(matches!(say(&mut remote, &host(r#"{"kind":"refuse","phone":1}"#)), ServerMessage::Done { .. }));
    let refused = until(&mut rude, |m| matches!(m, ServerMessage::Error { .. }));
    assert_eq!(error_code(&refused), ErrorCode::NameRefused);
    assert!(
        matches!(&refused, ServerMessage::Error { message, .. } if message.contains("as Rude Dude")),
        "{refused:?}"
    );
    pump(&mut app, |app| waiting(app).is_empty());
    assert_eq!(players(&app), 1, "a refused phone is never seated");
    let back = say(&mut connect_to(addr), &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#));
    assert_eq!(error_code(&back), ErrorCode::NameRefused);
    assert_eq!(joins(&mut rude, "Nice Dude", "").0.as_deref(), Some(HELD), "the same phone tries another name");
    let again = say(&mut connect_to(addr), &join("rude  DUDE", ""));
    assert_eq!(error_code(&again), ErrorCode::NameRefused, "nobody joins under a refused name tonight");
    let crowd = r#"{"type":"join","room":"TUNA","name":"Rude Dude","version":3,"audience":true}"#;
    assert_eq!(error_code(&say(&mut connect_to(addr), crowd)), ErrorCode::NameRefused, "not in the audience either");
    assert_eq!(joins(&mut connect_to(addr), "Ed", "").0.as_deref(), Some(HELD));
    pump(&mut app, |app| waiting(app).len() == 2);

    // Approval off: those waiting come in, and the next phone walks straight in.
    assert!(matches!(say(&mut remote, &host(r#"{"kind":"any_names"}"#)), ServerMessage::Done { .. }));
    pump(&mut app, |app| players(app) == 3);
    assert!(waiting(&app).is_empty());
    assert!(!app.world().resource::<GameSettings>().approve_names, "the TV's setting follows the remote");
    assert_eq!(joins(&mut connect_to(addr), "Dee", "").0, None);
    pump(&mut app, |app| players(app) == 4);
}

#[test]
fn the_host_lets_one_phone_in_on_the_tv_and_refuses_another_which_the_phone_page_shows() {
    let _turn = crate::screens::XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = crate::phone_screens::free_port();
    let phone_dir = crate::screens::shots_dir().join("approve-phone");
    let url = format!("http://127.0.0.1:{port}/?room=PAMS");
    let browser = browser_when_listening(port, "approve.js", url, phone_dir);
    // The TV: let the first phone in, refuse the next, then start with a keyboard player and
    // let the refused phone's new name in from the host panel during the game.
    let steps = [
        "wait:40",
        "sleep:15000",
        "click:Let in button",
        "wait:10",
        "sleep:6000",
        "shot:a0-waiting",
        "click:Refuse button",
        "wait:10",
        "sleep:6000",
        "1",
        "wait:10",
        "shot:a1-again",
        "click:Continue button",
        "wait:10",
        "click:Start button",
        "wait:20",
        "sleep:2000",
        "shot:a2-question",
        "f1",
        "wait:10",
        "shot:a3-host",
        "click:Let in button",
        "wait:10",
        "sleep:1500",
        "f1",
        "wait:5",
    ];
    let tv_dir = crate::screens::shots_dir().join("approve-tv");
    let port_text = port.to_string();
    let args = ["--phones", "--loopback", "--port", &port_text, "--approve-names", "--seed", "5", "--count", "5"];
    let args = [&args[..], &["--timer", "off"]].concat();
    let env = [("BIGTUNA_ROOM", std::path::Path::new("PAMS"))];
    let (names, log) =
        crate::screens::run_script_with(&steps.join(","), &tv_dir, &scratch_dir("approve-config"), &args, &env);
    let said = browser.join().expect("the browser's thread");
    let line = |prefix: &str| said.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or_default().to_owned();
    assert!(line("held ").starts_with("Nearly in, Pam!|The host lets each new player in"), "{said}");
    assert_eq!(line("in "), "You're in, Pam!", "{said}");
    let (note, idea) = line("refused ").split_once('|').map(|(a, b)| (a.to_owned(), b.to_owned())).unwrap_or_default();
    assert!(note.starts_with("The host did not let you in as Rude Dude"), "{said}");
    assert!(!idea.is_empty() && idea != "Rude Dude", "a fresh name idea: {said}");
    assert_eq!(line("again "), idea, "{said}");
    assert!(said.contains("problems 0"), "{said}");
    assert!(log.contains("the host let Pam in") && log.contains("Pam took seat 1 with Phone(0)"), "{log}");
    assert!(log.contains("the host refused phone 1's name"), "{log}");
    let shown = |shot: &str| log.lines().find(|l| l.contains(&format!("shot {shot} shows:"))).unwrap_or_default();
    assert!(shown("a0-waiting").contains("Rude Dude waits to join"), "{log}");
    assert!(shown("a2-question").contains(&format!("Waiting to join: {idea} · F1")), "{log}");
    assert!(shown("a3-host").contains(&format!("{idea} waits to join")), "{log}");
    assert!(log.contains(&format!("the host let {idea} in")), "let in from the host panel mid-game: {log}");
    for name in ["a0-waiting.png", "a1-again.png", "a2-question.png", "a3-host.png"] {
        assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
    }
}
