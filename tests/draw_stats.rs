//! The draw is fair and reproducible: uniform correct-option positions, no repeats, one seed
//! one game, an easy-to-hard ramp.

use std::collections::HashSet;

use bigtuna::game::draw::{draw, present};
use bigtuna::game::{DifficultyChoice, GameSettings, Presented};
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::support::{builtin_library, synthetic_library};

#[test]
fn correct_option_position_is_uniform() {
    let library = synthetic_library(1);
    let (_, question) = library.questions().next().expect("a multiple-choice question");
    let mut counts = [0u32; 4];
    let draws = 10_000;
    for seed in 0..draws {
        let mut rng = StdRng::seed_from_u64(seed);
        let Presented::Options { correct, options } =
            present(&bigtuna::pack::PackLibrary::default(), "p", question, &mut rng).presented
        else {
            panic!("options")
        };
        assert_eq!(options.len(), 4);
        counts[correct] += 1;
    }
    let expected = draws as f64 / 4.0;
    let chi_square: f64 = counts.iter().map(|&c| (f64::from(c) - expected).powi(2) / expected).sum();
    // 3 degrees of freedom: 16.27 is the p = 0.001 critical value.
    assert!(chi_square < 16.27, "positions {counts:?}, chi-square {chi_square:.2}");
}

#[test]
fn orderings_are_shuffled_and_never_shown_solved() {
    let library = synthetic_library(1);
    let (_, question) = library.questions().find(|(_, q)| q.id.ends_with("-4")).expect("an ordering");
    let mut firsts = [0u32; 4];
    for seed in 0..4_000 {
        let mut rng = StdRng::seed_from_u64(seed);
        let Presented::Ordering { shown } =
            present(&bigtuna::pack::PackLibrary::default(), "p", question, &mut rng).presented
        else {
            panic!("ordering")
        };
        assert_ne!(shown, ["one", "two", "three", "four"]);
        firsts[["one", "two", "three", "four"].iter().position(|i| *i == shown[0]).expect("item")] += 1;
    }
    assert!(firsts.iter().all(|&n| n > 700), "every item leads sometimes: {firsts:?}");
}

#[test]
fn no_question_twice_and_one_seed_one_game() {
    let library = builtin_library();
    let settings = GameSettings { questions: 40, ..GameSettings::default() };
    for seed in 0..200 {
        let game = draw(&library, &settings, seed).expect("enough questions");
        let ids: HashSet<&str> = game.iter().map(|q| q.question.id.as_str()).collect();
        assert_eq!(ids.len(), 40, "seed {seed} repeated a question");
        assert_eq!(draw(&library, &settings, seed).expect("again"), game, "seed {seed} is not reproducible");
    }
    assert_ne!(draw(&library, &settings, 1).expect("1"), draw(&library, &settings, 2).expect("2"));
}

#[test]
fn mixed_difficulty_ramps_from_easy_to_hard_in_equal_shares() {
    let library = builtin_library();
    let settings = GameSettings { questions: 30, difficulty: DifficultyChoice::Mixed, ..GameSettings::default() };
    let game = draw(&library, &settings, 99).expect("enough");
    let levels: Vec<_> = game.iter().map(|q| q.question.difficulty).collect();
    assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
    for level in bigtuna::pack::Difficulty::ALL {
        assert_eq!(levels.iter().filter(|l| **l == level).count(), 10);
    }
}

/// Questions that share a fact: groups of two and three in a pack of 40.
fn grouped_library() -> bigtuna::pack::PackLibrary {
    let mut library = crate::support::synthetic_library(8);
    for (i, q) in library.packs[0].questions.iter_mut().enumerate() {
        // Questions 0-1, 2-3, ... 18-19 pair up; 20-22 and 23-25 make threes.
        q.group = match i {
            0..20 => Some(format!("pair-{}", i / 2)),
            20..26 => Some(format!("three-{}", (i - 20) / 3)),
            _ => None,
        };
    }
    library
}

#[test]
fn no_game_of_ten_thousand_draws_asks_two_questions_of_one_group() {
    let library = grouped_library();
    // 40 questions: 10 pairs, 2 threes and 14 alone make 26 facts.
    let settings = GameSettings { questions: 20, kinds: Vec::new(), ..GameSettings::default() };
    let mut members_drawn = std::collections::HashSet::new();
    for seed in 0..10_000 {
        let game = bigtuna::game::draw::draw(&library, &settings, seed).expect("26 facts");
        let groups: Vec<&String> = game.iter().filter_map(|d| d.question.group.as_ref()).collect();
        let distinct: std::collections::HashSet<&&String> = groups.iter().collect();
        assert_eq!(groups.len(), distinct.len(), "seed {seed}: {groups:?}");
        members_drawn.extend(game.iter().filter(|d| d.question.group.is_some()).map(|d| d.question.id.clone()));
    }
    assert_eq!(members_drawn.len(), 26, "every member of every group gets its turn");
    // Asking for more than there are facts counts the facts, and says why.
    let shortfall =
        bigtuna::game::draw::draw(&library, &GameSettings { questions: 30, ..settings }, 1).expect_err("26 facts");
    assert_eq!((shortfall.available, shortfall.shared), (26, 14));
    assert!(shortfall.to_string().contains("14 more share a fact"), "{shortfall}");
}

#[test]
fn no_game_from_the_bank_asks_two_questions_of_one_group_in_ten_thousand_draws() {
    let library = builtin_library();
    let settings = GameSettings { questions: 30, kinds: Vec::new(), ..GameSettings::default() };
    let grouped = library.packs[0].questions.iter().filter(|q| q.group.is_some()).count();
    assert!(grouped > 100, "the bank groups its shared facts: {grouped}");
    for seed in 0..10_000 {
        let game = draw(&library, &settings, seed).expect("30 questions");
        let mut groups = HashSet::new();
        for drawn in &game {
            if let Some(group) = &drawn.question.group {
                assert!(groups.insert(group), "seed {seed}: two questions of `{group}`");
            }
        }
    }
}

/// A library bigger than [`bigtuna::game::draw::SAMPLED_POOL`]: its draws are sampled.
fn big_library() -> bigtuna::pack::PackLibrary {
    let mut library = crate::support::synthetic_library(5_000);
    for (i, q) in library.packs[0].questions.iter_mut().enumerate() {
        // Every ten questions share a fact.
        q.group = Some(format!("fact-{}", i / 10));
    }
    library
}

#[test]
fn a_big_library_is_sampled_and_its_games_keep_every_rule() {
    use bigtuna::game::draw::{SAMPLED_POOL, draw_from, sampled};
    use bigtuna::game::pool::DrawPool;
    let library = big_library();
    let settings = GameSettings { questions: 100, kinds: Vec::new(), ..GameSettings::default() };
    let pool = DrawPool::of(&library, &settings);
    assert!(pool.entries.len() > SAMPLED_POOL, "{} questions", pool.entries.len());
    let mut asked_ever = std::collections::HashSet::new();
    for seed in 0..200 {
        let (game, least_seen) = draw_from(&library, &pool, &settings, seed, None).expect("2,500 facts");
        assert!(!least_seen);
        let (sample, _) = sampled(&library, &pool, &settings, seed, None).expect("sampled, not shuffled whole");
        assert_eq!(sample, game);
        assert_eq!(game.len(), 100);
        let groups: std::collections::HashSet<_> = game.iter().filter_map(|d| d.question.group.clone()).collect();
        assert_eq!(groups.len(), 100, "seed {seed}: one question per fact");
        let levels: Vec<_> = game.iter().map(|q| q.question.difficulty).collect();
        assert!(levels.windows(2).all(|w| w[0] <= w[1]), "easy to hard");
        for level in bigtuna::pack::Difficulty::ALL {
            let n = levels.iter().filter(|l| **l == level).count();
            assert!((33..=34).contains(&n), "seed {seed}: {n} of {level:?}");
        }
        assert_eq!(draw_from(&library, &pool, &settings, seed, None).expect("again").0, game, "a seed replays");
        asked_ever.extend(game.iter().map(|d| d.question.id.clone()));
    }
    // 200 games of 100 from 25,000 questions reach far across the pool, not one corner of it.
    assert!(asked_ever.len() > 10_000, "{} different questions asked", asked_ever.len());
}

#[test]
fn a_big_library_still_asks_the_least_recently_seen_first() {
    use bigtuna::game::draw::{draw_from, sampled};
    use bigtuna::game::pool::DrawPool;
    let library = big_library();
    let settings = GameSettings { questions: 50, kinds: Vec::new(), ..GameSettings::default() };
    let pool = DrawPool::of(&library, &settings);
    let mut seen = bigtuna::game::Seen::default();
    // A few games seen: the next is sampled and avoids them.
    for seed in 0..5 {
        let (game, _) = draw_from(&library, &pool, &settings, seed, Some(&seen)).expect("a game");
        assert!(game.iter().all(|d| seen.last_asked(&d.pack, &d.question.id) == 0), "seed {seed} repeats");
        assert!(sampled(&library, &pool, &settings, seed, Some(&seen)).is_some(), "still sampled");
        seen.record(game.iter().map(|d| (d.pack.as_str(), d.question.id.as_str())));
    }
    // All but 60 seen: those come first (the whole pool is looked at when a sample cannot tell).
    let unseen: Vec<String> = library.packs[0].questions.iter().skip(24_940).map(|q| q.id.clone()).collect();
    seen.record(library.packs[0].questions.iter().take(24_940).map(|q| ("synthetic", q.id.as_str())));
    let (game, least_seen) = draw_from(&library, &pool, &settings, 9, Some(&seen)).expect("a game");
    assert!(least_seen);
    let fresh = game.iter().filter(|d| unseen.contains(&d.question.id)).count();
    // 60 unseen questions hold 6 or 7 facts; each fact is asked once.
    let unseen_facts: std::collections::HashSet<_> =
        library.packs[0].questions.iter().skip(24_940).filter_map(|q| q.group.clone()).collect();
    assert_eq!(fresh, unseen_facts.len(), "every unseen fact first");
}
