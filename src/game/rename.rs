//! The host renames a player (the host remote's *Rename*): the name they play under from now
//! on, in the game and the party's seats alike, so that the TV, their phone and the night's
//! record all show it. The name arrives checked (by the phone server, as a phone's own).

use bevy::prelude::*;

use super::GameSystems;
use super::model::Game;
use super::settings::GameSettings;

/// Give `player` (their index in [`Game::players`] and the party's seats) a new name.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct RenamePlayer {
    /// The player.
    pub player: usize,
    /// Their new name, already checked.
    pub name: String,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<RenamePlayer>().add_systems(Update, rename.in_set(GameSystems::Flow));
}

fn rename(mut renames: MessageReader<RenamePlayer>, game: Option<ResMut<Game>>, mut settings: ResMut<GameSettings>) {
    let mut game = game;
    for RenamePlayer { player, name } in renames.read() {
        let seated = settings.players.get_mut(*player);
        let before = seated.map(|p| std::mem::replace(&mut p.name, name.clone()));
        if let Some(p) = game.as_mut().and_then(|g| g.players.get_mut(*player)) {
            p.name.clone_from(name);
        }
        info!("the host renamed {} to {name}", before.unwrap_or_default());
    }
}
