//! The share of right fields in a parsed record, as issue 14 measures it:
//! ten fields a researcher relies on, each right or wrong, compared with
//! expectations written by reading the document.
//!
//! Used by `tests/remade_seeds.rs` (the seeds re-made by other producers,
//! scored against `corpus/expected/*.json`) and meant for any other set of
//! hand-written expectations in the same JSON shape (for example over
//! `../shared/real/`).
//!
//! # The expectation JSON
//!
//! The keys read are those of `corpus/expected/*.json`: `municipality`,
//! `body`, `doc_type`, `date` (`YYYY-MM-DD`), `start_time` (`HH:MM`),
//! `location` (strings or null), `attendees`, `absent` (arrays of names),
//! `items` (array of objects with `number` and `title`, title null when the
//! document gives none) and `decisions` (the number of items with a
//! decision). A missing key counts as null / empty.
//!
//! # When a field is right
//!
//! - `municipality`, `body`, `location`: equal after [`normalize`] (case,
//!   runs of white space, and punctuation at either end do not count); null
//!   is right only against null.
//! - `doc_type`, `date`, `start_time`: exactly equal.
//! - `attendees`, `absent`: the F1 of the two name lists, after
//!   [`normalize`], is at least [`LIST_BAR`] (two empty lists: F1 = 1).
//! - `items`: the F1 of "number title" pairs (so a right title under the
//!   wrong number is wrong; an untitled item is "number <untitled>") is at
//!   least [`LIST_BAR`].
//! - `decisions`: the number of items with a Beslutning section equals the
//!   expected count exactly.

use referat_schema::{Person, Record, SectionKind};
use serde_json::Value;

/// The least F1 for a list field (attendees, absent, items) to count as
/// right: with nine items or fewer, one wrong entry already falls below it.
pub const LIST_BAR: f64 = 0.9;

/// The ten fields, in the order they are reported.
pub const FIELDS: [&str; 10] = [
    "municipality",
    "body",
    "doc_type",
    "date",
    "start_time",
    "location",
    "attendees",
    "absent",
    "items",
    "decisions",
];

/// One field's verdict.
#[derive(Debug, Clone)]
pub struct Field {
    /// The field's name, one of [`FIELDS`].
    pub name: &'static str,
    /// Whether it counts as right.
    pub right: bool,
    /// What the parser gave, for the report.
    pub got: String,
    /// What the expectation says, for the report.
    pub want: String,
}

/// The verdicts of all ten fields for one file.
#[derive(Debug, Clone)]
pub struct Score {
    /// One per entry of [`FIELDS`], in that order.
    pub fields: Vec<Field>,
}

impl Score {
    /// The share of right fields, 0..=1.
    pub fn share(&self) -> f64 {
        let right = self.fields.iter().filter(|f| f.right).count();
        right as f64 / self.fields.len() as f64
    }

    /// The wrong fields.
    pub fn wrong(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| !f.right)
    }

    /// One character per field ('+' right, '-' wrong), in [`FIELDS`] order.
    pub fn marks(&self) -> String {
        self.fields
            .iter()
            .map(|f| if f.right { '+' } else { '-' })
            .collect()
    }
}

/// Lower case, white space runs as one space, and no punctuation or space
/// at either end: "Mødelokale 2 i forhallen." and "mødelokale 2 i
/// forhallen" are the same place.
pub fn normalize(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Scores `record` against the expectation `want` (see the module docs).
pub fn score(record: &Record, want: &Value) -> Score {
    let mut fields = Vec::with_capacity(FIELDS.len());
    let text = |name: &'static str, got: &Option<String>| {
        let w = want[name].as_str();
        Field {
            name,
            right: got.as_deref().map(normalize) == w.map(normalize),
            got: format!("{got:?}"),
            want: format!("{w:?}"),
        }
    };
    let exact = |name: &'static str, got: Option<&str>| {
        let w = want[name].as_str();
        Field {
            name,
            right: got == w,
            got: format!("{got:?}"),
            want: format!("{w:?}"),
        }
    };
    fields.push(text("municipality", &record.municipality));
    fields.push(text("body", &record.body));
    fields.push(exact("doc_type", Some(record.doc_type.as_str())));
    fields.push(exact("date", record.date.as_deref()));
    fields.push(exact("start_time", record.start_time.as_deref()));
    fields.push(text("location", &record.location));
    fields.push(list(
        "attendees",
        names(&record.attendees),
        strings(&want["attendees"]),
    ));
    fields.push(list(
        "absent",
        names(&record.absent),
        strings(&want["absent"]),
    ));
    fields.push(list(
        "items",
        titles(record),
        expected_titles(&want["items"]),
    ));
    let decisions = decision_count(record);
    let w = want["decisions"].as_u64();
    fields.push(Field {
        name: "decisions",
        right: w == Some(decisions as u64),
        got: decisions.to_string(),
        want: w.map_or("?".into(), |w| w.to_string()),
    });
    Score { fields }
}

/// The number of items with a Beslutning (decision) section.
pub fn decision_count(record: &Record) -> usize {
    record
        .items
        .iter()
        .filter(|i| i.sections.iter().any(|s| s.kind == SectionKind::Beslutning))
        .count()
}

fn list(name: &'static str, got: Vec<String>, want: Vec<String>) -> Field {
    let f1 = referat_parser::quality::f1(&got, &want);
    let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
    let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
    Field {
        name,
        right: f1 >= LIST_BAR,
        got: format!("F1 {f1:.2}, extra {extra:?}"),
        want: format!("missing {missing:?}"),
    }
}

fn names(people: &[Person]) -> Vec<String> {
    people.iter().map(|p| normalize(&p.name)).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(normalize)).collect())
        .unwrap_or_default()
}

fn titled(number: u64, title: Option<&str>) -> String {
    format!("{number} {}", title.map_or("<untitled>".into(), normalize))
}

/// Item titles with their numbers, so that a title in the wrong place counts
/// as wrong.
fn titles(r: &Record) -> Vec<String> {
    r.items
        .iter()
        .map(|i| titled(u64::from(i.number), i.title.as_deref()))
        .collect()
}

/// The expected items; an item without a number is numbered by position, as
/// the schema numbers unnumbered items.
fn expected_titles(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(k, i)| {
                    titled(
                        i["number"].as_u64().unwrap_or(k as u64 + 1),
                        i["title"].as_str(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
