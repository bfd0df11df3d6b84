//! Where an index's bytes go: per field, the bytes of its term dictionary,
//! postings, positions, fast columns and field norms, summed over the
//! segments, largest first; then the document store. For deciding which
//! fields are worth their cost on disk (and, roughly, at indexing time).
//!
//! `cargo run --release -p referat-indexer --example space_usage -- INDEX_DIR`

use std::collections::BTreeMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: space_usage INDEX_DIR")?;
    // tantivy's own open, not referat's: any index, of any referat version.
    let index = tantivy::Index::open_in_dir(&dir)?;
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    // field name -> [terms, postings, positions, fast, norms]
    let mut fields: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    let mut store = 0u64;
    for segment in usage.segments() {
        let parts = [
            segment.termdict(),
            segment.postings(),
            segment.positions(),
            segment.fast_fields(),
            segment.fieldnorms(),
        ];
        for (i, part) in parts.iter().enumerate() {
            for usage in part.fields() {
                let entry = fields.entry(usage.field_name().to_string()).or_default();
                entry[i] += usage.total().get_bytes();
            }
        }
        store += segment.store().total().get_bytes();
    }
    let mut rows: Vec<(String, [u64; 5])> = fields.into_iter().collect();
    rows.sort_by_key(|(_, b)| std::cmp::Reverse(b.iter().sum::<u64>()));
    let mb = |b: u64| b as f64 / 1e6;
    println!("| field | terms MB | postings MB | positions MB | fast MB | norms MB | total MB |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut total = 0;
    for (name, b) in &rows {
        let sum: u64 = b.iter().sum();
        total += sum;
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            mb(b[0]),
            mb(b[1]),
            mb(b[2]),
            mb(b[3]),
            mb(b[4]),
            mb(sum)
        );
    }
    println!("| document store | | | | | | {:.1} |", mb(store));
    println!("| all | | | | | | {:.1} |", mb(total + store));
    Ok(())
}
