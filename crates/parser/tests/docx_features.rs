//! The DOCX reader on small packages built here: styles, lists, tables,
//! content controls, fields, text boxes, headers and footers.

use std::io::{Cursor, Write};

use referat_parser::{docx, BlockDocument, BlockKind};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A DOCX package with these parts (name, XML).
fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(*name, options).expect("start");
        zip.write_all(xml.as_bytes()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="x" xmlns:v="y"><w:body>{body}</w:body></w:document>"#
    )
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn styled(style: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn listed(num: u32, level: u8, text: &str) -> String {
    format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn cell(text: &str) -> String {
    format!("<w:tc>{}</w:tc>", p(text))
}

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punktoverskrift"/><w:basedOn w:val="Overskrift2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="Overskrift 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Etiket"><w:name w:val="Label"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Kraftig"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Nummereret"><w:name w:val="Nummereret punkt"/><w:basedOn w:val="Overskrift2"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#;

fn read(body: &str, extra: &[(&str, String)]) -> BlockDocument {
    let mut parts = vec![
        ("word/document.xml", document(body)),
        ("word/styles.xml", STYLES.to_string()),
        ("word/numbering.xml", NUMBERING.to_string()),
    ];
    parts.extend(extra.iter().cloned());
    docx::read(&package(&parts)).expect("reads")
}

/// Each block's kind and text.
fn kinds(doc: &BlockDocument) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.clone(), b.text.as_str()))
        .collect()
}

#[test]
fn headings_by_style_name_outline_and_inheritance() {
    let doc = read(
        &[
            styled("Overskrift1", "Dagsorden"),
            styled("Punkt", "Godkendelse af referat"),
            "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Tredje</w:t></w:r></w:p>"
                .to_string(),
            styled("Heading4", "Uden stil"),
            p("Brødtekst"),
        ]
        .concat(),
        &[],
    );
    assert_eq!(
        kinds(&doc),
        vec![
            (BlockKind::Heading { level: 1 }, "Dagsorden"),
            (BlockKind::Heading { level: 2 }, "Godkendelse af referat"),
            (BlockKind::Heading { level: 3 }, "Tredje"),
            (BlockKind::Heading { level: 4 }, "Uden stil"),
            (BlockKind::Paragraph, "Brødtekst"),
        ]
    );
}

#[test]
fn list_numbers_come_from_the_counters() {
    let doc = read(
        &[
            listed(1, 0, "Første"),
            listed(1, 1, "Underpunkt"),
            listed(1, 0, "Andet"),
            listed(2, 0, "Punkttegn"),
            listed(1, 0, "Tredje"),
            listed(3, 0, "Fem"),
        ]
        .concat(),
        &[],
    );
    let items: Vec<(u8, Option<u32>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::ListItem { depth, number } => Some((depth, number, b.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (0, Some(1), "Første"),
            (1, None, "Underpunkt"),
            (0, Some(2), "Andet"),
            (0, None, "Punkttegn"),
            (0, Some(3), "Tredje"),
            (0, Some(5), "Fem"),
        ]
    );
}

#[test]
fn placeholders_fields_bookmarks_and_hidden_text_are_dropped() {
    let body = [
        // A content control still showing its prompt.
        "<w:p><w:r><w:t xml:space=\"preserve\">Sagsnr.: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Klik her for at angive tekst.</w:t></w:r></w:sdtContent></w:sdt></w:p>".to_string(),
        // A filled content control keeps its text.
        "<w:sdt><w:sdtPr><w:alias w:val=\"Dato\"/></w:sdtPr><w:sdtContent>".to_string() + &p("1. april 2019") + "</w:sdtContent></w:sdt>",
        // A field: instruction dropped, result kept; a bookmark around it.
        "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:r><w:t xml:space=\"preserve\">Side </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:bookmarkEnd w:id=\"0\"/></w:p>".into(),
        "<w:p><w:fldSimple w:instr=\" DATE \\@ &quot;d. MMMM yyyy&quot; \"><w:r><w:t>2. maj 2024</w:t></w:r></w:fldSimple></w:p>".into(),
        // Hidden and deleted text.
        "<w:p><w:r><w:t xml:space=\"preserve\">Synlig </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult</w:t></w:r><w:del><w:r><w:delText>slettet</w:delText></w:r></w:del></w:p>".into(),
        // A prompt paragraph.
        p("Klik eller tryk her for at skrive tekst."),
    ]
    .concat();
    let doc = read(&body, &[]);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Sagsnr.:",
            "1. april 2019",
            "Side 3",
            "2. maj 2024",
            "Synlig"
        ]
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("Klik her for at angive tekst.")),
        "{:?}",
        doc.warnings
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("Klik eller tryk her")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn tables_rows_prompts_frames_and_nesting() {
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let header = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row(&["Til", "FSU", "Center for Sociale Indsatser"]),
        row(&["Sagsnr.", "Indtast sagsnr.", "Init.: TML"]),
        row(&["Kopi til", "Indtast Kopi til", ""]),
    );
    // A one-cell frame around a heading and a nested table.
    let nested = format!("<w:tbl>{}</w:tbl>", row(&["Forum:", "Udsatterådet"]));
    let frame = format!(
        "<w:tbl><w:tr><w:tc>{}{}{}</w:tc></w:tr></w:tbl>",
        styled("Overskrift1", "Referat"),
        nested,
        p("Efter tabellen")
    );
    // A cell with two paragraphs keeps them on separate lines.
    let names = format!(
        "<w:tbl><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>",
        cell("Deltagere:"),
        p("Jette Nyboe"),
        p("Allan Høyer")
    );
    let doc = read(&[header, frame, names].concat(), &[]);
    let blocks: Vec<(BlockKind, String)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind.clone(), b.text.clone()))
        .collect();
    let row_of = |cells: &[&str]| {
        let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        (
            BlockKind::TableRow {
                cells: cells.clone(),
            },
            cells.join("\t"),
        )
    };
    assert_eq!(
        blocks,
        vec![
            row_of(&["Til", "FSU", "Center for Sociale Indsatser"]),
            row_of(&["Sagsnr.", "", "Init.: TML"]),
            row_of(&["Kopi til", "", ""]),
            (BlockKind::Heading { level: 1 }, "Referat".into()),
            row_of(&["Forum:", "Udsatterådet"]),
            (BlockKind::Paragraph, "Efter tabellen".into()),
            row_of(&["Deltagere:", "Jette Nyboe\nAllan Høyer"]),
        ]
    );
    assert_eq!(
        doc.warnings
            .iter()
            .filter(|w| w.contains("Indtast"))
            .count(),
        2
    );
}

#[test]
fn text_boxes_hyperlinks_tabs_and_breaks() {
    let textbox = format!(
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Ankertekst</w:t></w:r></w:p>",
        p("I tekstboksen"),
        p("I tekstboksen")
    );
    let link = "<w:p><w:r><w:t xml:space=\"preserve\">Se </w:t></w:r><w:hyperlink r:id=\"rId5\" xmlns:r=\"r\"><w:r><w:t>bilaget</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>";
    let tabs = "<w:p><w:r><w:t>Tid:</w:t><w:tab/><w:t>kl. 16.00</w:t><w:br/><w:t>Sted:</w:t><w:tab/><w:t>Rådhuset</w:t></w:r></w:p>";
    let doc = read(&[textbox.as_str(), link, tabs].concat(), &[]);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "I tekstboksen",
            "Ankertekst",
            "Se bilaget.",
            "Tid: kl. 16.00",
            "Sted: Rådhuset"
        ]
    );
}

#[test]
fn headers_footers_footnotes_and_properties() {
    let header = format!(r#"<w:hdr xmlns:w="{W}">{}</w:hdr>"#, p("Referat"));
    let header2 = format!(r#"<w:hdr xmlns:w="{W}">{}</w:hdr>"#, p("Referat"));
    let footer = format!(r#"<w:ftr xmlns:w="{W}">{}</w:ftr>"#, p("Side 1 af 2"));
    let footnotes = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1">{}</w:footnote><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        p("____"),
        p("Jf. forretningsordenen § 3.")
    );
    let app = "<Properties><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>".to_string();
    let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Referat Udsatterådet</dc:title></cp:coreProperties>"#.to_string();
    let doc = read(
        &p("Brødtekst"),
        &[
            ("word/header1.xml", header),
            ("word/header2.xml", header2),
            ("word/footer1.xml", footer),
            ("word/footnotes.xml", footnotes),
            ("docProps/app.xml", app),
            ("docProps/core.xml", core),
        ],
    );
    let blocks: Vec<(bool, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.furniture, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        vec![
            (true, "Referat"),
            (false, "Brødtekst"),
            (false, "Jf. forretningsordenen § 3."),
            (true, "Side 1 af 2"),
        ]
    );
    assert_eq!(
        doc.producer.as_deref(),
        Some("Microsoft Office Word 16.0000")
    );
    assert_eq!(doc.meta_title.as_deref(), Some("Referat Udsatterådet"));
}

#[test]
fn broken_styles_cost_only_heading_levels() {
    // docx-rs indexes a w:name's first attribute unchecked: no attribute panics.
    let bad_styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="X"><w:name/></w:style></w:styles>"#;
    let parts = [
        (
            "word/document.xml",
            document(&(styled("Heading1", "Titel") + &p("Tekst"))),
        ),
        ("word/styles.xml", bad_styles.to_string()),
    ];
    let doc = docx::read(&package(&parts)).expect("reads despite the style sheet");
    assert_eq!(doc.blocks.len(), 2);
    assert!(
        doc.warnings.iter().any(|w| w.contains("docx-rs panicked")),
        "{:?}",
        doc.warnings
    );
    // The style id alone still says heading.
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading { level: 1 });
}

#[test]
fn numbered_heading_styles_keep_their_number() {
    let doc = read(
        &[
            styled("Nummereret", "Godkendelse af dagsorden"),
            p("Godkendt."),
            styled("Nummereret", "Eventuelt"),
        ]
        .concat(),
        &[],
    );
    let headings: Vec<(&BlockKind, &str)> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| (&b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        headings,
        vec![
            (
                &BlockKind::Heading { level: 2 },
                "1. Godkendelse af dagsorden"
            ),
            (&BlockKind::Heading { level: 2 }, "2. Eventuelt"),
        ]
    );
}

fn bold_run(text: &str) -> String {
    format!("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// Whole-bold paragraphs over body text are headings below the styled ones,
/// whether the bold is set on the runs, by a character style or by the
/// paragraph style; a bold word in a sentence, a bold sentence and runs
/// set bold "off" are not.
#[test]
fn whole_bold_paragraphs_over_text_are_headings() {
    let body =
        "Udvalget drøftede sagen og besluttede at sende den videre til byrådet med en anbefaling.";
    let doc = read(
        &[
            styled("Overskrift1", "Referat"),
            format!("<w:p>{}{}</w:p>", bold_run("Valg af "), bold_run("næstformand")),
            styled("Etiket", "Indstilling:"),
            p(body),
            "<w:p><w:r><w:rPr><w:rStyle w:val=\"Kraftig\"/></w:rPr><w:t>Eventuelt</w:t></w:r></w:p>".to_string(),
            format!("<w:p>{}{}</w:p>", run("Mødet er "), bold_run("aflyst")),
            format!("<w:p>{}</w:p>", bold_run("Rådet godkendte budgettet.")),
            "<w:p><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>Ikke fed</w:t></w:r></w:p>".to_string(),
            p(body),
            p(body),
        ]
        .concat(),
        &[],
    );
    assert_eq!(
        kinds(&doc),
        vec![
            (BlockKind::Heading { level: 1 }, "Referat"),
            (BlockKind::Heading { level: 2 }, "Valg af næstformand"),
            (BlockKind::Heading { level: 2 }, "Indstilling:"),
            (BlockKind::Paragraph, body),
            (BlockKind::Heading { level: 2 }, "Eventuelt"),
            (BlockKind::Paragraph, "Mødet er aflyst"),
            (BlockKind::Paragraph, "Rådet godkendte budgettet."),
            (BlockKind::Paragraph, "Ikke fed"),
            (BlockKind::Paragraph, body),
            (BlockKind::Paragraph, body),
        ]
    );
}
