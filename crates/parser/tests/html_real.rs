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
