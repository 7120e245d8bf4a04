//! What the phone benchmarks share: the TV (the game's core, input and phone link,
//! headless, on a loopback port), a question bank for it, and the measures (CPU seconds of
//! threads, percentiles). Not a bench itself: `#[path]`-included by `phones.rs` and
//! `audience.rs`.

use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bigtuna::game::Seat;
use bigtuna::game::{GameSettings, PlayerSpec, Screen, TimerChoice};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::room::Room;
use bigtuna::net::server::PhoneServer;
use bigtuna::pack::{Answer, AnswerKind, Difficulty, Pack, PackLibrary, Question};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// A WebSocket client, as a phone.
pub type Client = WebSocket<MaybeTlsStream<TcpStream>>;

/// `questions` multiple-choice questions.
pub fn library(questions: usize) -> PackLibrary {
    let questions = (0..questions)
        .map(|i| Question {
            id: format!("q{i}"),
            prompt: format!("Question {i}?"),
            difficulty: Difficulty::ALL[i % 3],
            category: "Career".into(),
            tags: Vec::new(),
            seasons: None,
            group: None,
            explanation: String::new(),
            source: "bench".into(),
            answer: Answer::MultipleChoice {
                correct: format!("right {i}"),
                wrong: vec!["a".into(), "b".into(), "c".into()],
            },
            hint: None,
            image: None,
            sound: None,
            reveal_image: None,
        })
        .collect();
    let pack = Pack::new("bench", "Bench", questions);
    PackLibrary { packs: vec![pack], ..PackLibrary::default() }
}

/// The TV: the game's core, input and phone link, headless, with `phones` seats for phones.
pub fn tv(phones: usize, questions: usize) -> (App, SocketAddr) {
    let server = PhoneServer::start(([127, 0, 0, 1], 0).into(), Room::with_code("TUNA".into())).expect("a port");
    let addr = server.addr();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(20)));
    app.insert_resource(library(questions));
    app.insert_resource(GameSettings {
        questions,
        seed: Some(1),
        timer: TimerChoice::Off,
        kinds: vec![AnswerKind::MultipleChoice],
        players: (0..phones)
            .map(|n| PlayerSpec { seat: Some(Seat::Phone(n as u32)), ..PlayerSpec::numbered(n) })
            .collect(),
        ..GameSettings::default()
    });
    app.add_plugins((
        bigtuna::game::plugin,
        bigtuna::input::plugin,
        bigtuna::net::inbound::plugin,
        bigtuna::net::publish::plugin,
    ));
    app.insert_resource(PhoneLink(server));
    app.update();
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.update();
    (app, addr)
}

/// The next message, if one came in time and reads.
pub fn read(client: &mut Client) -> Option<ServerMessage> {
    match client.read().ok()? {
        Message::Text(text) => serde_json::from_str(text.as_str()).ok(),
        _ => None,
    }
}

/// CPU seconds of this process's threads named `names`, and of its main thread with
/// `main` (from `/proc`, in clock ticks).
pub fn cpu(names: &[&str], main: bool) -> f64 {
    let ticks = 100.0;
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return 0.0 };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| {
            let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
            let (comm, rest) = stat.split_once(") ")?;
            let comm = comm.split_once(" (")?.1;
            let is_main = task.file_name().to_string_lossy() == std::process::id().to_string();
            let wanted = names.contains(&comm) || (main && is_main);
            if !wanted {
                return None;
            }
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let (user, system): (f64, f64) = (fields.get(11)?.parse().ok()?, fields.get(12)?.parse().ok()?);
            Some((user + system) / ticks)
        })
        .sum()
}

/// The `p` percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A phone's connection, tried again (as the phone page does) while the TV turns it away
/// as busy; reads time out after 500 ms.
pub fn connect(addr: SocketAddr) -> Client {
    for _ in 0..250 {
        if let Ok((client, _)) = tungstenite::connect(format!("ws://{addr}/ws")) {
            if let tungstenite::stream::MaybeTlsStream::Plain(stream) = client.get_ref() {
                let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
            }
            return client;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the TV takes the connection");
}

/// From the reveal to the next question (past the standings, when shown).
pub fn next_question(app: &mut App) {
    app.world_mut().write_message(bigtuna::game::FlowCommand::Continue);
    for _ in 0..3 {
        app.update();
    }
    if app.world().get_resource::<State<bigtuna::game::Phase>>().map(|p| *p.get())
        == Some(bigtuna::game::Phase::Standings)
    {
        app.world_mut().write_message(bigtuna::game::FlowCommand::Continue);
        app.update();
        app.update();
    }
}
