//! Format detection from content, never from the file name.

use referat_schema::Format;

/// Detect the format of a file from its first bytes. The error says what the
/// content looked like.
///
/// ```
/// use referat_parser::detect_format;
/// use referat_schema::Format;
/// assert_eq!(detect_format(b"%PDF-1.7\n...").unwrap(), Format::Pdf);
/// assert_eq!(detect_format(b"<!DOCTYPE html><html>").unwrap(), Format::Html);
/// assert!(detect_format(b"").is_err());
/// ```
pub fn detect_format(bytes: &[u8]) -> Result<Format, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    // PDF files may carry junk before the header; the spec allows 1024 bytes.
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() || looks_like_headerless_pdf(bytes) {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(&crate::doc::OLE_MAGIC) {
        if crate::doc::is_word_document(bytes) {
            return Ok(Format::Doc);
        }
        return Err(crate::doc::not_word_reason(bytes));
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    Err("no PDF header, ZIP signature or HTML markup found".into())
}

/// A PDF without its `%PDF-` line, which poppler and pdf.js still read: it
/// opens with an indirect object (`1 0 obj`, after comments) and ends with
/// `startxref` or `%%EOF`.
fn looks_like_headerless_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let opens_with_object = head
        .split(|&b| b == b'\n' || b == b'\r')
        .map(|line| line.trim_ascii())
        .find(|line| !line.is_empty() && !line.starts_with(b"%"))
        .is_some_and(|line| {
            let mut words = line
                .split(|b| b.is_ascii_whitespace())
                .filter(|w| !w.is_empty());
            let number = |w: Option<&[u8]>| w.is_some_and(|w| w.iter().all(u8::is_ascii_digit));
            number(words.next()) && number(words.next()) && words.next() == Some(&b"obj"[..])
        });
    opens_with_object && (find(tail, b"startxref").is_some() || find(tail, b"%%EOF").is_some())
}

/// The tags that make a browser sniff a file as HTML when they come first
/// (WHATWG MIME Sniffing, "identifying a resource with an unknown MIME
/// type"), each followed by a space or `>`.
const HTML_OPENING_TAGS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
];

fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let opening: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    if HTML_OPENING_TAGS.iter().any(|tag| {
        opening.strip_prefix(*tag).is_some_and(|rest| {
            *tag == b"<!--"
                || matches!(
                    rest.first(),
                    Some(b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'\x0C')
                )
        })
    }) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    // UTF-16 pages are rare for minutes; the markers below are ASCII.
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<table",
    ]
    .iter()
    .any(|m| find(&lower, m).is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ole2_is_named() {
        let doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(detect_format(&doc).unwrap_err().contains("OLE2"));
    }

    #[test]
    fn random_bytes_are_refused() {
        assert!(detect_format(&[1, 2, 3, 200, 201]).is_err());
    }

    #[test]
    fn html_by_its_first_tag_after_a_long_style_block() {
        let mut page = b"<style>\n".to_vec();
        page.extend(std::iter::repeat_n(b'x', 60_000));
        page.extend_from_slice(b"</style>\n<!DOCTYPE html><html><body><p>Tekst</p></body></html>");
        assert_eq!(detect_format(&page).unwrap(), Format::Html);
        assert!(detect_format(b"<bogus> text").is_err());
    }

    #[test]
    fn pdf_without_header_by_objects_and_trailer() {
        let pdf =
            b"%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstartxref\n9\n%%EOF\n";
        assert_eq!(detect_format(pdf).unwrap(), Format::Pdf);
        assert!(detect_format(b"1 0 obj but no trailer").is_err());
    }

    #[test]
    fn zip_is_docx_candidate() {
        assert_eq!(detect_format(b"PK\x03\x04rest").unwrap(), Format::Docx);
    }
}
