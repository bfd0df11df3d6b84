//! Idempotent, incremental ingest; persistence; reading records back; stats.

mod common;

use std::path::PathBuf;

use common::{doc_ids, index_of, item, record, with_items};
use referat_indexer::{Index, IndexError, Query, Upsert};
use referat_schema::{Format, SectionKind};

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "referat-indexer-{name}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn entries(index: &Index) -> (u64, u64) {
    let stats = index.stats().expect("stats");
    (stats.documents, stats.items)
}

#[test]
fn upserting_the_same_record_changes_nothing() {
    let r = with_items(
        record("a", 1, "Mødet om skæve boliger."),
        vec![item(
            1,
            "Boliger",
            &[(SectionKind::Beslutning, "Godkendt.")],
        )],
    );
    let index = index_of(std::slice::from_ref(&r));
    assert_eq!(entries(&index), (1, 1));
    let mut writer = index.writer(50_000_000).expect("writer");
    assert_eq!(writer.upsert(&r).expect("upsert"), Upsert::Unchanged);
    writer.commit().expect("commit");
    assert_eq!(entries(&index), (1, 1));
    assert_eq!(
        index.search(&Query::text("boliger")).expect("search").total,
        1
    );
}

#[test]
fn a_modified_record_replaces_its_old_version_once() {
    let old = record("a", 1, "Første udgave om trafik.");
    let index = index_of(std::slice::from_ref(&old));
    let new = record("a", 2, "Anden udgave om boliger.");
    assert_eq!(old.source.path, new.source.path);
    assert_ne!(old.source.sha256, new.source.sha256);
    let mut writer = index.writer(50_000_000).expect("writer");
    assert_eq!(writer.upsert(&new).expect("upsert"), Upsert::Replaced);
    // Within the same session, the new version is already the known one.
    assert_eq!(writer.upsert(&new).expect("upsert"), Upsert::Unchanged);
    writer.commit().expect("commit");
    assert_eq!(entries(&index), (1, 0));
    assert!(doc_ids(&index, "trafik").is_empty());
    assert_eq!(doc_ids(&index, "boliger"), std::slice::from_ref(&new.id));
    assert!(index.get(&old.id).expect("get").is_none());
    assert_eq!(index.get(&new.id).expect("get"), Some(new));
}

#[test]
fn prune_removes_records_whose_files_are_gone() {
    let keep = record("keep", 1, "Bliver.");
    let gone = with_items(
        record("gone", 1, "Forsvinder."),
        vec![item(
            1,
            "Punkt",
            &[(SectionKind::Other, "Forsvinder også.")],
        )],
    );
    let index = index_of(&[keep.clone(), gone.clone()]);
    assert_eq!(entries(&index), (2, 1));
    let mut writer = index.writer(50_000_000).expect("writer");
    let removed = writer
        .prune(|path| path == keep.source.path)
        .expect("prune");
    assert_eq!(removed, 1);
    writer.commit().expect("commit");
    drop(writer);
    assert_eq!(entries(&index), (1, 0));
    assert!(index.get(&gone.id).expect("get").is_none());
    assert!(index.get(&keep.id).expect("get").is_some());
    // Pruning again finds nothing more.
    let mut writer = index.writer(50_000_000).expect("writer");
    assert_eq!(
        writer
            .prune(|path| path == keep.source.path)
            .expect("prune"),
        0
    );
}

#[test]
fn the_index_persists_and_reopens() {
    let dir = TempDir::new("persist");
    let r = record("a", 1, "Ensomhedspuljen fordeles.");
    {
        let index = Index::open_or_create(&dir.0).expect("create");
        let mut writer = index.writer(50_000_000).expect("writer");
        assert_eq!(writer.upsert(&r).expect("upsert"), Upsert::Added);
        writer.commit().expect("commit");
        // An uncommitted change is not visible and is lost with the writer.
        let late = record("late", 1, "Aldrig gemt.");
        writer.upsert(&late).expect("upsert");
    }
    let index = Index::open_or_create(&dir.0).expect("reopen");
    assert_eq!(entries(&index), (1, 0));
    assert_eq!(doc_ids(&index, "pulje"), std::slice::from_ref(&r.id));
    let mut writer = index.writer(50_000_000).expect("writer");
    assert_eq!(writer.upsert(&r).expect("upsert"), Upsert::Unchanged);
}

#[test]
fn a_second_writer_is_refused() {
    let dir = TempDir::new("lock");
    let index = Index::open_or_create(&dir.0).expect("create");
    let _writer = index.writer(50_000_000).expect("writer");
    let other = Index::open_or_create(&dir.0).expect("open");
    assert!(matches!(other.writer(50_000_000), Err(IndexError::Locked)));
}

#[test]
fn records_streams_every_matching_record_oldest_first() {
    let mut a = record("a", 1, "A");
    a.date = Some("2021-01-01".into());
    a.municipality = Some("Aarhus".into());
    let mut b = record("b", 1, "B");
    b.date = Some("2019-01-01".into());
    b.municipality = Some("Aarhus".into());
    let mut c = record("c", 1, "C");
    c.municipality = Some("Odense".into());
    let index = index_of(&[a.clone(), b.clone(), c.clone()]);
    let all: Vec<_> = index
        .records(&Query::default())
        .expect("records")
        .collect::<Result<_, _>>()
        .expect("read");
    assert_eq!(all, [b.clone(), a.clone(), c]);
    let aarhus: Vec<_> = index
        .records(&Query {
            municipality: Some("Aarhus".into()),
            ..Query::default()
        })
        .expect("records")
        .collect::<Result<_, _>>()
        .expect("read");
    assert_eq!(aarhus, [b, a]);
}

#[test]
fn stats_count_by_municipality_year_type_and_format() {
    let mut a = with_items(
        record("a", 1, "A"),
        vec![item(1, "x", &[]), item(2, "y", &[])],
    );
    a.date = Some("2021-01-01".into());
    a.municipality = Some("Aarhus".into());
    let mut b = record("b", 1, "B");
    b.source.format = Format::Html;
    b.municipality = Some("Aarhus".into());
    let index = index_of(&[a, b]);
    let stats = index.stats().expect("stats");
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.items, 2);
    assert_eq!(stats.by_municipality.get("Aarhus"), Some(&2));
    assert_eq!(stats.by_year.get("2021"), Some(&1));
    assert_eq!(stats.by_year.get(referat_indexer::UNKNOWN), Some(&1));
    assert_eq!(stats.by_format.get("pdf"), Some(&1));
    assert_eq!(stats.by_format.get("html"), Some(&1));
    assert_eq!(stats.by_doc_type.get("referat"), Some(&2));
    assert_eq!(stats.by_body.get(referat_indexer::UNKNOWN), Some(&2));
}

#[test]
fn an_index_with_another_schema_is_refused() {
    let dir = TempDir::new("schema");
    std::fs::create_dir_all(&dir.0).expect("mkdir");
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("something_else", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&dir.0, builder.build()).expect("other index");
    assert!(matches!(
        Index::open_or_create(&dir.0),
        Err(IndexError::SchemaMismatch(_))
    ));
}
