//! Shared helpers for the tests.

use std::path::PathBuf;

use bigtuna::game::Party;
use bigtuna::pack::{PackLibrary, Problem, parse_pack};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in packs.
pub fn builtin_library() -> PackLibrary {
    PackLibrary::load_paths(&[root().join("quizzes")])
}

/// 1-based line and column of the first occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The problems of a pack text that must fail.
pub fn problems(text: &str) -> Vec<Problem> {
    match parse_pack("test.ron", text.as_bytes()) {
        Ok(_) => panic!("the pack should not load:\n{text}"),
        Err(problems) => problems.0,
    }
}

/// A fresh, empty folder under the target directory.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bigtuna-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A valid pack with `questions` (RON question entries) inside.
pub fn pack_text(id: &str, questions: &str) -> String {
    format!("Pack(\n    id: \"{id}\",\n    title: \"Test pack\",\n    questions: [\n{questions}\n    ],\n)\n")
}

/// A valid multiple-choice question entry.
pub fn mc(id: &str) -> String {
    format!(
        "        (\n            id: \"{id}\",\n            prompt: \"Which branch?\",\n            difficulty: Easy,\n            category: \"Career\",\n            explanation: \"Because.\",\n            source: \"test\",\n            answer: MultipleChoice(correct: \"Stamford\", wrong: [\"Nashua\", \"Utica\", \"Albany\"]),\n        ),"
    )
}

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bigtuna::game::{
    DrawnQuestion, FlowCommand, Game, GameSettings, Overlay, Phase, PlayerAction, PlayerSpec, Presented, Response,
    Screen,
};
use bigtuna::pack::{Answer, Difficulty, Pack, Question};

/// Length of one `app.update()` in the headless tests.
pub const FRAME: Duration = Duration::from_millis(100);

/// A headless game on `library`, on the title screen.
pub fn headless(library: PackLibrary, settings: GameSettings) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    app.insert_resource(library);
    app.insert_resource(settings);
    app.add_plugins((bigtuna::game::plugin, bigtuna::challenge::plugin));
    app.update();
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.update();
    app
}

/// One question of each kind, `n` times over, difficulties cycling.
pub fn synthetic_library(n: usize) -> PackLibrary {
    let mut questions = Vec::new();
    for i in 0..n {
        let difficulty = Difficulty::ALL[i % 3];
        let answers = [
            Answer::MultipleChoice {
                correct: format!("right {i}"),
                wrong: vec!["w1".into(), "w2".into(), "w3".into()],
            },
            Answer::TrueFalse { answer: i % 2 == 0 },
            Answer::Typed { accept: vec![format!("Stamford {i}"), format!("Stamford branch {i}")] },
            Answer::Number { answer: 2000.0 + i as f64, unit: Some("years".into()), tolerance: 0.0 },
            Answer::Ordering { items: vec!["one".into(), "two".into(), "three".into(), "four".into()] },
        ];
        for (k, answer) in answers.into_iter().enumerate() {
            questions.push(Question {
                id: format!("q{i}-{k}"),
                prompt: format!("Question {i}-{k}?"),
                difficulty,
                category: ["Career", "Family", "Pam & Jim"][k % 3].to_owned(),
                tags: Vec::new(),
                seasons: Some(bigtuna::pack::SeasonRange(1, (1 + i % 9) as u8)),
                group: None,
                explanation: "Because.".into(),
                source: "test".into(),
                answer,
                // Half the questions have a hint, so the hint lifeline is offered on some only.
                hint: i.is_multiple_of(2).then(|| format!("Think of {k}")),
                image: None,
                sound: None,
                reveal_image: None,
            });
        }
    }
    let pack = Pack::new("synthetic", "Synthetic", questions);
    PackLibrary { packs: vec![pack], ..PackLibrary::default() }
}

/// The right response to a drawn question, typed the way a player might.
pub fn right_response(drawn: &DrawnQuestion) -> Response {
    match (&drawn.presented, &drawn.question.answer) {
        (Presented::Options { correct, .. }, _) => Response::Option(*correct),
        (_, Answer::Typed { accept }) => Response::Text(format!("  {}!! ", accept[0].to_uppercase())),
        (_, Answer::Number { answer, .. }) => Response::Number(*answer),
        (Presented::Ordering { shown }, Answer::Ordering { items }) => {
            Response::Order(items.iter().map(|item| shown.iter().position(|s| s == item).expect("shown")).collect())
        }
        _ => unreachable!("kinds and presentations match"),
    }
}

/// A wrong response to a drawn question.
pub fn wrong_response(drawn: &DrawnQuestion) -> Response {
    match (&drawn.presented, &drawn.question.answer) {
        (Presented::Options { correct, options }, _) => Response::Option((correct + 1) % options.len()),
        (_, Answer::Typed { .. }) => Response::Text("Nashua".into()),
        (_, Answer::Number { answer, .. }) => Response::Number(answer + 50.0),
        (Presented::Ordering { shown }, Answer::Ordering { items }) => {
            let mut order: Vec<usize> =
                items.iter().map(|item| shown.iter().position(|s| s == item).expect("shown")).collect();
            order.reverse();
            Response::Order(order)
        }
        _ => unreachable!("kinds and presentations match"),
    }
}

/// Game helpers for headless tests.
pub fn send<M: Message>(app: &mut App, message: M) {
    app.world_mut().write_message(message);
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

pub fn phase(app: &App) -> Option<Phase> {
    app.world().get_resource::<State<Phase>>().map(|p| *p.get())
}

pub fn overlay(app: &App) -> Option<Overlay> {
    app.world().get_resource::<State<Overlay>>().map(|o| *o.get())
}

pub fn game(app: &App) -> &Game {
    app.world().resource::<Game>()
}

/// Sends a command and lets the state change land.
pub fn command(app: &mut App, command: FlowCommand) {
    send(app, command);
    app.update();
    app.update();
}

pub fn start(app: &mut App) {
    command(app, FlowCommand::StartGame);
    assert_eq!(screen(app), Screen::Playing);
    assert_eq!(phase(app), Some(Phase::Question));
}

pub fn answer(app: &mut App, player: usize, response: Response) {
    send(app, PlayerAction::new(player, response));
    app.update();
}

pub fn settings(players: usize, questions: usize, seed: u64) -> GameSettings {
    GameSettings {
        questions,
        seed: Some(seed),
        players: (0..players).map(PlayerSpec::numbered).collect(),
        ..GameSettings::default()
    }
}

/// Cases a property test runs: `default`, or `BIGTUNA_FUZZ_CASES` for a long campaign.
pub fn fuzz_cases(default: u32) -> u32 {
    std::env::var("BIGTUNA_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// Seats the party's players in order on these devices (player N on `seats[N]`), as joining
/// on the join screen would.
pub fn seat(app: &mut App, seats: impl IntoIterator<Item = bigtuna::game::Seat>) {
    let mut settings = app.world_mut().resource_mut::<GameSettings>();
    let mut seats = seats.into_iter();
    for spec in &mut settings.players {
        spec.seat = seats.next();
    }
    for seat in seats {
        let spec = bigtuna::game::PlayerSpec { seat: Some(seat), ..settings.players.new_player() };
        settings.players.push(spec);
    }
}

/// The device each of the party's players answers with.
pub fn seats(app: &App) -> Vec<Option<bigtuna::game::Seat>> {
    app.world().resource::<GameSettings>().players.iter().map(|p| p.seat).collect()
}

/// Runs the browser `script` on `url` once a game listens on `port` (bounded waits): all it
/// said, once it is done, failed, or out of time.
pub fn browser_when_listening(
    port: u16,
    script: &'static str,
    url: String,
    dir: std::path::PathBuf,
) -> std::thread::JoinHandle<String> {
    use std::time::{Duration, Instant};
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(90);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(200));
        }
        let (mut browser, heard) = browser_script(script, &[&url], &dir);
        let mut said: Vec<String> = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(150);
        while !said.iter().any(|l| l == "done" || l.starts_with("error")) && Instant::now() < deadline {
            if let Ok(line) = heard.recv_timeout(Duration::from_millis(200)) {
                said.push(line);
            }
        }
        let _ = browser.kill();
        said.join("\n")
    })
}

/// Runs `tests/browser/<script>` with node and `args`, fresh screenshots going to `dir`
/// (emptied first); each line it prints arrives on the receiver as it is said.
pub fn browser_script(
    script: &str,
    args: &[&str],
    dir: &std::path::Path,
) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("screenshot folder");
    let mut browser = std::process::Command::new("node")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .arg(dir)
        .env("NODE_PATH", root().join("tests/browser/node_modules"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node runs (the README's test command installs it, Chromium and playwright-core)");
    let (lines, heard) = std::sync::mpsc::channel();
    let stdout = browser.stdout.take().expect("piped");
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    (browser, heard)
}
