//! The phone page over HTTP, as a browser and a hostile client reach it: the built-in pages,
//! nothing else (no file behind any path), and a slow client cut off.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use bigtuna::net::protocol::ServerMessage;
use bigtuna::net::server::HEADER_TIMEOUT;

use crate::phones::{connect, say, server};

/// One HTTP/1.1 request; the whole response as text.
fn get(addr: std::net::SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    stream.write_all(request.as_bytes()).expect("sent");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

fn fetch(addr: std::net::SocketAddr, path: &str) -> String {
    get(addr, &format!("GET {path} HTTP/1.1\r\nHost: tv\r\nConnection: close\r\n\r\n"))
}

#[test]
fn the_game_serves_its_pages_and_no_file() {
    let server = server();
    let addr = server.addr();
    let page = fetch(addr, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("text/html") && page.contains("Big Tuna Trivia") && page.contains("/app.js"));
    assert!(page.to_lowercase().contains("content-security-policy: default-src 'none'"), "{page}");
    for (path, kind) in [
        ("/app.js", "text/javascript"),
        ("/host.js", "text/javascript"),
        ("/socket.js", "text/javascript"),
        ("/style.css", "text/css"),
        ("/config.js", "text/javascript"),
    ] {
        let body = fetch(addr, path);
        assert!(body.starts_with("HTTP/1.1 200") && body.contains(kind), "{path}: {body}");
    }
    assert!(fetch(addr, "/host").contains("/host.js"));
    // No path reaches a file: not the game's own, not the system's.
    for path in ["/../Cargo.toml", "/assets/phone/app.js", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "/src/main.rs"] {
        let body = fetch(addr, path);
        assert!(body.starts_with("HTTP/1.1 404"), "{path}: {body}");
        assert!(!body.contains("[package]") && !body.contains("root:"), "{path}");
    }
    let post = get(addr, "POST / HTTP/1.1\r\nHost: tv\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assert!(post.starts_with("HTTP/1.1 405"), "{post}");
}

/// The pages take the answer tiles' colours and the limits from the game, so the phone and
/// the TV cannot disagree.
#[test]
fn the_pages_take_tile_colours_and_limits_from_the_game() {
    let server = server();
    let config = fetch(server.addr(), "/config.js");
    for (colour, shape, _) in bigtuna::theme::palette::TILES {
        let hex = bevy::color::Srgba::from(colour).to_hex();
        assert!(config.contains(&format!("[\"{hex}\", \"{shape}\"]")), "{hex} {shape} in {config}");
    }
    assert!(config.contains(&format!("nameChars: {}", bigtuna::game::settings::NAME_CHARS)), "{config}");
    assert!(config.contains("answerChars: 60"), "{config}");
    let page = fetch(server.addr(), "/");
    let (config_at, app_at) = (page.find("/config.js"), page.find("/app.js"));
    assert!(config_at.is_some() && config_at < app_at, "config.js loads before app.js: {page}");
}

#[test]
fn slow_clients_are_cut_off_and_phones_still_join() {
    let server = server();
    let addr = server.addr();
    // Fifty clients start a request and never finish its headers (slowloris).
    let mut slow: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).expect("connects");
            stream.write_all(b"GET / HTTP/1.1\r\nHost: tv\r\nX-Slow: ").expect("sent");
            stream
        })
        .collect();
    // Meanwhile a phone joins and plays.
    let mut phone = connect(&server);
    assert!(matches!(say(&mut phone, r#"{"type":"join","room":"TUNA","name":"Ann"}"#), ServerMessage::Welcome { .. }));
    // Each slow one is closed once its headers are late.
    let started = Instant::now();
    for stream in &mut slow {
        stream.set_read_timeout(Some(HEADER_TIMEOUT + Duration::from_secs(10))).expect("timeout");
        let mut buffer = [0u8; 512];
        let closed = loop {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => break true,
                // hyper may answer 408 before it closes.
                Ok(_) => continue,
            }
        };
        assert!(closed);
    }
    assert!(started.elapsed() < HEADER_TIMEOUT + Duration::from_secs(15), "closed, not left open");
    assert_eq!(say(&mut phone, r#"{"type":"ping"}"#), ServerMessage::Pong);
}
