//! Parsing one bundled corpus file per format, in memory (no disk reads):
//! the whole pipeline (`parse_bytes`) and the format reader alone
//! (`read_blocks`). `cargo bench --bench parse`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const FILES: &[&str] = &[
    "albertslund/udsatteraadet-2021-10-14.pdf",
    "albertslund/udsatteraadet-2019-04-01.docx",
    "gladsaxe/udsatteraadet-2023-11-21.html",
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for name in FILES {
        let path = referat_suite::corpus().join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("parse bench: {} is missing, skipped", path.display());
            continue;
        };
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("?");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("{ext}/parse_bytes"), |b| {
            b.iter(|| referat_parser::parse_bytes(&path, std::hint::black_box(&bytes)))
        });
        group.bench_function(format!("{ext}/read_blocks"), |b| {
            b.iter(|| referat_parser::read_blocks(&path, std::hint::black_box(&bytes)))
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
