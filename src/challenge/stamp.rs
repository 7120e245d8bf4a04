//! A pack's fingerprint: the first bytes of the SHA-1 of its questions written out field by
//! field in an order of this file's own, so a code names the version of a pack its game was
//! played with whatever the file's comments, layout or title say, and whatever fields later
//! releases add to a question.

use sha1::{Digest, Sha1};

use super::code::PackStamp;
use crate::pack::{Answer, Pack, Question};

/// The stamp of `pack` as it is now.
pub fn stamp(pack: &Pack) -> PackStamp {
    PackStamp { id: pack.id.clone(), version: pack.version.clone(), print: print(pack) }
}

/// The fingerprint of a pack's questions.
pub fn print(pack: &Pack) -> [u8; 4] {
    let mut hash = Sha1::new();
    for question in &pack.questions {
        for field in fields(question) {
            // Each field with its length first: no two lists of fields hash alike.
            hash.update((field.len() as u64).to_le_bytes());
            hash.update(field.as_bytes());
        }
    }
    let digest = hash.finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// What a player is asked and told of a question, as text.
fn fields(q: &Question) -> Vec<String> {
    let seasons = q.seasons.map_or_else(String::new, |r| format!("{}-{}", r.0, r.1));
    let mut fields = vec![
        q.id.clone(),
        q.prompt.clone(),
        q.difficulty.name().to_owned(),
        q.category.clone(),
        seasons,
        q.group.clone().unwrap_or_default(),
        q.explanation.clone(),
        q.hint.clone().unwrap_or_default(),
        q.source.clone(),
    ];
    match &q.answer {
        Answer::MultipleChoice { correct, wrong } => {
            fields.push("choice".into());
            fields.push(correct.clone());
            fields.extend(wrong.iter().cloned());
        }
        Answer::TrueFalse { answer } => fields.extend(["true/false".into(), answer.to_string()]),
        Answer::Typed { accept } => {
            fields.push("typed".into());
            fields.extend(accept.iter().cloned());
        }
        Answer::Number { answer, unit, tolerance } => {
            fields.extend([
                "number".into(),
                answer.to_string(),
                unit.clone().unwrap_or_default(),
                tolerance.to_string(),
            ]);
        }
        Answer::Ordering { items } => {
            fields.push("ordering".into());
            fields.extend(items.iter().cloned());
        }
    }
    fields
}
