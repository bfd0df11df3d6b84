//! The PDF reader on small fixtures made by
//! `cargo run -p referat-parser --example make_pdf_fixtures`: font encodings,
//! Form XObjects, furniture, tables, lists and hyphenation.

use std::path::PathBuf;

use referat_parser::{pdf, BlockDocument, BlockKind, ReadError};

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> BlockDocument {
    pdf::read(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn texts(doc: &BlockDocument) -> Vec<&str> {
    doc.content().map(|b| b.text.as_str()).collect()
}

#[test]
fn winansi_with_differences_gives_danish_letters_and_ligatures() {
    let doc = fixture("winansi-differences.pdf");
    let t = texts(&doc);
    assert_eq!(t.first(), Some(&"Udsatterådets møde"));
    assert!(matches!(
        doc.blocks[0].kind,
        BlockKind::Heading { level: 1 }
    ));
    assert!(t.contains(&"æ ø å Æ Ø Å"), "{t:?}");
    let body = doc.content_text();
    // ﬁ and ﬂ glyphs become letters; quotes and dashes are kept.
    assert!(
        body.contains("Der blev finansieret flere “skæve boliger” – nu."),
        "{body}"
    );
    // Kerning wider than a space separates words; small kerns do not.
    assert!(body.contains("Mødet blev holdt i Værket."), "{body}");
    assert!(body.contains("Lang afstand"));
    // A soft hyphen (0xAD) drawn at a line end joins the word's halves.
    assert!(
        body.contains("Der er fundet en løsning for hjemløse i byen."),
        "{body}"
    );
    // The Info producer in UTF-16BE with a byte order mark.
    assert_eq!(doc.producer.as_deref(), Some("Referatmaskine æøå"));
    assert_eq!(doc.meta_title.as_deref(), Some("Testreferat"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn type0_identity_h_is_read_through_its_tounicode_cmap() {
    let doc = fixture("type0-identity-h.pdf");
    let t = texts(&doc);
    assert_eq!(t.first(), Some(&"Første punkt"));
    assert!(
        matches!(doc.blocks[0].kind, BlockKind::Heading { .. }),
        "bold and larger"
    );
    assert!(t.contains(&"æ ø å Æ Ø Å"), "{t:?}");
    assert!(doc
        .content_text()
        .contains("Der er finansiering til flere boliger."));
    assert!(doc.content_text().contains("Mødet sluttede."));
    // One code has no Unicode mapping: dropped and counted, never U+FFFD.
    assert!(!doc.content_text().contains('\u{FFFD}'));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.starts_with("1 glyphs had no Unicode")),
        "{:?}",
        doc.warnings
    );
    // The producer in PDFDocEncoding: 0x80 is a bullet there.
    assert_eq!(doc.producer.as_deref(), Some("Fixture • PDFDoc"));
}

#[test]
fn text_inside_form_xobjects_is_read_in_place() {
    let doc = fixture("form-xobject.pdf");
    assert_eq!(
        texts(&doc),
        [
            "Før formularen",
            "Tekst i en formular",
            "æ ø å og finansiering",
            "Efter formularen"
        ]
    );
}

#[test]
fn running_header_and_page_footer_are_furniture() {
    let doc = fixture("furniture-and-layout.pdf");
    assert_eq!(doc.pages, Some(4));
    let furniture: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        furniture
            .iter()
            .filter(|t| **t == "Referat – Udsatterådet")
            .count(),
        4,
        "{furniture:?}"
    );
    for n in 1..=4 {
        assert!(
            furniture.contains(&format!("Side {n} af 4").as_str()),
            "{furniture:?}"
        );
    }
    assert_eq!(furniture.len(), 8);
    let content = doc.content_text();
    assert!(!content.contains("Side 1 af 4") && !content.contains("Referat –"));
    // Furniture blocks keep their pages.
    assert!(doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .all(|b| b.page.is_some()));
}

#[test]
fn labelled_table_rows_with_wrapped_cells() {
    let doc = fixture("furniture-and-layout.pdf");
    let rows: Vec<&Vec<String>> = doc
        .content()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows,
        [
            &vec!["Forum:".to_string(), "Udsatterådet".to_string()],
            &vec![
                "Deltagere:".to_string(),
                "Jette Nyboe, Lisbeth Andersen, Jannie Hansen, Berit Berrig og Rene Meyrowitsch"
                    .to_string()
            ],
            &vec!["Afbud:".to_string(), "Søren Mogensen".to_string()],
        ]
    );
    let row = doc
        .content()
        .find(|b| b.text.starts_with("Deltagere:"))
        .expect("row");
    assert_eq!(row.text, "Deltagere:\tJette Nyboe, Lisbeth Andersen, Jannie Hansen, Berit Berrig og Rene Meyrowitsch");
}

#[test]
fn hyphenation_is_undone_and_real_hyphens_kept() {
    let doc = fixture("furniture-and-layout.pdf");
    let para = doc
        .content()
        .find(|b| b.text.starts_with("Nina Gustavussen"))
        .expect("the paragraph");
    assert_eq!(
        para.text,
        "Nina Gustavussen er trådt ud af rådet og dermed er næstformandsposten vakant. \
         Rådet drøftede sagen med Sundheds- og Socialudvalget og med forvaltningen, der vil \
         søge EU-midler til et nyt projekt for borgere, som er bosat i kommunen."
    );
    assert_eq!(para.kind, BlockKind::Paragraph);
}

#[test]
fn numbered_headings_bullets_and_page_breaks() {
    let doc = fixture("furniture-and-layout.pdf");
    let headings: Vec<&str> = doc
        .content()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(headings, ["1. Valg af næstformand", "2. Eventuelt"]);
    let items: Vec<&str> = doc
        .content()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::ListItem {
                    number: None,
                    depth: 0
                }
            )
        })
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "holde et borgermøde i foråret,",
            "skrive til Sundheds- og Ældreudvalget om økonomi og lokaler."
        ]
    );
    // A paragraph cut by a page break is one block again.
    assert!(texts(&doc).contains(
        &"Det sidste afsnit på denne side fortsætter på den næste side, hvor det slutter med en helt almindelig sætning om mødets forløb."
    ));
}

#[test]
fn encrypted_with_empty_user_password_opens() {
    let plain = fixture("furniture-and-layout.pdf");
    let decrypted = fixture("encrypted-empty-password.pdf");
    assert_eq!(decrypted.content_text(), plain.content_text());
}

#[test]
fn encrypted_with_a_real_password_is_refused() {
    let result = pdf::read(&fixture_bytes("encrypted-password.pdf"));
    assert!(matches!(result, Err(ReadError::Encrypted)), "{result:?}");
}

#[test]
fn two_columns_are_read_left_then_right() {
    let doc = fixture("two-columns.pdf");
    assert_eq!(
        texts(&doc),
        [
            "Nyt fra rådet i to spalter",
            "Venstre spalte begynder her med en almindelig tekst, som fortsætter ned gennem spalten og slutter først, når spalten er helt fyldt op med ord.",
            "Andet afsnit i venstre spalte står under det første afsnit.",
            "Højre spalte læses efter den venstre, selv om dens linjer står i næsten samme højde som den venstre spaltes linjer, blot lidt forskudt nedad.",
        ]
    );
}

#[test]
fn text_upright_on_a_rotated_page_is_read_horizontally() {
    let doc = fixture("rotated-page.pdf");
    assert_eq!(
        doc.content_text(),
        "Vandret tekst på en roteret side Anden linje læses efter den første.\n"
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn table_of_contents_entries_are_one_block_each() {
    let doc = fixture("table-of-contents.pdf");
    let t = texts(&doc);
    assert_eq!(t.len(), 6, "{t:#?}");
    assert_eq!(t[0], "Indholdsfortegnelse");
    assert!(t[1].starts_with("Godkendelse af dagsorden ....") && t[1].ends_with(" 3"));
    // The wrapped title is one entry.
    assert!(t[3].starts_with(
        "Forslag om et nyt værested for hjemløse borgere i bymidten, med tilhørende budget ...."
    ));
    assert!(t[3].ends_with(" 6"));
    assert!(t[4].starts_with("Eventuelt ....") && t[4].ends_with(" 9"));
    assert_eq!(t[5], "Referatet følger her.");
    assert!(doc
        .content()
        .skip(1)
        .all(|b| b.kind == BlockKind::Paragraph));
}
