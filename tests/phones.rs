//! The phone server on a loopback port, with WebSocket clients written here as a phone (or
//! a hostile peer) would: joining, coming back, answering, and every refusal.

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use bigtuna::game::{Handicap, Response};
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::room::Room;
use bigtuna::net::server::{Inbound, MAX_CONNECTIONS, PhoneServer};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub(crate) type Client = WebSocket<MaybeTlsStream<TcpStream>>;

pub(crate) fn server() -> PhoneServer {
    let loopback: SocketAddr = ([127, 0, 0, 1], 0).into();
    PhoneServer::start(loopback, Room::with_code("TUNA".into())).expect("a loopback port")
}

pub(crate) fn connect(server: &PhoneServer) -> Client {
    let (client, _) = tungstenite::connect(format!("ws://{}/ws", server.addr())).expect("the server answers");
    if let MaybeTlsStream::Plain(stream) = client.get_ref() {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    }
    client
}

/// Sends a message and reads its reply, past what the TV pushed meanwhile.
pub(crate) fn say(client: &mut Client, json: &str) -> ServerMessage {
    client.send(Message::text(json)).expect("sent");
    for _ in 0..50 {
        let message = reply(client);
        if !is_push(&message) {
            return message;
        }
    }
    panic!("no reply to {json}")
}

/// What the server sends unasked, as the TV changes.
pub(crate) fn is_push(message: &ServerMessage) -> bool {
    matches!(
        message,
        ServerMessage::Lobby { .. }
            | ServerMessage::Question(_)
            | ServerMessage::Wager(_)
            | ServerMessage::Reveal(_)
            | ServerMessage::Over(_)
            | ServerMessage::Seated { .. }
            | ServerMessage::HostView(_)
            | ServerMessage::Held { .. }
            | ServerMessage::Overlay(_)
    )
}

pub(crate) fn reply(client: &mut Client) -> ServerMessage {
    loop {
        match client.read().expect("a reply") {
            Message::Text(text) => return serde_json::from_str(text.as_str()).expect("a server message"),
            Message::Ping(_) | Message::Pong(_) => continue,
            other => panic!("not a reply: {other:?}"),
        }
    }
}

/// Reads (bounded by the read timeout) until a message `wanted` matches.
pub(crate) fn until(client: &mut Client, wanted: impl Fn(&ServerMessage) -> bool) -> ServerMessage {
    for _ in 0..50 {
        let message = reply(client);
        if wanted(&message) {
            return message;
        }
    }
    panic!("the message never came")
}

pub(crate) fn error_code(message: &ServerMessage) -> ErrorCode {
    match message {
        ServerMessage::Error { code, .. } => *code,
        other => panic!("expected an error, got {other:?}"),
    }
}

/// Waits (bounded) until the game side has heard `n` events.
pub(crate) fn heard(server: &PhoneServer, n: usize) -> Vec<Inbound> {
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut events = Vec::new();
    while events.len() < n && Instant::now() < deadline {
        events.extend(server.drain());
        std::thread::sleep(Duration::from_millis(5));
    }
    events
}

#[test]
fn a_phone_joins_answers_and_comes_back_as_the_same_player() {
    let server = server();
    let mut phone = connect(&server);
    assert_eq!(error_code(&say(&mut phone, r#"{"type":"join","room":"NOPE","name":"Ann"}"#)), ErrorCode::WrongRoom);
    let ServerMessage::Welcome { player, secret, name, version, audience: false, note: None } =
        say(&mut phone, r#"{"type":"join","room":"tuna","name":" Ann "}"#)
    else {
        panic!("welcomed")
    };
    assert_eq!((player, name.as_str(), version), (0, "Ann", bigtuna::net::protocol::PROTOCOL_VERSION));
    assert_eq!(secret.len(), 32);
    let ack = say(&mut phone, r#"{"type":"answer","question":3,"answer":{"kind":"option","index":2}}"#);
    assert_eq!(ack, ServerMessage::Ack { question: 3 });
    // The phone sleeps: the connection drops, and the secret brings the same player back.
    drop(phone);
    let mut again = connect(&server);
    let back = say(&mut again, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#));
    assert!(matches!(back, ServerMessage::Welcome { player: 0, .. }), "{back:?}");
    let events = heard(&server, 4);
    assert_eq!(events[0], Inbound::Joined { phone: 0, name: "Ann".into(), watched_to: None, handicap: Handicap::None });
    assert_eq!(events[1], Inbound::Answer { phone: 0, question: 3, response: Response::Option(2), arrival: 0 });
    assert!(events.contains(&Inbound::Left { phone: 0 }) && events.contains(&Inbound::Returned { phone: 0 }));
}

#[test]
fn nobody_acts_for_another_player_or_joins_twice() {
    let server = server();
    let mut ann = connect(&server);
    let mut stranger = connect(&server);
    let welcome = say(&mut ann, r#"{"type":"join","room":"TUNA","name":"Ann"}"#);
    assert!(matches!(welcome, ServerMessage::Welcome { .. }));
    let answer = r#"{"type":"answer","question":0,"answer":{"kind":"pass"}}"#;
    assert_eq!(error_code(&say(&mut stranger, answer)), ErrorCode::NotJoined, "no answer before joining");
    assert_eq!(error_code(&say(&mut stranger, r#"{"type":"rejoin","secret":"0000"}"#)), ErrorCode::UnknownSecret);
    assert_eq!(error_code(&say(&mut stranger, r#"{"type":"join","room":"TUNA","name":"ANN"}"#)), ErrorCode::NameTaken);
    assert_eq!(error_code(&say(&mut stranger, r#"{"type":"join","room":"TUNA","name":""}"#)), ErrorCode::BadName);
    // A field naming another player is not part of the protocol: refused, not obeyed.
    let forged = r#"{"type":"answer","question":0,"player":0,"answer":{"kind":"pass"}}"#;
    assert_eq!(error_code(&say(&mut ann, forged)), ErrorCode::BadMessage);
    assert_eq!(error_code(&say(&mut ann, r#"{"type":"join","room":"TUNA","name":"Bo"}"#)), ErrorCode::AlreadyJoined);
    let events = heard(&server, 1);
    assert_eq!(
        events,
        [Inbound::Joined { phone: 0, name: "Ann".into(), watched_to: None, handicap: Handicap::None }],
        "only Ann's join reached the game"
    );
}

#[test]
fn junk_and_oversized_messages_are_refused_and_the_room_plays_on() {
    let server = server();
    let mut junk = connect(&server);
    for text in ["", "{", "null", "[1,2]", r#"{"type":"teleport"}"#, "\u{0}\u{1}", r#"{"type":"join"}"#] {
        assert_eq!(error_code(&say(&mut junk, text)), ErrorCode::BadMessage, "{text:?}");
    }
    junk.send(Message::binary(vec![0xff; 64])).expect("sent");
    assert_eq!(error_code(&reply(&mut junk)), ErrorCode::BadMessage);
    // Ten megabytes: the connection is closed, with a reason if it still listens.
    let mut huge = connect(&server);
    let _ = huge.send(Message::text("x".repeat(10 * 1024 * 1024)));
    let closed = (0..4).any(|_| !matches!(huge.read(), Ok(Message::Text(_)) | Ok(Message::Ping(_))));
    assert!(closed, "the oversized sender is cut off");
    // Everyone else plays on.
    let mut ann = connect(&server);
    assert!(matches!(say(&mut ann, r#"{"type":"join","room":"TUNA","name":"Ann"}"#), ServerMessage::Welcome { .. }));
    assert_eq!(say(&mut junk, r#"{"type":"ping"}"#), ServerMessage::Pong, "a refused message harms only itself");
}

#[test]
fn connections_past_the_bound_a_full_audience_needs_are_refused_and_the_game_goes_on() {
    // The bound is set for a hundred players and a thousand in the audience: two hundred past it.
    const TRIED: usize = MAX_CONNECTIONS + 200;
    let server = server();
    let started = Instant::now();
    let mut open = Vec::new();
    let mut refused = 0;
    for _ in 0..TRIED {
        match tungstenite::connect(format!("ws://{}/ws", server.addr())) {
            Ok((client, _)) => open.push(client),
            Err(_) => refused += 1,
        }
    }
    assert!(started.elapsed() < Duration::from_secs(60), "bounded in time");
    assert!(open.len() <= MAX_CONNECTIONS, "{} open", open.len());
    assert_eq!(open.len() + refused, TRIED);
    assert!(refused >= TRIED - MAX_CONNECTIONS, "the rest were refused cleanly: {refused}");
    drop(open);
    // Once they are gone, a phone gets in again.
    let deadline = Instant::now() + Duration::from_secs(10);
    let joined = loop {
        if let Ok((mut phone, _)) = tungstenite::connect(format!("ws://{}/ws", server.addr())) {
            break say(&mut phone, r#"{"type":"join","room":"TUNA","name":"Late"}"#);
        }
        assert!(Instant::now() < deadline, "the server came back");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(matches!(joined, ServerMessage::Welcome { .. }), "{joined:?}");
}

#[test]
fn a_busy_port_is_an_error_to_explain_not_a_crash() {
    let first = server();
    let error = PhoneServer::start(first.addr(), Room::new()).err().expect("the port is taken");
    assert_eq!(error.kind(), std::io::ErrorKind::AddrInUse);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: crate::support::fuzz_cases(256),
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn any_text_is_a_message_or_a_refusal_saying_why(text in ".{0,200}") {
        match bigtuna::net::protocol::parse(&text) {
            Ok(_) => {}
            Err(ServerMessage::Error { code, message }) => {
                proptest::prop_assert_eq!(code, ErrorCode::BadMessage);
                let version = format!("protocol {}", bigtuna::net::protocol::PROTOCOL_VERSION);
                proptest::prop_assert!(message.contains(&version), "{}", message);
            }
            Err(other) => proptest::prop_assert!(false, "not a refusal: {:?}", other),
        }
    }
}

#[test]
fn phones_play_a_whole_game_and_one_that_reconnects_keeps_its_score() {
    use bevy::prelude::*;
    use bigtuna::game::Seat;
    use bigtuna::game::{FlowCommand, GameSettings, Phase, Presented, Screen};
    use bigtuna::net::inbound::PhoneLink;
    use bigtuna::pack::AnswerKind;

    use crate::support::{command, game, headless, phase, screen, seat, settings, start, synthetic_library};

    let server = server();
    let addr = server.addr();
    let join = |name: &str| {
        let (mut phone, _) = tungstenite::connect(format!("ws://{addr}/ws")).expect("the server answers");
        let welcome = say(&mut phone, &format!(r#"{{"type":"join","room":"TUNA","name":"{name}"}}"#));
        let ServerMessage::Welcome { secret, .. } = welcome else { panic!("{welcome:?}") };
        (phone, secret)
    };
    let (mut ann, _) = join("Ann");
    let (mut bo, bo_secret) = join("Bo");
    let s = GameSettings { kinds: vec![AnswerKind::MultipleChoice, AnswerKind::TrueFalse], ..settings(2, 5, 31) };
    let mut app = headless(synthetic_library(8), s);
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    seat(&mut app, [Seat::Phone(0), Seat::Phone(1)]);
    app.insert_resource(PhoneLink(server));
    start(&mut app);
    let mut n = 0;
    while screen(&app) == Screen::Playing {
        let question = game(&app).current;
        let Presented::Options { options, correct } = game(&app).question().expect("question").presented.clone() else {
            panic!("options only")
        };
        if n == 2 {
            // Bo's phone sleeps and wakes: the secret brings Bo back to the same seat.
            drop(bo);
            let (mut again, _) = tungstenite::connect(format!("ws://{addr}/ws")).expect("reconnects");
            let back = say(&mut again, &format!(r#"{{"type":"rejoin","secret":"{bo_secret}"}}"#));
            assert!(matches!(back, ServerMessage::Welcome { player: 1, .. }), "{back:?}");
            bo = again;
        }
        // Each phone shows the question the TV shows, with its choices in the TV's order.
        for phone in [&mut ann, &mut bo] {
            let ServerMessage::Question(view) =
                until(phone, |m| matches!(m, ServerMessage::Question(v) if v.question == question))
            else {
                unreachable!()
            };
            assert_eq!((view.number, view.of, view.choices.len()), (question + 1, 5, options.len()));
            assert_eq!(view.prompt, game(&app).question().expect("question").question.prompt);
        }
        let answer = |index: usize| {
            format!(r#"{{"type":"answer","question":{question},"answer":{{"kind":"option","index":{index}}}}}"#)
        };
        assert_eq!(say(&mut ann, &answer(correct)), ServerMessage::Ack { question });
        assert_eq!(say(&mut bo, &answer((correct + 1) % options.len())), ServerMessage::Ack { question });
        // The server's thread hands the answers over: bounded wait for the round to close.
        for _ in 0..200 {
            if phase(&app) == Some(Phase::Reveal) {
                break;
            }
            app.update();
            std::thread::sleep(Duration::from_millis(2));
        }
        assert_eq!(phase(&app), Some(Phase::Reveal), "question {n}: both phones' answers arrived");
        let round = game(&app).last_round().expect("round");
        assert!(round.outcomes[0].correct && !round.outcomes[1].correct, "question {n}");
        assert!(
            round.outcomes.iter().all(|o| o.answer.as_ref().is_some_and(|a| a.device == bigtuna::game::Device::Phone))
        );
        let scores: Vec<u32> = game(&app).players.iter().map(|p| p.score).collect();
        // Each phone hears how it did: right or wrong, points, score and place.
        for (player, phone) in [&mut ann, &mut bo].into_iter().enumerate() {
            let ServerMessage::Reveal(result) =
                until(phone, |m| matches!(m, ServerMessage::Reveal(r) if r.question == question))
            else {
                unreachable!()
            };
            assert_eq!((result.right, result.score), (player == 0, scores[player]), "{result:?}");
            assert_eq!(result.rank, player + 1);
        }
        command(&mut app, FlowCommand::Continue);
        command(&mut app, FlowCommand::Continue);
        n += 1;
    }
    assert_eq!(n, 5);
    let players = &app.world().resource::<bigtuna::game::GameResults>().players;
    let (first, second) = (&players[0], &players[1]);
    assert_eq!((first.name.as_str(), first.correct, second.correct), ("Player 1", 5, 0));
    assert_eq!(second.asked, 5, "Bo's reconnect kept the seat: asked every question");
}

#[test]
fn phones_on_a_busy_port_say_so_on_the_tv_and_the_next_press_takes_a_free_one() {
    use bevy::prelude::*;
    use bigtuna::net::inbound::PhoneLink;
    use bigtuna::net::lifecycle::{PhoneAddress, PhoneNotice, Phones};

    let taken = server();
    let port = taken.addr().port();
    let mut app = crate::support::headless(crate::support::synthetic_library(2), Default::default());
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::plugin));
    app.insert_resource(Phones { on: true, port: Some(port), loopback_only: true });
    app.update();
    app.update();
    let notice = app.world().resource::<PhoneNotice>().0.clone().expect("a notice on the TV");
    assert!(notice.contains(&format!("port {port} is busy")) && notice.contains("Press Phones"), "{notice}");
    assert!(!app.world().resource::<Phones>().on, "phones are off, and the button turns them on again");
    assert!(!app.world().contains_resource::<PhoneLink>());
    // The way out: Phones again, on the first free port from the default.
    app.world_mut().resource_mut::<Phones>().on = true;
    app.update();
    app.update();
    let link = app.world().get_resource::<PhoneLink>().expect("phones are on");
    assert_ne!(link.0.addr().port(), port);
    assert!(app.world().resource::<PhoneNotice>().0.is_none(), "the notice is gone");
    let url = &app.world().resource::<PhoneAddress>().url;
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with(&format!("/?room={}", link.0.code())), "{url}");
    // Off again: the server stops, and its port is free.
    let addr = link.0.addr();
    app.world_mut().resource_mut::<Phones>().on = false;
    app.update();
    app.update();
    assert!(!app.world().contains_resource::<PhoneLink>());
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpListener::bind(addr).is_err() {
        assert!(Instant::now() < deadline, "the port was given back");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_flood_of_messages_is_dropped_before_the_game_and_the_phone_plays_on() {
    let server = server();
    let mut phone = connect(&server);
    assert!(matches!(say(&mut phone, r#"{"type":"join","room":"TUNA","name":"Ann"}"#), ServerMessage::Welcome { .. }));
    let answer = r#"{"type":"answer","question":0,"answer":{"kind":"option","index":1}}"#;
    for _ in 0..200 {
        phone.send(Message::text(answer)).expect("sent");
    }
    let mut replies = Vec::new();
    while replies.len() < 200 {
        let message = reply(&mut phone);
        if !is_push(&message) {
            replies.push(message);
        }
    }
    let dropped = replies.iter().filter(|m| matches!(m, ServerMessage::Error { code: ErrorCode::TooMany, .. })).count();
    assert!(dropped >= 150, "most of the flood was dropped: {dropped}");
    // The game heard only what got through: a second's worth at most, once or twice over.
    let heard = heard(&server, 200 - dropped + 1);
    let answers = heard.iter().filter(|e| matches!(e, Inbound::Answer { .. })).count();
    assert_eq!(answers, 200 - dropped);
    assert!(answers <= 2 * bigtuna::net::session::MAX_PER_SECOND as usize);
    // A second later, the phone is heard again.
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(say(&mut phone, r#"{"type":"ping"}"#), ServerMessage::Pong);
}
