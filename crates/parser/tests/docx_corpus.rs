//! The DOCX reader on the corpus: the content text agrees with
//! `corpus/expected/<stem>.content.txt`, placeholders are gone, header tables
//! come out as rows.

#[path = "common/corpus.rs"]
mod corpus;
use std::path::Path;

use corpus::corpus_files;
use referat_parser::{docx, BlockDocument, BlockKind};

fn read(path: &Path) -> BlockDocument {
    let bytes = std::fs::read(path).expect("corpus file");
    docx::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_stem(stem: &str) -> Option<BlockDocument> {
    corpus_files("docx")
        .into_iter()
        .find(|(p, _)| p.file_stem().and_then(|s| s.to_str()) == Some(stem))
        .map(|(p, _)| read(&p))
}

fn rows(doc: &BlockDocument) -> Vec<Vec<String>> {
    doc.content()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn dump_when_asked() {
    let Some(stem) = std::env::var_os("REFERAT_DUMP") else {
        return;
    };
    let doc = read_stem(stem.to_str().unwrap_or_default()).expect("stem");
    for b in &doc.blocks {
        let flag = if b.furniture { "F " } else { "  " };
        println!("{flag}{:?} {}", b.kind, b.text);
    }
    println!(
        "producer {:?} title {:?} warnings {:?}",
        doc.producer, doc.meta_title, doc.warnings
    );
}

#[test]
fn content_matches_expected_text() {
    corpus::assert_content_matches("docx", read);
}

#[test]
fn furniture_is_flagged_and_producer_read() {
    for (path, _) in corpus_files("docx") {
        let doc = read(&path);
        assert!(
            doc.blocks.iter().any(|b| b.furniture),
            "{}: running header/footer",
            path.display()
        );
        assert!(
            doc.producer
                .as_deref()
                .is_some_and(|p| p.starts_with("LibreOffice")),
            "{}: {:?}",
            path.display(),
            doc.producer
        );
    }
}

#[test]
fn memo_placeholders_are_dropped_and_header_table_read() {
    let Some(doc) = read_stem("notat-2021-02-26") else {
        panic!("corpus memo missing");
    };
    let text = doc.content_text();
    assert!(!text.contains("Indtast"), "{text}");
    assert!(
        doc.warnings.iter().any(|w| w.contains("Indtast sagsnr.")),
        "{:?}",
        doc.warnings
    );
    let labels: Vec<String> = rows(&doc)
        .iter()
        .filter_map(|r| r.first().cloned())
        .collect();
    for label in ["Til", "Kopi til", "Fra", "Sagsnr."] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
    let fra = rows(&doc)
        .into_iter()
        .find(|r| r.first().map(String::as_str) == Some("Fra"));
    assert_eq!(
        fra.and_then(|r| r.get(1).cloned()).as_deref(),
        Some("TinaMaria Larsen")
    );
}

#[test]
fn labelled_header_table_gives_label_value_rows() {
    let Some(doc) = read_stem("udsatteraadet-2019-04-01") else {
        panic!("corpus 2019-04-01 missing");
    };
    let rows = rows(&doc);
    let value = |label: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|l| l.trim_end_matches(':') == label))
            .and_then(|r| r.get(1).cloned())
    };
    assert_eq!(value("Forum").as_deref(), Some("Udsatterådet"));
    assert_eq!(
        value("Tid").as_deref(),
        Some("1. april 2019 kl. 16.00 – 18.00")
    );
    assert!(value("Deltagere").is_some_and(|v| v.contains("Jette Nyboe")));
    assert_eq!(value("Referent").as_deref(), Some("Carina Kofoed"));
    // Topic headings keep their heading level.
    assert!(doc.content().any(
        |b| matches!(b.kind, BlockKind::Heading { .. }) && b.text == "Fokus på socialt frikort"
    ));
}
