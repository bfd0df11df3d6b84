//! The HTML reader on real minutes as Aarhus Kommune published them.

use std::path::PathBuf;

use referat_parser::{html, BlockDocument, BlockKind};

fn real(name: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = dir
        .ancestors()
        .map(|d| d.join("shared/real").join(name))
        .find(|p| p.exists())?;
    std::fs::read(path).ok()
}

fn aarhus() -> BlockDocument {
    let bytes = real("aarhus-teknisk-udvalg-2025-10-01-referat.html")
        .expect("the real Aarhus page under ../shared/real");
    html::read(&bytes).expect("the page reads")
}

#[test]
fn dump_when_asked() {
    if std::env::var_os("REFERAT_DUMP").is_none() {
        return;
    }
    for b in aarhus().blocks {
        println!(
            "{}{:?} {}",
            if b.furniture { "F " } else { "  " },
            b.kind,
            b.text.chars().take(120).collect::<String>()
        );
    }
}

#[test]
fn meeting_fields_are_content_rows() {
    let doc = aarhus();
    let rows: Vec<&Vec<String>> = doc
        .content()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells),
            _ => None,
        })
        .collect();
    let field = |label: &str| {
        rows.iter()
            .find(|c| c.first().is_some_and(|l| l.trim_end_matches(':') == label))
            .and_then(|c| c.get(1).cloned())
    };
    assert_eq!(field("Udvalg").as_deref(), Some("Teknisk Udvalg"));
    assert_eq!(
        field("Mødedato").as_deref(),
        Some("onsdag den 1. oktober 2025 kl. 15.45")
    );
    assert_eq!(field("Mødested").as_deref(), Some("Udvalgsværelse 398"));
}

#[test]
fn numbered_items_with_titles_and_decisions_in_order() {
    let doc = aarhus();
    let items: Vec<(u32, String)> = doc
        .content()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .filter_map(|b| {
            let (n, title) = b.text.split_once(". ")?;
            Some((n.parse().ok()?, title.to_string()))
        })
        .collect();
    let numbers: Vec<u32> = items.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6], "{items:?}");
    assert_eq!(items[0].1, "Referat fra sidste udvalgsmøde");
    assert_eq!(items[1].1, "Udviklingsplan Aarhus Ø - endelig vedtagelse");
    assert_eq!(items[4].1, "Eventuelt");

    // Each item has a "Beslutninger" heading followed by its decision text.
    let blocks: Vec<_> = doc.content().collect();
    let mut decisions = 0;
    for (i, b) in blocks.iter().enumerate() {
        if b.text == "Beslutninger" {
            decisions += 1;
            let next = blocks
                .get(i + 1)
                .map(|b| b.text.as_str())
                .unwrap_or_default();
            assert!(!next.is_empty() && !matches!(blocks[i + 1].kind, BlockKind::Heading { .. }));
        }
    }
    assert_eq!(decisions, 6);
    let text = doc.content_text();
    let first = text.find("Ingen bemærkninger.").expect("item 1 decision");
    let second = text
        .find("Et flertal i udvalget kunne tiltræde")
        .expect("item 2 decision");
    let fifth = text
        .find("forsøget med sommergade")
        .expect("item 5 decision");
    assert!(first < second && second < fifth);
}

#[test]
fn site_chrome_is_furniture() {
    let doc = aarhus();
    let furniture: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect();
    // The back link, item menus and the dialogs are chrome.
    for chrome in [
        "Tilbage til forsiden",
        "Hent som PDF",
        "Kopier link",
        "Tip en ven",
    ] {
        assert!(furniture.contains(&chrome), "{chrome} in {furniture:?}");
        assert!(
            !doc.content().any(|b| b.text == chrome),
            "{chrome} in content"
        );
    }
    assert_eq!(
        doc.meta_title.as_deref(),
        Some("Teknisk Udvalg - Udvalgsværelse 398")
    );
    // Case numbers stay in the content.
    assert!(doc.content().any(|b| b.text == "EMN-2025-009242"));
}
