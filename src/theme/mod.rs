//! How the game looks: colours, fonts, reusable widgets and menu navigation.

pub mod focus;
pub mod palette;
pub mod widgets;

use bevy::prelude::*;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((widgets::plugin, focus::plugin));
}
