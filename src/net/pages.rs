//! The phone page, the host page and the streaming overlay, built into the game (`assets/phone/`): nothing is read
//! from disk or fetched from the internet, and every other path is a 404, so no request can
//! reach a file.

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

const INDEX: &str = include_str!("../../assets/phone/index.html");
const HOST: &str = include_str!("../../assets/phone/host.html");
const APP_JS: &str = include_str!("../../assets/phone/app.js");
const HOST_JS: &str = include_str!("../../assets/phone/host.js");
const SOCKET_JS: &str = include_str!("../../assets/phone/socket.js");
const LIFELINES_JS: &str = include_str!("../../assets/phone/lifelines.js");
const WAGER_JS: &str = include_str!("../../assets/phone/wager.js");
const RESULTS_JS: &str = include_str!("../../assets/phone/results.js");
const OVERLAY: &str = include_str!("../../assets/phone/overlay.html");
const OVERLAY_JS: &str = include_str!("../../assets/phone/overlay.js");
const OVERLAY_CSS: &str = include_str!("../../assets/phone/overlay.css");
const STYLE: &str = include_str!("../../assets/phone/style.css");

/// What the pages must agree on with the game, said once, in the game: the answer tiles'
/// colours and shapes, and how long a name and a typed answer may be.
static CONFIG_JS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let tiles: Vec<String> = crate::theme::palette::TILES
        .iter()
        .map(|(colour, shape, _)| format!("[{:?}, {shape:?}]", bevy::color::Srgba::from(*colour).to_hex()))
        .collect();
    format!(
        "'use strict';\n// Made by the game (src/net/pages.rs) from its own constants.\nwindow.bigtunaConfig = {{ tiles: [{}], nameChars: {}, answerChars: {} }};\n",
        tiles.join(", "),
        crate::game::settings::NAME_CHARS,
        crate::input::text_entry::TextEntry::MAX_CHARS,
    )
});

/// Scripts only from this server, sockets only to it, no framing by other sites.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                      connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The built-in pages, for any router state.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(|| async { page("text/html; charset=utf-8", INDEX) }))
        .route("/host", get(|| async { page("text/html; charset=utf-8", HOST) }))
        .route("/app.js", get(|| async { page("text/javascript; charset=utf-8", APP_JS) }))
        .route("/host.js", get(|| async { page("text/javascript; charset=utf-8", HOST_JS) }))
        .route("/socket.js", get(|| async { page("text/javascript; charset=utf-8", SOCKET_JS) }))
        .route("/lifelines.js", get(|| async { page("text/javascript; charset=utf-8", LIFELINES_JS) }))
        .route("/wager.js", get(|| async { page("text/javascript; charset=utf-8", WAGER_JS) }))
        .route("/results.js", get(|| async { page("text/javascript; charset=utf-8", RESULTS_JS) }))
        .route("/config.js", get(|| async { page("text/javascript; charset=utf-8", CONFIG_JS.as_str()) }))
        .route("/overlay", get(|| async { page("text/html; charset=utf-8", OVERLAY) }))
        .route("/overlay.js", get(|| async { page("text/javascript; charset=utf-8", OVERLAY_JS) }))
        .route("/overlay.css", get(|| async { page("text/css; charset=utf-8", OVERLAY_CSS) }))
        .route("/style.css", get(|| async { page("text/css; charset=utf-8", STYLE) }))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found: open the address shown on the TV") })
}

fn page(kind: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, kind),
            // A newer game may serve a newer page: phones check each time (it is a few KiB).
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        body,
    )
}
