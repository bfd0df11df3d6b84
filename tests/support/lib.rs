//! Helpers shared by the end-to-end tests and benchmarks: where the corpus and
//! the real minutes are.
//!
//! The README is compiled here as documentation, so that its Rust example is
//! built and run by `cargo test` and cannot go stale.

#[doc = include_str!("../../README.md")]
pub mod readme {}

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus.
pub fn corpus() -> PathBuf {
    root().join("corpus")
}

/// `../shared/real`, the real published minutes read in place.
pub fn real() -> PathBuf {
    root().join("..").join("shared").join("real")
}

/// `../shared/seeds`, the seed texts.
pub fn seeds() -> PathBuf {
    root().join("..").join("shared").join("seeds")
}

pub mod fields;
/// A record's fields as (name, value) pairs, one pair per scalar field and
/// per entry of a list (each attendee, each item's number, title, status and
/// section kinds), leaving out the source, the text and the warnings: what
/// two renditions of one document must agree on. Empty fields give no pair.
pub fn record_fields(r: &referat_schema::Record) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut one = |name: &'static str, v: Option<&str>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push((name, v.to_string()));
        }
    };
    one("municipality", r.municipality.as_deref());
    one("body", r.body.as_deref());
    one("doc_type", Some(r.doc_type.as_str()));
    one("title", r.title.as_deref());
    one("date", r.date.as_deref());
    one("start_time", r.start_time.as_deref());
    one("end_time", r.end_time.as_deref());
    one("location", r.location.as_deref());
    one("case_number", r.case_number.as_deref());
    one(
        "minute_taker",
        r.minute_taker.as_ref().map(|p| p.name.as_str()),
    );
    one("author", r.author.as_ref().map(|p| p.name.as_str()));
    for (name, people) in [
        ("attendee", &r.attendees),
        ("absent", &r.absent),
        ("absent_without_notice", &r.absent_without_notice),
        ("guest", &r.guests),
    ] {
        for p in people {
            one(name, Some(&p.name));
        }
    }
    for v in &r.recipients {
        one("recipient", Some(v));
    }
    for v in &r.copy_to {
        one("copy_to", Some(v));
    }
    for item in &r.items {
        one("item", Some(&item.number.to_string()));
        one("item_title", item.title.as_deref());
        let status = item.status.map(|s| format!("{s:?}"));
        one("item_status", status.as_deref());
        one("item_case_number", item.case_number.as_deref());
        let kinds: Vec<String> = item
            .sections
            .iter()
            .map(|s| format!("{:?}", s.kind))
            .collect();
        one("item_sections", Some(&kinds.join(",")));
    }
    out
}

/// The share of `reference`'s fields (see [`record_fields`]) that `other`
/// has with the same value; 1.0 when the reference has none.
pub fn field_share(reference: &referat_schema::Record, other: &referat_schema::Record) -> f64 {
    let want = record_fields(reference);
    let mut have = record_fields(other);
    if want.is_empty() {
        return 1.0;
    }
    let mut found = 0usize;
    for pair in &want {
        if let Some(i) = have.iter().position(|p| p == pair) {
            have.swap_remove(i);
            found += 1;
        }
    }
    found as f64 / want.len() as f64
}
