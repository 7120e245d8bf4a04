//! The audience: phones beyond the players that answer along and score apart. Through the
//! server as phones do: joining by choice or when the room is locked, answering, never
//! buzzing, betting or using lifelines, their tally feeding Ask the Office, the reveal and
//! the end; the host closing and opening the audience; a resumed game keeping their scores.

use bevy::prelude::*;
use bigtuna::game::audience::{AudienceRound, MAX_AUDIENCE};
use bigtuna::game::{AudienceAction, GameSettings, JoinAudience, Phase, Presented, Response};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::views::Turn;
use bigtuna::pack::AnswerKind;
use bigtuna::persist::game_log::GameLog;

use crate::phone_games::{Night, answer_json, connect_to, phone_night, pump, question_for};
use crate::phones::{Client, connect, error_code, say, until};
use crate::support::*;

fn options_night() -> Night {
    let settings = GameSettings {
        kinds: vec![AnswerKind::MultipleChoice],
        questions: 3,
        seed: Some(11),
        lifelines: 1,
        ..GameSettings::default()
    };
    phone_night(&["Ann", "Bo"], settings)
}

/// A phone joins the audience by choice; its welcome says so.
fn join_audience(app: &mut App, addr: std::net::SocketAddr, name: &str) -> Client {
    let mut phone = connect_to(addr);
    let json = format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3,"audience":true}}"#);
    let welcome = say(&mut phone, &json);
    assert!(matches!(&welcome, ServerMessage::Welcome { audience: true, note: None, .. }), "{welcome:?}");
    pump(app, |app| game(app).audience.members.values().any(|m| m.name == name));
    phone
}

fn host_remote(app: &App, addr: std::net::SocketAddr) -> Client {
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut host = connect_to(addr);
    let welcome = say(&mut host, &format!(r#"{{"type":"host","secret":"{code}"}}"#));
    assert!(matches!(welcome, ServerMessage::HostWelcome { .. }), "{welcome:?}");
    host
}

fn host_does(host: &mut Client, kind: &str) {
    let done = say(host, &format!(r#"{{"type":"host_action","action":{{"kind":"{kind}"}}}}"#));
    assert_eq!(done, ServerMessage::Done { action: kind.to_owned() });
}

fn options(app: &App) -> (usize, usize) {
    match game(app).question().map(|q| q.presented.clone()) {
        Some(Presented::Options { options, correct }) => (options.len(), correct),
        other => panic!("an options question, not {other:?}"),
    }
}

/// The player's view once it offers Ask the Office.
fn offers_audience(phone: &mut Client) -> bigtuna::net::views::QuestionView {
    let offered = |m: &ServerMessage| matches!(m, ServerMessage::Question(v) if v.lifelines.offered.iter().any(|o| o.lifeline == "audience"));
    let ServerMessage::Question(view) = until(phone, offered) else { unreachable!() };
    *view
}

#[test]
fn an_audience_plays_along_scores_apart_and_the_tv_the_phones_and_the_record_keep_it() {
    let Night { mut app, mut phones, addr } = options_night();
    let mut fans = vec![join_audience(&mut app, addr, "Cy"), join_audience(&mut app, addr, "Di")];
    // A locked room seats a controller that knows the audience there, and says why; an older
    // controller hears that the room is locked, as before.
    let mut host = host_remote(&app, addr);
    host_does(&mut host, "lock");
    let mut late = connect_to(addr);
    let welcome = say(&mut late, r#"{"type":"join","room":"TUNA","name":"Ed","version":3}"#);
    let ServerMessage::Welcome { audience: true, note: Some(note), .. } = &welcome else { panic!("{welcome:?}") };
    assert!(note.contains("locked"), "{note}");
    let mut old = connect_to(addr);
    assert_eq!(error_code(&say(&mut old, r#"{"type":"join","room":"TUNA","name":"Fy"}"#)), ErrorCode::RoomLocked);
    // Names are the room's: an audience member cannot take a player's.
    let mut twin = connect_to(addr);
    let taken = say(&mut twin, r#"{"type":"join","room":"TUNA","name":"ann","version":3,"audience":true}"#);
    assert_eq!(error_code(&taken), ErrorCode::NameTaken);
    pump(&mut app, |app| game(app).audience.members.len() == 3);
    fans.push(late);

    let question = game(&app).current;
    let (count, correct) = options(&app);
    let view = question_for(&mut fans[0], question, Turn::Answer);
    assert!(view.lifelines.offered.is_empty(), "the audience has no lifelines");
    // The audience answers only: no buzz, bet or lifeline.
    for junk in [
        format!(r#"{{"type":"buzz","question":{question}}}"#),
        format!(r#"{{"type":"wager","question":{question},"points":5}}"#),
        format!(r#"{{"type":"lifeline","question":{question},"lifeline":"double"}}"#),
    ] {
        assert_eq!(error_code(&say(&mut fans[0], &junk)), ErrorCode::NotAPlayer, "{junk}");
    }
    // Cy and Di vote (right, wrong); Ed does not. Once they did, Ask the Office shows their votes.
    let wrong = (correct + 1) % count;
    for (fan, pick) in [(0, correct), (1, wrong)] {
        let json = answer_json(question, &Response::Option(pick));
        assert_eq!(say(&mut fans[fan], &json), ServerMessage::Ack { question });
    }
    pump(&mut app, |app| game(app).audience.answers.len() == 2);
    let locked = until(&mut fans[0], |m| matches!(m, ServerMessage::Question(_)));
    assert!(matches!(&locked, ServerMessage::Question(v) if v.turn == Turn::Answered), "{locked:?}");
    let offered = offers_audience(&mut phones[0]);
    assert!(offered.lifelines.offered.iter().any(|o| o.lifeline == "audience"), "{:?}", offered.lifelines);
    let ask = format!(r#"{{"type":"lifeline","question":{question},"lifeline":"audience"}}"#);
    assert_eq!(say(&mut phones[0], &ask), ServerMessage::Ack { question });
    pump(&mut app, |app| game(app).players[0].this_round.audience.is_some());
    let shares = game(&app).players[0].this_round.audience.clone().unwrap_or_default();
    assert_eq!((shares[correct], shares[wrong], shares.iter().sum::<u32>()), (50, 50, 100), "{shares:?}");

    // The players answer; the audience changes none of their points.
    for (phone, pick) in [(0, correct), (1, wrong)] {
        assert_eq!(
            say(&mut phones[phone], &answer_json(question, &Response::Option(pick))),
            ServerMessage::Ack { question }
        );
    }
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let round = game(&app).audience.round(question).cloned().expect("the audience's round");
    let mut votes = vec![0; count];
    (votes[correct], votes[wrong]) = (1, 1);
    assert_eq!(round, AudienceRound { question, members: 3, answered: 2, right: 1, votes });
    assert_eq!(game(&app).last_round().map(|r| r.outcomes.len()), Some(2), "only the players are in the round");
    let cy = game(&app).audience.members.values().find(|m| m.name == "Cy").cloned().expect("Cy");
    assert!(cy.score > 0 && cy.right == 1);
    let reveal = until(&mut fans[0], |m| matches!(m, ServerMessage::Reveal(_)));
    let ServerMessage::Reveal(reveal) = reveal else { unreachable!() };
    assert!(reveal.right && reveal.rank == 1 && reveal.score == cy.score, "{reveal:?}");
    let ServerMessage::Reveal(di) = until(&mut fans[1], |m| matches!(m, ServerMessage::Reveal(_))) else { panic!() };
    assert!(!di.right && di.points == 0 && di.rank == 2, "{di:?}");

    // To the end: the audience's place is among the audience, the winner the players'.
    while phase(&app) != Some(Phase::Reveal) || game(&app).current + 1 < game(&app).questions.len() {
        command(&mut app, bigtuna::game::FlowCommand::Continue);
        if phase(&app) == Some(Phase::Question) {
            let q = game(&app).current;
            let (_, right) = options(&app);
            let _ = say(&mut phones[0], &answer_json(q, &Response::Option(right)));
            let _ = say(&mut phones[1], &answer_json(q, &Response::Option(right)));
            pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
        }
    }
    for _ in 0..4 {
        command(&mut app, bigtuna::game::FlowCommand::Continue);
    }
    pump(&mut app, |app| screen(app) == bigtuna::game::Screen::Results);
    let ServerMessage::Over(end) = until(&mut fans[0], |m| matches!(m, ServerMessage::Over(_))) else { panic!() };
    assert!(end.audience && end.rank == 1 && end.players == 3 && end.winner.contains("Ann"), "{end:?}");
    let record = GameLog::of(game(&app), 0);
    assert_eq!(record.audience.first().map(|m| (m.name.as_str(), m.rank)), Some(("Cy", 1)));
    assert_eq!(record.audience.len(), 3);
    assert_eq!(record.rounds[0].audience.as_ref().map(|r| r.answered), Some(2));
    let _ = MAX_AUDIENCE;
}

#[test]
fn the_host_closes_the_audience_and_opens_it_again() {
    let Night { mut app, mut phones, addr } = options_night();
    let mut fan = join_audience(&mut app, addr, "Cy");
    let ServerMessage::Welcome { secret, .. } =
        say(&mut connect_to(addr), r#"{"type":"join","room":"TUNA","name":"Di","version":3,"audience":true}"#)
    else {
        panic!()
    };
    pump(&mut app, |app| game(app).audience.members.len() == 2);
    let question = game(&app).current;
    offers_audience(&mut phones[0]);
    let mut host = host_remote(&app, addr);
    host_does(&mut host, "close_audience");
    // Its phones are told, and go back to joining; nobody joins it or comes back to it.
    let closed = until(&mut fan, |m| matches!(m, ServerMessage::Error { .. }));
    assert_eq!(error_code(&closed), ErrorCode::AudienceClosed);
    let mut newcomer = connect_to(addr);
    let refused = say(&mut newcomer, r#"{"type":"join","room":"TUNA","name":"Ed","version":3,"audience":true}"#);
    assert_eq!(error_code(&refused), ErrorCode::AudienceClosed);
    let mut back = connect_to(addr);
    assert_eq!(
        error_code(&say(&mut back, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#))),
        ErrorCode::AudienceClosed
    );
    pump(&mut app, |app| game(app).audience.closed);
    // Ask the Office goes with it; scores stay.
    let view = until(
        &mut phones[0],
        |m| matches!(m, ServerMessage::Question(v) if v.lifelines.offered.iter().all(|o| o.lifeline != "audience")),
    );
    assert!(matches!(view, ServerMessage::Question(_)));
    assert_eq!(game(&app).audience.members.len(), 2);
    // Opened again, a member comes back by its secret and plays along.
    host_does(&mut host, "open_audience");
    let welcome = say(&mut back, &format!(r#"{{"type":"rejoin","secret":"{secret}"}}"#));
    assert!(matches!(welcome, ServerMessage::Welcome { audience: true, .. }), "{welcome:?}");
    pump(&mut app, |app| !game(app).audience.closed);
    let (_, correct) = options(&app);
    assert_eq!(say(&mut back, &answer_json(question, &Response::Option(correct))), ServerMessage::Ack { question });
    pump(&mut app, |app| game(app).audience.answers.len() == 1);
}

#[test]
fn a_resumed_game_keeps_the_audience_and_its_scores() {
    let dir = scratch_dir("audience-resume");
    let settings = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..settings(2, 4, 3) };
    let mut app = crate::resume::saving_app_with(&dir, settings.clone(), |_| {});
    start(&mut app);
    send(&mut app, JoinAudience { member: 0, name: "Cy".into() });
    send(&mut app, JoinAudience { member: 1, name: "Di".into() });
    app.update();
    let drawn = game(&app).question().cloned().expect("a question");
    let question = game(&app).current;
    send(&mut app, AudienceAction { member: 0, question, response: right_response(&drawn) });
    // An answer to another question, of the wrong kind, or from nobody in the audience, is dropped.
    send(&mut app, AudienceAction { member: 1, question: question + 1, response: right_response(&drawn) });
    send(&mut app, AudienceAction { member: 1, question, response: Response::Text("Jim".into()) });
    send(&mut app, AudienceAction { member: 7, question, response: right_response(&drawn) });
    app.update();
    assert_eq!(game(&app).audience.answers.len(), 1);
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 1, wrong_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let before = game(&app).audience.clone();
    assert!(before.members[&0].score > 0 && before.members[&1].score == 0);
    drop(app);
    let resumed = crate::resume::resumed(&dir, settings);
    let after = &game(&resumed).audience;
    assert_eq!((&after.members, &after.rounds), (&before.members, &before.rounds));
    assert_eq!(resumed.world().resource::<bigtuna::game::audience_play::AudienceRoster>().members.len(), 2);
}

#[test]
fn a_full_audience_beside_a_full_room_joins_and_a_flood_or_a_giant_harms_only_itself() {
    use crate::phones::server;
    use bigtuna::net::room::{MAX_AUDIENCE, MAX_PHONES};
    use bigtuna::net::server::Inbound;
    use tungstenite::Message;
    let server = server();
    let join = |client: &mut Client, name: String, audience: bool| {
        let json = format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3,"audience":{audience}}}"#);
        say(client, &json)
    };
    let mut players: Vec<Client> = (0..MAX_PHONES).map(|_| connect(&server)).collect();
    let mut secret = String::new();
    for (n, phone) in players.iter_mut().enumerate() {
        match join(phone, format!("P{n}"), false) {
            ServerMessage::Welcome { audience: false, secret: given, .. } => secret = given,
            other => panic!("{other:?}"),
        }
    }
    let mut fans: Vec<Client> = Vec::with_capacity(MAX_AUDIENCE);
    for n in 0..MAX_AUDIENCE {
        let mut fan = connect(&server);
        // Half ask for the audience; the rest find the room full and are seated there.
        let welcome = join(&mut fan, format!("A{n}"), n % 2 == 0);
        assert!(matches!(&welcome, ServerMessage::Welcome { audience: true, .. }), "{welcome:?}");
        fans.push(fan);
    }
    let mut late = connect(&server);
    assert_eq!(error_code(&join(&mut late, "Late".into(), true)), ErrorCode::RoomFull);
    // A flood from one member is dropped with a word; a giant frame closes only its sender.
    let flood: Vec<ServerMessage> = (0..40).map(|_| say(&mut fans[0], r#"{"type":"ping"}"#)).collect();
    assert!(flood.iter().any(|m| matches!(m, ServerMessage::Error { code: ErrorCode::TooMany, .. })));
    let _ = fans[1].send(Message::text("x".repeat(1024 * 1024)));
    let closed = (0..4).any(|_| !matches!(fans[1].read(), Ok(Message::Text(_)) | Ok(Message::Ping(_))));
    assert!(closed, "the giant's sender is cut off");
    // Everyone else still plays: each answers and is acked.
    let answer = answer_json(0, &Response::Option(1));
    for (n, phone) in players.iter_mut().chain(fans.iter_mut().skip(2)).enumerate() {
        assert_eq!(say(phone, &answer), ServerMessage::Ack { question: 0 }, "phone {n}");
    }
    let mut events = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while events.len() < MAX_PHONES * 2 + MAX_AUDIENCE * 2 - 2 && std::time::Instant::now() < deadline {
        events.extend(server.drain());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let count = |f: fn(&Inbound) -> bool| events.iter().filter(|e| f(e)).count();
    assert_eq!(count(|e| matches!(e, Inbound::Joined { .. })), MAX_PHONES);
    assert_eq!(count(|e| matches!(e, Inbound::AudienceJoined { .. })), MAX_AUDIENCE);
    assert_eq!(count(|e| matches!(e, Inbound::Answer { .. })), MAX_PHONES);
    assert_eq!(count(|e| matches!(e, Inbound::AudienceAnswer { .. })), MAX_AUDIENCE - 2, "no answer lost");
    idle_ones_are_closed_at_that_size(&server, players, fans, &secret);
}

/// Every connection of a full room that goes quiet is closed (freeing its slot) while one that
/// keeps talking stays, and the last player closed comes back into its seat with its secret.
fn idle_ones_are_closed_at_that_size(
    server: &bigtuna::net::server::PhoneServer,
    players: Vec<Client>,
    fans: Vec<Client>,
    secret: &str,
) {
    use std::time::{Duration, Instant};
    use tungstenite::Message;
    let mut quiet: Vec<Client> = players.into_iter().chain(fans.into_iter().skip(3)).collect();
    let (mut talker, idle) = (connect(server), Duration::from_millis(1500));
    let welcome = say(&mut talker, r#"{"type":"join","room":"TUNA","name":"Talker","version":3}"#);
    assert!(matches!(welcome, ServerMessage::Error { code: ErrorCode::RoomFull, .. }), "{welcome:?}");
    server.set_idle_timeout(idle);
    let start = Instant::now();
    while start.elapsed() < idle * 2 {
        assert_eq!(say(&mut talker, r#"{"type":"ping"}"#), ServerMessage::Pong, "the talker stays");
        std::thread::sleep(Duration::from_millis(300));
    }
    let closed_idle = |client: &mut Client| {
        (0..50).find_map(|_| match client.read() {
            Ok(Message::Close(frame)) => Some(frame.is_some_and(|f| u16::from(f.code) == 1001)),
            Ok(_) => None,
            Err(_) => Some(false),
        })
    };
    let closed = quiet.iter_mut().map(closed_idle).filter(|idled| *idled == Some(true)).count();
    assert_eq!(closed, quiet.len(), "every quiet connection was closed as idle");
    let mut back = connect(server);
    let rejoin = format!(r#"{{"type":"rejoin","secret":"{secret}","version":3}}"#);
    assert!(matches!(say(&mut back, &rejoin), ServerMessage::Welcome { audience: false, .. }));
}

/// The soft and hard limits on open files of this process, from `/proc/self/limits`.
fn open_files() -> (u64, u64) {
    let limits = std::fs::read_to_string("/proc/self/limits").expect("/proc/self/limits");
    let line = limits.lines().find(|l| l.starts_with("Max open files")).expect("the open files line");
    let numbers: Vec<u64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

#[test]
fn a_game_started_with_1024_open_files_raises_its_limit_for_a_full_room() {
    // The child runs with the soft limit many desktops start programs with.
    let exe = std::env::current_exe().expect("the test binary");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"ulimit -Sn 1024 && exec "$0" --ignored --exact audience::open_files_child --nocapture"#)
        .arg(exe)
        .output()
        .expect("bash runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}\n{}", String::from_utf8_lossy(&output.stderr));
    let hard = open_files().1;
    let wanted = bigtuna::net::file_limit::WANTED.min(hard);
    assert!(said.contains(&format!("open files 1024 -> {wanted}")), "{said}");
}

#[test]
#[ignore = "the child process of the open-files test, started by it"]
fn open_files_child() {
    let (before, _) = open_files();
    let _server = crate::phones::server();
    let (after, _) = open_files();
    assert!(after >= bigtuna::net::file_limit::NEEDED.min(open_files().1), "{after}");
    println!("open files {before} -> {after}");
}
