//! Challenge codes: a game's code plays the same questions, in the same order with the same
//! options' order, from another library (another machine's packs); a changed or missing pack
//! is refused by name and version, a damaged code as damaged; the results put both games'
//! scores side by side.

use bigtuna::challenge::code::{ChallengeCode, PackStamp, Pick, RivalScore};
use bigtuna::challenge::resolve::questions_of;
use bigtuna::challenge::{Missing, Unreadable, challenge_game, code_of};
use bigtuna::game::draw::draw;
use bigtuna::game::flow::game_of;
use bigtuna::game::{GameSettings, PlayMode, ScoringPresets, TimerChoice};
use bigtuna::pack::{Answer, PackLibrary};

use crate::support::*;

/// Every kind of question, as a solo game draws them.
fn solo(questions: usize) -> GameSettings {
    GameSettings { questions, timer: TimerChoice::Seconds30, scoring: "accuracy".into(), ..GameSettings::default() }
}

/// Every question of `game` asked, as a game played to its end has them.
pub(crate) fn played(game: &mut bigtuna::game::Game) {
    for question in 0..game.questions.len() {
        game.rounds.push(bigtuna::game::Round { question, skipped: false, outcomes: Vec::new() });
    }
}

/// The code of the game `seed` draws, with scores for its players.
fn code_of_seed(library: &PackLibrary, settings: &GameSettings, seed: u64) -> (bigtuna::game::Game, ChallengeCode) {
    let drawn = draw(library, settings, seed).expect("enough questions");
    let mut game = game_of(drawn, settings, &ScoringPresets::default(), seed, false);
    for (i, player) in game.players.iter_mut().enumerate() {
        player.score = 100 * (i as u32 + 1) + 7;
    }
    // Played to the end: a code holds the questions its rounds asked.
    played(&mut game);
    let code = code_of(&game, library).expect("every question is in its pack");
    (game, code)
}

#[test]
fn a_code_plays_the_same_questions_in_the_same_order_from_another_copy_of_the_packs() {
    let (here, there) = (builtin_library(), builtin_library());
    let presets = ScoringPresets::default();
    let mut shuffled = 0;
    let mut longest = 0;
    for seed in 0..60 {
        let (game, code) = code_of_seed(&here, &solo(10), seed);
        let text = code.to_text();
        longest = longest.max(text.len());
        assert_eq!(ChallengeCode::from_text(&text), Ok(code.clone()), "seed {seed}: {text}");
        // Typed by hand: lower case, O for 0, I and L for 1, spaces for dashes.
        let typed = text.to_lowercase().replace('0', "o").replace('1', "l").replace('-', " ");
        assert_eq!(ChallengeCode::from_text(&typed), Ok(code.clone()), "seed {seed}: {typed}");
        let questions = questions_of(&code, &there, &presets).expect("the same packs");
        assert_eq!(questions, game.questions, "seed {seed}: the same questions, order and options");
        shuffled += code.questions.iter().filter(|p| p.shown > 0).count();
        let played = challenge_game(&text, &there, &presets, &GameSettings::default()).expect("playable");
        assert_eq!(played.questions, game.questions);
        assert_eq!((played.settings.timer, played.preset.id.as_str()), (TimerChoice::Seconds30, "accuracy"));
        let rivals = played.challenge.expect("a challenge").rivals;
        assert_eq!(rivals.iter().map(|r| (r.name.as_str(), r.score)).collect::<Vec<_>>(), [("Player 1", 107)]);
    }
    assert!(shuffled > 100, "the codes carry shuffled options and items ({shuffled})");
    // Short enough for a message: 10 questions from both built-in packs, dashes and all.
    assert!(longest < 240, "the longest code of a 10-question game is {longest} characters");
    eprintln!("the longest code of a 10-question game: {longest} characters");
}

#[test]
fn a_party_code_keeps_the_hot_seat_deal_and_the_best_four_scores() {
    let library = builtin_library();
    let mut settings = settings(6, 12, 5);
    settings.make_party();
    settings.mode = PlayMode::HotSeat;
    settings.players[0].name = "Pam Beesly-Halpert, Esq.".into();
    let (game, code) = code_of_seed(&library, &settings, 5);
    let names: Vec<(&str, u32)> = code.rivals.iter().map(|r| (r.name.as_str(), r.score)).collect();
    assert_eq!(names, [("Player 6", 607), ("Player 5", 507), ("Player 4", 407), ("Player 3", 307)]);
    let played = challenge_game(&code.to_text(), &library, &ScoringPresets::default(), &GameSettings::default())
        .expect("playable");
    assert_eq!(played.questions, game.questions, "the questions in the order the party had them");
    assert_eq!(ChallengeCode::from_text(&code.to_text()).map(|c| c.mode), Ok(PlayMode::HotSeat));
}

#[test]
fn a_damaged_code_is_refused_as_damaged() {
    let (_, code) = code_of_seed(&builtin_library(), &solo(10), 9);
    let text = code.to_text();
    let letters: Vec<char> = text.chars().collect();
    let mut refused = 0;
    for at in (0..letters.len()).filter(|i| letters[*i] != '-') {
        // Each letter changed, and each dropped.
        let mut changed = letters.clone();
        changed[at] = if changed[at] == 'X' { 'Y' } else { 'X' };
        let dropped: String = letters.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c).collect();
        for damaged in [changed.iter().collect::<String>(), dropped] {
            assert_eq!(ChallengeCode::from_text(&damaged), Err(Unreadable::Damaged), "{damaged}");
            refused += 1;
        }
    }
    assert!(refused > 150);
    assert_eq!(ChallengeCode::from_text(&format!("{text}X")), Err(Unreadable::Damaged));
    assert_eq!(ChallengeCode::from_text(&text[..text.len() / 2]), Err(Unreadable::Damaged));
    assert_eq!(ChallengeCode::from_text("  - "), Err(Unreadable::Empty));
    assert_eq!(ChallengeCode::from_text("ABCU-12"), Err(Unreadable::BadLetter('U')));
    assert_eq!(ChallengeCode::from_text("seed=42"), Err(Unreadable::BadLetter('=')));
    let said = ChallengeCode::from_text(&letters[1..].iter().collect::<String>()).expect_err("damaged").to_string();
    assert!(said.contains("damaged") && said.contains("copy it again"), "{said}");
    let why = challenge_game("zzzz", &builtin_library(), &ScoringPresets::default(), &GameSettings::default());
    assert!(why.expect_err("refused").contains("damaged"));
}

#[test]
fn a_code_of_a_newer_game_says_to_update() {
    // A newer format's code, as a later version would write it: the checksum is right.
    let code = ChallengeCode {
        seed: 1,
        timer: TimerChoice::Off,
        scoring: "classic".into(),
        lifelines: 0,
        wager: false,
        mode: PlayMode::Everyone,
        packs: vec![PackStamp { id: "p".into(), version: String::new(), print: [0; 4] }],
        questions: vec![Pick { pack: 0, question: 0, shown: 0 }],
        rivals: vec![RivalScore { name: "Pam".into(), score: 3 }],
    };
    let text = code.to_text();
    assert_eq!(ChallengeCode::from_text(&text), Ok(code.clone()));
    let newer = code.to_text_in_format(2);
    let said = ChallengeCode::from_text(&newer).expect_err("newer").to_string();
    assert!(said.contains("newer Big Tuna Trivia") && said.contains("update the game"), "{said}");
}

#[test]
fn a_missing_or_changed_pack_is_refused_by_name_and_version() {
    let mut library = synthetic_library(12);
    library.packs[0].version = "1.0".into();
    let (_, code) = code_of_seed(&library, &solo(8), 3);
    let presets = ScoringPresets::default();
    assert!(questions_of(&code, &library, &presets).is_ok());
    let missing = questions_of(&code, &builtin_library(), &presets).expect_err("no such pack");
    assert_eq!(missing, Missing::Pack { id: "synthetic".into(), version: "1.0".into() });
    let said = missing.to_string();
    assert!(said.contains("`synthetic` (version 1.0)") && said.contains("packs folder"), "{said}");
    // An edited question, under a new version and under the same one.
    let mut edited = library.clone();
    edited.packs[0].version = "1.1".into();
    if let Answer::MultipleChoice { correct, .. } = &mut edited.packs[0].questions[0].answer {
        correct.push('!');
    }
    let changed = questions_of(&code, &edited, &presets).expect_err("changed");
    assert_eq!(changed, Missing::Changed { id: "synthetic".into(), theirs: "1.0".into(), ours: "1.1".into() });
    assert!(changed.to_string().contains("version 1.0; this computer has version 1.1"), "{changed}");
    edited.packs[0].version = "1.0".into();
    let same = questions_of(&code, &edited, &presets).expect_err("changed").to_string();
    assert!(same.contains("both copies say version 1.0, but one was edited"), "{same}");
    // Its title, description or version string alone do not change its questions.
    let mut retitled = library.clone();
    retitled.packs[0].title = "Renamed".into();
    assert!(questions_of(&code, &retitled, &presets).is_ok());
    // A scoring preset this computer lacks.
    let mut custom = code.clone();
    custom.scoring = "office-rules".into();
    let said = questions_of(&custom, &library, &presets).expect_err("no preset").to_string();
    assert!(said.contains("`office-rules`"), "{said}");
}

#[test]
fn a_challenge_played_to_the_end_puts_both_games_side_by_side_in_its_record_and_report() {
    use bigtuna::challenge::{ChallengeProblem, PlayChallenge};
    use bigtuna::game::{FlowCommand, Phase, Screen};
    let library = synthetic_library(6);
    let (original, code) = code_of_seed(&library, &solo(5), 11);
    let mut app = headless(library, settings(1, 10, 99));
    send(&mut app, PlayChallenge { code: "0000-0000".into(), solo: None });
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    let refused = app.world().get_resource::<ChallengeProblem>().expect("a reason").0.clone();
    assert!(refused.contains("damaged"), "{refused}");
    send(&mut app, PlayChallenge { code: code.to_text().to_lowercase(), solo: Some("Jim".into()) });
    app.update();
    app.update();
    let problem = app.world().get_resource::<ChallengeProblem>().map(|p| p.0.clone());
    assert_eq!(screen(&app), Screen::Playing, "{problem:?}");
    assert!(app.world().get_resource::<ChallengeProblem>().is_none(), "the old reason goes");
    assert_eq!(game(&app).questions, original.questions, "the code's questions, not the settings' 10");
    while screen(&app) == Screen::Playing {
        if phase(&app) == Some(Phase::Question) {
            let drawn = game(&app).question().expect("a question").clone();
            answer(&mut app, 0, right_response(&drawn));
            app.update();
        }
        command(&mut app, FlowCommand::Continue);
    }
    assert_eq!(screen(&app), Screen::Results);
    let mut log = bigtuna::persist::game_log::GameLog::of(game(&app), 1_800_000_000);
    let ours = game(&app).players[0].score;
    assert!(ours > 107, "five right answers score more than 107 ({ours})");
    let challenge = log.challenge.clone().expect("the record keeps the challenge");
    assert_eq!(challenge.code, code.to_text());
    assert_eq!((challenge.rivals[0].name.as_str(), challenge.rivals[0].score), ("Player 1", 107));
    log.code = Some("ABCDE-12345".into());
    let summary = bigtuna::report::summary::Summary::of(&log);
    let markdown = bigtuna::report::markdown::to_markdown(&summary);
    assert!(markdown.contains("## The challenge"), "{markdown}");
    assert!(markdown.contains(&format!("| Jim | {ours} | Player 1 | 107 |")), "{markdown}");
    assert!(markdown.contains(&format!("Jim beat Player 1's 107 by {} points", ours - 107)), "{markdown}");
    assert!(markdown.contains("`bigtuna play --challenge ABCDE-12345`"), "{markdown}");
    let page = bigtuna::report::page::to_html(&summary);
    assert!(page.contains("<table id=\"challenge\">") && page.contains("<code id=\"code\">"), "{page}");
}

#[test]
fn play_refuses_a_damaged_code_or_a_missing_or_changed_pack_before_any_window_opens() {
    use std::process::Command;
    let questions: Vec<String> = (1..=6).map(|i| mc(&format!("q{i}"))).collect();
    let text = pack_text("office-olympics", &questions.join("\n"))
        .replace("title: \"Test pack\",", "title: \"Test pack\",\n    version: \"2.1.0\",");
    let theirs = scratch_dir("challenge-their-packs");
    std::fs::write(theirs.join("office-olympics.ron"), &text).expect("a pack");
    let library = PackLibrary::load_paths(std::slice::from_ref(&theirs));
    assert_eq!(library.packs.len(), 1, "{:?}", library.skipped);
    let (_, code) = code_of_seed(&library, &solo(5), 1);
    let code = code.to_text();
    let (ours, changed) = (scratch_dir("challenge-our-packs"), scratch_dir("challenge-changed-packs"));
    let edited = text.replacen("\"Stamford\"", "\"Scranton\"", 1).replace("2.1.0", "2.2.0");
    std::fs::write(changed.join("office-olympics.ron"), edited).expect("a pack");
    let play = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_bigtuna"))
            .arg("play")
            .args(args)
            .env("BIGTUNA_PACKS", &ours)
            .env("BIGTUNA_CONFIG", scratch_dir("challenge-cli-config"))
            .env("HOME", scratch_dir("challenge-cli-home"))
            // No display at all: each of these is refused before a window would open.
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("the binary runs");
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (status, said) = play(&["--challenge", &code]);
    assert_eq!(status, Some(1), "{said}");
    assert!(
        said.contains("bigtuna play --challenge: this challenge needs the pack `office-olympics` (version 2.1.0)"),
        "{said}"
    );
    let from = changed.to_str().expect("utf-8 path");
    let (status, said) = play(&["--challenge", &code, "--from", from]);
    assert_eq!(status, Some(1), "{said}");
    assert!(said.contains("as it was in version 2.1.0; this computer has version 2.2.0"), "{said}");
    let (status, said) = play(&["--challenge", &code[1..]]);
    assert_eq!(status, Some(1), "{said}");
    assert!(said.contains("this challenge code is damaged"), "{said}");
    let (status, said) = play(&["--challenge", &code, "--seed", "4"]);
    assert_eq!(status, Some(2), "a code and a seed together are a usage error: {said}");
}

#[test]
fn a_forged_code_with_a_right_checksum_is_refused_not_obeyed() {
    let library = builtin_library();
    let presets = ScoringPresets::default();
    let (_, code) = code_of_seed(&library, &solo(5), 2);
    // A question past the pack's end, an order past the options' count, a pack index past
    // the list: each a changed pack or a missing one, never a panic.
    let mut far = code.clone();
    far.questions[0].question = 1_000_000;
    assert!(matches!(questions_of(&far, &library, &presets), Err(Missing::Changed { .. })));
    let mut shuffled = code.clone();
    shuffled.questions[0].shown = u64::MAX;
    assert!(matches!(questions_of(&shuffled, &library, &presets), Err(Missing::Changed { .. })));
    let mut nowhere = code.clone();
    nowhere.questions[0].pack = 7;
    assert!(questions_of(&nowhere, &library, &presets).is_err());
    // Read back, a code must stay within what a game can be.
    let mut wild = code.clone();
    wild.lifelines = 9;
    assert_eq!(ChallengeCode::from_text(&wild.to_text()), Err(Unreadable::Damaged), "more lifelines than a game gives");
    let mut named = code.clone();
    named.rivals[0].name = "Pam\n\u{202e}Jim".into();
    assert_eq!(ChallengeCode::from_text(&named.to_text()), Err(Unreadable::Damaged), "control characters in a name");
    named.rivals[0].name = "P".repeat(40);
    assert_eq!(
        ChallengeCode::from_text(&named.to_text()),
        Err(Unreadable::Damaged),
        "a name longer than a game writes"
    );
    // A game the host cut short, or whose rounds were skipped, gives the code of what was asked.
    let drawn = draw(&library, &solo(5), 2).expect("a game");
    let mut game = game_of(drawn, &solo(5), &presets, 2, false);
    assert!(code_of(&game, &library).is_none(), "nothing asked yet, no code");
    for (i, skipped) in [false, true, false].into_iter().enumerate() {
        game.rounds.push(bigtuna::game::Round { question: i, skipped, outcomes: Vec::new() });
    }
    let asked = code_of(&game, &library).expect("a code").questions;
    assert_eq!(asked.len(), 2, "the two rounds asked, not the skipped one nor the two never reached");
}

#[test]
fn a_challenge_past_the_players_spoiler_limit_is_refused_without_saying_what_it_asks() {
    let library = builtin_library();
    let presets = ScoringPresets::default();
    // A superfan's game, with a question from season 5 or later.
    let (game, code) = (0..200)
        .map(|seed| code_of_seed(&library, &solo(10), seed))
        .find(|(game, _)| game.questions.iter().any(|q| q.question.seasons.is_some_and(|s| s.last() >= 5)))
        .expect("a game that asks about a later season");
    let latest = game.questions.iter().filter_map(|q| q.question.seasons.map(|s| s.last())).max().unwrap_or(0);
    let mut friend = GameSettings { max_season: 2, ..GameSettings::default() };
    let said = challenge_game(&code.to_text(), &library, &presets, &friend).expect_err("past season 2");
    assert!(said.contains(&format!("asks about season {latest}, past your spoiler limit (season 2)")), "{said}");
    assert!(game.questions.iter().all(|q| !said.contains(&q.question.prompt)), "no question given away: {said}");
    // A player's own limit counts too; the whole show lets it through.
    friend.max_season = 9;
    friend.players[0].watched_to = Some(3);
    assert!(challenge_game(&code.to_text(), &library, &presets, &friend).is_err());
    friend.players[0].watched_to = None;
    assert!(challenge_game(&code.to_text(), &library, &presets, &friend).is_ok());
}
