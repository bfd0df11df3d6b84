//! Compiles the vendored lexicon (`data/da-compound-lexicon.txt`) into an
//! FST map from word to profile number, so that the indexer opens it in
//! microseconds instead of hashing 160 000 words on every start.
//!
//! Writes `$OUT_DIR/da-lexicon.fst` (the words) and
//! `$OUT_DIR/da-lexicon-header.txt` (the rules and profiles, a few hundred
//! lines parsed at run time).

use std::path::PathBuf;

const SOURCE: &str = "data/da-compound-lexicon.txt";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(SOURCE)?;
    let mut header = String::new();
    let mut words: Vec<(&str, u64)> = Vec::with_capacity(text.len() / 12);
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with("R\t") || line.starts_with("P\t") {
            header.push_str(line);
            header.push('\n');
            continue;
        }
        let mut fields = line.split('\t');
        if let (Some(word), Some(Ok(profile))) = (fields.next(), fields.next().map(str::parse)) {
            words.push((word, profile));
        }
    }
    // An FST needs its keys in byte order, each once.
    words.sort_unstable();
    words.dedup_by(|a, b| a.0 == b.0);
    let map = tantivy_fst::Map::from_iter(words)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("da-lexicon.fst"), map.as_fst().to_vec())?;
    std::fs::write(out.join("da-lexicon-header.txt"), header)?;
    Ok(())
}
