//! The Jim Halpert bank keeps its promises: size, kinds, difficulties, categories, sources,
//! typed forms, believable true/false, and ids that never change once shipped.

use std::collections::{BTreeMap, HashSet};

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
        let file = q.source.split(',').next().unwrap_or_default().trim();
        assert!(SOURCES.contains(&file), "{}: source {:?} names none of the seed files", q.id, q.source);
        assert!(q.source.contains(", "), "{}: the source names a section too", q.id);
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
