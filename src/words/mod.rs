//! Core values as people read them: answers, numbers, ordinals, option letters, awards.
//! The screens and the printed sheet share these, so a game reads the same everywhere.

pub mod sheet;

use crate::game::draw::{DrawnQuestion, Presented};
use crate::game::judge::Response;
use crate::game::results::{AwardDetail, AwardKind};
use crate::game::{Game, HostAction, PlayMode};
use crate::pack::Answer;

/// The answer as a host reads it out: "B. Stamford", "3 months", "C, A, B".
pub fn answer_text(drawn: &DrawnQuestion) -> String {
    match (&drawn.presented, &drawn.question.answer) {
        (Presented::Options { options, correct }, _) => {
            format!("{}. {}", letter(*correct), options.get(*correct).map_or("", String::as_str))
        }
        (_, Answer::Typed { accept }) => accept.first().cloned().unwrap_or_default(),
        (_, Answer::Number { answer, unit, tolerance }) => {
            let mut text = format_number(*answer);
            if let Some(unit) = unit {
                text = format!("{text} {unit}");
            }
            if *tolerance > 0.0 {
                text = format!("{text} (± {})", format_number(*tolerance));
            }
            text
        }
        (Presented::Ordering { shown }, Answer::Ordering { items }) => items
            .iter()
            .map(|item| {
                shown.iter().position(|s| s == item).map_or_else(|| item.clone(), |i| format!("{}. {item}", letter(i)))
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// A number without a needless ".0".
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// "A" for 0, "B" for 1, ...
pub fn letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// What a player answered, as text: the option, the typed words, the number, the order.
pub fn response_text(presented: &Presented, response: &Response) -> String {
    match (presented, response) {
        (Presented::Options { options, .. }, Response::Option(i)) => options.get(*i).cloned().unwrap_or_default(),
        (_, Response::Text(text)) => text.clone(),
        (_, Response::Pass) => "passed".to_owned(),
        (_, Response::Aloud) => "said aloud".to_owned(),
        (_, Response::Number(n)) => format_number(*n),
        (Presented::Ordering { shown }, Response::Order(order)) => {
            order.iter().filter_map(|i| shown.get(*i).cloned()).collect::<Vec<_>>().join(" → ")
        }
        _ => String::new(),
    }
}

/// "1st", "2nd", "3rd", "4th".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The award's name: "Fastest right answer".
pub fn award_name(kind: AwardKind) -> &'static str {
    match kind {
        AwardKind::FastestCorrect => "Fastest right answer",
        AwardKind::LongestStreak => "Longest streak",
        AwardKind::BestComeback => "Best comeback",
    }
}

/// What earned an award: "2.4 s", "5 in a row", "from 4th to 1st".
pub fn award_detail(detail: AwardDetail) -> String {
    match detail {
        AwardDetail::Time(time) => format!("{:.1} s", time.as_secs_f32()),
        AwardDetail::Streak(n) => format!("{n} in a row"),
        AwardDetail::Climb { from, to } => format!("from {} to {}", ordinal(from), ordinal(to)),
    }
}

/// A party mode as the setup screen names it.
pub fn mode_name(mode: PlayMode) -> &'static str {
    match mode {
        PlayMode::Everyone => "Everyone answers",
        PlayMode::Buzz => "Buzz in",
        PlayMode::HotSeat => "Hot seat",
        PlayMode::Teams => "Teams",
    }
}

/// What the host did, as the room reads it: "+100 to Ann", "removed Bo".
pub fn host_action_text(game: &Game, action: HostAction) -> String {
    let name = |p: usize| game.players.get(p).map_or_else(|| format!("player {}", p + 1), |p| p.name.clone());
    match action {
        HostAction::Skip => "skipped the question".to_owned(),
        HostAction::Accept(p) => format!("counted {}'s answer right", name(p)),
        HostAction::Reject(p) => format!("counted {}'s answer wrong", name(p)),
        HostAction::Points { player, delta } if delta >= 0 => format!("+{delta} to {}", name(player)),
        HostAction::Points { player, delta } => format!("{delta} to {}", name(player)),
        HostAction::Remove(p) => format!("removed {}", name(p)),
        HostAction::EndEarly => "ended the game".to_owned(),
    }
}

/// "1 pack", "2 packs": a count with its noun, singular or plural.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// As many of `names` as fit in `chars` characters, joined by " · ", then "and N more":
/// a crowd's names in the room a screen has.
pub fn names_within(names: &[&str], chars: usize) -> String {
    let mut text = String::new();
    for (shown, name) in names.iter().enumerate() {
        let left = names.len() - shown;
        let more = if left > 1 { format!(" · and {} more", left - 1) } else { String::new() };
        let next = if text.is_empty() { (*name).to_owned() } else { format!("{text} · {name}") };
        if next.chars().count() + more.chars().count() > chars && !text.is_empty() {
            return format!("{text} · and {left} more");
        }
        text = next;
    }
    text
}
