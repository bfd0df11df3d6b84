//! The web page's server time: the search page (results, facet counts and
//! timeline), the JSON search and a meeting page, served by `referat_web`
//! in this process over an existing index and fetched over a localhost
//! socket (connect, request, whole response), many times; latencies as
//! percentiles.
//!
//! `REFERAT_BENCH_INDEX=/path/to/index cargo bench --bench web`
//! Without `REFERAT_BENCH_INDEX` it says so and exits (so `cargo bench` passes).
//! `REFERAT_BENCH_REPEAT` sets the runs per case (default 50);
//! `REFERAT_BENCH_CASE=TEXT` runs only the cases whose name holds TEXT
//! (e.g. under a profiler).

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Instant;

use referat_archive::{Archive, Query};

fn get(addr: SocketAddr, target: &str) -> (u16, usize) {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return (0, 0);
    };
    let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return (0, 0);
    }
    let mut body = Vec::new();
    let _ = stream.read_to_end(&mut body);
    let status = std::str::from_utf8(body.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, body.len())
}

fn main() {
    let Some(dir) = common::index_dir("web", "") else {
        return;
    };
    let repeat = common::repeat(50);
    let open = || match Archive::open(&dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("web bench: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let archive = open();
    let meeting = archive
        .search(&Query {
            text: Some("bolig".into()),
            by_meeting: true,
            ..Query::default()
        })
        .ok()
        .and_then(|r| r.hits.into_iter().find_map(|h| h.meeting_id));
    let municipality = archive
        .values(referat_archive::Facet::Municipality)
        .ok()
        .and_then(|v| v.into_iter().next())
        .unwrap_or_default();
    let addr = match referat_web::spawn(
        open(),
        "127.0.0.1:0".parse().expect("an address"),
        referat_web::Limits::default(),
    ) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("web bench: {e}");
            std::process::exit(2);
        }
    };
    let mut cases = vec![
        ("search page, empty form", "/".to_string()),
        ("search page, one word", "/?q=bolig".to_string()),
        (
            "search page, phrase",
            "/?q=%22sk%C3%A6ve+boliger%22".to_string(),
        ),
        (
            "search page, word + municipality + dates",
            format!("/?q=bolig&municipality={municipality}&from=2018-01-01&to=2022-12-31"),
        ),
        ("search page, page 3", "/?q=bolig&page=3".to_string()),
        ("JSON search, one word", "/api/search?q=bolig".to_string()),
    ];
    if let Some(m) = meeting {
        cases.push(("meeting page", format!("/meeting/{m}")));
    }
    if let Ok(only) = std::env::var("REFERAT_BENCH_CASE") {
        cases.retain(|(name, _)| name.contains(only.as_str()));
    }
    println!("| request | p50 ms | p90 ms | p99 ms | bytes |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, target) in cases {
        // Warm-up: the persons caches and the OS page cache.
        for _ in 0..3 {
            get(addr, &target);
        }
        let mut times = Vec::with_capacity(repeat);
        let mut bytes = 0;
        for _ in 0..repeat {
            let started = Instant::now();
            let (status, n) = get(addr, &target);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if status != 200 {
                eprintln!("web bench: {target} answered {status}");
            }
            bytes = n;
        }
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| common::percentile(&times, p).unwrap_or(0.0);
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {bytes} |",
            pct(0.5),
            pct(0.9),
            pct(0.99)
        );
    }
}
