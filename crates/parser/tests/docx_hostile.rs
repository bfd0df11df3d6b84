//! The DOCX reader on hostile and broken input: clear errors, no panics, no
//! unbounded memory.

use std::io::{Cursor, Write};

use referat_parser::{docx, ReadError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true)
}

/// A package whose `word/document.xml` inflates to `mib` MiB of zeros, built
/// by streaming zeros through the writer (the file stays a few hundred kB).
fn zip_bomb(mib: usize) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", options())
        .expect("start");
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..mib {
        zip.write_all(&chunk).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn small_package(name: &str, content: &str) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(name, options()).expect("start");
    zip.write_all(content.as_bytes()).expect("write");
    zip.finish().expect("finish").into_inner()
}

#[test]
fn zip_bomb_is_refused_not_inflated() {
    let bomb = zip_bomb(300);
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "the test file stays small: {}",
        bomb.len()
    );
    match docx::read(&bomb) {
        Err(ReadError::TooLarge { actual, limit, .. }) => {
            assert!(actual > limit);
            assert!(limit <= docx::MAX_MAIN_PART_BYTES);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn lying_declared_size_is_caught_while_inflating() {
    let mut bomb = zip_bomb(70);
    // Rewrite the uncompressed size in the local and central headers to 1 kB
    // (and clear the ZIP64 sizes if present): the reader must not trust it.
    let patch = |bytes: &mut Vec<u8>, sig: &[u8], offset: usize| {
        let mut at = 0;
        while let Some(i) = bytes[at..].windows(4).position(|w| w == sig) {
            let pos = at + i + offset;
            if pos + 4 <= bytes.len() {
                bytes[pos..pos + 4].copy_from_slice(&1024u32.to_le_bytes());
            }
            at += i + 4;
        }
    };
    patch(&mut bomb, b"PK\x03\x04", 22);
    patch(&mut bomb, b"PK\x01\x02", 24);
    let r = docx::read(&bomb);
    assert!(r.is_err());
}

#[test]
fn package_without_main_document_is_named() {
    let bytes = small_package("xl/workbook.xml", "<workbook/>");
    match docx::read(&bytes) {
        Err(ReadError::Malformed(reason)) => {
            assert_eq!(reason, "no word/document.xml: not a Word document");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn truncated_package_is_an_error() {
    let body = format!(
        "<w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>",
        "<w:p><w:r><w:t>Tekst i et afsnit der fylder noget.</w:t></w:r></w:p>".repeat(200)
    );
    let full = small_package("word/document.xml", &body);
    assert!(docx::read(&full).is_ok());
    for cut in [full.len() / 2, full.len() - 10, 30, 4] {
        let r = docx::read(&full[..cut]);
        assert!(r.is_err(), "cut at {cut}: {r:?}");
    }
}

#[test]
fn deep_xml_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let body = format!(
        "<w:document xmlns:w=\"w\"><w:body>{}{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(depth),
        "</w:sdtContent></w:sdt>".repeat(depth)
    );
    let bytes = small_package("word/document.xml", &body);
    let r = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || docx::read(&bytes).map(|_| ()).map_err(|e| e.to_string()))
        .expect("spawn")
        .join()
        .expect("no overflow");
    assert!(r.is_err_and(|e| e.contains("deeper")));
}

#[test]
fn garbage_in_the_main_part_is_malformed() {
    let bytes = small_package(
        "word/document.xml",
        "\u{0}\u{1}<<<>>>&&& not xml at all <w:p",
    );
    // Either no text or an error; never a panic.
    if let Ok(doc) = docx::read(&bytes) {
        assert!(doc.content().next().is_none());
    }
    let bytes = small_package("word/document.xml", "<a></b></c>");
    let _ = docx::read(&bytes);
}

#[test]
fn random_bytes_with_zip_magic_are_an_error() {
    let mut bytes = b"PK\x03\x04".to_vec();
    let mut seed = 0x9e37_79b9_u32;
    bytes.extend((0..5000).map(|_| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed >> 24) as u8
    }));
    assert!(docx::read(&bytes).is_err());
}

/// Found by fuzzing: docx-rs loops forever on an empty or truncated style
/// sheet (it waits for `</w:styles>` past the end of input). Such parts must
/// not reach it.
#[test]
fn empty_or_truncated_styles_and_numbering_do_not_hang() {
    let document = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Tekst</w:t></w:r></w:p></w:body></w:document>";
    for broken in [
        "",
        "<w:styles xmlns:w=\"w\"><w:style w:styleId=\"A\">",
        "<w:other/>",
    ] {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in [
            ("word/document.xml", document),
            ("word/styles.xml", broken),
            (
                "word/numbering.xml",
                broken.replace("styles", "numbering").as_str(),
            ),
        ] {
            zip.start_file(name, options()).expect("start");
            zip.write_all(content.as_bytes()).expect("write");
        }
        let bytes = zip.finish().expect("finish").into_inner();
        let doc = docx::read(&bytes).expect("the text is still read");
        assert_eq!(doc.content_text(), "Tekst\n");
        assert!(!doc.warnings.is_empty(), "{broken:?}");
    }
}
