//! Rough speed check: indexes N synthetic records (sentences drawn from the
//! text files given) into a temporary directory, then times a few queries.
//!
//! `cargo run --release -p referat-indexer --example bench_index -- 10000 /work/shared/seeds/*.txt`

use std::time::Instant;

use referat_indexer::{Index, Query, SectionKind};
use referat_schema::{DocType, Format, Item, Person, Record, Section, Source};

/// A small deterministic pseudo-random generator (xorshift), to avoid a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let mut sentences = Vec::new();
    for path in args {
        let text = std::fs::read_to_string(&path)?;
        sentences.extend(
            text.split(['.', '\n'])
                .map(str::trim)
                .filter(|s| s.split_whitespace().count() >= 4)
                .map(str::to_string),
        );
    }
    if sentences.is_empty() {
        sentences.push("Udvalget drøftede skæve boliger og ensomhedspuljen".to_string());
    }
    let municipalities = [
        "Aarhus",
        "Aalborg",
        "Odense",
        "København",
        "Albertslund",
        "Egedal",
    ];
    let names = [
        "René Meyrowitsch",
        "Jette Nyboe",
        "Søren Mogensen",
        "Nina Gustavsen",
        "Helge Bo Jensen",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let paragraph = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| sentences[rng.below(sentences.len())].as_str())
            .collect::<Vec<_>>()
            .join(". ")
    };
    let mut records = Vec::with_capacity(count);
    let mut total_bytes = 0usize;
    for i in 0..count {
        let mut r = Record::empty(Source {
            path: format!("synthetic/{i}.pdf"),
            format: Format::Pdf,
            sha256: format!("{:064x}", i as u128 * 0x1234_5678_9abc_def1),
            bytes: 0,
            pages: None,
            producer: None,
            ocr: None,
            links: Vec::new(),
        });
        r.municipality = Some(municipalities[i % municipalities.len()].to_string());
        r.body = Some("Udsatterådet".into());
        r.doc_type = DocType::Referat;
        r.date = Some(format!(
            "{}-{:02}-{:02}",
            2015 + i % 10,
            1 + i % 12,
            1 + i % 28
        ));
        r.attendees = names.iter().map(|n| Person::named(*n)).collect();
        for number in 1..=(1 + rng.below(8) as u32) {
            r.items.push(Item {
                number,
                title: Some(paragraph(&mut rng, 1)),
                status: None,
                case_number: None,
                sections: vec![
                    Section {
                        kind: SectionKind::Sagsfremstilling,
                        heading: None,
                        text: paragraph(&mut rng, 8),
                    },
                    Section {
                        kind: SectionKind::Beslutning,
                        heading: None,
                        text: paragraph(&mut rng, 2),
                    },
                ],
                persons: Vec::new(),
                dates: Vec::new(),
            });
        }
        r.text = r
            .items
            .iter()
            .map(referat_indexer::document::item_text)
            .collect::<Vec<_>>()
            .join("\n\n");
        total_bytes += r.text.len();
        records.push(r);
    }
    let dir = std::env::temp_dir().join(format!("referat-bench-{}", std::process::id()));
    let index = Index::open_or_create(&dir)?;
    let start = Instant::now();
    {
        let mut writer = index.writer(200_000_000)?;
        for r in &records {
            writer.upsert(r)?;
        }
        writer.finish()?;
    }
    let took = start.elapsed();
    println!(
        "indexed {count} records ({:.1} MB of text) in {:.2?}: {:.0} records/s, {:.1} MB/s",
        total_bytes as f64 / 1e6,
        took,
        count as f64 / took.as_secs_f64(),
        total_bytes as f64 / 1e6 / took.as_secs_f64()
    );
    let start = Instant::now();
    {
        let mut writer = index.writer(100_000_000)?;
        for r in &records {
            writer.upsert(r)?;
        }
        writer.commit()?;
    }
    println!(
        "re-upsert of {count} unchanged records: {:.2?}",
        start.elapsed()
    );
    let queries = [
        Query::text("boliger"),
        Query::text("\"skæve boliger\""),
        Query::text("ensomhedspulje"),
        Query {
            text: Some("møde".into()),
            section: Some(SectionKind::Beslutning),
            ..Query::default()
        },
        Query {
            person: Some("Rene".into()),
            municipality: Some("aarhus".into()),
            ..Query::default()
        },
        Query {
            text: Some("budget OR frikort".into()),
            from: Some("2018-01-01".into()),
            ..Query::default()
        },
    ];
    for q in &queries {
        let start = Instant::now();
        let results = index.search(q)?;
        let first = start.elapsed();
        let start = Instant::now();
        let _ = index.search(q)?;
        println!(
            "{:>8} hits in {:>9.2?} (again {:>9.2?}): text={:?} person={:?} section={:?}",
            results.total,
            first,
            start.elapsed(),
            q.text,
            q.person,
            q.section.map(|s| s.as_str())
        );
    }
    let start = Instant::now();
    let stats = index.stats()?;
    println!(
        "stats: {} documents, {} items in {:.2?}",
        stats.documents,
        stats.items,
        start.elapsed()
    );
    let size: u64 = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("index size {:.1} MB", size as f64 / 1e6);
    drop(index);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
