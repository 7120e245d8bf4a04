//! The report's challenge parts: the code a friend plays the same questions with, and, for a
//! game that answered a challenge, both games' scores side by side.

use html_escape::encode_text as text;

use super::summary::Summary;
use crate::words::challenge::{side_by_side, verdict};

/// How a friend plays the code.
fn how_to_play(code: &str) -> String {
    format!("bigtuna play --challenge {code}")
}

/// The code line and the side-by-side table, as Markdown (empty when the record has neither).
pub fn markdown(summary: &Summary) -> String {
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
            r.map_or(" | ".to_owned(), |r| format!("{} | {}", r.name, r.score))
        };
        out.push_str(&format!("| {} | {} |\n", cells(mine), cells(theirs)));
    }
    if let (Some(mine), Some(theirs)) = (ours.first(), challenge.rivals.first()) {
        out.push_str(&format!("\n{}.\n", verdict(mine, theirs, false)));
    }
    out
}

/// The same, as HTML.
pub fn html(summary: &Summary) -> String {
    let mut out = String::new();
    if let Some(challenge) = &summary.challenge {
        let ours = summary.challengers();
        out.push_str(
            "<h2>The challenge</h2><table id=\"challenge\"><tr><th>This game</th><th class=\"n\">Points</th>\
             <th>The challenge's game</th><th class=\"n\">Points</th></tr>\n",
        );
        for (mine, theirs) in side_by_side(&ours, &challenge.rivals) {
            let cells = |r: Option<&crate::game::rivals::Rival>| {
                r.map_or("<td></td><td></td>".to_owned(), |r| {
                    format!("<td>{}</td><td class=\"n\">{}</td>", text(&r.name), r.score)
                })
            };
            out.push_str(&format!("<tr>{}{}</tr>\n", cells(mine), cells(theirs)));
        }
        out.push_str("</table>\n");
        if let (Some(mine), Some(theirs)) = (ours.first(), challenge.rivals.first()) {
            out.push_str(&format!("<p>{}.</p>\n", text(&verdict(mine, theirs, false))));
        }
    }
    if let Some(code) = &summary.code {
        out.push_str(&format!(
            "<h2>Challenge a friend</h2><p>They play the same questions, in the same order, with \
             <code id=\"code\">{}</code> (or <em>Play a challenge</em> on the title screen).</p>\n",
            text(&how_to_play(code))
        ));
    }
    out
}
