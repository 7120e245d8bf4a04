//! An ordering being composed: pick an item up, move it, put it down, submit. Plain data, so
//! the moves are tested without a window.

use crate::game::Response;
use crate::game::lifeline::{FixedItem, keep_fixed};

/// The player's current order of the shown items, and the slot of the item held, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderDraft {
    /// Indices into the shown items, in the player's order.
    pub order: Vec<usize>,
    /// The slot of the item picked up.
    pub held: Option<usize>,
    /// An item a lifeline put in its place: it stays there, and cannot be picked up.
    pub pinned: Option<FixedItem>,
}

impl OrderDraft {
    /// The items as shown, nothing held.
    pub fn new(len: usize) -> Self {
        Self { order: (0..len).collect(), held: None, pinned: None }
    }

    /// Puts `fixed` in its place and keeps it there.
    pub fn pin(&mut self, fixed: FixedItem) {
        self.held = None;
        self.pinned = Some(fixed);
        keep_fixed(&mut self.order, fixed);
    }

    /// Whether the item at `slot` is the pinned one.
    pub fn is_pinned(&self, slot: usize) -> bool {
        self.pinned.is_some_and(|p| self.order.get(slot) == Some(&p.item))
    }

    fn keep_pinned(&mut self) {
        if let Some(fixed) = self.pinned {
            keep_fixed(&mut self.order, fixed);
        }
    }

    /// Enter or a click on `slot`: pick its item up, put the held one down there, or (on the
    /// held item's own slot) put it back.
    pub fn activate(&mut self, slot: usize) {
        if slot >= self.order.len() || (self.held.is_none() && self.is_pinned(slot)) {
            return;
        }
        self.held = match self.held {
            None => Some(slot),
            Some(held) if held == slot => None,
            Some(held) => {
                let item = self.order.remove(held);
                self.order.insert(slot, item);
                self.keep_pinned();
                None
            }
        };
    }

    /// Up (`-1`) or down (`+1`): the held item swaps with its neighbour, within the list.
    pub fn nudge(&mut self, delta: isize) {
        let Some(held) = self.held else { return };
        let Some(target) = held.checked_add_signed(delta).filter(|t| *t < self.order.len()) else { return };
        // The held item steps over the pinned one.
        let target = if self.is_pinned(target) {
            match target.checked_add_signed(delta).filter(|t| *t < self.order.len()) {
                Some(beyond) => beyond,
                None => return,
            }
        } else {
            target
        };
        let item = self.order.remove(held);
        self.order.insert(target, item);
        self.keep_pinned();
        self.held = Some(target);
    }

    /// The answer as it stands.
    pub fn response(&self) -> Response {
        Response::Order(self.order.clone())
    }
}
