//! The HTML reader on hostile and odd input: no panic, no stack overflow,
//! a sensible result.

use referat_parser::{html, BlockKind};

/// Run `f` on a thread with an ordinary 2 MiB stack, as a caller would.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic or overflow")
}

#[test]
fn nesting_100000_deep_reads_without_overflow() {
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>Dybt indhold</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let doc = on_small_stack(move || html::read(page.as_bytes()).map_err(|e| e.to_string()))
        .expect("reads");
    assert!(doc.content().any(|b| b.text == "Dybt indhold"));
}

#[test]
fn unclosed_nesting_100000_deep_reads_without_overflow() {
    let page = format!("<html><body>{}tekst", "<span><b>".repeat(50_000));
    let doc = on_small_stack(move || html::read(page.as_bytes()).map_err(|e| e.to_string()))
        .expect("reads");
    assert!(doc.blocks.iter().any(|b| b.text.contains("tekst")));
}

#[test]
fn windows_1252_without_declaration_is_decoded() {
    // "Mødet på rådhuset. Ærø og Åbenrå" in windows-1252, no charset anywhere.
    let mut bytes = b"<html><body><p>M".to_vec();
    bytes.extend_from_slice(b"\xf8det p\xe5 r\xe5dhuset. \xc6r\xf8 og \xc5benr\xe5. Udvalget godkendte \xf8konomien for n\xe6ste \xe5r.</p></body></html>");
    let doc = html::read(&bytes).expect("reads");
    let text = doc.content_text();
    assert!(text.contains("Mødet på rådhuset. Ærø og Åbenrå."), "{text}");
    assert!(text.contains("næste år"), "{text}");
}

#[test]
fn random_bytes_and_empty_do_not_panic() {
    let mut seed = 0x2545_f491_u32;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed >> 24) as u8
        })
        .collect();
    assert!(html::read(&bytes).is_ok());
    let empty = html::read(b"").expect("empty reads");
    assert!(empty.content().next().is_none());
    assert!(!empty.warnings.is_empty());
}

#[test]
fn ordered_lists_number_and_nest() {
    let doc = html::read(
        b"<body><ol start='3'><li>Tre<ul><li>Under</li></ul></li><li value='7'>Syv</li><li>Otte</li></ol></body>",
    )
    .expect("reads");
    let items: Vec<(u8, Option<u32>, &str)> = doc
        .content()
        .filter_map(|b| match b.kind {
            BlockKind::ListItem { depth, number } => Some((depth, number, b.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (0, Some(3), "Tre"),
            (1, None, "Under"),
            (0, Some(7), "Syv"),
            (0, Some(8), "Otte")
        ]
    );
}

#[test]
fn oversized_page_is_refused() {
    let page = vec![b'a'; (html::MAX_HTML_BYTES + 1) as usize];
    assert!(matches!(
        html::read(&page),
        Err(referat_parser::ReadError::TooLarge { .. })
    ));
}

#[test]
fn mislabelled_utf8_declaration_falls_back_to_detection() {
    // Declared UTF-8, served as windows-1252 (a common CMS misconfiguration).
    let mut bytes = b"<html><head><meta charset='utf-8'></head><body><p>".to_vec();
    bytes.extend_from_slice(b"K\xf8benhavns Kommune: m\xf8det om \xe6ldreomr\xe5det blev afholdt p\xe5 r\xe5dhuset.</p></body></html>");
    let doc = html::read(&bytes).expect("reads");
    assert!(
        doc.content_text()
            .contains("Københavns Kommune: mødet om ældreområdet"),
        "{}",
        doc.content_text()
    );
}
