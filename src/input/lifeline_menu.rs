//! A player's lifeline menu on shared keys and pads: their row's lifeline key (7, U, J, M), Tab
//! for whoever the screen plays for, or a pad's Select opens it; their answer keys (or face
//! buttons) then pick the first, second… lifeline it lists; the same key closes it. The TV
//! lists what each open menu offers.

use bevy::prelude::*;

use super::InputContext;
use crate::game::lifeline::Lifeline;
use crate::game::{Device, Game, GameSystems, Phase, UseLifeline};

/// The lifeline key of each party key row, the key after the row's last answer key.
pub const LIFELINE_KEYS: [KeyCode; 4] = [KeyCode::Digit7, KeyCode::KeyU, KeyCode::KeyJ, KeyCode::KeyM];

/// Players whose lifeline menu is open, in the order they opened it.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct LifelineMenus(pub Vec<usize>);

impl LifelineMenus {
    /// Opens `player`'s menu, or closes it if open.
    pub fn toggle(&mut self, player: usize) {
        match self.0.iter().position(|p| *p == player) {
            Some(at) => {
                self.0.remove(at);
            }
            None => self.0.push(player),
        }
    }

    /// Whether `player`'s menu is open.
    pub fn is_open(&self, player: usize) -> bool {
        self.0.contains(&player)
    }

    /// `player` picked the `index`-th lifeline of their menu: the use, and the menu closes.
    /// `None` if there is no such lifeline (the menu stays open).
    pub fn pick(&mut self, game: &Game, player: usize, index: usize, device: Device) -> Option<UseLifeline> {
        let lifeline = *on_menu(game, player).get(index)?;
        self.0.retain(|p| *p != player);
        Some(UseLifeline { player, lifeline, device })
    }
}

/// What `player`'s menu lists on a shared device: the lifelines offered to them now.
pub fn on_menu(game: &Game, player: usize) -> Vec<Lifeline> {
    Lifeline::ALL.into_iter().filter(|l| game.lifeline_offered(player, *l, false).is_ok()).collect()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LifelineMenus>()
        .add_systems(OnEnter(Phase::Question), close_all)
        .add_systems(OnExit(Phase::Question), close_all)
        .add_systems(Update, close_empty.run_if(resource_exists_and_changed::<Game>).in_set(GameSystems::Flow));
}

fn close_all(mut menus: ResMut<LifelineMenus>) {
    if !menus.0.is_empty() {
        menus.0.clear();
    }
}

/// A menu with nothing left on it (the player answered, or used what it had) closes.
fn close_empty(game: Res<Game>, mut menus: ResMut<LifelineMenus>) {
    if menus.0.iter().any(|p| on_menu(&game, *p).is_empty()) {
        menus.0.retain(|p| !on_menu(&game, *p).is_empty());
    }
}

/// A key or button as the menus read it, already placed by its device's own mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuPress {
    /// Tab: the menu of whoever the screen plays for.
    Screen,
    /// A party row's lifeline key or a pad's Select: that player's menu (`None`: a row or
    /// pad nobody plays on).
    Toggle(Option<usize>),
    /// The answer key or face button at `index` of `player`'s row or pad.
    Pick {
        /// Whose row or pad it is.
        player: Option<usize>,
        /// Its place on the row, as answers count them.
        index: usize,
    },
}

/// Whether lifeline menus take keys in `context`: `Some(party)` while keys answer a
/// question (`party`: on party rows), `None` elsewhere.
pub fn menu_keys(context: InputContext) -> Option<bool> {
    match context {
        InputContext::Options { party, .. } => Some(party),
        InputContext::Buzzers => Some(true),
        _ => None,
    }
}

/// What keys and pads need to open, close and pick from lifeline menus.
#[derive(bevy::ecs::system::SystemParam)]
pub struct MenuInput<'w> {
    menus: ResMut<'w, LifelineMenus>,
    game: Option<Res<'w, Game>>,
    uses: MessageWriter<'w, UseLifeline>,
}

impl MenuInput<'_> {
    /// A press where keys answer a question: whether it was the menus' (open, close, pick).
    /// A pick on a closed menu is not: it answers.
    pub fn press(&mut self, press: MenuPress, device: Device) -> bool {
        let Some(game) = self.game.as_deref() else { return false };
        let toggled = match press {
            MenuPress::Screen => game.screen_player(),
            MenuPress::Toggle(player) => player,
            MenuPress::Pick { player, index } => {
                let Some(player) = player.filter(|p| self.menus.is_open(*p)) else { return false };
                if let Some(used) = self.menus.pick(game, player, index, device) {
                    self.uses.write(used);
                }
                return true;
            }
        };
        if let Some(player) = toggled
            && (self.menus.is_open(player) || !on_menu(game, player).is_empty())
        {
            self.menus.toggle(player);
        }
        true
    }
}
