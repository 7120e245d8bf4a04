//! The system clipboard, for challenge codes: pasted on the title screen, copied from the
//! results. One clipboard is kept while the game runs, because on Linux what the game copied
//! is served by the game itself, and would vanish with it.

use std::sync::{LazyLock, Mutex};

static CLIPBOARD: LazyLock<Mutex<Option<arboard::Clipboard>>> = LazyLock::new(|| Mutex::new(None));

/// Runs `f` on the clipboard, opened the first time; words for the player when there is none.
fn with<T>(f: impl FnOnce(&mut arboard::Clipboard) -> Result<T, arboard::Error>) -> Result<T, String> {
    let mut kept = CLIPBOARD.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if kept.is_none() {
        *kept = Some(
            arboard::Clipboard::new()
                .map_err(|e| format!("this desktop offers no clipboard ({e}): type the code instead"))?,
        );
    }
    let clipboard = kept.as_mut().ok_or("no clipboard")?;
    f(clipboard).map_err(|e| match e {
        arboard::Error::ContentNotAvailable => "the clipboard holds no text: copy the code first".to_owned(),
        other => format!("the clipboard could not be read or written ({other})"),
    })
}

/// The clipboard's text.
pub fn paste() -> Result<String, String> {
    with(|clipboard| clipboard.get_text())
}

/// Puts `text` on the clipboard.
pub fn copy(text: &str) -> Result<(), String> {
    with(|clipboard| clipboard.set_text(text))
}
