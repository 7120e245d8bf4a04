//! The phone room as an outside client plays it: no phone ever hears a question's answer before
//! that question is revealed (whole games in every mode, the host going on from its remote, a
//! phone coming back between questions), a second device with the same secret takes the seat
//! over, and names that only look different are one name.

use std::collections::BTreeSet;
use std::time::Duration;

use bigtuna::game::{FlowCommand, GameSettings, Overlay, Phase, PlayMode, PlayerLeft, Screen};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::views::Turn;
use bigtuna::pack::AnswerKind;
use bigtuna::words::answer_text;
use tungstenite::Message;

use crate::phone_games::{Night, answer_json, connect_to, join, phone_night, pump, question_for, told_to_wait};
use crate::phones::{Client, connect, error_code, say, server, until};
use crate::support::{command, game, overlay, phase, right_response, screen, wrong_response};

/// A phone whose every message is read as it comes and checked against what it was shown.
struct Spy {
    phone: Client,
    /// The player it plays for.
    player: usize,
    secret: String,
    /// Questions this phone has been shown (only their answers may reach it).
    shown: BTreeSet<usize>,
    /// Its latest question view.
    open: Option<bigtuna::net::views::QuestionView>,
    /// Every reveal it heard, by question.
    reveals: Vec<bigtuna::net::views::ResultView>,
    heard: usize,
    /// The reveals a streaming overlay showed.
    overlaid: BTreeSet<usize>,
}

impl Spy {
    fn new(phone: Client, player: usize, secret: String) -> Self {
        Self {
            phone,
            player,
            secret,
            shown: BTreeSet::new(),
            open: None,
            reveals: Vec::new(),
            heard: 0,
            overlaid: BTreeSet::new(),
        }
    }

    /// Reads whatever has arrived, checking each message: a reveal only of a question shown
    /// to this phone, with that question's own answer and explanation; no answer key at all.
    fn read(&mut self, app: &bevy::prelude::App) {
        set_timeout(&self.phone, Duration::from_millis(1));
        loop {
            let text = match self.phone.read() {
                Ok(Message::Text(text)) => text.to_string(),
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
                {
                    break;
                }
                Err(error) => panic!("phone {}: {error}", self.player),
            };
            self.heard += 1;
            assert!(!text.contains("\"key\""), "no answer key reaches a player: {text}");
            let message: ServerMessage = serde_json::from_str(&text).expect("a server message");
            match message {
                ServerMessage::Question(view) => {
                    self.shown.insert(view.question);
                    self.open = Some(*view);
                }
                ServerMessage::Reveal(result) => {
                    assert!(
                        self.shown.contains(&result.question),
                        "phone {} heard the answer of question {} before it was asked: {text}",
                        self.player,
                        result.question
                    );
                    let drawn = &game(app).questions[result.question];
                    assert_eq!(result.answer, answer_text(drawn), "{text}");
                    assert_eq!(result.explanation.as_deref(), Some(drawn.question.explanation.as_str()));
                    assert_eq!(result.source.as_deref(), Some(drawn.source()));
                    self.reveals.push(*result);
                }
                ServerMessage::Overlay(view) => {
                    crate::streamer::overlay_seen(app, &view, &text, (&mut self.shown, &mut self.overlaid));
                }
                _ => {}
            }
        }
        set_timeout(&self.phone, Duration::from_secs(10));
    }
}

fn set_timeout(phone: &Client, timeout: Duration) {
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = phone.get_ref() {
        let _ = stream.set_read_timeout(Some(timeout));
    }
}

/// Updates the game a few frames, every phone reading as it goes.
fn frames(app: &mut bevy::prelude::App, spies: &mut [Spy], n: usize) {
    for _ in 0..n {
        app.update();
        std::thread::sleep(Duration::from_millis(3));
        for spy in spies.iter_mut() {
            spy.read(app);
        }
    }
}

fn host(remote: &mut Client, kind: &str) {
    let done = say(remote, &format!(r#"{{"type":"host_action","action":{{"kind":"{kind}"}}}}"#));
    assert!(matches!(done, ServerMessage::Done { .. }), "{kind}: {done:?}");
}

/// A whole game of `mode` from four phones, run from the host remote: each phone answers (or
/// buzzes) when its view says it may, the host closes each question and goes on from the
/// reveal and the standings, and one phone comes back between questions 2 and 3.
fn play_watched(mode: PlayMode) {
    let names = ["Ann", "Bo", "Cy", "Di"];
    let settings = GameSettings {
        teams: if mode == PlayMode::Teams { vec!["Red".into(), "Blue".into()] } else { Vec::new() },
        ..crate::phone_games::all_kinds(mode, 4)
    };
    let Night { mut app, phones, addr } = phone_night(&names, settings);
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = connect_to(addr);
    assert!(matches!(
        say(&mut remote, &format!(r#"{{"type":"host","secret":"{code}"}}"#)),
        ServerMessage::HostWelcome { .. }
    ));
    let secrets = app.world().resource::<PhoneLink>().0.room().phones.into_iter().map(|p| p.secret);
    let mut spies: Vec<Spy> = phones
        .into_iter()
        .zip(secrets)
        .enumerate()
        .map(|(player, (phone, secret))| Spy::new(phone, player, secret))
        .collect();
    // A streaming overlay watches it too, as does an audience phone: neither hears an answer
    // before its reveal.
    let mut overlay = connect_to(addr);
    overlay.send(Message::text(r#"{"type":"overlay"}"#)).expect("sent");
    spies.push(Spy::new(overlay, names.len() + 1, String::new()));
    let mut fan = connect_to(addr);
    let audience = r#"{"type":"join","room":"TUNA","name":"Fan","version":3,"audience":true}"#;
    let ServerMessage::Welcome { secret, audience: true, .. } = say(&mut fan, audience) else {
        panic!("{mode:?}: the fan joins the audience")
    };
    spies.push(Spy::new(fan, names.len(), secret));
    let mut asked = 0;
    while screen(&app) == Screen::Playing {
        let question = game(&app).current;
        frames(&mut app, &mut spies, 3);
        let drawn = game(&app).question().expect("a question").clone();
        for spy in &mut spies {
            let Some(view) = spy.open.clone().filter(|v| v.question == question) else { continue };
            let response = if spy.player % 2 == 0 { right_response(&drawn) } else { wrong_response(&drawn) };
            if view.turn == Turn::Buzz {
                spy.phone.send(Message::text(format!(r#"{{"type":"buzz","question":{question}}}"#))).expect("sent");
            } else if view.turn == Turn::Answer {
                spy.phone.send(Message::text(answer_json(question, &response))).expect("sent");
            }
        }
        frames(&mut app, &mut spies, 3);
        host(&mut remote, "close");
        frames(&mut app, &mut spies, 3);
        if asked == 2 {
            // Between questions, Bo's phone sleeps and comes back by its secret.
            let secret = spies[1].secret.clone();
            let mut back = connect_to(addr);
            assert!(matches!(
                say(&mut back, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#)),
                ServerMessage::Welcome { .. }
            ));
            spies[1].phone = back;
            frames(&mut app, &mut spies, 2);
        }
        // The host goes on: to the standings, then to the next question, a frame at a time.
        for _ in 0..2 {
            host(&mut remote, "next");
            frames(&mut app, &mut spies, 3);
        }
        asked += 1;
    }
    assert_eq!(asked, 10, "{mode:?}: the whole game was played");
    // Every phone heard every reveal, and each told it how it did on that very question.
    let rounds = game(&app).rounds.clone();
    let fan = spies.pop().expect("the fan");
    let overlay = spies.pop().expect("the overlay");
    assert_eq!(overlay.overlaid.len(), rounds.len(), "{mode:?}: the overlay showed every reveal");
    let fan_reveals: BTreeSet<usize> = fan.reveals.iter().map(|r| r.question).collect();
    assert_eq!(fan_reveals.len(), rounds.len(), "{mode:?}: the audience heard every reveal");
    for spy in &spies {
        for round in &rounds {
            let result = spy.reveals.iter().rev().find(|r| r.question == round.question);
            let result =
                result.unwrap_or_else(|| panic!("{mode:?}: phone {} missed reveal {}", spy.player, round.question));
            let outcome = &round.outcomes[spy.player];
            assert_eq!((result.right, result.points), (outcome.correct, outcome.points), "{mode:?} {result:?}");
        }
        assert!(spy.heard > 20, "{mode:?}: phone {} heard the game", spy.player);
    }
}

#[test]
fn no_phone_hears_an_answer_before_its_question_is_revealed_in_any_mode() {
    for mode in [PlayMode::Everyone, PlayMode::Buzz, PlayMode::HotSeat, PlayMode::Teams] {
        play_watched(mode);
    }
}

#[test]
fn a_second_device_with_the_same_secret_takes_the_seat_and_the_first_is_told_and_closed() {
    let server = server();
    let mut first = connect(&server);
    let ServerMessage::Welcome { secret, .. } = say(&mut first, r#"{"type":"join","room":"TUNA","name":"Ann"}"#) else {
        panic!("welcomed")
    };
    let mut second = connect(&server);
    let back = say(&mut second, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#));
    assert!(matches!(back, ServerMessage::Welcome { player: 0, .. }), "{back:?}");
    // The first device hears why, and the close code says it too.
    let told = crate::phones::until(&mut first, |m| matches!(m, ServerMessage::Error { .. }));
    assert_eq!(error_code(&told), ErrorCode::Replaced);
    let close = (0..4).find_map(|_| match first.read() {
        Ok(Message::Close(frame)) => Some(frame.map(|f| u16::from(f.code))),
        _ => None,
    });
    assert_eq!(close, Some(Some(4001)), "closed with the protocol's code for a seat taken over");
    // The newer one plays on; the game heard Ann come back, and never that she left.
    assert_eq!(
        say(&mut second, r#"{"type":"answer","question":0,"answer":{"kind":"pass"}}"#),
        ServerMessage::Ack { question: 0 }
    );
    let events = crate::phones::heard(&server, 3);
    assert!(!events.contains(&bigtuna::net::server::Inbound::Left { phone: 0 }), "{events:?}");
    drop(second);
    let events = crate::phones::heard(&server, 1);
    assert_eq!(events, [bigtuna::net::server::Inbound::Left { phone: 0 }], "the seat waits once the last device left");
}

#[test]
fn names_that_only_look_different_are_one_name_and_hidden_characters_are_refused() {
    let server = server();
    let mut phones: Vec<Client> = (0..8).map(|_| connect(&server)).collect();
    let join = |phone: &mut Client, name: &str| {
        say(phone, &format!(r#"{{"type":"join","room":"TUNA","name":{}}}"#, serde_json::to_string(name).expect("json")))
    };
    assert!(matches!(join(&mut phones[0], "Ann"), ServerMessage::Welcome { .. }));
    assert!(matches!(join(&mut phones[1], "élodie"), ServerMessage::Welcome { .. }));
    for (phone, name, code) in [
        (2, "ÉLODIE", ErrorCode::NameTaken),
        (3, "E\u{301}lodie", ErrorCode::NameTaken),
        (4, "Ａｎｎ", ErrorCode::NameTaken),
        (5, "Ann\u{200B}", ErrorCode::BadName),
        (6, "\u{202E}Ann", ErrorCode::BadName),
    ] {
        assert_eq!(error_code(&join(&mut phones[phone], name)), code, "{name:?}");
    }
    // A name typed with a combining accent is kept composed, as the TV shows it.
    let ServerMessage::Welcome { name, .. } = join(&mut phones[7], "Zoe\u{308}") else { panic!("welcomed") };
    assert_eq!(name, "Zoë");
}

#[test]
fn a_ping_with_a_field_too_many_is_refused_like_any_message() {
    let server = server();
    let mut phone = connect(&server);
    assert_eq!(say(&mut phone, r#"{"type":"ping"}"#), ServerMessage::Pong);
    assert_eq!(error_code(&say(&mut phone, r#"{"type":"ping","player":3}"#)), ErrorCode::BadMessage);
}

#[test]
fn a_tie_on_top_tells_each_phone_it_is_a_tie_with_every_name() {
    let Night { mut app, mut phones, .. } =
        phone_night(&["Ann", "Dee", "Bo"], crate::phone_games::all_kinds(PlayMode::Everyone, 3));
    let drawn = game(&app).question().expect("a question").clone();
    // Ann and Dee right, Bo wrong, all in one frame: the same points, the same first place.
    for (phone, right) in phones.iter_mut().zip([true, true, false]) {
        let response = if right { right_response(&drawn) } else { wrong_response(&drawn) };
        phone.send(Message::text(answer_json(0, &response))).expect("sent");
    }
    crate::phone_games::pump(&mut app, |app| game(app).rounds.len() == 1);
    let scores: Vec<u32> = game(&app).players.iter().map(|p| p.score).collect();
    assert!(scores[0] == scores[1] && scores[0] > scores[2], "{scores:?}");
    crate::support::send(&mut app, bigtuna::game::HostAction::EndEarly);
    crate::phone_games::pump(&mut app, |app| screen(app) == Screen::Results);
    for (phone, (rank, tie)) in phones.iter_mut().zip([(1, true), (1, true), (3, true)]) {
        let ServerMessage::Over(end) = crate::phones::until(phone, |m| matches!(m, ServerMessage::Over(_))) else {
            unreachable!()
        };
        assert_eq!((end.rank, end.tie, end.winner.as_str()), (rank, tie, "Ann & Dee"), "{end:?}");
    }
}

/// An answer sent just as the game pauses was acknowledged, so it counts when play goes on;
/// while paused, a phone that has not answered is told to wait, and answers after the pause.
#[test]
fn an_answer_sent_as_the_game_pauses_counts_and_paused_phones_wait() {
    let settings = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..crate::support::settings(2, 3, 5) };
    let Night { mut app, mut phones, .. } = phone_night(&["Ann", "Bo"], settings);
    let (question, drawn) = (game(&app).current, game(&app).question().expect("a question").clone());
    for phone in &mut phones {
        question_for(phone, question, Turn::Answer);
    }
    command(&mut app, FlowCommand::Pause);
    assert_eq!(overlay(&app), Some(Overlay::Paused));
    let [ann, bo] = &mut phones[..] else { unreachable!() };
    assert_eq!(say(ann, &answer_json(question, &right_response(&drawn))), ServerMessage::Ack { question });
    told_to_wait(bo, question, "Paused: answer when the game goes on");
    for _ in 0..20 {
        app.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(phase(&app), Some(Phase::Question), "nothing closes while paused");
    command(&mut app, FlowCommand::Resume);
    pump(&mut app, |app| game(app).pending(0).is_some());
    question_for(bo, question, Turn::Answer);
    assert_eq!(say(bo, &answer_json(question, &wrong_response(&drawn))), ServerMessage::Ack { question });
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let round = game(&app).last_round().expect("a round");
    assert!(round.outcomes[0].correct, "the answer sent as the pause began counted: {:?}", round.outcomes[0]);
    assert!(round.outcomes[1].answer.is_some() && !round.outcomes[1].correct);
    let result = until(&mut phones[0], |m| matches!(m, ServerMessage::Reveal(r) if r.question == question));
    assert!(matches!(&result, ServerMessage::Reveal(r) if r.right && r.points > 0), "{result:?}");
}

/// A host who thinks the code was seen makes a new one: the remote signed in with the old
/// code is told and closed, the old code no longer signs in, and the new one does.
#[test]
fn a_new_host_code_shuts_out_the_old_one() {
    let settings = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..crate::support::settings(1, 3, 5) };
    let Night { mut app, addr, .. } = phone_night(&["Ann"], settings);
    let old = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = connect_to(addr);
    let welcome = say(&mut remote, &format!(r#"{{"type":"host","secret":"{old}"}}"#));
    assert!(matches!(welcome, ServerMessage::HostWelcome { .. }), "{welcome:?}");
    let new = app.world_mut().resource_mut::<PhoneLink>().0.change_host_code().to_owned();
    assert_ne!(new, old);
    let told = until(&mut remote, |m| matches!(m, ServerMessage::Error { .. }));
    assert_eq!(error_code(&told), ErrorCode::WrongHostCode);
    assert!((0..20).any(|_| matches!(remote.read(), Ok(Message::Close(_)) | Err(_))), "the old remote is closed");
    let mut again = connect_to(addr);
    assert_eq!(
        error_code(&say(&mut again, &format!(r#"{{"type":"host","secret":"{old}"}}"#))),
        ErrorCode::WrongHostCode
    );
    let welcome = say(&mut again, &format!(r#"{{"type":"host","secret":"{new}"}}"#));
    assert!(matches!(welcome, ServerMessage::HostWelcome { .. }), "{welcome:?}");
    assert_eq!(app.world().resource::<PhoneLink>().0.room().host_code, new, "kept with the room, for a resume");
}

#[test]
fn a_phone_the_host_takes_out_of_the_party_is_told_and_its_name_is_free_again() {
    let server = server();
    let addr = server.addr();
    let settings = GameSettings { players: Vec::new(), ..GameSettings::default() };
    let mut app = crate::support::headless(crate::support::synthetic_library(8), settings);
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.add_plugins(bigtuna::net::departures::plugin);
    app.insert_resource(PhoneLink(server));
    let mut ann = connect_to(addr);
    let ServerMessage::Welcome { secret, .. } = say(&mut ann, r#"{"type":"join","room":"TUNA","name":"Ann"}"#) else {
        panic!("welcomed")
    };
    let _bo = join(&mut app, addr, "Bo");
    let names = |app: &bevy::prelude::App| -> Vec<String> {
        app.world().resource::<GameSettings>().players.iter().map(|p| p.name.clone()).collect()
    };
    assert_eq!(names(&app), ["Ann", "Bo"]);
    // Leave on the join screen: Ann's seat goes, and the game says who left from where.
    let spec = app.world_mut().resource_mut::<GameSettings>().players.remove(0);
    app.world_mut().write_message(PlayerLeft { id: spec.id, name: spec.name, seat: spec.seat });
    app.update();
    let told = until(&mut ann, |m| matches!(m, ServerMessage::Error { .. }));
    assert_eq!(error_code(&told), ErrorCode::Removed);
    let pass = r#"{"type":"answer","question":0,"answer":{"kind":"pass"}}"#;
    assert_eq!(error_code(&say(&mut ann, pass)), ErrorCode::NotJoined, "it plays for nobody now");
    let mut reloaded = connect_to(addr);
    let back = say(&mut reloaded, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#));
    assert_eq!(error_code(&back), ErrorCode::Removed, "its secret brings nobody back");
    // Her name is free for someone else, and her phone joins again under another.
    let _other_ann = join(&mut app, addr, "Ann");
    let again = say(&mut ann, r#"{"type":"join","room":"TUNA","name":"Annie"}"#);
    assert!(matches!(again, ServerMessage::Welcome { player: 3, .. }), "{again:?}");
    pump(&mut app, |app| names(app).len() == 3);
    assert_eq!(names(&app), ["Bo", "Ann", "Annie"]);
}
