//! The Danish analyzers on a page of minutes text (the bundled corpus's
//! largest content text, about 12 KB): tokens per second through the exact
//! and the stemmed, decompounding chains. `cargo bench --bench analysis`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use referat_indexer::analysis;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

fn analyzers(c: &mut Criterion) {
    let path = referat_suite::corpus()
        .join("expected")
        .join("udsatteraadet-2021-10-14.content.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("analysis bench: {} is missing, skipped", path.display());
        return;
    };
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let mut exact = analysis::exact_analyzer();
    group.bench_function("exact", |b| {
        b.iter(|| count_tokens(&mut exact, std::hint::black_box(&text)))
    });
    let mut stemmed = analysis::stemmed_analyzer();
    group.bench_function("stemmed", |b| {
        b.iter(|| count_tokens(&mut stemmed, std::hint::black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, analyzers);
criterion_main!(benches);
