//! The server's limits against oversized requests, slow clients and
//! bursts, and the accept loop that enforces the per-connection ones.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Limits on what one client can ask of the server.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Characters in one query field (search words, person, …).
    pub max_field_chars: usize,
    /// Bytes of a request target (path and query string).
    pub max_uri_bytes: usize,
    /// Bytes of a request body (the server reads none; larger is refused).
    pub max_body_bytes: usize,
    /// Time a client has to send its request line and headers; a client
    /// that trickles them (slowloris) is disconnected after it.
    pub header_timeout: Duration,
    /// Time one request may take to be answered (408 after it).
    pub request_timeout: Duration,
    /// Requests being answered at once; more wait their turn.
    pub max_concurrent_requests: usize,
    /// Open connections; more are closed at once.
    pub max_connections: usize,
    /// Lifetime of one connection, keep-alive included.
    pub max_connection_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_field_chars: 500,
            max_uri_bytes: 8 * 1024,
            max_body_bytes: 16 * 1024,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 32,
            max_connections: 1024,
            max_connection_time: Duration::from_secs(300),
        }
    }
}

/// Accepts connections forever, each served over HTTP/1.1 with the header
/// timeout, the connection cap and the connection lifetime of `limits`.
pub(crate) async fn accept_loop(listener: TcpListener, router: Router, limits: Limits) {
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: wait, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        let limits = limits.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .max_buf_size(limits.max_uri_bytes.max(8192) + 8192);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(limits.max_connection_time, connection).await;
            drop(permit);
        });
    }
}
