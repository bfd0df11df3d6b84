//! The HTML reader on the corpus: the content text agrees with
//! `corpus/expected/<stem>.content.txt`, and site chrome ends up as
//! furniture, recognised by structure.

#[path = "common/corpus.rs"]
mod corpus;
use std::path::Path;

use corpus::corpus_files;
use referat_parser::{html, BlockDocument, BlockKind};

fn read(path: &Path) -> BlockDocument {
    let bytes = std::fs::read(path).expect("corpus file");
    html::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_stem(stem: &str) -> BlockDocument {
    let (path, _) = corpus_files("html")
        .into_iter()
        .find(|(p, _)| p.file_stem().and_then(|s| s.to_str()) == Some(stem))
        .unwrap_or_else(|| panic!("corpus {stem}.html missing"));
    read(&path)
}

fn furniture_text(doc: &BlockDocument) -> String {
    doc.blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn dump_when_asked() {
    let Some(stem) = std::env::var_os("REFERAT_DUMP") else {
        return;
    };
    let doc = read_stem(stem.to_str().unwrap_or_default());
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
    corpus::assert_content_matches("html", read);
}

/// The municipal web pages: skip link, breadcrumb and footer (contact,
/// address, CVR number, opening hours) are furniture, and none of it leaks
/// into the content. The words are this test's data about these two pages;
/// the reader finds chrome by structure.
#[test]
fn web_page_chrome_is_furniture() {
    let pages = [
        (
            "udsatteraadet-2024-05-27",
            [
                "Skip til hoved indholdet",
                "CVR-nummer: 29189420",
                "Åbningstider",
                "Hjem",
            ],
        ),
        (
            "udsatteraadet-2023-11-21",
            [
                "Skip til hoved indholdet",
                "CVR: 62761113",
                "Åbningstid",
                "Hjem",
            ],
        ),
    ];
    for (stem, chrome) in pages {
        let doc = read_stem(stem);
        for text in chrome {
            assert!(
                doc.blocks.iter().any(|b| b.furniture && b.text == text),
                "{stem}: {text:?} not furniture:\n{}",
                furniture_text(&doc)
            );
            assert!(
                !doc.content()
                    .any(|b| b.text == text || b.text.contains("CVR")),
                "{stem}: {text:?} in content"
            );
        }
        // Chrome before the content comes first, the footer last.
        let first_content = doc.blocks.iter().position(|b| !b.furniture).unwrap_or(0);
        assert!(first_content > 0, "{stem}: page starts with chrome");
        assert!(doc.blocks[..first_content].iter().all(|b| b.furniture));
        assert!(
            doc.blocks.last().is_some_and(|b| b.furniture),
            "{stem}: footer last"
        );
        assert!(doc.meta_title.is_some());
    }
}

#[test]
fn definition_list_gives_rows_and_lists_keep_items() {
    let doc = read_stem("udsatteraadet-2023-11-21");
    let rows: Vec<&Vec<String>> = doc
        .content()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells),
            _ => None,
        })
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.first().is_some_and(|l| l.starts_with("Mødested"))
                && r.get(1).is_some_and(|v| v.contains("Kagsåhuse"))),
        "{rows:?}"
    );
    assert!(doc
        .content()
        .any(|b| matches!(b.kind, BlockKind::ListItem { .. })));
}

#[test]
fn office_export_has_generator_and_no_placeholders_in_content() {
    let doc = read_stem("notat-2021-02-26");
    assert!(
        doc.producer
            .as_deref()
            .is_some_and(|p| p.starts_with("LibreOffice")),
        "{:?}",
        doc.producer
    );
    let content = doc.content_text();
    assert!(!content.contains("Indtast"), "{content}");
    assert!(
        doc.warnings.iter().any(|w| w.contains("Indtast sagsnr.")),
        "{:?}",
        doc.warnings
    );
}
