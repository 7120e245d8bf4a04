//! Safe names for mixed company: generated names that never clash and pass the host's word
//! list, a list that look-alike letters do not slip through, and the phone page that offers a
//! name, draws another and says why a name is refused (the game itself, in Chromium).

use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use bigtuna::net::name_ideas::{BLOCKED_FILE, BlockedWords, fold};
use bigtuna::net::names::key;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::room::{MAX_AUDIENCE, MAX_PHONES, Room};

use crate::phones::{connect, error_code, say};
use crate::support::*;

#[test]
fn generated_names_never_clash_and_pass_the_word_list_even_in_a_full_room() {
    let mut room = Room::with_code("TUNA".into());
    room.blocked = BlockedWords::new(["beet", "NINJA"]);
    let mut keys = std::collections::HashSet::new();
    for n in 0..MAX_PHONES + MAX_AUDIENCE {
        let idea = room.name_idea().expect("a name while any is free");
        assert!(!fold(&idea).contains("beet") && !fold(&idea).contains("ninja"), "{idea}");
        assert!(keys.insert(key(&idea)), "{idea} was offered twice");
        // Every idea is one a phone may take: not too long, not taken, not blocked.
        let joined = if n < MAX_PHONES {
            room.join("TUNA", &idea).map(|p| p.name.clone())
        } else {
            room.join_audience("TUNA", &idea).map(|m| m.name.clone())
        };
        assert_eq!(joined, Ok(idea));
    }
    // 1,024 phrases less the 63 the list blocks: the last ones came with a number.
    assert!(room.audience.iter().any(|m| m.name.ends_with(" 2")), "numbered names when phrases ran out");
    let everything = BlockedWords::new(["a", "e", "i", "o", "u"]);
    assert_eq!(bigtuna::net::name_ideas::draw(&mut rand::rng(), &everything, |_| true), None);
}

#[test]
fn look_alike_letters_accents_and_dots_do_not_slip_a_listed_word_through() {
    let mut room = Room::with_code("TUNA".into());
    room.blocked = BlockedWords::parse("# the host's list\n\n  Dwight  \n");
    assert_eq!(room.blocked.len(), 1);
    for name in [
        "Dwight",
        "DWIGHT",
        "dwíght",
        "Dw1ght",
        "Dw!ght",
        "Dwlght",
        "D.w.i.g.h.t",
        "D w i g h t",
        "Dwіght",
        "Dwіgһt",
        "𝐃𝐰𝐢𝐠𝐡𝐭",
        "ＤＷＩＧＨＴ",
        "Mr Dwight K",
        "dwight2000",
    ] {
        let refused = room.join("TUNA", name).map(|p| p.name.clone());
        assert_eq!(refused.map_err(|(code, _)| code), Err(ErrorCode::NameBlocked), "{name}");
        let refused = room.join_audience("TUNA", name).map(|m| m.name.clone());
        assert_eq!(refused.map_err(|(code, _)| code), Err(ErrorCode::NameBlocked), "{name} in the audience");
    }
    for name in ["Dwayne", "Wight", "Dw Knight"] {
        assert!(room.join("TUNA", name).is_ok(), "{name} has no listed word");
    }
    // The file: missing is an empty list; comments and blank lines are not words.
    let dir = scratch_dir("blocked-names");
    assert!(BlockedWords::read(&dir.join(BLOCKED_FILE)).is_empty());
    std::fs::write(dir.join(BLOCKED_FILE), "# words\nbeet\n\nprank\n").expect("written");
    let list = BlockedWords::read(&dir.join(BLOCKED_FILE));
    assert_eq!(list.len(), 2);
    assert!(list.blocks("Pr4nk Star") && list.blocks("BÉÉT") && !list.blocks("Paper Pilot"));
}

#[test]
fn a_phone_asks_for_a_name_before_joining_and_a_blocked_one_is_refused_over_the_wire() {
    let mut room = Room::with_code("TUNA".into());
    room.blocked = BlockedWords::new(["beet"]);
    let server = bigtuna::net::server::PhoneServer::start(([127, 0, 0, 1], 0).into(), room).expect("a port");
    let mut phone = connect(&server);
    let ServerMessage::NameIdea { name: Some(idea) } = say(&mut phone, r#"{"type":"name_idea"}"#) else {
        panic!("a name idea")
    };
    let blocked = say(&mut phone, r#"{"type":"join","room":"TUNA","name":"B33t Boss","version":3}"#);
    assert_eq!(error_code(&blocked), ErrorCode::NameBlocked);
    let join = format!(r#"{{"type":"join","room":"TUNA","name":"{idea}","version":3}}"#);
    assert!(matches!(say(&mut phone, &join), ServerMessage::Welcome { name, .. } if name == idea));
    // Taken now: another phone is not offered it (as many tries as the rate limit allows).
    let mut other = connect(&server);
    for _ in 0..15 {
        let ServerMessage::NameIdea { name: Some(next) } = say(&mut other, r#"{"type":"name_idea"}"#) else {
            panic!("a name idea")
        };
        assert_ne!(key(&next), key(&idea));
    }
}

#[test]
fn the_phone_page_offers_a_name_draws_another_and_says_why_one_is_refused() {
    let _turn = crate::screens::XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = crate::phone_screens::free_port();
    let config = scratch_dir("names-config");
    std::fs::write(config.join(BLOCKED_FILE), "# no Dwights tonight\ndwight\n").expect("written");
    let saves = scratch_dir("names-saves");
    let log_path = saves.join("game.log");
    let log_file = std::fs::File::create(&log_path).expect("a log file");
    let mut game = std::process::Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_bigtuna"), "play"])
        .args(["--phones", "--loopback", "--port", &port.to_string()])
        .current_dir(root())
        .env("BIGTUNA_CONFIG", &config)
        .env("BIGTUNA_GAMES", scratch_dir("names-games"))
        .env("BIGTUNA_SAVES", &saves)
        .env("BIGTUNA_ROOM", "PAMS")
        .stderr(log_file)
        .process_group(0)
        .spawn()
        .expect("xvfb-run runs (the README's test command installs it)");
    let stop = crate::phone_screens::Stop(game.id());
    let deadline = Instant::now() + Duration::from_secs(90);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the game never listened on {port}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let dir = crate::screens::shots_dir().join("phone-names");
    let url = format!("http://127.0.0.1:{port}/?room=PAMS");
    let (mut browser, heard) = browser_script("names.js", &[&url, "Dw1ght"], &dir);
    let mut said: Vec<String> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    while !said.iter().any(|l| l == "done" || l.starts_with("error")) && Instant::now() < deadline {
        if let Ok(line) = heard.recv_timeout(Duration::from_millis(200)) {
            said.push(line);
        }
    }
    let _ = browser.kill();
    drop(stop);
    let _ = game.wait();
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let said = said.join("\n");
    let line = |prefix: &str| said.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or_default().to_owned();
    let (idea, another) = (line("idea "), line("another "));
    assert!(!idea.is_empty() && idea.contains(' ') && another != idea, "{said}");
    assert!(
        line("refused ").contains("not allowed in this room") && line("refused ").ends_with("|focus name"),
        "{said}"
    );
    let joined = line("joined ");
    let (drawn, badge) = joined.split_once('|').unwrap_or_default();
    assert!(!drawn.is_empty() && badge == drawn, "{said}");
    assert!(said.contains("problems 0"), "{said}");
    assert!(log.contains("names: 1 blocked words from"), "the game read the list from its config folder: {log}");
    let seated = format!("{drawn} took seat 1 with Phone(0), seen seasons 1-2, handicap ×2 time");
    assert!(log.contains(&seated), "the TV seated the drawn name, with its spoiler limit and handicap: {log}");
}

#[test]
fn the_host_renames_a_player_from_the_remote_and_their_phone_and_the_room_follow() {
    use bigtuna::net::inbound::PhoneLink;
    let settings = crate::support::settings(2, 4, 3);
    let crate::phone_games::Night { mut app, mut phones, addr } =
        crate::phone_games::phone_night(&["Ann", "Bo"], settings);
    let code = app.world().resource::<PhoneLink>().0.host_code().to_owned();
    let mut remote = crate::phone_games::connect_to(addr);
    assert!(matches!(
        say(&mut remote, &format!(r#"{{"type":"host","secret":"{code}"}}"#)),
        ServerMessage::HostWelcome { .. }
    ));
    crate::phones::until(&mut remote, |m| matches!(m, ServerMessage::HostView(v) if v.players.len() == 2));
    let rename = |player: usize, name: &str| {
        format!(r#"{{"type":"host_action","action":{{"kind":"rename","player":{player},"name":"{name}"}}}}"#)
    };
    assert_eq!(error_code(&say(&mut phones[1], &rename(1, "Boss"))), ErrorCode::NotHost, "a player renames nobody");
    assert_eq!(error_code(&say(&mut remote, &rename(1, "  ANN "))), ErrorCode::NameTaken);
    assert_eq!(error_code(&say(&mut remote, &rename(1, "   "))), ErrorCode::BadName);
    assert_eq!(error_code(&say(&mut remote, &rename(9, "Nine"))), ErrorCode::NoSuchPlayer);
    assert!(matches!(say(&mut remote, &rename(1, "bo")), ServerMessage::Done { .. }), "their own name, another case");
    assert!(matches!(say(&mut remote, &rename(1, " Bobby Tables ")), ServerMessage::Done { .. }));
    crate::phone_games::pump(&mut app, |app| game(app).players[1].name == "Bobby Tables");
    assert_eq!(app.world().resource::<bigtuna::game::GameSettings>().players[1].name, "Bobby Tables");
    let seated = crate::phones::until(&mut phones[1], |m| matches!(m, ServerMessage::Seated { .. }));
    assert!(matches!(&seated, ServerMessage::Seated { name, .. } if name == "Bobby Tables"), "{seated:?}");
    // The room follows: the new name is taken, the old one free.
    let join = |name: &str| format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3}}"#);
    let taken = say(&mut crate::phone_games::connect_to(addr), &join("bobby tables"));
    assert_eq!(error_code(&taken), ErrorCode::NameTaken);
    assert!(matches!(say(&mut crate::phone_games::connect_to(addr), &join("Bo")), ServerMessage::Welcome { .. }));
}

#[test]
fn keyboard_and_gamepad_players_join_with_generated_names_that_pass_the_list_and_never_clash() {
    use bigtuna::game::{GameSettings, Seat};
    use bigtuna::input::seats::{BlockedNames, JoinRequest, name_idea};
    let mut app = headless(synthetic_library(4), settings(0, 5, 3));
    app.add_plugins(bigtuna::input::plugin);
    app.insert_resource(BlockedNames(BlockedWords::new(["beet", "NINJA"])));
    for seat in [Seat::Keys(0), Seat::Keys(1), Seat::Keys(2), Seat::Keys(3), Seat::Pad(None)] {
        send(&mut app, JoinRequest::device(seat));
        app.update();
    }
    let names: Vec<String> = app.world().resource::<GameSettings>().players.iter().map(|p| p.name.clone()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let mut keys = std::collections::HashSet::new();
    for name in &names {
        assert!(!name.starts_with("Player ") && name.split(' ').count() >= 2, "a generated name: {name}");
        assert!(keys.insert(key(name)), "{name} twice: {names:?}");
    }
    // Many more ideas for the same table: none blocked, none taken.
    let mut settings = app.world().resource::<GameSettings>().clone();
    settings.players[0].name = "Stapler Baron".into();
    let blocked = BlockedNames(BlockedWords::new(["beet", "NINJA"]));
    for _ in 0..2_000 {
        let idea = name_idea(&settings, Some(&blocked)).expect("an idea");
        assert!(!fold(&idea).contains("beet") && !fold(&idea).contains("ninja"), "{idea}");
        assert!(settings.players.iter().all(|p| key(&p.name) != key(&idea)), "{idea} is taken");
    }
}
