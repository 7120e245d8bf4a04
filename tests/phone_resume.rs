//! A whole phone party through a `kill -9`: the TV runs `bigtuna play --phones` under Xvfb, a
//! player plays on the phone page in Chromium, the game is killed mid-party and started again
//! with the same command. The title offers the party first; Enter takes it up; the phone,
//! never touched, comes back to its seat and answers; the host remote's old code still works.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bigtuna::persist::saved_game::{FILE, SavedGame};

use crate::screens::{XVFB, shots_dir, text_pixel_share};
use crate::support::{root, scratch_dir};

/// Ends the game (xvfb-run, Xvfb and the game: one process group) however the test ends.
struct Tv(u32);

impl Drop for Tv {
    fn drop(&mut self) {
        // `--`: procps' kill reads a bare "-PID" as an option.
        let _ = Command::new("kill").args(["-s", "KILL", "--", &format!("-{}", self.0)]).status();
    }
}

/// The TV as a host starts it, with the same arguments each time; only the keys differ.
fn tv(port: u16, script: &str, shots: &Path, saves: &Path, config: &Path, log: &Path) -> (Child, Tv) {
    let log = std::fs::File::create(log).expect("a log file");
    let child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--phones", "--loopback", "--port", &port.to_string()])
        .args(["--seed", "9", "--count", "5", "--timer", "off"])
        .args(["--script", script, "--screenshot-dir", shots.to_str().expect("utf-8 path")])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", config)
        .env("BIGTUNA_GAMES", scratch_dir("phone-resume-games"))
        .env("BIGTUNA_SAVES", saves)
        .env("BIGTUNA_ROOM", "PAMS")
        .stderr(log)
        .process_group(0)
        .spawn()
        .expect("xvfb-run runs (the README's test command installs it)");
    let id = child.id();
    (child, Tv(id))
}

fn listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the game never listened on {port}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits (bounded) for the browser to report `wanted`; returns everything it said so far.
fn heard(lines: &mpsc::Receiver<String>, said: &mut Vec<String>, wanted: &str, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while !said.iter().any(|l| l == wanted) {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                assert!(!line.starts_with("failed"), "{line}\nsaid: {said:?}\n{}", read(log));
                said.push(line);
            }
            Err(_) => panic!("the phone never said {wanted:?}: {said:?}\n{}", read(log)),
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn a_phone_party_killed_mid_game_resumes_with_the_same_command_and_the_phone_comes_back_untouched() {
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let saves = scratch_dir("phone-resume-saves");
    let config = scratch_dir("phone-resume-config");
    let dir = shots_dir().join("phone-resume");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    let (first_log, second_log) = (dir.join("first.log"), dir.join("second.log"));

    // The first evening: Pam joins from her phone, a keyboard player beside her; question 1
    // is played and revealed, and question 2 is open when the power goes.
    let mut first = vec!["wait:40", "sleep:8000", "1", "wait:5", "down", "down", "enter", "wait:5"];
    // Past the mode, typed-or-aloud, the wager and the game's rows to Start.
    first.extend(std::iter::repeat_n("down", 3 + bigtuna::game::Setting::GAME.len()));
    first.extend(["enter", "wait:8", "sleep:8000", "f2", "wait:10", "sleep:1500", "enter", "wait:10"]);
    first.extend(["sleep:1500", "enter", "wait:10", "shot:k0-question-2", "sleep:120000"]);
    let (_game, tv_first) = tv(port, &first.join(","), &dir, &saves, &config, &first_log);
    listening(port);
    let mut browser = Command::new("node")
        .arg(root().join("tests/browser/resume.js"))
        .args([&format!("http://127.0.0.1:{port}/?room=PAMS"), "Pam", dir.to_str().expect("utf-8 path")])
        .env("NODE_PATH", root().join("tests/browser/node_modules"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (the README's test command installs it)");
    let (send, lines) = mpsc::channel();
    let out = browser.stdout.take().expect("the browser's output");
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let mut said = Vec::new();
    heard(&lines, &mut said, "question 2", &first_log);
    std::thread::sleep(Duration::from_secs(1));
    drop(tv_first); // kill -9, the whole TV at once

    let saved = bigtuna::persist::user_file::load::<SavedGame>(&saves.join(FILE)).value.expect("the party was saved");
    assert_eq!(saved.game.rounds.len(), 1, "saved after question 1");
    let room = saved.room.expect("with its phones' room");
    assert_eq!(saved.port, Some(port));
    std::fs::write(dir.join("host-url.txt"), format!("http://127.0.0.1:{port}/host#{}", room.host_code))
        .expect("the host's address");

    // The same command again: the title offers the party, and Enter takes it up.
    // Twenty seconds for the phone to come back and answer, then the host reveals it.
    let second = "wait:40,sleep:1500,shot:k1-offer,enter,wait:10,sleep:3000,shot:k2-resumed,sleep:20000,f2,wait:10,sleep:1000,shot:k3-reveal,sleep:120000";
    let (_game, tv_second) = tv(port, second, &dir, &saves, &config, &second_log);
    heard(&lines, &mut said, "answered 2", &second_log);
    heard(&lines, &mut said, "done", &second_log);
    let _ = browser.wait();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !(read(&second_log).contains("Pam answered") && dir.join("k3-reveal.png").exists())
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(tv_second);
    let log = read(&second_log);
    assert!(said.contains(&"back".to_owned()), "{said:?}");
    let offered = log.find("offered on the title screen").expect("the title offered the party");
    let resumed = log.find("resuming the game").expect("Enter resumed it");
    let served = log.find(&format!("phones join at http://127.0.0.1:{port}/?room=PAMS")).expect("phones served");
    assert!(offered < resumed && resumed < served, "no new room before the choice:\n{log}");
    assert!(log.contains("Pam answered Some("), "the phone that came back answered question 2:\n{log}");
    assert!(!log.contains("took seat 3"), "nobody took a new seat:\n{log}");
    for name in ["k0-question-2.png", "k1-offer.png", "k2-resumed.png", "k3-reveal.png", "resume-phone-back.png"] {
        assert!(text_pixel_share(&dir.join(name)) > 0.004, "{name} shows something");
    }
}

/// Headless, the same promise in detail: phones are turned on again by resuming, in the same
/// room; a stranger cannot take a seat by a name, and a phone back by its secret hears the
/// open question, nothing of its answer, and answers for its own player.
#[test]
fn phones_come_back_to_a_resumed_party_by_their_secrets_and_nobody_takes_their_seats() {
    use bigtuna::game::Seat;
    use bigtuna::net::inbound::PhoneLink;
    use bigtuna::net::lifecycle::Phones;
    use bigtuna::net::protocol::{ErrorCode, ServerMessage};

    use bigtuna::game::{Phase, Screen};
    use bigtuna::persist::saved_game::{self, InterruptedChoice, SavedGamePath};

    use crate::phone_games::{answer_json, connect_to, phone_night, pump};
    use crate::phones::{error_code, say};
    use crate::resume::{saving_app_with, scores};
    use crate::support::{game, phase, right_response, screen, send, settings, wrong_response};

    let dir = scratch_dir("resume-phones");
    let party =
        bigtuna::game::GameSettings { kinds: vec![bigtuna::pack::AnswerKind::MultipleChoice], ..settings(2, 6, 21) };
    let mut night = phone_night(&["Pam", "Jim"], party.clone());
    night.app.insert_resource(SavedGamePath(Some(dir.join(saved_game::FILE))));
    night.app.add_plugins(saved_game::plugin);
    let room = night.app.world().resource::<PhoneLink>().0.room();
    let drawn = game(&night.app).question().expect("a question").clone();
    say(&mut night.phones[0], &answer_json(0, &right_response(&drawn)));
    say(&mut night.phones[1], &answer_json(0, &wrong_response(&drawn)));
    pump(&mut night.app, |app| phase(app) == Some(Phase::Reveal));
    night.app.update();
    let before = scores(&night.app);
    assert!(before[0] > 0 && before[1] == 0);
    drop(night); // the TV's power goes

    // The next evening: phones are turned on again by resuming, in the same room.
    let mut app = saving_app_with(&dir, party, |app| {
        app.add_plugins((
            bigtuna::input::plugin,
            bigtuna::net::inbound::plugin,
            bigtuna::net::publish::plugin,
            bigtuna::net::lifecycle::plugin,
        ));
        app.insert_resource(Phones { on: false, port: Some(0), loopback_only: true });
    });
    send(&mut app, InterruptedChoice::Resume);
    app.update();
    app.update();
    assert_eq!((screen(&app), game(&app).current), (Screen::Playing, 1));
    let link = app.world().get_resource::<PhoneLink>().expect("phones are on again");
    assert_eq!(link.0.room(), room, "the same room: its code, its phones and their secrets");
    let addr = link.0.addr();
    let seats = crate::support::seats(&app);
    assert!(matches!(seats[..], [Some(Seat::Phone(_)), Some(Seat::Phone(_))]), "{seats:?}");

    // Someone else cannot take Jim's place by his name...
    let mut stranger = connect_to(addr);
    let refused = say(&mut stranger, r#"{"type":"join","room":"TUNA","name":"jim"}"#);
    assert_eq!(error_code(&refused), ErrorCode::NameTaken);
    // ...while Jim's phone, reconnecting as the page does, is Jim again and answers for him.
    let jim = room.phones.iter().find(|p| p.name == "Jim").expect("Jim joined");
    let mut phone = connect_to(addr);
    let welcome = say(&mut phone, &format!(r#"{{"type":"rejoin","secret":"{}"}}"#, jim.secret));
    assert!(matches!(&welcome, ServerMessage::Welcome { name, .. } if name == "Jim"), "{welcome:?}");
    // Coming back to the resumed game, he hears the open question, and nothing of its answer.
    let mut heard = Vec::new();
    loop {
        let message = crate::phones::reply(&mut phone);
        let open = matches!(&message, ServerMessage::Question(v) if v.question == 1);
        heard.push(message);
        if open {
            break;
        }
        assert!(heard.len() < 50, "the open question never came: {heard:?}");
    }
    assert!(!heard.iter().any(|m| matches!(m, ServerMessage::Reveal(_))), "no reveal before the question: {heard:?}");
    let drawn = game(&app).question().expect("a question").clone();
    assert_eq!(say(&mut phone, &answer_json(1, &right_response(&drawn))), ServerMessage::Ack { question: 1 });
    pump(&mut app, |app| game(app).pending(1).is_some());
    assert_eq!(game(&app).players.len(), 2, "no seat was added");
    assert_eq!(scores(&app), before, "the scores came back with the game");
}
