//! Query latency against an existing index: the fixed query mix of
//! `benches/query_mix.json`, each query run many times in this process
//! (no process start-up, reader opened once), latencies as percentiles.
//!
//! `REFERAT_BENCH_INDEX=/path/to/index cargo bench --bench query`
//! Without `REFERAT_BENCH_INDEX` it says so and exits (so `cargo bench` passes).
//! `REFERAT_BENCH_REPEAT` sets the runs per query (default 300);
//! `REFERAT_BENCH_ONLY=name` runs only that query of the mix (for profiling);
//! `REFERAT_BENCH_SHOW=1` prints each query's first page to stderr.

mod common;

use std::time::Instant;

use referat_indexer::{Index, Query};

fn main() {
    let Some(dir) = common::index_dir("query", " (see benches/run.py)") else {
        return;
    };
    let repeat = common::repeat(300);
    let mix_path = referat_suite::root().join("benches").join("query_mix.json");
    let mix: Vec<serde_json::Value> = match std::fs::read_to_string(&mix_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("query bench: {}: {e}", mix_path.display());
            std::process::exit(2);
        }
    };
    let index = match Index::open_or_create(&dir) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("query bench: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let only = std::env::var("REFERAT_BENCH_ONLY").ok();
    let mut out = serde_json::Map::new();
    for entry in &mix {
        let name = entry["name"].as_str().unwrap_or("?").to_string();
        if only.as_ref().is_some_and(|o| *o != name) {
            continue;
        }
        let query: Query = match serde_json::from_value(entry.clone()) {
            Ok(q) => q,
            Err(e) => {
                eprintln!("query bench: {name}: {e}");
                std::process::exit(2);
            }
        };
        if std::env::var_os("REFERAT_BENCH_SHOW").is_some() {
            show(&name, index.search(&query));
        }
        let mut hits = 0;
        // Warm-up: page cache and lazily built structures, as a running service has them.
        for _ in 0..10 {
            hits = index.search(&query).map(|r| r.total).unwrap_or(0);
        }
        let mut times: Vec<f64> = (0..repeat)
            .map(|_| {
                let t = Instant::now();
                let r = index.search(&query);
                let ms = t.elapsed().as_secs_f64() * 1e3;
                std::hint::black_box(r.ok());
                ms
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| common::percentile(&times, p).unwrap_or(f64::NAN);
        out.insert(
            name,
            serde_json::json!({
                "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
                "mean_ms": times.iter().sum::<f64>() / times.len().max(1) as f64,
                "hits": hits, "runs": times.len(),
            }),
        );
    }
    println!("{}", serde_json::Value::Object(out));
}

/// Prints a page of hits, to compare rankings and snippets between versions.
fn show(name: &str, results: Result<referat_indexer::SearchResults, referat_indexer::IndexError>) {
    match results {
        Ok(r) => {
            eprintln!("== {name}: {} hits", r.total);
            for hit in r.hits {
                eprintln!(
                    "{} {:?} {:.3} {}",
                    hit.doc_id,
                    hit.item,
                    hit.score,
                    hit.snippet.marked("[", "]").replace('\n', " ")
                );
            }
        }
        Err(e) => eprintln!("== {name}: {e}"),
    }
}
