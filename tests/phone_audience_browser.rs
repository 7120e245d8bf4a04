//! The audience on the phone page, for real, in headless Chromium through the page the game
//! serves on loopback: a phone ticks "Join the audience", is welcomed as one, answers without
//! lifelines, sees its place among the audience at the reveal and at the end, and the game
//! scored it apart from the players. Screenshots saved.

use std::time::{Duration, Instant};

use bigtuna::game::{FlowCommand, GameSettings, Phase, Screen, TimerChoice};
use bigtuna::pack::AnswerKind;

use crate::phone_wager_browser::phone_tv;
use crate::support::*;

#[test]
fn a_phone_joins_the_audience_and_plays_along_in_chromium() {
    let settings = GameSettings {
        questions: 5,
        seed: Some(8),
        timer: TimerChoice::Off,
        kinds: vec![AnswerKind::MultipleChoice],
        players: Vec::new(),
        lifelines: 1,
        ..GameSettings::default()
    };
    let (mut app, addr) = phone_tv(settings);
    let dir = crate::screens::shots_dir().join("phone-audience");
    let url = format!("http://{addr}/?room=TUNA");
    let (mut browser, heard) = crate::support::browser_script("audience.js", &[&url, "Cy"], &dir);
    let mut said: Vec<String> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline
        && !said.iter().any(|l| l == "done" || l.starts_with("failed") || l.starts_with("console"))
    {
        app.update();
        std::thread::sleep(Duration::from_millis(10));
        said.extend(heard.try_iter());
        if said.iter().any(|l| l == "joined") && screen(&app) == Screen::Title {
            start(&mut app);
        }
        // Cy answered (Jim idles): the host reveals, then ends the night at the reveal.
        let answered =
            app.world().get_resource::<bigtuna::game::Game>().is_some_and(|g| !g.audience.answers.is_empty());
        if phase(&app) == Some(Phase::Question) && answered {
            command(&mut app, FlowCommand::CloseQuestion);
        }
        if phase(&app) == Some(Phase::Reveal) && said.iter().any(|l| l.starts_with("reveal ")) {
            send(&mut app, bigtuna::game::HostAction::EndEarly);
        }
    }
    let _ = browser.wait();
    assert_eq!(said.last().map(String::as_str), Some("done"), "{said:?}");
    assert!(said.contains(&"wait You're in the audience, Cy!|Cy · audience".to_owned()), "{said:?}");
    assert!(said.contains(&"question 0".to_owned()), "no lifelines for the audience: {said:?}");
    let cy = game(&app).audience.members.values().find(|m| m.name == "Cy").cloned().expect("Cy in the audience");
    assert_eq!(game(&app).players.len(), 1, "Jim alone plays");
    assert_eq!(cy.right, 1, "Cy's answer was judged right");
    assert!(cy.score > 0 && game(&app).players[0].score == 0, "scored apart: Jim did not answer");
    assert!(said.contains(&"reveal Right!|You're 1st in the audience".to_owned()), "{said:?}");
    assert!(
        said.iter().any(|l| l.starts_with("over ") && l.ends_with("You finished 1st of 1 in the audience")),
        "{said:?}"
    );
    for shot in [
        "phone-audience-join.png",
        "phone-audience-question.png",
        "phone-audience-reveal.png",
        "phone-audience-over.png",
    ] {
        assert!(dir.join(shot).exists(), "{shot}");
    }
}
