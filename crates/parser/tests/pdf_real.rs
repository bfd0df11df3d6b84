//! The PDF reader on real minutes: Aarhus Byråd, 27 August 2025, 28 pages as
//! published by FirstAgenda (Type0 Identity-H fonts with ToUnicode CMaps).
//! The file lives outside the repository, in `../shared/real/`.

use std::path::PathBuf;

use referat_parser::{pdf, Block, BlockDocument, BlockKind};

fn aarhus() -> BlockDocument {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/real/aarhus-byraad-2025-08-27-referat.pdf");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_heading(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Heading { .. })
}

#[test]
fn metadata_and_pages() {
    let doc = aarhus();
    assert_eq!(doc.pages, Some(28));
    assert_eq!(
        doc.producer.as_deref(),
        Some("FirstAgenda A/S using ABCpdf")
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn no_replacement_characters_and_danish_letters_present() {
    let doc = aarhus();
    let all: String = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!all.contains('\u{FFFD}'));
    assert!(!all.contains("Unimplemented"));
    assert!(!all
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t'));
    for letter in ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'] {
        assert!(all.contains(letter), "no {letter}");
    }
    assert!(all.contains("Byrådssalen"));
    assert!(all.contains("Østjysk Marin Naturnationalpark"));
}

#[test]
fn first_page_title_and_meeting_facts() {
    let doc = aarhus();
    let first: Vec<&Block> = doc.content().filter(|b| b.page == Some(1)).collect();
    let title = first.first().expect("page 1 has blocks");
    assert!(is_heading(title), "{title:?}");
    assert_eq!(title.text, "REFERAT Aarhus Byråd d. 27-08-2025");
    let rows: Vec<&Vec<String>> = first
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows,
        [
            &vec![
                "Mødedato".to_string(),
                "Onsdag d. 27. august 2025 kl. 16:00".to_string()
            ],
            &vec!["Mødested".to_string(), "Byrådssalen".to_string()],
        ]
    );
}

#[test]
fn table_of_contents_has_one_block_per_entry() {
    let doc = aarhus();
    let toc: Vec<&Block> = doc.content().filter(|b| b.page == Some(2)).collect();
    assert_eq!(
        toc.first().map(|b| b.text.as_str()),
        Some("Indholdsfortegnelse")
    );
    let entries: Vec<&str> = toc.iter().skip(1).map(|b| b.text.as_str()).collect();
    assert_eq!(entries.len(), 21, "{entries:#?}");
    assert!(entries[0].starts_with("Godkendelse af dagsorden...."));
    assert!(entries[0].ends_with(" 3"));
    assert!(entries[20].starts_with("Lukket: Køb af landbrugsejendom"));
    assert!(entries[20].ends_with(" 28"));
    // Every entry ends with its page number, and the numbers never decrease.
    let pages: Vec<u32> = entries
        .iter()
        .map(|e| {
            e.rsplit(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("page number")
        })
        .collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "{pages:?}");
    assert!(toc.iter().skip(1).all(|b| !is_heading(b)));
}

#[test]
fn items_are_headings_in_order_with_case_numbers_and_decisions() {
    let doc = aarhus();
    let blocks: Vec<&Block> = doc.content().collect();
    let mut numbers = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(rest) = b.text.strip_prefix("Punkt ") else {
            continue;
        };
        let Some((n, title)) = rest.split_once(": ") else {
            continue;
        };
        assert!(is_heading(b), "{b:?}");
        assert!(!title.is_empty());
        numbers.push(n.parse::<u32>().expect("item number"));
        // The case number and the decisions follow as blocks of their own.
        let case = blocks
            .get(i + 1)
            .map(|b| b.text.as_str())
            .unwrap_or_default();
        assert!(
            case.starts_with("EMN-") && case.len() == "EMN-2025-003383".len(),
            "after {:?} comes {case:?}",
            b.text
        );
        // A closed item ("Lukket: …") prints its decision without the label.
        let decision = blocks.get(i + 2).expect("a block after the case number");
        if !title.starts_with("Lukket:") {
            assert_eq!(decision.text, "Beslutninger", "after {:?}", b.text);
            assert!(is_heading(decision));
        }
    }
    assert_eq!(numbers, (1..=21).collect::<Vec<_>>());
    // An item title that wraps over two lines is one heading.
    assert!(blocks.iter().any(|b| b.text
        == "Punkt 2: Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø"));
    let first_decision = blocks
        .iter()
        .position(|b| b.text == "Beslutninger")
        .and_then(|i| blocks.get(i + 1))
        .expect("text after the first Beslutninger");
    assert_eq!(first_decision.text, "Godkendt.");
}

#[test]
fn paragraphs_are_reflowed_and_hyphens_kept() {
    let doc = aarhus();
    let text = doc.content_text();
    // Lines of one paragraph are joined into one block.
    assert!(text.contains(
        "Den nuværende placering er truet af den kommende byudvikling på Aarhus Ø, og trods tidligere politiske løfter er en permanent løsning stadig ikke fundet."
    ));
    // "p-" at a line end followed by "huse" is the compound "p-huse".
    assert!(text.contains("ca. dobbelt så mange p-pladser i p-huse, som der er fjernet"));
    assert!(text.contains("Aarhus' bedste pølsevogn"));
}

#[test]
fn nothing_is_flagged_as_furniture() {
    // The file has no running header or footer; lines that recur at page
    // edges on a few pages ("Udvalg: Aarhus Byråd") are content.
    let doc = aarhus();
    let furniture: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect();
    assert!(furniture.is_empty(), "{furniture:?}");
}
