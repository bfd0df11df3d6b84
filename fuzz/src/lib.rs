//! Helpers shared by the fuzz targets: wrap fuzz bytes into a valid PDF page
//! or DOCX package (so the mutator reaches our own interpreters instead of
//! stopping at lopdf's or zip's checks), and turn bytes into blocks for the
//! structure extractor.

use std::io::{Cursor, Write};
use std::sync::Once;

use referat_parser::text::normalize;
use referat_parser::{Block, BlockDocument};

/// Splits one fuzz input into parts (content stream | CMap, or document.xml |
/// styles.xml | numbering.xml).
const SEPARATOR: &[u8] = b"\xff\x00\xff";

/// Split `data` at [`SEPARATOR`] into at most `n` parts.
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(n);
    let mut rest = data;
    while out.len() + 1 < n {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                out.push(&rest[..at]);
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// libfuzzer-sys installs a panic hook that aborts, which would turn panics
/// the parser deliberately catches (docx-rs runs under `catch_unwind`) into
/// false crashes. Panics that escape the target still abort: libfuzzer-sys
/// wraps every run in `catch_unwind` and aborts when it unwinds.
pub fn allow_caught_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

/// A one-page PDF whose page content stream is `content`, with a simple
/// Type1 font /F1, a Type0 font /F2 whose ToUnicode CMap is `cmap`, and a
/// Form XObject /X1 that draws itself (recursion the interpreter must bound).
pub fn pdf_with_content(content: &[u8], cmap: &[u8]) -> Vec<u8> {
    let form = b"BT /F1 12 Tf 10 10 Td (form) Tj ET /X1 Do";
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>".to_vec(),
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>", form),
        stream(b"", content),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>".to_vec(),
        stream(b"", cmap),
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

fn stream(dict: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s = b"<< ".to_vec();
    s.extend_from_slice(dict);
    s.extend_from_slice(format!(" /Length {} >>\nstream\n", data.len()).as_bytes());
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

/// A DOCX package with the given main document, style sheet and numbering
/// parts (each omitted when `None`), stored uncompressed.
pub fn docx_with_parts(
    document: &[u8],
    styles: Option<&[u8]>,
    numbering: Option<&[u8]>,
) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let content_types: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types),
        ("word/document.xml", document),
    ];
    if let Some(s) = styles {
        parts.push(("word/styles.xml", s));
    }
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", n));
    }
    for (name, data) in parts {
        if zip.start_file(name, options).is_err() || zip.write_all(data).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Blocks from bytes: one block a line; the line's first byte picks the
/// kind, heading level or list depth, and whether it is furniture; the rest
/// is the text, normalised as a reader would.
pub fn blocks_from_bytes(data: &[u8]) -> BlockDocument {
    let mut doc = BlockDocument::default();
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let Some((&tag, rest)) = line.split_first() else {
            continue;
        };
        let text = normalize(&String::from_utf8_lossy(rest));
        let mut block = match tag % 5 {
            0 => Block::heading(1 + (tag / 5) % 4, text),
            1 => Block::paragraph(text),
            2 => Block::list_item((tag / 5) % 3, Some(u32::from(tag / 15)), text),
            3 => Block::list_item(0, None, text),
            _ => Block::table_row(text.split('\t').map(str::to_owned).collect()),
        };
        block.page = Some(1 + (i / 40) as u32);
        block.furniture = tag >= 0xF0;
        doc.blocks.push(block);
    }
    doc.pages = doc.blocks.last().and_then(|b| b.page);
    doc
}
