//! Text a reader must not lose (issue 18), one test per class: simple fonts
//! without ToUnicode, Type 3 fonts, ToUnicode CMap variants, format sniffing,
//! an empty password without `/ID`, HTML pages whose article looks like
//! chrome, and which warning an empty PDF gets; fonts whose text only their
//! embedded program gives (TrueType `cmap`/`post`, CFF encoding/charset).
//!
//! The PDFs are made by `cargo run -p referat-parser --example
//! make_pdf_fixtures`; the expected texts are the ones the generator draws.
//! The last tests read public files of pdf.js, pypdf and trafilatura from a
//! fetched copy (`REFERAT_EXT`, default `/work/ext`) and skip with a message
//! when it is absent.

use std::path::{Path, PathBuf};

use referat_parser::{detect_format, html, pdf, read_blocks, BlockDocument, BlockKind};
use referat_schema::Format;

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> BlockDocument {
    pdf::read(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn no_unmapped_glyphs(doc: &BlockDocument) {
    assert!(
        !doc.warnings
            .iter()
            .any(|w| w.contains("no Unicode mapping")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn times_roman_with_differences_and_no_tounicode() {
    let doc = fixture("times-differences.pdf");
    let text = doc.content_text();
    assert!(text.contains("Referat af mødet i Udsatterådet"), "{text}");
    // AE, uni00E6 (æ) and u00D8 (Ø).
    assert!(
        text.contains("Æbler og pærer blev spist, men Ø var lukket."),
        "{text}"
    );
    // An afii name (Cyrillic) and digits by name.
    assert!(
        text.contains("Gæsten fra Дания talte i 12 minutter."),
        "{text}"
    );
    no_unmapped_glyphs(&doc);
}

#[test]
fn type3_font_is_read_by_glyph_names() {
    let doc = fixture("type3-glyph-names.pdf");
    let text = doc.content_text();
    // Lower-case letters are named "a<code>", the rest by Adobe names.
    assert!(text.contains("Dagsorden for mødet"), "{text}");
    assert!(text.contains("Punkt 1 er godkendt."), "{text}");
    no_unmapped_glyphs(&doc);
}

#[test]
fn tounicode_cmap_variants() {
    let doc = fixture("tounicode-variants.pdf");
    let text = doc.content_text();
    // Deflated without /Filter, tokens without spaces, a bfrange array.
    assert!(text.contains("Bøger om Aftaler på æbler"), "{text}");
    // One-byte codespace: a range of capitals, a bfrange to a ligature
    // ("ff"), a bfchar to a surrogate pair.
    assert!(text.contains("KAFFE RISTERI ff 😀"), "{text}");
    no_unmapped_glyphs(&doc);
}

/// The two lines every font-program fixture draws, codes numbered from 1 in
/// order of use (so no standard encoding gives them).
const FONT_PROGRAM_TEXT: &str = "Referat af mødet i Ældrerådet Østergade blev omtalt på side 12.";

fn reads_font_program_text(name: &str) {
    let doc = fixture(name);
    let text = doc.content_text();
    assert!(text.contains(FONT_PROGRAM_TEXT), "{name}: {text}");
    no_unmapped_glyphs(&doc);
}

#[test]
fn truetype_symbolic_font_by_its_3_0_subtable_and_post_names() {
    reads_font_program_text("truetype-symbolic-30.pdf");
}

#[test]
fn truetype_symbolic_font_by_its_1_0_subtable_and_unicode_cmap() {
    reads_font_program_text("truetype-symbolic-10.pdf");
}

#[test]
fn truetype_glyph_names_outside_the_glyph_list_by_post_table() {
    reads_font_program_text("truetype-post-names.pdf");
}

#[test]
fn cff_font_by_its_builtin_encoding_and_charset() {
    reads_font_program_text("cff-builtin-encoding.pdf");
}

#[test]
fn identity_h_truetype_without_tounicode_by_its_unicode_cmap() {
    reads_font_program_text("truetype-cid-identity.pdf");
}

#[test]
fn pdf_behind_leading_bytes_or_without_header() {
    for name in ["leading-garbage.pdf", "no-header.pdf"] {
        let bytes = fixture_bytes(name);
        assert_eq!(detect_format(&bytes), Ok(Format::Pdf), "{name}");
        let (format, doc) =
            read_blocks(Path::new(name), &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(format, Format::Pdf);
        let text = doc.content_text();
        assert!(
            text.contains("Referat af mødet i Ældrerådet"),
            "{name}: {text}"
        );
        assert!(
            text.contains("Rådet godkendte dagsordenen."),
            "{name}: {text}"
        );
    }
}

#[test]
fn empty_user_password_without_id_opens() {
    let bytes = fixture_bytes("encrypted-no-id.pdf");
    // The file really is encrypted: its text is not in the bytes.
    assert!(!bytes.windows(6).any(|w| w == b"Referat"));
    let doc = pdf::read(&bytes).unwrap_or_else(|e| panic!("encrypted-no-id.pdf: {e}"));
    assert!(
        doc.content_text().contains("Referat af mødet i Ældrerådet"),
        "{}",
        doc.content_text()
    );
}

#[test]
fn an_encrypted_file_with_a_password_is_still_refused() {
    let result = pdf::read(&fixture_bytes("encrypted-password.pdf"));
    assert!(
        matches!(result, Err(referat_parser::ReadError::Encrypted)),
        "{result:?}"
    );
}

/// A page whose article sits in a wrapper named like chrome ("share",
/// "sidebar" words) inside `<main>`.
fn page_with_article_in_chrome() -> String {
    let sentence = "Byrådet drøftede i aftes forslaget om flere skæve boliger til borgere uden fast bopæl, og et flertal bakkede op om at finde grunde i tre bydele.";
    format!(
        r#"<!DOCTYPE html><html><head><title>Nyhed</title></head><body>
<nav><a href="/">Forside</a> <a href="/nyheder">Nyheder</a></nav>
<div class="social-share-wrapper"><h1>Flere skæve boliger</h1>
<p>{sentence}</p><p>{sentence} Forslaget sendes nu i høring.</p></div>
<footer>Kommunen · Rådhuset</footer></body></html>"#
    )
}

#[test]
fn html_running_text_is_never_returned_empty() {
    let doc =
        html::read(page_with_article_in_chrome().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let content: Vec<&str> = doc.content().map(|b| b.text.as_str()).collect();
    assert!(
        content
            .iter()
            .any(|t| t.starts_with("Byrådet drøftede i aftes")),
        "{content:?}"
    );
    assert!(content.contains(&"Flere skæve boliger"), "{content:?}");
    // Navigation and the footer stay furniture.
    assert!(
        !content.iter().any(|t| t.contains("Forside")),
        "{content:?}"
    );
    assert!(
        !content.iter().any(|t| t.contains("Rådhuset")),
        "{content:?}"
    );
    let heading = doc
        .content()
        .find(|b| b.text == "Flere skæve boliger")
        .map(|b| b.kind.clone());
    assert_eq!(heading, Some(BlockKind::Heading { level: 1 }));
}

#[test]
fn html_with_only_navigation_still_says_so() {
    let page =
        r#"<html><body><nav><a href="/a">Forside</a> <a href="/b">Om os</a></nav></body></html>"#;
    let doc = html::read(page.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.content().count(), 0);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("no text outside site navigation")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn html_after_a_long_style_block_is_sniffed() {
    let mut page = String::from("<style>\n");
    for i in 0..2000 {
        page.push_str(&format!(
            ".klasse-{i} {{ opacity: 1; transition: all 0.4s; }}\n"
        ));
    }
    page.push_str("</style>\n");
    page.push_str(&page_with_article_in_chrome());
    assert!(page.len() > 50_000);
    assert_eq!(detect_format(page.as_bytes()), Ok(Format::Html));
}

#[test]
fn empty_pdf_warning_tells_lost_glyphs_from_a_scan() {
    // Every glyph of this page is unmapped: a Type0 font without ToUnicode.
    let doc = fixture("unmapped-glyphs.pdf");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("no Unicode mapping") && w.contains("not a scan")),
        "{:?}",
        doc.warnings
    );
    assert!(!doc.warnings.iter().any(|w| w.contains("scanned images")));
    // A page with no text at all may be a scan.
    let doc = fixture("no-text.pdf");
    assert!(
        doc.warnings.iter().any(|w| w.contains("scanned images")),
        "{:?}",
        doc.warnings
    );
}

/// The fetched public corpora, or `None` with a message.
fn ext(relative: &str) -> Option<PathBuf> {
    let root =
        std::env::var_os("REFERAT_EXT").map_or_else(|| PathBuf::from("/work/ext"), PathBuf::from);
    let path = root.join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: {} is absent (fetch mozilla/pdf.js, py-pdf/pypdf and adbar/trafilatura into $REFERAT_EXT)",
            path.display()
        );
        None
    }
}

fn public_pdf(relative: &str) -> Option<BlockDocument> {
    let path = ext(relative)?;
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (_, doc) = read_blocks(&path, &bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(doc)
}

#[test]
fn public_files_of_each_class() {
    // pdf.js issue918.pdf: Type 3 fonts named "a97" and so on (pdftotext
    // reads "Ideology as ritual", "Václav Havel's greengrocer").
    if let Some(doc) = public_pdf("pdf.js/test/pdfs/issue918.pdf") {
        let text = doc.content_text();
        assert!(text.contains("Ideology as ritual"), "{text}");
        assert!(text.contains("greengrocer"), "{text}");
    }
    // pdf.js issue19802.pdf: its ToUnicode is deflated without /Filter;
    // pdf.js shows Icelandic and French text ("Þetta", "française" …).
    if let Some(doc) = public_pdf("pdf.js/test/pdfs/issue19802.pdf") {
        no_unmapped_glyphs(&doc);
        assert!(
            doc.content_text()
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                > 500
        );
    }
    // pdf.js bug1606566.pdf: no %PDF- header; pdftotext reads "Bug 1606566".
    if let Some(doc) = public_pdf("pdf.js/test/pdfs/bug1606566.pdf") {
        assert!(
            doc.content_text().contains("Bug 1606566"),
            "{}",
            doc.content_text()
        );
    }
    // pypdf encrypted_doc_no_id.pdf: RC4 with an empty user password, no /ID.
    if let Some(doc) = public_pdf("pypdf/resources/encrypted_doc_no_id.pdf") {
        assert!(doc.pages.is_some_and(|p| p > 0));
    }
    // trafilatura laweekly.com-Cultivation.html: <!DOCTYPE> after 51 kB of <style>.
    if let Some(path) = ext("trafilatura/tests/eval/laweekly.com-Cultivation.html") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(detect_format(&bytes), Ok(Format::Html));
    }
}
