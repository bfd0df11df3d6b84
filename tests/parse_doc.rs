//! Legacy Word (.doc) documents (issue 19): the corpus DOCX files saved as
//! Word 97-2003 by LibreOffice (`tests/fixtures/doc/`, made by
//! `corpus/make.py`) give the same record as the DOCX, and the real Syddjurs
//! policy from 2009 reads as its text says.

use std::path::PathBuf;

use referat_parser::quality::token_similarity;
use referat_schema::{DocType, Format, Record};
use referat_suite::record_fields;

fn docs() -> Vec<PathBuf> {
    let dir = referat_suite::root().join("tests/fixtures/doc");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/doc exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "doc"))
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "one .doc per corpus DOCX");
    out
}

/// The corpus DOCX a .doc was made from.
fn docx_of(doc: &std::path::Path) -> PathBuf {
    let name = format!(
        "{}.docx",
        doc.file_stem().expect("a file name").to_string_lossy()
    );
    let corpus = referat_suite::corpus();
    ["aalborg", "albertslund", "gladsaxe"]
        .iter()
        .map(|town| corpus.join(town).join(&name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no corpus DOCX for {}", doc.display()))
}

fn parse(path: &std::path::Path) -> Record {
    referat_parser::parse_file(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_doc_gives_the_record_of_its_docx() {
    let mut failures = Vec::new();
    for doc in docs() {
        let docx = docx_of(&doc);
        // The .doc is parsed as if it lay beside its DOCX: the folder names
        // the municipality when a document does not (Gladsaxe's minutes).
        let beside = docx.with_extension("doc");
        let bytes = std::fs::read(&doc).expect("fixture");
        let b = referat_parser::parse_bytes(&beside, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let a = parse(&docx);
        assert_eq!(b.source.format, Format::Doc);
        let name = doc.file_name().unwrap_or_default().to_string_lossy();
        let (fa, fb) = (record_fields(&a), record_fields(&b));
        if fa != fb {
            let missing: Vec<_> = fa.iter().filter(|f| !fb.contains(f)).collect();
            let extra: Vec<_> = fb.iter().filter(|f| !fa.contains(f)).collect();
            failures.push(format!(
                "{name}: fields differ from the DOCX\n  missing {missing:?}\n  extra {extra:?}"
            ));
        }
        let sim = token_similarity(&a.text, &b.text);
        println!("{name:<32} text similarity to the DOCX {sim:.3}");
        if sim < 0.97 {
            failures.push(format!("{name}: text similarity {sim:.3} < 0.97"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn doc_headings_and_table_rows_are_blocks_like_the_docx() {
    // The 2019 minutes have an attendee table and item headings: the .doc
    // must give table rows and headings, not one paragraph per cell.
    let doc = referat_suite::root().join("tests/fixtures/doc/udsatteraadet-2019-04-01.doc");
    let bytes = std::fs::read(&doc).expect("fixture");
    let (format, blocks) = referat_parser::read_blocks(&doc, &bytes).expect("reads");
    assert_eq!(format, Format::Doc);
    let docx = docx_of(&doc);
    let (_, want) =
        referat_parser::read_blocks(&docx, &std::fs::read(&docx).expect("docx")).expect("reads");
    let kinds = |b: &referat_parser::BlockDocument| {
        let mut k = [0usize; 4];
        for block in b.content() {
            k[match block.kind {
                referat_parser::BlockKind::Heading { .. } => 0,
                referat_parser::BlockKind::Paragraph => 1,
                referat_parser::BlockKind::ListItem { .. } => 2,
                referat_parser::BlockKind::TableRow { .. } => 3,
            }] += 1;
        }
        k
    };
    assert_eq!(
        kinds(&blocks),
        kinds(&want),
        "headings, paragraphs, list items, rows"
    );
}

/// `../shared/real/syddjurs-2009-04-30-politik-for-kultur-og-fritid.doc`,
/// read with antiword and LibreOffice: a policy approved by the council, not
/// minutes; its paragraphs as written.
#[test]
fn syddjurs_culture_policy_reads_as_a_policy() {
    let path = referat_suite::real().join("syddjurs-2009-04-30-politik-for-kultur-og-fritid.doc");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let record = parse(&path);
    assert_eq!(record.source.format, Format::Doc);
    assert_ne!(record.doc_type, DocType::Referat, "a policy, not minutes");
    assert!(record.attendees.is_empty(), "{:?}", record.attendees);
    let bytes = std::fs::read(&path).expect("readable");
    let (_, blocks) = referat_parser::read_blocks(&path, &bytes).expect("reads");
    let paragraphs: Vec<&str> = blocks.content().map(|b| b.text.as_str()).collect();
    // Whole paragraphs, each one block, as antiword shows them.
    for want in [
        "Godkendt af byrådet, Syddjurs Kommune den 30. april 2009",
        "Kultur giver puls og liv og bidrager til, at et område er et godt sted at arbejde, bo og leve. \
         Det gælder både den kultur, som udspiller sig helt lokalt i de enkelte mindre bysamfund og \
         som tiltrækker gæster og publikum udenfor kommunen.",
        "Politikken skal være med til at sætte rammerne for de oplevelser, der skaber identitet og \
         fællesskab fremadrettet såvel som historisk funderet.",
    ] {
        assert!(
            paragraphs.contains(&want),
            "no paragraph {want:?} among {:#?}",
            &paragraphs[..paragraphs.len().min(30)]
        );
    }
    for heading in ["Forord", "Vision"] {
        assert!(paragraphs.contains(&heading), "no {heading:?}");
    }
    assert!(record
        .text
        .contains("Politikken for Kultur og Fritid, lokalt engagement, skal sammen med"));
    assert!(
        !record.text.contains("HYPERLINK"),
        "field codes are dropped"
    );
}

/// A deterministic mutation round over a corpus .doc (the cargo-fuzz
/// target `doc` does this at scale, see FUZZING.md): bytes flipped in the
/// FIB, the tables and the directory must give a record or an error, never
/// a panic, and each parse must be quick.
#[test]
fn flipped_bytes_never_panic() {
    let doc = referat_suite::root().join("tests/fixtures/doc/udsatteraadet-2019-04-01.doc");
    let original = std::fs::read(&doc).expect("fixture");
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        // xorshift64: the same sequence every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..100 {
        let mut bytes = original.clone();
        for _ in 0..1 + next() % 8 {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = next() as u8;
        }
        let start = std::time::Instant::now();
        let result = std::panic::catch_unwind(|| {
            referat_parser::parse_bytes(std::path::Path::new("flipped.doc"), &bytes)
        });
        assert!(result.is_ok(), "round {round}: the parser panicked");
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "round {round}: {:?}",
            start.elapsed()
        );
    }
}
