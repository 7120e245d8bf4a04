//! Open WebSockets per address: one device on the network (a script, a phone stuck in a
//! reload loop) cannot take the room's every connection from the others. The computer the
//! game runs on (loopback) is the host's own and is not counted, unless a test says so.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// WebSockets one address may hold open at once: a phone reloading, a second tab, a host
/// remote beside a player's page, with room to spare.
pub const MAX_PER_ADDRESS: usize = 32;

/// How many WebSockets each address holds open.
#[derive(Debug)]
pub(super) struct Addresses {
    open: Mutex<HashMap<IpAddr, usize>>,
    limit: AtomicUsize,
    loopback_counted: AtomicBool,
}

impl Default for Addresses {
    fn default() -> Self {
        Self {
            open: Mutex::default(),
            limit: AtomicUsize::new(MAX_PER_ADDRESS),
            loopback_counted: AtomicBool::new(false),
        }
    }
}

/// A WebSocket counted against its address, given back when the connection ends.
#[derive(Debug)]
pub(super) struct AddressSlot {
    addresses: Arc<Addresses>,
    ip: Option<IpAddr>,
}

impl Addresses {
    /// A slot for a new WebSocket from `ip`, or `None` when that address holds its limit.
    pub(super) fn take(self: &Arc<Self>, ip: IpAddr) -> Option<AddressSlot> {
        if ip.is_loopback() && !self.loopback_counted.load(Ordering::Relaxed) {
            return Some(AddressSlot { addresses: Arc::clone(self), ip: None });
        }
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let held = open.entry(ip).or_insert(0);
        if *held >= self.limit.load(Ordering::Relaxed) {
            return None;
        }
        *held += 1;
        Some(AddressSlot { addresses: Arc::clone(self), ip: Some(ip) })
    }

    /// Sets the limit; with `loopback_counted`, this computer's own connections count too.
    pub(super) fn set_limit(&self, limit: usize, loopback_counted: bool) {
        self.limit.store(limit, Ordering::Relaxed);
        self.loopback_counted.store(loopback_counted, Ordering::Relaxed);
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let Some(ip) = self.ip else { return };
        let mut open = self.addresses.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(held) = open.get_mut(&ip) {
            *held = held.saturating_sub(1);
            if *held == 0 {
                open.remove(&ip);
            }
        }
    }
}
