//! The PDF reader on broken and hostile input: it returns an error or
//! blocks, never panics, and never loops without end.

use std::path::PathBuf;

use referat_parser::{pdf, ReadError};

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A PDF file from object bodies (object 1 is the catalog), with a correct
/// cross-reference table.
fn raw_pdf(objects: &[&[u8]]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

/// A one-page PDF: object 4 is the font F1, object 5 the page content, any
/// further objects follow from 6.
fn page_pdf(font: &[u8], content: &[u8], extra: &[&[u8]], xobjects: &str) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> /XObject << {xobjects} >> >> >>"
    );
    let content = stream("", content);
    let mut objects: Vec<&[u8]> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page.as_bytes(),
        font,
        &content,
    ];
    objects.extend_from_slice(extra);
    raw_pdf(&objects)
}

#[test]
fn not_a_pdf_is_malformed_with_a_reason() {
    for bytes in [
        &b""[..],
        b"%PDF-1.7\n",
        b"%PDF-1.4\ngarbage garbage\n%%EOF",
        &[0xFF; 300],
    ] {
        match pdf::read(bytes) {
            Err(ReadError::Malformed(reason)) => assert!(!reason.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_minimal_hand_written_pdf_reads() {
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    let bytes = page_pdf(
        font,
        b"BT /F1 12 Tf 72 700 Td (K\xf8benhavn og \xc6r\xf8) Tj ET",
        &[],
        "",
    );
    let doc = pdf::read(&bytes).expect("reads");
    assert_eq!(doc.content_text(), "København og Ærø\n");
}

#[test]
fn truncated_and_corrupted_files_do_not_panic() {
    for name in [
        "winansi-differences.pdf",
        "type0-identity-h.pdf",
        "form-xobject.pdf",
        "furniture-and-layout.pdf",
    ] {
        let bytes = fixture_bytes(name);
        for cut in (0..bytes.len()).step_by(97) {
            let _ = pdf::read(&bytes[..cut]);
        }
        // Deterministic pseudo-random byte flips.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..150 {
            let mut copy = bytes.clone();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let i = (state % copy.len() as u64) as usize;
                copy[i] = (state >> 32) as u8;
            }
            let _ = pdf::read(&copy);
        }
    }
}

#[test]
fn hostile_fonts_are_survived() {
    // Widths from a negative first char, differences at absurd codes, a W
    // array with a range over all codes, a CMap with an all-codes range.
    let simple = b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar -5 /Widths [1 2 3 1e30 -7] /Encoding << /Differences [-3 /a 999999 /b /c 65 /uniZZZZ /u110000 /.notdef] >> >>";
    let doc = pdf::read(&page_pdf(
        simple,
        b"BT /F1 12 Tf 72 700 Td (ABC) Tj ET",
        &[],
        "",
    ))
    .expect("reads");
    assert!(!doc.content_text().contains('\u{FFFD}'));

    let cmap = stream(
        "",
        b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange 2 beginbfrange <00000000> <FFFFFFFF> <0041> <0000> <FFFF> [<0042> <00> <D800>] endbfrange 1 beginbfchar <0001> <D800DC00> endbfchar",
    );
    let type0 = b"<< /Type /Font /Subtype /Type0 /BaseFont /Y /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /W [0 4294967295 1000 5 [1 2 3] 7] /DW -3 >>] >>";
    let doc = pdf::read(&page_pdf(
        type0,
        b"BT /F1 12 Tf 72 700 Td <000100020003FFFF> Tj ET",
        &[&cmap],
        "",
    ))
    .expect("reads");
    assert!(!doc.content_text().contains('\u{FFFD}'));
}

#[test]
fn hostile_content_streams_are_survived() {
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let mut deep_q = b"q ".repeat(100_000);
    deep_q.extend_from_slice(b"BT /F1 12 Tf 72 700 Td (dyb) Tj ET");
    let cases: Vec<Vec<u8>> = vec![
        b"BT /F1 1e30 Tf 1e30 0 0 1e30 0 0 Tm (abc) Tj ET".to_vec(),
        b"BT /F1 12 Tf 0 0 0 0 0 0 Tm (nul) Tj 0 Tz (nul) Tj -12 Tf (neg) Tj ET".to_vec(),
        b"BT /F1 12 Tf 1 0 0 1 nan inf Tm (x) Tj /Nope 12 Tf (y) Tj ET".to_vec(),
        b"BT ) ( [ ] Tj TJ ' \" Td TD Tm T* ET ET ET Q Q Q cm".to_vec(),
        b"BT /F1 12 Tf 72 700 Td [(a) (b) 1e38 (c) -1e38 (d)] TJ ET BI /W 1 /H 1 ID x EI".to_vec(),
        deep_q,
    ];
    for content in cases {
        let _ = pdf::read(&page_pdf(font, &content, &[], ""));
    }
}

#[test]
fn form_xobject_cycles_and_deep_nesting_end() {
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    // Object 6 draws itself and object 7; object 7 draws object 6.
    let a = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 4 0 R >> /XObject << /A 6 0 R /B 7 0 R >> >>",
        b"BT /F1 12 Tf 0 0 Td (igen) Tj ET /A Do /B Do",
    );
    let b = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 0 -14] /Resources << /Font << /F1 4 0 R >> /XObject << /A 6 0 R >> >>",
        b"/A Do",
    );
    let doc = pdf::read(&page_pdf(font, b"/A Do", &[&a, &b], "/A 6 0 R")).expect("reads");
    let words = doc.content_text().split_whitespace().count();
    assert!(words > 0 && words < 1000, "{words} words");
}
