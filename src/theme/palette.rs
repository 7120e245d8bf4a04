//! Colours of the game. Answer tiles differ in shape and key label too, never in colour alone.

use bevy::prelude::*;

/// Window background: Scranton after hours.
pub const BACKGROUND: Color = Color::srgb(0.075, 0.118, 0.200);
/// Panels and buttons at rest.
pub const PANEL: Color = Color::srgb(0.125, 0.200, 0.310);
/// Buttons under focus.
pub const PANEL_FOCUSED: Color = Color::srgb(0.200, 0.300, 0.440);
/// Body text: paper white.
pub const TEXT: Color = Color::srgb(0.961, 0.945, 0.902);
/// Secondary text.
pub const MUTED: Color = Color::srgb(0.690, 0.730, 0.790);
/// Highlights: Dunder Mifflin gold.
pub const ACCENT: Color = Color::srgb(0.949, 0.694, 0.204);
/// Right answers.
pub const RIGHT: Color = Color::srgb(0.250, 0.720, 0.420);
/// Wrong answers.
pub const WRONG: Color = Color::srgb(0.860, 0.300, 0.300);
/// The lower third of the reveal (the documentary's name caption).
pub const LOWER_THIRD: Color = Color::srgb(0.980, 0.976, 0.960);
/// Text on the lower third.
pub const LOWER_THIRD_TEXT: Color = Color::srgb(0.090, 0.110, 0.160);

/// The answer tiles (a pack may give up to six options): colour, shape glyph, and its name
/// for screen readers and tests. No two share a shape, so colour is never the only cue.
pub const TILES: [(Color, &str, &str); 6] = [
    (Color::srgb(0.820, 0.270, 0.270), "▲", "triangle"),
    (Color::srgb(0.200, 0.440, 0.840), "◆", "diamond"),
    (Color::srgb(0.820, 0.600, 0.100), "●", "circle"),
    (Color::srgb(0.180, 0.600, 0.360), "■", "square"),
    (Color::srgb(0.560, 0.330, 0.780), "★", "star"),
    (Color::srgb(0.100, 0.560, 0.600), "✚", "cross"),
];

/// Player colours, distinct from each other and from the tile colours' meaning.
pub const PLAYERS: [Color; 8] = [
    Color::srgb(0.949, 0.694, 0.204),
    Color::srgb(0.400, 0.780, 0.950),
    Color::srgb(0.900, 0.450, 0.700),
    Color::srgb(0.550, 0.850, 0.450),
    Color::srgb(0.980, 0.550, 0.350),
    Color::srgb(0.700, 0.600, 0.950),
    Color::srgb(0.350, 0.850, 0.780),
    Color::srgb(0.950, 0.900, 0.450),
];

/// The colour of player palette index `i`.
pub fn player(i: usize) -> Color {
    PLAYERS[i % PLAYERS.len()]
}
