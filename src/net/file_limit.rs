//! Open files: a full room holds some 1,300 sockets, and many desktops start a program with
//! a soft limit of 1,024 open files while allowing far more (the hard limit). Before phones
//! are served, the game raises its own soft limit as far as [`WANTED`] or the hard limit,
//! and says so when even that is too few for a full room.

use bevy::log::{info, warn};

/// Open files the game asks for: every connection a full room holds, and its own files.
pub const WANTED: u64 = 4096;

/// Files a full room needs: its connections and some of the game's own.
pub const NEEDED: u64 = super::server_state::MAX_CONNECTIONS as u64 + super::gate::MAX_OPEN as u64 + 128;

/// Raises the soft limit on open files toward [`WANTED`]; returns the limit now, or `None`
/// where it cannot be read. Never lowers it.
#[cfg(unix)]
pub fn raise() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the plain struct it is given, which lives here.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    #[allow(clippy::useless_conversion, reason = "rlim_t is u64 on Linux, not on every unix")]
    let (soft, hard) = (u64::from(limit.rlim_cur), u64::from(limit.rlim_max));
    let wanted = WANTED.min(hard);
    let now = if soft < wanted {
        limit.rlim_cur = wanted as libc::rlim_t;
        // SAFETY: setrlimit only reads the plain struct it is given; a soft limit at most the
        // hard one is always allowed.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) } == 0 {
            info!("open files: the limit was {soft}, it is {wanted} now (at most {hard})");
            wanted
        } else {
            soft
        }
    } else {
        soft
    };
    if now < NEEDED {
        warn!(
            "open files: at most {now}, and a full room (100 players and 1,000 in the audience) needs {NEEDED}: \
             start the game from a shell after `ulimit -n {NEEDED}` to seat everyone"
        );
    }
    Some(now)
}

/// Elsewhere, the platform's own limits apply.
#[cfg(not(unix))]
pub fn raise() -> Option<u64> {
    None
}
