//! The report as Markdown: the standings, the awards, each question with how many got it
//! right, the hardest and the easiest, for pasting into a chat or a wiki.

use super::summary::{QuestionLine, Summary};
use crate::words::challenge::{side_by_side, verdict};
use crate::words::ordinal;

/// A table cell: no line breaks, and a `|` that does not end the cell.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// How many got `question` right, in words: "2 of 3 right", "skipped".
pub fn right_text(question: &QuestionLine) -> String {
    if question.skipped { "skipped".to_owned() } else { format!("{} of {} right", question.right, question.asked) }
}

/// The report of `summary` as Markdown.
pub fn to_markdown(summary: &Summary) -> String {
    let mut out = format!("# Big Tuna Trivia: the game of {}\n\n", summary.when);
    out.push_str(&format!(
        "{} · {} questions · seed {} (replay it with `bigtuna play --seed {}`)\n\n",
        summary.how,
        summary.questions.len(),
        summary.seed,
        summary.seed
    ));
    // A team column only in a teams game.
    let teams = summary.standings.iter().any(|s| s.team.is_some());
    out.push_str(if teams {
        "## Standings\n\n| place | player | team | points | right |\n|---|---|---|---:|---:|\n"
    } else {
        "## Standings\n\n| place | player | points | right |\n|---|---|---:|---:|\n"
    });
    for s in &summary.standings {
        let name = if s.removed { format!("{} (removed)", cell(&s.name)) } else { cell(&s.name) };
        let team =
            if teams { format!(" {} |", s.team.as_deref().map(cell).unwrap_or_default()) } else { String::new() };
        out.push_str(&format!(
            "| {} | {name} |{team} {} | {} of {} |\n",
            ordinal(s.rank),
            s.score,
            s.right,
            s.answered
        ));
    }
    out.push_str(&challenge(summary));
    if !summary.awards.is_empty() {
        out.push_str("\n## Awards\n\n");
        for award in &summary.awards {
            out.push_str(&format!("- **{}**: {} ({})\n", award.name, award.players.join(", "), award.detail));
        }
    }
    out.push_str("\n## Questions\n\n| # | question | right | fastest right |\n|---:|---|---|---|\n");
    for q in &summary.questions {
        let fastest = q.fastest.as_ref().map(|(who, s)| format!("{} ({s:.1} s)", cell(who))).unwrap_or_default();
        out.push_str(&format!("| {} | {} | {} | {fastest} |\n", q.number, cell(&q.prompt), right_text(q)));
    }
    let named = |index: Option<usize>| index.and_then(|i| summary.questions.get(i));
    if let (Some(hardest), Some(easiest)) = (named(summary.hardest), named(summary.easiest)) {
        out.push_str(&format!(
            "\nHardest: question {}, “{}” ({}). Easiest: question {}, “{}” ({}).\n",
            hardest.number,
            hardest.prompt,
            right_text(hardest),
            easiest.number,
            easiest.prompt,
            right_text(easiest)
        ));
    }
    if !summary.audience.is_empty() {
        let top: Vec<String> =
            summary.audience.iter().map(|m| format!("{} {} ({})", ordinal(m.rank), m.name, m.score)).collect();
        out.push_str(&format!("\n## The audience\n\nTop three: {}\n", top.join(" · ")));
    }
    out
}

/// How a friend plays the code.
pub(super) fn how_to_play(code: &str) -> String {
    format!("bigtuna play --challenge {code}")
}

/// The code line and the side-by-side table, as Markdown (empty when the record has neither).
fn challenge(summary: &Summary) -> String {
    let mut out = String::new();
    if let Some(code) = &summary.code {
        out.push_str(&format!(
            "\nChallenge a friend to these questions: `{}` (or *Play a challenge* on the title screen, with the code `{code}`)\n",
            how_to_play(code)
        ));
    }
    let Some(challenge) = &summary.challenge else { return out };
    let ours = summary.challengers();
    out.push_str("\n## The challenge\n\n| this game | points | the challenge's game | points |\n|---|---:|---|---:|\n");
    for (mine, theirs) in side_by_side(&ours, &challenge.rivals) {
        let cells = |r: Option<&crate::game::rivals::Rival>| {
            r.map_or(" | ".to_owned(), |r| format!("{} | {}", cell(&r.name), r.score))
        };
        out.push_str(&format!("| {} | {} |\n", cells(mine), cells(theirs)));
    }
    if let (Some(mine), Some(theirs)) = (ours.first(), challenge.rivals.first()) {
        out.push_str(&format!("\n{}.\n", verdict(mine, theirs, false)));
    }
    out
}
