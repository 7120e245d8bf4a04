//! A spoiler limit per player: a party is asked only what is safe for everyone in it (the
//! lowest limit), a phone says its player's limit when it joins, and the join screen shows it.

use bigtuna::game::draw::draw;
use bigtuna::game::{FlowCommand, GameSettings, PlayerSpec};
use bigtuna::net::inbound::PhoneLink;
use bigtuna::net::protocol::{ErrorCode, ServerMessage};

use crate::phones::{error_code, say};
use crate::support::*;

fn last_season(q: &bigtuna::pack::Question) -> u8 {
    q.seasons.map_or(0, |range| range.last())
}

#[test]
fn three_players_at_seasons_2_4_and_everything_see_nothing_past_season_2_in_1000_games() {
    let library = builtin_library();
    let limits = [Some(2), Some(4), None];
    let players: Vec<PlayerSpec> =
        limits.iter().enumerate().map(|(i, l)| PlayerSpec { watched_to: *l, ..PlayerSpec::numbered(i) }).collect();
    let settings = GameSettings { questions: 10, players, ..GameSettings::default() };
    assert_eq!(settings.spoiler_limit(), 2);
    let unlimited = GameSettings { players: (0..3).map(PlayerSpec::numbered).collect(), ..settings.clone() };
    let mut later_without = 0;
    for seed in 0..1000 {
        let drawn = draw(&library, &settings, seed).expect("enough questions up to season 2");
        assert_eq!(drawn.len(), 10);
        for q in &drawn {
            assert!(
                last_season(&q.question) <= 2,
                "seed {seed}: {} is from season {}",
                q.question.id,
                last_season(&q.question)
            );
        }
        let free = draw(&library, &unlimited, seed).expect("a draw");
        later_without += free.iter().filter(|q| last_season(&q.question) > 2).count();
    }
    assert!(later_without > 1000, "the same seeds without limits do ask later seasons ({later_without})");
}

#[test]
fn a_phone_says_how_far_its_player_has_watched_and_the_party_is_asked_only_that() {
    let mut app = headless(builtin_library(), GameSettings { questions: 8, ..GameSettings::default() });
    let server = crate::phones::server();
    let addr = server.addr();
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(PhoneLink(server));
    let mut pam = crate::phone_games::connect_to(addr);
    let mut jim = crate::phone_games::connect_to(addr);
    let join =
        |name: &str, seasons: &str| format!(r#"{{"type":"join","room":"TUNA","name":"{name}","version":3{seasons}}}"#);
    let bad = say(&mut pam, &join("Pam", r#","seasons":12"#));
    assert_eq!(error_code(&bad), ErrorCode::BadMessage);
    assert!(matches!(say(&mut pam, &join("Pam", r#","seasons":3"#)), ServerMessage::Welcome { .. }));
    assert!(matches!(say(&mut jim, &join("Jim", "")), ServerMessage::Welcome { .. }));
    crate::phone_games::pump(&mut app, |app| app.world().resource::<GameSettings>().players.len() == 2);
    let limits: Vec<Option<u8>> = app.world().resource::<GameSettings>().players.iter().map(|p| p.watched_to).collect();
    assert_eq!(limits, [Some(3), None]);
    command(&mut app, FlowCommand::StartGame);
    let questions = &game(&app).questions;
    assert_eq!(questions.len(), 8);
    assert!(questions.iter().all(|q| last_season(&q.question) <= 3), "nothing past Pam's season 3");
    // The game keeps the limits with its settings, which a saved game keeps.
    assert_eq!(game(&app).settings.spoiler_limit(), 3);
}

#[test]
fn a_keyboard_player_who_played_last_night_gets_their_limit_and_handicap_back_by_name() {
    let _turn = crate::screens::XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // Last night's party, as the settings file keeps it (without its devices).
    let config = scratch_dir("regulars-config");
    let party = r#"(version: 1, solo_name: Some("Player 1"), game: (players: [
        (name: "Ann", colour: 0, watched_to: Some(2), handicap: double_time),
        (name: "Player 2", colour: 1, watched_to: Some(3)),
    ]))"#;
    std::fs::write(config.join("settings.ron"), party).expect("settings written");
    let mut steps = vec!["wait:40", "down", "enter", "wait:5", "1", "wait:5", "enter"];
    steps.extend(std::iter::repeat_n("backspace", 20));
    steps.extend(["text:ann", "enter", "wait:3", "q", "wait:5", "shot:r0-back"]);
    let dir = crate::screens::shots_dir().join("regulars");
    let (names, log) = crate::screens::run_script_with(&steps.join(","), &dir, &config, &[], &[]);
    assert!(log.contains("ann is back: seen S1-2, ×2 time"), "Ann's limit and handicap came back: {log}");
    assert!(!log.contains("Player 2 is back"), "\"Player 2\" is anybody's name: {log}");
    let shown = log.lines().find(|l| l.contains("shot r0-back shows:")).unwrap_or_default();
    assert!(shown.contains("Seen S1-2") && shown.contains("no spoilers past season 2"), "{shown}");
    assert!(names.iter().any(|n| n == "r0-back.png"), "{names:?}");
}

#[test]
fn per_player_in_hot_seat_each_turn_is_safe_for_its_player_in_1000_games() {
    use bigtuna::game::flow::new_game;
    use bigtuna::game::pool::DrawPool;
    use bigtuna::game::{PlayMode, ScoringPresets};
    let library = builtin_library();
    let limits = [Some(2), Some(4), None];
    let players: Vec<PlayerSpec> =
        limits.iter().enumerate().map(|(i, l)| PlayerSpec { watched_to: *l, ..PlayerSpec::numbered(i) }).collect();
    let mut settings = GameSettings {
        questions: 10,
        players,
        mode: PlayMode::HotSeat,
        spoilers_each: true,
        ..GameSettings::default()
    };
    settings.make_party();
    settings.wager = true;
    assert_eq!(settings.spoiler_limit(), 9, "the pool is the widest limit's");
    let (pool, presets) = (DrawPool::of(&library, &settings), ScoringPresets::default());
    let mut past_two = [0; 3];
    for seed in 0..1000 {
        let game = new_game(&library, &settings, &presets, seed, None, &pool).expect("enough for everyone");
        assert_eq!(game.questions.len(), 10);
        for (slot, q) in game.questions.iter().enumerate() {
            let last = last_season(&q.question);
            // The wager's question, the last, is everyone's.
            let limit = if slot == 9 { 2 } else { [2, 4, 9][slot % 3] };
            assert!(
                last <= limit,
                "seed {seed}: turn {slot} of player {} asks {} (season {last})",
                slot % 3,
                q.question.id
            );
            if slot < 9 && last > 2 {
                past_two[slot % 3] += 1;
            }
        }
        let ids: std::collections::HashSet<&str> = game.questions.iter().map(|q| q.question.id.as_str()).collect();
        assert_eq!(ids.len(), 10, "seed {seed}: no question twice");
    }
    assert!(past_two[1] > 300 && past_two[2] > 300, "the others are asked past season 2: {past_two:?}");
    // Chosen off, or another mode: everything is safe for the lowest limit, as before.
    for other in [
        GameSettings { spoilers_each: false, ..settings.clone() },
        GameSettings { mode: PlayMode::Buzz, ..settings.clone() },
    ] {
        assert_eq!(other.spoiler_limit(), 2);
        let pool = DrawPool::of(&library, &other);
        let game = new_game(&library, &other, &presets, 7, None, &pool).expect("a game");
        assert!(game.questions.iter().all(|q| last_season(&q.question) <= 2));
    }
}

#[test]
fn a_hot_seat_night_with_spoilers_per_player_on_screen() {
    let _turn = crate::screens::XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let config = scratch_dir("turn-spoilers-config");
    let party = r#"(version: 1, solo_name: Some("Player 1"), game: (players: [
        (name: "Ann", colour: 0, watched_to: Some(2)),
        (name: "Bo", colour: 1, watched_to: Some(4)),
        (name: "Cy", colour: 2),
    ]))"#;
    std::fs::write(config.join("settings.ron"), party).expect("settings written");
    let mut steps = vec!["wait:40".to_owned()];
    for n in 1..=6 {
        steps.extend([format!("shot:h{n}-question"), "f2".into(), "wait:8".into(), "enter".into(), "wait:8".into()]);
        steps.extend(["enter".to_owned(), "wait:8".into()]);
    }
    steps.extend(["wait:20", "shot:h7-podium", "down", "enter", "wait:8", "down", "enter", "wait:8"].map(String::from));
    // A new night: two join with their rows' keys, and the setup shows the hot seat's choice.
    steps.extend(
        ["1", "q", "wait:5", "shot:h8-join", "click:Continue button", "wait:8", "shot:h9-setup"].map(String::from),
    );
    let dir = crate::screens::shots_dir().join("turn-spoilers");
    let games = scratch_dir("turn-spoilers-games");
    let extra = ["--mode", "hotseat", "--spoilers-per-player", "--count", "6", "--seed", "31", "--timer", "off"];
    let (names, log) =
        crate::screens::run_script_with(&steps.join(","), &dir, &config, &extra, &[("BIGTUNA_GAMES", &games)]);
    assert!(names.iter().any(|n| n == "h1-question.png"), "{names:?}\n{log}");
    // Each turn's question, as the record keeps them, is safe for the player whose turn it was.
    let (records, broken) = bigtuna::cli::history::read(&games);
    assert!(broken.is_empty(), "{broken:?}");
    let [record] = &records[..] else { panic!("one game: {}\n{log}", records.len()) };
    let library = builtin_library();
    let seasons: Vec<u8> = record
        .rounds
        .iter()
        .map(|r| {
            let (pack, id) = r.question.split_once('/').expect("pack/id");
            let q = library.pack(pack).and_then(|p| p.questions.iter().find(|q| q.id == id)).expect("a question");
            last_season(q)
        })
        .collect();
    assert_eq!(seasons.len(), 6, "{record:?}");
    for (turn, season) in seasons.iter().enumerate() {
        assert!(*season <= [2, 4, 9][turn % 3], "turn {turn} asked season {season}: {seasons:?}");
        let shown = crate::screens::shows(&log, &format!("h{}-question", turn + 1));
        assert!(shown.contains(["Ann", "Bo", "Cy"][turn % 3]), "{shown}");
    }
    let setup = crate::screens::shows(&log, "h9-setup");
    assert!(setup.contains("Spoilers: each player's own, on their turn"), "{setup}");
}
