//! An ordering being composed: pick an item up, move it, put it down, submit. Plain data, so
//! the moves are tested without a window.

use crate::game::Response;

/// The player's current order of the shown items, and the slot of the item held, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderDraft {
    /// Indices into the shown items, in the player's order.
    pub order: Vec<usize>,
    /// The slot of the item picked up.
    pub held: Option<usize>,
}

impl OrderDraft {
    /// The items as shown, nothing held.
    pub fn new(len: usize) -> Self {
        Self { order: (0..len).collect(), held: None }
    }

    /// Enter or a click on `slot`: pick its item up, put the held one down there, or (on the
    /// held item's own slot) put it back.
    pub fn activate(&mut self, slot: usize) {
        if slot >= self.order.len() {
            return;
        }
        self.held = match self.held {
            None => Some(slot),
            Some(held) if held == slot => None,
            Some(held) => {
                let item = self.order.remove(held);
                self.order.insert(slot, item);
                None
            }
        };
    }

    /// Up (`-1`) or down (`+1`): the held item swaps with its neighbour, within the list.
    pub fn nudge(&mut self, delta: isize) {
        let Some(held) = self.held else { return };
        let Some(target) = held.checked_add_signed(delta).filter(|t| *t < self.order.len()) else { return };
        self.order.swap(held, target);
        self.held = Some(target);
    }

    /// The answer as it stands.
    pub fn response(&self) -> Response {
        Response::Order(self.order.clone())
    }
}
