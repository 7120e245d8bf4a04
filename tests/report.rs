//! `bigtuna results`: a night's report from a game's record, as CSV (matching the record row
//! for row), Markdown and a self-contained HTML page (looked at in Chromium).

use std::time::{Duration, Instant};

use bigtuna::game::{FlowCommand, Screen};
use bigtuna::persist::game_log::GameLog;
use bigtuna::report::summary::Summary;
use bigtuna::report::table::Row;

use crate::support::*;

/// A finished party game of five: Player 1 right on every question, Player 2 wrong on the
/// second and right on the rest, Player 3 silent on the first two (the host closes them)
/// and wrong after.
fn recorded_game() -> GameLog {
    let mut app = headless(synthetic_library(4), settings(3, 5, 7));
    start(&mut app);
    while screen(&app) == Screen::Playing {
        let drawn = game(&app).question().expect("a question").clone();
        let n = game(&app).current;
        answer(&mut app, 0, right_response(&drawn));
        answer(&mut app, 1, if n == 1 { wrong_response(&drawn) } else { right_response(&drawn) });
        if n < 2 {
            command(&mut app, FlowCommand::CloseQuestion);
        } else {
            answer(&mut app, 2, wrong_response(&drawn));
        }
        app.update();
        command(&mut app, FlowCommand::Continue);
        if screen(&app) == Screen::Playing && phase(&app) != Some(bigtuna::game::Phase::Question) {
            command(&mut app, FlowCommand::Continue);
        }
    }
    assert_eq!(screen(&app), Screen::Results);
    GameLog::of(game(&app), 1_800_000_000)
}

fn run(games: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .arg("results")
        .args(args)
        .env("BIGTUNA_GAMES", games)
        .output()
        .expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.success(), text(&output.stdout), text(&output.stderr))
}

#[test]
fn the_csv_report_has_a_row_per_player_per_question_as_recorded() {
    let log = recorded_game();
    assert_eq!(log.rounds.len(), 5);
    let games = scratch_dir("report-csv");
    log.write(&games).expect("written");
    let (ok, out, err) = run(&games, &["--format", "csv"]);
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(String::from).collect();
    assert_eq!(header, bigtuna::report::table::HEADER);
    let rows: Vec<Row> = reader.deserialize().collect::<Result<_, _>>().expect("rows read back");
    assert_eq!(rows.len(), 5 * 3, "a row per player per question");
    for (index, round) in log.rounds.iter().enumerate() {
        for player in &log.players {
            let row = rows.iter().find(|r| r.question == index + 1 && r.player == player.name).expect("a row");
            assert_eq!((&row.id, &row.prompt), (&round.question, &round.prompt));
            match round.answers.iter().find(|a| a.player == player.name) {
                Some(a) => {
                    assert_eq!(
                        (&row.answer, row.right, row.points, &row.device),
                        (&a.answer, a.correct, a.points, &a.device)
                    );
                    assert!(row.seconds.is_some_and(|s| (s - a.seconds).abs() < 1e-9), "{row:?}");
                }
                None => assert_eq!((row.answer.as_str(), row.right, row.points, row.seconds), ("", false, 0, None)),
            }
        }
    }
    // The record's own totals come out of the sheet: each player's points add up to the score.
    for player in &log.players {
        let sum: u32 = rows.iter().filter(|r| r.player == player.name).map(|r| r.points - r.penalty).sum();
        assert_eq!(sum, player.score, "{}", player.name);
    }
    assert!(rows.iter().filter(|r| r.player == "Player 3").take(2).all(|r| r.answer.is_empty()));
}

#[test]
fn the_markdown_report_ranks_awards_and_names_the_hardest_question() {
    let log = recorded_game();
    let summary = Summary::of(&log);
    let names: Vec<&str> = summary.standings.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Player 1", "Player 2", "Player 3"]);
    assert_eq!((summary.standings[0].right, summary.standings[2].right), (5, 0));
    // Question 2: only Player 1 was right. Questions 3-5: two of three. Question 1: two of three.
    assert_eq!(summary.hardest, Some(1));
    assert_eq!(summary.questions[1].right, 1);
    let streak = summary.awards.iter().find(|a| a.name == "Longest streak").expect("a streak award");
    assert_eq!((streak.players.as_slice(), streak.detail.as_str()), (["Player 1".to_owned()].as_slice(), "5 in a row"));
    let games = scratch_dir("report-markdown");
    log.write(&games).expect("written");
    let (ok, out, err) = run(&games, &[]);
    assert!(ok, "{err}");
    assert!(out.starts_with("# Big Tuna Trivia: the game of 2027-01-15 08:00 UTC"), "{out}");
    let first = format!("| 1st | Player 1 | {} | 5 of 5 |", summary.standings[0].score);
    assert!(out.contains(&first), "no team column outside a teams game: {out}");
    let mut teamed = log.clone();
    teamed.players[0].team = Some("Scranton".into());
    let teamed = bigtuna::report::markdown::to_markdown(&Summary::of(&teamed));
    assert!(teamed.contains("| 1st | Player 1 | Scranton | "), "{teamed}");
    assert!(out.contains("Hardest: question 2,"), "{out}");
    assert!(out.contains("- **Longest streak**: Player 1 (5 in a row)"), "{out}");
    // A game that is not there, and a word that is no game, say what to give instead.
    let (ok, _, err) = run(&games, &["2"]);
    assert!(!ok && err.contains("there is 1 game recorded, numbered 1 (the newest) to 1"), "{err}");
    let (ok, _, err) = run(&games, &["last-night"]);
    assert!(!ok && err.contains("no file `last-night`: give a game's number from `bigtuna history`"), "{err}");
    // A record from the last release has its report too.
    let old = root().join("tests/data/release-1/games/game-1796233185-41.ron");
    let (ok, out, err) = run(&games, &[old.to_str().expect("a path")]);
    assert!(ok && out.contains("Solo · 5 questions · seed 41") && out.contains("| 5 |"), "{out}{err}");
    let broken = games.join("broken.ron");
    std::fs::write(&broken, "(ended: 3").expect("written");
    let (ok, _, err) = run(&games, &[broken.to_str().expect("a path")]);
    assert!(!ok && err.contains("broken.ron is not a game record"), "{err}");
}

#[test]
fn the_html_report_is_one_page_that_opens_offline_in_chromium() {
    let log = recorded_game();
    let games = scratch_dir("report-html");
    log.write(&games).expect("written");
    let page = games.join("night.html");
    let (ok, _, err) = run(&games, &["1", "-o", page.to_str().expect("a path")]);
    assert!(ok && err.contains("wrote the report of the game of 2027-01-15 08:00 UTC"), "{err}");
    let (ok, _, err) = run(&games, &["-o", page.to_str().expect("a path")]);
    assert!(!ok && err.contains("--force"), "an existing report is not overwritten: {err}");
    let dir = crate::screens::shots_dir().join("report");
    let (mut browser, heard) = browser_script("report.js", &[page.to_str().expect("a path")], &dir);
    let mut said = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !said.iter().any(|l: &String| l == "done" || l.starts_with("error")) && Instant::now() < deadline {
        if let Ok(line) = heard.recv_timeout(Duration::from_millis(200)) {
            said.push(line);
        }
    }
    let _ = browser.kill();
    let said = said.join("\n");
    assert!(said.contains("title Big Tuna Trivia: the game of 2027-01-15 08:00 UTC"), "{said}");
    assert!(said.contains("first 1stPlayer 1"), "the winner's row is marked: {said}");
    assert!(said.contains("questions 5"), "{said}");
    assert!(said.contains("hardest 2"), "question 2 is marked the hardest: {said}");
    assert!(said.contains("problems 0"), "nothing fetched, nothing logged: {said}");
    let bar: i64 = said.lines().find_map(|l| l.strip_prefix("bar ")).and_then(|w| w.parse().ok()).unwrap_or(-1);
    assert!(bar > 20, "the first question's bar (two of three right) is drawn: {said}");
    assert!(dir.join("report.png").is_file());
}
