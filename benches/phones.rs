//! A hundred phones answering one question: the game headless (its rules, the phone server and
//! its link, no rendering) with a hundred WebSocket clients on 127.0.0.1, each on its own
//! thread. Criterion times a burst (all answer at once, until every ack and the reveal); then
//! a night of questions where each phone answers at a random moment within one second reports
//! answer-to-ack latency (p50, p99) and the TV's CPU (the game's and the server's threads).
//!
//! `cargo bench --profile dev --bench phones`; figures in `docs/PERFORMANCE.md`.

use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bigtuna::game::Seat;
use bigtuna::game::{FlowCommand, Game, GameSettings, Phase, PlayerSpec, Screen, TimerChoice};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::room::Room;
use bigtuna::net::server::PhoneServer;
use bigtuna::net::views::Turn;
use bigtuna::pack::{Answer, AnswerKind, Difficulty, Pack, PackLibrary, Question};
use criterion::Criterion;
use rand::RngExt;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const PHONES: usize = 100;
const QUESTIONS: usize = 100;

type Client = WebSocket<MaybeTlsStream<TcpStream>>;

fn library() -> PackLibrary {
    let questions = (0..QUESTIONS)
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

/// The TV: the game's core, input and phone link, headless, with a hundred phones seated.
fn tv() -> (App, SocketAddr) {
    let server = PhoneServer::start(([127, 0, 0, 1], 0).into(), Room::with_code("TUNA".into())).expect("a port");
    let addr = server.addr();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(20)));
    app.insert_resource(library());
    app.insert_resource(GameSettings {
        questions: QUESTIONS,
        seed: Some(1),
        timer: TimerChoice::Off,
        kinds: vec![AnswerKind::MultipleChoice],
        players: (0..PHONES)
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

fn read(client: &mut Client) -> Option<ServerMessage> {
    match client.read().ok()? {
        Message::Text(text) => serde_json::from_str(text.as_str()).ok(),
        _ => None,
    }
}

/// A phone: joins, then answers each question it is shown after up to `spread`, and reports
/// each answer's time to its ack.
fn phone(addr: SocketAddr, n: usize, spread: Duration, stop: Arc<AtomicBool>, acks: mpsc::Sender<Duration>) {
    let (mut client, _) = tungstenite::connect(format!("ws://{addr}/ws")).expect("connects");
    if let MaybeTlsStream::Plain(stream) = client.get_ref() {
        let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    }
    let join = format!(r#"{{"type":"join","room":"TUNA","name":"P{n}"}}"#);
    client.send(Message::text(join)).expect("join");
    let mut answered = None;
    let mut rng = rand::rng();
    while !stop.load(Ordering::Relaxed) {
        let Some(ServerMessage::Question(view)) = read(&mut client) else { continue };
        if view.turn != Turn::Answer || answered == Some(view.question) {
            continue;
        }
        answered = Some(view.question);
        std::thread::sleep(spread.mul_f64(rng.random::<f64>()));
        let sent = Instant::now();
        let answer =
            format!(r#"{{"type":"answer","question":{},"answer":{{"kind":"option","index":0}}}}"#, view.question);
        client.send(Message::text(answer)).expect("answer");
        while !stop.load(Ordering::Relaxed) {
            if let Some(ServerMessage::Ack { .. }) = read(&mut client) {
                let _ = acks.send(sent.elapsed());
                break;
            }
        }
    }
}

/// CPU seconds of this process's threads named `names`, and of its main thread with
/// `main` (from `/proc`, in clock ticks).
fn cpu(names: &[&str], main: bool) -> f64 {
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

/// What a night measured.
struct Night {
    /// Each answer's time to its ack.
    acks: Vec<Duration>,
    /// Each round's time from the question opening to its reveal.
    rounds: Vec<Duration>,
    /// CPU seconds of the TV's threads (the game's and the server's).
    tv_cpu: f64,
    /// CPU seconds of the server's thread alone.
    server_cpu: f64,
    /// Wall seconds of the rounds.
    wall: f64,
}

/// A night: `rounds` questions, each answered by every phone within `spread`; the TV updates
/// every 2 ms.
fn night(rounds: usize, spread: Duration) -> Night {
    let (mut app, addr) = tv();
    let stop = Arc::new(AtomicBool::new(false));
    let (acks, heard) = mpsc::channel();
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let (stop, acks) = (Arc::clone(&stop), acks.clone());
            std::thread::Builder::new()
                .name(format!("phone-{n}"))
                .spawn(move || phone(addr, n, spread, stop, acks))
                .expect("a thread")
        })
        .collect();
    // Every phone is in the room before the game starts.
    while !all_joined(&app) {
        app.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    app.world_mut().write_message(FlowCommand::StartGame);
    let (cpu_before, server_before, started) =
        (cpu(&["phone-server"], true), cpu(&["phone-server"], false), Instant::now());
    let mut round_times = Vec::new();
    for _ in 0..rounds {
        let opened = Instant::now();
        while app.world().get_resource::<State<Phase>>().map(|p| *p.get()) != Some(Phase::Reveal) {
            app.update();
            std::thread::sleep(Duration::from_millis(2));
        }
        round_times.push(opened.elapsed());
        app.world_mut().write_message(FlowCommand::Continue);
        for _ in 0..3 {
            app.update();
        }
        if app.world().get_resource::<State<Phase>>().map(|p| *p.get()) == Some(Phase::Standings) {
            app.world_mut().write_message(FlowCommand::Continue);
            app.update();
            app.update();
        }
    }
    let (wall, tv_cpu) = (started.elapsed().as_secs_f64(), cpu(&["phone-server"], true) - cpu_before);
    let server_cpu = cpu(&["phone-server"], false) - server_before;
    let rounds_played = app.world().resource::<Game>().rounds.len();
    assert!(rounds_played >= rounds);
    let answered: usize = app.world().resource::<Game>().rounds[..rounds]
        .iter()
        .map(|r| r.outcomes.iter().filter(|o| o.answer.is_some()).count())
        .sum();
    assert_eq!(answered, rounds * PHONES, "no answer lost");
    stop.store(true, Ordering::Relaxed);
    for phone in phones {
        let _ = phone.join();
    }
    Night { acks: heard.try_iter().collect(), rounds: round_times, tv_cpu, server_cpu, wall }
}

fn all_joined(app: &App) -> bool {
    app.world().resource::<GameSettings>().players.len() == PHONES
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let mut criterion =
        Criterion::default().configure_from_args().sample_size(10).measurement_time(Duration::from_secs(10));
    criterion.bench_function("100 phones answer one question at once (until the reveal)", |b| {
        b.iter_custom(|iterations| {
            // A night has at most QUESTIONS rounds: longer runs take several nights.
            let mut left = iterations as usize;
            let mut total = Duration::ZERO;
            while left > 0 {
                let rounds = left.min(QUESTIONS - 1);
                total += night(rounds, Duration::ZERO).rounds.iter().sum::<Duration>();
                left -= rounds;
            }
            total
        });
    });
    criterion.final_summary();
    let Night { acks: mut times, tv_cpu, server_cpu, wall, .. } = night(20, Duration::from_secs(1));
    times.sort();
    println!(
        "answers within 1 s, 20 questions x {PHONES} phones: {} acks; answer-to-ack p50 {:?}, p99 {:?}, max {:?}; \
         TV threads (game updated every 2 ms + server) {:.1}% of one core, the server's alone {:.1}%, over {:.1} s",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default(),
        100.0 * tv_cpu / wall,
        100.0 * server_cpu / wall,
        wall,
    );
}
