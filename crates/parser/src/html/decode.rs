//! Bytes to text: which character encoding an HTML page is in.
//!
//! Order, as browsers do it: a byte-order mark; then a `<meta charset>` or
//! `http-equiv="Content-Type"` declaration in the first 1024 bytes; then, if
//! the bytes are not valid UTF-8, a guess by chardetng (older Danish sites
//! serve windows-1252 or ISO-8859-1 without saying so).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How far into the file a charset declaration is looked for.
const PRESCAN_BYTES: usize = 1024;

/// The page's text and the name of the encoding it was decoded from.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return (text.into_owned(), encoding.name());
    }
    let declared = declared_encoding(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes));
    let utf8 = std::str::from_utf8(bytes).ok();
    let encoding = match (declared, utf8) {
        // A page declared UTF-8 whose bytes are not UTF-8 was mislabelled.
        (Some(e), None) if e == UTF_8 => guess(bytes),
        (Some(e), _) => e,
        (None, Some(text)) => return (text.to_owned(), UTF_8.name()),
        (None, None) => guess(bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name())
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(b"dk"), Utf8Detection::Allow)
}

/// The encoding named by a `<meta>` tag in `head`, if any. A declared UTF-16
/// means UTF-8 (the declaration itself was read as ASCII).
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = find(&lower[start..], b">").map_or(lower.len(), |i| i + start);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            if let Some(encoding) = Encoding::for_label(label) {
                return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
                    UTF_8
                } else {
                    encoding
                });
            }
        }
        from = end;
    }
    None
}

/// The value after `charset=` in a meta tag (`charset="x"` or
/// `content="text/html; charset=x"`).
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")? + b"charset".len();
    let rest = tag.get(at..)?;
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'"' | b'\''))
        .and_then(|i| rest.get(i..))?;
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    rest.get(..len).filter(|l| !l.is_empty())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>\xe6\xf8\xe5</body>";
        let (text, name) = decode(page);
        assert_eq!(name, "windows-1252");
        assert!(text.contains("æøå"));
    }

    #[test]
    fn http_equiv_content_type() {
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>\xc6";
        assert!(decode(page).0.ends_with('Æ'));
    }

    #[test]
    fn undeclared_latin1_is_detected() {
        let page =
            "<p>Mødet blev holdt på rådhuset. Udvalget godkendte økonomien for næste år.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let (text, name) = decode(&bytes);
        assert_eq!(name, "windows-1252");
        assert_eq!(text, page);
    }

    #[test]
    fn bom_and_plain_utf8() {
        assert_eq!(decode("\u{feff}æ".as_bytes()).0, "æ");
        assert_eq!(decode("æ".as_bytes()), ("æ".to_string(), "UTF-8"));
    }
}
