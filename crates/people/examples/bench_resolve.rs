//! Times resolution on made-up records (no files needed):
//! `cargo run --release -p referat-people --example bench_resolve -- 20000`.
//! Each record is one meeting of one of 98 municipalities' councils with 12
//! attendees drawn from that council's 40 members (some misspelt) and a few
//! first names in the text.

use std::time::Instant;

use referat_people::{Aliases, Resolver};
use referat_schema::{Format, Person, PersonSummary, Record, Source};

const FIRST: &[&str] = &[
    "Mette", "Søren", "Lise", "Anne", "Jens", "Peter", "Hanne", "Lars", "Karin", "René", "Nina",
    "Helge", "Tilde", "Bo", "Jette", "Allan",
];
const LAST: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Gustavsen",
    "Meyrowitsch",
    "Olsen",
    "Mogensen",
    "Karsten",
];

/// A small deterministic generator, so runs compare.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Lcg(7);
    let records: Vec<Record> = (0..n)
        .map(|i| {
            let m = i % 98;
            let mut r = Record::empty(Source {
                path: format!("{i}.pdf"),
                format: Format::Pdf,
                sha256: format!("{i:064x}"),
                bytes: 1,
                pages: None,
                producer: None,
                ocr: None,
                links: Vec::new(),
            });
            r.municipality = Some(format!("Kommune {m}"));
            r.body = Some(format!("Råd {}", i % 3));
            r.date = Some(format!(
                "{}-{:02}-{:02}",
                2015 + i % 10,
                1 + i % 12,
                1 + i % 28
            ));
            for _ in 0..12 {
                let member = (m * 7 + rng.next(40)) % (FIRST.len() * LAST.len());
                let mut name = format!(
                    "{} {}",
                    FIRST[member % FIRST.len()],
                    LAST[member / FIRST.len() % LAST.len()]
                );
                if rng.next(50) == 0 {
                    name.push('s'); // a slip
                }
                r.attendees.push(Person::named(name.clone()));
                r.persons.push(PersonSummary {
                    name,
                    mentions: 1,
                    roles: vec!["deltager".into()],
                    variants: Vec::new(),
                });
            }
            for _ in 0..3 {
                r.persons.push(PersonSummary {
                    name: FIRST[rng.next(FIRST.len())].to_string(),
                    mentions: 2,
                    roles: Vec::new(),
                    variants: Vec::new(),
                });
            }
            r
        })
        .collect();
    let start = Instant::now();
    let mut resolver = Resolver::new(Aliases::none());
    for r in &records {
        resolver.add(r);
    }
    let read = start.elapsed();
    let resolution = resolver.finish();
    let took = start.elapsed();
    println!(
        "{n} records → {} persons in {:.2} s ({:.2} s reading, {:.2} s merging; {:.0} records/s)",
        resolution.persons.len(),
        took.as_secs_f64(),
        read.as_secs_f64(),
        (took - read).as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
}
