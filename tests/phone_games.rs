//! Whole games played from phones: the game core headless with the server on a loopback
//! port, and WebSocket clients joining as players do. Every answer kind, every party mode, a
//! player joining between questions, the host remote, and a hundred phones at once.

use std::time::Duration;

use bevy::prelude::*;
use bigtuna::game::{Device, DrawnQuestion, FlowCommand, GameSettings, Overlay, Phase, PlayMode, Response, Screen};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::views::{AnswerShape, Stage, Turn};
use bigtuna::pack::AnswerKind;

use crate::phones::{Client, error_code, say, server, until};
use crate::support::{
    command, game, headless, overlay, phase, right_response, screen, start, synthetic_library, wrong_response,
};

/// A party night whose players joined from phones.
pub(crate) struct Night {
    pub app: App,
    pub phones: Vec<Client>,
    pub addr: std::net::SocketAddr,
}

/// `names` join from their phones (through the server, as the page does), then the game starts.
pub(crate) fn phone_night(names: &[&str], settings: GameSettings) -> Night {
    let server = server();
    let addr = server.addr();
    let mut app = headless(synthetic_library(8), GameSettings { players: Vec::new(), ..settings });
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(PhoneLink(server));
    let phones = names.iter().map(|name| join(&mut app, addr, name)).collect();
    start(&mut app);
    Night { app, phones, addr }
}

/// A phone joins and the TV seats it (bounded wait).
pub(crate) fn join(app: &mut App, addr: std::net::SocketAddr, name: &str) -> Client {
    let mut phone = connect_to(addr);
    let welcome = say(&mut phone, &format!(r#"{{"type":"join","room":"TUNA","name":"{name}"}}"#));
    assert!(matches!(welcome, ServerMessage::Welcome { .. }), "{welcome:?}");
    let seated = |app: &App| app.world().resource::<GameSettings>().players.iter().any(|p| p.name == name);
    pump(app, seated);
    let colour = until(&mut phone, |m| matches!(m, ServerMessage::Seated { .. }));
    assert!(matches!(&colour, ServerMessage::Seated { name: n, colour } if n == name && colour.len() == 7));
    phone
}

pub(crate) fn connect_to(addr: std::net::SocketAddr) -> Client {
    let (client, _) = tungstenite::connect(format!("ws://{addr}/ws")).expect("the server answers");
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = client.get_ref() {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    }
    client
}

/// Updates the game until `done` (the server's thread hands messages over): bounded.
pub(crate) fn pump(app: &mut App, done: impl Fn(&App) -> bool) {
    for _ in 0..400 {
        if done(app) {
            return;
        }
        app.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("the game never got there");
}

/// The protocol's answer for a response.
pub(crate) fn answer_json(question: usize, response: &Response) -> String {
    let answer = match response {
        Response::Option(index) => format!(r#"{{"kind":"option","index":{index}}}"#),
        Response::Text(text) => format!(r#"{{"kind":"text","text":{}}}"#, serde_json::to_string(text).expect("text")),
        Response::Number(value) => format!(r#"{{"kind":"number","value":{value}}}"#),
        Response::Order(order) => format!(r#"{{"kind":"order","order":{order:?}}}"#),
        Response::Pass | Response::Aloud => r#"{"kind":"pass"}"#.to_owned(),
    };
    format!(r#"{{"type":"answer","question":{question},"answer":{answer}}}"#)
}

/// Reads until `phone` is told to wait for `why`.
pub(crate) fn told_to_wait(phone: &mut Client, question: usize, why: &str) {
    let wanted = |m: &ServerMessage| matches!(m, ServerMessage::Question(v) if v.question == question && v.turn == Turn::Wait && v.note == why);
    until(phone, wanted);
}

/// The open question as `phone` sees it, once it says `turn`.
pub(crate) fn question_for(phone: &mut Client, question: usize, turn: Turn) -> bigtuna::net::views::QuestionView {
    let wanted =
        |m: &ServerMessage| matches!(m, ServerMessage::Question(v) if v.question == question && v.turn == turn);
    match until(phone, wanted) {
        ServerMessage::Question(view) => *view,
        _ => unreachable!(),
    }
}

fn current(app: &App) -> DrawnQuestion {
    game(app).question().expect("a question").clone()
}

pub(crate) fn reveal_for(phone: &mut Client, question: usize) -> bigtuna::net::views::ResultView {
    match until(phone, |m| matches!(m, ServerMessage::Reveal(r) if r.question == question)) {
        ServerMessage::Reveal(result) => *result,
        _ => unreachable!(),
    }
}

fn next_question(app: &mut App) {
    command(app, FlowCommand::Continue);
    if phase(app) == Some(Phase::Standings) {
        command(app, FlowCommand::Continue);
    }
}

pub(crate) fn all_kinds(mode: PlayMode, players: usize) -> GameSettings {
    GameSettings {
        mode,
        questions: 10,
        seed: Some(7),
        kinds: vec![
            AnswerKind::MultipleChoice,
            AnswerKind::TrueFalse,
            AnswerKind::Typed,
            AnswerKind::Number,
            AnswerKind::Ordering,
        ],
        teams: if mode == PlayMode::Teams { vec!["Red".into(), "Blue".into()] } else { Vec::new() },
        ..crate::support::settings(players, 10, 7)
    }
}

#[test]
fn phones_play_every_answer_kind_and_each_hears_its_own_result() {
    let Night { mut app, mut phones, .. } = phone_night(&["Ann", "Bo"], all_kinds(PlayMode::Everyone, 2));
    let mut shapes = Vec::new();
    while screen(&app) == Screen::Playing {
        let (question, drawn) = (game(&app).current, current(&app));
        for phone in &mut phones {
            let view = question_for(phone, question, Turn::Answer);
            assert_eq!(view.prompt, drawn.question.prompt);
            shapes.push(view.shape);
        }
        let [ann, bo] = &mut phones[..] else { unreachable!() };
        assert_eq!(say(ann, &answer_json(question, &right_response(&drawn))), ServerMessage::Ack { question });
        // Locked in: the phone is told so.
        pump(&mut app, |app| game(app).pending(0).is_some());
        question_for(ann, question, Turn::Answered);
        assert_eq!(say(bo, &answer_json(question, &wrong_response(&drawn))), ServerMessage::Ack { question });
        pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
        let round = game(&app).last_round().expect("a round");
        assert!(round.outcomes[0].correct && !round.outcomes[1].correct, "{:?}", drawn.question.answer);
        assert!(round.outcomes.iter().all(|o| o.answer.as_ref().is_some_and(|a| a.device == Device::Phone)));
        let (a, b) = (reveal_for(&mut phones[0], question), reveal_for(&mut phones[1], question));
        assert!(a.right && !b.right && a.points > 0 && b.points == 0);
        assert_eq!((a.rank, b.rank, a.score), (1, 2, game(&app).players[0].score));
        assert_eq!(a.explanation.as_deref(), Some("Because."));
        next_question(&mut app);
    }
    for shape in [AnswerShape::Options, AnswerShape::Typed, AnswerShape::Number, AnswerShape::Ordering] {
        assert!(shapes.contains(&shape), "{shape:?} was played: {shapes:?}");
    }
    // The end of the game: each phone hears its place and the winner.
    let over = until(&mut phones[1], |m| matches!(m, ServerMessage::Over(_)));
    let ServerMessage::Over(end) = over else { unreachable!() };
    assert_eq!((end.rank, end.players, end.winner.as_str()), (2, 2, "Ann"));
}

#[test]
fn buzz_in_from_phones_one_buzzer_at_a_time_and_a_wrong_answer_locks_out() {
    let settings = GameSettings { kinds: vec![AnswerKind::Typed], questions: 5, ..all_kinds(PlayMode::Buzz, 2) };
    let Night { mut app, mut phones, .. } = phone_night(&["Ann", "Bo"], settings);
    let (question, drawn) = (game(&app).current, current(&app));
    for phone in &mut phones {
        assert_eq!(question_for(phone, question, Turn::Buzz).shape, AnswerShape::Typed);
    }
    let [ann, bo] = &mut phones[..] else { unreachable!() };
    // Answering without the buzzer does nothing; Bo buzzes first and alone may answer.
    say(ann, &answer_json(question, &right_response(&drawn)));
    assert_eq!(say(bo, &format!(r#"{{"type":"buzz","question":{question}}}"#)), ServerMessage::Ack { question });
    pump(&mut app, |app| game(app).buzz.holder == Some(1));
    assert!(
        game(&app).players.iter().all(|p| p.this_round.pending.is_none()),
        "an answer before the buzz is not taken"
    );
    told_to_wait(ann, question, "Bo buzzed in");
    question_for(bo, question, Turn::Answer);
    say(bo, &answer_json(question, &wrong_response(&drawn)));
    pump(&mut app, |app| game(app).locked_out(1));
    told_to_wait(bo, question, "Locked out: wrong buzz");
    // Ann may buzz now, and her right answer wins the round.
    question_for(ann, question, Turn::Buzz);
    say(ann, &format!(r#"{{"type":"buzz","question":{question}}}"#));
    pump(&mut app, |app| game(app).buzz.holder == Some(0));
    question_for(ann, question, Turn::Answer);
    say(ann, &answer_json(question, &right_response(&drawn)));
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let round = game(&app).last_round().expect("round");
    assert!(round.outcomes[0].correct && !round.outcomes[1].correct);
    assert!(reveal_for(ann, question).right);
}

#[test]
fn hot_seat_and_teams_from_phones_say_whose_turn_it_is() {
    // Hot seat: the first question is Ann's; Bo's phone says so and takes nothing.
    let Night { mut app, mut phones, .. } = phone_night(&["Ann", "Bo"], all_kinds(PlayMode::HotSeat, 2));
    let (question, drawn) = (game(&app).current, current(&app));
    let turn = game(&app).turn().expect("a turn");
    let (on, off) = if turn == 0 { (0, 1) } else { (1, 0) };
    let name = game(&app).players[on].name.clone();
    told_to_wait(&mut phones[off], question, &format!("{name}'s turn on the hot seat"));
    question_for(&mut phones[on], question, Turn::Answer);
    say(&mut phones[off], &answer_json(question, &right_response(&drawn)));
    say(&mut phones[on], &answer_json(question, &right_response(&drawn)));
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let round = game(&app).last_round().expect("round");
    assert!(round.outcomes[on].correct && round.outcomes[off].answer.is_none());

    // Teams: the talk first, then one member answers for the team.
    let names = ["Ann", "Bo", "Cy", "Di"];
    let Night { mut app, mut phones, .. } = phone_night(&names, all_kinds(PlayMode::Teams, 4));
    let (question, drawn) = (game(&app).current, current(&app));
    told_to_wait(&mut phones[0], question, "Team talk: agree on an answer");
    pump(&mut app, |app| !game(app).team_talk());
    question_for(&mut phones[0], question, Turn::Answer);
    say(&mut phones[0], &answer_json(question, &right_response(&drawn)));
    pump(&mut app, |app| game(app).pending(0).is_some());
    let team = game(&app).players[0].team;
    let mate = (1..4).find(|p| game(&app).players[*p].team == team).expect("a team mate");
    told_to_wait(&mut phones[mate], question, "Your team has answered");
}

#[test]
fn a_phone_joins_between_questions_and_plays_from_the_next() {
    let Night { mut app, mut phones, addr } = phone_night(&["Ann", "Bo"], all_kinds(PlayMode::Everyone, 2));
    let (question, drawn) = (game(&app).current, current(&app));
    for phone in &mut phones {
        say(phone, &answer_json(question, &right_response(&drawn)));
    }
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let mut cy = join(&mut app, addr, "Cy");
    assert_eq!(game(&app).players.len(), 3);
    assert_eq!(crate::support::seats(&app).len(), 3);
    assert!(crate::support::seats(&app).iter().all(Option::is_some), "each on their phone");
    next_question(&mut app);
    let (question, drawn) = (game(&app).current, current(&app));
    question_for(&mut cy, question, Turn::Answer);
    say(&mut cy, &answer_json(question, &right_response(&drawn)));
    for phone in &mut phones {
        say(phone, &answer_json(question, &wrong_response(&drawn)));
    }
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let result = reveal_for(&mut cy, question);
    assert!(result.right && result.score > 0 && result.rank == 1, "{result:?}");
    // The same name twice is told so.
    let mut again = connect_to(addr);
    let taken = say(&mut again, r#"{"type":"join","room":"TUNA","name":"cy"}"#);
    assert_eq!(error_code(&taken), ErrorCode::NameTaken);
}

#[test]
fn the_host_remote_sees_the_key_and_runs_the_night_and_no_player_can() {
    let Night { mut app, mut phones, addr } = phone_night(&["Ann", "Bo"], all_kinds(PlayMode::Everyone, 2));
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = connect_to(addr);
    assert_eq!(error_code(&say(&mut remote, r#"{"type":"host","secret":"WRONGONE"}"#)), ErrorCode::WrongHostCode);
    let not_host = say(&mut phones[0], r#"{"type":"host_action","action":{"kind":"end"}}"#);
    assert_eq!(error_code(&not_host), ErrorCode::NotHost);
    let welcome = say(&mut remote, &format!(r#"{{"type":"host","secret":"{}"}}"#, code.to_lowercase()));
    assert!(matches!(welcome, ServerMessage::HostWelcome { .. }), "{welcome:?}");
    let key = bigtuna::words::answer_text(&current(&app));
    let view = until(&mut remote, |m| matches!(m, ServerMessage::HostView(v) if v.stage == Stage::Question));
    let ServerMessage::HostView(view) = view else { unreachable!() };
    assert_eq!((view.key.as_deref(), view.players.len()), (Some(key.as_str()), 2));
    let act = |remote: &mut Client, action: &str| {
        let done = say(remote, &format!(r#"{{"type":"host_action","action":{action}}}"#));
        assert!(matches!(done, ServerMessage::Done { .. }), "{action}: {done:?}");
    };
    act(&mut remote, r#"{"kind":"pause"}"#);
    pump(&mut app, |app| overlay(app) == Some(Overlay::Paused));
    act(&mut remote, r#"{"kind":"resume"}"#);
    pump(&mut app, |app| overlay(app) == Some(Overlay::None));
    act(&mut remote, r#"{"kind":"points","player":1,"delta":250}"#);
    pump(&mut app, |app| game(app).players[1].score == 250);
    let nobody = say(&mut remote, r#"{"type":"host_action","action":{"kind":"kick","player":7}}"#);
    assert_eq!(error_code(&nobody), ErrorCode::NoSuchPlayer);
    act(&mut remote, r#"{"kind":"kick","player":0}"#);
    pump(&mut app, |app| game(app).players[0].removed);
    told_to_wait(&mut phones[0], 0, "The host took you out of this game");
    // Locked: nobody new joins until unlocked.
    act(&mut remote, r#"{"kind":"lock"}"#);
    let mut late = connect_to(addr);
    assert_eq!(error_code(&say(&mut late, r#"{"type":"join","room":"TUNA","name":"Cy"}"#)), ErrorCode::RoomLocked);
    act(&mut remote, r#"{"kind":"unlock"}"#);
    assert!(matches!(say(&mut late, r#"{"type":"join","room":"TUNA","name":"Cy"}"#), ServerMessage::Welcome { .. }));
    act(&mut remote, r#"{"kind":"close"}"#);
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    act(&mut remote, r#"{"kind":"end"}"#);
    pump(&mut app, |app| screen(app) == Screen::Results);
    until(&mut phones[1], |m| matches!(m, ServerMessage::Over(_)));
    let log = &game(&app).host_log;
    assert_eq!(log.len(), 3, "points, kick and end are in the host's log: {log:?}");
}

#[test]
fn a_hundred_phones_answer_at_once_and_none_is_lost() {
    let names: Vec<String> = (0..100).map(|i| format!("P{i}")).collect();
    let settings =
        GameSettings { kinds: vec![AnswerKind::MultipleChoice], questions: 5, ..all_kinds(PlayMode::Everyone, 0) };
    let server = server();
    let addr = server.addr();
    let mut app = headless(synthetic_library(8), GameSettings { players: Vec::new(), ..settings });
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(PhoneLink(server));
    let mut phones: Vec<Client> = names
        .iter()
        .map(|name| {
            let mut phone = connect_to(addr);
            assert!(matches!(
                say(&mut phone, &format!(r#"{{"type":"join","room":"TUNA","name":"{name}"}}"#)),
                ServerMessage::Welcome { .. }
            ));
            phone
        })
        .collect();
    pump(&mut app, |app| app.world().resource::<GameSettings>().players.len() == 100);
    start(&mut app);
    let (question, drawn) = (game(&app).current, current(&app));
    for phone in &mut phones {
        question_for(phone, question, Turn::Answer);
    }
    // Every phone answers at once, each on its own thread; each waits for its ack.
    let answer = answer_json(question, &right_response(&drawn));
    let acks: Vec<std::thread::JoinHandle<ServerMessage>> = phones
        .drain(..)
        .map(|mut phone| {
            let answer = answer.clone();
            std::thread::spawn(move || say(&mut phone, &answer))
        })
        .collect();
    for ack in acks {
        assert_eq!(ack.join().expect("a phone thread"), ServerMessage::Ack { question });
    }
    pump(&mut app, |app| phase(app) == Some(Phase::Reveal));
    let round = game(&app).last_round().expect("round");
    assert_eq!(round.outcomes.iter().filter(|o| o.correct).count(), 100, "every answer arrived and counted");
}

#[test]
fn the_phones_snapshot_is_rebuilt_when_something_shown_changed_not_every_frame() {
    let Night { mut app, mut phones, .. } = phone_night(&["Ann", "Bo"], all_kinds(PlayMode::Everyone, 2));
    let question = game(&app).current;
    question_for(&mut phones[0], question, Turn::Answer);
    let handed = |app: &App| app.world().resource::<PhoneLink>().0.snapshots_handed();
    let before = handed(&app);
    for _ in 0..30 {
        app.update();
    }
    assert_eq!(handed(&app), before, "30 frames of an open question with a running clock rebuilt nothing");
    let drawn = current(&app);
    assert_eq!(say(&mut phones[0], &answer_json(question, &right_response(&drawn))), ServerMessage::Ack { question });
    pump(&mut app, |app| game(app).pending(0).is_some());
    app.update();
    assert!(handed(&app) > before, "an answer is shown (Ann's phone says answered)");
    question_for(&mut phones[0], question, Turn::Answered);
}
