//! Lifelines and the final wager on the phone page, for real, in headless Chromium through
//! the page the game serves on loopback: the Shredder strikes out options on the phone and an
//! option left standing answers; the wager step shows only the category and takes a bet;
//! the last question arrives after it. Screenshots saved. Two phones, so that the wager
//! step stays open until the host closes it.

use std::time::{Duration, Instant};

use bigtuna::game::{FlowCommand, GameSettings, HostAction, Phase, TimerChoice};
use bigtuna::pack::AnswerKind;

use crate::support::*;

#[test]
fn a_phone_shreds_answers_and_bets_in_chromium() {
    let settings = GameSettings {
        questions: 2,
        seed: Some(8),
        timer: TimerChoice::Off,
        kinds: vec![AnswerKind::MultipleChoice],
        players: Vec::new(),
        wager: true,
        lifelines: 1,
        ..GameSettings::default()
    };
    let (mut app, addr) = phone_tv(settings);
    let dir = crate::screens::shots_dir().join("phone-wager");
    let url = format!("http://{addr}/?room=TUNA");
    let (mut browser, heard) = crate::support::browser_script("wager.js", &[&url, "Pam"], &dir);
    let mut said: Vec<String> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut prompt = String::new();
    while Instant::now() < deadline
        && !said.iter().any(|l| l == "done" || l.starts_with("failed") || l.starts_with("console"))
    {
        app.update();
        std::thread::sleep(Duration::from_millis(10));
        said.extend(heard.try_iter());
        if said.iter().any(|l| l == "joined") && screen(&app) != bigtuna::game::Screen::Playing {
            start(&mut app);
        }
        // Pam answered (Jim idles): the host closes the question and gives Pam points to bet.
        let pam = app
            .world()
            .get_resource::<bigtuna::game::Game>()
            .and_then(|g| g.players.iter().position(|p| p.name == "Pam"));
        if phase(&app) == Some(Phase::Question)
            && game(&app).current == 0
            && pam.is_some_and(|p| game(&app).pending(p).is_some())
        {
            command(&mut app, FlowCommand::CloseQuestion);
            send(&mut app, HostAction::Points { player: pam.unwrap_or_default(), delta: 200 });
            app.update();
        }
        if matches!(phase(&app), Some(Phase::Reveal | Phase::Standings)) && game(&app).current == 0 {
            std::thread::sleep(Duration::from_millis(300));
            command(&mut app, FlowCommand::Continue);
        }
        if phase(&app) == Some(Phase::Wager) {
            prompt = game(&app).question().map(|q| q.question.prompt.clone()).unwrap_or_default();
            // Pam's bet is shown: the host closes the bets (Jim's is 0).
            if said.iter().any(|l| l.starts_with("placed ")) {
                command(&mut app, FlowCommand::CloseQuestion);
            }
        }
    }
    let _ = browser.wait();
    assert_eq!(said.last().map(String::as_str), Some("done"), "{said:?}");
    let struck = said.iter().find(|l| l.starts_with("struck ")).expect("options struck out");
    assert_eq!(struck, "struck 2", "a four-option question keeps the right one and one wrong");
    let (pam, jim) = (1, 0);
    assert_eq!((game(&app).players[pam].name.as_str(), game(&app).players[jim].name.as_str()), ("Pam", "Jim"));
    let first = &game(&app).rounds[0].outcomes[pam];
    assert_eq!(first.lifelines, vec![bigtuna::game::Lifeline::RemoveWrong]);
    assert!(first.answer.is_some(), "the phone's answer counted");
    let wager = said.iter().find(|l| l.starts_with("wager ")).expect("the wager step");
    let category = game(&app).questions[1].question.category.clone();
    assert_eq!(wager, &format!("wager {category}|5|ok"), "{said:?}");
    let score = game(&app).rounds[0].outcomes[pam].score_after + 200;
    let bet = game(&app).players[pam].wager.expect("a bet");
    assert_eq!(bet, score / 2, "the third preset bets half");
    assert_eq!(game(&app).players[jim].wager, Some(0), "Jim bet nothing in time");
    let placed = said.iter().find(|l| l.starts_with("placed ")).expect("the bet shown");
    assert!(placed.contains(&format!("Your bet: {bet}")), "{placed}");
    assert_eq!(said.iter().find(|l| l.starts_with("last ")), Some(&format!("last {prompt}")), "{said:?}");
    for shot in ["phone-lifelines.png", "phone-shredded.png", "phone-wager.png", "phone-wager-placed.png"] {
        assert!(dir.join(shot).exists(), "{shot}");
    }
}

/// The TV, headless, with phones on a loopback port: a game of eight synthetic questions.
pub(crate) fn phone_tv(settings: GameSettings) -> (bevy::app::App, std::net::SocketAddr) {
    let server = crate::phones::server();
    let addr = server.addr();
    let mut app = headless(synthetic_library(8), settings);
    app.add_plugins((bigtuna::input::plugin, bigtuna::net::inbound::plugin, bigtuna::net::publish::plugin));
    app.insert_resource(bigtuna::net::inbound::PhoneLink(server));
    (app, addr)
}
