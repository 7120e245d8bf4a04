//! The phone server's door: every TCP connection passes here before it is HTTP. A request's
//! head is read here, bounded in size and time, and only then handed to hyper, so that no
//! device on the network can hold the door shut:
//! - connections still sending their head have a budget of their own ([`MAX_WAITING`], and
//!   [`MAX_WAITING_PER_ADDRESS`] from one address); a new one past it sends the oldest such
//!   connection away with a 503, so real phones, whose heads arrive at once, always get in
//!   (such a connection holds its place in [`MAX_OPEN`] in the waiting queue, so sending it
//!   away frees the place before the next connection is taken);
//! - a head must arrive within [`HEADER_TIMEOUT`] of connecting (408) and be at most
//!   [`MAX_HEADER_BYTES`] (431);
//! - past [`MAX_OPEN`] connections being read or answered, a new one gets a 503 at once.
//!
//! Each connection serves one request (no keep-alive, see [`one_request`]): the page's few files, or the upgrade
//! to a WebSocket, which [`super::session`] bounds on its own.

use std::collections::VecDeque;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use bevy::log::{debug, warn};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// A request's head must arrive within this time of connecting, or the connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// A request's head (request line and headers) is at most this many bytes: a phone's is
/// well under one kilobyte.
pub const MAX_HEADER_BYTES: usize = 8 * 1024;

/// Connections whose request head has not arrived yet, at most.
pub const MAX_WAITING: usize = 64;

/// Of those, from one address.
pub const MAX_WAITING_PER_ADDRESS: usize = 16;

/// Connections being read or answered at once, at most (upgraded WebSockets are counted by
/// [`super::server_state::MAX_CONNECTIONS`] instead).
pub const MAX_OPEN: usize = 256;

/// A request being answered must be done in this time (a client that never reads its reply).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a refusal may take to send before the connection is just closed.
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(1);

/// Takes every connection, and serves each that sends a whole request head in time.
pub(super) async fn serve(listener: TcpListener, app: Router) {
    let open = Arc::new(Semaphore::new(MAX_OPEN));
    let waiting = Arc::new(Waiting::default());
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors, say: wait for some to close rather than spin.
                warn!("phone server: could not accept a connection: {error}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let deadline = Instant::now() + HEADER_TIMEOUT;
        let _ = stream.set_nodelay(true);
        // A connection that has not sent its head yet gives up its place to a new one here,
        // at once: its place is freed before the next connection is taken, however busy the
        // machine, so a phone never finds the door shut by idle connections.
        let permit = match Arc::clone(&open).try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) if waiting.send_away_oldest() => Arc::clone(&open).try_acquire_owned().ok(),
            Err(_) => None,
        };
        let Some(permit) = permit else {
            warn!("phone server: {MAX_OPEN} connections are being served: {peer} was told to come back");
            tokio::spawn(refuse(stream, Refusal::Busy));
            continue;
        };
        let place = waiting.enter(peer.ip(), permit);
        let waiting = Arc::clone(&waiting);
        let app = app.clone();
        tokio::spawn(async move { connection(stream, peer, app, &waiting, place, deadline).await });
    }
}

/// One connection: its head, then hyper for its one request.
async fn connection(
    mut stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    waiting: &Waiting,
    place: Place,
    deadline: Instant,
) {
    let head = tokio::select! {
        head = tokio::time::timeout_at(deadline, read_head(&mut stream)) => head,
        () = place.sent_away.notified() => {
            debug!("phone server: {peer} had not sent its request as more connections came: sent away");
            refuse(stream, Refusal::Busy).await;
            return;
        }
    };
    // Its place (and with it the permit) is taken back; if it was sent away just as its head
    // arrived, it goes like the others that were.
    let Some(_permit) = waiting.leave(place.ticket) else {
        return refuse(stream, Refusal::Busy).await;
    };
    let head = match head {
        Ok(Ok(head)) => head,
        Ok(Err(Some(refusal))) => return refuse(stream, refusal).await,
        Ok(Err(None)) => return,
        Err(_) => {
            debug!("phone server: {peer} sent no whole request in {} s: closed", HEADER_TIMEOUT.as_secs());
            return refuse(stream, Refusal::Slow).await;
        }
    };
    // Who is asking, for the WebSocket's count per address.
    let app = app.layer(axum::Extension(axum::extract::ConnectInfo(peer)));
    let service = TowerToHyperService::new(app);
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        // A second request on this connection would skip the checks above; answers say
        // `connection: close` ([`one_request`]), and this is the backstop.
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(MAX_HEADER_BYTES.max(8192))
        .serve_connection(TokioIo::new(Rewind { head, read: 0, stream }), service)
        .with_upgrades();
    match tokio::time::timeout(ANSWER_TIMEOUT, served).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => debug!("phone server: connection from {peer}: {error}"),
        Err(_) => debug!("phone server: {peer} did not take its answer in {} s: closed", ANSWER_TIMEOUT.as_secs()),
    }
}

/// Every answer but an upgrade closes its connection, so each request passes the door.
/// (hyper's own `keep_alive(false)` would also close the upgrade's `connection` header.)
pub(super) async fn one_request(mut response: axum::response::Response) -> axum::response::Response {
    if response.status() != axum::http::StatusCode::SWITCHING_PROTOCOLS {
        response.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
    }
    response
}

/// Reads up to the blank line that ends a request head. `Err(None)`: the client left.
async fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Option<Refusal>> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let read = stream.read(&mut chunk).await.map_err(|_| None)?;
        if read == 0 {
            return Err(None);
        }
        let searched_from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..read]);
        let tail = &head[searched_from..];
        if tail.windows(4).any(|w| w == b"\r\n\r\n") || tail.windows(2).any(|w| w == b"\n\n") {
            return Ok(head);
        }
        if head.len() > MAX_HEADER_BYTES {
            return Err(Some(Refusal::TooBig));
        }
    }
}

/// Why a connection is turned away before its request is served.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    /// Too many connections (or sent away for a newer one): come back in a moment.
    Busy,
    /// The head did not arrive in time.
    Slow,
    /// The head is over [`MAX_HEADER_BYTES`].
    TooBig,
}

/// Says why, in a plain HTTP answer, and closes.
async fn refuse(mut stream: TcpStream, refusal: Refusal) {
    let (status, body) = match refusal {
        Refusal::Busy => ("503 Service Unavailable", "The game is busy: try again in a moment.\n".to_owned()),
        Refusal::Slow => (
            "408 Request Timeout",
            format!("The request did not arrive within {} s: try again.\n", HEADER_TIMEOUT.as_secs()),
        ),
        Refusal::TooBig => {
            ("431 Request Header Fields Too Large", format!("Request headers are at most {MAX_HEADER_BYTES} bytes.\n"))
        }
    };
    let answer = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: 1\r\nconnection: close\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(REFUSAL_TIMEOUT, async {
        stream.write_all(answer.as_bytes()).await?;
        stream.shutdown().await
    })
    .await;
}

/// A connection's place among those still sending their heads.
struct Place {
    ticket: u64,
    /// Told when a newer connection takes the place.
    sent_away: Arc<Notify>,
}

/// One connection still sending its head: it holds its permit here, so that sending it away
/// frees the permit at once, not when its task next runs.
struct Entry {
    ticket: u64,
    address: IpAddr,
    sent_away: Arc<Notify>,
    permit: OwnedSemaphorePermit,
}

/// The connections still sending their heads, oldest first.
#[derive(Default)]
struct Waiting {
    queue: Mutex<VecDeque<Entry>>,
    tickets: AtomicU64,
}

impl Waiting {
    /// A connection from `address` starts sending its head; one over the budget (of its
    /// address first, else of all) is told to go, oldest first.
    fn enter(&self, address: IpAddr, permit: OwnedSemaphorePermit) -> Place {
        let ticket = self.tickets.fetch_add(1, Ordering::Relaxed);
        let sent_away = Arc::new(Notify::new());
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let from_here = queue.iter().filter(|entry| entry.address == address).count();
        let oldest = if from_here >= MAX_WAITING_PER_ADDRESS {
            queue.iter().position(|entry| entry.address == address)
        } else if queue.len() >= MAX_WAITING {
            Some(0)
        } else {
            None
        };
        if let Some(entry) = oldest.and_then(|index| queue.remove(index)) {
            entry.sent_away.notify_one();
        }
        queue.push_back(Entry { ticket, address, sent_away: Arc::clone(&sent_away), permit });
        Place { ticket, sent_away }
    }

    /// Sends the oldest waiting connection away, freeing its permit; false if none waits.
    fn send_away_oldest(&self) -> bool {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.pop_front().map(|entry| entry.sent_away.notify_one()).is_some()
    }

    /// Its head arrived, or it gave up: its permit, unless it was sent away.
    fn leave(&self, ticket: u64) -> Option<OwnedSemaphorePermit> {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let index = queue.iter().position(|entry| entry.ticket == ticket)?;
        queue.remove(index).map(|entry| entry.permit)
    }
}

/// The connection as hyper reads it: the head read here first, then the rest of the stream.
struct Rewind {
    head: Vec<u8>,
    read: usize,
    stream: TcpStream,
}

impl AsyncRead for Rewind {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        if this.read < this.head.len() {
            let left = &this.head[this.read..];
            let n = left.len().min(buf.remaining());
            buf.put_slice(&left[..n]);
            this.read += n;
            if this.read == this.head.len() {
                this.head = Vec::new();
                this.read = 0;
            }
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Rewind {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
