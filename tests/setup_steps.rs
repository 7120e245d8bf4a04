//! The setup screen's value cycling, as `GameSettings::step` does it, headless; and the
//! command line's one-off settings over the saved ones.

use bigtuna::game::settings::OFFERED_COUNTS;
use bigtuna::game::{DifficultyChoice, GameOverrides, GameSettings, PlayerSpec, ScoringPresets, Setting, TimerChoice};
use bigtuna::pack::SEASONS;

use crate::support::synthetic_library;

#[test]
fn every_setting_steps_forward_and_back_and_wraps() {
    let library = synthetic_library(3);
    let presets = ScoringPresets::default();
    let mut s = GameSettings::default();
    Setting::Difficulty.step(&mut s, 1, &library, &presets);
    assert_eq!(s.difficulty, DifficultyChoice::Easy, "Mixed is last: forward wraps to Easy");
    Setting::Difficulty.step(&mut s, -1, &library, &presets);
    assert_eq!(s.difficulty, DifficultyChoice::Mixed);
    Setting::Timer.step(&mut s, 1, &library, &presets);
    assert_eq!(s.timer, TimerChoice::Seconds30);
    for _ in 0..TimerChoice::ALL.len() {
        Setting::Timer.step(&mut s, 1, &library, &presets);
    }
    assert_eq!(s.timer, TimerChoice::Seconds30, "a whole cycle comes back");
    Setting::Seasons.step(&mut s, 1, &library, &presets);
    assert_eq!(s.max_season, *SEASONS.start(), "after the last season, the first");
    Setting::Seasons.step(&mut s, -1, &library, &presets);
    assert_eq!(s.max_season, *SEASONS.end());
    let ids: Vec<&str> = presets.0.iter().map(|p| p.id.as_str()).collect();
    Setting::Scoring.step(&mut s, 1, &library, &presets);
    assert_eq!(s.scoring, ids[1]);
    Setting::Scoring.step(&mut s, -2, &library, &presets);
    assert_eq!(s.scoring, ids[ids.len() - 1], "back past the first wraps to the last");
}

#[test]
fn question_counts_step_through_the_offered_ones_even_from_an_odd_count() {
    let library = synthetic_library(3);
    let presets = ScoringPresets::default();
    let mut s = GameSettings { questions: 7, ..GameSettings::default() };
    Setting::Questions.step(&mut s, 1, &library, &presets);
    assert_eq!(s.questions, 15, "7 (a shortfall's count) steps from 10, the next offered");
    s.questions = *OFFERED_COUNTS.last().expect("counts");
    Setting::Questions.step(&mut s, 1, &library, &presets);
    assert_eq!(s.questions, OFFERED_COUNTS[0]);
}

#[test]
fn filters_step_through_all_then_each_value() {
    let library = synthetic_library(3);
    let presets = ScoringPresets::default();
    let mut s = GameSettings::default();
    let mut seen = Vec::new();
    for _ in 0..4 {
        Setting::Category.step(&mut s, 1, &library, &presets);
        seen.push(s.categories.clone());
    }
    assert_eq!(
        seen,
        [vec!["Career".to_owned()], vec!["Family".into()], vec!["Pam & Jim".into()], vec![]],
        "sorted categories, then all again"
    );
    Setting::Pack.step(&mut s, 1, &library, &presets);
    assert_eq!(s.packs, ["synthetic"]);
    Setting::Pack.step(&mut s, 1, &library, &presets);
    assert!(s.packs.is_empty(), "all packs");
}

#[test]
fn players_stop_at_two_and_eight_and_keep_their_names() {
    let library = synthetic_library(1);
    let presets = ScoringPresets::default();
    let mut s = GameSettings::default();
    s.make_party();
    s.players[1].name = "Pam".into();
    Setting::Players.step(&mut s, -1, &library, &presets);
    assert_eq!(s.players.len(), 2, "a party has two players at least");
    for _ in 0..10 {
        Setting::Players.step(&mut s, 1, &library, &presets);
    }
    assert_eq!(s.players.len(), 8);
    assert_eq!(s.players[1].name, "Pam");
    assert_eq!(s.players[7], PlayerSpec::numbered(7));
    s.make_solo();
    assert_eq!((s.players.len(), s.kinds.len()), (1, 0), "solo: one player, every kind");
}

#[test]
fn one_off_settings_override_only_what_they_name() {
    let saved = GameSettings { questions: 20, scoring: "accuracy".into(), ..GameSettings::default() };
    let overrides = GameOverrides {
        seed: Some(5),
        timer: Some(TimerChoice::Off),
        players: (0..10).map(|i| format!(" P{i} ")).collect(),
        ..GameOverrides::default()
    };
    let s = overrides.apply(saved.clone());
    assert_eq!((s.seed, s.timer, s.questions, s.scoring.as_str()), (Some(5), TimerChoice::Off, 20, "accuracy"));
    assert_eq!(s.players.len(), 8, "at most eight players");
    assert_eq!(s.players[0], PlayerSpec { name: "P0".into(), ..PlayerSpec::numbered(0) });
    assert_eq!(GameOverrides::default().apply(saved.clone()), saved);
}

#[test]
fn a_game_about_one_season_or_episode_asks_only_about_it() {
    use bigtuna::game::Watched;
    let mut library = synthetic_library(6);
    for (i, q) in library.packs[0].questions.iter_mut().enumerate() {
        if i % 3 == 0 {
            q.tags.push("episode:Casino Night".into());
        }
    }
    let presets = ScoringPresets::default();
    let mut s = GameSettings::default();
    let mut seen = Vec::new();
    for _ in 0..20 {
        Setting::Watched.step(&mut s, 1, &library, &presets);
        seen.push(s.watched.clone());
    }
    assert!(seen.contains(&Watched::Season(4)) && seen.contains(&Watched::Episode("Casino Night".into())), "{seen:?}");
    assert!(seen.contains(&Watched::Everything), "it comes back round");
    let game = |watched: Watched, n: usize| {
        let s = GameSettings { watched, questions: n, kinds: Vec::new(), ..GameSettings::default() };
        bigtuna::game::draw::draw(&library, &s, 9)
    };
    let episode = game(Watched::Episode("Casino Night".into()), 10).expect("ten tagged questions");
    assert!(episode.iter().all(|d| d.question.tags.iter().any(|t| t == "episode:Casino Night")));
    let season = game(Watched::Season(6), 5).expect("questions of season 6");
    assert!(season.iter().all(|d| d.question.seasons.is_some_and(|r| r.first() <= 6 && 6 <= r.last())));
    // From the command line.
    let over = GameOverrides { watched: Some(Watched::Season(3)), ..GameOverrides::default() };
    assert_eq!(over.apply(GameSettings::default()).watched, Watched::Season(3));
}

#[test]
fn what_setup_chose_is_the_next_sessions_default_but_not_the_command_lines_or_tonights_party() {
    let (library, presets) = (synthetic_library(2), ScoringPresets::default());
    let saved = GameSettings { questions: 20, ..GameSettings::default() };
    // This session started from the saved defaults, with a timer given on the command line.
    let start = GameSettings { timer: TimerChoice::Off, ..saved.clone() };
    let mut now = start.clone();
    Setting::Questions.step(&mut now, 1, &library, &presets);
    Setting::Difficulty.step(&mut now, 1, &library, &presets);
    Setting::Mode.step(&mut now, 1, &library, &presets);
    let mut defaults = saved.clone();
    for setting in Setting::all() {
        setting.remember(&now, &start, &mut defaults);
    }
    assert_eq!((defaults.questions, defaults.difficulty), (now.questions, now.difficulty), "chosen on setup");
    assert_ne!(defaults.questions, saved.questions);
    assert_eq!(defaults.timer, saved.timer, "given only on the command line");
    assert_eq!(defaults.mode, saved.mode, "how tonight's party plays is for tonight");
}

#[test]
fn the_host_keeps_pictures_on_the_tv_for_one_night_and_the_saved_choice_stays() {
    let saved = GameSettings::default();
    assert!(saved.pictures_on_phones, "pictures go to the phones unless the host says not");
    let tv_only = GameOverrides { pictures_on_phones: Some(false), ..GameOverrides::default() };
    assert!(!tv_only.apply(saved.clone()).pictures_on_phones);
    let kept = GameSettings { pictures_on_phones: false, ..GameSettings::default() };
    assert!(!GameOverrides::default().apply(kept).pictures_on_phones, "no flag keeps the saved choice");
    #[derive(clap::Parser)]
    struct Line {
        #[command(flatten)]
        game: bigtuna::cli::GameArgs,
    }
    use clap::Parser;
    let parsed = Line::try_parse_from(["bigtuna", "--pictures", "tv"]).expect("parses");
    assert_eq!(parsed.game.overrides().pictures_on_phones, Some(false));
    assert!(Line::try_parse_from(["bigtuna", "--pictures", "fridge"]).is_err());
}
