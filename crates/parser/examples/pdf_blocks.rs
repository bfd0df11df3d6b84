//! Print the blocks the PDF reader finds, one a line with its kind and page:
//! `cargo run -p referat-parser --example pdf_blocks -- FILE.pdf`.
use referat_parser::BlockKind;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match referat_parser::pdf::read(&bytes) {
            Ok(doc) => {
                for b in &doc.blocks {
                    let kind = match &b.kind {
                        BlockKind::Heading { level } => format!("H{level}"),
                        BlockKind::Paragraph => "P".into(),
                        BlockKind::ListItem { depth, number } => format!(
                            "L{depth}{}",
                            number.map(|n| format!("#{n}")).unwrap_or_default()
                        ),
                        BlockKind::TableRow { cells } => format!("T{}", cells.len()),
                    };
                    let f = if b.furniture { " [furniture]" } else { "" };
                    println!(
                        "p{} {kind}{f}: {}",
                        b.page.unwrap_or(0),
                        b.text.replace('\t', " | ")
                    );
                }
                eprintln!(
                    "{path}: {} pages, producer {:?}, title {:?}, warnings {:?}",
                    doc.pages.unwrap_or(0),
                    doc.producer,
                    doc.meta_title,
                    doc.warnings
                );
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
