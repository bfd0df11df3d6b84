//! The documents a web page links to: `<a href="…bilag-3.pdf">`. A meeting
//! page on a municipality's site links its attachments this way, so the
//! links are evidence (for the grouping into meetings) of which files
//! belong to the meeting. Only links to document files (PDF, DOCX, .doc)
//! are kept, as written; nothing is fetched.

use std::sync::OnceLock;

use regex::bytes::Regex;

/// Most links kept per page (a page listing a whole archive is no meeting
/// page's attachment list).
pub const MAX_LINKS: usize = 1_000;

/// File extensions of linked documents.
const DOCUMENT_EXTENSIONS: [&str; 3] = ["pdf", "docx", "doc"];

fn href() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
            .unwrap_or_else(|_| unreachable!("the pattern is a constant"))
    })
}

/// The hrefs of `<a>` elements in an HTML page's bytes whose path ends in
/// a document extension, in page order, each once (at most
/// [`MAX_LINKS`]). Bytes that are not UTF-8 are replaced, which leaves
/// ASCII and percent-encoded file names intact.
pub fn document_links(bytes: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in href().captures_iter(bytes) {
        let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) else {
            continue;
        };
        let link = String::from_utf8_lossy(m.as_bytes()).trim().to_string();
        if !is_document(&link) || out.contains(&link) {
            continue;
        }
        out.push(link);
        if out.len() >= MAX_LINKS {
            break;
        }
    }
    out
}

/// Whether the link's path (without query or fragment) ends in a document
/// extension.
fn is_document(link: &str) -> bool {
    let path = link.split(['?', '#']).next().unwrap_or_default();
    let Some((_, ext)) = path.rsplit_once('.') else {
        return false;
    };
    DOCUMENT_EXTENSIONS
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// The file name a link points to: its last path segment,
/// percent-decoded, lower case (how it compares with an ingested path's
/// file name).
pub fn file_name(link: &str) -> String {
    let path = link.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    percent_decode(last).to_lowercase()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                let v = hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0);
                out.push(u8::try_from(v).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_document_links_only_once() {
        let page = br#"<p><a class="x" href="/bilag/Bilag%201%20-%20Budget.pdf">Bilag 1</a>
            <A HREF='notat.DOCX?v=2'>notat</A> <a href=gammel.doc>gammel</a>
            <a href="/bilag/Bilag%201%20-%20Budget.pdf">igen</a>
            <a href="https://example.dk/side.html">side</a> <a name="x">anker</a>"#;
        let links = document_links(page);
        assert_eq!(
            links,
            vec![
                "/bilag/Bilag%201%20-%20Budget.pdf",
                "notat.DOCX?v=2",
                "gammel.doc"
            ]
        );
        assert_eq!(file_name(&links[0]), "bilag 1 - budget.pdf");
        assert_eq!(file_name(&links[1]), "notat.docx");
        assert_eq!(file_name("a/%zz.pdf"), "%zz.pdf");
        assert!(document_links(b"<a href=").is_empty());
    }
}
