//! Hostile and broken input (issue 8): every fixture in
//! `tests/fixtures/hostile/` (made by `tests/fixtures/make_hostile.py`) gives
//! its documented outcome — a clear error that names the file and the reason,
//! or a best-effort record — and never a panic or a hang. Each parse runs in
//! its own thread with the default 2 MiB stack and must return within
//! [`TIMEOUT`].

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use referat_parser::{Limits, ParseError, Record};
use referat_schema::Format;

/// Far above any honest parse of these small files; a parse that takes
/// longer is taken to hang.
const TIMEOUT: Duration = Duration::from_secs(20);

fn hostile() -> PathBuf {
    referat_suite::root().join("tests/fixtures/hostile")
}

/// Parse a file in a fresh thread (default stack), failing the test on a
/// panic or when it does not return within [`TIMEOUT`].
fn parse_guarded(path: &Path) -> Result<Record, ParseError> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    let handle = std::thread::Builder::new()
        .name(format!("parse {}", path.display()))
        .spawn(move || {
            let _ = tx.send(referat_parser::parse_file(&owned));
        })
        .expect("spawn a parser thread");
    match rx.recv_timeout(TIMEOUT) {
        Ok(result) => {
            let _ = handle.join();
            result
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!(
                "{}: parse did not return within {TIMEOUT:?}",
                path.display()
            )
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{}: the parser panicked", path.display())
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    hostile().join(name)
}

/// The fixture must fail with an error whose message names the file and
/// contains every one of `reason` (case-insensitive).
fn expect_error(name: &str, reason: &[&str]) -> ParseError {
    let path = fixture(name);
    let err = match parse_guarded(&path) {
        Ok(r) => panic!("{name}: expected an error, got a record of {:?}", r.text),
        Err(e) => e,
    };
    let message = err.to_string();
    assert!(
        message.contains(name),
        "{name}: error does not name the file: {message}"
    );
    for word in reason {
        assert!(
            message.to_lowercase().contains(&word.to_lowercase()),
            "{name}: error does not say {word:?}: {message}"
        );
    }
    err
}

/// The fixture must give a record.
fn expect_record(name: &str) -> Record {
    parse_guarded(&fixture(name)).unwrap_or_else(|e| panic!("{name}: expected a record: {e}"))
}

/// A corpus file's record, for comparing a disguised or damaged copy with
/// the original.
fn corpus_record(rel: &str) -> Record {
    parse_guarded(&referat_suite::corpus().join(rel)).expect("corpus files parse")
}

/// The corpus files the fixtures were made from (see make_hostile.py).
const SOURCE_PDF: &str = "aalborg/notat-2021-02-26.pdf";
const SOURCE_DOCX: &str = "aalborg/notat-2021-02-26.docx";
const SOURCE_HTML: &str = "aalborg/notat-2021-02-26.html";

/// Every fixture has a test below; a new file in the folder needs one.
const FIXTURES: &[&str] = &[
    "absurd-character-count.doc",
    "absurd-image.pdf",
    "absurd-length.pdf",
    "absurd-stream-size.doc",
    "absurd-xref-widths.pdf",
    "broken-xref.pdf",
    "cyclic-fat.doc",
    "cyclic-page-tree.pdf",
    "deep-nesting.docx",
    "docx-named.doc",
    "docx-named.pdf",
    "empty.docx",
    "empty.html",
    "empty.pdf",
    "encrypted-empty-password-rc4.pdf",
    "encrypted-empty-password.pdf",
    "encrypted-password.pdf",
    "encrypted.doc",
    "error-page.pdf",
    "html-page.docx",
    "legacy-doc.docx",
    "no-document-xml.docx",
    "page-tree-bomb.pdf",
    "pdf-named.html",
    "random-bytes.docx",
    "random-bytes.pdf",
    "recursive-xobject.pdf",
    "truncated.doc",
    "truncated.docx",
    "truncated.pdf",
    "windows-1252.html",
    "word-97.docx",
    "zip-bomb-lying.docx",
    "zip-bomb.docx",
];

#[test]
fn every_fixture_has_a_documented_outcome() {
    let mut found: Vec<String> = std::fs::read_dir(hostile())
        .expect("tests/fixtures/hostile exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, FIXTURES, "fixtures on disk vs. fixtures with a test");
}

// ---- Truncated downloads -------------------------------------------------

#[test]
fn truncated_pdf_is_a_clear_error() {
    // lopdf cannot rebuild a file whose second half (objects, xref, trailer)
    // is missing.
    let err = expect_error("truncated.pdf", &["PDF could not be read"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

#[test]
fn truncated_docx_is_a_clear_error() {
    let err = expect_error("truncated.docx", &["DOCX could not be read", "zip"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

// ---- Encryption -----------------------------------------------------------

#[test]
fn pdf_with_a_user_password_is_refused_as_encrypted() {
    let err = expect_error("encrypted-password.pdf", &["encrypted", "password"]);
    assert!(matches!(err, ParseError::Encrypted { .. }), "{err:?}");
}

#[test]
fn pdf_with_an_empty_user_password_is_read_like_the_original() {
    let original = corpus_record(SOURCE_PDF);
    assert!(!original.text.is_empty());
    for name in [
        "encrypted-empty-password.pdf",
        "encrypted-empty-password-rc4.pdf",
    ] {
        let record = expect_record(name);
        assert_eq!(record.text, original.text, "{name}: text after decryption");
        assert_eq!(record.items.len(), original.items.len(), "{name}");
    }
}

// ---- Damaged PDF structure ----------------------------------------------

#[test]
fn pdf_with_a_broken_xref_table_is_recovered_by_scanning() {
    let original = corpus_record(SOURCE_PDF);
    let record = expect_record("broken-xref.pdf");
    assert_eq!(record.text, original.text);
    assert_eq!(record.date, original.date);
}

#[test]
fn cyclic_page_tree_ends_and_keeps_the_page() {
    let record = expect_record("cyclic-page-tree.pdf");
    assert!(
        record.text.contains("Referat af cyklisk sidetrae"),
        "the one real page's text: {:?}",
        record.text
    );
}

#[test]
fn page_tree_bomb_does_not_multiply_pages() {
    // Nine levels of ten references to one page node declare 10^9 pages.
    let record = expect_record("page-tree-bomb.pdf");
    let pages = record.source.pages.expect("a page count");
    assert!(pages <= 10, "one page object, {pages} pages read");
    assert!(
        record.text.contains("Side"),
        "its text kept: {:?}",
        record.text
    );
}

#[test]
fn recursive_form_xobjects_are_cut_off() {
    let record = expect_record("recursive-xobject.pdf");
    for text in ["Dagsorden for rekursivt moede", "Form et", "Form to"] {
        assert!(record.text.contains(text), "{text:?} in {:?}", record.text);
    }
}

#[test]
fn absurd_stream_length_is_ignored() {
    let record = expect_record("absurd-length.pdf");
    assert!(
        record.text.contains("Laengde paa ti milliarder"),
        "{:?}",
        record.text
    );
}

#[test]
fn absurd_image_dimensions_and_page_count_are_ignored() {
    let record = expect_record("absurd-image.pdf");
    assert!(
        record.text.contains("Et meget stort billede"),
        "{:?}",
        record.text
    );
    assert!(record.source.pages.is_some_and(|p| p <= 1));
}

#[test]
fn absurd_xref_stream_widths_are_a_clear_error() {
    let err = expect_error("absurd-xref-widths.pdf", &["PDF could not be read"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

#[test]
fn deeply_nested_pdf_objects_do_not_overflow_the_stack() {
    // 100,000 nested arrays and dictionaries in the catalog, made here
    // rather than committed (200 KB of brackets).
    let dir = tempdir();
    let path = dir.join("deep-arrays.pdf");
    let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Deep ".to_vec();
    pdf.extend(std::iter::repeat_n(b'[', 100_000));
    pdf.extend(std::iter::repeat_n(b"<< /A ".as_slice(), 10_000).flatten());
    pdf.extend_from_slice(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    std::fs::write(&path, pdf).unwrap();
    // Either outcome is fine; the guard fails the test on a crash or hang.
    if let Err(e) = parse_guarded(&path) {
        assert!(e.to_string().contains("deep-arrays.pdf"), "{e}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

// ---- DOCX packages --------------------------------------------------------

#[test]
fn docx_zip_bomb_stops_at_the_decompressed_size_limit() {
    // 300 MB of spaces, ~300 KB deflated, sizes declared honestly.
    let err = expect_error("zip-bomb.docx", &["over the limit"]);
    assert!(matches!(err, ParseError::TooLarge { .. }), "{err:?}");
}

#[test]
fn docx_zip_bomb_lying_about_its_size_stops_while_inflating() {
    // 100 MB that declares 4 KB: only inflating tells.
    let err = expect_error("zip-bomb-lying.docx", &["word/document.xml"]);
    assert!(
        matches!(
            err,
            ParseError::TooLarge { .. } | ParseError::Malformed { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn docx_without_a_main_document_is_a_clear_error() {
    let err = expect_error("no-document-xml.docx", &["word/document.xml"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

#[test]
fn docx_nested_100000_levels_is_a_clear_error() {
    let err = expect_error("deep-nesting.docx", &["deeper than"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

// ---- Legacy Word (.doc), made from tests/fixtures/doc/notat-2021-02-26.doc --

/// The .doc the damaged copies were made from.
fn source_doc() -> PathBuf {
    referat_suite::root().join("tests/fixtures/doc/notat-2021-02-26.doc")
}

#[test]
fn truncated_doc_is_a_clear_error() {
    // Cut before its directory: nothing says it is Word rather than Excel.
    let err = expect_error("truncated.doc", &["OLE2", "cut short", ".doc"]);
    assert!(matches!(err, ParseError::UnknownFormat { .. }), "{err:?}");
}

#[test]
fn doc_with_a_cyclic_fat_chain_is_a_clear_error() {
    let err = expect_error("cyclic-fat.doc", &["DOC could not be read"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

#[test]
fn doc_whose_stream_claims_4_gb_is_refused() {
    let err = expect_error("absurd-stream-size.doc", &["DOC"]);
    assert!(
        matches!(
            err,
            ParseError::Malformed { .. } | ParseError::TooLarge { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn doc_whose_fib_claims_two_billion_characters_is_refused() {
    let err = expect_error("absurd-character-count.doc", &["characters", "more than"]);
    assert!(matches!(err, ParseError::Malformed { .. }), "{err:?}");
}

#[test]
fn encrypted_doc_is_refused_as_encrypted() {
    let err = expect_error("encrypted.doc", &["DOC is encrypted", "password"]);
    assert!(matches!(err, ParseError::Encrypted { .. }), "{err:?}");
}

#[test]
fn doc_named_docx_is_read_as_doc() {
    let original = parse_guarded(&source_doc()).expect("the source .doc parses");
    let record = expect_record("word-97.docx");
    assert_eq!(record.source.format, Format::Doc);
    assert_eq!(record.text, original.text);
    assert!(record.text.contains("Aalborg"), "{}", record.text);
}

#[test]
fn docx_named_doc_is_read_as_docx() {
    let original = corpus_record(SOURCE_DOCX);
    let record = expect_record("docx-named.doc");
    assert_eq!(record.source.format, Format::Docx);
    assert_eq!(record.text, original.text);
}

// ---- Wrong names: the content decides -----------------------------------

#[test]
fn legacy_word_file_named_docx_is_named_as_such() {
    let err = expect_error("legacy-doc.docx", &["OLE2", ".doc"]);
    assert!(matches!(err, ParseError::UnknownFormat { .. }), "{err:?}");
}

#[test]
fn html_page_named_docx_is_read_as_html() {
    let original = corpus_record(SOURCE_HTML);
    let record = expect_record("html-page.docx");
    assert_eq!(record.source.format, Format::Html);
    assert_eq!(record.text, original.text);
}

#[test]
fn pdf_named_html_is_read_as_pdf() {
    let original = corpus_record(SOURCE_PDF);
    let record = expect_record("pdf-named.html");
    assert_eq!(record.source.format, Format::Pdf);
    assert_eq!(record.text, original.text);
    assert_eq!(record.date, original.date);
}

#[test]
fn docx_named_pdf_is_read_as_docx() {
    let original = corpus_record(SOURCE_DOCX);
    let record = expect_record("docx-named.pdf");
    assert_eq!(record.source.format, Format::Docx);
    assert_eq!(record.text, original.text);
}

#[test]
fn html_error_page_named_pdf_is_a_best_effort_html_record() {
    let record = expect_record("error-page.pdf");
    assert_eq!(record.source.format, Format::Html);
    assert!(record.text.contains("Not Found"), "{:?}", record.text);
    assert!(record.items.is_empty());
    assert!(record.date.is_none());
}

// ---- HTML -----------------------------------------------------------------

#[test]
fn windows_1252_html_without_a_charset_keeps_danish_letters() {
    let record = expect_record("windows-1252.html");
    assert!(!record.text.contains('\u{FFFD}'), "{:?}", record.text);
    for word in [
        "møde",
        "Udsatterådet",
        "Rådhuset",
        "økonomien",
        "Ærø",
        "Ålund",
    ] {
        assert!(record.text.contains(word), "{word:?} in {:?}", record.text);
    }
}

#[test]
fn html_nested_100000_levels_does_not_overflow() {
    // Made here: 1.1 MB of tags is too much to commit.
    let dir = tempdir();
    let path = dir.join("deep.html");
    let depth = 100_000;
    let mut html = String::from("<!DOCTYPE html><html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>Dybt indlejret referat</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("<p>Efter de indlejrede afsnit</p></body></html>");
    std::fs::write(&path, html).unwrap();
    let record = parse_guarded(&path).expect("a best-effort record");
    assert!(
        record.text.contains("Dybt indlejret referat"),
        "{:?}",
        record.text
    );
    assert!(record.text.contains("Efter de indlejrede afsnit"));
    let _ = std::fs::remove_dir_all(dir);
}

// ---- Nothing to read --------------------------------------------------------

#[test]
fn empty_files_are_named_as_empty() {
    for name in ["empty.pdf", "empty.docx", "empty.html"] {
        let err = expect_error(name, &["empty"]);
        assert!(matches!(err, ParseError::UnknownFormat { .. }), "{err:?}");
    }
}

#[test]
fn random_bytes_are_no_known_format() {
    for name in ["random-bytes.pdf", "random-bytes.docx"] {
        let err = expect_error(name, &["not a PDF, DOCX, DOC or HTML"]);
        assert!(matches!(err, ParseError::UnknownFormat { .. }), "{err:?}");
    }
}

// ---- Limits -----------------------------------------------------------------

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    // A sparse file: one byte over the default limit, no disk used.
    let dir = tempdir();
    let path = dir.join("huge.pdf");
    let file = std::fs::File::create(&path).unwrap();
    let limit = Limits::default().max_file_bytes;
    file.set_len(limit + 1).unwrap();
    let err = referat_parser::parse_file(&path).expect_err("over the limit");
    let message = err.to_string();
    assert!(
        matches!(err, ParseError::TooLarge { what: "file", .. }),
        "{err:?}"
    );
    assert!(
        message.contains("huge.pdf") && message.contains("over the limit"),
        "{message}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_lower_size_limit_applies() {
    // Every other limit at its default, whatever limits are added later.
    #[allow(clippy::needless_update)]
    let limits = Limits {
        max_file_bytes: 1_000,
        ..Default::default()
    };
    let path = referat_suite::corpus().join(SOURCE_PDF);
    let err = referat_parser::parse_file_with(&path, &limits).expect_err("over 1000 bytes");
    assert!(
        matches!(err, ParseError::TooLarge { limit: 1_000, .. }),
        "{err:?}"
    );
}

// ---- Fuzz crashers ------------------------------------------------------------

/// Inputs the fuzzers found crashing or hanging (see FUZZING.md), kept as
/// regressions: each must end in a record or an error naming the file.
#[test]
fn fuzz_crashers_stay_fixed() {
    let dir = hostile().join("fuzz");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if !path.is_file() || path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        if let Err(e) = parse_guarded(&path) {
            let name = path.file_name().unwrap().to_string_lossy();
            assert!(e.to_string().contains(name.as_ref()), "{e}");
        }
    }
}

/// A fresh directory under the system temp dir (the root package has no
/// tempfile dependency); unique per test and process.
fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "referat-hostile-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
