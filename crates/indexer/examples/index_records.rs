//! Indexing alone, without parsing: reads records (JSON lines, as
//! `referat export --format jsonl` writes them) and indexes them into a new
//! index in a temporary directory, then prints the time, the entries and
//! the index size. For profiling the analysis and postings cost, e.g.
//! `valgrind --tool=callgrind target/release/examples/index_records FILE`.
//!
//! `cargo run --release -p referat-indexer --example index_records -- FILE [HEAP_MB]`

use std::io::BufRead;
use std::time::Instant;

use referat_indexer::Index;
use referat_schema::Record;

fn dir_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: index_records FILE.jsonl [HEAP_MB]")?;
    let heap_mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(128);
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut records = Vec::new();
    for line in file.lines() {
        let line = line?;
        if line.trim_start().starts_with('{') && !line.contains("\"summary\"") {
            records.push(serde_json::from_str::<Record>(&line)?);
        }
    }
    let dir = std::env::temp_dir().join(format!("referat-index-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let start = Instant::now();
    let index = Index::open_or_create(&dir)?;
    let mut writer = index.writer(heap_mb * 1024 * 1024)?;
    for record in &records {
        writer.upsert(record)?;
    }
    writer.commit()?;
    writer.finish()?;
    let took = start.elapsed();
    println!(
        "{} records indexed in {:.2?}; index {:.1} MB",
        records.len(),
        took,
        dir_bytes(&dir) as f64 / 1e6
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
