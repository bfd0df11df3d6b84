//! Throughput of each analyzer over the given text files, repeated:
//! `cargo run --release -p referat-indexer --example bench_analysis -- FILE...`

use std::time::Instant;

use referat_indexer::analysis::lexicon::Lexicon;
use referat_indexer::analysis::{
    exact_analyzer, folded_analyzer, lemma_analyzer, person_analyzer, stemmed_analyzer,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let words = Lexicon::danish().len();
    println!("lexicon: {words} words loaded in {:.1?}", start.elapsed());
    let mut text = String::new();
    for path in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(&path)?);
        text.push('\n');
    }
    // REFERAT_BENCH_BYTES: how much text to analyse (default 20 MB).
    let bytes: usize = std::env::var("REFERAT_BENCH_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000_000);
    let text = text.repeat((bytes / text.len().max(1)).max(1));
    for (name, mut analyzer) in [
        ("exact", exact_analyzer()),
        ("stemmed", stemmed_analyzer()),
        ("lemma", lemma_analyzer()),
        ("folded", folded_analyzer()),
        ("person", person_analyzer()),
    ] {
        let start = Instant::now();
        let mut tokens = 0usize;
        // Analyse paragraph by paragraph, as documents would be.
        for chunk in text.split("\n\n") {
            let mut stream = analyzer.token_stream(chunk);
            while stream.advance() {
                tokens += 1;
            }
        }
        let took = start.elapsed();
        println!(
            "{name:>8}: {tokens} tokens, {:.1} MB/s",
            text.len() as f64 / 1e6 / took.as_secs_f64()
        );
    }
    Ok(())
}
