//! Where phones find the game: this machine's address on the local network, the join URL
//! the TV shows, and the QR code of it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

use qrcode::{Color as Module, EcLevel, QrCode};

/// The port phones connect to unless told otherwise: TUNA on a phone keypad.
pub const DEFAULT_PORT: u16 = 8862;

/// Ports tried after the default when it is busy (another program, or a second game).
pub const PORTS_TRIED: u16 = 10;

/// This machine's address on the local network, as phones see it; `None` with no network.
/// Asking the routing table which address would reach a far host sends no packet: a UDP
/// `connect` only picks the route.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

/// The address phones type (or scan) to join: the LAN address, or the listening one when
/// there is no network (then only this machine can join, and the TV says so).
pub fn join_url(listening: SocketAddr, room: &str) -> String {
    let ip = if listening.ip().is_unspecified() { lan_address() } else { Some(listening.ip()) };
    let ip = ip.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    format!("http://{}/?room={room}", SocketAddr::new(ip, listening.port()))
}

/// The join URL without its query, for people to type.
pub fn short_url(url: &str) -> &str {
    url.split_once("/?").map_or(url, |(base, _)| base)
}

/// The QR code of `text` as rows of dark (true) and light modules, without the quiet zone;
/// `None` if the text is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colours = code.to_colors();
    Some(colours.chunks(width).map(|row| row.iter().map(|m| *m == Module::Dark).collect()).collect())
}
