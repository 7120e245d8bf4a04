//! A challenge in words: this game's scores beside those of the game its code came from, and
//! who came out ahead. The results screen and the reports share them.

use crate::game::rivals::Rival;

/// Each place of the two games side by side, best first: (this game's, the challenge's).
pub fn side_by_side<'a>(ours: &'a [Rival], theirs: &'a [Rival]) -> Vec<(Option<&'a Rival>, Option<&'a Rival>)> {
    (0..ours.len().max(theirs.len())).map(|i| (ours.get(i), theirs.get(i))).collect()
}

/// "You beat Pam's 1450 by 50 points", "Pam's 1450 stands: 150 points ahead of you", "You
/// tied with Pam at 1300": this game's best against the challenge's (`solo`: say "you").
pub fn verdict(ours: &Rival, theirs: &Rival, solo: bool) -> String {
    let (subject, object) = if solo { ("You", "you") } else { (ours.name.as_str(), ours.name.as_str()) };
    let gap = i64::from(ours.score) - i64::from(theirs.score);
    let points = |n: i64| if n == 1 { "1 point".to_owned() } else { format!("{n} points") };
    match gap {
        0 => format!("{subject} tied with {} at {}", theirs.name, theirs.score),
        1.. => format!("{subject} beat {}'s {} by {}", theirs.name, theirs.score, points(gap)),
        _ => format!("{}'s {} stands: {} ahead of {object}", theirs.name, theirs.score, points(-gap)),
    }
}
