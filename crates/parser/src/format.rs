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
    if find(head, b"%PDF-").is_some() {
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

fn looks_like_html(bytes: &[u8]) -> bool {
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
    fn zip_is_docx_candidate() {
        assert_eq!(detect_format(b"PK\x03\x04rest").unwrap(), Format::Docx);
    }
}
