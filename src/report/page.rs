//! The report as one self-contained HTML page (its style inline, nothing fetched): the
//! standings, the awards, and each question with a bar for how many got it right, the
//! hardest and the easiest marked. It opens in any browser, offline.

use html_escape::encode_text as text;

use super::markdown::right_text;
use super::summary::Summary;
use crate::words::challenge::{side_by_side, verdict};
use crate::words::ordinal;

const STYLE: &str = "body{margin:0;background:#131c2e;color:#eef1f6;font:16px/1.45 system-ui,sans-serif}\
main{max-width:56rem;margin:0 auto;padding:2rem 1.25rem}h1{color:#f2b134;margin:0 0 .25rem}\
h2{color:#f2b134;margin:2rem 0 .75rem;font-size:1.25rem}.sub{color:#a9b4c7;margin:0}\
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #27344d}\
th{color:#a9b4c7;font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}\
tr.first td{color:#f2b134;font-weight:700}.removed{color:#7d889b}\
.bar{background:#27344d;border-radius:4px;height:.7rem;min-width:6rem}.bar i{display:block;height:100%;border-radius:4px;background:#3fb96b}\
.tag{font-size:.75rem;padding:.05rem .4rem;border-radius:.6rem;margin-left:.4rem;white-space:nowrap}\
.hard{background:#7a2733}.easy{background:#1f6b44}ul{padding-left:1.25rem}li{margin:.2rem 0}\
footer{color:#7d889b;margin-top:2.5rem;font-size:.85rem}";

/// The report of `summary` as an HTML page.
pub fn to_html(summary: &Summary) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Big Tuna Trivia: the game of {when}</title><style>{STYLE}</style></head>\n<body><main>\n\
         <h1>Big Tuna Trivia</h1><p class=\"sub\">The game of {when} · {how} · {n} questions · seed {seed}</p>\n",
        when = text(&summary.when),
        how = text(&summary.how),
        n = summary.questions.len(),
        seed = summary.seed,
    );
    out.push_str(&standings(summary));
    out.push_str(&challenge(summary));
    if !summary.awards.is_empty() {
        out.push_str("<h2>Awards</h2><ul>\n");
        for award in &summary.awards {
            out.push_str(&format!(
                "<li><strong>{}</strong>: {} ({})</li>\n",
                text(award.name),
                text(&award.players.join(", ")),
                text(&award.detail)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&questions(summary));
    if !summary.audience.is_empty() {
        let top: Vec<String> =
            summary.audience.iter().map(|m| format!("{} {} ({})", ordinal(m.rank), text(&m.name), m.score)).collect();
        out.push_str(&format!("<h2>The audience</h2><p>Top three: {}</p>\n", top.join(" · ")));
    }
    out.push_str(&format!(
        "<footer>Replay these questions with <code>bigtuna play --seed {}</code>.</footer>\n</main></body></html>\n",
        summary.seed
    ));
    out
}

fn standings(summary: &Summary) -> String {
    // A team column only in a teams game.
    let teams = summary.standings.iter().any(|s| s.team.is_some());
    let mut out = format!(
        "<h2>Standings</h2><table id=\"standings\"><tr><th>Place</th><th>Player</th>{}\
         <th class=\"n\">Points</th><th class=\"n\">Right</th></tr>\n",
        if teams { "<th>Team</th>" } else { "" }
    );
    for s in &summary.standings {
        let class = match (s.removed, s.rank) {
            (true, _) => " class=\"removed\"",
            (false, 1) => " class=\"first\"",
            _ => "",
        };
        let removed = if s.removed { " (removed)" } else { "" };
        let team = if teams { format!("<td>{}</td>", text(s.team.as_deref().unwrap_or(""))) } else { String::new() };
        out.push_str(&format!(
            "<tr{class}><td>{}</td><td>{}{removed}</td>{team}<td class=\"n\">{}</td><td class=\"n\">{} of {}</td></tr>\n",
            ordinal(s.rank),
            text(&s.name),
            s.score,
            s.right,
            s.answered
        ));
    }
    out.push_str("</table>\n");
    out
}

fn questions(summary: &Summary) -> String {
    let mut out = String::from(
        "<h2>Questions</h2><table id=\"questions\"><tr><th class=\"n\">#</th><th>Question</th><th>Right</th><th></th>\
         <th>Fastest right</th></tr>\n",
    );
    for (index, q) in summary.questions.iter().enumerate() {
        let tag = match (Some(index) == summary.hardest, Some(index) == summary.easiest) {
            (true, _) => "<span class=\"tag hard\">hardest</span>",
            (_, true) => "<span class=\"tag easy\">easiest</span>",
            _ => "",
        };
        let fastest = q.fastest.as_ref().map(|(who, s)| format!("{} ({s:.1} s)", text(who))).unwrap_or_default();
        out.push_str(&format!(
            "<tr><td class=\"n\">{}</td><td>{}{tag}</td><td>{}</td>\
             <td><div class=\"bar\"><i style=\"width:{:.0}%\"></i></div></td><td>{fastest}</td></tr>\n",
            q.number,
            text(&q.prompt),
            right_text(q),
            100.0 * q.share()
        ));
    }
    out.push_str("</table>\n");
    out
}

/// The challenge's table and the code, as HTML (empty when the record has neither).
fn challenge(summary: &Summary) -> String {
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
            text(&super::markdown::how_to_play(code))
        ));
    }
    out
}
