//! Hand-built records for the indexer tests (no parser involved).
#![allow(dead_code)]

use referat_indexer::{Index, Query};
use referat_schema::{
    DocType, Format, Item, Person, PersonSummary, Record, Section, SectionKind, Source,
};

/// A record with a source path and content hash derived from `name` and `version`.
pub fn record(name: &str, version: u32, text: &str) -> Record {
    let digest = format!("{:016x}", fnv(&format!("{name}#{version}")));
    let mut r = Record::empty(Source {
        path: format!("corpus/{name}.pdf"),
        format: Format::Pdf,
        sha256: digest.repeat(4),
        bytes: text.len() as u64,
        pages: Some(1),
        producer: None,
        ocr: None,
        links: Vec::new(),
    });
    r.text = text.to_string();
    r.doc_type = DocType::Referat;
    r
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// An item with sections of the given kinds and texts.
pub fn item(number: u32, title: &str, sections: &[(SectionKind, &str)]) -> Item {
    Item {
        number,
        title: Some(title.to_string()),
        status: None,
        case_number: None,
        sections: sections
            .iter()
            .map(|(kind, text)| Section {
                kind: *kind,
                heading: None,
                text: text.to_string(),
            })
            .collect(),
        persons: Vec::new(),
        dates: Vec::new(),
    }
}

/// Adds the items and makes the record's full text their concatenation plus `extra`.
pub fn with_items(mut r: Record, items: Vec<Item>) -> Record {
    let mut text = r.text.clone();
    for it in &items {
        text.push_str("\n\n");
        text.push_str(it.title.as_deref().unwrap_or_default());
        for s in &it.sections {
            text.push('\n');
            text.push_str(&s.text);
        }
    }
    r.text = text;
    r.items = items;
    r
}

pub fn person(name: &str) -> Person {
    Person::named(name)
}

pub fn summary(name: &str, roles: &[&str], variants: &[&str]) -> PersonSummary {
    PersonSummary {
        name: name.to_string(),
        mentions: 1,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        variants: variants.iter().map(|v| v.to_string()).collect(),
    }
}

/// An in-memory index holding `records`, committed.
pub fn index_of(records: &[Record]) -> Index {
    let index = Index::in_memory().expect("in-memory index");
    {
        let mut writer = index.writer(50_000_000).expect("writer");
        for r in records {
            writer.upsert(r).expect("upsert");
        }
        writer.commit().expect("commit");
    }
    index
}

/// The ids of the hits for a query (doc id, item number).
pub fn hits(index: &Index, query: &Query) -> Vec<(String, Option<u32>)> {
    index
        .search(query)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| (h.doc_id, h.item))
        .collect()
}

/// The distinct record ids among the hits for a topic.
pub fn doc_ids(index: &Index, text: &str) -> Vec<String> {
    let mut ids: Vec<String> = hits(index, &Query::text(text))
        .into_iter()
        .map(|h| h.0)
        .collect();
    ids.dedup();
    ids
}
