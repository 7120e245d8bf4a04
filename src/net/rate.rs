//! A connection's flood limit: messages past [`MAX_PER_SECOND`] in a second are dropped,
//! each with a word, before they reach the game.

/// Messages a connection may send in a second; a phone sends one or two a question.
pub const MAX_PER_SECOND: u32 = 20;

/// Counts a connection's messages in the current second, so that a flood is dropped before
/// it reaches the game.
#[derive(Debug, Default)]
pub(super) struct Rate {
    since: Option<tokio::time::Instant>,
    count: u32,
}

impl Rate {
    pub(super) fn allow(&mut self, now: tokio::time::Instant) -> bool {
        match self.since {
            Some(since) if now.duration_since(since) < std::time::Duration::from_secs(1) => {}
            _ => (self.since, self.count) = (Some(now), 0),
        }
        self.count += 1;
        self.count <= MAX_PER_SECOND
    }
}
