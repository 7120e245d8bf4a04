//! The phone server's door, as a misbehaving device on the network tries it: connections that
//! never finish their request cannot lock phones out, the header deadline holds, an oversized
//! head is refused, and frames no client may send close the connection with a code saying why.
//! Every connection goes to 127.0.0.1 only, and every loop is bounded.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use bigtuna::net::protocol::{ErrorCode, ServerMessage};
use bigtuna::net::server::{HEADER_TIMEOUT, MAX_HEADER_BYTES, MAX_WAITING_PER_ADDRESS};

use crate::phones::{connect, error_code, say, server};

/// A connection that sends the start of a request and then nothing.
fn half_open(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.write_all(b"GET / HTTP/1.1\r\nHost: tv\r\n").expect("sent");
    stream
}

/// What the server sends before it closes (bounded by `timeout`), and when it closed.
fn answer_and_close(stream: &mut TcpStream, timeout: Duration) -> (String, Instant) {
    stream.set_read_timeout(Some(timeout)).expect("timeout");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (String::from_utf8_lossy(&answer).into_owned(), Instant::now())
}

#[test]
fn connections_that_never_finish_their_request_do_not_lock_phones_out() {
    let server = server();
    let addr = server.addr();
    let started = Instant::now();
    let mut idle: Vec<(TcpStream, Instant)> = (0..260).map(|_| (half_open(addr), Instant::now())).collect();
    let opening = started.elapsed();
    // A phone loads the page and joins, at once.
    let phone_started = Instant::now();
    let mut page = TcpStream::connect(addr).expect("connects");
    page.write_all(b"GET / HTTP/1.1\r\nHost: tv\r\nConnection: close\r\n\r\n").expect("sent");
    let (response, _) = answer_and_close(&mut page, Duration::from_secs(5));
    assert!(response.starts_with("HTTP/1.1 200") && response.contains("Big Tuna Trivia"), "{response:.200}");
    let mut phone = connect(&server);
    assert!(matches!(say(&mut phone, r#"{"type":"join","room":"TUNA","name":"Ann"}"#), ServerMessage::Welcome { .. }));
    let phone_took = phone_started.elapsed();
    assert!(phone_took < Duration::from_secs(1), "the phone got in within a second: {phone_took:?}");
    // The oldest idle ones were sent away with a quick 503 as newer ones came.
    let (first, _) = answer_and_close(&mut idle[0].0, Duration::from_secs(2));
    assert!(first.starts_with("HTTP/1.1 503"), "{first:?}");
    // The newest few still wait, and are closed at the deadline, counted from when each
    // connected: 408, neither early nor twice as late.
    let kept = idle.split_off(idle.len() - MAX_WAITING_PER_ADDRESS / 2);
    for (mut stream, opened) in kept {
        let (answer, closed) = answer_and_close(&mut stream, HEADER_TIMEOUT + Duration::from_secs(10));
        let after = closed - opened;
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
        assert!(after >= HEADER_TIMEOUT - Duration::from_millis(500), "not before the deadline: {after:?}");
        assert!(
            after < HEADER_TIMEOUT + Duration::from_secs(2),
            "at the deadline: {after:?} ({opening:?} to open all)"
        );
    }
    assert_eq!(say(&mut phone, r#"{"type":"ping"}"#), ServerMessage::Pong, "the phone played on");
}

#[test]
fn a_request_head_over_the_limit_is_refused() {
    let server = server();
    let mut stream = TcpStream::connect(server.addr()).expect("connects");
    let filler = "x".repeat(100 * 1024);
    // The server may close before it has read all of it; what it answered is what counts.
    let _ = stream.write_all(format!("GET / HTTP/1.1\r\nHost: tv\r\nX-Filler: {filler}\r\n\r\n").as_bytes());
    let (answer, _) = answer_and_close(&mut stream, Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.200}");
    assert!(answer.contains(&MAX_HEADER_BYTES.to_string()), "says the limit: {answer}");
    // A head just under the limit is served.
    let mut fine = TcpStream::connect(server.addr()).expect("connects");
    let filler = "x".repeat(MAX_HEADER_BYTES - 200);
    fine.write_all(format!("GET / HTTP/1.1\r\nHost: tv\r\nX-Filler: {filler}\r\n\r\n").as_bytes()).expect("sent");
    let (answer, _) = answer_and_close(&mut fine, Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.200}");
}

/// A WebSocket opened by hand, to send frames no library would.
fn raw_socket(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    let request = "GET /ws HTTP/1.1\r\nHost: tv\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
                   Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    stream.write_all(request.as_bytes()).expect("sent");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).expect("a handshake");
        head.push(byte[0]);
    }
    assert!(head.starts_with(b"HTTP/1.1 101"), "{}", String::from_utf8_lossy(&head));
    stream
}

/// The frames the server sends until it closes: (opcode, payload).
fn frames_until_close(stream: &mut TcpStream) -> Vec<(u8, Vec<u8>)> {
    let mut frames = Vec::new();
    for _ in 0..8 {
        let mut head = [0u8; 2];
        if stream.read_exact(&mut head).is_err() {
            break;
        }
        let mut len = usize::from(head[1] & 0x7f);
        if len == 126 {
            let mut more = [0u8; 2];
            stream.read_exact(&mut more).expect("length");
            len = usize::from(u16::from_be_bytes(more));
        }
        let mut payload = vec![0u8; len];
        stream.read_exact(&mut payload).expect("payload");
        let opcode = head[0] & 0x0f;
        frames.push((opcode, payload));
        if opcode == 8 {
            break;
        }
    }
    frames
}

/// The error the server sent and the close code it closed with.
fn ending(frames: &[(u8, Vec<u8>)]) -> (ErrorCode, u16) {
    let error = frames.iter().find(|(op, _)| *op == 1).expect("an error message");
    let message: ServerMessage = serde_json::from_slice(&error.1).expect("json");
    let close = frames.iter().find(|(op, _)| *op == 8).expect("a close frame");
    (error_code(&message), u16::from_be_bytes([close.1[0], close.1[1]]))
}

#[test]
fn frames_no_client_may_send_close_the_connection_with_a_code_saying_why() {
    let server = server();
    // Text that is not UTF-8, masked as a client must.
    let mut stream = raw_socket(server.addr());
    let mask = [1u8, 2, 3, 4];
    let payload: Vec<u8> = [0xffu8, 0xfe, 0xfd].iter().zip(mask.iter().cycle()).map(|(b, m)| b ^ m).collect();
    let mut frame = vec![0x81, 0x80 | 3];
    frame.extend(mask);
    frame.extend(payload);
    stream.write_all(&frame).expect("sent");
    assert_eq!(ending(&frames_until_close(&mut stream)), (ErrorCode::BadFrame, 1007));
    // An unmasked frame.
    let mut stream = raw_socket(server.addr());
    stream.write_all(&[0x81, 2, b'h', b'i']).expect("sent");
    assert_eq!(ending(&frames_until_close(&mut stream)), (ErrorCode::BadFrame, 1002));
    // A frame over the limit.
    let mut stream = raw_socket(server.addr());
    let mut frame = vec![0x81, 0x80 | 127];
    frame.extend((1u64 << 20).to_be_bytes());
    frame.extend(mask);
    stream.write_all(&frame).expect("sent");
    assert_eq!(ending(&frames_until_close(&mut stream)), (ErrorCode::TooLarge, 1009));
}

#[test]
fn one_device_cannot_take_every_websocket_and_its_slots_come_back_as_it_closes() {
    use bigtuna::net::per_address::MAX_PER_ADDRESS;
    let server = server();
    let ws = format!("ws://{}/ws", server.addr());
    // This computer is the host's own and not counted: past the per-device limit it connects.
    let own: Vec<_> = (0..MAX_PER_ADDRESS + 8).map(|_| connect(&server)).collect();
    drop(own);
    // Counted as any device on the network would be, with a small limit to keep it quick.
    server.set_address_limit(4, true);
    let mut held: Vec<_> = (0..4).map(|_| connect(&server)).collect();
    match tungstenite::connect(&ws) {
        Err(tungstenite::Error::Http(answer)) => {
            assert_eq!(answer.status(), 503);
            let body = String::from_utf8_lossy(answer.body().as_deref().unwrap_or_default()).into_owned();
            assert!(body.contains("too many connections from this device"), "{body}");
        }
        other => panic!("a fifth WebSocket from one device is refused: {other:?}"),
    }
    // Those it holds still play; one closed frees a slot for the next.
    let joined = say(&mut held[0], r#"{"type":"join","room":"TUNA","name":"Ann"}"#);
    assert!(matches!(joined, ServerMessage::Welcome { .. }), "{joined:?}");
    let _ = held.pop().map(|mut last| last.close(None).and_then(|()| last.flush()));
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(10);
    while tungstenite::connect(&ws).is_err() {
        assert!(Instant::now() < deadline, "a slot came back once a connection closed");
        std::thread::sleep(Duration::from_millis(50));
    }
}
