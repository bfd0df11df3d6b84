//! The server against hostile input and hostile clients: script in a query
//! and in a document's text comes out escaped, paths in file links are
//! refused, oversized requests get clear errors, and neither a burst of 200
//! requests nor clients trickling one byte a second take it down.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use referat_web::Limits;
use support::{enc, get, raw, Served};

/// The header timeout of these tests' server (short, so a slow client is
/// cut off quickly).
const HEADER_TIMEOUT: Duration = Duration::from_secs(2);

/// A page of minutes whose text carries markup, as a careless CMS export
/// or a malicious upload could: every `<` in it is text, plus one real
/// script element.
const HOSTILE_HTML: &str = r#"<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Referat</title></head>
<body><main>
<h1>Referat af Vinterbadningsudvalget &lt;script&gt;alert("titel")&lt;/script&gt;</h1>
<p>Mødedato: 3. marts 2022</p>
<h2>1. Vinterbadning i havnen</h2>
<h3>Beslutning</h3>
<p>Udvalget drøftede vinterbadning &lt;script&gt;alert("tekst")&lt;/script&gt; og "&gt;&lt;img src=x onerror=alert(1)&gt; i havnen.</p>
<script>document.title = "ran";</script>
</main></body></html>
"#;

struct Setup {
    served: Served,
    _hostile_dir: tempfile::TempDir,
}

fn server() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let file: PathBuf = dir.path().join("vinterbadning-2022-03-03.html");
        std::fs::write(&file, HOSTILE_HTML).expect("write");
        let limits = Limits {
            header_timeout: HEADER_TIMEOUT,
            ..Limits::default()
        };
        Setup {
            served: support::serve(&[file], limits),
            _hostile_dir: dir,
        }
    })
}

fn assert_no_live_markup(html: &str) {
    for live in ["<script>alert", "<img src=x", "<script>document"] {
        assert!(!html.contains(live), "unescaped {live:?} in the page");
    }
}

#[test]
fn script_in_the_query_is_escaped() {
    let addr = server().served.addr;
    let q = r#"<script>alert("q")</script> "><img src=x onerror=alert(1)>"#;
    let page = get(addr, &format!("/?q={}", enc(q)));
    let html = page.text();
    assert_no_live_markup(&html);
    assert!(
        html.contains("&lt;script&gt;alert("),
        "the query is shown back, escaped"
    );
    let policy = page.header("content-security-policy").unwrap_or("");
    assert!(policy.contains("default-src 'none'"), "{policy}");
    // A person's name in the path too.
    let person = get(addr, &format!("/person/{}", enc(q)));
    assert_no_live_markup(&person.text());
}

#[test]
fn script_in_a_document_is_escaped_on_every_page() {
    let addr = server().served.addr;
    let page = get(addr, "/?q=vinterbadning");
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<mark>"), "the hostile document is found");
    assert_no_live_markup(&html);
    assert!(html.contains("&lt;script&gt;") || html.contains("&lt;img"));

    // Its meeting (or document) page, reached as a reader would.
    let start = html.find("class=\"open\" href=\"").expect("a hit link") + 19;
    let href = html[start..]
        .split('"')
        .next()
        .expect("href")
        .replace("&#x2f;", "/");
    let mut target = get(addr, &href);
    if target.status == 303 || target.status == 302 || target.status == 307 {
        target = get(addr, target.header("location").expect("location"));
    }
    assert_eq!(target.status, 200, "{href}");
    let text = target.text();
    assert!(text.contains("vinterbadning"), "{href} shows the document");
    assert_no_live_markup(&text);

    // The original file is served, but sandboxed: its script cannot run.
    let file_at = text.find("/file/").expect("a file link");
    let file_href: String = text[file_at..].chars().take_while(|c| *c != '"').collect();
    let original = get(addr, &file_href);
    assert_eq!(original.status, 200);
    assert!(original.text().contains("<script>document.title"));
    let policy = original.header("content-security-policy").unwrap_or("");
    assert!(policy.contains("sandbox"), "{policy}");
}

#[test]
fn paths_in_file_links_are_refused() {
    let addr = server().served.addr;
    for target in [
        "/file/..%2F..%2F..%2Fetc%2Fpasswd",
        "/file/%2Fetc%2Fpasswd",
        "/file/..",
        "/file/..%5C..%5Cwindows",
        "/file/%2E%2E",
    ] {
        let r = get(addr, target);
        assert_eq!(r.status, 400, "{target}: {}", r.text());
        assert!(!r.text().contains("root:"), "{target}");
    }
    // Not an id in the index: not found, and nothing read from disk.
    let r = get(addr, "/file/etc-passwd");
    assert_eq!(r.status, 404);
    // Dot segments the server does not collapse: no route serves them.
    for target in [
        "/file/../../etc/passwd",
        "/../../etc/passwd",
        "/file//etc/passwd",
    ] {
        let r = get(addr, target);
        assert!(r.status >= 400, "{target}: {}", r.status);
        assert!(!r.text().contains("root:"), "{target}");
    }
}

#[test]
fn oversized_requests_get_clear_errors() {
    let addr = server().served.addr;
    let limits = Limits::default();
    let long_field = "bolig ".repeat(limits.max_field_chars / 6 + 10);
    let r = get(addr, &format!("/?q={}", enc(&long_field)));
    assert_eq!(r.status, 400);
    assert!(r.text().contains("for langt"), "{}", r.text());
    let api = get(addr, &format!("/api/search?q={}", enc(&long_field)));
    assert_eq!(api.status, 400);
    let json: serde_json::Value = serde_json::from_slice(&api.body).expect("json");
    assert!(json["error"].as_str().is_some());

    let huge = "a".repeat(limits.max_uri_bytes + 10);
    let r = get(addr, &format!("/?q={huge}"));
    assert_eq!(r.status, 414);

    let body = "x".repeat(limits.max_body_bytes + 1);
    let request = format!(
        "GET /?q=bolig HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let r = raw(addr, request.as_bytes()).expect("answer");
    assert_eq!(r.status, 413);

    let post = raw(
        addr,
        b"POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
    )
    .expect("answer");
    assert_eq!(post.status, 405, "read-only: no POST");
}

#[test]
fn two_hundred_concurrent_requests_are_all_answered() {
    let addr = server().served.addr;
    let threads: Vec<_> = (0..200)
        .map(|i| {
            std::thread::spawn(move || {
                let target = match i % 4 {
                    0 => "/?q=forretningsorden".to_string(),
                    1 => "/api/search?q=bolig".to_string(),
                    2 => "/person/Rene".to_string(),
                    _ => format!("/?q=bolig&page={}", 1 + i % 3),
                };
                let request = format!(
                    "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                );
                raw(addr, request.as_bytes()).map(|r| r.status)
            })
        })
        .collect();
    let statuses: Vec<u16> = threads
        .into_iter()
        .map(|t| t.join().expect("thread").expect("answered"))
        .collect();
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    assert_eq!(get(addr, "/?q=bolig").status, 200, "still serving");
}

/// Sends a request one byte a second; returns after how many bytes the
/// server hung up (or `None` if it never did within `bytes`).
fn trickle(addr: std::net::SocketAddr, bytes: usize) -> Option<usize> {
    let request = b"GET /?q=bolig HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .expect("timeout");
    let mut buf = [0u8; 512];
    for (i, b) in request.iter().take(bytes).enumerate() {
        if stream.write_all(&[*b]).is_err() {
            return Some(i);
        }
        // Waiting for an answer is the one-second pause.
        match stream.read(&mut buf) {
            Ok(_) => return Some(i + 1),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return Some(i + 1),
        }
    }
    None
}

#[test]
fn a_client_sending_one_byte_a_second_is_cut_off_without_hurting_others() {
    let addr = server().served.addr;
    let budget = 4 * HEADER_TIMEOUT.as_secs() as usize + 4;
    let slow: Vec<_> = (0..20)
        .map(|_| std::thread::spawn(move || trickle(addr, budget)))
        .collect();
    // Meanwhile, others are served.
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    for _ in 0..5 {
        let r = get(addr, "/?q=forretningsorden");
        assert_eq!(r.status, 200);
    }
    let others_took = started.elapsed();
    for t in slow {
        let cut_after = t.join().expect("thread");
        assert!(
            cut_after.is_some(),
            "a slow client was still connected after {budget} bytes"
        );
    }
    // Not a speed test: the others were not made to wait for the slow ones.
    assert!(
        others_took < Duration::from_secs(budget as u64),
        "{others_took:?}"
    );
}
