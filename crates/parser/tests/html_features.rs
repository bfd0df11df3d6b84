//! The HTML reader on small pages written here: block kinds, chrome by
//! structure, main-content detection without landmarks, text details.

use referat_parser::{html, Block, BlockDocument, BlockKind};

fn read(page: &str) -> BlockDocument {
    html::read(page.as_bytes()).expect("reads")
}

fn content(doc: &BlockDocument) -> Vec<&str> {
    doc.content().map(|b| b.text.as_str()).collect()
}

fn furniture(doc: &BlockDocument) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect()
}

/// A paragraph of running text long enough to dominate a page.
fn prose(topic: &str) -> String {
    format!(
        "<p>Udvalget drøftede {topic} grundigt og besluttede at sende sagen videre til \
         behandling i byrådet med en anbefaling om at følge forvaltningens indstilling, \
         idet der dog blev taget forbehold for den endelige økonomi i sagen.</p>"
    )
}

#[test]
fn block_kinds() {
    let doc = read(
        "<html><head><title>Referat &ndash; Udvalget</title>\
         <meta name='generator' content='Sitecore 9'></head><body><main>\
         <h1>Referat</h1><h3>Punkt 1</h3>\
         <p>Tekst med <strong>fed</strong> og <a href='/x'>et link</a>.</p>\
         <p><strong>Beslutning:</strong></p>\
         <ul><li>Et</li><li>To<ol><li>Under</li></ol></li></ul>\
         <table><tr><th>Forum:</th><td>Udvalget</td></tr><tr><td>Tid:</td><td>kl. 16.00</td></tr></table>\
         <dl><dt>Sted</dt><dd>Rådhuset</dd></dl>\
         </main></body></html>",
    );
    let kinds: Vec<(BlockKind, &str)> = doc
        .content()
        .map(|b| (b.kind.clone(), b.text.as_str()))
        .collect();
    let row = |a: &str, b: &str| BlockKind::TableRow {
        cells: vec![a.to_string(), b.to_string()],
    };
    assert_eq!(
        kinds,
        vec![
            (BlockKind::Heading { level: 1 }, "Referat"),
            (BlockKind::Heading { level: 3 }, "Punkt 1"),
            (BlockKind::Paragraph, "Tekst med fed og et link."),
            // A whole-bold paragraph over text is a heading, one level
            // below the page's deepest heading (h3).
            (BlockKind::Heading { level: 4 }, "Beslutning:"),
            (
                BlockKind::ListItem {
                    depth: 0,
                    number: None
                },
                "Et"
            ),
            (
                BlockKind::ListItem {
                    depth: 0,
                    number: None
                },
                "To"
            ),
            (
                BlockKind::ListItem {
                    depth: 1,
                    number: Some(1)
                },
                "Under"
            ),
            (row("Forum:", "Udvalget"), "Forum:\tUdvalget"),
            (row("Tid:", "kl. 16.00"), "Tid:\tkl. 16.00"),
            (row("Sted", "Rådhuset"), "Sted\tRådhuset"),
        ]
    );
    assert_eq!(doc.meta_title.as_deref(), Some("Referat – Udvalget"));
    assert_eq!(doc.producer.as_deref(), Some("Sitecore 9"));
}

#[test]
fn entities_soft_hyphens_and_line_breaks() {
    let doc = read(
        "<body><main><p>Bo&shy;lig&shy;udvalget&nbsp;m&oslash;des &#229;rligt &quot;her&quot;</p>\
         <p>Forum: Udvalget<br>Tid: 1. april 2019<br/>Sted: Rådhuset</p>\
         <pre>linje et\nlinje to</pre></main></body>",
    );
    assert_eq!(
        content(&doc),
        vec![
            "Boligudvalget mødes årligt \"her\"",
            "Forum: Udvalget",
            "Tid: 1. april 2019",
            "Sted: Rådhuset",
            "linje et",
            "linje to"
        ]
    );
}

#[test]
fn chrome_by_structure_is_furniture_in_document_order() {
    let doc = read(&format!(
        "<body>\
         <a href='#indhold' class='visually-hidden-focusable'>Gå til indhold</a>\
         <div id='CybotCookiebotDialog'><p>Vi bruger data</p><button>OK</button></div>\
         <header><a href='/'>Logo</a><p>Kommunens hjemmeside</p></header>\
         <nav aria-label='Brødkrumme'><ol><li><a href='/'>Forside</a></li><li>Side</li></ol></nav>\
         <main id='indhold'>\
           <article><header><h1>Referat</h1></header>{}\
             <div class='share-buttons'><a href='/f'>Del</a></div>\
             <p hidden>Skjult</p><p style='display: none'>Usynlig</p><p aria-hidden='true'>Ikon</p>\
             <form><label>Søg</label><input></form>\
             <script>var x = '<p>script</p>';</script><noscript>Slå JS til</noscript>\
           </article>\
         </main>\
         <aside><p>Se også</p></aside>\
         <footer><p>CVR 12345678</p></footer>\
         </body>",
        prose("budgettet")
    ));
    assert_eq!(content(&doc).len(), 2, "{:?}", content(&doc));
    assert_eq!(content(&doc)[0], "Referat");
    assert_eq!(
        furniture(&doc),
        vec![
            "Gå til indhold",
            "Vi bruger data",
            "OK",
            "Logo",
            "Kommunens hjemmeside",
            "Forside",
            "Side",
            "Del",
            "Skjult",
            "Usynlig",
            "Ikon",
            "Søg",
            "Se også",
            "CVR 12345678"
        ]
    );
    assert!(!doc
        .blocks
        .iter()
        .any(|b| b.text.contains("script") || b.text.contains("JS")));
}

#[test]
fn main_content_without_landmarks_is_found_by_text_and_links() {
    let doc = read(&format!(
        "<body>\
         <div class='top'><a href='/'>Forside</a> <a href='/politik'>Politik</a> <a href='/raad'>Råd</a></div>\
         <div class='intro'><h1>Referat fra Ældrerådet</h1><p>Mødedato: 3. marts 2022</p></div>\
         <div class='page'><div class='text'>{}{}{}</div></div>\
         <div class='bottom'><p>Rådhuspladsen 1, 1234 Byen</p><p>Telefon 11 22 33 44</p></div>\
         </body>",
        prose("budgettet"),
        prose("trafikplanen"),
        prose("skolestrukturen")
    ));
    let text = doc.content_text();
    assert!(
        text.starts_with("Referat fra Ældrerådet\nMødedato: 3. marts 2022\n"),
        "{text}"
    );
    assert!(text.contains("skolestrukturen"));
    let furniture = furniture(&doc);
    assert!(furniture.contains(&"Forside Politik Råd"), "{furniture:?}");
    assert!(furniture.contains(&"Telefon 11 22 33 44"), "{furniture:?}");
    assert!(!text.contains("Forside") && !text.contains("Telefon"));
}

#[test]
fn layout_table_numbers_item_headings() {
    // An agenda laid out as a table: number cell, content cell with a heading.
    let doc = read(
        "<body><main><table><tbody>\
         <tr><td><span>1</span></td><td><h2>Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></td><td><span>2</span></td></tr>\
         <tr><td>2</td><td><h2>Eventuelt</h2><p>Intet.</p></td><td></td></tr>\
         </tbody></table></main></body>",
    );
    let blocks: Vec<(&BlockKind, &str)> =
        doc.content().map(|b| (&b.kind, b.text.as_str())).collect();
    assert_eq!(
        blocks,
        vec![
            (
                &BlockKind::Heading { level: 2 },
                "1. Godkendelse af dagsorden"
            ),
            (&BlockKind::Heading { level: 3 }, "Beslutning"),
            (&BlockKind::Paragraph, "Godkendt."),
            (&BlockKind::Heading { level: 2 }, "2. Eventuelt"),
            (&BlockKind::Paragraph, "Intet."),
        ]
    );
    // The attachment counter in the last cell is furniture, not content.
    assert!(doc
        .blocks
        .iter()
        .any(|b: &Block| b.furniture && b.text == "2"));
}

#[test]
fn link_boundaries_separate_words() {
    let doc = read("<body><main><ul><li><span>PDF</span><a href='/b.pdf'>Bilag 1</a></li></ul><p>Se <a href='/x'>bilaget</a>.</p></main></body>");
    assert_eq!(content(&doc), vec!["PDF Bilag 1", "Se bilaget."]);
}

#[test]
fn prompt_cells_in_exported_memos_are_dropped() {
    let doc = read(
        "<body><table><tr><td>Sagsnr.</td><td>&lt;Indtast sagsnr.&gt;</td><td>Init.: TML</td></tr></table></body>",
    );
    assert_eq!(
        doc.blocks.first().map(|b| b.kind.clone()),
        Some(BlockKind::TableRow {
            cells: vec!["Sagsnr.".into(), String::new(), "Init.: TML".into()]
        })
    );
    assert!(doc.warnings.iter().any(|w| w.contains("Indtast sagsnr.")));
}

#[test]
fn an_empty_heading_is_kept_as_a_divider() {
    let page = "<html><body><main><h3>Beslutninger</h3><div>Udsat.</div><h3></h3><div>Et resumé.</div></main></body></html>";
    let doc = referat_parser::html::read(page.as_bytes()).expect("reads");
    let kinds: Vec<(String, String)> = doc
        .content()
        .map(|b| (format!("{:?}", b.kind), b.text.clone()))
        .collect();
    let empty = kinds
        .iter()
        .position(|(k, t)| k.starts_with("Heading") && t.is_empty())
        .expect("an empty heading block");
    assert_eq!(kinds[empty - 1].1, "Udsat.");
    assert_eq!(kinds[empty + 1].1, "Et resumé.");
}

/// A paragraph all in `<strong>`, `<b>` or a bold inline style, over text,
/// is a heading one level below the page's deepest heading; a paragraph
/// with one bold word, or a bold sentence, is not.
#[test]
fn whole_bold_paragraphs_over_text_are_headings() {
    let doc = read(&format!(
        "<html><body><main><h2>Referat</h2>\
         <p><b>Valg af</b> <strong>næstformand</strong></p>{}\
         <p><span style='font-weight: 700'>Eventuelt</span></p>{}\
         <p>Mødet er <strong>aflyst</strong></p>\
         <p><strong>Rådet godkendte budgettet.</strong></p>{}\
         </main></body></html>",
        prose("valget"),
        prose("eventuelt"),
        prose("budgettet")
    ));
    let kinds: Vec<(BlockKind, &str)> = doc
        .content()
        .filter(|b| b.text.len() < 60)
        .map(|b| (b.kind.clone(), b.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (BlockKind::Heading { level: 2 }, "Referat"),
            (BlockKind::Heading { level: 3 }, "Valg af næstformand"),
            (BlockKind::Heading { level: 3 }, "Eventuelt"),
            (BlockKind::Paragraph, "Mødet er aflyst"),
            (BlockKind::Paragraph, "Rådet godkendte budgettet."),
        ]
    );
}
