//! A hundred phones answering one question: the game headless (its rules, the phone server and
//! its link, no rendering) with a hundred WebSocket clients on 127.0.0.1, each on its own
//! thread. Criterion times a burst (all answer at once, until every ack and the reveal); then
//! a night of questions where each phone answers at a random moment within one second reports
//! answer-to-ack latency (p50, p99) and the TV's CPU (the game's and the server's threads).
//!
//! `cargo bench --profile dev --bench phones`; figures in `docs/PERFORMANCE.md`.

#[path = "tv.rs"]
mod tv;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bigtuna::game::{FlowCommand, Game, GameSettings, Phase};
use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::Turn;
use criterion::Criterion;
use rand::RngExt;
use tungstenite::Message;

const PHONES: usize = 100;
const QUESTIONS: usize = 100;

/// A phone: joins, then answers each question it is shown after up to `spread`, and reports
/// each answer's time to its ack.
fn phone(addr: SocketAddr, n: usize, spread: Duration, stop: Arc<AtomicBool>, acks: mpsc::Sender<Duration>) {
    let mut client = tv::connect(addr);
    let join = format!(r#"{{"type":"join","room":"TUNA","name":"P{n}"}}"#);
    client.send(Message::text(join)).expect("join");
    let mut answered = None;
    let mut rng = rand::rng();
    while !stop.load(Ordering::Relaxed) {
        let Some(ServerMessage::Question(view)) = tv::read(&mut client) else { continue };
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
            if let Some(ServerMessage::Ack { .. }) = tv::read(&mut client) {
                let _ = acks.send(sent.elapsed());
                break;
            }
        }
    }
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
    let (mut app, addr) = tv::tv(PHONES, QUESTIONS);
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
        (tv::cpu(&["phone-server"], true), tv::cpu(&["phone-server"], false), Instant::now());
    let mut round_times = Vec::new();
    for _ in 0..rounds {
        let opened = Instant::now();
        while app.world().get_resource::<State<Phase>>().map(|p| *p.get()) != Some(Phase::Reveal) {
            app.update();
            std::thread::sleep(Duration::from_millis(2));
        }
        round_times.push(opened.elapsed());
        // A phone may send 20 messages a second: rounds are spaced (outside the measured
        // time) so that phones answering each at once are not slowed down by the limit.
        std::thread::sleep(Duration::from_millis(60));
        tv::next_question(&mut app);
    }
    let (wall, tv_cpu) = (started.elapsed().as_secs_f64(), tv::cpu(&["phone-server"], true) - cpu_before);
    let server_cpu = tv::cpu(&["phone-server"], false) - server_before;
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
        tv::percentile(&times, 0.5),
        tv::percentile(&times, 0.99),
        times.last().copied().unwrap_or_default(),
        100.0 * tv_cpu / wall,
        100.0 * server_cpu / wall,
        wall,
    );
}
