//! A game as a Markdown question sheet and answer key, for hosts who run a night on paper.

use std::fmt::Write;

use super::{answer_text, letter};
use crate::game::draw::{self, DrawnQuestion, Presented, Shortfall};
use crate::game::settings::GameSettings;
use crate::pack::{Answer, PackLibrary};

/// The sheet for the game `seed` and `settings` would play: the same inputs give the same
/// text, byte for byte.
pub fn sheet(library: &PackLibrary, settings: &GameSettings, seed: u64) -> Result<String, Shortfall> {
    let questions = draw::draw(library, settings, seed)?;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_sheet(&mut out, settings, seed, &questions);
    Ok(out)
}

fn write_sheet(out: &mut String, settings: &GameSettings, seed: u64, questions: &[DrawnQuestion]) -> std::fmt::Result {
    let packs = if settings.packs.is_empty() { "all".to_owned() } else { settings.packs.join(", ") };
    writeln!(out, "# Big Tuna Trivia: question sheet")?;
    writeln!(out)?;
    writeln!(
        out,
        "Seed {seed} · {} questions · difficulty {} · seasons 1-{} · packs: {packs}",
        questions.len(),
        settings.difficulty.name(),
        settings.max_season
    )?;
    writeln!(out)?;
    writeln!(out, "## Questions")?;
    for (n, drawn) in questions.iter().enumerate() {
        let q = &drawn.question;
        writeln!(out)?;
        writeln!(out, "{}. *{} · {}* {}", n + 1, q.category, q.difficulty.name(), q.prompt)?;
        match &drawn.presented {
            Presented::Options { options, .. } => {
                for (i, option) in options.iter().enumerate() {
                    writeln!(out, "   - {}. {option}", letter(i))?;
                }
            }
            Presented::Typed => writeln!(out, "   - Answer: ____________________")?,
            Presented::Number => {
                let blank = match &q.answer {
                    Answer::Number { unit: Some(unit), .. } if super::unit_leads(unit) => format!("{unit} __________"),
                    Answer::Number { unit: Some(unit), .. } => format!("__________ {unit}"),
                    _ => "__________".to_owned(),
                };
                writeln!(out, "   - Number: {blank}")?;
            }
            Presented::Ordering { shown } => {
                writeln!(out, "   - Put in order:")?;
                for (i, item) in shown.iter().enumerate() {
                    writeln!(out, "   - {}. {item}", letter(i))?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "## Answer key")?;
    writeln!(out)?;
    for (n, drawn) in questions.iter().enumerate() {
        writeln!(out, "{}. **{}**. {} ({})", n + 1, answer_text(drawn), drawn.question.explanation, drawn.source())?;
    }
    Ok(())
}
