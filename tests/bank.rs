//! The Jim Halpert bank keeps its promises: size, kinds, difficulties, categories, sources,
//! typed forms, believable true/false, and ids that never change once shipped.

use std::collections::{BTreeMap, HashSet};
use std::hash::Hasher;

use bigtuna::pack::cite::references;
use bigtuna::pack::problem::Warning;
use bigtuna::pack::{Answer, AnswerKind, Difficulty, load_pack_file};

use crate::support::root;

const SOURCES: [&str; 3] = ["000_05a399144b78e46c.txt", "001_431e1837c04042a6.txt", "002_1cf85b3532e1d13e.txt"];

#[test]
fn the_bank_covers_what_it_promises() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let questions = &pack.questions;
    assert!(questions.len() >= 240, "{} questions", questions.len());

    let mut kinds: BTreeMap<AnswerKind, usize> = BTreeMap::new();
    let mut levels: BTreeMap<Difficulty, usize> = BTreeMap::new();
    let mut categories: BTreeMap<&str, usize> = BTreeMap::new();
    let mut false_statements = 0;
    for q in questions {
        *kinds.entry(q.answer.kind()).or_default() += 1;
        *levels.entry(q.difficulty).or_default() += 1;
        *categories.entry(q.category.as_str()).or_default() += 1;
        // Each reference is a declared source (so players read its title) and a section.
        for (id, section) in references(&q.source) {
            assert!(pack.source_text(id).is_some(), "{}: source {:?} names no declared source", q.id, q.source);
            assert!(!section.is_empty(), "{}: the source names a section too", q.id);
        }
        match &q.answer {
            Answer::Typed { accept } => assert!(!accept.is_empty(), "{}", q.id),
            Answer::TrueFalse { answer: false } => false_statements += 1,
            Answer::MultipleChoice { wrong, .. } => assert_eq!(wrong.len(), 3, "{}: four tiles", q.id),
            _ => {}
        }
        assert!(q.explanation.len() >= 40, "{}: the explanation teaches something", q.id);
        assert!(q.explanation.trim() != q.prompt.trim(), "{}", q.id);
    }
    for kind in AnswerKind::ALL {
        assert!(kinds.get(&kind).copied().unwrap_or(0) >= 15, "{kind:?}: {kinds:?}");
    }
    for level in Difficulty::ALL {
        let share = levels.get(&level).copied().unwrap_or(0) as f64 / questions.len() as f64;
        assert!(share >= 0.25, "{level:?} is {:.0}% of the bank", share * 100.0);
    }
    assert!(categories.len() >= 8, "{categories:?}");
    let statements = kinds[&AnswerKind::TrueFalse];
    let false_share = false_statements as f64 / statements as f64;
    assert!((0.35..=0.65).contains(&false_share), "{false_statements} of {statements} true/false are false");
}

/// Each declared source is one of the seed texts, with a title a player can read.
#[test]
fn the_banks_sources_are_the_seed_texts_with_readable_titles() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let files: Vec<&str> = pack.sources.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files.len(), SOURCES.len());
    assert!(SOURCES.iter().all(|file| files.contains(file)), "{files:?}");
    for source in &pack.sources {
        assert!(!source.title.contains(".txt") && source.title.contains(' '), "{:?}", source.title);
    }
}

/// The spoiler check and the give-away check find nothing in the built-in bank.
#[test]
fn the_bank_spoils_nothing_and_gives_nothing_away_by_its_categories() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let said: Vec<String> = pack.origin.warnings.iter().map(|w| Warning(w).to_string()).collect();
    assert!(said.is_empty(), "{} warnings:\n{}", said.len(), said.join("\n"));
}

#[test]
fn question_ids_are_unique_and_stable() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let ids: HashSet<&str> = pack.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), pack.questions.len(), "ids are unique");
    // Saves and statistics refer to ids: once shipped, an id may be retired never reused,
    // and never renamed. New questions add lines to tests/data/bank-ids.txt.
    let shipped = std::fs::read_to_string(root().join("tests/data/bank-ids.txt")).expect("the list of shipped ids");
    for id in shipped.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(ids.contains(id), "shipped id {id} disappeared: restore it, or retire it (ids are stable)");
    }
    // A retired id (a merged duplicate, say) never comes back for another question.
    let retired = std::fs::read_to_string(root().join("tests/data/bank-ids-retired.txt")).expect("retired ids");
    for line in retired.lines().filter(|l| !l.trim().is_empty()) {
        let id = line.split_whitespace().next().unwrap_or_default();
        assert!(!ids.contains(id), "retired id {id} is used again: give the question a new id");
        assert!(!shipped.lines().any(|l| l.trim() == id), "{id} is both shipped and retired");
    }
}

#[test]
fn every_group_has_two_members_and_no_two_questions_ask_the_same() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).expect("the bank validates");
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for q in &pack.questions {
        if let Some(group) = &q.group {
            groups.entry(group).or_default().push(&q.id);
        }
    }
    assert!(!groups.is_empty(), "questions that share a fact are grouped");
    for (group, members) in &groups {
        assert!(members.len() >= 2, "group `{group}` has only {members:?}");
    }
    let mut seen = HashSet::new();
    for q in &pack.questions {
        let prompt = q.prompt.to_lowercase();
        assert!(seen.insert((prompt, format!("{:?}", q.answer))), "{} asks what another asks", q.id);
    }
}

#[test]
fn questions_about_a_named_episode_carry_it_as_a_tag() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).expect("the bank validates");
    let tagged: HashSet<&str> = pack.questions.iter().flat_map(bigtuna::game::watched::episodes).collect();
    for episode in ["Casino Night", "Niagara", "Goodbye, Michael", "Weight Loss", "Finale"] {
        assert!(tagged.contains(episode), "{episode}: {tagged:?}");
    }
    // A prompt that names an episode in quotes is tagged with it.
    for q in &pack.questions {
        for episode in &tagged {
            let named = q.prompt.contains(&format!("'{episode}'")) || q.prompt.contains(&format!("\"{episode}\""));
            if named {
                assert!(bigtuna::game::watched::episodes(q).any(|e| e == *episode), "{} names {episode}", q.id);
            }
        }
    }
}

/// A player hears the story at the reveal, not where an editor found it: the source line
/// says that. (Words of the story itself, such as Ryan's written list, are not at issue.)
#[test]
fn prompts_and_explanations_tell_the_story_not_the_source() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let editorial = ["infobox", "encyclopedia", "article", "wiki", "the text says", "the source", "this page"];
    let mut found = Vec::new();
    for q in &pack.questions {
        for (field, text) in [("prompt", &q.prompt), ("explanation", &q.explanation)] {
            let lower = text.to_lowercase();
            for word in editorial.iter().filter(|w| lower.contains(*w)) {
                found.push(format!("{} {field}: {word:?}", q.id));
            }
        }
    }
    assert!(found.is_empty(), "{} places speak of the source:\n{}", found.len(), found.join("\n"));
}

/// The README's count of the built-in questions is the bank's.
#[test]
fn the_readme_counts_the_bank_right() {
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let readme = std::fs::read_to_string(root().join("README.md")).expect("the README");
    let said = readme
        .split("`quizzes/jim-halpert.ron`, has ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the README says how many questions the built-in pack has");
    assert_eq!(said, pack.questions.len(), "README.md says {said} questions");
}

/// How many words in a row make a copy.
const RUN: usize = 8;

/// The words of `text` as a copy check compares them: lowercase letters and digits, with
/// markup (`<nowiki/>`) left out.
fn plain_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.extend(c.to_lowercase()),
            _ => {}
        }
    }
    plain.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Each run of [`RUN`] words of `text`, hashed.
fn runs(text: &str) -> Vec<u64> {
    plain_words(text)
        .windows(RUN)
        .map(|run| {
            let mut hash = fnv::FnvHasher::default();
            hash.write(run.join(" ").as_bytes());
            hash.finish()
        })
        .collect()
}

/// The seed texts' runs, as `tests/data/seed-runs.txt` keeps them (the texts are not in the
/// repository); where the seeds are at hand (`../shared/seeds`), the file must match them, and
/// `BIGTUNA_BLESS=1` writes it.
fn seed_runs() -> HashSet<u64> {
    let path = root().join("tests/data/seed-runs.txt");
    let seeds = root().join("../shared/seeds");
    if seeds.is_dir() {
        let mut hashes: Vec<u64> = SOURCES
            .iter()
            .flat_map(|file| runs(&std::fs::read_to_string(seeds.join(file)).expect("a seed text")))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let lines: String = hashes.iter().map(|h| format!("{h:016x}\n")).collect();
        let kept = format!("# FNV-1a hashes of every {RUN}-word run of the seed texts (tests/bank.rs)\n{lines}");
        if std::env::var_os("BIGTUNA_BLESS").is_some() {
            std::fs::write(&path, &kept).expect("write the seed runs");
        }
        assert_eq!(std::fs::read_to_string(&path).ok().as_ref(), Some(&kept), "run with BIGTUNA_BLESS=1");
    }
    let kept = std::fs::read_to_string(&path).expect("tests/data/seed-runs.txt");
    kept.lines().filter(|l| !l.starts_with('#')).map(|l| u64::from_str_radix(l, 16).expect("a hash")).collect()
}

/// Questions are written in the bank's own words: no prompt, option, item, accepted answer or
/// explanation copies [`RUN`] words in a row from a seed text.
#[test]
fn the_bank_copies_no_eight_words_in_a_row_from_a_seed() {
    let seeds = seed_runs();
    assert!(seeds.len() > 2000, "the seeds' runs are kept: {}", seeds.len());
    // The check itself finds a copy: a sentence of the encyclopedia's casting section.
    assert!(runs("Scott would later play Ben Wyatt on NBC's Parks and Recreation").iter().any(|h| seeds.contains(h)));
    let pack = load_pack_file(&root().join("quizzes/jim-halpert.ron")).unwrap_or_else(|p| panic!("{p}"));
    let mut copies = Vec::new();
    for q in &pack.questions {
        let mut texts = vec![q.prompt.as_str(), q.explanation.as_str()];
        match &q.answer {
            Answer::MultipleChoice { correct, wrong } => {
                texts.extend(std::iter::once(correct).chain(wrong).map(String::as_str))
            }
            Answer::Typed { accept: list } | Answer::Ordering { items: list } => {
                texts.extend(list.iter().map(String::as_str))
            }
            Answer::TrueFalse { .. } | Answer::Number { .. } => {}
        }
        copies.extend(
            texts.into_iter().filter(|t| runs(t).iter().any(|h| seeds.contains(h))).map(|t| format!("{}: {t}", q.id)),
        );
    }
    assert!(copies.is_empty(), "{} texts copy {RUN} words in a row:\n{}", copies.len(), copies.join("\n"));
}
