//! A full room: 100 players and 1,000 audience phones on 127.0.0.1, each answering every
//! question at a random moment within one second. The TV is the game headless (its rules, the
//! phone server and its link, no rendering), updated every 2 ms; the phones are WebSocket
//! clients in a child process (this bench again, with `BIGTUNA_BENCH_CLIENTS` set), so the
//! TV's CPU and memory are its own. It reports every answer's time to its ack (p50, p99, max),
//! that every answer counted (players' in the round, the audience's in its tally), and the
//! TV's CPU and resident memory.
//!
//! `cargo bench --profile dev --bench audience`; figures in `docs/PERFORMANCE.md`.

#[path = "tv.rs"]
mod tv;

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bigtuna::game::audience_play::AudienceRoster;
use bigtuna::game::{FlowCommand, Game, Phase};
use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::views::Turn;
use rand::RngExt;
use tungstenite::Message;

const PLAYERS: usize = 100;
const AUDIENCE: usize = 1000;
const ROUNDS: usize = 5;
const SPREAD: Duration = Duration::from_secs(1);
/// Nothing here may wait longer than this.
const BOUND: Duration = Duration::from_secs(120);

fn main() {
    if let Ok(addr) = std::env::var("BIGTUNA_BENCH_CLIENTS") {
        return clients(addr.parse().expect("an address"));
    }
    // One seat more than phones join: the round stays open until the host reveals it, once
    // every answer is in, so none arrives after it closed.
    let (mut app, addr) = tv::tv(PLAYERS + 1, ROUNDS + 1);
    let rss_before = rss_kib();
    let mut child = Command::new(std::env::current_exe().expect("this bench"))
        .env("BIGTUNA_BENCH_CLIENTS", addr.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the phones' process");
    let (lines, heard) = mpsc::channel();
    let out = child.stdout.take().expect("its output");
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let started = Instant::now();
    let joined = |app: &App| app.world().resource::<AudienceRoster>().members.len() == AUDIENCE;
    while !joined(&app) {
        assert!(started.elapsed() < BOUND, "every phone joins");
        app.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    let joining = started.elapsed();
    app.world_mut().write_message(FlowCommand::StartGame);
    let (cpu_before, server_before, rounds_started) =
        (tv::cpu(&["phone-server"], true), tv::cpu(&["phone-server"], false), Instant::now());
    for _ in 0..ROUNDS {
        play_round(&mut app);
    }
    let wall = rounds_started.elapsed().as_secs_f64();
    let tv_cpu = tv::cpu(&["phone-server"], true) - cpu_before;
    let server_cpu = tv::cpu(&["phone-server"], false) - server_before;
    let rss_after = rss_kib();
    let game = app.world().resource::<Game>();
    let players: usize =
        game.rounds[..ROUNDS].iter().map(|r| r.outcomes.iter().filter(|o| o.answer.is_some()).count()).sum();
    let audience: u32 = game.audience.rounds[..ROUNDS].iter().map(|r| r.answered).sum();
    assert_eq!((players, audience as usize), (ROUNDS * PLAYERS, ROUNDS * AUDIENCE), "no answer lost");
    let mut acks: Vec<Duration> = Vec::new();
    let deadline = Instant::now() + BOUND;
    while let Ok(line) = heard.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        match line.split_once(' ') {
            Some(("ack", micros)) => acks.push(Duration::from_micros(micros.parse().unwrap_or(0))),
            _ if line == "done" => break,
            _ => {}
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    acks.sort();
    assert_eq!(acks.len(), ROUNDS * (PLAYERS + AUDIENCE), "every answer acked");
    println!(
        "{PLAYERS} players + {AUDIENCE} audience phones, {ROUNDS} questions, each answered within {SPREAD:?}: \
         {} acks; answer-to-ack p50 {:?}, p99 {:?}, max {:?}; all joined in {joining:.1?}; \
         TV threads (game updated every 2 ms + server) {:.1}% of one core, the server's alone {:.1}%, over {wall:.1} s; \
         TV resident memory {} MiB before the phones, {} MiB with them",
        acks.len(),
        tv::percentile(&acks, 0.5),
        tv::percentile(&acks, 0.99),
        acks.last().copied().unwrap_or_default(),
        100.0 * tv_cpu / wall,
        100.0 * server_cpu / wall,
        rss_before / 1024,
        rss_after / 1024,
    );
}

/// One question: open until every player and audience answer is in, then revealed by the host.
fn play_round(app: &mut App) {
    let started = Instant::now();
    let all_in = |app: &App| {
        let Some(game) = app.world().get_resource::<Game>() else { return false };
        let players = (0..PLAYERS).filter(|p| game.pending(*p).is_some()).count();
        app.world().get_resource::<State<Phase>>().map(|p| *p.get()) == Some(Phase::Question)
            && players == PLAYERS
            && game.audience.answers.len() == AUDIENCE
    };
    while !all_in(app) {
        assert!(started.elapsed() < BOUND, "every answer comes in");
        app.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    app.world_mut().write_message(FlowCommand::CloseQuestion);
    app.update();
    app.update();
    tv::next_question(app);
}

/// The TV's resident memory, in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).unwrap_or(0)
}

/// The phones' process: joins every phone one after another (as a room of phones would,
/// not all in one instant from one address), then each plays on its own thread and reports
/// each answer's time to its ack on stdout.
fn clients(addr: SocketAddr) {
    let (acks, heard) = mpsc::channel::<Duration>();
    let mut phones = Vec::new();
    for n in 0..PLAYERS + AUDIENCE {
        let mut client = tv::connect(addr);
        let join = if n < PLAYERS {
            format!(r#"{{"type":"join","room":"TUNA","name":"P{n}","version":3}}"#)
        } else {
            format!(r#"{{"type":"join","room":"TUNA","name":"A{n}","version":3,"audience":true}}"#)
        };
        client.send(Message::text(join)).expect("join");
        while !matches!(tv::read(&mut client), Some(ServerMessage::Welcome { .. })) {}
        let acks = acks.clone();
        let phone = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || play(client, &acks));
        phones.push(phone.expect("a thread"));
    }
    drop(acks);
    let mut out = std::io::stdout().lock();
    for ack in heard {
        let _ = writeln!(out, "ack {}", ack.as_micros());
    }
    let _ = writeln!(out, "done");
    for phone in phones {
        let _ = phone.join();
    }
}

/// Answers each of [`ROUNDS`] questions after up to [`SPREAD`]; reports each answer's time to its ack.
fn play(mut client: tv::Client, acks: &mpsc::Sender<Duration>) {
    let mut rng = rand::rng();
    let (mut answered, started) = (Vec::new(), Instant::now());
    while answered.len() < ROUNDS && started.elapsed() < BOUND * 2 {
        let Some(ServerMessage::Question(view)) = tv::read(&mut client) else { continue };
        if view.turn != Turn::Answer || answered.contains(&view.question) {
            continue;
        }
        answered.push(view.question);
        std::thread::sleep(SPREAD.mul_f64(rng.random::<f64>()));
        let sent = Instant::now();
        let answer =
            format!(r#"{{"type":"answer","question":{},"answer":{{"kind":"option","index":0}}}}"#, view.question);
        client.send(Message::text(answer)).expect("answer");
        while started.elapsed() < BOUND * 2 {
            if let Some(ServerMessage::Ack { .. }) = tv::read(&mut client) {
                let _ = acks.send(sent.elapsed());
                break;
            }
        }
    }
}
