//! `referat serve`: the server starts on the index, says where, and its
//! `/api/…` JSON is exactly what the matching CLI command prints.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use common::{corpus_index, referat, run, stdout};
use serde_json::Value;

/// The server process, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let mut child = referat(corpus_index())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("referat serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut line = String::new();
    BufReader::new(stderr).read_line(&mut line).expect("a line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

fn get_json(server: &Server, target: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(&server.addr).expect("connect");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut text = String::new();
    stream.read_to_string(&mut text).expect("read");
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    (status, serde_json::from_str(body).expect("JSON body"))
}

fn cli_json(args: &[&str]) -> Value {
    let o = run(referat(corpus_index()).args(args));
    serde_json::from_str(&stdout(&o)).expect("CLI JSON")
}

#[test]
fn the_api_serves_the_json_the_cli_prints() {
    let server = start();

    let (status, api) = get_json(
        &server,
        "/api/search?q=forretningsorden&municipality=Albertslund",
    );
    assert_eq!(status, 200);
    let cli = cli_json(&[
        "search",
        "forretningsorden",
        "--municipality",
        "Albertslund",
        "--json",
    ]);
    assert_eq!(api, cli);
    assert_eq!(
        api["total"], 2,
        "two Albertslund meetings name their forretningsorden"
    );

    let meeting = api["hits"][0]["meeting_id"]
        .as_str()
        .expect("a meeting id")
        .to_string();
    let (status, api) = get_json(&server, &format!("/api/meeting/{meeting}"));
    assert_eq!(status, 200);
    assert_eq!(api, cli_json(&["show", &meeting, "--json"]));

    let (status, api) = get_json(&server, "/api/person/Rene");
    assert_eq!(status, 200);
    assert_eq!(api, cli_json(&["persons", "--name", "Rene", "--json"]));
    assert_eq!(api[0]["name"], "René Meyrowitsch");

    let (status, api) = get_json(&server, "/api/timeline?q=forretningsorden&by=year");
    assert_eq!(status, 200);
    assert_eq!(
        api,
        cli_json(&["timeline", "forretningsorden", "--by", "year", "--json"])
    );

    let (status, api) = get_json(&server, "/api/meeting/no-such-meeting");
    assert_eq!(status, 404);
    assert!(api["error"].is_string());
}

#[test]
fn serve_without_an_index_fails_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run(referat(&dir.path().join("none")).args(["serve", "--addr", "127.0.0.1:0"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("no index"));
}
