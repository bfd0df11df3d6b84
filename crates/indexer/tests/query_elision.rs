//! Elided compounds typed as a query: "Psykiatri- og Handicapudvalget"
//! asks for the Psykiatriudvalget and the Handicapudvalget, as the index
//! side reads the same words in minutes.

use referat_indexer::{Index, Query};
use referat_schema::{Format, Record, Source};

fn record(path: &str, text: &str) -> Record {
    let mut r = Record::empty(Source {
        path: path.into(),
        format: Format::Pdf,
        sha256: format!("{:0>64}", path.len()),
        bytes: 1,
        pages: None,
        producer: None,
        ocr: None,
        links: Vec::new(),
    });
    r.text = text.into();
    r
}

fn index() -> Index {
    let index = Index::in_memory().expect("index");
    let mut writer = index.writer(50_000_000).expect("writer");
    for (path, text) in [
        // The committee's name as minutes write it.
        (
            "elided.pdf",
            "Psykiatri- og Handicapudvalget godkendte planen.",
        ),
        // Both committees written in full.
        (
            "full.pdf",
            "Psykiatriudvalget og Handicapudvalget holdt fællesmøde.",
        ),
        // The words, but no Psykiatriudvalget: psychiatry is the topic.
        (
            "other.pdf",
            "Psykiatrien i regionen og Handicapudvalget drøftede sagen.",
        ),
    ] {
        writer.upsert(&record(path, text)).expect("upsert");
    }
    writer.commit().expect("commit");
    index
}

fn found(index: &Index, query: &str) -> Vec<String> {
    let mut paths: Vec<String> = index
        .search(&Query::text(query))
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.source_path)
        .collect();
    paths.sort();
    paths
}

#[test]
fn an_elided_query_asks_for_the_completed_compound() {
    let index = index();
    for query in [
        "Psykiatri- og Handicapudvalget",
        "psykiatri- og handicapudvalget",
        "\"Psykiatri- og Handicapudvalget\"",
    ] {
        assert_eq!(
            found(&index, query),
            ["elided.pdf", "full.pdf"],
            "query {query:?}"
        );
    }
}

#[test]
fn the_completed_compound_alone_finds_the_elided_minutes() {
    let index = index();
    assert_eq!(
        found(&index, "psykiatriudvalget"),
        ["elided.pdf", "full.pdf"]
    );
}
