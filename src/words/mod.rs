//! Core values as people read them: answers, numbers, ordinals, option letters, awards.
//! The screens and the printed sheet share these, so a game reads the same everywhere.

pub mod challenge;
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
            let mut text = quantity(*answer, unit.as_deref());
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

/// Units that name a place in a series rather than count things: "season 4", not "4 season".
const LEADING_UNITS: [&str; 9] = ["season", "episode", "series", "chapter", "part", "volume", "page", "act", "scene"];

/// Whether `unit` goes before its number ("season 4") rather than after it ("4 months").
pub fn unit_leads(unit: &str) -> bool {
    LEADING_UNITS.contains(&unit.trim().to_lowercase().as_str())
}

/// A number with its unit, as the words need them: "season 4", "3 months", "1 child".
/// Authors write a counting unit in the plural; one of them reads in the singular.
pub fn quantity(n: f64, unit: Option<&str>) -> String {
    let number = format_number(n);
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => number,
        Some(unit) if unit_leads(unit) => format!("{unit} {number}"),
        Some(unit) if n == 1.0 => format!("{number} {}", singular(unit)),
        Some(unit) => format!("{number} {unit}"),
    }
}

/// The singular of a plural unit, for a count of one: "children" → "child", "entries" →
/// "entry", "nieces and nephews" → "niece or nephew". A word it does not know stays.
pub fn singular(plural: &str) -> String {
    if plural.contains(" and ") {
        return plural.split(" and ").map(singular).collect::<Vec<_>>().join(" or ");
    }
    let (head, last) = plural.rsplit_once(' ').unwrap_or(("", plural));
    let lower = last.to_lowercase();
    let irregular = match lower.as_str() {
        "children" => Some("child"),
        "people" => Some("person"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "feet" => Some("foot"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        "series" | "species" | "news" => Some(lower.as_str()),
        _ => None,
    };
    // Endings are ASCII, so cutting them off keeps the author's own letters and capitals.
    let one = match irregular {
        Some(word) if last.starts_with(char::is_uppercase) => capitalise_first(word),
        Some(word) => word.to_owned(),
        None if lower.ends_with("ies") && lower.len() > 4 => format!("{}y", &last[..last.len() - 3]),
        None if ["sses", "ches", "shes", "xes"].iter().any(|e| lower.ends_with(e)) => last[..last.len() - 2].to_owned(),
        None if lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 1 => last[..last.len() - 1].to_owned(),
        None => last.to_owned(),
    };
    if head.is_empty() { one } else { format!("{head} {one}") }
}

fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
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
        HostAction::Points { player, delta } => format!("{} to {}", signed(i64::from(delta)), name(player)),
        HostAction::Remove(p) => format!("removed {}", name(p)),
        HostAction::Handicap { player, handicap } => {
            format!("set {}'s handicap: {}", name(player), handicap.badge().unwrap_or("none"))
        }
        HostAction::EndEarly => "ended the game".to_owned(),
    }
}

/// A change of score as players read it: "+120", "-100", "+0".
pub fn signed(n: i64) -> String {
    if n < 0 { format!("-{}", n.unsigned_abs()) } else { format!("+{n}") }
}

/// `text` cut to `chars` characters at a word, with "…" when it was cut.
pub fn clipped(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

/// What the TV says over a party's answer field: whose turn it is to type, that the keys buzz
/// first (buzz-in), or that the phones answer; empty when there is nothing to say.
/// `at_keyboard` tells a player at the TV from one on a phone; `phones`, whether any phone
/// plays.
pub fn entry_prompt(game: &Game, at_keyboard: impl Fn(usize) -> bool, phones: bool) -> String {
    let name = |p: usize| game.players.get(p).map_or_else(String::new, |p| p.name.clone());
    if let Some(typist) = game.typist_among(&at_keyboard) {
        return format!("{}, your answer:", name(typist));
    }
    match game.settings.mode {
        PlayMode::Buzz => match game.buzz.holder {
            None => "Buzz in to answer".to_owned(),
            Some(holder) => format!("{} answers on their phone", name(holder)),
        },
        // Everyone left to answer has a phone: the keyboard waits.
        _ if game.is_party() && phones => "Answer on your phones".to_owned(),
        _ => String::new(),
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
