//! Shared by the web tests: an archive of the bundled corpus (plus any
//! extra files) in a temporary folder, a server on a free port, and a
//! plain HTTP/1.1 client over a socket.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use referat_archive::{Archive, IngestOptions, NoProgress};
use referat_web::Limits;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A served archive: the temporary folder lives as long as this does.
pub struct Served {
    pub addr: SocketAddr,
    pub dir: tempfile::TempDir,
}

/// Ingests the corpus and `extra` files into a fresh index and serves it.
pub fn serve(extra: &[PathBuf], limits: Limits) -> Served {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let archive = Archive::open_or_create(&index).expect("archive");
    let mut roots = vec![root().join("corpus")];
    roots.extend(extra.iter().cloned());
    let summary = archive
        .ingest(&roots, &IngestOptions::default(), &mut NoProgress)
        .expect("ingest");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    let addr = referat_web::spawn(
        Archive::open(&index).expect("open"),
        "127.0.0.1:0".parse().expect("addr"),
        limits,
    )
    .expect("server");
    Served { addr, dir }
}

/// A response: status, headers (lower-case names) and body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` (a full HTTP/1.1 request) and reads the whole answer.
pub fn raw(addr: SocketAddr, request: &[u8]) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    stream.write_all(request)?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no header end"))?;
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_string()))
        .collect::<Vec<_>>();
    let mut body = bytes[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// GET `target` (path and query, already encoded).
pub fn get(addr: SocketAddr, target: &str) -> Response {
    let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    raw(addr, request.as_bytes()).expect("request")
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&data[..end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
