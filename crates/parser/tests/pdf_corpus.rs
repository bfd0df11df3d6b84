//! The PDF reader on the corpus PDFs (made by LibreOffice): the content text
//! agrees with `corpus/expected/<stem>.content.txt`, line-end hyphenation is
//! undone, running headers and footers are flagged, and the labelled header
//! table reads as label / value rows.

#[path = "common/corpus.rs"]
mod corpus;
use std::collections::HashSet;
use std::path::Path;

use corpus::{corpus_dir, corpus_files};
use referat_parser::quality::{token_diff, token_similarity as token_bag_f1, tokens};
use referat_parser::{pdf, BlockDocument, BlockKind};

fn read(path: &Path) -> BlockDocument {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pdf::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn corpus_is_there() {
    assert!(
        corpus_files("pdf").len() >= 5,
        "expected the five corpus PDFs in {}",
        corpus_dir().display()
    );
}

#[test]
fn content_text_matches_expected() {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (path, expected) in corpus_files("pdf") {
        let doc = read(&path);
        let text = doc.content_text();
        let f1 = token_bag_f1(&text, &expected);
        report.push(format!("{:.4}  {}", f1, path.display()));
        let (missing, extra) = token_diff(&text, &expected);
        println!("{}: missing {missing:?} extra {extra:?}", path.display());
        if f1 < 0.97 {
            let (missing, extra) = token_diff(&text, &expected);
            failures.push(format!(
                "{}: token F1 {f1:.4} < 0.97\n  missing: {:?}\n  extra: {:?}",
                path.display(),
                missing.iter().take(30).collect::<Vec<_>>(),
                extra.iter().take(30).collect::<Vec<_>>()
            ));
        }
    }
    println!("token F1 per corpus PDF:\n{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_broken_hyphenation_left() {
    for (path, expected) in corpus_files("pdf") {
        let words: HashSet<String> = tokens(&expected).into_iter().collect();
        let text = read(&path).content_text();
        let raw: Vec<&str> = text.split_whitespace().collect();
        for pair in raw.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let Some(stem) = a.strip_suffix('-') else {
                continue;
            };
            if !stem.chars().last().is_some_and(char::is_alphabetic)
                || !b.chars().next().is_some_and(char::is_lowercase)
            {
                continue;
            }
            let joined: String = format!("{stem}{b}")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            assert!(
                !words.contains(&joined),
                "{}: \"{a} {b}\" is a broken hyphenation of \"{joined}\"",
                path.display()
            );
        }
        // And no hyphen glued into a word the expected text writes without one.
        for token in text.split_whitespace() {
            let Some((head, tail)) = token.split_once('-') else {
                continue;
            };
            let joined = format!("{head}{tail}").to_lowercase();
            let joined: String = joined.chars().filter(|c| c.is_alphanumeric()).collect();
            if head.chars().last().is_some_and(char::is_lowercase)
                && tail.chars().next().is_some_and(char::is_lowercase)
                && words.contains(&joined)
                && !expected.to_lowercase().contains(&token.to_lowercase())
            {
                panic!("{}: \"{token}\" keeps a line-end hyphen", path.display());
            }
        }
    }
}

#[test]
fn running_headers_and_footers_are_flagged() {
    for (path, expected) in corpus_files("pdf") {
        let doc = read(&path);
        let pages = doc.pages.unwrap_or(0);
        let furniture: Vec<&str> = doc
            .blocks
            .iter()
            .filter(|b| b.furniture)
            .map(|b| b.text.as_str())
            .collect();
        // Each page has a running header and a "Side N af M" footer.
        assert!(
            furniture.len() >= 2 * pages as usize,
            "{}: {} furniture blocks on {pages} pages: {furniture:?}",
            path.display(),
            furniture.len()
        );
        let expected_lines: HashSet<&str> = expected.lines().map(str::trim).collect();
        for block in doc.content() {
            let t = block.text.as_str();
            let page_footer = t.starts_with("Side ")
                && t.split_whitespace()
                    .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
                    .count()
                    == 2
                && t.split_whitespace().count() == 4;
            assert!(
                !page_footer,
                "{}: footer \"{t}\" in the content",
                path.display()
            );
            // A furniture text that is no line of the expected content must not appear as one.
            for f in &furniture {
                if t == *f {
                    assert!(
                        expected_lines.contains(t),
                        "{}: furniture \"{t}\" in the content",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn labelled_header_table_reads_as_label_value_rows() {
    let path = corpus_dir().join("albertslund/udsatteraadet-2021-10-14.pdf");
    let doc = read(&path);
    let rows: Vec<&Vec<String>> = doc
        .content()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow { cells } => Some(cells),
            _ => None,
        })
        .collect();
    let row = |label: &str| {
        rows.iter()
            .find(|cells| cells.first().map(String::as_str) == Some(label))
            .unwrap_or_else(|| panic!("no row labelled {label:?} in {rows:?}"))
    };
    assert_eq!(row("Forum:").as_slice(), ["Forum:", "Udsatterådet"]);
    assert_eq!(
        row("Tid:").as_slice(),
        ["Tid:", "14. oktober 2021 kl. 16.00-19.00"]
    );
    let deltagere = row("Deltagere:");
    assert_eq!(deltagere.len(), 2, "{deltagere:?}");
    for name in [
        "Jette Nyboe",
        "Lisbeth Andersen",
        "Jannie Hansen",
        "Berit Berrig",
        "Rene",
    ] {
        assert!(
            deltagere[1].contains(name),
            "Deltagere lacks {name}: {deltagere:?}"
        );
    }
    assert_eq!(
        row("Afbud:")[1],
        "Søren Mogensen, Allan Høyer og Ulla Bektas"
    );
    assert_eq!(row("U/afbud:")[1], "Diana Vang og Helge Bo Jensen");
    assert_eq!(row("Referent:")[1], "Carina Kofoed");
}

#[test]
fn numbered_items_and_bullets_keep_their_kinds() {
    let doc = read(&corpus_dir().join("albertslund/udsatteraadet-2021-10-14.pdf"));
    let numbered: Vec<&str> = doc
        .content()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str())
        .filter(|t| {
            t.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        })
        .collect();
    assert_eq!(numbered.len(), 9, "{numbered:?}");
    let bullets = doc
        .content()
        .filter(|b| matches!(b.kind, BlockKind::ListItem { number: None, .. }))
        .count();
    assert!(bullets >= 8, "only {bullets} bullet items");
    assert!(doc.content().all(|b| !b.text.starts_with('•')));
}
