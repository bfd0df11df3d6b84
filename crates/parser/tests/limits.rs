//! Each field of `Limits` ends in its documented outcome on real files:
//! an error naming the file, or a best-effort read with a warning.

#[path = "common/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::time::Duration;

use corpus::corpus_dir;
use referat_parser::{Limits, ParseError};

fn corpus(name: &str) -> (PathBuf, Vec<u8>) {
    let path = corpus_dir().join(name);
    let bytes = std::fs::read(&path).expect("corpus file");
    (path, bytes)
}

const PDF: &str = "albertslund/udsatteraadet-2021-10-14.pdf";
const DOCX: &str = "albertslund/udsatteraadet-2021-10-14.docx";
const HTML: &str = "albertslund/udsatteraadet-2021-10-14.html";

#[test]
fn an_exhausted_time_budget_names_the_file_in_every_format() {
    let limits = Limits {
        time_budget: Some(Duration::ZERO),
        ..Limits::default()
    };
    for name in [PDF, DOCX, HTML] {
        let (path, bytes) = corpus(name);
        let err = referat_parser::parse_bytes_with(&path, &bytes, &limits)
            .expect_err("no time at all cannot parse");
        assert!(matches!(err, ParseError::TimedOut { .. }), "{name}: {err}");
        let message = err.to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains("time budget"), "{message}");
    }
}

#[test]
fn the_default_budget_and_no_budget_parse_the_same_record() {
    let (path, bytes) = corpus(PDF);
    let default = referat_parser::parse_bytes(&path, &bytes).expect("parses");
    let unlimited = Limits {
        time_budget: None,
        ..Limits::default()
    };
    let free = referat_parser::parse_bytes_with(&path, &bytes, &unlimited).expect("parses");
    assert_eq!(default.text, free.text);
    assert_eq!(default.items.len(), free.items.len());
}

#[test]
fn the_page_limit_keeps_the_first_pages_with_a_warning() {
    let (path, bytes) = corpus(PDF);
    let (_, all) = referat_parser::read_blocks(&path, &bytes).expect("reads");
    let pages = all.pages.expect("page count");
    assert!(pages > 2, "the test needs a PDF of more than two pages");
    let limits = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let (_, first) = referat_parser::read_blocks_with(&path, &bytes, &limits).expect("reads");
    assert!(first.blocks.iter().all(|b| b.page.unwrap_or(1) <= 2));
    assert!(first.blocks.len() < all.blocks.len());
    assert!(
        first
            .warnings
            .iter()
            .any(|w| w.contains(&format!("first 2 of {pages} pages"))),
        "{:?}",
        first.warnings
    );
}

#[test]
fn the_depth_limit_refuses_deep_docx_and_flattens_deep_html() {
    let limits = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let (path, bytes) = corpus(DOCX);
    let err = referat_parser::parse_bytes_with(&path, &bytes, &limits).expect_err("too deep");
    assert!(err.to_string().contains("depth limit"), "{err}");
    assert!(err.to_string().contains(DOCX), "{err}");

    // The corpus pages nest only a few counted levels (html, body, table).
    let limits = Limits {
        max_depth: 1,
        ..Limits::default()
    };
    let (path, bytes) = corpus(HTML);
    let (_, doc) = referat_parser::read_blocks_with(&path, &bytes, &limits).expect("reads");
    assert!(
        doc.warnings.iter().any(|w| w.contains("depth limit")),
        "{:?}",
        doc.warnings
    );
    assert!(doc.blocks.iter().any(|b| !b.text.is_empty()), "text kept");
}

#[test]
fn the_decompressed_size_limit_refuses_a_docx_that_inflates_past_it() {
    let (path, bytes) = corpus(DOCX);
    let limits = Limits {
        max_decompressed_bytes: 10_000,
        ..Limits::default()
    };
    let err = referat_parser::parse_bytes_with(&path, &bytes, &limits).expect_err("too big");
    assert!(
        matches!(err, ParseError::TooLarge { limit: 10_000, .. }),
        "{err}"
    );
}

#[test]
fn the_file_size_limit_is_checked_before_reading() {
    let path = corpus_dir().join(PDF);
    let limits = Limits {
        max_file_bytes: 1_000,
        ..Limits::default()
    };
    let err = referat_parser::parse_file_with(&path, &limits).expect_err("too big");
    assert!(
        matches!(err, ParseError::TooLarge { what: "file", .. }),
        "{err}"
    );
}
