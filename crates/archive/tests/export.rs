//! Export by meeting, document and item (issue 17): counts per granularity
//! on the corpus, against the corpus generator's own description of each
//! meeting (`corpus/expected/*.json`, written from the seeds, not from
//! referat's output), and item filters that keep only the matching items.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use referat_archive::{
    Archive, DocumentKind, Exported, Granularity, IngestOptions, NoProgress, Query, SectionKind,
};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The corpus generator's expected meetings, by date.
fn expected() -> BTreeMap<String, Value> {
    std::fs::read_dir(repo().join("corpus/expected"))
        .expect("corpus/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("JSON");
            (v["date"].as_str().expect("date").to_string(), v)
        })
        .collect()
}

fn corpus_archive(dir: &Path) -> Archive {
    let archive = Archive::open_or_create(dir).expect("archive");
    let summary = archive
        .ingest(
            &[repo().join("corpus")],
            &IngestOptions::default(),
            &mut NoProgress,
        )
        .expect("ingest");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    archive
}

fn export(archive: &Archive, query: &Query, by: Granularity) -> Vec<Exported> {
    archive
        .export_by(query, by)
        .expect("export")
        .map(|e| e.expect("unit"))
        .collect()
}

#[test]
fn corpus_counts_per_granularity() {
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = corpus_archive(tmp.path());
    let expected = expected();
    let all = Query::default();

    let meetings = export(&archive, &all, Granularity::Meeting);
    assert_eq!(meetings.len(), expected.len());
    for unit in &meetings {
        let Exported::Meeting(m) = unit else {
            panic!("not a meeting: {unit:?}")
        };
        let date = m.date.as_deref().expect("a dated meeting");
        let want = &expected[date];
        // One document, its three renditions (PDF, DOCX, HTML).
        assert_eq!(m.documents.len(), 1, "{date}");
        let files = want["files"].as_array().expect("files").len();
        assert_eq!(m.documents[0].renditions.len(), files, "{date}");
        let items = want["items"].as_array().expect("items").len();
        assert_eq!(m.items.len(), items, "{date}");
        let with_decision = m
            .items
            .iter()
            .filter(|i| {
                i.item
                    .sections
                    .iter()
                    .any(|s| s.kind == SectionKind::Beslutning && !s.text.trim().is_empty())
            })
            .count();
        assert_eq!(with_decision as u64, want["decisions"].as_u64().expect("n"));
        // The id is the one `show` takes.
        let shown = archive.meeting(&m.meeting_id).expect("meeting");
        assert_eq!(shown.map(|s| s.date), Some(m.date.clone()));
    }

    let documents = export(&archive, &all, Granularity::Document);
    assert_eq!(documents.len(), expected.len());
    for unit in &documents {
        let Exported::Document(d) = unit else {
            panic!("not a document")
        };
        assert_eq!(d.document_id, d.exported.record.id);
        assert_eq!(d.renditions.len(), 3);
        let meeting = d.exported.record.meeting_id.as_deref().expect("meeting");
        assert!(archive.meeting(meeting).expect("lookup").is_some());
    }

    let items = export(&archive, &all, Granularity::Item);
    let want: usize = expected
        .values()
        .map(|v| v["items"].as_array().expect("items").len())
        .sum();
    assert_eq!(items.len(), want);
    for unit in &items {
        let Exported::Item(i) = unit else {
            panic!("not an item")
        };
        let id = i.meeting_id.as_deref().expect("meeting");
        let meeting = archive.meeting(id).expect("lookup").expect("meeting");
        assert_eq!(meeting.date, i.source.record.date);
        assert_eq!(i.document_kind, DocumentKind::Minutes);
    }

    // Every file, as before.
    assert_eq!(export(&archive, &all, Granularity::File).len(), 15);
}

#[test]
fn a_section_filter_keeps_only_matching_items() {
    let tmp = tempfile::tempdir().expect("tmp");
    let archive = corpus_archive(tmp.path());
    let expected = expected();
    let query = Query {
        section: Some(SectionKind::Beslutning),
        ..Query::default()
    };
    let items = export(&archive, &query, Granularity::Item);
    let want: usize = expected
        .values()
        .flat_map(|v| v["items"].as_array().expect("items"))
        .filter(|i| {
            i["sections"]
                .as_array()
                .is_some_and(|s| s.iter().any(|k| k == "beslutning"))
        })
        .count();
    let all: usize = expected
        .values()
        .map(|v| v["items"].as_array().expect("items").len())
        .sum();
    assert!(want < all, "the corpus has items without a decision");
    assert_eq!(items.len(), want);
    for unit in &items {
        let Exported::Item(i) = unit else {
            panic!("not an item")
        };
        assert!(i
            .item
            .sections
            .iter()
            .any(|s| s.kind == SectionKind::Beslutning));
    }

    // A topic in the decisions: only items whose decision has the word.
    let query = Query {
        text: Some("godkendt".into()),
        section: Some(SectionKind::Beslutning),
        ..Query::default()
    };
    let items = export(&archive, &query, Granularity::Item);
    assert!(!items.is_empty());
    let numbers: BTreeSet<(String, u32)> = items
        .iter()
        .map(|u| match u {
            Exported::Item(i) => (i.document_id.clone(), i.item.number),
            _ => panic!("not an item"),
        })
        .collect();
    assert_eq!(numbers.len(), items.len(), "an item came out twice");
    for unit in &items {
        let Exported::Item(i) = unit else {
            unreachable!()
        };
        let decision: String = i
            .item
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Beslutning)
            .map(|s| s.text.to_lowercase())
            .collect();
        assert!(decision.contains("godkend"), "{decision}");
    }
    // The meetings of those items, and no others.
    let meetings = export(&archive, &query, Granularity::Meeting);
    let of_items: BTreeSet<String> = items
        .iter()
        .filter_map(|u| match u {
            Exported::Item(i) => i.meeting_id.clone(),
            _ => None,
        })
        .collect();
    let exported: BTreeSet<String> = meetings
        .iter()
        .map(|u| match u {
            Exported::Meeting(m) => m.meeting_id.clone(),
            _ => panic!("not a meeting"),
        })
        .collect();
    assert_eq!(of_items, exported);
}
